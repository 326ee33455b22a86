#include "dialogs/profile_dialog.hxx"
#include "support/awt_controls.hxx"

#include "api/profile_fields.hxx"
#include "core/files/safe_files.hpp"
#include "core/messages/client_card.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/model/record_kinds.hpp"
#include "core/register/register.hpp"
#include "core/rules/dates.hpp"
#include "dialogs/client_dialog.hxx"
#include "dialogs/profile_ui.hxx"
#include "dialogs/record_tab.hxx"
#include "support/awt_listeners.hxx"
#include "support/entry_guard.hxx"
#include "support/main_thread.hxx"
#include "support/message_box.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/profile_files.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XDialog2.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/grid/DefaultGridColumnModel.hpp>
#include <com/sun/star/awt/grid/DefaultGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridColumn.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/awt/grid/XMutableGridDataModel.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/style/HorizontalAlignment.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/view/SelectionType.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno::profile_dialog
{
namespace
{
using namespace dialog_ui;
using record_tab::Column;
using record_tab::GridPlace;
using record_tab::RecordTab;
using record_tab::Show;
using record_tab::TabSpec;

// Tabs in Step order (the dialog's Step n shows the controls of page n). The row of buttons
// shows tabAddresses (Step 9) third, after tabContact.
const char* const kTabs[] = {"tabSummary", "tabContact",  "tabProjects",
                             "tabOrders",  "tabInvoices", "tabDeals",
                             "tabFiles",   "tabActivity", "tabAddresses"};
constexpr int kTabCount = static_cast<int>(std::size(kTabs));

// The record tabs: the kind, the prefix of its controls and handlers (record_tab.hxx), where
// its list goes and the list's columns. The forms are in the .xdl.
const std::vector<TabSpec>& tabSpecs()
{
    static const std::vector<TabSpec> specs = {
        {RecordType::Task,
         "Task",
         {"gridTasks", 8, 176, 300, 110, 1, 14},
         {{"title", 150, 4},
          {"dueDate", 50, 0, Show::Value, TextKey::ProfileColumnDue},
          {"status", 84, 1, Show::State}}},
        {RecordType::Contact,
         "Contact",
         {"gridContacts", 256, 66, 256, 110, 2, 28},
         {{"name", 60, 2}, {"role", 40, 1}, {"email", 66, 2}, {"phone", 44, 0}, {"mobile", 44, 0}}},
        {RecordType::Project,
         "Project",
         {"gridProjects", 8, 66, 248, 150, 3, 43},
         {{"name", 140, 4}, {"status", 50, 1}, {"hours", 46, 1, Show::Hours}}},
        {RecordType::TimeEntry,
         "Time",
         {"gridTime", 264, 66, 248, 128, 3, 52},
         {{"date", 52, 0}, {"hours", 32, 0}, {"note", 150, 4}}},
        {RecordType::PurchaseOrder,
         "Order",
         {"gridOrders", 8, 66, 504, 140, 4, 64},
         {{"number", 150, 3}, {"date", 80, 1}, {"amount", 120, 1}, {"status", 140, 2}}},
        {RecordType::Invoice,
         "Invoice",
         {"gridInvoices", 8, 66, 504, 114, 5, 80},
         {{"number", 110, 3},
          {"issueDate", 72, 1},
          {"dueDate", 84, 1},
          {"total", 100, 1},
          {"status", 120, 2, Show::State}}},
        {RecordType::Deal,
         "Deal",
         {"gridDeals", 8, 66, 504, 140, 6, 101},
         {{"title", 150, 4},
          {"number", 60, 1},
          {"date", 56, 0},
          {"amount", 80, 1},
          {"stage", 60, 1},
          {"validUntil", 60, 0}}},
        {RecordType::File,
         "File",
         {"gridFiles", 8, 66, 504, 190, 7, 121},
         {{"name", 200, 4, Show::FileName},
          {"mimeType", 140, 2},
          {"size", 60, 1, Show::FileSize, TextKey::ProfileColumnSize},
          {"addedAt", 90, 1, Show::Value, TextKey::ProfileColumnAdded}}},
        {RecordType::Address,
         "Address",
         {"gridAddresses", 8, 66, 248, 104, 9, 145},
         {{"type", 40, 0},
          {"name", 56, 2},
          {"street", 68, 3},
          {"city", 44, 1},
          {"country", 28, 0}}},
        {RecordType::BankAccount,
         "Bank",
         {"gridBankAccounts", 264, 66, 248, 124, 9, 170, true},
         // Wider than the list, which scrolls: the check comes before the holder and the bank
         // (also in the form), and in full under the list.
         {{"iban", 124, 0, Show::Iban},
          {"bic", 52, 0},
          {"ibanCheck", 120, 0, Show::State, TextKey::RecordFieldIbanCheck},
          {"holder", 100, 0},
          {"bank", 70, 0}}},
    };
    return specs;
}

constexpr GridPlace kActivityGrid = {"gridActivity", 8, 66, 504, 156, 8, 127};

constexpr std::size_t kActivityShown = 300;

using Rows = std::vector<std::vector<std::string>>;

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string text;
    for (const std::string& line : lines)
        text += (text.empty() ? "" : "\n") + line;
    return text;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : text.substr(first);
}

// What the confirmation strip waits for.
struct Pending
{
    enum class What
    {
        DeleteClient,
        RemoveRecord, // of `type`
        OpenFile      // a file that may run code: opened only after "Sí"
    } what;
    std::int64_t id = 0;
    RecordType type = RecordType::Note;
};

class ProfileViewer
    : public ComponentBase<kComponent, css::awt::XDialogEventHandler, css::lang::XInitialization>,
      private record_tab::TabHost
{
public:
    // page: the tab shown first (its Step; the summary is 1).
    ProfileViewer(const Reference<XComponentContext>& context, std::int64_t clientId, int page = 1)
        : m_context(context), m_locale(officeLocale(context)), m_language(m_locale.language),
          m_clientId(clientId), m_tab(page >= 1 && page <= kTabCount ? page : 1)
    {
        for (const TabSpec& spec : tabSpecs())
            m_tabs.push_back(record_tab::makeRecordTab(spec, *this));
    }
    ~ProfileViewer() override
    {
        if (m_subscription != 0)
            storeAccess().unsubscribe(m_subscription);
    }

    // The client as its code or tax ID (a string) or its id (a hyper).
    void SAL_CALL initialize(const Sequence<Any>& arguments) override
    {
        guarded("ProfileViewer.initialize",
                [&]
                {
                    if (arguments.getLength() == 0)
                        return;
                    sal_Int64 id = 0;
                    OUString key;
                    if (arguments[0] >>= id)
                        m_clientId = id;
                    else if (arguments[0] >>= key)
                    {
                        const auto client = storeAccess().with(
                            m_context, [&](Register& store) { return store.byKey(toUtf8(key)); });
                        if (!client)
                            throw css::lang::IllegalArgumentException(
                                fromUtf8(noClientMessage(toUtf8(key), m_language)), nullptr, 0);
                        m_clientId = client->id;
                    }
                });
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XDialog>& dialog,
                                        const Any& event, const OUString& method) override
    {
        return guarded("ProfileViewer." + toUtf8(method),
                       [&]() -> sal_Bool
                       {
                           const auto found = handlers().find(toUtf8(method));
                           if (found == handlers().end())
                               return false;
                           try
                           {
                               // While a handler runs (a nested dialog's loop may run posted
                               // work), the profile's own saves are no news to checkTheClient.
                               ++m_handling;
                               struct Done
                               {
                                   int& handling;
                                   ~Done() { --handling; }
                               } done{m_handling};
                               if (method != "prepare" && !m_prepared)
                                   prepare(dialog);
                               found->second(*this, dialog, event);
                               // What the profile itself saved (or deleted) is known.
                               m_knownVersion = storedVersion();
                           }
                           catch (const StoreError& error)
                           {
                               // The register cannot be read or written (locked, gone): the
                               // dialog says so. Without a first reading ("prepare") there is
                               // nothing to show: run() tells the user instead.
                               if (!m_prepared || method == "prepare")
                                   throw;
                               failed(dialog, describe(error, m_language));
                           }
                           return true;
                       });
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        Sequence<OUString> names(static_cast<sal_Int32>(handlers().size()));
        OUString* out = names.getArray();
        for (const auto& entry : handlers())
            *out++ = fromUtf8(entry.first);
        return names;
    }

    bool changed() const { return m_changed; }

private:
    using Dialog = Reference<css::awt::XDialog>;
    using Handler = std::function<void(ProfileViewer&, const Dialog&, const Any&)>;

    // ------------------------------------------------------------------ record tabs

    RecordTab& tab(RecordType type) const
    {
        for (const auto& tab : m_tabs)
            if (tab->spec().type == type)
                return *tab;
        throw std::logic_error("no tab for the record type");
    }

    RecordTab* tab(std::string_view grid) const
    {
        for (const auto& tab : m_tabs)
            if (tab->spec().grid.name == grid)
                return tab.get();
        return nullptr;
    }

    // ------------------------------------------------------------------ what the tabs ask

    const Reference<XComponentContext>& context() const override { return m_context; }
    Language language() const override { return m_language; }
    const Locale& locale() const override { return m_locale; }
    const std::string& today() const override { return m_today; }
    const Client& client() const override { return m_client; }
    std::optional<std::int64_t> projectId() const override { return m_projectId; }
    Reference<css::awt::grid::XMutableGridDataModel> rows(const char* grid) override
    {
        return m_rows.at(grid);
    }
    void setFilling(bool filling) override { m_filling = filling; }
    bool filling() const override { return m_filling; }
    void askToRemove(const Dialog& dialog, const std::string& question, RecordType type,
                     std::int64_t id) override
    {
        ask(dialog, question, Pending{Pending::What::RemoveRecord, id, type});
    }

    static const std::map<std::string, Handler>& handlers()
    {
        static const std::map<std::string, Handler> table = []
        {
            std::map<std::string, Handler> t;
            const auto simple = [&t](const char* name, void (ProfileViewer::*member)(const Dialog&))
            {
                t[name] = [member](ProfileViewer& self, const Dialog& dialog, const Any&)
                { (self.*member)(dialog); };
            };
            simple("prepare", &ProfileViewer::prepare);
            for (int page = 1; page <= kTabCount; ++page)
                t[std::string("on") + std::string(kTabs[page - 1]).replace(0, 3, "Tab")] =
                    [page](ProfileViewer& self, const Dialog& dialog, const Any&)
                { self.showTab(dialog, page); };
            simple("onArchive", &ProfileViewer::toggleArchived);
            simple("onDelete", &ProfileViewer::askDelete);
            simple("onConfirm", &ProfileViewer::confirm);
            simple("onCancelConfirm", &ProfileViewer::cancelConfirm);
            simple("onEditClient", &ProfileViewer::editClient);
            // The record tabs' buttons: on<Prefix>New, on<Prefix>Save, on<Prefix>Remove.
            for (const TabSpec& spec : tabSpecs())
            {
                const RecordType type = spec.type;
                const std::string on = std::string("on") + spec.prefix;
                if (withRecordKind(type, [](const auto& kind) { return kind.info.editable; }))
                {
                    t[on + "New"] = [type](ProfileViewer& self, const Dialog& dialog, const Any&)
                    { self.tab(type).startNew(dialog); };
                    t[on + "Save"] = [type](ProfileViewer& self, const Dialog& dialog, const Any&)
                    { self.tab(type).save(dialog); };
                }
                t[on + "Remove"] = [type](ProfileViewer& self, const Dialog& dialog, const Any&)
                { self.tab(type).askRemove(dialog); };
            }
            t["onFileAttach"] = [](ProfileViewer& self, const Dialog& dialog, const Any& event)
            { self.attachFile(dialog, event); };
            simple("onFileOpen", &ProfileViewer::openFile);
            t["onFileSaveCopy"] = [](ProfileViewer& self, const Dialog& dialog, const Any& event)
            { self.saveFileCopy(dialog, event); };
            simple("onAddNote", &ProfileViewer::addNote);
            simple("onUndoMerge", &ProfileViewer::undoMerge);
            return t;
        }();
        return table;
    }

    // ------------------------------------------------------------------ setting up

    void prepare(const Dialog& dialog)
    {
        m_dialog = dialog;
        if (!m_prepared)
        {
            insertGrids(dialog);
            for (const auto& tab : m_tabs)
                tab->prepare(dialog);
            m_prepared = true;
            watchTheClient();
        }
        reload(dialog);
        showForms(dialog);
        showTab(dialog, m_tab);
    }

    Reference<css::awt::grid::XGridColumnModel> columns(const std::vector<Column>& spec) const
    {
        const Reference<css::awt::grid::XGridColumnModel> model =
            css::awt::grid::DefaultGridColumnModel::create(m_context);
        for (const Column& column : spec)
        {
            const Reference<css::awt::grid::XGridColumn> gridColumn = model->createColumn();
            gridColumn->setTitle(fromUtf8(column.title));
            gridColumn->setColumnWidth(column.width);
            gridColumn->setMinWidth(16);
            gridColumn->setFlexibility(column.flexibility);
            gridColumn->setResizeable(true);
            if (column.numbers)
                gridColumn->setHorizontalAlign(css::style::HorizontalAlignment_RIGHT);
            model->addColumn(gridColumn);
        }
        return model;
    }

    std::vector<Column> activityColumns() const
    {
        const auto text = [this](TextKey key) { return clientes::text(key, m_language); };
        // On a team server the entries also say who made them.
        if (m_showWho)
            return {{text(TextKey::ProfileColumnWhen), 70, 0},
                    {text(TextKey::ProfileColumnWho), 60, 0},
                    {text(TextKey::ProfileColumnWhat), 90, 1},
                    {text(TextKey::ProfileColumnDetail), 270, 5}};
        return {{text(TextKey::ProfileColumnWhen), 70, 0},
                {text(TextKey::ProfileColumnWhat), 90, 1},
                {text(TextKey::ProfileColumnDetail), 330, 5}};
    }

    void insertGrids(const Dialog& dialog)
    {
        std::vector<std::pair<GridPlace, std::vector<Column>>> grids;
        for (const auto& tab : m_tabs)
            grids.emplace_back(tab->spec().grid, tab->columns());
        const ConnectionInfo connection =
            storeAccess().with(m_context, [](Register& store) { return store.connectionInfo(); });
        m_showWho = connection.server;
        m_permissions = connection.permissions;
        grids.emplace_back(kActivityGrid, activityColumns());
        const Reference<css::beans::XPropertySet> dialogProperties = dialogModel(dialog);
        const Reference<css::lang::XMultiServiceFactory> factory(dialogProperties, UNO_QUERY_THROW);
        const Reference<css::container::XNameContainer> container(dialogProperties,
                                                                  UNO_QUERY_THROW);
        for (const auto& [place, columnSpecs] : grids)
        {
            const Reference<css::beans::XPropertySet> grid(
                factory->createInstance(ascii("com.sun.star.awt.grid.UnoControlGridModel")),
                UNO_QUERY_THROW);
            const Reference<css::awt::grid::XMutableGridDataModel> rows =
                css::awt::grid::DefaultGridDataModel::create(m_context);
            const std::pair<const char*, Any> properties[] = {
                {"Name", Any(ascii(place.name))},
                {"PositionX", Any(place.x)},
                {"PositionY", Any(place.y)},
                {"Width", Any(place.width)},
                {"Height", Any(place.height)},
                {"Step", Any(place.page)},
                {"TabIndex", Any(place.tabIndex)},
                {"ColumnModel", Any(columns(columnSpecs))},
                {"GridDataModel", Any(rows)},
                {"ShowRowHeader", Any(false)},
                {"ShowColumnHeader", Any(true)},
                {"SelectionModel", Any(css::view::SelectionType_SINGLE)},
                {"HScroll", Any(place.hscroll)},
                {"VScroll", Any(true)},
                {"Tabstop", Any(true)},
                // The row the form shows stays readable when the list has no focus.
                {"InactiveSelectionBackgroundColor", Any(sal_Int32(0xC6D7EC))},
                {"InactiveSelectionTextColor", Any(sal_Int32(0x000000))},
            };
            for (const auto& [name, value] : properties)
                grid->setPropertyValue(ascii(name), value);
            container->insertByName(ascii(place.name), Any(grid));
            m_rows[place.name] = rows;
            const std::string name = place.name;
            rtl::Reference<ProfileViewer> self(this);
            Reference<css::awt::grid::XGridRowSelection>(control(dialog, place.name),
                                                         UNO_QUERY_THROW)
                ->addSelectionListener(new GridSelectionForwarder(
                    [self, name]
                    {
                        const Dialog dialog(self->m_dialog);
                        if (dialog.is() && !self->m_filling)
                            self->selectionChanged(dialog, name);
                    }));
        }
    }

    // ------------------------------------------------------------------ tabs

    void showTab(const Dialog& dialog, int page)
    {
        m_tab = page;
        const Reference<css::beans::XPropertySet> properties = dialogModel(dialog);
        // Setting the same Step again changes nothing; controls inserted since need a change.
        properties->setPropertyValue(ascii("Step"), Any(sal_Int32(99)));
        properties->setPropertyValue(ascii("Step"), Any(sal_Int32(page)));
        for (int i = 1; i <= kTabCount; ++i)
        {
            const Reference<css::beans::XPropertySet> tab = model(dialog, kTabs[i - 1]);
            tab->setPropertyValue(ascii("State"), Any(sal_Int16(i == page ? 1 : 0)));
            css::awt::FontDescriptor font;
            tab->getPropertyValue(ascii("FontDescriptor")) >>= font;
            font.Weight = i == page ? css::awt::FontWeight::BOLD : css::awt::FontWeight::NORMAL;
            tab->setPropertyValue(ascii("FontDescriptor"), Any(font));
        }
        cancelConfirm(dialog);
    }

    // ------------------------------------------------------------------ reading the store

    void reload(const Dialog& dialog) override
    {
        // The selected records (not rows: the lists may change), kept through the reading.
        std::vector<std::optional<std::int64_t>> selection;
        for (const auto& tab : m_tabs)
            selection.push_back(tab->spec().type == RecordType::Project ? std::nullopt
                                                                        : tab->selectedId(dialog));
        m_today = clientes::todayIso();
        const bool found =
            storeAccess().with(m_context,
                               [&](Register& store)
                               {
                                   const auto client = store.byId(m_clientId);
                                   if (!client)
                                       return false;
                                   m_client = *client;
                                   m_summary = store.summary(m_clientId, m_today);
                                   if (m_projectId && !store.get<Project>(*m_projectId))
                                       m_projectId.reset();
                                   for (const auto& tab : m_tabs)
                                       tab->load(store);
                                   m_activity = store.activity(m_clientId, kActivityShown);
                                   return true;
                               });
        if (!found)
            throw css::uno::RuntimeException(
                fromUtf8(noClientMessage(std::to_string(m_clientId), m_language)));
        for (std::size_t i = 0; i < m_tabs.size(); ++i)
            if (m_tabs[i]->spec().type == RecordType::Project)
                selection[i] = m_projectId;
        showClient(dialog);
        showLists(dialog, selection);
    }

    // Changes saved elsewhere while the profile is open (another user on a team server, a
    // macro): the store's subscribers hear of them; the profile checks on the main thread
    // whether its client is one of them and says so.
    void watchTheClient()
    {
        std::weak_ptr<const bool> alive = m_alive;
        const Reference<XComponentContext> context = m_context;
        ProfileViewer* self = this;
        m_subscription = storeAccess().subscribe(
            [alive, context, self]
            {
                if (const AliveToken token = alive.lock())
                    postWhileAlive(context, token, [self] { self->checkTheClient(); });
            });
    }

    // The client's stored version; nothing when it is gone.
    std::optional<std::int64_t> storedVersion()
    {
        const std::optional<Client> stored =
            storeAccess().with(m_context, [&](Register& store) { return store.byId(m_clientId); });
        return stored ? std::optional<std::int64_t>(stored->version) : std::nullopt;
    }

    void checkTheClient()
    {
        const Dialog dialog(m_dialog);
        if (!dialog.is() || m_client.id == 0 || m_handling > 0)
            return;
        const std::optional<std::int64_t> stored = storedVersion();
        if (stored == m_knownVersion)
            return;
        m_knownVersion = stored;
        setLabel(
            dialog, "lblMessage",
            clientes::text(stored ? TextKey::ProfileChangedUnderneath : TextKey::ProfileClientGone,
                           m_language));
    }

    // What the connected user may not do is greyed out (a team server's grants): a read-only
    // user changes nothing, an editor neither archives nor deletes the client.
    void showPermissions(const Dialog& dialog)
    {
        static constexpr const char* kWrites[] = {
            "btnEditClient", "btnContactNew",  "btnContactSave",   "btnContactRemove",
            "btnProjectNew", "btnProjectSave", "btnProjectRemove", "btnTimeNew",
            "btnTimeSave",   "btnTimeRemove",  "btnTaskNew",       "btnTaskSave",
            "btnTaskRemove", "btnOrderNew",    "btnOrderSave",     "btnOrderRemove",
            "btnInvoiceNew", "btnInvoiceSave", "btnInvoiceRemove", "btnDealNew",
            "btnDealSave",   "btnDealRemove",  "btnFileAttach",    "btnFileRemove",
            "btnAddressNew", "btnAddressSave", "btnAddressRemove", "btnBankNew",
            "btnBankSave",   "btnBankRemove",  "btnAddNote"};
        const Permissions may = m_permissions;
        for (const char* name : kWrites)
            setEnabled(dialog, name, may.edit);
        setEnabled(dialog, "btnArchive", may.edit && may.admin);
        setEnabled(dialog, "btnDelete", may.edit && may.admin);
    }

    void showClient(const Dialog& dialog)
    {
        const Language l = m_language;
        dialog->setTitle(resourceString(dialog, "ProfileDialog.Title") +
                         fromUtf8(" — " + m_client.legalName));
        setLabel(dialog, "lblName", m_client.legalName);
        std::string subtitle = m_client.code;
        if (!m_client.kind.empty())
            subtitle += " · " + clientKindLabel(m_client.kind, l);
        if (!m_client.tradeName.empty())
            subtitle += " · " + m_client.tradeName;
        subtitle += " · " + clientes::text(m_client.archived ? TextKey::ProfileArchivedState
                                                             : TextKey::ProfileActiveState,
                                           l);
        setLabel(dialog, "lblSubtitle", subtitle);
        setLabel(dialog, "btnArchive",
                 clientes::text(
                     m_client.archived ? TextKey::ProfileRestore : TextKey::ProfileArchive, l));
        showPermissions(dialog);

        setLabel(dialog, "lblFigures", joinLines(summaryLines(m_summary, m_locale)));
        const std::string card = formatClientCard(m_client, l);
        const auto firstBreak = card.find('\n');
        setLabel(dialog, "lblCard",
                 firstBreak == std::string::npos ? std::string() : card.substr(firstBreak + 1));
        setLabel(dialog, "lblDetails", formatClientDetails(m_client, l));

        setLabel(dialog, "lblOrdersTotal", ordersLine(m_summary, m_locale));
        const std::vector<std::string> invoices = invoiceLines(m_summary, m_locale);
        std::string invoiceText = invoices.front();
        for (std::size_t i = 1; i < invoices.size(); ++i)
            invoiceText += (i == 1 ? "\n" : " · ") + trimmed(invoices[i]);
        setLabel(dialog, "lblInvoicesTotal", invoiceText);
        setLabel(dialog, "lblDealsTotal", dealsLine(m_summary, m_locale));
        std::string more;
        if (m_activity.total > static_cast<std::int64_t>(m_activity.entries.size()))
        {
            more = clientes::text(
                TextKey::ProfileActivityPartial, l,
                {{"shown",
                  groupDigits(static_cast<std::int64_t>(m_activity.entries.size()), m_locale)},
                 {"total", groupDigits(m_activity.total, m_locale)}});
        }
        setLabel(dialog, "lblActivityMore", more);
    }

    // Every list again, with these records selected (projects: the one whose time entries
    // show).
    void showLists(const Dialog& dialog, const std::vector<std::optional<std::int64_t>>& selection)
    {
        const Language l = m_language;
        for (std::size_t i = 0; i < m_tabs.size(); ++i)
            m_tabs[i]->showList(dialog, selection[i]);
        showTimeHeading(dialog);
        Rows rows;
        for (const ActivityEntry& r : m_activity.entries)
            if (m_showWho)
                rows.push_back({formatTimestamp(r.at, m_locale), r.user,
                                activityKindLabel(r.kind, l), activityDetail(r, l)});
            else
                rows.push_back({formatTimestamp(r.at, m_locale), activityKindLabel(r.kind, l),
                                activityDetail(r, l)});
        fillActivity(rows);
    }

    void fillActivity(const Rows& rows)
    {
        const Reference<css::awt::grid::XMutableGridDataModel>& model =
            m_rows.at(kActivityGrid.name);
        model->removeAllRows();
        if (rows.empty())
            return;
        Sequence<Any> headings(static_cast<sal_Int32>(rows.size()));
        Sequence<Sequence<Any>> data(static_cast<sal_Int32>(rows.size()));
        Sequence<Any>* out = data.getArray();
        for (const auto& row : rows)
        {
            Sequence<Any> cells(static_cast<sal_Int32>(row.size()));
            Any* cell = cells.getArray();
            for (const std::string& text : row)
                *cell++ <<= fromUtf8(text);
            *out++ = cells;
        }
        model->addRows(headings, data);
    }

    // The heading and total of the time entries: of the selected project, or a hint.
    void showTimeHeading(const Dialog& dialog)
    {
        const Language l = m_language;
        const RecordTab& projects = tab(RecordType::Project);
        const auto name = m_projectId ? projects.value(*m_projectId, "name") : std::nullopt;
        setLabel(dialog, "lblTimeHead",
                 name ? clientes::text(TextKey::ProfileHoursOf, l,
                                       {{"name", std::get<std::string>(*name)}})
                      : clientes::text(TextKey::ProfileProjectHoursNone, l));
        setLabel(dialog, "lblTimeTotal",
                 name ? clientes::text(TextKey::ProfileProjectHoursTotal, l,
                                       {{"hours", formatHours(std::get<double>(*projects.value(
                                                                  *m_projectId, "hours")),
                                                              m_locale)}})
                      : std::string());
    }

    void select(const Dialog& dialog, const char* grid, std::int64_t id)
    {
        if (RecordTab* found = tab(grid))
            found->select(dialog, id);
    }

    // A row was chosen (or the selection cleared): its record goes into the form. A project's
    // time entries show beside it.
    void selectionChanged(const Dialog& dialog, const std::string& grid)
    {
        if (grid == kActivityGrid.name)
        {
            const ActivityEntry* entry = selectedEntry(dialog);
            setEnabled(dialog, "btnUndoMerge",
                       entry && entry->kind == ActivityKind::Merged && m_permissions.admin);
            return;
        }
        RecordTab* changed = tab(grid);
        if (!changed)
            return;
        changed->showSelected(dialog);
        if (changed->spec().type != RecordType::Project)
            return;
        m_projectId = changed->selectedId(dialog);
        RecordTab& time = tab(RecordType::TimeEntry);
        storeAccess().with(m_context, [&](Register& store) { time.load(store); });
        time.showList(dialog, std::nullopt);
        showTimeHeading(dialog);
        time.showSelected(dialog);
    }

    // Each form shows the record selected in its list (none: a new one).
    void showForms(const Dialog& dialog)
    {
        for (const auto& tab : m_tabs)
            tab->showSelected(dialog);
    }

    // Something changed: the deck and every tab show it.
    void changed(const Dialog& dialog, const std::string& message) override
    {
        m_changed = true;
        storeAccess().notifyChanged();
        reload(dialog);
        showMessage(dialog, ascii("lblMessage"), message, kInfoColor);
    }

    void failed(const Dialog& dialog, const std::string& message) override
    {
        showMessage(dialog, ascii("lblMessage"), message);
    }

    // ------------------------------------------------------------------ removing, with a question

    void askDelete(const Dialog& dialog)
    {
        ask(dialog,
            clientes::text(TextKey::ProfileConfirmDeleteClient, m_language,
                           {{"name", m_client.legalName}}),
            Pending{Pending::What::DeleteClient, m_clientId});
    }

    // The question replaces the message line; "Sí" / "No" beside it. Focus on "No".
    void ask(const Dialog& dialog, const std::string& question, Pending pending)
    {
        m_pending = pending;
        setLabel(dialog, "lblConfirm", question);
        setVisible(dialog, "lblMessage", false);
        setVisible(dialog, "lblConfirm", true);
        setVisible(dialog, "btnConfirm", true);
        setVisible(dialog, "btnCancelConfirm", true);
        focus(dialog, "btnCancelConfirm");
    }

    void cancelConfirm(const Dialog& dialog)
    {
        m_pending.reset();
        setVisible(dialog, "lblConfirm", false);
        setVisible(dialog, "btnConfirm", false);
        setVisible(dialog, "btnCancelConfirm", false);
        setVisible(dialog, "lblMessage", true);
    }

    void confirm(const Dialog& dialog)
    {
        const std::optional<Pending> pending = m_pending;
        cancelConfirm(dialog);
        if (!pending)
            return;
        using What = Pending::What;
        if (pending->what == What::OpenFile)
            return openFile(dialog, pending->id);
        const std::int64_t id = pending->id;
        try
        {
            storeAccess().with(m_context,
                               [&](Register& store)
                               {
                                   if (pending->what == What::DeleteClient)
                                       store.deleteClient(id);
                                   else
                                       tab(pending->type).remove(store, id);
                               });
        }
        catch (const HasLinkedRecords& error)
        {
            return failed(dialog, describe(error, m_language));
        }
        catch (const NotFound&)
        {
            reload(dialog);
            return failed(dialog, clientes::text(TextKey::ProfileSelectRecordFirst, m_language));
        }
        catch (const StoreError& error)
        {
            return failed(dialog, describe(error, m_language));
        }
        if (pending->what == What::DeleteClient)
        {
            m_changed = true;
            storeAccess().notifyChanged();
            showMessage(dialog, ascii("lblMessage"),
                        clientes::text(TextKey::ProfileClientDeleted, m_language), kInfoColor);
            const Reference<css::awt::XDialog2> closable(dialog, UNO_QUERY);
            if (closable.is())
                closable->endDialog(0);
            return;
        }
        if (pending->type == RecordType::Project && m_projectId == id)
            m_projectId.reset();
        changed(dialog, clientes::text(TextKey::ProfileRecordRemoved, m_language));
        showForms(dialog);
    }

    // ------------------------------------------------------------------ the client

    void toggleArchived(const Dialog& dialog)
    {
        const bool archive = !m_client.archived;
        try
        {
            storeAccess().with(m_context,
                               [&](Register& store) { store.setArchived(m_clientId, archive); });
        }
        catch (const StoreError& error)
        {
            return failed(dialog, describe(error, m_language));
        }
        changed(dialog, clientes::text(archive ? TextKey::ProfileClientArchived
                                               : TextKey::ProfileClientRestored,
                                       m_language));
    }

    void editClient(const Dialog& dialog)
    {
        bool toRecords = false;
        if (client_dialog::run(m_context, m_clientId, &toRecords))
        {
            m_changed = true;
            reload(dialog);
            showMessage(dialog, ascii("lblMessage"),
                        clientes::text(TextKey::ProfileRecordSaved, m_language), kInfoColor);
            if (toRecords)
                showTab(dialog, kAddressesPage);
        }
        else
            reload(dialog);
    }

    // ------------------------------------------------------------------ files

    // The file a button works on: the event's URL when it carries one (tests, macros), else
    // the one the user picks; empty when cancelled.
    OUString pickFile(const Any& event, bool saving, const std::string& defaultName) const
    {
        OUString url;
        if (event >>= url)
            return url;
        namespace dialogs = css::ui::dialogs;
        const Reference<dialogs::XFilePicker3> picker = dialogs::FilePicker::createWithMode(
            m_context, saving ? dialogs::TemplateDescription::FILESAVE_SIMPLE
                              : dialogs::TemplateDescription::FILEOPEN_SIMPLE);
        if (saving)
            picker->setDefaultName(fromUtf8(defaultName));
        if (picker->execute() != dialogs::ExecutableDialogResults::OK)
            return {};
        const Sequence<OUString> files = picker->getSelectedFiles();
        return files.getLength() > 0 ? files[0] : OUString();
    }

    void attachFile(const Dialog& dialog, const Any& event)
    {
        const OUString url = pickFile(event, false, {});
        if (url.isEmpty())
            return;
        FileInfo attached;
        try
        {
            const LoadedFile file = profile_files::readFile(url, kMaxFileBytes);
            attached = storeAccess().with(m_context,
                                          [&](Register& store) {
                                              return store.attachFile(
                                                  m_clientId, file.name,
                                                  mimeTypeForFileName(file.name), file.bytes);
                                          });
        }
        catch (const FileTooLarge& error)
        {
            return failed(dialog, describe(error, m_language));
        }
        catch (const FileProblem& problem)
        {
            return failed(dialog, describe(problem, m_language));
        }
        catch (const RecordValidationError& error)
        {
            return failed(dialog, describe(error.issues.front(), m_language));
        }
        catch (const StoreError& error)
        {
            return failed(dialog, describe(error, m_language));
        }
        changed(dialog, clientes::text(TextKey::ProfileFileAttached, m_language,
                                       {{"name", attached.name}}));
        select(dialog, "gridFiles", attached.id);
    }

    // The file selected in the list, with its bytes; nothing (and a message) when none is.
    std::optional<std::pair<FileInfo, std::vector<std::uint8_t>>> selectedFile(const Dialog& dialog)
    {
        const auto id = tab(RecordType::File).selectedId(dialog);
        if (!id)
        {
            failed(dialog, clientes::text(TextKey::ProfileSelectRecordFirst, m_language));
            return std::nullopt;
        }
        std::optional<std::pair<FileInfo, std::vector<std::uint8_t>>> file;
        try
        {
            file = storeAccess().with(
                m_context,
                [&](Register& store)
                    -> std::optional<std::pair<FileInfo, std::vector<std::uint8_t>>>
                {
                    std::vector<std::uint8_t> bytes = store.fileBytes(*id);
                    const auto info = store.file(*id);
                    if (!info)
                        return std::nullopt;
                    return std::make_pair(*info, std::move(bytes));
                });
        }
        catch (const NotFound&)
        {
        }
        catch (const StoreError& error)
        {
            failed(dialog, describe(error, m_language));
            return std::nullopt;
        }
        if (!file)
        {
            reload(dialog);
            failed(dialog, clientes::text(TextKey::ProfileSelectRecordFirst, m_language));
        }
        return file;
    }

    // "Abrir": a temporary copy handed to the desktop's application. A program, script or
    // launcher is not opened without asking first (the confirmation strip, "No" focused).
    void openFile(const Dialog& dialog)
    {
        const auto file = selectedFile(dialog);
        if (!file)
            return;
        if (mayRunCode(file->first.name, file->second) ||
            mayRunCode(neutralisedName(file->first.name), file->second))
            return ask(dialog,
                       clientes::text(TextKey::ProfileOpenMayRunCode, m_language,
                                      {{"name", neutralisedName(file->first.name)}}),
                       Pending{Pending::What::OpenFile, file->first.id});
        openCopy(dialog, file->first, file->second);
    }

    // The answer "Sí" to the question above.
    void openFile(const Dialog& dialog, std::int64_t fileId)
    {
        std::optional<std::pair<FileInfo, std::vector<std::uint8_t>>> file;
        try
        {
            file = storeAccess().with(
                m_context,
                [&](Register& store)
                    -> std::optional<std::pair<FileInfo, std::vector<std::uint8_t>>>
                {
                    const auto info = store.file(fileId);
                    if (!info)
                        return std::nullopt;
                    return std::make_pair(*info, store.fileBytes(fileId));
                });
        }
        catch (const NotFound&)
        {
        }
        if (!file)
        {
            reload(dialog);
            return failed(dialog, clientes::text(TextKey::ProfileSelectRecordFirst, m_language));
        }
        openCopy(dialog, file->first, file->second);
    }

    void openCopy(const Dialog& dialog, const FileInfo& file,
                  const std::vector<std::uint8_t>& bytes)
    {
        try
        {
            const OUString url = profile_files::writeTemporaryCopy(m_context, file.name, bytes);
            css::system::SystemShellExecute::create(m_context)->execute(
                url, OUString(), css::system::SystemShellExecuteFlags::URIS_ONLY);
        }
        catch (const FileProblem& problem)
        {
            failed(dialog, describe(problem, m_language));
        }
        catch (const css::uno::Exception&)
        {
            failed(dialog, clientes::text(TextKey::ProfileOpenFailed, m_language,
                                          {{"name", neutralisedName(file.name)}}));
        }
    }

    void saveFileCopy(const Dialog& dialog, const Any& event)
    {
        const auto file = selectedFile(dialog);
        if (!file)
            return;
        const OUString url = pickFile(event, true, file->first.name);
        if (url.isEmpty())
            return;
        try
        {
            profile_files::writeFile(m_context, url, file->second);
        }
        catch (const FileProblem& problem)
        {
            return failed(dialog, describe(problem, m_language));
        }
        showMessage(dialog, ascii("lblMessage"),
                    clientes::text(TextKey::ProfileFileCopySaved, m_language,
                                   {{"name", neutralisedName(profile_files::fileNameOf(url))}}),
                    kInfoColor);
    }

    // ------------------------------------------------------------------ activity

    void addNote(const Dialog& dialog)
    {
        const std::string note = text(dialog, "edNote");
        try
        {
            storeAccess().with(m_context,
                               [&](Register& store) { store.addNote(m_clientId, note); });
        }
        catch (const RecordValidationError& error)
        {
            return failed(dialog, describe(error.issues.front(), m_language));
        }
        catch (const StoreError& error)
        {
            return failed(dialog, describe(error, m_language));
        }
        setText(dialog, "edNote", {});
        changed(dialog, clientes::text(TextKey::ProfileNoteAdded, m_language));
    }

    // The activity entry selected in the list, or null.
    const ActivityEntry* selectedEntry(const Dialog& dialog) const
    {
        const Sequence<sal_Int32> rows = Reference<css::awt::grid::XGridRowSelection>(
                                             control(dialog, kActivityGrid.name), UNO_QUERY_THROW)
                                             ->getSelectedRows();
        if (rows.getLength() != 1 || rows[0] < 0 ||
            rows[0] >= static_cast<sal_Int32>(m_activity.entries.size()))
            return nullptr;
        return &m_activity.entries[static_cast<std::size_t>(rows[0])];
    }

    // "Deshacer la fusión" on a Merged entry: everything back as it was before that merge.
    void undoMerge(const Dialog& dialog)
    {
        const ActivityEntry* entry = selectedEntry(dialog);
        if (!entry || entry->kind != ActivityKind::Merged)
            return;
        const std::int64_t mergeId = entry->recordId;
        std::string codes;
        try
        {
            storeAccess().with(m_context,
                               [&](Register& store)
                               {
                                   if (const auto merge = store.merge(mergeId))
                                   {
                                       if (const auto keep = store.byId(merge->keepId))
                                           codes = keep->code;
                                       for (const MergedClient& merged : merge->merged)
                                           if (const auto client = store.byId(merged.clientId))
                                               codes += ", " + client->code;
                                   }
                                   store.undoMerge(mergeId);
                               });
        }
        catch (const MergeRefused& refused)
        {
            return failed(dialog, describe(refused, m_language));
        }
        catch (const MergeUndoRefused& refused)
        {
            return failed(dialog, describe(refused, m_language));
        }
        catch (const NotPermitted& refused)
        {
            return failed(dialog, describe(refused, m_language));
        }
        catch (const StoreError& error)
        {
            return failed(dialog, describe(error, m_language));
        }
        catch (const NotFound&)
        {
            return failed(dialog, noClientMessage(std::string(), m_language));
        }
        setEnabled(dialog, "btnUndoMerge", false);
        changed(dialog,
                clientes::text(TextKey::ProfileMergeUndone, m_language, {{"codes", codes}}));
    }

    Reference<XComponentContext> m_context;
    Locale m_locale; // the office locale's figures and dates, the UI language's words
    Language m_language;
    std::int64_t m_clientId = 0;
    bool m_showWho = false;    // a team server: the activity says who
    Permissions m_permissions; // what the connected user may do
    AliveToken m_alive = makeAliveToken();
    int m_subscription = 0; // storeAccess's, from the dialog's preparation on
    int m_handling = 0;     // handlers under way (callHandlerMethod)
    // The client's version as the profile last knew it (read after each of its own handlers):
    // a different one stored means someone else saved it; nothing: it is gone.
    std::optional<std::int64_t> m_knownVersion;
    css::uno::WeakReference<css::awt::XDialog> m_dialog; // the dialog prepared (listeners)
    bool m_prepared = false;
    bool m_changed = false;
    bool m_filling = false; // lists being refilled: selection events are ours, not the user's
    int m_tab = 1;
    std::map<std::string, Reference<css::awt::grid::XMutableGridDataModel>> m_rows;
    std::optional<Pending> m_pending;

    std::string m_today;
    Client m_client;
    ProfileSummary m_summary;
    std::vector<std::unique_ptr<RecordTab>> m_tabs; // in tabSpecs() order
    std::optional<std::int64_t> m_projectId;        // whose time entries show
    ActivityPage m_activity;
};

} // namespace

OUString dialogUrl()
{
    return ascii("vnd.sun.star.extension://org.clientes.calc/dialogs/ProfileDialog.xdl");
}

Reference<css::awt::XDialogEventHandler> createHandler(const Reference<XComponentContext>& context,
                                                       std::int64_t clientId)
{
    return new ProfileViewer(context, clientId);
}

bool run(const Reference<XComponentContext>& context, const Reference<css::frame::XFrame>& frame,
         std::int64_t clientId, int page)
{
    bool changed = false;
    showingFailures(
        "the profile dialog", context,
        [&]
        {
            rtl::Reference<ProfileViewer> viewer(new ProfileViewer(context, clientId, page));
            runDialog(context, dialogUrl(), Reference<css::awt::XDialogEventHandler>(viewer.get()),
                      frame.is()
                          ? Reference<css::awt::XWindowPeer>(frame->getContainerWindow(), UNO_QUERY)
                          : Reference<css::awt::XWindowPeer>(),
                      [](const Reference<css::awt::XDialog>& dialog)
                      { return profileTabHelpPage(dialogStep(dialog)); });
            changed = viewer->changed();
        });
    return changed;
}

const Component kComponent{"org.clientes.calc.ProfileViewer", "org.clientes.ProfileViewer",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new ProfileViewer(context, 0); }};
} // namespace clientes::uno::profile_dialog
