// The register's file alone holds the data: after closing, a while after writes, and in a
// back-up taken while the register is in use; restoring a copy keeps the replaced one aside.
#include "core/files/safe_files.hpp"
#include "core/register/register.hpp"
#include "test_support.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace clientes
{
namespace
{
namespace fs = std::filesystem;
using test::makeClient;
using test::TempDir;
using namespace std::chrono_literals;

// Copies only the database file, as a user copying "clientes.db" with a file manager would.
fs::path copyFileAlone(const fs::path& file, const fs::path& target)
{
    fs::copy_file(file, target, fs::copy_options::overwrite_existing);
    return target;
}

// Clients in a file opened by SQLite on its own, without our store (and without any -wal).
std::int64_t clientsIn(const fs::path& file)
{
    sqlite3* db = nullptr;
    const std::string uri = "file:" + file.string() + "?immutable=1";
    EXPECT_EQ(sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr),
              SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    std::int64_t count = -1;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM clients", -1, &statement, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count; // -1: no clients table
}

void addClients(Register& store, int count)
{
    for (int i = 0; i < count; ++i)
        store.add(makeClient("Cliente " + std::to_string(i)));
}

TEST(StoreDurability, TheFileAloneHoldsEverythingAfterClosing)
{
    TempDir dir;
    const fs::path file = dir / "clientes.db";
    {
        Register store(file, StoreOptions{1h}); // no idle checkpoint while open
        addClients(store, 25);
        EXPECT_EQ(clientsIn(copyFileAlone(file, dir / "while-open.db")), -1)
            << "while open, the data is still in the log";
    }
    EXPECT_FALSE(fs::exists(fs::path(file.string() + "-wal")));
    EXPECT_EQ(clientsIn(copyFileAlone(file, dir / "after-close.db")), 25);
}

TEST(StoreDurability, AnIdlePauseAfterWritesCopiesTheLogIntoTheFile)
{
    TempDir dir;
    const fs::path file = dir / "clientes.db";
    Register store(file, StoreOptions{50ms});
    addClients(store, 10);
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (clientsIn(copyFileAlone(file, dir / "copy.db")) != 10 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    EXPECT_EQ(clientsIn(copyFileAlone(file, dir / "copy.db")), 10);
    EXPECT_GE(store.idleCheckpoints(), 1);
}

TEST(StoreDurability, WritesThatGoOnPostponeTheIdleCheckpoint)
{
    TempDir dir;
    Register store(dir / "clientes.db", StoreOptions{1000ms});
    const std::int64_t before = store.idleCheckpoints();
    for (int i = 0; i < 8; ++i)
    {
        store.add(makeClient("Cliente " + std::to_string(i)));
        std::this_thread::sleep_for(50ms);
    }
    EXPECT_EQ(store.idleCheckpoints(), before) << "no checkpoint while writes go on";
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (store.idleCheckpoints() == before && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    EXPECT_EQ(store.idleCheckpoints(), before + 1);
}

TEST(StoreDurability, BackupIsACheckedSingleFileCopyTakenWhileInUse)
{
    TempDir dir;
    Register store(dir / "clientes.db", StoreOptions{1h});
    addClients(store, 30);
    const fs::path target = dir / "copia.clientes";
    const BackupResult result = store.backupTo(target);
    EXPECT_EQ(result.clients, 30);
    EXPECT_EQ(result.bytes, fs::file_size(target));
    EXPECT_EQ(clientsIn(target), 30);
    EXPECT_FALSE(fs::exists(fs::path(target.string() + "-wal")));
    EXPECT_EQ(inspectRegisterCopy(target).clients, 30);
    EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    // No temporary file is left beside it.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path()))
        ++files;
    EXPECT_EQ(files, 3 + (fs::exists(dir / "clientes.db-shm") ? 1 : 0)); // db, wal, copy
}

TEST(StoreDurability, BackupReplacesAnOlderCopyOnlyOnceTheNewOneIsChecked)
{
    TempDir dir;
    Register store(dir / "clientes.db", StoreOptions{1h});
    addClients(store, 3);
    const fs::path target = dir / "copia.db";
    store.backupTo(target);
    addClients(store, 2);
    store.backupTo(target);
    EXPECT_EQ(clientsIn(target), 5);
}

TEST(StoreDurability, BackupRefusesTheRegistersOwnFiles)
{
    TempDir dir;
    const fs::path file = dir / "clientes.db";
    Register store(file, StoreOptions{1h});
    addClients(store, 2);
    fs::create_symlink(file, dir / "link.db");
    for (const fs::path& target :
         {file, fs::path(file.string() + "-wal"), fs::path(file.string() + "-shm"),
          fs::path(file.string() + ".backup-v2"), dir / "sub" / ".." / "clientes.db",
          dir / "link.db"})
        EXPECT_THROW(store.backupTo(target), RegisterFileRefused) << target;
    EXPECT_EQ(store.count(), 2);
}

TEST(StoreDurability, BackupIntoAMissingFolderFailsCleanly)
{
    TempDir dir;
    Register store(dir / "clientes.db", StoreOptions{1h});
    EXPECT_THROW(store.backupTo(dir / "no-such-folder" / "copia.db"), StoreError);
}

TEST(StoreDurability, IsRegisterFileKnowsTheCompanions)
{
    const fs::path file = "/data/clientes/clientes.db";
    EXPECT_TRUE(isRegisterFile("/data/clientes/clientes.db", file));
    EXPECT_TRUE(isRegisterFile("/data/clientes/./clientes.db-wal", file));
    EXPECT_TRUE(isRegisterFile("/data/clientes/clientes.db.backup-v2", file));
    EXPECT_TRUE(isRegisterFile("/data/clientes/clientes.db.before-restore-20260101T000000Z", file));
    EXPECT_FALSE(isRegisterFile("/data/clientes/otro.db", file));
    EXPECT_FALSE(isRegisterFile("/data/copias/clientes.db", file));
}

TEST(StoreDurability, RestoreKeepsTheCurrentRegisterAsideAndPutsTheCopyInPlace)
{
    TempDir dir;
    const fs::path file = dir / "clientes.db";
    const fs::path copy = dir / "copia.db";
    {
        Register store(file, StoreOptions{1h});
        addClients(store, 4);
        store.backupTo(copy);
        addClients(store, 3);
    }
    const RestoreResult result = restoreRegisterFrom(file, copy);
    EXPECT_EQ(result.restored.clients, 4);
    ASSERT_FALSE(result.keptAside.empty());
    EXPECT_EQ(result.keptAside.parent_path(), dir.path());
    EXPECT_EQ(clientsIn(result.keptAside), 7);
    Register reopened(file, StoreOptions{1h});
    EXPECT_EQ(reopened.count(), 4);
    EXPECT_EQ(clientsIn(copy), 4) << "the copy itself is left as it was";
}

TEST(StoreDurability, RestoreMovesACrashedRegistersLogAsideWithIt)
{
    TempDir dir;
    const fs::path file = dir / "clientes.db";
    const fs::path copy = dir / "copia.db";
    {
        Register store(file, StoreOptions{1h});
        addClients(store, 1);
        store.backupTo(copy);
    }
    {
        Register store(file, StoreOptions{1h});
        addClients(store, 5);
        // A crash: the log is left behind with the newest clients in it.
        fs::copy_file(fs::path(file.string() + "-wal"), dir / "wal.saved");
        fs::copy_file(file, dir / "db.saved");
    }
    fs::remove(file);
    fs::copy_file(dir / "db.saved", file);
    fs::copy_file(dir / "wal.saved", fs::path(file.string() + "-wal"));

    const RestoreResult result = restoreRegisterFrom(file, copy);
    EXPECT_TRUE(fs::exists(fs::path(result.keptAside.string() + "-wal")));
    EXPECT_FALSE(fs::exists(fs::path(file.string() + "-wal")));
    {
        Register aside(result.keptAside, StoreOptions{1h});
        EXPECT_EQ(aside.count(), 6) << "the register kept aside still has its newest clients";
    }
    Register reopened(file, StoreOptions{1h});
    EXPECT_EQ(reopened.count(), 1);
}

TEST(StoreDurability, RestoreRefusesADamagedCopyAndChangesNothing)
{
    TempDir dir;
    const fs::path file = dir / "clientes.db";
    {
        Register store(file, StoreOptions{1h});
        addClients(store, 2);
    }
    const fs::path damaged = dir / "danada.db";
    fs::copy_file(file, damaged);
    {
        // Garbage over the cells at the end of every page but the first (the header stays
        // valid).
        const auto size = fs::file_size(damaged);
        std::fstream bytes(damaged, std::ios::in | std::ios::out | std::ios::binary);
        const std::string garbage(3000, '\x5A');
        for (std::uintmax_t page = 8192; page + 8192 <= size; page += 8192)
        {
            bytes.seekp(static_cast<std::streamoff>(page + 8192 - 3000));
            bytes.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        }
    }
    const fs::path notADatabase = dir / "notas.txt";
    std::ofstream(notADatabase) << "esto no es una base de datos\n";

    std::ofstream(dir / "vacio.db").flush();
    const auto filesBefore = std::distance(fs::directory_iterator(dir.path()), {});
    EXPECT_THROW(restoreRegisterFrom(file, damaged), StoreError);
    EXPECT_THROW(restoreRegisterFrom(file, notADatabase), StoreError);
    EXPECT_THROW(restoreRegisterFrom(file, dir / "missing.db"), FileProblem);
    EXPECT_THROW(restoreRegisterFrom(file, file), RegisterFileRefused);
    // An empty file would make an empty register; a pseudo-file reads as empty and then not.
    EXPECT_THROW(restoreRegisterFrom(file, dir / "vacio.db"), StoreError);
    EXPECT_THROW(restoreRegisterFrom(file, "/proc/self/environ"), FileProblem);
    EXPECT_THROW(restoreRegisterFrom(file, "/dev/zero"), FileProblem);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), {}), filesBefore);
    Register reopened(file, StoreOptions{1h});
    EXPECT_EQ(reopened.count(), 2);
}

TEST(StoreDurability, InspectingACopyNeverChangesIt)
{
    TempDir dir;
    const fs::path copy = dir / "copia.db";
    {
        Register store(dir / "clientes.db", StoreOptions{1h});
        addClients(store, 3);
        store.backupTo(copy);
    }
    const auto before = fs::last_write_time(copy);
    const auto size = fs::file_size(copy);
    EXPECT_EQ(inspectRegisterCopy(copy).clients, 3);
    EXPECT_EQ(fs::last_write_time(copy), before);
    EXPECT_EQ(fs::file_size(copy), size);
    EXPECT_FALSE(fs::exists(fs::path(copy.string() + "-journal")));
    EXPECT_FALSE(fs::exists(fs::path(copy.string() + "-wal")));
}

} // namespace
} // namespace clientes
