#include "support/busy_watch.hxx"

#include "support/entry_guard.hxx"

namespace clientes::uno
{
BusyWatch::BusyWatch(std::chrono::milliseconds after, std::function<void(std::uint64_t)> slow)
    : m_after(after), m_slow(std::move(slow)), m_thread([this] { watch(); })
{
}

BusyWatch::~BusyWatch()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void BusyWatch::asked(std::uint64_t question)
{
    {
        const std::lock_guard lock(m_mutex);
        // A question asked while an earlier one waits keeps its clock: typing fast into a
        // slow search still shows that the deck is busy.
        if (!m_waiting)
            m_since = std::chrono::steady_clock::now();
        m_waiting = question;
        m_told = false;
    }
    m_wake.notify_all();
}

void BusyWatch::answered(std::uint64_t question)
{
    const std::lock_guard lock(m_mutex);
    if (m_waiting == question)
        m_waiting.reset();
}

void BusyWatch::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop)
    {
        if (!m_waiting || m_told)
        {
            m_wake.wait(lock);
            continue;
        }
        const auto due = m_since + m_after;
        if (std::chrono::steady_clock::now() < due)
        {
            m_wake.wait_until(lock, due);
            continue;
        }
        m_told = true;
        const std::uint64_t question = *m_waiting;
        lock.unlock();
        guardedNoThrow("showing that the deck is busy", [&] { m_slow(question); });
        lock.lock();
    }
}
} // namespace clientes::uno
