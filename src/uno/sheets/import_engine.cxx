#include "sheets/import_engine.hxx"

#include "core/messages/import_messages.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/register/register.hpp"
#include "core/rules/tax_id.hpp"
#include "core/transfer/import_invoices.hpp"
#include "core/transfer/import_mapping.hpp"
#include "core/transfer/import_register.hpp"
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

#include <algorithm>
#include <cmath>

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
        fromUtf8(transferText(
            TransferText::BadOption, language,
            {{"option", "Mapping"},
             {"reason", transferText(TransferText::BadField, language, {{"value", value}})}})),
        nullptr, 1);
}

ColumnMapping clientMappingOf(const std::vector<std::string>& names, Language language)
{
    ColumnMapping mapping;
    for (const std::string& name : names)
    {
        if (name.empty())
            mapping.emplace_back();
        else if (const auto field = fieldFromName(name))
            mapping.emplace_back(field);
        else
            badMapping(name, language);
    }
    return mapping;
}

InvoiceMapping invoiceMappingOf(const std::vector<std::string>& names, Language language)
{
    InvoiceMapping mapping;
    for (const std::string& name : names)
    {
        if (name.empty())
            mapping.emplace_back();
        else if (const auto field = invoiceFieldFromName(name))
            mapping.emplace_back(field);
        else
            badMapping(name, language);
    }
    return mapping;
}

template <typename Mapping> std::vector<std::optional<std::string>> namesOf(const Mapping& mapping)
{
    std::vector<std::optional<std::string>> names;
    for (const auto& field : mapping)
    {
        if (!field)
            names.emplace_back();
        else if constexpr (std::is_same_v<Mapping, ColumnMapping>)
            names.emplace_back(std::string(fieldName(*field)));
        else
            names.emplace_back(std::string(invoiceFieldName(*field)));
    }
    return names;
}
// What to remember for a mapping the user gave for a sheet with headers: nothing ("") when it
// is the one the headers give anyway.
template <typename Mapping> std::string mappingToRemember(Mapping given, Mapping automatic)
{
    const std::string text = encodeMapping(given);
    automatic.resize(std::max(automatic.size(), given.size()));
    given.resize(automatic.size());
    return automatic == given ? std::string() : text;
}
} // namespace

std::string describeRange(const sheet_io::Located& source, bool selection, Language language)
{
    return transferText(selection ? TransferText::SourceSelection : TransferText::SourceRange,
                        language,
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
    m_skippedColumns =
        static_cast<std::size_t>(m_cells.area.StartColumn - m_source.address.StartColumn);
    // Whole numbers shown with leading zeros ("08001" in a "00000" column) keep them where
    // a field needs them; the planner decides per field.
    std::vector<std::size_t> columns(m_cells.columns);
    for (std::size_t c = 0; c < m_cells.columns; ++c)
        columns[c] = c;
    sheet_io::addShownZeros(m_source, m_cells, columns);
}

std::size_t SheetImport::headerRow() const
{
    const std::size_t row = firstFilledRow(m_cells.table);
    return row < m_cells.table.size() ? row : 0;
}

std::vector<std::string> SheetImport::headers(bool hasHeader) const
{
    const ImportTable& table = m_cells.table;
    std::vector<std::string> texts(m_cells.columns);
    const std::size_t row = headerRow();
    for (std::size_t c = 0; c < m_cells.columns; ++c)
    {
        if (hasHeader && row < table.size() && c < table[row].size())
            texts[c] = cellText(table[row][c], Field::Notes);
        else
            texts[c] = columnLetters(firstColumn() + c);
    }
    return texts;
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

std::vector<std::string> SheetImport::tableMapping(const std::vector<std::string>& given) const
{
    if (m_skippedColumns == 0)
        return given;
    if (given.size() <= m_skippedColumns)
        return {};
    return std::vector<std::string>(given.begin() + static_cast<std::ptrdiff_t>(m_skippedColumns),
                                    given.end());
}

std::vector<std::optional<std::string>>
SheetImport::rangeMapping(std::vector<std::optional<std::string>> mapping) const
{
    mapping.insert(mapping.begin(), m_skippedColumns, std::nullopt);
    return mapping;
}

std::vector<std::optional<std::string>> SheetImport::proposedMapping(ImportKind kind,
                                                                     bool hasHeader)
{
    if (!hasHeader)
        return std::vector<std::optional<std::string>>(m_cells.columns);
    const std::vector<std::string> names = headers(true);
    const std::string key = rememberedMappingKey(kind, names);
    const std::optional<std::string> remembered = storeAccess().with(
        m_context, [&](Register& store) { return store.rememberedMapping(key); });
    std::vector<std::optional<std::string>> result;
    if (kind == ImportKind::Clients)
    {
        std::optional<ColumnMapping> mapping;
        if (remembered)
            mapping = decodeClientMapping(*remembered);
        result = namesOf(mapping ? *mapping : autoMapping(names));
    }
    else
    {
        std::optional<InvoiceMapping> mapping;
        if (remembered)
            mapping = decodeInvoiceMapping(*remembered);
        result = namesOf(mapping ? *mapping : autoInvoiceMapping(names));
    }
    result.resize(m_cells.columns);
    return result;
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

template <typename Plan, typename Options>
void SheetImport::finish(ImportResult& result, const Plan& plan, const Options& options,
                         const ImportSettings& settings)
{
    result.created = plan.created;
    result.updated = plan.updated;
    result.unchanged = plan.unchanged;
    result.skipped = plan.skipped;
    result.errors = plan.errors;
    result.warnings = plan.warnings;
    result.invalid = plan.invalid;
    result.problems = transferProblems(plan, m_language);
    result.mapping = namesOf(plan.mapping);
    if (settings.rangeColumns)
        result.mapping = rangeMapping(std::move(result.mapping));
    if (settings.markCells && m_source.document.is())
        result.marked =
            sheet_marks::mark(m_source.document, m_source.sheet,
                              cellMarks(result.problems, firstColumn(), sheet_marks::kMaxMarks));
    if (!settings.reportSheet.empty())
        writeReport(result, reportLines(plan, result.problems, options, m_language),
                    settings.reportSheet);
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
        cell[0] <<= static_cast<double>(line.sheetRow);
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
    const std::size_t firstSheetRow = static_cast<std::size_t>(m_cells.area.StartRow) + 1;
    const std::size_t firstSheetColumn = firstColumn();
    const std::vector<std::string> headerTexts = headers(settings.hasHeader);
    const std::string mappingKeyText = rememberedMappingKey(settings.kind, headerTexts);

    if (settings.kind == ImportKind::Clients)
    {
        ImportOptions options;
        options.hasHeader = settings.hasHeader;
        options.mode = settings.mode;
        options.policy = settings.policy;
        options.skipInvalid = settings.skipInvalid;
        options.firstSheetRow = firstSheetRow;
        options.firstSheetColumn = firstSheetColumn;
        options.sheetRows = m_cells.sheetRows;
        options.taxIdChecker = [](const std::string& taxId, const std::string& country)
        { return isValidTaxId(taxId, country); };
        options.hyperlink = [this](std::size_t row, std::size_t column)
        { return hyperlink(row, column); };
        if (settings.mapping)
        {
            clientMappingOf(*settings.mapping, m_language); // every name checked
            options.mapping = clientMappingOf(
                settings.rangeColumns ? tableMapping(*settings.mapping) : *settings.mapping,
                m_language);
        }
        // Load the register in one pass; the mapping remembered for these headers too.
        std::optional<std::string> remembered;
        RegisterSnapshot snapshot =
            storeAccess().with(m_context,
                               [&](Register& store)
                               {
                                   if (!settings.mapping && settings.hasHeader)
                                       remembered = store.rememberedMapping(mappingKeyText);
                                   return RegisterSnapshot::load(store);
                               });
        if (remembered)
            if (auto mapping = decodeClientMapping(*remembered))
                options.mapping = std::move(*mapping);
        ImportPlan plan = planImport(m_cells.table, options, snapshot, m_language);
        snapshot = RegisterSnapshot();
        if (releaseTable && write)
        {
            m_cells.table = ImportTable(); // the sheet rows stay: the report names them
            releaseFreedMemory();
        }
        finish(result, plan, options, settings);
        if (!write)
            return result;
        result.created = result.updated = 0;
        if (!plan.committable())
        {
            result.blocked = transferText(TransferText::ImportBlocked, m_language,
                                          {{"errors", std::to_string(plan.errors)}});
            return result;
        }
        const std::size_t created = plan.created;
        const std::size_t updated = plan.updated;
        ClientImportCommit commit = clientCommit(plan, m_description);
        plan = ImportPlan();
        const bool explicitMapping = settings.mapping && settings.hasHeader;
        const std::string mappingText =
            explicitMapping ? mappingToRemember(options.mapping, autoMapping(headerTexts))
                            : std::string();
        try
        {
            storeAccess().with(m_context,
                               [&](Register& store)
                               {
                                   store.commitClientImport(std::move(commit));
                                   // The user's choice is remembered for the next sheet with
                                   // these headers; the automatic one needs no memory.
                                   if (explicitMapping)
                                       store.rememberMapping(mappingKeyText, mappingText);
                               });
        }
        catch (const ConflictError& conflict)
        {
            result.blocked =
                transferText(TransferText::ImportConflict, m_language,
                             {{"what", conflict.current.code + " " + conflict.current.legalName}});
            return result;
        }
        result.created = created;
        result.updated = updated;
        result.committed = true;
    }
    else
    {
        InvoiceImportOptions options;
        options.hasHeader = settings.hasHeader;
        options.mode = settings.mode;
        options.policy = settings.policy;
        options.skipInvalid = settings.skipInvalid;
        options.createMissingClients = settings.createMissingClients;
        options.firstSheetRow = firstSheetRow;
        options.firstSheetColumn = firstSheetColumn;
        options.sheetRows = m_cells.sheetRows;
        if (m_source.document.is())
        {
            options.defaultCurrency = sheet_io::localeCurrency(m_source.document);
            options.dayFirst = sheet_io::documentLocale(m_source.document).Country != "US";
        }
        if (settings.mapping)
        {
            invoiceMappingOf(*settings.mapping, m_language); // every name checked
            options.mapping = invoiceMappingOf(
                settings.rangeColumns ? tableMapping(*settings.mapping) : *settings.mapping,
                m_language);
        }
        std::optional<std::string> remembered;
        std::vector<Invoice> stored;
        RegisterSnapshot snapshot =
            storeAccess().with(m_context,
                               [&](Register& store)
                               {
                                   if (!settings.mapping && settings.hasHeader)
                                       remembered = store.rememberedMapping(mappingKeyText);
                                   stored = store.allInvoices();
                                   return RegisterSnapshot::load(store);
                               });
        if (remembered)
            if (auto mapping = decodeInvoiceMapping(*remembered))
                options.mapping = std::move(*mapping);
        InMemoryInvoices invoices(std::move(stored));
        InvoicePlan plan =
            planInvoiceImport(m_cells.table, options, snapshot, invoices, m_language);
        if (releaseTable && write)
            m_cells.table = ImportTable();
        finish(result, plan, options, settings);
        if (!write)
            return result;
        result.created = result.updated = 0;
        if (!plan.committable())
        {
            result.blocked = transferText(TransferText::ImportBlocked, m_language,
                                          {{"errors", std::to_string(plan.errors)}});
            return result;
        }
        const std::size_t created = plan.created;
        const std::size_t updated = plan.updated;
        InvoiceImportCommit commit = invoiceCommit(plan, m_description);
        const std::size_t newClients = commit.newClients.size();
        const bool explicitMapping = settings.mapping && settings.hasHeader;
        const std::string mappingText =
            explicitMapping ? mappingToRemember(options.mapping, autoInvoiceMapping(headerTexts))
                            : std::string();
        try
        {
            storeAccess().with(m_context,
                               [&](Register& store)
                               {
                                   store.commitInvoiceImport(std::move(commit));
                                   if (explicitMapping)
                                       store.rememberMapping(mappingKeyText, mappingText);
                               });
        }
        catch (const RecordConflict<Invoice>& conflict)
        {
            result.blocked = transferText(TransferText::ImportConflict, m_language,
                                          {{"what", conflict.current.number}});
            return result;
        }
        result.created = created;
        result.updated = updated;
        result.clientsCreated = newClients;
        result.committed = true;
    }
    if (result.created + result.updated > 0)
        storeAccess().notifyChanged();
    return result;
}
} // namespace clientes::uno
