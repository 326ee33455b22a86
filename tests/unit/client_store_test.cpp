#include "core/register/register.hpp"
#include "core/rules/validation.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <set>
#include <thread>
#include <unistd.h>

namespace clientes
{

using test::makeClient;
using test::TempDir;
namespace fs = std::filesystem;

namespace
{

// Runs SQL on the file through a separate, raw connection (as another process would).
void rawExec(const fs::path& file, const std::string& sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

} // namespace

TEST(Register, CreatesPrivateFileAndFolders)
{
    TempDir dir;
    const fs::path file = dir / "a/b/clientes.db";
    Register store(file);
    EXPECT_EQ(store.path(), file);
    ASSERT_TRUE(fs::exists(file));
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(fs::status(dir / "a").permissions() & fs::perms::all, fs::perms::owner_all);
    EXPECT_EQ(fs::status(dir / "a/b").permissions() & fs::perms::all, fs::perms::owner_all);
    EXPECT_EQ(store.count(), 0);
}

TEST(Register, LeavesExistingFolderPermissionsAlone)
{
    TempDir dir;
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read |
                                    fs::perms::group_exec | fs::perms::others_read |
                                    fs::perms::others_exec);
    Register store(dir / "clientes.db");
    EXPECT_EQ(fs::status(dir.path()).permissions() & fs::perms::others_read,
              fs::perms::others_read);
}

TEST(Register, AddAssignsIdentityAndTimestamps)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client input =
        makeClient("  Pérez   Díaz, S.L. ", "b-12.345.678", "Sevilla", "info@PEREZ.es", " es");
    input.code = "HACKED";
    input.id = 77;
    const Client added = store.add(input);
    EXPECT_GT(added.id, 0);
    EXPECT_NE(added.id, 77);
    EXPECT_EQ(added.code, "C-000001");
    EXPECT_EQ(added.uuid.size(), 36U);
    EXPECT_EQ(added.legalName, "Pérez Díaz, S.L.");
    EXPECT_EQ(added.email, "info@perez.es");
    EXPECT_EQ(added.country, "ES");
    EXPECT_EQ(added.version, 1);
    EXPECT_FALSE(added.archived);
    EXPECT_EQ(added.createdAt.size(), 24U); // 2024-05-01T10:20:30.123Z
    EXPECT_EQ(added.createdAt.back(), 'Z');
    EXPECT_EQ(added.createdAt, added.updatedAt);

    const std::optional<Client> read = store.byId(added.id);
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->uuid, added.uuid);
    EXPECT_EQ(read->code, added.code);
    for (Field field : allFields())
        EXPECT_EQ(read->value(field), added.value(field)) << fieldName(field);
    EXPECT_EQ(read->createdAt, added.createdAt);
    EXPECT_EQ(read->version, 1);
    EXPECT_FALSE(store.byId(added.id + 1).has_value());
    EXPECT_EQ(store.count(), 1);
}

TEST(Register, UuidsAreUnique)
{
    TempDir dir;
    Register store(dir / "c.db");
    std::set<std::string> uuids;
    for (int i = 0; i < 20; ++i)
        uuids.insert(store.add(makeClient("Cliente " + std::to_string(i))).uuid);
    EXPECT_EQ(uuids.size(), 20U);
}

TEST(Register, CodesAreSequentialAcrossAddAndAddMany)
{
    TempDir dir;
    Register store(dir / "c.db");
    EXPECT_EQ(store.add(makeClient("Uno")).code, "C-000001");
    std::vector<Client> batch;
    for (int i = 0; i < 3; ++i)
        batch.push_back(makeClient("Lote " + std::to_string(i)));
    const std::vector<Client> added = store.addMany(batch);
    ASSERT_EQ(added.size(), 3U);
    EXPECT_EQ(added[0].code, "C-000002");
    EXPECT_EQ(added[2].code, "C-000004");
    EXPECT_EQ(added[2].legalName, "Lote 2");
    EXPECT_EQ(store.byId(added[1].id)->code, "C-000003");
    EXPECT_EQ(store.add(makeClient("Cinco")).code, "C-000005");
}

TEST(Register, RejectedAddDoesNotConsumeACode)
{
    TempDir dir;
    Register store(dir / "c.db");
    try
    {
        store.add(makeClient("", "", "", "not-an-address"));
        FAIL() << "expected ValidationError";
    }
    catch (const ValidationError& error)
    {
        const std::vector<FieldIssue> expected = {{Field::LegalName, Problem::Required},
                                                  {Field::Email, Problem::InvalidEmail}};
        EXPECT_EQ(error.issues, expected);
    }
    EXPECT_EQ(store.count(), 0);
    EXPECT_EQ(store.add(makeClient("Primero")).code, "C-000001");
}

TEST(Register, FailureInsideTheTransactionGivesTheCodeBack)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    Register store(file);
    EXPECT_EQ(store.add(makeClient("Primero")).code, "C-000001");
    // A trigger makes the INSERT itself fail after the code was allocated.
    rawExec(file, "CREATE TRIGGER boom BEFORE INSERT ON clients WHEN NEW.legal_name = 'Boom' "
                  "BEGIN SELECT RAISE(ABORT, 'boom'); END;");
    EXPECT_THROW(store.add(makeClient("Boom")), StoreError);
    EXPECT_EQ(store.add(makeClient("Segundo")).code, "C-000002");
    EXPECT_EQ(store.count(), 2);
    EXPECT_TRUE(store.search("boom", true, 10).rows.empty());
}

TEST(Register, AddManyIsAllOrNothing)
{
    TempDir dir;
    Register store(dir / "c.db");
    std::vector<Client> batch = {makeClient("Bien"), makeClient("Mal", "", "", "x@"),
                                 makeClient("Bien también")};
    EXPECT_THROW(store.addMany(batch), ValidationError);
    EXPECT_EQ(store.count(), 0);
    EXPECT_TRUE(store.addMany({}).empty());
    EXPECT_EQ(store.add(makeClient("Uno")).code, "C-000001");
}

TEST(Register, CodesStayUniqueAcrossConnections)
{
    TempDir dir;
    Register first(dir / "c.db");
    Register second(dir / "c.db");
    std::set<std::string> codes;
    for (int i = 0; i < 10; ++i)
    {
        codes.insert(first.add(makeClient("A" + std::to_string(i))).code);
        codes.insert(second.add(makeClient("B" + std::to_string(i))).code);
    }
    EXPECT_EQ(codes.size(), 20U);
    EXPECT_EQ(*codes.rbegin(), "C-000020");
}

TEST(Register, SkipsCodesAlreadyTaken)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        Register store(file);
        store.add(makeClient("Uno"));
    }
    // E.g. an older file where the counter was reset by hand.
    rawExec(file, "UPDATE counters SET value = 0");
    Register store(file);
    EXPECT_EQ(store.add(makeClient("Dos")).code, "C-000002");
}

TEST(Register, UpdateKeepsIdentityAndBumpsVersion)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client added = store.add(makeClient("Original", "B12345678", "Sevilla"));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    Client changed = added;
    changed.legalName = "  Renombrada  S.A. ";
    changed.city = "Cádiz";
    changed.code = "C-999999";
    changed.uuid = "other";
    changed.createdAt = "1999-01-01T00:00:00.000Z";
    changed.archived = true; // ignored: archiving goes through setArchived
    const Client updated = store.update(changed);
    EXPECT_EQ(updated.legalName, "Renombrada S.A.");
    EXPECT_EQ(updated.city, "Cádiz");
    EXPECT_EQ(updated.code, added.code);
    EXPECT_EQ(updated.uuid, added.uuid);
    EXPECT_EQ(updated.createdAt, added.createdAt);
    EXPECT_FALSE(updated.archived);
    EXPECT_EQ(updated.version, 2);
    EXPECT_GT(updated.updatedAt, added.updatedAt);
    const Client read = *store.byId(added.id);
    EXPECT_EQ(read.legalName, "Renombrada S.A.");
    EXPECT_EQ(read.version, 2);
    EXPECT_EQ(read.updatedAt, updated.updatedAt);
    EXPECT_EQ(store.update(read).version, 3);
    // The search index follows.
    EXPECT_EQ(store.search("renombrada cadiz", false, 10).total, 1);
    EXPECT_EQ(store.search("original", false, 10).total, 0);
    EXPECT_EQ(store.search("sevilla", false, 10).total, 0);
}

TEST(Register, UpdateErrors)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client added = store.add(makeClient("Original"));
    Client missing = added;
    missing.id = added.id + 100;
    try
    {
        store.update(missing);
        FAIL() << "expected NotFound";
    }
    catch (const NotFound& error)
    {
        EXPECT_NE(std::string(error.what()).find(std::to_string(missing.id)), std::string::npos);
    }
    Client invalid = added;
    invalid.legalName = " ";
    EXPECT_THROW(store.update(invalid), ValidationError);
    EXPECT_EQ(store.byId(added.id)->legalName, "Original");
    EXPECT_EQ(store.byId(added.id)->version, 1);
}

TEST(Register, ArchiveHidesFromCountsSearchAndCodes)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client ana = store.add(makeClient("Ana López", "12345678Z", "Madrid"));
    store.add(makeClient("Anabel Ruiz", "", "Madrid"));
    store.setArchived(ana.id, true);
    EXPECT_TRUE(store.byId(ana.id)->archived);
    EXPECT_EQ(store.byId(ana.id)->version, 2);
    EXPECT_EQ(store.count(), 1);
    EXPECT_EQ(store.count(true), 2);
    EXPECT_EQ(store.search("ana", false, 10).total, 1);
    EXPECT_EQ(store.search("ana", true, 10).total, 2);
    EXPECT_EQ(store.search("", false, 10).total, 1);
    EXPECT_EQ(store.search("", true, 10).total, 2);
    EXPECT_EQ(store.search("", true, 10).rows.size(), 2U);
    EXPECT_EQ(store.findCodes("ana", 0), std::vector<std::string>{"C-000002"});
    EXPECT_EQ(store.findCodes("", 0), std::vector<std::string>{"C-000002"});
    EXPECT_TRUE(store.search("12345678z", false, 10).rows.empty());
    const auto archivedRows = store.search("12345678z", true, 10).rows;
    ASSERT_EQ(archivedRows.size(), 1U);
    EXPECT_TRUE(archivedRows[0].archived);

    store.setArchived(ana.id, true); // no change, no new version
    EXPECT_EQ(store.byId(ana.id)->version, 2);
    store.setArchived(ana.id, false);
    EXPECT_EQ(store.byId(ana.id)->version, 3);
    EXPECT_EQ(store.count(), 2);
    EXPECT_EQ(store.search("ana", false, 10).total, 2);
    EXPECT_THROW(store.setArchived(9999, true), NotFound);
}

TEST(Register, ByCodeIgnoresCaseAndPadding)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client added = store.add(makeClient("Uno"));
    for (const char* spelling : {"C-000001", "c-000001", " C-000001 ", "C-1", "c1", "C 01"})
    {
        const auto found = store.byCode(spelling);
        ASSERT_TRUE(found.has_value()) << spelling;
        EXPECT_EQ(found->id, added.id);
    }
    for (const char* other : {"", "C-2", "C-", "000001", "X-000001", "C-000001x"})
        EXPECT_FALSE(store.byCode(other).has_value()) << other;
}

TEST(Register, ByKeyFindsCodesAndTaxIdsInAnySpelling)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client spanish = store.add(makeClient("Pérez", "ES B-12.345.678", "", "", "ES"));
    const Client portuguese = store.add(makeClient("Silva", "501 234 567", "", "", "PT"));
    const Client greek = store.add(makeClient("Nikos", "EL 099999999", "", "", "GR"));
    const Client foreign = store.add(makeClient("Sin país", "FR 12 345", "", "", ""));
    const auto idOf = [&store](std::string_view key)
    {
        const auto found = store.byKey(key);
        return found ? found->id : std::int64_t{0};
    };
    EXPECT_EQ(idOf("c-000001"), spanish.id);
    EXPECT_EQ(idOf("C-2"), portuguese.id);
    for (const char* key :
         {"B12345678", "b-12345678", "B-12.345.678", "ESB12345678", "es b 12345678"})
        EXPECT_EQ(idOf(key), spanish.id) << key;
    for (const char* key : {"501234567", "PT501234567", "pt 501.234.567"})
        EXPECT_EQ(idOf(key), portuguese.id) << key;
    for (const char* key : {"099999999", "EL099999999", "GR 099999999"})
        EXPECT_EQ(idOf(key), greek.id) << key;
    EXPECT_EQ(idOf("fr12345"), foreign.id);
    EXPECT_EQ(idOf("PTB12345678"), 0); // the prefix must be the client's country
    EXPECT_EQ(idOf("12345678"), 0);    // byKey is exact, unlike search
    EXPECT_EQ(idOf(""), 0);
    EXPECT_EQ(idOf(" - "), 0);
}

TEST(Register, ByKeyPrefersActiveClients)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client old = store.add(makeClient("Antigua", "B12345678"));
    const Client current = store.add(makeClient("Actual", "b-12345678"));
    store.setArchived(old.id, true);
    EXPECT_EQ(store.byKey("B12345678")->id, current.id);
    store.setArchived(current.id, true);
    EXPECT_EQ(store.byKey("B12345678")->id, old.id); // archived ones still found
}

TEST(Register, DataVersionSeesOtherConnections)
{
    TempDir dir;
    Register mine(dir / "c.db");
    Register theirs(dir / "c.db");
    const std::int64_t before = mine.dataVersion();
    mine.add(makeClient("Mía"));
    EXPECT_EQ(mine.dataVersion(), before); // own commits do not count
    theirs.add(makeClient("Suya"));
    EXPECT_NE(mine.dataVersion(), before);
    EXPECT_EQ(mine.count(), 2);
}

TEST(Register, ConcurrentUseFromSeveralThreads)
{
    TempDir dir;
    Register store(dir / "c.db");
    std::atomic<int> errors = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back(
            [&store, &errors, t]
            {
                try
                {
                    for (int i = 0; i < 25; ++i)
                    {
                        store.add(
                            makeClient("Hilo " + std::to_string(t) + " n" + std::to_string(i)));
                        store.search("hilo", false, 10);
                        store.count();
                    }
                }
                catch (...)
                {
                    ++errors;
                }
            });
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(errors, 0);
    EXPECT_EQ(store.count(), 100);
    EXPECT_EQ(store.search("hilo", false, 0).total, 100);
}

TEST(Register, LockedBeyondTheBusyTimeout)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    Register store(file);
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    const auto start = std::chrono::steady_clock::now();
    try
    {
        store.add(makeClient("Bloqueado"));
        ADD_FAILURE() << "expected StoreError";
    }
    catch (const StoreError& error)
    {
        EXPECT_EQ(error.kind, StoreError::Kind::Locked);
        EXPECT_EQ(error.path, file.string());
    }
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(4500));
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_EQ(store.add(makeClient("Libre")).code, "C-000001");
}

TEST(Register, FolderAsFileCannotBeOpened)
{
    TempDir dir;
    try
    {
        Register store(dir.path());
        FAIL() << "expected StoreError";
    }
    catch (const StoreError& error)
    {
        EXPECT_EQ(error.kind, StoreError::Kind::CannotOpen);
    }
    std::ofstream(dir / "plain") << "x";
    try
    {
        Register store(dir / "plain/c.db"); // parent is a file
        FAIL() << "expected StoreError";
    }
    catch (const StoreError& error)
    {
        EXPECT_EQ(error.kind, StoreError::Kind::CannotOpen);
        EXPECT_EQ(error.path, (dir / "plain/c.db").string());
    }
}

TEST(Register, UnreadableFileIsPermissionDenied)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root ignores file permissions";
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        Register store(file);
        store.add(makeClient("Uno"));
    }
    for (fs::perms mode : {fs::perms::none, fs::perms::owner_read})
    {
        fs::permissions(file, mode);
        try
        {
            Register store(file);
            ADD_FAILURE() << "expected StoreError";
        }
        catch (const StoreError& error)
        {
            EXPECT_EQ(error.kind, StoreError::Kind::PermissionDenied);
        }
    }
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
}

} // namespace clientes

namespace clientes
{
TEST(Register, TagsThatStartLikeAFormulaKeepTheirGuardThroughTheStore)
{
    test::TempDir dir;
    Register store(dir / "clientes.db");
    Client client = test::makeClient("Etiquetas, S.L.");
    client.tags = "\t@vip, mayorista";
    const Client stored = store.add(client);
    EXPECT_EQ(stored.tags, " @vip, mayorista");
    EXPECT_EQ(store.byId(stored.id)->tags, " @vip, mayorista");
    std::vector<std::string> exported;
    store.forEachClientInListOrder(
        false, [](std::size_t) {}, [&](Client&& c) { exported.push_back(c.tags); });
    store.forEachClient([&](Client&& c) { exported.push_back(c.tags); });
    EXPECT_EQ(exported, (std::vector<std::string>{" @vip, mayorista", " @vip, mayorista"}));
}
} // namespace clientes
