// Lists written by the extension into a document, found again later: each is a named database
// range (Calc keeps it over the list when rows or columns are inserted and when the sheet is
// renamed) with a user-defined document property "<prefix><range name>" holding what the list
// needs to be refreshed or published. Such a property is harmless where the extension is
// missing: the document opens as an ordinary one.
#pragma once

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <rtl/ustring.hxx>

#include <optional>
#include <string>
#include <string_view>

namespace clientes::uno::document_lists
{
using css::uno::Reference;

struct Found
{
    ::rtl::OUString property;  // the document property
    ::rtl::OUString rangeName; // the database range
    css::table::CellRangeAddress area;
    std::string text; // the property's value
};

// The database range Calc has over exactly `written` (its first row and columns), or "".
::rtl::OUString rangeOver(const Reference<css::sheet::XSpreadsheetDocument>& document,
                          const Reference<css::table::XCellRange>& written);

// Every list of `prefix` on the sheet: the first whose text `accept` takes.
template <typename Accept>
std::optional<Found> find(const Reference<css::sheet::XSpreadsheetDocument>& document,
                          const Reference<css::sheet::XSpreadsheet>& sheet, std::string_view prefix,
                          Accept&& accept);

std::optional<Found> findFirst(const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const Reference<css::sheet::XSpreadsheet>& sheet,
                               std::string_view prefix,
                               bool (*accept)(const std::string& text, void* state), void* state);

template <typename Accept>
std::optional<Found> find(const Reference<css::sheet::XSpreadsheetDocument>& document,
                          const Reference<css::sheet::XSpreadsheet>& sheet, std::string_view prefix,
                          Accept&& accept)
{
    return findFirst(
        document, sheet, prefix,
        [](const std::string& text, void* state) { return (*static_cast<Accept*>(state))(text); },
        &accept);
}

// Writes (or adds) the property.
void keep(const Reference<css::sheet::XSpreadsheetDocument>& document,
          const ::rtl::OUString& property, const std::string& text);

// Moves the database range's rows to [firstRow, lastRow] (0-based; the header first).
void setRows(const Reference<css::sheet::XSpreadsheetDocument>& document,
             const ::rtl::OUString& rangeName, sal_Int32 firstRow, sal_Int32 lastRow);

sal_Int16 sheetIndex(const Reference<css::sheet::XSpreadsheet>& sheet);
} // namespace clientes::uno::document_lists
