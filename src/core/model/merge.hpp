#pragma once

// Merges of duplicate clients: what a merge moved, so that it can be undone
// (Register::mergeClients, Register::undoMerge), and what the register answers.

#include "core/model/activity.hpp"
#include "core/model/client.hpp"
#include "core/model/profile_records.hpp"
#include "core/model/register_values.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace clientes
{

// A record a merge moved from a merged client to the client that stays. kind: Contact …
// Deal (a project takes its time entries along; they are not listed), File, or Note for an
// activity entry.
struct MergedRecord
{
    RecordType kind = RecordType::Contact;
    std::int64_t id = 0;
    std::int64_t fromClient = 0;

    bool operator==(const MergedRecord&) const = default;
};

// A client a merge archived, with the version the merge left it at.
struct MergedClient
{
    std::int64_t clientId = 0;
    std::int64_t version = 0;

    bool operator==(const MergedClient&) const = default;
};

struct MergeInfo
{
    std::int64_t id = 0;     // assigned by the store, increasing
    std::int64_t keepId = 0; // the client that stays
    // The fields the merge wrote on the client that stays (old → new), which an undo gives
    // back; in field order.
    std::vector<FieldChange> changes;
    std::string at;       // ISO 8601 UTC
    std::string user;     // a team server's database user (set by the store); "" in a file
    std::string undoneAt; // "" while the merge stands
    std::vector<MergedClient> merged;
    std::vector<MergedRecord> records;
};

// What the user chose for a merge: the client that stays, the ones merged into it, and for
// each field whose value should not be the one of the client that stays, the client whose
// value wins. versions: the version of each client as the user saw it (a client saved since
// is a conflict); a client left out is not checked.
struct MergeRequest
{
    std::int64_t keepId = 0;
    std::vector<std::int64_t> mergedIds;
    std::map<Field, std::int64_t> choices;
    std::map<std::int64_t, std::int64_t> versions;
};

// The pre-filled choice of a merge (Register::planMerge): for each field, the client whose
// value wins (a non-empty value over an empty one; among non-empty ones that differ, the
// most recently saved client's), the notes of all of them joined and their tags together;
// and the client that stays as the merge would leave it.
struct MergePlan
{
    std::vector<Client> clients; // the client that stays first, then the merged ones
    std::map<Field, std::int64_t> choices;
    Client result;
    LinkedRecords moved; // the merged clients' records, which move to the one that stays
};

struct MergeResult
{
    std::int64_t mergeId = 0;
    Client kept;                  // as stored after the merge
    std::size_t movedRecords = 0; // records, files and activity entries moved
};

// What stops an undo of a merge.
struct MergeUndoConflict
{
    enum class Reason
    {
        ClientGone,     // a merged client (or the one that stayed) was deleted
        ClientChanged,  // a merged client was restored or saved since the merge
        FieldChanged,   // a field the merge wrote was changed since on the client that stayed
        RecordGone,     // a moved record was deleted since
        RecordElsewhere // a moved record belongs to another client now
    };
    Reason reason = Reason::ClientChanged;
    std::string code;                      // the client's code
    std::string field;                     // FieldChanged: the field's API name
    RecordType kind = RecordType::Contact; // Record…
    std::int64_t recordId = 0;
};

struct MergeUndoResult
{
    std::int64_t mergeId = 0;
    std::size_t restoredClients = 0;
    std::size_t movedBack = 0;
};

} // namespace clientes
