// Placeholder until the module is written: every call says so.
#include "transfer_dialogs.hxx"

#include "uno_text.hxx"

#include <com/sun/star/uno/RuntimeException.hpp>

namespace clientes::uno::transfer_dialogs
{
bool importClients(const Context& context, const Frame& frame)
{
    throw css::uno::RuntimeException(ascii("Clientes: importClients is not available yet"));
}

bool importInvoices(const Context& context, const Frame& frame)
{
    throw css::uno::RuntimeException(ascii("Clientes: importInvoices is not available yet"));
}

void exportClients(const Context& context, const Frame& frame, const std::string& query,
                   const std::vector<std::string>& selectedCodes)
{
    throw css::uno::RuntimeException(ascii("Clientes: exportClients is not available yet"));
}

void exportInvoices(const Context& context, const Frame& frame)
{
    throw css::uno::RuntimeException(ascii("Clientes: exportInvoices is not available yet"));
}

bool undoLastImport(const Context& context, const Frame& frame)
{
    throw css::uno::RuntimeException(ascii("Clientes: undoLastImport is not available yet"));
}

} // namespace clientes::uno::transfer_dialogs
