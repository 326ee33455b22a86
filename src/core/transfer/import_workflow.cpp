#include "core/transfer/import_workflow.hpp"

#include "core/messages/import_messages.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/model/record_kinds.hpp"
#include "core/register/register.hpp"
#include "core/rules/tax_id.hpp"
#include "core/text/text_fold.hpp"
#include "core/transfer/import_invoices.hpp"
#include "core/transfer/import_mapping.hpp"
#include "core/transfer/import_register.hpp"

#include <algorithm>
#include <type_traits>

namespace clientes
{

namespace
{
// The fields of a client mapping; the columns named kNoteLineColumn go to `noteColumns`.
ColumnMapping clientMappingOf(const std::vector<std::string>& names,
                              std::vector<std::size_t>* noteColumns = nullptr)
{
    ColumnMapping mapping;
    for (const std::string& name : names)
    {
        if (name == kNoteLineColumn)
        {
            if (noteColumns)
                noteColumns->push_back(mapping.size());
            mapping.emplace_back();
        }
        else if (name.empty())
            mapping.emplace_back();
        else if (const auto field = fieldFromName(name))
            mapping.emplace_back(field);
        else
            throw BadMapping(name);
    }
    return mapping;
}

InvoiceMapping invoiceMappingOf(const std::vector<std::string>& names)
{
    InvoiceMapping mapping;
    for (const std::string& name : names)
    {
        if (name.empty())
            mapping.emplace_back();
        else if (const auto field = invoiceFieldFromName(name))
            mapping.emplace_back(field);
        else
            throw BadMapping(name);
    }
    return mapping;
}

template <typename Mapping> std::vector<std::optional<std::string>> namesOf(const Mapping& mapping)
{
    std::vector<std::optional<std::string>> names;
    for (const auto& field : mapping)
    {
        if (!field)
            names.emplace_back();
        else if constexpr (std::is_same_v<Mapping, ColumnMapping>)
            names.emplace_back(std::string(fieldName(*field)));
        else
            names.emplace_back(std::string(invoiceFieldName(*field)));
    }
    return names;
}

// What to remember for a mapping the user gave for a table with headers: nothing ("") when it
// is the one the headers give anyway.
template <typename Mapping> std::string mappingToRemember(Mapping given, Mapping automatic)
{
    const std::string text = encodeMapping(given);
    automatic.resize(std::max(automatic.size(), given.size()));
    given.resize(automatic.size());
    return automatic == given ? std::string() : text;
}
} // namespace

BadMapping::BadMapping(std::string v)
    : std::runtime_error("no field is called " + v), value(std::move(v))
{
}

ImportWorkflow::ImportWorkflow(ImportSource source, WithRegister withRegister, Language language)
    : m_source(std::move(source)), m_withRegister(std::move(withRegister)), m_language(language)
{
}

std::vector<std::string> ImportWorkflow::headers(bool hasHeader) const
{
    const ImportTable& table = *m_source.table;
    std::vector<std::string> texts(m_source.columns);
    const std::size_t row = firstFilledRow(table);
    for (std::size_t c = 0; c < m_source.columns; ++c)
    {
        if (hasHeader && row < table.size() && c < table[row].size())
            texts[c] = cellText(table[row][c], Field::Notes);
        else
            texts[c] = columnLetters(m_source.firstSheetColumn + c);
    }
    return texts;
}

std::vector<std::optional<std::string>> ImportWorkflow::proposedMapping(ImportKind kind,
                                                                        bool hasHeader)
{
    if (!hasHeader)
        return std::vector<std::optional<std::string>>(m_source.columns);
    const std::vector<std::string> names = headers(true);
    const std::string key = rememberedMappingKey(kind, names);
    std::optional<std::string> remembered;
    m_withRegister([&](Register& store) { remembered = store.rememberedMapping(key); });
    std::vector<std::optional<std::string>> result;
    if (kind == ImportKind::Clients)
    {
        std::optional<ColumnMapping> mapping;
        std::vector<std::size_t> notes;
        if (remembered)
            mapping = decodeClientMapping(*remembered, &notes);
        if (!mapping)
        {
            const SourceLayout layout = sourceLayout(names);
            mapping = layout.mapping;
            notes = layout.noteColumns;
        }
        result = namesOf(*mapping);
        for (const std::size_t c : notes)
            if (c < result.size())
                result[c] = std::string(kNoteLineColumn);
    }
    else
    {
        std::optional<InvoiceMapping> mapping;
        if (remembered)
            mapping = decodeInvoiceMapping(*remembered);
        result = namesOf(mapping ? *mapping : autoInvoiceMapping(names));
    }
    result.resize(m_source.columns);
    return result;
}

SourceLayout ImportWorkflow::recognisedLayout(ImportKind kind, bool hasHeader) const
{
    if (kind != ImportKind::Clients || !hasHeader)
        return {};
    return sourceLayout(headers(true));
}

ImportRun ImportWorkflow::check(const ImportRequest& request)
{
    return run(request, false, nullptr);
}

ImportRun ImportWorkflow::commit(const ImportRequest& request,
                                 const std::function<void()>& releaseTable)
{
    return run(request, true, releaseTable);
}

std::vector<std::string> ImportWorkflow::tableMapping(const std::vector<std::string>& given,
                                                      bool rangeColumns) const
{
    const std::size_t skipped = rangeColumns ? m_source.leadingEmptyColumns : 0;
    if (skipped == 0)
        return given;
    if (given.size() <= skipped)
        return {};
    return std::vector<std::string>(given.begin() + static_cast<std::ptrdiff_t>(skipped),
                                    given.end());
}

template <typename Plan>
void ImportWorkflow::summarise(ImportRun& run, const Plan& plan, const ImportRequest& request) const
{
    run.created = plan.created;
    run.updated = plan.updated;
    run.unchanged = plan.unchanged;
    run.skipped = plan.skipped;
    run.errors = plan.errors;
    run.warnings = plan.warnings;
    run.invalid = plan.invalid;
    run.problems = transferProblems(plan, m_language);
    run.mapping = namesOf(plan.mapping);
    if constexpr (std::is_same_v<Plan, ImportPlan>)
    {
        for (const std::size_t c : plan.noteColumns)
            if (c < run.mapping.size())
                run.mapping[c] = std::string(kNoteLineColumn);
        run.leftOut = plan.leftOut;
        run.system = plan.system;
        run.contacts = plan.contacts;
        run.addresses = plan.addresses;
        run.bankAccounts = plan.bankAccounts;
    }
    if (request.rangeColumns)
        run.mapping.insert(run.mapping.begin(), m_source.leadingEmptyColumns, std::nullopt);
}

template <typename Plan, typename Options>
bool ImportWorkflow::review(ImportRun& run, const Plan& plan, const Options& options,
                            const ImportRequest& request, bool write,
                            const std::function<void()>& releaseTable) const
{
    if (write && releaseTable)
        releaseTable();
    summarise(run, plan, request);
    run.report = reportLines(plan, run.problems, options, m_language);
    if (!write)
        return false;
    run.created = run.updated = 0;
    if (!plan.committable())
    {
        run.blocked = clientes::text(TextKey::TransferImportBlocked, m_language,
                                     {{"errors", std::to_string(plan.errors)}});
        return false;
    }
    return true;
}

ImportRun ImportWorkflow::run(const ImportRequest& request, bool write,
                              const std::function<void()>& releaseTable)
{
    if (request.mapping) // every name checked, also those of columns left out of the table
        request.kind == ImportKind::Clients ? (void)clientMappingOf(*request.mapping)
                                            : (void)invoiceMappingOf(*request.mapping);
    return request.kind == ImportKind::Clients ? runClients(request, write, releaseTable)
                                               : runInvoices(request, write, releaseTable);
}

ImportRun ImportWorkflow::runClients(const ImportRequest& request, bool write,
                                     const std::function<void()>& releaseTable)
{
    ImportRun result;
    const std::vector<std::string> headerTexts = headers(request.hasHeader);
    const std::string mappingKey = rememberedMappingKey(request.kind, headerTexts);
    ImportOptions options;
    options.hasHeader = request.hasHeader;
    options.mode = request.mode;
    options.policy = request.policy;
    options.skipInvalid = request.skipInvalid;
    options.firstSheetRow = m_source.sheetRows.empty() ? 1 : m_source.sheetRows.front();
    options.firstSheetColumn = m_source.firstSheetColumn;
    options.sheetRows = m_source.sheetRows;
    options.taxIdChecker = [](const std::string& taxId, const std::string& country)
    { return isValidTaxId(taxId, country); };
    options.hyperlink = m_source.hyperlink;
    options.progress = request.progress;
    if (request.mapping)
        options.mapping = clientMappingOf(tableMapping(*request.mapping, request.rangeColumns),
                                          &options.noteColumns);
    // The register loaded in one pass, the mapping remembered for these headers too.
    std::optional<std::string> remembered;
    RegisterSnapshot snapshot;
    stopIfCancelled(request.progress);
    if (request.progress)
        request.progress->report(WorkStage::Loading, 0, 1);
    m_withRegister(
        [&](Register& store)
        {
            if (!request.mapping && request.hasHeader)
                remembered = store.rememberedMapping(mappingKey);
            snapshot = RegisterSnapshot::load(store);
        });
    // The people, addresses and accounts a client of the register already has (a file
    // imported again).
    snapshot.ownedOf = [this](RecordType kind, std::int64_t clientId)
    {
        std::vector<std::string> keys;
        m_withRegister(
            [&](Register& store)
            {
                withImportedKind(kind,
                                 [&]<typename Record>(const KindOf<Record>&)
                                 {
                                     for (const Record& record : store.list<Record>(clientId))
                                         keys.push_back(ownedKey(record));
                                 });
            });
        return keys;
    };
    if (remembered)
    {
        std::vector<std::size_t> notes;
        if (auto mapping = decodeClientMapping(*remembered, &notes))
        {
            options.mapping = std::move(*mapping);
            options.noteColumns = std::move(notes);
        }
    }
    ImportPlan plan = planImport(*m_source.table, options, snapshot, m_language);
    snapshot = RegisterSnapshot();
    stopIfCancelled(request.progress); // the last moment: from here on it writes
    if (!review(result, plan, options, request, write, releaseTable))
        return result;
    const std::size_t rowsToWrite = plan.created + plan.updated + plan.contacts;
    if (request.progress)
        request.progress->report(WorkStage::Writing, 0, rowsToWrite);
    const std::size_t created = plan.created;
    const std::size_t updated = plan.updated;
    ClientImportCommit commit = clientCommit(plan, m_source.description);
    plan = ImportPlan();
    const bool explicitMapping = request.mapping && request.hasHeader;
    const std::string mappingText =
        !explicitMapping ? std::string()
        : options.noteColumns.empty()
            ? mappingToRemember(options.mapping, autoMapping(headerTexts))
            : encodeMapping(options.mapping, options.noteColumns); // never the automatic one
    try
    {
        m_withRegister(
            [&](Register& store)
            {
                store.commitClientImport(std::move(commit));
                // The user's choice is remembered for the next table with these headers; the
                // automatic one needs no memory.
                if (explicitMapping)
                    store.rememberMapping(mappingKey, mappingText);
            });
    }
    catch (const ConflictError& conflict)
    {
        result.blocked =
            clientes::text(TextKey::TransferImportConflict, m_language,
                           {{"what", conflict.current.code + " " + conflict.current.legalName}});
        return result;
    }
    result.created = created;
    result.updated = updated;
    result.committed = true;
    if (request.progress)
        request.progress->report(WorkStage::Writing, rowsToWrite, rowsToWrite);
    return result;
}

ImportRun ImportWorkflow::runInvoices(const ImportRequest& request, bool write,
                                      const std::function<void()>& releaseTable)
{
    ImportRun result;
    const std::vector<std::string> headerTexts = headers(request.hasHeader);
    const std::string mappingKey = rememberedMappingKey(request.kind, headerTexts);
    InvoiceImportOptions options;
    options.hasHeader = request.hasHeader;
    options.mode = request.mode;
    options.policy = request.policy;
    options.skipInvalid = request.skipInvalid;
    options.createMissingClients = request.createMissingClients;
    options.firstSheetRow = m_source.sheetRows.empty() ? 1 : m_source.sheetRows.front();
    options.firstSheetColumn = m_source.firstSheetColumn;
    options.sheetRows = m_source.sheetRows;
    options.defaultCurrency = m_source.defaultCurrency;
    options.dayFirst = m_source.dayFirst;
    options.progress = request.progress;
    if (request.mapping)
        options.mapping = invoiceMappingOf(tableMapping(*request.mapping, request.rangeColumns));
    std::optional<std::string> remembered;
    std::vector<Invoice> stored;
    RegisterSnapshot snapshot;
    stopIfCancelled(request.progress);
    if (request.progress)
        request.progress->report(WorkStage::Loading, 0, 1);
    m_withRegister(
        [&](Register& store)
        {
            if (!request.mapping && request.hasHeader)
                remembered = store.rememberedMapping(mappingKey);
            stored = store.allInvoices();
            snapshot = RegisterSnapshot::load(store);
        });
    if (remembered)
        if (auto mapping = decodeInvoiceMapping(*remembered))
            options.mapping = std::move(*mapping);
    InMemoryInvoices invoices(std::move(stored));
    InvoicePlan plan = planInvoiceImport(*m_source.table, options, snapshot, invoices, m_language);
    stopIfCancelled(request.progress); // the last moment: from here on it writes
    if (!review(result, plan, options, request, write, releaseTable))
        return result;
    const std::size_t created = plan.created;
    const std::size_t updated = plan.updated;
    if (request.progress)
        request.progress->report(WorkStage::Writing, 0, plan.created + plan.updated);
    InvoiceImportCommit commit = invoiceCommit(plan, m_source.description);
    const std::size_t newClients = commit.newClients.size();
    const bool explicitMapping = request.mapping && request.hasHeader;
    const std::string mappingText =
        explicitMapping ? mappingToRemember(options.mapping, autoInvoiceMapping(headerTexts))
                        : std::string();
    try
    {
        m_withRegister(
            [&](Register& store)
            {
                store.commitInvoiceImport(std::move(commit));
                if (explicitMapping)
                    store.rememberMapping(mappingKey, mappingText);
            });
    }
    catch (const RecordConflict<Invoice>& conflict)
    {
        result.blocked = clientes::text(TextKey::TransferImportConflict, m_language,
                                        {{"what", conflict.current.number}});
        return result;
    }
    result.created = created;
    result.updated = updated;
    result.clientsCreated = newClients;
    result.committed = true;
    if (request.progress)
        request.progress->report(WorkStage::Writing, created + updated, created + updated);
    return result;
}

} // namespace clientes
