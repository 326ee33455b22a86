// The PostgreSQL store: the activity log, import batches (the journal an undo reads) and
// remembered column mappings.

#include "core/store/postgres/pg_internal.hpp"
#include "core/store/sql_records.hpp"

#include <algorithm>
#include <cstdint>

namespace clientes::postgres
{

namespace
{

// From this many entries appendActivity takes the bulk path: its five round trips (ids,
// entries, changes) cost less than one statement per entry.
constexpr std::size_t kBulkActivity = 8;

std::string_view boolText(bool value)
{
    return value ? "t" : "f";
}

// Entries about no record keep "" (the column is NOT NULL).
std::string_view recordName(const ActivityEntry& entry)
{
    return entry.record ? recordTypeName(*entry.record) : std::string_view("");
}

ImportKind kindFromName(std::string_view name)
{
    return name == "invoices" ? ImportKind::Invoices : ImportKind::Clients;
}

ImportBatchInfo readBatch(const pg::Result& row)
{
    ImportBatchInfo batch;
    batch.id = row.int64(0, 0);
    batch.batchId = row.text(0, 1);
    batch.kind = kindFromName(row.textView(0, 2));
    batch.source = row.text(0, 3);
    batch.at = row.text(0, 4);
    batch.created = static_cast<std::size_t>(row.int64(0, 5));
    batch.updated = static_cast<std::size_t>(row.int64(0, 6));
    batch.unchanged = static_cast<std::size_t>(row.int64(0, 7));
    batch.skipped = static_cast<std::size_t>(row.int64(0, 8));
    batch.clientsCreated = static_cast<std::size_t>(row.int64(0, 9));
    batch.user = row.text(0, 10);
    return batch;
}

} // namespace

// ------------------------------------------------------------------------- activity

void Unit::appendActivity(std::span<ActivityEntry> entries)
{
    if (entries.size() < kBulkActivity)
    {
        // One statement per entry, its changes included (a data-modifying WITH).
        const auto field = [](const FieldChange& c) -> const std::string& { return c.field; };
        const auto oldValue = [](const FieldChange& c) -> const std::string& { return c.oldValue; };
        const auto newValue = [](const FieldChange& c) -> const std::string& { return c.newValue; };
        for (ActivityEntry& entry : entries)
        {
            const pg::Result inserted = db_.exec(
                "WITH entry AS (INSERT INTO activity (client_id, at, kind, record_type, "
                "record_id, label, batch_id, text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                "RETURNING id), changes AS (INSERT INTO activity_changes (activity_id, position, "
                "field, old_value, new_value) SELECT entry.id, change.n - 1, change.field, "
                "change.old_value, change.new_value FROM entry, unnest($9::text[], $10::text[], "
                "$11::text[]) WITH ORDINALITY AS change (field, old_value, new_value, n)) "
                "SELECT id FROM entry",
                pg::Params()
                    .add(entry.clientId)
                    .add(entry.at)
                    .add(activityKindName(entry.kind))
                    .add(recordName(entry))
                    .add(entry.recordId)
                    .add(entry.label)
                    .add(entry.batchId)
                    .add(entry.text)
                    .add(pg::textArray(entry.changes, field))
                    .add(pg::textArray(entry.changes, oldValue))
                    .add(pg::textArray(entry.changes, newValue)));
            entry.id = inserted.int64(0, 0);
        }
        return;
    }
    // Many entries (imports): their ids taken from the table's sequence in one statement, in
    // increasing order, then the entries and their changes copied in with those ids.
    {
        const pg::Result ids =
            db_.exec("SELECT nextval(seq) FROM (SELECT pg_get_serial_sequence('activity', "
                     "'id')::regclass AS seq OFFSET 0) AS s, generate_series(1, $1::bigint) "
                     "ORDER BY 1",
                     pg::Params().add(static_cast<std::int64_t>(entries.size())));
        for (std::size_t i = 0; i < entries.size(); ++i)
            entries[i].id = ids.int64(static_cast<int>(i), 0);
    }
    db_.copyIn("COPY activity (id, client_id, at, kind, record_type, record_id, label, batch_id, "
               "text) FROM STDIN",
               [&entries, next = std::size_t{0}](std::string& out) mutable
               {
                   const ActivityEntry& entry = entries[next];
                   pg::CopyRow(out)
                       .add(entry.id)
                       .add(entry.clientId)
                       .add(entry.at)
                       .add(activityKindName(entry.kind))
                       .add(recordName(entry))
                       .add(entry.recordId)
                       .add(entry.label)
                       .add(entry.batchId)
                       .add(entry.text)
                       .end();
                   return ++next < entries.size();
               });
    const std::vector<sql_records::ChangeRow> changes = sql_records::changeRows(entries);
    if (changes.empty())
        return;
    db_.copyIn("COPY activity_changes (activity_id, position, field, old_value, new_value) FROM "
               "STDIN",
               [&changes, next = std::size_t{0}](std::string& out) mutable
               {
                   const sql_records::ChangeRow& change = changes[next];
                   pg::CopyRow(out)
                       .add(change.activityId)
                       .add(change.position)
                       .add(change.change->field)
                       .add(change.change->oldValue)
                       .add(change.change->newValue)
                       .end();
                   return ++next < changes.size();
               });
}

ActivityPage Unit::activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId)
{
    ActivityPage page;
    page.total = db_.scalar("SELECT count(*) FROM activity WHERE client_id = $1",
                            pg::Params().add(clientId));
    if (limit == 0)
        return page;
    {
        // One row more than asked tells whether older entries remain.
        const pg::Result rows = db_.exec(
            "SELECT id, at, kind, record_type, record_id, label, batch_id, text, db_user FROM "
            "activity "
            "WHERE client_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3",
            pg::Params()
                .add(clientId)
                .add(beforeId > 0 ? beforeId : INT64_MAX)
                .add(static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX - 1)) + 1));
        for (int row = 0; row < rows.rows(); ++row)
        {
            if (page.entries.size() == limit)
            {
                page.nextBeforeId = page.entries.back().id;
                break;
            }
            ActivityEntry entry;
            entry.id = rows.int64(row, 0);
            entry.clientId = clientId;
            entry.at = rows.text(row, 1);
            entry.kind = activityKindFromName(rows.textView(row, 2)).value_or(ActivityKind::Note);
            entry.record = recordTypeFromName(rows.textView(row, 3));
            entry.recordId = rows.int64(row, 4);
            entry.label = rows.text(row, 5);
            entry.batchId = rows.text(row, 6);
            entry.text = rows.text(row, 7);
            entry.user = rows.text(row, 8);
            page.entries.push_back(std::move(entry));
        }
    }
    if (page.entries.empty())
        return page;
    // The page's changes in one query, in the page's order (newest entry first).
    std::vector<std::int64_t> ids;
    for (const ActivityEntry& entry : page.entries)
        ids.push_back(entry.id);
    const pg::Result rows = db_.exec(
        "SELECT activity_id, field, old_value, new_value FROM activity_changes WHERE activity_id "
        "= ANY ($1::bigint[]) ORDER BY activity_id DESC, position",
        pg::Params().add(pg::bigintArray(ids)));
    auto entry = page.entries.begin();
    for (int row = 0; row < rows.rows(); ++row)
    {
        while (entry->id != rows.int64(row, 0))
            ++entry;
        entry->changes.push_back({rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)});
    }
    return page;
}

std::vector<FieldChange> Unit::activityChanges(std::int64_t entryId)
{
    std::vector<FieldChange> changes;
    const pg::Result rows = db_.exec("SELECT field, old_value, new_value FROM activity_changes "
                                     "WHERE activity_id = $1 ORDER BY position",
                                     pg::Params().add(entryId));
    for (int row = 0; row < rows.rows(); ++row)
        changes.push_back({rows.text(row, 0), rows.text(row, 1), rows.text(row, 2)});
    return changes;
}

// ------------------------------------------------------------------------- batches

std::optional<ImportBatchInfo> Unit::newestBatch()
{
    const pg::Result row = db_.exec(
        "SELECT id, batch_id, kind, source, at, created, updated, unchanged, skipped, "
        "clients_created, db_user FROM import_batches WHERE undone_at = '' ORDER BY id DESC "
        "LIMIT 1");
    if (row.empty())
        return std::nullopt;
    return readBatch(row);
}

std::vector<std::string> Unit::undoneBatchIds()
{
    std::vector<std::string> ids;
    const pg::Result rows =
        db_.exec("SELECT batch_id FROM import_batches WHERE undone_at <> '' ORDER BY id");
    for (int row = 0; row < rows.rows(); ++row)
        ids.push_back(rows.text(row, 0));
    return ids;
}

std::vector<std::int64_t> Unit::undoableBatchesBefore(std::int64_t batch)
{
    std::vector<std::int64_t> ids;
    const pg::Result rows =
        db_.exec("SELECT id FROM import_batches WHERE undone_at = '' AND id < $1 ORDER BY id",
                 pg::Params().add(batch));
    for (int row = 0; row < rows.rows(); ++row)
        ids.push_back(rows.int64(row, 0));
    return ids;
}

std::vector<JournalClientState> Unit::journalClients(std::int64_t batch,
                                                     std::span<const std::string> ignoredBatchIds)
{
    std::vector<JournalClientState> items;
    // One pass for the whole batch: the client as stored (LEFT JOIN: it may be gone), and for
    // created ones whether its history has entries after the import's own (an index range on
    // activity (client_id, id) each).
    const pg::Result rows = db_.exec(
        "SELECT b.client_id, b.created, b.version, b.activity_id, c.id IS NOT NULL, c.version, "
        "c.code, c.legal_name, b.created AND EXISTS (SELECT 1 FROM activity AS a WHERE "
        "a.client_id = b.client_id AND a.id > b.activity_id AND a.batch_id <> ALL "
        "($2::text[])) FROM import_batch_clients AS b LEFT JOIN clients AS c ON c.id = "
        "b.client_id WHERE b.batch = $1 ORDER BY b.client_id",
        pg::Params().add(batch).add(pg::textArray(
            ignoredBatchIds, [](const std::string& id) -> const std::string& { return id; })));
    items.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row)
    {
        JournalClientState state;
        state.item.clientId = rows.int64(row, 0);
        state.item.created = rows.boolean(row, 1);
        state.item.version = rows.int64(row, 2);
        state.item.activityId = rows.int64(row, 3);
        state.exists = rows.boolean(row, 4);
        state.storedVersion = rows.int64(row, 5);
        state.code = rows.text(row, 6);
        state.legalName = rows.text(row, 7);
        state.laterActivity = rows.boolean(row, 8);
        items.push_back(std::move(state));
    }
    return items;
}

std::vector<JournalInvoiceState> Unit::journalInvoices(std::int64_t batch)
{
    std::vector<JournalInvoiceState> items;
    const pg::Result rows = db_.exec(
        "SELECT b.invoice_id, b.created, b.version, i.id IS NOT NULL, i.version, i.number, "
        "b.old_issue_date, b.old_due_date, b.old_net, b.old_tax, b.old_total, b.old_currency, "
        "b.old_status FROM import_batch_invoices AS b LEFT JOIN invoices AS i ON i.id = "
        "b.invoice_id WHERE b.batch = $1 ORDER BY b.invoice_id",
        pg::Params().add(batch));
    items.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row)
    {
        JournalInvoiceState state;
        state.item.invoiceId = rows.int64(row, 0);
        state.item.created = rows.boolean(row, 1);
        state.item.version = rows.int64(row, 2);
        state.exists = rows.boolean(row, 3);
        state.storedVersion = rows.int64(row, 4);
        state.number = rows.text(row, 5);
        if (!state.item.created)
        {
            Invoice before;
            before.id = state.item.invoiceId;
            before.issueDate = rows.text(row, 6);
            before.dueDate = rows.text(row, 7);
            before.net = rows.int64(row, 8);
            before.tax = rows.int64(row, 9);
            before.total = rows.int64(row, 10);
            before.currency = rows.text(row, 11);
            before.status =
                invoiceStatusFromName(rows.textView(row, 12)).value_or(InvoiceStatus::Draft);
            state.item.before = std::move(before);
        }
        items.push_back(std::move(state));
    }
    return items;
}

void Unit::insertBatch(ImportBatchInfo& batch)
{
    batch.id = db_.scalar(
        "INSERT INTO import_batches (batch_id, kind, source, at, created, updated, unchanged, "
        "skipped, clients_created) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        pg::Params()
            .add(batch.batchId)
            .add(importKindName(batch.kind))
            .add(batch.source)
            .add(batch.at)
            .add(static_cast<std::int64_t>(batch.created))
            .add(static_cast<std::int64_t>(batch.updated))
            .add(static_cast<std::int64_t>(batch.unchanged))
            .add(static_cast<std::int64_t>(batch.skipped))
            .add(static_cast<std::int64_t>(batch.clientsCreated)));
}

// A journal is written once per import, whatever its size: COPY always (two round trips).

void Unit::addToJournal(std::int64_t batch, std::span<const JournalClient> items)
{
    if (items.empty())
        return;
    db_.copyIn("COPY import_batch_clients (batch, client_id, created, version, activity_id) FROM "
               "STDIN",
               [&, next = std::size_t{0}](std::string& out) mutable
               {
                   const JournalClient& item = items[next];
                   pg::CopyRow(out)
                       .add(batch)
                       .add(item.clientId)
                       .add(boolText(item.created))
                       .add(item.version)
                       .add(item.activityId)
                       .end();
                   return ++next < items.size();
               });
}

std::vector<JournalRecordState> Unit::journalRecords(std::int64_t batch)
{
    std::vector<JournalRecordState> items;
    for (const sql_records::JournalKind& kind : sql_records::journalKinds())
    {
        const pg::Result rows =
            db_.exec("SELECT b.record_id, b.version, r.id IS NOT NULL, coalesce(r.version, 0), "
                     "coalesce(" +
                         std::string(kind.label) +
                         ", '') FROM import_batch_records AS b "
                         "LEFT JOIN " +
                         std::string(kind.table) +
                         " AS r ON r.id = b.record_id "
                         "WHERE b.batch = $1 AND b.kind = $2 ORDER BY b.record_id",
                     pg::Params().add(batch).add(std::string(recordTypeName(kind.type))));
        for (int row = 0; row < rows.rows(); ++row)
        {
            JournalRecordState state;
            state.item.kind = kind.type;
            state.item.recordId = rows.int64(row, 0);
            state.item.version = rows.int64(row, 1);
            state.exists = rows.boolean(row, 2);
            state.storedVersion = rows.int64(row, 3);
            state.name = rows.text(row, 4);
            items.push_back(std::move(state));
        }
    }
    return items;
}

void Unit::addToJournal(std::int64_t batch, std::span<const JournalRecord> items)
{
    for (const JournalRecord& item : items)
        db_.exec("INSERT INTO import_batch_records (batch, kind, record_id, version) VALUES ($1, "
                 "$2, $3, $4)",
                 pg::Params()
                     .add(batch)
                     .add(std::string(recordTypeName(item.kind)))
                     .add(item.recordId)
                     .add(item.version));
}

void Unit::addToJournal(std::int64_t batch, std::span<const JournalInvoice> items)
{
    if (items.empty())
        return;
    db_.copyIn("COPY import_batch_invoices (batch, invoice_id, created, version, old_issue_date, "
               "old_due_date, old_net, old_tax, old_total, old_currency, old_status) FROM STDIN",
               [&, next = std::size_t{0}](std::string& out) mutable
               {
                   const JournalInvoice& item = items[next];
                   pg::CopyRow row(out);
                   row.add(batch).add(item.invoiceId).add(boolText(item.created)).add(item.version);
                   if (const std::optional<Invoice>& before = item.before)
                       row.add(before->issueDate)
                           .add(before->dueDate)
                           .add(before->net)
                           .add(before->tax)
                           .add(before->total)
                           .add(before->currency)
                           .add(statusName(before->status));
                   else
                       for (int column = 0; column < 7; ++column)
                           row.addNull();
                   row.end();
                   return ++next < items.size();
               });
}

void Unit::rebaseJournal(JournalOf of, std::int64_t recordId, std::int64_t fromVersion,
                         std::int64_t toVersion, std::span<const std::int64_t> batches)
{
    if (batches.empty())
        return;
    // One statement for every batch: a primary-key lookup each (usually none or one).
    db_.exec(
        of == JournalOf::Clients
            ? "UPDATE import_batch_clients SET version = $3 WHERE batch = ANY ($4::bigint[]) "
              "AND client_id = $1 AND version = $2"
            : "UPDATE import_batch_invoices SET version = $3 WHERE batch = ANY "
              "($4::bigint[]) AND invoice_id = $1 AND version = $2",
        pg::Params().add(recordId).add(fromVersion).add(toVersion).add(pg::bigintArray(batches)));
}

void Unit::markBatchUndone(std::int64_t batch, std::string_view at)
{
    db_.exec("UPDATE import_batches SET undone_at = $2 WHERE id = $1",
             pg::Params().add(batch).add(at));
}

// ------------------------------------------------------------------------- mappings

std::optional<std::string> Unit::mapping(std::string_view key)
{
    const pg::Result row =
        db_.exec("SELECT mapping FROM import_mappings WHERE key = $1", pg::Params().add(key));
    if (row.empty())
        return std::nullopt;
    return row.text(0, 0);
}

void Unit::setMapping(std::string_view key, std::string_view mapping, std::string_view at)
{
    if (mapping.empty())
    {
        db_.exec("DELETE FROM import_mappings WHERE key = $1", pg::Params().add(key));
        return;
    }
    db_.exec("INSERT INTO import_mappings (key, mapping, updated_at) VALUES ($1, $2, $3) ON "
             "CONFLICT (key) DO UPDATE SET mapping = excluded.mapping, updated_at = "
             "excluded.updated_at",
             pg::Params().add(key).add(mapping).add(at));
}

} // namespace clientes::postgres
