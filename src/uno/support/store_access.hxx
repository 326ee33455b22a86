// The office process's one connection to the client store, shared by the sidebar panels, the
// dialogs and the scripting service, and the change notifications that keep them in step.
#pragma once

#include "core/register/register.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace clientes::uno
{
class StoreAccess
{
public:
    using Listener = std::function<void()>;

    // Runs work with the opened store while holding the store lock. Opens the store on first
    // use; a store that could not be opened is tried again next time (the user may have fixed
    // the file meanwhile). Throws StoreError when it cannot be opened.
    template <typename Work>
    decltype(auto) with(const css::uno::Reference<css::uno::XComponentContext>& context,
                        Work&& work)
    {
        std::lock_guard<std::recursive_mutex> lock(m_mutex);
        return std::forward<Work>(work)(open(context));
    }

    // Closes the register: its file alone then holds everything (no write-ahead log is left).
    // The next use opens it again. Called when the office terminates.
    void close() noexcept;

    // Closes the register so that the next use opens the one the settings now name (the
    // options page after OK), and tells every subscriber, which then show it.
    void reopen() noexcept;

    // Replaces the register by a checked copy (restoreRegisterFrom): closes it, swaps the
    // files, opens it again. Throws StoreError, RegisterFileRefused; when the copy is
    // refused the register stays open as it was.
    RestoreResult restore(const css::uno::Reference<css::uno::XComponentContext>& context,
                          const std::filesystem::path& copy);

    // Tells every subscriber that clients changed. Call it after the store lock is released.
    void notifyChanged();
    int subscribe(Listener listener);
    void unsubscribe(int id);

private:
    Register& open(const css::uno::Reference<css::uno::XComponentContext>& context);

    std::recursive_mutex m_mutex;
    bool m_closeOnTerminationRegistered = false;
    std::unique_ptr<Register> m_store;
    // Other users' changes on a team server (after m_store: stopped before it closes).
    std::unique_ptr<ChangeWatch> m_watch;
    std::mutex m_listenersMutex;
    std::map<int, Listener> m_listeners;
    int m_nextListenerId = 1;
};

StoreAccess& storeAccess();
} // namespace clientes::uno
