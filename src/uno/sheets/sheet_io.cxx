#include "sheets/sheet_io.hxx"

#include "support/uno_text.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/document/XActionLockable.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/frame/XTitle.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellFormatRangesSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XDatabaseRanges.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <algorithm>
#include <cmath>
#include <future>
#include <map>
#include <memory>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::sheet_io
{
namespace
{
constexpr sal_Int32 kHeaderColor = 0xDCE6F1;

// UTF-16 → UTF-8 without the intermediate OString for ASCII text, the common case.
std::string utf8Of(const OUString& text)
{
    const sal_Int32 length = text.getLength();
    const sal_Unicode* chars = text.getStr();
    std::string out;
    out.resize(static_cast<std::size_t>(length));
    for (sal_Int32 i = 0; i < length; ++i)
    {
        if (chars[i] >= 0x80)
            return toUtf8(text);
        out[static_cast<std::size_t>(i)] = static_cast<char>(chars[i]);
    }
    return out;
}

// Well-formed UTF-8 (overlong forms are not looked for: this only tells UTF-8 from the
// single-byte encodings spreadsheets export).
bool isUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();)
    {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        if (c >= 0x80)
        {
            if ((c & 0xE0) == 0xC0)
                extra = 1;
            else if ((c & 0xF0) == 0xE0)
                extra = 2;
            else if ((c & 0xF8) == 0xF0)
                extra = 3;
            else
                return false;
            if (i + extra >= text.size())
                return false;
            for (std::size_t k = 1; k <= extra; ++k)
                if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                    return false;
        }
        i += extra + 1;
    }
    return true;
}

ImportCell cellOf(const Any& value)
{
    ImportCell cell;
    switch (value.getValueTypeClass())
    {
    case css::uno::TypeClass_STRING:
        cell.text = utf8Of(*static_cast<const OUString*>(value.getValue()));
        break;
    case css::uno::TypeClass_DOUBLE:
        cell.isNumber = true;
        value >>= cell.number;
        break;
    default:
        break; // empty or an error value (#DIV/0!…): nothing
    }
    return cell;
}

Reference<css::drawing::XDrawPage> drawPageOf(const Reference<css::sheet::XSpreadsheet>& sheet)
{
    // The draw page is the one object Calc keeps per sheet: two wrappers of the same sheet
    // give the same draw page, which identifies the sheet among all documents.
    const Reference<css::drawing::XDrawPageSupplier> supplier(sheet, UNO_QUERY);
    if (!supplier.is())
        return {};
        // Deprecated in the IDL in favour of the document's XDrawPagesSupplier, which gives new
        // wrappers; the sheet's own one is what keeps its identity.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    return supplier->getDrawPage();
#pragma GCC diagnostic pop
}

bool allZeros(const OUString& format)
{
    if (format.getLength() < 2)
        return false;
    for (sal_Int32 i = 0; i < format.getLength(); ++i)
        if (format[i] != '0')
            return false;
    return true;
}
} // namespace

Reference<css::sheet::XSpreadsheetDocument>
documentOfSheet(const Reference<css::uno::XComponentContext>& context,
                const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const OUString name = Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName();
    const Reference<css::drawing::XDrawPage> page = drawPageOf(sheet);
    const Reference<css::container::XEnumeration> components =
        css::frame::Desktop::create(context)->getComponents()->createEnumeration();
    while (components->hasMoreElements())
    {
        const Reference<css::sheet::XSpreadsheetDocument> document(components->nextElement(),
                                                                   UNO_QUERY);
        if (!document.is())
            continue;
        const Reference<css::sheet::XSpreadsheets> sheets = document->getSheets();
        if (!sheets->hasByName(name))
            continue;
        const Reference<css::sheet::XSpreadsheet> candidate(sheets->getByName(name), UNO_QUERY);
        if (candidate.is() && drawPageOf(candidate) == page)
            return document;
    }
    return {};
}

Located locate(const Reference<css::uno::XComponentContext>& context,
               const Reference<css::table::XCellRange>& range)
{
    const Reference<css::sheet::XCellRangeAddressable> addressable(range, UNO_QUERY);
    const Reference<css::sheet::XSheetCellRange> sheetRange(range, UNO_QUERY);
    if (!addressable.is() || !sheetRange.is())
        throw css::lang::IllegalArgumentException(ascii("not a cell range of a spreadsheet"),
                                                  nullptr, 0);
    Located where;
    where.range = range;
    where.address = addressable->getRangeAddress();
    where.sheet = sheetRange->getSpreadsheet();
    where.sheetName = Reference<css::container::XNamed>(where.sheet, UNO_QUERY_THROW)->getName();
    where.document = documentOfSheet(context, where.sheet);
    return where;
}

Reference<css::table::XCellRange> usedArea(const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    const Reference<css::sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    return Reference<css::table::XCellRange>(cursor, UNO_QUERY_THROW);
}

std::string rangeName(const Located& where)
{
    OUString name;
    const Reference<css::beans::XPropertySet> properties(where.range, UNO_QUERY);
    if (properties.is())
        properties->getPropertyValue(ascii("AbsoluteName")) >>= name;
    return toUtf8(name.replaceAll("$", ""));
}

std::string documentName(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    const Reference<css::frame::XStorable> storable(document, UNO_QUERY);
    if (storable.is() && storable->hasLocation())
    {
        const OUString location = storable->getLocation();
        const sal_Int32 slash = location.lastIndexOf('/');
        return toUtf8(rtl::Uri::decode(location.copy(slash + 1), rtl_UriDecodeWithCharset,
                                       RTL_TEXTENCODING_UTF8));
    }
    const Reference<css::frame::XTitle> title(document, UNO_QUERY);
    return title.is() ? toUtf8(title->getTitle()) : std::string();
}

namespace
{
using RowRun = std::pair<sal_Int32, sal_Int32>; // first and last sheet row (0-based), inclusive

// Rows between two runs of content read through rather than in a call of their own.
constexpr sal_Int32 kMaxGapRead = 16;

// Rows per query for content cells. Calc joins each range a query finds with those found
// before it, a cost that grows with the square of their number: over 100,000 rows with some
// empty cells one query took half a second; in bands of rows the cost stays linear.
constexpr sal_Int32 kQueryBandRows = 1024;

css::table::CellRangeAddress addressOf(const Reference<css::uno::XInterface>& range)
{
    return Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
}

Sequence<css::table::CellRangeAddress> queried(const Reference<css::table::XCellRange>& range,
                                               sal_Int16 contentFlags, sal_Int32 formulaResults)
{
    const Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
    const Reference<css::sheet::XSheetCellRanges> found =
        contentFlags != 0 ? query->queryContentCells(contentFlags)
                          : query->queryFormulaCells(formulaResults);
    if (!found.is())
        return {};
    return found->getRangeAddresses();
}

// The table row of a 1-based sheet row, or npos.
std::size_t tableRowOf(const std::vector<std::size_t>& sheetRows, std::size_t sheetRow)
{
    const auto at = std::lower_bound(sheetRows.begin(), sheetRows.end(), sheetRow);
    if (at == sheetRows.end() || *at != sheetRow)
        return static_cast<std::size_t>(-1);
    return static_cast<std::size_t>(at - sheetRows.begin());
}
} // namespace

SheetCells readContent(const Located& where)
{
    SheetCells out;
    out.area = where.address;
    // The sheet's used area first: a whole-column or whole-sheet range shrinks to it at no cost.
    const css::table::CellRangeAddress used = addressOf(usedArea(where.sheet));
    css::table::CellRangeAddress area = where.address;
    area.StartColumn = std::max(area.StartColumn, used.StartColumn);
    area.EndColumn = std::min(area.EndColumn, used.EndColumn);
    area.StartRow = std::max(area.StartRow, used.StartRow);
    area.EndRow = std::min(area.EndRow, used.EndRow);
    if (area.StartColumn > area.EndColumn || area.StartRow > area.EndRow)
        return out;

    // Then the cells that hold something, as runs of rows and the columns they span.
    std::vector<css::table::CellRangeAddress> content;
    for (sal_Int32 band = area.StartRow; band <= area.EndRow; band += kQueryBandRows)
    {
        const Sequence<css::table::CellRangeAddress> found = queried(
            where.sheet->getCellRangeByPosition(area.StartColumn, band, area.EndColumn,
                                                std::min(area.EndRow, band + kQueryBandRows - 1)),
            css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME |
                css::sheet::CellFlags::STRING | css::sheet::CellFlags::FORMULA,
            0);
        content.insert(content.end(), found.begin(), found.end());
    }
    if (content.empty())
        return out;
    std::vector<RowRun> runs;
    runs.reserve(content.size());
    sal_Int32 firstColumn = area.EndColumn;
    sal_Int32 lastColumn = area.StartColumn;
    for (const css::table::CellRangeAddress& block : content)
    {
        runs.emplace_back(block.StartRow, block.EndRow);
        firstColumn = std::min(firstColumn, block.StartColumn);
        lastColumn = std::max(lastColumn, block.EndColumn);
    }
    std::sort(runs.begin(), runs.end());
    std::vector<RowRun> merged;
    for (const RowRun& run : runs)
    {
        if (!merged.empty() && run.first <= merged.back().second + 1)
            merged.back().second = std::max(merged.back().second, run.second);
        else
            merged.push_back(run);
    }
    runs = std::vector<RowRun>();
    area.StartColumn = firstColumn;
    area.EndColumn = lastColumn;
    area.StartRow = merged.front().first;
    area.EndRow = merged.back().second;
    out.area = area;
    const sal_Int32 columns = lastColumn - firstColumn + 1;
    out.columns = static_cast<std::size_t>(columns);
    const sal_Int32 rowsPerBlock = std::max<sal_Int32>(1, kCellsPerBlock / columns);

    // The runs, read in blocks of rows; short gaps between runs are read through and dropped.
    std::size_t next = 0;                                       // the first run not read yet
    sal_Int32 from = merged.empty() ? 0 : merged.front().first; // its first row not read yet
    while (next < merged.size())
    {
        const sal_Int32 start = from;
        const sal_Int32 limit = start + rowsPerBlock - 1;
        sal_Int32 end = std::min(merged[next].second, limit);
        std::size_t last = next; // the last run the block reaches
        if (end == merged[next].second)
            while (last + 1 < merged.size() &&
                   merged[last + 1].first - merged[last].second - 1 <= kMaxGapRead &&
                   merged[last + 1].second <= limit)
                end = merged[++last].second;
        const Sequence<Sequence<Any>> rows =
            Reference<css::sheet::XCellRangeData>(
                where.sheet->getCellRangeByPosition(firstColumn, start, lastColumn, end),
                UNO_QUERY_THROW)
                ->getDataArray();
        std::size_t run = next;
        for (sal_Int32 r = 0; r < rows.getLength(); ++r)
        {
            const sal_Int32 sheetRow = start + r;
            while (run <= last && merged[run].second < sheetRow)
                ++run;
            if (run > last || sheetRow < merged[run].first)
                continue; // a gap between runs
            const Sequence<Any>& row = rows[r];
            std::vector<ImportCell> cells;
            cells.reserve(static_cast<std::size_t>(row.getLength()));
            for (const Any& value : row)
                cells.push_back(cellOf(value));
            // Trailing empty cells say nothing: the planner pads short rows.
            while (!cells.empty() && !cells.back().isNumber && cells.back().text.empty())
                cells.pop_back();
            out.table.push_back(std::move(cells));
            out.sheetRows.push_back(static_cast<std::size_t>(sheetRow) + 1);
        }
        if (end < merged[next].second)
            from = end + 1; // a run longer than a block: its next block
        else
        {
            next = last + 1;
            if (next < merged.size())
                from = merged[next].first;
        }
    }

    // Formula cells whose result is an error, found in one query: their codes.
    const Sequence<css::table::CellRangeAddress> errors = queried(
        where.sheet->getCellRangeByPosition(firstColumn, area.StartRow, lastColumn, area.EndRow), 0,
        css::sheet::FormulaResult::ERROR);
    for (const css::table::CellRangeAddress& block : errors)
        for (sal_Int32 row = block.StartRow; row <= block.EndRow; ++row)
        {
            const std::size_t tableRow =
                tableRowOf(out.sheetRows, static_cast<std::size_t>(row) + 1);
            if (tableRow >= out.table.size())
                continue;
            std::vector<ImportCell>& cells = out.table[tableRow];
            for (sal_Int32 column = block.StartColumn; column <= block.EndColumn; ++column)
            {
                const auto c = static_cast<std::size_t>(column - firstColumn);
                const sal_Int32 code = where.sheet->getCellByPosition(column, row)->getError();
                if (code <= 0 || code > 0xFFFF)
                    continue;
                if (cells.size() <= c)
                    cells.resize(c + 1);
                cells[c].formulaError = static_cast<std::uint16_t>(code);
            }
        }
    return out;
}

void addShownZeros(const Located& where, SheetCells& cells, const std::vector<std::size_t>& columns)
{
    ImportTable& table = cells.table;
    if (!where.document.is() || table.empty())
        return;
    const Reference<css::util::XNumberFormats> numberFormats =
        Reference<css::util::XNumberFormatsSupplier>(where.document, UNO_QUERY_THROW)
            ->getNumberFormats();
    std::map<sal_Int32, sal_Int32> zerosOfFormat; // key → digits shown (0: none)
    const auto zerosOf = [&](sal_Int32 key)
    {
        const auto known = zerosOfFormat.find(key);
        if (known != zerosOfFormat.end())
            return known->second;
        OUString format;
        numberFormats->getByKey(key)->getPropertyValue(ascii("FormatString")) >>= format;
        const sal_Int32 zeros = allZeros(format) ? format.getLength() : 0;
        zerosOfFormat.emplace(key, zeros);
        return zeros;
    };
    for (std::size_t column : columns)
    {
        const bool hasNumbers = std::any_of(
            table.begin(), table.end(),
            [&](const auto& row) { return column < row.size() && row[column].isNumber; });
        if (!hasNumbers)
            continue;
        const auto sheetColumn = cells.area.StartColumn + static_cast<sal_Int32>(column);
        const Reference<css::sheet::XCellFormatRangesSupplier> supplier(
            where.sheet->getCellRangeByPosition(sheetColumn, cells.area.StartRow, sheetColumn,
                                                cells.area.EndRow),
            UNO_QUERY_THROW);
        const Reference<css::container::XIndexAccess> blocks = supplier->getCellFormatRanges();
        for (sal_Int32 b = 0; b < blocks->getCount(); ++b)
        {
            const Any block = blocks->getByIndex(b);
            const Reference<css::beans::XPropertySet> properties(block, UNO_QUERY_THROW);
            sal_Int32 key = 0;
            properties->getPropertyValue(ascii("NumberFormat")) >>= key;
            const sal_Int32 zeros = zerosOf(key);
            if (zeros == 0)
                continue;
            const css::table::CellRangeAddress address =
                Reference<css::sheet::XCellRangeAddressable>(block, UNO_QUERY_THROW)
                    ->getRangeAddress();
            // The table rows inside the block (the table leaves the empty rows out).
            auto row = std::lower_bound(cells.sheetRows.begin(), cells.sheetRows.end(),
                                        static_cast<std::size_t>(address.StartRow) + 1);
            for (; row != cells.sheetRows.end() &&
                   *row <= static_cast<std::size_t>(address.EndRow) + 1;
                 ++row)
            {
                std::vector<ImportCell>& rowCells =
                    table[static_cast<std::size_t>(row - cells.sheetRows.begin())];
                if (column >= rowCells.size())
                    continue;
                ImportCell& cell = rowCells[column];
                if (!cell.isNumber || cell.number < 0 || cell.number != std::floor(cell.number) ||
                    cell.number >= 1e15)
                    continue;
                std::string digits = std::to_string(static_cast<long long>(cell.number));
                if (static_cast<sal_Int32>(digits.size()) < zeros)
                    digits.insert(0, static_cast<std::size_t>(zeros) - digits.size(), '0');
                cell.text = std::move(digits);
            }
        }
    }
}

std::map<std::size_t, std::string> hyperlinks(const Located& where, const SheetCells& cells,
                                              std::size_t column)
{
    std::map<std::size_t, std::string> urls;
    if (cells.table.empty() || column >= cells.columns)
        return urls;
    const auto sheetColumn = cells.area.StartColumn + static_cast<sal_Int32>(column);
    // Calc keeps a hyperlink as a URL field of a formatted-text ("edit") cell; plain text
    // cells have none, and this query leaves them out.
    const Sequence<css::table::CellRangeAddress> formatted =
        queried(where.sheet->getCellRangeByPosition(sheetColumn, cells.area.StartRow, sheetColumn,
                                                    cells.area.EndRow),
                css::sheet::CellFlags::FORMATTED, 0);
    for (const css::table::CellRangeAddress& block : formatted)
        for (sal_Int32 row = block.StartRow; row <= block.EndRow; ++row)
        {
            const std::size_t tableRow =
                tableRowOf(cells.sheetRows, static_cast<std::size_t>(row) + 1);
            if (tableRow >= cells.table.size())
                continue;
            const Reference<css::text::XTextFieldsSupplier> supplier(
                where.sheet->getCellByPosition(sheetColumn, row), UNO_QUERY);
            if (!supplier.is())
                continue;
            const Reference<css::container::XEnumeration> fields =
                supplier->getTextFields()->createEnumeration();
            while (fields->hasMoreElements())
            {
                const Reference<css::beans::XPropertySet> field(fields->nextElement(), UNO_QUERY);
                const Reference<css::beans::XPropertySetInfo> info =
                    field.is() ? field->getPropertySetInfo() : nullptr;
                if (!info.is() || !info->hasPropertyByName(ascii("URL")))
                    continue;
                OUString url;
                field->getPropertyValue(ascii("URL")) >>= url;
                if (url.trim().isEmpty())
                    continue;
                urls.emplace(tableRow, utf8Of(url));
                break;
            }
        }
    return urls;
}

namespace
{
// Up to 64 KB of the file's start; empty when it cannot be read.
std::string fileHead(const OUString& url)
{
    osl::File file(url);
    if (file.open(osl_File_OpenFlag_Read) != osl::FileBase::E_None)
        return {};
    std::string head(65536, '\0');
    sal_uInt64 read = 0;
    if (file.read(head.data(), head.size(), read) != osl::FileBase::E_None)
        read = 0;
    file.close();
    head.resize(static_cast<std::size_t>(read));
    return head;
}

// The CSV filter's options: the separator most used in the first lines (outside quotes), the
// character set, and "text" (2) for every column up to 512.
OUString csvOptions(const std::string& head)
{
    std::map<char, std::size_t> counts;
    bool quoted = false;
    std::size_t lines = 0;
    for (char c : head)
    {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '\n' && ++lines == 20)
            break;
        else if (!quoted && (c == ',' || c == ';' || c == '\t' || c == '|'))
            ++counts[c];
    }
    char separator = ',';
    std::size_t best = 0;
    for (const char candidate : {',', ';', '\t', '|'})
        if (counts[candidate] > best)
        {
            best = counts[candidate];
            separator = candidate;
        }
    // Validate whole lines only: the 64 KB may end inside a character.
    const std::size_t lastLine = head.rfind('\n');
    const std::string_view complete =
        std::string_view(head).substr(0, lastLine == std::string::npos ? head.size() : lastLine);
    const char* charset = isUtf8(complete) ? "76" : "1"; // UTF-8, else Windows-1252
    std::string options = std::to_string(static_cast<int>(separator)) + ",34," + charset + ",1,";
    for (int column = 1; column <= 512; ++column)
        options += (column > 1 ? "/" : "") + std::to_string(column) + "/2";
    return ascii(options.c_str());
}

css::beans::PropertyValue property(const char* name, Any value)
{
    return css::beans::PropertyValue(ascii(name), 0, std::move(value),
                                     css::beans::PropertyState_DIRECT_VALUE);
}
} // namespace

Reference<css::sheet::XSpreadsheetDocument>
openSpreadsheetFile(const Reference<css::uno::XComponentContext>& context, const OUString& url)
{
    std::vector<css::beans::PropertyValue> arguments = {
        property("Hidden", Any(true)), property("ReadOnly", Any(true)),
        property("MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE)),
        property("UpdateDocMode", Any(css::document::UpdateDocMode::NO_UPDATE))};
    const OUString lower = url.toAsciiLowerCase();
    if (lower.endsWith(".csv") || lower.endsWith(".txt"))
    {
        arguments.push_back(property("FilterName", Any(ascii("Text - txt - csv (StarCalc)"))));
        arguments.push_back(property("FilterOptions", Any(csvOptions(fileHead(url)))));
    }
    const Reference<css::lang::XComponent> component =
        css::frame::Desktop::create(context)->loadComponentFromURL(
            url, ascii("_blank"), 0,
            Sequence<css::beans::PropertyValue>(arguments.data(),
                                                static_cast<sal_Int32>(arguments.size())));
    const Reference<css::sheet::XSpreadsheetDocument> document(component, UNO_QUERY);
    if (!document.is())
    {
        if (component.is())
            component->dispose();
        throw css::lang::IllegalArgumentException(ascii("not a spreadsheet"), nullptr, 0);
    }
    return document;
}

// ---------------------------------------------------------------- writing

css::lang::Locale documentLocale(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    css::lang::Locale locale;
    const Reference<css::beans::XPropertySet> properties(document, UNO_QUERY);
    if (properties.is())
        properties->getPropertyValue(ascii("CharLocale")) >>= locale;
    if (locale.Language.isEmpty())
        locale = css::lang::Locale(ascii("en"), ascii("US"), OUString());
    return locale;
}

Formats formats(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    const css::lang::Locale locale = documentLocale(document);
    const Reference<css::util::XNumberFormats> numberFormats =
        Reference<css::util::XNumberFormatsSupplier>(document, UNO_QUERY_THROW)->getNumberFormats();
    const Reference<css::util::XNumberFormatTypes> types(numberFormats, UNO_QUERY_THROW);
    Formats result;
    result.date = types->getFormatIndex(css::i18n::NumberFormatIndex::DATE_SYS_DDMMYYYY, locale);
    result.dateTime =
        types->getFormatIndex(css::i18n::NumberFormatIndex::DATETIME_SYS_DDMMYYYY_HHMMSS, locale);
    result.text = types->getFormatIndex(css::i18n::NumberFormatIndex::TEXT, locale);
    const sal_Int32 standardCurrency =
        types->getStandardFormat(css::util::NumberFormat::CURRENCY, locale);
    OUString localeCurrency;
    numberFormats->getByKey(standardCurrency)->getPropertyValue(ascii("CurrencyAbbreviation")) >>=
        localeCurrency;
    auto cache = std::make_shared<std::map<std::pair<std::string, int>, sal_Int32>>();
    result.currency = [=](const std::string& currency, int digits) -> sal_Int32
    {
        const auto key = std::make_pair(currency, digits);
        if (const auto known = cache->find(key); known != cache->end())
            return known->second;
        sal_Int32 format = standardCurrency;
        if (currency != toUtf8(localeCurrency) || digits != 2)
        {
            // Written in en-US notation and converted to the document's locale, so that the
            // separators are the locale's.
            std::string code = "#,##0";
            if (digits > 0)
                code += "." + std::string(static_cast<std::size_t>(digits), '0');
            code += " [$" + currency + "]";
            const css::lang::Locale english(ascii("en"), ascii("US"), OUString());
            const OUString text = fromUtf8(code + ";-" + code);
            try
            {
                format = numberFormats->addNewConverted(text, english, locale);
            }
            catch (const css::uno::Exception&)
            {
                format = numberFormats->queryKey(text, english, false);
                if (format < 0)
                    format = numberFormats->addNew(text, english);
            }
        }
        cache->emplace(key, format);
        return format;
    };
    return result;
}

std::string localeCurrency(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    const Reference<css::util::XNumberFormats> numberFormats =
        Reference<css::util::XNumberFormatsSupplier>(document, UNO_QUERY_THROW)->getNumberFormats();
    const sal_Int32 key =
        Reference<css::util::XNumberFormatTypes>(numberFormats, UNO_QUERY_THROW)
            ->getStandardFormat(css::util::NumberFormat::CURRENCY, documentLocale(document));
    OUString currency;
    numberFormats->getByKey(key)->getPropertyValue(ascii("CurrencyAbbreviation")) >>= currency;
    return toUtf8(currency);
}

Reference<css::sheet::XSpreadsheet>
appendSheet(const Reference<css::sheet::XSpreadsheetDocument>& document, const std::string& name)
{
    const Reference<css::sheet::XSpreadsheets> sheets = document->getSheets();
    OUString unique = fromUtf8(name);
    for (int n = 2; sheets->hasByName(unique); ++n)
        unique = fromUtf8(name + " " + std::to_string(n));
    const auto count = static_cast<sal_Int16>(
        Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount());
    sheets->insertNewByName(unique, count);
    return Reference<css::sheet::XSpreadsheet>(sheets->getByName(unique), UNO_QUERY_THROW);
}

void activate(const Reference<css::sheet::XSpreadsheetDocument>& document,
              const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const Reference<css::frame::XModel> model(document, UNO_QUERY);
    if (!model.is())
        return;
    const Reference<css::sheet::XSpreadsheetView> view(model->getCurrentController(), UNO_QUERY);
    if (view.is())
        view->setActiveSheet(sheet);
}

Sequence<Sequence<Any>> dataOf(const ExportSheet& list, std::size_t first, std::size_t count)
{
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(count));
    Sequence<Any>* out = data.getArray();
    for (std::size_t r = 0; r < count; ++r)
    {
        const std::vector<ExportCell>& cells = list.rows[first + r];
        Sequence<Any> row(static_cast<sal_Int32>(cells.size()));
        Any* cell = row.getArray();
        for (const ExportCell& value : cells)
        {
            if (value.kind == CellKind::Number || value.kind == CellKind::Date)
                *cell++ <<= value.number;
            else
                *cell++ <<= fromUtf8(value.text); // a string: Calc never parses it
        }
        out[r] = std::move(row);
    }
    return data;
}

namespace
{
// Rows per setDataArray while the next block is made: big enough that the calls cost
// nothing, small enough to keep a few MB of cells in flight.
constexpr std::size_t kWriteBlock = 16384;
// The first block is small: the writer waits for it.
constexpr std::size_t kFirstBlock = 2048;
// Rows Calc's OptimalWidth looks at (besides the widest): over 100,000 rows it takes seconds.
constexpr std::size_t kWidthSample = 1000;
// Room for an AutoFilter button beside a header's text, in 1/100 mm.
constexpr sal_Int32 kFilterButtonWidth = 500;

// Blocks made on a helper thread, one ahead of the writer.
class BlockMaker
{
public:
    BlockMaker(const RowSource& source, std::size_t first, std::size_t last)
        : m_source(source), m_next(first), m_last(last)
    {
        startNext(kFirstBlock);
    }
    ~BlockMaker()
    {
        if (m_pending.valid())
            m_pending.wait();
    }

    // The next block and its first row; false at the end.
    bool take(std::size_t& first, Sequence<Sequence<Any>>& block)
    {
        if (!m_pending.valid())
            return false;
        first = m_pendingFirst;
        block = m_pending.get(); // rethrows what the helper threw
        startNext(kWriteBlock);
        return true;
    }

private:
    void startNext(std::size_t size)
    {
        if (m_next >= m_last)
            return;
        const std::size_t count = std::min(size, m_last - m_next);
        m_pendingFirst = m_next;
        m_pending = std::async(std::launch::async,
                               [this, first = m_next, count] { return m_source(first, count); });
        m_next += count;
    }

    const RowSource& m_source;
    std::size_t m_next;
    std::size_t m_last;
    std::size_t m_pendingFirst = 0;
    std::future<Sequence<Sequence<Any>>> m_pending;
};

void writeRows(const Reference<css::sheet::XSpreadsheet>& target, sal_Int32 columns,
               std::size_t first, const Sequence<Sequence<Any>>& block)
{
    const auto top = static_cast<sal_Int32>(first) + 1; // the header is row 0
    Reference<css::sheet::XCellRangeData>(
        target->getCellRangeByPosition(0, top, columns - 1, top + block.getLength() - 1),
        UNO_QUERY_THROW)
        ->setDataArray(block);
}

// Number formats of a list's columns on rows [1, rows] of sheet: text columns get the text
// format too, so that what the user types there later stays text ("08002" keeps its zero).
void formatColumns(const Reference<css::sheet::XSpreadsheet>& sheet, const ListLayout& layout,
                   sal_Int32 rows, const Formats& numberFormats, const ListStyle& style)
{
    if (rows <= 0)
        return;
    const auto columns = static_cast<sal_Int32>(layout.headers.size());
    for (sal_Int32 c = 0; c < columns; ++c)
    {
        const CellKind kind = layout.columnKinds.at(static_cast<std::size_t>(c));
        if (kind == CellKind::Number)
            continue;
        sal_Int32 format = numberFormats.text;
        if (kind == CellKind::Date)
            format = style.dateTimeColumns ? numberFormats.dateTime : numberFormats.date;
        Reference<css::beans::XPropertySet>(sheet->getCellRangeByPosition(c, 1, c, rows),
                                            UNO_QUERY_THROW)
            ->setPropertyValue(ascii("NumberFormat"), Any(format));
    }
}

// The styled header of a list in row 0 of sheet.
void writeHeader(const Reference<css::sheet::XSpreadsheet>& sheet, const ListLayout& layout)
{
    const auto columns = static_cast<sal_Int32>(layout.headers.size());
    const Reference<css::table::XCellRange> headerRange =
        sheet->getCellRangeByPosition(0, 0, columns - 1, 0);
    const Reference<css::beans::XPropertySet> header(headerRange, UNO_QUERY_THROW);
    header->setPropertyValue(ascii("CharWeight"), Any(css::awt::FontWeight::BOLD));
    header->setPropertyValue(ascii("CellBackColor"), Any(kHeaderColor));
    Sequence<Sequence<Any>> headerData(1);
    Sequence<Any> titles(columns);
    for (sal_Int32 c = 0; c < columns; ++c)
        titles.getArray()[c] <<= fromUtf8(layout.headers[static_cast<std::size_t>(c)]);
    headerData.getArray()[0] = titles;
    Reference<css::sheet::XCellRangeData>(headerRange, UNO_QUERY_THROW)->setDataArray(headerData);
}

// Characters of the longest text in each column of a block (numbers and dates: 0, as their
// shown width does not vary much and the first rows measure it).
void longestTexts(const Sequence<Sequence<Any>>& block, std::vector<sal_Int32>& longest)
{
    for (const Sequence<Any>& row : block)
        for (sal_Int32 c = 0; c < row.getLength() && c < static_cast<sal_Int32>(longest.size());
             ++c)
            if (row[c].getValueTypeClass() == css::uno::TypeClass_STRING)
            {
                sal_Int32& length = longest[static_cast<std::size_t>(c)];
                length =
                    std::max(length, static_cast<const OUString*>(row[c].getValue())->getLength());
            }
}
} // namespace

Reference<css::table::XCellRange>
writeList(const Reference<css::sheet::XSpreadsheetDocument>& document,
          const Reference<css::sheet::XSpreadsheet>& target, const ListLayout& layout,
          const RowSource& rows, const ListStyle& style)
{
    const auto columns = static_cast<sal_Int32>(layout.headers.size());
    const auto rowCount = static_cast<sal_Int32>(layout.rows);
    const Reference<css::table::XCellRange> written =
        target->getCellRangeByPosition(0, 0, columns - 1, rowCount);

    // The rows after the first ones are made on a helper thread from now on, one block
    // ahead of Calc.
    const std::size_t sample = std::min(layout.rows, kWidthSample);
    BlockMaker blocks(rows, sample, layout.rows);

    // Formats and header style while the cells are empty.
    const Formats numberFormats = formats(document);
    formatColumns(target, layout, rowCount, numberFormats, style);
    writeHeader(target, layout);

    // Widths fitted by Calc's OptimalWidth to the header and the first rows, before the rest
    // is written (OptimalWidth measures every cell of a column: seconds over 100,000 rows).
    std::vector<sal_Int32> measuredLength(static_cast<std::size_t>(columns), 0);
    {
        Sequence<Sequence<Any>> headerRow(1);
        Sequence<Any> titles(columns);
        for (sal_Int32 c = 0; c < columns; ++c)
            titles.getArray()[c] <<= fromUtf8(layout.headers[static_cast<std::size_t>(c)]);
        headerRow.getArray()[0] = titles;
        longestTexts(headerRow, measuredLength);
    }
    const auto told = [&](std::size_t done)
    {
        if (style.progress)
            style.progress->report(WorkStage::Listing, done, layout.rows);
    };
    told(0);
    if (sample > 0)
    {
        const Sequence<Sequence<Any>> first = rows(0, sample);
        longestTexts(first, measuredLength);
        writeRows(target, columns, 0, first);
        told(sample);
    }
    const Reference<css::table::XTableColumns> tableColumns =
        Reference<css::table::XColumnRowRange>(written, UNO_QUERY_THROW)->getColumns();
    Reference<css::beans::XPropertySet>(tableColumns, UNO_QUERY_THROW)
        ->setPropertyValue(ascii("OptimalWidth"), Any(true));
    std::vector<sal_Int32> widths(static_cast<std::size_t>(columns), 0);
    for (sal_Int32 c = 0; c < columns; ++c)
        Reference<css::beans::XPropertySet>(tableColumns->getByIndex(c), UNO_QUERY_THROW)
            ->getPropertyValue(ascii("Width")) >>= widths[static_cast<std::size_t>(c)];

    // The other rows, block after block.
    {
        std::size_t first = 0;
        Sequence<Sequence<Any>> block;
        while (blocks.take(first, block))
        {
            writeRows(target, columns, first, block);
            told(first + static_cast<std::size_t>(block.getLength()));
        }
    }

    // A longer text further down (the widest rows are known once every row is read) widens
    // its column in proportion to its length.
    if (layout.widestRows)
    {
        std::vector<sal_Int32> widestLength(static_cast<std::size_t>(columns), 0);
        for (std::size_t widest : layout.widestRows())
            if (widest >= sample && widest < layout.rows)
                longestTexts(rows(widest, 1), widestLength);
        for (std::size_t c = 0; c < widths.size(); ++c)
            if (widestLength[c] > measuredLength[c] && measuredLength[c] > 0)
                widths[c] = static_cast<sal_Int32>(static_cast<double>(widths[c]) *
                                                   widestLength[c] / measuredLength[c]);
    }
    // Calc's optimal width leaves no room for the AutoFilter button, which would cover the
    // end of the header's text.
    for (sal_Int32 c = 0; c < columns; ++c)
        Reference<css::beans::XPropertySet>(tableColumns->getByIndex(c), UNO_QUERY_THROW)
            ->setPropertyValue(ascii("Width"), Any(std::min(widths[static_cast<std::size_t>(c)] +
                                                                kFilterButtonWidth,
                                                            style.maxColumnWidth)));

    // A named database range with AutoFilter over header and rows.
    const Reference<css::sheet::XDatabaseRanges> ranges(
        Reference<css::beans::XPropertySet>(document, UNO_QUERY_THROW)
            ->getPropertyValue(ascii("DatabaseRanges")),
        UNO_QUERY_THROW);
    OUString name = style.databaseRangeName;
    for (int n = 2; ranges->hasByName(name); ++n)
        name = style.databaseRangeName + "_" + OUString::number(n);
    ranges->addNewByName(
        name,
        Reference<css::sheet::XCellRangeAddressable>(written, UNO_QUERY_THROW)->getRangeAddress());
    Reference<css::beans::XPropertySet>(ranges->getByName(name), UNO_QUERY_THROW)
        ->setPropertyValue(ascii("AutoFilter"), Any(true));

    // The header stays in view: freezing needs the sheet shown.
    const Reference<css::frame::XModel> model(document, UNO_QUERY);
    if (model.is() && model->getCurrentController().is())
    {
        activate(document, target);
        const Reference<css::sheet::XViewFreezable> freezable(model->getCurrentController(),
                                                              UNO_QUERY);
        if (freezable.is())
            freezable->freezeAtPosition(0, 1);
    }
    return written;
}

Reference<css::table::XCellRange>
writeList(const Reference<css::sheet::XSpreadsheetDocument>& document,
          const Reference<css::sheet::XSpreadsheet>& target, const ExportSheet& list,
          const ListStyle& style)
{
    ListLayout layout;
    layout.headers = list.headers;
    layout.columnKinds = list.columnKinds;
    layout.rows = list.rows.size();
    return writeList(
        document, target, layout,
        [&list](std::size_t first, std::size_t count) { return dataOf(list, first, count); },
        style);
}
BulkChange::BulkChange(const Reference<css::sheet::XSpreadsheetDocument>& document)
    : m_document(document)
{
    const Reference<css::frame::XModel> model(document, UNO_QUERY);
    if (model.is())
        model->lockControllers();
    const Reference<css::document::XActionLockable> actions(document, UNO_QUERY);
    if (actions.is())
        actions->addActionLock();
    const Reference<css::beans::XPropertySet> properties(document, UNO_QUERY);
    if (properties.is())
    {
        properties->getPropertyValue(ascii("IsAdjustHeightEnabled")) >>= m_heights;
        properties->setPropertyValue(ascii("IsAdjustHeightEnabled"), Any(false));
    }
    const Reference<css::document::XUndoManagerSupplier> undo(document, UNO_QUERY);
    if (undo.is())
    {
        m_undo = undo->getUndoManager();
        m_undo->lock();
    }
    // Formulas (an invoice list's SUBTOTALs, the user's own beside it) are calculated once at
    // the end, not after each row moved.
    const Reference<css::sheet::XCalculatable> calculation(document, UNO_QUERY);
    if (calculation.is())
    {
        m_autoCalculation = calculation->isAutomaticCalculationEnabled();
        calculation->enableAutomaticCalculation(false);
    }
}

BulkChange::~BulkChange()
{
    try
    {
        const Reference<css::sheet::XCalculatable> calculation(m_document, UNO_QUERY);
        if (calculation.is() && m_autoCalculation)
        {
            calculation->enableAutomaticCalculation(true);
            calculation->calculate();
        }
        if (m_undo.is())
            m_undo->unlock();
        const Reference<css::beans::XPropertySet> properties(m_document, UNO_QUERY);
        if (properties.is())
            properties->setPropertyValue(ascii("IsAdjustHeightEnabled"), Any(m_heights));
        const Reference<css::document::XActionLockable> actions(m_document, UNO_QUERY);
        if (actions.is())
            actions->removeActionLock();
        const Reference<css::frame::XModel> model(m_document, UNO_QUERY);
        if (model.is())
            model->unlockControllers();
    }
    catch (const css::uno::Exception&)
    {
    }
}
} // namespace clientes::uno::sheet_io
