// The add / edit client dialog, created from the installed .xdl and driven through its handler
// the way its buttons do (a modal execute() returns at once under --headless).
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XListBox.hpp>
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
            ->getPropertyValue(u("Label")) >>= value;
        if (!value.startsWith("&"))
            return s(value);
        Reference<css::resource::XStringResourceResolver> resolver;
        Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW)
            ->getPropertyValue(u("ResourceResolver")) >>= resolver;
        if (!resolver.is())
            return s(value);
        return s(resolver->resolveString(value.copy(1)));
    }

    void clickSave() const { handler->callHandlerMethod(dialog, Any(), u("onSave")); }

    // What the dialog's events call: leaving the tax ID field, the "open existing" button.
    bool call(const char* method) const
    {
        return handler->callHandlerMethod(dialog, Any(), rtl::OUString::createFromAscii(method));
    }

    Reference<css::beans::XPropertySet> model(const char* name) const
    {
        return Reference<css::beans::XPropertySet>(control(name)->getModel(), UNO_QUERY_THROW);
    }

    template <typename T> T property(const char* name, const char* property) const
    {
        T value{};
        model(name)->getPropertyValue(rtl::OUString::createFromAscii(property)) >>= value;
        return value;
    }

    Reference<css::awt::XListBox> list(const char* name) const
    {
        return Reference<css::awt::XListBox>(control(name), UNO_QUERY_THROW);
    }

    static std::string codeOf(const std::string& search)
    {
        const auto codes = directory->findClients(u(search), 0);
        return codes.getLength() == 1 ? s(codes[0])
                                      : "<" + std::to_string(codes.getLength()) + " found>";
    }

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

// Under the form, a line on the client's other addresses and bank accounts (edited in the
// profile); a new client's line says where they go, and its button creates the client.
TEST_F(ClientDialog, TheLineUnderTheFormNamesTheClientsAddressesAndAccounts)
{
    const std::string code = s(directory->addClient(fields({{"legalName", "Sedes Varias, S.L."}})));
    open(code);
    EXPECT_EQ(label("lblRecords"),
              "Aún sin direcciones de facturación o envío ni cuentas bancarias.");
    EXPECT_EQ(label("btnRecords"), "Direcciones y cuentas en la ~ficha…");
    directory->addRecord(u(code), u("addresses"),
                         fields({{"type", "shipping"}, {"street", "Nave 4"}, {"city", "Sevilla"}}));
    directory->addRecord(
        u(code), u("addresses"),
        fields({{"type", "billing"}, {"street", "Calle Mayor 1"}, {"city", "Madrid"}}));
    directory->addRecord(u(code), u("bankAccounts"),
                         fields({{"iban", "ES91 2100 0418 4502 0005 1332"}}));
    TearDown();
    open(code);
    EXPECT_EQ(label("lblRecords"), "Direcciones: Facturación (Madrid), Envío (Sevilla) · Cuentas "
                                   "bancarias: ES91 2100 0418 4502 0005 1332");

    TearDown();
    const sal_Int32 before = directory->countClients();
    open();
    EXPECT_EQ(label("lblRecords"),
              "Las direcciones de facturación y envío y las cuentas bancarias van en la ficha del "
              "cliente: el botón lo crea y la abre en ellas.");
    type("edLegalName", "Sedes Nuevas, S.L.");
    ASSERT_TRUE(call("onRecords"));
    EXPECT_EQ(directory->countClients(), before + 1);
    EXPECT_EQ(directory->findClients(u("sedes nuevas"), 0).getLength(), 1);
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
    EXPECT_TRUE(supported.count("onTaxIdLeft"));
    EXPECT_TRUE(supported.count("onOpenExisting"));
    EXPECT_FALSE(handler->callHandlerMethod(dialog, Any(), u("noSuchMethod")));
}

TEST_F(ClientDialog, KindTagsPaymentTermsAndCurrencyAreStored)
{
    open();
    EXPECT_EQ(label("lblKind"), "Tipo de c~liente");
    EXPECT_EQ(label("lblPaymentTerms"), "Pla~zo de pago (días)");
    const auto kinds = list("edKind")->getItems();
    ASSERT_EQ(kinds.getLength(), 3);
    EXPECT_EQ(s(kinds[0]), "(sin indicar)");
    EXPECT_EQ(s(kinds[1]), "Empresa");
    EXPECT_EQ(s(kinds[2]), "Persona");
    EXPECT_EQ(list("edKind")->getSelectedItemPos(), 0);

    type("edLegalName", "Talleres Ribera, S.L.");
    list("edKind")->selectItemPos(1, true);
    type("edTags", "vip,  mayorista ,VIP");
    type("edPaymentTerms", "030");
    type("edCurrency", "eur");
    clickSave();
    EXPECT_EQ(label("errForm"), "");
    const auto client = directory->getClient(u(codeOf("talleres ribera")));
    EXPECT_EQ(field(client, "kind"), "company");
    EXPECT_EQ(field(client, "tags"), "vip, mayorista");
    EXPECT_EQ(field(client, "paymentTerms"), "30");
    EXPECT_EQ(field(client, "currency"), "EUR");
}

TEST_F(ClientDialog, EditShowsKindTagsTermsAndCurrency)
{
    const std::string code = s(directory->addClient(fields({{"legalName", "Lucía Ferrer"},
                                                            {"kind", "person"},
                                                            {"tags", "particular"},
                                                            {"paymentTerms", "15"},
                                                            {"currency", "USD"}})));
    open(code);
    EXPECT_EQ(list("edKind")->getSelectedItemPos(), 2);
    EXPECT_EQ(text("edTags"), "particular");
    EXPECT_EQ(text("edPaymentTerms"), "15");
    EXPECT_EQ(text("edCurrency"), "USD");
    list("edKind")->selectItemPos(0, true); // not stated
    clickSave();
    EXPECT_EQ(field(directory->getClient(u(code)), "kind"), "");
}

TEST_F(ClientDialog, InvalidTermsAndCurrencyAreShownAtTheirFields)
{
    const sal_Int32 before = directory->countClients();
    open();
    type("edLegalName", "Plazos Raros, S.A.");
    type("edPaymentTerms", "30d");
    type("edCurrency", "EU");
    clickSave();
    EXPECT_EQ(label("errPaymentTerms"), "El plazo de pago debe ser un número entero de días.");
    EXPECT_NE(label("errCurrency").find("ISO 4217"), std::string::npos) << label("errCurrency");
    EXPECT_EQ(directory->countClients(), before);
}

TEST_F(ClientDialog, AConflictShowsTheStoredValuesAndSavingAgainWorks)
{
    const std::string code =
        s(directory->addClient(fields({{"legalName", "Conflictiva, S.L."}, {"city", "Lugo"}})));
    open(code);
    // Someone else saves the client between opening and saving.
    directory->updateClient(u(code), fields({{"city", "Ourense"}}));
    type("edPhone", "982 000 000");
    clickSave();
    EXPECT_NE(label("errForm").find("Otra persona ha modificado este cliente"), std::string::npos)
        << label("errForm");
    EXPECT_EQ(text("edCity"), "Ourense");
    EXPECT_EQ(text("edPhone"), "");
    EXPECT_EQ(field(directory->getClient(u(code)), "phone"), "");

    type("edPhone", "982 000 000");
    clickSave();
    EXPECT_EQ(label("errForm"), "");
    const auto client = directory->getClient(u(code));
    EXPECT_EQ(field(client, "phone"), "982 000 000");
    EXPECT_EQ(field(client, "city"), "Ourense");
}

TEST_F(ClientDialog, ATaxIdFailingItsCheckDigitsWarnsButIsStored)
{
    const sal_Int32 before = directory->countClients();
    open();
    type("edLegalName", "Dígito Erróneo, S.L.");
    type("edTaxId", "12345678A");
    type("edCountry", "ES");
    clickSave();
    EXPECT_EQ(directory->countClients(), before + 1);
    const std::string code = codeOf("digito erroneo");
    EXPECT_EQ(field(directory->getClient(u(code)), "taxId"), "12345678A");
    EXPECT_NE(label("errTaxId").find("dígitos de control"), std::string::npos) << label("errTaxId");
    EXPECT_NE(label("errTaxId").find("se guardará igualmente"), std::string::npos);
    EXPECT_EQ(property<sal_Int32>("errTaxId", "TextColor"), 0x8A5A00); // amber, not red
    // Stored: the dialog stays open once to show why, now editing the stored client.
    EXPECT_NE(label("errForm").find("Cliente " + code + " guardado"), std::string::npos)
        << label("errForm");
    EXPECT_EQ(s(dialog->getTitle()), "Editar cliente");
    EXPECT_EQ(label("btnCancel"), "Cerrar");
    EXPECT_EQ(label("lblCode"), code);
    clickSave(); // saving again updates, nothing new
    EXPECT_EQ(directory->countClients(), before + 1);
}

TEST_F(ClientDialog, LeavingTheTaxIdFieldChecksIt)
{
    open();
    type("edTaxId", "87654321A");
    type("edCountry", "ES");
    ASSERT_TRUE(call("onTaxIdLeft"));
    EXPECT_NE(label("errTaxId").find("no cuadran (ES-NIF)"), std::string::npos)
        << label("errTaxId");
    type("edTaxId", "87654321-x");
    ASSERT_TRUE(call("onTaxIdLeft"));
    EXPECT_EQ(label("errTaxId"), "");
    type("edTaxId", "B1234");
    ASSERT_TRUE(call("onTaxIdLeft"));
    EXPECT_NE(label("errTaxId").find("no tiene el formato de ES"), std::string::npos)
        << label("errTaxId");
    EXPECT_FALSE(property<bool>("btnOpenExisting", "EnableVisible"));
}

TEST_F(ClientDialog, ADuplicateTaxIdWarnsAndOffersToOpenTheExistingClient)
{
    const std::string existing = s(directory->addClient(fields(
        {{"legalName", "Original Duplicado, S.L."}, {"taxId", "00000000T"}, {"country", "ES"}})));
    const sal_Int32 before = directory->countClients();
    open();
    EXPECT_FALSE(property<bool>("btnOpenExisting", "EnableVisible"));
    type("edLegalName", "Copia Duplicada");
    type("edTaxId", "ES-00.000.000-t");
    type("edCountry", "ES");
    ASSERT_TRUE(call("onTaxIdLeft"));
    EXPECT_EQ(label("errTaxId"), "Ya existe un cliente con esta identificación fiscal: Original "
                                 "Duplicado, S.L. (" +
                                     existing + ").");
    EXPECT_TRUE(property<bool>("btnOpenExisting", "EnableVisible"));
    EXPECT_EQ(label("btnOpenExisting"), "Abrir cliente e~xistente");

    clickSave(); // the first save stops at the warning
    EXPECT_EQ(directory->countClients(), before);
    EXPECT_NE(label("errForm").find("otra vez"), std::string::npos) << label("errForm");
    EXPECT_TRUE(property<bool>("btnOpenExisting", "EnableVisible"));

    ASSERT_TRUE(call("onOpenExisting"));
    EXPECT_EQ(text("edLegalName"), "Original Duplicado, S.L.");
    EXPECT_EQ(text("edTaxId"), "00000000T");
    EXPECT_EQ(s(dialog->getTitle()), "Editar cliente");
    EXPECT_EQ(label("lblCode"), existing);
    EXPECT_EQ(label("errTaxId"), "");
    EXPECT_FALSE(property<bool>("btnOpenExisting", "EnableVisible"));
    type("edCity", "Cuenca");
    clickSave();
    EXPECT_EQ(field(directory->getClient(u(existing)), "city"), "Cuenca");
    EXPECT_EQ(directory->countClients(), before);
}

TEST_F(ClientDialog, AClientThatLooksLikeOneAlreadyThereIsShownAsItIsTyped)
{
    const std::string existing = s(directory->addClient(
        fields({{"legalName", "Talleres Mecánicos Ibáñez, S.L."}, {"city", "Teruel"}})));
    const sal_Int32 before = directory->countClients();
    open();
    const auto typed = [&](const std::string& name)
    {
        type("edLegalName", name);
        const css::lang::EventObject edit(control("edLegalName"));
        return handler->callHandlerMethod(dialog, Any(edit), u("onNameEdited"));
    };
    const std::string warning = "Parece el mismo cliente que Talleres Mecánicos Ibáñez, S.L. (" +
                                existing + "), que ya está en el registro: un nombre parecido.";
    ASSERT_TRUE(typed("TALLERES MECANICOS YBAÑEZ SL")); // a typo, no accents, no dots
    EXPECT_EQ(label("errForm"), warning);
    EXPECT_TRUE(property<bool>("btnOpenExisting", "EnableVisible"));
    ASSERT_TRUE(typed("Talleres Mecánicos Ortega"));
    EXPECT_EQ(label("errForm"), "");
    EXPECT_FALSE(property<bool>("btnOpenExisting", "EnableVisible"));

    // Leaving the field checks too; the first save stops at the warning, the second stores.
    type("edLegalName", "Talleres Mecanicos Ibañez");
    ASSERT_TRUE(call("onIdentityLeft"));
    EXPECT_EQ(label("errForm"), warning);
    clickSave();
    EXPECT_EQ(directory->countClients(), before);
    EXPECT_NE(label("errForm").find("otra vez"), std::string::npos) << label("errForm");
    clickSave();
    EXPECT_EQ(directory->countClients(), before + 1);
}

TEST_F(ClientDialog, TheClientItLooksLikeOpensInsteadOfAddingAnother)
{
    const std::string existing = s(directory->addClient(
        fields({{"legalName", "Viveros Almendro"}, {"email", "pedidos@viverosalmendro.es"}})));
    const sal_Int32 before = directory->countClients();
    open();
    type("edLegalName", "Almendro Plantas");
    type("edEmail", "PEDIDOS@viverosalmendro.es");
    ASSERT_TRUE(call("onIdentityLeft"));
    EXPECT_NE(label("errForm").find("el mismo correo"), std::string::npos) << label("errForm");
    ASSERT_TRUE(call("onOpenExisting"));
    EXPECT_EQ(label("lblCode"), existing);
    EXPECT_EQ(text("edLegalName"), "Viveros Almendro");
    EXPECT_EQ(label("errForm"), "");
    EXPECT_EQ(directory->countClients(), before);
}

TEST_F(ClientDialog, ADuplicateIsStoredWhenSavedAgain)
{
    directory->addClient(
        fields({{"legalName", "Primero Repetido"}, {"taxId", "11111111H"}, {"country", "ES"}}));
    const sal_Int32 before = directory->countClients();
    open();
    type("edLegalName", "Segundo Repetido");
    type("edTaxId", "11111111-h");
    type("edCountry", "ES");
    type("edEmail", "segundo en repetido");
    clickSave(); // field errors and the duplicate warning show together
    EXPECT_EQ(label("errEmail"), "El correo electrónico no es válido.");
    EXPECT_NE(label("errTaxId").find("Primero Repetido"), std::string::npos);
    EXPECT_EQ(directory->countClients(), before);
    type("edEmail", "segundo@repetido.es");
    clickSave();
    EXPECT_EQ(directory->countClients(), before);
    EXPECT_NE(label("errTaxId").find("Primero Repetido"), std::string::npos);
    clickSave();
    EXPECT_EQ(directory->countClients(), before + 1);
    EXPECT_EQ(field(directory->getClient(u(codeOf("segundo repetido"))), "taxId"), "11111111-h");
}
} // namespace clientes::testing
