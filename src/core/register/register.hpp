#pragma once

// The client register: the one place for the business rules of the clients and the records
// around them. It tidies and validates what is written, gives clients their codes, finds
// duplicates by tax ID, keeps the activity log (which entries, with which field changes),
// decides what may be archived, restored and deleted, checks versions (optimistic
// concurrency), computes summaries with the overdue/pending rules (register/profile_rules.hpp),
// and commits and undoes import batches. Where the data lives is a store's business
// (store/store.hpp): the register asks it for records and writes them in units of work.
//
// All methods are thread-safe. Failures of the store throw StoreError; invalid clients
// ValidationError, invalid profile records RecordValidationError (rules/); the rest of the
// errors are in store/errors.hpp. Every change writes its activity entry in the same unit of
// work.
//
// Opening: openRegister() (or the constructor taking a path) opens the register kept in a
// file on this computer; it is declared here and implemented by linking the SQLite store
// (register/open_register.cpp), so that the UNO layer opens a register without including a
// store header. A register over any other store: Register(std::unique_ptr<Store>).

#include "core/files/safe_files.hpp"
#include "core/model/activity.hpp"
#include "core/model/client.hpp"
#include "core/model/import_batch.hpp"
#include "core/model/merge.hpp"
#include "core/model/profile_records.hpp"
#include "core/model/profile_summary.hpp"
#include "core/model/register_values.hpp"
#include "core/rules/duplicate_match.hpp"
#include "core/store/errors.hpp"
#include "core/transfer/work_progress.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

class Store;

// Which duplicates findDuplicates looks for.
struct DuplicateOptions
{
    int minScore = kDefaultDuplicateScore; // pairs scoring at least this (0..100)
    // Only the groups holding one of these clients (codes in any spelling); empty: all.
    std::vector<std::string> codes;
    std::size_t limit = 0; // at most this many groups, best first; 0: all
};

// A group of active clients that look like one firm or person.
struct DuplicateCandidates
{
    std::vector<Client> clients;      // as stored, by id
    std::vector<DuplicatePair> pairs; // the pairs that joined them, best first
    int score = 0;                    // the best pair's
};

// An active client that looks like the one being typed.
struct DuplicateMatch
{
    Client client;
    DuplicateScore score;
};

class Register
{
public:
    // The register kept in `file` (SQLite): creates the parent directory (0700) and the file
    // (0600) if missing, opens it, backs it up to "<file>.backup-v<old>" and migrates it when
    // its schema is older. Throws StoreError.
    explicit Register(std::filesystem::path file, StoreOptions options = {});
    // The register over any store (the contract suite, a server store).
    explicit Register(std::unique_ptr<Store> store);
    // Closes the store (a file store leaves its file complete: no write-ahead log).
    ~Register();
    Register(const Register&) = delete;
    Register& operator=(const Register&) = delete;

    // Where the register lives: its file, or the server's location.
    const std::filesystem::path& path() const;
    // Where the register lives, who is connected and what they may do.
    ConnectionInfo connectionInfo() const;

    // ---------------------------------------------------------------- the file itself
    // Only for a register kept in a file (NotPermitted with Need::File otherwise; see
    // isFile()).
    bool isFile() const;
    // Copies the write-ahead log into the file now (also done by itself once writes pause
    // for StoreOptions::idleCheckpointDelay, and on close).
    void checkpoint();
    // Checkpoints done by the idle checkpointer so far (for tests).
    std::int64_t idleCheckpoints() const;
    // Writes a checked copy of the register to `target` while it stays in use (a failure
    // leaves target as it was; a copy is one file). Throws RegisterFileRefused for the
    // register's own files, StoreError.
    BackupResult backupTo(const std::filesystem::path& target);

    // ---------------------------------------------------------------- clients
    // Tidies and validates, assigns uuid, code ("C-000001"…) and timestamps; version = 1.
    // A rejected add does not consume a code.
    Client add(Client client);
    // Same as add() for many clients in one unit of work; all or nothing. Every client is
    // validated before anything is written; the first invalid one throws ValidationError.
    std::vector<Client> addMany(std::vector<Client> clients);
    // Same, for an import: the activity entry of each client is Imported with
    // `importBatchId` instead of Created.
    std::vector<Client> addMany(std::vector<Client> clients, std::string_view importBatchId);

    std::optional<Client> byId(std::int64_t id);
    // Case-insensitive; "c-1", "C1", "C-000001" all mean "C-000001".
    std::optional<Client> byCode(std::string_view code);
    // A code, or a tax ID in any spelling ("b-12.345.678", "ESB12345678"); active clients first.
    std::optional<Client> byKey(std::string_view key);

    // Stores the editable fields of client.id (tidied, validated); bumps version and updatedAt.
    // uuid, code, createdAt and archived are kept as stored (use setArchived). Throws NotFound,
    // ConflictError when client.version is not the stored version (someone saved in between).
    // The activity entry (Updated) lists the fields that changed, old and new values.
    Client update(const Client& client);
    // Bumps version and updatedAt when the state changes (activity: Archived / Restored).
    // Throws NotFound.
    void setArchived(std::int64_t id, bool archived);
    void archive(std::int64_t id);
    // Takes an archived client back into the active register: setArchived(id, false).
    void restore(std::int64_t id);
    // Deletes the client for good, with its contacts, tags and activity. Only for clients with
    // nothing else linked (LinkedRecords); otherwise throws HasLinkedRecords (archive instead).
    // Throws NotFound.
    void deleteClient(std::int64_t id);
    LinkedRecords linkedRecords(std::int64_t clientId);

    // Empty query (or only punctuation): all clients ordered by legal name. Otherwise prefix
    // match of every word, ignoring case and accents: words without digits look at legal name,
    // trade name, city and e-mail; words with digits or inner punctuation also at tax ID (any
    // spelling), code and the whole e-mail address. Best match first; with very many matches
    // (a letter or two typed), legal names starting with the query come first, then the other
    // matches alphabetically. Never throws on user input.
    SearchPage search(std::string_view query, bool includeArchived, std::size_t limit);
    // Same matching over active clients; codes best first; limit <= 0 → all.
    std::vector<std::string> findCodes(std::string_view query, int limit);

    std::int64_t count(bool includeArchived = false);

    // Clients carrying the tag (ignoring case and accents), ordered by legal name.
    std::vector<ClientSummary> clientsWithTag(std::string_view tag, bool includeArchived);
    // Every tag in use (spellings that differ only in case or accents count as one), with the
    // number of clients carrying it, ordered by the folded tag.
    std::vector<TagCount> tagCounts();

    // ---------------------------------------------------------------- the client's profile
    // Records are tidied and validated (RecordValidationError); add() throws NotFound for a
    // client (or, for a time entry, a project) that does not exist, and assigns id, createdAt,
    // updatedAt and version 1. update() keeps the client (and project) and createdAt as stored,
    // throws NotFound, and RecordConflict<Record> when record.version is not the stored one.
    // remove() throws NotFound. Lists are empty for unknown clients. Money records with an
    // empty currency get the client's default currency.
    // For R = Contact, Project, TimeEntry (record.projectId names the project), Task,
    // PurchaseOrder, Invoice (its number unused in the whole register: RecordValidationError,
    // Duplicate), Deal, Address and BankAccount; get, list and remove also for FileInfo.
    template <typename R> R add(R record);
    template <typename R> R update(const R& record);
    template <typename R> void remove(std::int64_t id); // a project with its time entries
    template <typename R> std::optional<R> get(std::int64_t id);
    // The records of a client (time entries: of a project) in the kind's order: contacts by
    // name; projects open first, by name; tasks pending first, by due date, undated last;
    // invoices newest issue date first; time entries, purchase orders and deals newest date
    // first; files newest first.
    template <typename R> std::vector<R> list(std::int64_t parentId);
    // list() of many clients (projects) in one read: grouped by parent, parents by id.
    template <typename R> std::vector<R> listOf(std::span<const std::int64_t> parentIds);
    // Many records in one unit of work (imports): all or nothing, one activity entry each.
    template <typename R> std::vector<R> addMany(std::vector<R> records);

    std::optional<Invoice> invoiceByNumber(std::string_view number); // ignoring ASCII case
    double projectHours(std::int64_t projectId);
    double clientHours(std::int64_t clientId);

    // Keeps the bytes inside the register with their SHA-256. Throws FileTooLarge above
    // kMaxFileBytes (before anything else), RecordValidationError for a bad name or MIME type
    // (empty = application/octet-stream), NotFound. Activity: FileAttached with the name.
    FileInfo attachFile(std::int64_t clientId, std::string_view name, std::string_view mimeType,
                        std::span<const std::uint8_t> bytes);
    std::optional<FileInfo> file(std::int64_t id);
    std::vector<FileInfo> files(std::int64_t clientId);   // newest first
    std::vector<std::uint8_t> fileBytes(std::int64_t id); // throws NotFound
    void removeFile(std::int64_t id);                     // throws NotFound; activity: FileRemoved

    // A note in the client's history (RecordValidationError when blank or too long).
    ActivityEntry addNote(std::int64_t clientId, std::string_view text);
    // An Imported entry, for imports that changed an existing client. Throws NotFound.
    ActivityEntry recordImport(std::int64_t clientId, std::string_view batchId);
    // Newest first: up to `limit` entries older than `beforeId` (0 = from the newest).
    ActivityPage activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId = 0);

    // The client's figures as of `today` ("YYYY-MM-DD"; std::invalid_argument otherwise).
    // Throws NotFound.
    ProfileSummary summary(std::int64_t clientId, std::string_view today);

    // ---------------------------------------------------------------- duplicates and merges
    // Groups of active clients that look like the same firm or person, scored by their
    // evidence (rules/duplicate_match.hpp), best first, from one read snapshot. Pairs marked
    // as not duplicates are left out (a group they would join is split). `progress` is told
    // of the clients read (Loading) and may stop it.
    std::vector<DuplicateCandidates> findDuplicates(const DuplicateOptions& options = {},
                                                    WorkProgress* progress = nullptr);
    // Active clients that look like `draft` (a client being typed; its own id skipped), best
    // first: as-you-type, from the clients the draft's tax ID, e-mail and name words find
    // (a typo is caught in all but the first letters of the name's words). Never throws on
    // what the user typed.
    std::vector<DuplicateMatch>
    nearMatches(const Client& draft, int minScore = kDefaultDuplicateScore, std::size_t limit = 5);
    // Keeps the two clients out of findDuplicates and nearMatches from now on. Throws
    // NotFound, std::invalid_argument for the same client twice.
    void markNotDuplicates(std::int64_t a, std::int64_t b);
    // The merge as the user starts from: the clients and, for each field, whose value wins
    // (see MergePlan), with `choices` (field → the client whose value wins; 0 for tags and
    // notes: all of them) over the pre-filled ones. Throws NotFound, MergeRefused,
    // std::invalid_argument for a choice naming a client not in the merge.
    MergePlan planMerge(std::int64_t keepId, const std::vector<std::int64_t>& mergedIds,
                        const std::map<Field, std::int64_t>& choices = {});
    // Merges `mergedIds` into `keepId` in one unit of work: the client that stays gets the
    // chosen values (a field not in request.choices: planMerge's choice), every record of the
    // others (contacts, projects with their time, tasks, orders, invoices, deals, files,
    // activity) moves to it, and the others are archived (mergeOf points at the merge). The
    // activity of each says what was merged (Merged, recordId = the merge's id). Archiving:
    // administrators only (NotPermitted). Throws NotFound, MergeRefused (a client is
    // archived: merged already, perhaps by someone else), ConflictError (a client was saved
    // since the version in request.versions), ValidationError (the chosen values).
    MergeResult mergeClients(const MergeRequest& request);
    // Puts everything back as it was before the merge: records to the client each came from,
    // the fields the merge wrote to their old values (the ones written since are kept), the
    // merged clients out of the archive (activity: MergeUndone). Throws NotFound,
    // MergeRefused (AlreadyUndone), MergeUndoRefused (nothing written) where something the
    // merge wrote changed since; administrators only.
    MergeUndoResult undoMerge(std::int64_t mergeId);
    std::optional<MergeInfo> merge(std::int64_t mergeId);
    // The merge in force that archived `clientId` (its keepId says where the client went).
    std::optional<MergeInfo> mergeOf(std::int64_t clientId);

    // ---------------------------------------------------------------- imports and exports
    // Imports write all rows or none, in one unit of work recorded as an import batch;
    // Imported activity entries carry the batch id (updates also list their field changes,
    // old and new).

    // Throws ValidationError (a client to create or update is invalid; nothing written),
    // ConflictError (a client to update was saved since it was planned). Nothing to write
    // (no creation, no update): nothing is written and no batch recorded.
    ImportCommitResult commitClientImport(ClientImportCommit commit);
    // Throws RecordValidationError, ValidationError (a new client), RecordConflict<Invoice>,
    // NotFound (a client that no longer exists).
    ImportCommitResult commitInvoiceImport(InvoiceImportCommit commit);
    // The newest import batch not undone yet.
    std::optional<ImportBatchInfo> lastImport();
    // Reverts the newest batch: clients and invoices it created are deleted, the fields it
    // updated get their previous values back (an Updated / RecordChanged activity entry says
    // so). Throws NothingToUndo, or ImportUndoRefused (nothing written) when a record it wrote
    // was deleted or saved since, or a client it created has new records or notes.
    // `progress` is told how far it is (Verifying, then Reverting) and may stop it while it
    // verifies (WorkCancelled, nothing written).
    ImportUndoResult undoLastImport(WorkProgress* progress = nullptr);

    // Every client (archived ones too), with tags, in id order: for loading the register
    // once before planning a large import. One read snapshot.
    void forEachClient(const std::function<void(Client&&)>& visit);
    // Every client in the deck's order (folded legal name, then id), archived ones only
    // when asked, with tags, from one read snapshot: `begin` learns how many there are
    // before `visit` gets each. For an export that writes while it reads.
    void forEachClientInListOrder(bool includeArchived,
                                  const std::function<void(std::size_t)>& begin,
                                  const std::function<void(Client&&)>& visit);
    // Every invoice, in id order.
    std::vector<Invoice> allInvoices();
    // Clients for an export: all (empty codes and query), the matches of a search query (as
    // findCodes), or the given codes (any spelling; unknown ones are left out), ordered by
    // legal name (codes: in the order given).
    std::vector<Client> clientsForExport(std::string_view query,
                                         const std::vector<std::string>& codes,
                                         bool includeArchived);
    // Invoices by issue date, then number, with their client's code, legal name and tax ID.
    std::vector<InvoiceListRow> invoiceList(const InvoiceFilter& filter);

    // Column mappings the user chose for a header row (import_mapping.hpp's mappingKey):
    // free text the caller encodes. remember with an empty mapping forgets.
    std::optional<std::string> rememberedMapping(std::string_view key);
    void rememberMapping(std::string_view key, std::string_view mapping);

    // Changes when another connection (e.g. another process) commits to the register.
    std::int64_t dataVersion();
    // Calls `changed` (on a thread of the store's own) soon after another connection commits,
    // until the watch is destroyed; null when the store cannot watch (see Store::watchChanges).
    std::unique_ptr<ChangeWatch> watchChanges(std::function<void()> changed);

    struct Impl; // the register's own state and helpers: register_internal.hpp

private:
    friend struct RegisterCopyAccess; // register_copy.cpp: copying one register into another
    std::unique_ptr<Impl> impl_;
};

template <> std::optional<FileInfo> Register::get<FileInfo>(std::int64_t id);
template <> std::vector<FileInfo> Register::list<FileInfo>(std::int64_t clientId);
template <> void Register::remove<FileInfo>(std::int64_t id);

// The register kept in `file` (see Register(std::filesystem::path, StoreOptions)).
std::unique_ptr<Register> openRegister(const std::filesystem::path& file,
                                       StoreOptions options = {});

// The register kept on a team server (the PostgreSQL store, loading libpq on first use):
// `conninfo` is a libpq connection string ("host=… port=… dbname=… user=…"). Throws
// StoreError (Where::Server; NoLibrary when libpq is not installed).
std::unique_ptr<Register> openTeamRegister(const std::string& conninfo);

// Watches a team server that could not be opened: calls `changed` (on a thread of its own)
// once the server answers, retrying every 2 seconds, and on every commit after that.
std::unique_ptr<ChangeWatch> watchTeamServer(const std::string& conninfo,
                                             std::function<void()> changed);

// Opens `copy` of a register file read-only without changing it and checks it: a register
// file of ours (or an empty one), intact, with a schema not newer than this version knows.
// Throws StoreError (NotADatabase, TooNew, CannotOpen, PermissionDenied).
RegisterCopyInfo inspectRegisterCopy(const std::filesystem::path& copy);

// Replaces the register at `registerFile` (which no Register may hold open) by a checked copy
// of `copy`: the copy (a regular file) is written beside the register, synced and checked
// there (inspectRegisterCopy; an empty file is no register), the current register (with any
// write-ahead log it has) is renamed aside, and the copy renamed into place. When anything
// fails before the last rename, the register is as it was. Throws StoreError naming `copy`,
// FileProblem (not a regular file), RegisterFileRefused (copy is the register itself or its
// log).
RestoreResult restoreRegisterFrom(const std::filesystem::path& registerFile,
                                  const std::filesystem::path& copy);

} // namespace clientes
