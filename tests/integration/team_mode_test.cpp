// Team mode through real offices: each office's register on one PostgreSQL 15 server of the
// test's own (tests/server/pg_server.hpp), chosen by CLIENTES_SERVER; what one office saves the
// other reads; the three roles of packaging/server/clientes-roles.sql as the deck and the API
// show them.
#include "calc_document.hpp"
#include "core/register/register.hpp"
#include "core/register/register_copy.hpp"
#include "office.hpp"
#include "pg_server.hpp"
#include "register_copy_fixture.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/grid/XGridDataModel.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/IndexOutOfBoundsException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <org/clientes/RegisterException.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using org::clientes::RegisterException;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{

Reference<XClientDirectory> directoryOf(const Office& office)
{
    return Reference<XClientDirectory>(office.create("org.clientes.ClientDirectory"),
                                       UNO_QUERY_THROW);
}

std::string infoField(const Sequence<css::beans::NamedValue>& info, const char* name)
{
    return field(info, name);
}

std::vector<std::string> permissionsOf(const Sequence<css::beans::NamedValue>& info)
{
    std::vector<std::string> permissions;
    for (const auto& value : info)
        if (value.Name == "Permissions")
        {
            Sequence<rtl::OUString> list;
            value.Value >>= list;
            for (const auto& item : list)
                permissions.push_back(s(item));
        }
    return permissions;
}

std::string rolesSql()
{
    std::ifstream in(std::string(CLIENTES_SOURCE_DIR) + "/packaging/server/clientes-roles.sql");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class TeamMode : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        server = new PgServer();
        openTeamRegister(server->conninfo()); // the owner's first connection: the schema
        server->execute("clientes", rolesSql());
        server->execute("clientes", "CREATE ROLE ana LOGIN IN ROLE clientes_read; "
                                    "CREATE ROLE beto LOGIN IN ROLE clientes_edit");
    }
    static void TearDownTestSuite()
    {
        delete server;
        server = nullptr;
    }
    static OfficeOptions as(const std::string& user)
    {
        OfficeOptions options;
        options.server = server->conninfo("clientes", user);
        return options;
    }
    static PgServer* server;
};
PgServer* TeamMode::server = nullptr;

TEST_F(TeamMode, TwoOfficesShareOneRegisterAndTheActivitySaysWho)
{
    Office first(as("beto"));
    Office second(as(PgServer::kSuperuser));
    const auto a = directoryOf(first);
    const auto b = directoryOf(second);

    const auto info = a->getConnectionInfo();
    EXPECT_EQ(infoField(info, "Mode"), "server");
    EXPECT_EQ(infoField(info, "Location"),
              "127.0.0.1:" + std::to_string(server->port()) + "/clientes");
    EXPECT_EQ(infoField(info, "User"), "beto");
    EXPECT_EQ(permissionsOf(info), (std::vector<std::string>{"read", "edit"}));
    EXPECT_EQ(permissionsOf(b->getConnectionInfo()),
              (std::vector<std::string>{"read", "edit", "admin"}));

    const rtl::OUString code = a->addClient(fields({{"legalName", "Compartido, S.L."}}));
    // The other office reads it at once: one register, no copy.
    EXPECT_EQ(field(b->getClient(code), "legalName"), "Compartido, S.L.");
    b->updateClient(code, fields({{"city", "Huelva"}}));
    EXPECT_EQ(field(a->getClient(code), "city"), "Huelva");

    // Who did what: the server's users, in the API and in a register of the test's own.
    const auto activity = a->getRecords(code, u("activity"));
    ASSERT_EQ(activity.getLength(), 2);
    EXPECT_EQ(field(activity[0], "kind"), "updated");
    EXPECT_EQ(field(activity[0], "user"), PgServer::kSuperuser);
    EXPECT_EQ(field(activity[1], "kind"), "created");
    EXPECT_EQ(field(activity[1], "user"), "beto");
    const auto direct = openTeamRegister(server->conninfo());
    EXPECT_EQ(direct->search("compartido huelva", false, 10).total, 1);

    // An editor may not archive: a clear refusal, not an SQL error.
    const std::string refused = messageOf<RegisterException>([&] { a->archiveClient(code); });
    EXPECT_NE(refused.find("Solo un administrador del registro puede archivar"), std::string::npos)
        << refused;
    b->archiveClient(code);

    // Back-ups of a team register are its administrator's (pg_dump): said, not attempted.
    const std::string backup = messageOf<RegisterException>(
        [&] { b->backupTo(u((first.workDir() / "copia.db").string())); });
    EXPECT_NE(backup.find("pg_dump"), std::string::npos) << backup;
    EXPECT_FALSE(std::filesystem::exists(first.workDir() / "copia.db"));
}

// The deck's list as it shows now: the legal names of its rows.
std::vector<std::string> deckNames(CalcDocument& document)
{
    // The deck may refill its list on the main thread while this reads it over the bridge (an
    // answer from the server arriving): a row gone between the count and the read is read
    // again.
    for (int attempt = 0;; ++attempt)
    {
        try
        {
            Reference<css::awt::grid::XGridDataModel> model;
            Reference<css::beans::XPropertySet>(document.panelControl("ClientList")->getModel(),
                                                UNO_QUERY_THROW)
                ->getPropertyValue(u("GridDataModel")) >>= model;
            std::vector<std::string> names;
            for (sal_Int32 row = 0; row < model->getRowCount(); ++row)
            {
                rtl::OUString name;
                model->getCellData(0, row) >>= name;
                names.push_back(s(name));
            }
            return names;
        }
        catch (const css::uno::Exception& error)
        {
            // IndexOutOfBoundsException, or the grid's own RuntimeException for a row that went.
            if (attempt == 20)
                throw std::runtime_error("reading the deck's list: " + s(error.Message));
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
}

TEST_F(TeamMode, WhatOneOfficeSavesAppearsInTheOthersDeckWithinASecond)
{
    Office first(as("beto"));
    Office second(as("beto"));
    CalcDocument document(second);
    const auto a = directoryOf(first);
    document.panelControl("ClientList");
    second.waitForMainThread();
    for (int round = 0; round < 3; ++round)
    {
        const std::string name = "En vivo " + std::to_string(round) + ", S.L.";
        const auto saved = std::chrono::steady_clock::now();
        a->addClient(fields({{"legalName", name}}));
        bool shown = false;
        double waited = 0;
        while (!shown && waited < 1000)
        {
            const auto names = deckNames(document);
            shown = std::find(names.begin(), names.end(), name) != names.end();
            waited =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - saved)
                    .count();
            if (!shown)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        EXPECT_TRUE(shown) << name << " not in the other office's deck after " << waited << " ms";
        if (shown)
            std::printf("round %d: shown in the other office's deck after %.0f ms\n", round,
                        waited);
    }
}

TEST_F(TeamMode, EightWritersInTwoOfficesAddAThousandClientsEachAndNoneIsLost)
{
    PgServer own; // an empty register of its own
    OfficeOptions options;
    options.server = own.conninfo();
    Office first(options);
    Office second(options);
    constexpr int kWriters = 8;
    constexpr int kEach = 1000;
    std::vector<std::thread> writers;
    std::vector<std::vector<std::string>> codes(kWriters);
    std::atomic<int> failures{0};
    const auto started = std::chrono::steady_clock::now();
    for (int writer = 0; writer < kWriters; ++writer)
        writers.emplace_back(
            [&, writer]
            {
                // Each writer its own service instance (its own calls over the bridge).
                const auto clients = directoryOf(writer % 2 == 0 ? first : second);
                for (int i = 0; i < kEach; ++i)
                    try
                    {
                        codes[writer].push_back(s(clients->addClient(
                            fields({{"legalName", "Escritor " + std::to_string(writer) +
                                                      " cliente " + std::to_string(i)}}))));
                    }
                    catch (const css::uno::Exception&)
                    {
                        ++failures;
                    }
            });
    for (std::thread& writer : writers)
        writer.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_EQ(failures, 0);
    std::set<std::string> distinct;
    for (const auto& list : codes)
        distinct.insert(list.begin(), list.end());
    EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kWriters * kEach));
    const auto reg = openTeamRegister(own.conninfo());
    EXPECT_EQ(reg->search("", false, 1).total, kWriters * kEach);
    EXPECT_EQ(reg->search("escritor", false, 1).total, kWriters * kEach);
    // The codes are the counter's numbers, none skipped, none twice.
    EXPECT_TRUE(reg->byKey("C-008000").has_value());
    EXPECT_FALSE(reg->byKey("C-008001").has_value());
    std::printf("%d writers × %d adds through two offices: %.1f s, %zu distinct codes\n", kWriters,
                kEach, seconds, distinct.size());
}

std::string labelOf(CalcDocument& document, const char* control)
{
    rtl::OUString text;
    Reference<css::beans::XPropertySet>(document.panelControl(control)->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue(u("Label")) >>= text;
    return s(text);
}

// On a team server the deck reads off the main thread and shows the answer when it comes:
// what it shows is checked until it holds (eventually: 10 s at most).
TEST_F(TeamMode, TheDeckSaysWhenTheServerIsAwayAndComesBackOnItsOwn)
{
    PgServer own; // this test stops it
    OfficeOptions options;
    options.server = own.conninfo();
    Office office(options);
    directoryOf(office)->addClient(fields({{"legalName", "Antes del corte, S.L."}}));
    CalcDocument document(office);
    document.panelControl("ClientList");
    EXPECT_TRUE(eventually(
        office,
        [&] { return deckNames(document) == std::vector<std::string>{"Antes del corte, S.L."}; }));

    own.stop();
    // The next refresh (a keystroke) meets the outage, and says so.
    Reference<css::awt::XTextComponent>(document.panelControl("Search"), UNO_QUERY_THROW)
        ->setText(u("antes"));
    EXPECT_TRUE(eventually(
        office,
        [&] { return labelOf(document, "Status").find("Reintentando") != std::string::npos; }));
    const std::string status = labelOf(document, "Status");
    EXPECT_NE(status.find("Sin conexión con el servidor de clientes"), std::string::npos) << status;
    EXPECT_TRUE(deckNames(document).empty());

    // Back: the deck shows the clients again without anyone typing.
    own.start();
    bool back = false;
    for (int i = 0; i < 100 && !back; ++i)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        office.waitForMainThread();
        back = deckNames(document) == std::vector<std::string>{"Antes del corte, S.L."};
    }
    EXPECT_TRUE(back) << "the deck did not come back after the server did";
}

// A server that takes the connection but never answers (a hung machine, a firewall that
// drops packets): the deck's reads wait for it on a thread of their own, so Calc's main
// thread stays free while the deck says, after the 3-second connection timeout, that it
// retries.
TEST_F(TeamMode, AServerThatDoesNotAnswerNeverHoldsCalc)
{
    const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(silent, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(silent, 64), 0); // the kernel completes the handshakes; nobody answers
    socklen_t length = sizeof address;
    ::getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length);
    OfficeOptions options;
    options.server = "host=127.0.0.1 port=" + std::to_string(ntohs(address.sin_port)) +
                     " dbname=clientes user=beto";
    Office office(options);
    CalcDocument document(office);
    document.panelControl("ClientList");
    const auto search =
        Reference<css::awt::XTextComponent>(document.panelControl("Search"), UNO_QUERY_THROW);
    double slowest = 0;
    for (const char* typed : {"a", "an", "ana"})
    {
        search->setText(u(typed));
        const auto start = std::chrono::steady_clock::now();
        office.waitForMainThread();
        slowest = std::max(slowest, std::chrono::duration<double, std::milli>(
                                        std::chrono::steady_clock::now() - start)
                                        .count());
    }
    std::printf("main thread answered within %.0f ms while the server did not answer\n", slowest);
    EXPECT_LT(slowest, 1000.0);
    std::string status;
    for (int i = 0; i < 150 && status.find("Reintentando") == std::string::npos; ++i)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        office.waitForMainThread();
        status = labelOf(document, "Status");
    }
    EXPECT_NE(status.find("Sin conexión con el servidor de clientes"), std::string::npos) << status;
    ::close(silent);
}

// A search the server takes its time over (a table locked by another session): after 200 ms
// the deck says it is searching, and when the answer comes it shows the list.
TEST_F(TeamMode, TheDeckSaysItIsSearchingWhileTheServerTakesItsTime)
{
    Office office(as("beto"));
    CalcDocument document(office);
    const auto clients = directoryOf(office);
    clients->addClient(fields({{"legalName", "Lento y Paciente, S.L."}}));
    document.panelControl("ClientList");
    ASSERT_TRUE(
        eventually(office,
                   [&]
                   {
                       return labelOf(document, "Count").find("clientes") != std::string::npos ||
                              labelOf(document, "Count").find("cliente") != std::string::npos;
                   }));

    PGconn* locker = PQconnectdb(server->conninfo().c_str());
    ASSERT_EQ(PQstatus(locker), CONNECTION_OK) << PQerrorMessage(locker);
    PQclear(PQexec(locker, "BEGIN; LOCK TABLE clients IN ACCESS EXCLUSIVE MODE"));
    Reference<css::awt::XTextComponent>(document.panelControl("Search"), UNO_QUERY_THROW)
        ->setText(u("paciente"));
    const auto typed = std::chrono::steady_clock::now();
    const bool busy = eventually(
        office, [&] { return labelOf(document, "Count") == "Buscando en el servidor…"; });
    const double after =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - typed).count();
    EXPECT_TRUE(busy) << labelOf(document, "Count");
    EXPECT_GE(after, 200.0);
    std::printf("the deck said it was searching %.0f ms after the search was typed\n", after);
    PQclear(PQexec(locker, "COMMIT"));
    PQfinish(locker);
    EXPECT_TRUE(eventually(office,
                           [&]
                           {
                               const auto names = deckNames(document);
                               return names.size() == 1 &&
                                      names.front() == "Lento y Paciente, S.L.";
                           }));
    EXPECT_NE(labelOf(document, "Count"), "Buscando en el servidor…");
}

// Finding duplicates and the client dialog's near-match check ask the server from a thread
// of their own: with the clients' table locked by another session, the dialogs answer at once
// and say they are looking; their answers come when the lock goes.
TEST_F(TeamMode, FindingDuplicatesNeverHoldsCalcWhileTheServerTakesItsTime)
{
    OfficeOptions options;
    options.server = server->conninfo(); // the owner: an administrator, who may merge
    Office office(options);
    const auto clients = directoryOf(office);
    clients->addClient(fields({{"legalName", "Lento Duplicado, S.L."}, {"phone", "941112233"}}));
    clients->addClient(
        fields({{"legalName", "LENTO DUPLICADO SL"}, {"phone", "+34 941 11 22 33"}}));
    const auto open = [&](const char* service, const char* xdl)
    {
        const Reference<css::awt::XDialogEventHandler> handler(office.create(service),
                                                               UNO_QUERY_THROW);
        const Reference<css::awt::XDialog> dialog =
            css::awt::DialogProvider2::create(office.context())
                ->createDialogWithHandler(
                    u("vnd.sun.star.extension://org.clientes.calc/dialogs/") + u(xdl), handler);
        return std::make_pair(handler, dialog);
    };
    const auto label = [](const Reference<css::awt::XDialog>& dialog, const char* name)
    {
        rtl::OUString text;
        Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)
                ->getControl(u(name))
                ->getModel(),
            UNO_QUERY_THROW)
            ->getPropertyValue(u("Label")) >>= text;
        return s(text);
    };
    const auto finder = open("org.clientes.DuplicatesDialog", "DuplicatesDialog.xdl");
    const auto& duplicates = finder.first;
    const Reference<css::awt::XDialog> duplicatesDialog = finder.second;
    const auto form = open("org.clientes.ClientEditor", "ClientDialog.xdl");
    const auto& editor = form.first;
    const Reference<css::awt::XDialog> editorDialog = form.second;
    ASSERT_TRUE(editor->callHandlerMethod(editorDialog, css::uno::Any(), u("prepare")));

    PGconn* locker = PQconnectdb(server->conninfo().c_str());
    ASSERT_EQ(PQstatus(locker), CONNECTION_OK) << PQerrorMessage(locker);
    PQclear(PQexec(locker, "BEGIN; LOCK TABLE clients IN ACCESS EXCLUSIVE MODE"));
    // Whatever happens below, the lock goes within eight seconds.
    std::thread unlock(
        [locker]
        {
            std::this_thread::sleep_for(std::chrono::seconds(8));
            PQclear(PQexec(locker, "COMMIT"));
        });

    auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(duplicates->callHandlerMethod(duplicatesDialog, css::uno::Any(), u("prepare")));
    const double findMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    office.waitForMainThread();
    EXPECT_EQ(label(duplicatesDialog, "lblStatus"), "Buscando clientes parecidos… 0 %");

    Reference<css::awt::XTextComponent>(
        Reference<css::awt::XControlContainer>(editorDialog, UNO_QUERY_THROW)
            ->getControl(u("edLegalName")),
        UNO_QUERY_THROW)
        ->setText(u("Lento Duplicado"));
    start = std::chrono::steady_clock::now();
    ASSERT_TRUE(editor->callHandlerMethod(editorDialog, css::uno::Any(), u("onNameEdited")));
    const double typedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    office.waitForMainThread();
    EXPECT_EQ(label(editorDialog, "errForm"), "");
    std::printf("with the clients' table locked: finding duplicates answered in %.0f ms, a name "
                "typed in %.0f ms\n",
                findMs, typedMs);
    EXPECT_LT(findMs, 2000.0);
    EXPECT_LT(typedMs, 2000.0);

    unlock.join();
    PQfinish(locker);
    EXPECT_TRUE(eventually(office,
                           [&]
                           {
                               return label(duplicatesDialog, "lblStatus") ==
                                      "1 grupo encontrado. Elija uno para ver sus clientes lado "
                                      "a lado.";
                           }))
        << label(duplicatesDialog, "lblStatus");
    EXPECT_TRUE(eventually(office,
                           [&]
                           {
                               return label(editorDialog, "errForm")
                                   .starts_with("Parece el mismo cliente que Lento "
                                                "Duplicado, S.L.");
                           }))
        << label(editorDialog, "errForm");
    for (const auto& dialog : {duplicatesDialog, editorDialog})
        Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
}

TEST_F(TeamMode, AnOpenProfileSaysWhenAnotherOfficeChangedItsClient)
{
    Office first(as("beto"));
    Office second(as("beto"));
    const auto a = directoryOf(first);
    const rtl::OUString code = a->addClient(fields({{"legalName", "Ficha abierta, S.L."}}));
    // The profile open in the second office.
    const Reference<css::awt::XDialogEventHandler> handler(
        second.create("org.clientes.ProfileViewer"), UNO_QUERY_THROW);
    Sequence<css::uno::Any> arguments(1);
    arguments.getArray()[0] <<= code;
    Reference<css::lang::XInitialization>(handler, UNO_QUERY_THROW)->initialize(arguments);
    const Reference<css::awt::XDialog> dialog =
        css::awt::DialogProvider2::create(second.context())
            ->createDialogWithHandler(
                u("vnd.sun.star.extension://org.clientes.calc/dialogs/ProfileDialog.xdl"), handler);
    ASSERT_TRUE(handler->callHandlerMethod(dialog, css::uno::Any(), u("prepare")));
    const auto message = [&]
    {
        rtl::OUString text;
        Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)
                ->getControl(u("lblMessage"))
                ->getModel(),
            UNO_QUERY_THROW)
            ->getPropertyValue(u("Label")) >>= text;
        return s(text);
    };
    EXPECT_EQ(message(), "");
    a->updateClient(code, fields({{"city", "Soria"}}));
    bool shown = false;
    for (int i = 0; i < 100 && !shown; ++i)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        second.waitForMainThread();
        shown = message().find("Otra persona ha modificado este cliente") != std::string::npos;
    }
    EXPECT_TRUE(shown) << message();
    Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
}

TEST_F(TeamMode, TheClientDialogKeepsWhatWasTypedWhileTheServerIsAwayAndSavesWhenBack)
{
    PgServer own; // this test stops it
    OfficeOptions options;
    options.server = own.conninfo();
    Office office(options);
    const auto clients = directoryOf(office);
    EXPECT_EQ(clients->countClients(), 0); // the register is open on the server
    const Reference<css::awt::XDialogEventHandler> handler(
        office.create("org.clientes.ClientEditor"), UNO_QUERY_THROW);
    const Reference<css::awt::XDialog> dialog =
        css::awt::DialogProvider2::create(office.context())
            ->createDialogWithHandler(
                u("vnd.sun.star.extension://org.clientes.calc/dialogs/ClientDialog.xdl"), handler);
    ASSERT_TRUE(handler->callHandlerMethod(dialog, css::uno::Any(), u("prepare")));
    const auto control = [&](const char* name) {
        return Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(u(name));
    };
    Reference<css::awt::XTextComponent>(control("edLegalName"), UNO_QUERY_THROW)
        ->setText(u("Guardada al volver, S.L."));
    Reference<css::awt::XTextComponent>(control("edCity"), UNO_QUERY_THROW)->setText(u("Jaén"));

    own.stop();
    handler->callHandlerMethod(dialog, css::uno::Any(), u("onSave"));
    rtl::OUString error;
    Reference<css::beans::XPropertySet>(control("errForm")->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue(u("Label")) >>= error;
    EXPECT_NE(s(error).find("No hay conexión con el servidor"), std::string::npos) << s(error);
    EXPECT_NE(s(error).find("pulse Guardar para volver a intentarlo"), std::string::npos)
        << s(error);
    EXPECT_EQ(s(Reference<css::awt::XTextComponent>(control("edCity"), UNO_QUERY_THROW)->getText()),
              "Jaén");

    own.start();
    handler->callHandlerMethod(dialog, css::uno::Any(), u("onSave"));
    EXPECT_EQ(clients->countClients(), 1);
    const auto found = clients->findClients(u("guardada al volver"), 0);
    ASSERT_EQ(found.getLength(), 1);
    EXPECT_EQ(field(clients->getClient(found[0]), "city"), "Jaén");
    Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
}

TEST_F(TeamMode, AReadOnlyUserSeesTheAddButtonGreyedOutAndIsToldWhy)
{
    Office office(as("ana"));
    const auto clients = directoryOf(office);
    EXPECT_EQ(permissionsOf(clients->getConnectionInfo()), (std::vector<std::string>{"read"}));
    const std::string refused = messageOf<RegisterException>(
        [&] {
            clients->addClient(fields({{"legalName", "X"}}));
        });
    EXPECT_NE(refused.find("Su usuario «ana» solo puede consultar el registro"), std::string::npos)
        << refused;

    CalcDocument document(office);
    const Reference<css::awt::XWindow2> add(document.panelControl("AddClient"), UNO_QUERY_THROW);
    // Once the deck has heard from the server (it names the user), the button is greyed out.
    EXPECT_TRUE(eventually(office,
                           [&] {
                               return labelOf(document, "Count").find("en el servidor como ana") !=
                                      std::string::npos;
                           }))
        << labelOf(document, "Count");
    EXPECT_FALSE(add->isEnabled());
}

// "Editar en Calc" against the team server: what one office publishes from its bound sheet is
// what the other reads, and the other's save comes into the sheet with the deck's Actualizar.
TEST_F(TeamMode, ASheetBoundToTheServerPublishesForEveryoneAndRefreshesFromOthersSaves)
{
    Office first(as("beto"));
    Office second(as("beto"));
    const auto a = directoryOf(first);
    const auto b = directoryOf(second);
    const std::string code =
        s(a->addClient(fields({{"legalName", "Vinculada en equipo, S.L."}, {"city", "Ávila"}})));
    CalcDocument calc(first); // with the deck: its Actualizar runs off the main thread here
    calc.openClientesPanel();
    const Reference<css::sheet::XSpreadsheetDocument> document(calc.component(), UNO_QUERY_THROW);
    const Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(document->getSheets(), UNO_QUERY_THROW)
            ->getByIndex(0),
        UNO_QUERY_THROW);
    css::uno::Sequence<rtl::OUString> codes(1);
    codes.getArray()[0] = u(code);
    css::uno::Sequence<css::beans::NamedValue> scope(1);
    scope.getArray()[0] = css::beans::NamedValue(u("Codes"), css::uno::Any(codes));
    a->editClientsInSheet(sheet, scope);
    sheet->getCellByPosition(7, 1)->setFormula(u("Segovia"));
    const auto published = a->publishSheet(sheet, {});
    bool written = false;
    sal_Int32 updated = -1;
    for (const auto& value : published)
        if (value.Name == "Written")
            value.Value >>= written;
        else if (value.Name == "Updated")
            value.Value >>= updated;
    EXPECT_TRUE(written);
    EXPECT_EQ(updated, 1);
    const auto cityOf = [&](const Reference<XClientDirectory>& directory)
    {
        for (const auto& value : directory->getClient(u(code)))
            if (value.Name == "city")
                return s(value.Value.get<rtl::OUString>());
        return std::string();
    };
    EXPECT_EQ(cityOf(b), "Segovia");

    b->updateClient(u(code), fields({{"phone", "+34 921 000 000"}}));
    EXPECT_TRUE(eventually(
        first, [&]
        { return labelOf(calc, "PendingEdits").find("nada por publicar") != std::string::npos; }))
        << labelOf(calc, "PendingEdits");
    calc.press("RefreshSheet");
    EXPECT_TRUE(eventually(
        first,
        [&] { return s(sheet->getCellByPosition(10, 1)->getFormula()) == "+34 921 000 000"; }))
        << s(sheet->getCellByPosition(10, 1)->getFormula());
}

TEST_F(TeamMode, AnEditorSeesTheAddButtonEnabled)
{
    Office office(as("beto"));
    CalcDocument document(office);
    const Reference<css::awt::XWindow2> add(document.panelControl("AddClient"), UNO_QUERY_THROW);
    EXPECT_TRUE(eventually(office,
                           [&] {
                               return labelOf(document, "Count").find("en el servidor como beto") !=
                                      std::string::npos;
                           }))
        << labelOf(document, "Count");
    EXPECT_TRUE(add->isEnabled());
}

// A and B, in two offices, edit the same client: A saves first; B's save is refused, B's
// dialog shows A's values, nothing of A's is lost, and B saving again keeps both changes.
TEST_F(TeamMode, TwoUsersEditingOneClientTheSecondSaveIsRefusedWithTheFirstOnesValues)
{
    Office a(as("beto"));
    Office b(as(PgServer::kSuperuser));
    const std::string code = s(directoryOf(a)->addClient(
        fields({{"legalName", "Editada por dos, S.L."}, {"city", "Soria"}})));
    struct Editor
    {
        Reference<css::awt::XDialogEventHandler> handler;
        Reference<css::awt::XDialog> dialog;
        Reference<css::awt::XControl> control(const char* name) const
        {
            return Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)
                ->getControl(u(name));
        }
        void type(const char* name, const std::string& text) const
        {
            Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->setText(u(text));
        }
        std::string text(const char* name) const
        {
            return s(
                Reference<css::awt::XTextComponent>(control(name), UNO_QUERY_THROW)->getText());
        }
        std::string label(const char* name) const
        {
            rtl::OUString value;
            Reference<css::beans::XPropertySet>(control(name)->getModel(), UNO_QUERY_THROW)
                ->getPropertyValue(u("Label")) >>= value;
            return s(value);
        }
        void save() const { handler->callHandlerMethod(dialog, css::uno::Any(), u("onSave")); }
    };
    const auto edit = [&](const Office& office)
    {
        Editor editor;
        editor.handler.set(office.create("org.clientes.ClientEditor"), UNO_QUERY_THROW);
        Sequence<css::uno::Any> arguments(1);
        arguments.getArray()[0] <<= u(code);
        Reference<css::lang::XInitialization>(editor.handler, UNO_QUERY_THROW)
            ->initialize(arguments);
        editor.dialog =
            css::awt::DialogProvider2::create(office.context())
                ->createDialogWithHandler(u("vnd.sun.star.extension://org.clientes.calc/dialogs/"
                                            "ClientDialog.xdl"),
                                          editor.handler);
        EXPECT_TRUE(
            editor.handler->callHandlerMethod(editor.dialog, css::uno::Any(), u("prepare")));
        return editor;
    };
    const Editor first = edit(a);
    const Editor second = edit(b);
    first.type("edCity", "Almazán");
    first.save();
    EXPECT_EQ(first.label("errForm"), "");

    second.type("edPhone", "975 000 000");
    second.save();
    EXPECT_NE(second.label("errForm").find("Otra persona ha modificado este cliente"),
              std::string::npos)
        << second.label("errForm");
    EXPECT_EQ(second.text("edCity"), "Almazán"); // A's value, shown to B
    const auto stored = directoryOf(b)->getClient(u(code));
    EXPECT_EQ(field(stored, "city"), "Almazán"); // nothing of A's lost
    EXPECT_EQ(field(stored, "phone"), "");

    second.type("edPhone", "975 000 000");
    second.save();
    EXPECT_EQ(second.label("errForm"), "");
    const auto both = directoryOf(a)->getClient(u(code));
    EXPECT_EQ(field(both, "city"), "Almazán");
    EXPECT_EQ(field(both, "phone"), "975 000 000");
    for (const Editor* editor : {&first, &second})
        Reference<css::lang::XComponent>(editor->dialog, UNO_QUERY_THROW)->dispose();
}

// "Copiar mis clientes al servidor…": the dialog of a real office in team mode previews what
// copying its own register file (every record kind, a file, activity) into the server does,
// copies it, and the server then holds all of it; a second time there is nothing to copy.
TEST_F(TeamMode, TheCopyDialogBringsTheFileRegisterToTheServerOnceWithEverything)
{
    namespace fs = std::filesystem;
    const fs::path folder =
        fs::temp_directory_path() / ("clientes-copy-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    const fs::path file = folder / "mine.db";
    test::CopySource source;
    {
        const auto from = openRegister(file);
        source = test::fillCopySource(*from);
    }
    server->createDatabase("copia");
    const std::string conninfo = server->conninfo("copia");
    test::CopyTarget target;
    {
        const auto to = openTeamRegister(conninfo);
        target = test::fillCopyTarget(*to);
    }
    OfficeOptions options;
    options.server = conninfo;
    options.database = file;
    Office office(options);

    const auto openDialog = [&]
    {
        const Reference<css::awt::XDialogEventHandler> handler(
            office.create("org.clientes.CopyToServer"), UNO_QUERY_THROW);
        const Reference<css::awt::XDialog> dialog =
            css::awt::DialogProvider2::create(office.context())
                ->createDialogWithHandler(
                    u("vnd.sun.star.extension://org.clientes.calc/dialogs/CopyDialog.xdl"),
                    handler);
        EXPECT_TRUE(handler->callHandlerMethod(dialog, css::uno::Any(), u("prepare")));
        return std::make_pair(handler, dialog);
    };
    const auto model = [](const Reference<css::awt::XDialog>& dialog, const char* name)
    {
        return Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)
                ->getControl(u(name))
                ->getModel(),
            UNO_QUERY_THROW);
    };
    const auto label = [&](const Reference<css::awt::XDialog>& dialog, const char* name)
    {
        rtl::OUString value;
        model(dialog, name)->getPropertyValue(u("Label")) >>= value;
        return s(value);
    };
    const auto waitFor = [&](const Reference<css::awt::XDialog>& dialog, const char* prefix)
    {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (label(dialog, "lblSummary").rfind(prefix, 0) != 0 &&
               std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return label(dialog, "lblSummary");
    };

    auto [handler, dialog] = openDialog();
    EXPECT_EQ(waitFor(dialog, "Clientes nuevos"),
              "Clientes nuevos: 2 · completados: 1 · ya estaban: 1. Para copiar: registros 9, "
              "archivos 1, entradas de actividad 19.");
    Sequence<rtl::OUString> lines;
    model(dialog, "lstClients")->getPropertyValue(u("StringItemList")) >>= lines;
    ASSERT_EQ(lines.getLength(), 4);
    std::string all;
    for (const auto& line : lines)
        all += s(line) + "\n";
    EXPECT_NE(all.find("Nuevo: C-000001 Alfa Ingeniería, S.L."), std::string::npos) << all;
    EXPECT_NE(all.find("Completa "), std::string::npos) << all;
    EXPECT_NE(all.find("Ya está: "), std::string::npos) << all;
    bool enabled = false;
    model(dialog, "btnCopy")->getPropertyValue(u("Enabled")) >>= enabled;
    EXPECT_TRUE(enabled);

    handler->callHandlerMethod(dialog, css::uno::Any(), u("onCopy"));
    const std::string done = waitFor(dialog, "Copiado en una sola transacción");
    EXPECT_EQ(done, "Copiado en una sola transacción. Clientes nuevos: 2 · completados: 1 · ya "
                    "estaban: 1. Copiado: registros 9, archivos 1, entradas de actividad 19.");
    Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();

    // On the server: every record, the file's bytes, the activity; nothing more to copy.
    {
        const auto from = openRegister(file);
        const auto to = openTeamRegister(conninfo);
        const RegisterCopyPlan after = planRegisterCopy(*from, *to);
        test::expectNothingToCopy(after, 4);
        test::expectCopied(*from, *to, source, target, after);
    }

    // The dialog says so, and its Copy button stays greyed out.
    auto [again, second] = openDialog();
    EXPECT_EQ(waitFor(second, "Todo lo del archivo"),
              "Todo lo del archivo ya está en el servidor: no hay nada que copiar.");
    model(second, "btnCopy")->getPropertyValue(u("Enabled")) >>= enabled;
    EXPECT_FALSE(enabled);
    Reference<css::lang::XComponent>(second, UNO_QUERY_THROW)->dispose();
    fs::remove_all(folder);
}

} // namespace
} // namespace clientes::testing
