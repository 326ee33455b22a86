#include "support/store_access.hxx"

#include "support/entry_guard.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/profile_files.hxx"
#include "support/status_progress.hxx"

#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XTerminateListener.hpp>
#include <cppuhelper/implbase1.hxx>

#include <memory>
#include <vector>

namespace css = ::com::sun::star;

namespace clientes::uno
{
namespace
{
// Closes the register when the office ends, so that its file alone holds everything: the
// store's connection is never closed otherwise, and the data would stay in the -wal file.
class CloseOnTermination : public ::cppu::WeakImplHelper1<css::frame::XTerminateListener>
{
public:
    void SAL_CALL queryTermination(const css::lang::EventObject&) override {}
    void SAL_CALL notifyTermination(const css::lang::EventObject&) override
    {
        storeAccess().close();
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override { storeAccess().close(); }
};

// The status indicator of the window in front, or null.
css::uno::Reference<css::task::XStatusIndicator>
frontIndicator(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    const css::uno::Reference<css::frame::XFrame> frame =
        css::frame::Desktop::create(context)->getCurrentFrame();
    const css::uno::Reference<css::frame::XController> controller =
        frame.is() ? frame->getController() : nullptr;
    return StatusProgress::indicatorOf(controller.is() ? controller->getModel() : nullptr);
}
} // namespace

Register& StoreAccess::open(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    if (!m_store)
    {
        profile_files::cleanTemporaryCopiesOnce(); // copies of attachments opened before
        const std::string server = teamServer(context);
        // What others save shows here without anyone typing: the deck and every subscriber
        // hear of it from a watching thread (and refresh on the main thread). A team server
        // that does not answer is watched too: the deck opens the register again when it is
        // back.
        const auto changed = [this]
        { guardedNoThrow("hearing of a change on the server", [this] { notifyChanged(); }); };
        try
        {
            if (server.empty())
            {
                // A file of an older version is migrated as it opens: in the status bar of the
                // window in front (nothing shows when there is nothing to migrate).
                std::unique_ptr<StatusProgress> migrating;
                StoreOptions options;
                guardedNoThrow("showing the register's migration",
                               [&]
                               {
                                   migrating = std::make_unique<StatusProgress>(
                                       context, frontIndicator(context), officeLocale(context),
                                       false);
                                   options.migration = migrating.get();
                               });
                m_store = openRegister(databasePath(context), options);
            }
            else
                m_store = openTeamRegister(server);
        }
        catch (const StoreError&)
        {
            if (!server.empty() && !m_watch)
                m_watch = watchTeamServer(server, changed);
            throw;
        }
        m_watch.reset();
        m_watch = m_store->watchChanges(changed);
        if (!m_closeOnTerminationRegistered)
            m_closeOnTerminationRegistered =
                guardedNoThrow("watching the office's termination",
                               [&] {
                                   css::frame::Desktop::create(context)->addTerminateListener(
                                       new CloseOnTermination());
                               });
    }
    return *m_store;
}

void StoreAccess::close() noexcept
{
    guardedNoThrow("closing the register",
                   [this]
                   {
                       std::lock_guard<std::recursive_mutex> lock(m_mutex);
                       m_watch.reset();
                       m_store.reset();
                   });
}

void StoreAccess::reopen() noexcept
{
    close();
    notifyChanged();
}

RestoreResult StoreAccess::restore(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   const std::filesystem::path& copy)
{
    std::lock_guard<std::recursive_mutex> lock(m_mutex);
    // A team server is restored by its administrator (pg_restore), never from a desktop.
    if (Register& current = open(context); !current.isFile())
    {
        const ConnectionInfo info = current.connectionInfo();
        throw NotPermitted(NotPermitted::Need::File, info.location, info.user);
    }
    const std::filesystem::path file = databasePath(context);
    // Checked while the register is still open: a refused copy changes nothing at all.
    inspectRegisterCopy(copy);
    m_watch.reset();
    m_store.reset();
    RestoreResult result;
    try
    {
        result = restoreRegisterFrom(file, copy);
    }
    catch (...)
    {
        open(context); // the register as it was
        throw;
    }
    open(context);
    return result;
}

void StoreAccess::notifyChanged()
{
    std::vector<Listener> listeners;
    {
        std::lock_guard<std::mutex> lock(m_listenersMutex);
        for (const auto& entry : m_listeners)
            listeners.push_back(entry.second);
    }
    for (const auto& listener : listeners)
        guardedNoThrow("notifying a change of clients", listener);
}

int StoreAccess::subscribe(Listener listener)
{
    std::lock_guard<std::mutex> lock(m_listenersMutex);
    const int id = m_nextListenerId++;
    m_listeners.emplace(id, std::move(listener));
    return id;
}

void StoreAccess::unsubscribe(int id)
{
    std::lock_guard<std::mutex> lock(m_listenersMutex);
    m_listeners.erase(id);
}

StoreAccess& storeAccess()
{
    // Never destroyed: the office may unload us late, and panels may outlive static teardown.
    static StoreAccess* const instance = new StoreAccess();
    return *instance;
}
} // namespace clientes::uno
