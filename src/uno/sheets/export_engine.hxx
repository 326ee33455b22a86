// Exports to Calc: the client list and the invoice list written into a sheet as typed cells
// (text stays text, dates are dates, amounts carry their currency's format), with a frozen,
// styled header, AutoFilter on a named database range, fitted columns and — for invoices —
// totals per status that follow the AutoFilter (SUBTOTAL 109).
#pragma once

#include "core/register/register.hpp"
#include "core/text/language.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/work_progress.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <span>
#include <string>
#include <vector>

namespace clientes::uno
{
struct ClientExportSettings
{
    std::string query;              // the deck's search ("" = all)
    std::vector<std::string> codes; // these clients only (any spelling); wins over query
    bool includeArchived = false;
    WorkProgress* progress = nullptr; // told how far the export is (may be null)
};

// Writes at A1 of target; returns header + rows. `exported`, when given, gets the clients
// written, in row order (a bound sheet's rows).
css::uno::Reference<css::table::XCellRange>
exportClientList(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                 const css::uno::Reference<css::sheet::XSpreadsheet>& target,
                 const ClientExportSettings& settings, std::size_t* written = nullptr,
                 std::vector<Client>* exported = nullptr);

// The contact persons, addresses and bank accounts (`kinds`, of kImportedKinds) of the
// clients `settings` chooses, each kind on a sheet of its own appended to the document
// ("Personas de contacto", "Direcciones", "Cuentas bancarias"), one row per record with its
// client's code and name. Returns the sheets written.
std::vector<css::uno::Reference<css::sheet::XSpreadsheet>>
exportOwnedRecords(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                   const ClientExportSettings& settings, std::span<const RecordType> kinds);

// The cells of clients' rows as the client list writes them (setDataArray data).
css::uno::Sequence<css::uno::Sequence<css::uno::Any>>
clientListRows(std::span<const Client> clients);

// Writes at A1 of target; returns everything written (header, rows and the totals block).
css::uno::Reference<css::table::XCellRange>
exportInvoiceList(const css::uno::Reference<css::uno::XComponentContext>& context,
                  const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                  const css::uno::Reference<css::sheet::XSpreadsheet>& target,
                  const InvoiceFilter& filter, std::size_t* written = nullptr,
                  WorkProgress* progress = nullptr);
// The amounts' currency formats of an invoice list's groups and its totals block (bold, one
// empty row under the rows), for a list whose first invoice is on 0-based sheet row
// `firstRow` (shapeInvoiceList with firstDataRow = firstRow + 1). Returns the totals' lines.
std::size_t formatInvoiceList(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                              const css::uno::Reference<css::sheet::XSpreadsheet>& target,
                              const InvoiceListSheet& list, sal_Int32 firstRow);
} // namespace clientes::uno
