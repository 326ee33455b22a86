// Regressions for what the store's fault-injection tests (tests/fault) found; the fault tests
// reproduce each under real SQLite failures, these pin the pieces down without them.
#include "core/messages/messages.hpp"
#include "core/register/register.hpp"
#include "core/store/sqlite/sqlite_db.hpp"
#include "test_support.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <string>

using namespace clientes;

// SQLite out of memory was reported as an I/O error, whose message sends the user to check
// the free disk space.
TEST(StoreFaultFindings, OutOfMemoryHasItsOwnClearMessage)
{
    const StoreError error = sql::makeError(SQLITE_NOMEM, nullptr, "/tmp/clientes.db", "insert");
    EXPECT_EQ(error.kind, StoreError::Kind::OutOfMemory);
    EXPECT_EQ(sql::makeError(SQLITE_IOERR_NOMEM, nullptr, "x", "y").kind,
              StoreError::Kind::OutOfMemory);
    EXPECT_EQ(describe(error, Language::En),
              "There is not enough memory to finish the operation on the client register "
              "“/tmp/clientes.db”; nothing was changed. Close other documents or programs and "
              "try again.");
    for (Language language : {Language::Es, Language::Pt})
    {
        const std::string text = describe(error, language);
        EXPECT_NE(text.find("/tmp/clientes.db"), std::string::npos) << text;
        EXPECT_NE(text,
                  describe(StoreError(StoreError::Kind::Io, "/tmp/clientes.db", "x"), language));
    }
}

// A rollback that failed (out of memory) left the connection inside the transaction: every
// later write failed with "cannot start a transaction within a transaction" until the office
// was restarted, and the write lock stayed taken. A new transaction now ends the leftover one
// (discarding its half-done changes) before it begins.
TEST(StoreFaultFindings, TransactionEndsALeftoverTransaction)
{
    test::TempDir dir;
    const std::string path = (dir / "leftover.db").string();
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    sql::Database db(path);
    db.exec(
        "BEGIN IMMEDIATE; INSERT INTO t VALUES ('half-done')"); // left open, as after the failure
    {
        sql::Transaction transaction(db);
        db.exec("INSERT INTO t VALUES ('next')");
        transaction.commit();
    }
    EXPECT_EQ(db.scalar("SELECT count(*) FROM t"), 1);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM t WHERE x = 'next'"), 1);
    {
        db.exec("BEGIN");
        sql::ReadTransaction read(db);
        EXPECT_EQ(db.scalar("SELECT count(*) FROM t"), 1);
    }
    EXPECT_NE(sqlite3_get_autocommit(db.handle()), 0);
}

// The undo turns foreign keys off for its bulk deletes; when turning them on again failed (out
// of memory) they stayed off, and a later deleteClient left the client's tags behind for the
// next client given its id. A repair marked due runs before the next write transaction.
TEST(StoreFaultFindings, DueRepairRunsBeforeTheNextWrite)
{
    test::TempDir dir;
    const std::string path = (dir / "repair.db").string();
    {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
        sqlite3_close(raw);
    }
    sql::Database db(path);
    const std::size_t repair = db.registerRepair("PRAGMA foreign_keys = ON");
    EXPECT_EQ(db.registerRepair("PRAGMA foreign_keys = ON"), repair);
    db.exec("PRAGMA foreign_keys = OFF");
    db.markRepairDue(repair);
    {
        sql::ReadTransaction read(db); // reads do not wait for repairs
        EXPECT_EQ(db.scalar("PRAGMA foreign_keys"), 0);
    }
    {
        sql::Transaction transaction(db);
        EXPECT_EQ(db.scalar("PRAGMA foreign_keys"), 1);
        transaction.commit();
    }
    db.exec("PRAGMA foreign_keys = OFF");
    sql::Transaction again(db); // done once: not due any more
    EXPECT_EQ(db.scalar("PRAGMA foreign_keys"), 0);
}
