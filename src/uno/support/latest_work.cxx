#include "support/latest_work.hxx"

#include "support/entry_guard.hxx"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace clientes::uno
{
struct LatestWork::State
{
    std::mutex mutex;
    std::condition_variable wake;
    std::optional<std::function<void()>> next;
    bool stopping = false;
};

LatestWork::LatestWork() : m_state(std::make_shared<State>())
{
    std::thread(
        [state = m_state]
        {
            for (;;)
            {
                std::function<void()> work;
                {
                    std::unique_lock lock(state->mutex);
                    state->wake.wait(lock, [&] { return state->stopping || state->next; });
                    if (state->stopping)
                        return;
                    work = std::move(*state->next);
                    state->next.reset();
                }
                guardedNoThrow("reading in the background", work);
            }
        })
        .detach();
}

LatestWork::~LatestWork()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
        m_state->next.reset();
    }
    m_state->wake.notify_one();
}

void LatestWork::submit(std::function<void()> work)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->next = std::move(work);
    }
    m_state->wake.notify_one();
}
} // namespace clientes::uno
