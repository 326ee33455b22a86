#include "deck/client_list_view.hxx"
#include "deck/deck_registry.hxx"

#include "api/profile_fields.hxx"
#include "core/messages/client_card.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/ui_text.hpp"
#include "core/rules/dates.hpp"
#include "dialogs/client_dialog.hxx"
#include "dialogs/copy_dialog.hxx"
#include "dialogs/duplicates_dialog.hxx"
#include "dialogs/export_dialog.hxx"
#include "dialogs/profile_dialog.hxx"
#include "dialogs/register_dialogs.hxx"
#include "dialogs/transfer_dialogs.hxx"
#include "support/awt_controls.hxx"
#include "support/awt_listeners.hxx"
#include "support/entry_guard.hxx"
#include "support/message_box.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/MenuItemStyle.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Pointer.hpp>
#include <com/sun/star/awt/PopupMenu.hpp>
#include <com/sun/star/awt/PopupMenuDirection.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Selection.hpp>
#include <com/sun/star/awt/SystemPointer.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XPointer.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/grid/DefaultGridColumnModel.hpp>
#include <com/sun/star/awt/grid/DefaultGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridColumn.hpp>
#include <com/sun/star/awt/grid/XGridControl.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/view/SelectionType.hpp>

#include <rtl/ref.hxx>

#include <algorithm>
#include <utility>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno
{
namespace
{
constexpr sal_Int32 kMargin = 6;
constexpr sal_Int32 kGap = 6;
constexpr sal_Int32 kButtonHeight = 26;
constexpr sal_Int32 kEditHeight = 24;
constexpr sal_Int32 kLabelHeight = 18;
constexpr sal_Int32 kDetailNameHeight = 20;
constexpr sal_Int32 kDetailHeight = 170;
constexpr sal_Int32 kMoreWidth = 30;
constexpr sal_Int32 kStatusHeight = 100; // six lines: a server away says what and that it retries
constexpr std::size_t kListLimit = 500;

// Menu item ids (0 means "cancelled" to XPopupMenu::execute).
constexpr sal_Int16 kMenuImportClients = 1;
constexpr sal_Int16 kMenuImportInvoices = 2;
constexpr sal_Int16 kMenuExportClients = 3;
constexpr sal_Int16 kMenuExportInvoices = 4;
constexpr sal_Int16 kMenuUndoImport = 5;
constexpr sal_Int16 kMenuShowArchived = 6;
constexpr sal_Int16 kMenuAbout = 7;
constexpr sal_Int16 kMenuBackup = 8;
constexpr sal_Int16 kMenuRestore = 9;
constexpr sal_Int16 kMenuCopyToServer = 10;
constexpr sal_Int16 kMenuEditInCalc = 11;
constexpr sal_Int16 kMenuHelp = 12;
constexpr sal_Int16 kMenuDuplicates = 13;
constexpr sal_Int16 kMenuExportClientsCsv = 20;
constexpr sal_Int16 kMenuExportInvoicesCsv = 21;

OUString ouText(TextKey key, Language language)
{
    return fromUtf8(clientes::text(key, language));
}

Reference<css::awt::grid::XGridColumnModel>
makeColumns(const Reference<css::uno::XComponentContext>& context, Language language)
{
    const Reference<css::awt::grid::XGridColumnModel> columns =
        css::awt::grid::DefaultGridColumnModel::create(context);
    const struct
    {
        TextKey title;
        sal_Int32 width, flexibility;
    } layout[] = {{TextKey::DeckColumnLegalName, 60, 4},
                  {TextKey::DeckColumnTaxId, 40, 2},
                  {TextKey::DeckColumnCity, 36, 2}};
    for (const auto& column : layout)
    {
        const Reference<css::awt::grid::XGridColumn> gridColumn = columns->createColumn();
        gridColumn->setTitle(ouText(column.title, language));
        gridColumn->setColumnWidth(column.width);
        gridColumn->setMinWidth(24);
        gridColumn->setFlexibility(column.flexibility);
        gridColumn->setResizeable(true);
        columns->addColumn(gridColumn);
    }
    return columns;
}
} // namespace

ClientListView::ClientListView(const Reference<css::uno::XComponentContext>& context,
                               const Reference<css::frame::XFrame>& frame,
                               const Reference<css::awt::XWindow>& parent)
    : m_context(context), m_frame(frame), m_parent(parent), m_locale(officeLocale(context)),
      m_language(m_locale.language)
{
    m_container =
        createContainer(context, Reference<css::awt::XWindowPeer>(parent, UNO_QUERY_THROW));
    createControls();
    m_publishBar =
        std::make_unique<PublishBar>(context, frame, m_container, m_language, [this] { layout(); });
    // F1 with the focus in the deck: its page, not the office's help.
    m_help = std::make_unique<HelpScope>(context, Reference<css::awt::XWindow>(), m_container,
                                         [] { return HelpPage::Deck; });
    m_resizeListener = new ResizeForwarder([this] { layout(); });
    m_parent->addWindowListener(m_resizeListener);
    window()->setVisible(true);
    layout();
    // On a team server nothing may be added before the server has said this user may; and
    // the register is opened by the deck's reading thread, so the password container is
    // unlocked here, on the main thread (the sidebar creates the deck there).
    noteMainThread();
    if (teamMode(m_context))
    {
        Reference<css::awt::XWindow>(control(kAdd), UNO_QUERY_THROW)->setEnable(false);
        unlockServerPassword(m_context);
    }
    refresh(std::nullopt);
    deck_registry::add(frame, this);
}

bool ClientListView::readsInBackground()
{
    // Asked again each time: the options page may have switched the register meanwhile.
    m_teamMode = teamMode(m_context);
    if (m_teamMode && !m_reads)
    {
        m_reads = std::make_unique<LatestWork>();
        m_detailReads = std::make_unique<LatestWork>();
        const std::weak_ptr<const bool> alive = m_alive;
        m_busy = std::make_unique<BusyWatch>(
            std::chrono::milliseconds(200),
            [this, alive, context = m_context](std::uint64_t question)
            {
                postToMainThread(context,
                                 [this, alive, question]
                                 {
                                     if (alive.lock() && question == m_generation)
                                         showBusy(true);
                                 });
            });
    }
    return m_teamMode;
}

ClientListView::~ClientListView()
{
    deck_registry::remove(this);
}

Reference<css::awt::XWindow> ClientListView::window() const
{
    return Reference<css::awt::XWindow>(m_container, UNO_QUERY_THROW);
}

Reference<css::awt::XControl> ClientListView::control(const char* name) const
{
    return m_container->getControl(ascii(name));
}

void ClientListView::createControls()
{
    const Language lang = m_language;
    addControl(m_context, m_container, kAdd, "com.sun.star.awt.UnoControlButtonModel",
               {{"Label", Any(ouText(TextKey::DeckAddClient, lang))},
                {"HelpText", Any(ouText(TextKey::DeckAddClientHelp, lang))},
                {"Tabstop", Any(true)}});
    addControl(m_context, m_container, kMore, "com.sun.star.awt.UnoControlButtonModel",
               {{"Label", Any(fromUtf8("⋯"))},
                {"HelpText", Any(ouText(TextKey::DeckMoreMenuHelp, lang))},
                {"Tabstop", Any(true)}});
    addControl(m_context, m_container, "SearchLabel", "com.sun.star.awt.UnoControlFixedTextModel",
               {{"Label", Any(ouText(TextKey::DeckSearchLabel, lang))}});
    addControl(m_context, m_container, kSearch, "com.sun.star.awt.UnoControlEditModel",
               {{"HelpText", Any(ouText(TextKey::DeckSearchHelp, lang))}, {"Tabstop", Any(true)}});
    addControl(m_context, m_container, kStatus, "com.sun.star.awt.UnoControlFixedTextModel",
               {{"MultiLine", Any(true)}, {"TextColor", Any(sal_Int32(0xB00020))}});

    m_rowsModel = css::awt::grid::DefaultGridDataModel::create(m_context);
    addControl(m_context, m_container, kList, "com.sun.star.awt.grid.UnoControlGridModel",
               {{"ColumnModel", Any(makeColumns(m_context, lang))},
                {"GridDataModel", Any(m_rowsModel)},
                {"ShowRowHeader", Any(false)},
                {"ShowColumnHeader", Any(true)},
                {"SelectionModel", Any(css::view::SelectionType_MULTI)},
                {"HScroll", Any(false)},
                {"VScroll", Any(true)},
                {"HelpText", Any(ouText(TextKey::DeckListHelp, lang))},
                {"Tabstop", Any(true)}});
    addControl(m_context, m_container, kCount, "com.sun.star.awt.UnoControlFixedTextModel", {});

    css::awt::FontDescriptor bold;
    bold.Weight = css::awt::FontWeight::BOLD;
    addControl(m_context, m_container, kDetailName, "com.sun.star.awt.UnoControlFixedTextModel",
               {{"FontDescriptor", Any(bold)}});
    addControl(m_context, m_container, kDetail, "com.sun.star.awt.UnoControlFixedTextModel",
               {{"MultiLine", Any(true)}});

    Reference<css::awt::XButton>(control(kAdd), UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(onMainThread(&ClientListView::addClient)));
    Reference<css::awt::XButton>(control(kMore), UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(onMainThread(&ClientListView::showMoreMenu)));
    Reference<css::awt::XTextComponent>(control(kSearch), UNO_QUERY_THROW)
        ->addTextListener(new TextForwarder(onMainThread(&ClientListView::reload)));
    const Reference<css::awt::XControl> list = control(kList);
    Reference<css::awt::grid::XGridRowSelection>(list, UNO_QUERY_THROW)
        ->addSelectionListener(
            new GridSelectionForwarder(onMainThread(&ClientListView::showSelection)));
    rtl::Reference<ListGestureForwarder> gestures(
        new ListGestureForwarder({onMainThread(&ClientListView::openSelected),
                                  onMainThread(&ClientListView::selectCursorRow),
                                  onMainThread(&ClientListView::selectSomethingOnEntry)}));
    const Reference<css::awt::XWindow> listWindow(list, UNO_QUERY_THROW);
    listWindow->addMouseListener(gestures.get());
    listWindow->addKeyListener(gestures.get());
    listWindow->addFocusListener(gestures.get());
}

std::function<void()> ClientListView::onMainThread(void (ClientListView::*member)())
{
    return [this, member]
    { postWhileAlive(m_context, m_alive, [this, member] { (this->*member)(); }); };
}

void ClientListView::layout()
{
    const css::awt::Rectangle area = m_parent->getPosSize();
    const sal_Int32 width = std::max(area.Width, kMinimalWidth);
    const sal_Int32 height = std::max(area.Height, kMinimalHeight);
    window()->setPosSize(0, 0, width, height, css::awt::PosSize::POSSIZE);

    const sal_Int32 inner = width - 2 * kMargin;
    sal_Int32 y = kMargin;
    setPosSize(control(kAdd), kMargin, y, std::min<sal_Int32>(inner - kMoreWidth - kGap, 200),
               kButtonHeight);
    setPosSize(control(kMore), width - kMargin - kMoreWidth, y, kMoreWidth, kButtonHeight);
    y += kButtonHeight + kGap;
    setPosSize(control("SearchLabel"), kMargin, y, inner, kLabelHeight);
    y += kLabelHeight;
    setPosSize(control(kSearch), kMargin, y, inner, kEditHeight);
    y += kEditHeight + kGap;
    if (m_publishBar)
        y += m_publishBar->layout(kMargin, y, inner);
    if (m_storeProblem)
    {
        setPosSize(control(kStatus), kMargin, y, inner, kStatusHeight);
        y += kStatusHeight + kGap;
    }
    Reference<css::awt::XWindow>(control(kStatus), UNO_QUERY_THROW)->setVisible(m_storeProblem);

    const sal_Int32 detailTop = height - kMargin - kDetailHeight - kDetailNameHeight;
    const sal_Int32 countTop = detailTop - kGap - kLabelHeight;
    setPosSize(control(kList), kMargin, y, inner, std::max<sal_Int32>(countTop - y - 2, 60));
    setPosSize(control(kCount), kMargin, countTop, inner, kLabelHeight);
    setPosSize(control(kDetailName), kMargin, detailTop, inner, kDetailNameHeight);
    setPosSize(control(kDetail), kMargin, detailTop + kDetailNameHeight, inner, kDetailHeight);
}

void ClientListView::refresh(std::optional<std::int64_t> select)
{
    if (readsInBackground())
    {
        readInBackground(select, false);
        return;
    }
    const std::string query =
        toUtf8(Reference<css::awt::XTextComponent>(control(kSearch), UNO_QUERY_THROW)->getText());
    try
    {
        auto [page, connection] =
            storeAccess().with(m_context,
                               [&](Register& store) {
                                   return std::pair(store.search(query, m_showArchived, kListLimit),
                                                    store.connectionInfo());
                               });
        showConnection(connection);
        fill(std::move(page), select);
    }
    catch (const StoreError& error)
    {
        showStoreProblem(error);
    }
}

// The list (and the client to select, with its figures) read on a thread of its own: the
// main thread never waits on the server. Only the answer to the latest question is shown.
void ClientListView::readInBackground(std::optional<std::int64_t> select, bool revealSelect)
{
    const std::string query =
        toUtf8(Reference<css::awt::XTextComponent>(control(kSearch), UNO_QUERY_THROW)->getText());
    const std::uint64_t generation = ++m_generation;
    const std::weak_ptr<const bool> alive = m_alive;
    m_busy->asked(generation);
    m_reads->submit(
        [this, alive, generation, query, select, revealSelect, context = m_context,
         showArchived = m_showArchived]
        {
            auto answer = std::make_shared<Answer>();
            answer->select = select;
            try
            {
                storeAccess().with(
                    context,
                    [&](Register& store)
                    {
                        answer->page = store.search(query, showArchived, kListLimit);
                        answer->connection = store.connectionInfo();
                        if (!select)
                            return;
                        answer->client = store.byId(*select);
                        if (!answer->client)
                            return;
                        answer->summary = store.summary(*select, clientes::todayIso());
                        const auto& rows = answer->page.rows;
                        const bool listed = std::any_of(rows.begin(), rows.end(),
                                                        [&](const ClientSummary& row)
                                                        { return row.id == *select; });
                        if (revealSelect && !listed)
                            answer->page.rows.insert(
                                answer->page.rows.begin(),
                                ClientSummary{answer->client->id, answer->client->code,
                                              answer->client->legalName, answer->client->taxId,
                                              answer->client->city, answer->client->archived});
                    });
            }
            catch (const StoreError&)
            {
                answer->failure = std::current_exception();
            }
            // The view is touched on the main thread only, and only while it lives.
            postToMainThread(context,
                             [this, alive, generation, answer]
                             {
                                 if (alive.lock())
                                     showAnswer(generation, answer);
                             });
        });
}

void ClientListView::showAnswer(std::uint64_t generation, const std::shared_ptr<Answer>& answer)
{
    if (generation != m_generation)
        return; // a newer question is on its way
    m_busy->answered(generation);
    showBusy(false);
    if (answer->failure)
    {
        try
        {
            std::rethrow_exception(answer->failure);
        }
        catch (const StoreError& error)
        {
            showStoreProblem(error);
        }
        return;
    }
    showConnection(answer->connection);
    m_prefetched = answer;
    fill(std::move(answer->page), answer->select);
    m_prefetched.reset();
}

void ClientListView::showBusy(bool busy)
{
    if (busy == m_busyShown)
        return;
    m_busyShown = busy;
    if (busy)
        modelOf(control(kCount))
            ->setPropertyValue(ascii("Label"),
                               Any(fromUtf8(clientes::text(TextKey::DeckBusy, m_language))));
    const Reference<css::awt::XPointer> pointer = css::awt::Pointer::create(m_context);
    pointer->setType(busy ? css::awt::SystemPointer::WAIT : css::awt::SystemPointer::ARROW);
    for (const char* name : {kList, kSearch})
        if (const Reference<css::awt::XWindowPeer> peer{control(name)->getPeer(), UNO_QUERY};
            peer.is())
            peer->setPointer(pointer);
}

void ClientListView::showConnection(const ConnectionInfo& connection)
{
    // A team server's read-only user adds nothing: the button says so by being greyed out.
    m_connection = connection;
    m_permissions = connection.permissions;
    m_teamServer = connection.server;
    Reference<css::awt::XWindow>(control(kAdd), UNO_QUERY_THROW)
        ->setEnable(connection.permissions.edit);
    deck_registry::changed();
}

void ClientListView::reveal(std::int64_t clientId)
{
    if (readsInBackground())
    {
        readInBackground(clientId, true);
        return;
    }
    const std::string query =
        toUtf8(Reference<css::awt::XTextComponent>(control(kSearch), UNO_QUERY_THROW)->getText());
    try
    {
        SearchPage page = storeAccess().with(
            m_context,
            [&](Register& store)
            {
                SearchPage result = store.search(query, m_showArchived, kListLimit);
                const bool listed =
                    std::any_of(result.rows.begin(), result.rows.end(),
                                [&](const ClientSummary& row) { return row.id == clientId; });
                if (!listed)
                    if (const auto client = store.byId(clientId))
                        result.rows.insert(result.rows.begin(),
                                           ClientSummary{client->id, client->code,
                                                         client->legalName, client->taxId,
                                                         client->city, client->archived});
                return result;
            });
        fill(std::move(page), clientId);
    }
    catch (const StoreError& error)
    {
        showStoreProblem(error);
    }
}

void ClientListView::fill(SearchPage page, std::optional<std::int64_t> select)
{
    if (m_storeProblem)
    {
        m_storeProblem = false;
        layout();
    }
    m_rows = std::move(page.rows);

    Sequence<Any> headings(static_cast<sal_Int32>(m_rows.size()));
    Sequence<Sequence<Any>> cells(static_cast<sal_Int32>(m_rows.size()));
    Sequence<Any>* out = cells.getArray();
    for (const ClientSummary& row : m_rows)
    {
        Sequence<Any> line(3);
        Any* cell = line.getArray();
        cell[0] <<=
            fromUtf8(row.archived ? row.legalName + " (" +
                                        clientes::text(TextKey::DeckArchived, m_language) + ")"
                                  : row.legalName);
        cell[1] <<= fromUtf8(row.taxId);
        cell[2] <<= fromUtf8(row.city);
        *out++ = line;
    }
    m_rowsModel->removeAllRows();
    if (!m_rows.empty())
        m_rowsModel->addRows(headings, cells);

    const auto shown = static_cast<std::int64_t>(m_rows.size());
    std::string count = shown < page.total ? partialListNote(shown, page.total, m_locale)
                                           : clientCount(page.total, m_locale);
    // On a team server the deck says whose register this is (the server in the tooltip).
    if (m_teamServer)
        count = clientes::text(TextKey::DeckOnServer, m_language,
                               {{"count", count}, {"user", m_connection.user}});
    modelOf(control(kCount))->setPropertyValue(ascii("Label"), Any(fromUtf8(count)));
    modelOf(control(kCount))
        ->setPropertyValue(ascii("HelpText"),
                           Any(fromUtf8(m_teamServer ? m_connection.location : std::string())));

    Reference<css::awt::grid::XGridRowSelection>(control(kList), UNO_QUERY_THROW)
        ->deselectAllRows();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (select && m_rows[i].id == *select)
            selectRow(static_cast<sal_Int32>(i));
    showSelection();
}

std::optional<std::int64_t> ClientListView::selectedId() const
{
    const Sequence<sal_Int32> selected =
        Reference<css::awt::grid::XGridRowSelection>(control(kList), UNO_QUERY_THROW)
            ->getSelectedRows();
    if (selected.getLength() == 0)
        return std::nullopt;
    const auto index = static_cast<std::size_t>(selected[0]);
    if (index >= m_rows.size())
        return std::nullopt;
    return m_rows[index].id;
}

void ClientListView::showSelection()
{
    deck_registry::changed(); // "Abrir la ficha" follows the selection
    const std::optional<std::int64_t> id = selectedId();
    if (id && m_teamMode && m_detailReads)
    {
        // Read with the list, or on a thread of its own (clicking through the list).
        if (m_prefetched && m_prefetched->select == id)
        {
            showClient(m_prefetched->client, m_prefetched->summary);
            return;
        }
        const std::uint64_t generation = ++m_detailGeneration;
        const std::weak_ptr<const bool> alive = m_alive;
        m_detailReads->submit(
            [this, alive, generation, id = *id, context = m_context]
            {
                auto answer = std::make_shared<Answer>();
                try
                {
                    storeAccess().with(context,
                                       [&](Register& store)
                                       {
                                           answer->client = store.byId(id);
                                           if (answer->client)
                                               answer->summary =
                                                   store.summary(id, clientes::todayIso());
                                       });
                }
                catch (const StoreError&)
                {
                    answer->failure = std::current_exception();
                }
                postToMainThread(context,
                                 [this, alive, generation, id, answer]
                                 {
                                     if (!alive.lock() || generation != m_detailGeneration ||
                                         selectedId() != id)
                                         return;
                                     if (answer->failure)
                                         reload(); // the list says what is wrong
                                     else
                                         showClient(answer->client, answer->summary);
                                 });
            });
        return;
    }
    std::optional<ProfileSummary> summary;
    std::optional<Client> client;
    if (id)
        client = storeAccess().with(m_context,
                                    [&](Register& store)
                                    {
                                        std::optional<Client> found = store.byId(*id);
                                        if (found)
                                            summary = store.summary(*id, clientes::todayIso());
                                        return found;
                                    });
    showClient(client, summary);
}

// The selected client's legal and contact data and its key figures in one line; without one,
// what the list says.
void ClientListView::showClient(const std::optional<Client>& client,
                                const std::optional<ProfileSummary>& summary)
{
    std::string name;
    std::string detail;
    if (client && summary)
    {
        const std::string card = formatClientCard(*client, *summary, m_locale);
        const auto lineEnd = card.find('\n');
        name = card.substr(0, lineEnd);
        detail = lineEnd == std::string::npos ? std::string() : card.substr(lineEnd + 1);
    }
    else if (!selectedId() &&
             !m_storeProblem) // with no register, "no client matches" would be wrong
    {
        const bool searching =
            !Reference<css::awt::XTextComponent>(control(kSearch), UNO_QUERY_THROW)
                 ->getText()
                 .isEmpty();
        detail = clientes::text(m_rows.empty()
                                    ? (searching ? TextKey::DeckNoMatches : TextKey::DeckNoClients)
                                    : TextKey::DeckNoSelection,
                                m_language);
    }
    modelOf(control(kDetailName))->setPropertyValue(ascii("Label"), Any(fromUtf8(name)));
    modelOf(control(kDetail))->setPropertyValue(ascii("Label"), Any(fromUtf8(detail)));
}

void ClientListView::showStoreProblem(const StoreError& error)
{
    m_rows.clear();
    m_rowsModel->removeAllRows();
    // A team server that does not answer: the watch keeps trying and refreshes the list when
    // it is back (support/store_access), so the deck says it retries.
    const bool serverAway =
        error.where == StoreError::Where::Server && error.kind == StoreError::Kind::CannotOpen;
    const std::string text = serverAway
                                 ? clientes::text(TextKey::DeckServerAwayTitle, m_language) + "\n" +
                                       describe(error, m_language) + "\n" +
                                       clientes::text(TextKey::DeckServerRetrying, m_language)
                                 : clientes::text(TextKey::DeckStoreUnavailableTitle, m_language) +
                                       "\n" + describe(error, m_language);
    modelOf(control(kStatus))->setPropertyValue(ascii("Label"), Any(fromUtf8(text)));
    modelOf(control(kCount))->setPropertyValue(ascii("Label"), Any(OUString()));
    modelOf(control(kDetailName))->setPropertyValue(ascii("Label"), Any(OUString()));
    modelOf(control(kDetail))->setPropertyValue(ascii("Label"), Any(OUString()));
    if (!m_storeProblem)
    {
        m_storeProblem = true;
        layout();
    }
}

// The grid's keyboard cursor and its selection are separate; the deck keeps them together so
// that the arrow keys move the selection and Enter opens what is shown selected.
void ClientListView::selectRow(sal_Int32 row)
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return;
    const Reference<css::awt::XControl> list = control(kList);
    const auto selection = Reference<css::awt::grid::XGridRowSelection>(list, UNO_QUERY_THROW);
    if (!selection->isRowSelected(row))
    {
        selection->deselectAllRows();
        selection->selectRow(row);
    }
    const auto grid = Reference<css::awt::grid::XGridControl>(list, UNO_QUERY_THROW);
    if (grid->getCurrentRow() != row)
        grid->goToCell(0, row);
}

void ClientListView::selectCursorRow()
{
    selectRow(
        Reference<css::awt::grid::XGridControl>(control(kList), UNO_QUERY_THROW)->getCurrentRow());
}

void ClientListView::selectSomethingOnEntry()
{
    if (m_rows.empty() || selectedId())
        return;
    const sal_Int32 row =
        Reference<css::awt::grid::XGridControl>(control(kList), UNO_QUERY_THROW)->getCurrentRow();
    selectRow(row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? row : 0);
}

void ClientListView::openSelected()
{
    const auto id = selectedId();
    if (!id)
        return;
    // The client's profile; what changed there shows in the list, the client kept selected.
    if (profile_dialog::run(m_context, css::uno::Reference<css::frame::XFrame>(m_frame), *id))
        reveal(*id);
}

void ClientListView::addClient()
{
    bool toRecords = false;
    const auto created = client_dialog::run(m_context, std::nullopt, &toRecords);
    if (!created)
        return;
    reveal(*created);
    // Saved to add its addresses and accounts: the profile, at their tab.
    if (toRecords &&
        profile_dialog::run(m_context, css::uno::Reference<css::frame::XFrame>(m_frame), *created,
                            profile_dialog::kAddressesPage))
        reveal(*created);
}

void ClientListView::showMoreMenu()
{
    const Reference<css::awt::XPopupMenu> menu = css::awt::PopupMenu::create(m_context);
    sal_Int16 position = 0;
    const auto item = [&](sal_Int16 id, TextKey label, sal_Int16 style = 0)
    { menu->insertItem(id, ouText(label, m_language), style, position++); };
    item(kMenuImportClients, TextKey::DeckImportClients);
    item(kMenuImportInvoices, TextKey::DeckImportInvoices);
    item(kMenuExportClients, TextKey::DeckExportClients);
    item(kMenuExportInvoices, TextKey::DeckExportInvoices);
    item(kMenuEditInCalc, TextKey::DeckEditInCalc);
    item(kMenuExportClientsCsv, TextKey::DeckExportClientsCsv);
    item(kMenuExportInvoicesCsv, TextKey::DeckExportInvoicesCsv);
    item(kMenuUndoImport, TextKey::DeckUndoImport);
    menu->insertSeparator(position++);
    item(kMenuDuplicates, TextKey::DeckFindDuplicates);
    menu->insertSeparator(position++);
    item(kMenuBackup, TextKey::DeckBackup);
    item(kMenuRestore, TextKey::DeckRestore);
    item(kMenuCopyToServer, TextKey::DeckCopyToServer);
    // What the connected user may not do is greyed out (a team server's grants); a team
    // server is backed up by its administrator (pg_dump), not from here.
    for (sal_Int16 writes :
         {kMenuImportClients, kMenuImportInvoices, kMenuUndoImport, kMenuEditInCalc})
        menu->enableItem(writes, m_permissions.edit);
    for (sal_Int16 fileOnly : {kMenuBackup, kMenuRestore})
        menu->enableItem(fileOnly, !m_teamServer);
    // This computer's register file into the team server: for those who may write there.
    menu->enableItem(kMenuCopyToServer, m_teamServer && m_permissions.edit);
    menu->insertSeparator(position++);
    item(kMenuShowArchived, TextKey::DeckShowArchived, css::awt::MenuItemStyle::CHECKABLE);
    menu->checkItem(kMenuShowArchived, m_showArchived);
    menu->insertSeparator(position++);
    item(kMenuHelp, TextKey::DeckHelp);
    item(kMenuAbout, TextKey::DeckAbout);

    const css::awt::Rectangle button =
        Reference<css::awt::XWindow>(control(kMore), UNO_QUERY_THROW)->getPosSize();
    runMenuCommand(menu->execute(
        Reference<css::awt::XWindowPeer>(control(kMore)->getPeer(), UNO_QUERY_THROW),
        css::awt::Rectangle(0, button.Height, 1, 1), css::awt::PopupMenuDirection::EXECUTE_DOWN));
}

void ClientListView::runMenuCommand(sal_Int16 command)
{
    const Reference<css::frame::XFrame> frame(m_frame);
    const auto query = [this]
    {
        return toUtf8(
            Reference<css::awt::XTextComponent>(control(kSearch), UNO_QUERY_THROW)->getText());
    };
    switch (command)
    {
    case kMenuImportClients:
        if (transfer_dialogs::importClients(m_context, frame))
            reload();
        break;
    case kMenuImportInvoices:
        if (transfer_dialogs::importInvoices(m_context, frame))
            reload();
        break;
    case kMenuExportClients:
        transfer_dialogs::exportClients(m_context, frame, query(), selectedCodes());
        break;
    case kMenuExportInvoices:
        transfer_dialogs::exportInvoices(m_context, frame);
        break;
    case kMenuEditInCalc:
        export_dialog::run(m_context, frame, ImportKind::Clients, query(), selectedCodes(), true);
        if (m_publishBar)
            m_publishBar->update();
        break;
    case kMenuExportClientsCsv:
        transfer_dialogs::exportClientsCsv(m_context, frame, m_showArchived);
        break;
    case kMenuExportInvoicesCsv:
        transfer_dialogs::exportInvoicesCsv(m_context, frame);
        break;
    case kMenuUndoImport:
        if (transfer_dialogs::undoLastImport(m_context, frame))
            reload();
        break;
    case kMenuBackup:
        register_dialogs::backup(
            m_context, Reference<css::awt::XWindowPeer>(control(kMore)->getPeer(), UNO_QUERY));
        break;
    case kMenuRestore:
        if (register_dialogs::restore(
                m_context, Reference<css::awt::XWindowPeer>(control(kMore)->getPeer(), UNO_QUERY)))
            reload();
        break;
    case kMenuCopyToServer:
        copy_dialog::run(m_context,
                         Reference<css::awt::XWindowPeer>(control(kMore)->getPeer(), UNO_QUERY));
        reload();
        break;
    case kMenuDuplicates:
        if (duplicates_dialog::run(
                m_context, Reference<css::awt::XWindowPeer>(control(kMore)->getPeer(), UNO_QUERY)))
            reload();
        break;
    case kMenuShowArchived:
        m_showArchived = !m_showArchived;
        reload();
        break;
    case kMenuHelp:
        openHelp(m_context, HelpPage::Deck,
                 Reference<css::awt::XWindowPeer>(control(kMore)->getPeer(), UNO_QUERY));
        break;
    case kMenuAbout:
        showAbout();
        break;
    default:
        break;
    }
}

void ClientListView::run(Action action)
{
    switch (action)
    {
    case Action::ImportClients:
        return runMenuCommand(kMenuImportClients);
    case Action::ImportInvoices:
        return runMenuCommand(kMenuImportInvoices);
    case Action::ExportClients:
        return runMenuCommand(kMenuExportClients);
    case Action::ExportInvoices:
        return runMenuCommand(kMenuExportInvoices);
    case Action::EditInCalc:
        return runMenuCommand(kMenuEditInCalc);
    case Action::UndoImport:
        return runMenuCommand(kMenuUndoImport);
    }
}

void ClientListView::focusSearch()
{
    const Reference<css::awt::XControl> search = control(kSearch);
    Reference<css::awt::XWindow>(search, UNO_QUERY_THROW)->setFocus();
    const Reference<css::awt::XTextComponent> text(search, UNO_QUERY_THROW);
    text->setSelection(css::awt::Selection(0, text->getText().getLength()));
}

std::vector<std::string> ClientListView::selectedCodes() const
{
    std::vector<std::string> codes;
    const Sequence<sal_Int32> selected =
        Reference<css::awt::grid::XGridRowSelection>(control(kList), UNO_QUERY_THROW)
            ->getSelectedRows();
    for (sal_Int32 row : selected)
        if (row >= 0 && static_cast<std::size_t>(row) < m_rows.size())
            codes.push_back(m_rows[static_cast<std::size_t>(row)].code);
    return codes;
}

void ClientListView::showAbout()
{
    std::string body = clientes::text(TextKey::DeckAboutBody, m_language);
    const auto replace = [&body](const std::string& token, const std::string& value)
    {
        if (const auto at = body.find(token); at != std::string::npos)
            body.replace(at, token.size(), value);
    };
    replace("{version}", CLIENTES_VERSION);
    replace("{path}", databasePath(m_context).string());
    const Reference<css::awt::XWindowPeer> parent(control(kMore)->getPeer(), UNO_QUERY_THROW);
    messageBox(m_context, parent, BoxKind::Info, ouText(TextKey::DeckAboutTitle, m_language),
               fromUtf8(body));
}

void ClientListView::dispose()
{
    deck_registry::remove(this);
    m_alive.reset(); // work already posted for this view is dropped
    if (m_publishBar)
        m_publishBar->dispose();
    m_busy.reset();
    m_reads.reset();
    m_detailReads.reset();
    m_help.reset();
    guardedNoThrow("closing the deck",
                   [this]
                   {
                       if (m_parent.is() && m_resizeListener.is())
                           m_parent->removeWindowListener(m_resizeListener);
                       Reference<css::lang::XComponent>(m_container, UNO_QUERY_THROW)->dispose();
                   });
    m_container.clear();
    m_parent.clear();
}
} // namespace clientes::uno
