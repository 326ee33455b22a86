#include "sheets/import_engine.hxx"

#include "core/messages/transfer_text.hpp"
#include "core/register/register.hpp"
#include "sheets/sheet_marks.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno
{
namespace
{
[[noreturn]] void badMapping(const std::string& value, Language language)
{
    throw css::lang::IllegalArgumentException(
        fromUtf8(clientes::text(TextKey::TransferBadOption, language,
                                {{"option", "Mapping"},
                                 {"reason", clientes::text(TextKey::TransferBadField, language,
                                                           {{"value", shownValue(value, 80)}})}})),
        nullptr, 1);
}
} // namespace

std::string describeRange(const sheet_io::Located& source, bool selection, Language language)
{
    return clientes::text(
        selection ? TextKey::TransferSourceSelection : TextKey::TransferSourceRange, language,
        {{"range", sheet_io::rangeName(source)},
         {"document", sheet_io::documentName(source.document)}});
}

void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

SheetImport::SheetImport(const Reference<css::uno::XComponentContext>& context,
                         sheet_io::Located source, std::string description)
    : m_context(context), m_language(uiLanguage(context)), m_source(std::move(source)),
      m_description(std::move(description))
{
    // Only what holds something is read: a whole-column or whole-sheet range costs what its
    // filled cells cost.
    m_cells = sheet_io::readContent(m_source);
    // Whole numbers shown with leading zeros ("08001" in a "00000" column) keep them where
    // a field needs them; the planner decides per field.
    std::vector<std::size_t> columns(m_cells.columns);
    for (std::size_t c = 0; c < m_cells.columns; ++c)
        columns[c] = c;
    sheet_io::addShownZeros(m_source, m_cells, columns);

    ImportSource cells;
    cells.table = &m_cells.table;
    cells.columns = m_cells.columns;
    cells.sheetRows = m_cells.sheetRows;
    cells.firstSheetColumn = firstColumn();
    cells.leadingEmptyColumns =
        static_cast<std::size_t>(m_cells.area.StartColumn - m_source.address.StartColumn);
    cells.description = m_description;
    cells.hyperlink = [this](std::size_t row, std::size_t column)
    { return hyperlink(row, column); };
    if (m_source.document.is())
    {
        cells.defaultCurrency = sheet_io::localeCurrency(m_source.document);
        cells.dayFirst = sheet_io::documentLocale(m_source.document).Country != "US";
    }
    m_workflow = std::make_unique<ImportWorkflow>(
        std::move(cells),
        [context = m_context](const std::function<void(Register&)>& work)
        { storeAccess().with(context, [&](Register& store) { work(store); }); },
        m_language);
}

std::size_t SheetImport::headerRow() const
{
    const std::size_t row = firstFilledRow(m_cells.table);
    return row < m_cells.table.size() ? row : 0;
}

std::vector<std::string> SheetImport::headers(bool hasHeader) const
{
    return m_workflow->headers(hasHeader);
}

std::optional<std::string> SheetImport::hyperlink(std::size_t tableRow, std::size_t column)
{
    auto known = m_hyperlinks.find(column);
    if (known == m_hyperlinks.end())
        known = m_hyperlinks.emplace(column, sheet_io::hyperlinks(m_source, m_cells, column)).first;
    const auto url = known->second.find(tableRow);
    if (url == known->second.end())
        return std::nullopt;
    return url->second;
}

std::vector<std::optional<std::string>> SheetImport::proposedMapping(ImportKind kind,
                                                                     bool hasHeader)
{
    return m_workflow->proposedMapping(kind, hasHeader);
}

SourceLayout SheetImport::recognisedLayout(ImportKind kind, bool hasHeader) const
{
    return m_workflow->recognisedLayout(kind, hasHeader);
}

ImportResult SheetImport::check(const ImportSettings& settings)
{
    return run(settings, false);
}

ImportResult SheetImport::commit(const ImportSettings& settings)
{
    return run(settings, true);
}

ImportResult SheetImport::commitOnce(const ImportSettings& settings)
{
    return run(settings, true, true);
}

void SheetImport::writeReport(ImportResult& result, const std::vector<ReportLine>& lines,
                              const std::string& name)
{
    if (!m_source.document.is())
        return;
    const Reference<css::sheet::XSpreadsheet> sheet =
        sheet_io::appendSheet(m_source.document, name);
    result.reportSheet =
        toUtf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
    const std::vector<std::string> headers = reportHeaders(m_language);
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(lines.size() + 1));
    Sequence<Any>* out = data.getArray();
    {
        Sequence<Any> row(static_cast<sal_Int32>(headers.size()));
        for (sal_Int32 c = 0; c < row.getLength(); ++c)
            row.getArray()[c] <<= fromUtf8(headers[static_cast<std::size_t>(c)]);
        out[0] = row;
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        const ReportLine& line = lines[i];
        Sequence<Any> row(5);
        Any* cell = row.getArray();
        if (line.sheetRow != 0) // 0: about a whole column
            cell[0] <<= static_cast<double>(line.sheetRow);
        else
            cell[0] <<= OUString();
        cell[1] <<= fromUtf8(line.status);
        cell[2] <<= fromUtf8(line.severity);
        cell[3] <<= fromUtf8(line.fieldLabel);
        cell[4] <<= fromUtf8(line.reason);
        out[i + 1] = row;
    }
    const Reference<css::table::XCellRange> range = sheet->getCellRangeByPosition(
        0, 0, static_cast<sal_Int32>(headers.size()) - 1, static_cast<sal_Int32>(lines.size()));
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(data);
    const Reference<css::beans::XPropertySet> header(
        sheet->getCellRangeByPosition(0, 0, static_cast<sal_Int32>(headers.size()) - 1, 0),
        UNO_QUERY_THROW);
    header->setPropertyValue(ascii("CharWeight"), Any(css::awt::FontWeight::BOLD));
    Reference<css::beans::XPropertySet>(
        Reference<css::table::XColumnRowRange>(range, UNO_QUERY_THROW)->getColumns(),
        UNO_QUERY_THROW)
        ->setPropertyValue(ascii("OptimalWidth"), Any(true));
}

ImportResult SheetImport::run(const ImportSettings& settings, bool write, bool releaseTable)
{
    ImportResult result;
    try
    {
        static_cast<ImportRun&>(result) =
            write
                ? m_workflow->commit(settings, releaseTable ? std::function<void()>(
                                                                  [this]
                                                                  {
                                                                      // The sheet rows stay: the
                                                                      // report names them.
                                                                      m_cells.table = ImportTable();
                                                                      releaseFreedMemory();
                                                                  })
                                                            : nullptr)
                : m_workflow->check(settings);
    }
    catch (const BadMapping& bad)
    {
        badMapping(bad.value, m_language);
    }
    if (settings.markCells && m_source.document.is())
        result.marked =
            sheet_marks::mark(m_source.document, m_source.sheet,
                              cellMarks(result.problems, firstColumn(), sheet_marks::kMaxMarks));
    if (!settings.reportSheet.empty())
        writeReport(result, result.report, settings.reportSheet);
    if (result.committed &&
        result.created + result.updated + result.clientsCreated + result.contacts > 0)
        storeAccess().notifyChanged();
    return result;
}
} // namespace clientes::uno
