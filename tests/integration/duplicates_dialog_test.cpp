// "Buscar duplicados…" in a real office: the dialog's groups, reasons and clients side by side,
// a merge with a value chosen field by field, and a group marked as not duplicates; then the
// undo of the merge from the profile's activity.
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/grid/XGridDataModel.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <memory>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{

class DuplicatesDialog : public ::testing::Test
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
        dialog.clear();
        handler.clear();
    }

    void open()
    {
        handler.set(office->create("org.clientes.DuplicatesDialog"), UNO_QUERY_THROW);
        dialog =
            css::awt::DialogProvider2::create(office->context())
                ->createDialogWithHandler(u("vnd.sun.star.extension://org.clientes.calc/dialogs/"
                                            "DuplicatesDialog.xdl"),
                                          handler);
        ASSERT_TRUE(dialog.is());
        ASSERT_TRUE(call("prepare"));
        settle();
    }

    // The groups are read on a thread of their own: waits for their answer.
    void settle() const
    {
        ASSERT_TRUE(eventually(*office, [&]
                               { return label("lblStatus").rfind("Buscando clientes", 0) != 0; }))
            << label("lblStatus");
    }

    bool call(const char* method) const
    {
        return handler->callHandlerMethod(dialog, Any(), rtl::OUString::createFromAscii(method));
    }

    Reference<css::beans::XPropertySet> model(const char* name) const
    {
        const auto control =
            Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(u(name));
        if (!control.is())
            throw std::runtime_error(std::string("no control ") + name);
        return Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
    }

    std::string label(const char* name) const
    {
        rtl::OUString value;
        model(name)->getPropertyValue(u("Label")) >>= value;
        return s(value);
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

    void choose(const char* list, sal_Int16 index) const
    {
        Sequence<sal_Int16> selected(1);
        selected.getArray()[0] = index;
        model(list)->setPropertyValue(u("SelectedItems"), Any(selected));
    }

    // The line of a list that starts with `start`; -1 when none.
    sal_Int16 lineStarting(const char* list, const std::string& start) const
    {
        const std::vector<std::string> lines = items(list);
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (lines[i].rfind(start, 0) == 0)
                return static_cast<sal_Int16>(i);
        return -1;
    }

    sal_Int32 page() const
    {
        sal_Int32 step = 0;
        Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW)
            ->getPropertyValue(u("Step")) >>= step;
        return step;
    }

    bool enabled(const char* name) const
    {
        bool value = false;
        model(name)->getPropertyValue(u("Enabled")) >>= value;
        return value;
    }

    // The grid of the group's clients: row heading → the values, one per client.
    std::map<std::string, std::vector<std::string>> compared() const
    {
        const Reference<css::awt::grid::XGridDataModel> rows(
            model("gridCompare")->getPropertyValue(u("GridDataModel")), UNO_QUERY_THROW);
        std::map<std::string, std::vector<std::string>> out;
        for (sal_Int32 row = 0; row < rows->getRowCount(); ++row)
        {
            rtl::OUString heading;
            rows->getRowHeading(row) >>= heading;
            std::vector<std::string>& values = out[s(heading)];
            for (sal_Int32 column = 0; column < rows->getColumnCount(); ++column)
            {
                rtl::OUString value;
                rows->getCellData(column, row) >>= value;
                values.push_back(s(value));
            }
        }
        return out;
    }

    static std::string field(const Sequence<css::beans::NamedValue>& record, const char* name)
    {
        for (const auto& entry : record)
            if (entry.Name.equalsAscii(name))
            {
                rtl::OUString value;
                entry.Value >>= value;
                return s(value);
            }
        return {};
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
    Reference<css::awt::XDialogEventHandler> handler;
    Reference<css::awt::XDialog> dialog;
};
std::unique_ptr<Office> DuplicatesDialog::office;
Reference<XClientDirectory> DuplicatesDialog::directory;

TEST_F(DuplicatesDialog, AGroupIsComparedSideBySideAndMergedWithTheValuesChosen)
{
    const std::string keep = s(directory->addClient(fields(
        {{"legalName", "Pérez Gómez Asesores, S.L."}, {"city", "Madrid"}, {"currency", "EUR"}})));
    const std::string other =
        s(directory->addClient(fields({{"legalName", "PEREZ GOMEZ ASESORES SL"},
                                       {"city", "Getafe"},
                                       {"phone", "600123456"},
                                       {"currency", "EUR"}})));
    directory->addRecord(u(other), u("invoices"),
                         fields({{"number", "F-DUP-1"}, {"issueDate", "2024-01-10"}}));
    directory->addClient(fields({{"legalName", "Transportes Ruiz S.A."}, {"city", "Bilbao"}}));
    open();

    // The group, its reasons and its clients side by side.
    const std::vector<std::string> groups = items("lstGroups");
    ASSERT_EQ(groups.size(), 1U) << label("lblStatus");
    EXPECT_NE(groups[0].find(keep + " Pérez Gómez Asesores, S.L."), std::string::npos) << groups[0];
    EXPECT_NE(groups[0].find(other + " PEREZ GOMEZ ASESORES SL"), std::string::npos);
    EXPECT_EQ(label("lblStatus"),
              "1 grupo encontrado. Elija uno para ver sus clientes lado a lado.");
    EXPECT_NE(label("lblReasons").find(keep + " y " + other), std::string::npos)
        << label("lblReasons");
    EXPECT_NE(label("lblReasons").find("un nombre parecido (perez gomez asesores)"),
              std::string::npos)
        << label("lblReasons");
    const auto grid = compared();
    EXPECT_EQ(grid.at("Nombre legal"),
              (std::vector<std::string>{"Pérez Gómez Asesores, S.L.", "PEREZ GOMEZ ASESORES SL"}));
    EXPECT_EQ(grid.at("Ciudad"), (std::vector<std::string>{"Madrid", "Getafe"}));
    EXPECT_EQ(grid.at("Teléfono"), (std::vector<std::string>{"", "600123456"}));
    EXPECT_TRUE(enabled("btnNotDuplicates"));
    EXPECT_TRUE(enabled("btnMerge"));

    // The merge: the first client stays; its values pre-filled, one changed by hand.
    ASSERT_TRUE(call("onMergeStart"));
    EXPECT_EQ(page(), 2);
    EXPECT_EQ(items("lstKeep").size(), 2U);
    EXPECT_GE(lineStarting("lstFields", "Teléfono: 600123456   ← " + other), 0)
        << items("lstFields")[10];
    const sal_Int16 city = lineStarting("lstFields", "Ciudad: ");
    ASSERT_GE(city, 0);
    EXPECT_EQ(items("lstFields")[city], "Ciudad: Getafe   ← " + other); // the newer
    choose("lstFields", city);
    ASSERT_TRUE(call("onFieldSelected"));
    EXPECT_EQ(items("lstValue"),
              (std::vector<std::string>{keep + ":  Madrid", other + ":  Getafe"}));
    choose("lstValue", 0);
    ASSERT_TRUE(call("onValueChosen"));
    EXPECT_EQ(items("lstFields")[city], "Ciudad: Madrid   ← " + keep);
    EXPECT_NE(label("lblPlan").find(other + " quedará archivado y apuntará a " + keep),
              std::string::npos)
        << label("lblPlan");
    EXPECT_NE(label("lblPlan").find("facturas: 1"), std::string::npos) << label("lblPlan");

    ASSERT_TRUE(call("onMerge"));
    settle();
    EXPECT_EQ(page(), 1);
    EXPECT_EQ(label("lblStatus"), "Se ha fusionado " + other + " en " + keep +
                                      ". Para deshacerlo: «Deshacer la fusión», en la actividad "
                                      "de " +
                                      keep + ".");
    EXPECT_TRUE(items("lstGroups").empty());
    const auto kept = directory->getClient(u(keep));
    EXPECT_EQ(field(kept, "city"), "Madrid");
    EXPECT_EQ(field(kept, "phone"), "600123456");
    EXPECT_EQ(directory->getRecords(u(keep), u("invoices")).getLength(), 1);
    bool archived = false;
    for (const auto& entry : directory->getClient(u(other)))
        if (entry.Name == "archived")
            entry.Value >>= archived;
    EXPECT_TRUE(archived);
}

TEST_F(DuplicatesDialog, AGroupMarkedAsNotDuplicatesIsNotShownAgain)
{
    const std::string a = s(directory->addClient(
        fields({{"legalName", "Hermanos Quintana"}, {"phone", "+34 958 11 22 33"}})));
    const std::string b = s(
        directory->addClient(fields({{"legalName", "Hermanos Quintana"}, {"phone", "958112233"}})));
    open();
    ASSERT_EQ(items("lstGroups").size(), 1U) << label("lblStatus");
    ASSERT_TRUE(call("onNotDuplicates"));
    settle();
    EXPECT_TRUE(items("lstGroups").empty());
    EXPECT_EQ(label("lblStatus"), "Marcados como no duplicados: " + a + ", " + b +
                                      ". No se volverán a mostrar juntos.");
    EXPECT_FALSE(enabled("btnMerge"));
    // A lower threshold does not bring them back either.
    choose("lstScore", 0);
    ASSERT_TRUE(call("onSearch"));
    settle();
    EXPECT_TRUE(items("lstGroups").empty());
    EXPECT_EQ(label("lblStatus"),
              "Ningún cliente se parece a otro con una coincidencia del 50 % o más.");
}

} // namespace clientes::testing
