// Placeholder until the module is written: every call says so.
#include "profile_dialog.hxx"

#include "uno_text.hxx"

#include <com/sun/star/uno/RuntimeException.hpp>

namespace clientes::uno::profile_dialog
{
bool run(const css::uno::Reference<css::uno::XComponentContext>& context,
         const css::uno::Reference<css::frame::XFrame>& frame, std::int64_t clientId)
{
    throw css::uno::RuntimeException(ascii("Clientes: run is not available yet"));
}

} // namespace clientes::uno::profile_dialog
