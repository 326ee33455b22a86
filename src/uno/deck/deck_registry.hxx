// Which Clientes deck shows in which document window, for the commands of the menu, the
// toolbar and macros (commands/command_handler): they act through the deck of their frame when
// it has one. The views on the main thread only, as the deck itself; listeners on any thread.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/Reference.hxx>

#include <functional>

namespace clientes::uno
{
class ClientListView;

namespace deck_registry
{
void add(const css::uno::Reference<css::frame::XFrame>& frame, ClientListView* view);
void remove(ClientListView* view);
// The deck shown in `frame`'s sidebar, or null.
ClientListView* find(const css::uno::Reference<css::frame::XFrame>& frame);

// Told when a deck's selection or the user's permissions change (commands' enabled state).
// Returns a handle for unsubscribe.
int subscribe(std::function<void()> listener);
void unsubscribe(int handle);
void changed();
} // namespace deck_registry
} // namespace clientes::uno
