#include "sheets/list_sheet.hxx"

#include "core/register/register.hpp"
#include "core/transfer/export_shape.hpp"
#include "sheets/document_lists.hxx"
#include "sheets/export_engine.hxx"
#include "sheets/sheet_io.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/CellDeleteMode.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/CellInsertMode.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeMovement.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/TableSortField.hpp>
#include <com/sun/star/table/TableSortFieldType.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/util/XSortable.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::list_sheet
{
namespace
{
constexpr std::string_view kPropertyPrefix = "ClientesList.";
constexpr std::size_t kRowsPerWrite = 8192;

Sequence<Any> single(const Any& value)
{
    Sequence<Any> row(1);
    row.getArray()[0] = value;
    return row;
}

std::string keyText(const Any& value)
{
    OUString text;
    if (value >>= text)
        return toUtf8(text);
    double number = 0;
    if ((value >>= number) && std::isfinite(number))
        return std::to_string(static_cast<long long>(number));
    return {};
}
} // namespace

void remember(const Reference<css::sheet::XSpreadsheetDocument>& document,
              const Reference<css::table::XCellRange>& written, const ListSettings& settings)
{
    const OUString rangeName = document_lists::rangeOver(document, written);
    if (rangeName.isEmpty())
        return; // not a list of ours
    document_lists::keep(document, fromUtf8(std::string(kPropertyPrefix) + toUtf8(rangeName)),
                         serializeListSettings(settings));
}

bool isList(const Reference<css::sheet::XSpreadsheetDocument>& document,
            const Reference<css::sheet::XSpreadsheet>& sheet)
{
    return document_lists::find(document, sheet, kPropertyPrefix,
                                [](const std::string& text)
                                { return parseListSettings(text).has_value(); })
        .has_value();
}

std::shared_ptr<ListSnapshot> read(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                   const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const std::optional<document_lists::Found> found = document_lists::find(
        document, sheet, kPropertyPrefix,
        [](const std::string& text) { return parseListSettings(text).has_value(); });
    if (!found)
        return nullptr;
    auto snapshot = std::make_shared<ListSnapshot>();
    snapshot->document = document;
    snapshot->sheet = sheet;
    snapshot->property = found->property;
    snapshot->rangeName = found->rangeName;
    snapshot->area = found->area;
    snapshot->settings = *parseListSettings(found->text);
    // The rows' keys as they are (code or invoice number, the list's first column).
    const sal_Int32 firstRow = found->area.StartRow + 1;
    const sal_Int32 oldCount = found->area.EndRow - found->area.StartRow;
    if (oldCount > 0)
    {
        const Sequence<Sequence<Any>> keys =
            Reference<css::sheet::XCellRangeData>(
                sheet->getCellRangeByPosition(found->area.StartColumn, firstRow,
                                              found->area.StartColumn, firstRow + oldCount - 1),
                UNO_QUERY_THROW)
                ->getDataArray();
        for (const Sequence<Any>& row : keys)
            snapshot->before.push_back(row.getLength() > 0 ? keyText(row[0]) : std::string());
    }
    return snapshot;
}

ListData load(const Reference<css::uno::XComponentContext>& context, const ListSnapshot& snapshot)
{
    const Language language = uiLanguage(context);
    const ListSettings& settings = snapshot.settings;
    ListData data;
    if (settings.kind == ImportKind::Clients)
    {
        std::vector<Client> clients;
        storeAccess().with(
            context,
            [&](Register& store)
            {
                if (settings.query.empty() && settings.codes.empty())
                    store.forEachClientInListOrder(
                        settings.includeArchived, [&](std::size_t n) { clients.reserve(n); },
                        [&](Client&& client) { clients.push_back(std::move(client)); });
                else
                    clients = store.clientsForExport(settings.query, settings.codes,
                                                     settings.includeArchived);
            });
        data.rows = shapeClientList(clients, language);
        data.dateTimes = true;
    }
    else
    {
        const std::vector<InvoiceListRow> list = storeAccess().with(
            context, [&](Register& store) { return store.invoiceList(settings.filter); });
        data.invoices =
            shapeInvoiceList(list, language, static_cast<std::size_t>(snapshot.area.StartRow) + 2);
        data.rows = data.invoices.sheet;
    }
    return data;
}

std::optional<Refreshed> refresh(const Reference<css::uno::XComponentContext>& context,
                                 const Reference<css::sheet::XSpreadsheetDocument>& document,
                                 const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const std::shared_ptr<ListSnapshot> snapshot = read(document, sheet);
    if (!snapshot)
        return std::nullopt;
    const ListData data = load(context, *snapshot);
    return apply(*snapshot, data);
}

Refreshed apply(const ListSnapshot& snapshot, const ListData& data)
{
    const Reference<css::sheet::XSpreadsheetDocument>& document = snapshot.document;
    const Reference<css::sheet::XSpreadsheet>& sheet = snapshot.sheet;
    ListSettings settings = snapshot.settings;
    const sal_Int32 header = snapshot.area.StartRow;
    const sal_Int32 firstRow = header + 1;
    const sal_Int32 firstColumn = snapshot.area.StartColumn;
    const sal_Int32 oldCount = snapshot.area.EndRow - header;
    const std::vector<std::string>& before = snapshot.before;
    const ExportSheet& rows = data.rows;
    const InvoiceListSheet& invoices = data.invoices;
    const bool dateTimes = data.dateTimes;
    std::vector<std::string> after;
    after.reserve(rows.rows.size());
    for (const auto& row : rows.rows)
        after.push_back(row.empty() ? std::string() : row.front().text);

    // Rows deleted, moved and inserted (planRowOps counts them; one sort does them).
    const sheet_io::BulkChange bulk(document);
    Refreshed refreshed;
    const std::vector<RowOp> ops = planRowOps(before, after);
    const sal_Int16 tab = document_lists::sheetIndex(sheet);
    // The rows as far as anything is used on the sheet (the user's columns beside the list
    // included): the same as whole rows for what the sheet holds, without moving a thousand
    // empty columns each time.
    sal_Int32 columns = firstColumn + static_cast<sal_Int32>(rows.headers.size());
    if (const Reference<css::table::XCellRange> used = sheet_io::usedArea(sheet); used.is())
        columns =
            std::max(columns, Reference<css::sheet::XCellRangeAddressable>(used, UNO_QUERY_THROW)
                                      ->getRangeAddress()
                                      .EndColumn +
                                  1);
    for (const RowOp& op : ops)
        if (op.kind == RowOp::Kind::Delete)
            ++refreshed.removed;
        else if (op.kind == RowOp::Kind::Park)
            ++refreshed.moved;
        else if (op.kind == RowOp::Kind::Insert)
            ++refreshed.added;
    if (!ops.empty())
    {
        // One sort instead of a row operation per change: room is made under the rows for the
        // new ones, every row is given its place in the new order in a helper column right of
        // everything used (rows whose record is gone at the bottom), the user's columns beside
        // the list are sorted by it (a formula keeps referring to its own row, as in any sort),
        // and the rows gone are deleted from the bottom.
        const Reference<css::sheet::XCellRangeMovement> movement(sheet, UNO_QUERY_THROW);
        if (settings.totals > 0)
            Reference<css::sheet::XSheetOperation>(
                sheet->getCellRangeByPosition(
                    firstColumn, firstRow + oldCount + 1,
                    firstColumn + static_cast<sal_Int32>(rows.headers.size()) - 1,
                    firstRow + oldCount + static_cast<sal_Int32>(settings.totals)),
                UNO_QUERY_THROW)
                ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                                css::sheet::CellFlags::DATETIME | css::sheet::CellFlags::FORMULA |
                                css::sheet::CellFlags::HARDATTR);
        settings.totals = 0;
        const auto added = static_cast<sal_Int32>(refreshed.added);
        if (added > 0)
            movement->insertCells(css::table::CellRangeAddress(tab, 0, firstRow + oldCount,
                                                               columns - 1,
                                                               firstRow + oldCount + added - 1),
                                  css::sheet::CellInsertMode_DOWN);
        std::unordered_map<std::string, std::size_t> place; // key → place in the new order
        for (std::size_t i = 0; i < after.size(); ++i)
            place.emplace(after[i], i);
        std::unordered_set<std::string> kept;
        const sal_Int32 block = oldCount + added;
        Sequence<Sequence<Any>> order(block);
        for (sal_Int32 r = 0; r < oldCount; ++r)
        {
            const std::string& key = before[static_cast<std::size_t>(r)];
            const auto found = place.find(key);
            const bool keep = !key.empty() && found != place.end() && kept.insert(key).second;
            order.getArray()[r] =
                single(Any(static_cast<double>(keep ? found->second : after.size() + r)));
        }
        sal_Int32 next = oldCount;
        for (std::size_t i = 0; i < after.size(); ++i)
            if (!kept.count(after[i]))
                order.getArray()[next++] = single(Any(static_cast<double>(i)));
        // The list's own columns are written again below in the new order: only the user's
        // columns right of the list need sorting (none: nothing to sort).
        const sal_Int32 userColumns = firstColumn + static_cast<sal_Int32>(rows.headers.size());
        if (userColumns < columns)
        {
            const Reference<css::table::XCellRange> helper =
                sheet->getCellRangeByPosition(columns, firstRow, columns, firstRow + block - 1);
            Reference<css::sheet::XCellRangeData>(helper, UNO_QUERY_THROW)->setDataArray(order);
            const Reference<css::util::XSortable> sortable(
                sheet->getCellRangeByPosition(userColumns, firstRow, columns, firstRow + block - 1),
                UNO_QUERY_THROW);
            css::table::TableSortField field;
            field.Field = columns - userColumns;
            field.IsAscending = true;
            field.FieldType = css::table::TableSortFieldType_NUMERIC;
            std::vector<css::beans::PropertyValue> properties;
            Sequence<css::table::TableSortField> fields(1);
            fields.getArray()[0] = field;
            properties.emplace_back(ascii("SortFields"), 0, Any(fields),
                                    css::beans::PropertyState_DIRECT_VALUE);
            properties.emplace_back(ascii("ContainsHeader"), 0, Any(false),
                                    css::beans::PropertyState_DIRECT_VALUE);
            properties.emplace_back(ascii("IsSortColumns"), 0, Any(false),
                                    css::beans::PropertyState_DIRECT_VALUE);
            properties.emplace_back(ascii("BindFormatsToContent"), 0, Any(true),
                                    css::beans::PropertyState_DIRECT_VALUE);
            sortable->sort(Sequence<css::beans::PropertyValue>(
                properties.data(), static_cast<sal_Int32>(properties.size())));
            Reference<css::sheet::XSheetOperation>(helper, UNO_QUERY_THROW)
                ->clearContents(css::sheet::CellFlags::VALUE);
        }
        const auto removed = static_cast<sal_Int32>(refreshed.removed);
        if (removed > 0)
        {
            const sal_Int32 first = firstRow + static_cast<sal_Int32>(after.size());
            movement->removeRange(
                css::table::CellRangeAddress(tab, 0, first, columns - 1, first + removed - 1),
                css::sheet::CellDeleteMode_UP);
        }
    }

    // The old totals block (now right under the rows) goes; the values are written again.
    const auto count = static_cast<sal_Int32>(after.size());
    const auto width = static_cast<sal_Int32>(rows.headers.size());
    if (settings.totals > 0)
        Reference<css::sheet::XSheetOperation>(
            sheet->getCellRangeByPosition(
                firstColumn, firstRow + count + 1, firstColumn + width - 1,
                firstRow + count + static_cast<sal_Int32>(settings.totals)),
            UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                            css::sheet::CellFlags::DATETIME | css::sheet::CellFlags::FORMULA |
                            css::sheet::CellFlags::HARDATTR);
    for (std::size_t first = 0; first < after.size(); first += kRowsPerWrite)
    {
        const std::size_t n = std::min(kRowsPerWrite, after.size() - first);
        const auto top = firstRow + static_cast<sal_Int32>(first);
        Reference<css::sheet::XCellRangeData>(
            sheet->getCellRangeByPosition(firstColumn, top, firstColumn + width - 1,
                                          top + static_cast<sal_Int32>(n) - 1),
            UNO_QUERY_THROW)
            ->setDataArray(sheet_io::dataOf(rows, first, n));
    }
    if (count > 0)
    {
        const sheet_io::Formats formats = sheet_io::formats(document);
        for (sal_Int32 c = 0; c < width; ++c)
        {
            const CellKind kind = rows.columnKinds.at(static_cast<std::size_t>(c));
            if (kind == CellKind::Number)
                continue;
            const sal_Int32 format = kind == CellKind::Date
                                         ? (dateTimes ? formats.dateTime : formats.date)
                                         : formats.text;
            Reference<css::beans::XPropertySet>(
                sheet->getCellRangeByPosition(firstColumn + c, firstRow, firstColumn + c,
                                              firstRow + count - 1),
                UNO_QUERY_THROW)
                ->setPropertyValue(ascii("NumberFormat"), Any(format));
        }
    }
    settings.totals = settings.kind == ImportKind::Invoices
                          ? formatInvoiceList(document, sheet, invoices, firstRow)
                          : 0;
    document_lists::setRows(document, snapshot.rangeName, header, header + count);
    document_lists::keep(document, snapshot.property, serializeListSettings(settings));
    refreshed.updated = after.size() - refreshed.added;
    return refreshed;
}
} // namespace clientes::uno::list_sheet
