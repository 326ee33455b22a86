#include "sheets/export_engine.hxx"

#include "core/messages/transfer_text.hpp"
#include "core/model/record_kinds.hpp"
#include "core/transfer/client_stream.hpp"
#include "core/transfer/export_shape.hpp"
#include "sheets/import_engine.hxx"
#include "sheets/list_sheet.hxx"
#include "sheets/sheet_io.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/table/CellHoriJustify.hpp>

#include <algorithm>
#include <span>
#include <unordered_map>
#include <vector>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno
{
namespace
{
WithRegister withRegister(const Reference<css::uno::XComponentContext>& context)
{
    return [context](const std::function<void(Register&)>& work)
    { storeAccess().with(context, [&](Register& store) { work(store); }); };
}

Sequence<Sequence<Any>> clientRows(std::span<const Client> clients, sal_Int32 width)
{
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(clients.size()));
    Sequence<Any>* out = data.getArray();
    for (const Client& client : clients)
    {
        Sequence<Any> row(width);
        Any* cell = row.getArray();
        visitClientRow(client,
                       [&cell](CellKind kind, std::string_view text, double number)
                       {
                           if (kind == CellKind::Text)
                               *cell++ <<= fromUtf8(text); // a string: never parsed
                           else
                               *cell++ <<= number;
                       });
        *out++ = std::move(row);
    }
    return data;
}
} // namespace

Sequence<Sequence<Any>> clientListRows(std::span<const Client> clients)
{
    return clientRows(clients, static_cast<sal_Int32>(exportedClientFields().size()) + 2);
}

Reference<css::table::XCellRange>
exportClientList(const Reference<css::uno::XComponentContext>& context,
                 const Reference<css::sheet::XSpreadsheetDocument>& document,
                 const Reference<css::sheet::XSpreadsheet>& target,
                 const ClientExportSettings& settings, std::size_t* written,
                 std::vector<Client>* exported)
{
    const Language language = uiLanguage(context);
    const ExportSheet empty = shapeClientList({}, language);
    sheet_io::ListLayout layout;
    layout.headers = empty.headers;
    layout.columnKinds = empty.columnKinds;
    const auto width = static_cast<sal_Int32>(layout.headers.size());
    sheet_io::ListStyle style;
    style.databaseRangeName = fromUtf8(clientes::text(TextKey::TransferSheetClients, language));
    style.dateTimeColumns = true;
    style.progress = settings.progress;
    if (settings.progress)
        settings.progress->report(WorkStage::Loading, 0, 1);
    Reference<css::table::XCellRange> range;
    if (settings.query.empty() && settings.codes.empty() && exported == nullptr)
    {
        // The whole register: Calc writes the first rows while the rest are read.
        ClientStream clients(withRegister(context), settings.includeArchived);
        layout.rows = clients.size();
        layout.widestRows = [&clients] { return widestClientRows(clients.all()); };
        range = sheet_io::writeList(
            document, target, layout,
            [&](std::size_t first, std::size_t count)
            { return clientRows(clients.rows(first, count), width); },
            style);
    }
    else
    {
        const std::vector<Client> clients =
            storeAccess().with(context,
                               [&](Register& store) {
                                   return store.clientsForExport(settings.query, settings.codes,
                                                                 settings.includeArchived);
                               });
        layout.rows = clients.size();
        layout.widestRows = [&clients] { return widestClientRows(clients); };
        range = sheet_io::writeList(
            document, target, layout,
            [&](std::size_t first, std::size_t count)
            { return clientRows(std::span<const Client>(clients).subspan(first, count), width); },
            style);
        if (exported != nullptr)
            *exported = clients;
    }
    if (written != nullptr)
        *written = layout.rows;
    if (exported == nullptr)
    {
        ListSettings list;
        list.kind = ImportKind::Clients;
        list.query = settings.query;
        list.codes = settings.codes;
        list.includeArchived = settings.includeArchived;
        list_sheet::remember(document, range, list);
    }
    releaseFreedMemory();
    return range;
}

namespace
{
// The records of kind Record of each client, in the client list's order: one read of the
// register for all (a team server answers once, not once per client).
template <typename Record>
std::vector<OwnedRecords<Record>> ownedBy(Register& store, const std::vector<Client>& clients)
{
    std::vector<std::int64_t> ids;
    ids.reserve(clients.size());
    for (const Client& client : clients)
        ids.push_back(client.id);
    std::unordered_map<std::int64_t, std::vector<Record>> byClient;
    for (Record& record : store.listOf<Record>(ids))
        byClient[record.clientId].push_back(std::move(record));
    std::vector<OwnedRecords<Record>> owned;
    for (const Client& client : clients)
        if (const auto found = byClient.find(client.id); found != byClient.end())
            owned.push_back({client.code, client.legalName, std::move(found->second)});
    return owned;
}

// The sheet of a kind of kImportedKinds: "Personas de contacto", "Direcciones", "Cuentas
// bancarias".
std::string ownedSheetName(RecordType kind, Language language)
{
    switch (kind)
    {
    case RecordType::Contact:
        return clientes::text(TextKey::TransferSheetContacts, language);
    case RecordType::Address:
        return clientes::text(TextKey::TransferSheetAddresses, language);
    default:
        return clientes::text(TextKey::TransferSheetBankAccounts, language);
    }
}

// A shaped list on a new sheet named `name` (its database range: the name without spaces).
Reference<css::sheet::XSpreadsheet>
writeOwned(const Reference<css::sheet::XSpreadsheetDocument>& document, const std::string& name,
           const ExportSheet& list, WorkProgress* progress)
{
    const Reference<css::sheet::XSpreadsheet> sheet = sheet_io::appendSheet(document, name);
    sheet_io::ListStyle style;
    std::string rangeName = name;
    std::replace(rangeName.begin(), rangeName.end(), ' ', '_');
    style.databaseRangeName = fromUtf8(rangeName);
    style.progress = progress;
    sheet_io::writeList(document, sheet, list, style);
    return sheet;
}
} // namespace

std::vector<Reference<css::sheet::XSpreadsheet>>
exportOwnedRecords(const Reference<css::uno::XComponentContext>& context,
                   const Reference<css::sheet::XSpreadsheetDocument>& document,
                   const ClientExportSettings& settings, std::span<const RecordType> kinds)
{
    std::vector<Reference<css::sheet::XSpreadsheet>> sheets;
    if (kinds.empty())
        return sheets;
    const Language language = uiLanguage(context);
    // Each kind's sheet shaped in one read of the register, written after it.
    std::vector<std::pair<std::string, ExportSheet>> shaped;
    storeAccess().with(
        context,
        [&](Register& store)
        {
            const std::vector<Client> clients =
                store.clientsForExport(settings.query, settings.codes, settings.includeArchived);
            for (const RecordType kind : kinds)
                withImportedKind(
                    kind,
                    [&]<typename Record>(const KindOf<Record>&)
                    {
                        const std::vector<OwnedRecords<Record>> owned =
                            ownedBy<Record>(store, clients);
                        shaped.emplace_back(
                            ownedSheetName(kind, language),
                            shapeOwnedRecords(std::span<const OwnedRecords<Record>>(owned),
                                              language));
                    });
        });
    for (const auto& [name, list] : shaped)
        sheets.push_back(writeOwned(document, name, list, settings.progress));
    return sheets;
}

Reference<css::table::XCellRange>
exportInvoiceList(const Reference<css::uno::XComponentContext>& context,
                  const Reference<css::sheet::XSpreadsheetDocument>& document,
                  const Reference<css::sheet::XSpreadsheet>& target, const InvoiceFilter& filter,
                  std::size_t* written, WorkProgress* progress)
{
    const Language language = uiLanguage(context);
    if (progress)
        progress->report(WorkStage::Loading, 0, 1);
    const std::vector<InvoiceListRow> rows =
        storeAccess().with(context, [&](Register& store) { return store.invoiceList(filter); });
    const InvoiceListSheet list = shapeInvoiceList(rows, language, 2);
    if (written != nullptr)
        *written = list.sheet.rows.size();
    sheet_io::ListStyle style;
    style.databaseRangeName = fromUtf8(clientes::text(TextKey::TransferSheetInvoices, language));
    style.progress = progress;
    const Reference<css::table::XCellRange> data =
        sheet_io::writeList(document, target, list.sheet, style);

    const std::size_t totals = formatInvoiceList(document, target, list, 1);
    ListSettings settings;
    settings.kind = ImportKind::Invoices;
    settings.filter = filter;
    settings.totals = totals;
    list_sheet::remember(document, data, settings);
    if (totals == 0)
        return data;
    return target->getCellRangeByPosition(
        0, 0, static_cast<sal_Int32>(list.sheet.headers.size()) - 1,
        static_cast<sal_Int32>(list.sheet.rows.size() + 1 + totals));
}

std::size_t formatInvoiceList(const Reference<css::sheet::XSpreadsheetDocument>& document,
                              const Reference<css::sheet::XSpreadsheet>& target,
                              const InvoiceListSheet& list, sal_Int32 firstRow)
{
    const sheet_io::Formats formats = sheet_io::formats(document);
    const auto amountColumns = [&](sal_Int32 from, sal_Int32 to)
    {
        const auto first = static_cast<sal_Int32>(list.firstAmountColumn);
        return Reference<css::beans::XPropertySet>(
            target->getCellRangeByPosition(first, from, first + 2, to), UNO_QUERY_THROW);
    };
    // Each run of one currency gets its currency's format (rows are grouped by currency).
    for (const InvoiceGroup& group : list.groups)
        amountColumns(static_cast<sal_Int32>(group.firstRow) + firstRow,
                      static_cast<sal_Int32>(group.lastRow) + firstRow)
            ->setPropertyValue(ascii("NumberFormat"),
                               Any(formats.currency(group.currency, group.digits)));
    if (list.totals.empty())
        return 0;

    // The totals, one empty row under the list: outside the database range, so that the
    // AutoFilter never hides them.
    const auto firstTotal = firstRow + static_cast<sal_Int32>(list.sheet.rows.size()) + 1;
    const auto lastTotal = firstTotal + static_cast<sal_Int32>(list.totals.size()) - 1;
    const auto labelColumn = static_cast<sal_Int32>(list.firstAmountColumn) - 1;
    {
        Sequence<Sequence<Any>> labels(static_cast<sal_Int32>(list.totals.size()));
        Sequence<Sequence<OUString>> formulas(static_cast<sal_Int32>(list.totals.size()));
        for (std::size_t i = 0; i < list.totals.size(); ++i)
        {
            Sequence<Any> label(1);
            label.getArray()[0] <<= fromUtf8(list.totals[i].label);
            labels.getArray()[i] = label;
            Sequence<OUString> row(3);
            for (sal_Int32 c = 0; c < 3; ++c)
                row.getArray()[c] = fromUtf8(list.totals[i].formulas[static_cast<std::size_t>(c)]);
            formulas.getArray()[i] = row;
        }
        Reference<css::sheet::XCellRangeData>(
            target->getCellRangeByPosition(labelColumn, firstTotal, labelColumn, lastTotal),
            UNO_QUERY_THROW)
            ->setDataArray(labels);
        Reference<css::sheet::XCellRangeFormula>(
            target->getCellRangeByPosition(labelColumn + 1, firstTotal, labelColumn + 3, lastTotal),
            UNO_QUERY_THROW)
            ->setFormulaArray(formulas);
    }
    for (std::size_t i = 0; i < list.totals.size(); ++i)
    {
        const auto row = firstTotal + static_cast<sal_Int32>(i);
        amountColumns(row, row)->setPropertyValue(
            ascii("NumberFormat"),
            Any(formats.currency(list.totals[i].currency, list.totals[i].digits)));
    }
    Reference<css::beans::XPropertySet>(
        target->getCellRangeByPosition(labelColumn, firstTotal, labelColumn + 3, lastTotal),
        UNO_QUERY_THROW)
        ->setPropertyValue(ascii("CharWeight"), Any(css::awt::FontWeight::BOLD));
    // Right-aligned, a label runs to the left over the empty cells before it.
    Reference<css::beans::XPropertySet>(
        target->getCellRangeByPosition(labelColumn, firstTotal, labelColumn, lastTotal),
        UNO_QUERY_THROW)
        ->setPropertyValue(ascii("HoriJustify"), Any(css::table::CellHoriJustify_RIGHT));
    return list.totals.size();
}
} // namespace clientes::uno
