// The Clientes deck in a real Calc frame: its list, count, search and detail follow the store.
#include "calc_document.hpp"
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/grid/XGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <memory>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{

class ClientesPanel : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        directory.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        directory->addClient(fields({{"legalName", "Pérez Gómez, S.L."},
                                     {"taxId", "B12345678"},
                                     {"country", "ES"},
                                     {"city", "Zaragoza"},
                                     {"email", "admin@perezgomez.es"},
                                     {"phone", "+34 976 000 111"}}));
        directory->addClient(
            fields({{"legalName", "Açores Pescas, Lda."}, {"city", "Ponta Delgada"}}));
        directory->addClient(fields({{"legalName", "Bright Ideas Ltd"}, {"city", "Leeds"}}));
        document = std::make_unique<CalcDocument>(*office);
    }
    static void TearDownTestSuite()
    {
        document.reset();
        directory.clear();
        office.reset();
    }

    void TearDown() override { search(""); }

    static Reference<css::awt::grid::XGridDataModel> rows()
    {
        Reference<css::awt::grid::XGridDataModel> model;
        Reference<css::beans::XPropertySet>(document->panelControl("ClientList")->getModel(),
                                            UNO_QUERY_THROW)
            ->getPropertyValue(u("GridDataModel")) >>= model;
        return model;
    }

    static std::string label(const char* control)
    {
        rtl::OUString text;
        Reference<css::beans::XPropertySet>(document->panelControl(control)->getModel(),
                                            UNO_QUERY_THROW)
            ->getPropertyValue(u("Label")) >>= text;
        return s(text);
    }

    static std::string cell(sal_Int32 column, sal_Int32 row)
    {
        rtl::OUString text;
        rows()->getCellData(column, row) >>= text;
        return s(text);
    }

    static void search(const std::string& text)
    {
        Reference<css::awt::XTextComponent>(document->panelControl("Search"), UNO_QUERY_THROW)
            ->setText(u(text));
        office->waitForMainThread();
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
    static std::unique_ptr<CalcDocument> document;
};
std::unique_ptr<Office> ClientesPanel::office;
Reference<XClientDirectory> ClientesPanel::directory;
std::unique_ptr<CalcDocument> ClientesPanel::document;

TEST_F(ClientesPanel, ListsEveryClientSortedByLegalNameWithTheCount)
{
    ASSERT_EQ(rows()->getRowCount(), directory->countClients());
    EXPECT_EQ(cell(0, 0), "Açores Pescas, Lda.");
    EXPECT_EQ(cell(0, 1), "Bright Ideas Ltd");
    EXPECT_EQ(cell(0, 2), "Pérez Gómez, S.L.");
    EXPECT_EQ(cell(1, 2), "B12345678");
    EXPECT_EQ(cell(2, 2), "Zaragoza");
    EXPECT_EQ(label("Count"), std::to_string(directory->countClients()) + " clientes");
}

TEST_F(ClientesPanel, SearchFiltersIgnoringCaseAndAccents)
{
    search("perez");
    ASSERT_EQ(rows()->getRowCount(), 1);
    EXPECT_EQ(cell(0, 0), "Pérez Gómez, S.L.");
    EXPECT_EQ(label("Count"), "1 cliente");

    search("b-12345678");
    ASSERT_EQ(rows()->getRowCount(), 1);
    EXPECT_EQ(cell(1, 0), "B12345678");

    search("ACORES");
    ASSERT_EQ(rows()->getRowCount(), 1);
    EXPECT_EQ(cell(0, 0), "Açores Pescas, Lda.");

    search("leeds");
    ASSERT_EQ(rows()->getRowCount(), 1);

    search("no existe nadie así");
    EXPECT_EQ(rows()->getRowCount(), 0);
    EXPECT_EQ(label("Count"), "0 clientes");
    EXPECT_EQ(label("Detail"), "Ningún cliente coincide con la búsqueda.");
}

TEST_F(ClientesPanel, SelectingAClientShowsItsLegalAndContactData)
{
    search("perez");
    ASSERT_EQ(rows()->getRowCount(), 1);
    Reference<css::awt::grid::XGridRowSelection>(document->panelControl("ClientList"),
                                                 UNO_QUERY_THROW)
        ->selectRow(0);
    office->waitForMainThread();
    EXPECT_EQ(label("DetailName"), "Pérez Gómez, S.L.");
    const std::string detail = label("Detail");
    EXPECT_NE(detail.find("B12345678 (ES)"), std::string::npos) << detail;
    EXPECT_NE(detail.find("Zaragoza"), std::string::npos) << detail;
    EXPECT_NE(detail.find("admin@perezgomez.es"), std::string::npos) << detail;
    EXPECT_NE(detail.find("+34 976 000 111"), std::string::npos) << detail;
}

TEST_F(ClientesPanel, AClientAddedThroughTheApiAppearsInTheList)
{
    const sal_Int32 before = rows()->getRowCount();
    directory->addClient(fields({{"legalName", "Zumos del Sur"}}));
    office->waitForMainThread();
    EXPECT_EQ(rows()->getRowCount(), before + 1);
    EXPECT_EQ(label("Count"), std::to_string(before + 1) + " clientes");
}

TEST_F(ClientesPanel, AnArchivedClientLeavesTheList)
{
    const std::string code = s(directory->addClient(fields({{"legalName", "Efímera, S.A."}})));
    search("efimera");
    ASSERT_EQ(rows()->getRowCount(), 1);
    directory->archiveClient(u(code));
    office->waitForMainThread();
    EXPECT_EQ(rows()->getRowCount(), 0);
}

TEST_F(ClientesPanel, LabelsFollowTheOfficeLanguage)
{
    EXPECT_EQ(label("AddClient"), "+ ~Agregar cliente");
    EXPECT_EQ(label("SearchLabel"), "~Buscar");
}
} // namespace clientes::testing
