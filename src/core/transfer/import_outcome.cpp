#include "core/transfer/import_outcome.hpp"

#include "core/text/utf8.hpp"

#include "core/messages/import_messages.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/transfer/import_mapping.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <stdexcept>

namespace clientes
{

namespace
{

std::string clientFieldLabel(Field field, Language language)
{
    try
    {
        return fieldLabel(field, language);
    }
    catch (const std::out_of_range&)
    {
        return std::string(fieldName(field));
    }
}

template <typename Plan, typename Options, typename Describe>
std::vector<ReportLine> linesOf(const Plan& plan, const std::vector<TransferProblem>& problems,
                                const Options& options, Language language, Describe excluded)
{
    std::multimap<std::size_t, const TransferProblem*> byRow;
    for (const TransferProblem& problem : problems)
        if (problem.sheetRow != 0)
            byRow.emplace(problem.sheetRow, &problem);
    std::vector<ReportLine> lines;
    for (const auto& row : plan.rows)
    {
        if (row.action != RowAction::Skip && row.action != RowAction::Invalid)
            continue;
        const std::size_t sheetRow =
            sheetRowOf(options.sheetRows, options.firstSheetRow, row.tableRow);
        const std::string status =
            text(row.action == RowAction::Skip ? TextKey::TransferReportSkipped
                                               : TextKey::TransferReportNotImported,
                 language);
        const auto [first, last] = byRow.equal_range(sheetRow);
        const bool hasError = std::any_of(first, last,
                                          [](const auto& entry)
                                          { return entry.second->severity == Severity::Error; });
        if (std::string why = hasError ? std::string() : excluded(row); !why.empty())
            lines.push_back(
                {sheetRow, status, text(TextKey::TransferReportWarning, language), "", why});
        for (auto it = first; it != last; ++it)
        {
            const TransferProblem& problem = *it->second;
            lines.push_back(
                {sheetRow, status,
                 text(problem.severity == Severity::Error ? TextKey::TransferReportError
                                                          : TextKey::TransferReportWarning,
                      language),
                 problem.fieldLabel, problem.reason});
        }
    }
    return lines;
}

std::vector<std::string_view> splitNames(std::string_view text)
{
    std::vector<std::string_view> names;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t comma = text.find(',', start);
        names.push_back(
            text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return names;
}

} // namespace

std::optional<ImportMode> importModeFromName(std::string_view name)
{
    if (name == "create")
        return ImportMode::CreateOnly;
    if (name == "update")
        return ImportMode::UpdateOnly;
    if (name == "both")
        return ImportMode::Both;
    return std::nullopt;
}

std::optional<UpdatePolicy> updatePolicyFromName(std::string_view name)
{
    if (name == "overwrite")
        return UpdatePolicy::Overwrite;
    if (name == "fillEmpty")
        return UpdatePolicy::FillEmpty;
    return std::nullopt;
}

std::vector<TransferProblem> transferProblems(const ImportPlan& plan, Language language)
{
    std::vector<TransferProblem> list;
    list.reserve(plan.problems.size());
    for (const ImportProblem& problem : plan.problems)
    {
        TransferProblem out;
        out.sheetRow = problem.tableRow == ImportProblem::npos ? 0 : problem.sheetRow;
        out.sheetColumn = problem.sheetColumn;
        out.severity = problem.severity;
        out.apiText = problem.text();
        out.userText = problem.text(language);
        if (problem.tableRow != ImportProblem::npos || problem.sheetColumn != ImportProblem::npos)
        {
            out.fieldName = std::string(fieldName(problem.field));
            out.fieldLabel = clientFieldLabel(problem.field, language);
        }
        out.reason = problem.reason;
        list.push_back(std::move(out));
    }
    return list;
}

std::vector<TransferProblem> transferProblems(const InvoicePlan& plan, Language language)
{
    std::vector<TransferProblem> list;
    list.reserve(plan.problems.size());
    for (const InvoiceProblem& problem : plan.problems)
    {
        TransferProblem out;
        out.sheetRow = problem.tableRow == InvoiceProblem::npos ? 0 : problem.sheetRow;
        out.sheetColumn = problem.sheetColumn;
        out.severity = problem.severity;
        out.apiText = problem.text();
        out.userText = problem.text(language);
        out.fieldName = std::string(invoiceFieldName(problem.field));
        out.fieldLabel = invoiceFieldLabel(problem.field, language);
        out.reason = problem.reason;
        list.push_back(std::move(out));
    }
    return list;
}

std::vector<CellMark> cellMarks(const std::vector<TransferProblem>& problems,
                                std::size_t firstColumn, std::size_t limit)
{
    // Errors first within a cell, then in the order found.
    std::map<std::pair<std::size_t, std::size_t>, std::vector<const TransferProblem*>> cells;
    for (const TransferProblem& problem : problems)
    {
        if (problem.sheetRow == 0)
            continue;
        const std::size_t column =
            problem.sheetColumn == TransferProblem::npos ? firstColumn : problem.sheetColumn;
        cells[{problem.sheetRow, column}].push_back(&problem);
    }
    std::vector<CellMark> marks;
    for (auto& [cell, list] : cells)
    {
        if (marks.size() >= limit)
            break;
        std::stable_sort(list.begin(), list.end(),
                         [](const auto* a, const auto* b) {
                             return a->severity == Severity::Error &&
                                    b->severity != Severity::Error;
                         });
        CellMark mark;
        mark.sheetRow = cell.first;
        mark.sheetColumn = cell.second;
        for (const TransferProblem* problem : list)
        {
            if (problem->severity == Severity::Error)
                mark.severity = Severity::Error;
            if (!mark.text.empty())
                mark.text += '\n';
            mark.text += problem->reason;
        }
        marks.push_back(std::move(mark));
    }
    return marks;
}

std::vector<ReportLine> reportLines(const ImportPlan& plan,
                                    const std::vector<TransferProblem>& problems,
                                    const ImportOptions& options, Language language)
{
    // The columns left out first (about the whole table), then the rows.
    std::vector<ReportLine> lines;
    for (const LeftOutColumn& column : plan.leftOut)
        lines.push_back({0, text(TextKey::TransferReportNotImported, language),
                         text(TextKey::TransferReportWarning, language),
                         columnLetters(column.sheetColumn), leftOutText(column, language)});
    std::vector<ReportLine> rows =
        linesOf(plan, problems, options, language,
                [&](const PlannedRow& row)
                {
                    // A row of a company: its warning says why.
                    if (row.contact || row.address)
                        return std::string();
                    return row.matchedId != 0 ? text(TextKey::TransferExcludedExisting, language,
                                                     {{"what", row.client.code}})
                                              : text(TextKey::TransferExcludedMissing, language);
                });
    lines.insert(lines.end(), std::make_move_iterator(rows.begin()),
                 std::make_move_iterator(rows.end()));
    return lines;
}

std::vector<ReportLine> reportLines(const InvoicePlan& plan,
                                    const std::vector<TransferProblem>& problems,
                                    const InvoiceImportOptions& options, Language language)
{
    return linesOf(plan, problems, options, language,
                   [&](const PlannedInvoice& row)
                   {
                       return row.matchedInvoiceId != 0
                                  ? text(TextKey::TransferExcludedExisting, language,
                                         {{"what", row.invoice.number}})
                                  : text(TextKey::TransferExcludedMissing, language);
                   });
}

std::vector<std::string> reportHeaders(Language language)
{
    return {text(TextKey::TransferReportRow, language),
            text(TextKey::TransferReportStatus, language),
            text(TextKey::TransferReportSeverity, language),
            text(TextKey::TransferReportField, language),
            text(TextKey::TransferReportProblem, language)};
}

ClientImportCommit clientCommit(ImportPlan& plan, std::string source)
{
    ClientImportCommit commit;
    commit.source = std::move(source);
    commit.creates.reserve(plan.created);
    commit.updates.reserve(plan.updated);
    commit.contacts.reserve(plan.contacts);
    // Where each created row's client goes in creates, for the people of a company created.
    std::vector<std::size_t> created(plan.rows.size(), ClientImportCommit::NewContact::npos);
    for (std::size_t i = 0; i < plan.rows.size(); ++i)
    {
        PlannedRow& row = plan.rows[i];
        if (row.action == RowAction::Create)
        {
            created[i] = commit.creates.size();
            commit.creates.push_back(std::move(row.client));
        }
        else if (row.action == RowAction::Update)
            commit.updates.push_back(std::move(row.client));
    }
    // A record of the client of plan row `owner`: the client it creates, or the one it matched.
    const auto add = [&]<typename Record>(std::vector<ClientImportCommit::NewRecord<Record>>& list,
                                          Record&& record, std::size_t owner,
                                          std::int64_t matchedId)
    {
        ClientImportCommit::NewRecord<Record> item;
        item.record = std::move(record);
        item.newClient = owner == PlannedRow::npos ? item.npos : created[owner];
        if (item.newClient == item.npos)
            item.record.clientId = matchedId;
        list.push_back(std::move(item));
    };
    for (std::size_t i = 0; i < plan.rows.size(); ++i)
    {
        PlannedRow& row = plan.rows[i];
        if (row.action == RowAction::Child)
        {
            // A person or an address of its company (one it has already is Unchanged).
            if (row.contact)
                add(commit.contacts, std::move(*row.contact), row.parentRow, row.matchedId);
            else if (row.address)
                add(commit.addresses, std::move(*row.address), row.parentRow, row.matchedId);
        }
        else if (row.action == RowAction::Create || row.action == RowAction::Update ||
                 row.action == RowAction::Unchanged)
        {
            if (row.contactPerson)
                add(commit.contacts, std::move(*row.contactPerson), i, row.matchedId);
            if (row.bankAccount)
                add(commit.bankAccounts, std::move(*row.bankAccount), i, row.matchedId);
        }
    }
    commit.unchanged = plan.unchanged;
    commit.skipped = plan.skipped;
    return commit;
}

InvoiceImportCommit invoiceCommit(InvoicePlan& plan, std::string source)
{
    InvoiceImportCommit commit;
    commit.source = std::move(source);
    // Only the new clients that a created invoice needs.
    std::vector<std::size_t> renumbered(plan.newClients.size(), ImportedInvoice::npos);
    for (PlannedInvoice& row : plan.rows)
    {
        if (row.action == RowAction::Create)
        {
            ImportedInvoice item;
            item.invoice = std::move(row.invoice);
            if (row.newClient != ImportedInvoice::npos)
            {
                std::size_t& index = renumbered.at(row.newClient);
                if (index == ImportedInvoice::npos)
                {
                    index = commit.newClients.size();
                    commit.newClients.push_back(plan.newClients[row.newClient]);
                }
                item.newClient = index;
            }
            commit.creates.push_back(std::move(item));
        }
        else if (row.action == RowAction::Update)
            commit.updates.push_back(std::move(row.invoice));
    }
    commit.unchanged = plan.unchanged;
    commit.skipped = plan.skipped;
    return commit;
}

std::string encodeMapping(const ColumnMapping& mapping, const std::vector<std::size_t>& noteColumns)
{
    std::string text;
    for (std::size_t c = 0; c < mapping.size(); ++c)
    {
        if (c > 0)
            text += ',';
        if (std::find(noteColumns.begin(), noteColumns.end(), c) != noteColumns.end())
            text += kNoteLineColumn;
        else if (mapping[c])
            text += fieldName(*mapping[c]);
    }
    return text;
}

std::string encodeMapping(const InvoiceMapping& mapping)
{
    std::string text;
    for (std::size_t c = 0; c < mapping.size(); ++c)
    {
        if (c > 0)
            text += ',';
        if (mapping[c])
            text += invoiceFieldName(*mapping[c]);
    }
    return text;
}

std::optional<ColumnMapping> decodeClientMapping(std::string_view text,
                                                 std::vector<std::size_t>* noteColumns)
{
    ColumnMapping mapping;
    for (std::string_view name : splitNames(text))
    {
        if (name == kNoteLineColumn && noteColumns)
            noteColumns->push_back(mapping.size());
        if (name.empty() || name == kNoteLineColumn)
        {
            mapping.emplace_back();
            continue;
        }
        const auto field = fieldFromName(name);
        if (!field)
            return std::nullopt;
        mapping.emplace_back(field);
    }
    return mapping;
}

std::optional<InvoiceMapping> decodeInvoiceMapping(std::string_view text)
{
    InvoiceMapping mapping;
    for (std::string_view name : splitNames(text))
    {
        if (name.empty())
        {
            mapping.emplace_back();
            continue;
        }
        const auto field = invoiceFieldFromName(name);
        if (!field)
            return std::nullopt;
        mapping.emplace_back(field);
    }
    return mapping;
}

std::string rememberedMappingKey(ImportKind kind, const std::vector<std::string>& headers)
{
    return std::string(importKindName(kind)) + ":" + mappingKey(headers);
}

bool isValidSheetName(std::string_view name)
{
    if (name.empty() || name.front() == '\'' || name.back() == '\'' || !utf8::isValid(name))
        return false;
    for (std::size_t pos = 0; pos < name.size();)
    {
        const char32_t cp = utf8::next(name, pos);
        if (cp < 0x20 || cp == 0x7F || cp == ':' || cp == '\\' || cp == '/' || cp == '?' ||
            cp == '*' || cp == '[' || cp == ']')
            return false;
    }
    return true;
}

} // namespace clientes
