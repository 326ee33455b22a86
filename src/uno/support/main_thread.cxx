#include "support/main_thread.hxx"

#include "support/entry_guard.hxx"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <cppuhelper/implbase1.hxx>

#include <atomic>
#include <thread>

namespace css = ::com::sun::star;

namespace clientes::uno
{
namespace
{
// The main thread, known once it ran the first posted call.
std::atomic<std::thread::id> g_mainThread{};

class Call : public ::cppu::WeakImplHelper1<css::awt::XCallback>
{
public:
    explicit Call(std::function<void()> work) : m_work(std::move(work)) {}
    void SAL_CALL notify(const css::uno::Any&) override
    {
        g_mainThread.store(std::this_thread::get_id());
        guardedNoThrow("work on the main thread", m_work);
    }

private:
    std::function<void()> m_work;
};
} // namespace

void noteMainThread()
{
    g_mainThread.store(std::this_thread::get_id());
}

bool onMainThread()
{
    return g_mainThread.load() == std::this_thread::get_id();
}

void postToMainThread(const css::uno::Reference<css::uno::XComponentContext>& context,
                      std::function<void()> work)
{
    css::awt::AsyncCallback::create(context)->addCallback(new Call(std::move(work)),
                                                          css::uno::Any());
}

void postWhileAlive(const css::uno::Reference<css::uno::XComponentContext>& context,
                    const AliveToken& token, std::function<void()> work)
{
    std::weak_ptr<const bool> alive = token;
    postToMainThread(context,
                     [alive, work = std::move(work)]
                     {
                         if (alive.lock())
                             work();
                     });
}
} // namespace clientes::uno
