// The SQLite store: the activity log.

#include "core/store/sql_records.hpp"
#include "core/store/sqlite/store_internal.hpp"

#include <algorithm>
#include <cstdint>

namespace clientes::sqlite
{

namespace
{

// A default string_view would bind NULL.
std::string_view recordName(const ActivityEntry& entry)
{
    return entry.record ? recordTypeName(*entry.record) : std::string_view("");
}

void insertChanges(sql::Database& db, const ActivityEntry& entry)
{
    std::int64_t position = 0;
    for (const FieldChange& change : entry.changes)
    {
        auto insert = db.query("INSERT INTO activity_changes (activity_id, position, field, "
                               "old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert->bind(1, entry.id);
        insert->bind(2, position++);
        insert->bind(3, change.field);
        insert->bind(4, change.oldValue);
        insert->bind(5, change.newValue);
        insert->run();
    }
}

} // namespace

void Unit::appendActivity(std::span<ActivityEntry> entries)
{
    if (entries.size() < kBulkActivity)
    {
        for (ActivityEntry& entry : entries)
        {
            {
                auto insert = db_.query("INSERT INTO activity (client_id, at, kind, record_type, "
                                        "record_id, label, batch_id, text) VALUES (?1, ?2, ?3, "
                                        "?4, ?5, ?6, ?7, ?8)");
                insert->bind(1, entry.clientId);
                insert->bind(2, entry.at);
                insert->bind(3, activityKindName(entry.kind));
                insert->bind(4, recordName(entry));
                insert->bind(5, entry.recordId);
                insert->bind(6, entry.label);
                insert->bind(7, entry.batchId);
                insert->bind(8, entry.text);
                insert->run();
            }
            entry.id = db_.lastInsertId();
            insertChanges(db_, entry);
        }
        return;
    }
    // Many entries (imports): one INSERT … SELECT for the entries, one for their changes, with
    // the ids SQLite would assign given explicitly (bulk_rows reports no ids back).
    db_.enableBulkRows();
    using Value = sql::BulkRows::Value;
    const std::int64_t first = db_.scalar("SELECT coalesce(max(id), 0) FROM activity") + 1;
    for (std::size_t i = 0; i < entries.size(); ++i)
        entries[i].id = first + static_cast<std::int64_t>(i);
    {
        sql::BulkRowsOf rows(entries.size(),
                             [&](std::size_t row, std::size_t column) -> Value
                             {
                                 const ActivityEntry& entry = entries[row];
                                 switch (column)
                                 {
                                 case 0:
                                     return Value::of(entry.id);
                                 case 1:
                                     return Value::of(entry.clientId);
                                 case 2:
                                     return Value::of(entry.at);
                                 case 3:
                                     return Value::of(activityKindName(entry.kind));
                                 case 4:
                                     return Value::of(recordName(entry));
                                 case 5:
                                     return Value::of(entry.recordId);
                                 case 6:
                                     return Value::of(entry.label);
                                 case 7:
                                     return Value::of(entry.batchId);
                                 default:
                                     return Value::of(entry.text);
                                 }
                             });
        auto insert = db_.query("INSERT INTO activity (id, client_id, at, kind, record_type, "
                                "record_id, label, batch_id, text) SELECT c0, c1, c2, c3, c4, c5, "
                                "c6, c7, c8 FROM bulk_rows(?1)");
        insert->bindRows(1, rows);
        insert->run();
    }
    const std::vector<sql_records::ChangeRow> changes = sql_records::changeRows(entries);
    if (changes.empty())
        return;
    sql::BulkRowsOf rows(changes.size(),
                         [&](std::size_t row, std::size_t column) -> Value
                         {
                             const sql_records::ChangeRow& change = changes[row];
                             switch (column)
                             {
                             case 0:
                                 return Value::of(change.activityId);
                             case 1:
                                 return Value::of(change.position);
                             case 2:
                                 return Value::of(change.change->field);
                             case 3:
                                 return Value::of(change.change->oldValue);
                             default:
                                 return Value::of(change.change->newValue);
                             }
                         });
    auto insert = db_.query("INSERT INTO activity_changes (activity_id, position, field, "
                            "old_value, new_value) SELECT c0, c1, c2, c3, c4 FROM bulk_rows(?1)");
    insert->bindRows(1, rows);
    insert->run();
}

ActivityPage Unit::activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId)
{
    ActivityPage page;
    {
        auto count = db_.query("SELECT count(*) FROM activity WHERE client_id = ?1");
        count->bind(1, clientId);
        count->step();
        page.total = count->int64(0);
    }
    if (limit == 0)
        return page;
    {
        // One row more than asked tells whether older entries remain.
        auto rows = db_.query("SELECT id, at, kind, record_type, record_id, label, batch_id, text "
                              "FROM activity WHERE client_id = ?1 AND id < ?2 "
                              "ORDER BY id DESC LIMIT ?3");
        rows->bind(1, clientId);
        rows->bind(2, beforeId > 0 ? beforeId : INT64_MAX);
        rows->bind(3, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX - 1)) + 1);
        while (rows->step())
        {
            if (page.entries.size() == limit)
            {
                page.nextBeforeId = page.entries.back().id;
                break;
            }
            ActivityEntry entry;
            entry.id = rows->int64(0);
            entry.clientId = clientId;
            entry.at = rows->text(1);
            entry.kind = activityKindFromName(rows->textView(2)).value_or(ActivityKind::Note);
            entry.record = recordTypeFromName(rows->textView(3));
            entry.recordId = rows->int64(4);
            entry.label = rows->text(5);
            entry.batchId = rows->text(6);
            entry.text = rows->text(7);
            page.entries.push_back(std::move(entry));
        }
    }
    for (ActivityEntry& entry : page.entries)
        entry.changes = activityChanges(entry.id);
    return page;
}

std::vector<FieldChange> Unit::activityChanges(std::int64_t entryId)
{
    std::vector<FieldChange> changes;
    auto rows = db_.query("SELECT field, old_value, new_value FROM activity_changes "
                          "WHERE activity_id = ?1 ORDER BY position");
    rows->bind(1, entryId);
    while (rows->step())
        changes.push_back({rows->text(0), rows->text(1), rows->text(2)});
    return changes;
}

} // namespace clientes::sqlite
