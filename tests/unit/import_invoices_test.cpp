// Planning a sales-invoice import: header recognition, dates, amounts, statuses, clients by
// tax ID or code, new clients on request, existing invoices, and every row problem.

#include "core/messages/transfer_text.hpp"
#include "core/rules/dates.hpp"
#include "core/rules/validation.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_invoices.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace clientes
{

namespace
{

ImportCell text(std::string value)
{
    ImportCell cell;
    cell.text = std::move(value);
    return cell;
}

ImportCell number(double value)
{
    ImportCell cell;
    cell.isNumber = true;
    cell.number = value;
    return cell;
}

Client stored(std::int64_t id, std::string name, std::string taxId, std::string country = "ES",
              std::string currency = "")
{
    Client client;
    client.id = id;
    char code[16];
    std::snprintf(code, sizeof code, "C-%06lld", static_cast<long long>(id));
    client.code = code;
    client.legalName = std::move(name);
    client.taxId = std::move(taxId);
    client.country = std::move(country);
    client.currency = std::move(currency);
    client.version = 1;
    tidy(client);
    return client;
}

Invoice storedInvoice(std::int64_t id, std::int64_t clientId, std::string number)
{
    Invoice invoice;
    invoice.id = id;
    invoice.clientId = clientId;
    invoice.number = std::move(number);
    invoice.issueDate = "2024-03-01";
    invoice.dueDate = "2024-03-31";
    invoice.net = 10000;
    invoice.tax = 2100;
    invoice.total = 12100;
    invoice.currency = "EUR";
    invoice.status = InvoiceStatus::Authorised;
    invoice.version = 1;
    return invoice;
}

struct Register
{
    InMemoryClients clients{{stored(1, "Pérez Gómez, S.L.", "B12345674"),
                             stored(2, "Açores Pescas, Lda.", "501964843", "PT", "EUR"),
                             stored(3, "Sin NIF", "")}};
    InMemoryInvoices invoices{{storedInvoice(10, 1, "F-2024-001")}};
};

const std::vector<ImportCell> kHeader = {
    text("Nº factura"), text("NIF"), text("Cliente"), text("Fecha"),  text("Vencimiento"),
    text("Base"),       text("IVA"), text("Total"),   text("Moneda"), text("Estado")};

InvoicePlan plan(const ImportTable& table, InvoiceImportOptions options = {})
{
    Register reg;
    if (options.defaultCurrency.empty())
        options.defaultCurrency = "EUR";
    return planInvoiceImport(table, options, reg.clients, reg.invoices, Language::Es);
}

std::vector<std::string> problemTexts(const InvoicePlan& plan)
{
    std::vector<std::string> texts;
    for (const InvoiceProblem& problem : plan.problems)
        texts.push_back(problem.text());
    return texts;
}

bool hasProblem(const InvoicePlan& plan, InvoiceField field, Severity severity,
                std::string_view containing = {})
{
    return std::any_of(plan.problems.begin(), plan.problems.end(),
                       [&](const InvoiceProblem& p)
                       {
                           return p.field == field && p.severity == severity &&
                                  p.reason.find(containing) != std::string::npos;
                       });
}

} // namespace

TEST(ImportInvoices, HeadersInThreeLanguages)
{
    const std::vector<std::pair<const char*, InvoiceField>> cases = {
        {"Nº factura", InvoiceField::Number},
        {"Número de factura", InvoiceField::Number},
        {"Invoice number", InvoiceField::Number},
        {"Invoice #", InvoiceField::Number},
        {"Número da fatura", InvoiceField::Number},
        {"NIF", InvoiceField::ClientTaxId},
        {"NIF del cliente", InvoiceField::ClientTaxId},
        {"CIF cliente", InvoiceField::ClientTaxId},
        {"Customer VAT number", InvoiceField::ClientTaxId},
        {"Tax ID", InvoiceField::ClientTaxId},
        {"Contribuinte", InvoiceField::ClientTaxId},
        {"Código cliente", InvoiceField::ClientCode},
        {"Client code", InvoiceField::ClientCode},
        {"Cliente", InvoiceField::ClientName},
        {"Razón social", InvoiceField::ClientName},
        {"Nombre del cliente", InvoiceField::ClientName},
        {"Customer", InvoiceField::ClientName},
        {"Fecha", InvoiceField::IssueDate},
        {"Fecha de emisión", InvoiceField::IssueDate},
        {"Fecha factura", InvoiceField::IssueDate},
        {"Invoice date", InvoiceField::IssueDate},
        {"Data de emissão", InvoiceField::IssueDate},
        {"Vencimiento", InvoiceField::DueDate},
        {"Fecha de vencimiento", InvoiceField::DueDate},
        {"Due date", InvoiceField::DueDate},
        {"Base imponible", InvoiceField::Net},
        {"Importe neto", InvoiceField::Net},
        {"Total sin IVA", InvoiceField::Net},
        {"Valor líquido", InvoiceField::Net},
        {"IVA", InvoiceField::Tax},
        {"Cuota IVA", InvoiceField::Tax},
        {"Importe IVA", InvoiceField::Tax},
        {"VAT amount", InvoiceField::Tax},
        {"Impostos", InvoiceField::Tax},
        {"Total", InvoiceField::Total},
        {"Total factura", InvoiceField::Total},
        {"Total con IVA", InvoiceField::Total},
        {"Importe", InvoiceField::Total},
        {"Amount", InvoiceField::Total},
        {"Moneda", InvoiceField::Currency},
        {"Divisa", InvoiceField::Currency},
        {"Estado", InvoiceField::Status},
        {"Status", InvoiceField::Status},
        {"issueDate", InvoiceField::IssueDate},
        {"clientTaxId", InvoiceField::ClientTaxId},
    };
    for (const auto& [header, field] : cases)
        EXPECT_EQ(invoiceFieldForHeader(header), field) << header;
    for (const char* header : {"% IVA", "Tipo de IVA", "", "Observaciones", "🙂"})
        EXPECT_FALSE(invoiceFieldForHeader(header)) << header;
    // The export's own headers map back, in every language.
    for (Language language : {Language::Es, Language::En, Language::Pt})
        for (InvoiceField field : allInvoiceFields())
            EXPECT_EQ(invoiceFieldForHeader(invoiceFieldLabel(field, language)), field)
                << invoiceFieldLabel(field, language);
    const InvoiceMapping mapping =
        autoInvoiceMapping({"Fecha", "Fecha de vencimiento", "Total", "Importe"});
    EXPECT_EQ(mapping[0], InvoiceField::IssueDate);
    EXPECT_EQ(mapping[1], InvoiceField::DueDate);
    EXPECT_EQ(mapping[2], InvoiceField::Total);
    EXPECT_FALSE(mapping[3]); // Total already taken
}

TEST(ImportInvoices, Dates)
{
    EXPECT_EQ(importDate(number(45413), true), "2024-05-01");
    EXPECT_EQ(importDate(number(45413.75), true), "2024-05-01");
    EXPECT_EQ(importDate(text("2024-05-31"), true), "2024-05-31");
    EXPECT_EQ(importDate(text("2024-05-31T10:00:00Z"), true), "2024-05-31");
    EXPECT_EQ(importDate(text("31/05/2024"), true), "2024-05-31");
    EXPECT_EQ(importDate(text(" 1-5-24 "), true), "2024-05-01");
    EXPECT_EQ(importDate(text("31.05.2024 10:30"), true), "2024-05-31");
    EXPECT_EQ(importDate(text("05/31/2024"), false), "2024-05-31");
    EXPECT_EQ(importDate(text("2024/05/31"), false), "2024-05-31");
    // The other order when only it makes sense; the locale's when both do.
    EXPECT_EQ(importDate(text("15/05/2024"), false), "2024-05-15");
    EXPECT_EQ(importDate(text("05/31/2024"), true), "2024-05-31");
    EXPECT_EQ(importDate(text("05/04/2024"), true), "2024-04-05");
    EXPECT_EQ(importDate(text("05/04/2024"), false), "2024-05-04");
    for (const char* bad :
         {"31/05/2024x", "2024-02-30", "13/13/2024", "mayo", "", "1/5", "31-05/2024", "32/05/2024"})
        EXPECT_FALSE(importDate(text(bad), true)) << bad;
    EXPECT_FALSE(importDate(number(1e9), true));
    EXPECT_EQ(isoDateFromSerial(0), "1899-12-30");
    EXPECT_EQ(isoDateFromSerial(1), "1899-12-31");
    EXPECT_EQ(isoDateFromSerial(61), "1900-03-01");
    EXPECT_EQ(isoDateFromSerial(2958465), "9999-12-31");
    for (int serial : {1, 60, 366, 36585, 45292, 45413, 100000})
    {
        const auto iso = isoDateFromSerial(serial);
        ASSERT_TRUE(iso);
        EXPECT_EQ(spreadsheetSerial(*iso), serial) << *iso;
    }
}

TEST(ImportInvoices, Amounts)
{
    EXPECT_EQ(importAmount(number(1234.56), 2), 123456);
    EXPECT_EQ(importAmount(number(0.1 + 0.2), 2), 30);
    EXPECT_EQ(importAmount(number(12.345), 2), 1235); // numbers round to the currency
    EXPECT_EQ(importAmount(text("1234,56"), 2), 123456);
    EXPECT_EQ(importAmount(text("1.234,56 €"), 2), 123456);
    EXPECT_EQ(importAmount(text("1,234.56"), 2), 123456);
    EXPECT_EQ(importAmount(text("€ 1 234,5"), 2), 123450);
    EXPECT_EQ(importAmount(text("-12,50"), 2), -1250);
    EXPECT_EQ(importAmount(text("(12.50)"), 2), -1250);
    EXPECT_EQ(importAmount(text("12,50-"), 2), -1250);
    EXPECT_EQ(importAmount(text("1.234.567"), 2), 123456700);
    // One separator and three digits: thousands, unless the currency has three decimals.
    EXPECT_EQ(importAmount(text("1.234"), 2), 123400);
    EXPECT_EQ(importAmount(text("1,234"), 0), 1234);
    EXPECT_EQ(importAmount(text("1.234"), 3), 1234);
    EXPECT_EQ(importAmount(text("12.345,6"), 2), 1234560);
    EXPECT_EQ(importAmount(text("100 EUR"), 2), 10000);
    EXPECT_EQ(importAmount(text("1234"), 3), 1234000);
    for (const char* bad : {"", "abc", "1,2345", "1234.567", "1,2,3", "1.23.4", "--1", "1..2",
                            "12.5%", "1,234.567,8", "2024-05-01"})
        EXPECT_FALSE(importAmount(text(bad), 2)) << bad;
}

TEST(ImportInvoices, Statuses)
{
    EXPECT_EQ(importStatus("paid"), InvoiceStatus::Paid);
    EXPECT_EQ(importStatus("Pagada"), InvoiceStatus::Paid);
    EXPECT_EQ(importStatus("COBRADA"), InvoiceStatus::Paid);
    EXPECT_EQ(importStatus("Paga"), InvoiceStatus::Paid);
    EXPECT_EQ(importStatus("Emitida"), InvoiceStatus::Authorised);
    EXPECT_EQ(importStatus("Pendiente de cobro"), InvoiceStatus::Authorised);
    EXPECT_EQ(importStatus("Issued"), InvoiceStatus::Authorised);
    EXPECT_EQ(importStatus("authorised"), InvoiceStatus::Authorised);
    EXPECT_EQ(importStatus("Borrador"), InvoiceStatus::Draft);
    EXPECT_EQ(importStatus("Rascunho"), InvoiceStatus::Draft);
    EXPECT_FALSE(importStatus("anulada"));
    for (Language language : {Language::Es, Language::En, Language::Pt})
        for (InvoiceStatus status :
             {InvoiceStatus::Draft, InvoiceStatus::Authorised, InvoiceStatus::Paid})
            EXPECT_EQ(importStatus(invoiceStatusLabel(status, language)), status);
}

TEST(ImportInvoices, CreatesInvoicesLinkedByTaxIdOrCode)
{
    const ImportTable table = {
        kHeader,
        {text("F-2024-100"), text("B-12.345.674"), text("Pérez"), number(45413), text(""),
         number(100), number(21), number(121), text("EUR"), text("Pagada")},
        {text("F-2024-101"), text("PT501964843"), text("Açores"), text("02/05/2024"),
         text("01/06/2024"), text("1.000,50"), text(""), text("1.210,61"), text(""), text("")},
        {text("F-2024-102"), text("ES B12345674"), text(""), text("2024-05-03"), text(""), text(""),
         text(""), text("50"), text("eur"), text("borrador")},
    };
    const InvoicePlan result = plan(table);
    EXPECT_EQ(result.created, 3U) << ::testing::PrintToString(problemTexts(result));
    EXPECT_EQ(result.errors, 0U);
    EXPECT_TRUE(result.committable());
    ASSERT_EQ(result.rows.size(), 3U);
    const Invoice& first = result.rows[0].invoice;
    EXPECT_EQ(first.clientId, 1);
    EXPECT_EQ(first.number, "F-2024-100");
    EXPECT_EQ(first.issueDate, "2024-05-01");
    EXPECT_EQ(first.dueDate, "2024-05-01"); // due on receipt
    EXPECT_EQ(first.net, 10000);
    EXPECT_EQ(first.tax, 2100);
    EXPECT_EQ(first.total, 12100);
    EXPECT_EQ(first.status, InvoiceStatus::Paid);
    EXPECT_EQ(result.rows[0].clientLabel, "C-000001 Pérez Gómez, S.L.");
    const Invoice& second = result.rows[1].invoice;
    EXPECT_EQ(second.clientId, 2);
    EXPECT_EQ(second.issueDate, "2024-05-02");
    EXPECT_EQ(second.dueDate, "2024-06-01");
    EXPECT_EQ(second.net, 100050);
    EXPECT_EQ(second.tax, 21011);      // total - net
    EXPECT_EQ(second.currency, "EUR"); // the client's
    EXPECT_EQ(second.status, InvoiceStatus::Authorised);
    const Invoice& third = result.rows[2].invoice;
    EXPECT_EQ(third.clientId, 1); // "ES" prefix of a Spanish client
    EXPECT_EQ(third.net, 5000);
    EXPECT_EQ(third.tax, 0);
    EXPECT_EQ(third.status, InvoiceStatus::Draft);
}

TEST(ImportInvoices, RowProblems)
{
    const ImportTable table = {
        kHeader,
        {text(""), text("B12345674"), text(""), number(45413), text(""), number(100), number(21),
         number(121), text(""), text("")},
        {text("F-1"), text("B99999999"), text(""), number(45413), text(""), number(100), number(21),
         number(121), text(""), text("")},
        {text("F-2"), text("B12345674"), text(""), text("mañana"), text(""), number(100),
         number(21), number(120), text("EURO"), text("anulada")},
        {text("f-1"), text("B12345674"), text(""), number(45413), number(45400), text("1,2345"),
         text(""), text(""), text(""), text("")},
    };
    const InvoicePlan result = plan(table);
    EXPECT_EQ(result.created, 0U);
    EXPECT_EQ(result.invalid, 4U);
    EXPECT_FALSE(result.committable());
    const auto texts = problemTexts(result);
    EXPECT_TRUE(hasProblem(result, InvoiceField::Number, Severity::Error, "obligatori"))
        << ::testing::PrintToString(texts);
    EXPECT_TRUE(hasProblem(result, InvoiceField::ClientTaxId, Severity::Error, "B99999999"));
    EXPECT_TRUE(hasProblem(result, InvoiceField::IssueDate, Severity::Error, "mañana"));
    EXPECT_TRUE(hasProblem(result, InvoiceField::Currency, Severity::Error, "EURO"));
    EXPECT_TRUE(hasProblem(result, InvoiceField::Status, Severity::Error, "anulada"));
    EXPECT_TRUE(hasProblem(result, InvoiceField::Number, Severity::Error, "fila 3"));
    EXPECT_TRUE(hasProblem(result, InvoiceField::Net, Severity::Error, "decimales"))
        << ::testing::PrintToString(texts);
    // Row numbers are the sheet's.
    EXPECT_NE(std::find(texts.begin(), texts.end(),
                        "row 3, clientTaxId: Ningún cliente tiene el NIF o código «B99999999». "
                        "Dé de alta el cliente o elija «Crear los clientes que falten»."),
              texts.end());
    // Amounts that do not add up.
    const ImportTable mismatch = {kHeader,
                                  {text("F-9"), text("B12345674"), text(""), number(45413),
                                   text(""), number(100), number(21), number(120), text(""),
                                   text("")}};
    const InvoicePlan wrong = plan(mismatch);
    EXPECT_TRUE(hasProblem(wrong, InvoiceField::Total, Severity::Error, "100.00"))
        << ::testing::PrintToString(problemTexts(wrong));
    // SkipInvalid: skipped, committable.
    InvoiceImportOptions skip;
    skip.skipInvalid = true;
    const InvoicePlan skipped = plan(table, skip);
    EXPECT_EQ(skipped.skipped, 4U);
    EXPECT_TRUE(skipped.committable());
}

TEST(ImportInvoices, MissingColumnsAreTableErrors)
{
    const InvoicePlan result =
        plan({{text("Cliente"), text("Observaciones")}, {text("x"), text("y")}});
    EXPECT_FALSE(result.committable());
    EXPECT_TRUE(hasProblem(result, InvoiceField::Number, Severity::Error));
    EXPECT_TRUE(hasProblem(result, InvoiceField::ClientTaxId, Severity::Error));
    EXPECT_TRUE(hasProblem(result, InvoiceField::IssueDate, Severity::Error));
    EXPECT_TRUE(hasProblem(result, InvoiceField::Total, Severity::Error));
}

TEST(ImportInvoices, CreateMissingClients)
{
    const ImportTable table = {
        kHeader,
        {text("N-1"), text("B87654321"), text("Nuevo Cliente, S.L."), number(45413), text(""),
         text(""), text(""), number(50), text(""), text("")},
        {text("N-2"), text("B-87654321"), text(""), number(45414), text(""), text(""), text(""),
         number(60), text(""), text("")},
        {text("N-3"), text("X1234567L"), text(""), number(45414), text(""), text(""), text(""),
         number(60), text(""), text("")},
    };
    const InvoicePlan refused = plan(table);
    EXPECT_EQ(refused.invalid, 3U);
    InvoiceImportOptions options;
    options.createMissingClients = true;
    const InvoicePlan result = plan(table, options);
    ASSERT_EQ(result.newClients.size(), 1U) << ::testing::PrintToString(problemTexts(result));
    EXPECT_EQ(result.newClients[0].legalName, "Nuevo Cliente, S.L.");
    EXPECT_EQ(result.newClients[0].taxId, "B87654321");
    EXPECT_EQ(result.rows[0].newClient, 0U);
    EXPECT_EQ(result.rows[1].newClient, 0U); // same tax ID, other spelling
    EXPECT_EQ(result.created, 2U);
    EXPECT_EQ(result.invalid, 1U); // the third needs a name
    EXPECT_TRUE(hasProblem(result, InvoiceField::ClientName, Severity::Warning, "Nuevo Cliente"));
    EXPECT_TRUE(hasProblem(result, InvoiceField::ClientName, Severity::Error, "X1234567L"));
}

TEST(ImportInvoices, ExistingInvoices)
{
    const auto row =
        [](const char* invoiceNumber, const char* taxId, double total, const char* status)
    {
        return std::vector<ImportCell>{text(invoiceNumber), text(taxId), text(""),   number(45352),
                                       number(45382),       number(100), number(21), number(total),
                                       text("EUR"),         text(status)};
    };
    // Same values as stored: unchanged. A new status: update of that field only.
    const InvoicePlan same = plan({kHeader, row("f-2024-001", "B12345674", 121, "Emitida")});
    EXPECT_EQ(same.unchanged, 1U) << ::testing::PrintToString(problemTexts(same));
    EXPECT_TRUE(hasProblem(same, InvoiceField::Number, Severity::Warning, "F-2024-001"));
    const InvoicePlan paid = plan({kHeader, row("F-2024-001", "B12345674", 121, "Pagada")});
    EXPECT_EQ(paid.updated, 1U);
    EXPECT_EQ(paid.rows[0].invoice.id, 10);
    EXPECT_EQ(paid.rows[0].invoice.version, 1);
    EXPECT_EQ(paid.rows[0].invoice.status, InvoiceStatus::Paid);
    EXPECT_EQ(paid.rows[0].changedFields, std::vector<InvoiceField>{InvoiceField::Status});
    // FillEmpty never overwrites an invoice.
    InvoiceImportOptions fill;
    fill.policy = UpdatePolicy::FillEmpty;
    EXPECT_EQ(plan({kHeader, row("F-2024-001", "B12345674", 121, "Pagada")}, fill).unchanged, 1U);
    // Create only: skipped.
    InvoiceImportOptions createOnly;
    createOnly.mode = ImportMode::CreateOnly;
    EXPECT_EQ(plan({kHeader, row("F-2024-001", "B12345674", 121, "Pagada")}, createOnly).skipped,
              1U);
    InvoiceImportOptions updateOnly;
    updateOnly.mode = ImportMode::UpdateOnly;
    EXPECT_EQ(plan({kHeader, row("F-NEW", "B12345674", 121, "Pagada")}, updateOnly).skipped, 1U);
    // Another client's invoice number.
    const InvoicePlan other = plan({kHeader, row("F-2024-001", "501964843", 121, "Pagada")});
    EXPECT_EQ(other.invalid, 1U);
    EXPECT_TRUE(hasProblem(other, InvoiceField::ClientTaxId, Severity::Error, "C-000001"));
}

TEST(ImportInvoices, NoCurrencyAnywhere)
{
    InvoiceImportOptions options;
    Register reg;
    const ImportTable table = {{text("Número"), text("NIF"), text("Fecha"), text("Total")},
                               {text("X-1"), text("B12345674"), number(45413), number(10)},
                               {text("X-2"), text("501964843"), number(45413), number(10)}};
    const InvoicePlan result =
        planInvoiceImport(table, options, reg.clients, reg.invoices, Language::En);
    EXPECT_EQ(result.invalid, 1U); // client 1 has no currency, no default given
    EXPECT_EQ(result.created, 1U); // client 2's EUR
    EXPECT_TRUE(hasProblem(result, InvoiceField::Total, Severity::Error, "currency"));
}

TEST(ImportInvoices, ExportedListImportsBackUnchanged)
{
    Register reg;
    std::vector<InvoiceListRow> rows;
    InvoiceListRow row;
    row.invoice = storedInvoice(10, 1, "F-2024-001");
    row.clientCode = "C-000001";
    row.clientLegalName = "Pérez Gómez, S.L.";
    row.clientTaxId = "B12345674";
    rows.push_back(row);
    for (Language language : {Language::Es, Language::En, Language::Pt})
    {
        const InvoiceListSheet list = shapeInvoiceList(rows, language);
        ImportTable table;
        table.emplace_back();
        for (const std::string& header : list.sheet.headers)
            table.back().push_back(text(header));
        for (const auto& cells : list.sheet.rows)
        {
            table.emplace_back();
            for (const ExportCell& cell : cells)
                table.back().push_back(cell.kind == CellKind::Text ? text(cell.text)
                                                                   : number(cell.number));
        }
        InvoiceImportOptions options;
        const InvoicePlan result =
            planInvoiceImport(table, options, reg.clients, reg.invoices, language);
        EXPECT_EQ(result.unchanged, 1U) << ::testing::PrintToString(problemTexts(result));
        EXPECT_EQ(result.errors, 0U);
    }
}

} // namespace clientes

namespace clientes
{
TEST(ImportInvoices, FormulaErrorsAndSheetRows)
{
    ImportTable table = {kHeader,
                         {text("F-1"), text("B12345674"), text(""), text("2024-05-01"), text(""),
                          number(100), ImportCell{}, number(121), text("EUR"), text("")}};
    table[1][6].formulaError = 532; // IVA: =1/0
    const std::vector<std::size_t> sheetRows = {7, 70000};
    InvoiceImportOptions options;
    options.sheetRows = sheetRows;
    const InvoicePlan result = plan(table, options);
    EXPECT_TRUE(hasProblem(result, InvoiceField::Tax, Severity::Warning, "(#DIV/0!)"))
        << ::testing::PrintToString(problemTexts(result));
    for (const InvoiceProblem& problem : result.problems)
        EXPECT_EQ(problem.sheetRow, 70000U) << problem.text();
}

TEST(ImportInvoices, NumbersAreNeverMadeFormulaLike)
{
    const ImportTable table = {kHeader,
                               {text("\t=F-1"), text("B12345674"), text(""), text("2024-05-01"),
                                text(""), number(100), number(21), number(121), text("EUR"),
                                text("")}};
    const InvoicePlan result = plan(table);
    ASSERT_EQ(result.rows.size(), 1U) << ::testing::PrintToString(problemTexts(result));
    EXPECT_EQ(result.rows[0].invoice.number, " =F-1");
}
} // namespace clientes
