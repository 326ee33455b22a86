// Sheets bound to the register ("Editar en Calc"): the list written, its binding kept in the
// document (a user-defined document property per bound list, named after the list's database
// range, which Calc keeps in place when rows or columns are inserted and when the sheet is
// renamed), published back and refreshed (core/transfer/sheet_publish.hpp). A copy of the
// document opened without the extension is an ordinary sheet with a harmless property.
#pragma once

#include "core/transfer/sheet_publish.hpp"
#include "sheets/export_engine.hxx"
#include "sheets/sheet_io.hxx"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <memory>
#include <optional>

namespace clientes::uno::bound_sheet
{
using css::uno::Reference;
using Context = Reference<css::uno::XComponentContext>;

// Writes the clients at A1 of target and binds the sheet. Returns header + rows.
Reference<css::table::XCellRange> edit(const Context& context,
                                       const Reference<css::sheet::XSpreadsheetDocument>& document,
                                       const Reference<css::sheet::XSpreadsheet>& target,
                                       const ClientExportSettings& settings);

// A bound list as read from its sheet (on the main thread), for work on the register that may
// run on another thread (a team server), and applied back on the main thread.
struct Snapshot
{
    Reference<css::sheet::XSpreadsheetDocument> document;
    Reference<css::sheet::XSpreadsheet> sheet;
    ::rtl::OUString property;  // the document property holding the binding
    ::rtl::OUString rangeName; // the list's database range
    css::table::CellRangeAddress area;
    std::shared_ptr<const SheetBinding> binding; // with the bases remembered for it
    sheet_io::SheetCells cells; // from the header down to the sheet's last used row
    std::string source;         // the batch's description: "Hoja «Clientes» de libro.ods"

    BoundCells view() const { return BoundCells{cells.table, cells.sheetRows, 0}; }
};

// nullptr when the sheet holds no bound list.
std::shared_ptr<Snapshot> read(const Context& context,
                               const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const Reference<css::sheet::XSpreadsheet>& sheet);

// The register's part of a publish (any thread; request.source and the tax ID check are
// filled in here).
PublishOutcome publishSnapshot(const Context& context, const Snapshot& snapshot,
                               PublishRequest request);
// Shows a publish's outcome on the sheet (main thread): rows as stored, the list's range, the
// binding; errors and conflicts marked when markCells. Returns the cells marked.
std::size_t applyPublish(const Context& context, const Snapshot& snapshot,
                         const PublishOutcome& outcome, bool dryRun, bool markCells);
void applyRefresh(const Context& context, const Snapshot& snapshot, const RefreshOutcome& outcome);
void applyDiscard(const Context& context, const Snapshot& snapshot, const DiscardOutcome& outcome);
// Keeps a binding with bases learnt since (fillBases) for the snapshot's list.
void rememberBases(const Snapshot& snapshot, const SheetBinding& binding);

// Whether the sheet holds a bound list.
bool isBound(const Reference<css::sheet::XSpreadsheetDocument>& document,
             const Reference<css::sheet::XSpreadsheet>& sheet);

struct PublishRun
{
    PublishOutcome outcome;
    std::size_t marked = 0;
};

// Publishes the sheet's changes (request.source is filled in here); errors and conflicts are
// marked on their cells when markCells. nullopt when the sheet is not bound.
std::optional<PublishRun> publish(const Context& context,
                                  const Reference<css::sheet::XSpreadsheetDocument>& document,
                                  const Reference<css::sheet::XSpreadsheet>& sheet,
                                  PublishRequest request, bool markCells);

// Refreshes the sheet from the register (conflicts marked). nullopt when it is not bound.
std::optional<RefreshOutcome> refresh(const Context& context,
                                      const Reference<css::sheet::XSpreadsheetDocument>& document,
                                      const Reference<css::sheet::XSpreadsheet>& sheet);

// What the sheet holds unpublished. nullopt when it is not bound.
std::optional<SheetPending> pending(const Context& context,
                                    const Reference<css::sheet::XSpreadsheetDocument>& document,
                                    const Reference<css::sheet::XSpreadsheet>& sheet);
} // namespace clientes::uno::bound_sheet
