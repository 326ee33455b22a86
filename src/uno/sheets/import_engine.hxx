// One import from a Calc range, as the API and the wizard run it: the range is read once
// (getDataArray in blocks), then checked (planImport / planInvoiceImport against the register
// loaded in bulk; nothing written), optionally marked on the sheet, and committed as one
// import batch. Calc is never called while the store is locked.
#pragma once

#include "core/model/import_batch.hpp"
#include "core/text/language.hpp"
#include "core/transfer/import_outcome.hpp"
#include "sheets/sheet_io.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clientes::uno
{
struct ImportSettings
{
    ImportKind kind = ImportKind::Clients;
    bool hasHeader = true;
    // A field's API name or "" per column; nullopt: the mapping remembered for these headers,
    // else the automatic one.
    std::optional<std::vector<std::string>> mapping;
    // The columns of `mapping` and of the result's mapping: those of the range given (the
    // API), else those read (columnCount(), as proposedMapping gives them: the wizard).
    bool rangeColumns = false;
    ImportMode mode = ImportMode::Both;
    UpdatePolicy policy = UpdatePolicy::Overwrite;
    bool skipInvalid = false;
    bool createMissingClients = false; // invoices
    bool markCells = false;            // replace the document's marks with this check's
    std::string reportSheet;           // a sheet listing the rows not imported ("" none)
};

struct ImportResult
{
    std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0;
    std::size_t errors = 0, warnings = 0, invalid = 0;
    std::size_t clientsCreated = 0; // invoices: clients created for them
    bool committed = false;         // the register holds the rows now (a commit that wrote)
    std::string blocked;            // why a commit wrote nothing
    std::vector<TransferProblem> problems;
    std::size_t marked = 0;
    std::string reportSheet;                         // name of the sheet written
    std::vector<std::optional<std::string>> mapping; // field API name per column, as used
};

class SheetImport
{
public:
    // Reads the range now. `description` names the source in the import batch.
    SheetImport(const css::uno::Reference<css::uno::XComponentContext>& context,
                sheet_io::Located source, std::string description);

    const sheet_io::Located& source() const { return m_source; }
    const std::string& description() const { return m_description; }
    // The rows read: those of the range that hold something (its empty rows are left out).
    std::size_t rowCount() const { return m_cells.table.size(); }
    // The columns read: from the range's first column holding something to its last one.
    std::size_t columnCount() const { return m_cells.columns; }
    const ImportTable& table() const { return m_cells.table; }
    // 0-based sheet column of the table's first column.
    std::size_t firstColumn() const { return static_cast<std::size_t>(m_cells.area.StartColumn); }
    // 1-based sheet row of a table row.
    std::size_t sheetRow(std::size_t tableRow) const { return m_cells.sheetRows.at(tableRow); }

    // The header row's texts (hasHeader), else the column letters.
    std::vector<std::string> headers(bool hasHeader) const;
    // Index of the header row (the first row with a value), or 0.
    std::size_t headerRow() const;
    // The mapping a check would use without an explicit one: remembered, else automatic.
    std::vector<std::optional<std::string>> proposedMapping(ImportKind kind, bool hasHeader);

    // Throws IllegalArgumentException for a mapping naming no field.
    ImportResult check(const ImportSettings& settings);
    ImportResult commit(const ImportSettings& settings);
    // For a single commit (the API): the cells read are let go as soon as the plan is made,
    // before the store writes (a 100,000-row sheet is some 60 MB of them).
    ImportResult commitOnce(const ImportSettings& settings);

private:
    ImportResult run(const ImportSettings& settings, bool write, bool releaseTable = false);
    template <typename Plan, typename Options>
    void finish(ImportResult& result, const Plan& plan, const Options& options,
                const ImportSettings& settings);
    void writeReport(ImportResult& result, const std::vector<ReportLine>& lines,
                     const std::string& name);

    // The URL of a hyperlink in a text cell (column: of the table), read per column when first
    // asked.
    std::optional<std::string> hyperlink(std::size_t tableRow, std::size_t column);
    // An explicit mapping is given per column of the range: the columns left of the first one
    // read are dropped, and put back (unmapped) in the result.
    std::vector<std::string> tableMapping(const std::vector<std::string>& rangeMapping) const;
    std::vector<std::optional<std::string>>
    rangeMapping(std::vector<std::optional<std::string>> tableMapping) const;

    css::uno::Reference<css::uno::XComponentContext> m_context;
    Language m_language;
    sheet_io::Located m_source;
    std::string m_description;
    sheet_io::SheetCells m_cells;
    std::size_t m_skippedColumns = 0; // columns of the range left of the first one read
    std::map<std::size_t, std::map<std::size_t, std::string>> m_hyperlinks; // by column
};

// Where an import's rows came from, for the batch and messages.
std::string describeRange(const sheet_io::Located& source, bool selection, Language language);

// Gives memory freed by a large import back to the system (glibc keeps freed heap otherwise).
void releaseFreedMemory();
} // namespace clientes::uno
