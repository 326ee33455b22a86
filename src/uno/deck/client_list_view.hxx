// The deck's content: search, list, count, "+ Agregar cliente", the "⋯" menu and the selected
// client's data, laid out in pixels inside the sidebar's panel window.
#pragma once

#include "core/model/client.hpp"
#include "core/model/profile_summary.hpp"
#include "core/register/register.hpp"
#include "core/text/language.hpp"
#include "core/text/locale.hpp"
#include "deck/publish_bar.hxx"
#include "support/busy_watch.hxx"
#include "support/help.hxx"
#include "support/latest_work.hxx"
#include "support/main_thread.hxx"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/grid/XMutableGridDataModel.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/weakref.hxx>

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace clientes::uno
{
class ClientListView
{
public:
    // Control names, also what tests look for through XControlContainer::getControl.
    static constexpr const char* kSearch = "Search";
    static constexpr const char* kList = "ClientList";
    static constexpr const char* kCount = "Count";
    static constexpr const char* kAdd = "AddClient";
    static constexpr const char* kMore = "More";
    static constexpr const char* kDetailName = "DetailName";
    static constexpr const char* kDetail = "Detail";
    static constexpr const char* kStatus = "Status";

    ClientListView(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::frame::XFrame>& frame,
                   const css::uno::Reference<css::awt::XWindow>& parent);
    ~ClientListView();
    ClientListView(const ClientListView&) = delete;
    ClientListView& operator=(const ClientListView&) = delete;

    css::uno::Reference<css::awt::XWindow> window() const;
    void layout();
    // Reads the store again and selects the given client when the list holds it.
    void refresh(std::optional<std::int64_t> select);
    // Reads the store again, keeping the current selection.
    void reload() { refresh(selectedId()); }
    // Reads the store again and shows the given client selected, even when the search would
    // hide it: the client the user just created or edited.
    void reveal(std::int64_t clientId);
    void dispose();

    // What the menu's and toolbar's commands (commands/command_handler) ask of the deck.
    enum class Action
    {
        ImportClients,
        ImportInvoices,
        ExportClients,
        ExportInvoices,
        EditInCalc,
        UndoImport,
    };
    void run(Action action);
    void addClient();
    // The selected client's profile (nothing without one).
    void openSelected();
    // Puts the cursor in the search field, its text selected.
    void focusSearch();
    bool hasSelection() const { return selectedId().has_value(); }
    // Whether the connected user may write (a team server's grants; always with a file).
    bool mayEdit() const { return m_permissions.edit; }

    static constexpr sal_Int32 kMinimalWidth = 300;
    static constexpr sal_Int32 kMinimalHeight = 440;
    static constexpr sal_Int32 kPreferredHeight = 680;

private:
    // A team server's answer to the deck, read off the main thread.
    struct Answer
    {
        std::exception_ptr failure; // a StoreError
        SearchPage page;
        ConnectionInfo connection;
        std::optional<std::int64_t> select;
        std::optional<Client> client; // the selected one, with its figures
        std::optional<ProfileSummary> summary;
    };
    // On a team server the deck's reads run on threads of their own (m_reads, m_detailReads)
    // and the answer is shown when it comes, if it is still the latest question; with a file
    // they run at once.
    bool readsInBackground();
    void readInBackground(std::optional<std::int64_t> select, bool revealSelect);
    void showAnswer(std::uint64_t generation, const std::shared_ptr<Answer>& answer);
    // A list question unanswered after 200 ms: the count says the deck is searching and the
    // list shows the wait pointer, until the answer comes.
    void showBusy(bool busy);
    void showClient(const std::optional<Client>& client,
                    const std::optional<ProfileSummary>& summary);
    void createControls();
    void fill(SearchPage page, std::optional<std::int64_t> select);
    void showSelection();
    void selectRow(sal_Int32 row);
    void selectCursorRow();
    void selectSomethingOnEntry();
    void showMoreMenu();
    void showAbout();
    void runMenuCommand(sal_Int16 command);
    std::vector<std::string> selectedCodes() const;
    void showStoreProblem(const StoreError& error);
    // What the connected user may do: the add button and the menu's writing commands.
    void showConnection(const ConnectionInfo& connection);
    std::optional<std::int64_t> selectedId() const;
    css::uno::Reference<css::awt::XControl> control(const char* name) const;
    // Listeners hand their work to the main thread through this.
    std::function<void()> onMainThread(void (ClientListView::*member)());

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::WeakReference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XWindow> m_parent;
    css::uno::Reference<css::awt::XControlContainer> m_container;
    css::uno::Reference<css::awt::grid::XMutableGridDataModel> m_rowsModel;
    css::uno::Reference<css::awt::XWindowListener> m_resizeListener;
    Locale m_locale; // the office locale's figures, the UI language's words
    Language m_language;
    std::vector<ClientSummary> m_rows;
    bool m_showArchived = false;
    bool m_storeProblem = false;
    ConnectionInfo m_connection;
    Permissions m_permissions;
    bool m_teamServer = false;
    AliveToken m_alive = makeAliveToken();
    bool m_teamMode = false;
    std::uint64_t m_generation = 0; // of the latest list question
    bool m_busyShown = false;
    std::uint64_t m_detailGeneration = 0; // of the latest selected-client question
    std::shared_ptr<Answer> m_prefetched; // the selected client read with the list
    // Shown while the active sheet is bound to the register ("Editar en Calc").
    std::unique_ptr<PublishBar> m_publishBar;
    std::unique_ptr<HelpScope> m_help;
    std::unique_ptr<BusyWatch> m_busy; // team mode: the reads' slowness
    // Last: destroyed first, so that no answer arrives for a view being destroyed.
    std::unique_ptr<LatestWork> m_reads;
    std::unique_ptr<LatestWork> m_detailReads;
};
} // namespace clientes::uno
