// "Editar en Calc" through the real office: a sheet bound to the register, edited (changed,
// new, cleared and wrong rows), published as one undoable batch, a conflicting row changed
// through the API meanwhile, refreshed keeping unpublished edits, saved as .ods, reopened and
// published.
#include "calc_document.hpp"
#include "import_export_support.hpp"

#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XSimpleText.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{
constexpr sal_Int32 kCode = 0, kLegalName = 1, kCity = 7, kEmail = 9, kPhone = 10;

class EditInCalc : public ::testing::Test
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

    static std::string add(const std::string& name, const std::string& city)
    {
        return s(directory->addClient(
            fields({{"legalName", name}, {"city", city}, {"email", "info@example.es"}})));
    }
    static std::string field(const std::string& code, const char* name)
    {
        for (const auto& value : directory->getClient(u(code)))
            if (value.Name.equalsAscii(name))
            {
                rtl::OUString text;
                bool flag = false;
                if (value.Value >>= text)
                    return s(text);
                if (value.Value >>= flag)
                    return flag ? "true" : "false";
            }
        return "?";
    }

    static Reference<css::table::XCell> cell(const SheetDocument& doc, sal_Int32 column,
                                             sal_Int32 row)
    {
        return Reference<css::table::XCellRange>(doc.sheet(), UNO_QUERY_THROW)
            ->getCellByPosition(column, row);
    }
    static std::string text(const SheetDocument& doc, sal_Int32 column, sal_Int32 row)
    {
        return s(cell(doc, column, row)->getFormula());
    }
    static void type(const SheetDocument& doc, sal_Int32 column, sal_Int32 row,
                     const std::string& value)
    {
        cell(doc, column, row)->setFormula(u(value));
    }
    // The 0-based sheet row showing the client's code.
    static sal_Int32 rowOf(const SheetDocument& doc, const std::string& code)
    {
        for (sal_Int32 row = 1; row < 200; ++row)
            if (text(doc, kCode, row) == code)
                return row;
        ADD_FAILURE() << code << " is on no row";
        return 0;
    }
    static std::string annotation(const SheetDocument& doc, sal_Int32 column, sal_Int32 row)
    {
        return s(Reference<css::text::XSimpleText>(Reference<css::sheet::XSheetAnnotationAnchor>(
                                                       cell(doc, column, row), UNO_QUERY_THROW)
                                                       ->getAnnotation(),
                                                   UNO_QUERY_THROW)
                     ->getString());
    }
    static Reference<css::table::XCellRange> edit(const SheetDocument& doc,
                                                  std::initializer_list<const char*> codes)
    {
        return directory->editClientsInSheet(doc.sheet(), options({{"Codes", strings(codes)}}));
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
};
std::unique_ptr<Office> EditInCalc::office;
Reference<XClientDirectory> EditInCalc::directory;

std::string joined(const std::vector<std::string>& lines)
{
    std::string all;
    for (const std::string& line : lines)
        all += line + "\n";
    return all;
}

TEST_F(EditInCalc, PublishesChangedNewAndClearedRowsAsOneBatchAfterAnErrorRowWroteNothing)
{
    const std::string alfa = add("Alfa Edición, S.L.", "Madrid");
    const std::string beta = add("Beta Edición, S.L.", "Sevilla");
    const std::string gamma = add("Gamma Edición, S.L.", "Vigo");
    SheetDocument doc(*office);
    const auto written = edit(doc, {alfa.c_str(), beta.c_str(), gamma.c_str()});
    EXPECT_EQ(Reference<css::sheet::XCellRangeAddressable>(written, UNO_QUERY_THROW)
                  ->getRangeAddress()
                  .EndRow,
              3);
    EXPECT_EQ(text(doc, kLegalName, 0), "Nombre legal");
    // Nothing edited yet: publishing writes nothing.
    auto result = directory->publishSheet(doc.sheet(), {});
    EXPECT_EQ(count(result, "Updated") + count(result, "Created") + count(result, "Archived"), 0);

    type(doc, kCity, rowOf(doc, beta), "Cádiz");
    type(doc, kLegalName, 4, "Delta Nueva Edición, S.L.");
    type(doc, kCity, 4, "León");
    Reference<css::sheet::XSheetOperation>(
        Reference<css::table::XCellRange>(doc.sheet(), UNO_QUERY_THROW)
            ->getCellRangeByPosition(0, rowOf(doc, gamma), 14, rowOf(doc, gamma)),
        UNO_QUERY_THROW)
        ->clearContents(css::sheet::CellFlags::STRING | css::sheet::CellFlags::VALUE);
    const sal_Int32 alfaRow = rowOf(doc, alfa);
    type(doc, kEmail, alfaRow, "alfa@"); // wrong

    result = directory->publishSheet(doc.sheet(), {});
    EXPECT_EQ(count(result, "Errors"), 1) << joined(problems(result));
    EXPECT_FALSE(resultValue(result, "Written").get<bool>());
    ASSERT_EQ(problems(result).size(), 1u);
    EXPECT_EQ(problems(result)[0].rfind(
                  "fila " + std::to_string(alfaRow + 1) + ", Correo electrónico: ", 0),
              0u)
        << problems(result)[0];
    EXPECT_NE(annotation(doc, kEmail, alfaRow).find("correo electrónico no es válido"),
              std::string::npos)
        << annotation(doc, kEmail, alfaRow);
    EXPECT_EQ(field(beta, "city"), "Sevilla");
    EXPECT_EQ(field(gamma, "archived"), "false");

    type(doc, kEmail, alfaRow, "alfa@example.es");
    result = directory->publishSheet(doc.sheet(), {});
    EXPECT_TRUE(resultValue(result, "Written").get<bool>()) << joined(problems(result));
    EXPECT_EQ(count(result, "Updated"), 2);
    EXPECT_EQ(count(result, "Created"), 1);
    EXPECT_EQ(count(result, "Archived"), 1);
    EXPECT_EQ(field(beta, "city"), "Cádiz");
    EXPECT_EQ(field(alfa, "email"), "alfa@example.es");
    EXPECT_EQ(field(gamma, "archived"), "true");
    const std::string delta = text(doc, kCode, 4);
    EXPECT_EQ(delta.rfind("C-", 0), 0u) << "the new row shows its code: " << delta;
    EXPECT_EQ(field(delta, "city"), "León");

    // Publishing twice changes nothing the second time.
    result = directory->publishSheet(doc.sheet(), {});
    EXPECT_FALSE(resultValue(result, "Written").get<bool>());
    EXPECT_EQ(count(result, "Updated") + count(result, "Created") + count(result, "Archived"), 0);

    // Undone as one batch, like an import.
    EXPECT_EQ(directory->undoLastImport(), 4);
    EXPECT_EQ(field(beta, "city"), "Sevilla");
    EXPECT_EQ(field(gamma, "archived"), "false");
    EXPECT_THROW(directory->getClient(u(delta)), css::container::NoSuchElementException);
}

TEST_F(EditInCalc, ARowChangedThroughTheApiMeanwhileIsAConflictUntilTheUserKeepsTheirs)
{
    const std::string code = add("Conflicto Edición, S.L.", "Huesca");
    SheetDocument doc(*office);
    edit(doc, {code.c_str()});
    type(doc, kCity, 1, "Teruel");
    directory->updateClient(u(code), fields({{"city", "Jaca"}, {"phone", "+34 974 000 000"}}));

    auto result = directory->publishSheet(doc.sheet(), {});
    EXPECT_EQ(count(result, "Conflicts"), 1);
    EXPECT_FALSE(resultValue(result, "Written").get<bool>());
    EXPECT_NE(joined(problems(result)).find("«Jaca»"), std::string::npos)
        << joined(problems(result));
    EXPECT_NE(annotation(doc, kCity, 1).find("«Teruel»"), std::string::npos)
        << annotation(doc, kCity, 1);
    EXPECT_EQ(field(code, "city"), "Jaca");

    result = directory->publishSheet(doc.sheet(), options({{"Conflicts", Any(u("mine"))}}));
    EXPECT_TRUE(resultValue(result, "Written").get<bool>()) << joined(problems(result));
    EXPECT_EQ(field(code, "city"), "Teruel");
    EXPECT_EQ(field(code, "phone"), "+34 974 000 000"); // their change to another field stays
    EXPECT_EQ(text(doc, kPhone, 1), "+34 974 000 000");

    EXPECT_THROW(directory->publishSheet(doc.sheet(), options({{"Conflicts", Any(u("whatever"))}})),
                 css::lang::IllegalArgumentException);
}

TEST_F(EditInCalc, RefreshKeepsEditsAndTheBindingSurvivesSavingAndReopening)
{
    const std::string one = add("Uno Refresco, S.L.", "Lugo");
    const std::string two = add("Dos Refresco, S.L.", "Ourense");
    const auto file = office->workDir() / "bound.ods";
    {
        SheetDocument doc(*office);
        edit(doc, {one.c_str(), two.c_str()});
        type(doc, kCity, rowOf(doc, one), "Monforte");
        directory->updateClient(u(two), fields({{"phone", "+34 988 111 222"}}));
        const auto result = directory->refreshSheet(doc.sheet());
        EXPECT_EQ(count(result, "Updated"), 1);
        EXPECT_EQ(count(result, "KeptEdits"), 1);
        EXPECT_EQ(count(result, "Conflicts"), 0);
        EXPECT_EQ(text(doc, kPhone, rowOf(doc, two)), "+34 988 111 222");
        EXPECT_EQ(text(doc, kCity, rowOf(doc, one)), "Monforte");
        doc.storeTo(file, "calc8");
    }
    EXPECT_EQ(field(one, "city"), "Lugo");
    SheetDocument reopened(*office, "file://" + file.string());
    EXPECT_EQ(text(reopened, kCity, rowOf(reopened, one)), "Monforte");
    const auto result = directory->publishSheet(reopened.sheet(), {});
    EXPECT_TRUE(resultValue(result, "Written").get<bool>()) << joined(problems(result));
    EXPECT_EQ(count(result, "Updated"), 1);
    EXPECT_EQ(field(one, "city"), "Monforte");
    EXPECT_EQ(field(two, "phone"), "+34 988 111 222");

    // A sheet that was never bound is told so.
    SheetDocument plain(*office);
    EXPECT_THROW(directory->publishSheet(plain.sheet(), {}), css::lang::IllegalArgumentException);
}
std::string labelOf(CalcDocument& document, const char* control)
{
    rtl::OUString text;
    Reference<css::beans::XPropertySet>(document.panelControl(control)->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue(u("Label")) >>= text;
    return s(text);
}

sal_Int32 background(const Reference<css::table::XCell>& cell)
{
    sal_Int32 color = -1;
    Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)
        ->getPropertyValue(u("CellBackColor")) >>= color;
    return color;
}

TEST_F(EditInCalc, TheDeckShowsWhatIsPendingHighlightsEditedCellsAndPublishes)
{
    const std::string code = add("Panel Edición, S.L.", "Soria");
    CalcDocument calc(*office);
    calc.openClientesPanel();
    const Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(
            Reference<css::sheet::XSpreadsheetDocument>(calc.component(), UNO_QUERY_THROW)
                ->getSheets(),
            UNO_QUERY_THROW)
            ->getByIndex(0),
        UNO_QUERY_THROW);
    directory->editClientsInSheet(sheet, options({{"Codes", strings({code.c_str()})}}));
    EXPECT_TRUE(eventually(
        *office, [&]
        { return labelOf(calc, "PendingEdits").find("nada por publicar") != std::string::npos; }))
        << labelOf(calc, "PendingEdits");
    const Reference<css::table::XCell> city =
        Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)->getCellByPosition(kCity, 1);
    const sal_Int32 before = background(city);

    city->setFormula(u("Almazán"));
    Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
        ->getCellByPosition(kLegalName, 2)
        ->setFormula(u("Nuevo desde el panel, S.L."));
    EXPECT_TRUE(eventually(*office,
                           [&] { return labelOf(calc, "PendingEdits") == "1 cambiado · 1 nuevo"; }))
        << labelOf(calc, "PendingEdits");
    EXPECT_TRUE(eventually(*office, [&] { return background(city) == 0xDDEBF7; }))
        << std::hex << background(city);

    calc.press("PublishChanges");
    EXPECT_TRUE(eventually(*office, [&] { return field(code, "city") == "Almazán"; }));
    EXPECT_TRUE(eventually(
        *office,
        [&]
        {
            return labelOf(calc, "PendingEdits").find("Publicado: 1 cambiados, 1 nuevos") !=
                   std::string::npos;
        }))
        << labelOf(calc, "PendingEdits");
    EXPECT_EQ(background(city), before) << "the highlight goes once published";
    EXPECT_EQ(s(Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                    ->getCellByPosition(kCode, 2)
                    ->getFormula())
                  .rfind("C-", 0),
              0u);
}
TEST_F(EditInCalc, ARefreshedInvoiceListKeepsTheUsersColumnsBesideTheirRowsAndItsTotals)
{
    const std::string client = add("Facturas Refresco, S.L.", "Teruel");
    const auto addInvoice = [&](const char* number, const char* date, const char* status)
    {
        auto values = fields({{"number", number},
                              {"issueDate", date},
                              {"currency", "EUR"},
                              {"status", status},
                              {"net", "100.00"},
                              {"tax", "21.00"},
                              {"total", "121.00"}});
        return directory->addRecord(u(client), u("invoices"), values);
    };
    const sal_Int64 one = addInvoice("R-1", "2031-01-10", "authorised");
    const sal_Int64 two = addInvoice("R-2", "2031-01-11", "authorised");
    addInvoice("R-3", "2031-01-12", "paid");
    SheetDocument doc(*office);
    directory->exportInvoices(doc.sheet(), options({{"From", Any(u("2031-01-01"))}}));
    ASSERT_EQ(text(doc, 0, 1), "R-1");
    ASSERT_EQ(text(doc, 0, 3), "R-3");
    // The user's own columns beside the list: a formula on each row, a note on R-1's.
    for (sal_Int32 row = 1; row <= 3; ++row)
        type(doc, 12, row, "=H" + std::to_string(row + 1) + "*2");
    type(doc, 13, 1, "nota de R-1");

    directory->updateRecord(u("invoices"), one, fields({{"status", "paid"}}));
    directory->removeRecord(u("invoices"), two);
    addInvoice("R-4", "2031-01-13", "authorised");
    const auto result = directory->refreshSheet(doc.sheet());
    EXPECT_EQ(count(result, "Added"), 1);
    EXPECT_EQ(count(result, "Removed"), 1);
    // Issued first (R-4), then paid (R-1, R-3): R-1's row moved with its note and formula.
    EXPECT_EQ(text(doc, 0, 1), "R-4");
    EXPECT_EQ(text(doc, 0, 2), "R-1");
    EXPECT_EQ(text(doc, 0, 3), "R-3");
    EXPECT_EQ(text(doc, 13, 2), "nota de R-1");
    EXPECT_EQ(text(doc, 12, 2), "=H3*2");
    EXPECT_EQ(cell(doc, 12, 2)->getValue(), 242.0);
    EXPECT_EQ(text(doc, 12, 3), "=H4*2");
    EXPECT_EQ(text(doc, 12, 1), ""); // R-4's row is new
    // The totals follow the groups as they are now.
    EXPECT_EQ(text(doc, 4, 5), "Total Emitida (EUR)");
    EXPECT_EQ(text(doc, 7, 5), "=SUBTOTAL(109;H2:H2)");
    EXPECT_EQ(text(doc, 4, 6), "Total Pagada (EUR)");
    EXPECT_EQ(cell(doc, 7, 6)->getValue(), 242.0);
    EXPECT_EQ(text(doc, 4, 8), "");

    // Refreshing again changes nothing.
    const auto again = directory->refreshSheet(doc.sheet());
    EXPECT_EQ(count(again, "Added") + count(again, "Removed") + count(again, "Moved"), 0);
    EXPECT_EQ(text(doc, 13, 2), "nota de R-1");
}
} // namespace
} // namespace clientes::testing
