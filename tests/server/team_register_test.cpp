// The register on a team server: who is connected, what each of the three roles of
// packaging/server/clientes-roles.sql may do, and who did what in the activity. A real
// PostgreSQL 15 of the test's own (pg_server.hpp), the register as the extension opens it
// (openTeamRegister).
#include "core/messages/messages.hpp"
#include "core/register/register.hpp"
#include "core/register/register_copy.hpp"
#include "core/store/postgres/pg_store.hpp"
#include "pg_server.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace clientes::test
{
namespace
{

using clientes::testing::PgServer;

Client named(std::string legalName)
{
    Client client;
    client.legalName = std::move(legalName);
    client.country = "ES";
    return client;
}

ClientImportCommit importOf(std::initializer_list<const char*> names)
{
    ClientImportCommit commit;
    commit.source = "clientes.ods";
    for (const char* name : names)
        commit.creates.push_back(named(name));
    return commit;
}

std::string rolesSql()
{
    std::ifstream in(std::string(CLIENTES_SOURCE_DIR) + "/packaging/server/clientes-roles.sql");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_FALSE(text.str().empty());
    return text.str();
}

// A server whose register was created by its owner, with the README's three roles and one
// login in each: ana reads, beto edits, carla administers.
class TeamRegister : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        server_ = new PgServer();
        openTeamRegister(server_->conninfo()); // the owner's first connection: the schema
        server_->execute("clientes", rolesSql());
        server_->execute("clientes", "CREATE ROLE ana LOGIN IN ROLE clientes_read; "
                                     "CREATE ROLE beto LOGIN IN ROLE clientes_edit; "
                                     "CREATE ROLE carla LOGIN IN ROLE clientes_admin");
    }
    static void TearDownTestSuite()
    {
        delete server_;
        server_ = nullptr;
    }
    std::unique_ptr<Register> as(const std::string& user)
    {
        return openTeamRegister(server_->conninfo("clientes", user));
    }
    static PgServer* server_;
};

PgServer* TeamRegister::server_ = nullptr;

TEST_F(TeamRegister, ConnectionInfoNamesTheServerTheUserAndWhatTheyMayDo)
{
    const ConnectionInfo owner = as(PgServer::kSuperuser)->connectionInfo();
    EXPECT_TRUE(owner.server);
    EXPECT_EQ(owner.location, "127.0.0.1:" + std::to_string(server_->port()) + "/clientes");
    EXPECT_EQ(owner.user, PgServer::kSuperuser);
    EXPECT_EQ(owner.permissions, (Permissions{true, true, true}));
    EXPECT_EQ(as("ana")->connectionInfo().permissions, (Permissions{true, false, false}));
    EXPECT_EQ(as("beto")->connectionInfo().permissions, (Permissions{true, true, false}));
    EXPECT_EQ(as("carla")->connectionInfo().permissions, (Permissions{true, true, true}));
    EXPECT_EQ(as("carla")->connectionInfo().user, "carla");
}

// The options page's settings as the extension connects with them: a password with quotes,
// a backslash and spaces reaches the server whole, and a wrong one is told as a refused login.
TEST_F(TeamRegister, TheOptionsPageSettingsConnectWithThePasswordAndAWrongOneIsRefused)
{
    const std::string password = "it's a \\ secret";
    server_->requirePassword("dora", password);
    server_->execute("clientes", "GRANT clientes_edit TO dora");
    postgres::ServerAddress address;
    address.host = "127.0.0.1";
    address.port = server_->port();
    address.database = "clientes";
    address.user = "dora";
    address.tlsMode = "disable";
    const std::string conninfo = postgres::connectionString(address, password);
    EXPECT_NE(conninfo.find("password='it\\'s a \\\\ secret'"), std::string::npos) << conninfo;
    EXPECT_NE(conninfo.find("connect_timeout='3'"), std::string::npos) << conninfo;
    const ConnectionInfo info = openTeamRegister(conninfo)->connectionInfo();
    EXPECT_EQ(info.user, "dora");
    EXPECT_EQ(info.permissions, (Permissions{true, true, false}));

    try
    {
        openTeamRegister(postgres::connectionString(address, "wrong"));
        FAIL() << "a wrong password was accepted";
    }
    catch (const StoreError& error)
    {
        EXPECT_EQ(error.kind, StoreError::Kind::PermissionDenied) << error.what();
        EXPECT_NE(describe(error, Language::Es).find("no aceptó al usuario «dora»"),
                  std::string::npos)
            << describe(error, Language::Es);
    }
    try
    {
        openTeamRegister(postgres::connectionString(address)); // no password at all
        FAIL() << "a login without its password was accepted";
    }
    catch (const StoreError& error)
    {
        EXPECT_EQ(error.kind, StoreError::Kind::PermissionDenied) << error.what();
    }
}

TEST_F(TeamRegister, AReadOnlyUserReadsEverythingAndIsToldWhyItCannotWrite)
{
    const Client stored = as("carla")->add(named("Leído por Ana, S.L."));
    const auto ana = as("ana");
    ASSERT_TRUE(ana->byId(stored.id).has_value());
    EXPECT_EQ(ana->search("leido", false, 10).total, 1);
    try
    {
        ana->add(named("Nunca, S.L."));
        FAIL() << "a read-only user added a client";
    }
    catch (const NotPermitted& refused)
    {
        EXPECT_EQ(refused.need, NotPermitted::Need::Edit);
        EXPECT_EQ(refused.user, "ana");
        const std::string message = describe(refused, Language::Es);
        EXPECT_NE(message.find("Su usuario «ana» solo puede consultar"), std::string::npos)
            << message;
        EXPECT_EQ(message.find("SQL"), std::string::npos) << message;
    }
    EXPECT_THROW(ana->addNote(stored.id, "nota"), NotPermitted);
    EXPECT_THROW(ana->commitClientImport(importOf({"Importado, S.L."})), NotPermitted);
    EXPECT_EQ(ana->search("nunca importado", false, 10).total, 0);
}

TEST_F(TeamRegister, AReadOnlyUserCannotCopyAFileIntoTheServer)
{
    TempDir dir;
    Register file(dir / "mis-clientes.db");
    file.add(named("Copiado por Ana, S.L."));
    const auto ana = as("ana");
    EXPECT_EQ(planRegisterCopy(file, *ana).counts.created, 1); // a preview reads only
    try
    {
        copyRegister(file, *ana);
        FAIL() << "a read-only user copied a file into the server";
    }
    catch (const NotPermitted& refused)
    {
        EXPECT_EQ(refused.need, NotPermitted::Need::Edit);
    }
    EXPECT_EQ(ana->search("copiado ana", true, 10).total, 0);
}

TEST_F(TeamRegister, EditorsChangeClientsButArchivingAndDeletingAreForAdministrators)
{
    const auto beto = as("beto");
    Client client = beto->add(named("Editado por Beto, S.L."));
    client.city = "Sevilla";
    client = beto->update(client);
    EXPECT_EQ(client.city, "Sevilla");
    try
    {
        beto->archive(client.id);
        FAIL() << "an editor archived a client";
    }
    catch (const NotPermitted& refused)
    {
        EXPECT_EQ(refused.need, NotPermitted::Need::Admin);
        EXPECT_NE(describe(refused, Language::En).find("Only an administrator"), std::string::npos);
    }
    EXPECT_THROW(beto->deleteClient(client.id), NotPermitted);
    EXPECT_FALSE(beto->byId(client.id)->archived);

    const auto carla = as("carla");
    carla->archive(client.id);
    EXPECT_TRUE(beto->byId(client.id)->archived);
}

TEST_F(TeamRegister, EditorsUndoTheirOwnImportsAndOnlyAdministratorsOtherPeoples)
{
    const auto beto = as("beto");
    const auto carla = as("carla");
    beto->commitClientImport(importOf({"Importado por Beto, S.L."}));
    EXPECT_EQ(beto->lastImport()->user, "beto");
    beto->undoLastImport();
    EXPECT_EQ(beto->search("importado beto", false, 10).total, 0);

    carla->commitClientImport(importOf({"Importado por Carla, S.L."}));
    EXPECT_EQ(beto->lastImport()->user, "carla");
    EXPECT_THROW(beto->undoLastImport(), NotPermitted);
    EXPECT_EQ(beto->search("importado carla", false, 10).total, 1);
    carla->undoLastImport();
    EXPECT_EQ(beto->search("importado carla", false, 10).total, 0);
}

TEST_F(TeamRegister, TheActivitySaysWhoDidWhat)
{
    const auto beto = as("beto");
    const auto carla = as("carla");
    Client client = beto->add(named("Historia, S.L."));
    client.city = "Cádiz";
    carla->update(client);
    beto->addNote(client.id, "Llamada");
    const ActivityPage page = carla->activity(client.id, 10, 0);
    ASSERT_EQ(page.entries.size(), 3U);
    EXPECT_EQ(page.entries[0].kind, ActivityKind::Note);
    EXPECT_EQ(page.entries[0].user, "beto");
    EXPECT_EQ(page.entries[1].kind, ActivityKind::Updated);
    EXPECT_EQ(page.entries[1].user, "carla");
    EXPECT_EQ(page.entries[2].kind, ActivityKind::Created);
    EXPECT_EQ(page.entries[2].user, "beto");
}

TEST_F(TeamRegister, TwoUsersMergingTheSamePairAtOnceOneWinsAndTheOtherIsTold)
{
    const auto owner = openTeamRegister(server_->conninfo());
    const auto carla = as("carla");
    const Client keep = owner->add(named("Fusión Simultánea, S.L."));
    const Client other = owner->add(named("FUSION SIMULTANEA SL"));
    const MergeRequest request{.keepId = keep.id,
                               .mergedIds = {other.id},
                               .versions = {{keep.id, keep.version}, {other.id, other.version}}};
    std::atomic<int> ready = 0;
    std::atomic<int> merged = 0;
    std::vector<std::string> told(2);
    const auto merge = [&](Register& reg, std::size_t who)
    {
        ++ready;
        while (ready < 2)
            std::this_thread::yield();
        try
        {
            reg.mergeClients(request);
            ++merged;
        }
        catch (const MergeRefused& refused)
        {
            told[who] = describe(refused, Language::Es);
        }
        catch (const ConflictError& conflict)
        {
            told[who] = describe(conflict, Language::Es);
        }
    };
    std::thread first(merge, std::ref(*owner), 0);
    std::thread second(merge, std::ref(*carla), 1);
    first.join();
    second.join();
    EXPECT_EQ(merged.load(), 1);
    EXPECT_NE(told[0].empty(), told[1].empty()) << told[0] << " | " << told[1];
    std::cout << "the user who lost was told: " << told[0] << told[1] << "\n";
    // One merge, the pair merged once: the other's records moved once, one entry each.
    const std::optional<MergeInfo> stood = carla->mergeOf(other.id);
    ASSERT_TRUE(stood.has_value());
    EXPECT_EQ(stood->keepId, keep.id);
    EXPECT_TRUE(stood->user == "carla" || !told[1].empty()) << stood->user;
    EXPECT_EQ(carla->activity(other.id, 10, 0).entries.front().kind, ActivityKind::Merged);
    // Its history went with its records to the one that stays: only the merge is left.
    EXPECT_EQ(carla->activity(other.id, 10, 0).entries.size(), 1U);
    EXPECT_EQ(carla->activity(keep.id, 10, 0).entries.size(), 3U); // created ×2, merged

    // Merging archives: editors may not; they may mark pairs that are not duplicates.
    const auto beto = as("beto");
    const Client a = beto->add(named("Hermanos Díaz, S.L."));
    const Client b = beto->add(named("HERMANOS DIAZ SL"));
    EXPECT_THROW(beto->mergeClients({.keepId = a.id, .mergedIds = {b.id}}), NotPermitted);
    beto->markNotDuplicates(a.id, b.id);
    EXPECT_TRUE(carla->findDuplicates({.codes = {a.code}}).empty());
}

// The changes a register's watch reports, counted; waitFor(n, limit): whether n came in time.
class HeardChanges
{
public:
    explicit HeardChanges(Register& store)
        : watch_(store.watchChanges(
              [this]
              {
                  std::lock_guard lock(mutex_);
                  ++changes_;
                  heard_.notify_all();
              }))
    {
    }
    bool watching() const { return watch_ != nullptr; }
    bool waitFor(int count, std::chrono::milliseconds limit)
    {
        std::unique_lock lock(mutex_);
        return heard_.wait_for(lock, limit, [&] { return changes_ >= count; });
    }

private:
    std::mutex mutex_;
    std::condition_variable heard_;
    int changes_ = 0;
    std::unique_ptr<ChangeWatch> watch_; // last: stopped before the rest goes
};

TEST_F(TeamRegister, AnotherUsersCommitIsHeardWithinASecondAndOnesOwnIsNot)
{
    const auto mine = as("beto");
    const auto theirs = as("carla");
    HeardChanges heard(*mine);
    ASSERT_TRUE(heard.watching());
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the watch is listening
    mine->add(named("Mío, S.L."));
    EXPECT_FALSE(heard.waitFor(1, std::chrono::milliseconds(400))) << "its own commit was news";
    const auto saved = std::chrono::steady_clock::now();
    theirs->add(named("Suyo, S.L."));
    EXPECT_TRUE(heard.waitFor(1, std::chrono::seconds(1)));
    std::printf("another user's commit heard after %.1f ms\n",
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - saved)
                    .count());
    // A unit that rolls back tells nobody.
    EXPECT_THROW(theirs->update(Client{}), std::exception);
    EXPECT_FALSE(heard.waitFor(2, std::chrono::milliseconds(400)));
}

TEST_F(TeamRegister, ACommitMadeBeforeTheWatchListensIsHeardToo)
{
    // The deck opens the register, then starts its watch, whose connection takes a moment: what
    // another user commits in between is heard once the watch listens, not at the next change.
    const auto mine = as("beto");
    const auto theirs = as("carla");
    theirs->add(named("Entre medias, S.L."));
    HeardChanges heard(*mine);
    ASSERT_TRUE(heard.watching());
    EXPECT_TRUE(heard.waitFor(1, std::chrono::seconds(1)))
        << "a commit made while the watch was connecting was not heard";
}

TEST_F(TeamRegister, AServerThatDoesNotAnswerIsToldApartFromAFile)
{
    // A port nobody listens on: refused at once (the 3 s connect timeout bounds the rest).
    try
    {
        openTeamRegister("host=127.0.0.1 port=1 dbname=clientes user=ana");
        FAIL() << "connected to nothing";
    }
    catch (const StoreError& error)
    {
        EXPECT_EQ(error.kind, StoreError::Kind::CannotOpen);
        EXPECT_EQ(error.where, StoreError::Where::Server);
        const std::string message = describe(error, Language::Es);
        EXPECT_NE(message.find("No hay conexión con el servidor «127.0.0.1:1/clientes»"),
                  std::string::npos)
            << message;
    }
}

// A server of its own: this test stops it.
TEST(TeamServerAway, AnImportCutByTheServerStoppingLeavesNothingAndTheRegisterRecovers)
{
    PgServer server;
    const auto reg = openTeamRegister(server.conninfo());
    reg->add(named("Antes del corte, S.L."));
    std::atomic<int> heard{0};
    const auto watch = reg->watchChanges([&] { ++heard; });

    ClientImportCommit commit;
    commit.source = "grande.ods";
    for (int i = 0; i < 20000; ++i)
        commit.creates.push_back(named("Cortado " + std::to_string(i) + ", S.L."));
    std::optional<StoreError> failure;
    std::thread import(
        [&]
        {
            try
            {
                reg->commitClientImport(std::move(commit));
            }
            catch (const StoreError& error)
            {
                failure = error;
            }
        });
    // Stop the server while the import's rows are on their way (its COPY is running).
    const auto watcher = openTeamRegister(server.conninfo());
    bool copying = false;
    for (int i = 0; i < 2000 && !copying; ++i)
    {
        PGconn* probe = PQconnectdb(server.conninfo().c_str());
        PGresult* result = PQexec(probe, "SELECT count(*) FROM pg_stat_activity WHERE query "
                                         "LIKE 'COPY clients %' AND state = 'active'");
        copying = PQresultStatus(result) == PGRES_TUPLES_OK &&
                  std::string(PQgetvalue(result, 0, 0)) != "0";
        PQclear(result);
        PQfinish(probe);
    }
    ASSERT_TRUE(copying) << "the import's COPY was never seen running";
    server.stop();
    import.join();
    ASSERT_TRUE(failure.has_value()) << "the import went through a stopped server";
    EXPECT_EQ(failure->where, StoreError::Where::Server);
    EXPECT_NE(describe(*failure, Language::Es).find("servidor"), std::string::npos);

    // Away: each call says so, quickly.
    const auto asked = std::chrono::steady_clock::now();
    try
    {
        reg->search("", false, 10);
        FAIL() << "searched a stopped server";
    }
    catch (const StoreError& error)
    {
        EXPECT_EQ(error.kind, StoreError::Kind::CannotOpen);
        EXPECT_NE(describe(error, Language::Es).find("No hay conexión"), std::string::npos)
            << describe(error, Language::Es);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(4));

    // Back: the same register goes on, with nothing of the import; the watch reconnects and
    // reports that it may have missed changes.
    const int heardBefore = heard;
    server.start();
    const SearchPage page = reg->search("", false, 10);
    EXPECT_EQ(page.total, 1);
    EXPECT_EQ(reg->search("cortado", false, 10).total, 0);
    EXPECT_FALSE(reg->lastImport().has_value());
    for (int i = 0; i < 60 && heard == heardBefore; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_GT(heard, heardBefore) << "the watch did not come back";
    reg->add(named("Después del corte, S.L."));
    EXPECT_EQ(watcher->search("corte", false, 10).total, 2);
}

TEST(TeamServerAway, ARegisterThatCouldNotBeOpenedHearsWhenTheServerIsBack)
{
    PgServer server;
    server.stop();
    EXPECT_THROW(openTeamRegister(server.conninfo()), StoreError);
    std::atomic<int> heard{0};
    const auto watch = watchTeamServer(server.conninfo(), [&] { ++heard; });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(heard, 0);
    server.start();
    for (int i = 0; i < 50 && heard == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(heard, 1) << "not told that the server is back";
    EXPECT_EQ(openTeamRegister(server.conninfo())->search("", false, 1).total, 0);
}

// A bulk import's search documents are written right after its commit. An office closed
// before they were (here: kept from writing them by a lock another session holds) leaves its
// clients waiting; the next opening writes them, with no search asking, and every count is
// exact. A search before that finds them all the same.
TEST(TeamServerSearch, AnImportsSearchDocumentsCutShortAreWrittenByTheNextOpening)
{
    PgServer server;
    std::unique_ptr<PGconn, decltype(&PQfinish)> raw(PQconnectdb(server.conninfo().c_str()),
                                                     &PQfinish);
    ASSERT_EQ(PQstatus(raw.get()), CONNECTION_OK);
    const auto sql = [&](const std::string& text)
    {
        PGresult* result = PQexec(raw.get(), text.c_str());
        const ExecStatusType status = PQresultStatus(result);
        EXPECT_TRUE(status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
            << text << ": " << PQerrorMessage(raw.get());
        std::string first =
            status == PGRES_TUPLES_OK && PQntuples(result) > 0 ? PQgetvalue(result, 0, 0) : "";
        PQclear(result);
        return first;
    };
    const std::string waiting = "SELECT count(*) FROM clients WHERE search_pending";
    {
        const auto reg = openTeamRegister(server.conninfo());
        reg->add(named("Antes, S.L."));
        sql("BEGIN; LOCK TABLE search_counts IN SHARE MODE");
        ClientImportCommit commit;
        commit.source = "espera.ods";
        for (int i = 0; i < 3000; ++i)
            commit.creates.push_back(named("Esperando " + std::to_string(i) + ", S.L."));
        reg->commitClientImport(std::move(commit));
        EXPECT_EQ(sql(waiting), "3000");
    } // closed: what it was writing gives up on the lock
    sql("COMMIT");
    EXPECT_EQ(sql(waiting), "3000");
    EXPECT_EQ(sql("SELECT count(*) FROM clientes_meta WHERE name LIKE 'search_pending_%'"), "2");

    const auto next = openTeamRegister(server.conninfo());
    for (int i = 0; i < 200 && sql(waiting) != "0"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(sql(waiting), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM clientes_meta WHERE name LIKE 'search_pending_%'"), "0");
    EXPECT_EQ(sql("SELECT clients FROM search_counts WHERE prefix = 'espera' AND NOT archived"),
              "3000");
    EXPECT_EQ(sql("SELECT clients FROM search_counts WHERE prefix = '' AND NOT archived"), "3001");
    EXPECT_EQ(next->search("esperando", false, 5).total, 3000);
    EXPECT_EQ(next->search("esperando 2999", false, 5).total, 1);
}

// An editor's import is found at once by a user who may only read (who cannot write the
// waiting search documents, and waits for the importing office to write them).
TEST_F(TeamRegister, AReadOnlyUserFindsAnImportAtOnce)
{
    ClientImportCommit commit;
    commit.source = "lectura.ods";
    for (int i = 0; i < 2000; ++i)
        commit.creates.push_back(named("Legible " + std::to_string(i) + ", S.L."));
    const auto reader = as("ana");
    as("beto")->commitClientImport(std::move(commit));
    EXPECT_EQ(reader->search("legible", false, 5).total, 2000);
    EXPECT_EQ(reader->search("legible 1999", false, 5).total, 1);
}

// A bulk insert takes the counter's next codes, skipping those already in use (here: the
// counter set back, as a restore of an old dump could leave it).
TEST(TeamServerCodes, ABulkInsertSkipsCodesAlreadyInUse)
{
    PgServer server;
    const auto reg = openTeamRegister(server.conninfo());
    reg->add(named("Uno, S.L."));
    reg->add(named("Dos, S.L."));
    server.execute("clientes", "UPDATE clientes_meta SET value = 0 WHERE name = 'client_code'");
    ClientImportCommit commit;
    commit.source = "codigos.ods";
    for (int i = 0; i < 600; ++i)
        commit.creates.push_back(named("Código " + std::to_string(i) + ", S.L."));
    reg->commitClientImport(std::move(commit));
    EXPECT_EQ(reg->search("", false, 1).total, 602);
    EXPECT_EQ(reg->search("C-000602", false, 5).total, 1);
    EXPECT_EQ(reg->search("C-000603", false, 5).total, 0);
    EXPECT_EQ(reg->search("codigo", false, 5).total, 600);
}

// A register created by the previous version (schema 2) gains the client's mobile and second
// address line, the contact's mobile (v3), the client's other addresses and bank accounts (v4)
// when the first newer extension connects, and keeps what it held. (The columns and tables are
// taken away again to make a version-2 server.)
TEST_F(TeamRegister, AServerAtTheLastVersionsSchemaIsMigratedKeepingItsClients)
{
    server_->createDatabase("older");
    std::int64_t id = 0;
    {
        auto reg = openTeamRegister(server_->conninfo("older"));
        Client client = named("Anterior, S.A.");
        client.phone = "910 000 000";
        id = reg->add(client).id;
        Contact contact;
        contact.clientId = id;
        contact.name = "Berta";
        reg->add(contact);
    }
    server_->execute("older", "ALTER TABLE clients DROP COLUMN mobile, DROP COLUMN street2; "
                              "ALTER TABLE contacts DROP COLUMN mobile; "
                              "DROP TABLE import_batch_records; "
                              "DROP TABLE addresses; DROP TABLE bank_accounts; "
                              "UPDATE clientes_meta SET value = 2 WHERE name = 'schema'");
    auto reg = openTeamRegister(server_->conninfo("older"));
    Client client = *reg->byId(id);
    EXPECT_EQ(client.legalName, "Anterior, S.A.");
    EXPECT_EQ(client.phone, "910 000 000");
    EXPECT_EQ(client.mobile, "");
    client.mobile = "600 000 000";
    client.street2 = "Nave 4";
    reg->update(client);
    EXPECT_EQ(reg->byId(id)->mobile, "600 000 000");
    EXPECT_EQ(reg->byId(id)->street2, "Nave 4");
    Contact contact = reg->list<Contact>(id).at(0);
    EXPECT_EQ(contact.name, "Berta");
    contact.mobile = "611 111 111";
    reg->update(contact);
    EXPECT_EQ(reg->list<Contact>(id).at(0).mobile, "611 111 111");
    // The journal of the people an import adds is there too.
    ClientImportCommit commit;
    ClientImportCommit::NewContact carla;
    carla.record.name = "Carla";
    carla.record.clientId = id;
    commit.contacts = {carla};
    reg->commitClientImport(commit);
    EXPECT_EQ(reg->list<Contact>(id).size(), 2U);
    reg->undoLastImport();
    EXPECT_EQ(reg->list<Contact>(id).size(), 1U);
    Address address;
    address.clientId = id;
    address.type = AddressType::Shipping;
    address.street = "Calle del Almacén 3";
    reg->add(address);
    BankAccount account;
    account.clientId = id;
    account.iban = "es91 2100 0418 4502 0005 1332";
    reg->add(account);
    EXPECT_EQ(reg->list<Address>(id).at(0).street, "Calle del Almacén 3");
    EXPECT_EQ(reg->list<BankAccount>(id).at(0).iban, "ES9121000418450200051332");
}

} // namespace
} // namespace clientes::test
