// An import's progress in the document window's status bar (the frame's XStatusIndicator:
// what it is doing and how far, "Clientes: comprobando la fila 12.000 de 100.000… (Esc
// cancela)"), and the user's way to stop it while nothing is written: Esc anywhere in the
// office (a toolkit key handler, installed while such work runs) or the API's
// cancelRunningWork().
#pragma once

#include "core/text/locale.hpp"
#include "core/transfer/work_progress.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace clientes::uno
{
class StatusProgress final : public WorkProgress
{
public:
    // `indicator` may be null: the work can still be stopped. Work that cannot be stopped (an
    // export: the sheet would be half written) leaves Esc alone.
    StatusProgress(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::task::XStatusIndicator>& indicator, Locale locale,
                   bool cancellable = true);
    ~StatusProgress() override; // the status bar is given back
    StatusProgress(const StatusProgress&) = delete;
    StatusProgress& operator=(const StatusProgress&) = delete;

    void report(WorkStage stage, std::size_t done, std::size_t total) override;
    bool cancelRequested() const override { return m_cancel.load(); }

    // Asks every piece of work running in this office to stop; true when one was running.
    static bool cancelAll();

    // The status indicator of the window that shows `document`, or null (no window).
    static css::uno::Reference<css::task::XStatusIndicator>
    indicatorOf(const css::uno::Reference<css::frame::XModel>& document);

private:
    // LibreOffice 7.4's status bar paints its bar at most every 100 ms and drops a value that
    // comes sooner, and after a new start (a new stage's text) the first value is dropped so:
    // while the work sends nothing (one transaction writing), the bar is given its value again
    // once 250 ms later (one point more, a value it does paint).
    void keepPainted();
    void show(int percent); // m_mutex held

    css::uno::Reference<css::task::XStatusIndicator> m_indicator;
    Locale m_locale;
    std::atomic<bool> m_cancel{false};
    bool m_cancellable;
    bool m_started = false;
    std::optional<WorkStage> m_stage;
    int m_percent = -1;
    std::chrono::steady_clock::time_point m_lastText;
    std::chrono::steady_clock::time_point m_lastValue;
    bool m_nudged = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_painter; // last: started once everything else is there
};
} // namespace clientes::uno
