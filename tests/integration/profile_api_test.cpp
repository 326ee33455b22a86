// The profile part of org.clientes.XClientDirectory against a real office: records of every
// kind, summary figures, notes, files, restore and guarded delete, and the errors a macro gets.
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <org/clientes/XClientDirectory.hpp>
#include <osl/file.hxx>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace css = ::com::sun::star;
using css::beans::NamedValue;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{
using Record = Sequence<NamedValue>;

const Any& value(const Record& record, const char* name)
{
    for (const NamedValue& entry : record)
        if (entry.Name.equalsAscii(name))
            return entry.Value;
    throw std::runtime_error(std::string("no field ") + name);
}

double number(const Record& record, const char* name)
{
    double result = -1;
    value(record, name) >>= result;
    return result;
}

sal_Int64 whole(const Record& record, const char* name)
{
    sal_Int64 result = -1;
    value(record, name) >>= result;
    return result;
}

bool flag(const Record& record, const char* name)
{
    bool result = false;
    value(record, name) >>= result;
    return result;
}

bool has(const Record& record, const char* name)
{
    for (const NamedValue& entry : record)
        if (entry.Name.equalsAscii(name))
            return true;
    return false;
}

// Mixed-type fields: ("hours", Any(2.5)).
rtl::OUString fileUrlOf(const std::filesystem::path& path)
{
    rtl::OUString url;
    osl::FileBase::getFileURLFromSystemPath(u(path.string()), url);
    return url;
}

} // namespace

class ProfileApi : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        clients.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    }
    static void TearDownTestSuite()
    {
        clients.clear();
        office.reset();
    }

    static std::string newClient(const std::string& name, const std::string& currency = "EUR")
    {
        return s(clients->addClient(fields({{"legalName", name}, {"currency", currency}})));
    }

    static Sequence<Record> records(const std::string& key, const char* kind)
    {
        return clients->getRecords(u(key), rtl::OUString::createFromAscii(kind));
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> clients;
};
std::unique_ptr<Office> ProfileApi::office;
Reference<XClientDirectory> ProfileApi::clients;

TEST_F(ProfileApi, RestoreBringsAnArchivedClientBack)
{
    const std::string code = newClient("Archivable, S.L.");
    const sal_Int32 before = clients->countClients();
    clients->archiveClient(u(code));
    EXPECT_EQ(clients->countClients(), before - 1);
    clients->restoreClient(u(code));
    EXPECT_EQ(clients->countClients(), before);
    EXPECT_FALSE(flag(clients->getClient(u(code)), "archived"));
    EXPECT_NE(messageOf<css::container::NoSuchElementException>(
                  [] { clients->restoreClient(u("C-999999")); }),
              "no exception");
}

TEST_F(ProfileApi, DeleteIsRefusedWhileRecordsAreLinked)
{
    const std::string code = newClient("Borrable, S.A.");
    clients->addRecord(u(code), u("contacts"), fields({{"name", "Ana"}}));
    const sal_Int64 project = clients->addRecord(u(code), u("projects"), fields({{"name", "Web"}}));
    const sal_Int64 task = clients->addRecord(u(code), u("tasks"), fields({{"title", "Llamar"}}));
    const std::string refused =
        messageOf<css::lang::IllegalArgumentException>([&] { clients->deleteClient(u(code)); });
    EXPECT_NE(refused.find("proyectos: 1"), std::string::npos) << refused;
    EXPECT_NE(refused.find("tareas: 1"), std::string::npos) << refused;
    EXPECT_NE(refused.find("Archívelo"), std::string::npos) << refused;
    EXPECT_NO_THROW(clients->getClient(u(code)));

    clients->removeRecord(u("projects"), project);
    clients->removeRecord(u("tasks"), task);
    clients->deleteClient(u(code)); // contacts and activity go with it
    EXPECT_NE(
        messageOf<css::container::NoSuchElementException>([&] { clients->getClient(u(code)); }),
        "no exception");
    EXPECT_NE(
        messageOf<css::container::NoSuchElementException>([&] { clients->deleteClient(u(code)); }),
        "no exception");
}

TEST_F(ProfileApi, TaxIdsAreCheckedAndNormalizedOffline)
{
    EXPECT_TRUE(clients->isValidTaxId(u("B-12345674"), u("ES")));
    EXPECT_TRUE(clients->isValidTaxId(u("12345678Z"), u("es")));
    EXPECT_FALSE(clients->isValidTaxId(u("12345678A"), u("ES")));
    EXPECT_TRUE(clients->isValidTaxId(u("PT 501 964 843"), u("")));
    EXPECT_EQ(s(clients->normalizeTaxId(u("es-b 12.345.674"), u("ES"))), "B12345674");
    EXPECT_EQ(s(clients->normalizeTaxId(u("  ab-12/3 "), u(""))), "AB123");
}

TEST_F(ProfileApi, ContactsRoundTripWithVersions)
{
    const std::string code = newClient("Contactos, S.L.");
    const sal_Int64 id = clients->addRecord(
        u(code), u("contacts"),
        fields({{"name", "Lucía Pérez"}, {"role", "Gerente"}, {"email", "lucia@ejemplo.es"}}));
    auto list = records(code, "contacts");
    ASSERT_EQ(list.getLength(), 1);
    EXPECT_EQ(whole(list[0], "id"), id);
    EXPECT_EQ(field(list[0], "name"), "Lucía Pérez");
    EXPECT_EQ(field(list[0], "role"), "Gerente");
    EXPECT_EQ(whole(list[0], "version"), 1);
    EXPECT_FALSE(field(list[0], "createdAt").empty());

    clients->updateRecord(u("contacts"), id, fields({{"phone", "+34 600 000 000"}}));
    list = records(code, "contacts");
    EXPECT_EQ(field(list[0], "phone"), "+34 600 000 000");
    EXPECT_EQ(field(list[0], "role"), "Gerente"); // untouched
    EXPECT_EQ(whole(list[0], "version"), 2);

    // A record read with getRecords can be handed back whole, changed.
    Record edited = list[0];
    for (sal_Int32 i = 0; i < edited.getLength(); ++i)
        if (edited[i].Name == "role")
            edited.getArray()[i].Value <<= u("Directora");
    clients->updateRecord(u("contacts"), id, edited);
    EXPECT_EQ(field(records(code, "contacts")[0], "role"), "Directora");

    // The version read before someone else saved: refused, nothing changed.
    const std::string conflict = messageOf<css::uno::RuntimeException>(
        [&]
        {
            clients->updateRecord(
                u("contacts"), id,
                anyFields({{"role", Any(u("Otra"))}, {"version", Any(sal_Int64(2))}}));
        });
    EXPECT_NE(conflict.find("Otra persona ha modificado"), std::string::npos) << conflict;
    EXPECT_EQ(field(records(code, "contacts")[0], "role"), "Directora");

    clients->removeRecord(u("contacts"), id);
    EXPECT_EQ(records(code, "contacts").getLength(), 0);
}

TEST_F(ProfileApi, InvalidRecordsAreRefusedNamingTheField)
{
    const std::string code = newClient("Errores, S.L.");
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->addRecord(u(code), u("contacts"), fields({{"role", "Sin nombre"}}));
                  }),
              "name: El campo «Nombre» es obligatorio.");
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->addRecord(u(code), u("contacts"),
                                         fields({{"name", "Ana"}, {"colour", "azul"}}));
                  }),
              "«colour»: Campo desconocido.");
    const std::string readOnly = messageOf<css::lang::IllegalArgumentException>(
        [&]
        {
            clients->addRecord(u(code), u("contacts"),
                               anyFields({{"name", Any(u("Ana"))}, {"id", Any(sal_Int64(77))}}));
        });
    EXPECT_EQ(readOnly.rfind("id: ", 0), 0U) << readOnly;
    const std::string kind =
        messageOf<css::lang::IllegalArgumentException>([&] { records(code, "invoice"); });
    EXPECT_NE(kind.find("kind: «invoice» no es un tipo de registro"), std::string::npos) << kind;
    EXPECT_NE(kind.find("purchaseOrders"), std::string::npos) << kind;
    EXPECT_NE(
        messageOf<css::container::NoSuchElementException>([&] { records("C-999999", "contacts"); }),
        "no exception");
    EXPECT_EQ(messageOf<css::container::NoSuchElementException>(
                  [&] {
                      clients->updateRecord(u("invoices"), 987654, fields({{"number", "X"}}));
                  }),
              "No hay ningún registro «Factura» con el id 987654.");
    EXPECT_NE(messageOf<css::container::NoSuchElementException>(
                  [&] { clients->removeRecord(u("deals"), 987654); }),
              "no exception");
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->addRecord(u(code), u("files"), fields({{"name", "x.pdf"}}));
                  }),
              "no exception");
}

TEST_F(ProfileApi, ProjectsAddUpTheirTimeEntries)
{
    const std::string code = newClient("Horas, S.L.");
    const sal_Int64 project = clients->addRecord(u(code), u("projects"), fields({{"name", "ERP"}}));
    const std::string key = std::to_string(project);
    clients->addRecord(u(key), u("timeEntries"),
                       anyFields({{"date", Any(u("2024-05-02"))}, {"hours", Any(2.5)}}));
    clients->addRecord(u(key), u("timeEntries"),
                       fields({{"date", "2024-05-03"}, {"hours", "4,5"}, {"note", "Migración"}}));
    const auto entries = records(key, "timeEntries");
    ASSERT_EQ(entries.getLength(), 2);
    EXPECT_EQ(field(entries[0], "date"), "2024-05-03"); // newest first
    EXPECT_EQ(number(entries[0], "hours"), 4.5);
    EXPECT_EQ(field(entries[0], "note"), "Migración");
    EXPECT_EQ(whole(entries[0], "projectId"), project);

    const auto projects = records(code, "projects");
    ASSERT_EQ(projects.getLength(), 1);
    EXPECT_EQ(number(projects[0], "hours"), 7.0);
    EXPECT_EQ(field(projects[0], "status"), "open");
    clients->updateRecord(u("projects"), project, fields({{"status", "closed"}}));
    EXPECT_EQ(field(records(code, "projects")[0], "status"), "closed");

    const std::string tooMany = messageOf<css::lang::IllegalArgumentException>(
        [&]
        {
            clients->addRecord(u(key), u("timeEntries"),
                               anyFields({{"date", Any(u("2024-05-04"))}, {"hours", Any(25.0)}}));
        });
    EXPECT_EQ(tooMany.rfind("hours: ", 0), 0U) << tooMany;
    EXPECT_NE(messageOf<css::container::NoSuchElementException>(
                  [&]
                  {
                      clients->addRecord(u("999999"), u("timeEntries"),
                                         fields({{"date", "2024-05-04"}, {"hours", "1"}}));
                  }),
              "no exception");
    EXPECT_NE(messageOf<css::container::NoSuchElementException>(
                  [&] { records("no es un id", "timeEntries"); }),
              "no exception");
}

TEST_F(ProfileApi, TasksKnowWhenTheyAreOverdue)
{
    const std::string code = newClient("Tareas, S.L.");
    const sal_Int64 late = clients->addRecord(
        u(code), u("tasks"), fields({{"title", "Enviar oferta"}, {"dueDate", isoDay(-2)}}));
    clients->addRecord(u(code), u("tasks"), fields({{"title", "Revisar"}, {"dueDate", isoDay(3)}}));
    const auto tasks = records(code, "tasks");
    ASSERT_EQ(tasks.getLength(), 2);
    EXPECT_EQ(whole(tasks[0], "id"), late); // pending first, by due date
    EXPECT_TRUE(flag(tasks[0], "overdue"));
    EXPECT_FALSE(flag(tasks[1], "overdue"));
    const std::string wrong = messageOf<css::lang::IllegalArgumentException>(
        [&] {
            clients->updateRecord(u("tasks"), late, fields({{"status", "finished"}}));
        });
    EXPECT_NE(wrong.find("status: "), std::string::npos) << wrong;
    EXPECT_NE(wrong.find("(pending, done)"), std::string::npos) << wrong;
    clients->updateRecord(u("tasks"), late, fields({{"status", "done"}}));
    EXPECT_FALSE(flag(records(code, "tasks")[1], "overdue"));
}

TEST_F(ProfileApi, AmountsAreDoublesInTheirCurrency)
{
    const std::string code = newClient("Pedidos, S.L.", "EUR");
    const sal_Int64 order = clients->addRecord(
        u(code), u("purchaseOrders"),
        anyFields(
            {{"number", Any(u("PO-1"))}, {"amount", Any(1250.5)}, {"date", Any(u("2024-04-01"))}}));
    clients->addRecord(u(code), u("purchaseOrders"),
                       fields({{"number", "PO-2"}, {"amount", "99,99"}, {"currency", "usd"}}));
    clients->addRecord(u(code), u("purchaseOrders"),
                       anyFields({{"number", Any(u("PO-3"))},
                                  {"amount", Any(1500.4)},
                                  {"currency", Any(u("JPY"))},
                                  {"status", Any(u("closed"))}}));
    const auto orders = records(code, "purchaseOrders");
    ASSERT_EQ(orders.getLength(), 3);
    std::map<std::string, Record> byNumber;
    for (const Record& record : orders)
        byNumber[field(record, "number")] = record;
    EXPECT_EQ(number(byNumber["PO-1"], "amount"), 1250.5);
    EXPECT_EQ(field(byNumber["PO-1"], "currency"), "EUR"); // the client's default
    EXPECT_EQ(number(byNumber["PO-2"], "amount"), 99.99);
    EXPECT_EQ(field(byNumber["PO-2"], "currency"), "USD");
    EXPECT_EQ(number(byNumber["PO-3"], "amount"), 1500.0); // yen have no decimals
    EXPECT_EQ(field(byNumber["PO-3"], "status"), "closed");

    EXPECT_EQ(
        messageOf<css::lang::IllegalArgumentException>(
            [&] {
                clients->updateRecord(u("purchaseOrders"), order, fields({{"amount", "doce"}}));
            }),
        "amount: El campo «Importe» debe ser un número.");
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->updateRecord(u("purchaseOrders"), order,
                                            anyFields({{"amount", Any(-5.0)}}));
                  }),
              "amount: El importe no puede ser negativo.");
    // Changing only the currency keeps the amount's value.
    clients->updateRecord(u("purchaseOrders"), order, fields({{"currency", "USD"}}));
    for (const Record& record : records(code, "purchaseOrders"))
        if (whole(record, "id") == order)
        {
            EXPECT_EQ(number(record, "amount"), 1250.5);
            EXPECT_EQ(field(record, "currency"), "USD");
        }
}

TEST_F(ProfileApi, InvoicesTotalTheirPartsAndHaveUniqueNumbers)
{
    const std::string code = newClient("Facturas, S.L.");
    const sal_Int64 id = clients->addRecord(u(code), u("invoices"),
                                            anyFields({{"number", Any(u("API-2024-001"))},
                                                       {"issueDate", Any(u(isoDay(-40)))},
                                                       {"dueDate", Any(u(isoDay(-10)))},
                                                       {"net", Any(1000.0)},
                                                       {"tax", Any(210.0)},
                                                       {"status", Any(u("authorised"))}}));
    clients->addRecord(u(code), u("invoices"),
                       anyFields({{"number", Any(u("API-2024-002"))},
                                  {"issueDate", Any(u(isoDay(0)))},
                                  {"total", Any(500.0)},
                                  {"currency", Any(u("USD"))}}));
    const auto invoices = records(code, "invoices");
    ASSERT_EQ(invoices.getLength(), 2);
    const Record& first = whole(invoices[0], "id") == id ? invoices[0] : invoices[1];
    const Record& second = whole(invoices[0], "id") == id ? invoices[1] : invoices[0];
    EXPECT_EQ(number(first, "total"), 1210.0);
    EXPECT_TRUE(flag(first, "overdue"));
    EXPECT_EQ(field(first, "status"), "authorised");
    EXPECT_EQ(number(second, "net"), 500.0);
    EXPECT_EQ(number(second, "total"), 500.0);
    EXPECT_EQ(field(second, "dueDate"), isoDay(0)); // due on receipt
    EXPECT_EQ(field(second, "status"), "draft");
    EXPECT_FALSE(flag(second, "overdue"));

    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&]
                  {
                      clients->addRecord(
                          u(code), u("invoices"),
                          fields({{"number", "api-2024-001"}, {"issueDate", "2024-01-01"}}));
                  }),
              "number: Ya existe una factura con este número.");
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->updateRecord(u("invoices"), id, anyFields({{"total", Any(1.0)}}));
                  }),
              "total: El total debe ser la base imponible más los impuestos.");

    clients->updateRecord(u("invoices"), id, fields({{"status", "paid"}}));
    const auto summary = clients->getSummary(u(code));
    sal_Int32 paid = -1;
    value(summary, "invoicesPaid") >>= paid;
    EXPECT_EQ(paid, 1);
    EXPECT_EQ(number(summary, "invoicesPaidAmount.EUR"), 1210.0);
    EXPECT_FALSE(has(summary, "invoicesAuthorisedAmount.USD")); // a draft is not issued
}

TEST_F(ProfileApi, DealsMoveThroughTheirStages)
{
    const std::string code = newClient("Ofertas, S.L.");
    const sal_Int64 deal = clients->addRecord(u(code), u("deals"),
                                              anyFields({{"title", Any(u("Mantenimiento anual"))},
                                                         {"amount", Any(8000.0)},
                                                         {"stage", Any(u("sent"))},
                                                         {"date", Any(u("2024-05-01"))},
                                                         {"validUntil", Any(u("2024-06-01"))}}));
    clients->updateRecord(u("deals"), deal, fields({{"stage", "accepted"}}));
    const auto deals = records(code, "deals");
    ASSERT_EQ(deals.getLength(), 1);
    EXPECT_EQ(field(deals[0], "stage"), "accepted");
    EXPECT_EQ(number(deals[0], "amount"), 8000.0);
    EXPECT_EQ(field(deals[0], "validUntil"), "2024-06-01");
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->addRecord(u(code), u("deals"), fields({{"amount", "5"}}));
                  }),
              "title: Indique un título o un número para la oferta.");
    EXPECT_EQ(
        messageOf<css::lang::IllegalArgumentException>(
            [&] {
                clients->updateRecord(u("deals"), deal, fields({{"validUntil", "2024-04-01"}}));
            }),
        "validUntil: La oferta no puede caducar antes de su fecha.");
}

// A client's other addresses and bank accounts through the API: the type's words, the country
// as a code, the IBAN kept electronic and its check's verdict; a wrong IBAN is kept and
// warned of by its verdict, never refused.
TEST_F(ProfileApi, AddressesAndBankAccountsAreRecordsOfTheClient)
{
    const std::string code = newClient("Sedes, S.L.");
    const sal_Int64 shipping = clients->addRecord(
        u(code), u("addresses"),
        fields({{"type", "shipping"},
                {"name", "Almacén"},
                {"street", "Polígono Sur, nave 4"},
                {"postalCode", "41001"},
                {"city", "Sevilla"},
                {"country", "es"}}));
    clients->addRecord(u(code), u("addresses"),
                       fields({{"type", "billing"}, {"street", "Calle Sierpes 1"}}));
    auto addresses = records(code, "addresses");
    ASSERT_EQ(addresses.getLength(), 2);
    EXPECT_EQ(field(addresses[0], "type"), "billing"); // billing first
    EXPECT_EQ(whole(addresses[1], "id"), shipping);
    EXPECT_EQ(field(addresses[1], "country"), "ES");
    EXPECT_EQ(field(addresses[1], "city"), "Sevilla");
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->addRecord(u(code), u("addresses"), fields({{"type", "casa"}}));
                  })
                  .rfind("type: ", 0),
              0u);
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->addRecord(u(code), u("addresses"),
                                         fields({{"street", "X"}, {"country", "España"}}));
                  })
                  .rfind("country: ", 0),
              0u);

    const sal_Int64 account = clients->addRecord(
        u(code), u("bankAccounts"),
        fields({{"iban", "ES91 2100 0418 4502 0005 1332"}, {"bic", "caixesbbxxx"}}));
    auto accounts = records(code, "bankAccounts");
    ASSERT_EQ(accounts.getLength(), 1);
    EXPECT_EQ(field(accounts[0], "iban"), "ES9121000418450200051332");
    EXPECT_EQ(field(accounts[0], "bic"), "CAIXESBBXXX");
    EXPECT_EQ(field(accounts[0], "ibanCheck"), "valid");
    EXPECT_EQ(field(accounts[0], "bicCheck"), "valid");
    clients->updateRecord(u("bankAccounts"), account,
                          fields({{"iban", "ES91 2100 0418 4502 0005 1333"}}));
    accounts = records(code, "bankAccounts");
    EXPECT_EQ(field(accounts[0], "iban"), "ES9121000418450200051333");
    EXPECT_EQ(field(accounts[0], "ibanCheck"), "badCheckDigits");
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->addRecord(u(code), u("bankAccounts"), fields({{"bank", "X"}})); })
                  .rfind("iban: ", 0),
              0u);
    clients->removeRecord(u("addresses"), shipping);
    EXPECT_EQ(records(code, "addresses").getLength(), 1);
}

TEST_F(ProfileApi, SummaryFlattensFiguresPerCurrency)
{
    const std::string code = newClient("Resumen, S.L.");
    const sal_Int64 project = clients->addRecord(u(code), u("projects"), fields({{"name", "P"}}));
    clients->addRecord(u(std::to_string(project)), u("timeEntries"),
                       fields({{"date", "2024-05-01"}, {"hours", "3"}}));
    clients->addRecord(u(code), u("tasks"), fields({{"title", "Tarde"}, {"dueDate", isoDay(-1)}}));
    clients->addRecord(u(code), u("tasks"), fields({{"title", "Pronto"}, {"dueDate", isoDay(2)}}));
    clients->addRecord(u(code), u("purchaseOrders"),
                       fields({{"number", "S-PO"}, {"amount", "100"}, {"status", "closed"}}));
    clients->addRecord(u(code), u("invoices"),
                       fields({{"number", "S-1"},
                               {"issueDate", isoDay(-30)},
                               {"dueDate", isoDay(-5)},
                               {"net", "1000"},
                               {"tax", "250"},
                               {"status", "authorised"}}));
    clients->addRecord(u(code), u("invoices"),
                       fields({{"number", "S-2"},
                               {"issueDate", isoDay(-30)},
                               {"dueDate", isoDay(-5)},
                               {"net", "2000"},
                               {"currency", "USD"},
                               {"status", "authorised"}}));
    clients->addRecord(u(code), u("invoices"),
                       fields({{"number", "S-3"},
                               {"issueDate", isoDay(0)},
                               {"dueDate", isoDay(30)},
                               {"net", "800"},
                               {"status", "authorised"}}));

    const auto summary = clients->getSummary(u(code));
    const auto count = [&](const char* name)
    {
        sal_Int32 result = -1;
        value(summary, name) >>= result;
        return result;
    };
    EXPECT_EQ(field(summary, "today"), isoDay(0));
    EXPECT_EQ(count("projects"), 1);
    EXPECT_EQ(number(summary, "projectHours"), 3.0);
    EXPECT_EQ(count("tasksOverdue"), 1);
    EXPECT_EQ(count("tasksPending"), 1);
    EXPECT_EQ(count("tasksUpcoming"), 1);
    EXPECT_EQ(count("purchaseOrdersClosed"), 1);
    EXPECT_EQ(number(summary, "purchaseOrdersAmount.EUR"), 100.0);
    EXPECT_EQ(count("invoicesAuthorised"), 3);
    EXPECT_EQ(count("invoicesOverdue"), 2);
    EXPECT_EQ(count("invoicesPending"), 1);
    EXPECT_EQ(number(summary, "invoicesOverdueAmount.EUR"), 1250.0);
    EXPECT_EQ(count("invoicesOverdueCount.EUR"), 1);
    EXPECT_EQ(number(summary, "invoicesOverdueAmount.USD"), 2000.0);
    EXPECT_EQ(number(summary, "invoicesPendingAmount.EUR"), 800.0);
    EXPECT_FALSE(has(summary, "invoicesPendingAmount.USD"));
    Sequence<rtl::OUString> currencies;
    value(summary, "currencies") >>= currencies;
    ASSERT_EQ(currencies.getLength(), 2);
    EXPECT_EQ(s(currencies[0]), "EUR");
    EXPECT_EQ(s(currencies[1]), "USD");
}

TEST_F(ProfileApi, NotesGoIntoTheActivityNewestFirst)
{
    const std::string code = newClient("Notas, S.L.");
    clients->addNote(u(code), u("Llamó el gerente:\nvolver a llamar el lunes."));
    clients->updateClient(u(code), fields({{"city", "Soria"}}));
    const auto activity = records(code, "activity");
    ASSERT_GE(activity.getLength(), 3);
    EXPECT_EQ(field(activity[0], "kind"), "updated");
    EXPECT_EQ(field(activity[0], "title"), "Datos modificados");
    EXPECT_EQ(field(activity[0], "detail"), "Ciudad: — → Soria");
    Sequence<Sequence<rtl::OUString>> changes;
    value(activity[0], "changes") >>= changes;
    ASSERT_EQ(changes.getLength(), 1);
    EXPECT_EQ(s(changes[0][0]), "city");
    EXPECT_EQ(s(changes[0][2]), "Soria");
    EXPECT_EQ(field(activity[1], "kind"), "note");
    EXPECT_EQ(field(activity[1], "text"), "Llamó el gerente:\nvolver a llamar el lunes.");
    EXPECT_EQ(field(activity[activity.getLength() - 1], "kind"), "created");

    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->addNote(u(code), u("   ")); }),
              "text: El campo «Texto» es obligatorio.");
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->addRecord(u(code), u("activity"), fields({{"text", "x"}}));
                  }),
              "no exception");
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->removeRecord(u("activity"), whole(activity[0], "id")); }),
              "no exception");
}

TEST_F(ProfileApi, FilesAreKeptWithTheirHashAndCopiedOut)
{
    const std::string code = newClient("Archivos, S.L.");
    const auto source = office->workDir() / "contrato firmado.pdf";
    {
        std::ofstream out(source, std::ios::binary);
        for (int i = 0; i < 100000; ++i)
            out.put(static_cast<char>((i * 7 + 3) % 256));
    }
    const sal_Int64 id = clients->attachFile(u(code), fileUrlOf(source));
    auto files = records(code, "files");
    ASSERT_EQ(files.getLength(), 1);
    EXPECT_EQ(whole(files[0], "id"), id);
    EXPECT_EQ(field(files[0], "name"), "contrato firmado.pdf");
    EXPECT_EQ(field(files[0], "mimeType"), "application/pdf");
    EXPECT_EQ(whole(files[0], "size"), 100000);
    EXPECT_EQ(field(files[0], "sha256"),
              "d96bab6a55ee326ba206dd4a85a6e95e14360d7fabbf448f03e689c24382b7d0");

    // A system path works too; an unknown extension is octet-stream.
    const auto note = office->workDir() / "nota.xyz";
    std::ofstream(note) << "Contrato firmado.\n";
    clients->attachFile(u(code), u(note.string()));
    files = records(code, "files");
    ASSERT_EQ(files.getLength(), 2);
    EXPECT_EQ(field(files[0], "mimeType"), "application/octet-stream");
    EXPECT_EQ(field(files[0], "sha256"),
              "ca13d08fa2866ac2ed637aafa16c71d7b18d817fd35dc93bb19e3d85d45cb62f");

    const auto copy = office->workDir() / "copia.pdf";
    clients->saveFileCopy(id, fileUrlOf(copy));
    EXPECT_EQ(std::filesystem::file_size(copy), 100000U);
    std::ifstream in(copy, std::ios::binary);
    bool same = true;
    for (int i = 0; i < 100000; ++i)
        same = same && in.get() == (i * 7 + 3) % 256;
    EXPECT_TRUE(same);

    clients->removeRecord(u("files"), id);
    EXPECT_EQ(records(code, "files").getLength(), 1);
    EXPECT_NE(messageOf<css::container::NoSuchElementException>(
                  [&] { clients->saveFileCopy(id, fileUrlOf(copy)); }),
              "no exception");
}

TEST_F(ProfileApi, FileProblemsAreExplained)
{
    const std::string code = newClient("Problemas, S.L.");
    const auto big = office->workDir() / "enorme.bin";
    std::ofstream(big).close();
    std::filesystem::resize_file(big, 50LL * 1024 * 1024 + 1); // sparse: nothing is read
    const std::string tooLarge = messageOf<css::lang::IllegalArgumentException>(
        [&] { clients->attachFile(u(code), fileUrlOf(big)); });
    EXPECT_NE(tooLarge.find("fileUrl: El archivo «enorme.bin» ocupa 52.428.801 bytes"),
              std::string::npos)
        << tooLarge;
    EXPECT_NE(tooLarge.find("(50 MB)"), std::string::npos) << tooLarge;

    const std::string missing = messageOf<css::lang::IllegalArgumentException>(
        [&] { clients->attachFile(u(code), fileUrlOf(office->workDir() / "no-existe.pdf")); });
    EXPECT_EQ(missing, "fileUrl: No se puede leer el archivo «no-existe.pdf». Compruebe que existe "
                       "y que tiene permiso para leerlo.");
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->attachFile(u(code), u("https://example.org/x.pdf")); }),
              "no exception");
    EXPECT_NE(messageOf<css::container::NoSuchElementException>(
                  [&] { clients->attachFile(u("C-999999"), fileUrlOf(big)); }),
              "no exception");
    EXPECT_EQ(records(code, "files").getLength(), 0);
}

// A FIFO used to block the call, and the office's bridge with it, until someone wrote to it.
// The test writes to it itself after 5 s, so that a regression fails instead of hanging.
TEST_F(ProfileApi, AttachingAFifoIsRefusedAtOnce)
{
    const std::string code = newClient("Tuberías, S.L.");
    const auto fifo = office->workDir() / "tubería.pdf";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0666), 0);
    std::atomic<bool> returned = false;
    std::atomic<bool> unblocked = false;
    std::thread unblocker(
        [&]
        {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
            while (!returned && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (returned)
                return;
            unblocked = true;
            const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
            if (writer >= 0)
                ::close(writer);
        });
    const auto started = std::chrono::steady_clock::now();
    const std::string refused = messageOf<css::lang::IllegalArgumentException>(
        [&] { clients->attachFile(u(code), fileUrlOf(fifo)); });
    const auto took = std::chrono::steady_clock::now() - started;
    returned = true;
    unblocker.join();
    EXPECT_FALSE(unblocked) << "attachFile blocked on the FIFO until it was written to";
    EXPECT_LT(took, std::chrono::seconds(2));
    EXPECT_EQ(refused, "fileUrl: «tubería.pdf» no es un archivo normal (es una tubería, un socket "
                       "o un dispositivo): solo se pueden usar archivos normales.");
    EXPECT_EQ(records(code, "files").getLength(), 0);
}

TEST_F(ProfileApi, AttachingFollowsLinksAndRefusesWhatIsNoFile)
{
    const std::string code = newClient("Enlaces, S.L.");
    const auto real = office->workDir() / "real.bin";
    {
        std::ofstream out(real, std::ios::binary);
        for (int i = 0; i < 100000; ++i)
            out.put(static_cast<char>((i * 7 + 3) % 256));
    }
    const auto link = office->workDir() / "contrato enlazado.pdf";
    std::filesystem::create_symlink(real, link);
    clients->attachFile(u(code), fileUrlOf(link));
    auto files = records(code, "files");
    ASSERT_EQ(files.getLength(), 1);
    EXPECT_EQ(field(files[0], "name"), "contrato enlazado.pdf");
    EXPECT_EQ(whole(files[0], "size"), 100000);
    EXPECT_EQ(field(files[0], "sha256"),
              "d96bab6a55ee326ba206dd4a85a6e95e14360d7fabbf448f03e689c24382b7d0");

    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->attachFile(u(code), u("/proc/self/environ")); }),
              "fileUrl: «environ» es un archivo especial del sistema (de /proc, /sys o similar), "
              "no un documento: no se adjunta.");
    const auto environ = office->workDir() / "entorno.txt";
    std::filesystem::create_symlink("/proc/self/environ", environ);
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->attachFile(u(code), fileUrlOf(environ)); })
                  .find("es un archivo especial del sistema"),
              std::string::npos);
    const auto folder = office->workDir() / "carpeta";
    std::filesystem::create_directories(folder);
    EXPECT_EQ(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->attachFile(u(code), fileUrlOf(folder)); }),
              "fileUrl: «carpeta» es una carpeta, no un archivo.");
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->attachFile(u(code), u("/dev/zero")); })
                  .find("fileUrl: «zero» no es un archivo normal"),
              std::string::npos);

    // A name that shows as "invoiceexe.pdf" but is a ".exe": refused, named visibly.
    const auto disguised = office->workDir() / "invoice\u202Efdp.exe";
    std::ofstream(disguised) << "MZ";
    const std::string refused = messageOf<css::lang::IllegalArgumentException>(
        [&] { clients->attachFile(u(code), fileUrlOf(disguised)); });
    EXPECT_EQ(refused.rfind("fileUrl: El nombre «invoice[U+202E]fdp.exe» contiene caracteres", 0),
              0U)
        << refused;
    EXPECT_EQ(refused.find("\u202E"), std::string::npos);
    EXPECT_EQ(records(code, "files").getLength(), 1);
}

TEST_F(ProfileApi, SaveFileCopyNeverReplacesTheRegister)
{
    const std::string code = newClient("Copias Peligrosas, S.L.");
    const auto source = office->workDir() / "nota.txt";
    std::ofstream(source) << "No soy un registro de clientes.\n";
    const sal_Int64 id = clients->attachFile(u(code), fileUrlOf(source));
    const sal_Int32 before = clients->countClients();
    const auto database = office->database();
    const auto link = office->workDir() / "enlace al registro.db";
    std::filesystem::create_symlink(database, link);
    const std::string name = database.filename().string();
    for (const std::filesystem::path& target :
         {database, std::filesystem::path(database.string() + "-wal"),
          std::filesystem::path(database.string() + "-shm"),
          std::filesystem::path(database.string() + "-journal"),
          std::filesystem::path(database.string() + ".backup-2024-05-01"),
          database.parent_path() / "." / name, link})
    {
        const std::string refused = messageOf<css::lang::IllegalArgumentException>(
            [&] { clients->saveFileCopy(id, fileUrlOf(target)); });
        EXPECT_EQ(refused.rfind("targetUrl: «", 0), 0U) << refused;
        EXPECT_NE(refused.find("es un archivo del propio registro de clientes"), std::string::npos)
            << target << ": " << refused;
    }
    EXPECT_FALSE(std::filesystem::exists(database.string() + "-journal"));
    EXPECT_TRUE(std::filesystem::is_symlink(link));
    EXPECT_EQ(clients->countClients(), before);
    EXPECT_EQ(field(clients->getClient(u(code)), "legalName"), "Copias Peligrosas, S.L.");
    EXPECT_EQ(records(code, "files").getLength(), 1);
}

// The copy goes to a temporary file beside the target, renamed into place: when it cannot be
// written, the old file is as it was. (As root, a read-only folder is made immutable.)
TEST_F(ProfileApi, SaveFileCopyThatCannotBeWrittenLeavesTheOldFile)
{
    const std::string code = newClient("Copias Fallidas, S.L.");
    const auto source = office->workDir() / "nueva versión.txt";
    std::ofstream(source) << "versión nueva\n";
    const sal_Int64 id = clients->attachFile(u(code), fileUrlOf(source));

    const auto folder = office->workDir() / "solo lectura";
    std::filesystem::create_directories(folder);
    const auto old = folder / "informe.txt";
    std::ofstream(old) << "versión anterior\n";
    std::filesystem::permissions(
        folder, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                    std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    int flags = 0;
    int locked = -1;
    if (::geteuid() == 0)
    {
        locked = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
        int immutable = 0;
        if (locked < 0 || ::ioctl(locked, FS_IOC_GETFLAGS, &flags) != 0 ||
            (immutable = flags | FS_IMMUTABLE_FL, ::ioctl(locked, FS_IOC_SETFLAGS, &immutable)) !=
                0)
            GTEST_SKIP() << "running as root without a way to make a folder unwritable";
    }
    const std::string refused = messageOf<css::lang::IllegalArgumentException>(
        [&] { clients->saveFileCopy(id, fileUrlOf(old)); });
    if (locked >= 0)
    {
        ::ioctl(locked, FS_IOC_SETFLAGS, &flags);
        ::close(locked);
    }
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
    EXPECT_EQ(refused, "targetUrl: No se puede escribir «informe.txt». Compruebe que la carpeta "
                       "existe y que puede escribir en ella.");
    std::ifstream in(old);
    const std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(kept, "versión anterior\n");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder),
                            std::filesystem::directory_iterator()),
              1);

    // Where it can be written, the old file is replaced whole.
    clients->saveFileCopy(id, fileUrlOf(office->workDir() / "nueva versión.txt"));
    const auto replaced = office->workDir() / "reemplazable.txt";
    std::ofstream(replaced) << "un texto anterior mucho más largo que el nuevo\n";
    clients->saveFileCopy(id, fileUrlOf(replaced));
    std::ifstream again(replaced);
    EXPECT_EQ(
        std::string((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>()),
        "versión nueva\n");
}
} // namespace clientes::testing
