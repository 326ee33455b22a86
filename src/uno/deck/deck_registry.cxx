#include "deck/deck_registry.hxx"

#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace clientes::uno::deck_registry
{
namespace
{
using css::uno::Reference;
using css::uno::UNO_QUERY;

// Keyed by the frame's identity (its XInterface); the frame itself is not held.
std::vector<std::pair<css::uno::XInterface*, ClientListView*>>& views()
{
    static std::vector<std::pair<css::uno::XInterface*, ClientListView*>> all;
    return all;
}

std::map<int, std::function<void()>>& listeners()
{
    static std::map<int, std::function<void()>> all;
    return all;
}

// The views are touched on the main thread only; the listeners may be added or removed on any
// (a status listener added over the bridge, a handler released there).
std::mutex& listenersMutex()
{
    static std::mutex mutex;
    return mutex;
}

css::uno::XInterface* identity(const Reference<css::frame::XFrame>& frame)
{
    return Reference<css::uno::XInterface>(frame, UNO_QUERY).get();
}
} // namespace

void add(const Reference<css::frame::XFrame>& frame, ClientListView* view)
{
    remove(view);
    if (frame.is())
        views().emplace_back(identity(frame), view);
    changed();
}

void remove(ClientListView* view)
{
    std::erase_if(views(), [view](const auto& entry) { return entry.second == view; });
}

ClientListView* find(const Reference<css::frame::XFrame>& frame)
{
    css::uno::XInterface* key = identity(frame);
    // The newest deck of the frame (a sidebar rebuilt for a new context makes a new one).
    for (auto it = views().rbegin(); it != views().rend(); ++it)
        if (it->first == key)
            return it->second;
    return nullptr;
}

int subscribe(std::function<void()> listener)
{
    const std::lock_guard lock(listenersMutex());
    static int next = 0;
    listeners().emplace(++next, std::move(listener));
    return next;
}

void unsubscribe(int handle)
{
    const std::lock_guard lock(listenersMutex());
    listeners().erase(handle);
}

void changed()
{
    // A copy: a listener may unsubscribe while told.
    std::map<int, std::function<void()>> current;
    {
        const std::lock_guard lock(listenersMutex());
        current = listeners();
    }
    for (const auto& [handle, listener] : current)
        listener();
}
} // namespace clientes::uno::deck_registry
