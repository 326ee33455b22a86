#pragma once

// Internal to the SQLite store: the store object and its unit of work, shared by its
// translation units (sqlite_store.cpp: opening, units, bulk settings; sqlite_clients.cpp:
// clients and search; sqlite_records.cpp: profile records, files, aggregates; activity.cpp;
// sqlite_journal.cpp: import batches and mappings; schema.cpp; store_durability.cpp).

#include "core/model/activity.hpp"
#include "core/store/sqlite/sqlite_db.hpp"
#include "core/store/sqlite/sqlite_store.hpp"
#include "core/store/store.hpp"
#include "core/transfer/work_progress.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace clientes::sqlite
{

// The records a client import added to clients already in the register (contacts, addresses,
// bank accounts; kind is the recordTypeName), made with the other import tables when first
// needed, or by the migration to version 5 when a version-4 register had contacts journaled.
inline constexpr std::string_view kImportBatchRecords = R"sql(
CREATE TABLE IF NOT EXISTS import_batch_records (
    batch INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (batch, kind, record_id)
) WITHOUT ROWID;
)sql";

// From this many rows a unit of work (or one call) takes the bulk paths: a bigger page
// cache, a relaxed sync, deferred FTS merges (sqlite_store.cpp); rows written through one
// INSERT … SELECT from bulk_rows (sqlite_db.hpp).
inline constexpr std::size_t kBulkRows = 2000;
// From this many new clients, codes are allocated in one go (reading the codes in use once)
// and the rows written in bulk (sqlite_clients.cpp); fewer go row by row.
inline constexpr std::size_t kBulkClients = 500;
// From this many entries, activity is appended through bulk_rows (activity.cpp).
inline constexpr std::size_t kBulkActivity = 64;

// ------------------------------------------------------------------------- schema.cpp

// Throws StoreError unless db is a register of ours (or an empty file) with a schema this
// version knows: NotADatabase for another application's file or a damaged one, TooNew.
void checkHeader(sql::Database& db);
// Creates or migrates the schema to kSchemaVersion, backing the file up first when it held
// an older version.
// `progress` (may be null) is told of the clients migrated.
void migrate(sql::Database& db, const std::filesystem::path& file, WorkProgress* progress);
// Creates an empty file with mode 0600 if there is none.
void createPrivateFile(const std::filesystem::path& file);

// Writes the tags of a client (already tidied, "a, b") to client_tags, replacing older ones.
void writeTags(sql::Database& db, std::int64_t clientId, std::string_view tags);
// The tags of a client as "a, b", in the order they were given.
std::string readTags(sql::Database& db, std::int64_t clientId);
// The key tags are compared by: folded, or the tag itself when it folds to nothing.
std::string tagKey(std::string_view tag);

// ------------------------------------------------------------------------- sqlite_clients.cpp

// The text columns every schema version has, in allFields() order (code … notes).
inline constexpr std::size_t kTextFieldCount = 13;
inline constexpr std::string_view kClientColumnsV2 =
    "id, uuid, code, legal_name, trade_name, tax_id, country, street, postal_code, city, "
    "region, email, phone, website, notes, archived, created_at, updated_at, version";
// A row of the client columns (v2: without kind, payment_terms, currency); no tags.
Client readClient(sql::Statement& row, bool v3 = true);
// Writes the full-text row of a client (inside the caller's transaction).
void writeSearchRow(sql::Database& db, const Client& client, const std::string& taxIdNorm);

// Search rows written after the commit. A bulk insert of kDeferredSearchRows clients or more
// stores the clients alone and marks their ids as waiting for their full-text rows (in the
// same transaction, so a crash forgets nothing): writing the index is 40 % of a 100,000-row
// import. The rows are written right after the commit, in short transactions on the
// background connection (SqliteStore::checkpointInBackground), and by the first search that
// finds some still missing, before it runs: a search never sees a partial index. The waiting
// ids are one range in the counters table ('search_pending_first', 'search_pending_last'), a
// superset of the clients without a full-text row: a client of the range updated, deleted or
// given a row meanwhile is skipped. Older versions of the extension read only the counter they
// know.
inline constexpr std::size_t kDeferredSearchRows = kBulkRows;
// Whether some clients wait for their full-text rows (inside a transaction).
bool searchRowsPending(sql::Database& db);
// Writes the full-text rows of up to `maxClients` waiting clients, inside the caller's write
// transaction; returns whether some still wait.
bool writePendingSearchRows(sql::Database& db, std::size_t maxClients);
// Thrown by a search in a read unit that finds clients waiting for their full-text rows:
// SqliteStore::read writes them and runs the unit again.
struct SearchRowsPending
{
};

// Inside a large unit's transaction (`rows` >= kBulkRows): FTS5 merges its index segments as
// it goes ("automerge"), which costs a third of a 100,000-row insert; the merge is left to the
// background tidying after the commit (SqliteStore::checkpointInBackground; searches over the
// unmerged segments measured as fast). restore() before the commit. sqlite_store.cpp.
class DeferredFtsMerge
{
public:
    DeferredFtsMerge(sql::Database& db, std::size_t rows);
    void restore();
    DeferredFtsMerge(const DeferredFtsMerge&) = delete;
    DeferredFtsMerge& operator=(const DeferredFtsMerge&) = delete;

private:
    void set(std::int64_t value);

    sql::Database& db_;
    bool active_;
    std::int64_t previous_ = 4; // FTS5's default
};

// ------------------------------------------------------------------------- the store

// Copies the write-ahead log into the register's file once writes have paused for `delay`,
// on a thread and a connection of its own, so that the file alone (what an ordinary file copy
// or back-up tool takes) is at most seconds behind the register. store_durability.cpp.
class IdleCheckpointer
{
public:
    // Hooks itself to db's commits.
    IdleCheckpointer(sql::Database& db, std::chrono::milliseconds delay);
    ~IdleCheckpointer(); // unhooks and stops; a pending checkpoint is left to the close
    IdleCheckpointer(const IdleCheckpointer&) = delete;
    IdleCheckpointer& operator=(const IdleCheckpointer&) = delete;

    // Checkpoints done so far (for tests).
    std::int64_t done() const;

private:
    static int onCommit(void* self) noexcept;
    void run(std::stop_token stop);

    sql::Database& db_;
    std::chrono::milliseconds delay_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::chrono::steady_clock::time_point due_{};
    bool pending_ = false;
    std::int64_t done_ = 0;
    std::jthread thread_; // last: stopped and joined first
};

// One connection, serialised by a mutex: every unit of work holds it from start to end.
class SqliteStore final : public Store, public FileStore
{
public:
    SqliteStore(std::filesystem::path file, const StoreOptions& options);
    // Stops the background work, then copies the write-ahead log into the file (the
    // connection closing last removes the log).
    ~SqliteStore() override;

    std::string location() const override { return path.string(); }
    ConnectionInfo connectionInfo() const override;
    void read(const std::function<void(StoreReader&)>& work) override;
    void write(const std::function<void(StoreWriter&)>& work, const WriteHints& hints) override;
    std::int64_t dataVersion() override;
    FileStore* fileStore() override { return this; }

    // FileStore (store_durability.cpp)
    const std::filesystem::path& file() const override { return path; }
    void checkpoint() override;
    std::int64_t idleCheckpoints() const override { return idle.done(); }
    BackupResult backupTo(const std::filesystem::path& target) override;

    // The import tables (sqlite_journal.cpp) are created by the first write that needs them,
    // not when the file is opened: opening must not need the write lock. They are additions
    // older versions of the extension simply do not read, so the schema version stays.
    bool hasImportTables();
    void ensureImportTables();
    // The same for the merge tables (sqlite_merges.cpp).
    bool hasMergeTables();
    void ensureMergeTables();

    // A large write's log is copied into the database on a thread and a connection of its
    // own after the commit: the write does not wait for it (sqlite_journal.cpp).
    void checkpointInBackground();
    // write() with the mutex held.
    void writeLocked(const std::function<void(StoreWriter&)>& work, const WriteHints& hints);

    std::filesystem::path path;
    sql::Database db;
    // After db: destroyed (unhooked, stopped) before the connection closes.
    IdleCheckpointer idle;
    std::mutex mutex;
    // Declared last: destroyed (joined) first.
    std::jthread checkpointer;
};

// A unit of work on the store's connection, inside the transaction the store opened (read or
// write). Its methods are spread over the store's translation units by concern.
class Unit final : public StoreWriter
{
public:
    enum class Access
    {
        Read,
        Write
    };
    Unit(SqliteStore& store, Access access, bool foreignKeysOff = false)
        : store_(store), db_(store.db), writing_(access == Access::Write), fkOff_(foreignKeysOff)
    {
    }
    // Whether deleteClients ran with foreign keys off (the store checks references then).
    bool deletedWithoutForeignKeys() const { return deletedWithoutForeignKeys_; }

    // ---------------------------------------------------------------- sqlite_clients.cpp
    std::optional<Client> client(std::int64_t id) override;
    std::optional<Client> clientByCode(std::string_view code) override;
    std::vector<Client> clientsByTaxId(std::string_view normalizedTaxId) override;
    std::int64_t countClients(bool includeArchived) override;
    SearchPage search(std::string_view query, bool includeArchived, std::size_t limit) override;
    std::vector<std::int64_t> nameCandidates(std::string_view words, bool prefix,
                                             std::size_t limit) override;
    std::vector<ClientSummary> clientsWithTag(std::string_view tag, bool includeArchived) override;
    std::vector<TagCount> tagCounts() override;
    void forEachClient(const std::function<void(Client&&)>& visit) override;
    std::vector<std::int64_t> clientIdsInListOrder() override;
    void forEachClientInListOrder(bool includeArchived,
                                  const std::function<void(std::size_t)>& begin,
                                  const std::function<void(Client&&)>& visit) override;
    void insertClients(std::span<Client> clients) override;
    bool updateClient(const Client& after, const Client& before) override;
    void deleteClients(std::span<const std::int64_t> ids) override;

    // ---------------------------------------------------------------- sqlite_records.cpp
    std::optional<AnyRecord> record(RecordType kind, std::int64_t id) override;
    std::vector<AnyRecord> records(RecordType kind, std::int64_t parentId) override;
    std::vector<AnyRecord> recordsOf(RecordType kind,
                                     std::span<const std::int64_t> parentIds) override;
    std::optional<Invoice> invoiceByNumber(std::string_view number) override;
    std::vector<Invoice> allInvoices() override;
    std::vector<InvoiceListRow> invoiceList(const InvoiceFilter& filter) override;
    std::vector<AggregateGroup> aggregate(const AggregateQuery& query) override;
    std::optional<FileInfo> file(std::int64_t id) override;
    std::vector<FileInfo> files(std::int64_t clientId) override;
    std::optional<std::vector<std::uint8_t>> fileBytes(std::int64_t id) override;
    void insertRecord(AnyRecord& record) override;
    // kBulkActivity or more of one kind without hours: one INSERT … SELECT over bulk_rows.
    void insertRecords(std::span<AnyRecord> records) override;
    bool updateRecord(const AnyRecord& record, std::int64_t expectedVersion) override;
    bool removeRecord(RecordType kind, std::int64_t id) override;
    void insertFile(FileInfo& file, std::span<const std::uint8_t> bytes) override;
    bool removeFile(std::int64_t id) override;

    // ---------------------------------------------------------------- activity.cpp
    ActivityPage activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId) override;
    std::vector<FieldChange> activityChanges(std::int64_t entryId) override;
    void appendActivity(std::span<ActivityEntry> entries) override;

    // ---------------------------------------------------------------- sqlite_journal.cpp
    std::optional<ImportBatchInfo> newestBatch() override;
    std::vector<std::string> undoneBatchIds() override;
    std::vector<std::int64_t> undoableBatchesBefore(std::int64_t batch) override;
    std::vector<JournalClientState>
    journalClients(std::int64_t batch, std::span<const std::string> ignoredBatchIds) override;
    std::vector<JournalInvoiceState> journalInvoices(std::int64_t batch) override;
    std::vector<JournalRecordState> journalRecords(std::int64_t batch) override;
    std::optional<std::string> mapping(std::string_view key) override;
    void insertBatch(ImportBatchInfo& batch) override;
    void addToJournal(std::int64_t batch, std::span<const JournalClient> items) override;
    void addToJournal(std::int64_t batch, std::span<const JournalInvoice> items) override;
    void addToJournal(std::int64_t batch, std::span<const JournalRecord> items) override;
    void rebaseJournal(JournalOf of, std::int64_t recordId, std::int64_t fromVersion,
                       std::int64_t toVersion, std::span<const std::int64_t> batches) override;
    void markBatchUndone(std::int64_t batch, std::string_view at) override;
    void setMapping(std::string_view key, std::string_view mapping, std::string_view at) override;

    // ---------------------------------------------------------------- sqlite_merges.cpp
    std::vector<std::int64_t> ownedIds(RecordType kind, std::int64_t clientId) override;
    std::optional<MergeInfo> merge(std::int64_t id) override;
    std::optional<MergeInfo> mergeOf(std::int64_t clientId) override;
    std::vector<std::pair<std::int64_t, std::int64_t>> notDuplicatePairs() override;
    void moveRecords(RecordType kind, std::span<const std::int64_t> ids, std::int64_t toClient,
                     std::string_view at) override;
    void insertMerge(MergeInfo& merge) override;
    void markMergeUndone(std::int64_t id, std::string_view at) override;
    void markNotDuplicates(std::int64_t a, std::int64_t b, std::string_view at) override;

private:
    std::optional<Client> clientWhere(std::string_view condition, std::string_view key);
    std::optional<Client> clientWhere(std::string_view condition, std::int64_t key);
    void insertClientRow(Client& client);
    void insertClientsInBulk(std::span<Client> clients);
    std::vector<std::int64_t> orderedMatches(const std::string& expression,
                                             const std::string& folded, std::size_t limit,
                                             std::int64_t& total);

    SqliteStore& store_;
    sql::Database& db_;
    bool writing_;
    bool fkOff_;
    bool deletedWithoutForeignKeys_ = false;
};

} // namespace clientes::sqlite
