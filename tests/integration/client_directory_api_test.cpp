// org.clientes.ClientDirectory through a real office: every method, and its error cases.
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <memory>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
class ClientDirectoryApi : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { office = std::make_unique<Office>(); }
    static void TearDownTestSuite() { office.reset(); }

    void SetUp() override
    {
        directory.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    }

    static std::unique_ptr<Office> office;
    Reference<XClientDirectory> directory;
};
std::unique_ptr<Office> ClientDirectoryApi::office;

TEST_F(ClientDirectoryApi, AddReturnsSequentialCodesAndGetReadsEveryField)
{
    const std::string first =
        s(directory->addClient(fields({{"legalName", "Ferretería Núñez, S.L."},
                                       {"taxId", "B-1234567-8"},
                                       {"country", "es"},
                                       {"city", "Málaga"},
                                       {"postalCode", "02900"},
                                       {"email", "info@nunez.es"}})));
    const std::string second =
        s(directory->addClient(fields({{"legalName", "Padaria Conceição"}})));
    ASSERT_EQ(first.rfind("C-", 0), 0u) << first;
    EXPECT_EQ(std::stoi(second.substr(2)), std::stoi(first.substr(2)) + 1);

    const auto client = directory->getClient(u(first));
    EXPECT_EQ(field(client, "code"), first);
    EXPECT_EQ(field(client, "legalName"), "Ferretería Núñez, S.L.");
    EXPECT_EQ(field(client, "country"), "ES");
    EXPECT_EQ(field(client, "postalCode"), "02900");
    EXPECT_EQ(field(client, "city"), "Málaga");
    EXPECT_NE(field(client, "createdAt"), "");
}

TEST_F(ClientDirectoryApi, GetFindsAClientByTaxIdInAnySpelling)
{
    const std::string code = s(directory->addClient(
        fields({{"legalName", "Talleres Pérez"}, {"taxId", "B87654321"}, {"country", "ES"}})));
    EXPECT_EQ(field(directory->getClient(u("b-87654321")), "code"), code);
    EXPECT_EQ(field(directory->getClient(u("B 8765.4321")), "code"), code);
    EXPECT_EQ(field(directory->getClient(u(code)), "legalName"), "Talleres Pérez");
}

TEST_F(ClientDirectoryApi, FindIgnoresCaseAndAccentsBestMatchFirst)
{
    const std::string exact = s(directory->addClient(fields({{"legalName", "Álvarez Hermanos"}})));
    directory->addClient(fields({{"legalName", "Distribuciones Norte"}, {"notes", "alvarez"}}));
    const auto codes = directory->findClients(u("alvarez"), 10);
    ASSERT_GE(codes.getLength(), 1);
    EXPECT_EQ(s(codes[0]), exact);
    EXPECT_EQ(directory->findClients(u("ALVAREZ HERM"), 0).getLength(), 1);
    EXPECT_EQ(directory->findClients(u("zzz-no-such-client"), 10).getLength(), 0);
}

TEST_F(ClientDirectoryApi, UpdateChangesOnlyTheGivenFields)
{
    const std::string code = s(directory->addClient(fields(
        {{"legalName", "Papelería Sol"}, {"city", "Sevilla"}, {"phone", "+34 600 000 000"}})));
    directory->updateClient(u(code), fields({{"city", "Córdoba"}}));
    const auto client = directory->getClient(u(code));
    EXPECT_EQ(field(client, "city"), "Córdoba");
    EXPECT_EQ(field(client, "legalName"), "Papelería Sol");
    EXPECT_EQ(field(client, "phone"), "+34 600 000 000");
}

TEST_F(ClientDirectoryApi, ArchivedClientsLeaveCountAndSearchButCanStillBeRead)
{
    const std::string code = s(directory->addClient(fields({{"legalName", "Archivable Único"}})));
    const sal_Int32 before = directory->countClients();
    ASSERT_EQ(directory->findClients(u("archivable unico"), 0).getLength(), 1);
    directory->archiveClient(u(code));
    EXPECT_EQ(directory->countClients(), before - 1);
    EXPECT_EQ(directory->findClients(u("archivable unico"), 0).getLength(), 0);
    bool archived = false;
    for (const auto& value : directory->getClient(u(code)))
        if (value.Name == "archived")
            value.Value >>= archived;
    EXPECT_TRUE(archived);
}

TEST_F(ClientDirectoryApi, CountMatchesWhatWasAdded)
{
    const sal_Int32 before = directory->countClients();
    directory->addClient(fields({{"legalName", "Uno"}}));
    directory->addClient(fields({{"legalName", "Dos"}}));
    EXPECT_EQ(directory->countClients(), before + 2);
}

TEST_F(ClientDirectoryApi, EmptyLegalNameIsRefusedNamingTheField)
{
    const sal_Int32 before = directory->countClients();
    try
    {
        directory->addClient(fields({{"legalName", "   "}, {"city", "Lugo"}}));
        FAIL() << "an empty legal name was accepted";
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        EXPECT_NE(s(e.Message).find("legalName"), std::string::npos) << s(e.Message);
        EXPECT_NE(s(e.Message).find("obligatorio"), std::string::npos) << s(e.Message);
    }
    EXPECT_EQ(directory->countClients(), before);
}

TEST_F(ClientDirectoryApi, MalformedEmailIsRefusedNamingTheField)
{
    try
    {
        directory->addClient(fields({{"legalName", "Correo Malo"}, {"email", "no es un correo"}}));
        FAIL() << "a malformed e-mail was accepted";
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        EXPECT_NE(s(e.Message).find("email"), std::string::npos) << s(e.Message);
    }
    EXPECT_EQ(directory->findClients(u("correo malo"), 0).getLength(), 0);
}

TEST_F(ClientDirectoryApi, UnknownFieldAndNonTextValueAreRefused)
{
    EXPECT_THROW(directory->addClient(fields({{"legalName", "X"}, {"favouriteColour", "red"}})),
                 css::lang::IllegalArgumentException);
    css::uno::Sequence<css::beans::NamedValue> wrongType(1);
    wrongType.getArray()[0] = css::beans::NamedValue(u("legalName"), css::uno::Any(true));
    EXPECT_THROW(directory->addClient(wrongType), css::lang::IllegalArgumentException);
}

TEST_F(ClientDirectoryApi, TheCodeCannotBeChanged)
{
    const std::string code = s(directory->addClient(fields({{"legalName", "Código Fijo"}})));
    EXPECT_THROW(directory->updateClient(u(code), fields({{"code", "C-999999"}})),
                 css::lang::IllegalArgumentException);
    EXPECT_NO_THROW(directory->updateClient(u(code), fields({{"code", code}, {"city", "Vigo"}})));
}

TEST_F(ClientDirectoryApi, UnknownKeysRaiseNoSuchElement)
{
    EXPECT_THROW(directory->getClient(u("C-424242")), css::container::NoSuchElementException);
    EXPECT_THROW(directory->updateClient(u("C-424242"), fields({{"city", "X"}})),
                 css::container::NoSuchElementException);
    EXPECT_THROW(directory->archiveClient(u("Z99999999")), css::container::NoSuchElementException);
}

TEST_F(ClientDirectoryApi, InvalidUpdateLeavesTheRecordAsItWas)
{
    const std::string code =
        s(directory->addClient(fields({{"legalName", "Intacta"}, {"email", "ok@intacta.pt"}})));
    EXPECT_THROW(directory->updateClient(u(code), fields({{"legalName", ""}, {"email", "mal"}})),
                 css::lang::IllegalArgumentException);
    const auto client = directory->getClient(u(code));
    EXPECT_EQ(field(client, "legalName"), "Intacta");
    EXPECT_EQ(field(client, "email"), "ok@intacta.pt");
}
} // namespace clientes::testing
