// importInvoices through the real office: an accountant's list linked to clients by tax ID or
// code, dates and amounts as Calc holds them, unknown clients refused or created on request,
// undo, and the exported invoice list importing back unchanged.
#include "import_export_support.hpp"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>

#include <gtest/gtest.h>

#include <memory>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{
double amount(const css::uno::Sequence<css::beans::NamedValue>& record, const char* name)
{
    double value = -1;
    resultValue(record, name) >>= value;
    return value;
}
} // namespace

class ImportInvoicesApi : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        directory.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        client = s(directory->addClient(fields({{"legalName", "Pérez Gómez Asesores, S.L."},
                                                {"taxId", "B12345674"},
                                                {"country", "ES"},
                                                {"currency", "EUR"}})));
    }
    static void TearDownTestSuite()
    {
        directory.clear();
        office.reset();
    }

    static std::vector<std::string> numbers(const std::string& key)
    {
        std::vector<std::string> list;
        for (const auto& record : directory->getRecords(u(key), u("invoices")))
            list.push_back(field(record, "number"));
        std::sort(list.begin(), list.end());
        return list;
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
    static std::string client;
};
std::unique_ptr<Office> ImportInvoicesApi::office;
Reference<XClientDirectory> ImportInvoicesApi::directory;
std::string ImportInvoicesApi::client;

TEST_F(ImportInvoicesApi, ImportsLinksUndoes)
try
{
    SheetDocument document(*office);
    // A Spanish document: "02/05/2024" is the 2nd of May, and EUR the currency of its locale.
    Reference<css::beans::XPropertySet>(document.document(), UNO_QUERY_THROW)
        ->setPropertyValue(u("CharLocale"),
                           Any(css::lang::Locale(u("es"), u("ES"), rtl::OUString())));
    const Rows rows = {
        {"Nº factura", "NIF", "Cliente", "Fecha", "Base", "IVA", "Total", "Estado"},
        {"A-2024-1", "B-1234567-4", "Pérez", 45413.0, 100.0, 21.0, 121.0, "Pagada"},
        {"A-2024-2", "ES B12345674", "", "02/05/2024", "1.000,50", "210,11", "", "Emitida"},
        {"A-2024-3", "B87654321", "Nuevo Cliente, S.L.", "2024-05-03", "", "", "50", ""},
    };
    const auto range = document.fill("A1", rows);
    const auto refused = directory->importInvoices(range, options({{"DryRun", Any(true)}}));
    EXPECT_EQ(count(refused, "Created"), 2) << joined(problems(refused));
    EXPECT_EQ(count(refused, "Invalid"), 1);
    EXPECT_NE(joined(problems(refused)).find("row 4, clientTaxId: "), std::string::npos)
        << joined(problems(refused));

    const auto result =
        directory->importInvoices(range, options({{"CreateMissingClients", Any(true)}}));
    EXPECT_EQ(count(result, "Created"), 3) << joined(problems(result));
    EXPECT_EQ(count(result, "ClientsCreated"), 1);
    bool committed = false;
    resultValue(result, "Committed") >>= committed;
    EXPECT_TRUE(committed);
    EXPECT_EQ(numbers(client), (std::vector<std::string>{"A-2024-1", "A-2024-2"}));
    const auto invoices = directory->getRecords(u(client), u("invoices"));
    for (const auto& invoice : invoices)
        if (field(invoice, "number") == "A-2024-2")
        {
            EXPECT_EQ(field(invoice, "issueDate"), "2024-05-02");
            EXPECT_EQ(amount(invoice, "net"), 1000.50);
            EXPECT_EQ(amount(invoice, "total"), 1210.61);
            EXPECT_EQ(field(invoice, "status"), "authorised");
        }
    const auto created = directory->getClient(u("B87654321"));
    EXPECT_EQ(field(created, "legalName"), "Nuevo Cliente, S.L.");

    // The same list again: unchanged. A new status: one update.
    const auto again = directory->importInvoices(range, {});
    EXPECT_EQ(count(again, "Unchanged"), 3) << joined(problems(again));
    document.fill("H3", {{"Pagada"}});
    const auto paid = directory->importInvoices(range, {});
    EXPECT_EQ(count(paid, "Updated"), 1) << joined(problems(paid));
    EXPECT_EQ(directory->undoLastImport(), 1); // the status back
    EXPECT_EQ(directory->undoLastImport(), 3); // the invoices and the new client
    EXPECT_TRUE(numbers(client).empty());
    EXPECT_THROW(directory->getClient(u("B87654321")), css::container::NoSuchElementException);
}
catch (const css::uno::Exception& e)
{
    FAIL() << s(e.Message);
}

TEST_F(ImportInvoicesApi, ExportedListImportsBackUnchanged)
{
    directory->addRecord(u(client), u("invoices"),
                         fields({{"number", "R-1"},
                                 {"issueDate", "2024-06-01"},
                                 {"dueDate", "2024-07-01"},
                                 {"net", "1234.56"},
                                 {"tax", "259.26"},
                                 {"total", "1493.82"},
                                 {"status", "paid"}}));
    SheetDocument document(*office);
    const auto written = directory->exportInvoices(document.sheet(), {});
    (void)written;
    const auto result = directory->importInvoices(document.range("A1:K2"), {});
    EXPECT_EQ(count(result, "Unchanged"), 1) << joined(problems(result));
    EXPECT_EQ(count(result, "Errors"), 0);
    EXPECT_EQ(count(result, "Created"), 0);
}
} // namespace clientes::testing
