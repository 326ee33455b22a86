// The SQLite store: import batches (the journal an undo reads) and remembered column
// mappings, in tables created by the first write that needs them; the tidying after a large
// write.

#include "core/store/sql_records.hpp"
#include "core/store/sqlite/store_internal.hpp"

namespace clientes::sqlite
{

namespace
{

using sql::Database;

// Bounds the background tidying of the search index after a bulk write (steps of 200 pages).
constexpr int kMaxMergeSteps = 2000;
// Full-text rows written per transaction after a bulk insert (about 30 ms each).
constexpr std::size_t kSearchRowsPerStep = 5000;

ImportKind kindFromName(std::string_view name)
{
    return name == "invoices" ? ImportKind::Invoices : ImportKind::Clients;
}

constexpr std::string_view kBatchColumns =
    "id, batch_id, kind, source, at, created, updated, unchanged, skipped, clients_created";

ImportBatchInfo readBatch(sql::Statement& row)
{
    ImportBatchInfo batch;
    batch.id = row.int64(0);
    batch.batchId = row.text(1);
    batch.kind = kindFromName(row.textView(2));
    batch.source = row.text(3);
    batch.at = row.text(4);
    batch.created = static_cast<std::size_t>(row.int64(5));
    batch.updated = static_cast<std::size_t>(row.int64(6));
    batch.unchanged = static_cast<std::size_t>(row.int64(7));
    batch.skipped = static_cast<std::size_t>(row.int64(8));
    batch.clientsCreated = static_cast<std::size_t>(row.int64(9));
    return batch;
}

} // namespace

// ------------------------------------------------------------------------- checkpoints

void SqliteStore::checkpointInBackground()
{
    if (checkpointer.joinable())
    {
        // A new bulk write: the previous tidying stops after its current step.
        checkpointer.request_stop();
        checkpointer.join();
    }
    checkpointer = std::jthread(
        [file = path.string()](std::stop_token stop) noexcept
        {
            try
            {
                Database db(file);
                sqlite3* handle = db.handle();
                sqlite3_busy_timeout(handle, 1000);
                // The log is synced by the checkpoint below, and a transaction lost to a
                // power cut is written again: its clients stay marked as waiting.
                db.exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768");
                // The full-text rows a bulk insert left for after its commit, in short
                // transactions: the store's connection waits a few milliseconds at most.
                for (bool more = true; more && !stop.stop_requested();)
                {
                    sql::Transaction transaction(db);
                    DeferredFtsMerge merge(db, kBulkRows);
                    more = writePendingSearchRows(db, kSearchRowsPerStep);
                    merge.restore();
                    transaction.commit();
                }
                // A bulk write leaves the search index in many small segments (merging is
                // deferred during it). Merged here in small steps, each its own short
                // transaction, the store's connection waits a few milliseconds at most;
                // otherwise the next writes would merge them, and a later import would pay
                // for a crisis merge of them all.
                for (int step = 0; step < kMaxMergeSteps && !stop.stop_requested(); ++step)
                {
                    const sqlite3_int64 before = sqlite3_total_changes64(handle);
                    if (sqlite3_exec(handle,
                                     "INSERT INTO clients_fts (clients_fts, rank) VALUES "
                                     "('merge', 200)",
                                     nullptr, nullptr, nullptr) != SQLITE_OK)
                        break;
                    if (sqlite3_total_changes64(handle) - before < 2) // no work left
                        break;
                }
                // PASSIVE: copies what it can without blocking the store's own connection,
                // which keeps reading and writing meanwhile; the next commits finish the job
                // otherwise.
                sqlite3_wal_checkpoint_v2(handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                          nullptr);
            }
            catch (...)
            {
                // Busy or failing: what is left is done by the next search (the full-text
                // rows), the next writes (merges) and the idle checkpointer.
            }
        });
}

// ------------------------------------------------------------------------- tables

bool SqliteStore::hasImportTables()
{
    return db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
                     "'import_batches'") != 0;
}

void SqliteStore::ensureImportTables()
{
    if (hasImportTables())
        return;
    // Client and invoice ids are not foreign keys: a record may be deleted later, and undo
    // then says so instead of the delete being refused.
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS import_batches (
    id INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('clients', 'invoices')),
    source TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    created INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    clients_created INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS import_batch_clients (
    batch INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL,
    created INTEGER NOT NULL CHECK (created IN (0, 1)),
    version INTEGER NOT NULL,
    activity_id INTEGER NOT NULL,
    PRIMARY KEY (batch, client_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS import_batch_invoices (
    batch INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    invoice_id INTEGER NOT NULL,
    created INTEGER NOT NULL CHECK (created IN (0, 1)),
    version INTEGER NOT NULL,
    old_issue_date TEXT,
    old_due_date TEXT,
    old_net INTEGER,
    old_tax INTEGER,
    old_total INTEGER,
    old_currency TEXT,
    old_status TEXT,
    PRIMARY KEY (batch, invoice_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS import_mappings (
    key TEXT PRIMARY KEY,
    mapping TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
)sql");
}

// ------------------------------------------------------------------------- batches

std::optional<ImportBatchInfo> Unit::newestBatch()
{
    if (!store_.hasImportTables())
        return std::nullopt;
    auto row = db_.query("SELECT " + std::string(kBatchColumns) +
                         " FROM import_batches WHERE undone_at = '' ORDER BY id DESC LIMIT 1");
    if (!row->step())
        return std::nullopt;
    return readBatch(*row);
}

std::vector<std::string> Unit::undoneBatchIds()
{
    std::vector<std::string> ids;
    if (!store_.hasImportTables())
        return ids;
    auto rows = db_.query("SELECT batch_id FROM import_batches WHERE undone_at <> '' ORDER BY id");
    while (rows->step())
        ids.push_back(rows->text(0));
    return ids;
}

std::vector<std::int64_t> Unit::undoableBatchesBefore(std::int64_t batch)
{
    std::vector<std::int64_t> ids;
    if (!store_.hasImportTables())
        return ids;
    auto rows = db_.query("SELECT id FROM import_batches WHERE undone_at = '' AND id < ?1");
    rows->bind(1, batch);
    while (rows->step())
        ids.push_back(rows->int64(0));
    return ids;
}

std::vector<JournalClientState> Unit::journalClients(std::int64_t batch,
                                                     std::span<const std::string> ignoredBatchIds)
{
    std::vector<JournalClientState> items;
    if (!store_.hasImportTables())
        return items;
    db_.enableBulkRows();
    using Value = sql::BulkRows::Value;
    sql::BulkRowsOf ignored(ignoredBatchIds.size(),
                            [&](std::size_t row, std::size_t) -> Value
                            { return Value::of(ignoredBatchIds[row]); });
    // One pass for the whole batch: the client as stored (LEFT JOIN: it may be gone), and for
    // created ones whether its history has entries after the import's own.
    auto rows = db_.query(
        "SELECT b.client_id, b.created, b.version, b.activity_id, c.id IS NOT NULL, c.version, "
        "c.code, c.legal_name, b.created = 1 AND EXISTS (SELECT 1 FROM activity AS a WHERE "
        "a.client_id = b.client_id AND a.id > b.activity_id AND a.batch_id NOT IN (SELECT c0 "
        "FROM bulk_rows(?2))) FROM import_batch_clients AS b LEFT JOIN clients AS c ON c.id = "
        "b.client_id WHERE b.batch = ?1 ORDER BY b.client_id");
    rows->bind(1, batch);
    rows->bindRows(2, ignored);
    while (rows->step())
    {
        JournalClientState state;
        state.item.clientId = rows->int64(0);
        state.item.created = rows->int64(1) != 0;
        state.item.version = rows->int64(2);
        state.item.activityId = rows->int64(3);
        state.exists = rows->int64(4) != 0;
        state.storedVersion = rows->int64(5);
        state.code = rows->text(6);
        state.legalName = rows->text(7);
        state.laterActivity = rows->int64(8) != 0;
        items.push_back(std::move(state));
    }
    return items;
}

std::vector<JournalInvoiceState> Unit::journalInvoices(std::int64_t batch)
{
    std::vector<JournalInvoiceState> items;
    if (!store_.hasImportTables())
        return items;
    auto rows = db_.query(
        "SELECT b.invoice_id, b.created, b.version, i.id IS NOT NULL, i.version, i.number, "
        "b.old_issue_date, b.old_due_date, b.old_net, b.old_tax, b.old_total, "
        "b.old_currency, b.old_status FROM import_batch_invoices AS b LEFT JOIN invoices AS "
        "i ON i.id = b.invoice_id WHERE b.batch = ?1 ORDER BY b.invoice_id");
    rows->bind(1, batch);
    while (rows->step())
    {
        JournalInvoiceState state;
        state.item.invoiceId = rows->int64(0);
        state.item.created = rows->int64(1) != 0;
        state.item.version = rows->int64(2);
        state.exists = rows->int64(3) != 0;
        state.storedVersion = rows->int64(4);
        state.number = rows->text(5);
        if (!state.item.created)
        {
            Invoice before;
            before.id = state.item.invoiceId;
            before.issueDate = rows->text(6);
            before.dueDate = rows->text(7);
            before.net = rows->int64(8);
            before.tax = rows->int64(9);
            before.total = rows->int64(10);
            before.currency = rows->text(11);
            before.status =
                invoiceStatusFromName(rows->textView(12)).value_or(InvoiceStatus::Draft);
            state.item.before = std::move(before);
        }
        items.push_back(std::move(state));
    }
    return items;
}

void Unit::insertBatch(ImportBatchInfo& batch)
{
    store_.ensureImportTables();
    auto insert = db_.query("INSERT INTO import_batches (batch_id, kind, source, at, created, "
                            "updated, unchanged, skipped, clients_created) VALUES (?1, ?2, ?3, "
                            "?4, ?5, ?6, ?7, ?8, ?9)");
    insert->bind(1, batch.batchId);
    insert->bind(2, importKindName(batch.kind));
    insert->bind(3, batch.source);
    insert->bind(4, batch.at);
    insert->bind(5, static_cast<std::int64_t>(batch.created));
    insert->bind(6, static_cast<std::int64_t>(batch.updated));
    insert->bind(7, static_cast<std::int64_t>(batch.unchanged));
    insert->bind(8, static_cast<std::int64_t>(batch.skipped));
    insert->bind(9, static_cast<std::int64_t>(batch.clientsCreated));
    insert->run();
    batch.id = db_.lastInsertId();
}

void Unit::addToJournal(std::int64_t batch, std::span<const JournalClient> items)
{
    if (items.empty())
        return;
    store_.ensureImportTables();
    db_.enableBulkRows();
    using Value = sql::BulkRows::Value;
    sql::BulkRowsOf rows(items.size(),
                         [&](std::size_t row, std::size_t column) -> Value
                         {
                             const JournalClient& item = items[row];
                             switch (column)
                             {
                             case 0:
                                 return Value::of(batch);
                             case 1:
                                 return Value::of(item.clientId);
                             case 2:
                                 return Value::of(std::int64_t{item.created ? 1 : 0});
                             case 3:
                                 return Value::of(item.version);
                             default:
                                 return Value::of(item.activityId);
                             }
                         });
    auto insert = db_.query("INSERT INTO import_batch_clients (batch, client_id, created, version, "
                            "activity_id) SELECT c0, c1, c2, c3, c4 FROM bulk_rows(?1)");
    insert->bindRows(1, rows);
    insert->run();
}

// Records added to clients already in the register: a table of its own, made when first
// needed (registers with an import journal from earlier versions have none).
std::vector<JournalRecordState> Unit::journalRecords(std::int64_t batch)
{
    std::vector<JournalRecordState> items;
    if (db_.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'import_batch_records'") == 0)
        return items;
    for (const sql_records::JournalKind& kind : sql_records::journalKinds())
    {
        auto rows =
            db_.query("SELECT b.record_id, b.version, r.id IS NOT NULL, r.version, " +
                      std::string(kind.label) + " FROM import_batch_records AS b LEFT JOIN " +
                      std::string(kind.table) +
                      " AS r ON r.id = b.record_id WHERE b.batch = ?1 AND b.kind = ?2 "
                      "ORDER BY b.record_id");
        rows->bind(1, batch);
        rows->bind(2, recordTypeName(kind.type));
        while (rows->step())
        {
            JournalRecordState state;
            state.item.kind = kind.type;
            state.item.recordId = rows->int64(0);
            state.item.version = rows->int64(1);
            state.exists = rows->int64(2) != 0;
            state.storedVersion = rows->isNull(3) ? 0 : rows->int64(3);
            state.name = rows->isNull(4) ? std::string() : rows->text(4);
            items.push_back(std::move(state));
        }
    }
    return items;
}

void Unit::addToJournal(std::int64_t batch, std::span<const JournalRecord> items)
{
    if (items.empty())
        return;
    store_.ensureImportTables();
    db_.exec(std::string(kImportBatchRecords));
    auto insert = db_.query("INSERT INTO import_batch_records (batch, kind, record_id, version) "
                            "VALUES (?1, ?2, ?3, ?4)");
    for (const JournalRecord& item : items)
    {
        insert->bind(1, batch);
        insert->bind(2, recordTypeName(item.kind));
        insert->bind(3, item.recordId);
        insert->bind(4, item.version);
        insert->run();
        insert->reset();
    }
}

void Unit::addToJournal(std::int64_t batch, std::span<const JournalInvoice> items)
{
    store_.ensureImportTables();
    for (const JournalInvoice& item : items)
    {
        auto insert =
            db_.query("INSERT INTO import_batch_invoices (batch, invoice_id, created, version, "
                      "old_issue_date, old_due_date, old_net, old_tax, old_total, old_currency, "
                      "old_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        insert->bind(1, batch);
        insert->bind(2, item.invoiceId);
        insert->bind(3, std::int64_t{item.created ? 1 : 0});
        insert->bind(4, item.version);
        if (const std::optional<Invoice>& before = item.before)
        {
            insert->bind(5, before->issueDate);
            insert->bind(6, before->dueDate);
            insert->bind(7, before->net);
            insert->bind(8, before->tax);
            insert->bind(9, before->total);
            insert->bind(10, before->currency);
            insert->bind(11, statusName(before->status));
        }
        insert->run();
    }
}

void Unit::rebaseJournal(JournalOf of, std::int64_t recordId, std::int64_t fromVersion,
                         std::int64_t toVersion, std::span<const std::int64_t> batches)
{
    // One primary-key lookup per batch (usually none or one).
    for (std::int64_t batch : batches)
    {
        auto update = db_.query(of == JournalOf::Clients
                                    ? "UPDATE import_batch_clients SET version = ?3 WHERE batch = "
                                      "?4 AND client_id = ?1 AND version = ?2"
                                    : "UPDATE import_batch_invoices SET version = ?3 WHERE batch "
                                      "= ?4 AND invoice_id = ?1 AND version = ?2");
        update->bind(1, recordId);
        update->bind(2, fromVersion);
        update->bind(3, toVersion);
        update->bind(4, batch);
        update->run();
    }
}

void Unit::markBatchUndone(std::int64_t batch, std::string_view at)
{
    auto done = db_.query("UPDATE import_batches SET undone_at = ?2 WHERE id = ?1");
    done->bind(1, batch);
    done->bind(2, at);
    done->run();
}

// ------------------------------------------------------------------------- mappings

std::optional<std::string> Unit::mapping(std::string_view key)
{
    if (!store_.hasImportTables())
        return std::nullopt;
    auto row = db_.query("SELECT mapping FROM import_mappings WHERE key = ?1");
    row->bind(1, key);
    if (!row->step())
        return std::nullopt;
    return row->text(0);
}

void Unit::setMapping(std::string_view key, std::string_view mapping, std::string_view at)
{
    if (mapping.empty())
    {
        if (!store_.hasImportTables())
            return;
        auto remove = db_.query("DELETE FROM import_mappings WHERE key = ?1");
        remove->bind(1, key);
        remove->run();
        return;
    }
    store_.ensureImportTables();
    auto upsert = db_.query("INSERT INTO import_mappings (key, mapping, updated_at) VALUES "
                            "(?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET mapping = "
                            "excluded.mapping, updated_at = excluded.updated_at");
    upsert->bind(1, key);
    upsert->bind(2, mapping);
    upsert->bind(3, at);
    upsert->run();
}

} // namespace clientes::sqlite
