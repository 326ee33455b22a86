// The profile dialog, created from the installed .xdl and driven through its handler the way
// its buttons do (a modal execute() returns at once under --headless): every tab, the record
// forms, files, notes, archive / restore and the guarded delete.
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XCurrencyField.hpp>
#include <com/sun/star/awt/XDateField.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/grid/XGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/util/Date.hpp>
#include <org/clientes/XClientDirectory.hpp>
#include <osl/file.hxx>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <set>

#include <unistd.h>

namespace css = ::com::sun::star;
using css::beans::NamedValue;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{
// A day from today as es-ES writes it (the profile's lists follow the office's locale).
std::string spanishDay(int offset)
{
    const std::time_t when = std::time(nullptr) + offset * 86400L;
    std::tm local{};
    localtime_r(&when, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%d/%m/%Y", &local);
    return buffer;
}

rtl::OUString fileUrlOf(const std::filesystem::path& path)
{
    rtl::OUString url;
    osl::FileBase::getFileURLFromSystemPath(u(path.string()), url);
    return url;
}

const Any& valueOf(const Sequence<NamedValue>& record, const char* name)
{
    for (const NamedValue& entry : record)
        if (entry.Name.equalsAscii(name))
            return entry.Value;
    throw std::runtime_error(std::string("no field ") + name);
}

// A client with something on every tab.
std::string addBusyClient(const Reference<XClientDirectory>& clients, const std::string& name,
                          const std::string& taxId)
{
    const std::string code = s(clients->addClient(fields({{"legalName", name},
                                                          {"taxId", taxId},
                                                          {"country", "ES"},
                                                          {"city", "Zaragoza"},
                                                          {"kind", "company"},
                                                          {"tags", "vip, mayorista"},
                                                          {"paymentTerms", "30"},
                                                          {"currency", "EUR"}})));
    const auto key = u(code);
    clients->addRecord(key, u("contacts"), fields({{"name", "Ana Ruiz"}, {"role", "Gerente"}}));
    const sal_Int64 project =
        clients->addRecord(key, u("projects"), fields({{"name", "Web nueva"}}));
    clients->addRecord(u(std::to_string(project)), u("timeEntries"),
                       fields({{"date", isoDay(-3)}, {"hours", "7"}, {"note", "Diseño"}}));
    clients->addRecord(key, u("tasks"),
                       fields({{"title", "Llamar al gerente"}, {"dueDate", isoDay(-1)}}));
    clients->addRecord(key, u("purchaseOrders"),
                       fields({{"number", name.substr(0, 3) + "-PO-1"}, {"amount", "5000"}}));
    clients->addRecord(key, u("invoices"),
                       fields({{"number", name.substr(0, 3) + "-F-1"},
                               {"issueDate", isoDay(-40)},
                               {"dueDate", isoDay(-10)},
                               {"net", "1000"},
                               {"tax", "250"},
                               {"status", "authorised"}}));
    clients->addRecord(key, u("invoices"),
                       fields({{"number", name.substr(0, 3) + "-F-2"},
                               {"issueDate", isoDay(-5)},
                               {"dueDate", isoDay(25)},
                               {"net", "2000"},
                               {"currency", "USD"},
                               {"status", "authorised"}}));
    clients->addRecord(key, u("deals"),
                       fields({{"title", "Mantenimiento"}, {"amount", "8000"}, {"stage", "sent"}}));
    return code;
}
} // namespace

class ProfileDialog : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        OfficeOptions options;
        options.locale = "es-ES"; // dates typed day first, amounts "1.250,50"
        office = std::make_unique<Office>(options);
        clients.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        busy = addBusyClient(clients, "Pérez Gómez Asesores, S.L.", "B12345674");
    }
    static void TearDownTestSuite()
    {
        clients.clear();
        office.reset();
    }

    void TearDown() override
    {
        if (dialog.is())
            Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    }

    // The handler as its own service once registered (org.clientes.ProfileViewer), else the
    // client editor service in its profile role.
    void open(const std::string& key)
    {
        Sequence<Any> arguments(1);
        handler.set(office->create("org.clientes.ProfileViewer"), UNO_QUERY);
        if (handler.is())
            arguments.getArray()[0] <<= u(key);
        else
        {
            handler.set(office->create("org.clientes.ClientEditor"), UNO_QUERY_THROW);
            arguments.getArray()[0] <<= NamedValue(u("Profile"), Any(u(key)));
        }
        Reference<css::lang::XInitialization>(handler, UNO_QUERY_THROW)->initialize(arguments);
        dialog = css::awt::DialogProvider2::create(office->context())
                     ->createDialogWithHandler(
                         u("vnd.sun.star.extension://org.clientes.calc/dialogs/ProfileDialog.xdl"),
                         handler);
        ASSERT_TRUE(dialog.is());
        ASSERT_TRUE(handler->callHandlerMethod(dialog, Any(), u("prepare")));
    }

    bool call(const char* method, const Any& event = Any()) const
    {
        return handler->callHandlerMethod(dialog, event, rtl::OUString::createFromAscii(method));
    }

    Reference<css::awt::XControl> control(const char* name) const
    {
        const auto found =
            Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(u(name));
        if (!found.is())
            throw std::runtime_error(std::string("no control ") + name);
        return found;
    }

    Reference<css::beans::XPropertySet> model(const char* name) const
    {
        return Reference<css::beans::XPropertySet>(control(name)->getModel(), UNO_QUERY_THROW);
    }

    Reference<css::beans::XPropertySet> dialogModel() const
    {
        return Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW);
    }

    void type(const char* name, const std::string& value) const
    {
        Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->setText(u(value));
    }

    std::string text(const char* name) const
    {
        return s(Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->getText());
    }

    // A date field: a date picked ("YYYY-MM-DD"; "" empties it), the date it shows.
    void pickDate(const char* name, const std::string& iso) const
    {
        Any value;
        if (!iso.empty())
            value <<= css::util::Date(static_cast<sal_uInt16>(std::stoi(iso.substr(8, 2))),
                                      static_cast<sal_uInt16>(std::stoi(iso.substr(5, 2))),
                                      static_cast<sal_Int16>(std::stoi(iso.substr(0, 4))));
        model(name)->setPropertyValue(u("Date"), value);
    }
    std::string date(const char* name) const
    {
        const Reference<css::awt::XDateField> field(control(name)->getPeer(), UNO_QUERY_THROW);
        if (field->isEmpty())
            return {};
        const css::util::Date date = field->getDate();
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", int(date.Year), int(date.Month),
                      int(date.Day));
        return buffer;
    }
    // What a date or amount field shows, as the user sees it.
    std::string showing(const char* name) const
    {
        return s(Reference<css::awt::XTextComponent>(control(name)->getPeer(), UNO_QUERY_THROW)
                     ->getText());
    }
    // An amount field's value.
    double amountIn(const char* name) const
    {
        return Reference<css::awt::XCurrencyField>(control(name)->getPeer(), UNO_QUERY_THROW)
            ->getValue();
    }

    // What a label or button shows ("&key" references resolved through the dialog's resource).
    std::string label(const char* name) const
    {
        rtl::OUString value;
        model(name)->getPropertyValue(u("Label")) >>= value;
        if (!value.startsWith("&"))
            return s(value);
        Reference<css::resource::XStringResourceResolver> resolver;
        dialogModel()->getPropertyValue(u("ResourceResolver")) >>= resolver;
        return resolver.is() ? s(resolver->resolveString(value.copy(1))) : s(value);
    }

    sal_Int32 step() const
    {
        sal_Int32 value = -1;
        dialogModel()->getPropertyValue(u("Step")) >>= value;
        return value;
    }

    bool shown(const char* name) const
    {
        bool visible = false;
        model(name)->getPropertyValue(u("EnableVisible")) >>= visible;
        return visible;
    }

    // Visible on the current tab (the peer follows the dialog's Step).
    bool onScreen(const char* name) const
    {
        return Reference<css::awt::XWindow2>(control(name)->getPeer(), UNO_QUERY_THROW)
            ->isVisible();
    }

    Reference<css::awt::grid::XGridDataModel> rows(const char* grid) const
    {
        Reference<css::awt::grid::XGridDataModel> data;
        model(grid)->getPropertyValue(u("GridDataModel")) >>= data;
        return data;
    }

    // A cell's text; figures end in a figure space (U+2007) that keeps them off the next column.
    std::string cell(const char* grid, sal_Int32 column, sal_Int32 row) const
    {
        rtl::OUString value;
        rows(grid)->getCellData(column, row) >>= value;
        std::string text = s(value);
        const std::string figureSpace = "\u2007";
        if (text.size() >= figureSpace.size() &&
            text.compare(text.size() - figureSpace.size(), figureSpace.size(), figureSpace) == 0)
            text.resize(text.size() - figureSpace.size());
        return text;
    }

    // The row whose first column is `first`, selected (as a click does); -1 when none.
    sal_Int32 selectRow(const char* grid, const std::string& first) const
    {
        for (sal_Int32 row = 0; row < rows(grid)->getRowCount(); ++row)
            if (cell(grid, 0, row) == first)
            {
                const auto selection =
                    Reference<css::awt::grid::XGridRowSelection>(control(grid), UNO_QUERY_THROW);
                selection->deselectAllRows();
                selection->selectRow(row);
                office->waitForMainThread();
                return row;
            }
        return -1;
    }

    void choose(const char* list, sal_Int16 position) const
    {
        Reference<css::awt::XListBox>(control(list), UNO_QUERY_THROW)
            ->selectItemPos(position, true);
    }

    sal_Int16 chosen(const char* list) const
    {
        return Reference<css::awt::XListBox>(control(list), UNO_QUERY_THROW)->getSelectedItemPos();
    }

    std::string message() const { return label("lblMessage"); }

    static Sequence<Sequence<NamedValue>> records(const std::string& key, const char* kind)
    {
        return clients->getRecords(u(key), rtl::OUString::createFromAscii(kind));
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> clients;
    static std::string busy;
    Reference<css::awt::XDialogEventHandler> handler;
    Reference<css::awt::XDialog> dialog;
};
std::unique_ptr<Office> ProfileDialog::office;
Reference<XClientDirectory> ProfileDialog::clients;
std::string ProfileDialog::busy;

TEST_F(ProfileDialog, OpensOnTheSummaryWithTheKeyFigures)
{
    open(busy);
    EXPECT_EQ(s(dialog->getTitle()), "Ficha del cliente — Pérez Gómez Asesores, S.L.");
    EXPECT_EQ(label("lblName"), "Pérez Gómez Asesores, S.L.");
    EXPECT_EQ(label("lblSubtitle"), busy + " · Empresa · Activo");
    EXPECT_EQ(step(), 1);
    EXPECT_EQ(label("tabSummary"), "~Resumen");
    EXPECT_EQ(label("tabContact"), "Datos de ~contacto");
    EXPECT_EQ(label("tabOrders"), "Ór~denes de compra");
    EXPECT_EQ(label("tabInvoices"), "~Facturas de venta");
    EXPECT_EQ(label("tabDeals"), "~Ofertas y presupuestos");
    EXPECT_EQ(label("tabActivity"), "Acti~vidad");
    EXPECT_EQ(label("btnArchive"), "~Archivar");

    const std::string figures = label("lblFigures");
    EXPECT_NE(figures.find("Proyectos: 1 (1 abierto) · 7 h registradas"), std::string::npos)
        << figures;
    EXPECT_NE(figures.find("Tareas: 1 vencida · 0 pendientes"), std::string::npos) << figures;
    EXPECT_NE(figures.find("Órdenes de compra: 1 (0 cerradas) · 5.000,00 €"), std::string::npos)
        << figures;
    EXPECT_NE(figures.find("Facturas autorizadas: 2 · 1.250,00 € (1) · 2.000,00 USD (1)"),
              std::string::npos)
        << figures;
    EXPECT_NE(figures.find("pendientes de cobro: 1 · 2.000,00 USD"), std::string::npos) << figures;
    EXPECT_NE(figures.find("vencidas: 1 · 1.250,00 €"), std::string::npos) << figures;
    EXPECT_NE(figures.find("Ofertas abiertas: 1 · 8.000,00 €"), std::string::npos) << figures;
    const std::string card = label("lblCard");
    EXPECT_NE(card.find("Identificación fiscal: B12345674 (ES)"), std::string::npos) << card;
    EXPECT_NE(card.find("Zaragoza"), std::string::npos) << card;

    ASSERT_EQ(rows("gridTasks")->getRowCount(), 1);
    EXPECT_EQ(cell("gridTasks", 0, 0), "Llamar al gerente");
    EXPECT_EQ(cell("gridTasks", 2, 0), "Pendiente · vencida");
    EXPECT_FALSE(shown("lblConfirm"));
}

TEST_F(ProfileDialog, TabButtonsSwitchThePageAndMarkTheCurrentTab)
{
    open(busy);
    const char* const tabs[] = {"tabSummary", "tabContact",  "tabProjects",
                                "tabOrders",  "tabInvoices", "tabDeals",
                                "tabFiles",   "tabActivity", "tabAddresses"};
    const char* const methods[] = {"onTabSummary", "onTabContact",  "onTabProjects",
                                   "onTabOrders",  "onTabInvoices", "onTabDeals",
                                   "onTabFiles",   "onTabActivity", "onTabAddresses"};
    const char* const onPage[] = {"gridTasks",  "gridContacts", "gridProjects",
                                  "gridOrders", "gridInvoices", "gridDeals",
                                  "gridFiles",  "gridActivity", "gridAddresses"};
    for (int page = 9; page >= 1; --page)
    {
        ASSERT_TRUE(call(methods[page - 1]));
        EXPECT_EQ(step(), page);
        for (int other = 1; other <= 9; ++other)
        {
            sal_Int16 state = -1;
            model(tabs[other - 1])->getPropertyValue(u("State")) >>= state;
            EXPECT_EQ(state, other == page ? 1 : 0) << page << " " << other;
            css::awt::FontDescriptor font;
            model(tabs[other - 1])->getPropertyValue(u("FontDescriptor")) >>= font;
            EXPECT_EQ(font.Weight == css::awt::FontWeight::BOLD, other == page);
            EXPECT_EQ(onScreen(onPage[other - 1]), other == page) << onPage[other - 1];
        }
        EXPECT_TRUE(onScreen("btnClose"));
        EXPECT_TRUE(onScreen(tabs[0]));
    }
}

TEST_F(ProfileDialog, TheHandlerAnswersEveryEventTheDialogBinds)
{
    open(busy);
    std::set<std::string> supported;
    for (const auto& name : handler->getSupportedMethodNames())
        supported.insert(s(name));
    for (const char* method :
         {"prepare",         "onTabSummary",   "onTabContact",    "onTabProjects",
          "onTabOrders",     "onTabInvoices",  "onTabDeals",      "onTabFiles",
          "onTabActivity",   "onArchive",      "onDelete",        "onConfirm",
          "onCancelConfirm", "onEditClient",   "onTaskNew",       "onTaskSave",
          "onTaskRemove",    "onContactNew",   "onContactSave",   "onContactRemove",
          "onProjectNew",    "onProjectSave",  "onProjectRemove", "onTimeNew",
          "onTimeSave",      "onTimeRemove",   "onOrderNew",      "onOrderSave",
          "onOrderRemove",   "onInvoiceNew",   "onInvoiceSave",   "onInvoiceRemove",
          "onDealNew",       "onDealSave",     "onDealRemove",    "onFileAttach",
          "onFileOpen",      "onFileSaveCopy", "onFileRemove",    "onAddNote",
          "onTabAddresses",  "onAddressNew",   "onAddressSave",   "onAddressRemove",
          "onBankNew",       "onBankSave",     "onBankRemove"})
        EXPECT_TRUE(supported.count(method)) << method;
    EXPECT_FALSE(call("noSuchMethod"));
    // Under --headless the client dialog's execute() returns at once: the profile reads the
    // client again and carries on.
    EXPECT_TRUE(call("onEditClient"));
    EXPECT_EQ(label("lblName"), "Pérez Gómez Asesores, S.L.");
}

TEST_F(ProfileDialog, TasksAreAddedEditedAndRemovedOnTheSummary)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Tareas Pendientes, S.L."}})));
    open(code);
    ASSERT_TRUE(call("onTaskNew"));
    ASSERT_TRUE(call("onTaskSave"));
    EXPECT_EQ(message(), "El campo «Título» es obligatorio.");
    EXPECT_EQ(records(code, "tasks").getLength(), 0);

    type("edTaskTitle", "Enviar presupuesto");
    pickDate("edTaskDueDate", isoDay(2));
    ASSERT_TRUE(call("onTaskSave"));
    EXPECT_EQ(message(), "Guardado.");
    ASSERT_EQ(rows("gridTasks")->getRowCount(), 1);
    EXPECT_EQ(cell("gridTasks", 1, 0), spanishDay(2)); // typed as ISO, listed as es-ES writes it
    auto tasks = records(code, "tasks");
    ASSERT_EQ(tasks.getLength(), 1);
    EXPECT_EQ(field(tasks[0], "title"), "Enviar presupuesto");
    EXPECT_NE(label("lblFigures").find("1 en los próximos 7 días"), std::string::npos);

    ASSERT_TRUE(call("onTaskNew"));
    EXPECT_EQ(text("edTaskTitle"), "");
    ASSERT_EQ(selectRow("gridTasks", "Enviar presupuesto"), 0);
    EXPECT_EQ(text("edTaskTitle"), "Enviar presupuesto"); // the row's record in the form
    choose("lbTaskStatus", 1);
    ASSERT_TRUE(call("onTaskSave"));
    EXPECT_EQ(field(records(code, "tasks")[0], "status"), "done");
    EXPECT_EQ(cell("gridTasks", 2, 0), "Hecha");
    EXPECT_EQ(records(code, "tasks").getLength(), 1); // updated, not added

    ASSERT_EQ(selectRow("gridTasks", "Enviar presupuesto"), 0);
    ASSERT_TRUE(call("onTaskRemove"));
    EXPECT_TRUE(shown("lblConfirm"));
    EXPECT_TRUE(shown("btnConfirm"));
    EXPECT_EQ(label("lblConfirm"), "¿Quitar «Enviar presupuesto» (Tarea)?");
    ASSERT_TRUE(call("onConfirm"));
    EXPECT_FALSE(shown("lblConfirm"));
    EXPECT_EQ(records(code, "tasks").getLength(), 0);
    EXPECT_EQ(rows("gridTasks")->getRowCount(), 0);
    EXPECT_EQ(message(), "Quitado.");
}

TEST_F(ProfileDialog, ContactDataAndContactPersons)
{
    const std::string code = addBusyClient(clients, "Contactos Varios, S.L.", "A58818501");
    open(code);
    ASSERT_TRUE(call("onTabContact"));
    EXPECT_EQ(step(), 2);
    const std::string details = label("lblDetails");
    EXPECT_NE(details.find("Tipo de cliente: Empresa"), std::string::npos) << details;
    EXPECT_NE(details.find("Etiquetas: vip, mayorista"), std::string::npos) << details;
    EXPECT_NE(details.find("Plazo de pago (días): 30"), std::string::npos) << details;
    EXPECT_EQ(label("btnEditClient"), "Ed~itar…");
    ASSERT_EQ(rows("gridContacts")->getRowCount(), 1);
    EXPECT_EQ(cell("gridContacts", 1, 0), "Gerente");

    ASSERT_TRUE(call("onContactNew"));
    type("edContactName", "Beatriz Sanz");
    type("edContactRole", "Compras");
    type("edContactEmail", "beatriz@contactos.es");
    ASSERT_TRUE(call("onContactSave"));
    ASSERT_EQ(rows("gridContacts")->getRowCount(), 2);
    EXPECT_EQ(cell("gridContacts", 0, 1), "Beatriz Sanz"); // by name

    ASSERT_EQ(selectRow("gridContacts", "Beatriz Sanz"), 1);
    type("edContactEmail", "no es un correo");
    ASSERT_TRUE(call("onContactSave"));
    EXPECT_EQ(message(), "El correo electrónico no es válido.");
    type("edContactEmail", "compras@contactos.es");
    ASSERT_TRUE(call("onContactSave"));
    EXPECT_EQ(cell("gridContacts", 2, 1), "compras@contactos.es");

    ASSERT_EQ(selectRow("gridContacts", "Beatriz Sanz"), 1);
    ASSERT_TRUE(call("onContactRemove"));
    ASSERT_TRUE(call("onCancelConfirm")); // "No" keeps it
    EXPECT_EQ(records(code, "contacts").getLength(), 2);
    ASSERT_TRUE(call("onContactRemove"));
    ASSERT_TRUE(call("onConfirm"));
    EXPECT_EQ(records(code, "contacts").getLength(), 1);
}

TEST_F(ProfileDialog, AddressesAndBankAccountsAreAddedThroughTheirForms)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Direcciones y Cuentas, S.L."}})));
    open(code);
    ASSERT_TRUE(call("onTabAddresses"));
    EXPECT_EQ(step(), 9);
    EXPECT_TRUE(onScreen("gridAddresses"));
    EXPECT_TRUE(onScreen("gridBankAccounts"));
    EXPECT_FALSE(onScreen("gridContacts"));
    EXPECT_EQ(label("tabAddresses"), "Direcciones y c~uentas");

    // An address: its type from the list box, its country as a code.
    ASSERT_TRUE(call("onAddressNew"));
    choose("lbAddressType", 1); // Envío
    type("edAddressName", "Almacén");
    type("edAddressStreet", "Polígono Malpica, calle E");
    type("edAddressStreet2", "Nave 12");
    type("edAddressPostalCode", "50016");
    type("edAddressCity", "Zaragoza");
    type("edAddressRegion", "Zaragoza");
    type("edAddressCountry", "ES");
    type("edAddressPhone", "+34 976 123 480");
    type("edAddressEmail", "almacen@direcciones.es");
    ASSERT_TRUE(call("onAddressSave"));
    EXPECT_EQ(message(), "Guardado.");
    auto addresses = records(code, "addresses");
    ASSERT_EQ(addresses.getLength(), 1);
    EXPECT_EQ(field(addresses[0], "type"), "shipping");
    EXPECT_EQ(field(addresses[0], "name"), "Almacén");
    EXPECT_EQ(field(addresses[0], "street2"), "Nave 12");
    EXPECT_EQ(field(addresses[0], "postalCode"), "50016");
    EXPECT_EQ(field(addresses[0], "country"), "ES");
    EXPECT_EQ(field(addresses[0], "email"), "almacen@direcciones.es");
    ASSERT_EQ(rows("gridAddresses")->getRowCount(), 1);
    EXPECT_EQ(cell("gridAddresses", 0, 0), "Envío"); // the type's word
    EXPECT_EQ(cell("gridAddresses", 1, 0), "Almacén");
    EXPECT_EQ(cell("gridAddresses", 3, 0), "Zaragoza");
    EXPECT_EQ(chosen("lbAddressType"), 1); // the saved one shown in the form

    // A bank account typed with spaces and a digit mistyped: stored without the spaces, and
    // the list (and the line under it) says what the check found.
    ASSERT_TRUE(call("onBankNew"));
    type("edBankIban", "ES91 2100 0418 4502 0005 1333");
    type("edBankBic", "CAIXESBBXXX");
    type("edBankHolder", "Direcciones y Cuentas, S.L.");
    type("edBankBank", "CaixaBank");
    ASSERT_TRUE(call("onBankSave"));
    auto accounts = records(code, "bankAccounts");
    ASSERT_EQ(accounts.getLength(), 1);
    EXPECT_EQ(field(accounts[0], "iban"), "ES9121000418450200051333");
    EXPECT_EQ(field(accounts[0], "bic"), "CAIXESBBXXX");
    EXPECT_EQ(field(accounts[0], "holder"), "Direcciones y Cuentas, S.L.");
    EXPECT_EQ(field(accounts[0], "bank"), "CaixaBank");
    EXPECT_EQ(field(accounts[0], "ibanCheck"), "badCheckDigits");
    ASSERT_EQ(rows("gridBankAccounts")->getRowCount(), 1);
    // Stored electronic, listed as on paper.
    EXPECT_EQ(cell("gridBankAccounts", 0, 0), "ES91 2100 0418 4502 0005 1333");
    EXPECT_EQ(cell("gridBankAccounts", 1, 0), "CAIXESBBXXX");
    EXPECT_EQ(cell("gridBankAccounts", 2, 0),
              "Dígitos de control incorrectos: ¿un número mal copiado?");
    EXPECT_EQ(label("lblBankIbanCheck"),
              "Comprobación del IBAN: Dígitos de control incorrectos: ¿un número mal copiado?");

    // Corrected in the form: the same account, now "Correcto".
    ASSERT_EQ(selectRow("gridBankAccounts", cell("gridBankAccounts", 0, 0)), 0);
    type("edBankIban", "ES91 2100 0418 4502 0005 1332");
    ASSERT_TRUE(call("onBankSave"));
    accounts = records(code, "bankAccounts");
    ASSERT_EQ(accounts.getLength(), 1);
    EXPECT_EQ(field(accounts[0], "iban"), "ES9121000418450200051332");
    EXPECT_EQ(cell("gridBankAccounts", 2, 0), "Correcto");

    // Removed after the question, like every record.
    ASSERT_EQ(selectRow("gridAddresses", "Envío"), 0);
    ASSERT_TRUE(call("onAddressRemove"));
    ASSERT_TRUE(call("onConfirm"));
    EXPECT_EQ(records(code, "addresses").getLength(), 0);
    EXPECT_EQ(records(code, "bankAccounts").getLength(), 1);
}

TEST_F(ProfileDialog, ProjectsShowAndLogTheirHours)
{
    const std::string code = addBusyClient(clients, "Horas y Proyectos, S.A.", "A28000727");
    open(code);
    ASSERT_TRUE(call("onTabProjects"));
    ASSERT_EQ(rows("gridProjects")->getRowCount(), 1);
    EXPECT_EQ(cell("gridProjects", 2, 0), "7 h");
    EXPECT_EQ(rows("gridTime")->getRowCount(), 0);
    ASSERT_TRUE(call("onTimeSave"));
    EXPECT_EQ(message(), "Seleccione primero un proyecto.");

    ASSERT_EQ(selectRow("gridProjects", "Web nueva"), 0);
    EXPECT_EQ(label("lblTimeHead"), "Horas de «Web nueva»");
    EXPECT_EQ(label("lblTimeTotal"), "Total del proyecto: 7 h");
    ASSERT_EQ(rows("gridTime")->getRowCount(), 1);
    EXPECT_EQ(cell("gridTime", 2, 0), "Diseño");
    EXPECT_EQ(text("edProjectName"), "Web nueva");

    ASSERT_TRUE(call("onTimeNew"));
    EXPECT_EQ(date("edTimeDate"), isoDay(0));
    type("edTimeHours", "2,5");
    type("edTimeNote", "Reunión");
    ASSERT_TRUE(call("onTimeSave"));
    EXPECT_EQ(message(), "Guardado.");
    EXPECT_EQ(label("lblTimeTotal"), "Total del proyecto: 9,5 h");
    EXPECT_EQ(rows("gridTime")->getRowCount(), 2);
    EXPECT_EQ(cell("gridProjects", 2, 0), "9,5 h");
    ASSERT_TRUE(call("onTimeNew"));
    type("edTimeHours", "30");
    ASSERT_TRUE(call("onTimeSave"));
    EXPECT_EQ(message(), "Las horas deben ser más de 0 y como máximo 24.");

    // A second project, closed.
    ASSERT_TRUE(call("onProjectNew"));
    type("edProjectName", "Auditoría");
    choose("lbProjectStatus", 1);
    ASSERT_TRUE(call("onProjectSave"));
    ASSERT_EQ(rows("gridProjects")->getRowCount(), 2);
    EXPECT_EQ(label("lblTimeHead"), "Horas de «Auditoría»"); // the new project is selected
    const auto projects = records(code, "projects");
    bool closed = false;
    for (const auto& project : projects)
        closed = closed ||
                 (field(project, "name") == "Auditoría" && field(project, "status") == "closed");
    EXPECT_TRUE(closed);
}

TEST_F(ProfileDialog, PurchaseOrdersTakeAmountsAsTyped)
{
    const std::string code = s(clients->addClient(
        fields({{"legalName", "Pedidos Tecleados, S.L."}, {"currency", "EUR"}})));
    open(code);
    ASSERT_TRUE(call("onTabOrders"));
    ASSERT_TRUE(call("onOrderNew"));
    EXPECT_EQ(text("edOrderCurrency"), "EUR"); // the client's
    type("edOrderNumber", "PED-77");
    type("edOrderAmount", "doce");
    ASSERT_TRUE(call("onOrderSave"));
    EXPECT_EQ(message(), "El campo «Importe» debe ser un número.");
    type("edOrderAmount", "1.250,50");
    type("edOrderCurrency", "usd");
    ASSERT_TRUE(call("onOrderSave"));
    const auto orders = records(code, "purchaseOrders");
    ASSERT_EQ(orders.getLength(), 1);
    double amount = 0;
    valueOf(orders[0], "amount") >>= amount;
    EXPECT_EQ(amount, 1250.5);
    EXPECT_EQ(field(orders[0], "currency"), "USD");
    EXPECT_EQ(cell("gridOrders", 2, 0), "1.250,50 USD");
    EXPECT_EQ(label("lblOrdersTotal"), "Órdenes de compra: 1 (0 cerradas) · 1.250,50 USD");
    EXPECT_EQ(amountIn("edOrderAmount"), 1250.5);
    EXPECT_EQ(showing("edOrderAmount"), "1.250,50");
}

TEST_F(ProfileDialog, InvoicesShowTheirStateAndRefuseConflicts)
{
    const std::string code = s(clients->addClient(
        fields({{"legalName", "Facturación Dialogada, S.L."}, {"currency", "EUR"}})));
    open(code);
    ASSERT_TRUE(call("onTabInvoices"));
    ASSERT_TRUE(call("onInvoiceNew"));
    EXPECT_EQ(date("edInvoiceIssueDate"), isoDay(0));
    EXPECT_EQ(chosen("lbInvoiceStatus"), 0);
    type("edInvoiceNumber", "DLG-2024-001");
    pickDate("edInvoiceIssueDate", isoDay(-45));
    pickDate("edInvoiceDueDate", isoDay(-15));
    type("edInvoiceNet", "1000");
    type("edInvoiceTax", "210");
    choose("lbInvoiceStatus", 1);
    ASSERT_TRUE(call("onInvoiceSave"));
    ASSERT_EQ(rows("gridInvoices")->getRowCount(), 1);
    EXPECT_EQ(cell("gridInvoices", 3, 0), "1.210,00 €");
    EXPECT_EQ(cell("gridInvoices", 4, 0), "Autorizada · vencida");
    EXPECT_EQ(label("lblInvoiceTotal"), "Total: 1.210,00 €");
    EXPECT_NE(label("lblInvoicesTotal").find("vencidas: 1 · 1.210,00 €"), std::string::npos)
        << label("lblInvoicesTotal");

    ASSERT_TRUE(call("onInvoiceNew"));
    type("edInvoiceNumber", "dlg-2024-001");
    ASSERT_TRUE(call("onInvoiceSave"));
    EXPECT_EQ(message(), "Ya existe una factura con este número.");

    // Someone else marks it paid while the form shows it.
    ASSERT_EQ(selectRow("gridInvoices", "DLG-2024-001"), 0);
    const sal_Int64 id = [&]
    {
        sal_Int64 value = 0;
        valueOf(records(code, "invoices")[0], "id") >>= value;
        return value;
    }();
    clients->updateRecord(u("invoices"), id, fields({{"status", "paid"}}));
    type("edInvoiceTax", "200");
    ASSERT_TRUE(call("onInvoiceSave"));
    EXPECT_NE(message().find("Otra persona ha modificado este registro"), std::string::npos)
        << message();
    EXPECT_EQ(chosen("lbInvoiceStatus"), 2); // the stored values are in the form now
    EXPECT_EQ(amountIn("edInvoiceTax"), 210.0);
    ASSERT_TRUE(call("onInvoiceSave")); // and saving again works
    EXPECT_EQ(message(), "Guardado.");
    EXPECT_EQ(cell("gridInvoices", 4, 0), "Cobrada");
}

TEST_F(ProfileDialog, DealsMoveThroughTheirStages)
{
    const std::string code = s(clients->addClient(
        fields({{"legalName", "Ofertas Dialogadas, S.L."}, {"currency", "EUR"}})));
    open(code);
    ASSERT_TRUE(call("onTabDeals"));
    ASSERT_TRUE(call("onDealNew"));
    type("edDealTitle", "Renovación de equipos");
    type("edDealAmount", "12000");
    choose("lbDealStage", 1);
    pickDate("edDealValidUntil", isoDay(30));
    ASSERT_TRUE(call("onDealSave"));
    ASSERT_EQ(rows("gridDeals")->getRowCount(), 1);
    EXPECT_EQ(cell("gridDeals", 3, 0), "12.000,00 €");
    EXPECT_EQ(cell("gridDeals", 4, 0), "Enviada");
    EXPECT_EQ(label("lblDealsTotal"), "Ofertas abiertas: 1 · 12.000,00 €");
    ASSERT_EQ(selectRow("gridDeals", "Renovación de equipos"), 0);
    choose("lbDealStage", 2);
    ASSERT_TRUE(call("onDealSave"));
    EXPECT_EQ(field(records(code, "deals")[0], "stage"), "accepted");
    EXPECT_EQ(label("lblDealsTotal"), "Ofertas abiertas: 0 · 1 aceptada");
}

// Dates and amounts are the toolkit's date and currency fields: typed the locale's way (es-ES:
// day first, "1.234,56") or picked in the calendar, stored as ISO dates and minor units.
TEST_F(ProfileDialog, DatesAndAmountsAreTypedTheLocaleWay)
{
    const std::string code = s(clients->addClient(
        fields({{"legalName", "Fechas Regionales, S.L."}, {"currency", "EUR"}})));
    open(code);
    ASSERT_TRUE(call("onTabInvoices"));
    ASSERT_TRUE(call("onInvoiceNew"));
    type("edInvoiceNumber", "LOC-1");
    type("edInvoiceIssueDate", "31/12/2030");
    pickDate("edInvoiceDueDate", "2031-01-30");
    type("edInvoiceNet", "1.234,56");
    type("edInvoiceTax", "259,26");
    ASSERT_TRUE(call("onInvoiceSave"));
    EXPECT_EQ(message(), "Guardado.");
    const auto invoices = records(code, "invoices");
    ASSERT_EQ(invoices.getLength(), 1);
    EXPECT_EQ(field(invoices[0], "issueDate"), "2030-12-31");
    EXPECT_EQ(field(invoices[0], "dueDate"), "2031-01-30");
    // The register keeps minor units.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(office->database().c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT net, tax, total FROM invoices WHERE number = 'LOC-1'",
                                 -1, &statement, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int64(statement, 0), 123456);
    EXPECT_EQ(sqlite3_column_int64(statement, 1), 25926);
    EXPECT_EQ(sqlite3_column_int64(statement, 2), 149382);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    // The form shows the record saved, the locale's way.
    EXPECT_EQ(showing("edInvoiceIssueDate"), "31/12/2030");
    EXPECT_EQ(showing("edInvoiceNet"), "1.234,56");
    EXPECT_EQ(label("lblInvoiceTotal"), "Total: 1.493,82 €"); // es-ES writes the symbol

    // Text that is no date of the locale (day 31 of month 31) is refused; nothing is stored.
    ASSERT_TRUE(call("onInvoiceNew"));
    type("edInvoiceNumber", "LOC-2");
    type("edInvoiceIssueDate", "31/31/2030");
    ASSERT_TRUE(call("onInvoiceSave"));
    EXPECT_EQ(message(), "El campo «Fecha de emisión» no es una fecha válida: escríbala como la "
                         "muestra el calendario o elíjala en él.");
    EXPECT_EQ(records(code, "invoices").getLength(), 1);

    // A currency without decimals: whole amounts only.
    ASSERT_TRUE(call("onTabDeals"));
    ASSERT_TRUE(call("onDealNew"));
    type("edDealTitle", "Yenes");
    type("edDealCurrency", "jpy");
    type("edDealAmount", "1.500,5");
    ASSERT_TRUE(call("onDealSave"));
    EXPECT_EQ(message(), "El campo «Importe» debe ser un número.");
    type("edDealAmount", "1.500");
    pickDate("edDealValidUntil", "");
    ASSERT_TRUE(call("onDealSave"));
    EXPECT_EQ(message(), "Guardado.");
    const auto deals = records(code, "deals");
    ASSERT_EQ(deals.getLength(), 1);
    double amount = 0;
    valueOf(deals[0], "amount") >>= amount;
    EXPECT_EQ(amount, 1500.0);
    EXPECT_EQ(field(deals[0], "currency"), "JPY");
    EXPECT_EQ(field(deals[0], "validUntil"), "");
    EXPECT_EQ(field(deals[0], "date"), isoDay(0)); // a new record's date: today
}

TEST_F(ProfileDialog, FilesAreAttachedCopiedAndRemoved)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Archivos Dialogados, S.L."}})));
    const auto source = office->workDir() / "plano de planta.pdf";
    {
        std::ofstream out(source, std::ios::binary);
        for (int i = 0; i < 100000; ++i)
            out.put(static_cast<char>((i * 7 + 3) % 256));
    }
    open(code);
    ASSERT_TRUE(call("onTabFiles"));
    ASSERT_TRUE(call("onFileAttach", Any(fileUrlOf(source))));
    EXPECT_EQ(message(), "Archivo «plano de planta.pdf» adjuntado.");
    ASSERT_EQ(rows("gridFiles")->getRowCount(), 1);
    EXPECT_EQ(cell("gridFiles", 0, 0), "plano de planta.pdf");
    EXPECT_EQ(cell("gridFiles", 1, 0), "application/pdf");
    EXPECT_EQ(cell("gridFiles", 2, 0), "97,7 KB");
    const auto files = records(code, "files");
    ASSERT_EQ(files.getLength(), 1);
    sal_Int64 size = 0;
    valueOf(files[0], "size") >>= size;
    EXPECT_EQ(size, 100000);
    EXPECT_EQ(field(files[0], "sha256"),
              "d96bab6a55ee326ba206dd4a85a6e95e14360d7fabbf448f03e689c24382b7d0");
    EXPECT_NE(label("lblFigures").find("Archivos: 1 (97,7 KB)"), std::string::npos);

    const auto copy = office->workDir() / "copia del plano.pdf";
    ASSERT_EQ(selectRow("gridFiles", "plano de planta.pdf"), 0);
    ASSERT_TRUE(call("onFileSaveCopy", Any(fileUrlOf(copy))));
    EXPECT_EQ(message(), "Copia guardada: «copia del plano.pdf».");
    EXPECT_EQ(std::filesystem::file_size(copy), 100000U);

    const auto big = office->workDir() / "demasiado.bin";
    std::ofstream(big).close();
    std::filesystem::resize_file(big, 50LL * 1024 * 1024 + 1);
    ASSERT_TRUE(call("onFileAttach", Any(fileUrlOf(big))));
    EXPECT_NE(message().find("El archivo «demasiado.bin» ocupa 52.428.801 bytes"),
              std::string::npos)
        << message();
    EXPECT_EQ(rows("gridFiles")->getRowCount(), 1);

    ASSERT_EQ(selectRow("gridFiles", "plano de planta.pdf"), 0);
    ASSERT_TRUE(call("onFileRemove"));
    EXPECT_EQ(label("lblConfirm"), "¿Quitar «plano de planta.pdf» (Archivo)?");
    ASSERT_TRUE(call("onConfirm"));
    EXPECT_EQ(records(code, "files").getLength(), 0);
    EXPECT_EQ(rows("gridFiles")->getRowCount(), 0);
    ASSERT_TRUE(call("onFileOpen")); // nothing selected: says so
    EXPECT_EQ(message(), "Seleccione primero una fila de la lista.");
}

// A program, script or launcher is not handed to the desktop without asking: the question
// takes the confirmation strip ("No" focused) and no copy is made until "Sí". Names with
// hidden characters are refused at attach, and shown neutralised when stored before.
TEST_F(ProfileDialog, RiskyFilesAskBeforeOpeningAndHiddenCharactersShow)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Lanzadores Dudosos, S.L."}})));
    const std::string name = "instalar-" + std::to_string(::getpid()) + ".sh";
    std::ofstream(office->workDir() / name) << "#!/bin/sh\necho hola\n";
    const auto copies =
        std::filesystem::temp_directory_path() / ("clientes-open-" + std::to_string(::getuid()));
    const auto copiesOf = [&](const std::string& file)
    {
        int found = 0;
        std::error_code ignored;
        for (const auto& entry : std::filesystem::directory_iterator(copies, ignored))
            found += std::filesystem::exists(entry.path() / file) ? 1 : 0;
        return found;
    };
    open(code);
    ASSERT_TRUE(call("onTabFiles"));
    ASSERT_TRUE(call("onFileAttach", Any(fileUrlOf(office->workDir() / name))));
    ASSERT_EQ(selectRow("gridFiles", name), 0);
    ASSERT_TRUE(call("onFileOpen"));
    EXPECT_TRUE(shown("lblConfirm"));
    EXPECT_EQ(label("lblConfirm"), "Este archivo puede ejecutar programas en su equipo: «" + name +
                                       "». ¿Abrirlo de todos modos? Hágalo solo si confía en su "
                                       "origen.");
    EXPECT_EQ(copiesOf(name), 0);
    ASSERT_TRUE(call("onCancelConfirm"));
    EXPECT_FALSE(shown("lblConfirm"));
    EXPECT_EQ(copiesOf(name), 0);

    // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf": refused, named visibly.
    const auto disguised = office->workDir() / "factura\u202Efdp.exe";
    std::ofstream(disguised) << "MZ";
    ASSERT_TRUE(call("onFileAttach", Any(fileUrlOf(disguised))));
    EXPECT_EQ(message().rfind("El nombre «factura[U+202E]fdp.exe» contiene caracteres", 0), 0U)
        << message();
    EXPECT_EQ(rows("gridFiles")->getRowCount(), 1);

    // Stored before names were checked: listed, asked about and named neutralised.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(office->database().c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    const std::string rename = "UPDATE files SET name = 'viejo' || char(0x202E) || 'fdp.exe' "
                               "WHERE name = '" +
                               name + "'";
    EXPECT_EQ(sqlite3_exec(db, rename.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
    ASSERT_TRUE(call("prepare"));
    ASSERT_TRUE(call("onTabFiles"));
    EXPECT_EQ(cell("gridFiles", 0, 0), "viejo[U+202E]fdp.exe");
    ASSERT_EQ(selectRow("gridFiles", "viejo[U+202E]fdp.exe"), 0);
    ASSERT_TRUE(call("onFileOpen"));
    EXPECT_NE(label("lblConfirm").find("«viejo[U+202E]fdp.exe»"), std::string::npos)
        << label("lblConfirm");
    ASSERT_TRUE(call("onFileRemove"));
    EXPECT_EQ(label("lblConfirm"), "¿Quitar «viejo[U+202E]fdp.exe» (Archivo)?");
    ASSERT_TRUE(call("onCancelConfirm"));
}

TEST_F(ProfileDialog, NotesGoIntoTheActivityNewestFirst)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Notas Dialogadas, S.L."}})));
    open(code);
    ASSERT_TRUE(call("onTabActivity"));
    ASSERT_EQ(rows("gridActivity")->getRowCount(), 1);
    EXPECT_EQ(cell("gridActivity", 1, 0), "Cliente creado");
    ASSERT_TRUE(call("onAddNote"));
    EXPECT_EQ(message(), "El campo «Texto» es obligatorio.");
    type("edNote", "Pide factura electrónica\na partir de enero.");
    ASSERT_TRUE(call("onAddNote"));
    EXPECT_EQ(message(), "Nota añadida.");
    EXPECT_EQ(text("edNote"), "");
    ASSERT_EQ(rows("gridActivity")->getRowCount(), 2);
    EXPECT_EQ(cell("gridActivity", 1, 0), "Nota");
    EXPECT_EQ(cell("gridActivity", 2, 0), "Pide factura electrónica a partir de enero.");
    EXPECT_EQ(cell("gridActivity", 0, 0).size(), 16U); // "YYYY-MM-DD HH:MM"
    EXPECT_EQ(field(records(code, "activity")[0], "text"),
              "Pide factura electrónica\na partir de enero.");
}

TEST_F(ProfileDialog, AChangeSavedElsewhereWhileTheProfileIsOpenIsShown)
{
    const std::string key =
        s(clients->addClient(fields({{"legalName", "Cambiada por otro, S.L."}})));
    open(key);
    EXPECT_EQ(message(), "");
    // A macro (or, on a team server, another user) saves the client meanwhile.
    clients->updateClient(u(key), fields({{"city", "Teruel"}}));
    office->waitForMainThread();
    EXPECT_NE(message().find("Otra persona ha modificado este cliente"), std::string::npos)
        << message();
}

TEST_F(ProfileDialog, ArchiveAndRestore)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Archivo y Vuelta, S.L."}})));
    const sal_Int32 before = clients->countClients();
    open(code);
    ASSERT_TRUE(call("onArchive"));
    EXPECT_EQ(clients->countClients(), before - 1);
    EXPECT_NE(label("lblSubtitle").find("Archivado"), std::string::npos) << label("lblSubtitle");
    EXPECT_EQ(label("btnArchive"), "Resta~urar");
    EXPECT_NE(message().find("Cliente archivado"), std::string::npos);
    ASSERT_TRUE(call("onArchive"));
    EXPECT_EQ(clients->countClients(), before);
    EXPECT_EQ(label("btnArchive"), "~Archivar");
    EXPECT_EQ(message(), "Cliente restaurado.");
    ASSERT_TRUE(call("onTabActivity"));
    EXPECT_EQ(cell("gridActivity", 1, 0), "Restaurado");
    EXPECT_EQ(cell("gridActivity", 1, 1), "Archivado");
}

TEST_F(ProfileDialog, DeleteAsksAndIsRefusedWhileRecordsAreLinked)
{
    open(busy);
    ASSERT_TRUE(call("onDelete"));
    EXPECT_TRUE(shown("lblConfirm"));
    EXPECT_FALSE(shown("lblMessage"));
    EXPECT_EQ(label("lblConfirm"),
              "¿Eliminar definitivamente a «Pérez Gómez Asesores, S.L.»? No se puede deshacer.");
    EXPECT_EQ(label("btnConfirm"), "~Sí");
    ASSERT_TRUE(call("onConfirm"));
    EXPECT_FALSE(shown("lblConfirm"));
    const std::string refused = message();
    EXPECT_NE(refused.find("No se puede eliminar el cliente"), std::string::npos) << refused;
    EXPECT_NE(refused.find("proyectos: 1"), std::string::npos) << refused;
    EXPECT_NE(refused.find("facturas: 2"), std::string::npos) << refused;
    EXPECT_NO_THROW(clients->getClient(u(busy)));
}

TEST_F(ProfileDialog, DeleteRemovesAClientWithNothingLinked)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Efímero Borrable, S.L."}})));
    clients->addNote(u(code), u("Se borra con el cliente."));
    open(code);
    ASSERT_TRUE(call("onDelete"));
    ASSERT_TRUE(call("onConfirm"));
    EXPECT_EQ(message(), "Cliente eliminado.");
    EXPECT_THROW(clients->getClient(u(code)), css::container::NoSuchElementException);
}

// "Sí" opens the file through a copy in our own folder, read-only; the office's end removes
// it, and the next start removes what older sessions left (but not copies of the last few
// minutes: another office may have them open). Restarts the office: the suite's last test.
TEST_F(ProfileDialog, OpenedCopiesGoAtTheEndAndOldOnesAtTheNextStart)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Copias Abiertas, S.L."}})));
    const std::string name = "script-" + std::to_string(::getpid()) + ".py";
    std::ofstream(office->workDir() / name) << "print('hola')\n";
    const auto copies =
        std::filesystem::temp_directory_path() / ("clientes-open-" + std::to_string(::getuid()));
    const auto copyOf = [&](const std::string& file)
    {
        std::error_code ignored;
        for (const auto& entry : std::filesystem::directory_iterator(copies, ignored))
            if (std::filesystem::exists(entry.path() / file))
                return entry.path() / file;
        return std::filesystem::path();
    };
    open(code);
    ASSERT_TRUE(call("onTabFiles"));
    ASSERT_TRUE(call("onFileAttach", Any(fileUrlOf(office->workDir() / name))));
    ASSERT_EQ(selectRow("gridFiles", name), 0);
    ASSERT_TRUE(call("onFileOpen"));
    ASSERT_TRUE(shown("lblConfirm"));
    ASSERT_TRUE(call("onConfirm")); // handed to the desktop (whatever it does with it here)
    const auto copy = copyOf(name);
    ASSERT_FALSE(copy.empty());
    EXPECT_EQ(std::filesystem::status(copy).permissions(), std::filesystem::perms::owner_read);
    EXPECT_EQ(std::filesystem::status(copies).permissions(), std::filesystem::perms::owner_all);

    // What an earlier session left: one copy from an hour ago, one from just now.
    const auto plant = [&](const std::string& folder, const std::string& file)
    {
        std::filesystem::create_directories(copies / folder);
        std::ofstream(copies / folder / file) << "x";
        return copies / folder;
    };
    const auto stale = plant("viejo-" + std::to_string(::getpid()), "antigua.pdf");
    std::filesystem::last_write_time(stale, std::filesystem::file_time_type::clock::now() -
                                                std::chrono::hours(1));
    const auto fresh = plant("reciente-" + std::to_string(::getpid()), "reciente.pdf");

    Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    dialog.clear();
    handler.clear();
    clients.clear();
    office->restart();
    EXPECT_FALSE(std::filesystem::exists(copy)) << "left after the office's end";
    clients.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    EXPECT_GT(clients->countClients(), 0);
    EXPECT_FALSE(std::filesystem::exists(stale)) << "left by an earlier session";
    EXPECT_TRUE(std::filesystem::exists(fresh / "reciente.pdf"));
    std::filesystem::remove_all(fresh);
}

// The same dialog in another UI language: its resources and the words the code composes.
class ProfileDialogEnglish : public ProfileDialog
{
protected:
    static void SetUpTestSuite()
    {
        OfficeOptions options;
        options.uiLocale = "en-US";
        options.locale = "en-US";
        office = std::make_unique<Office>(options);
        clients.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        busy = addBusyClient(clients, "Bright Ideas Ltd", "B87654324");
    }
};

TEST_F(ProfileDialogEnglish, SpeaksEnglish)
{
    open(busy);
    EXPECT_EQ(s(dialog->getTitle()), "Client profile — Bright Ideas Ltd");
    EXPECT_EQ(label("tabSummary"), "~Summary");
    EXPECT_EQ(label("tabDeals"), "~Offers and quotes");
    EXPECT_EQ(label("btnArchive"), "~Archive");
    EXPECT_EQ(label("lblSubtitle"), busy + " · Company · Active");
    EXPECT_NE(label("lblFigures").find("Authorised invoices: 2 · €1,250.00 (1) · $2,000.00 (1)"),
              std::string::npos)
        << label("lblFigures");
    EXPECT_EQ(cell("gridTasks", 2, 0), "Pending · overdue");
    ASSERT_TRUE(call("onTaskNew"));
    ASSERT_TRUE(call("onTaskSave"));
    EXPECT_EQ(message(), "“Title” is required.");
}

// en-US: month first, "1,234.56".
TEST_F(ProfileDialogEnglish, DatesAndAmountsAreTypedTheLocaleWay)
{
    const std::string code =
        s(clients->addClient(fields({{"legalName", "Regional Dates Ltd"}, {"currency", "USD"}})));
    open(code);
    ASSERT_TRUE(call("onTabOrders"));
    ASSERT_TRUE(call("onOrderNew"));
    type("edOrderNumber", "PO-EN-1");
    type("edOrderDate", "12/31/2030");
    type("edOrderAmount", "1,234.56");
    ASSERT_TRUE(call("onOrderSave"));
    EXPECT_EQ(message(), "Saved.");
    const auto orders = records(code, "purchaseOrders");
    ASSERT_EQ(orders.getLength(), 1);
    EXPECT_EQ(field(orders[0], "date"), "2030-12-31");
    double amount = 0;
    valueOf(orders[0], "amount") >>= amount;
    EXPECT_EQ(amount, 1234.56);
    EXPECT_EQ(showing("edOrderDate"), "12/31/2030");
    EXPECT_EQ(showing("edOrderAmount"), "1,234.56");
}
TEST_F(ProfileDialog, AMergeIsUndoneFromItsEntryInTheActivity)
{
    const std::string keep =
        s(clients->addClient(fields({{"legalName", "Fusión Deshecha, S.L."}})));
    const std::string other =
        s(clients->addClient(fields({{"legalName", "FUSION DESHECHA SL"}, {"city", "Lugo"}})));
    Sequence<rtl::OUString> others(1);
    others.getArray()[0] = u(other);
    clients->mergeClients(u(keep), others, {});
    open(keep);
    ASSERT_TRUE(call("onTabActivity"));
    bool enabled = true;
    model("btnUndoMerge")->getPropertyValue(u("Enabled")) >>= enabled;
    EXPECT_FALSE(enabled); // nothing selected
    ASSERT_EQ(selectRow("gridActivity", cell("gridActivity", 0, 0)), 0);
    EXPECT_EQ(cell("gridActivity", 1, 0), "Clientes fusionados");
    EXPECT_EQ(cell("gridActivity", 2, 0), "Con " + other + "; Ciudad: — → Lugo");
    model("btnUndoMerge")->getPropertyValue(u("Enabled")) >>= enabled;
    EXPECT_TRUE(enabled);
    EXPECT_EQ(label("btnUndoMerge"), "~Deshacer la fusión");

    ASSERT_TRUE(call("onUndoMerge"));
    EXPECT_EQ(message(), "Se ha deshecho la fusión: " + keep + ", " + other +
                             " vuelven a estar, cada uno con sus registros.");
    bool archived = true;
    for (const auto& entry : clients->getClient(u(other)))
        if (entry.Name == "archived")
            entry.Value >>= archived;
    EXPECT_FALSE(archived);
    EXPECT_EQ(cell("gridActivity", 1, 0), "Fusión deshecha");
    // The same entry again (the second row, under its undo): the merge was undone already.
    ASSERT_EQ(cell("gridActivity", 1, 1), "Clientes fusionados");
    const auto selection =
        Reference<css::awt::grid::XGridRowSelection>(control("gridActivity"), UNO_QUERY_THROW);
    selection->deselectAllRows();
    selection->selectRow(1);
    office->waitForMainThread();
    ASSERT_TRUE(call("onUndoMerge"));
    EXPECT_EQ(message(), "Esa fusión ya se deshizo.");
}

} // namespace clientes::testing
