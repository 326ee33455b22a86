#pragma once

// The activity history of a client: written by the register in the same unit of work as every
// change, listed newest first (Register::activity).

#include "core/model/profile_records.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

enum class ActivityKind
{
    Created, // the client was added
    Updated, // client fields changed; see changes
    Archived,
    Restored,      // taken out of the archive
    FileAttached,  // label = file name
    FileRemoved,   // label = file name
    RecordAdded,   // record/recordId/label name the contact, invoice…
    RecordChanged, // same, plus changes
    RecordRemoved,
    Imported,   // written by imports, with batchId
    Note,       // a note the user wrote; text
    Merged,     // a merge (recordId = its id); see model/merge.hpp
    MergeUndone // the undo of that merge (recordId = its id)
};

// API names: "created", "updated", "archived", "restored", "fileAttached", "fileRemoved",
// "recordAdded", "recordChanged", "recordRemoved", "imported", "note", "merged",
// "mergeUndone".
std::string_view activityKindName(ActivityKind kind);
std::optional<ActivityKind> activityKindFromName(std::string_view name);

// One field of a change, values as text in the API's spelling ("1234.56", "paid", "ES").
struct FieldChange
{
    std::string field; // API name: "city", "paymentTerms", "dueDate", "total"…
    std::string oldValue;
    std::string newValue;

    bool operator==(const FieldChange&) const = default;
};

// The change an Archived entry of an import batch carries ("false" → "true"), so that undoing
// the batch restores the client.
inline constexpr std::string_view kArchivedChange = "archived";

struct ActivityEntry
{
    std::int64_t id = 0; // increases with every entry
    std::int64_t clientId = 0;
    std::string at; // ISO 8601 UTC
    ActivityKind kind = ActivityKind::Note;
    std::optional<RecordType> record; // for File… and Record… kinds
    std::int64_t recordId = 0;        // the record's id (it may no longer exist)
    std::string label;                // what the record was called: "F-2024-001", "plan.pdf"
    std::string batchId;              // Imported
    std::string text;                 // Note
    std::vector<FieldChange> changes; // Updated, RecordChanged: in field order
    // Who did it: a team server's database user, set by the store when it appends the entry
    // (appendActivity ignores it); "" in a file register, which has one user.
    std::string user;
};

struct ActivityPage
{
    std::vector<ActivityEntry> entries; // newest first
    std::int64_t total = 0;             // entries of the client in all
    // Pass as `beforeId` for the next page; 0 when this page reached the oldest entry.
    std::int64_t nextBeforeId = 0;
};

} // namespace clientes
