// Merges of duplicate clients and the pairs marked as not duplicates on the team server: the
// records a merge moved (so that it can be undone) and the marks (schema version 2).

#include "core/store/postgres/pg_internal.hpp"
#include "core/store/sql_records.hpp"

#include <algorithm>
#include <stdexcept>

namespace clientes::postgres
{

namespace
{

constexpr std::string_view kMergeColumns = "id, keep_id, at, undone_at, db_user";

MergeInfo readMerge(pg::Connection& db, const pg::Result& row)
{
    MergeInfo merge;
    merge.id = row.int64(0, 0);
    merge.keepId = row.int64(0, 1);
    merge.at = row.text(0, 2);
    merge.undoneAt = row.text(0, 3);
    merge.user = row.text(0, 4);
    const pg::Result changes = db.exec("SELECT field, old_value, new_value FROM merge_changes "
                                       "WHERE merge_id = $1 ORDER BY position",
                                       pg::Params().add(merge.id));
    for (int i = 0; i < changes.rows(); ++i)
        merge.changes.push_back({changes.text(i, 0), changes.text(i, 1), changes.text(i, 2)});
    const pg::Result clients = db.exec("SELECT client_id, version FROM merge_clients WHERE "
                                       "merge_id = $1 ORDER BY position",
                                       pg::Params().add(merge.id));
    for (int i = 0; i < clients.rows(); ++i)
        merge.merged.push_back({clients.int64(i, 0), clients.int64(i, 1)});
    const pg::Result records = db.exec("SELECT kind, record_id, from_client FROM merge_records "
                                       "WHERE merge_id = $1 ORDER BY position",
                                       pg::Params().add(merge.id));
    for (int i = 0; i < records.rows(); ++i)
        if (const auto kind = recordTypeFromName(records.textView(i, 0)))
            merge.records.push_back({*kind, records.int64(i, 1), records.int64(i, 2)});
    return merge;
}

} // namespace

std::vector<std::int64_t> Unit::ownedIds(RecordType kind, std::int64_t clientId)
{
    const pg::Result rows =
        db_.exec("SELECT id FROM " + std::string(sql_records::ownedTable(kind)) +
                     " WHERE client_id = $1 ORDER BY id",
                 pg::Params().add(clientId));
    std::vector<std::int64_t> ids;
    ids.reserve(static_cast<std::size_t>(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i)
        ids.push_back(rows.int64(i, 0));
    return ids;
}

void Unit::moveRecords(RecordType kind, std::span<const std::int64_t> ids, std::int64_t toClient,
                       std::string_view at)
{
    if (ids.empty())
        return;
    const std::string array = pg::bigintArray(ids);
    if (sql_records::hasVersion(kind))
        db_.exec("UPDATE " + std::string(sql_records::ownedTable(kind)) +
                     " SET client_id = $2, version = version + 1, updated_at = $3 WHERE id = "
                     "ANY ($1::bigint[])",
                 pg::Params().add(array).add(toClient).add(at));
    else
        db_.exec("UPDATE " + std::string(sql_records::ownedTable(kind)) +
                     " SET client_id = $2 WHERE id = ANY ($1::bigint[])",
                 pg::Params().add(array).add(toClient));
    if (kind == RecordType::Project)
        db_.exec("UPDATE time_entries SET client_id = $2 WHERE project_id = ANY ($1::bigint[])",
                 pg::Params().add(array).add(toClient));
}

std::optional<MergeInfo> Unit::merge(std::int64_t id)
{
    const pg::Result row =
        db_.exec("SELECT " + std::string(kMergeColumns) + " FROM merges WHERE id = $1",
                 pg::Params().add(id));
    if (row.empty())
        return std::nullopt;
    return readMerge(db_, row);
}

std::optional<MergeInfo> Unit::mergeOf(std::int64_t clientId)
{
    const pg::Result row = db_.exec(
        "SELECT " + std::string(kMergeColumns) +
            " FROM merges WHERE undone_at = '' AND id IN (SELECT merge_id FROM merge_clients "
            "WHERE client_id = $1) ORDER BY id DESC LIMIT 1",
        pg::Params().add(clientId));
    if (row.empty())
        return std::nullopt;
    return readMerge(db_, row);
}

std::vector<std::pair<std::int64_t, std::int64_t>> Unit::notDuplicatePairs()
{
    const pg::Result rows =
        db_.exec("SELECT client_a, client_b FROM not_duplicates ORDER BY client_a, client_b");
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    pairs.reserve(static_cast<std::size_t>(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i)
        pairs.emplace_back(rows.int64(i, 0), rows.int64(i, 1));
    return pairs;
}

void Unit::insertMerge(MergeInfo& merge)
{
    merge.id =
        db_.scalar("INSERT INTO merges (keep_id, at, undone_at) VALUES ($1, $2, $3) RETURNING id",
                   pg::Params().add(merge.keepId).add(merge.at).add(merge.undoneAt));
    std::int64_t position = 0;
    for (const FieldChange& change : merge.changes)
        db_.exec("INSERT INTO merge_changes (merge_id, position, field, old_value, new_value) "
                 "VALUES ($1, $2, $3, $4, $5)",
                 pg::Params()
                     .add(merge.id)
                     .add(position++)
                     .add(change.field)
                     .add(change.oldValue)
                     .add(change.newValue));
    position = 0;
    for (const MergedClient& merged : merge.merged)
        db_.exec(
            "INSERT INTO merge_clients (merge_id, position, client_id, version) VALUES ($1, "
            "$2, $3, $4)",
            pg::Params().add(merge.id).add(position++).add(merged.clientId).add(merged.version));
    if (merge.records.empty())
        return;
    db_.copyIn("COPY merge_records (merge_id, position, kind, record_id, from_client) FROM STDIN",
               [&, next = std::size_t{0}](std::string& out) mutable
               {
                   const MergedRecord& moved = merge.records[next];
                   pg::CopyRow(out)
                       .add(merge.id)
                       .add(static_cast<std::int64_t>(next))
                       .add(recordTypeName(moved.kind))
                       .add(moved.id)
                       .add(moved.fromClient)
                       .end();
                   return ++next < merge.records.size();
               });
}

void Unit::markMergeUndone(std::int64_t id, std::string_view at)
{
    db_.exec("UPDATE merges SET undone_at = $2 WHERE id = $1", pg::Params().add(id).add(at));
}

void Unit::markNotDuplicates(std::int64_t a, std::int64_t b, std::string_view at)
{
    if (a == b)
        throw std::invalid_argument("a client is not its own duplicate");
    db_.exec("INSERT INTO not_duplicates (client_a, client_b, at) VALUES ($1, $2, $3) ON "
             "CONFLICT DO NOTHING",
             pg::Params().add(std::min(a, b)).add(std::max(a, b)).add(at));
}

} // namespace clientes::postgres
