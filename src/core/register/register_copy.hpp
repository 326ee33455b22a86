#pragma once

// Copying one register into another ("Copiar mis clientes al servidor…"): a user's file
// register into the team register, in one unit of work of the target, all or nothing.
//
// A client of the source is matched to a client of the target first by uuid (a client
// created by an earlier copy keeps the source client's uuid), then by tax ID
// (normalizeTaxId; active target clients first). No match: the client is created with the
// target's next code (the source's code is not kept) and the source's uuid, archived when it
// is archived in the source. A match keeps its values; its empty fields are filled from the
// source (tags: the union), written as one Updated activity entry.
//
// Every record around the client (contacts, projects with their time entries, tasks,
// purchase orders, invoices, deals), its files (bytes included) and its activity entries are
// copied to the matched or created client, except what is already there, judged by content:
// a record of the same kind with the same data fields (ids, stamps and versions ignored); a
// time entry with the same date, hours and note in the project it is copied to; an invoice
// with the same number on that client; a file with the same sha256 and name; an activity
// entry with the same time, kind, record kind, label, text and changes (a client-level
// entry's label naming the source code is compared as the target's code). Copies count as
// a multiset: two identical records in the source are two records in the target. Activity
// entries keep their time; their recordId names the record copied now (0 when that record
// was not copied in this run). A client that received anything gets one Imported entry
// whose batchId starts with kCopyBatchPrefix followed by the source's path, labelled with
// the source's file name. Hence a second copy finds everything there and writes nothing.
//
// An invoice number the target has for another client cannot be copied (invoice numbers
// are unique in a register): a CopyConflict; copyRegister refuses while there is any.
//
// No texts: the caller words the plan, the report and the errors.

#include "core/model/profile_records.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

class Register;

// The start of the batchId of the Imported entry a copy writes on each client it changed:
// "copy:" + the source register's path. The entry's label is the source's file name.
inline constexpr std::string_view kCopyBatchPrefix = "copy:";

// One client of the source and what the copy does with it.
struct CopyClient
{
    std::string fileCode, legalName, taxId; // as in the source register
    enum class Action
    {
        Create,      // no client of the target matches: created
        Merge,       // matched; some of its empty fields are filled from the source
        AlreadyThere // matched; nothing to fill (its records may still be copied: see counts)
    } action = Action::Create;
    // Merge/AlreadyThere: the target client's code; Create: "" in a preview, the new code in
    // a report.
    std::string serverCode;
    std::string serverLegalName; // Merge/AlreadyThere
    // Merge/AlreadyThere: API field names (fieldName) where both have different non-empty
    // values; the target's value is kept. Tax IDs that normalise alike count as equal; tags
    // are never listed (they are joined).
    std::vector<std::string> keptServerFields;

    // Added for the dialog's details.
    bool archived = false;                 // archived in the source (copied as archived)
    std::vector<std::string> filledFields; // Merge: API field names filled from the source
    // What is copied to this client: records (every kind but files), files, activity
    // entries of the source.
    std::int64_t records = 0, files = 0, activity = 0;
};

// A record that cannot be copied as it is (an invoice number the target already has for
// another client). label: the invoice number; serverCode: the target client that has it.
struct CopyConflict
{
    std::string fileCode;
    RecordType kind = RecordType::Invoice;
    std::string label;
    std::string serverCode;
};

// created + merged + alreadyThere = clients of the source. records, files, activity: copied
// (activity: the source's entries; the Updated and Imported entries the copy adds are not
// counted). fieldsFilled: fields filled on matched clients, all clients together.
struct CopyCounts
{
    std::int64_t created = 0, merged = 0, alreadyThere = 0, records = 0, files = 0, activity = 0,
                 fieldsFilled = 0;
};

struct RegisterCopyPlan
{
    std::vector<CopyClient> clients; // in the source's id order
    std::vector<CopyConflict> conflicts;
    CopyCounts counts;

    // Whether copying would write anything.
    bool changesAnything() const
    {
        return counts.created + counts.merged + counts.records + counts.files + counts.activity > 0;
    }
};

// copyRegister refused: these records cannot be copied. Nothing was written.
class CopyConflictError : public std::runtime_error
{
public:
    explicit CopyConflictError(std::vector<CopyConflict> conflicts);
    std::vector<CopyConflict> conflicts;
};

// What copying `from` into `to` would do; writes nothing. One read unit of each. Throws
// StoreError; std::invalid_argument when both are the same register.
RegisterCopyPlan planRegisterCopy(Register& from, Register& to);

// Copies `from` into `to` in ONE write unit of `to` (all or nothing) and returns what was
// done (Create entries with their new codes). Nothing to copy: nothing is written (not even
// an empty transaction is committed). Throws NotPermitted (Need::Edit) when the user may not
// edit `to`, CopyConflictError when there are conflicts (nothing written), StoreError,
// std::invalid_argument when both are the same register; rarely (nothing written either)
// ConflictError when someone saves a matched client while the copy runs, NotFound when a
// file of the source is removed meanwhile (copying again then works). progress(done, total) is
// called from the calling thread now and then while the source is read, the copy planned and
// written (may be empty; when the target's store retries its unit the count goes back).
RegisterCopyPlan copyRegister(Register& from, Register& to,
                              const std::function<void(std::size_t, std::size_t)>& progress = {});

} // namespace clientes
