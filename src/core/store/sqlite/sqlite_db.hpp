#pragma once

// Thin RAII layer over the SQLite C API for the store; internal to src/core.

#include "core/store/errors.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clientes::sql
{

// The one place where SQLite result codes become StoreError kinds.
StoreError makeError(int rc, sqlite3* db, const std::string& path, std::string_view context);

// Rows made by the caller, read by SQL through the table-valued function bulk_rows(?) (see
// Database::enableBulkRows and Statement::bindRows): one INSERT … SELECT writes them all,
// which saves SQLite's per-statement work (cursors opened on the table and every index for
// each row) that dominates one-row INSERTs in large imports. Cells are produced on demand,
// row after row, so nothing is materialised.
class BulkRows
{
public:
    static constexpr std::size_t kMaxColumns = 32;

    enum class Kind : unsigned char
    {
        Text,
        Integer,
        Null
    };
    struct Value
    {
        Kind kind = Kind::Null;
        std::string_view text; // valid until the next call of value()
        std::int64_t integer = 0;

        static Value of(std::string_view text) { return {Kind::Text, text, 0}; }
        static Value of(std::int64_t integer) { return {Kind::Integer, {}, integer}; }
        static Value null() { return {}; }
    };

    virtual ~BulkRows() = default;
    virtual std::size_t rows() const = 0;
    // Called row by row (row never decreases), each column at most once per row.
    virtual Value value(std::size_t row, std::size_t column) = 0;
};

// BulkRows over a function (row, column) → Value.
template <typename Cells> class BulkRowsOf : public BulkRows
{
public:
    BulkRowsOf(std::size_t rows, Cells cells) : rows_(rows), cells_(std::move(cells)) {}
    std::size_t rows() const override { return rows_; }
    Value value(std::size_t row, std::size_t column) override { return cells_(row, column); }

private:
    std::size_t rows_;
    Cells cells_;
};

class Statement
{
public:
    Statement(sqlite3* db, std::string_view sql, const std::string& path);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void reset();

    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view value);
    void bindReal(int index, double value);
    void bindNull(int index);
    // The bytes are copied by SQLite.
    void bindBlob(int index, std::span<const std::uint8_t> bytes);
    void bindPointer(int index, void* pointer, const char* type);
    // For "… FROM bulk_rows(?index)": the rows stay the caller's.
    void bindRows(int index, BulkRows& rows);

    // true when a row is available, false when done; throws StoreError on failure.
    bool step();
    // Steps to completion, for statements whose rows are not needed.
    void run();

    std::int64_t int64(int column) const;
    double real(int column) const;
    bool isNull(int column) const;
    std::vector<std::uint8_t> blob(int column) const;
    std::string text(int column) const;
    std::string_view textView(int column) const; // valid until the next step/reset

private:
    void check(int rc);
    void checkRead(const void* data, int column) const;

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    const std::string& path_;
};

class Database;

// Process-wide SQLite settings, applied before SQLite's first use (Database calls it); later
// calls do nothing.
void configureSqliteOnce();

// A cached statement borrowed for one use: bindings are cleared now, the statement is reset
// (releasing its read lock) when the Query goes out of scope.
class Query
{
public:
    explicit Query(Statement& statement) : statement_(statement) {}
    ~Query() { statement_.reset(); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Statement* operator->() { return &statement_; }
    Statement& operator*() { return statement_; }

private:
    Statement& statement_;
};

class Database
{
public:
    enum class Mode
    {
        ReadWrite,
        // Read-only, and without locks or a write-ahead log: for checking a copy that nobody
        // writes (SQLite's "immutable" URI parameter). Never changes the file.
        ReadOnlyCopy
    };
    // Opens an existing file; throws StoreError.
    explicit Database(const std::string& path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    // Prepared once, reused afterwards (statements are keyed by their SQL text).
    Query query(std::string_view sql);
    // For one-off statements (schema changes, pragmas) that may hold several statements.
    void exec(const std::string& sql);
    // Makes bulk_rows(?) (columns c0 … c31) available on this connection; idempotent.
    void enableBulkRows();
    std::int64_t scalar(std::string_view sql);
    std::int64_t changes() const;
    std::int64_t lastInsertId() const;

    [[noreturn]] void fail(int rc, std::string_view context) const;

    // Repairs of the connection's state: statements that must have run before the next
    // write whenever something asked for them and could not run them itself (a destructor
    // that failed for want of memory). Registered in advance (the list is the only thing
    // that allocates), marked due without allocating, run before every write transaction
    // begins, which fails while one of them still does; a statement that leaves a transaction
    // open is rolled back after it. Returns the repair's handle (the same for the same SQL).
    std::size_t registerRepair(std::string sql);
    void markRepairDue(std::size_t repair) noexcept;
    // false when a due repair failed again (it stays due).
    bool runDueRepairs() noexcept;
    // The repair a write transaction that failed and was rolled back marks due (and tries at
    // once). FTS5 (SQLite 3.40) can keep in-memory state of a transaction that failed half-way
    // (out of memory, I/O error) and corrupt its index on the connection's next write; a write
    // transaction on the FTS5 table that rolls back clears it.
    void setRepairAfterFailedWrite(std::string sql)
    {
        afterFailedWrite_ = registerRepair(std::move(sql));
    }
    std::size_t repairAfterFailedWrite() const { return afterFailedWrite_; }

private:
    std::string path_;
    sqlite3* db_ = nullptr;
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
    bool bulkRowsEnabled_ = false;
    struct Repair
    {
        std::string sql;
        bool due = false;
    };
    std::vector<Repair> repairs_;
    std::size_t afterFailedWrite_ = static_cast<std::size_t>(-1);
};

// Rolls back unless commit() was reached, so an exception never leaves a half-done write.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool open_ = true;
};

// A deferred (read) transaction: the queries inside see one snapshot of the file.
class ReadTransaction
{
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Database& db_;
};

} // namespace clientes::sql
