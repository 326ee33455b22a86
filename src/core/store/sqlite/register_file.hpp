#pragma once

// The register as a file: which files on disk belong to it, copies of it checked before they
// are trusted, and a restore that keeps the replaced register aside. The live copy is made by
// ClientStore::backupTo (SQLite's online back-up, while the register is in use).

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace clientes
{

// What a checked copy of the register holds.
struct RegisterCopyInfo
{
    std::int64_t clients = 0;       // archived ones included
    std::int64_t schemaVersion = 0; // PRAGMA user_version
    std::uintmax_t bytes = 0;       // the file's size
};

// A file the register must not write over (safe_files.hpp's isRegisterFile: its database,
// -wal, -shm, -journal, the back-ups beside it), or restore from (its database or log).
class RegisterFileRefused : public std::runtime_error
{
public:
    explicit RegisterFileRefused(std::filesystem::path target);
    std::filesystem::path target;
};

// Opens `copy` read-only without changing it and checks it: a SQLite file of ours (or an empty
// register), PRAGMA integrity_check "ok", a schema not newer than this version knows. Throws
// StoreError (NotADatabase, TooNew, CannotOpen, PermissionDenied).
RegisterCopyInfo inspectRegisterCopy(const std::filesystem::path& copy);

struct RestoreResult
{
    RegisterCopyInfo restored;
    // Where the register that was replaced now lives ("<file>.before-restore-<UTC stamp>");
    // empty when there was none.
    std::filesystem::path keptAside;
};

// Replaces the register at `registerFile` (which no ClientStore may hold open) by a checked
// copy of `copy`: the copy (a regular file: safe_files' openRegularFileForReading) is written
// beside the register, synced and checked there (inspectRegisterCopy; an empty file is no
// register), the current register (with any write-ahead log it has) is renamed aside, and the
// copy renamed into place. When anything fails before the last rename, the register is as it
// was. Throws StoreError naming `copy`, FileProblem (not a regular file), RegisterFileRefused
// (copy is the register itself or its log).
RestoreResult restoreRegisterFrom(const std::filesystem::path& registerFile,
                                  const std::filesystem::path& copy);

namespace detail
{
// A new, empty file of mode 0600 beside `target` (same folder, so that a rename replaces the
// target atomically), named after it. Throws StoreError.
std::filesystem::path createTemporaryBeside(const std::filesystem::path& target);
// fsync of a file and of its folder (so that a rename into it is durable). Throws StoreError.
void syncFile(const std::filesystem::path& file);
void syncFolderOf(const std::filesystem::path& file);
} // namespace detail

} // namespace clientes
