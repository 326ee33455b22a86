#pragma once

// Internal to src/core: the state of a ClientStore, shared by its translation units
// (client_store.cpp: clients and search; profile_store.cpp: profile records, files, summary;
// activity.cpp: the history; profile_schema.cpp: schema v3). Not part of the public API.

#include "core/model/activity.hpp"
#include "core/store/sqlite/client_store.hpp"
#include "core/store/sqlite/sqlite_db.hpp"

#include <boost/uuid/random_generator.hpp>

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

namespace clientes
{

namespace detail
{

// "2024-05-01T10:20:30.123Z"
std::string nowUtc();

// Throws StoreError unless db is a register of ours (or an empty file) with a schema this
// version knows: NotADatabase for another application's file or a damaged one, TooNew.
void checkHeader(sql::Database& db);

// Schema version 2 → 3 (the caller holds the migration transaction).
void migrateToV3(sql::Database& db);

// Writes the tags of a client (already tidied, "a, b") to client_tags, replacing older ones.
void writeTags(sql::Database& db, std::int64_t clientId, std::string_view tags);
// The tags of a client as "a, b", in the order they were given.
std::string readTags(sql::Database& db, std::int64_t clientId);

// An entry to write; the store fills in the client and the time.
struct ActivityRecord
{
    ActivityKind kind = ActivityKind::Note;
    std::optional<RecordType> record;
    std::int64_t recordId = 0;
    std::string label;
    std::string batchId;
    std::string text;
    std::vector<FieldChange> changes;
};

// Inside the caller's transaction.
ActivityEntry writeActivity(sql::Database& db, std::int64_t clientId, const std::string& at,
                            ActivityRecord record);
ActivityPage readActivity(sql::Database& db, std::int64_t clientId, std::size_t limit,
                          std::int64_t beforeId);

// An FTS5 expression built from the user's query (client_store.cpp).
struct MatchQuery
{
    std::string expression; // empty: no usable term, i.e. "everything"
    std::string folded;     // folded terms joined by spaces, for the legal-name prefix
};

} // namespace detail

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

struct ClientStore::Impl
{
    Impl(std::filesystem::path file, const StoreOptions& options);

    std::filesystem::path path;
    sql::Database db;
    // After db: destroyed (unhooked, stopped) before the connection closes.
    IdleCheckpointer idle;
    std::mutex mutex;
    boost::uuids::random_generator uuids;

    // ------------------------------------------------------------ clients (client_store.cpp)
    std::optional<Client> clientWhere(std::string_view condition, std::string_view key);
    std::optional<Client> clientWhere(std::string_view condition, std::int64_t key);
    // The stored client or NotFound.
    Client requireClient(std::int64_t id);
    bool clientExists(std::int64_t id);
    std::string allocateCode();
    Client insert(Client client, const std::string& now, std::string_view importBatchId);
    std::vector<std::int64_t> orderedMatches(const detail::MatchQuery& match, std::size_t limit,
                                             std::int64_t& total);
    std::vector<std::int64_t> rankedMatches(const detail::MatchQuery& match, std::size_t limit);
    std::vector<std::int64_t> alphabeticalMatches(const detail::MatchQuery& match,
                                                  const std::vector<std::int64_t>& members,
                                                  std::size_t limit);
    std::optional<Client> byCode(std::string_view code);

    // ------------------------------------------------------------ imports
    // (client_store.cpp) Inserts clients already tidied and validated, inside the caller's
    // transaction: codes allocated in one go, activity Imported with batchId. Fills in id,
    // uuid, code, timestamps and version; activityIds gets each client's entry.
    void insertImported(std::vector<Client>& clients, const std::string& now,
                        std::string_view batchId, std::vector<std::int64_t>& activityIds);
    // Writes `client` (tidied, validated; id and version as stored) over `before`: version + 1,
    // updatedAt = now, search row and tags; one activity entry of `kind` (Imported or Updated)
    // with batchId and the field changes. Returns the entry's id (0 when nothing changed).
    std::int64_t rewriteClient(Client& client, const Client& before, const std::string& now,
                               ActivityKind kind, std::string_view batchId);
    // Deletes the clients that idsQuery selects (SQL giving ids, with ?1 bound to key), with
    // their search rows, tags, contacts and activity, whether or not foreign keys are on.
    void deleteClients(std::string_view idsQuery, std::int64_t key);
    // Every client in id order, tags included.
    void forEachClient(const std::function<void(Client&&)>& visit);

    // (profile_store.cpp) Invoices written by imports, inside the caller's transaction; the
    // activity entries carry batchId. Throw RecordValidationError, NotFound.
    Invoice insertImportedInvoice(Invoice invoice, const std::string& now,
                                  std::string_view batchId);
    Invoice rewriteInvoice(Invoice invoice, const Invoice& stored, const std::string& now,
                           std::string_view batchId);
    // Deletes an invoice; a RecordRemoved entry (with batchId) tells its client's history.
    void deleteInvoice(const Invoice& stored, const std::string& now, std::string_view batchId);
    std::optional<Invoice> invoiceById(std::int64_t id);

    // (import_batch_store.cpp)
    void ensureImportTables();
    bool hasImportTables();

    // ------------------------------------------------------------ records (profile_store.cpp)
    // Defined and instantiated in profile_store.cpp only.
    template <typename Record> Record insertRecord(Record record, const std::string& now);
    template <typename Record> Record addRecord(Record record);
    template <typename Record> std::vector<Record> addRecords(std::vector<Record> records);
    template <typename Record> Record updateRecord(const Record& record);
    template <typename Record> void removeRecord(std::int64_t id);
    template <typename Record> std::optional<Record> fetchRecord(std::int64_t id);
    template <typename Record> std::vector<Record> listRecords(std::int64_t parentId);
    template <typename Record> void prepareRecord(Record& record);

    // (import_batch_store.cpp) A large import's write-ahead log is copied into the database
    // on this thread, with a connection of its own, after the commit: the import does not
    // wait for it. Declared last: destroyed (joined) first.
    void checkpointInBackground();
    std::jthread checkpointer;
};

} // namespace clientes
