#include "dialogs/profile_dialog.hxx"
#include "deck/awt_controls.hxx"

#include "api/profile_fields.hxx"
#include "core/messages/client_card.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "deck/awt_listeners.hxx"
#include "dialogs/client_dialog.hxx"
#include "dialogs/profile_ui.hxx"
#include "support/entry_guard.hxx"
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
#include <map>

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

// Tabs in Step order (the dialog's Step n shows the controls of page n).
const char* const kTabs[] = {"tabSummary",  "tabContact", "tabProjects", "tabOrders",
                             "tabInvoices", "tabDeals",   "tabFiles",    "tabActivity"};

struct Column
{
    std::string title;
    sal_Int32 width;       // AppFont units
    sal_Int32 flexibility; // share of the spare width
    bool numbers = false;  // amounts, hours, sizes: right-aligned
};

// The lists, inserted into the dialog model in code (an .xdl has no grid in 7.4). Positions in
// AppFont units; tab indices are the gaps the .xdl leaves for them.
struct GridSpec
{
    const char* name;
    sal_Int32 x, y, width, height;
    sal_Int32 page;
    sal_Int16 tabIndex;
};
constexpr GridSpec kGrids[] = {
    {"gridTasks", 8, 176, 300, 110, 1, 13},    {"gridContacts", 256, 66, 256, 110, 2, 27},
    {"gridProjects", 8, 66, 248, 150, 3, 40},  {"gridTime", 264, 66, 248, 128, 3, 49},
    {"gridOrders", 8, 66, 504, 140, 4, 61},    {"gridInvoices", 8, 66, 504, 114, 5, 77},
    {"gridDeals", 8, 66, 504, 140, 6, 98},     {"gridFiles", 8, 66, 504, 190, 7, 118},
    {"gridActivity", 8, 66, 504, 156, 8, 124},
};

constexpr std::size_t kActivityShown = 300;

using Rows = std::vector<std::vector<std::string>>;

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string text;
    for (const std::string& line : lines)
        text += (text.empty() ? "" : "\n") + line;
    return text;
}

// A right-aligned figure keeps a figure space's distance from the column after it.
std::string figure(const std::string& text)
{
    return text + "\u2007";
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
        Contact,
        Project,
        TimeEntry,
        Task,
        Order,
        Invoice,
        Deal,
        File,
        OpenFile // a file that may run code: opened only after "Sí"
    } what;
    std::int64_t id = 0;
};

class ProfileViewer
    : public ::cppu::WeakImplHelper3<css::awt::XDialogEventHandler, css::lang::XInitialization,
                                     css::lang::XServiceInfo>
{
public:
    ProfileViewer(const Reference<XComponentContext>& context, std::int64_t clientId)
        : m_context(context), m_language(uiLanguage(context)), m_clientId(clientId)
    {
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
                               if (method != "prepare" && !m_prepared)
                                   prepare(dialog);
                               found->second(*this, dialog, event);
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

    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }

    bool changed() const { return m_changed; }

private:
    using Dialog = Reference<css::awt::XDialog>;
    using Handler = std::function<void(ProfileViewer&, const Dialog&, const Any&)>;

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
            for (int page = 1; page <= 8; ++page)
                t[std::string("on") + std::string(kTabs[page - 1]).replace(0, 3, "Tab")] =
                    [page](ProfileViewer& self, const Dialog& dialog, const Any&)
                { self.showTab(dialog, page); };
            simple("onArchive", &ProfileViewer::toggleArchived);
            simple("onDelete", &ProfileViewer::askDelete);
            simple("onConfirm", &ProfileViewer::confirm);
            simple("onCancelConfirm", &ProfileViewer::cancelConfirm);
            simple("onEditClient", &ProfileViewer::editClient);
            simple("onTaskNew", &ProfileViewer::newTask);
            simple("onTaskSave", &ProfileViewer::saveTask);
            simple("onTaskRemove", &ProfileViewer::removeTask);
            simple("onContactNew", &ProfileViewer::newContact);
            simple("onContactSave", &ProfileViewer::saveContact);
            simple("onContactRemove", &ProfileViewer::removeContact);
            simple("onProjectNew", &ProfileViewer::newProject);
            simple("onProjectSave", &ProfileViewer::saveProject);
            simple("onProjectRemove", &ProfileViewer::removeProject);
            simple("onTimeNew", &ProfileViewer::newTime);
            simple("onTimeSave", &ProfileViewer::saveTime);
            simple("onTimeRemove", &ProfileViewer::removeTime);
            simple("onOrderNew", &ProfileViewer::newOrder);
            simple("onOrderSave", &ProfileViewer::saveOrder);
            simple("onOrderRemove", &ProfileViewer::removeOrder);
            simple("onInvoiceNew", &ProfileViewer::newInvoice);
            simple("onInvoiceSave", &ProfileViewer::saveInvoice);
            simple("onInvoiceRemove", &ProfileViewer::removeInvoice);
            simple("onDealNew", &ProfileViewer::newDeal);
            simple("onDealSave", &ProfileViewer::saveDeal);
            simple("onDealRemove", &ProfileViewer::removeDeal);
            t["onFileAttach"] = [](ProfileViewer& self, const Dialog& dialog, const Any& event)
            { self.attachFile(dialog, event); };
            simple("onFileOpen", &ProfileViewer::openFile);
            t["onFileSaveCopy"] = [](ProfileViewer& self, const Dialog& dialog, const Any& event)
            { self.saveFileCopy(dialog, event); };
            simple("onFileRemove", &ProfileViewer::removeFile);
            simple("onAddNote", &ProfileViewer::addNote);
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
            fillChoices(dialog);
            m_prepared = true;
        }
        reload(dialog);
        clearForms(dialog);
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

    std::vector<Column> columnsOf(std::string_view grid) const
    {
        const Language l = m_language;
        const auto field = [l](RecordType type, RecordField f)
        { return recordFieldLabel(type, f, l); };
        const auto text = [l](ProfileText key) { return profileText(key, l); };
        using RT = RecordType;
        using RF = RecordField;
        if (grid == "gridTasks")
            return {{field(RT::Task, RF::Title), 150, 4},
                    {text(ProfileText::ColumnDue), 50, 0},
                    {field(RT::Task, RF::Status), 84, 1}};
        if (grid == "gridContacts")
            return {{field(RT::Contact, RF::Name), 64, 2},
                    {field(RT::Contact, RF::Role), 42, 1},
                    {field(RT::Contact, RF::Email), 78, 2},
                    {field(RT::Contact, RF::Phone), 66, 0}};
        if (grid == "gridProjects")
            return {{field(RT::Project, RF::Name), 140, 4},
                    {field(RT::Project, RF::Status), 50, 1},
                    {field(RT::Project, RF::Hours), 46, 1, true}};
        if (grid == "gridTime")
            return {{field(RT::TimeEntry, RF::Date), 52, 0},
                    {field(RT::TimeEntry, RF::Hours), 32, 0, true},
                    {field(RT::TimeEntry, RF::Note), 150, 4}};
        if (grid == "gridOrders")
            return {{field(RT::PurchaseOrder, RF::Number), 150, 3},
                    {field(RT::PurchaseOrder, RF::Date), 80, 1},
                    {field(RT::PurchaseOrder, RF::Amount), 120, 1, true},
                    {field(RT::PurchaseOrder, RF::Status), 140, 2}};
        if (grid == "gridInvoices")
            return {{field(RT::Invoice, RF::Number), 110, 3},
                    {field(RT::Invoice, RF::IssueDate), 72, 1},
                    {field(RT::Invoice, RF::DueDate), 84, 1},
                    {field(RT::Invoice, RF::Total), 100, 1, true},
                    {field(RT::Invoice, RF::Status), 120, 2}};
        if (grid == "gridDeals")
            return {
                {field(RT::Deal, RF::Title), 150, 4}, {field(RT::Deal, RF::Number), 60, 1},
                {field(RT::Deal, RF::Date), 56, 0},   {field(RT::Deal, RF::Amount), 80, 1, true},
                {field(RT::Deal, RF::Stage), 60, 1},  {field(RT::Deal, RF::ValidUntil), 60, 0}};
        if (grid == "gridFiles")
            return {{field(RT::File, RF::Name), 200, 4},
                    {field(RT::File, RF::MimeType), 140, 2},
                    {text(ProfileText::ColumnSize), 60, 1, true},
                    {text(ProfileText::ColumnAdded), 90, 1}};
        return {{text(ProfileText::ColumnWhen), 70, 0},
                {text(ProfileText::ColumnWhat), 90, 1},
                {text(ProfileText::ColumnDetail), 330, 5}};
    }

    void insertGrids(const Dialog& dialog)
    {
        const Reference<css::beans::XPropertySet> dialogProperties = dialogModel(dialog);
        const Reference<css::lang::XMultiServiceFactory> factory(dialogProperties, UNO_QUERY_THROW);
        const Reference<css::container::XNameContainer> container(dialogProperties,
                                                                  UNO_QUERY_THROW);
        for (const GridSpec& spec : kGrids)
        {
            const Reference<css::beans::XPropertySet> grid(
                factory->createInstance(ascii("com.sun.star.awt.grid.UnoControlGridModel")),
                UNO_QUERY_THROW);
            const Reference<css::awt::grid::XMutableGridDataModel> rows =
                css::awt::grid::DefaultGridDataModel::create(m_context);
            const std::pair<const char*, Any> properties[] = {
                {"Name", Any(ascii(spec.name))},
                {"PositionX", Any(spec.x)},
                {"PositionY", Any(spec.y)},
                {"Width", Any(spec.width)},
                {"Height", Any(spec.height)},
                {"Step", Any(spec.page)},
                {"TabIndex", Any(spec.tabIndex)},
                {"ColumnModel", Any(columns(columnsOf(spec.name)))},
                {"GridDataModel", Any(rows)},
                {"ShowRowHeader", Any(false)},
                {"ShowColumnHeader", Any(true)},
                {"SelectionModel", Any(css::view::SelectionType_SINGLE)},
                {"HScroll", Any(false)},
                {"VScroll", Any(true)},
                {"Tabstop", Any(true)},
                // The row the form shows stays readable when the list has no focus.
                {"InactiveSelectionBackgroundColor", Any(sal_Int32(0xC6D7EC))},
                {"InactiveSelectionTextColor", Any(sal_Int32(0x000000))},
            };
            for (const auto& [name, value] : properties)
                grid->setPropertyValue(ascii(name), value);
            container->insertByName(ascii(spec.name), Any(grid));
            m_rows[spec.name] = rows;
            const std::string name = spec.name;
            rtl::Reference<ProfileViewer> self(this);
            Reference<css::awt::grid::XGridRowSelection>(control(dialog, spec.name),
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

    void fillChoices(const Dialog& dialog)
    {
        const Language l = m_language;
        setEntries(dialog, "lbTaskStatus",
                   {statusLabel(TaskStatus::Pending, l), statusLabel(TaskStatus::Done, l)});
        setEntries(dialog, "lbProjectStatus",
                   {statusLabel(ProjectStatus::Open, l), statusLabel(ProjectStatus::Closed, l)});
        setEntries(dialog, "lbOrderStatus",
                   {statusLabel(OrderStatus::Open, l), statusLabel(OrderStatus::Closed, l)});
        setEntries(dialog, "lbInvoiceStatus",
                   {statusLabel(InvoiceStatus::Draft, l), statusLabel(InvoiceStatus::Authorised, l),
                    statusLabel(InvoiceStatus::Paid, l)});
        setEntries(dialog, "lbDealStage",
                   {statusLabel(DealStage::Draft, l), statusLabel(DealStage::Sent, l),
                    statusLabel(DealStage::Accepted, l), statusLabel(DealStage::Rejected, l)});
    }

    // ------------------------------------------------------------------ tabs

    void showTab(const Dialog& dialog, int page)
    {
        m_tab = page;
        const Reference<css::beans::XPropertySet> properties = dialogModel(dialog);
        // Setting the same Step again changes nothing; controls inserted since need a change.
        properties->setPropertyValue(ascii("Step"), Any(sal_Int32(99)));
        properties->setPropertyValue(ascii("Step"), Any(sal_Int32(page)));
        for (int i = 1; i <= 8; ++i)
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

    void reload(const Dialog& dialog)
    {
        m_today = profile_fields::todayIso();
        const bool found = storeAccess().with(
            m_context,
            [&](Register& store)
            {
                const auto client = store.byId(m_clientId);
                if (!client)
                    return false;
                m_client = *client;
                m_summary = store.summary(m_clientId, m_today);
                m_contacts = store.contacts(m_clientId);
                m_projects = store.projects(m_clientId);
                m_projectHours.clear();
                for (const Project& project : m_projects)
                    m_projectHours.push_back(store.projectHours(project.id));
                if (m_projectId && !store.project(*m_projectId))
                    m_projectId.reset();
                m_time = m_projectId ? store.timeEntries(*m_projectId) : std::vector<TimeEntry>{};
                m_tasks = store.tasks(m_clientId);
                m_orders = store.purchaseOrders(m_clientId);
                m_invoices = store.invoices(m_clientId);
                m_deals = store.deals(m_clientId);
                m_files = store.files(m_clientId);
                m_activity = store.activity(m_clientId, kActivityShown);
                return true;
            });
        if (!found)
            throw css::uno::RuntimeException(
                fromUtf8(noClientMessage(std::to_string(m_clientId), m_language)));
        showClient(dialog);
        showLists(dialog);
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
        subtitle += " · " + profileText(m_client.archived ? ProfileText::ArchivedState
                                                          : ProfileText::ActiveState,
                                        l);
        setLabel(dialog, "lblSubtitle", subtitle);
        setLabel(dialog, "btnArchive",
                 profileText(m_client.archived ? ProfileText::Restore : ProfileText::Archive, l));

        setLabel(dialog, "lblFigures", joinLines(summaryLines(m_summary, l)));
        const std::string card = formatClientCard(m_client, l);
        const auto firstBreak = card.find('\n');
        setLabel(dialog, "lblCard",
                 firstBreak == std::string::npos ? std::string() : card.substr(firstBreak + 1));
        setLabel(dialog, "lblDetails", formatClientDetails(m_client, l));

        setLabel(dialog, "lblOrdersTotal", ordersLine(m_summary, l));
        const std::vector<std::string> invoices = invoiceLines(m_summary, l);
        std::string invoiceText = invoices.front();
        for (std::size_t i = 1; i < invoices.size(); ++i)
            invoiceText += (i == 1 ? "\n" : " · ") + trimmed(invoices[i]);
        setLabel(dialog, "lblInvoicesTotal", invoiceText);
        setLabel(dialog, "lblDealsTotal", dealsLine(m_summary, l));
        std::string more;
        if (m_activity.total > static_cast<std::int64_t>(m_activity.entries.size()))
        {
            more = profileText(ProfileText::ActivityPartial, l);
            more = fillIn(more, "shown",
                          groupThousands(static_cast<std::int64_t>(m_activity.entries.size()), l));
            more = fillIn(more, "total", groupThousands(m_activity.total, l));
        }
        setLabel(dialog, "lblActivityMore", more);
    }

    void showLists(const Dialog& dialog)
    {
        const Language l = m_language;
        const std::map<std::string, std::optional<std::int64_t>> selection = {
            {"gridTasks", selectedId(dialog, "gridTasks", m_tasks)},
            {"gridContacts", selectedId(dialog, "gridContacts", m_contacts)},
            {"gridProjects", m_projectId},
            {"gridTime", selectedId(dialog, "gridTime", m_shownTime)},
            {"gridOrders", selectedId(dialog, "gridOrders", m_orders)},
            {"gridInvoices", selectedId(dialog, "gridInvoices", m_invoices)},
            {"gridDeals", selectedId(dialog, "gridDeals", m_deals)},
            {"gridFiles", selectedId(dialog, "gridFiles", m_files)}};
        m_filling = true;
        try
        {
            Rows rows;
            for (const Task& r : m_tasks)
                rows.push_back({r.title, r.dueDate, taskStateLabel(r, m_today, l)});
            fill(dialog, "gridTasks", rows, m_tasks, selection.at("gridTasks"));
            rows.clear();
            for (const Contact& r : m_contacts)
                rows.push_back({r.name, r.role, r.email, r.phone});
            fill(dialog, "gridContacts", rows, m_contacts, selection.at("gridContacts"));
            rows.clear();
            for (std::size_t i = 0; i < m_projects.size(); ++i)
                rows.push_back({m_projects[i].name, statusLabel(m_projects[i].status, l),
                                figure(formatHours(m_projectHours[i], l))});
            fill(dialog, "gridProjects", rows, m_projects, selection.at("gridProjects"));
            showTimeEntries(dialog, selection.at("gridTime"));
            rows.clear();
            for (const PurchaseOrder& r : m_orders)
                rows.push_back({r.number, r.date, figure(formatAmount(r.amount, r.currency, l)),
                                statusLabel(r.status, l)});
            fill(dialog, "gridOrders", rows, m_orders, selection.at("gridOrders"));
            rows.clear();
            for (const Invoice& r : m_invoices)
                rows.push_back({r.number, r.issueDate, r.dueDate,
                                figure(formatAmount(r.total, r.currency, l)),
                                invoiceStateLabel(r, m_today, l)});
            fill(dialog, "gridInvoices", rows, m_invoices, selection.at("gridInvoices"));
            rows.clear();
            for (const Deal& r : m_deals)
                rows.push_back({r.title, r.number, r.date,
                                figure(formatAmount(r.amount, r.currency, l)),
                                statusLabel(r.stage, l), r.validUntil});
            fill(dialog, "gridDeals", rows, m_deals, selection.at("gridDeals"));
            rows.clear();
            for (const FileInfo& r : m_files)
                rows.push_back({neutralisedName(r.name), r.mimeType,
                                figure(formatFileSize(r.size, l)), formatTimestamp(r.addedAt)});
            fill(dialog, "gridFiles", rows, m_files, selection.at("gridFiles"));
            rows.clear();
            for (const ActivityEntry& r : m_activity.entries)
                rows.push_back(
                    {formatTimestamp(r.at), activityKindLabel(r.kind, l), activityDetail(r, l)});
            fill(dialog, "gridActivity", rows, m_activity.entries, std::nullopt);
        }
        catch (...)
        {
            m_filling = false;
            throw;
        }
        m_filling = false;
    }

    // The time entries of m_projectId (none selected: an empty list and a hint).
    void showTimeEntries(const Dialog& dialog, std::optional<std::int64_t> select)
    {
        const Language l = m_language;
        m_shownTime = m_time;
        Rows rows;
        for (const TimeEntry& r : m_shownTime)
            rows.push_back({r.date, figure(formatHoursInput(r.hours, l)), r.note});
        const bool filling = m_filling;
        m_filling = true;
        fill(dialog, "gridTime", rows, m_shownTime, select);
        m_filling = filling;
        const Project* project = nullptr;
        double hours = 0;
        for (std::size_t i = 0; i < m_projects.size(); ++i)
            if (m_projectId && m_projects[i].id == *m_projectId)
            {
                project = &m_projects[i];
                hours = m_projectHours[i];
            }
        setLabel(dialog, "lblTimeHead",
                 project ? fillIn(profileText(ProfileText::HoursOf, l), "name", project->name)
                         : profileText(ProfileText::ProjectHoursNone, l));
        setLabel(dialog, "lblTimeTotal",
                 project ? fillIn(profileText(ProfileText::ProjectHoursTotal, l), "hours",
                                  formatHours(hours, l))
                         : std::string());
    }

    template <typename Record>
    void fill(const Dialog& dialog, const char* grid, const Rows& rows,
              const std::vector<Record>& records, std::optional<std::int64_t> select)
    {
        const Reference<css::awt::grid::XMutableGridDataModel>& model = m_rows.at(grid);
        const auto selection =
            Reference<css::awt::grid::XGridRowSelection>(control(dialog, grid), UNO_QUERY_THROW);
        selection->deselectAllRows();
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
        if (select)
            for (std::size_t i = 0; i < records.size(); ++i)
                if (records[i].id == *select)
                    selection->selectRow(static_cast<sal_Int32>(i));
    }

    template <typename Record>
    std::optional<std::int64_t> selectedId(const Dialog& dialog, const char* grid,
                                           const std::vector<Record>& records) const
    {
        const Record* record = selected(dialog, grid, records);
        return record ? std::optional<std::int64_t>(record->id) : std::nullopt;
    }

    template <typename Record>
    const Record* selected(const Dialog& dialog, const char* grid,
                           const std::vector<Record>& records) const
    {
        const Sequence<sal_Int32> rows =
            Reference<css::awt::grid::XGridRowSelection>(control(dialog, grid), UNO_QUERY_THROW)
                ->getSelectedRows();
        if (rows.getLength() == 0 || rows[0] < 0 ||
            static_cast<std::size_t>(rows[0]) >= records.size())
            return nullptr;
        return &records[static_cast<std::size_t>(rows[0])];
    }

    void select(const Dialog& dialog, const char* grid, std::int64_t id)
    {
        const auto selection =
            Reference<css::awt::grid::XGridRowSelection>(control(dialog, grid), UNO_QUERY_THROW);
        const auto pick = [&](const auto& records)
        {
            for (std::size_t i = 0; i < records.size(); ++i)
                if (records[i].id == id)
                {
                    selection->deselectAllRows();
                    selection->selectRow(static_cast<sal_Int32>(i));
                }
        };
        const std::string name = grid;
        if (name == "gridTasks")
            pick(m_tasks);
        else if (name == "gridContacts")
            pick(m_contacts);
        else if (name == "gridProjects")
            pick(m_projects);
        else if (name == "gridTime")
            pick(m_shownTime);
        else if (name == "gridOrders")
            pick(m_orders);
        else if (name == "gridInvoices")
            pick(m_invoices);
        else if (name == "gridDeals")
            pick(m_deals);
        else if (name == "gridFiles")
            pick(m_files);
    }

    // A row was chosen (or the selection cleared): its record goes into the form.
    void selectionChanged(const Dialog& dialog, const std::string& grid)
    {
        if (grid == "gridTasks")
            showTask(dialog, selected(dialog, "gridTasks", m_tasks));
        else if (grid == "gridContacts")
            showContact(dialog, selected(dialog, "gridContacts", m_contacts));
        else if (grid == "gridProjects")
        {
            const Project* project = selected(dialog, "gridProjects", m_projects);
            showProject(dialog, project);
            m_projectId = project ? std::optional<std::int64_t>(project->id) : std::nullopt;
            m_time = storeAccess().with(m_context,
                                        [&](Register& store) {
                                            return m_projectId ? store.timeEntries(*m_projectId)
                                                               : std::vector<TimeEntry>{};
                                        });
            showTimeEntries(dialog, std::nullopt);
            showTime(dialog, nullptr);
        }
        else if (grid == "gridTime")
            showTime(dialog, selected(dialog, "gridTime", m_shownTime));
        else if (grid == "gridOrders")
            showOrder(dialog, selected(dialog, "gridOrders", m_orders));
        else if (grid == "gridInvoices")
            showInvoice(dialog, selected(dialog, "gridInvoices", m_invoices));
        else if (grid == "gridDeals")
            showDeal(dialog, selected(dialog, "gridDeals", m_deals));
    }

    // ------------------------------------------------------------------ forms

    void clearForms(const Dialog& dialog)
    {
        showTask(dialog, nullptr);
        showContact(dialog, nullptr);
        showProject(dialog, nullptr);
        showTime(dialog, nullptr);
        showOrder(dialog, nullptr);
        showInvoice(dialog, nullptr);
        showDeal(dialog, nullptr);
    }

    void showTask(const Dialog& dialog, const Task* r)
    {
        setText(dialog, "edTaskTitle", r ? r->title : std::string());
        setText(dialog, "edTaskDue", r ? r->dueDate : std::string());
        dialog_ui::select(dialog, "lbTaskStatus",
                          static_cast<sal_Int16>(r ? r->status : TaskStatus::Pending));
    }

    void showContact(const Dialog& dialog, const Contact* r)
    {
        setText(dialog, "edContactName", r ? r->name : std::string());
        setText(dialog, "edContactRole", r ? r->role : std::string());
        setText(dialog, "edContactEmail", r ? r->email : std::string());
        setText(dialog, "edContactPhone", r ? r->phone : std::string());
    }

    void showProject(const Dialog& dialog, const Project* r)
    {
        setText(dialog, "edProjectName", r ? r->name : std::string());
        dialog_ui::select(dialog, "lbProjectStatus",
                          static_cast<sal_Int16>(r ? r->status : ProjectStatus::Open));
    }

    void showTime(const Dialog& dialog, const TimeEntry* r)
    {
        setText(dialog, "edTimeDate", r ? r->date : m_today);
        setText(dialog, "edTimeHours", r ? formatHoursInput(r->hours, m_language) : std::string());
        setText(dialog, "edTimeNote", r ? r->note : std::string());
    }

    void showOrder(const Dialog& dialog, const PurchaseOrder* r)
    {
        setText(dialog, "edOrderNumber", r ? r->number : std::string());
        setText(dialog, "edOrderDate", r ? r->date : m_today);
        setText(dialog, "edOrderAmount",
                r ? formatAmountInput(r->amount, r->currency, m_language) : std::string());
        setText(dialog, "edOrderCurrency", r ? r->currency : m_client.currency);
        dialog_ui::select(dialog, "lbOrderStatus",
                          static_cast<sal_Int16>(r ? r->status : OrderStatus::Open));
    }

    void showInvoice(const Dialog& dialog, const Invoice* r)
    {
        setText(dialog, "edInvoiceNumber", r ? r->number : std::string());
        setText(dialog, "edInvoiceIssue", r ? r->issueDate : m_today);
        setText(dialog, "edInvoiceDue", r ? r->dueDate : std::string());
        setText(dialog, "edInvoiceNet",
                r ? formatAmountInput(r->net, r->currency, m_language) : std::string());
        setText(dialog, "edInvoiceTax",
                r ? formatAmountInput(r->tax, r->currency, m_language) : std::string());
        setText(dialog, "edInvoiceCurrency", r ? r->currency : m_client.currency);
        dialog_ui::select(dialog, "lbInvoiceStatus",
                          static_cast<sal_Int16>(r ? r->status : InvoiceStatus::Draft));
        setLabel(dialog, "lblInvoiceTotal",
                 r ? recordFieldLabel(RecordType::Invoice, RecordField::Total, m_language) + ": " +
                         formatAmount(r->total, r->currency, m_language)
                   : std::string());
    }

    void showDeal(const Dialog& dialog, const Deal* r)
    {
        setText(dialog, "edDealTitle", r ? r->title : std::string());
        setText(dialog, "edDealNumber", r ? r->number : std::string());
        setText(dialog, "edDealDate", r ? r->date : m_today);
        setText(dialog, "edDealAmount",
                r ? formatAmountInput(r->amount, r->currency, m_language) : std::string());
        setText(dialog, "edDealCurrency", r ? r->currency : m_client.currency);
        dialog_ui::select(dialog, "lbDealStage",
                          static_cast<sal_Int16>(r ? r->stage : DealStage::Draft));
        setText(dialog, "edDealValid", r ? r->validUntil : std::string());
    }

    // The currency an amount typed in the form is read in.
    std::string currencyOf(const Dialog& dialog, const char* field) const
    {
        std::string currency = text(dialog, field);
        std::transform(currency.begin(), currency.end(), currency.begin(),
                       [](unsigned char c)
                       { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c); });
        return currency;
    }

    // Amount typed in the form; "" is 0. Throws RecordValidationError when it does not parse.
    std::int64_t amountOf(const Dialog& dialog, const char* field, const std::string& currency,
                          RecordType type, RecordField recordField) const
    {
        const std::string typed = text(dialog, field);
        if (typed.find_first_not_of(" \t") == std::string::npos)
            return 0;
        const auto minor =
            parseAmountInput(typed, currency.empty() ? m_client.currency : currency, m_language);
        if (!minor)
            throw RecordValidationError({RecordIssue{type, recordField, Problem::InvalidNumber}});
        return *minor;
    }

    template <typename Enum> static Enum choice(const Dialog& dialog, const char* list, Enum last)
    {
        const sal_Int16 position = dialog_ui::selected(dialog, list);
        return position < 0 || position > static_cast<sal_Int16>(last)
                   ? Enum{}
                   : static_cast<Enum>(position);
    }

    // The selected record to update, or a new one of the client.
    template <typename Record>
    Record editedRecord(const Dialog& dialog, const char* grid,
                        const std::vector<Record>& records) const
    {
        if (const Record* record = selected(dialog, grid, records))
            return *record;
        Record record;
        record.clientId = m_clientId;
        return record;
    }

    // Adds or updates, then shows the record selected in its list (and so in its form).
    template <typename Record>
    void store(const Dialog& dialog, Record record, const char* grid,
               void (ProfileViewer::*show)(const Dialog&, const Record*))
    {
        Record saved;
        try
        {
            saved = storeAccess().with(
                m_context, [&](Register& store)
                { return record.id == 0 ? store.add(record) : store.update(record); });
        }
        catch (const RecordValidationError& error)
        {
            std::string message;
            for (const RecordIssue& issue : error.issues)
                message += (message.empty() ? "" : " ") + describe(issue, m_language);
            showMessage(dialog, ascii("lblMessage"), message);
            return;
        }
        catch (const RecordConflict<Record>& error)
        {
            // The lists and the form show the stored record; saving again updates it.
            reload(dialog);
            (this->*show)(dialog, &error.current);
            showMessage(dialog, ascii("lblMessage"),
                        profileText(ProfileText::RecordConflict, m_language));
            return;
        }
        catch (const StoreError& error)
        {
            showMessage(dialog, ascii("lblMessage"), describe(error, m_language));
            return;
        }
        catch (const NotFound&)
        {
            showMessage(dialog, ascii("lblMessage"),
                        profileText(ProfileText::SelectRecordFirst, m_language));
            reload(dialog);
            return;
        }
        changed(dialog, profileText(ProfileText::RecordSaved, m_language));
        select(dialog, grid, saved.id);
        (this->*show)(dialog, &saved);
    }

    // Something changed: the deck and every tab show it.
    void changed(const Dialog& dialog, const std::string& message)
    {
        m_changed = true;
        storeAccess().notifyChanged();
        reload(dialog);
        showMessage(dialog, ascii("lblMessage"), message, kInfoColor);
    }

    void failed(const Dialog& dialog, const std::string& message)
    {
        showMessage(dialog, ascii("lblMessage"), message);
    }

    // "New": no row selected, an empty form, the cursor in its first field.
    void startNew(const Dialog& dialog, const char* grid, const char* firstField)
    {
        Reference<css::awt::grid::XGridRowSelection>(control(dialog, grid), UNO_QUERY_THROW)
            ->deselectAllRows();
        showMessage(dialog, ascii("lblMessage"), {});
        focus(dialog, firstField);
    }

    void newTask(const Dialog& dialog)
    {
        startNew(dialog, "gridTasks", "edTaskTitle");
        showTask(dialog, nullptr);
    }
    void saveTask(const Dialog& dialog)
    {
        Task r = editedRecord(dialog, "gridTasks", m_tasks);
        r.title = text(dialog, "edTaskTitle");
        r.dueDate = text(dialog, "edTaskDue");
        r.status = choice(dialog, "lbTaskStatus", TaskStatus::Done);
        store(dialog, r, "gridTasks", &ProfileViewer::showTask);
    }

    void newContact(const Dialog& dialog)
    {
        startNew(dialog, "gridContacts", "edContactName");
        showContact(dialog, nullptr);
    }
    void saveContact(const Dialog& dialog)
    {
        Contact r = editedRecord(dialog, "gridContacts", m_contacts);
        r.name = text(dialog, "edContactName");
        r.role = text(dialog, "edContactRole");
        r.email = text(dialog, "edContactEmail");
        r.phone = text(dialog, "edContactPhone");
        store(dialog, r, "gridContacts", &ProfileViewer::showContact);
    }

    void newProject(const Dialog& dialog)
    {
        startNew(dialog, "gridProjects", "edProjectName");
        showProject(dialog, nullptr);
    }
    void saveProject(const Dialog& dialog)
    {
        Project r = editedRecord(dialog, "gridProjects", m_projects);
        r.name = text(dialog, "edProjectName");
        r.status = choice(dialog, "lbProjectStatus", ProjectStatus::Closed);
        store(dialog, r, "gridProjects", &ProfileViewer::showProject);
    }

    void newTime(const Dialog& dialog)
    {
        startNew(dialog, "gridTime", "edTimeDate");
        showTime(dialog, nullptr);
    }
    void saveTime(const Dialog& dialog)
    {
        if (!m_projectId)
            return failed(dialog, profileText(ProfileText::SelectProjectFirst, m_language));
        TimeEntry r;
        if (const TimeEntry* entry = selected(dialog, "gridTime", m_shownTime))
            r = *entry;
        else
            r.projectId = *m_projectId;
        r.date = text(dialog, "edTimeDate");
        r.note = text(dialog, "edTimeNote");
        const std::string hours = text(dialog, "edTimeHours");
        const auto parsed = parseHoursInput(hours);
        if (!parsed)
            return failed(dialog, describe(RecordIssue{RecordType::TimeEntry, RecordField::Hours,
                                                       hours.empty() ? Problem::Required
                                                                     : Problem::InvalidNumber},
                                           m_language));
        r.hours = *parsed;
        store(dialog, r, "gridTime", &ProfileViewer::showTime);
    }

    void newOrder(const Dialog& dialog)
    {
        startNew(dialog, "gridOrders", "edOrderNumber");
        showOrder(dialog, nullptr);
    }
    void saveOrder(const Dialog& dialog)
    {
        PurchaseOrder r = editedRecord(dialog, "gridOrders", m_orders);
        try
        {
            r.number = text(dialog, "edOrderNumber");
            r.date = text(dialog, "edOrderDate");
            r.currency = currencyOf(dialog, "edOrderCurrency");
            r.amount = amountOf(dialog, "edOrderAmount", r.currency, RecordType::PurchaseOrder,
                                RecordField::Amount);
            r.status = choice(dialog, "lbOrderStatus", OrderStatus::Closed);
        }
        catch (const RecordValidationError& error)
        {
            return failed(dialog, describe(error.issues.front(), m_language));
        }
        store(dialog, r, "gridOrders", &ProfileViewer::showOrder);
    }

    void newInvoice(const Dialog& dialog)
    {
        startNew(dialog, "gridInvoices", "edInvoiceNumber");
        showInvoice(dialog, nullptr);
    }
    void saveInvoice(const Dialog& dialog)
    {
        Invoice r = editedRecord(dialog, "gridInvoices", m_invoices);
        try
        {
            r.number = text(dialog, "edInvoiceNumber");
            r.issueDate = text(dialog, "edInvoiceIssue");
            r.dueDate = text(dialog, "edInvoiceDue");
            r.currency = currencyOf(dialog, "edInvoiceCurrency");
            r.net =
                amountOf(dialog, "edInvoiceNet", r.currency, RecordType::Invoice, RecordField::Net);
            r.tax =
                amountOf(dialog, "edInvoiceTax", r.currency, RecordType::Invoice, RecordField::Tax);
            r.total = r.net + r.tax;
            r.status = choice(dialog, "lbInvoiceStatus", InvoiceStatus::Paid);
        }
        catch (const RecordValidationError& error)
        {
            return failed(dialog, describe(error.issues.front(), m_language));
        }
        store(dialog, r, "gridInvoices", &ProfileViewer::showInvoice);
    }

    void newDeal(const Dialog& dialog)
    {
        startNew(dialog, "gridDeals", "edDealTitle");
        showDeal(dialog, nullptr);
    }
    void saveDeal(const Dialog& dialog)
    {
        Deal r = editedRecord(dialog, "gridDeals", m_deals);
        try
        {
            r.title = text(dialog, "edDealTitle");
            r.number = text(dialog, "edDealNumber");
            r.date = text(dialog, "edDealDate");
            r.currency = currencyOf(dialog, "edDealCurrency");
            r.amount =
                amountOf(dialog, "edDealAmount", r.currency, RecordType::Deal, RecordField::Amount);
            r.stage = choice(dialog, "lbDealStage", DealStage::Rejected);
            r.validUntil = text(dialog, "edDealValid");
        }
        catch (const RecordValidationError& error)
        {
            return failed(dialog, describe(error.issues.front(), m_language));
        }
        store(dialog, r, "gridDeals", &ProfileViewer::showDeal);
    }

    // ------------------------------------------------------------------ removing, with a question

    template <typename Record>
    void askRemove(const Dialog& dialog, const char* grid, const std::vector<Record>& records,
                   Pending::What what, RecordType type, std::string (*label)(const Record&))
    {
        const Record* record = selected(dialog, grid, records);
        if (!record)
            return failed(dialog, profileText(ProfileText::SelectRecordFirst, m_language));
        const std::string what_ =
            "«" + label(*record) + "» (" + recordTypeLabel(type, m_language) + ")";
        ask(dialog,
            fillIn(profileText(ProfileText::ConfirmRemoveRecord, m_language), "what", what_),
            Pending{what, record->id});
    }

    static std::string labelOf(const Task& r) { return r.title; }
    static std::string labelOf(const Contact& r) { return r.name; }
    static std::string labelOf(const Project& r) { return r.name; }
    static std::string labelOf(const TimeEntry& r) { return r.date; }
    static std::string labelOf(const PurchaseOrder& r) { return r.number; }
    static std::string labelOf(const Invoice& r) { return r.number; }
    static std::string labelOf(const Deal& r) { return r.title.empty() ? r.number : r.title; }
    static std::string labelOf(const FileInfo& r) { return neutralisedName(r.name); }

    void removeTask(const Dialog& d)
    {
        askRemove<Task>(d, "gridTasks", m_tasks, Pending::What::Task, RecordType::Task, &labelOf);
    }
    void removeContact(const Dialog& d)
    {
        askRemove<Contact>(d, "gridContacts", m_contacts, Pending::What::Contact,
                           RecordType::Contact, &labelOf);
    }
    void removeProject(const Dialog& d)
    {
        askRemove<Project>(d, "gridProjects", m_projects, Pending::What::Project,
                           RecordType::Project, &labelOf);
    }
    void removeTime(const Dialog& d)
    {
        askRemove<TimeEntry>(d, "gridTime", m_shownTime, Pending::What::TimeEntry,
                             RecordType::TimeEntry, &labelOf);
    }
    void removeOrder(const Dialog& d)
    {
        askRemove<PurchaseOrder>(d, "gridOrders", m_orders, Pending::What::Order,
                                 RecordType::PurchaseOrder, &labelOf);
    }
    void removeInvoice(const Dialog& d)
    {
        askRemove<Invoice>(d, "gridInvoices", m_invoices, Pending::What::Invoice,
                           RecordType::Invoice, &labelOf);
    }
    void removeDeal(const Dialog& d)
    {
        askRemove<Deal>(d, "gridDeals", m_deals, Pending::What::Deal, RecordType::Deal, &labelOf);
    }
    void removeFile(const Dialog& d)
    {
        askRemove<FileInfo>(d, "gridFiles", m_files, Pending::What::File, RecordType::File,
                            &labelOf);
    }

    void askDelete(const Dialog& dialog)
    {
        ask(dialog,
            fillIn(profileText(ProfileText::ConfirmDeleteClient, m_language), "name",
                   m_client.legalName),
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
                                   switch (pending->what)
                                   {
                                   case What::DeleteClient:
                                       return store.deleteClient(id);
                                   case What::Contact:
                                       return store.removeContact(id);
                                   case What::Project:
                                       return store.removeProject(id);
                                   case What::TimeEntry:
                                       return store.removeTimeEntry(id);
                                   case What::Task:
                                       return store.removeTask(id);
                                   case What::Order:
                                       return store.removePurchaseOrder(id);
                                   case What::Invoice:
                                       return store.removeInvoice(id);
                                   case What::Deal:
                                       return store.removeDeal(id);
                                   case What::File:
                                       return store.removeFile(id);
                                   case What::OpenFile:
                                       break;
                                   }
                               });
        }
        catch (const HasLinkedRecords& error)
        {
            return failed(dialog, describe(error, m_language));
        }
        catch (const NotFound&)
        {
            reload(dialog);
            return failed(dialog, profileText(ProfileText::SelectRecordFirst, m_language));
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
                        profileText(ProfileText::ClientDeleted, m_language), kInfoColor);
            const Reference<css::awt::XDialog2> closable(dialog, UNO_QUERY);
            if (closable.is())
                closable->endDialog(0);
            return;
        }
        if (pending->what == What::Project && m_projectId == id)
            m_projectId.reset();
        changed(dialog, profileText(ProfileText::RecordRemoved, m_language));
        clearForms(dialog);
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
        changed(dialog,
                profileText(archive ? ProfileText::ClientArchived : ProfileText::ClientRestored,
                            m_language));
    }

    void editClient(const Dialog& dialog)
    {
        if (client_dialog::run(m_context, m_clientId))
        {
            m_changed = true;
            reload(dialog);
            showMessage(dialog, ascii("lblMessage"),
                        profileText(ProfileText::RecordSaved, m_language), kInfoColor);
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
        changed(dialog,
                fillIn(profileText(ProfileText::FileAttached, m_language), "name", attached.name));
        select(dialog, "gridFiles", attached.id);
    }

    std::optional<std::pair<FileInfo, std::vector<std::uint8_t>>> selectedFile(const Dialog& dialog)
    {
        const FileInfo* file = selected(dialog, "gridFiles", m_files);
        if (!file)
        {
            failed(dialog, profileText(ProfileText::SelectRecordFirst, m_language));
            return std::nullopt;
        }
        try
        {
            return std::make_pair(*file, storeAccess().with(m_context, [&](Register& store)
                                                            { return store.fileBytes(file->id); }));
        }
        catch (const NotFound&)
        {
            reload(dialog);
            failed(dialog, profileText(ProfileText::SelectRecordFirst, m_language));
        }
        catch (const StoreError& error)
        {
            failed(dialog, describe(error, m_language));
        }
        return std::nullopt;
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
                       fillIn(profileText(ProfileText::OpenMayRunCode, m_language), "name",
                              neutralisedName(file->first.name)),
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
            return failed(dialog, profileText(ProfileText::SelectRecordFirst, m_language));
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
            failed(dialog, fillIn(profileText(ProfileText::OpenFailed, m_language), "name",
                                  neutralisedName(file.name)));
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
                    fillIn(profileText(ProfileText::FileCopySaved, m_language), "name",
                           neutralisedName(profile_files::fileNameOf(url))),
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
        changed(dialog, profileText(ProfileText::NoteAdded, m_language));
    }

    Reference<XComponentContext> m_context;
    Language m_language;
    std::int64_t m_clientId = 0;
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
    std::vector<Contact> m_contacts;
    std::vector<Project> m_projects;
    std::vector<double> m_projectHours;
    std::optional<std::int64_t> m_projectId; // whose time entries show
    std::vector<TimeEntry> m_time;           // read for m_projectId
    std::vector<TimeEntry> m_shownTime;      // as listed in gridTime
    std::vector<Task> m_tasks;
    std::vector<PurchaseOrder> m_orders;
    std::vector<Invoice> m_invoices;
    std::vector<Deal> m_deals;
    std::vector<FileInfo> m_files;
    ActivityPage m_activity;
};

void showError(const Reference<XComponentContext>& context, const std::string& message)
{
    guardedNoThrow(
        "showing an error",
        [&]
        {
            const Reference<css::awt::XMessageBoxFactory> boxes(css::awt::Toolkit::create(context),
                                                                UNO_QUERY_THROW);
            boxes
                ->createMessageBox(nullptr, css::awt::MessageBoxType_ERRORBOX,
                                   css::awt::MessageBoxButtons::BUTTONS_OK,
                                   fromUtf8(uiText(UiText::ErrorTitle, uiLanguage(context))),
                                   fromUtf8(message))
                ->execute();
        });
}
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
         std::int64_t clientId)
{
    bool changed = false;
    guardedNoThrow(
        "the profile dialog",
        [&]
        {
            try
            {
                rtl::Reference<ProfileViewer> viewer(new ProfileViewer(context, clientId));
                runDialog(context, dialogUrl(),
                          Reference<css::awt::XDialogEventHandler>(viewer.get()),
                          frame.is() ? Reference<css::awt::XWindowPeer>(frame->getContainerWindow(),
                                                                        UNO_QUERY)
                                     : Reference<css::awt::XWindowPeer>());
                changed = viewer->changed();
            }
            catch (const StoreError& error)
            {
                showError(context, describe(error, uiLanguage(context)));
            }
            catch (const css::uno::Exception& error)
            {
                showError(context, toUtf8(error.Message));
            }
        });
    return changed;
}

OUString implementationName()
{
    return ascii("org.clientes.calc.ProfileViewer");
}

Sequence<OUString> serviceNames()
{
    Sequence<OUString> names(1);
    names.getArray()[0] = ascii("org.clientes.ProfileViewer");
    return names;
}

Reference<css::uno::XInterface> SAL_CALL create(const Reference<XComponentContext>& context)
{
    return guarded("creating ProfileViewer",
                   [&] { return static_cast<cppu::OWeakObject*>(new ProfileViewer(context, 0)); });
}
} // namespace clientes::uno::profile_dialog
