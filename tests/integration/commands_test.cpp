// The Clientes menu, toolbar and commands (config/Addons.xcu, uno/commands) in a real Calc
// window (Xvfb: the ctest entry runs under xvfb-run), driven as a user or a screen reader
// would: the menu bar read through its accessibility tree, entries clicked through their
// accessible action, the dialogs they open found among the office's top windows and closed.
#include "calc_document.hpp"
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/AccessibleStateType.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/accessibility/XAccessibleStateSet.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XExtendedToolkit.hpp>
#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XLayoutManager.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <cppuhelper/implbase1.hxx>
#include <org/clientes/XClientDirectory.hpp>
#include <rtl/ref.hxx>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace clientes::testing;
using css::accessibility::XAccessible;
using css::accessibility::XAccessibleContext;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace
{
namespace Role = css::accessibility::AccessibleRole;
namespace State = css::accessibility::AccessibleStateType;

struct Entry
{
    std::string label;
    bool enabled;
};

class StateListener : public cppu::WeakImplHelper1<css::frame::XStatusListener>
{
public:
    void SAL_CALL statusChanged(const css::frame::FeatureStateEvent& event) override
    {
        enabled = event.IsEnabled;
        ++told;
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}
    std::atomic<bool> enabled{false};
    std::atomic<int> told{0};
};

class Commands : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        OfficeOptions options;
        options.display = true;
        office = std::make_unique<Office>(options);
        document = std::make_unique<CalcDocument>(*office);
        const Reference<org::clientes::XClientDirectory> clients(
            office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        clients->addClient(fields({{"legalName", "Menú Pruebas, S.L."}, {"city", "Huesca"}}));
    }
    static void TearDownTestSuite()
    {
        document.reset();
        office.reset();
    }

    static Reference<css::frame::XFrame> frame() { return document->controller()->getFrame(); }

    static Reference<XAccessibleContext> childWithRole(const Reference<XAccessibleContext>& parent,
                                                       sal_Int16 role)
    {
        for (sal_Int32 i = 0; i < parent->getAccessibleChildCount(); ++i)
        {
            const Reference<XAccessibleContext> child =
                parent->getAccessibleChild(i)->getAccessibleContext();
            if (child->getAccessibleRole() == role)
                return child;
        }
        return nullptr;
    }

    static Reference<XAccessibleContext> menuBar()
    {
        const Reference<XAccessible> window(frame()->getContainerWindow(), UNO_QUERY_THROW);
        return childWithRole(window->getAccessibleContext(), Role::MENU_BAR);
    }

    static std::vector<std::string> menuTitles()
    {
        std::vector<std::string> titles;
        const Reference<XAccessibleContext> bar = menuBar();
        for (sal_Int32 i = 0; bar.is() && i < bar->getAccessibleChildCount(); ++i)
            titles.push_back(
                s(bar->getAccessibleChild(i)->getAccessibleContext()->getAccessibleName()));
        return titles;
    }

    static Reference<XAccessibleContext> clientesMenu()
    {
        const Reference<XAccessibleContext> bar = menuBar();
        for (sal_Int32 i = 0; bar.is() && i < bar->getAccessibleChildCount(); ++i)
        {
            const Reference<XAccessibleContext> menu =
                bar->getAccessibleChild(i)->getAccessibleContext();
            if (s(menu->getAccessibleName()) == "Clientes")
                return menu;
        }
        return nullptr;
    }

    static Reference<XAccessibleContext> menuNamed(const std::string& title)
    {
        const Reference<XAccessibleContext> bar = menuBar();
        for (sal_Int32 i = 0; bar.is() && i < bar->getAccessibleChildCount(); ++i)
        {
            const Reference<XAccessibleContext> menu =
                bar->getAccessibleChild(i)->getAccessibleContext();
            if (s(menu->getAccessibleName()) == title)
                return menu;
        }
        return nullptr;
    }

    static std::vector<Entry> entries(const Reference<XAccessibleContext>& menu = clientesMenu())
    {
        std::vector<Entry> result;
        for (sal_Int32 i = 0; menu.is() && i < menu->getAccessibleChildCount(); ++i)
        {
            const Reference<XAccessibleContext> item =
                menu->getAccessibleChild(i)->getAccessibleContext();
            if (item->getAccessibleRole() == Role::SEPARATOR)
            {
                result.push_back({"—", true});
                continue;
            }
            result.push_back({s(item->getAccessibleName()),
                              bool(item->getAccessibleStateSet()->contains(State::ENABLED))});
        }
        return result;
    }

    // Clicks the Clientes menu's entry `label`, as a screen reader does.
    static void click(const std::string& label)
    {
        const Reference<XAccessibleContext> menu = clientesMenu();
        ASSERT_TRUE(menu.is());
        for (sal_Int32 i = 0; i < menu->getAccessibleChildCount(); ++i)
        {
            const Reference<XAccessibleContext> item =
                menu->getAccessibleChild(i)->getAccessibleContext();
            if (s(item->getAccessibleName()) == label)
            {
                Reference<css::accessibility::XAccessibleAction>(item, UNO_QUERY_THROW)
                    ->doAccessibleAction(0);
                return;
            }
        }
        FAIL() << "no entry " << label;
    }

    static css::util::URL url(const std::string& complete)
    {
        css::util::URL parsed;
        parsed.Complete = u(complete);
        css::util::URLTransformer::create(office->context())->parseStrict(parsed);
        return parsed;
    }

    static Reference<css::frame::XDispatch> dispatcher(const std::string& command)
    {
        return Reference<css::frame::XDispatchProvider>(frame(), UNO_QUERY_THROW)
            ->queryDispatch(url(command), u("_self"), 0);
    }

    // Dispatches `command`, returns the title of the dialog it opened (closed again), or ""
    // (after 10 s; 1 s when `expectNone`: the command has run by then).
    static std::string dialogOpenedBy(const std::string& command, bool expectNone = false)
    {
        const Reference<css::frame::XDispatch> dispatch = dispatcher(command);
        if (!dispatch.is())
            return "no dispatch for " + command;
        dispatch->dispatch(url(command), {});
        const Reference<css::awt::XDialog> dialog = document->shownDialog(expectNone ? 20 : 200);
        if (!dialog.is())
            return "";
        const std::string title = s(dialog->getTitle());
        dialog->endExecute();
        office->waitForMainThread();
        return title;
    }

    static std::unique_ptr<Office> office;
    static std::unique_ptr<CalcDocument> document;
};

std::unique_ptr<Office> Commands::office;
std::unique_ptr<CalcDocument> Commands::document;

const std::vector<std::string> kMenu = {"Mostrar el panel Clientes",
                                        "Buscar un cliente",
                                        "Agregar cliente…",
                                        "Abrir la ficha del cliente…",
                                        "—",
                                        "Importar clientes desde hoja…",
                                        "Importar facturas desde hoja…",
                                        "Exportar clientes a una hoja…",
                                        "Exportar facturas a una hoja…",
                                        "Editar en Calc…",
                                        "Deshacer la última importación",
                                        "—",
                                        "Opciones de Clientes…",
                                        "Ayuda de Clientes"};
} // namespace

TEST_F(Commands, TheClientesMenuIsBetweenToolsAndWindowWithEveryAction)
{
    const std::vector<std::string> titles = menuTitles();
    const auto at = std::find(titles.begin(), titles.end(), "Clientes");
    ASSERT_NE(at, titles.end()) << ::testing::PrintToString(titles);
    ASSERT_NE(at, titles.begin());
    EXPECT_EQ(*(at - 1), "Herramientas");
    EXPECT_EQ(*(at + 1), "Ventana");
    std::vector<std::string> labels;
    for (const Entry& entry : entries())
        labels.push_back(entry.label);
    EXPECT_EQ(labels, kMenu);
}

TEST_F(Commands, OurHelpIsAlsoInCalcsHelpMenu)
{
    const Reference<XAccessibleContext> help = menuNamed("Ayuda");
    ASSERT_TRUE(help.is()) << ::testing::PrintToString(menuTitles());
    std::vector<std::string> labels;
    for (const Entry& entry : entries(help))
        labels.push_back(entry.label);
    EXPECT_NE(std::find(labels.begin(), labels.end(), "Ayuda de Clientes"), labels.end())
        << ::testing::PrintToString(labels);
}

TEST_F(Commands, TheToolbarIsThereToTurnOnWithItsName)
{
    const Reference<css::beans::XPropertySet> properties(frame(), UNO_QUERY_THROW);
    Reference<css::frame::XLayoutManager> layout;
    properties->getPropertyValue(u("LayoutManager")) >>= layout;
    ASSERT_TRUE(layout.is());
    EXPECT_TRUE(
        layout->getElement(u("private:resource/toolbar/addon_org.clientes.calc.toolbar")).is());
}

TEST_F(Commands, EveryCommandIsOursAndAnUnknownOneIsNot)
{
    for (const char* name :
         {"ShowDeck", "Find", "AddClient", "OpenProfile", "ImportClients", "ImportInvoices",
          "ExportClients", "ExportInvoices", "EditInCalc", "UndoImport", "Options", "Help"})
    {
        const Reference<css::lang::XServiceInfo> dispatch(
            dispatcher(std::string("org.clientes.calc:") + name), UNO_QUERY);
        ASSERT_TRUE(dispatch.is()) << name;
        EXPECT_EQ(s(dispatch->getImplementationName()), "org.clientes.calc.Commands") << name;
    }
    EXPECT_FALSE(dispatcher("org.clientes.calc:NoSuchCommand").is());
}

TEST_F(Commands, ShowDeckAndFindThroughTheMenu)
{
    click("Mostrar el panel Clientes");
    const Reference<css::ui::XSidebarProvider> sidebar = document->controller()->getSidebar();
    const Reference<css::ui::XDeck> deck(sidebar->getDecks()->getByName(u("ClientesDeck")),
                                         UNO_QUERY_THROW);
    EXPECT_TRUE(eventually(*office, [&] { return deck->isActive(); }));

    click("Buscar un cliente");
    const Reference<XAccessible> search(document->panelControl("Search")->getPeer(),
                                        UNO_QUERY_THROW);
    EXPECT_TRUE(
        eventually(*office,
                   [&] {
                       return search->getAccessibleContext()->getAccessibleStateSet()->contains(
                           State::FOCUSED);
                   }));
}

TEST_F(Commands, TheProfileIsOfferedOnlyWithAClientSelected)
{
    document->openClientesPanel();
    const Reference<css::awt::grid::XGridRowSelection> list(document->panelControl("ClientList"),
                                                            UNO_QUERY_THROW);
    list->deselectAllRows();
    const rtl::Reference<StateListener> listener(new StateListener);
    const Reference<css::frame::XDispatch> dispatch = dispatcher("org.clientes.calc:OpenProfile");
    ASSERT_TRUE(dispatch.is());
    dispatch->addStatusListener(Reference<css::frame::XStatusListener>(listener.get()),
                                url("org.clientes.calc:OpenProfile"));
    ASSERT_TRUE(eventually(*office, [&] { return listener->told > 0; }));
    EXPECT_FALSE(listener->enabled);
    EXPECT_EQ(dialogOpenedBy("org.clientes.calc:OpenProfile", true), "")
        << "no profile without a client";

    list->selectRow(0);
    EXPECT_TRUE(eventually(*office, [&] { return listener->enabled.load(); }));
    const std::string title = dialogOpenedBy("org.clientes.calc:OpenProfile");
    EXPECT_NE(title.find("Menú Pruebas"), std::string::npos) << title;
    dispatch->removeStatusListener(Reference<css::frame::XStatusListener>(listener.get()),
                                   url("org.clientes.calc:OpenProfile"));
}

TEST_F(Commands, EachDialogCommandOpensItsDialog)
{
    document->openClientesPanel();
    EXPECT_EQ(dialogOpenedBy("org.clientes.calc:AddClient"), "Nuevo cliente");
    EXPECT_EQ(dialogOpenedBy("org.clientes.calc:ImportClients"),
              "Importar clientes desde una hoja");
    EXPECT_EQ(dialogOpenedBy("org.clientes.calc:ImportInvoices"),
              "Importar facturas desde una hoja");
    EXPECT_EQ(dialogOpenedBy("org.clientes.calc:ExportClients"), "Exportar clientes a una hoja");
    EXPECT_EQ(dialogOpenedBy("org.clientes.calc:ExportInvoices"), "Exportar facturas a una hoja");
    EXPECT_EQ(dialogOpenedBy("org.clientes.calc:EditInCalc"), "Editar clientes en Calc");
    const std::string options = dialogOpenedBy("org.clientes.calc:Options");
    EXPECT_NE(options.find("Clientes"), std::string::npos) << options;
}
