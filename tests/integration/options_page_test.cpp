// The options page (Tools ▸ Options ▸ LibreOffice Calc ▸ Clientes) in a real office: made as
// the options dialog makes it (ContainerWindowProvider with the page's handler), loaded,
// filled in, tested against a PostgreSQL server of the test's own whose user needs a
// password, and saved: the settings land in the extension's configuration, the password in
// LibreOffice's password container and nowhere in the profile's files, and the register
// opens on the server.
#include "core/register/register.hpp"
#include "office.hpp"
#include "pg_server.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/WindowAttribute.hpp>
#include <com/sun/star/awt/WindowDescriptor.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/task/PasswordContainer.hpp>
#include <com/sun/star/util/XFlushable.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <unistd.h>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace clientes::testing
{
namespace
{

constexpr const char* kPassword = "s3creto «de» dora";

class OptionsPage : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        server = new PgServer();
        openTeamRegister(server->conninfo()); // the owner's first connection: the schema
        std::ifstream in(std::string(CLIENTES_SOURCE_DIR) + "/packaging/server/clientes-roles.sql");
        std::stringstream roles;
        roles << in.rdbuf();
        server->execute("clientes", roles.str());
        server->requirePassword("dora", kPassword);
        server->execute("clientes", "GRANT clientes_edit TO dora");
        office = new Office();
    }
    static void TearDownTestSuite()
    {
        delete office;
        office = nullptr;
        delete server;
        server = nullptr;
    }

    void SetUp() override
    {
        const auto toolkit = css::awt::Toolkit::create(office->context());
        css::awt::WindowDescriptor descriptor;
        descriptor.Type = css::awt::WindowClass_TOP;
        descriptor.WindowServiceName = u("window");
        descriptor.Bounds = css::awt::Rectangle(0, 0, 600, 500);
        descriptor.WindowAttributes = css::awt::WindowAttribute::BORDER;
        parent = toolkit->createWindow(descriptor);
        handler.set(office->create("org.clientes.calc.OptionsPage"), UNO_QUERY_THROW);
        page = css::awt::ContainerWindowProvider::create(office->context())
                   ->createContainerWindow(
                       u("vnd.sun.star.extension://org.clientes.calc/dialogs/OptionsPage.xdl"),
                       u(""), parent, handler);
        ASSERT_TRUE(page.is());
        external("initialize");
    }

    void TearDown() override
    {
        if (page.is())
            Reference<css::lang::XComponent>(page, UNO_QUERY_THROW)->dispose();
        if (parent.is())
            parent->dispose();
    }

    void external(const char* what) const
    {
        ASSERT_TRUE(handler->callHandlerMethod(page, Any(u(what)), u("external_event")));
    }
    void call(const char* method) const
    {
        ASSERT_TRUE(handler->callHandlerMethod(page, Any(), u(method)));
    }

    Reference<css::awt::XControl> control(const char* name) const
    {
        const auto found =
            Reference<css::awt::XControlContainer>(page, UNO_QUERY_THROW)->getControl(u(name));
        if (!found.is())
            throw std::runtime_error(std::string("no control ") + name);
        return found;
    }
    Reference<css::beans::XPropertySet> model(const char* name) const
    {
        return Reference<css::beans::XPropertySet>(control(name)->getModel(), UNO_QUERY_THROW);
    }
    void type(const char* name, const std::string& text) const
    {
        Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->setText(u(text));
    }
    std::string text(const char* name) const
    {
        return s(Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->getText());
    }
    std::string label(const char* name) const
    {
        rtl::OUString value;
        model(name)->getPropertyValue(u("Label")) >>= value;
        return s(value);
    }
    bool enabled(const char* name) const
    {
        bool on = false;
        model(name)->getPropertyValue(u("Enabled")) >>= on;
        return on;
    }
    // As a click does: the radio on, the other one of its group off.
    void choose(const char* radio) const
    {
        const bool server = std::string(radio) == "optServer";
        model(server ? "optFile" : "optServer")->setPropertyValue(u("State"), Any(sal_Int16(0)));
        model(radio)->setPropertyValue(u("State"), Any(sal_Int16(1)));
        call("onModeChanged");
    }
    std::vector<std::string> items(const char* name) const
    {
        Sequence<rtl::OUString> list;
        model(name)->getPropertyValue(u("StringItemList")) >>= list;
        std::vector<std::string> out;
        for (const auto& item : list)
            out.push_back(s(item));
        return out;
    }
    void select(const char* name, sal_Int16 index) const
    {
        Sequence<sal_Int16> chosen(1);
        chosen.getArray()[0] = index;
        model(name)->setPropertyValue(u("SelectedItems"), Any(chosen));
    }

    // Waits for the connection test, which reports on the main thread.
    std::string testResult() const
    {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        std::string result = label("lblTestResult");
        while ((result.empty() || result.rfind("Conectando", 0) == 0) &&
               std::chrono::steady_clock::now() < until)
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            result = label("lblTestResult");
        }
        return result;
    }

    void fillInTheServer(const std::string& password) const
    {
        choose("optServer");
        type("edHost", "127.0.0.1");
        type("edPort", std::to_string(server->port()));
        type("edDatabase", "clientes");
        type("edUser", "dora");
        type("edPassword", password);
        select("lstTls", 2); // disable: the test server has no certificate
    }

    std::string setting(const char* node, const char* name) const
    {
        const auto provider = css::configuration::theDefaultProvider::get(office->context());
        Sequence<Any> arguments(1);
        arguments.getArray()[0] <<= css::beans::NamedValue(
            u("nodepath"), Any(u(std::string("/org.clientes.calc.Settings/") + node)));
        const Reference<css::container::XNameAccess> access(
            provider->createInstanceWithArguments(
                u("com.sun.star.configuration.ConfigurationAccess"), arguments),
            UNO_QUERY_THROW);
        const Any value = access->getByName(u(name));
        rtl::OUString textValue;
        if (value >>= textValue)
            return s(textValue);
        sal_Int32 number = 0;
        value >>= number;
        return std::to_string(number);
    }

    static PgServer* server;
    static Office* office;
    Reference<css::awt::XWindowPeer> parent;
    Reference<css::awt::XContainerWindowEventHandler> handler;
    Reference<css::awt::XWindow> page;
};
PgServer* OptionsPage::server = nullptr;
Office* OptionsPage::office = nullptr;

TEST_F(OptionsPage, ShowsTheFileModeFirstWithTheServerFieldsGreyedOut)
{
    EXPECT_EQ(model("optFile")->getPropertyValue(u("State")), Any(sal_Int16(1)));
    EXPECT_TRUE(enabled("edFile"));
    EXPECT_FALSE(enabled("edHost"));
    EXPECT_FALSE(enabled("btnTest"));
    EXPECT_EQ(text("edPort"), "5432");
    EXPECT_EQ(text("edDatabase"), "clientes");
    EXPECT_EQ(
        items("lstTls"),
        (std::vector<std::string>{
            "Cifrada (TLS)", "Cifrada y con el certificado del servidor comprobado (verify-full)",
            "Sin cifrar (solo en una red de confianza)"}));
    EXPECT_NE(label("lblFileHint").find("clientes.db"), std::string::npos) << label("lblFileHint");

    choose("optServer");
    EXPECT_FALSE(enabled("edFile"));
    EXPECT_TRUE(enabled("edHost"));
    EXPECT_TRUE(enabled("btnTest"));
    // Nothing typed yet: the page says what is missing.
    EXPECT_NE(label("lblNote").find("Escriba el nombre o la dirección del servidor"),
              std::string::npos)
        << label("lblNote");
}

TEST_F(OptionsPage, ACountryOrCurrencyOfTheWrongShapeIsToldAndNotKept)
{
    type("edCountry", "España");
    type("edCurrency", "eur");
    call("onCheck");
    EXPECT_NE(label("lblNote").find("El país debe ser un código ISO de dos letras"),
              std::string::npos)
        << label("lblNote");
    external("ok");
    EXPECT_EQ(setting("NewClients", "Country"), "");
    EXPECT_EQ(setting("NewClients", "Currency"), "EUR");
    type("edCountry", "mx");
    external("ok");
    EXPECT_EQ(setting("NewClients", "Country"), "MX");
}

TEST_F(OptionsPage, ANewClientStartsWithTheCountryAndCurrencyOfThePage)
{
    type("edCountry", "pt");
    type("edCurrency", "brl");
    external("ok");
    const auto openNewClient = [&]
    {
        const Reference<css::awt::XDialogEventHandler> editor(
            office->create("org.clientes.ClientEditor"), UNO_QUERY_THROW);
        const Reference<css::awt::XDialog> dialog =
            css::awt::DialogProvider2::create(office->context())
                ->createDialogWithHandler(
                    u("vnd.sun.star.extension://org.clientes.calc/dialogs/ClientDialog.xdl"),
                    editor);
        editor->callHandlerMethod(dialog, Any(), u("prepare"));
        const Reference<css::awt::XControlContainer> controls(dialog, UNO_QUERY_THROW);
        const auto textOf = [&](const char* name)
        {
            return s(
                Reference<css::awt::XTextComponent>(controls->getControl(u(name)), UNO_QUERY_THROW)
                    ->getText());
        };
        std::pair<std::string, std::string> shown{textOf("edCountry"), textOf("edCurrency")};
        Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
        return shown;
    };
    EXPECT_EQ(openNewClient(), (std::pair<std::string, std::string>{"PT", "BRL"}));
    type("edCountry", "");
    type("edCurrency", "");
    external("ok");
    EXPECT_EQ(openNewClient(), (std::pair<std::string, std::string>{"", ""}));
}

TEST_F(OptionsPage, TestConnectionSaysWhoIsConnectedAndWhatTheyMayDoOrWhyNot)
{
    fillInTheServer("not the password");
    call("onTest");
    const std::string refused = testResult();
    EXPECT_NE(refused.find("no aceptó al usuario «dora»"), std::string::npos) << refused;
    EXPECT_TRUE(enabled("btnTest"));

    type("edPassword", kPassword);
    call("onTest");
    const std::string connected = testResult();
    EXPECT_NE(connected.find("Conectado a 127.0.0.1:" + std::to_string(server->port()) +
                             "/clientes como «dora»: puede consultar, añadir y modificar clientes"),
              std::string::npos)
        << connected;
}

TEST_F(OptionsPage, OkKeepsTheServerInTheSettingsThePasswordInTheContainerAndSwitchesTheRegister)
{
    const Reference<org::clientes::XClientDirectory> directory(
        office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    // Before: the office's own file.
    EXPECT_EQ(field(directory->getConnectionInfo(), "Mode"), "file");

    fillInTheServer(kPassword);
    external("ok");
    EXPECT_EQ(setting("Register", "Mode"), "server");
    EXPECT_EQ(setting("Register", "Host"), "127.0.0.1");
    EXPECT_EQ(setting("Register", "Port"), std::to_string(server->port()));
    EXPECT_EQ(setting("Register", "User"), "dora");
    EXPECT_EQ(setting("Register", "TlsMode"), "disable");

    // The password is in LibreOffice's password container …
    const auto record =
        css::task::PasswordContainer::create(office->context())
            ->findForName(
                u("postgresql://127.0.0.1:" + std::to_string(server->port()) + "/clientes"),
                u("dora"), nullptr);
    ASSERT_EQ(record.UserList.getLength(), 1);
    EXPECT_EQ(s(record.UserList[0].Passwords[0]), kPassword);
    // … and in no file of the profile, the configuration written out included.
    Reference<css::util::XFlushable>(css::configuration::theDefaultProvider::get(office->context()),
                                     UNO_QUERY_THROW)
        ->flush();
    for (const auto& entry : std::filesystem::recursive_directory_iterator(office->workDir()))
    {
        if (!entry.is_regular_file())
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string content((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
        EXPECT_EQ(content.find("s3creto"), std::string::npos) << entry.path();
    }

    // The register is now the server's, as dora: the deck and the API show it.
    const auto info = directory->getConnectionInfo();
    EXPECT_EQ(field(info, "Mode"), "server");
    EXPECT_EQ(field(info, "User"), "dora");

    // Back to the file.
    choose("optFile");
    external("ok");
    EXPECT_EQ(setting("Register", "Mode"), "file");
    EXPECT_EQ(field(directory->getConnectionInfo(), "Mode"), "file");
}

// An admin's preset (packaging/server/make_site_preset.py: a small extension with an .xcu of
// the extension's settings) is what every user's page starts with.
TEST(OptionsPreset, ASitePresetExtensionFillsInThePageForEveryUser)
{
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("clientes-preset-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const std::filesystem::path oxt = folder / "clientes-site.oxt";
    const std::string command =
        "/usr/bin/python3 '" + std::string(CLIENTES_SOURCE_DIR) +
        "/packaging/server/make_site_preset.py' --host clientes.oficina.lan --database oficina "
        "--tls verify-full --country es --currency EUR --output '" +
        oxt.string() + "' > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    OfficeOptions options;
    options.extraExtensions = {oxt};
    Office office(options);

    const auto toolkit = css::awt::Toolkit::create(office.context());
    css::awt::WindowDescriptor descriptor;
    descriptor.Type = css::awt::WindowClass_TOP;
    descriptor.WindowServiceName = u("window");
    descriptor.Bounds = css::awt::Rectangle(0, 0, 600, 500);
    const Reference<css::awt::XWindowPeer> parent = toolkit->createWindow(descriptor);
    const Reference<css::awt::XContainerWindowEventHandler> handler(
        office.create("org.clientes.calc.OptionsPage"), UNO_QUERY_THROW);
    const Reference<css::awt::XWindow> page =
        css::awt::ContainerWindowProvider::create(office.context())
            ->createContainerWindow(
                u("vnd.sun.star.extension://org.clientes.calc/dialogs/OptionsPage.xdl"), u(""),
                parent, handler);
    ASSERT_TRUE(handler->callHandlerMethod(page, Any(u("initialize")), u("external_event")));
    const Reference<css::awt::XControlContainer> controls(page, UNO_QUERY_THROW);
    const auto model = [&](const char* name)
    {
        return Reference<css::beans::XPropertySet>(controls->getControl(u(name))->getModel(),
                                                   UNO_QUERY_THROW);
    };
    const auto text = [&](const char* name)
    {
        return s(Reference<css::awt::XTextComponent>(controls->getControl(u(name)), UNO_QUERY_THROW)
                     ->getText());
    };
    EXPECT_EQ(model("optServer")->getPropertyValue(u("State")), Any(sal_Int16(1)));
    EXPECT_EQ(model("optFile")->getPropertyValue(u("State")), Any(sal_Int16(0)));
    EXPECT_EQ(text("edHost"), "clientes.oficina.lan");
    EXPECT_EQ(text("edDatabase"), "oficina");
    EXPECT_EQ(text("edPort"), "5432");
    Sequence<sal_Int16> tls;
    model("lstTls")->getPropertyValue(u("SelectedItems")) >>= tls;
    ASSERT_EQ(tls.getLength(), 1);
    EXPECT_EQ(tls[0], 1); // verify-full
    EXPECT_EQ(text("edCountry"), "ES");
    EXPECT_EQ(text("edCurrency"), "EUR");
    Reference<css::lang::XComponent>(page, UNO_QUERY_THROW)->dispose();
    parent->dispose();
    std::filesystem::remove_all(folder);
}

} // namespace
} // namespace clientes::testing
