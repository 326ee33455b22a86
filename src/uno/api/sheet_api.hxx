// The import / export part of org.clientes.XClientDirectory: clients and invoices in and out
// of Calc ranges. Called by client_directory.cxx inside its exception wall; each function
// throws the UNO exceptions its IDL method declares.
#pragma once

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace clientes::uno::sheet_api
{
using Context = css::uno::Reference<css::uno::XComponentContext>;
using Options = css::uno::Sequence<css::beans::NamedValue>;

Options importClients(const Context& context,
                      const css::uno::Reference<css::table::XCellRange>& source,
                      const Options& options);
Options importInvoices(const Context& context,
                       const css::uno::Reference<css::table::XCellRange>& source,
                       const Options& options);
sal_Int32 undoLastImport(const Context& context);
css::uno::Reference<css::table::XCellRange>
exportClients(const Context& context, const css::uno::Reference<css::sheet::XSpreadsheet>& target,
              const Options& options);
css::uno::Reference<css::table::XCellRange>
exportInvoices(const Context& context, const css::uno::Reference<css::sheet::XSpreadsheet>& target,
               const Options& options);
// Sheets bound to the register (sheets/bound_sheet.hxx): "Editar en Calc", publish, refresh.
css::uno::Reference<css::table::XCellRange>
editClientsInSheet(const Context& context,
                   const css::uno::Reference<css::sheet::XSpreadsheet>& target,
                   const Options& options);
Options publishSheet(const Context& context,
                     const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                     const Options& options);
Options refreshSheet(const Context& context,
                     const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);
// A CSV file written directly (core/csv_export.hpp): options as exportClients / exportInvoices
// plus Encoding, Separator and Neutralize. Returns the rows written; IllegalArgumentException
// for a bad option or URL, a character the encoding cannot write, or a file that cannot be
// written (nothing is changed then).
sal_Int32 exportClientsToCsv(const Context& context, const ::rtl::OUString& fileUrl,
                             const Options& options);
sal_Int32 exportInvoicesToCsv(const Context& context, const ::rtl::OUString& fileUrl,
                              const Options& options);
} // namespace clientes::uno::sheet_api
