// The SQLite store writes the full-text rows of a bulk insert after its commit
// (kDeferredSearchRows): on its background connection, or by the first search that finds
// some missing. A file left with clients waiting (the office closed or crashed first) is
// completed when it is opened again.
#include "core/register/register.hpp"
#include "test_support.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace clientes
{
namespace
{
namespace fs = std::filesystem;
using test::makeClient;
using test::TempDir;
using namespace std::chrono_literals;

std::int64_t scalar(const fs::path& file, const char* sql)
{
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    std::int64_t value = -1;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr), SQLITE_OK) << sql;
    if (sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

void execute(const fs::path& file, const char* sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "") << " in " << sql;
    sqlite3_free(error);
    sqlite3_close(db);
}

constexpr const char* kWaiting =
    "SELECT count(*) FROM counters WHERE name LIKE 'search\\_pending\\_%' ESCAPE '\\'";
constexpr const char* kSearchRows = "SELECT count(*) FROM clients_fts";

std::vector<Client> clients(int count, const std::string& name, const std::string& city)
{
    std::vector<Client> out;
    for (int i = 0; i < count; ++i)
        out.push_back(makeClient(name + " " + std::to_string(i), "", city));
    return out;
}

// Polls until the condition holds or 30 s pass.
template <typename Condition> bool eventually(Condition condition)
{
    for (auto until = std::chrono::steady_clock::now() + 30s;
         std::chrono::steady_clock::now() < until; std::this_thread::sleep_for(20ms))
        if (condition())
            return true;
    return condition();
}

// The file as an office that closed right after a bulk import leaves it: the clients stored,
// their full-text rows missing, their ids marked as waiting.
fs::path fileWithClientsWaiting(const TempDir& dir)
{
    const fs::path file = dir / "clientes.db";
    {
        Register store(file, StoreOptions{1h});
        store.add(makeClient("Primera Anterior", "", "Lugo"));
        store.addMany(clients(3000, "Esperando", "Huesca"));
        EXPECT_EQ(store.search("huesca", false, 5).total, 3000);
    }
    execute(file, "DELETE FROM clients_fts WHERE rowid > 1; "
                  "INSERT INTO counters (name, value) VALUES ('search_pending_first', 1), "
                  "('search_pending_last', 3001)");
    EXPECT_EQ(scalar(file, kSearchRows), 1);
    return file;
}

} // namespace

TEST(SearchRowsAfterCommit, ABulkInsertIsIndexedInTheBackgroundAfterItsCommit)
{
    TempDir dir;
    const fs::path file = dir / "clientes.db";
    Register store(file, StoreOptions{1h});
    store.addMany(clients(2500, "Fondo", "Zamora"));
    // Without any search, the background connection writes every row and clears the mark.
    EXPECT_TRUE(eventually([&] { return scalar(file, kWaiting) == 0; }));
    EXPECT_EQ(scalar(file, kSearchRows), 2500);
    EXPECT_EQ(store.search("zamora", false, 5).total, 2500);
    // Fewer clients than the threshold are indexed in their own transaction.
    store.addMany(clients(100, "Pocos", "Zamora"));
    EXPECT_EQ(scalar(file, kWaiting), 0);
    EXPECT_EQ(scalar(file, kSearchRows), 2600);
}

TEST(SearchRowsAfterCommit, AFileLeftWithClientsWaitingIsCompletedWhenOpened)
{
    TempDir dir;
    const fs::path file = fileWithClientsWaiting(dir);
    Register store(file, StoreOptions{1h});
    EXPECT_TRUE(eventually([&] { return scalar(file, kWaiting) == 0; }));
    EXPECT_EQ(scalar(file, kSearchRows), 3001);
    EXPECT_EQ(store.search("esperando 2999", false, 5).total, 1);
}

TEST(SearchRowsAfterCommit, TheFirstSearchCompletesTheIndexBeforeItRuns)
{
    TempDir dir;
    const fs::path file = fileWithClientsWaiting(dir);
    // The mark covers a client that has its row (the first) and ids of none (beyond 3001):
    // both are skipped.
    execute(file, "UPDATE counters SET value = 9000 WHERE name = 'search_pending_last'");
    Register store(file, StoreOptions{1h});
    // Whether the background connection got there first or not, the search sees them all,
    // and the index holds one row per client.
    EXPECT_EQ(store.search("huesca", false, 5).total, 3000);
    EXPECT_EQ(store.search("lugo", false, 5).total, 1);
    EXPECT_EQ(scalar(file, kWaiting), 0);
    EXPECT_EQ(scalar(file, kSearchRows), 3001);
    EXPECT_EQ(scalar(file, "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH 'huesca'"),
              3000);
}

TEST(SearchRowsAfterCommit, AnUndoneImportLeavesNoRowsBehind)
{
    TempDir dir;
    const fs::path file = dir / "clientes.db";
    Register store(file, StoreOptions{1h});
    ClientImportCommit commit;
    commit.source = "prueba";
    commit.creates = clients(3000, "Deshecha", "Jaén");
    store.commitClientImport(std::move(commit));
    store.undoLastImport();
    EXPECT_EQ(store.search("jaen", false, 5).total, 0);
    EXPECT_TRUE(eventually([&] { return scalar(file, kWaiting) == 0; }));
    EXPECT_EQ(scalar(file, kSearchRows), 0);
    // The ids are given out again; the new clients are found.
    store.addMany(clients(2200, "Nueva", "Jaén"));
    EXPECT_EQ(store.search("jaen", false, 5).total, 2200);
    EXPECT_EQ(store.search("deshecha", false, 5).total, 0);
}

} // namespace clientes
