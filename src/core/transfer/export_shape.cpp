#include "core/transfer/export_shape.hpp"

#include "core/rules/dates.hpp"

#include "core/messages/import_messages.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/record_labels.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/model/record_kinds.hpp"
#include "core/rules/profile_money.hpp"
#include "core/transfer/import_invoices.hpp"

#include <algorithm>

#include <cmath>
#include <cstdint>
#include <limits>

namespace clientes
{

const std::vector<Field>& exportedClientFields()
{
    static const std::vector<Field> fields = {
        Field::Code, Field::LegalName, Field::TradeName, Field::TaxId, Field::Country,
        Field::Street, Field::PostalCode, Field::City, Field::Region, Field::Email, Field::Phone,
        Field::Website, Field::Notes,
        // Added after the first 13 (schema v4): a sheet bound by an earlier version has no
        // such columns and its rows hash as they did (boundRowHash).
        Field::Mobile, Field::Street2};
    return fields;
}

template <typename Record>
ExportSheet shapeOwnedRecords(std::span<const OwnedRecords<Record>> owned, Language language)
{
    const KindOf<Record>& kind = kindOf<Record>();
    std::vector<const FieldOf<Record>*> fields;
    for (const FieldOf<Record>& field : kind.fields)
        if (field.role == FieldRole::Data ||
            (field.role == FieldRole::Derived && field.type == FieldType::Choice))
            fields.push_back(&field);
    ExportSheet sheet;
    sheet.headers = {fieldLabel(Field::Code, language), fieldLabel(Field::LegalName, language)};
    for (const FieldOf<Record>* field : fields)
        sheet.headers.push_back(labelText(kind.info, field->label, language));
    sheet.columnKinds.assign(sheet.headers.size(), CellKind::Text);
    for (const OwnedRecords<Record>& client : owned)
        for (const Record& record : client.records)
        {
            std::vector<ExportCell> row;
            row.reserve(sheet.headers.size());
            row.push_back({CellKind::Text, client.code, 0});
            row.push_back({CellKind::Text, client.legalName, 0});
            for (const FieldOf<Record>* field : fields)
            {
                const FieldValue value = field->value(record);
                std::string text = std::get<std::string>(value);
                if (field->type == FieldType::Choice)
                    text = choiceLabel(kind.info, text, language);
                row.push_back({CellKind::Text, std::move(text), 0});
            }
            sheet.rows.push_back(std::move(row));
        }
    return sheet;
}

template ExportSheet shapeOwnedRecords(std::span<const OwnedRecords<Contact>>, Language);
template ExportSheet shapeOwnedRecords(std::span<const OwnedRecords<Address>>, Language);
template ExportSheet shapeOwnedRecords(std::span<const OwnedRecords<BankAccount>>, Language);

ExportSheet shapeClients(std::span<const Client> clients, Language language)
{
    const std::vector<Field>& fields = exportedClientFields();
    ExportSheet sheet;
    sheet.headers.reserve(fields.size());
    for (Field field : fields)
        sheet.headers.push_back(fieldLabel(field, language));
    sheet.columnKinds.assign(fields.size(), CellKind::Text);
    sheet.rows.reserve(clients.size());
    for (const Client& client : clients)
    {
        std::vector<ExportCell> row;
        row.reserve(fields.size());
        for (Field field : fields)
            row.push_back({CellKind::Text, client.value(field), 0});
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

bool needsTextProtection(std::string_view text)
{
    if (text.empty())
        return false;
    const char first = text.front();
    return first == '=' || first == '+' || first == '-' || first == '@';
}

std::vector<std::size_t> widestClientRows(std::span<const Client> clients)
{
    const std::vector<Field>& fields = exportedClientFields();
    std::vector<std::size_t> rows(fields.size() + 2, 0); // + the two date columns
    std::vector<std::size_t> longest(fields.size(), 0);
    const auto characters = [](const std::string& text)
    {
        return static_cast<std::size_t>(
            std::count_if(text.begin(), text.end(),
                          [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    };
    for (std::size_t r = 0; r < clients.size(); ++r)
        for (std::size_t c = 0; c < fields.size(); ++c)
        {
            const std::string& text = clients[r].value(fields[c]);
            if (text.size() <= longest[c]) // bytes bound characters from above
                continue;
            const std::size_t length = characters(text);
            if (length > longest[c])
            {
                longest[c] = length;
                rows[c] = r;
            }
        }
    return rows;
}

void visitClientRow(
    const Client& client,
    const std::function<void(CellKind kind, std::string_view text, double number)>& cell)
{
    for (Field field : exportedClientFields())
        cell(CellKind::Text, client.value(field), 0);
    for (const std::string* at : {&client.createdAt, &client.updatedAt})
    {
        const double serial = spreadsheetSerial(*at);
        if (std::isnan(serial))
            cell(CellKind::Text, *at, 0); // never seen: kept as text
        else
            cell(CellKind::Date, *at, serial);
    }
}

ExportSheet shapeClientList(std::span<const Client> clients, Language language)
{
    ExportSheet sheet;
    const ExportSheet plain = shapeClients({}, language);
    sheet.headers = plain.headers;
    sheet.headers.push_back(text(TextKey::TransferCreatedAt, language));
    sheet.headers.push_back(text(TextKey::TransferUpdatedAt, language));
    sheet.columnKinds = plain.columnKinds;
    sheet.columnKinds.push_back(CellKind::Date);
    sheet.columnKinds.push_back(CellKind::Date);
    sheet.rows.reserve(clients.size());
    for (const Client& client : clients)
    {
        std::vector<ExportCell> row;
        row.reserve(sheet.headers.size());
        visitClientRow(client,
                       [&row](CellKind kind, std::string_view text, double number) {
                           row.push_back({kind, std::string(text), number});
                       });
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

InvoiceListSheet shapeInvoiceList(const std::vector<InvoiceListRow>& invoices, Language language,
                                  std::size_t firstDataRow)
{
    InvoiceListSheet list;
    ExportSheet& sheet = list.sheet;
    for (InvoiceField field :
         {InvoiceField::Number, InvoiceField::ClientName, InvoiceField::ClientTaxId,
          InvoiceField::IssueDate, InvoiceField::DueDate, InvoiceField::Net, InvoiceField::Tax,
          InvoiceField::Total, InvoiceField::Currency, InvoiceField::Status,
          InvoiceField::ClientCode})
        sheet.headers.push_back(invoiceFieldLabel(field, language));
    sheet.columnKinds = {CellKind::Text, CellKind::Text,   CellKind::Text,   CellKind::Date,
                         CellKind::Date, CellKind::Number, CellKind::Number, CellKind::Number,
                         CellKind::Text, CellKind::Text,   CellKind::Text};
    std::vector<const InvoiceListRow*> order;
    order.reserve(invoices.size());
    for (const InvoiceListRow& row : invoices)
        order.push_back(&row);
    std::stable_sort(order.begin(), order.end(),
                     [](const InvoiceListRow* a, const InvoiceListRow* b)
                     {
                         const Invoice& x = a->invoice;
                         const Invoice& y = b->invoice;
                         return std::tie(x.status, x.currency, x.issueDate, x.number) <
                                std::tie(y.status, y.currency, y.issueDate, y.number);
                     });
    const auto date = [](const std::string& iso) -> ExportCell
    {
        const double serial = spreadsheetSerial(iso);
        if (std::isnan(serial))
            return {CellKind::Text, iso, 0};
        return {CellKind::Date, iso, serial};
    };
    for (const InvoiceListRow* row : order)
    {
        const Invoice& invoice = row->invoice;
        const int digits = minorUnitDigits(invoice.currency).value_or(2);
        const auto amount = [&](std::int64_t minor) -> ExportCell {
            return {CellKind::Number, formatMinorUnits(minor, digits),
                    minorUnitsToDouble(minor, digits)};
        };
        if (list.groups.empty() || list.groups.back().status != invoice.status ||
            list.groups.back().currency != invoice.currency)
            list.groups.push_back(
                {invoice.status, invoice.currency, digits, sheet.rows.size(), sheet.rows.size()});
        list.groups.back().lastRow = sheet.rows.size();
        sheet.rows.push_back({{CellKind::Text, invoice.number, 0},
                              {CellKind::Text, row->clientLegalName, 0},
                              {CellKind::Text, row->clientTaxId, 0},
                              date(invoice.issueDate),
                              date(invoice.dueDate),
                              amount(invoice.net),
                              amount(invoice.tax),
                              amount(invoice.total),
                              {CellKind::Text, invoice.currency, 0},
                              {CellKind::Text, invoiceStatusLabel(invoice.status, language), 0},
                              {CellKind::Text, row->clientCode, 0}});
    }
    // SUBTOTAL(109; …) per group, and per currency over its groups: SUBTOTAL leaves out the
    // rows an AutoFilter hides, and other SUBTOTALs inside its ranges.
    const auto range = [&](std::size_t column, const InvoiceGroup& group)
    {
        const std::string letters = columnLetters(column);
        return letters + std::to_string(firstDataRow + group.firstRow) + ":" + letters +
               std::to_string(firstDataRow + group.lastRow);
    };
    std::vector<std::string> currencies;
    for (const InvoiceGroup& group : list.groups)
    {
        ExportTotal total;
        total.label = text(
            TextKey::TransferTotalOfStatus, language,
            {{"status", invoiceStatusLabel(group.status, language)}, {"currency", group.currency}});
        total.currency = group.currency;
        total.digits = group.digits;
        for (std::size_t c = 0; c < 3; ++c)
            total.formulas.push_back("=SUBTOTAL(109;" + range(list.firstAmountColumn + c, group) +
                                     ")");
        list.totals.push_back(std::move(total));
        if (std::find(currencies.begin(), currencies.end(), group.currency) == currencies.end())
            currencies.push_back(group.currency);
    }
    std::sort(currencies.begin(), currencies.end());
    for (const std::string& currency : currencies)
    {
        ExportTotal total;
        total.label = text(TextKey::TransferGrandTotal, language, {{"currency", currency}});
        total.currency = currency;
        total.digits = minorUnitDigits(currency).value_or(2);
        for (std::size_t c = 0; c < 3; ++c)
        {
            std::string formula = "=SUBTOTAL(109";
            for (const InvoiceGroup& group : list.groups)
                if (group.currency == currency)
                    formula += ";" + range(list.firstAmountColumn + c, group);
            total.formulas.push_back(formula + ")");
        }
        list.totals.push_back(std::move(total));
    }
    return list;
}

} // namespace clientes
