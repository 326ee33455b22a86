// exportClients / exportInvoices through the real office: typed cells (text stays text,
// leading zeros and "=…" included; dates are dates), header style and freeze, AutoFilter on a
// named database range, fitted columns, currency formats and SUBTOTAL totals.
#include "import_export_support.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XDatabaseRanges.hpp>
#include <com/sun/star/sheet/XSheetFilterDescriptor.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

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
class ExportApi : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        directory.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        first = s(directory->addClient(fields({{"legalName", "Ñandú Çedilha, S.A."},
                                               {"taxId", "B-12.345.674"},
                                               {"postalCode", "08001"},
                                               {"phone", "+34 600 000 000"},
                                               {"notes", "=SUMA(A1:A3)"},
                                               {"city", "Barcelona"}})));
        second = s(directory->addClient(fields({{"legalName", "Açores Pescas, Lda."},
                                                {"taxId", "PT 501 964 843"},
                                                {"country", "PT"},
                                                {"postalCode", "9500-326"},
                                                {"city", "Ponta Delgada"}})));
        archived = s(directory->addClient(fields({{"legalName", "Antigua, S.L."}})));
        directory->archiveClient(u(archived));
    }
    static void TearDownTestSuite()
    {
        directory.clear();
        office.reset();
    }

    static Reference<css::table::XCell> cell(const Reference<css::table::XCellRange>& range,
                                             sal_Int32 column, sal_Int32 row)
    {
        return range->getCellByPosition(column, row);
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
    static std::string first, second, archived;
};
std::unique_ptr<Office> ExportApi::office;
Reference<XClientDirectory> ExportApi::directory;
std::string ExportApi::first, ExportApi::second, ExportApi::archived;

namespace
{
sal_Int16 formatType(const SheetDocument& document, const Reference<css::table::XCell>& cell)
{
    sal_Int32 key = 0;
    Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)
        ->getPropertyValue(u("NumberFormat")) >>= key;
    sal_Int16 type = 0;
    Reference<css::util::XNumberFormatsSupplier>(document.document(), UNO_QUERY_THROW)
        ->getNumberFormats()
        ->getByKey(key)
        ->getPropertyValue(u("Type")) >>= type;
    return type;
}

std::string formatString(const SheetDocument& document, const Reference<css::table::XCell>& cell)
{
    sal_Int32 key = 0;
    Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)
        ->getPropertyValue(u("NumberFormat")) >>= key;
    rtl::OUString format;
    Reference<css::util::XNumberFormatsSupplier>(document.document(), UNO_QUERY_THROW)
        ->getNumberFormats()
        ->getByKey(key)
        ->getPropertyValue(u("FormatString")) >>= format;
    return s(format);
}

Reference<css::sheet::XDatabaseRanges> databaseRanges(const SheetDocument& document)
{
    return Reference<css::sheet::XDatabaseRanges>(
        Reference<css::beans::XPropertySet>(document.document(), UNO_QUERY_THROW)
            ->getPropertyValue(u("DatabaseRanges")),
        UNO_QUERY_THROW);
}
} // namespace

TEST_F(ExportApi, ClientsAreTypedCells)
{
    SheetDocument document(*office);
    const auto range = directory->exportClients(document.sheet(), {});
    const auto address =
        Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
    EXPECT_EQ(address.StartRow, 0);
    EXPECT_EQ(address.EndRow, 2); // header + two active clients
    EXPECT_EQ(address.EndColumn, 16);
    const auto data = Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
    EXPECT_EQ(s(data[0][0].get<rtl::OUString>()), "Código");
    EXPECT_EQ(s(data[0][1].get<rtl::OUString>()), "Nombre legal");
    EXPECT_EQ(s(data[0][13].get<rtl::OUString>()), "Móvil");
    EXPECT_EQ(s(data[0][14].get<rtl::OUString>()), "Dirección (línea 2)");
    EXPECT_EQ(s(data[0][15].get<rtl::OUString>()), "Fecha de alta");
    // Ordered by legal name: Açores first.
    EXPECT_EQ(s(data[1][0].get<rtl::OUString>()), second);
    EXPECT_EQ(s(data[2][0].get<rtl::OUString>()), first);
    const sal_Int32 row = 2;
    // Text cells, leading zeros and formula-looking text kept.
    for (sal_Int32 column : {0, 3, 6, 10, 12})
        EXPECT_EQ(cell(range, column, row)->getType(), css::table::CellContentType_TEXT) << column;
    EXPECT_EQ(s(data[2][6].get<rtl::OUString>()), "08001");
    EXPECT_EQ(s(data[2][3].get<rtl::OUString>()), "B-12.345.674");
    EXPECT_EQ(s(data[2][12].get<rtl::OUString>()), "=SUMA(A1:A3)");
    EXPECT_EQ(cell(range, 12, row)->getError(), 0);
    EXPECT_EQ(s(data[2][10].get<rtl::OUString>()), "+34 600 000 000");
    // Dates are numbers with a date format.
    EXPECT_EQ(cell(range, 15, row)->getType(), css::table::CellContentType_VALUE);
    EXPECT_GT(cell(range, 15, row)->getValue(), 45000.0);
    EXPECT_NE(formatType(document, cell(range, 15, row)) & css::util::NumberFormat::DATE, 0);
    EXPECT_EQ(formatType(document, cell(range, 6, row)), css::util::NumberFormat::TEXT);

    // Header bold on a background, frozen.
    float weight = 0;
    Reference<css::beans::XPropertySet>(cell(range, 0, 0), UNO_QUERY_THROW)
        ->getPropertyValue(u("CharWeight")) >>= weight;
    EXPECT_EQ(weight, css::awt::FontWeight::BOLD);
    sal_Int32 background = -1;
    Reference<css::beans::XPropertySet>(cell(range, 5, 0), UNO_QUERY_THROW)
        ->getPropertyValue(u("CellBackColor")) >>= background;
    EXPECT_NE(background, -1);
    const Reference<css::sheet::XViewFreezable> view(
        Reference<css::frame::XModel>(document.document(), UNO_QUERY_THROW)->getCurrentController(),
        UNO_QUERY_THROW);
    EXPECT_TRUE(view->hasFrozenPanes());

    // A database range named "Clientes" over the whole list, with AutoFilter.
    const auto ranges = databaseRanges(document);
    ASSERT_TRUE(ranges->hasByName(u("Clientes")));
    const Reference<css::sheet::XDatabaseRange> database(ranges->getByName(u("Clientes")),
                                                         UNO_QUERY_THROW);
    const auto databaseAddress = database->getDataArea();
    EXPECT_EQ(databaseAddress.EndRow, 2);
    EXPECT_EQ(databaseAddress.EndColumn, 16);
    bool autoFilter = false;
    Reference<css::beans::XPropertySet>(database, UNO_QUERY_THROW)
        ->getPropertyValue(u("AutoFilter")) >>= autoFilter;
    EXPECT_TRUE(autoFilter);

    // Fitted widths: the notes column is wider than the code column, and bounded.
    const auto columns =
        Reference<css::table::XColumnRowRange>(range, UNO_QUERY_THROW)->getColumns();
    sal_Int32 codeWidth = 0;
    sal_Int32 nameWidth = 0;
    Reference<css::beans::XPropertySet>(columns->getByIndex(0), UNO_QUERY_THROW)
        ->getPropertyValue(u("Width")) >>= codeWidth;
    Reference<css::beans::XPropertySet>(columns->getByIndex(1), UNO_QUERY_THROW)
        ->getPropertyValue(u("Width")) >>= nameWidth;
    EXPECT_GT(nameWidth, codeWidth);
    EXPECT_LE(nameWidth, 9000);

    // A second export into the same document gets its own range name.
    SheetDocument again(*office);
    directory->exportClients(document.sheet(), options({{"Codes", strings({"c1"})}}));
    EXPECT_TRUE(ranges->hasByName(u("Clientes_2")));
}

// Undoing the export step by step never brings back a sheet of its own (no helper sheet
// leaves traces in the user's history), and the export works with changes recorded.
TEST_F(ExportApi, UndoableAndWithRecordedChanges)
{
    SheetDocument document(*office);
    directory->exportClients(document.sheet(), {});
    const Reference<css::document::XUndoManager> undo =
        Reference<css::document::XUndoManagerSupplier>(document.document(), UNO_QUERY_THROW)
            ->getUndoManager();
    int steps = 0;
    while (undo->isUndoPossible() && steps < 100)
    {
        undo->undo();
        ++steps;
        EXPECT_EQ(document.document()->getSheets()->getElementNames().getLength(), 1)
            << "after " << steps << " undo steps";
    }
    EXPECT_GT(steps, 0);

    SheetDocument recorded(*office);
    Reference<css::beans::XPropertySet>(recorded.document(), UNO_QUERY_THROW)
        ->setPropertyValue(u("RecordChanges"), Any(true));
    const auto range = directory->exportClients(recorded.sheet(), {});
    const auto columns =
        Reference<css::table::XColumnRowRange>(range, UNO_QUERY_THROW)->getColumns();
    sal_Int32 code = 0;
    sal_Int32 name = 0;
    Reference<css::beans::XPropertySet>(columns->getByIndex(0), UNO_QUERY_THROW)
        ->getPropertyValue(u("Width")) >>= code;
    Reference<css::beans::XPropertySet>(columns->getByIndex(1), UNO_QUERY_THROW)
        ->getPropertyValue(u("Width")) >>= name;
    EXPECT_GT(name, code);
}

TEST_F(ExportApi, ScopeOptions)
{
    const auto rowsOf = [&](const css::uno::Sequence<css::beans::NamedValue>& given)
    {
        SheetDocument document(*office);
        const auto range = directory->exportClients(document.sheet(), given);
        return Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)
            ->getRangeAddress()
            .EndRow;
    };
    EXPECT_EQ(rowsOf({}), 2);
    EXPECT_EQ(rowsOf(options({{"IncludeArchived", Any(true)}})), 3);
    EXPECT_EQ(rowsOf(options({{"Query", Any(u("nandu"))}})), 1);
    EXPECT_EQ(rowsOf(options({{"Codes", strings({"c2", "C-000001"})}})), 2);
    EXPECT_EQ(rowsOf(options({{"Query", Any(u("no existe"))}})), 0);
    SheetDocument document(*office);
    try
    {
        directory->exportClients(document.sheet(), options({{"Query", Any(true)}}));
        FAIL();
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        EXPECT_EQ(s(e.Message), "Query: debe ser un texto.");
    }
    try
    {
        directory->exportClients({}, {});
        FAIL();
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        EXPECT_EQ(s(e.Message).rfind("target: ", 0), 0U);
    }
}

// With Addresses and BankAccounts, the clients' addresses and accounts follow on sheets of
// their own: one row per record with the client's code and name, choices and checks as words
// of the office's language, everything as text.
TEST_F(ExportApi, AddressesAndBankAccountsOnSheetsOfTheirOwn)
{
    const sal_Int64 address = directory->addRecord(u(second), u("addresses"),
                                                   fields({{"type", "shipping"},
                                                           {"name", "Armazém"},
                                                           {"postalCode", "09500"},
                                                           {"city", "Ponta Delgada"},
                                                           {"country", "pt"}}));
    const sal_Int64 account = directory->addRecord(
        u(first), u("bankAccounts"),
        fields({{"iban", "ES91 2100 0418 4502 0005 1333"}, {"bic", "CAIXESBBXXX"}}));
    SheetDocument document(*office);
    directory->exportClients(document.sheet(),
                             options({{"Addresses", Any(true)}, {"BankAccounts", Any(true)}}));
    const Reference<css::container::XNameAccess> sheets(document.document()->getSheets(),
                                                        UNO_QUERY_THROW);
    ASSERT_TRUE(sheets->hasByName(u("Direcciones")));
    ASSERT_TRUE(sheets->hasByName(u("Cuentas bancarias")));
    const Reference<css::table::XCellRange> addresses(sheets->getByName(u("Direcciones")),
                                                      UNO_QUERY_THROW);
    EXPECT_EQ(s(cell(addresses, 0, 0)->getFormula()), "Código");
    EXPECT_EQ(s(cell(addresses, 2, 0)->getFormula()), "Tipo");
    EXPECT_EQ(s(cell(addresses, 0, 1)->getFormula()), second);
    EXPECT_EQ(s(cell(addresses, 1, 1)->getFormula()), "Açores Pescas, Lda.");
    EXPECT_EQ(s(cell(addresses, 2, 1)->getFormula()), "Envío");
    EXPECT_EQ(s(cell(addresses, 3, 1)->getFormula()), "Armazém");
    // Text, not a number: the postal code keeps its zero.
    EXPECT_EQ(cell(addresses, 6, 1)->getType(), css::table::CellContentType_TEXT);
    EXPECT_EQ(s(cell(addresses, 6, 1)->getFormula()), "'09500"); // Calc's mark of such text
    EXPECT_EQ(s(cell(addresses, 9, 1)->getFormula()), "PT");
    EXPECT_EQ(cell(addresses, 0, 2)->getType(), css::table::CellContentType_EMPTY);
    const Reference<css::table::XCellRange> accounts(sheets->getByName(u("Cuentas bancarias")),
                                                     UNO_QUERY_THROW);
    EXPECT_EQ(s(cell(accounts, 2, 0)->getFormula()), "IBAN");
    EXPECT_EQ(s(cell(accounts, 0, 1)->getFormula()), first);
    EXPECT_EQ(s(cell(accounts, 2, 1)->getFormula()), "ES9121000418450200051333");
    EXPECT_EQ(s(cell(accounts, 3, 1)->getFormula()), "CAIXESBBXXX");
    EXPECT_EQ(s(cell(accounts, 6, 1)->getFormula()),
              "Dígitos de control incorrectos: ¿un número mal copiado?");
    EXPECT_EQ(s(cell(accounts, 7, 1)->getFormula()), "Correcto");
    // The addresses sheet imports back as the client's addresses: nothing new, no client
    // touched.
    const auto imported =
        directory->importClients(addresses->getCellRangeByName(u("A1:L2")), options({}));
    EXPECT_EQ(count(imported, "Created"), 0);
    EXPECT_EQ(count(imported, "Updated"), 0);
    EXPECT_EQ(count(imported, "Addresses"), 0);
    EXPECT_EQ(count(imported, "Unchanged"), 1);
    directory->removeRecord(u("addresses"), address);
    directory->removeRecord(u("bankAccounts"), account);
}

// The contact persons too, on their own sheet; edited there (a new person added) and imported
// back, the new person is added to the client its code names and the others are left alone.
TEST_F(ExportApi, ContactPersonsOnASheetOfTheirOwnAndBack)
{
    const sal_Int64 person = directory->addRecord(
        u(first), u("contacts"),
        fields({{"name", "Marta Ruiz"}, {"role", "Compras"}, {"mobile", "600111222"}}));
    SheetDocument document(*office);
    directory->exportClients(document.sheet(), options({{"Contacts", Any(true)}}));
    const Reference<css::container::XNameAccess> sheets(document.document()->getSheets(),
                                                        UNO_QUERY_THROW);
    ASSERT_TRUE(sheets->hasByName(u("Personas de contacto")));
    EXPECT_FALSE(sheets->hasByName(u("Direcciones")));
    const Reference<css::table::XCellRange> people(sheets->getByName(u("Personas de contacto")),
                                                   UNO_QUERY_THROW);
    EXPECT_EQ(s(cell(people, 0, 0)->getFormula()), "Código");
    EXPECT_EQ(s(cell(people, 3, 0)->getFormula()), "Cargo");
    EXPECT_EQ(s(cell(people, 0, 1)->getFormula()), first);
    EXPECT_EQ(s(cell(people, 2, 1)->getFormula()), "Marta Ruiz");
    EXPECT_EQ(s(cell(people, 3, 1)->getFormula()), "Compras");
    EXPECT_EQ(cell(people, 0, 2)->getType(), css::table::CellContentType_EMPTY);
    // A second person typed under the first, then the sheet imported back.
    cell(people, 0, 2)->setFormula(u(first));
    cell(people, 2, 2)->setFormula(u("Luis Gil"));
    cell(people, 3, 2)->setFormula(u("Gerente"));
    const auto imported =
        directory->importClients(people->getCellRangeByName(u("A1:G3")), options({}));
    EXPECT_EQ(count(imported, "Created"), 0);
    EXPECT_EQ(count(imported, "Updated"), 0);
    EXPECT_EQ(count(imported, "Contacts"), 1);
    const auto contacts = directory->getRecords(u(first), u("contacts"));
    ASSERT_EQ(contacts.getLength(), 2);
    std::set<std::string> names;
    for (const auto& contact : contacts)
        names.insert(field(contact, "name") + "/" + field(contact, "role"));
    EXPECT_EQ(names, (std::set<std::string>{"Marta Ruiz/Compras", "Luis Gil/Gerente"}));
    directory->undoLastImport();
    EXPECT_EQ(directory->getRecords(u(first), u("contacts")).getLength(), 1);
    directory->removeRecord(u("contacts"), person);
}

TEST_F(ExportApi, InvoicesWithCurrencyFormatsAndSubtotals)
{
    const auto addInvoice = [&](const std::string& client, const char* number, const char* date,
                                const char* net, const char* tax, const char* currency,
                                const char* status)
    {
        const auto fieldsOf = [&]
        {
            css::uno::Sequence<css::beans::NamedValue> values = fields({{"number", number},
                                                                        {"issueDate", date},
                                                                        {"currency", currency},
                                                                        {"status", status}});
            values.realloc(values.getLength() + 3);
            auto* out = values.getArray() + values.getLength() - 3;
            out[0] = css::beans::NamedValue(u("net"), Any(u(net)));
            out[1] = css::beans::NamedValue(u("tax"), Any(u(tax)));
            const double total = std::stod(net) + std::stod(tax);
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.2f", total);
            out[2] = css::beans::NamedValue(u("total"), Any(u(buffer)));
            return values;
        };
        directory->addRecord(u(client), u("invoices"), fieldsOf());
    };
    addInvoice(first, "F-2024-001", "2024-01-15", "100.00", "21.00", "EUR", "paid");
    addInvoice(first, "F-2024-002", "2024-02-15", "200.00", "42.00", "EUR", "authorised");
    addInvoice(second, "F-2024-003", "2024-03-15", "50.00", "11.50", "EUR", "paid");
    addInvoice(second, "U-1", "2024-03-20", "10.00", "0.00", "USD", "paid");

    SheetDocument document(*office);
    const auto range = directory->exportInvoices(document.sheet(), {});
    const auto address =
        Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
    // Header, 4 invoices, an empty row, 3 group totals and 2 currency totals.
    EXPECT_EQ(address.EndRow, 4 + 1 + 3 + 2);
    const auto data =
        Reference<css::sheet::XCellRangeData>(document.range("A1:K5"), UNO_QUERY_THROW)
            ->getDataArray();
    EXPECT_EQ(s(data[0][0].get<rtl::OUString>()), "Número de factura");
    EXPECT_EQ(s(data[0][1].get<rtl::OUString>()), "Cliente");
    EXPECT_EQ(s(data[0][2].get<rtl::OUString>()), "NIF del cliente");
    // Issued first, then paid by currency and date.
    EXPECT_EQ(s(data[1][0].get<rtl::OUString>()), "F-2024-002");
    EXPECT_EQ(s(data[1][9].get<rtl::OUString>()), "Emitida");
    EXPECT_EQ(s(data[2][0].get<rtl::OUString>()), "F-2024-001");
    EXPECT_EQ(s(data[2][1].get<rtl::OUString>()), "Ñandú Çedilha, S.A.");
    EXPECT_EQ(s(data[2][2].get<rtl::OUString>()), "B-12.345.674");
    EXPECT_EQ(data[2][3].get<double>(), 45306.0); // 2024-01-15
    EXPECT_EQ(data[2][7].get<double>(), 121.0);
    EXPECT_EQ(s(data[4][0].get<rtl::OUString>()), "U-1");
    EXPECT_NE(formatType(document, document.range("D2")->getCellByPosition(0, 0)) &
                  css::util::NumberFormat::DATE,
              0);
    EXPECT_NE(formatType(document, document.range("H2")->getCellByPosition(0, 0)) &
                  css::util::NumberFormat::CURRENCY,
              0);
    // The test documents' locale is en-US: dollars get the locale's own currency format, euros
    // a format with their code.
    EXPECT_NE(formatString(document, document.range("H2")->getCellByPosition(0, 0)).find("EUR"),
              std::string::npos)
        << formatString(document, document.range("H2")->getCellByPosition(0, 0));
    EXPECT_NE(
        formatString(document, document.range("H5")->getCellByPosition(0, 0)).find("[$$-409]"),
        std::string::npos)
        << formatString(document, document.range("H5")->getCellByPosition(0, 0));

    // Totals: SUBTOTAL(109; …) per status and currency, then per currency.
    const auto totalCell = [&](const char* name)
    { return document.range(name)->getCellByPosition(0, 0); };
    EXPECT_EQ(s(totalCell("E7")->getFormula()), "Total Emitida (EUR)");
    EXPECT_EQ(s(totalCell("H7")->getFormula()), "=SUBTOTAL(109;H2:H2)");
    EXPECT_EQ(s(totalCell("H8")->getFormula()), "=SUBTOTAL(109;H3:H4)");
    EXPECT_EQ(totalCell("H8")->getValue(), 121.0 + 61.5);
    EXPECT_EQ(s(totalCell("E10")->getFormula()), "Total (EUR)");
    EXPECT_EQ(s(totalCell("H10")->getFormula()), "=SUBTOTAL(109;H2:H2;H3:H4)");
    EXPECT_EQ(totalCell("H10")->getValue(), 242.0 + 121.0 + 61.5);
    EXPECT_EQ(totalCell("H11")->getValue(), 10.0);

    const auto ranges = databaseRanges(document);
    ASSERT_TRUE(ranges->hasByName(u("Facturas")));
    EXPECT_EQ(
        Reference<css::sheet::XDatabaseRange>(ranges->getByName(u("Facturas")), UNO_QUERY_THROW)
            ->getDataArea()
            .EndRow,
        4); // the totals stay out of the filtered range

    // Filters: period and status.
    SheetDocument filtered(*office);
    const auto paid = directory->exportInvoices(
        filtered.sheet(), options({{"Status", Any(u("paid"))}, {"From", Any(u("2024-02-01"))}}));
    const auto paidData =
        Reference<css::sheet::XCellRangeData>(filtered.range("A1:A3"), UNO_QUERY_THROW)
            ->getDataArray();
    EXPECT_EQ(s(paidData[1][0].get<rtl::OUString>()), "F-2024-003");
    EXPECT_EQ(s(paidData[2][0].get<rtl::OUString>()), "U-1");
    try
    {
        directory->exportInvoices(filtered.sheet(), options({{"To", Any(u("31/12/2024"))}}));
        FAIL();
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        EXPECT_EQ(s(e.Message), "To: «31/12/2024» no es una fecha AAAA-MM-DD.");
    }
    try
    {
        directory->exportInvoices(filtered.sheet(), options({{"Status", Any(u("pagada"))}}));
        FAIL();
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        EXPECT_EQ(s(e.Message).rfind("Status: ", 0), 0U);
    }
    (void)paid;
}
} // namespace clientes::testing
