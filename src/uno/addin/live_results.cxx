#include "addin/live_results.hxx"

#include "core/register/register.hpp"
#include "core/rules/dates.hpp"
#include "support/entry_guard.hxx"
#include "support/main_thread.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XTerminateListener.hpp>
#include <com/sun/star/sheet/ResultEvent.hpp>
#include <com/sun/star/sheet/XResultListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::XComponentContext;

namespace clientes::uno::live_results
{
namespace
{
using functions::Call;
using functions::Value;
using Clock = std::chrono::steady_clock;

std::atomic<std::int64_t> g_notifications{0};

class Result : public ::cppu::WeakImplHelper1<css::sheet::XVolatileResult>
{
public:
    explicit Result(Value value) : m_value(std::move(value)) {}

    void SAL_CALL addResultListener(const Reference<css::sheet::XResultListener>& listener) override
    {
        guarded("addResultListener",
                [&]
                {
                    if (!listener.is())
                        return;
                    Any value;
                    {
                        std::lock_guard<std::mutex> lock(m_mutex);
                        m_listeners.push_back(listener);
                        m_everListened = true;
                        value = toAny(m_value);
                    }
                    // Calc reads the cell's value from what the listener heard last: now.
                    listener->modified(
                        css::sheet::ResultEvent(static_cast<::cppu::OWeakObject*>(this), value));
                });
    }

    void SAL_CALL
    removeResultListener(const Reference<css::sheet::XResultListener>& listener) override
    {
        guarded("removeResultListener",
                [&]
                {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    std::erase(m_listeners, listener);
                });
    }

    // Whether a result nobody listens to may go: it had listeners, or it was made long ago
    // (a cell that got it has called addResultListener at once).
    bool droppable(Clock::time_point now) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_listeners.empty() &&
               (m_everListened || now - m_created > std::chrono::seconds(30));
    }

    // On the main thread: the new value, told to every listener.
    void publish(const Value& value)
    {
        std::vector<Reference<css::sheet::XResultListener>> listeners;
        Any any;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_value = value;
            listeners = m_listeners;
            any = toAny(value);
        }
        const css::sheet::ResultEvent event(static_cast<::cppu::OWeakObject*>(this), any);
        for (const auto& listener : listeners)
            if (guardedNoThrow("telling a cell of a new value", [&] { listener->modified(event); }))
                ++g_notifications;
    }

private:
    mutable std::mutex m_mutex;
    Value m_value;
    std::vector<Reference<css::sheet::XResultListener>> m_listeners;
    bool m_everListened = false;
    const Clock::time_point m_created = Clock::now();
};

class StopOnTermination : public ::cppu::WeakImplHelper1<css::frame::XTerminateListener>
{
public:
    void SAL_CALL queryTermination(const css::lang::EventObject&) override {}
    void SAL_CALL notifyTermination(const css::lang::EventObject&) override;
    void SAL_CALL disposing(const css::lang::EventObject&) override {}
};

struct Entry
{
    ::rtl::Reference<Result> result;
    Value computed;       // the value the listeners have been (or are being) told
    bool pending = false; // to be computed by the worker
};

// Results computed per hold of the store lock: the deck and the dialogs get their turn between.
constexpr std::size_t kChunk = 256;

class Registry
{
public:
    Reference<css::sheet::XVolatileResult> resultFor(const Reference<XComponentContext>& context,
                                                     const Call& call)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        start(context);
        if (auto found = m_entries.find(call); found != m_entries.end())
            return found->second.result.get();
        prune();
        const bool team = m_team;
        const std::uint64_t generation = m_generation;
        lock.unlock();

        Value value;
        if (!team)
            value = storeAccess().with(context, [&](Register& store)
                                       { return functions::evaluate(store, call, todayIso()); });
        lock.lock();
        auto [entry, inserted] = m_entries.try_emplace(call);
        if (inserted)
        {
            entry->second.result = new Result(value);
            entry->second.computed = value;
            // On a team server, or when the register changed while it was computed: the worker
            // computes it (again).
            entry->second.pending = team || generation != m_generation;
            if (entry->second.pending)
            {
                m_pendingWork = true;
                m_wake.notify_one();
            }
        }
        return entry->second.result.get();
    }

    // The office ends: no more rounds (one would open the register again after its close).
    void stop()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopped = true;
        m_wake.notify_one();
    }

    Statistics statistics()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return {static_cast<std::int64_t>(m_entries.size()), m_recomputations,
                g_notifications.load()};
    }

private:
    // Called with m_mutex held.
    void start(const Reference<XComponentContext>& context)
    {
        if (m_context.is())
            return;
        m_context = context;
        guardedNoThrow("reading where the register is", [&] { m_team = teamMode(context); });
        storeAccess().subscribe(
            [this]
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                ++m_generation;
                m_dirty = true;
                m_wake.notify_one();
            });
        guardedNoThrow("watching the office's termination",
                       [&] {
                           css::frame::Desktop::create(context)->addTerminateListener(
                               new StopOnTermination());
                       });
        std::thread([this] { run(); }).detach();
    }

    // Called with m_mutex held: drops results nobody listens to once there are many.
    void prune()
    {
        if (m_entries.size() < m_pruneAt)
            return;
        dropUnlistened();
        m_pruneAt = std::max<std::size_t>(kFirstPrune, 2 * m_entries.size());
    }

    void dropUnlistened()
    {
        const Clock::time_point now = Clock::now();
        std::erase_if(m_entries, [&](const auto& entry)
                      { return !entry.second.pending && entry.second.result->droppable(now); });
    }

    void run()
    {
        std::string day = todayIso();
        for (;;)
        {
            bool all = false;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                // Once a minute without changes: a new day changes what is overdue.
                const bool woken =
                    m_wake.wait_for(lock, std::chrono::minutes(1),
                                    [this] { return m_dirty || m_pendingWork || m_stopped; });
                if (m_stopped)
                    return;
                if (!woken)
                {
                    if (todayIso() == day)
                        continue;
                    m_dirty = true;
                }
                day = todayIso();
                all = m_dirty;
                m_dirty = false;
                m_pendingWork = false;
            }
            guardedNoThrow("computing the Calc functions again", [&] { pass(all); });
        }
    }

    // One round: every listened result (all) or the pending ones, computed again; the
    // listeners of those whose value changed are told on the main thread.
    void pass(bool all)
    {
        Reference<XComponentContext> context;
        std::vector<std::pair<Call, ::rtl::Reference<Result>>> work;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            context = m_context;
            if (all)
                dropUnlistened();
            for (const auto& [call, entry] : m_entries)
                if (all || entry.pending)
                    work.emplace_back(call, entry.result);
        }
        if (all)
        {
            // The options page may have switched between the file and a team server.
            bool team = false;
            guardedNoThrow("reading where the register is", [&] { team = teamMode(context); });
            std::lock_guard<std::mutex> lock(m_mutex);
            m_team = team;
        }
        const std::string today = todayIso();
        std::vector<std::pair<::rtl::Reference<Result>, Value>> changed;
        for (std::size_t begin = 0; begin < work.size(); begin += kChunk)
        {
            const std::size_t end = std::min(work.size(), begin + kChunk);
            std::vector<Call> calls;
            for (std::size_t i = begin; i < end; ++i)
                calls.push_back(work[i].first);
            std::vector<Value> values;
            try
            {
                values =
                    storeAccess().with(context, [&](Register& store)
                                       { return functions::evaluateAll(store, calls, today); });
            }
            catch (const StoreError& error)
            {
                // The register cannot be read now (a server away): the cells keep their values
                // until the next change (the watch tells when the server is back).
                logFailure("computing the Calc functions again", error.what());
                return;
            }
            std::lock_guard<std::mutex> lock(m_mutex);
            for (std::size_t i = begin; i < end; ++i)
            {
                auto found = m_entries.find(work[i].first);
                if (found == m_entries.end() || found->second.result != work[i].second)
                    continue;
                ++m_recomputations;
                found->second.pending = false;
                Value& value = values[i - begin];
                if (found->second.computed == value)
                    continue;
                found->second.computed = value;
                changed.emplace_back(found->second.result, std::move(value));
            }
        }
        if (!changed.empty())
            postToMainThread(context,
                             [changed = std::move(changed)]
                             {
                                 for (const auto& [result, value] : changed)
                                     result->publish(value);
                             });
    }

    static constexpr std::size_t kFirstPrune = 1024;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    Reference<XComponentContext> m_context;
    std::map<Call, Entry> m_entries;
    std::size_t m_pruneAt = kFirstPrune;
    bool m_team = false;
    bool m_dirty = false;
    bool m_pendingWork = false;
    bool m_stopped = false;
    std::uint64_t m_generation = 0;
    std::int64_t m_recomputations = 0;
};

Registry& registry()
{
    // Never destroyed: its worker thread and Calc's listeners may outlive static teardown.
    static Registry* const instance = new Registry();
    return *instance;
}

void StopOnTermination::notifyTermination(const css::lang::EventObject&)
{
    guardedNoThrow("stopping the Calc functions' worker", [] { registry().stop(); });
}
} // namespace

Any toAny(const Value& value)
{
    switch (value.kind)
    {
    case Value::Kind::NotAvailable:
        return Any();
    case Value::Kind::Number:
        return Any(value.number);
    case Value::Kind::Text:
        return Any(fromUtf8(value.text));
    case Value::Kind::Column:
    {
        Sequence<Sequence<Any>> rows(static_cast<sal_Int32>(value.column.size()));
        Sequence<Any>* row = rows.getArray();
        for (const std::string& text : value.column)
        {
            const Any cell(fromUtf8(text));
            *row++ = Sequence<Any>(&cell, 1);
        }
        return Any(rows);
    }
    }
    return Any();
}

Reference<css::sheet::XVolatileResult> resultFor(const Reference<XComponentContext>& context,
                                                 const Call& call)
{
    return registry().resultFor(context, call);
}

Statistics statistics()
{
    return registry().statistics();
}
} // namespace clientes::uno::live_results
