#include "core/model/activity.hpp"

#include "core/store/sqlite/profile_store_internal.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace clientes
{

namespace detail
{

ActivityEntry writeActivity(sql::Database& db, std::int64_t clientId, const std::string& at,
                            ActivityRecord record)
{
    ActivityEntry entry;
    entry.clientId = clientId;
    entry.at = at;
    entry.kind = record.kind;
    entry.record = record.record;
    entry.recordId = record.recordId;
    entry.label = std::move(record.label);
    entry.batchId = std::move(record.batchId);
    entry.text = std::move(record.text);
    entry.changes = std::move(record.changes);
    {
        auto insert = db.query("INSERT INTO activity (client_id, at, kind, record_type, "
                               "record_id, label, batch_id, text) VALUES (?1, ?2, ?3, ?4, ?5, "
                               "?6, ?7, ?8)");
        insert->bind(1, clientId);
        insert->bind(2, entry.at);
        insert->bind(3, activityKindName(entry.kind));
        // A default string_view would bind NULL.
        insert->bind(4, entry.record ? recordTypeName(*entry.record) : std::string_view(""));
        insert->bind(5, entry.recordId);
        insert->bind(6, entry.label);
        insert->bind(7, entry.batchId);
        insert->bind(8, entry.text);
        insert->run();
    }
    entry.id = db.lastInsertId();
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
    return entry;
}

ActivityPage readActivity(sql::Database& db, std::int64_t clientId, std::size_t limit,
                          std::int64_t beforeId)
{
    ActivityPage page;
    {
        auto count = db.query("SELECT count(*) FROM activity WHERE client_id = ?1");
        count->bind(1, clientId);
        count->step();
        page.total = count->int64(0);
    }
    if (limit == 0)
        return page;
    {
        // One row more than asked tells whether older entries remain.
        auto rows = db.query("SELECT id, at, kind, record_type, record_id, label, batch_id, text "
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
    {
        auto rows = db.query("SELECT field, old_value, new_value FROM activity_changes "
                             "WHERE activity_id = ?1 ORDER BY position");
        rows->bind(1, entry.id);
        while (rows->step())
            entry.changes.push_back({rows->text(0), rows->text(1), rows->text(2)});
    }
    return page;
}

} // namespace detail

} // namespace clientes
