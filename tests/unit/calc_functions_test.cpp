// The Calc functions' core (functions/calc_functions): the table, argument checking, field
// names and labels, and the figures over a real register.

#include "core/functions/calc_functions.hpp"
#include "core/register/register.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace clientes::functions
{
namespace
{
using test::makeClient;
using test::TempDir;

constexpr const char* kToday = "2024-05-15";

Call call(FunctionId id, std::vector<Argument> arguments, Language language = Language::Es)
{
    return makeCall(id, arguments, language);
}

class CalcFunctionsTest : public ::testing::Test
{
protected:
    CalcFunctionsTest() : store(dir / "c.db")
    {
        Client a = makeClient("Pérez Díaz, S.L.", "B12345674", "Madrid");
        a.currency = "EUR";
        a.paymentTerms = "30";
        first = store.add(a);
        second = store.add(makeClient("Otra Empresa", "", "Lisboa", "", "PT"));
    }

    void invoice(std::int64_t owner, const char* issue, const char* due, InvoiceStatus status,
                 std::int64_t total, const char* currency)
    {
        Invoice i;
        i.clientId = owner;
        i.number = "F-" + std::to_string(++numbers);
        i.issueDate = issue;
        i.dueDate = due;
        i.net = total;
        i.total = total;
        i.currency = currency;
        i.status = status;
        store.add(i);
    }

    Value value(FunctionId id, std::vector<Argument> arguments)
    {
        return evaluate(store, call(id, std::move(arguments)), kToday);
    }

    TempDir dir;
    Register store;
    Client first;
    Client second;
    int numbers = 0;
};
} // namespace

TEST(CalcFunctions, TheTableDescribesEveryFunctionInOrder)
{
    std::set<std::string_view> methods;
    for (std::size_t i = 0; i < allFunctions().size(); ++i)
    {
        const FunctionInfo& info = allFunctions()[i];
        EXPECT_EQ(static_cast<std::size_t>(info.id), i);
        EXPECT_TRUE(methods.insert(info.method).second) << info.method;
        EXPECT_FALSE(info.arguments.empty());
        bool optional = false;
        for (const ArgumentInfo& argument : info.arguments)
        {
            EXPECT_FALSE(optional && !argument.optional)
                << info.method << ": a required argument after an optional one";
            optional = argument.optional;
        }
    }
    EXPECT_EQ(text(functionInfo(FunctionId::ClientField).displayName, Language::Es), "CLIENTE");
    EXPECT_EQ(text(functionInfo(FunctionId::ClientField).displayName, Language::En), "CLIENT");
    EXPECT_EQ(text(functionInfo(FunctionId::Invoiced).displayName, Language::Pt),
              "CLIENTE.FATURADO");
}

TEST(CalcFunctions, FieldsByApiNameOrLabelInAnyLanguage)
{
    EXPECT_EQ(fieldByNameOrLabel("legalName", Language::Es), Field::LegalName);
    EXPECT_EQ(fieldByNameOrLabel("LEGALNAME", Language::En), Field::LegalName);
    EXPECT_EQ(fieldByNameOrLabel("nombre LEGAL", Language::Es), Field::LegalName);
    EXPECT_EQ(fieldByNameOrLabel("Legal name", Language::Es), Field::LegalName);
    EXPECT_EQ(fieldByNameOrLabel("ciudad", Language::Es), Field::City);
    EXPECT_EQ(fieldByNameOrLabel("Plazo de pago (dias)", Language::Es), Field::PaymentTerms);
    EXPECT_EQ(fieldByNameOrLabel("PAÍS", Language::Es), Field::Country);
    EXPECT_EQ(fieldByNameOrLabel("taxid", Language::Pt), Field::TaxId);
    EXPECT_EQ(fieldByNameOrLabel("", Language::Es), std::nullopt);
    EXPECT_EQ(fieldByNameOrLabel("nombre", Language::Es), std::nullopt);
    EXPECT_EQ(fieldByNameOrLabel("=1+1", Language::Es), std::nullopt);
}

TEST(CalcFunctions, BadArgumentsNameTheArgumentInTheLanguage)
{
    try
    {
        call(FunctionId::ClientField, {std::string("C-1"), std::string("no such field")});
        FAIL() << "no error";
    }
    catch (const ArgumentError& error)
    {
        EXPECT_EQ(error.position, 1U);
        EXPECT_NE(std::string(error.what()).find("campo"), std::string::npos) << error.what();
    }
    const auto rejects = [](FunctionId id, std::vector<Argument> arguments, std::size_t position)
    {
        try
        {
            call(id, arguments, Language::En);
            ADD_FAILURE() << "accepted";
        }
        catch (const ArgumentError& error)
        {
            EXPECT_EQ(error.position, position) << error.what();
        }
    };
    rejects(FunctionId::ClientField, {std::string("  "), std::string("city")}, 0);
    rejects(FunctionId::ClientField, {Other{}, std::string("city")}, 0);
    rejects(FunctionId::Outstanding, {std::string("C-1"), std::string("EURO")}, 1);
    rejects(FunctionId::Outstanding, {std::string("C-1"), 12.0}, 1);
    rejects(FunctionId::Hours, {std::string("C-1"), std::string("mañana"), Missing{}}, 1);
    rejects(FunctionId::Hours, {std::string("C-1"), 45000.0, 44000.0}, 2);
    rejects(FunctionId::Invoiced, {std::string("C-1"), Missing{}, Missing{}, std::string("x")}, 3);
    rejects(FunctionId::TaxIdValid, {std::string("B12345674"), std::string("ESP")}, 1);
    rejects(FunctionId::FindClients, {std::string("madrid"), 0.0}, 1);
    rejects(FunctionId::FindClients, {std::string("madrid"), 1.5}, 1);
    rejects(FunctionId::FindClients, {std::string("madrid"), 5000.0}, 1);
    rejects(FunctionId::FindClients, {std::string("madrid")}, 1); // too few
}

TEST(CalcFunctions, ArgumentsAreTidiedIntoTheCall)
{
    const Call money = call(FunctionId::Outstanding, {std::string("c1"), std::string("usd")});
    EXPECT_EQ(money.currency, "USD");
    EXPECT_EQ(call(FunctionId::Outstanding, {std::string("c1"), std::string("")}).currency, "");
    // Day numbers (date cells) and ISO texts.
    const Call hours =
        call(FunctionId::Hours, {std::string("c1"), 45292.0, std::string("2024-12-31")});
    EXPECT_EQ(hours.from, "2024-01-01");
    EXPECT_EQ(hours.to, "2024-12-31");
    EXPECT_EQ(call(FunctionId::FindClients, {std::string("a"), Missing{}}).limit, kDefaultFound);
    // A tax ID typed as a number.
    EXPECT_EQ(call(FunctionId::TaxIdValid, {12345678.0, Missing{}}).key, "12345678");
    EXPECT_EQ(call(FunctionId::ClientField, {std::string("c1"), std::string("Ciudad")}),
              call(FunctionId::ClientField, {std::string("c1"), std::string("city")}));
}

TEST(CalcFunctions, TaxIdCheckIsOffline)
{
    EXPECT_EQ(evaluatePure(call(FunctionId::TaxIdValid, {std::string("B-12.345.674"), Missing{}})),
              Value::of(1.0));
    EXPECT_EQ(evaluatePure(call(FunctionId::TaxIdValid, {std::string("B12345675"), Missing{}})),
              Value::of(0.0));
    EXPECT_EQ(evaluatePure(call(FunctionId::TaxIdValid, {std::string("ESB12345674"), Missing{}})),
              Value::of(1.0));
    EXPECT_EQ(
        evaluatePure(call(FunctionId::TaxIdValid, {std::string("245649590"), std::string("pt")})),
        Value::of(1.0));
    EXPECT_EQ(evaluatePure(call(FunctionId::TaxIdValid, {std::string(""), Missing{}})),
              Value::of(0.0));
}

TEST_F(CalcFunctionsTest, ClientFieldsByCodeOrTaxId)
{
    EXPECT_EQ(value(FunctionId::ClientField, {std::string("c1"), std::string("Nombre legal")}),
              Value::of(std::string("Pérez Díaz, S.L.")));
    EXPECT_EQ(value(FunctionId::ClientField, {std::string("b-12.345.674"), std::string("city")}),
              Value::of(std::string("Madrid")));
    EXPECT_EQ(value(FunctionId::ClientField, {first.code, std::string("paymentTerms")}),
              Value::of(30.0));
    EXPECT_EQ(value(FunctionId::ClientField, {second.code, std::string("paymentTerms")}),
              Value::of(std::string()));
    EXPECT_EQ(value(FunctionId::ClientField, {std::string("C-999999"), std::string("city")}),
              Value::notAvailable());
}

TEST_F(CalcFunctionsTest, InvoiceFiguresInTheClientsCurrency)
{
    invoice(first.id, "2024-04-01", "2024-05-01", InvoiceStatus::Authorised, 10000,
            "EUR"); // overdue
    invoice(first.id, "2024-05-10", "2024-06-10", InvoiceStatus::Authorised, 2550, "EUR");
    invoice(first.id, "2024-03-01", "2024-03-01", InvoiceStatus::Paid, 50000, "EUR");
    invoice(first.id, "2024-05-01", "2024-05-01", InvoiceStatus::Draft, 7000, "EUR");
    invoice(first.id, "2024-04-01", "2024-04-02", InvoiceStatus::Authorised, 9900, "USD");

    EXPECT_EQ(value(FunctionId::Outstanding, {first.code, Missing{}}), Value::of(125.5));
    EXPECT_EQ(value(FunctionId::Outstanding, {first.code, std::string("usd")}), Value::of(99.0));
    EXPECT_EQ(value(FunctionId::Outstanding, {first.code, std::string("GBP")}), Value::of(0.0));
    EXPECT_EQ(value(FunctionId::Overdue, {first.code, Missing{}}), Value::of(100.0));
    EXPECT_EQ(value(FunctionId::Invoiced, {first.code, Missing{}, Missing{}, Missing{}}),
              Value::of(625.5));
    EXPECT_EQ(value(FunctionId::Invoiced,
                    {first.code, std::string("2024-04-01"), std::string("2024-04-30"), Missing{}}),
              Value::of(100.0));
    EXPECT_EQ(value(FunctionId::Outstanding, {std::string("nobody"), Missing{}}),
              Value::notAvailable());
    // A client without a currency: that of its newest invoice.
    invoice(second.id, "2024-01-01", "2024-01-01", InvoiceStatus::Authorised, 100, "EUR");
    invoice(second.id, "2024-02-01", "2024-02-01", InvoiceStatus::Authorised, 200, "USD");
    EXPECT_EQ(value(FunctionId::Outstanding, {second.code, Missing{}}), Value::of(2.0));
}

TEST_F(CalcFunctionsTest, HoursOfTheClientsProjects)
{
    Project project;
    project.clientId = first.id;
    project.name = "Web";
    project = store.add(project);
    for (const auto& [date, hours] :
         std::vector<std::pair<const char*, double>>{{"2024-01-10", 2.5}, {"2024-02-10", 4}})
    {
        TimeEntry entry;
        entry.clientId = first.id;
        entry.projectId = project.id;
        entry.date = date;
        entry.hours = hours;
        store.add(entry);
    }
    EXPECT_EQ(value(FunctionId::Hours, {first.code, Missing{}, Missing{}}), Value::of(6.5));
    EXPECT_EQ(value(FunctionId::Hours, {first.code, std::string("2024-02-01"), Missing{}}),
              Value::of(4.0));
    EXPECT_EQ(value(FunctionId::Hours, {second.code, Missing{}, Missing{}}), Value::of(0.0));
}

TEST_F(CalcFunctionsTest, FindClientsGivesCodesOrNotAvailable)
{
    EXPECT_EQ(value(FunctionId::FindClients, {std::string("madrid"), Missing{}}),
              Value::of(std::vector<std::string>{first.code}));
    EXPECT_EQ(value(FunctionId::FindClients, {std::string("zzzz"), Missing{}}),
              Value::notAvailable());
}

TEST_F(CalcFunctionsTest, EvaluateAllMatchesEvaluate)
{
    const std::vector<Call> calls = {
        call(FunctionId::ClientField, {first.code, std::string("city")}),
        call(FunctionId::ClientField, {first.code, std::string("legalName")}),
        call(FunctionId::ClientField, {std::string("nobody"), std::string("city")}),
        call(FunctionId::TaxIdValid, {std::string("B12345674"), Missing{}}),
        call(FunctionId::FindClients, {std::string("lisboa"), Missing{}}),
    };
    const std::vector<Value> values = evaluateAll(store, calls, kToday);
    ASSERT_EQ(values.size(), calls.size());
    for (std::size_t i = 0; i < calls.size(); ++i)
        EXPECT_EQ(values[i], evaluate(store, calls[i], kToday)) << i;
}

} // namespace clientes::functions

namespace clientes::functions
{
namespace
{
std::string addInsTemplate()
{
    std::ifstream in(std::filesystem::path(CLIENTES_SOURCE_DIR) / "extension" / "config" /
                     "CalcAddIns.xcu.in");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
} // namespace

// CalcAddIns.xcu (what the Function Wizard shows) names each function of the table by its IDL
// method, with its texts, and each argument by its IDL parameter, in order.
TEST(CalcFunctions, TheAddInsConfigurationFollowsTheTable)
{
    const std::string xcu = addInsTemplate();
    ASSERT_FALSE(xcu.empty());
    std::size_t at = 0;
    for (const FunctionInfo& info : allFunctions())
    {
        const std::string node = "<node oor:name=\"" + std::string(info.method) + "\"";
        at = xcu.find(node, at);
        ASSERT_NE(at, std::string::npos) << info.method;
        const std::size_t end =
            xcu.find("<node oor:name=\"", xcu.find("</node>\n          </node>", at));
        const std::string entry = xcu.substr(at, end - at);
        const auto key = [](TextKey k) { return "@" + std::string(textKeyName(k)) + "@"; };
        EXPECT_NE(entry.find(key(info.displayName)), std::string::npos) << info.method;
        EXPECT_NE(entry.find(key(info.description)), std::string::npos) << info.method;
        std::size_t argumentAt = 0;
        for (const ArgumentInfo& argument : info.arguments)
        {
            argumentAt =
                entry.find("<node oor:name=\"" + std::string(argument.name) + "\"", argumentAt);
            ASSERT_NE(argumentAt, std::string::npos) << info.method << " " << argument.name;
            const std::string rest =
                entry.substr(argumentAt, entry.find("</node>", argumentAt) - argumentAt);
            EXPECT_NE(rest.find(key(argument.displayName)), std::string::npos) << argument.name;
            EXPECT_NE(rest.find(key(argument.description)), std::string::npos) << argument.name;
        }
    }
}
} // namespace clientes::functions
