// Sheets bound to the register ("Editar en Calc"): the list written, its binding kept in the
// document (a user-defined document property per bound list, named after the list's database
// range, which Calc keeps in place when rows or columns are inserted and when the sheet is
// renamed), published back and refreshed (core/transfer/sheet_publish.hpp). A copy of the
// document opened without the extension is an ordinary sheet with a harmless property.
#pragma once

#include "core/transfer/sheet_publish.hpp"
#include "sheets/export_engine.hxx"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

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
