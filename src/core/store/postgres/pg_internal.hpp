#pragma once

// Internal to the PostgreSQL store: the store object and its unit of work, shared by its
// translation units (pg_store.cpp: connection and units; pg_schema.cpp; pg_clients.cpp:
// clients, tags and search; pg_records.cpp: profile records, files, aggregates;
// pg_journal.cpp: activity, import batches, mappings).

#include "core/store/postgres/pg_db.hpp"
#include "core/store/postgres/pg_store.hpp"
#include "core/store/search_words.hpp"
#include "core/store/store.hpp"

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace clientes::postgres
{

// From this many rows a call takes the bulk paths (COPY instead of row-by-row statements).
inline constexpr std::size_t kBulkRows = 500;

// ------------------------------------------------------------------------- pg_schema.cpp

// Creates or migrates the schema to kSchemaVersion (see openStore). Throws StoreError
// (TooNew, NotADatabase when the database holds tables of another application's).
void migrate(pg::Connection& db);

// ------------------------------------------------------------------------- pg_clients.cpp

// The key tags are compared by: folded, or the tag itself when it folds to nothing.
std::string tagKey(std::string_view tag);

// Search rows written after the commit, as the SQLite store does (its kDeferredSearchRows):
// a bulk insert (kBulkRows clients or more) stores the clients with an empty search document,
// search_pending set and their words not counted, and adds their ids to the range of the
// clientes_meta rows 'search_pending_first' and 'search_pending_last' (in the same unit: a
// crash forgets nothing). The documents and counts are written right after the commit, in
// short transactions on a connection of their own (PgStore::fillSearchInBackground), by the
// next opening when the office closed first, and by the first search that finds some still
// waiting, before it runs: a search never sees a partial index. A waiting client updated keeps
// waiting (its words are counted when its document is written); one deleted is simply gone.
// The search documents of this many waiting clients a step (one short transaction).
inline constexpr std::size_t kSearchRowsPerStep = 4000;
// Whether some clients wait for their search documents.
bool searchRowsPending(pg::Connection& db);
// Thrown by a search in a read unit that finds clients waiting for their search documents:
// PgStore::read writes them and runs the unit again.
struct SearchRowsPending
{
};

// ------------------------------------------------------------------------- the store

// The channel every write unit notifies on commit (pg_store.cpp) and watchers listen to.
inline constexpr std::string_view kChangesChannel = "clientes_changes";

// One connection, serialised by a mutex: every unit of work holds it from start to end.
class PgStore final : public Store
{
public:
    explicit PgStore(const std::string& conninfo);
    // Waits for the search documents being written after a commit (fillSearchInBackground):
    // other users, read-only ones too, find a complete index.
    ~PgStore() override;

    std::string location() const override { return location_; }
    ConnectionInfo connectionInfo() const override { return connection_; }
    void read(const std::function<void(StoreReader&)>& work) override;
    void write(const std::function<void(StoreWriter&)>& work, const WriteHints& hints) override;
    std::int64_t dataVersion() override;
    // pg_watch.cpp: LISTEN on a connection of its own, on a thread of its own.
    std::unique_ptr<ChangeWatch> watchChanges(std::function<void()> changed) override;

private:
    template <typename Work> void inUnit(bool writing, const WriteHints& hints, Work&& work);
    // Writes every waiting search document on `db`, a short transaction a step, until none
    // waits or `stop` is requested. Throws StoreError.
    static void fillSearch(pg::Connection& db, const std::stop_token& stop = {});
    // fillSearch on a connection of its own, on a thread of its own (a previous one stopped
    // first); failures are left to the next search or opening.
    void fillSearchInBackground();

    std::string conninfo_;
    std::string location_;
    pg::Connection db_;
    int backendPid_ = 0; // the server process of db_: its own commits are no news
    ConnectionInfo connection_;
    std::mutex mutex_;
    // Commits of this store (each adds one to the register's change counter).
    std::int64_t ownCommits_ = 0;
    // The register's change counter as this store opened it: a watch started later learns of
    // what others committed before it was listening.
    std::int64_t changesAtOpen_ = 0;
    // Last: finished before the rest goes.
    std::jthread filler_;
};

// A unit of work inside the transaction the store opened (read or write). Its methods are
// spread over the store's translation units by concern.
class Unit final : public StoreWriter
{
public:
    // `writing`: inside a write transaction (a search may then write waiting documents).
    explicit Unit(pg::Connection& db, bool writing = true) : db_(db), writing_(writing) {}

    // ---------------------------------------------------------------- pg_clients.cpp
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

    // ---------------------------------------------------------------- pg_records.cpp
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
    // kBulkRows or more of one kind whose columns are all text: one binary COPY, the ids
    // taken from the table's sequence first.
    void insertRecords(std::span<AnyRecord> records) override;
    bool updateRecord(const AnyRecord& record, std::int64_t expectedVersion) override;
    bool removeRecord(RecordType kind, std::int64_t id) override;
    void insertFile(FileInfo& file, std::span<const std::uint8_t> bytes) override;
    bool removeFile(std::int64_t id) override;

    // ---------------------------------------------------------------- pg_journal.cpp
    ActivityPage activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId) override;
    std::vector<FieldChange> activityChanges(std::int64_t entryId) override;
    void appendActivity(std::span<ActivityEntry> entries) override;
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

    // ---------------------------------------------------------------- pg_merges.cpp
    std::vector<std::int64_t> ownedIds(RecordType kind, std::int64_t clientId) override;
    std::optional<MergeInfo> merge(std::int64_t id) override;
    std::optional<MergeInfo> mergeOf(std::int64_t clientId) override;
    std::vector<std::pair<std::int64_t, std::int64_t>> notDuplicatePairs() override;
    void moveRecords(RecordType kind, std::span<const std::int64_t> ids, std::int64_t toClient,
                     std::string_view at) override;
    void insertMerge(MergeInfo& merge) override;
    void markMergeUndone(std::int64_t id, std::string_view at) override;
    void markNotDuplicates(std::int64_t a, std::int64_t b, std::string_view at) override;

    // Writes the changes to search_counts the unit's client writes made (in key order, so
    // that units lock the counters in one order); the store calls it before committing.
    void flushSearchCounts();
    // Writes the search documents (and counts the words) of up to `maxClients` waiting
    // clients, inside the unit's write transaction; returns whether some still wait.
    bool writePendingSearchRows(std::size_t maxClients);
    // Whether this unit stored clients whose search documents wait for after the commit.
    bool deferredSearchRows() const { return deferred_; }

private:
    std::optional<Client> clientWhere(std::string_view condition, const pg::Params& params);
    void insertClientRows(std::span<Client> clients);
    void insertClientsInBulk(std::span<Client> clients);
    void writeTags(std::int64_t clientId, std::string_view tags);
    std::string readTags(std::int64_t clientId);

    // Adds `sign` to the counters of the prefixes of the client's names, city and e-mail
    // words (searchTexts) for its archived state.
    void countSearchWords(const std::array<std::string, kSearchColumns>& texts, bool archived,
                          int sign);

    pg::Connection& db_;
    bool writing_ = true;
    bool deferred_ = false;
    // search_counts changes not written yet, as a tree of prefixes (one byte a level; the
    // root is ""): cheaper than a map of strings when an import counts a million prefixes.
    struct PrefixNode
    {
        std::vector<std::pair<unsigned char, std::uint32_t>> children; // by byte
        std::array<std::int64_t, 2> change = {0, 0};                   // active, archived
        std::uint64_t counted = 0; // the last countSearchWords call that counted it
    };
    std::vector<PrefixNode> prefixes_ = std::vector<PrefixNode>(1);
    std::uint64_t countCalls_ = 0;
};

} // namespace clientes::postgres
