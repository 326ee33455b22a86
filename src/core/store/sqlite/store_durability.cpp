// The register's file on disk: checkpoints that keep the file alone complete, the close that
// leaves no write-ahead log behind, and back-ups taken while the register is in use.
#include "core/files/safe_files.hpp"
#include "core/store/sqlite/register_file.hpp"
#include "core/store/sqlite/store_internal.hpp"

#include <system_error>

namespace clientes::sqlite
{

namespace fs = std::filesystem;

// ------------------------------------------------------------------------- idle checkpoints

IdleCheckpointer::IdleCheckpointer(sql::Database& db, std::chrono::milliseconds delay)
    : db_(db), delay_(delay)
{
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
    sqlite3_commit_hook(db_.handle(), &IdleCheckpointer::onCommit, this);
}

IdleCheckpointer::~IdleCheckpointer()
{
    sqlite3_commit_hook(db_.handle(), nullptr, nullptr);
    thread_.request_stop();
    if (thread_.joinable())
        thread_.join();
}

std::int64_t IdleCheckpointer::done() const
{
    std::lock_guard lock(mutex_);
    return done_;
}

int IdleCheckpointer::onCommit(void* self) noexcept
{
    auto* checkpointer = static_cast<IdleCheckpointer*>(self);
    {
        std::lock_guard lock(checkpointer->mutex_);
        checkpointer->pending_ = true;
        checkpointer->due_ = std::chrono::steady_clock::now() + checkpointer->delay_;
    }
    checkpointer->wake_.notify_one();
    return 0; // the commit goes ahead
}

void IdleCheckpointer::run(std::stop_token stop)
{
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested())
    {
        if (!wake_.wait(lock, stop, [this] { return pending_; }))
            return;
        // Each commit moves the moment on: wait until writes pause.
        while (!stop.stop_requested() && std::chrono::steady_clock::now() < due_)
        {
            const auto until = due_;
            wake_.wait_until(lock, stop, until, [] { return false; });
        }
        if (stop.stop_requested())
            return;
        pending_ = false;
        lock.unlock();
        // A connection of its own, closed again: the store's connection keeps reading and
        // writing meanwhile (PASSIVE never waits for it), and closing the store later finds
        // itself the last connection, which removes the log.
        sqlite3* connection = nullptr;
        if (sqlite3_open_v2(db_.path().c_str(), &connection,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK)
        {
            sqlite3_busy_timeout(connection, 200);
            // A new connection learns that the file is in WAL mode only once it reads it.
            sqlite3_exec(connection, "PRAGMA schema_version", nullptr, nullptr, nullptr);
            sqlite3_wal_checkpoint_v2(connection, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                      nullptr);
        }
        sqlite3_close(connection);
        lock.lock();
        ++done_;
    }
}

// ------------------------------------------------------------------------- the store's file

SqliteStore::~SqliteStore()
{
    // Everything that has a connection of its own stops first, so that the store's connection
    // is the last one: closing it copies the log into the file and deletes the log.
    if (checkpointer.joinable())
    {
        checkpointer.request_stop();
        checkpointer.join();
    }
    std::lock_guard lock(mutex);
    sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

void SqliteStore::checkpoint()
{
    std::lock_guard lock(mutex);
    const int rc = sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE,
                                             nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        db.fail(rc, "checkpoint");
}

BackupResult SqliteStore::backupTo(const fs::path& target)
{
    if (isRegisterFile(target, path))
        throw RegisterFileRefused(target);
    std::error_code error;
    if (fs::exists(target, error) && !fs::is_regular_file(target, error))
        throw StoreError(StoreError::Kind::CannotOpen, target.string(), "not a file");

    const fs::path temporary = detail::createTemporaryBeside(target);
    try
    {
        {
            sql::Database copy(temporary.string());
            {
                std::lock_guard lock(mutex);
                sqlite3_backup* backup =
                    sqlite3_backup_init(copy.handle(), "main", db.handle(), "main");
                if (backup == nullptr)
                    copy.fail(sqlite3_errcode(copy.handle()), "back-up");
                const int stepped = sqlite3_backup_step(backup, -1);
                const int finished = sqlite3_backup_finish(backup);
                if (stepped != SQLITE_DONE)
                    throw sql::makeError(stepped, nullptr, target.string(), "back-up");
                if (finished != SQLITE_OK)
                    copy.fail(finished, "back-up");
            }
            // One self-contained file: no log beside it to be forgotten by a copy.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        detail::syncFile(temporary);
        const RegisterCopyInfo checked = inspectRegisterCopy(temporary);
        fs::rename(temporary, target, error);
        if (error)
            throw StoreError(StoreError::Kind::Io, target.string(),
                             "cannot put the copy in place: " + error.message());
        detail::syncFolderOf(target);
        return BackupResult{checked.clients, checked.bytes};
    }
    catch (...)
    {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw;
    }
}

} // namespace clientes::sqlite
