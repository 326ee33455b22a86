// The import / export methods of org.clientes.XClientDirectory: options read and checked
// here, the work done by import_engine / export_engine.
#include "api/sheet_api.hxx"

#include "api/option_reader.hxx"
#include "core/messages/profile_text.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/register/register.hpp"
#include "core/rules/dates.hpp"
#include "core/transfer/csv_export.hpp"
#include "core/transfer/import_outcome.hpp"
#include "sheets/bound_sheet.hxx"
#include "sheets/export_engine.hxx"
#include "sheets/import_engine.hxx"
#include "sheets/list_sheet.hxx"
#include "sheets/sheet_io.hxx"
#include "sheets/sheet_marks.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/status_progress.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/i18n/LocaleData2.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <cppu/unotype.hxx>
#include <osl/file.hxx>

#include <map>
#include <set>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;

namespace clientes::uno::sheet_api
{
namespace
{
// Progress in the StatusIndicator option's indicator, else in the status bar of the window
// showing `document`.
Reference<css::task::XStatusIndicator>
indicatorFor(const OptionReader& reader,
             const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    const Reference<css::task::XStatusIndicator> given =
        reader.object<css::task::XStatusIndicator>("StatusIndicator");
    return given.is() ? given
                      : StatusProgress::indicatorOf(
                            Reference<css::frame::XModel>(document, css::uno::UNO_QUERY));
}

Language languageOf(const Context& context)
{
    return uiLanguage(context);
}

css::beans::NamedValue value(const char* name, Any any)
{
    return css::beans::NamedValue(ascii(name), std::move(any));
}

Options runImport(const Context& context, const Reference<css::table::XCellRange>& source,
                  const Options& options, ImportKind kind)
{
    const Language language = languageOf(context);
    std::set<std::string> known = {"HasHeader",    "Mapping",        "DryRun",      "Mode",
                                   "UpdatePolicy", "MarkCells",      "SkipInvalid", "RemoveMarks",
                                   "ReportSheet",  "StatusIndicator"};
    if (kind == ImportKind::Invoices)
        known.insert("CreateMissingClients");
    const OptionReader reader(options, known, language);
    if (!source.is())
        reader.fail("source", clientes::text(TextKey::TransferNoSource, language));

    ImportSettings settings;
    settings.kind = kind;
    settings.hasHeader = reader.flag("HasHeader", true);
    settings.mapping = reader.texts("Mapping");
    settings.rangeColumns = true;
    const bool dryRun = reader.flag("DryRun", false);
    if (const auto mode = reader.text("Mode"))
    {
        const auto parsed = importModeFromName(*mode);
        if (!parsed)
            reader.fail("Mode", clientes::text(TextKey::TransferBadMode, language,
                                               {{"value", shownValue(*mode, 80)}}));
        settings.mode = *parsed;
    }
    if (const auto policy = reader.text("UpdatePolicy"))
    {
        const auto parsed = updatePolicyFromName(*policy);
        if (!parsed)
            reader.fail("UpdatePolicy", clientes::text(TextKey::TransferBadPolicy, language,
                                                       {{"value", shownValue(*policy, 80)}}));
        settings.policy = *parsed;
    }
    settings.markCells = reader.flag("MarkCells", false);
    settings.skipInvalid = reader.flag("SkipInvalid", false);
    settings.createMissingClients = reader.flag("CreateMissingClients", false);
    settings.reportSheet = reader.text("ReportSheet").value_or("");
    // Checked before anything is written: the report sheet is made after the commit.
    if (!settings.reportSheet.empty() && !isValidSheetName(settings.reportSheet))
        reader.fail("ReportSheet",
                    clientes::text(TextKey::TransferBadSheetName, language,
                                   {{"value", shownValue(settings.reportSheet, 80)}}));
    const bool removeMarks = reader.flag("RemoveMarks", false);

    sheet_io::Located where;
    try
    {
        where = sheet_io::locate(context, source);
    }
    catch (const css::lang::IllegalArgumentException& error)
    {
        reader.fail("source", toUtf8(error.Message));
    }
    std::size_t unmarked = 0;
    if (removeMarks && where.document.is())
        unmarked = sheet_marks::removeAll(where.document);

    const Reference<css::task::XStatusIndicator> indicator = indicatorFor(reader, where.document);
    ImportResult result;
    bool cancelled = false;
    {
        StatusProgress progress(context, indicator, officeLocale(context));
        settings.progress = &progress;
        try
        {
            progress.report(WorkStage::Reading, 0, 1);
            SheetImport import(context, where, describeRange(where, false, language));
            stopIfCancelled(&progress);
            result = dryRun ? import.check(settings) : import.commitOnce(settings);
        }
        catch (const WorkCancelled&)
        {
            cancelled = true;
            result = ImportResult();
            result.blocked = clientes::text(TextKey::ImportCancelled, language);
        }
    }
    releaseFreedMemory();

    std::vector<css::beans::NamedValue> values;
    const auto count = [&](const char* name, std::size_t number)
    { values.push_back(value(name, Any(static_cast<sal_Int32>(number)))); };
    count("Created", result.created);
    count("Updated", result.updated);
    count("Unchanged", result.unchanged);
    count("Skipped", result.skipped);
    count("Errors", result.errors);
    count("Warnings", result.warnings);
    count("Invalid", result.invalid);
    if (kind == ImportKind::Invoices)
        count("ClientsCreated", result.clientsCreated);
    Sequence<OUString> problems(static_cast<sal_Int32>(result.problems.size()));
    for (std::size_t i = 0; i < result.problems.size(); ++i)
        problems.getArray()[i] = fromUtf8(result.problems[i].apiText);
    values.push_back(value("Problems", Any(problems)));
    values.push_back(value("Committed", Any(result.committed)));
    values.push_back(value("Cancelled", Any(cancelled)));
    if (!result.blocked.empty())
        values.push_back(value("Message", Any(fromUtf8(result.blocked))));
    count("Marked", result.marked);
    count("Unmarked", unmarked);
    values.push_back(value("ReportSheet", Any(fromUtf8(result.reportSheet))));
    Sequence<OUString> mapping(static_cast<sal_Int32>(result.mapping.size()));
    for (std::size_t i = 0; i < result.mapping.size(); ++i)
        mapping.getArray()[i] = fromUtf8(result.mapping[i].value_or(""));
    values.push_back(value("Mapping", Any(mapping)));
    if (kind == ImportKind::Clients)
    {
        // The columns holding values that are not imported: their headers (or letters) and
        // how many values each holds.
        Sequence<OUString> leftOut(static_cast<sal_Int32>(result.leftOut.size()));
        Sequence<sal_Int32> leftOutValues(static_cast<sal_Int32>(result.leftOut.size()));
        for (std::size_t i = 0; i < result.leftOut.size(); ++i)
        {
            leftOut.getArray()[i] = fromUtf8(result.leftOut[i].header);
            leftOutValues.getArray()[i] = static_cast<sal_Int32>(result.leftOut[i].values);
        }
        values.push_back(value("LeftOutColumns", Any(leftOut)));
        values.push_back(value("LeftOutValues", Any(leftOutValues)));
        // The system the headers come from ("Odoo", "Holded"…), whose mapping and rules
        // were used; "" for any other sheet.
        values.push_back(value("System", Any(fromUtf8(std::string(systemName(result.system))))));
        // Rows of a company: its people (contacts) and its addresses; the bank accounts of
        // the clients created.
        count("Contacts", result.contacts);
        count("Addresses", result.addresses);
        count("BankAccounts", result.bankAccounts);
    }
    return Options(values.data(), static_cast<sal_Int32>(values.size()));
}

Reference<css::sheet::XSpreadsheetDocument>
targetDocument(const Context& context, const Reference<css::sheet::XSpreadsheet>& target,
               const OptionReader& reader, Language language)
{
    if (!target.is())
        reader.fail("target", clientes::text(TextKey::TransferNoTarget, language));
    const Reference<css::sheet::XSpreadsheetDocument> document =
        sheet_io::documentOfSheet(context, target);
    if (!document.is())
        reader.fail("target", clientes::text(TextKey::TransferNoTarget, language));
    return document;
}

std::string isoDateOption(const OptionReader& reader, const char* name, Language language)
{
    const std::string date = reader.text(name).value_or("");
    if (!date.empty() && !isIsoDate(date))
        reader.fail(name, clientes::text(TextKey::TransferBadDate, language,
                                         {{"value", shownValue(date, 80)}}));
    return date;
}

InvoiceFilter invoiceFilter(const OptionReader& reader, Language language)
{
    InvoiceFilter filter;
    filter.from = isoDateOption(reader, "From", language);
    filter.to = isoDateOption(reader, "To", language);
    if (const auto status = reader.text("Status"); status && !status->empty())
    {
        filter.status = invoiceStatusFromName(*status);
        if (!filter.status)
            reader.fail("Status", clientes::text(TextKey::TransferBadStatus, language,
                                                 {{"value", shownValue(*status, 80)}}));
    }
    return filter;
}

// A value echoed in a message, cut to a readable length.
std::string shortened(const std::string& text)
{
    constexpr std::size_t kMax = 60;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++characters > kMax)
            return text.substr(0, i) + "…";
    return text;
}

// The decimal separator of the office's locale (Tools ▸ Options ▸ Language Settings ▸
// Languages ▸ Locale setting; the system's when it says "Default"), as Calc uses it when it
// opens a CSV file.
char officeDecimalSeparator(const Context& context)
{
    const OUString decimal = css::i18n::LocaleData2::create(context)
                                 ->getLocaleItem(unoLocale(officeLocaleTag(context)))
                                 .decimalSeparator;
    return decimal == "," ? ',' : '.';
}

CsvOptions csvOptions(const Context& context, const OptionReader& reader, Language language)
{
    CsvOptions options;
    options.decimalSeparator = officeDecimalSeparator(context);
    options.separator = csvSeparatorFor(options.decimalSeparator);
    if (const auto name = reader.text("Encoding"))
    {
        const auto encoding = csvEncodingFromName(*name);
        if (!encoding)
            reader.fail("Encoding", clientes::text(TextKey::CsvBadEncoding, language,
                                                   {{"value", shortened(*name)}}));
        options.encoding = *encoding;
    }
    if (const auto separator = reader.text("Separator"))
    {
        if (separator->size() != 1 || !isCsvSeparator(separator->front()))
            reader.fail("Separator", clientes::text(TextKey::CsvBadSeparator, language,
                                                    {{"value", shortened(*separator)}}));
        options.separator = separator->front();
    }
    options.neutralize = reader.flag("Neutralize", true);
    return options;
}

std::filesystem::path csvTarget(const OUString& url, Language language)
{
    OUString path;
    if (!url.startsWithIgnoreAsciiCase("file:") ||
        osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None ||
        path.isEmpty() || path.endsWith("/"))
        throw css::lang::IllegalArgumentException(
            fromUtf8(clientes::text(TextKey::CsvBadTarget, language,
                                    {{"value", shortened(toUtf8(url))}})),
            nullptr, 0);
    return std::filesystem::path(toUtf8(path));
}

// A CSV file refused (a character the encoding lacks) or not written is the caller's
// argument's problem: IllegalArgumentException with the sentence core wrote.
template <typename Write> sal_Int32 writeCsv(const Context& context, Write write)
{
    try
    {
        const std::size_t rows = storeAccess().with(context, write);
        releaseFreedMemory();
        return static_cast<sal_Int32>(rows);
    }
    catch (const CsvError& error)
    {
        throw css::lang::IllegalArgumentException(fromUtf8(error.what()), nullptr, 0);
    }
}
} // namespace

Options importClients(const Context& context, const Reference<css::table::XCellRange>& source,
                      const Options& options)
{
    return runImport(context, source, options, ImportKind::Clients);
}

Options importInvoices(const Context& context, const Reference<css::table::XCellRange>& source,
                       const Options& options)
{
    return runImport(context, source, options, ImportKind::Invoices);
}

sal_Int32 undoLastImport(const Context& context)
{
    const Language language = languageOf(context);
    try
    {
        const ImportUndoResult undone =
            storeAccess().with(context, [](Register& store) { return store.undoLastImport(); });
        storeAccess().notifyChanged();
        releaseFreedMemory();
        return static_cast<sal_Int32>(undone.reverted);
    }
    catch (const NothingToUndo&)
    {
        throw css::lang::IllegalArgumentException(
            fromUtf8(clientes::text(TextKey::TransferNothingToUndo, language)), nullptr, 0);
    }
    catch (const ImportUndoRefused& refused)
    {
        throw css::lang::IllegalArgumentException(fromUtf8(describeRefusal(refused, language)),
                                                  nullptr, 0);
    }
}

Reference<css::table::XCellRange> exportClients(const Context& context,
                                                const Reference<css::sheet::XSpreadsheet>& target,
                                                const Options& options)
{
    const Language language = languageOf(context);
    const OptionReader reader(options,
                              {"Query", "Codes", "IncludeArchived", "StatusIndicator", "Contacts",
                               "Addresses", "BankAccounts"},
                              language);
    const Reference<css::sheet::XSpreadsheetDocument> document =
        targetDocument(context, target, reader, language);
    ClientExportSettings settings;
    settings.query = reader.text("Query").value_or("");
    settings.codes = reader.texts("Codes").value_or(std::vector<std::string>());
    settings.includeArchived = reader.flag("IncludeArchived", false);
    StatusProgress progress(context, indicatorFor(reader, document), officeLocale(context), false);
    settings.progress = &progress;
    const Reference<css::table::XCellRange> list =
        exportClientList(context, document, target, settings);
    // Their people, addresses and bank accounts, each on a sheet of its own after the others.
    std::vector<RecordType> kinds;
    if (reader.flag("Contacts", false))
        kinds.push_back(RecordType::Contact);
    if (reader.flag("Addresses", false))
        kinds.push_back(RecordType::Address);
    if (reader.flag("BankAccounts", false))
        kinds.push_back(RecordType::BankAccount);
    exportOwnedRecords(context, document, settings, kinds);
    return list;
}

Reference<css::table::XCellRange> exportInvoices(const Context& context,
                                                 const Reference<css::sheet::XSpreadsheet>& target,
                                                 const Options& options)
{
    const Language language = languageOf(context);
    const OptionReader reader(options, {"From", "To", "Status", "StatusIndicator"}, language);
    const Reference<css::sheet::XSpreadsheetDocument> document =
        targetDocument(context, target, reader, language);
    const InvoiceFilter filter = invoiceFilter(reader, language);
    StatusProgress progress(context, indicatorFor(reader, document), officeLocale(context), false);
    return exportInvoiceList(context, document, target, filter, nullptr, &progress);
}

Reference<css::table::XCellRange>
editClientsInSheet(const Context& context, const Reference<css::sheet::XSpreadsheet>& target,
                   const Options& options)
{
    const Language language = languageOf(context);
    const OptionReader reader(options, {"Query", "Codes", "IncludeArchived"}, language);
    const Reference<css::sheet::XSpreadsheetDocument> document =
        targetDocument(context, target, reader, language);
    ClientExportSettings settings;
    settings.query = reader.text("Query").value_or("");
    settings.codes = reader.texts("Codes").value_or(std::vector<std::string>());
    settings.includeArchived = reader.flag("IncludeArchived", false);
    const Reference<css::table::XCellRange> written =
        bound_sheet::edit(context, document, target, settings);
    releaseFreedMemory();
    return written;
}

namespace
{
[[noreturn]] void notBound(const Reference<css::sheet::XSpreadsheet>& sheet, Language language)
{
    throw css::lang::IllegalArgumentException(
        fromUtf8(clientes::text(
            TextKey::BoundNotBound, language,
            {{"sheet", toUtf8(Reference<css::container::XNamed>(sheet, css::uno::UNO_QUERY_THROW)
                                  ->getName())}})),
        nullptr, 0);
}
} // namespace

Options publishSheet(const Context& context, const Reference<css::sheet::XSpreadsheet>& sheet,
                     const Options& options)
{
    const Language language = languageOf(context);
    const OptionReader reader(options, {"DryRun", "MarkCells", "Conflicts"}, language);
    const Reference<css::sheet::XSpreadsheetDocument> document =
        targetDocument(context, sheet, reader, language);
    PublishRequest request;
    request.dryRun = reader.flag("DryRun", false);
    const std::string choice = reader.text("Conflicts").value_or("ask");
    if (choice == "ask")
        request.choice = ConflictChoice::Ask;
    else if (choice == "mine")
        request.choice = ConflictChoice::Mine;
    else if (choice == "theirs")
        request.choice = ConflictChoice::Theirs;
    else
        reader.fail("Conflicts", clientes::text(TextKey::BoundBadConflicts, language));
    const std::optional<bound_sheet::PublishRun> run =
        bound_sheet::publish(context, document, sheet, request, reader.flag("MarkCells", true));
    if (!run)
        notBound(sheet, language);
    const PublishOutcome& outcome = run->outcome;
    std::vector<css::beans::NamedValue> values;
    const auto count = [&](const char* name, std::size_t number)
    { values.push_back(value(name, Any(static_cast<sal_Int32>(number)))); };
    count("Updated", outcome.updated);
    count("Created", outcome.created);
    count("Archived", outcome.archived);
    count("Unchanged", outcome.unchanged);
    count("Conflicts", outcome.conflicts.size());
    count("Errors", outcome.errors);
    count("Marked", run->marked);
    values.push_back(value("Written", Any(outcome.written)));
    std::vector<OUString> problems;
    for (const ImportProblem& problem : outcome.problems)
        problems.push_back(fromUtf8(problem.text(language)));
    const Locale locale = officeLocale(context);
    for (const RowConflict& conflict : outcome.conflicts)
        for (const CellConflict& cell : conflict.cells)
        {
            ImportProblem shown;
            shown.tableRow = 0;
            shown.sheetRow = cell.sheetRow;
            shown.field = cell.field;
            shown.reason = conflict.text(cell, language, formatTimestamp(conflict.at, locale));
            problems.push_back(fromUtf8(shown.text(language)));
        }
    values.push_back(
        value("Problems",
              Any(Sequence<OUString>(problems.data(), static_cast<sal_Int32>(problems.size())))));
    return Options(values.data(), static_cast<sal_Int32>(values.size()));
}

Options refreshSheet(const Context& context, const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const Language language = languageOf(context);
    const OptionReader reader({}, {}, language);
    const Reference<css::sheet::XSpreadsheetDocument> document =
        targetDocument(context, sheet, reader, language);
    const std::optional<RefreshOutcome> outcome = bound_sheet::refresh(context, document, sheet);
    std::vector<css::beans::NamedValue> values;
    if (!outcome)
    {
        // An exported list refreshed in place.
        const std::optional<list_sheet::Refreshed> list =
            list_sheet::refresh(context, document, sheet);
        if (!list)
            notBound(sheet, language);
        for (const auto& [name, number] :
             {std::pair{"Updated", list->updated}, std::pair{"Added", list->added},
              std::pair{"Removed", list->removed}, std::pair{"Moved", list->moved},
              std::pair{"KeptEdits", std::size_t{0}}, std::pair{"Conflicts", std::size_t{0}}})
            values.push_back(value(name, Any(static_cast<sal_Int32>(number))));
        releaseFreedMemory();
        return Options(values.data(), static_cast<sal_Int32>(values.size()));
    }
    const auto count = [&](const char* name, std::size_t number)
    { values.push_back(value(name, Any(static_cast<sal_Int32>(number)))); };
    count("Updated", outcome->updated);
    count("Added", outcome->added);
    count("Removed", outcome->removed);
    count("KeptEdits", outcome->keptEdits);
    count("Conflicts", outcome->conflicts.size());
    return Options(values.data(), static_cast<sal_Int32>(values.size()));
}

sal_Int32 exportClientsToCsv(const Context& context, const OUString& fileUrl,
                             const Options& options)
{
    const Language language = languageOf(context);
    const OptionReader reader(
        options, {"Query", "Codes", "IncludeArchived", "Encoding", "Separator", "Neutralize"},
        language);
    ClientCsvSelection selection;
    selection.query = reader.text("Query").value_or("");
    selection.codes = reader.texts("Codes").value_or(std::vector<std::string>());
    selection.includeArchived = reader.flag("IncludeArchived", false);
    const CsvOptions csv = csvOptions(context, reader, language);
    const std::filesystem::path target = csvTarget(fileUrl, language);
    return writeCsv(context, [&](Register& store)
                    { return exportClientsCsv(store, selection, target, csv, language); });
}

sal_Int32 exportInvoicesToCsv(const Context& context, const OUString& fileUrl,
                              const Options& options)
{
    const Language language = languageOf(context);
    const OptionReader reader(
        options, {"From", "To", "Status", "Encoding", "Separator", "Neutralize"}, language);
    const InvoiceFilter filter = invoiceFilter(reader, language);
    const CsvOptions csv = csvOptions(context, reader, language);
    const std::filesystem::path target = csvTarget(fileUrl, language);
    return writeCsv(context, [&](Register& store)
                    { return exportInvoicesCsv(store, filter, target, csv, language); });
}
} // namespace clientes::uno::sheet_api
