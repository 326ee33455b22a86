// A thread of its own that runs the latest piece of work handed to it: work handed in while
// earlier work waits replaces it. For reads whose answer is wanted only for the latest
// question (a search per keystroke on a team server), so that the office's main thread never
// waits on a network. submit() never blocks; destroying it never waits either: the thread
// ends after the work it is running (which must not touch its owner but through a check on the
// main thread, see ClientListView).
#pragma once

#include <functional>
#include <memory>

namespace clientes::uno
{
class LatestWork
{
public:
    LatestWork();
    ~LatestWork();
    LatestWork(const LatestWork&) = delete;
    LatestWork& operator=(const LatestWork&) = delete;

    void submit(std::function<void()> work);

private:
    struct State;
    std::shared_ptr<State> m_state;
};
} // namespace clientes::uno
