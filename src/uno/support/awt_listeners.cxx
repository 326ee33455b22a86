#include "support/awt_listeners.hxx"

#include <com/sun/star/awt/Key.hpp>

namespace clientes::uno
{
void SAL_CALL ListGestureForwarder::keyPressed(const css::awt::KeyEvent& event)
{
    if (event.KeyCode == css::awt::Key::RETURN && event.Modifiers == 0)
        guardedNoThrow("opening a client", m_handlers.open);
}

void SAL_CALL ListGestureForwarder::keyReleased(const css::awt::KeyEvent& event)
{
    switch (event.KeyCode)
    {
    case css::awt::Key::UP:
    case css::awt::Key::DOWN:
    case css::awt::Key::PAGEUP:
    case css::awt::Key::PAGEDOWN:
    case css::awt::Key::HOME:
    case css::awt::Key::END:
        guardedNoThrow("moving in the client list", m_handlers.cursorMoved);
        break;
    default:
        break;
    }
}
} // namespace clientes::uno
