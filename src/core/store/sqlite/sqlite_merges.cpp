// Merges of duplicate clients and the pairs marked as not duplicates: the records a merge moved
// (so that it can be undone) and the marks. Like the import tables, these tables are created
// by the first write that needs them: older versions of the extension do not read them, so the
// schema version stays.

#include "core/store/sql_records.hpp"
#include "core/store/sqlite/store_internal.hpp"

#include <algorithm>
#include <stdexcept>

namespace clientes::sqlite
{

bool SqliteStore::hasMergeTables()
{
    return db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
                     "'merges'") != 0;
}

void SqliteStore::ensureMergeTables()
{
    if (hasMergeTables())
        return;
    // Client and record ids are not foreign keys: a record may be deleted later, and the
    // undo then says so instead of the delete being refused.
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS merges (
    id INTEGER PRIMARY KEY,
    keep_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    undone_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS merge_clients (
    merge_id INTEGER NOT NULL REFERENCES merges (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    client_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (merge_id, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS merge_clients_client ON merge_clients (client_id, merge_id);
CREATE TABLE IF NOT EXISTS merge_changes (
    merge_id INTEGER NOT NULL REFERENCES merges (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    PRIMARY KEY (merge_id, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS merge_records (
    merge_id INTEGER NOT NULL REFERENCES merges (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    from_client INTEGER NOT NULL,
    PRIMARY KEY (merge_id, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS not_duplicates (
    client_a INTEGER NOT NULL,
    client_b INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (client_a, client_b),
    CHECK (client_a < client_b)
) WITHOUT ROWID;
)sql");
}

std::vector<std::int64_t> Unit::ownedIds(RecordType kind, std::int64_t clientId)
{
    std::vector<std::int64_t> ids;
    auto rows = db_.query("SELECT id FROM " + std::string(sql_records::ownedTable(kind)) +
                          " WHERE client_id = ?1 ORDER BY id");
    rows->bind(1, clientId);
    while (rows->step())
        ids.push_back(rows->int64(0));
    return ids;
}

void Unit::moveRecords(RecordType kind, std::span<const std::int64_t> ids, std::int64_t toClient,
                       std::string_view at)
{
    const std::string table(sql_records::ownedTable(kind));
    const std::string set = sql_records::hasVersion(kind)
                                ? "client_id = ?2, version = version + 1, updated_at = ?3"
                                : "client_id = ?2";
    {
        auto move = db_.query("UPDATE " + table + " SET " + set + " WHERE id = ?1");
        for (const std::int64_t id : ids)
        {
            move->reset();
            move->bind(1, id);
            move->bind(2, toClient);
            if (sql_records::hasVersion(kind))
                move->bind(3, at);
            move->run();
        }
    }
    if (kind != RecordType::Project)
        return;
    auto entries = db_.query("UPDATE time_entries SET client_id = ?2 WHERE project_id = ?1");
    for (const std::int64_t id : ids)
    {
        entries->reset();
        entries->bind(1, id);
        entries->bind(2, toClient);
        entries->run();
    }
}

namespace
{

MergeInfo readMerge(sql::Database& db, sql::Statement& row)
{
    MergeInfo merge;
    merge.id = row.int64(0);
    merge.keepId = row.int64(1);
    merge.at = row.text(2);
    merge.undoneAt = row.text(3);
    auto changes = db.query("SELECT field, old_value, new_value FROM merge_changes WHERE "
                            "merge_id = ?1 ORDER BY position");
    changes->bind(1, merge.id);
    while (changes->step())
        merge.changes.push_back({changes->text(0), changes->text(1), changes->text(2)});
    auto clients = db.query(
        "SELECT client_id, version FROM merge_clients WHERE merge_id = ?1 ORDER BY position");
    clients->bind(1, merge.id);
    while (clients->step())
        merge.merged.push_back({clients->int64(0), clients->int64(1)});
    auto records = db.query("SELECT kind, record_id, from_client FROM merge_records WHERE "
                            "merge_id = ?1 ORDER BY position");
    records->bind(1, merge.id);
    while (records->step())
    {
        const auto kind = recordTypeFromName(records->textView(0));
        if (kind)
            merge.records.push_back({*kind, records->int64(1), records->int64(2)});
    }
    return merge;
}

constexpr std::string_view kMergeColumns = "id, keep_id, at, undone_at";

} // namespace

std::optional<MergeInfo> Unit::merge(std::int64_t id)
{
    if (!store_.hasMergeTables())
        return std::nullopt;
    auto row = db_.query("SELECT " + std::string(kMergeColumns) + " FROM merges WHERE id = ?1");
    row->bind(1, id);
    if (!row->step())
        return std::nullopt;
    return readMerge(db_, *row);
}

std::optional<MergeInfo> Unit::mergeOf(std::int64_t clientId)
{
    if (!store_.hasMergeTables())
        return std::nullopt;
    auto row = db_.query("SELECT " + std::string(kMergeColumns) +
                         " FROM merges WHERE undone_at = '' AND id IN (SELECT merge_id FROM "
                         "merge_clients WHERE client_id = ?1) ORDER BY id DESC LIMIT 1");
    row->bind(1, clientId);
    if (!row->step())
        return std::nullopt;
    return readMerge(db_, *row);
}

std::vector<std::pair<std::int64_t, std::int64_t>> Unit::notDuplicatePairs()
{
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    if (!store_.hasMergeTables())
        return pairs;
    auto rows =
        db_.query("SELECT client_a, client_b FROM not_duplicates ORDER BY client_a, client_b");
    while (rows->step())
        pairs.emplace_back(rows->int64(0), rows->int64(1));
    return pairs;
}

void Unit::insertMerge(MergeInfo& merge)
{
    store_.ensureMergeTables();
    {
        auto insert = db_.query("INSERT INTO merges (keep_id, at, undone_at) VALUES (?1, ?2, ?3)");
        insert->bind(1, merge.keepId);
        insert->bind(2, merge.at);
        insert->bind(3, merge.undoneAt);
        insert->run();
        merge.id = db_.lastInsertId();
    }
    std::int64_t position = 0;
    {
        auto change = db_.query("INSERT INTO merge_changes (merge_id, position, field, "
                                "old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5)");
        for (const FieldChange& changed : merge.changes)
        {
            change->reset();
            change->bind(1, merge.id);
            change->bind(2, position++);
            change->bind(3, changed.field);
            change->bind(4, changed.oldValue);
            change->bind(5, changed.newValue);
            change->run();
        }
    }
    {
        auto client = db_.query("INSERT INTO merge_clients (merge_id, position, client_id, "
                                "version) VALUES (?1, ?2, ?3, ?4)");
        position = 0;
        for (const MergedClient& merged : merge.merged)
        {
            client->reset();
            client->bind(1, merge.id);
            client->bind(2, position++);
            client->bind(3, merged.clientId);
            client->bind(4, merged.version);
            client->run();
        }
    }
    auto record = db_.query("INSERT INTO merge_records (merge_id, position, kind, record_id, "
                            "from_client) VALUES (?1, ?2, ?3, ?4, ?5)");
    position = 0;
    for (const MergedRecord& moved : merge.records)
    {
        record->reset();
        record->bind(1, merge.id);
        record->bind(2, position++);
        record->bind(3, recordTypeName(moved.kind));
        record->bind(4, moved.id);
        record->bind(5, moved.fromClient);
        record->run();
    }
}

void Unit::markMergeUndone(std::int64_t id, std::string_view at)
{
    if (!store_.hasMergeTables())
        return;
    auto done = db_.query("UPDATE merges SET undone_at = ?2 WHERE id = ?1");
    done->bind(1, id);
    done->bind(2, at);
    done->run();
}

void Unit::markNotDuplicates(std::int64_t a, std::int64_t b, std::string_view at)
{
    if (a == b)
        throw std::invalid_argument("a client is not its own duplicate");
    store_.ensureMergeTables();
    auto insert = db_.query("INSERT INTO not_duplicates (client_a, client_b, at) VALUES "
                            "(?1, ?2, ?3) ON CONFLICT DO NOTHING");
    insert->bind(1, std::min(a, b));
    insert->bind(2, std::max(a, b));
    insert->bind(3, at);
    insert->run();
}

} // namespace clientes::sqlite
