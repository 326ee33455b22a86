// The SQLite store: opening the file, units of work, and the settings of large writes.

#include "core/store/sqlite/sqlite_store.hpp"

#include "core/store/sqlite/store_internal.hpp"

#include <cerrno>
#include <cstdio>
#include <system_error>

#ifndef _WIN32
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>
#endif

namespace clientes::sqlite
{

namespace fs = std::filesystem;
using sql::Database;

namespace
{

// ------------------------------------------------------------------------- file handling

[[noreturn]] void throwFileError(const fs::path& file, const std::error_code& error,
                                 std::string_view context)
{
    const bool denied = error == std::errc::permission_denied ||
                        error == std::errc::operation_not_permitted ||
                        error == std::errc::read_only_file_system;
    throw StoreError(denied ? StoreError::Kind::PermissionDenied : StoreError::Kind::CannotOpen,
                     file.string(), std::string(context) + ": " + error.message());
}

// Creates missing parent directories readable by the owner only: the register holds personal
// data of third parties.
void createParentDirectories(const fs::path& file)
{
    const fs::path parent = file.parent_path();
    if (parent.empty())
        return;
    std::vector<fs::path> missing;
    std::error_code error;
    for (fs::path dir = parent; !dir.empty() && !fs::exists(dir, error); dir = dir.parent_path())
    {
        missing.push_back(dir);
        if (dir == dir.parent_path())
            break;
    }
    fs::create_directories(parent, error);
    if (error)
        throwFileError(file, error, "cannot create the folder " + parent.string());
    for (const fs::path& dir : missing)
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, error);
}

void prepareFile(const fs::path& file)
{
    std::error_code error;
    if (fs::is_directory(file, error))
        throw StoreError(StoreError::Kind::CannotOpen, file.string(), "is a folder");
    createParentDirectories(file);
    createPrivateFile(file);
#ifndef _WIN32
    // SQLite silently opens unwritable files read-only; tell the user the real reason.
    if (::access(file.c_str(), R_OK | W_OK) != 0)
        throwFileError(file, std::error_code(errno, std::generic_category()),
                       "cannot read and write the file");
#endif
}

// ------------------------------------------------------------------------- large writes

// Bigger page cache while a large unit writes: the FTS index and the B-trees of 100,000
// rows do not fit SQLite's default 2 MB, and spilling them mid-transaction costs seconds.
constexpr int kBulkCacheKiB = 64 * 1024;

class BulkCache
{
public:
    // The checkpoint at commit is left to SqliteStore::checkpointInBackground (called after
    // the transaction): copying 100 MB of log into the database is no part of the write.
    BulkCache(Database& db, std::size_t rows) : db_(db), active_(rows >= kBulkRows)
    {
        if (!active_)
            return;
        previous_ = db_.scalar("PRAGMA cache_size");
        previousCheckpoint_ = db_.scalar("PRAGMA wal_autocheckpoint");
        db_.exec("PRAGMA cache_size = -" + std::to_string(kBulkCacheKiB) +
                 "; PRAGMA wal_autocheckpoint = 0");
    }
    ~BulkCache()
    {
        if (!active_)
            return;
        // Shrinking the cache gives the memory back at once.
        sqlite3_exec(db_.handle(),
                     ("PRAGMA cache_size = " + std::to_string(previous_) +
                      "; PRAGMA wal_autocheckpoint = " + std::to_string(previousCheckpoint_))
                         .c_str(),
                     nullptr, nullptr, nullptr);
    }
    bool active() const { return active_; }
    BulkCache(const BulkCache&) = delete;
    BulkCache& operator=(const BulkCache&) = delete;

private:
    Database& db_;
    bool active_;
    std::int64_t previous_ = 0;
    std::int64_t previousCheckpoint_ = 1000;
};

// Around a large unit's transaction (set before it begins: SQLite refuses inside one): the
// commit does not wait for the disk (synchronous = NORMAL saves 0.15 s of a 100,000-row
// import); the background checkpoint that follows syncs the log first, and so does the next
// ordinary commit. A power cut in those seconds rolls the whole unit back, never a part of
// it (WAL commits stay atomic); an office crash loses nothing.
class BulkDurability
{
public:
    BulkDurability(Database& db, std::size_t rows) : db_(db), active_(rows >= kBulkRows)
    {
        if (!active_)
            return;
        previous_ = db_.scalar("PRAGMA synchronous");
        db_.exec("PRAGMA synchronous = NORMAL");
    }
    ~BulkDurability()
    {
        if (active_)
            sqlite3_exec(db_.handle(),
                         ("PRAGMA synchronous = " + std::to_string(previous_)).c_str(), nullptr,
                         nullptr, nullptr);
    }
    BulkDurability(const BulkDurability&) = delete;
    BulkDurability& operator=(const BulkDurability&) = delete;

private:
    Database& db_;
    bool active_;
    std::int64_t previous_ = 2; // FULL
};

// An undo deletes thousands of clients it created; with foreign keys on, SQLite checks seven
// tables that must not refer to each (projects, invoices…) and cascades into three more, row
// by row: three quarters of the time. Unit::deleteClients deletes the dependent rows itself
// and the references are checked once at the end instead. (The pragma only takes effect
// outside a transaction: constructed before the Transaction.)
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(Database& db)
        : db_(db), repair_(db.registerRepair("PRAGMA foreign_keys = ON"))
    {
        db_.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff()
    {
        // Left off (out of memory), deleting a client would leave its tags and contacts
        // behind for the next client given its id: the next write turns them on first.
        if (sqlite3_exec(db_.handle(), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr) !=
            SQLITE_OK)
            db_.markRepairDue(repair_);
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

    // Throws (rolling the caller's transaction back) when a record still refers to a client
    // that is gone. The register refuses to delete clients that have records, so this is a
    // safety net.
    static void checkClientReferences(Database& db, const std::string& path)
    {
        // The records that go with their client too: deleteClients must have taken them.
        for (const char* table :
             {"projects", "time_entries", "tasks", "purchase_orders", "invoices", "deals", "files",
              "contacts", "addresses", "bank_accounts"})
        {
            auto check = db.query(std::string("PRAGMA foreign_key_check(") + table + ")");
            if (check->step())
                throw StoreError(StoreError::Kind::Conflict, path,
                                 std::string("deleting clients would orphan rows of ") + table);
        }
    }

private:
    Database& db_;
    std::size_t repair_;
};

} // namespace

DeferredFtsMerge::DeferredFtsMerge(Database& db, std::size_t rows)
    : db_(db), active_(rows >= kBulkRows)
{
    if (!active_)
        return;
    auto row = db_.query("SELECT v FROM clients_fts_config WHERE k = 'automerge'");
    if (row->step())
        previous_ = row->int64(0);
    set(0);
}

void DeferredFtsMerge::restore()
{
    if (active_)
        set(previous_);
    active_ = false;
}

void DeferredFtsMerge::set(std::int64_t value)
{
    auto config = db_.query("INSERT INTO clients_fts (clients_fts, rank) VALUES ('automerge', ?1)");
    config->bind(1, value);
    config->run();
}

// Creates an empty file with mode 0600 if there is none (an empty file is a valid empty
// SQLite database; SQLite gives its -wal and -shm files the same mode).
void createPrivateFile(const fs::path& file)
{
#ifndef _WIN32
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
    {
        ::close(fd);
        return;
    }
    if (errno != EEXIST)
        throwFileError(file, std::error_code(errno, std::generic_category()),
                       "cannot create the file");
#else
    if (!fs::exists(file))
    {
        std::FILE* created = std::fopen(file.string().c_str(), "wb");
        if (created == nullptr)
            throw StoreError(StoreError::Kind::CannotOpen, file.string(), "cannot create");
        std::fclose(created);
    }
#endif
}

// ------------------------------------------------------------------------- the store

std::unique_ptr<Store> openStore(fs::path file, StoreOptions options)
{
    return std::make_unique<SqliteStore>(std::move(file), options);
}

SqliteStore::SqliteStore(fs::path file, const StoreOptions& options)
    : path(std::move(file)), db((prepareFile(path), path.string())),
      idle(db, options.idleCheckpointDelay)
{
    if (sqlite3_db_readonly(db.handle(), "main") == 1)
        throw StoreError(StoreError::Kind::PermissionDenied, db.path(), "read-only file");
    sqlite3_busy_timeout(db.handle(), 5000);
    checkHeader(db);
    // 8 KiB pages for a new register (an existing file keeps its own): a 100,000-client
    // import writes 0.15 s faster, searches measure the same.
    db.exec("PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON");
    migrate(db, path, options.migration);
    // Found by the fault-injection tests (tests/fault): see Database::setRepairAfterFailedWrite.
    db.setRepairAfterFailedWrite("BEGIN IMMEDIATE; DELETE FROM clients_fts WHERE rowid = -1");
    // Clients a bulk insert left waiting for their full-text rows when the office closed.
    if (searchRowsPending(db))
        checkpointInBackground();
}

void SqliteStore::read(const std::function<void(StoreReader&)>& work)
{
    std::lock_guard lock(mutex);
    for (int attempt = 0;; ++attempt)
    {
        try
        {
            sql::ReadTransaction snapshot(db);
            Unit unit(*this, Unit::Access::Read);
            work(unit);
            return;
        }
        catch (const SearchRowsPending&)
        {
            // Another program keeps importing into the same file.
            if (attempt == 3)
                throw StoreError(StoreError::Kind::Locked, path.string(),
                                 "the search index is being rebuilt");
        }
        // A search found clients waiting for their full-text rows (kDeferredSearchRows): they
        // are written now, as a bulk write, then the unit runs again on a complete index.
        writeLocked([this](StoreWriter&) { writePendingSearchRows(db, SIZE_MAX); },
                    WriteHints{kBulkRows, false});
    }
}

void SqliteStore::write(const std::function<void(StoreWriter&)>& work, const WriteHints& hints)
{
    std::lock_guard lock(mutex);
    writeLocked(work, hints);
}

void SqliteStore::writeLocked(const std::function<void(StoreWriter&)>& work,
                              const WriteHints& hints)
{
    std::optional<ForeignKeysOff> foreignKeysOff;
    if (hints.deletesMany)
        foreignKeysOff.emplace(db);
    BulkDurability durability(db, hints.rows);
    BulkCache cache(db, hints.rows);
    sql::Transaction transaction(db);
    DeferredFtsMerge merge(db, hints.rows);
    Unit unit(*this, Unit::Access::Write, foreignKeysOff.has_value());
    work(unit);
    if (unit.deletedWithoutForeignKeys())
        ForeignKeysOff::checkClientReferences(db, path.string());
    merge.restore();
    transaction.commit();
    if (cache.active())
        checkpointInBackground();
}

ConnectionInfo SqliteStore::connectionInfo() const
{
    ConnectionInfo info;
    info.location = path.string();
#ifndef _WIN32
    if (const passwd* user = ::getpwuid(::geteuid()); user != nullptr && user->pw_name != nullptr)
        info.user = user->pw_name;
#endif
    return info;
}

std::int64_t SqliteStore::dataVersion()
{
    std::lock_guard lock(mutex);
    auto rows = db.query("PRAGMA data_version");
    rows->step();
    return rows->int64(0);
}

} // namespace clientes::sqlite
