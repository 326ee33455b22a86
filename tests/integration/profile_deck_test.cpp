// The deck's detail area with the selected client's key figures, following the profile's
// changes.
#include "calc_document.hpp"
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/grid/XGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <ctime>
#include <memory>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
class ProfileDeck : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        OfficeOptions options;
        options.locale = "es-ES"; // figures as Spain writes them
        office = std::make_unique<Office>(options);
        clients.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        document = std::make_unique<CalcDocument>(*office);
        document->openClientesPanel();
    }
    static void TearDownTestSuite()
    {
        document.reset();
        clients.clear();
        office.reset();
    }

    static std::string label(const char* control)
    {
        rtl::OUString text;
        Reference<css::beans::XPropertySet>(document->panelControl(control)->getModel(),
                                            UNO_QUERY_THROW)
            ->getPropertyValue(u("Label")) >>= text;
        return s(text);
    }

    // Searches the deck for one client and selects it.
    static void showOnly(const std::string& search)
    {
        Reference<css::awt::XTextComponent>(document->panelControl("Search"), UNO_QUERY_THROW)
            ->setText(u(search));
        office->waitForMainThread();
        Reference<css::awt::grid::XGridRowSelection>(document->panelControl("ClientList"),
                                                     UNO_QUERY_THROW)
            ->selectRow(0);
        office->waitForMainThread();
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> clients;
    static std::unique_ptr<CalcDocument> document;
};
std::unique_ptr<Office> ProfileDeck::office;
Reference<XClientDirectory> ProfileDeck::clients;
std::unique_ptr<CalcDocument> ProfileDeck::document;

TEST_F(ProfileDeck, TheDetailAreaShowsTheKeyFiguresInShort)
{
    const std::string code = s(clients->addClient(fields({{"legalName", "Cifras Breves, S.L."},
                                                          {"taxId", "B12345674"},
                                                          {"country", "ES"},
                                                          {"city", "Teruel"},
                                                          {"currency", "EUR"}})));
    showOnly("cifras breves");
    EXPECT_EQ(label("DetailName"), "Cifras Breves, S.L.");
    std::string detail = label("Detail");
    EXPECT_NE(detail.find("B12345674 (ES)"), std::string::npos) << detail;
    EXPECT_EQ(detail.find("Facturas:"), std::string::npos) << detail; // nothing to say yet

    const auto key = u(code);
    for (int i = 1; i <= 3; ++i)
        clients->addRecord(key, u("invoices"),
                           fields({{"number", "CB-" + std::to_string(i)},
                                   {"issueDate", isoDay(-60)},
                                   {"dueDate", isoDay(-30)},
                                   {"net", i == 1 ? "1000" : "100"},
                                   {"tax", "0"},
                                   {"status", "authorised"}}));
    clients->addRecord(key, u("tasks"), fields({{"title", "Reclamar"}, {"dueDate", isoDay(-2)}}));
    clients->addRecord(key, u("tasks"), fields({{"title", "Llamar"}, {"dueDate", isoDay(-1)}}));
    clients->addRecord(key, u("tasks"), fields({{"title", "Visitar"}, {"dueDate", isoDay(3)}}));
    office->waitForMainThread(); // the deck reads the store again on every change
    detail = label("Detail");
    EXPECT_NE(detail.find("Facturas: 3 vencidas (1.200,00 €) · Tareas: 2 vencidas, 1 próxima"),
              std::string::npos)
        << detail;
}
} // namespace clientes::testing
