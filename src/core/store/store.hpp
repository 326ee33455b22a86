#pragma once

// The store: the smallest set of operations a database must offer the register
// (register/register.hpp), and their contract. The register holds every business rule
// (validation, codes' format, duplicates, the activity log's contents, what may be deleted,
// version checks, the overdue rules, what an undo reverts and when it refuses); a store keeps
// records, finds them, counts them and writes them in units of work. The SQLite store
// (store/sqlite/sqlite_store.hpp) implements it; a server store implements the same, and the
// backend contract suite (tests/unit/store_contract_test.cpp) checks any implementation.
//
// Units of work. Every operation runs inside one: read() gives a StoreReader that sees one
// consistent snapshot; write() gives a StoreWriter whose changes are committed together when
// the work returns and rolled back entirely when it throws (or when the commit fails: then
// write() throws StoreError and nothing of the unit is stored). Units never nest. The work
// may be run more than once (a store may retry it after a serialization failure), so it must
// have no effect outside the unit but what it returns. A store serialises its units as it
// needs; all its methods are thread-safe.
//
// Errors. Every operation throws StoreError when the database fails (cannot open, locked,
// I/O, out of memory: Kind says which), std::bad_alloc when memory runs out in the store's own
// code, std::invalid_argument for a call that makes no sense (a filter on a field the kind
// has not); nothing else. Rules are not a store's business: it writes what it is given
// (values tidied and validated by the register) and reports "not found" or "not the expected
// version" by its return values, never by exceptions. It does keep its data whole whatever it
// is given, and throws StoreError (the unit rolled back) for a record whose client (a time
// entry's project) does not exist, a client uuid or an invoice number (ignoring ASCII case)
// already in use, and clients deleted while records other than contacts still refer to them.
//
// Optimistic concurrency is a conditional update: updateClient / updateRecord write only when
// the stored version is the one the register read, and say whether they did (for SQL,
// "UPDATE … WHERE id = ? AND version = ?" and the count of rows changed).
//
// Values. Texts are UTF-8 as the model keeps them. Dates are ISO "YYYY-MM-DD" text ("" = no
// date), timestamps ISO 8601 UTC text: a store may keep them in native types if it gives them
// back in the same spelling. Money is integer minor units. Ids are positive and never reused
// while a record has them; a store assigns them.

#include "core/model/activity.hpp"
#include "core/model/client.hpp"
#include "core/model/import_batch.hpp"
#include "core/model/merge.hpp"
#include "core/model/profile_records.hpp"
#include "core/model/record_filter.hpp"
#include "core/model/register_values.hpp"
#include "core/store/errors.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace clientes
{

// ---------------------------------------------------------------- filters and aggregates
// Filters (model/record_filter.hpp) name fields by their API names; a field the kind does not
// have, or a number that is none: std::invalid_argument.

// One figure: how many of the selected records match `filter`, and, when `sum` names a
// numeric field ("amount", "net", "tax", "total", "hours"; "size" for files), those records'
// values added up.
struct Measure
{
    Filter filter = {};
    std::string sum = {};
};

// Which records to measure: the records of one kind (Contact … Deal, or File) of one client,
// or for TimeEntry either those of a client or those of a project.
struct AggregateQuery
{
    RecordType kind = RecordType::Invoice;
    std::int64_t clientId = 0;  // 0 for TimeEntry with projectId
    std::int64_t projectId = 0; // TimeEntry only
    bool byCurrency = false;    // kinds with a currency: one group per currency
    std::vector<Measure> measures;
};

struct Aggregate
{
    std::int64_t count = 0;
    std::int64_t sum = 0; // integer fields (money in minor units, file sizes)
    double realSum = 0;   // hours
};

// byCurrency: one group per currency that has records, ordered by currency code (none when
// there are no records). Otherwise exactly one group, currency "". values: one per measure.
struct AggregateGroup
{
    std::string currency;
    std::vector<Aggregate> values;
};

// ---------------------------------------------------------------- records by kind

// The records around a client (profile_records.hpp), as one type for the operations by kind.
using AnyRecord = std::variant<Contact, Project, TimeEntry, Task, PurchaseOrder, Invoice, Deal,
                               Address, BankAccount>;

RecordType kindOf(const AnyRecord& record);

// The RecordType of a record type: recordKind<Invoice> == RecordType::Invoice.
template <typename Record> inline constexpr RecordType recordKind = RecordType::Note;
template <> inline constexpr RecordType recordKind<Contact> = RecordType::Contact;
template <> inline constexpr RecordType recordKind<Project> = RecordType::Project;
template <> inline constexpr RecordType recordKind<TimeEntry> = RecordType::TimeEntry;
template <> inline constexpr RecordType recordKind<Task> = RecordType::Task;
template <> inline constexpr RecordType recordKind<PurchaseOrder> = RecordType::PurchaseOrder;
template <> inline constexpr RecordType recordKind<Invoice> = RecordType::Invoice;
template <> inline constexpr RecordType recordKind<Deal> = RecordType::Deal;
template <> inline constexpr RecordType recordKind<Address> = RecordType::Address;
template <> inline constexpr RecordType recordKind<BankAccount> = RecordType::BankAccount;

// ---------------------------------------------------------------- the import journal

// What an import batch wrote, kept so that it can be undone: for each client (or invoice) it
// created or updated, the version it left, and for clients the id of the activity entry that
// lists the fields it changed (old values included).
struct JournalClient
{
    std::int64_t clientId = 0;
    bool created = false;
    std::int64_t version = 0;
    std::int64_t activityId = 0;
};

struct JournalInvoice
{
    std::int64_t invoiceId = 0;
    bool created = false;
    std::int64_t version = 0;
    // Updates: the invoice before it. The store keeps what an import writes of it: issueDate,
    // dueDate, net, tax, total, currency, status (the rest of the value is not kept).
    std::optional<Invoice> before;
};

// A record a client import added to a client that was in the register before it: a contact,
// an address or a bank account (the records of the clients it created go with them).
struct JournalRecord
{
    RecordType kind = RecordType::Contact; // Contact, Address or BankAccount
    std::int64_t recordId = 0;
    std::int64_t version = 0;
};

// A journal item with the record as it is stored now.
struct JournalClientState
{
    JournalClient item;
    bool exists = false;            // the client still exists
    std::int64_t storedVersion = 0; // when it exists
    std::string code;
    std::string legalName;
    // Created items only (false for updated ones): the client has activity entries newer than
    // item.activityId whose batch id is none of the ignored ones (see journalClients).
    bool laterActivity = false;
};

struct JournalRecordState
{
    JournalRecord item;
    bool exists = false;
    std::int64_t storedVersion = 0;
    std::string name; // the record's label: a contact's name, an address's, an account's IBAN
};

struct JournalInvoiceState
{
    JournalInvoice item;
    bool exists = false;
    std::int64_t storedVersion = 0;
    std::string number;
};

enum class JournalOf
{
    Clients,
    Invoices
};

// ---------------------------------------------------------------- units of work

class StoreReader
{
public:
    virtual ~StoreReader() = default;

    // ------------------------------------------------------------ clients
    // A client, with its tags (Client::tags, "a, b" in the order given); nothing when none.
    virtual std::optional<Client> client(std::int64_t id) = 0;
    // The client whose code is exactly `code`, ignoring ASCII case.
    virtual std::optional<Client> clientByCode(std::string_view code) = 0;
    // The clients whose normalizeTaxId(taxId, country) (rules/validation.hpp) is
    // `normalizedTaxId`, active ones first, then by id. The store keeps that key indexed.
    virtual std::vector<Client> clientsByTaxId(std::string_view normalizedTaxId) = 0;
    virtual std::int64_t countClients(bool includeArchived) = 0;

    // The search the register offers (Register::search): the store owns its index, built
    // from foldForSearch (text/text_fold.hpp) of legal name, trade name, city, e-mail, tax ID
    // (also normalised, digits alone, with the country prefix), code (also without zero
    // padding). Every word of the query is a prefix to match, ignoring case and accents; words
    // without digits match names, city and e-mail only. Order: best match first, or with very
    // many matches legal names starting with the query first, then alphabetically by folded
    // legal name. An empty query (or only punctuation) lists every client by folded legal
    // name, then id. `total` counts every match. Never throws on what the user typed.
    virtual SearchPage search(std::string_view query, bool includeArchived, std::size_t limit) = 0;
    // The ids of active clients whose legal or trade name holds every word of `words` (folded
    // as search folds them) as a whole word, best match first, or with `prefix` as the start
    // of a word, in no particular order; at most `limit`, no total. What the near-match check
    // asks (Register::nearMatches): much cheaper than search() for common words.
    virtual std::vector<std::int64_t> nameCandidates(std::string_view words, bool prefix,
                                                     std::size_t limit) = 0;
    // Clients carrying the tag, compared as foldForSearch does (case and accents ignored), by
    // folded legal name, then id.
    virtual std::vector<ClientSummary> clientsWithTag(std::string_view tag,
                                                      bool includeArchived) = 0;
    // Every tag in use, spellings with the same fold counted as one (the first spelling in
    // byte order shown), ordered by the folded tag.
    virtual std::vector<TagCount> tagCounts() = 0;
    // Every client with tags, archived ones too, in id order.
    virtual void forEachClient(const std::function<void(Client&&)>& visit) = 0;
    // Every client's id (archived ones too) in list order: folded legal name, then id.
    virtual std::vector<std::int64_t> clientIdsInListOrder() = 0;
    // Every client (archived ones only when asked) with tags in list order; `begin` gets
    // their number first.
    virtual void forEachClientInListOrder(bool includeArchived,
                                          const std::function<void(std::size_t)>& begin,
                                          const std::function<void(Client&&)>& visit) = 0;

    // ------------------------------------------------------------ records around a client
    // The record of `kind` (Contact … Deal) with that id.
    virtual std::optional<AnyRecord> record(RecordType kind, std::int64_t id) = 0;
    // The records of a client (time entries: of the project `parentId`), in the kind's list
    // order: contacts by name (ignoring ASCII case); projects open first, then by name; time
    // entries newest date first; tasks pending first, then by due date, undated last;
    // purchase orders, invoices (issue date) and deals newest date first; ties by id (time
    // entries and dated lists: newest id first).
    virtual std::vector<AnyRecord> records(RecordType kind, std::int64_t parentId) = 0;
    // records() of many parents in one read (an export's sheets of people, addresses and
    // accounts): grouped by parent, parents by id, each parent's in the kind's list order.
    virtual std::vector<AnyRecord> recordsOf(RecordType kind,
                                             std::span<const std::int64_t> parentIds) = 0;
    // The invoice with that number, ignoring ASCII case.
    virtual std::optional<Invoice> invoiceByNumber(std::string_view number) = 0;
    // Every invoice, in id order.
    virtual std::vector<Invoice> allInvoices() = 0;
    // Invoices by issue date, then number (ignoring ASCII case), then id, with their client's
    // code, legal name and tax ID.
    virtual std::vector<InvoiceListRow> invoiceList(const InvoiceFilter& filter) = 0;
    // Counts and sums of a client's records; see AggregateQuery.
    virtual std::vector<AggregateGroup> aggregate(const AggregateQuery& query) = 0;

    // ------------------------------------------------------------ files (up to 50 MB)
    virtual std::optional<FileInfo> file(std::int64_t id) = 0;
    virtual std::vector<FileInfo> files(std::int64_t clientId) = 0; // newest first, then id
    virtual std::optional<std::vector<std::uint8_t>> fileBytes(std::int64_t id) = 0;

    // ------------------------------------------------------------ activity
    // A client's entries newest first: up to `limit` with ids below `beforeId` (0: from the
    // newest), with their changes; total counts all the client's entries.
    virtual ActivityPage activity(std::int64_t clientId, std::size_t limit,
                                  std::int64_t beforeId) = 0;
    // The field changes of one entry, in their order.
    virtual std::vector<FieldChange> activityChanges(std::int64_t entryId) = 0;

    // ------------------------------------------------------------ import batches
    // The newest batch not undone yet.
    virtual std::optional<ImportBatchInfo> newestBatch() = 0;
    // The batch ids (ImportBatchInfo::batchId) of the batches undone so far.
    virtual std::vector<std::string> undoneBatchIds() = 0;
    // The ids (ImportBatchInfo::id) of the batches older than `batch` not undone yet.
    virtual std::vector<std::int64_t> undoableBatchesBefore(std::int64_t batch) = 0;
    // The batch's journal with the records as stored now, by record id. laterActivity
    // ignores entries whose batch id is one of `ignoredBatchIds`.
    virtual std::vector<JournalClientState>
    journalClients(std::int64_t batch, std::span<const std::string> ignoredBatchIds) = 0;
    virtual std::vector<JournalInvoiceState> journalInvoices(std::int64_t batch) = 0;
    // By kind (Contact, Address, BankAccount), then by record id.
    virtual std::vector<JournalRecordState> journalRecords(std::int64_t batch) = 0;

    // ------------------------------------------------------------ remembered mappings
    virtual std::optional<std::string> mapping(std::string_view key) = 0;

    // ------------------------------------------------------------ merges and duplicates
    // The ids of a client's records of `kind`, ascending: Contact … Deal (TimeEntry: the
    // client's time entries), File, or Note for its activity entries.
    virtual std::vector<std::int64_t> ownedIds(RecordType kind, std::int64_t clientId) = 0;
    // A merge with its clients (in the order given) and records (in the order given).
    virtual std::optional<MergeInfo> merge(std::int64_t id) = 0;
    // The newest merge not undone that archived `clientId`.
    virtual std::optional<MergeInfo> mergeOf(std::int64_t clientId) = 0;
    // The pairs marked as not duplicates, each as (smaller id, larger id), ascending.
    virtual std::vector<std::pair<std::int64_t, std::int64_t>> notDuplicatePairs() = 0;
};

class StoreWriter : public StoreReader
{
public:
    // ------------------------------------------------------------ clients
    // Stores new clients (fields as given: tidied, validated, with uuid, timestamps and
    // version set by the register) and assigns each its id and its code: the next number of
    // the register's code counter, formatClientCode(n) (rules/client_codes.hpp), skipping
    // codes already in use; a unit rolled back gives its numbers back. Search index and tags
    // included. Many clients at once are the bulk path of imports (100,000 rows).
    virtual void insertClients(std::span<Client> clients) = 0;
    // Writes `after` over the stored client (every field, tags and archived included; id,
    // uuid, code and createdAt as stored) if its stored version is still before.version;
    // returns false, writing nothing, otherwise (or when it is gone). `before` is the client
    // as read in this unit: the store may skip what did not change.
    virtual bool updateClient(const Client& after, const Client& before) = 0;
    // Deletes the clients with their contacts, tags, activity and search rows. Their other
    // records must be gone (the register checks): StoreError when one is left.
    virtual void deleteClients(std::span<const std::int64_t> ids) = 0;

    // ------------------------------------------------------------ records around a client
    // Stores a new record (tidied, validated, clientId — and for time entries projectId —
    // naming existing records; stamps and version set) and assigns its id.
    virtual void insertRecord(AnyRecord& record) = 0;
    // The same for many records of one kind (an import's people, addresses, accounts), in
    // order, each assigned its id. A store may write them in bulk; by default one by one.
    virtual void insertRecords(std::span<AnyRecord> records)
    {
        for (AnyRecord& record : records)
            insertRecord(record);
    }
    // Writes the record over the stored one of its kind and id if the stored version is
    // `expectedVersion`; false, writing nothing, otherwise (or when it is gone).
    virtual bool updateRecord(const AnyRecord& record, std::int64_t expectedVersion) = 0;
    // Deletes the record (a project with its time entries); false when there is none.
    virtual bool removeRecord(RecordType kind, std::int64_t id) = 0;

    // ------------------------------------------------------------ files
    // Stores the file's description (clientId, name, mimeType, size, sha256, addedAt) and its
    // bytes; assigns its id.
    virtual void insertFile(FileInfo& file, std::span<const std::uint8_t> bytes) = 0;
    virtual bool removeFile(std::int64_t id) = 0;

    // ------------------------------------------------------------ activity
    // Appends the entries (every field but id as given, changes included) and assigns their
    // ids, increasing in the order given and above every earlier entry's.
    virtual void appendActivity(std::span<ActivityEntry> entries) = 0;

    // ------------------------------------------------------------ import batches
    // Records a batch (every field but id as given) and assigns its id, increasing.
    virtual void insertBatch(ImportBatchInfo& batch) = 0;
    virtual void addToJournal(std::int64_t batch, std::span<const JournalClient> items) = 0;
    virtual void addToJournal(std::int64_t batch, std::span<const JournalInvoice> items) = 0;
    virtual void addToJournal(std::int64_t batch, std::span<const JournalRecord> items) = 0;
    // In each of `batches`, the item of that record whose version is `fromVersion` gets
    // `toVersion` (an undo handing a record back to an earlier batch).
    virtual void rebaseJournal(JournalOf of, std::int64_t recordId, std::int64_t fromVersion,
                               std::int64_t toVersion, std::span<const std::int64_t> batches) = 0;
    // The batch is undone as of `at`: newestBatch() passes over it from now on.
    virtual void markBatchUndone(std::int64_t batch, std::string_view at) = 0;

    // ------------------------------------------------------------ remembered mappings
    // Keeps `mapping` under `key` (replacing it); an empty mapping forgets the key.
    virtual void setMapping(std::string_view key, std::string_view mapping,
                            std::string_view at) = 0;

    // ------------------------------------------------------------ merges and duplicates
    // Gives the records of `kind` (as ownedIds) with these ids to `toClient` (which exists);
    // records with a version get version + 1 and updatedAt = at. A project takes its time
    // entries along. Ids of other clients' records are moved too; unknown ids are skipped.
    virtual void moveRecords(RecordType kind, std::span<const std::int64_t> ids,
                             std::int64_t toClient, std::string_view at) = 0;
    // Records a merge (every field but id and user as given) and assigns its id.
    virtual void insertMerge(MergeInfo& merge) = 0;
    // The merge is undone as of `at`: mergeOf() passes over it from now on.
    virtual void markMergeUndone(std::int64_t id, std::string_view at) = 0;
    // Marks the two clients (either order, different ids) as not duplicates; marking them
    // again changes nothing.
    virtual void markNotDuplicates(std::int64_t a, std::int64_t b, std::string_view at) = 0;
};

// What a unit of work will write, for a store to prepare (a bigger cache, a relaxed sync,
// checks deferred to the end). Only a hint: any unit may write anything.
struct WriteHints
{
    std::size_t rows = 0;     // records it writes, about
    bool deletesMany = false; // it deletes many clients (an undo of an import)
};

// A store kept in one file on this computer (the SQLite store): what the register offers for
// the file itself. A server store has none of it (Store::fileStore() is null).
class FileStore
{
public:
    virtual ~FileStore() = default;
    virtual const std::filesystem::path& file() const = 0;
    // Copies the write-ahead log into the file now.
    virtual void checkpoint() = 0;
    virtual std::int64_t idleCheckpoints() const = 0;
    // A checked copy to `target` while the store stays in use; see Register::backupTo.
    virtual BackupResult backupTo(const std::filesystem::path& target) = 0;
};

class Store
{
public:
    virtual ~Store() = default;

    // Where the data lives, for messages: the file, or the server and database.
    virtual std::string location() const = 0;
    // Where the data lives, who is connected and what they may do (read when the store
    // opened: a server's grants changed later show after the next opening).
    virtual ConnectionInfo connectionInfo() const = 0;

    virtual void read(const std::function<void(StoreReader&)>& work) = 0;
    virtual void write(const std::function<void(StoreWriter&)>& work,
                       const WriteHints& hints = {}) = 0;

    // Changes when another connection (another process, another user) commits; a store's own
    // commits leave it as it is.
    virtual std::int64_t dataVersion() = 0;
    // Calls `changed` soon after another connection commits (a team server: within a second,
    // pushed by the server), until the watch is destroyed; null when the store cannot watch
    // (the caller may poll dataVersion()). `changed` must not throw.
    virtual std::unique_ptr<ChangeWatch> watchChanges(std::function<void()> changed)
    {
        (void)changed;
        return nullptr;
    }

    // The file store's capabilities, or null.
    virtual FileStore* fileStore() { return nullptr; }
};

} // namespace clientes
