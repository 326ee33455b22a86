#include "support/status_progress.hxx"

#include "core/messages/transfer_text.hpp"
#include "support/entry_guard.hxx"
#include "support/key_handler.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyEvent.hpp>
#include <com/sun/star/awt/XKeyHandler.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <cppuhelper/implbase1.hxx>

#include <algorithm>
#include <mutex>
#include <optional>
#include <vector>

namespace clientes::uno
{
namespace
{
using css::uno::Reference;
using css::uno::UNO_QUERY;

// Esc while work runs: every running piece of work is asked to stop, and the key goes no
// further (it would close the dialog that started the work).
class EscapeKey : public ::cppu::WeakImplHelper1<css::awt::XKeyHandler>
{
public:
    sal_Bool SAL_CALL keyPressed(const css::awt::KeyEvent& event) override
    {
        return isEscape(event) && StatusProgress::cancelAll();
    }
    sal_Bool SAL_CALL keyReleased(const css::awt::KeyEvent&) override { return false; }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    static bool isEscape(const css::awt::KeyEvent& event)
    {
        return event.KeyCode == css::awt::Key::ESCAPE && event.Modifiers == 0;
    }
};

struct Running
{
    std::mutex mutex;
    std::vector<StatusProgress*> works;
    std::optional<KeyHandlerRegistration> escape; // while cancellable work runs
};

Running& running()
{
    static Running all;
    return all;
}

} // namespace

StatusProgress::StatusProgress(const Reference<css::uno::XComponentContext>& context,
                               const Reference<css::task::XStatusIndicator>& indicator,
                               Locale locale, bool cancellable)
    : m_indicator(indicator), m_locale(std::move(locale)), m_cancellable(cancellable)
{
    if (m_indicator.is())
        m_painter = std::thread([this] { keepPainted(); });
    if (!m_cancellable)
        return;
    Running& all = running();
    const std::lock_guard lock(all.mutex);
    all.works.push_back(this);
    if (all.works.size() == 1)
        all.escape.emplace(context, new EscapeKey);
}

StatusProgress::~StatusProgress()
{
    if (m_painter.joinable())
    {
        {
            const std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_painter.join();
    }
    if (m_started)
        guardedNoThrow("ending the status bar's progress", [&] { m_indicator->end(); });
    if (!m_cancellable)
        return;
    Running& all = running();
    const std::lock_guard lock(all.mutex);
    std::erase(all.works, this);
    if (all.works.empty())
        all.escape.reset();
}

void StatusProgress::report(WorkStage stage, std::size_t done, std::size_t total)
{
    if (!m_indicator.is())
        return;
    const int percent = progressPercent(stage, done, total);
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard lock(m_mutex);
    const bool newStage = m_stage != stage;
    // The text at each stage and at most twice a second, the bar whenever it moves.
    const bool newText = newStage || now - m_lastText >= std::chrono::milliseconds(500);
    if (!newText && percent == m_percent)
        return;
    guardedNoThrow("showing progress in the status bar",
                   [&]
                   {
                       if (newText)
                       {
                           const OUString text =
                               fromUtf8(progressText(stage, done, total, m_locale, m_cancellable));
                           // A new start rather than setText: in LibreOffice 7.4 the
                           // status bar's progress stops painting after a setText.
                           if (m_started)
                               m_indicator->end();
                           m_indicator->start(text, 100);
                           m_started = true;
                           m_lastText = now;
                       }
                       show(percent);
                   });
    m_stage = stage;
}

void StatusProgress::show(int percent)
{
    m_indicator->setValue(percent);
    m_percent = percent;
    m_lastValue = std::chrono::steady_clock::now();
    m_nudged = false;
}

void StatusProgress::keepPainted()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, std::chrono::milliseconds(250), [this] { return m_done; }))
    {
        if (!m_started ||
            std::chrono::steady_clock::now() - m_lastValue < std::chrono::milliseconds(250))
            continue;
        if (m_nudged || m_percent >= 100)
            continue;
        // One point more: a value the bar has not got, so it paints it (once per stall).
        guardedNoThrow("showing progress in the status bar",
                       [&] { m_indicator->setValue(m_percent + 1); });
        m_nudged = true;
    }
}

bool StatusProgress::cancelAll()
{
    Running& all = running();
    const std::lock_guard lock(all.mutex);
    for (StatusProgress* work : all.works)
        work->m_cancel = true;
    return !all.works.empty();
}

Reference<css::task::XStatusIndicator>
StatusProgress::indicatorOf(const Reference<css::frame::XModel>& document)
{
    Reference<css::task::XStatusIndicator> indicator;
    guardedNoThrow("finding the status bar",
                   [&]
                   {
                       if (!document.is())
                           return;
                       const Reference<css::frame::XController> controller =
                           document->getCurrentController();
                       if (!controller.is())
                           return;
                       const Reference<css::task::XStatusIndicatorFactory> factory(
                           controller->getFrame(), UNO_QUERY);
                       if (factory.is())
                           indicator = factory->createStatusIndicator();
                   });
    return indicator;
}
} // namespace clientes::uno
