// The client and invoice lists as the exports write them: columns, cell kinds, groups and the
// SUBTOTAL formulas under the invoice list.

#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_invoices.hpp"
#include "core/transfer/import_mapping.hpp"

#include <gtest/gtest.h>

namespace clientes
{

TEST(ExportLists, ClientListAddsDatesThatImportIgnores)
{
    Client client;
    client.code = "C-000001";
    client.legalName = "Ñandú, S.A.";
    client.postalCode = "08001";
    client.createdAt = "2024-05-01T12:00:00.000Z";
    client.updatedAt = "2024-05-02T06:00:00.000Z";
    for (Language language : {Language::Es, Language::En, Language::Pt})
    {
        const ExportSheet sheet = shapeClientList(std::vector<Client>{client}, language);
        ASSERT_EQ(sheet.headers.size(), 17U);
        EXPECT_EQ(sheet.columnKinds[15], CellKind::Date);
        EXPECT_EQ(sheet.columnKinds[16], CellKind::Date);
        EXPECT_EQ(sheet.rows[0][15].kind, CellKind::Date);
        EXPECT_DOUBLE_EQ(sheet.rows[0][15].number, 45413.5);
        EXPECT_DOUBLE_EQ(sheet.rows[0][16].number, 45414.25);
        EXPECT_EQ(sheet.rows[0][6].text, "08001");
        const ColumnMapping mapping = autoMapping(sheet.headers);
        EXPECT_FALSE(mapping[15]) << sheet.headers[15];
        EXPECT_FALSE(mapping[16]) << sheet.headers[16];
        for (std::size_t c = 0; c < 15; ++c)
            EXPECT_EQ(mapping[c], exportedClientFields()[c]);
    }
}

TEST(ExportLists, InvoiceListGroupsAndTotals)
{
    const auto row = [](std::string number, InvoiceStatus status, std::string currency,
                        std::string issue, std::int64_t net)
    {
        InvoiceListRow r;
        r.invoice.number = std::move(number);
        r.invoice.status = status;
        r.invoice.currency = std::move(currency);
        r.invoice.issueDate = issue;
        r.invoice.dueDate = issue;
        r.invoice.net = net;
        r.invoice.tax = net / 10;
        r.invoice.total = net + net / 10;
        r.clientCode = "C-000001";
        r.clientLegalName = "Cliente";
        r.clientTaxId = "B12345674";
        return r;
    };
    const std::vector<InvoiceListRow> rows = {
        row("F-3", InvoiceStatus::Paid, "EUR", "2024-03-01", 1000),
        row("F-1", InvoiceStatus::Authorised, "EUR", "2024-02-01", 2000),
        row("F-2", InvoiceStatus::Paid, "EUR", "2024-01-01", 3000),
        row("U-1", InvoiceStatus::Paid, "USD", "2024-01-05", 450),
        row("J-1", InvoiceStatus::Draft, "JPY", "2024-01-05", 5000),
    };
    const InvoiceListSheet list = shapeInvoiceList(rows, Language::Es, 2);
    const ExportSheet& sheet = list.sheet;
    ASSERT_EQ(sheet.headers.size(), 11U);
    EXPECT_EQ(sheet.headers[0], "Número de factura");
    EXPECT_EQ(sheet.headers[5], "Base imponible");
    EXPECT_EQ(sheet.headers[10], "Código de cliente");
    // Draft, issued, paid; by currency; by date.
    ASSERT_EQ(sheet.rows.size(), 5U);
    EXPECT_EQ(sheet.rows[0][0].text, "J-1");
    EXPECT_EQ(sheet.rows[1][0].text, "F-1");
    EXPECT_EQ(sheet.rows[2][0].text, "F-2");
    EXPECT_EQ(sheet.rows[3][0].text, "F-3");
    EXPECT_EQ(sheet.rows[4][0].text, "U-1");
    EXPECT_EQ(sheet.rows[0][5].kind, CellKind::Number);
    EXPECT_DOUBLE_EQ(sheet.rows[0][5].number, 5000); // JPY: no decimals
    EXPECT_DOUBLE_EQ(sheet.rows[1][7].number, 22.00);
    EXPECT_EQ(sheet.rows[1][3].kind, CellKind::Date);
    EXPECT_DOUBLE_EQ(sheet.rows[1][3].number, 45323);
    EXPECT_EQ(sheet.rows[1][9].text, "Emitida");
    ASSERT_EQ(list.groups.size(), 4U);
    EXPECT_EQ(list.groups[2].firstRow, 2U);
    EXPECT_EQ(list.groups[2].lastRow, 3U);
    ASSERT_EQ(list.totals.size(), 4U + 3U); // per group, then JPY, EUR, USD
    EXPECT_EQ(list.totals[2].label, "Total Pagada (EUR)");
    EXPECT_EQ(list.totals[2].formulas[0], "=SUBTOTAL(109;F4:F5)");
    EXPECT_EQ(list.totals[2].formulas[2], "=SUBTOTAL(109;H4:H5)");
    EXPECT_EQ(list.totals[4].label, "Total (EUR)");
    EXPECT_EQ(list.totals[4].formulas[0], "=SUBTOTAL(109;F3:F3;F4:F5)");
    EXPECT_EQ(list.totals[6].label, "Total (USD)");
    EXPECT_EQ(list.totals[6].digits, 2);
    EXPECT_EQ(list.totals[5].digits, 0); // JPY
    EXPECT_TRUE(shapeInvoiceList({}, Language::En).totals.empty());
}

} // namespace clientes
