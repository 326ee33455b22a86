#include "commands/command_handler.hxx"

#include "deck/client_list_view.hxx"
#include "deck/deck_registry.hxx"
#include "dialogs/client_dialog.hxx"
#include "dialogs/export_dialog.hxx"
#include "dialogs/profile_dialog.hxx"
#include "dialogs/transfer_dialogs.hxx"
#include "support/entry_guard.hxx"
#include "support/help.hxx"
#include "support/main_thread.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/weakref.hxx>

#include <array>
#include <mutex>
#include <utility>
#include <vector>

namespace clientes::uno::command_handler
{
namespace
{
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

struct Named
{
    std::string_view name;
    Command command;
};

constexpr std::array kCommands = {
    Named{"ShowDeck", Command::ShowDeck},
    Named{"Find", Command::Find},
    Named{"AddClient", Command::AddClient},
    Named{"OpenProfile", Command::OpenProfile},
    Named{"ImportClients", Command::ImportClients},
    Named{"ImportInvoices", Command::ImportInvoices},
    Named{"ExportClients", Command::ExportClients},
    Named{"ExportInvoices", Command::ExportInvoices},
    Named{"EditInCalc", Command::EditInCalc},
    Named{"UndoImport", Command::UndoImport},
    Named{"Options", Command::Options},
    Named{"Help", Command::Help},
};

// What a command needs of the deck of its window, and what it may do without one.
bool writes(Command command)
{
    return command == Command::AddClient || command == Command::ImportClients ||
           command == Command::ImportInvoices || command == Command::EditInCalc ||
           command == Command::UndoImport;
}

// Shows the sidebar with the Clientes deck (not the .uno:SidebarDeck toggle, which would close
// a deck already shown) and returns its view, or null when the window has no sidebar.
ClientListView* showDeck(const Reference<css::frame::XFrame>& frame)
{
    if (!frame.is())
        return nullptr;
    const Reference<css::frame::XController2> controller(frame->getController(), UNO_QUERY);
    if (!controller.is())
        return nullptr;
    const Reference<css::ui::XSidebarProvider> sidebar = controller->getSidebar();
    if (!sidebar.is())
        return nullptr;
    sidebar->setVisible(true);
    const Reference<css::ui::XDeck> deck(sidebar->getDecks()->getByName(ascii("ClientesDeck")),
                                         UNO_QUERY_THROW);
    deck->activate(true);
    sidebar->showDecks(true);
    return deck_registry::find(frame);
}

// Tools ▸ Options opened at our page: the page's URL as the options dialog knows it, from the
// same configuration (config/OptionsDialog.xcu, %origin% expanded by the office).
void openOptions(const Reference<XComponentContext>& context,
                 const Reference<css::frame::XFrame>& frame)
{
    const Reference<css::lang::XMultiServiceFactory> provider =
        css::configuration::theDefaultProvider::get(context);
    css::beans::NamedValue path(ascii("nodepath"),
                                Any(ascii("/org.openoffice.Office.OptionsDialog/Nodes/Calc/"
                                          "Leaves/org.clientes.calc.OptionsPage")));
    Sequence<Any> arguments(1);
    arguments.getArray()[0] <<= path;
    const Reference<css::container::XNameAccess> page(
        provider->createInstanceWithArguments(
            ascii("com.sun.star.configuration.ConfigurationAccess"), arguments),
        UNO_QUERY_THROW);
    OUString url;
    page->getByName(ascii("OptionsPage")) >>= url;
    Sequence<css::beans::PropertyValue> dispatchArguments(1);
    dispatchArguments.getArray()[0].Name = ascii("OptionsPageURL");
    dispatchArguments.getArray()[0].Value <<= url;
    css::frame::DispatchHelper::create(context)->executeDispatch(
        Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
        ascii(".uno:OptionsTreeDialog"), ascii("_self"), 0, dispatchArguments);
}

// Runs `command` on the main thread; returns false when it could not be used (no client
// selected for the profile).
bool execute(const Reference<XComponentContext>& context,
             const Reference<css::frame::XFrame>& frame, Command command)
{
    switch (command)
    {
    case Command::ShowDeck:
        showDeck(frame);
        return true;
    case Command::Find:
        if (ClientListView* view = showDeck(frame))
        {
            view->focusSearch();
            return true;
        }
        return false;
    case Command::AddClient:
        if (ClientListView* view = showDeck(frame))
            view->addClient(); // the new client shown selected in the deck
        else
        {
            bool toRecords = false;
            if (const auto created = client_dialog::run(context, std::nullopt, &toRecords);
                created && toRecords)
                profile_dialog::run(context, frame, *created, profile_dialog::kAddressesPage);
        }
        return true;
    case Command::OpenProfile:
    {
        ClientListView* view = deck_registry::find(frame);
        if (!view || !view->hasSelection())
            return false;
        view->openSelected();
        return true;
    }
    case Command::Options:
        openOptions(context, frame);
        return true;
    case Command::Help:
        openHelp(context, HelpPage::Index,
                 frame.is()
                     ? Reference<css::awt::XWindowPeer>(frame->getContainerWindow(), UNO_QUERY)
                     : Reference<css::awt::XWindowPeer>());
        return true;
    default:
        break;
    }
    // The transfers: through the deck when the window shows it (it reads the register again
    // after an import), else straight to their dialogs.
    ClientListView* view = deck_registry::find(frame);
    const auto through = [&](ClientListView::Action action, auto&& without)
    {
        if (view)
            view->run(action);
        else
            without();
        return true;
    };
    switch (command)
    {
    case Command::ImportClients:
        return through(ClientListView::Action::ImportClients,
                       [&] { transfer_dialogs::importClients(context, frame); });
    case Command::ImportInvoices:
        return through(ClientListView::Action::ImportInvoices,
                       [&] { transfer_dialogs::importInvoices(context, frame); });
    case Command::ExportClients:
        return through(ClientListView::Action::ExportClients,
                       [&] { transfer_dialogs::exportClients(context, frame, "", {}); });
    case Command::ExportInvoices:
        return through(ClientListView::Action::ExportInvoices,
                       [&] { transfer_dialogs::exportInvoices(context, frame); });
    case Command::EditInCalc:
        return through(ClientListView::Action::EditInCalc, [&]
                       { export_dialog::run(context, frame, ImportKind::Clients, "", {}, true); });
    case Command::UndoImport:
        return through(ClientListView::Action::UndoImport,
                       [&] { transfer_dialogs::undoLastImport(context, frame); });
    default:
        return false;
    }
}

// Whether `command` may be used now in `frame` (main thread: it asks the deck).
bool enabled(const Reference<css::frame::XFrame>& frame, Command command)
{
    const ClientListView* view = deck_registry::find(frame);
    if (command == Command::OpenProfile)
        return view && view->hasSelection();
    if (writes(command))
        return !view || view->mayEdit();
    return true;
}

using HandlerBase =
    ::cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XNotifyingDispatch,
                            css::lang::XInitialization, css::lang::XServiceInfo>;

class CommandHandler : public WithServiceInfo<kComponent, HandlerBase>
{
public:
    explicit CommandHandler(const Reference<XComponentContext>& context) : m_context(context) {}

    ~CommandHandler() override
    {
        if (m_subscription)
            deck_registry::unsubscribe(m_subscription);
    }

    // XInitialization: the office hands over the frame the handler serves.
    void SAL_CALL initialize(const Sequence<Any>& arguments) override
    {
        for (const Any& argument : arguments)
        {
            Reference<css::frame::XFrame> frame;
            if (argument >>= frame)
                m_frame = frame;
        }
    }

    // XDispatchProvider
    Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                            const OUString&, sal_Int32) override
    {
        return commandOf(url) ? Reference<css::frame::XDispatch>(this) : nullptr;
    }

    Sequence<Reference<css::frame::XDispatch>>
        SAL_CALL queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override
    {
        Sequence<Reference<css::frame::XDispatch>> result(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            result.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                                 requests[i].SearchFlags);
        return result;
    }

    // XDispatch: the command runs on the main thread (a macro may dispatch from another).
    void SAL_CALL dispatch(const css::util::URL& url,
                           const Sequence<css::beans::PropertyValue>&) override
    {
        run(url, nullptr);
    }

    void SAL_CALL dispatchWithNotification(
        const css::util::URL& url, const Sequence<css::beans::PropertyValue>&,
        const Reference<css::frame::XDispatchResultListener>& listener) override
    {
        run(url, listener);
    }

    void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override
    {
        const auto command = commandOf(url);
        if (!command || !listener.is())
            return;
        {
            const std::lock_guard lock(m_mutex);
            m_listeners.push_back({listener, url, *command});
            if (!m_subscription)
            {
                const css::uno::WeakReference<css::frame::XDispatch> weak(
                    Reference<css::frame::XDispatch>(this));
                m_subscription = deck_registry::subscribe(
                    [weak]
                    {
                        const Reference<css::frame::XDispatch> self(weak);
                        if (self.is())
                            static_cast<CommandHandler*>(self.get())->tellStates();
                    });
            }
        }
        const Reference<css::frame::XDispatch> self(this);
        postToMainThread(m_context, [self, this] { tellStates(); });
    }

    void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>& listener,
                                       const css::util::URL& url) override
    {
        const std::lock_guard lock(m_mutex);
        std::erase_if(m_listeners, [&](const Listener& entry)
                      { return entry.listener == listener && entry.url.Complete == url.Complete; });
    }

private:
    struct Listener
    {
        Reference<css::frame::XStatusListener> listener;
        css::util::URL url;
        Command command;
    };

    static std::optional<Command> commandOf(const css::util::URL& url)
    {
        const std::string complete = toUtf8(url.Complete);
        if (complete.rfind(kProtocol, 0) != 0)
            return std::nullopt;
        return commandNamed(std::string_view(complete).substr(kProtocol.size()));
    }

    void run(const css::util::URL& url,
             const Reference<css::frame::XDispatchResultListener>& listener)
    {
        const auto command = commandOf(url);
        const Reference<css::frame::XDispatch> self(this);
        postToMainThread(m_context,
                         [self, this, command, listener, url]
                         {
                             bool done = false;
                             guardedNoThrow("running the command " + toUtf8(url.Complete),
                                            [&]
                                            {
                                                const Reference<css::frame::XFrame> frame(m_frame);
                                                done = command && enabled(frame, *command) &&
                                                       execute(m_context, frame, *command);
                                            });
                             tellStates();
                             if (listener.is())
                                 guardedNoThrow(
                                     "telling a command's result",
                                     [&]
                                     {
                                         listener->dispatchFinished(css::frame::DispatchResultEvent(
                                             self,
                                             done ? css::frame::DispatchResultState::SUCCESS
                                                  : css::frame::DispatchResultState::FAILURE,
                                             Any()));
                                     });
                         });
    }

    // Main thread: every status listener told whether its command may be used now.
    void tellStates()
    {
        std::vector<Listener> listeners;
        {
            const std::lock_guard lock(m_mutex);
            listeners = m_listeners;
        }
        const Reference<css::frame::XFrame> frame(m_frame);
        for (const Listener& entry : listeners)
            guardedNoThrow("telling a command's state",
                           [&]
                           {
                               css::frame::FeatureStateEvent event;
                               event.Source = Reference<css::frame::XDispatch>(this);
                               event.FeatureURL = entry.url;
                               event.IsEnabled = enabled(frame, entry.command);
                               entry.listener->statusChanged(event);
                           });
    }

    Reference<XComponentContext> m_context;
    css::uno::WeakReference<css::frame::XFrame> m_frame;
    std::mutex m_mutex;
    std::vector<Listener> m_listeners;
    int m_subscription = 0;
};
} // namespace

std::optional<Command> commandNamed(std::string_view path)
{
    for (const Named& named : kCommands)
        if (named.name == path)
            return named.command;
    return std::nullopt;
}

const Component kComponent{"org.clientes.calc.Commands", "com.sun.star.frame.ProtocolHandler",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new CommandHandler(context); }};
} // namespace clientes::uno::command_handler
