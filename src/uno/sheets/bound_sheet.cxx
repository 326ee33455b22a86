#include "sheets/bound_sheet.hxx"

#include "core/messages/profile_text.hpp"
#include "core/rules/tax_id.hpp"
#include "core/text/texts.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_outcome.hpp"
#include "sheets/document_lists.hxx"
#include "sheets/sheet_io.hxx"
#include "sheets/sheet_marks.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeMovement.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XDatabaseRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>

#include <map>
#include <mutex>
#include <unordered_map>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::bound_sheet
{
namespace
{
constexpr std::string_view kPropertyPrefix = "ClientesBinding.";

using Bound = Snapshot;

// The bases (what each row showed when read) live in memory, not in the document: kept per
// document and list while the binding they belong to is the one stored.
struct Bases
{
    std::mutex mutex;
    std::map<std::pair<const void*, OUString>,
             std::pair<std::string, std::shared_ptr<const SheetBinding>>>
        byList;
};
Bases& bases()
{
    static Bases instance;
    return instance;
}

void remember(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& property,
              const std::string& stored, std::shared_ptr<const SheetBinding> binding)
{
    Bases& all = bases();
    std::lock_guard lock(all.mutex);
    if (all.byList.size() > 16)
        all.byList.clear(); // documents long closed; their bases only sharpen conflicts
    all.byList[{document.get(), property}] = {stored, std::move(binding)};
}

// The binding stored in the document (its text `stored`), with the bases remembered for it;
// its header on `headerRow` (rows inserted above the list move it).
std::shared_ptr<const SheetBinding>
withBases(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& property,
          const std::string& stored, std::size_t headerRow)
{
    {
        Bases& all = bases();
        std::lock_guard lock(all.mutex);
        const auto found = all.byList.find({document.get(), property});
        if (found != all.byList.end() && found->second.first == stored &&
            found->second.second->headerRow == headerRow)
            return found->second.second;
    }
    std::optional<SheetBinding> binding = parseBinding(stored);
    if (!binding)
        return nullptr;
    binding->headerRow = headerRow;
    return std::make_shared<const SheetBinding>(std::move(*binding));
}

std::optional<Bound> findBound(const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const std::optional<document_lists::Found> found = document_lists::find(
        document, sheet, kPropertyPrefix,
        [](const std::string& text) { return text.starts_with("clientes-binding/"); });
    if (!found)
        return std::nullopt;
    // Rows inserted above the list move it: the header is where the range starts now.
    std::shared_ptr<const SheetBinding> binding = withBases(
        document, found->property, found->text, static_cast<std::size_t>(found->area.StartRow) + 1);
    if (!binding)
        return std::nullopt;
    Bound bound;
    bound.document = document;
    bound.sheet = sheet;
    bound.property = found->property;
    bound.rangeName = found->rangeName;
    bound.area = found->area;
    bound.binding = std::move(binding);
    return bound;
}

void store(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& property,
           SheetBinding binding)
{
    const std::string text = serializeBinding(binding);
    document_lists::keep(document, property, text);
    remember(document, property, text, std::make_shared<const SheetBinding>(std::move(binding)));
}

// The list's cells from the header down to the sheet's last used row.
sheet_io::SheetCells readList(const Reference<css::sheet::XSpreadsheetDocument>& document,
                              const Reference<css::sheet::XSpreadsheet>& sheet, const Bound& bound)
{
    sheet_io::Located where;
    where.sheet = sheet;
    where.document = document;
    const Reference<css::table::XCellRange> used = sheet_io::usedArea(sheet);
    sal_Int32 lastRow = bound.area.EndRow;
    sal_Int32 lastColumn = bound.area.EndColumn;
    if (used.is())
    {
        const css::table::CellRangeAddress address =
            Reference<css::sheet::XCellRangeAddressable>(used, UNO_QUERY_THROW)->getRangeAddress();
        lastRow = std::max(lastRow, address.EndRow);
    }
    where.range = sheet->getCellRangeByPosition(0, bound.area.StartRow, lastColumn, lastRow);
    where.address = Reference<css::sheet::XCellRangeAddressable>(where.range, UNO_QUERY_THROW)
                        ->getRangeAddress();
    where.sheetName = Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName();
    sheet_io::SheetCells cells = sheet_io::readContent(where);
    // The table's columns start at the list's first column (A): cells left of the content
    // are read as empty columns.
    if (cells.area.StartColumn > 0 && !cells.table.empty())
        for (std::vector<ImportCell>& row : cells.table)
            row.insert(row.begin(), static_cast<std::size_t>(cells.area.StartColumn), ImportCell{});
    return cells;
}

sal_Int32 listWidth()
{
    return static_cast<sal_Int32>(exportedClientFields().size()) + 2;
}

// Writes whole rows of the list (field columns and the two dates).
void writeRows(const Reference<css::sheet::XSpreadsheetDocument>& document,
               const Reference<css::sheet::XSpreadsheet>& sheet, std::size_t firstSheetRow,
               std::span<const Client> clients, bool formatThem)
{
    if (clients.empty())
        return;
    const auto first = static_cast<sal_Int32>(firstSheetRow) - 1;
    const auto last = first + static_cast<sal_Int32>(clients.size()) - 1;
    const Reference<css::table::XCellRange> range =
        sheet->getCellRangeByPosition(0, first, listWidth() - 1, last);
    if (formatThem)
    {
        const sheet_io::Formats formats = sheet_io::formats(document);
        const auto fields = static_cast<sal_Int32>(exportedClientFields().size());
        Reference<css::beans::XPropertySet>(
            sheet->getCellRangeByPosition(0, first, fields - 1, last), UNO_QUERY_THROW)
            ->setPropertyValue(ascii("NumberFormat"), Any(formats.text));
        Reference<css::beans::XPropertySet>(
            sheet->getCellRangeByPosition(fields, first, fields + 1, last), UNO_QUERY_THROW)
            ->setPropertyValue(ascii("NumberFormat"), Any(formats.dateTime));
    }
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)
        ->setDataArray(clientListRows(clients));
}

// The rows as stored now, over the rows as read: only the cells whose value differs are
// written, one by one. (Calc's setDataArray empties its range first, which in a long column of
// text cells costs a copy of the column's texts each time: a thousand rows spread over a
// 100,000-row list would take seconds.) Rows the snapshot does not hold are written whole.
void applyWrites(const Snapshot& snapshot, const std::vector<RowWrite>& writes)
{
    std::unordered_map<std::size_t, std::size_t> tableRow; // sheet row (1-based) → table row
    for (std::size_t r = 0; r < snapshot.cells.sheetRows.size(); ++r)
        tableRow.emplace(snapshot.cells.sheetRows[r], r);
    for (const RowWrite& write : writes)
    {
        const auto found = tableRow.find(write.sheetRow);
        if (found == tableRow.end())
        {
            writeRows(snapshot.document, snapshot.sheet, write.sheetRow,
                      std::span<const Client>(&write.client, 1), true);
            continue;
        }
        const std::vector<ImportCell>& current = snapshot.cells.table[found->second];
        const Sequence<Sequence<Any>> data =
            clientListRows(std::span<const Client>(&write.client, 1));
        const Sequence<Any>& row = data[0];
        const auto sheetRow = static_cast<sal_Int32>(write.sheetRow) - 1;
        for (sal_Int32 c = 0; c < row.getLength(); ++c)
        {
            const ImportCell* was = static_cast<std::size_t>(c) < current.size()
                                        ? &current[static_cast<std::size_t>(c)]
                                        : nullptr;
            OUString text;
            double number = 0;
            if (row[c] >>= text)
            {
                if (was != nullptr && !was->isNumber && was->formulaError == 0 &&
                    was->text == toUtf8(text))
                    continue;
                Reference<css::text::XText>(snapshot.sheet->getCellByPosition(c, sheetRow),
                                            UNO_QUERY_THROW)
                    ->setString(text);
            }
            else if (row[c] >>= number)
            {
                if (was != nullptr && was->isNumber && was->number == number)
                    continue;
                const Reference<css::table::XCell> cell =
                    snapshot.sheet->getCellByPosition(c, sheetRow);
                cell->setValue(number);
                // A date where there was none (a new row's "Fecha de alta"): shown as one.
                if (was == nullptr || !was->isNumber)
                    Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)
                        ->setPropertyValue(ascii("NumberFormat"),
                                           Any(sheet_io::formats(snapshot.document).dateTime));
            }
        }
    }
}

// The database range follows the list: header to its last bound row (or further down).
void coverRows(const Reference<css::sheet::XSpreadsheetDocument>& document, const Bound& bound,
               std::size_t lastSheetRow)
{
    document_lists::setRows(document, bound.rangeName, bound.area.StartRow,
                            static_cast<sal_Int32>(lastSheetRow) - 1);
}

std::size_t lastRow(const SheetBinding& binding)
{
    std::size_t last = binding.headerRow;
    for (const BoundRow& row : binding.rows)
        last = std::max(last, row.sheetRow);
    return last;
}

std::vector<CellMark> conflictMarks(const Context& context,
                                    const std::vector<RowConflict>& conflicts, Language language)
{
    const Locale locale = officeLocale(context);
    std::vector<CellMark> marks;
    for (const RowConflict& conflict : conflicts)
    {
        const std::string when = formatTimestamp(conflict.at, locale);
        if (conflict.cells.empty())
            marks.push_back(
                {conflict.sheetRow, 0, Severity::Warning,
                 conflict.text(CellConflict{conflict.sheetRow, 0, Field::Code, conflict.code, ""},
                               language, when)});
        for (const CellConflict& cell : conflict.cells)
            marks.push_back({cell.sheetRow, cell.sheetColumn, Severity::Warning,
                             conflict.text(cell, language, when)});
    }
    return marks;
}

std::vector<CellMark> problemMarks(const std::vector<ImportProblem>& problems, Language language)
{
    std::vector<CellMark> marks;
    for (const ImportProblem& problem : problems)
    {
        if (problem.sheetRow == 0)
            continue;
        const std::size_t column =
            problem.sheetColumn == ImportProblem::npos ? 0 : problem.sheetColumn;
        const auto same =
            std::find_if(marks.begin(), marks.end(),
                         [&](const CellMark& mark) {
                             return mark.sheetRow == problem.sheetRow && mark.sheetColumn == column;
                         });
        const std::string text = problem.reason;
        if (same != marks.end())
        {
            same->text += "\n" + text;
            if (problem.severity == Severity::Error)
                same->severity = Severity::Error;
        }
        else
            marks.push_back({problem.sheetRow, column, problem.severity, text});
        (void)language;
    }
    return marks;
}
} // namespace

Reference<css::table::XCellRange> edit(const Context& context,
                                       const Reference<css::sheet::XSpreadsheetDocument>& document,
                                       const Reference<css::sheet::XSpreadsheet>& target,
                                       const ClientExportSettings& settings)
{
    std::vector<Client> clients;
    const Reference<css::table::XCellRange> written =
        exportClientList(context, document, target, settings, nullptr, &clients);
    const css::table::CellRangeAddress address =
        Reference<css::sheet::XCellRangeAddressable>(written, UNO_QUERY_THROW)->getRangeAddress();
    // The database range writeList made over the list.
    const OUString rangeName = document_lists::rangeOver(document, written);
    if (rangeName.isEmpty())
        throw css::uno::RuntimeException(ascii("the bound list has no database range"));
    SheetBinding binding;
    binding.query = settings.query;
    binding.codes = settings.codes;
    binding.includeArchived = settings.includeArchived;
    binding.headerRow = static_cast<std::size_t>(address.StartRow) + 1;
    binding.rows.reserve(clients.size());
    for (std::size_t i = 0; i < clients.size(); ++i)
        binding.rows.push_back(boundRow(clients[i], binding.headerRow + 1 + i));
    store(document, fromUtf8(std::string(kPropertyPrefix) + toUtf8(rangeName)), binding);
    return written;
}

bool isBound(const Reference<css::sheet::XSpreadsheetDocument>& document,
             const Reference<css::sheet::XSpreadsheet>& sheet)
{
    return findBound(document, sheet).has_value();
}

std::shared_ptr<Snapshot> read(const Context& context,
                               const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const Reference<css::sheet::XSpreadsheet>& sheet)
{
    std::optional<Bound> bound = findBound(document, sheet);
    if (!bound)
        return nullptr;
    auto snapshot = std::make_shared<Snapshot>(std::move(*bound));
    snapshot->cells = readList(document, sheet, *snapshot);
    snapshot->source = clientes::text(
        TextKey::BoundSource, uiLanguage(context),
        {{"sheet", toUtf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName())},
         {"document", sheet_io::documentName(document)}});
    return snapshot;
}

PublishOutcome publishSnapshot(const Context& context, const Snapshot& snapshot,
                               PublishRequest request)
{
    request.source = snapshot.source;
    if (!request.taxIdChecker)
        request.taxIdChecker = [](const std::string& taxId, const std::string& country)
        { return isValidTaxId(taxId, country); };
    const Language language = uiLanguage(context);
    PublishOutcome outcome =
        storeAccess().with(context,
                           [&](Register& register_) {
                               return publishBoundSheet(register_, *snapshot.binding,
                                                        snapshot.view(), request, language);
                           });
    if (outcome.written)
        storeAccess().notifyChanged();
    return outcome;
}

std::size_t applyPublish(const Context& context, const Snapshot& snapshot,
                         const PublishOutcome& outcome, bool dryRun, bool markCells)
{
    const Language language = uiLanguage(context);
    if (!dryRun)
    {
        {
            const sheet_io::BulkChange bulk(snapshot.document);
            applyWrites(snapshot, outcome.writes);
        }
        if (outcome.bindingChanged)
        {
            coverRows(snapshot.document, snapshot, lastRow(outcome.binding));
            store(snapshot.document, snapshot.property, outcome.binding);
        }
    }
    if (!markCells)
        return 0;
    std::vector<CellMark> marks = problemMarks(outcome.problems, language);
    for (CellMark& mark : conflictMarks(context, outcome.conflicts, language))
        marks.push_back(std::move(mark));
    if (marks.size() > sheet_marks::kMaxMarks)
        marks.resize(sheet_marks::kMaxMarks);
    return sheet_marks::mark(snapshot.document, snapshot.sheet, marks);
}

std::optional<PublishRun> publish(const Context& context,
                                  const Reference<css::sheet::XSpreadsheetDocument>& document,
                                  const Reference<css::sheet::XSpreadsheet>& sheet,
                                  PublishRequest request, bool markCells)
{
    const std::shared_ptr<Snapshot> snapshot = read(context, document, sheet);
    if (!snapshot)
        return std::nullopt;
    PublishRun run;
    run.outcome = publishSnapshot(context, *snapshot, request);
    run.marked = applyPublish(context, *snapshot, run.outcome, request.dryRun, markCells);
    return run;
}

void applyRefresh(const Context& context, const Snapshot& snapshot, const RefreshOutcome& outcome)
{
    const Reference<css::sheet::XSpreadsheet>& sheet = snapshot.sheet;
    const sheet_io::BulkChange bulk(snapshot.document);
    applyWrites(snapshot, outcome.writes);
    // Whole rows go, so that what the user keeps beside the list goes with its row.
    // (As far as anything is used on the sheet: the same as whole rows for what it holds.)
    const Reference<css::sheet::XCellRangeMovement> movement(sheet, UNO_QUERY_THROW);
    sal_Int32 lastColumn = listWidth() - 1;
    if (const Reference<css::table::XCellRange> used = sheet_io::usedArea(sheet); used.is())
        lastColumn =
            std::max(lastColumn, Reference<css::sheet::XCellRangeAddressable>(used, UNO_QUERY_THROW)
                                     ->getRangeAddress()
                                     .EndColumn);
    for (std::size_t removed : outcome.removals)
    {
        css::table::CellRangeAddress row;
        row.Sheet = document_lists::sheetIndex(sheet);
        row.StartColumn = 0;
        row.EndColumn = lastColumn;
        row.StartRow = row.EndRow = static_cast<sal_Int32>(removed) - 1;
        movement->removeRange(row, css::sheet::CellDeleteMode_UP);
    }
    writeRows(snapshot.document, sheet, outcome.appendAt, outcome.appends, true);
    const std::optional<Bound> moved = findBound(snapshot.document, sheet); // after removals
    coverRows(snapshot.document, moved ? *moved : snapshot, lastRow(outcome.binding));
    store(snapshot.document, snapshot.property, outcome.binding);
    std::vector<CellMark> marks = conflictMarks(context, outcome.conflicts, uiLanguage(context));
    if (marks.size() > sheet_marks::kMaxMarks)
        marks.resize(sheet_marks::kMaxMarks);
    sheet_marks::mark(snapshot.document, sheet, marks);
}

std::optional<RefreshOutcome> refresh(const Context& context,
                                      const Reference<css::sheet::XSpreadsheetDocument>& document,
                                      const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const std::shared_ptr<Snapshot> snapshot = read(context, document, sheet);
    if (!snapshot)
        return std::nullopt;
    const Language language = uiLanguage(context);
    RefreshOutcome outcome = storeAccess().with(
        context, [&](Register& register_)
        { return refreshBoundSheet(register_, *snapshot->binding, snapshot->view(), language); });
    applyRefresh(context, *snapshot, outcome);
    return outcome;
}

void applyDiscard(const Context& context, const Snapshot& snapshot, const DiscardOutcome& outcome)
{
    (void)context;
    for (std::size_t row : outcome.clearRows)
        Reference<css::sheet::XSheetOperation>(
            snapshot.sheet->getCellRangeByPosition(0, static_cast<sal_Int32>(row) - 1,
                                                   listWidth() - 1,
                                                   static_cast<sal_Int32>(row) - 1),
            UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::STRING | css::sheet::CellFlags::VALUE |
                            css::sheet::CellFlags::DATETIME | css::sheet::CellFlags::FORMULA);
    applyWrites(snapshot, outcome.writes);
    coverRows(snapshot.document, snapshot, lastRow(outcome.binding));
    store(snapshot.document, snapshot.property, outcome.binding);
    sheet_marks::removeAll(snapshot.document);
}

void rememberBases(const Snapshot& snapshot, const SheetBinding& binding)
{
    remember(snapshot.document, snapshot.property, serializeBinding(binding),
             std::make_shared<const SheetBinding>(binding));
}

std::optional<SheetPending> pending(const Context& context,
                                    const Reference<css::sheet::XSpreadsheetDocument>& document,
                                    const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const std::shared_ptr<Snapshot> snapshot = read(context, document, sheet);
    if (!snapshot)
        return std::nullopt;
    return findPending(*snapshot->binding, snapshot->view(), uiLanguage(context));
}
} // namespace clientes::uno::bound_sheet
