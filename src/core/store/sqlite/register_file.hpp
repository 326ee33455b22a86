#pragma once

// The register as a file: which files on disk belong to it, copies of it checked before they
// are trusted, and a restore that keeps the replaced register aside. The live copy is made by
// SqliteStore::backupTo (SQLite's online back-up, while the register is in use).

#include "core/model/register_values.hpp"
#include "core/store/errors.hpp"

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace clientes::sqlite
{

// Opens `copy` read-only without changing it and checks it: a SQLite file of ours (or an empty
// register), PRAGMA integrity_check "ok", a schema not newer than this version knows. Throws
// StoreError (NotADatabase, TooNew, CannotOpen, PermissionDenied).
RegisterCopyInfo inspectRegisterCopy(const std::filesystem::path& copy);

// Replaces the register at `registerFile` (which no store may hold open) by a checked
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

} // namespace clientes::sqlite
