// Reading and writing Calc ranges whole: getDataArray / setDataArray in blocks, never cell by
// cell, never through a CSV file. Also the helpers around them: the document a range belongs
// to, used areas, number formats of the document's locale, a styled list with a frozen header,
// AutoFilter and a named database range.
#pragma once

#include "core/text/language.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_plan.hpp"

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace clientes::uno::sheet_io
{
using css::uno::Reference;

// A range and where it lives.
struct Located
{
    Reference<css::table::XCellRange> range;
    Reference<css::sheet::XSpreadsheet> sheet;
    Reference<css::sheet::XSpreadsheetDocument> document; // empty when not found
    css::table::CellRangeAddress address;
    ::rtl::OUString sheetName;
};

// The sheet, address and document of a range (the document is looked up among the open ones:
// a range does not name it). Throws IllegalArgumentException for something that is no range
// of a spreadsheet.
Located locate(const Reference<css::uno::XComponentContext>& context,
               const Reference<css::table::XCellRange>& range);

// The used area of a sheet, from A1 (the cursor's "used area"); nothing when it is empty.
Reference<css::table::XCellRange> usedArea(const Reference<css::sheet::XSpreadsheet>& sheet);

// "Hoja1.A1:J100" in the spreadsheet's own notation ($ signs dropped).
std::string rangeName(const Located& where);
// The document's file name, or its title when it was never saved.
std::string documentName(const Reference<css::sheet::XSpreadsheetDocument>& document);

// The cells of a range that hold something, as an import reads them.
struct SheetCells
{
    ImportTable table;                  // the rows with content, top to bottom
    std::vector<std::size_t> sheetRows; // 1-based sheet row of each table row
    // What was read: the range cut to the columns and rows that hold content (Calc's used
    // area, then its content cells); Sheet, StartColumn and StartRow are meaningful also when
    // nothing was found (the table is then empty).
    css::table::CellRangeAddress area;
    std::size_t columns = 0; // area's width; 0 when nothing was found
};

// Reads the cells of a range that hold a value, text or formula, never its empty rows and
// columns: the range is cut to the sheet's used area and to the content cells Calc finds in
// it (XCellRangesQuery::queryContentCells), and only the runs of rows holding them are read,
// with getDataArray in blocks of at most kCellsPerBlock cells. Strings become text cells,
// numbers number cells; formula cells whose result is an error get their error code
// (queryFormulaCells, once per range). Memory: the rows with content (each up to its last
// filled cell) plus one block of cells, whatever the size of the range.
SheetCells readContent(const Located& where);
inline constexpr sal_Int32 kCellsPerBlock = 65536;

// Number cells of the given columns (0-based within cells.area) whose number format writes
// leading zeros ("00000") get that text as ImportCell::text, as Calc shows them: the formats
// are read per block of equally formatted cells, not per cell.
void addShownZeros(const Located& where, SheetCells& cells,
                   const std::vector<std::size_t>& columns);

// The URLs of the hyperlinks (URL text fields) in the text cells of one column of cells.area
// (0-based), by table row: only the column's formatted-text cells are looked at (Calc keeps a
// hyperlink in such a cell; queryContentCells(FORMATTED) finds them in one call), so plain
// text costs nothing. A cell's first URL field counts.
std::map<std::size_t, std::string> hyperlinks(const Located& where, const SheetCells& cells,
                                              std::size_t column);

// Opens a spreadsheet file (a file URL) hidden and read-only through Calc's own filters,
// without running its macros or updating its links. A .csv or .txt file is read with every
// column as text (leading zeros and "=…" stay as written), as UTF-8 (Windows-1252 when it is
// not UTF-8), with the separator its first lines use (comma, semicolon, tab or bar). Throws
// the office's exception when the file cannot be opened, IllegalArgumentException when it is
// no spreadsheet.
Reference<css::sheet::XSpreadsheetDocument>
openSpreadsheetFile(const Reference<css::uno::XComponentContext>& context,
                    const ::rtl::OUString& url);

// ---------------------------------------------------------------- writing

// The document's locale (CharLocale), else en-US.
css::lang::Locale documentLocale(const Reference<css::sheet::XSpreadsheetDocument>& document);

// Number format keys of the document's locale.
struct Formats
{
    sal_Int32 date = 0;     // DATE_SYS_DDMMYYYY of the locale
    sal_Int32 dateTime = 0; // DATETIME_SYS_DDMMYYYY_HHMMSS
    sal_Int32 text = 0;     // "@"
    // A currency format with the currency's decimals: the locale's own currency format for
    // its currency, else "#,##0.00 [$XXX]" converted to the locale.
    std::function<sal_Int32(const std::string& currency, int digits)> currency;
};
Formats formats(const Reference<css::sheet::XSpreadsheetDocument>& document);
// The ISO code of the currency of the document's locale ("EUR" for es-ES), or "".
std::string localeCurrency(const Reference<css::sheet::XSpreadsheetDocument>& document);

struct ListStyle
{
    ::rtl::OUString databaseRangeName; // made unique with "_2", "_3"… when taken
    bool dateTimeColumns = false;      // Date columns as date and time
    sal_Int32 maxColumnWidth = 9000;   // 1/100 mm: 9 cm, so that 10,000-character notes fit
    WorkProgress* progress = nullptr;  // told of every block of rows written (Listing)
};

// The rows of a list, produced block by block on a helper thread (so it must not call the
// office): rows [first, first + count) as setDataArray takes them.
using RowSource = std::function<css::uno::Sequence<css::uno::Sequence<css::uno::Any>>(
    std::size_t first, std::size_t count)>;

struct ListLayout
{
    std::vector<std::string> headers;
    std::vector<CellKind> columnKinds; // Number and Date cells are numbers, Text cells strings
    std::size_t rows = 0;
    // Rows whose cells the column widths must fit besides the first ones; asked once every
    // row is written (an export may still be reading its rows when it starts writing).
    std::function<std::vector<std::size_t>()> widestRows;
};

// Writes a list at A1 of target: number formats first (on empty cells, where they cost
// nothing), the styled header, the rows in blocks of setDataArray (the next block is made
// while Calc writes one), column widths fitted with Calc's OptimalWidth on the header and
// the first rows (widened in proportion for a longer text further down), a named database
// range with AutoFilter over header and rows, the header frozen. Text cells are strings: never
// parsed, so leading zeros and "=…" stay text. Returns header + rows.
Reference<css::table::XCellRange>
writeList(const Reference<css::sheet::XSpreadsheetDocument>& document,
          const Reference<css::sheet::XSpreadsheet>& target, const ListLayout& layout,
          const RowSource& rows, const ListStyle& style);
// The same for a list already shaped.
Reference<css::table::XCellRange>
writeList(const Reference<css::sheet::XSpreadsheetDocument>& document,
          const Reference<css::sheet::XSpreadsheet>& target, const ExportSheet& list,
          const ListStyle& style);
// Rows [first, first + count) of a shaped list as setDataArray data.
css::uno::Sequence<css::uno::Sequence<css::uno::Any>> dataOf(const ExportSheet& list,
                                                             std::size_t first, std::size_t count);

// The document that holds target (looked up among the open documents).
Reference<css::sheet::XSpreadsheetDocument>
documentOfSheet(const Reference<css::uno::XComponentContext>& context,
                const Reference<css::sheet::XSpreadsheet>& sheet);

// A new sheet at the end of the document, named `name` or "name 2", "name 3"… when taken.
Reference<css::sheet::XSpreadsheet>
appendSheet(const Reference<css::sheet::XSpreadsheetDocument>& document, const std::string& name);

// Many changes to a document in a row: no repaint, no recalculation and no row-height
// adjustment after each (the view's controllers locked, an action lock, automatic row heights
// off), everything caught up once at the end; and no undo step: what the register wrote is
// undone in the register ("Deshacer"), a Ctrl+Z would only part the sheet from it.
class BulkChange
{
public:
    explicit BulkChange(const Reference<css::sheet::XSpreadsheetDocument>& document);
    ~BulkChange();
    BulkChange(const BulkChange&) = delete;
    BulkChange& operator=(const BulkChange&) = delete;

private:
    Reference<css::uno::XInterface> m_document;
    Reference<css::document::XUndoManager> m_undo;
    bool m_heights = false;         // IsAdjustHeightEnabled before
    bool m_autoCalculation = false; // automatic calculation before
};

// Shows `sheet` in the document's view, when it has one.
void activate(const Reference<css::sheet::XSpreadsheetDocument>& document,
              const Reference<css::sheet::XSpreadsheet>& sheet);
} // namespace clientes::uno::sheet_io
