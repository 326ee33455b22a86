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

#include <map>
#include <mutex>

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
    std::map<std::pair<const void*, OUString>, std::pair<std::string, SheetBinding>> byList;
};
Bases& bases()
{
    static Bases instance;
    return instance;
}

void remember(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& property,
              const std::string& stored, const SheetBinding& binding)
{
    Bases& all = bases();
    std::lock_guard lock(all.mutex);
    if (all.byList.size() > 16)
        all.byList.clear(); // documents long closed; their bases only sharpen conflicts
    all.byList[{document.get(), property}] = {stored, binding};
}

// The binding stored in the document, with the bases remembered for it.
SheetBinding withBases(const Reference<css::sheet::XSpreadsheetDocument>& document,
                       const OUString& property, const std::string& stored, SheetBinding binding)
{
    Bases& all = bases();
    std::lock_guard lock(all.mutex);
    const auto found = all.byList.find({document.get(), property});
    if (found == all.byList.end() || found->second.first != stored)
        return binding;
    return found->second.second;
}

std::optional<Bound> findBound(const Reference<css::sheet::XSpreadsheetDocument>& document,
                               const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const std::optional<document_lists::Found> found = document_lists::find(
        document, sheet, kPropertyPrefix,
        [](const std::string& text) { return parseBinding(text).has_value(); });
    if (!found)
        return std::nullopt;
    SheetBinding binding = *parseBinding(found->text);
    // Rows inserted above the list move it: the header is where the range starts now.
    binding.headerRow = static_cast<std::size_t>(found->area.StartRow) + 1;
    Bound bound;
    bound.document = document;
    bound.sheet = sheet;
    bound.property = found->property;
    bound.rangeName = found->rangeName;
    bound.area = found->area;
    bound.binding = withBases(document, found->property, found->text, std::move(binding));
    return bound;
}

void store(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& property,
           const SheetBinding& binding)
{
    const std::string text = serializeBinding(binding);
    document_lists::keep(document, property, text);
    remember(document, property, text, binding);
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

// Runs of consecutive rows written with one setDataArray each.
void applyWrites(const Reference<css::sheet::XSpreadsheetDocument>& document,
                 const Reference<css::sheet::XSpreadsheet>& sheet, std::vector<RowWrite> writes)
{
    std::sort(writes.begin(), writes.end(),
              [](const RowWrite& a, const RowWrite& b) { return a.sheetRow < b.sheetRow; });
    std::size_t i = 0;
    while (i < writes.size())
    {
        std::size_t j = i + 1;
        while (j < writes.size() && writes[j].sheetRow == writes[j - 1].sheetRow + 1)
            ++j;
        std::vector<Client> run;
        for (std::size_t k = i; k < j; ++k)
            run.push_back(std::move(writes[k].client));
        writeRows(document, sheet, writes[i].sheetRow, run, true);
        i = j;
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
                               return publishBoundSheet(register_, snapshot.binding,
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
        applyWrites(snapshot.document, snapshot.sheet, outcome.writes);
        coverRows(snapshot.document, snapshot, lastRow(outcome.binding));
        store(snapshot.document, snapshot.property, outcome.binding);
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
    applyWrites(snapshot.document, sheet, outcome.writes);
    // Whole rows go, so that what the user keeps beside the list goes with its row.
    const Reference<css::sheet::XCellRangeMovement> movement(sheet, UNO_QUERY_THROW);
    for (std::size_t removed : outcome.removals)
    {
        css::table::CellRangeAddress row;
        row.Sheet = document_lists::sheetIndex(sheet);
        row.StartColumn = 0;
        row.EndColumn = 1023;
        row.StartRow = row.EndRow = static_cast<sal_Int32>(removed) - 1;
        movement->removeRange(row, css::sheet::CellDeleteMode_ROWS);
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
        { return refreshBoundSheet(register_, snapshot->binding, snapshot->view(), language); });
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
    applyWrites(snapshot.document, snapshot.sheet, outcome.writes);
    coverRows(snapshot.document, snapshot, lastRow(outcome.binding));
    store(snapshot.document, snapshot.property, outcome.binding);
    sheet_marks::removeAll(snapshot.document);
}

void rememberBases(const Snapshot& snapshot, const SheetBinding& binding)
{
    remember(snapshot.document, snapshot.property, serializeBinding(binding), binding);
}

std::optional<SheetPending> pending(const Context& context,
                                    const Reference<css::sheet::XSpreadsheetDocument>& document,
                                    const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const std::shared_ptr<Snapshot> snapshot = read(context, document, sheet);
    if (!snapshot)
        return std::nullopt;
    return findPending(snapshot->binding, snapshot->view(), uiLanguage(context));
}
} // namespace clientes::uno::bound_sheet
