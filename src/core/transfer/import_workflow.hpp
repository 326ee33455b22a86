#pragma once

// One import as the API and the wizard run it, whatever the rows were read from: the table is
// checked against the register loaded in bulk (nothing written), then, when asked, committed
// as one import batch, and a mapping the user chose is remembered for the next table with the
// same headers. The caller reads the rows (a Calc range, a file) and shows the outcome (marks
// on cells, a report sheet, a dialog).

#include "core/model/import_batch.hpp"
#include "core/text/language.hpp"
#include "core/transfer/import_outcome.hpp"
#include "core/transfer/import_plan.hpp"
#include "core/transfer/register_access.hpp"
#include "core/transfer/work_progress.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

// What the caller read: the table's rows (those holding something), where they are.
struct ImportSource
{
    const ImportTable* table = nullptr;
    std::size_t columns = 0;             // the table's width
    std::vector<std::size_t> sheetRows;  // 1-based sheet row of each table row
    std::size_t firstSheetColumn = 0;    // 0-based sheet column of the table's first column
    std::size_t leadingEmptyColumns = 0; // columns of the range given left of the table's first
    std::string description;             // names the source in the import batch
    // The URL of a hyperlink in a cell (table row and column), when the source has such; asked
    // only for the column mapped to the website, while the register is not held.
    std::function<std::optional<std::string>(std::size_t row, std::size_t column)> hyperlink;
    // For invoices: the currency of amounts without one, and whether dates are day first.
    std::string defaultCurrency;
    bool dayFirst = true;
};

struct ImportRequest
{
    ImportKind kind = ImportKind::Clients;
    bool hasHeader = true;
    // A field's API name or "" per column; nothing: the mapping remembered for these headers,
    // else the automatic one.
    std::optional<std::vector<std::string>> mapping;
    // The columns of `mapping` and of the outcome's mapping: those of the range given (the
    // API), else those of the table (the wizard, which shows the table's columns).
    bool rangeColumns = false;
    ImportMode mode = ImportMode::Both;
    UpdatePolicy policy = UpdatePolicy::Overwrite;
    bool skipInvalid = false;
    bool createMissingClients = false; // invoices
    // Told how far the work is (loading, checking, writing); asked whether to stop while
    // nothing is written (the workflow then throws WorkCancelled). May be null.
    WorkProgress* progress = nullptr;
};

struct ImportRun
{
    std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0;
    std::size_t errors = 0, warnings = 0, invalid = 0;
    std::size_t clientsCreated = 0; // invoices: clients created for them
    bool committed = false;         // the register holds the rows now
    std::string blocked;            // why a commit wrote nothing
    std::vector<TransferProblem> problems;
    std::vector<ReportLine> report;                  // the rows not imported, with reasons
    std::vector<std::optional<std::string>> mapping; // a field's API name per column, as used
    std::vector<LeftOutColumn> leftOut;          // clients: the columns holding values not imported
    SourceSystem system = SourceSystem::Unknown; // clients: the system the headers come from
    // Clients: rows of a company that become its contacts, or lines of its notes.
    std::size_t contacts = 0, addresses = 0;
    std::size_t bankAccounts = 0; // of the clients created
};

// A Mapping naming no field; `value` is the name given.
class BadMapping : public std::runtime_error
{
public:
    explicit BadMapping(std::string value);
    std::string value;
};

class ImportWorkflow
{
public:
    ImportWorkflow(ImportSource source, WithRegister withRegister, Language language);

    // The header row's texts (hasHeader), else the column letters.
    std::vector<std::string> headers(bool hasHeader) const;
    // The mapping a check would use without an explicit one: remembered, else automatic.
    // A recognised system's mapping (import_sources.hpp) counts as automatic.
    std::vector<std::optional<std::string>> proposedMapping(ImportKind kind, bool hasHeader);
    // The system a client import's header row comes from, with its rules; Unknown without a
    // header.
    SourceLayout recognisedLayout(ImportKind kind, bool hasHeader) const;

    // Checks; writes nothing. Throws BadMapping.
    ImportRun check(const ImportRequest& request);
    // Checks and, when nothing blocks it, commits one batch. `releaseTable` lets the caller's
    // table go before the store writes (call it for a single commit of a large table). Throws
    // BadMapping, the store's failures (StoreError…); a record changed since the check (a
    // conflict) is reported in `blocked`, nothing written.
    ImportRun commit(const ImportRequest& request,
                     const std::function<void()>& releaseTable = nullptr);

private:
    ImportRun run(const ImportRequest& request, bool write,
                  const std::function<void()>& releaseTable);
    ImportRun runClients(const ImportRequest& request, bool write,
                         const std::function<void()>& releaseTable);
    ImportRun runInvoices(const ImportRequest& request, bool write,
                          const std::function<void()>& releaseTable);
    // An explicit mapping given per column of the range, cut to the table's columns.
    std::vector<std::string> tableMapping(const std::vector<std::string>& given,
                                          bool rangeColumns) const;
    template <typename Plan>
    void summarise(ImportRun& run, const Plan& plan, const ImportRequest& request) const;
    // After planning: the run's counts, problems and report; true when the plan is to be
    // written (a commit with nothing blocking it: otherwise `blocked` says why).
    template <typename Plan, typename Options>
    bool review(ImportRun& run, const Plan& plan, const Options& options,
                const ImportRequest& request, bool write,
                const std::function<void()>& releaseTable) const;

    ImportSource m_source;
    WithRegister m_withRegister;
    Language m_language;
};

} // namespace clientes
