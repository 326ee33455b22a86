// A toolkit key handler registered while it lives: XExtendedToolkit's key handlers see a key
// before the window it goes to (Esc stopping work, F1 opening our help). They are marked
// deprecated for the office's own code, which has VCL; for an extension they are the one way.
#pragma once

#include <com/sun/star/awt/XExtendedToolkit.hpp>
#include <com/sun/star/awt/XKeyHandler.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace clientes::uno
{
class KeyHandlerRegistration
{
public:
    // Never throws: a handler that cannot be registered is logged, and keys go their way.
    KeyHandlerRegistration(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const css::uno::Reference<css::awt::XKeyHandler>& handler) noexcept;
    ~KeyHandlerRegistration();
    KeyHandlerRegistration(const KeyHandlerRegistration&) = delete;
    KeyHandlerRegistration& operator=(const KeyHandlerRegistration&) = delete;

private:
    css::uno::Reference<css::awt::XExtendedToolkit> m_toolkit;
    css::uno::Reference<css::awt::XKeyHandler> m_handler;
};
} // namespace clientes::uno
