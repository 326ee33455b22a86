// A database that cannot be opened: the user is told why, in the deck and by the API, and the
// office keeps running.
#include "calc_document.hpp"
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
class BrokenStore : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        char pattern[] = "/tmp/clientes-broken-XXXXXX";
        folder = mkdtemp(pattern);
        database = folder / "clientes.db";
        std::ofstream(database) << "This is not an SQLite database, but a file someone overwrote "
                                   "by mistake. It is long enough to hold a header.";
        OfficeOptions options;
        options.database = database;
        office = std::make_unique<Office>(options);
    }
    static void TearDownTestSuite()
    {
        office.reset();
        std::filesystem::remove_all(folder);
    }

    static std::filesystem::path folder;
    static std::filesystem::path database;
    static std::unique_ptr<Office> office;
};
std::filesystem::path BrokenStore::folder;
std::filesystem::path BrokenStore::database;
std::unique_ptr<Office> BrokenStore::office;

TEST_F(BrokenStore, TheApiRaisesAMessageNamingTheFile)
{
    const Reference<XClientDirectory> directory(office->create("org.clientes.ClientDirectory"),
                                                UNO_QUERY_THROW);
    try
    {
        directory->countClients();
        FAIL() << "a corrupt database was opened";
    }
    catch (const css::uno::RuntimeException& e)
    {
        EXPECT_NE(s(e.Message).find(database.string()), std::string::npos) << s(e.Message);
    }
    // The file is left as it was for the user (or a backup) to deal with.
    std::ifstream in(database);
    std::string first;
    in >> first;
    EXPECT_EQ(first, "This");
}

TEST_F(BrokenStore, TheDeckShowsTheProblemAndTheOfficeKeepsRunning)
{
    CalcDocument document(*office);
    const auto status = document.panelControl("Status");
    office->waitForMainThread();
    rtl::OUString message;
    Reference<css::beans::XPropertySet>(status->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue(u("Label")) >>= message;
    EXPECT_NE(s(message).find("No se puede abrir la base de datos de clientes"), std::string::npos)
        << s(message);
    EXPECT_NE(s(message).find(database.string()), std::string::npos) << s(message);
    EXPECT_TRUE(Reference<css::awt::XWindow2>(status, UNO_QUERY_THROW)->isVisible());

    EXPECT_TRUE(office->running());
    EXPECT_TRUE(css::frame::Desktop::create(office->context())->getComponents().is());
}
} // namespace clientes::testing
