#include "awt_listeners.hxx"

#include <com/sun/star/awt/Key.hpp>

namespace clientes::uno
{
void SAL_CALL OpenGestureForwarder::keyPressed(const css::awt::KeyEvent& event)
{
    if (event.KeyCode == css::awt::Key::RETURN && event.Modifiers == 0)
        guardedNoThrow("opening a client", m_onOpen);
}
} // namespace clientes::uno
