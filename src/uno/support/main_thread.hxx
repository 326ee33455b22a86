// Runs work on the office's main thread.
//
// AWT listeners fire on whatever thread caused the event: the main thread when the user
// types, a bridge thread when a macro or a test sets a control's text. The deck's logic runs
// on the main thread only, so its state needs no lock of its own (a lock there would
// deadlock against the office's SolarMutex, which the main thread holds while it calls us).
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <memory>

namespace clientes::uno
{
// Whether this is the office's main thread (false until a posted call ran there): only there
// may a call wait for the user (a master password, a message box).
bool onMainThread();
// Called where the office is known to call on its main thread (the deck's creation), so that
// onMainThread() knows it before any posted call ran.
void noteMainThread();

void postToMainThread(const css::uno::Reference<css::uno::XComponentContext>& context,
                      std::function<void()> work);

// Work posted for an object that may be gone by the time the main thread runs it: the call
// runs only while the token's owner still lives.
using AliveToken = std::shared_ptr<const bool>;
inline AliveToken makeAliveToken()
{
    return std::make_shared<const bool>(true);
}
void postWhileAlive(const css::uno::Reference<css::uno::XComponentContext>& context,
                    const AliveToken& token, std::function<void()> work);
} // namespace clientes::uno
