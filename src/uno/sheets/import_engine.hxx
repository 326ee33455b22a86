// One import from a Calc range, as the API and the wizard run it: the cells holding something
// are read once (sheet_io::readContent), the core's ImportWorkflow checks and commits them,
// and the outcome is shown on the sheet (marks, a report sheet). Calc is never called while
// the store is locked.
#pragma once

#include "core/model/import_batch.hpp"
#include "core/text/language.hpp"
#include "core/transfer/import_outcome.hpp"
#include "core/transfer/import_workflow.hpp"
#include "sheets/sheet_io.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clientes::uno
{
// An import's request as the API and the wizard make it, with what concerns the sheet.
struct ImportSettings : ImportRequest
{
    bool markCells = false;  // replace the document's marks with this check's
    std::string reportSheet; // a sheet listing the rows not imported ("" none)
};

struct ImportResult : ImportRun
{
    std::size_t marked = 0;
    std::string reportSheet; // name of the sheet written
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
    SourceLayout recognisedLayout(ImportKind kind, bool hasHeader) const;

    // Throws IllegalArgumentException for a mapping naming no field.
    ImportResult check(const ImportSettings& settings);
    ImportResult commit(const ImportSettings& settings);
    // For a single commit (the API): the cells read are let go as soon as the plan is made,
    // before the store writes (a 100,000-row sheet is some 60 MB of them).
    ImportResult commitOnce(const ImportSettings& settings);

private:
    ImportResult run(const ImportSettings& settings, bool write, bool releaseTable = false);
    void writeReport(ImportResult& result, const std::vector<ReportLine>& lines,
                     const std::string& name);

    // The URL of a hyperlink in a text cell (column: of the table), read per column when first
    // asked.
    std::optional<std::string> hyperlink(std::size_t tableRow, std::size_t column);

    css::uno::Reference<css::uno::XComponentContext> m_context;
    Language m_language;
    sheet_io::Located m_source;
    std::string m_description;
    sheet_io::SheetCells m_cells;
    std::map<std::size_t, std::map<std::size_t, std::string>> m_hyperlinks; // by column
    std::unique_ptr<ImportWorkflow> m_workflow;
};

// Where an import's rows came from, for the batch and messages.
std::string describeRange(const sheet_io::Located& source, bool selection, Language language);

// Gives memory freed by a large import back to the system (glibc keeps freed heap otherwise).
void releaseFreedMemory();
} // namespace clientes::uno
