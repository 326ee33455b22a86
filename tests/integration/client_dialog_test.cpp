// The add / edit client dialog, created from the installed .xdl and driven through its handler
// the way its buttons do (a modal execute() returns at once under --headless).
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <set>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
class ClientDialog : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        directory.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    }
    static void TearDownTestSuite()
    {
        directory.clear();
        office.reset();
    }

    void TearDown() override
    {
        if (dialog.is())
            Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    }

    // Opens the dialog as the deck does: a new client without key, else the client's record.
    void open(const std::string& key = {})
    {
        handler.set(office->create("org.clientes.ClientEditor"), UNO_QUERY_THROW);
        if (!key.empty())
        {
            css::uno::Sequence<Any> arguments(1);
            arguments.getArray()[0] <<= u(key);
            Reference<css::lang::XInitialization>(handler, UNO_QUERY_THROW)->initialize(arguments);
        }
        dialog = css::awt::DialogProvider2::create(office->context())
                     ->createDialogWithHandler(
                         u("vnd.sun.star.extension://org.clientes.calc/dialogs/ClientDialog.xdl"),
                         handler);
        ASSERT_TRUE(dialog.is());
        ASSERT_TRUE(handler->callHandlerMethod(dialog, Any(), u("prepare")));
    }

    Reference<css::awt::XControl> control(const char* name) const
    {
        const auto found =
            Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(u(name));
        if (!found.is())
            throw std::runtime_error(std::string("no control ") + name);
        return found;
    }

    void type(const char* name, const std::string& text) const
    {
        Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->setText(u(text));
    }

    std::string text(const char* name) const
    {
        return s(Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->getText());
    }

    // The text a control shows: a model keeps "&key" references to the dialog's string
    // resource, which the control resolves for display.
    std::string label(const char* name) const
    {
        rtl::OUString value;
        Reference<css::beans::XPropertySet>(control(name)->getModel(), UNO_QUERY_THROW)
                ->getPropertyValue(u("Label")) >>=
            value;
        if (!value.startsWith("&"))
            return s(value);
        Reference<css::resource::XStringResourceResolver> resolver;
        Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW)
                ->getPropertyValue(u("ResourceResolver")) >>=
            resolver;
        if (!resolver.is())
            return s(value);
        return s(resolver->resolveString(value.copy(1)));
    }

    void clickSave() const { handler->callHandlerMethod(dialog, Any(), u("onSave")); }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
    Reference<css::awt::XDialogEventHandler> handler;
    Reference<css::awt::XDialog> dialog;
};
std::unique_ptr<Office> ClientDialog::office;
Reference<XClientDirectory> ClientDialog::directory;

TEST_F(ClientDialog, SpeaksTheOfficeLanguageFromItsResources)
{
    open();
    EXPECT_EQ(s(dialog->getTitle()), "Nuevo cliente");
    EXPECT_EQ(label("lblLegalName"), "~Nombre legal *");
    EXPECT_EQ(label("lblTaxId"), "~Identificación fiscal");
    EXPECT_EQ(label("btnSave"), "~Crear");
    EXPECT_EQ(label("btnCancel"), "Cancelar");
}

TEST_F(ClientDialog, CreateStoresAValidClient)
{
    const sal_Int32 before = directory->countClients();
    open();
    type("edLegalName", "Librería Cervantes, S.L.");
    type("edTaxId", "B-11223344");
    type("edCountry", "es");
    type("edStreet", "Calle Mayor 5");
    type("edPostalCode", "05001");
    type("edCity", "Ávila");
    type("edRegion", "Ávila");
    type("edEmail", "pedidos@cervantes.es");
    type("edPhone", "920 000 000");
    clickSave();

    EXPECT_EQ(label("errLegalName"), "");
    EXPECT_EQ(label("errEmail"), "");
    EXPECT_EQ(label("errForm"), "");
    ASSERT_EQ(directory->countClients(), before + 1);
    const auto codes = directory->findClients(u("libreria cervantes"), 0);
    ASSERT_EQ(codes.getLength(), 1);
    const auto client = directory->getClient(codes[0]);
    EXPECT_EQ(field(client, "legalName"), "Librería Cervantes, S.L.");
    EXPECT_EQ(field(client, "country"), "ES");
    EXPECT_EQ(field(client, "postalCode"), "05001");
    EXPECT_EQ(field(client, "city"), "Ávila");
}

TEST_F(ClientDialog, InvalidEntryShowsMessagesAtTheFieldsAndStoresNothing)
{
    const sal_Int32 before = directory->countClients();
    open();
    type("edLegalName", "  ");
    type("edEmail", "pedidos en cervantes");
    type("edCity", "Toledo");
    clickSave();

    EXPECT_EQ(label("errLegalName"), "El nombre legal es obligatorio.");
    EXPECT_NE(label("errEmail"), "");
    EXPECT_EQ(label("errCity"), "");
    EXPECT_EQ(directory->countClients(), before);
    // The user's input stays for correcting.
    EXPECT_EQ(text("edEmail"), "pedidos en cervantes");

    // Correcting both fields and saving again works.
    type("edLegalName", "Papelería Toledana");
    type("edEmail", "info@toledana.es");
    clickSave();
    EXPECT_EQ(label("errLegalName"), "");
    EXPECT_EQ(label("errEmail"), "");
    EXPECT_EQ(directory->countClients(), before + 1);
}

TEST_F(ClientDialog, EditShowsTheRecordAndSavesChanges)
{
    const std::string code = s(directory->addClient(fields(
        {{"legalName", "Óptica Miranda"}, {"city", "Burgos"}, {"email", "hola@miranda.es"}})));
    open(code);
    EXPECT_EQ(s(dialog->getTitle()), "Editar cliente");
    EXPECT_EQ(label("btnSave"), "~Guardar");
    EXPECT_EQ(label("lblCode"), code);
    EXPECT_EQ(text("edLegalName"), "Óptica Miranda");
    EXPECT_EQ(text("edCity"), "Burgos");

    const sal_Int32 before = directory->countClients();
    type("edCity", "Miranda de Ebro");
    clickSave();
    EXPECT_EQ(directory->countClients(), before);
    const auto client = directory->getClient(u(code));
    EXPECT_EQ(field(client, "city"), "Miranda de Ebro");
    EXPECT_EQ(field(client, "email"), "hola@miranda.es");
}

TEST_F(ClientDialog, EditRefusesAnEmptyLegalNameAndKeepsTheStoredOne)
{
    const std::string code = s(directory->addClient(fields({{"legalName", "Farmacia Sanz"}})));
    open(code);
    type("edLegalName", "");
    clickSave();
    EXPECT_EQ(label("errLegalName"), "El nombre legal es obligatorio.");
    EXPECT_EQ(field(directory->getClient(u(code)), "legalName"), "Farmacia Sanz");
}

TEST_F(ClientDialog, TheHandlerAnswersEveryEventTheDialogBinds)
{
    open();
    const auto names = handler->getSupportedMethodNames();
    std::set<std::string> supported;
    for (const auto& name : names)
        supported.insert(s(name));
    EXPECT_TRUE(supported.count("onSave"));
    EXPECT_TRUE(supported.count("onEdited"));
    EXPECT_FALSE(handler->callHandlerMethod(dialog, Any(), u("noSuchMethod")));
}
} // namespace clientes::testing
