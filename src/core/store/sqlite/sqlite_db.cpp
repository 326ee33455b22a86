#include "core/store/sqlite/sqlite_db.hpp"

#include <mutex>
#include <new>
#include <string>

namespace clientes::sql
{

StoreError makeError(int rc, sqlite3* db, const std::string& path, std::string_view context)
{
    using Kind = StoreError::Kind;
    Kind kind = Kind::Io;
    switch (rc & 0xFF)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        kind = Kind::Locked;
        break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        kind = Kind::NotADatabase;
        break;
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
        kind = Kind::PermissionDenied;
        break;
    case SQLITE_CANTOPEN:
        kind = Kind::CannotOpen;
        break;
    case SQLITE_NOMEM:
        kind = Kind::OutOfMemory;
        break;
    default:
        break;
    }
    if (rc == SQLITE_IOERR_NOMEM)
        kind = Kind::OutOfMemory;
    std::string detail(context);
    detail += ": ";
    detail +=
        (db != nullptr && sqlite3_errcode(db) == rc) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return StoreError(kind, path, detail);
}

Statement::Statement(sqlite3* db, std::string_view sql, const std::string& path)
    : db_(db), path_(path)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        throw makeError(rc, db, path, sql);
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

// A binding that failed leaves the parameter NULL: the statement would then write NULL where
// the value belongs (text is copied, and the copy can fail for want of memory).
void Statement::check(int rc)
{
    if (rc != SQLITE_OK)
        throw makeError(rc, db_, path_, sqlite3_sql(stmt_));
}

void Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(stmt_, index, value));
}

void Statement::bind(int index, std::string_view value)
{
    check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8));
}

void Statement::bindReal(int index, double value)
{
    check(sqlite3_bind_double(stmt_, index, value));
}

void Statement::bindNull(int index)
{
    check(sqlite3_bind_null(stmt_, index));
}

void Statement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    // A zero-length blob, not NULL, for empty files.
    if (bytes.empty())
        check(sqlite3_bind_zeroblob(stmt_, index, 0));
    else
        check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}

void Statement::bindPointer(int index, void* pointer, const char* type)
{
    check(sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr));
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw makeError(rc, db_, path_, sqlite3_sql(stmt_));
}

void Statement::run()
{
    while (step())
    {
    }
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// SQLite answers NULL, as for a NULL value, when it cannot allocate the copy a column's text
// or blob needs: read as empty, the value would be lost on the next write of the record.
void Statement::checkRead(const void* data, int column) const
{
    if (data == nullptr && sqlite3_errcode(db_) == SQLITE_NOMEM &&
        sqlite3_column_type(stmt_, column) != SQLITE_NULL)
        throw makeError(SQLITE_NOMEM, db_, path_, sqlite3_sql(stmt_));
}

std::vector<std::uint8_t> Statement::blob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    checkRead(data, column);
    if (data == nullptr)
        return {};
    return {data, data + size};
}

std::string_view Statement::textView(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    checkRead(data, column);
    if (data == nullptr)
        return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Statement::text(int column) const
{
    return std::string(textView(column));
}

// Before SQLite's first use in the process: no allocation statistics (each allocation would
// otherwise take a global mutex; nothing here reads them). Our copy of SQLite is private to
// the component, so the setting touches no one else; where SQLite is already initialised the
// call is refused harmlessly.
void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

namespace
{
// "file:/a%20b?immutable=1": the path percent-encoded where a URI needs it.
std::string immutableUri(const std::string& path)
{
    std::string uri = "file:";
    for (const char c : path)
    {
        if (c == '%' || c == '?' || c == '#' || static_cast<unsigned char>(c) < 0x21)
        {
            static constexpr char kHex[] = "0123456789ABCDEF";
            uri += '%';
            uri += kHex[static_cast<unsigned char>(c) >> 4];
            uri += kHex[static_cast<unsigned char>(c) & 0xF];
        }
        else
            uri += c;
    }
    return uri + "?immutable=1";
}
} // namespace

Database::Database(const std::string& path, Mode mode) : path_(path)
{
    configureSqliteOnce();
    // NOMUTEX: the store serialises access to its connection itself.
    const int rc = mode == Mode::ReadWrite
                       ? sqlite3_open_v2(path.c_str(), &db_,
                                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
                       : sqlite3_open_v2(
                             immutableUri(path).c_str(), &db_,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK)
    {
        StoreError error = makeError(rc, db_, path_, "open");
        sqlite3_close(db_);
        throw error;
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database()
{
    cache_.clear(); // statements must be finalized before the connection closes
    sqlite3_close(db_);
}

Query Database::query(std::string_view sql)
{
    auto found = cache_.find(sql);
    if (found == cache_.end())
        found =
            cache_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql, path_)).first;
    return Query(*found->second);
}

void Database::exec(const std::string& sql)
{
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, sql);
}

std::int64_t Database::scalar(std::string_view sql)
{
    Query rows = query(sql);
    return rows->step() ? rows->int64(0) : 0;
}

std::int64_t Database::changes() const
{
    return sqlite3_changes64(db_);
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(db_);
}

std::size_t Database::registerRepair(std::string sql)
{
    for (std::size_t i = 0; i < repairs_.size(); ++i)
        if (repairs_[i].sql == sql)
            return i;
    repairs_.push_back({std::move(sql), false});
    return repairs_.size() - 1;
}

void Database::markRepairDue(std::size_t repair) noexcept
{
    if (repair < repairs_.size())
        repairs_[repair].due = true;
}

bool Database::runDueRepairs() noexcept
{
    bool done = true;
    for (Repair& repair : repairs_)
    {
        if (!repair.due)
            continue;
        int rc = sqlite3_exec(db_, repair.sql.c_str(), nullptr, nullptr, nullptr);
        if (sqlite3_get_autocommit(db_) == 0)
        {
            const int rolledBack = sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            if (rc == SQLITE_OK)
                rc = rolledBack;
        }
        if (rc == SQLITE_OK)
            repair.due = false;
        else
            done = false;
    }
    return done;
}

void Database::fail(int rc, std::string_view context) const
{
    throw makeError(rc, db_, path_, context);
}

namespace
{

// Ends whatever transaction is open, ignoring errors ("no transaction is active" when SQLite
// has rolled back by itself after an I/O error). Through a statement prepared in advance:
// preparing one now may be what fails when memory is short.
void rollBack(Database& db) noexcept
{
    try
    {
        db.query("ROLLBACK")->step();
    }
    catch (const std::exception&)
    {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

// The store never nests transactions: one open when a new one starts is what a failed
// rollback left behind (out of memory), and it would hold the write lock and turn every later
// write into "cannot start a transaction within a transaction". It is rolled back first.
void beginAfterLeftovers(Database& db, std::string_view begin, bool write)
{
    db.query("ROLLBACK"); // prepared now, so that the rollback never has to prepare it
    if (sqlite3_get_autocommit(db.handle()) == 0)
        rollBack(db);
    if (write && !db.runDueRepairs())
        db.fail(sqlite3_errcode(db.handle()), "repair after a failed write");
    db.query(begin)->run();
}

} // namespace

Transaction::Transaction(Database& db) : db_(db)
{
    // IMMEDIATE takes the write lock up front, so a busy database fails here (after the busy
    // timeout) instead of in the middle of the work.
    beginAfterLeftovers(db_, "BEGIN IMMEDIATE", true);
}

Transaction::~Transaction()
{
    if (open_)
    {
        rollBack(db_);
        db_.markRepairDue(db_.repairAfterFailedWrite());
        db_.runDueRepairs();
    }
}

void Transaction::commit()
{
    db_.query("COMMIT")->run();
    open_ = false;
}

ReadTransaction::ReadTransaction(Database& db) : db_(db)
{
    beginAfterLeftovers(db_, "BEGIN", false);
}

ReadTransaction::~ReadTransaction()
{
    // Nothing was written: rolling back always ends it and loses nothing.
    rollBack(db_);
}

} // namespace clientes::sql

// ------------------------------------------------------------------------- bulk_rows

namespace clientes::sql
{

namespace
{

constexpr const char* kBulkRowsPointer = "clientes.BulkRows";

struct BulkTable
{
    sqlite3_vtab base{};
};

struct BulkCursor
{
    sqlite3_vtab_cursor base{};
    BulkRows* rows = nullptr;
    std::size_t row = 0;
};

int bulkConnect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** table, char**)
{
    std::string schema = "CREATE TABLE x(";
    for (std::size_t c = 0; c < BulkRows::kMaxColumns; ++c)
        schema += "c" + std::to_string(c) + ", ";
    schema += "source HIDDEN)";
    const int rc = sqlite3_declare_vtab(db, schema.c_str());
    if (rc != SQLITE_OK)
        return rc;
    auto* created = static_cast<BulkTable*>(sqlite3_malloc(sizeof(BulkTable)));
    if (created == nullptr)
        return SQLITE_NOMEM;
    *created = BulkTable{};
    *table = &created->base;
    return SQLITE_OK;
}

int bulkDisconnect(sqlite3_vtab* table)
{
    sqlite3_free(table);
    return SQLITE_OK;
}

// The only plan: the hidden column "source" given by equality, as the function's argument.
int bulkBestIndex(sqlite3_vtab*, sqlite3_index_info* info)
{
    for (int i = 0; i < info->nConstraint; ++i)
    {
        const auto& constraint = info->aConstraint[i];
        if (constraint.iColumn == static_cast<int>(BulkRows::kMaxColumns) && constraint.usable &&
            constraint.op == SQLITE_INDEX_CONSTRAINT_EQ)
        {
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->idxNum = 1;
            info->estimatedCost = 1;
            return SQLITE_OK;
        }
    }
    return SQLITE_CONSTRAINT; // bulk_rows() without its argument
}

int bulkOpen(sqlite3_vtab*, sqlite3_vtab_cursor** cursor)
{
    auto* opened = new (std::nothrow) BulkCursor();
    if (opened == nullptr)
        return SQLITE_NOMEM;
    *cursor = &opened->base;
    return SQLITE_OK;
}

int bulkClose(sqlite3_vtab_cursor* cursor)
{
    delete reinterpret_cast<BulkCursor*>(cursor);
    return SQLITE_OK;
}

int bulkFilter(sqlite3_vtab_cursor* cursor, int, const char*, int argc, sqlite3_value** argv)
{
    auto* c = reinterpret_cast<BulkCursor*>(cursor);
    c->rows = argc > 0 ? static_cast<BulkRows*>(sqlite3_value_pointer(argv[0], kBulkRowsPointer))
                       : nullptr;
    c->row = 0;
    return SQLITE_OK;
}

int bulkNext(sqlite3_vtab_cursor* cursor)
{
    ++reinterpret_cast<BulkCursor*>(cursor)->row;
    return SQLITE_OK;
}

int bulkEof(sqlite3_vtab_cursor* cursor)
{
    const auto* c = reinterpret_cast<BulkCursor*>(cursor);
    return c->rows == nullptr || c->row >= c->rows->rows();
}

int bulkColumn(sqlite3_vtab_cursor* cursor, sqlite3_context* context, int column)
{
    auto* c = reinterpret_cast<BulkCursor*>(cursor);
    if (c->rows == nullptr || column < 0)
    {
        sqlite3_result_null(context);
        return SQLITE_OK;
    }
    try
    {
        const BulkRows::Value value = c->rows->value(c->row, static_cast<std::size_t>(column));
        switch (value.kind)
        {
        case BulkRows::Kind::Text:
            sqlite3_result_text64(context, value.text.data(), value.text.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8);
            break;
        case BulkRows::Kind::Integer:
            sqlite3_result_int64(context, value.integer);
            break;
        case BulkRows::Kind::Null:
            sqlite3_result_null(context);
            break;
        }
    }
    catch (const std::bad_alloc&)
    {
        sqlite3_result_error_nomem(context);
    }
    catch (const std::exception& e)
    {
        sqlite3_result_error(context, e.what(), -1);
    }
    return SQLITE_OK;
}

int bulkRowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* rowid)
{
    *rowid = static_cast<sqlite3_int64>(reinterpret_cast<BulkCursor*>(cursor)->row);
    return SQLITE_OK;
}

const sqlite3_module& bulkRowsModule()
{
    static const sqlite3_module module = []
    {
        sqlite3_module m{}; // version 0; no xCreate: eponymous only; read only
        m.xConnect = bulkConnect;
        m.xBestIndex = bulkBestIndex;
        m.xDisconnect = bulkDisconnect;
        m.xOpen = bulkOpen;
        m.xClose = bulkClose;
        m.xFilter = bulkFilter;
        m.xNext = bulkNext;
        m.xEof = bulkEof;
        m.xColumn = bulkColumn;
        m.xRowid = bulkRowid;
        return m;
    }();
    return module;
}

} // namespace

void Statement::bindRows(int index, BulkRows& rows)
{
    check(sqlite3_bind_pointer(stmt_, index, &rows, kBulkRowsPointer, nullptr));
}

void Database::enableBulkRows()
{
    if (bulkRowsEnabled_)
        return;
    const int rc = sqlite3_create_module(db_, "bulk_rows", &bulkRowsModule(), nullptr);
    if (rc != SQLITE_OK)
        fail(rc, "bulk_rows");
    bulkRowsEnabled_ = true;
}

} // namespace clientes::sql
