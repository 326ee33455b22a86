#pragma once

// What the register and its stores throw. Shared by every layer from the store up; the UNO
// layer turns each into a message (messages/messages.hpp) at its exception wall.
//
// Thrown by a store: StoreError (the database failed: cannot open, locked, I/O, out of
// memory…). Thrown by the register, the one place for the business rules: NotFound,
// ConflictError / RecordConflict (optimistic concurrency), HasLinkedRecords, NothingToUndo,
// ImportUndoRefused, RegisterFileRefused. Validation errors live with their rules
// (rules/validation.hpp, rules/profile_validation.hpp).

#include "core/model/client.hpp"
#include "core/model/import_batch.hpp"
#include "core/model/merge.hpp"
#include "core/model/register_values.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

class StoreError : public std::runtime_error
{
public:
    enum class Kind
    {
        CannotOpen,
        NotADatabase,
        Locked,
        PermissionDenied,
        TooNew,
        Io,
        Conflict,    // thrown as ConflictError / RecordConflict: changed by someone else meanwhile
        OutOfMemory, // the database could not allocate memory; the change was not made
        NoLibrary    // a team server's client library (libpq) is not installed
    };
    enum class Where
    {
        File,  // the register's file on this computer
        Server // a team server (path: "host:port/database")
    };
    // `path`: where the register lives (its file, or the server), as messages name it.
    StoreError(Kind kind, std::string path, const std::string& detail, Where where = Where::File);
    Kind kind;
    std::string path;
    Where where = Where::File;
};

// The connected user may not do this: a team server's grants (ConnectionInfo::permissions)
// allow reading only (needs Edit) or not archiving, deleting and undoing other people's
// imports (needs Admin); or it is for a register file, and the register is on a team server
// (needs File: back-ups and restores, which the server's administrator makes with pg_dump).
// Checked by the register before it writes anything.
class NotPermitted : public StoreError
{
public:
    enum class Need
    {
        Edit,
        Admin,
        File
    };
    NotPermitted(Need need, std::string path, std::string user);
    Need need;
    std::string user;
};

// A team server refused the login itself: no such user, a wrong or missing password, or no
// line of the server's pg_hba.conf lets this user in from here (kind PermissionDenied).
class LoginRefused : public StoreError
{
public:
    LoginRefused(std::string path, std::string user, const std::string& detail);
    std::string user;
};

// No client (or record) with the given key; what() names the key.
class NotFound : public std::runtime_error
{
public:
    explicit NotFound(const std::string& key);
    // "<what> not found: <id>", e.g. "invoice not found: 12".
    NotFound(std::string_view what, std::int64_t id);
};

// update(const Client&) with a version that is no longer the stored one: someone saved the
// client after it was read. `current` is the client as stored now, for the user to review.
class ConflictError : public StoreError
{
public:
    ConflictError(std::string path, Client current);
    Client current;
};

// The same for the profile records: Record is Contact, Project, TimeEntry, Task,
// PurchaseOrder, Invoice or Deal.
template <typename Record> class RecordConflict : public StoreError
{
public:
    RecordConflict(std::string path, Record stored)
        : StoreError(Kind::Conflict, std::move(path),
                     "record " + std::to_string(stored.id) +
                         " was changed by someone else (now "
                         "version " +
                         std::to_string(stored.version) + ")"),
          current(std::move(stored))
    {
    }
    Record current;
};

// deleteClient() of a client that still has records; archive it instead.
class HasLinkedRecords : public std::runtime_error
{
public:
    HasLinkedRecords(std::int64_t clientId, LinkedRecords linked);
    std::int64_t clientId;
    LinkedRecords linked;
};

// undoLastImport() with no import to undo.
class NothingToUndo : public std::runtime_error
{
public:
    NothingToUndo();
};

// undoLastImport() refused: records the batch wrote changed since. Nothing was written.
class ImportUndoRefused : public std::runtime_error
{
public:
    ImportUndoRefused(ImportBatchInfo batch, std::vector<UndoConflict> conflicts,
                      std::size_t totalConflicts);
    ImportBatchInfo batch;
    std::vector<UndoConflict> conflicts; // the first ones (at most kMaxListedConflicts)
    std::size_t totalConflicts = 0;

    static constexpr std::size_t kMaxListedConflicts = 20;
};

// mergeClients() or undoMerge() refused before anything was written.
class MergeRefused : public std::runtime_error
{
public:
    enum class Reason
    {
        NothingToMerge, // no other client, or the client that stays among the merged ones
        Archived,       // `code` is archived (merged earlier: mergedInto names where)
        AlreadyUndone,  // undoMerge() of a merge undone before
    };
    MergeRefused(Reason reason, std::string code, std::string mergedInto = {});
    Reason reason;
    std::string code;
    std::string mergedInto;
};

// undoMerge() refused: what the merge wrote changed since. Nothing was written.
class MergeUndoRefused : public std::runtime_error
{
public:
    MergeUndoRefused(std::int64_t mergeId, std::vector<MergeUndoConflict> conflicts);
    std::int64_t mergeId;
    std::vector<MergeUndoConflict> conflicts;
};

// A file the register must not write over (safe_files.hpp's isRegisterFile: its database,
// -wal, -shm, -journal, the back-ups beside it), or restore from (its database or log).
class RegisterFileRefused : public std::runtime_error
{
public:
    explicit RegisterFileRefused(std::filesystem::path target);
    std::filesystem::path target;
};

} // namespace clientes
