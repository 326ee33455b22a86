// Exported lists (clients, invoices) that refresh in place: the export keeps its settings in
// the document (document_lists.hxx), and "Actualizar" runs its query again: rows of records
// gone are deleted, new ones inserted where the export's order puts them, rows whose place
// changed (an invoice paid meanwhile) moved — rows as wide as the sheet is used, by one sort on
// a helper column, so that the user's own columns and formulas beside the list stay with their
// rows — then the values are written again and an invoice list's totals follow.
#pragma once

#include "core/transfer/export_shape.hpp"
#include "core/transfer/list_refresh.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clientes::uno::list_sheet
{
using css::uno::Reference;

// Keeps the settings of the list just written (header + rows at `written`).
void remember(const Reference<css::sheet::XSpreadsheetDocument>& document,
              const Reference<css::table::XCellRange>& written, const ListSettings& settings);

// Whether the sheet holds a list exported here.
bool isList(const Reference<css::sheet::XSpreadsheetDocument>& document,
            const Reference<css::sheet::XSpreadsheet>& sheet);

struct Refreshed
{
    std::size_t updated = 0; // rows written again
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t moved = 0;
};

// A list as read from its sheet (main thread), for the register's part on another thread (a
// team server), applied back on the main thread.
struct ListSnapshot
{
    Reference<css::sheet::XSpreadsheetDocument> document;
    Reference<css::sheet::XSpreadsheet> sheet;
    ::rtl::OUString property;
    ::rtl::OUString rangeName;
    css::table::CellRangeAddress area; // header and rows
    ListSettings settings;
    std::vector<std::string> before; // the rows' keys
};
// The list as the export makes it now.
struct ListData
{
    ExportSheet rows;
    InvoiceListSheet invoices;
    bool dateTimes = false;
};

// nullptr when the sheet holds no exported list.
std::shared_ptr<ListSnapshot> read(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                   const Reference<css::sheet::XSpreadsheet>& sheet);
ListData load(const Reference<css::uno::XComponentContext>& context, const ListSnapshot& snapshot);
Refreshed apply(const ListSnapshot& snapshot, const ListData& data);

// nullopt when the sheet holds no exported list.
std::optional<Refreshed> refresh(const Reference<css::uno::XComponentContext>& context,
                                 const Reference<css::sheet::XSpreadsheetDocument>& document,
                                 const Reference<css::sheet::XSpreadsheet>& sheet);
} // namespace clientes::uno::list_sheet
