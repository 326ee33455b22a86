#pragma once

// Internal to src/core: the state of a ClientStore, shared by its translation units
// (client_store.cpp: clients and search; profile_store.cpp: profile records, files, summary;
// activity.cpp: the history; profile_schema.cpp: schema v3). Not part of the public API.

#include "core/activity.hpp"
#include "core/client_store.hpp"
#include "core/sqlite_db.hpp"

#include <boost/uuid/random_generator.hpp>

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

namespace detail
{

// "2024-05-01T10:20:30.123Z"
std::string nowUtc();

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

struct ClientStore::Impl
{
    explicit Impl(std::filesystem::path file);

    std::filesystem::path path;
    sql::Database db;
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
};

} // namespace clientes
