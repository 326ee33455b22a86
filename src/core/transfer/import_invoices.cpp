#include "core/transfer/import_invoices.hpp"

#include "core/messages/import_messages.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/rules/dates.hpp"
#include "core/rules/profile_money.hpp"
#include "core/rules/profile_validation.hpp"
#include "core/rules/validation.hpp"
#include "core/text/ascii.hpp"
#include "core/text/text_fold.hpp"
#include "core/text/utf8.hpp"
#include "core/transfer/import_existing.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace clientes
{

namespace
{

constexpr std::size_t npos = InvoiceProblem::npos;

struct FieldInfo
{
    InvoiceField field;
    std::string_view name;
    TextKey label;
};

constexpr std::array<FieldInfo, 11> kFields = {{
    {InvoiceField::Number, "number", TextKey::InvoiceFieldNumber},
    {InvoiceField::ClientCode, "clientCode", TextKey::InvoiceFieldClientCode},
    {InvoiceField::ClientTaxId, "clientTaxId", TextKey::InvoiceFieldClientTaxId},
    {InvoiceField::ClientName, "clientName", TextKey::InvoiceFieldClientName},
    {InvoiceField::IssueDate, "issueDate", TextKey::InvoiceFieldIssueDate},
    {InvoiceField::DueDate, "dueDate", TextKey::InvoiceFieldDueDate},
    {InvoiceField::Net, "net", TextKey::InvoiceFieldNet},
    {InvoiceField::Tax, "tax", TextKey::InvoiceFieldTax},
    {InvoiceField::Total, "total", TextKey::InvoiceFieldTotal},
    {InvoiceField::Currency, "currency", TextKey::InvoiceFieldCurrency},
    {InvoiceField::Status, "status", TextKey::InvoiceFieldStatus},
}};

// clang-format off
// Whole headers (folded, filler words dropped) → field.
constexpr std::pair<std::string_view, InvoiceField> kExactHeaders[] = {
    {"Número de factura", InvoiceField::Number}, {"Nº factura", InvoiceField::Number},
    {"N.º factura", InvoiceField::Number}, {"Núm. factura", InvoiceField::Number},
    {"Factura", InvoiceField::Number}, {"Número", InvoiceField::Number},
    {"Nº", InvoiceField::Number}, {"Invoice", InvoiceField::Number},
    {"Invoice number", InvoiceField::Number}, {"Invoice no", InvoiceField::Number},
    {"Invoice #", InvoiceField::Number}, {"Number", InvoiceField::Number},
    {"Fatura", InvoiceField::Number}, {"Número da fatura", InvoiceField::Number},
    {"Nº fatura", InvoiceField::Number}, {"Documento", InvoiceField::Number},
    {"Código de cliente", InvoiceField::ClientCode}, {"Código cliente", InvoiceField::ClientCode},
    {"Código", InvoiceField::ClientCode}, {"Client code", InvoiceField::ClientCode},
    {"Customer code", InvoiceField::ClientCode}, {"Código do cliente", InvoiceField::ClientCode},
    {"Ref. cliente", InvoiceField::ClientCode},
    {"NIF del cliente", InvoiceField::ClientTaxId}, {"NIF", InvoiceField::ClientTaxId},
    {"CIF", InvoiceField::ClientTaxId}, {"Client tax ID", InvoiceField::ClientTaxId},
    {"Tax ID", InvoiceField::ClientTaxId}, {"VAT number", InvoiceField::ClientTaxId},
    {"NIF do cliente", InvoiceField::ClientTaxId},
    {"Cliente", InvoiceField::ClientName}, {"Client", InvoiceField::ClientName},
    {"Customer", InvoiceField::ClientName}, {"Razón social", InvoiceField::ClientName},
    {"Nombre", InvoiceField::ClientName}, {"Name", InvoiceField::ClientName},
    {"Razão social", InvoiceField::ClientName}, {"Nome", InvoiceField::ClientName},
    {"Fecha de emisión", InvoiceField::IssueDate}, {"Fecha", InvoiceField::IssueDate},
    {"Fecha factura", InvoiceField::IssueDate}, {"Fecha de expedición", InvoiceField::IssueDate},
    {"Issue date", InvoiceField::IssueDate}, {"Date", InvoiceField::IssueDate},
    {"Invoice date", InvoiceField::IssueDate}, {"Data de emissão", InvoiceField::IssueDate},
    {"Data", InvoiceField::IssueDate},
    {"Fecha de vencimiento", InvoiceField::DueDate}, {"Vencimiento", InvoiceField::DueDate},
    {"Due date", InvoiceField::DueDate}, {"Due", InvoiceField::DueDate},
    {"Data de vencimento", InvoiceField::DueDate}, {"Vencimento", InvoiceField::DueDate},
    {"Base imponible", InvoiceField::Net}, {"Base", InvoiceField::Net},
    {"Neto", InvoiceField::Net}, {"Importe neto", InvoiceField::Net},
    {"Net", InvoiceField::Net}, {"Net amount", InvoiceField::Net},
    {"Subtotal", InvoiceField::Net}, {"Valor líquido", InvoiceField::Net},
    {"Base tributável", InvoiceField::Net},
    {"Impuestos", InvoiceField::Tax}, {"IVA", InvoiceField::Tax}, {"Cuota IVA", InvoiceField::Tax},
    {"Tax", InvoiceField::Tax}, {"VAT", InvoiceField::Tax}, {"Impostos", InvoiceField::Tax},
    {"Imposto", InvoiceField::Tax}, {"IGIC", InvoiceField::Tax},
    {"Total", InvoiceField::Total}, {"Importe", InvoiceField::Total},
    {"Importe total", InvoiceField::Total}, {"Total factura", InvoiceField::Total},
    {"Amount", InvoiceField::Total}, {"Total amount", InvoiceField::Total},
    {"Valor total", InvoiceField::Total}, {"Valor", InvoiceField::Total},
    {"Moneda", InvoiceField::Currency}, {"Divisa", InvoiceField::Currency},
    {"Currency", InvoiceField::Currency}, {"Moeda", InvoiceField::Currency},
    {"Estado", InvoiceField::Status}, {"Status", InvoiceField::Status},
    {"Situación", InvoiceField::Status}, {"Situação", InvoiceField::Status},
};
// clang-format on

const std::unordered_set<std::string_view> kFillers = {"de", "del", "la", "el",  "do",  "da",
                                                       "of", "the", "y",  "e",   "and", "en",
                                                       "em", "a",   "o",  "los", "las", "dos"};

std::vector<std::string> headerWords(std::string_view header)
{
    const std::string folded = foldForSearch(header);
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size())
    {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos)
            end = folded.size();
        if (end > start)
        {
            std::string word = folded.substr(start, end - start);
            if (!kFillers.contains(word))
                words.push_back(std::move(word));
        }
        start = end + 1;
    }
    return words;
}

std::string joinWords(const std::vector<std::string>& words)
{
    std::string joined;
    for (const std::string& word : words)
        joined += (joined.empty() ? "" : " ") + word;
    return joined;
}

const std::unordered_map<std::string, InvoiceField>& exactHeaders()
{
    static const std::unordered_map<std::string, InvoiceField> table = []
    {
        std::unordered_map<std::string, InvoiceField> t;
        for (const auto& [text, field] : kExactHeaders)
            t.emplace(joinWords(headerWords(text)), field);
        for (const FieldInfo& info : kFields)
        {
            t.emplace(joinWords(headerWords(info.name)), info.field);
            for (Language language : allLanguages()) // a header in any catalogue's words
                t.emplace(joinWords(headerWords(text(info.label, language))), info.field);
        }
        return t;
    }();
    return table;
}

bool hasAny(const std::vector<std::string>& words, std::initializer_list<std::string_view> any)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w)
                       { return std::find(any.begin(), any.end(), w) != any.end(); });
}

// ---------------------------------------------------------------- cell parsing

std::string_view trimmed(std::string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end)
    {
        std::size_t pos = begin;
        const char32_t cp = utf8::next(text, pos);
        if (cp == utf8::kInvalid || !utf8::isSpace(cp))
            break;
        begin = pos;
    }
    while (end > begin)
    {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
            --start;
        std::size_t pos = start;
        const char32_t cp = utf8::next(text, pos);
        if (cp == utf8::kInvalid || !utf8::isSpace(cp))
            break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

// The text of a cell for the number, code or tax ID: numbers as whole digits.
// Trimmed as tidying trims: never made formula-like ("\t=1" stays " =1").
std::string identifierText(const ImportCell& cell)
{
    return tidyText(cellText(cell, Field::Code), false);
}

// Reads up to `maxDigits` digits.
bool readDigits(std::string_view text, std::size_t& pos, std::size_t maxDigits, int& value,
                std::size_t& count)
{
    value = 0;
    count = 0;
    while (pos < text.size() && count < maxDigits && text[pos] >= '0' && text[pos] <= '9')
    {
        value = value * 10 + (text[pos] - '0');
        ++pos;
        ++count;
    }
    return count > 0;
}

std::optional<std::string> dateFromText(std::string_view raw, bool dayFirst)
{
    const std::string_view text = trimmed(raw);
    std::size_t pos = 0;
    int a = 0;
    int b = 0;
    int c = 0;
    std::size_t na = 0;
    std::size_t nb = 0;
    std::size_t nc = 0;
    if (!readDigits(text, pos, 4, a, na) || pos >= text.size())
        return std::nullopt;
    const char separator = text[pos];
    if (separator != '-' && separator != '/' && separator != '.')
        return std::nullopt;
    ++pos;
    if (!readDigits(text, pos, 2, b, nb) || pos >= text.size() || text[pos] != separator)
        return std::nullopt;
    ++pos;
    if (!readDigits(text, pos, 4, c, nc))
        return std::nullopt;
    // A time after the date ("2024-05-31T10:00", "31/05/2024 10:00") is ignored.
    if (pos < text.size() && text[pos] != 'T' && text[pos] != ' ')
        return std::nullopt;
    if (na == 4) // year first: 2024-05-31, 2024/05/31
        return isoDateOf(a, b, c);
    if (na > 2 || (nc != 4 && nc != 2))
        return std::nullopt;
    const int year = nc == 2 ? 2000 + c : c;
    // The locale's order, or the other one when only that one makes sense ("15/05/2024" in a
    // month-first locale: there is no month 15).
    auto date = dayFirst ? isoDateOf(year, b, a) : isoDateOf(year, a, b);
    if (!date && (dayFirst ? b > 12 : a > 12))
        date = dayFirst ? isoDateOf(year, a, b) : isoDateOf(year, b, a);
    return date;
}

bool isAmountChar(char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+' || c == '(' ||
           c == ')';
}

// "1.234,56 €" → "1234.56"; "(12,50)" → "-12.50". Empty when it is no amount. A single
// separator followed by three digits groups thousands when the currency has fewer decimals
// ("1.234" is 1234 EUR: 1.234 EUR cannot be), else it is the decimal separator.
std::string normalizedAmount(std::string_view raw, int currencyDigits)
{
    std::string kept;
    for (std::size_t pos = 0; pos < raw.size();)
    {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(raw, pos);
        if (cp < 0x80 && isAmountChar(static_cast<char>(cp)))
            kept += static_cast<char>(cp);
        else if (cp == utf8::kInvalid)
            return {};
        else if (!(utf8::isSpace(cp) || cp == U'\'' || cp == 0x2019 || cp == U'€' || cp == U'$' ||
                   cp == U'£' || cp == U'¥' || (cp >= 'A' && cp <= 'Z') ||
                   (cp >= 'a' && cp <= 'z')))
            return {};
        (void)start;
    }
    bool negative = false;
    if (kept.size() >= 2 && kept.front() == '(' && kept.back() == ')')
    {
        negative = true;
        kept = kept.substr(1, kept.size() - 2);
    }
    if (!kept.empty() && (kept.front() == '-' || kept.front() == '+'))
    {
        negative = negative != (kept.front() == '-');
        kept.erase(0, 1);
    }
    else if (!kept.empty() && kept.back() == '-')
    {
        negative = !negative;
        kept.pop_back();
    }
    if (kept.empty() || kept.find_first_of("+-()") != std::string::npos)
        return {};
    const std::size_t dots = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), '.'));
    const std::size_t commas = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), ','));
    char decimal = 0;
    char grouping = 0;
    if (dots > 0 && commas > 0)
    {
        decimal = kept.find_last_of(".,") == kept.rfind('.') ? '.' : ',';
        grouping = decimal == '.' ? ',' : '.';
        if (std::count(kept.begin(), kept.end(), decimal) != 1 ||
            kept.find(grouping, kept.find(decimal)) != std::string::npos)
            return {};
    }
    else if (dots + commas == 1)
    {
        const char separator = dots == 1 ? '.' : ',';
        const std::size_t at = kept.find(separator);
        if (kept.size() - at - 1 == 3 && at >= 1 && at <= 3 && currencyDigits < 3)
            grouping = separator;
        else
            decimal = separator;
    }
    else if (dots + commas > 1)
        grouping = dots > 0 ? '.' : ',';
    std::string digits;
    const std::size_t decimalAt = decimal != 0 ? kept.find(decimal) : std::string::npos;
    if (grouping != 0)
    {
        // Groups of three digits after the first group.
        const std::string_view integer =
            std::string_view(kept).substr(0, std::min(decimalAt, kept.size()));
        std::size_t groupStart = integer.find(grouping);
        if (groupStart == 0)
            return {};
        while (groupStart != std::string_view::npos)
        {
            const std::size_t next = integer.find(grouping, groupStart + 1);
            const std::size_t length =
                (next == std::string_view::npos ? integer.size() : next) - groupStart - 1;
            if (length != 3)
                return {};
            groupStart = next;
        }
    }
    for (std::size_t i = 0; i < kept.size(); ++i)
    {
        if (kept[i] == grouping)
            continue;
        digits += i == decimalAt ? '.' : kept[i];
    }
    if (digits.empty() || digits == ".")
        return {};
    return (negative ? "-" : "") + digits;
}

// "-1234.5678": a normalised amount, whatever its number of decimals.
bool isDecimalText(std::string_view text)
{
    if (!text.empty() && text.front() == '-')
        text.remove_prefix(1);
    const std::size_t point = text.find('.');
    const auto digitsOnly = [](std::string_view part)
    {
        return !part.empty() &&
               std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (point == std::string_view::npos)
        return digitsOnly(text);
    return digitsOnly(text.substr(0, point)) && digitsOnly(text.substr(point + 1));
}

std::string formatAmount(std::int64_t minor, int digits)
{
    return formatMinorUnits(minor, digits);
}

std::optional<Client> findClientByTaxId(ExistingClients& clients, const std::string& taxId)
{
    const std::string normalized = normalizeTaxId(taxId, "");
    if (normalized.empty())
        return std::nullopt;
    if (auto found = clients.byNormalizedTaxId(normalized))
        return found;
    // "ESB12345678": the register keeps "B12345678" for a Spanish client.
    if (normalized.size() > 2 && isAsciiAlpha(normalized[0]) && isAsciiAlpha(normalized[1]))
    {
        const std::string prefix = normalized.substr(0, 2);
        auto found = clients.byNormalizedTaxId(std::string_view(normalized).substr(2));
        if (found && (found->country == prefix || (prefix == "EL" && found->country == "GR")))
            return found;
    }
    return std::nullopt;
}

std::optional<InvoiceField> fieldOfRecordField(RecordField field)
{
    switch (field)
    {
    case RecordField::Number:
        return InvoiceField::Number;
    case RecordField::IssueDate:
        return InvoiceField::IssueDate;
    case RecordField::DueDate:
        return InvoiceField::DueDate;
    case RecordField::Net:
        return InvoiceField::Net;
    case RecordField::Tax:
        return InvoiceField::Tax;
    case RecordField::Total:
        return InvoiceField::Total;
    case RecordField::Currency:
        return InvoiceField::Currency;
    case RecordField::Status:
        return InvoiceField::Status;
    default:
        return std::nullopt;
    }
}

// ---------------------------------------------------------------- the planner

class InvoicePlanner
{
public:
    InvoicePlanner(const ImportTable& table, const InvoiceImportOptions& options,
                   ExistingClients& clients, ExistingInvoices& invoices, Language language)
        : table_(table), options_(options), clients_(clients), invoices_(invoices),
          language_(language), columnOf_(kFields.size(), npos)
    {
    }

    InvoicePlan run()
    {
        const std::size_t firstData = readHeader();
        chooseMapping(tableWidth(table_));
        RowTicker ticker(options_.progress, WorkStage::Checking,
                         table_.size() - std::min(firstData, table_.size()));
        for (std::size_t r = firstData; r < table_.size(); ++r)
        {
            ticker.tick(r - firstData);
            planRow(r);
        }
        return std::move(plan_);
    }

private:
    std::size_t readHeader()
    {
        if (!options_.hasHeader)
            return 0;
        const std::size_t r = firstFilledRow(table_);
        for (std::size_t e = 0; e < r; ++e)
        {
            PlannedInvoice empty;
            empty.tableRow = e;
            plan_.rows.push_back(std::move(empty));
        }
        if (r == table_.size())
            return r;
        for (const ImportCell& cell : table_[r])
            headers_.push_back(cellText(cell, Field::Notes));
        return r + 1;
    }

    std::string label(InvoiceField field) const { return invoiceFieldLabel(field, language_); }

    void tableProblem(InvoiceField field, Severity severity, std::string reason,
                      std::size_t column = npos)
    {
        addProblem(plan_.problems, npos, column, field, severity, std::move(reason));
    }

    void chooseMapping(std::size_t width)
    {
        InvoiceMapping mapping = options_.mapping;
        if (mapping.empty() && options_.hasHeader)
            mapping = autoInvoiceMapping(headers_);
        mapping.resize(width);
        for (std::size_t c = 0; c < width; ++c)
        {
            if (!mapping[c])
                continue;
            const auto index = static_cast<std::size_t>(*mapping[c]);
            if (columnOf_[index] != npos)
            {
                tableProblem(*mapping[c], Severity::Warning,
                             text(TextKey::ImportColumnMappedTwice, language_,
                                  {{"column", columnLetters(options_.firstSheetColumn + c)},
                                   {"label", label(*mapping[c])}}),
                             c);
                mapping[c].reset();
                continue;
            }
            columnOf_[index] = c;
        }
        plan_.mapping = std::move(mapping);
        if (!mapped(InvoiceField::Number))
            tableProblem(InvoiceField::Number, Severity::Error,
                         text(TextKey::TransferInvoiceColumnMissing, language_,
                              {{"label", label(InvoiceField::Number)}}));
        if (!mapped(InvoiceField::ClientTaxId) && !mapped(InvoiceField::ClientCode))
            tableProblem(InvoiceField::ClientTaxId, Severity::Error,
                         text(TextKey::TransferInvoiceNeedsClientColumn, language_));
        if (!mapped(InvoiceField::IssueDate))
            tableProblem(InvoiceField::IssueDate, Severity::Error,
                         text(TextKey::TransferInvoiceColumnMissing, language_,
                              {{"label", label(InvoiceField::IssueDate)}}));
        if (!mapped(InvoiceField::Net) && !mapped(InvoiceField::Tax) &&
            !mapped(InvoiceField::Total))
            tableProblem(InvoiceField::Total, Severity::Error,
                         text(TextKey::TransferInvoiceNeedsAmountColumn, language_));
    }

    std::size_t column(InvoiceField field) const
    {
        return columnOf_[static_cast<std::size_t>(field)];
    }
    bool mapped(InvoiceField field) const { return column(field) != npos; }

    void addProblem(std::vector<InvoiceProblem>& list, std::size_t tableRow,
                    std::size_t tableColumn, InvoiceField field, Severity severity,
                    std::string reason)
    {
        InvoiceProblem problem;
        problem.tableRow = tableRow;
        problem.tableColumn = tableColumn;
        problem.sheetRow =
            tableRow == npos ? 0 : sheetRowOf(options_.sheetRows, options_.firstSheetRow, tableRow);
        problem.sheetColumn = tableColumn == npos ? npos : options_.firstSheetColumn + tableColumn;
        problem.field = field;
        problem.severity = severity;
        problem.reason = std::move(reason);
        list.push_back(std::move(problem));
        if (severity == Severity::Error)
            ++plan_.errors;
        else
            ++plan_.warnings;
    }

    const ImportCell* cell(const std::vector<ImportCell>& cells, InvoiceField field) const
    {
        const std::size_t c = column(field);
        if (c == npos || c >= cells.size() || isBlankCell(cells[c]))
            return nullptr;
        return &cells[c];
    }

    static std::string shown(const ImportCell& cell)
    {
        return cell.isNumber ? cellText(cell, Field::Notes) : std::string(trimmed(cell.text));
    }

    void planRow(std::size_t r)
    {
        const std::vector<ImportCell>& cells = table_[r];
        PlannedInvoice row;
        row.tableRow = r;
        bool empty = true;
        for (std::size_t c = 0; c < std::min(cells.size(), plan_.mapping.size()); ++c)
            if (plan_.mapping[c] && !isBlankCell(cells[c]))
                empty = false;
        if (empty && !hasMappedFormulaError(cells, plan_.mapping))
        {
            plan_.rows.push_back(std::move(row));
            return;
        }
        const std::size_t sheetRow = sheetRowOf(options_.sheetRows, options_.firstSheetRow, r);
        std::vector<InvoiceProblem> problems;
        const auto problem = [&](InvoiceField field, Severity severity, std::string reason)
        { addProblem(problems, r, column(field), field, severity, std::move(reason)); };
        const auto error = [&](InvoiceField field, std::string reason)
        { problem(field, Severity::Error, std::move(reason)); };
        // Formula cells whose result is an error: the field gets nothing from them.
        for (std::size_t c = 0; c < std::min(cells.size(), plan_.mapping.size()); ++c)
            if (plan_.mapping[c] && cells[c].formulaError != 0)
                addProblem(problems, r, c, *plan_.mapping[c], Severity::Warning,
                           text(TextKey::ImportFormulaError, language_,
                                {{"error", formulaErrorText(cells[c].formulaError)}}));

        Invoice& invoice = row.invoice;
        // Number.
        if (const ImportCell* number = cell(cells, InvoiceField::Number))
            invoice.number = identifierText(*number);
        if (invoice.number.empty())
            error(InvoiceField::Number,
                  describe(RecordIssue{RecordType::Invoice, RecordField::Number, Problem::Required},
                           language_));
        else
        {
            const auto [earlier, first] =
                seenNumbers_.try_emplace(lowerAscii(invoice.number), sheetRow);
            if (!first)
                error(InvoiceField::Number, text(TextKey::TransferInvoiceDuplicateNumber, language_,
                                                 {{"row", std::to_string(earlier->second)}}));
        }

        // Client.
        const ImportCell* codeCell = cell(cells, InvoiceField::ClientCode);
        const ImportCell* taxIdCell = cell(cells, InvoiceField::ClientTaxId);
        const ImportCell* nameCell = cell(cells, InvoiceField::ClientName);
        const std::string code = codeCell ? identifierText(*codeCell) : std::string();
        const std::string taxId = taxIdCell ? identifierText(*taxIdCell) : std::string();
        std::optional<Client> client;
        if (!code.empty())
            client = clients_.byCode(code);
        if (!client && !taxId.empty())
            client = findClientByTaxId(clients_, taxId);
        std::string clientCurrency;
        if (client)
        {
            invoice.clientId = client->id;
            clientCurrency = client->currency;
            row.clientLabel = client->code + " " + client->legalName;
        }
        else if (code.empty() && taxId.empty())
            error(mapped(InvoiceField::ClientTaxId) ? InvoiceField::ClientTaxId
                                                    : InvoiceField::ClientCode,
                  text(TextKey::TransferInvoiceClientMissing, language_));
        else if (!options_.createMissingClients)
            error(taxId.empty() ? InvoiceField::ClientCode : InvoiceField::ClientTaxId,
                  text(TextKey::TransferInvoiceClientNotFound, language_,
                       {{"key", shownValue(taxId.empty() ? code : taxId, 80)}}));
        else
            planNewClient(row, taxId, nameCell ? tidyText(shown(*nameCell), false) : "", error,
                          problem);

        // Currency, then the amounts with its decimals.
        if (const ImportCell* currency = cell(cells, InvoiceField::Currency))
        {
            std::string value = shown(*currency);
            for (char& ch : value)
                if (ch >= 'a' && ch <= 'z')
                    ch = static_cast<char>(ch - 'a' + 'A');
            if (isCurrencyCode(value))
                invoice.currency = value;
            else
                error(InvoiceField::Currency, text(TextKey::TransferInvoiceBadCurrency, language_,
                                                   {{"value", shownValue(shown(*currency), 80)}}));
        }
        bool amountsGiven = false;
        std::optional<std::int64_t> net;
        std::optional<std::int64_t> tax;
        std::optional<std::int64_t> total;
        std::string effectiveCurrency = invoice.currency;
        const auto readAmounts = [&](const std::string& currency)
        {
            const int digits = minorUnitDigits(currency).value_or(2);
            bool ok = true;
            const auto read = [&](InvoiceField field, std::optional<std::int64_t>& out)
            {
                const ImportCell* amount = cell(cells, field);
                if (!amount)
                    return;
                amountsGiven = true;
                out = importAmount(*amount, digits);
                if (out)
                    return;
                ok = false;
                const std::string value = shown(*amount);
                const std::string normalized =
                    amount->isNumber ? "" : normalizedAmount(value, digits);
                if (isDecimalText(normalized))
                    error(field, text(TextKey::TransferInvoiceTooManyDecimals, language_,
                                      {{"value", shownValue(value, 80)},
                                       {"currency", currency.empty() ? "EUR" : currency},
                                       {"digits", std::to_string(digits)}}));
                else
                    error(field, text(TextKey::TransferInvoiceBadAmount, language_,
                                      {{"value", shownValue(value, 80)}}));
            };
            read(InvoiceField::Net, net);
            read(InvoiceField::Tax, tax);
            read(InvoiceField::Total, total);
            return ok;
        };

        // Dates.
        const auto readDate = [&](InvoiceField field) -> std::string
        {
            const ImportCell* date = cell(cells, field);
            if (!date)
                return {};
            if (auto iso = importDate(*date, options_.dayFirst))
                return *iso;
            error(field, text(TextKey::TransferInvoiceBadDate, language_,
                              {{"value", shownValue(shown(*date), 80)}}));
            return {};
        };
        const std::string issueDate = readDate(InvoiceField::IssueDate);
        const std::string dueDate = readDate(InvoiceField::DueDate);

        // Status.
        std::optional<InvoiceStatus> status;
        if (const ImportCell* statusCell = cell(cells, InvoiceField::Status))
        {
            status = importStatus(shown(*statusCell));
            if (!status)
                error(InvoiceField::Status, text(TextKey::TransferInvoiceBadStatus, language_,
                                                 {{"value", shownValue(shown(*statusCell), 80)}}));
        }

        // The stored invoice with this number, if any.
        std::optional<Invoice> existing;
        if (!invoice.number.empty())
            existing = invoices_.byNumber(invoice.number);
        if (effectiveCurrency.empty())
            effectiveCurrency =
                existing ? existing->currency
                         : (!clientCurrency.empty() ? clientCurrency : options_.defaultCurrency);
        const bool amountsOk = readAmounts(effectiveCurrency);
        // Any two of net, tax and total give the third.
        if (amountsOk && amountsGiven)
        {
            if (net && tax && !total)
                total = *net + *tax;
            else if (net && total && !tax)
                tax = *total - *net;
            else if (tax && total && !net)
                net = *total - *tax;
            else if (total && !net && !tax)
            {
                net = total;
                tax = 0;
            }
            else if (net && !tax && !total)
            {
                tax = 0;
                total = net;
            }
            else if (tax && !net && !total)
            {
                net = 0;
                total = tax;
            }
            if (*net + *tax != *total)
            {
                const int digits = minorUnitDigits(effectiveCurrency).value_or(2);
                error(InvoiceField::Total, text(TextKey::TransferInvoiceAmountsDisagree, language_,
                                                {{"net", formatAmount(*net, digits)},
                                                 {"tax", formatAmount(*tax, digits)},
                                                 {"total", formatAmount(*total, digits)}}));
            }
        }

        const bool hasErrorSoFar =
            std::any_of(problems.begin(), problems.end(),
                        [](const InvoiceProblem& p) { return p.severity == Severity::Error; });
        if (existing)
        {
            row.matchedInvoiceId = existing->id;
            problem(
                InvoiceField::Number, Severity::Warning,
                text(TextKey::TransferInvoiceMatches, language_, {{"number", existing->number}}));
            const bool sameClient =
                row.newClient == ImportedInvoice::npos &&
                (invoice.clientId == 0 || invoice.clientId == existing->clientId);
            if (!sameClient)
            {
                const std::optional<Client> owner = clients_.byId(existing->clientId);
                error(mapped(InvoiceField::ClientTaxId) ? InvoiceField::ClientTaxId
                                                        : InvoiceField::ClientCode,
                      text(TextKey::TransferInvoiceOfOtherClient, language_,
                           {{"number", existing->number},
                            {"client", owner ? owner->code + " " + owner->legalName
                                             : std::to_string(existing->clientId)}}));
            }
            if (options_.mode == ImportMode::CreateOnly)
            {
                finishRow(std::move(row), RowAction::Skip, problems);
                return;
            }
            Invoice merged = *existing;
            if (options_.policy == UpdatePolicy::Overwrite && !hasErrorSoFar)
            {
                if (!issueDate.empty())
                    merged.issueDate = issueDate;
                if (!dueDate.empty())
                    merged.dueDate = dueDate;
                if (amountsGiven)
                {
                    merged.net = *net;
                    merged.tax = *tax;
                    merged.total = *total;
                }
                if (!invoice.currency.empty())
                    merged.currency = invoice.currency;
                if (status)
                    merged.status = *status;
            }
            const auto note = [&](InvoiceField field, bool differs)
            {
                if (differs)
                    row.changedFields.push_back(field);
            };
            note(InvoiceField::IssueDate, merged.issueDate != existing->issueDate);
            note(InvoiceField::DueDate, merged.dueDate != existing->dueDate);
            note(InvoiceField::Net, merged.net != existing->net);
            note(InvoiceField::Tax, merged.tax != existing->tax);
            note(InvoiceField::Total, merged.total != existing->total);
            note(InvoiceField::Currency, merged.currency != existing->currency);
            note(InvoiceField::Status, merged.status != existing->status);
            invoice = std::move(merged);
            if (!row.changedFields.empty())
                validateInvoice(invoice, error);
            finishRow(std::move(row),
                      rowAction(problems, row.changedFields.empty() ? RowAction::Unchanged
                                                                    : RowAction::Update),
                      problems);
            return;
        }
        if (options_.mode == ImportMode::UpdateOnly)
        {
            finishRow(std::move(row), RowAction::Skip, problems);
            return;
        }
        invoice.issueDate = issueDate;
        invoice.dueDate = dueDate.empty() ? issueDate : dueDate;
        invoice.net = net.value_or(0);
        invoice.tax = tax.value_or(0);
        invoice.total = total.value_or(0);
        invoice.currency = effectiveCurrency;
        invoice.status = status.value_or(InvoiceStatus::Authorised);
        if (invoice.currency.empty() && !mapped(InvoiceField::Currency))
            error(InvoiceField::Total, text(TextKey::TransferInvoiceNoCurrency, language_));
        else if (invoice.currency.empty())
            error(InvoiceField::Currency, text(TextKey::TransferInvoiceNoCurrency, language_));
        if (!hasErrorSoFar)
            validateInvoice(invoice, error);
        for (InvoiceField field : allInvoiceFields())
            if (mapped(field))
                row.changedFields.push_back(field);
        finishRow(std::move(row), rowAction(problems, RowAction::Create), problems);
    }

    template <typename Error> void validateInvoice(Invoice& invoice, Error& error)
    {
        tidy(invoice);
        for (const RecordIssue& issue : validate(invoice))
        {
            const InvoiceField field =
                fieldOfRecordField(issue.field).value_or(InvoiceField::Number);
            if (issue.problem == Problem::TotalMismatch)
                continue; // reported with the amounts
            error(field, describe(issue, language_));
        }
    }

    template <typename Error, typename Problem>
    void planNewClient(PlannedInvoice& row, const std::string& taxId, const std::string& name,
                       Error& error, Problem& problem)
    {
        if (taxId.empty())
        {
            error(InvoiceField::ClientCode,
                  text(TextKey::TransferInvoiceNewClientNeedsTaxId, language_));
            return;
        }
        const std::string key = normalizeTaxId(taxId, "");
        if (const auto known = newClientByTaxId_.find(key); known != newClientByTaxId_.end())
        {
            row.newClient = known->second;
            row.clientLabel = plan_.newClients[known->second].legalName;
            return;
        }
        if (name.empty())
        {
            error(mapped(InvoiceField::ClientName) ? InvoiceField::ClientName
                                                   : InvoiceField::ClientTaxId,
                  text(TextKey::TransferInvoiceNewClientNeedsName, language_, {{"taxId", taxId}}));
            return;
        }
        Client client;
        client.legalName = name;
        client.taxId = taxId;
        tidy(client);
        bool valid = true;
        for (const FieldIssue& issue : validate(client))
        {
            error(issue.field == Field::TaxId ? InvoiceField::ClientTaxId
                                              : InvoiceField::ClientName,
                  describe(issue, language_));
            valid = false;
        }
        if (!valid)
            return;
        problem(InvoiceField::ClientName, Severity::Warning,
                text(TextKey::TransferInvoiceNewClient, language_, {{"name", client.legalName}}));
        row.newClient = plan_.newClients.size();
        row.clientLabel = client.legalName;
        newClientByTaxId_.emplace(key, row.newClient);
        plan_.newClients.push_back(std::move(client));
    }

    RowAction rowAction(const std::vector<InvoiceProblem>& problems, RowAction ok) const
    {
        const bool hasError =
            std::any_of(problems.begin(), problems.end(),
                        [](const InvoiceProblem& p) { return p.severity == Severity::Error; });
        if (!hasError)
            return ok;
        return options_.skipInvalid ? RowAction::Skip : RowAction::Invalid;
    }

    void finishRow(PlannedInvoice row, RowAction action, std::vector<InvoiceProblem>& problems)
    {
        appendPlannedRow(plan_, std::move(row), action, problems);
    }

    const ImportTable& table_;
    const InvoiceImportOptions& options_;
    ExistingClients& clients_;
    ExistingInvoices& invoices_;
    Language language_;
    std::vector<std::size_t> columnOf_;
    std::vector<std::string> headers_;
    std::unordered_map<std::string, std::size_t> seenNumbers_;
    std::unordered_map<std::string, std::size_t> newClientByTaxId_;
    InvoicePlan plan_;
};

} // namespace

const std::vector<InvoiceField>& allInvoiceFields()
{
    static const std::vector<InvoiceField> fields = []
    {
        std::vector<InvoiceField> list;
        for (const FieldInfo& info : kFields)
            list.push_back(info.field);
        return list;
    }();
    return fields;
}

std::string_view invoiceFieldName(InvoiceField field)
{
    return kFields.at(static_cast<std::size_t>(field)).name;
}

std::optional<InvoiceField> invoiceFieldFromName(std::string_view name)
{
    for (const FieldInfo& info : kFields)
        if (info.name == name)
            return info.field;
    return std::nullopt;
}

std::string invoiceFieldLabel(InvoiceField field, Language language)
{
    return text(kFields.at(static_cast<std::size_t>(field)).label, language);
}

std::optional<InvoiceField> invoiceFieldForHeader(std::string_view header)
{
    if (auto field = invoiceFieldFromName(header))
        return field;
    const std::vector<std::string> words = headerWords(header);
    if (words.empty())
        return std::nullopt;
    // "% IVA", "Tipo de IVA": a rate, not an amount.
    if (header.find('%') != std::string_view::npos ||
        hasAny(words, {"tipo", "rate", "taxa", "porcentaje", "percentage"}))
        return std::nullopt;
    if (const auto exact = exactHeaders().find(joinWords(words)); exact != exactHeaders().end())
        return exact->second;
    // Words inside longer headers, most specific first.
    const bool client = hasAny(words, {"cliente", "client", "customer", "clientes"});
    if (hasAny(words, {"nif", "cif", "nie", "dni", "vat", "nipc", "cnpj", "cpf", "rfc", "cuit",
                       "ruc", "rut", "nit", "contribuinte", "tin"}) &&
        !hasAny(words, {"importe", "amount", "cuota", "valor", "total"}))
        return InvoiceField::ClientTaxId;
    if (hasAny(words, {"identificacion", "identificacao"}) ||
        (hasAny(words, {"tax"}) && hasAny(words, {"id", "number", "code"})))
        return InvoiceField::ClientTaxId;
    if (hasAny(words, {"vencimiento", "vence", "due", "vencimento", "vto"}))
        return InvoiceField::DueDate;
    if (hasAny(words, {"fecha", "date", "data", "emision", "emissao", "expedicion", "emitida"}))
        return InvoiceField::IssueDate;
    const bool taxWord = hasAny(words, {"iva", "igic", "vat", "tax", "impuesto", "impuestos",
                                        "imposto", "impostos", "cuota"});
    if (taxWord && hasAny(words, {"sin", "without", "sem", "excl", "excluido", "before"}))
        return InvoiceField::Net;
    if (taxWord && hasAny(words, {"con", "with", "com", "incl", "incluido", "included"}))
        return InvoiceField::Total;
    if (hasAny(words, {"base", "neto", "net", "subtotal", "liquido", "imponible", "tributavel"}))
        return InvoiceField::Net;
    if (taxWord)
        return InvoiceField::Tax;
    if (hasAny(words, {"total", "importe", "amount", "valor"}))
        return InvoiceField::Total;
    if (hasAny(words, {"moneda", "divisa", "currency", "moeda"}))
        return InvoiceField::Currency;
    if (hasAny(words, {"estado", "status", "situacion", "situacao"}))
        return InvoiceField::Status;
    if (client && hasAny(words, {"codigo", "code", "cod", "ref", "referencia", "numero", "id"}))
        return InvoiceField::ClientCode;
    if (hasAny(words, {"numero", "factura", "invoice", "fatura", "num", "n", "no"}))
        return InvoiceField::Number;
    if (client || hasAny(words, {"razon", "razao", "nombre", "name", "nome", "empresa"}))
        return InvoiceField::ClientName;
    return std::nullopt;
}

InvoiceMapping autoInvoiceMapping(const std::vector<std::string>& headers)
{
    InvoiceMapping mapping(headers.size());
    std::vector<bool> taken(kFields.size());
    for (std::size_t c = 0; c < headers.size(); ++c)
    {
        const auto field = invoiceFieldForHeader(headers[c]);
        if (!field || taken[static_cast<std::size_t>(*field)])
            continue;
        taken[static_cast<std::size_t>(*field)] = true;
        mapping[c] = field;
    }
    return mapping;
}

std::string InvoiceProblem::text() const
{
    if (tableRow == npos)
        return reason;
    return "row " + std::to_string(sheetRow) + ", " + std::string(invoiceFieldName(field)) + ": " +
           reason;
}

std::string InvoiceProblem::text(Language language) const
{
    if (tableRow == npos)
        return reason;
    return clientes::text(
               TextKey::ImportRowPrefix, language,
               {{"row", std::to_string(sheetRow)}, {"label", invoiceFieldLabel(field, language)}}) +
           reason;
}

bool InvoicePlan::committable() const
{
    if (invalid != 0)
        return false;
    return std::none_of(problems.begin(), problems.end(),
                        [](const InvoiceProblem& p) {
                            return p.tableRow == InvoiceProblem::npos &&
                                   p.severity == Severity::Error;
                        });
}

InMemoryInvoices::InMemoryInvoices(std::vector<Invoice> invoices) : invoices_(std::move(invoices))
{
    index_.reserve(invoices_.size());
    for (std::size_t i = 0; i < invoices_.size(); ++i)
        index_.emplace_back(lowerAscii(invoices_[i].number), i);
    std::sort(index_.begin(), index_.end());
}

std::optional<Invoice> InMemoryInvoices::byNumber(std::string_view number)
{
    const std::string key = lowerAscii(number);
    const auto found =
        std::lower_bound(index_.begin(), index_.end(), key,
                         [](const auto& entry, const std::string& k) { return entry.first < k; });
    if (found == index_.end() || found->first != key)
        return std::nullopt;
    return invoices_[found->second];
}

std::optional<std::string> importDate(const ImportCell& cell, bool dayFirst)
{
    if (cell.isNumber)
        return isoDateFromSerial(cell.number);
    return dateFromText(cell.text, dayFirst);
}

std::optional<std::int64_t> importAmount(const ImportCell& cell, int digits)
{
    if (cell.isNumber)
        return minorUnitsFromDouble(cell.number, digits);
    const std::string normalized = normalizedAmount(cell.text, digits);
    if (normalized.empty())
        return std::nullopt;
    return parseMinorUnits(normalized, digits);
}

std::optional<InvoiceStatus> importStatus(std::string_view text)
{
    if (auto status = invoiceStatusFromName(text))
        return status;
    const std::string folded = foldForSearch(text);
    static const std::unordered_map<std::string_view, InvoiceStatus> kWords = {
        {"borrador", InvoiceStatus::Draft},
        {"draft", InvoiceStatus::Draft},
        {"rascunho", InvoiceStatus::Draft},
        {"proforma", InvoiceStatus::Draft},
        {"emitida", InvoiceStatus::Authorised},
        {"emitido", InvoiceStatus::Authorised},
        {"pendiente", InvoiceStatus::Authorised},
        {"pendiente de cobro", InvoiceStatus::Authorised},
        {"por cobrar", InvoiceStatus::Authorised},
        {"enviada", InvoiceStatus::Authorised},
        {"vencida", InvoiceStatus::Authorised},
        {"authorised", InvoiceStatus::Authorised},
        {"authorized", InvoiceStatus::Authorised},
        {"issued", InvoiceStatus::Authorised},
        {"sent", InvoiceStatus::Authorised},
        {"unpaid", InvoiceStatus::Authorised},
        {"open", InvoiceStatus::Authorised},
        {"due", InvoiceStatus::Authorised},
        {"overdue", InvoiceStatus::Authorised},
        {"pendente", InvoiceStatus::Authorised},
        {"em aberto", InvoiceStatus::Authorised},
        {"por receber", InvoiceStatus::Authorised},
        {"pagada", InvoiceStatus::Paid},
        {"pagado", InvoiceStatus::Paid},
        {"cobrada", InvoiceStatus::Paid},
        {"cobrado", InvoiceStatus::Paid},
        {"liquidada", InvoiceStatus::Paid},
        {"paid", InvoiceStatus::Paid},
        {"settled", InvoiceStatus::Paid},
        {"paga", InvoiceStatus::Paid},
        {"pago", InvoiceStatus::Paid},
        {"recebida", InvoiceStatus::Paid},
        {"liquidado", InvoiceStatus::Paid}};
    const auto found = kWords.find(folded);
    if (found == kWords.end())
        return std::nullopt;
    return found->second;
}

InvoicePlan planInvoiceImport(const ImportTable& table, const InvoiceImportOptions& options,
                              ExistingClients& clients, ExistingInvoices& invoices,
                              Language language)
{
    return InvoicePlanner(table, options, clients, invoices, language).run();
}

} // namespace clientes
