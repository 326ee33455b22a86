// How far a long piece of work is (an import's reading, checking and writing), told to whoever
// shows it (the document window's status bar), and the user's way to stop it while it has
// written nothing yet.
#pragma once

#include <cstddef>
#include <stdexcept>

namespace clientes
{
enum class WorkStage
{
    Reading,   // the cells of the sheet
    Loading,   // the register (to compare the rows with, or to list)
    Checking,  // row by row
    Writing,   // one transaction: no way back, no cancel
    Listing,   // an export's rows written into a sheet (not cancelled: the sheet would be half
               // written)
    Verifying, // the records an undo would revert, compared with the register (nothing
               // written yet)
    Reverting, // the undo writing them back, in one transaction (no cancel)
    Migrating, // a register file of an older version brought to this one (no cancel)
};

class WorkProgress
{
public:
    virtual ~WorkProgress() = default;
    // `done` of `total` units (rows) of `stage`. Called often: the implementation throttles.
    virtual void report(WorkStage stage, std::size_t done, std::size_t total) = 0;
    // Whether the user asked to stop. Work asks only where it has written nothing.
    virtual bool cancelRequested() const = 0;
};

// Thrown by work that stopped because the user asked; nothing was written.
class WorkCancelled : public std::runtime_error
{
public:
    WorkCancelled() : std::runtime_error("the work was cancelled; nothing was written") {}
};

// At a point where nothing has been written yet: stops when the user asked to.
inline void stopIfCancelled(const WorkProgress* progress)
{
    if (progress && progress->cancelRequested())
        throw WorkCancelled();
}

// Tells `progress` (if any) about every `every`-th row of a loop, and stops it on request
// (a ticker of work that is writing: never).
class RowTicker
{
public:
    RowTicker(WorkProgress* progress, WorkStage stage, std::size_t total, std::size_t every = 512,
              bool stoppable = true)
        : m_progress(progress), m_stage(stage), m_total(total), m_every(every),
          m_stoppable(stoppable)
    {
    }
    void tick(std::size_t done)
    {
        if (!m_progress || done % m_every != 0)
            return;
        if (m_stoppable)
            stopIfCancelled(m_progress);
        m_progress->report(m_stage, done, m_total);
    }

private:
    WorkProgress* m_progress;
    WorkStage m_stage;
    std::size_t m_total;
    std::size_t m_every;
    bool m_stoppable;
};
} // namespace clientes
