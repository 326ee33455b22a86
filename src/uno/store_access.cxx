#include "store_access.hxx"

#include "entry_guard.hxx"
#include "office_settings.hxx"
#include "profile_files.hxx"

#include <vector>

namespace clientes::uno
{
ClientStore& StoreAccess::open(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    if (!m_store)
    {
        profile_files::cleanTemporaryCopiesOnce(); // copies of attachments opened before
        m_store = std::make_unique<ClientStore>(databasePath(context));
    }
    return *m_store;
}

void StoreAccess::notifyChanged()
{
    std::vector<Listener> listeners;
    {
        std::lock_guard<std::mutex> lock(m_listenersMutex);
        for (const auto& entry : m_listeners)
            listeners.push_back(entry.second);
    }
    for (const auto& listener : listeners)
        guardedNoThrow("notifying a change of clients", listener);
}

int StoreAccess::subscribe(Listener listener)
{
    std::lock_guard<std::mutex> lock(m_listenersMutex);
    const int id = m_nextListenerId++;
    m_listeners.emplace(id, std::move(listener));
    return id;
}

void StoreAccess::unsubscribe(int id)
{
    std::lock_guard<std::mutex> lock(m_listenersMutex);
    m_listeners.erase(id);
}

StoreAccess& storeAccess()
{
    // Never destroyed: the office may unload us late, and panels may outlive static teardown.
    static StoreAccess* const instance = new StoreAccess();
    return *instance;
}
} // namespace clientes::uno
