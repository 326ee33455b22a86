// Placeholder until the module is written: every call says so.
#include "sheet_api.hxx"

#include "uno_text.hxx"

#include <com/sun/star/uno/RuntimeException.hpp>

namespace clientes::uno::sheet_api
{

Options importClients(const Context& context, const css::uno::Reference<css::table::XCellRange>& source,
                      const Options& options)
{
    throw css::uno::RuntimeException(ascii("Clientes: importClients is not available yet"));
}

Options importInvoices(const Context& context,
                       const css::uno::Reference<css::table::XCellRange>& source,
                       const Options& options)
{
    throw css::uno::RuntimeException(ascii("Clientes: importInvoices is not available yet"));
}

sal_Int32 undoLastImport(const Context& context)
{
    throw css::uno::RuntimeException(ascii("Clientes: undoLastImport is not available yet"));
}

css::uno::Reference<css::table::XCellRange>
exportClients(const Context& context, const css::uno::Reference<css::sheet::XSpreadsheet>& target,
              const Options& options)
{
    throw css::uno::RuntimeException(ascii("Clientes: exportClients is not available yet"));
}

css::uno::Reference<css::table::XCellRange>
exportInvoices(const Context& context, const css::uno::Reference<css::sheet::XSpreadsheet>& target,
               const Options& options)
{
    throw css::uno::RuntimeException(ascii("Clientes: exportInvoices is not available yet"));
}

} // namespace clientes::uno::sheet_api
