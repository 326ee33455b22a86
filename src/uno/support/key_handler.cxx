#include "support/key_handler.hxx"

#include "support/entry_guard.hxx"

#include <com/sun/star/awt/Toolkit.hpp>

namespace clientes::uno
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
KeyHandlerRegistration::KeyHandlerRegistration(
    const css::uno::Reference<css::uno::XComponentContext>& context,
    const css::uno::Reference<css::awt::XKeyHandler>& handler) noexcept
    : m_handler(handler)
{
    guardedNoThrow("listening for keys",
                   [&]
                   {
                       m_toolkit.set(css::awt::Toolkit::create(context), css::uno::UNO_QUERY);
                       if (m_toolkit.is())
                           m_toolkit->addKeyHandler(m_handler);
                   });
}

KeyHandlerRegistration::~KeyHandlerRegistration()
{
    guardedNoThrow("no longer listening for keys",
                   [&]
                   {
                       if (m_toolkit.is())
                           m_toolkit->removeKeyHandler(m_handler);
                   });
}
#pragma GCC diagnostic pop
} // namespace clientes::uno
