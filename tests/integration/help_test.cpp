// The help (uno/support/help): the Help command, F1 in the deck and in each dialog, and the
// dialogs' Help buttons, each reaching its page in a real Calc window (Xvfb: the ctest entry runs
// under xvfb-run). The desktop's browser is a stand-in xdg-open first on the office's PATH that
// writes down the address it was given; F1 is typed on the X server's keyboard (xdotool).
#include "calc_document.hpp"
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyEvent.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XExtendedToolkit.hpp>
#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace clientes::testing;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace
{
// The local path of a file:// URL ("%20" and the like decoded).
std::filesystem::path pathOf(const std::string& url)
{
    const std::string prefix = "file://";
    if (url.rfind(prefix, 0) != 0)
        return {};
    std::string path;
    for (std::size_t i = prefix.size(); i < url.size(); ++i)
        if (url[i] == '%' && i + 2 < url.size())
        {
            path += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
            i += 2;
        }
        else
            path += url[i];
    return path;
}

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool endsWith(const std::string& text, const std::string& end)
{
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
}

class Help : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        browser = std::filesystem::temp_directory_path() /
                  ("clientes-help-browser-" + std::to_string(getpid()));
        std::filesystem::create_directories(browser);
        opened = browser / "opened.txt";
        {
            std::ofstream script(browser / "xdg-open");
            script << "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" << opened.string() << "'\n";
        }
        std::filesystem::permissions(browser / "xdg-open", std::filesystem::perms::owner_all |
                                                               std::filesystem::perms::group_read |
                                                               std::filesystem::perms::group_exec |
                                                               std::filesystem::perms::others_read |
                                                               std::filesystem::perms::others_exec);
        std::filesystem::permissions(browser, std::filesystem::perms::all);
        OfficeOptions options;
        options.display = true;
        const char* path = std::getenv("PATH");
        options.environment = {{"PATH", browser.string() + ":" + (path ? path : "/usr/bin:/bin")}};
        office = std::make_unique<Office>(options);
        document = std::make_unique<CalcDocument>(*office);
        const Reference<org::clientes::XClientDirectory> clients(
            office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        clients->addClient(fields({{"legalName", "Ayuda Pruebas, S.L."}, {"city", "Teruel"}}));
    }
    static void TearDownTestSuite()
    {
        if (::testing::UnitTest::GetInstance()->failed_test_count() > 0 && office)
            std::cerr << "--- the office's log ---\n" << office->log() << "\n";
        document.reset();
        office.reset();
        std::error_code ignored;
        std::filesystem::remove_all(browser, ignored);
    }

    static Reference<css::frame::XFrame> frame() { return document->controller()->getFrame(); }

    // Every address the stand-in browser was given, in order.
    static std::vector<std::string> openedPages()
    {
        std::vector<std::string> lines;
        std::ifstream in(opened);
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
        return lines;
    }

    // The address opened after `before` addresses, waited for; "" when none came.
    static std::string nextOpened(std::size_t before)
    {
        if (!eventually(*office, [&] { return openedPages().size() > before; }))
            return "";
        return openedPages().at(before);
    }

    // Keys as the keyboard gives them (xdotool through the X server's XTEST), to the window
    // that has the focus: the toolkit's robot (XToolkitRobot) posts keys past the key handlers
    // that a keyboard goes through, so it would not show what a user gets.
    static void typeKeys(const Reference<css::awt::XWindow>& focused, const std::string& keys)
    {
        focused->setFocus();
        office->waitForMainThread();
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        ASSERT_EQ(std::system((std::string(CLIENTES_TEST_XDOTOOL) + " key " + keys).c_str()), 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        office->waitForMainThread();
    }

    static void typeF1(const Reference<css::awt::XWindow>& focused) { typeKeys(focused, "F1"); }

    // The page F1 opened in `window`, as "es/<page>.html"; "" when it opened none.
    static std::string pageOfF1(const Reference<css::awt::XWindow>& window)
    {
        const std::size_t before = openedPages().size();
        typeF1(window);
        return pageName(nextOpened(before));
    }

    // "es/deck.html" of ".../help/es/deck.html"; the whole address when it is not ours.
    static std::string pageName(const std::string& url)
    {
        const auto at = url.rfind("/help/");
        return at == std::string::npos ? url : url.substr(at + 6);
    }

    static css::util::URL url(const std::string& complete)
    {
        css::util::URL parsed;
        parsed.Complete = u(complete);
        css::util::URLTransformer::create(office->context())->parseStrict(parsed);
        return parsed;
    }

    static void dispatch(const std::string& command)
    {
        const Reference<css::frame::XDispatch> dispatcher =
            Reference<css::frame::XDispatchProvider>(frame(), UNO_QUERY_THROW)
                ->queryDispatch(url(command), u("_self"), 0);
        ASSERT_TRUE(dispatcher.is()) << command;
        dispatcher->dispatch(url(command), {});
    }

    static Reference<css::awt::XDialog> shownDialog() { return document->shownDialog(); }

    static void close(const Reference<css::awt::XDialog>& dialog)
    {
        dialog->endExecute();
        office->waitForMainThread();
    }

    // The accessible object named `name` inside `parent` (depth first), or null.
    static Reference<css::accessibility::XAccessibleContext>
    findNamed(const Reference<css::accessibility::XAccessibleContext>& parent,
              const std::string& name)
    {
        for (sal_Int32 i = 0; parent.is() && i < parent->getAccessibleChildCount(); ++i)
        {
            const Reference<css::accessibility::XAccessible> child = parent->getAccessibleChild(i);
            if (!child.is())
                continue;
            const Reference<css::accessibility::XAccessibleContext> context =
                child->getAccessibleContext();
            if (s(context->getAccessibleName()) == name)
                return context;
            // Not into tables (grids: see the wizard's test), where no button is.
            if (context->getAccessibleRole() == css::accessibility::AccessibleRole::TABLE)
                continue;
            if (const auto found = findNamed(context, name); found.is())
                return found;
        }
        return nullptr;
    }

    // Presses the dialog's button labelled `label` through its accessible action, as a screen
    // reader does.
    static void press(const Reference<css::awt::XDialog>& dialog, const std::string& label)
    {
        const Reference<css::accessibility::XAccessible> accessible(dialog, UNO_QUERY_THROW);
        const Reference<css::accessibility::XAccessibleContext> button =
            findNamed(accessible->getAccessibleContext(), label);
        ASSERT_TRUE(button.is()) << label;
        Reference<css::accessibility::XAccessibleAction>(button, UNO_QUERY_THROW)
            ->doAccessibleAction(0);
        office->waitForMainThread();
    }

    // The page the dialog's Help button opened.
    static std::string pageOfHelpButton(const Reference<css::awt::XDialog>& dialog)
    {
        const std::size_t before = openedPages().size();
        press(dialog, "Ayuda");
        return pageName(nextOpened(before));
    }

    static Reference<css::awt::XWindow> windowOf(const Reference<css::awt::XDialog>& dialog)
    {
        return Reference<css::awt::XWindow>(dialog, UNO_QUERY_THROW);
    }

    static inline std::filesystem::path browser;
    static inline std::filesystem::path opened;
    static inline std::unique_ptr<Office> office;
    static inline std::unique_ptr<CalcDocument> document;
};
} // namespace

TEST_F(Help, TheHelpCommandOpensTheContentsInTheOfficesLanguage)
{
    const std::size_t before = openedPages().size();
    dispatch("org.clientes.calc:Help");
    const std::string address = nextOpened(before);
    ASSERT_TRUE(endsWith(address, "/help/es/index.html")) << address;
    // The page is a file of the installed extension, in Spanish, with the whole contents.
    const std::filesystem::path page = pathOf(address);
    ASSERT_TRUE(std::filesystem::is_regular_file(page)) << address;
    EXPECT_NE(page.string().find("uno_packages"), std::string::npos) << page;
    const std::string text = fileText(page);
    EXPECT_NE(text.find("<html lang=\"es\">"), std::string::npos);
    EXPECT_NE(text.find("Ayuda de Clientes"), std::string::npos);
    for (const char* linked : {"deck.html", "profile-invoices.html", "import-check.html",
                               "functions.html", "team.html", "../en/index.html"})
        EXPECT_NE(text.find(std::string("href=\"") + linked + "\""), std::string::npos) << linked;
    EXPECT_TRUE(
        std::filesystem::is_regular_file(page.parent_path().parent_path() / "clientes-help.css"));
}

TEST_F(Help, F1InTheDeckOpensTheDecksPage)
{
    document->openClientesPanel();
    const Reference<css::awt::XWindow> search(document->panelControl("Search")->getPeer(),
                                              UNO_QUERY_THROW);
    search->setFocus();
    office->waitForMainThread();
    EXPECT_EQ(pageOfF1(search), "es/deck.html");
    // The list too: the whole deck is one place.
    const Reference<css::awt::XWindow> list(document->panelControl("ClientList")->getPeer(),
                                            UNO_QUERY_THROW);
    list->setFocus();
    office->waitForMainThread();
    EXPECT_EQ(pageOfF1(list), "es/deck.html");
}

TEST_F(Help, F1AndTheHelpButtonOfEachDialogOpenItsPage)
{
    document->openClientesPanel();
    struct Case
    {
        const char* command;
        const char* page;
    };
    for (const Case& each : {Case{"org.clientes.calc:AddClient", "es/client.html"},
                             Case{"org.clientes.calc:ImportClients", "es/import-source.html"},
                             Case{"org.clientes.calc:ExportInvoices", "es/export.html"},
                             Case{"org.clientes.calc:EditInCalc", "es/edit-in-calc.html"}})
    {
        dispatch(each.command);
        const Reference<css::awt::XDialog> dialog = shownDialog();
        ASSERT_TRUE(dialog.is()) << each.command;
        EXPECT_EQ(pageOfF1(windowOf(dialog)), each.page) << each.command;
        EXPECT_EQ(pageOfHelpButton(dialog), each.page) << each.command;
        close(dialog);
    }
}

TEST_F(Help, TheWizardsStepAndTheProfilesTabChooseThePage)
{
    document->openClientesPanel();
    // Two clients on the sheet: the wizard offers its used area as the source.
    const Reference<css::sheet::XSpreadsheetDocument> spreadsheet(document->component(),
                                                                  UNO_QUERY_THROW);
    const Reference<css::table::XCellRange> cells(
        spreadsheet->getSheets()->getByName(spreadsheet->getSheets()->getElementNames()[0]),
        UNO_QUERY_THROW);
    const char* const rows[][2] = {
        {"Razón social", "Ciudad"}, {"Paso Uno, S.L.", "Soria"}, {"Paso Dos, S.A.", "Cuenca"}};
    for (sal_Int32 row = 0; row < 3; ++row)
        for (sal_Int32 column = 0; column < 2; ++column)
            cells->getCellByPosition(column, row)->setFormula(u(rows[row][column]));
    dispatch("org.clientes.calc:ImportClients");
    const Reference<css::awt::XDialog> wizard = shownDialog();
    ASSERT_TRUE(wizard.is());
    EXPECT_EQ(pageOfF1(windowOf(wizard)), "es/import-source.html");
    // Enter: Siguiente >, the default button. (The keyboard rather than the accessible
    // action: reaching the button through the accessibility tree would make the preview
    // grid's cells accessible, and LibreOffice 7.4 then writes into freed memory when the
    // dialog is disposed — seen with valgrind, in its libacclo.) Steps 3 and 4: unit tests.
    typeKeys(windowOf(wizard), "Return");
    EXPECT_EQ(pageOfF1(windowOf(wizard)), "es/import-columns.html");
    close(wizard);

    const Reference<css::awt::grid::XGridRowSelection> list(document->panelControl("ClientList"),
                                                            UNO_QUERY_THROW);
    list->selectRow(0);
    office->waitForMainThread();
    dispatch("org.clientes.calc:OpenProfile");
    const Reference<css::awt::XDialog> profile = shownDialog();
    ASSERT_TRUE(profile.is());
    EXPECT_EQ(pageOfF1(windowOf(profile)), "es/profile-summary.html");
    typeKeys(windowOf(profile), "alt+f"); // ~Facturas de venta
    EXPECT_EQ(pageOfF1(windowOf(profile)), "es/profile-invoices.html");
    typeKeys(windowOf(profile), "alt+v"); // Acti~vidad
    const std::size_t beforeButton = openedPages().size();
    typeKeys(windowOf(profile), "alt+y"); // A~yuda
    EXPECT_EQ(pageName(nextOpened(beforeButton)), "es/profile-activity.html");
    close(profile);
}

// The client dialog's button of addresses and accounts, by its mnemonic: it creates the client
// typed, and the profile opens at the tab of addresses and bank accounts (F1 says which tab).
TEST_F(Help, TheClientDialogsAddressesButtonCreatesTheClientAndOpensItsProfileAtThatTab)
{
    document->openClientesPanel();
    dispatch("org.clientes.calc:AddClient");
    const Reference<css::awt::XDialog> dialog = shownDialog();
    ASSERT_TRUE(dialog.is());
    const std::string title = s(dialog->getTitle());
    // The legal name has the focus as the dialog opens: typed as a user types it.
    windowOf(dialog)->setFocus();
    office->waitForMainThread();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ASSERT_EQ(std::system((std::string(CLIENTES_TEST_XDOTOOL) + " type --delay 20 'Con Sedes SL'")
                              .c_str()),
              0);
    typeKeys(windowOf(dialog), "alt+f"); // Direcciones y cuentas en la ~ficha…
    Reference<css::awt::XDialog> profile;
    ASSERT_TRUE(eventually(*office,
                           [&]
                           {
                               profile = shownDialog();
                               return profile.is() && s(profile->getTitle()) != title;
                           }))
        << "no profile after the button";
    EXPECT_EQ(pageOfF1(windowOf(profile)), "es/profile-addresses.html");
    close(profile);
    const Reference<org::clientes::XClientDirectory> clients(
        office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    EXPECT_EQ(clients->findClients(u("con sedes"), 0).getLength(), 1);
}

TEST_F(Help, F1OutsideOurWindowsIsLeftToTheOffice)
{
    // The deck had the focus; now the sheet has it: F1 is the office's (its own help), and
    // no page of ours is opened.
    document->openClientesPanel();
    const Reference<css::awt::XWindow> sheet = frame()->getComponentWindow();
    sheet->setFocus();
    office->waitForMainThread();
    const std::size_t before = openedPages().size();
    typeF1(sheet);
    // The office answers with its own help (a "help not installed" box here, or the online
    // help in the browser): whatever it is, it is not ours.
    std::this_thread::sleep_for(std::chrono::seconds(2));
    office->waitForMainThread();
    for (std::size_t i = before; i < openedPages().size(); ++i)
        EXPECT_EQ(openedPages()[i].find("/help/es/"), std::string::npos) << openedPages()[i];
    if (const Reference<css::awt::XDialog> box = shownDialog(); box.is())
        close(box);
}
