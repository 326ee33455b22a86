// The Calc functions (org.clientes.calc.Functions, config/CalcAddIns.xcu) in a real office:
// their names and descriptions in Spanish and English as the Function Wizard lists them,
// each function with a valid, an unknown and a bad argument, cells that follow the register by
// themselves (XVolatileResult) and only those that depend on the change, and a document saved
// as .ods and opened again.
#include "core/register/register.hpp"
#include "import_export_support.hpp"
#include "office.hpp"
#include "pg_server.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <org/clientes/XClientDirectory.hpp>
#include <org/clientes/XClientesFunctions.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <set>
#include <thread>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;
using org::clientes::XClientesFunctions;

namespace clientes::testing
{
namespace
{
constexpr sal_Int32 kNotAvailable = 32767; // FormulaError::NotAvailable: #N/A
constexpr sal_Int32 kIllegalArgument = 502;

sal_Int64 statistic(const Reference<XClientesFunctions>& functions, const char* name)
{
    sal_Int64 number = -1;
    for (const auto& value : functions->getLiveStatistics())
        if (value.Name.equalsAscii(name))
            value.Value >>= number;
    return number;
}

// The name setFormula and the .ods file use: the AddIn's programmatic name (the English
// display name is for an English UI or Calc's "English function names" option).
std::string api(const std::string& method)
{
    std::string upper = method;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "ORG.CLIENTES.CALC.FUNCTIONS." + upper;
}

// A Calc document and its cells, formulas in the office's language (FormulaLocal) or in
// the API's grammar (setFormula).
class Sheet : public SheetDocument
{
public:
    using SheetDocument::SheetDocument;

    Reference<css::table::XCell> cell(const std::string& name) const
    {
        return Reference<css::table::XCell>(
            Reference<css::table::XCellRange>(sheet(), UNO_QUERY_THROW)
                ->getCellRangeByName(u(name))
                ->getCellByPosition(0, 0),
            UNO_QUERY_THROW);
    }
    void local(const std::string& name, const std::string& formula) const
    {
        Reference<css::beans::XPropertySet>(cell(name), UNO_QUERY_THROW)
            ->setPropertyValue(u("FormulaLocal"), Any(u(formula)));
    }
    std::string localFormula(const std::string& name) const
    {
        rtl::OUString formula;
        Reference<css::beans::XPropertySet>(cell(name), UNO_QUERY_THROW)
            ->getPropertyValue(u("FormulaLocal")) >>= formula;
        return s(formula);
    }
    void formula(const std::string& name, const std::string& formula) const
    {
        cell(name)->setFormula(u(formula));
    }
    std::string text(const std::string& name) const
    {
        return s(Reference<css::text::XTextRange>(cell(name), UNO_QUERY_THROW)->getString());
    }
    double value(const std::string& name) const { return cell(name)->getValue(); }
    sal_Int32 error(const std::string& name) const { return cell(name)->getError(); }
};

// The Function Wizard's entry of a function (css.sheet.FunctionDescriptions): its description
// and its arguments' names.
struct Description
{
    std::string description;
    std::vector<std::string> arguments;
    bool found = false;
};

Description describe(const Office& office, const std::string& name)
{
    const Reference<css::container::XIndexAccess> all(
        office.create("com.sun.star.sheet.FunctionDescriptions"), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < all->getCount(); ++i)
    {
        Sequence<css::beans::PropertyValue> properties;
        all->getByIndex(i) >>= properties;
        Description entry;
        std::string entryName;
        for (const auto& property : properties)
        {
            rtl::OUString text;
            if (property.Name == "Name" && (property.Value >>= text))
                entryName = s(text);
            else if (property.Name == "Description" && (property.Value >>= text))
                entry.description = s(text);
            else if (property.Name == "Arguments")
            {
                Sequence<css::sheet::FunctionArgument> arguments;
                property.Value >>= arguments;
                for (const auto& argument : arguments)
                    entry.arguments.push_back(s(argument.Name));
            }
        }
        if (entryName == name)
        {
            entry.found = true;
            return entry;
        }
    }
    return {};
}

class CalcFunctions : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        Reference<XClientDirectory> clients(office->create("org.clientes.ClientDirectory"),
                                            UNO_QUERY_THROW);
        first = s(clients->addClient(fields({{"legalName", "Pérez Díaz, S.L."},
                                             {"taxId", "B12345674"},
                                             {"country", "ES"},
                                             {"city", "Madrid"},
                                             {"currency", "EUR"},
                                             {"paymentTerms", "30"}})));
        second = s(clients->addClient(
            fields({{"legalName", "Padaria Conceição"}, {"country", "PT"}, {"city", "Lisboa"}})));
        clients->addRecord(u(first), u("invoices"),
                           anyFields({{"number", Any(u("CF-1"))},
                                      {"issueDate", Any(u(isoDay(-40)))},
                                      {"dueDate", Any(u(isoDay(-10)))},
                                      {"total", Any(121.0)},
                                      {"status", Any(u("authorised"))}}));
        clients->addRecord(u(first), u("invoices"),
                           anyFields({{"number", Any(u("CF-2"))},
                                      {"issueDate", Any(u(isoDay(0)))},
                                      {"dueDate", Any(u(isoDay(30)))},
                                      {"total", Any(50.5)},
                                      {"status", Any(u("authorised"))}}));
        const sal_Int64 project =
            clients->addRecord(u(first), u("projects"), fields({{"name", "Web"}}));
        clients->addRecord(u(std::to_string(project)), u("timeEntries"),
                           anyFields({{"date", Any(u("2024-05-02"))}, {"hours", Any(2.5)}}));
    }
    static void TearDownTestSuite() { office.reset(); }

    void SetUp() override
    {
        clients.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        functions.set(office->create("org.clientes.calc.Functions"), UNO_QUERY_THROW);
    }

    static std::unique_ptr<Office> office;
    static std::string first;
    static std::string second;
    Reference<XClientDirectory> clients;
    Reference<XClientesFunctions> functions;
};
std::unique_ptr<Office> CalcFunctions::office;
std::string CalcFunctions::first;
std::string CalcFunctions::second;
} // namespace

TEST_F(CalcFunctions, SpanishNamesValidUnknownAndBadArguments)
{
    const Sheet sheet(*office);
    sheet.local("A1", "=CLIENTE(\"" + first + "\";\"Nombre legal\")");
    sheet.local("A2", "=CLIENTE(\"b-12.345.674\";\"city\")");
    sheet.local("A3", "=CLIENTE(\"C-999999\";\"ciudad\")");
    sheet.local("A4", "=CLIENTE(\"" + first + "\";\"no existe\")");
    sheet.local("A5", "=CLIENTE(\"" + first + "\";\"Plazo de pago (días)\")");
    sheet.local("B1", "=NIF.VALIDO(\"B-12.345.674\")");
    sheet.local("B2", "=NIF.VALIDO(\"B12345675\")");
    sheet.local("B3", "=NIF.VALIDO(\"B12345674\";\"España\")");
    sheet.local("C1", "=CLIENTES.BUSCAR(\"madrid\")");
    sheet.local("C2", "=CLIENTES.BUSCAR(\"zzzzqqq\")");
    sheet.local("C3", "=CLIENTES.BUSCAR(\"madrid\";0)");
    sheet.local("D1", "=CLIENTE.PENDIENTE(\"" + first + "\")");
    sheet.local("D2", "=CLIENTE.PENDIENTE(\"nadie\")");
    sheet.local("D3", "=CLIENTE.PENDIENTE(\"" + first + "\";\"EUROS\")");
    sheet.local("E1", "=CLIENTE.VENCIDO(\"" + first + "\";\"eur\")");
    sheet.local("E2", "=CLIENTE.VENCIDO(\"nadie\")");
    sheet.local("E3", "=CLIENTE.VENCIDO(\"" + first + "\";1)");
    sheet.local("F1", "=CLIENTE.HORAS(\"" + first + "\";\"2024-05-01\";\"2024-05-31\")");
    sheet.local("F2", "=CLIENTE.HORAS(\"nadie\")");
    sheet.local("F3", "=CLIENTE.HORAS(\"" + first + "\";\"ayer\")");
    sheet.local("G1", "=CLIENTE.FACTURADO(\"" + first + "\")");
    sheet.local("G2", "=CLIENTE.FACTURADO(\"nadie\")");
    sheet.local("G3", "=CLIENTE.FACTURADO(\"" + first + "\";\"2024-12-31\";\"2024-01-01\")");

    EXPECT_EQ(sheet.text("A1"), "Pérez Díaz, S.L.");
    EXPECT_EQ(sheet.text("A2"), "Madrid");
    EXPECT_EQ(sheet.error("A3"), kNotAvailable);
    EXPECT_EQ(sheet.error("A4"), kIllegalArgument);
    EXPECT_EQ(sheet.value("A5"), 30.0);
    EXPECT_EQ(sheet.value("B1"), 1.0);
    EXPECT_EQ(sheet.value("B2"), 0.0);
    EXPECT_EQ(sheet.error("B3"), kIllegalArgument);
    EXPECT_EQ(sheet.text("C1"), first);
    EXPECT_EQ(sheet.error("C2"), kNotAvailable);
    EXPECT_EQ(sheet.error("C3"), kIllegalArgument);
    EXPECT_DOUBLE_EQ(sheet.value("D1"), 171.5);
    EXPECT_EQ(sheet.error("D2"), kNotAvailable);
    EXPECT_EQ(sheet.error("D3"), kIllegalArgument);
    EXPECT_DOUBLE_EQ(sheet.value("E1"), 121.0);
    EXPECT_EQ(sheet.error("E2"), kNotAvailable);
    EXPECT_EQ(sheet.error("E3"), kIllegalArgument);
    EXPECT_DOUBLE_EQ(sheet.value("F1"), 2.5);
    EXPECT_EQ(sheet.error("F2"), kNotAvailable);
    EXPECT_EQ(sheet.error("F3"), kIllegalArgument);
    EXPECT_DOUBLE_EQ(sheet.value("G1"), 171.5);
    EXPECT_EQ(sheet.error("G2"), kNotAvailable);
    EXPECT_EQ(sheet.error("G3"), kIllegalArgument);

    // Shown in Spanish, stored in English.
    EXPECT_EQ(sheet.localFormula("D1"), "=CLIENTE.PENDIENTE(\"" + first + "\")");
    EXPECT_EQ(s(sheet.cell("D1")->getFormula()),
              "=" + api("clientOutstanding") + "(\"" + first + "\")");

    // The Function Wizard's entries, with their arguments described.
    const Description cliente = describe(*office, "CLIENTE");
    ASSERT_TRUE(cliente.found);
    EXPECT_NE(cliente.description.find("Un dato del cliente"), std::string::npos)
        << cliente.description;
    EXPECT_EQ(cliente.arguments, (std::vector<std::string>{"clave", "campo"}));
    const Description buscar = describe(*office, "CLIENTES.BUSCAR");
    ASSERT_TRUE(buscar.found);
    EXPECT_EQ(buscar.arguments, (std::vector<std::string>{"texto", "máximo"}));
    EXPECT_TRUE(describe(*office, "CLIENTE.FACTURADO").found);
}

TEST_F(CalcFunctions, FindGivesAColumnOfCodes)
{
    clients->addClient(fields({{"legalName", "Ferretería Uno"}}));
    clients->addClient(fields({{"legalName", "Ferretería Dos"}}));
    clients->addClient(fields({{"legalName", "Ferretería Tres"}}));
    const Sheet sheet(*office);
    Reference<css::sheet::XArrayFormulaRange>(sheet.range("H1:H3"), UNO_QUERY_THROW)
        ->setArrayFormula(u("=" + api("findClients") + "(\"ferreteria\";2)"));
    const std::set<std::string> found = {sheet.text("H1"), sheet.text("H2")};
    EXPECT_EQ(found.size(), 2U);
    for (const std::string& code : found)
        EXPECT_EQ(code.rfind("C-", 0), 0U) << code;
    EXPECT_EQ(sheet.error("H3"), kNotAvailable); // beyond the array's two rows
}

TEST_F(CalcFunctions, ACellFollowsTheRegisterAndOnlyItsDependantsAreTold)
{
    const Sheet sheet(*office);
    sheet.local("A1", "=CLIENTE(\"" + first + "\";\"city\")");
    sheet.local("A2", "=CLIENTE(\"" + second + "\";\"city\")");
    sheet.local("A3", "=CLIENTE.PENDIENTE(\"" + second + "\")");
    ASSERT_EQ(sheet.text("A1"), "Madrid");
    ASSERT_EQ(sheet.text("A2"), "Lisboa");
    ASSERT_EQ(sheet.value("A3"), 0.0);
    office->waitForMainThread();
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // earlier changes settle
    office->waitForMainThread();
    const sal_Int64 before = statistic(functions, "Notifications");
    const sal_Int64 computedBefore = statistic(functions, "Recomputations");

    clients->updateClient(u(first), fields({{"city", "Toledo"}}));
    EXPECT_TRUE(eventually(*office, [&] { return sheet.text("A1") == "Toledo"; }))
        << sheet.text("A1");
    EXPECT_EQ(sheet.text("A2"), "Lisboa");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    office->waitForMainThread();
    // Every result was computed again, but only the cell of the changed value was told.
    EXPECT_GE(statistic(functions, "Recomputations") - computedBefore, 3);
    EXPECT_EQ(statistic(functions, "Notifications") - before, 1);

    // An invoice (a profile record) moves the figures too.
    clients->addRecord(u(second), u("invoices"),
                       anyFields({{"number", Any(u("CF-3"))},
                                  {"issueDate", Any(u(isoDay(0)))},
                                  {"total", Any(10.0)},
                                  {"currency", Any(u("EUR"))},
                                  {"status", Any(u("authorised"))}}));
    EXPECT_TRUE(eventually(*office, [&] { return sheet.value("A3") == 10.0; }))
        << sheet.value("A3");
    clients->updateClient(u(first), fields({{"city", "Madrid"}}));
    EXPECT_TRUE(eventually(*office, [&] { return sheet.text("A1") == "Madrid"; }));
}

TEST_F(CalcFunctions, SavedAsOdsAndOpenedAgainComputesTheSame)
{
    const std::filesystem::path file = office->workDir() / "funciones.ods";
    {
        const Sheet sheet(*office);
        sheet.formula("A1", "=" + api("clientField") + "(\"" + first + "\";\"legalName\")");
        sheet.local("A2", "=CLIENTE.PENDIENTE(\"" + first + "\")");
        sheet.local("A3", "=NIF.VALIDO(\"B12345674\")");
        sheet.local("A4", "=CLIENTE(\"C-999999\";\"ciudad\")");
        ASSERT_EQ(sheet.text("A1"), "Pérez Díaz, S.L.");
        sheet.storeTo(file, "calc8");
    }
    const Sheet reopened(*office, "file://" + file.string());
    EXPECT_EQ(reopened.text("A1"), "Pérez Díaz, S.L.");
    EXPECT_DOUBLE_EQ(reopened.value("A2"), 171.5);
    EXPECT_EQ(reopened.value("A3"), 1.0);
    EXPECT_EQ(reopened.error("A4"), kNotAvailable);
    EXPECT_EQ(reopened.localFormula("A2"), "=CLIENTE.PENDIENTE(\"" + first + "\")");
}

TEST(CalcFunctionsEnglish, EnglishNamesValidUnknownAndBadArguments)
{
    OfficeOptions options;
    options.uiLocale = "en-US";
    const Office office(options);
    Reference<XClientDirectory> clients(office.create("org.clientes.ClientDirectory"),
                                        UNO_QUERY_THROW);
    const std::string code = s(clients->addClient(
        fields({{"legalName", "Smith & Sons Ltd"}, {"country", "GB"}, {"city", "Leeds"}})));
    const Sheet sheet(office);
    sheet.local("A1", "=CLIENT(\"" + code + "\";\"Legal name\")");
    sheet.local("A2", "=CLIENT(\"nobody\";\"city\")");
    sheet.local("A3", "=CLIENT(\"" + code + "\";\"shoe size\")");
    sheet.local("B1", "=TAXID.VALID(\"ESB12345674\")");
    sheet.local("B2", "=TAXID.VALID(\"12345678Z\";\"XYZ\")");
    sheet.local("C1", "=CLIENT.HOURS(\"" + code + "\")");
    sheet.local("C2", "=CLIENT.INVOICED(\"" + code + "\";;;\"GBP\")");
    sheet.local("C3", "=CLIENT.OVERDUE(\"nobody\")");
    sheet.local("C4", "=CLIENTS.FIND(\"leeds\";2000)");
    EXPECT_EQ(sheet.text("A1"), "Smith & Sons Ltd");
    EXPECT_EQ(sheet.error("A2"), kNotAvailable);
    EXPECT_EQ(sheet.error("A3"), kIllegalArgument);
    EXPECT_EQ(sheet.value("B1"), 1.0);
    EXPECT_EQ(sheet.error("B2"), kIllegalArgument);
    EXPECT_EQ(sheet.value("C1"), 0.0);
    EXPECT_EQ(sheet.value("C2"), 0.0);
    EXPECT_EQ(sheet.error("C3"), kNotAvailable);
    EXPECT_EQ(sheet.error("C4"), kIllegalArgument);
    const Description client = describe(office, "CLIENT");
    ASSERT_TRUE(client.found);
    EXPECT_EQ(client.arguments, (std::vector<std::string>{"key", "field"}));
    EXPECT_TRUE(describe(office, "CLIENT.OUTSTANDING").found);
}
} // namespace clientes::testing

namespace clientes::testing
{
// A document saved with the functions keeps their last values for an office without the
// extension: texts always; numbers when their cells have a number format of their own.
// LibreOffice 7.4 computes a number in the "General" format again when it loads it (to give
// the cell the result's number format), and without the extension that is #NAME? (seen here
// before the cells were formatted: error 525).
TEST(CalcFunctionsWithoutExtension, ShowTheLastValues)
{
    Office office;
    Reference<XClientDirectory> clients(office.create("org.clientes.ClientDirectory"),
                                        UNO_QUERY_THROW);
    const std::string code = s(clients->addClient(
        fields({{"legalName", "Guardado, S.L."}, {"city", "Soria"}, {"currency", "EUR"}})));
    clients->addRecord(u(code), u("invoices"),
                       anyFields({{"number", Any(u("SE-1"))},
                                  {"issueDate", Any(u(isoDay(0)))},
                                  {"total", Any(80.0)},
                                  {"status", Any(u("authorised"))}}));
    const std::filesystem::path file = office.workDir() / "sin-extension.ods";
    {
        const Sheet sheet(office);
        sheet.local("A1", "=CLIENTE(\"" + code + "\";\"ciudad\")");
        sheet.local("A2", "=CLIENTE.PENDIENTE(\"" + code + "\")");
        sheet.local("A3", "=NIF.VALIDO(\"B12345674\")");
        ASSERT_EQ(sheet.text("A1"), "Soria");
        // Numbers in a number format of their own (not "General"): see below.
        Reference<css::beans::XPropertySet>(sheet.range("A2:A3"), UNO_QUERY_THROW)
            ->setPropertyValue(u("NumberFormat"), Any(sal_Int32(2))); // 0.00
        sheet.storeTo(file, "calc8");
    }
    office.shutdown();
    ASSERT_EQ(office.unopkg({"remove", "org.clientes.calc"}), 0);
    office.restart();
    const Sheet reopened(office, "file://" + file.string());
    EXPECT_EQ(reopened.text("A1"), "Soria");
    EXPECT_EQ(reopened.error("A1"), 0);
    EXPECT_EQ(reopened.error("A2"), 0);
    EXPECT_EQ(reopened.value("A2"), 80.0);
    EXPECT_EQ(reopened.error("A3"), 0);
    EXPECT_EQ(reopened.value("A3"), 1.0);
}
} // namespace clientes::testing

namespace clientes::testing
{
// On a team server: a cell's first value comes from a worker (the main thread never waits on
// the network), and another user's change, heard from the server, reaches only the cells whose
// value it changes.
TEST(CalcFunctionsTeam, AnotherUsersChangeReachesOnlyItsCells)
{
    PgServer server;
    openTeamRegister(server.conninfo()); // the owner's first connection: the schema
    OfficeOptions options;
    options.server = server.conninfo();
    const Office mine(options);
    const Office theirs(options);
    Reference<XClientDirectory> other(theirs.create("org.clientes.ClientDirectory"),
                                      UNO_QUERY_THROW);
    const std::string changing = s(other->addClient(
        fields({{"legalName", "Cambiante, S.A."}, {"city", "Burgos"}, {"currency", "EUR"}})));
    const std::string steady =
        s(other->addClient(fields({{"legalName", "Estable, S.L."}, {"city", "Lugo"}})));
    Reference<XClientesFunctions> functions(mine.create("org.clientes.calc.Functions"),
                                            UNO_QUERY_THROW);

    const Sheet sheet(mine);
    sheet.local("A1", "=CLIENTE(\"" + changing + "\";\"ciudad\")");
    sheet.local("A2", "=CLIENTE(\"" + steady + "\";\"ciudad\")");
    sheet.local("A3", "=CLIENTE.PENDIENTE(\"" + changing + "\")");
    sheet.local("A4", "=CLIENTE(\"nadie\";\"ciudad\")");
    EXPECT_TRUE(eventually(mine, [&] { return sheet.text("A1") == "Burgos"; })) << sheet.text("A1");
    EXPECT_TRUE(eventually(mine, [&] { return sheet.text("A2") == "Lugo"; })) << sheet.text("A2");
    EXPECT_TRUE(eventually(mine, [&] { return sheet.error("A3") == 0; }));
    EXPECT_EQ(sheet.value("A3"), 0.0);
    EXPECT_EQ(sheet.error("A4"), kNotAvailable);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    mine.waitForMainThread();
    const sal_Int64 before = statistic(functions, "Notifications");

    other->updateClient(u(changing), fields({{"city", "Soria"}}));
    EXPECT_TRUE(eventually(mine, [&] { return sheet.text("A1") == "Soria"; })) << sheet.text("A1");
    other->addRecord(u(changing), u("invoices"),
                     anyFields({{"number", Any(u("EQ-1"))},
                                {"issueDate", Any(u(isoDay(0)))},
                                {"total", Any(42.0)},
                                {"status", Any(u("authorised"))}}));
    EXPECT_TRUE(eventually(mine, [&] { return sheet.value("A3") == 42.0; })) << sheet.value("A3");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    mine.waitForMainThread();
    EXPECT_EQ(sheet.text("A2"), "Lugo");
    EXPECT_EQ(statistic(functions, "Notifications") - before, 2); // A1, then A3
}
} // namespace clientes::testing

namespace clientes::testing
{
TEST(CalcFunctionsPortuguese, BrazilianNamesAndArguments)
{
    OfficeOptions options;
    options.uiLocale = "pt-BR";
    const Office office(options);
    Reference<XClientDirectory> clients(office.create("org.clientes.ClientDirectory"),
                                        UNO_QUERY_THROW);
    const std::string code = s(clients->addClient(fields({{"legalName", "Livraria Conceição"},
                                                          {"country", "BR"},
                                                          {"city", "São Paulo"},
                                                          {"currency", "BRL"}})));
    const Sheet sheet(office);
    sheet.local("A1", "=CLIENTE(\"" + code + "\";\"Cidade\")");
    sheet.local("A2", "=CLIENTE.FATURADO(\"" + code + "\")");
    sheet.local("A3", "=CLIENTE.PENDENTE(\"" + code + "\";\"reais\")");
    EXPECT_EQ(sheet.text("A1"), "São Paulo");
    EXPECT_EQ(sheet.value("A2"), 0.0);
    EXPECT_EQ(sheet.error("A3"), kIllegalArgument);
    const Description pendente = describe(office, "CLIENTE.PENDENTE");
    ASSERT_TRUE(pendente.found);
    EXPECT_EQ(pendente.arguments, (std::vector<std::string>{"chave", "moeda"}));
}
} // namespace clientes::testing
