// Says when a question sent to a thread of its own (the deck's reads of a team server) has
// waited longer than a moment for its answer, so that the view can show that it is busy
// rather than look frozen or empty; nothing is said of a question answered in time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace clientes::uno
{
class BusyWatch
{
public:
    // `slow(question)` is called on the watch's own thread when `question` has waited longer
    // than `after` and is still the latest asked and not answered.
    BusyWatch(std::chrono::milliseconds after, std::function<void(std::uint64_t)> slow);
    ~BusyWatch();
    BusyWatch(const BusyWatch&) = delete;
    BusyWatch& operator=(const BusyWatch&) = delete;

    void asked(std::uint64_t question);
    void answered(std::uint64_t question);

private:
    void watch();

    std::chrono::milliseconds m_after;
    std::function<void(std::uint64_t)> m_slow;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<std::uint64_t> m_waiting;
    std::chrono::steady_clock::time_point m_since;
    bool m_told = false;
    bool m_stop = false;
    std::thread m_thread;
};
} // namespace clientes::uno
