#include "core/sqlite_db.hpp"

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
    default:
        break;
    }
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

void Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(stmt_, index, value);
}

void Statement::bind(int index, std::string_view value)
{
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

void Statement::bindReal(int index, double value)
{
    sqlite3_bind_double(stmt_, index, value);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(stmt_, index);
}

void Statement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    // A zero-length blob, not NULL, for empty files.
    if (bytes.empty())
        sqlite3_bind_zeroblob(stmt_, index, 0);
    else
        sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}

void Statement::bindPointer(int index, void* pointer, const char* type)
{
    sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr);
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

std::vector<std::uint8_t> Statement::blob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    if (data == nullptr)
        return {};
    return {data, data + size};
}

std::string_view Statement::textView(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (data == nullptr)
        return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Statement::text(int column) const
{
    return std::string(textView(column));
}

Database::Database(const std::string& path) : path_(path)
{
    // NOMUTEX: the store serialises access to its connection itself.
    const int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
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

void Database::fail(int rc, std::string_view context) const
{
    throw makeError(rc, db_, path_, context);
}

Transaction::Transaction(Database& db) : db_(db)
{
    // IMMEDIATE takes the write lock up front, so a busy database fails here (after the busy
    // timeout) instead of in the middle of the work.
    db_.query("BEGIN IMMEDIATE")->run();
}

Transaction::~Transaction()
{
    if (open_)
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    db_.query("COMMIT")->run();
    open_ = false;
}

ReadTransaction::ReadTransaction(Database& db) : db_(db)
{
    db_.query("BEGIN")->run();
}

ReadTransaction::~ReadTransaction()
{
    // Nothing was written: rolling back always ends it and loses nothing.
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace clientes::sql
