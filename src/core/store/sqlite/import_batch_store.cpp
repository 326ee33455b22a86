// ClientStore: import batches — atomic commits of imports, their undo, remembered mappings.
//
// The batch tables are created the first time an import writes (not when the file is opened:
// opening must not need the write lock). They are additions that older versions of the
// extension simply do not read, so the schema version stays as it is.

#include "core/store/sqlite/client_store.hpp"

#include "core/rules/validation.hpp"
#include "core/store/sqlite/profile_store_internal.hpp"

#include <boost/uuid/uuid_io.hpp>

#include <algorithm>
#include <exception>
#include <thread>

namespace clientes
{

namespace
{

using sql::Database;
using sql::Transaction;

// Bigger page cache while a large import writes: the FTS index and the B-trees of 100,000
// rows do not fit SQLite's default 2 MB, and spilling them mid-transaction costs seconds.
constexpr int kBulkCacheKiB = 64 * 1024;
constexpr std::size_t kBulkRows = 2000;
// Bounds the background tidying of the search index after a bulk write (steps of 200 pages).
constexpr int kMaxMergeSteps = 2000;

class BulkCache
{
public:
    // The checkpoint at commit is left to Impl::checkpointInBackground (call it after the
    // transaction): copying 100 MB of log into the database is no part of the import.
    BulkCache(Database& db, std::size_t rows) : db_(db), active_(rows >= kBulkRows)
    {
        if (!active_)
            return;
        previous_ = db_.scalar("PRAGMA cache_size");
        previousCheckpoint_ = db_.scalar("PRAGMA wal_autocheckpoint");
        db_.exec("PRAGMA cache_size = -" + std::to_string(kBulkCacheKiB) +
                 "; PRAGMA wal_autocheckpoint = 0");
    }
    ~BulkCache()
    {
        if (!active_)
            return;
        // Shrinking the cache gives the memory back at once.
        sqlite3_exec(db_.handle(),
                     ("PRAGMA cache_size = " + std::to_string(previous_) +
                      "; PRAGMA wal_autocheckpoint = " + std::to_string(previousCheckpoint_))
                         .c_str(),
                     nullptr, nullptr, nullptr);
    }
    bool active() const { return active_; }
    BulkCache(const BulkCache&) = delete;
    BulkCache& operator=(const BulkCache&) = delete;

private:
    Database& db_;
    bool active_;
    std::int64_t previous_ = 0;
    std::int64_t previousCheckpoint_ = 1000;
};

// Around a bulk write's transaction (set before it begins: SQLite refuses inside one): the
// commit does not wait for the disk (synchronous = NORMAL saves 0.15 s of a 100,000-row
// import); the background checkpoint that follows syncs the log first, and so does the next
// ordinary commit. A power cut in those seconds rolls the whole batch back, never a part of
// it (WAL commits stay atomic); an office crash loses nothing.
class BulkDurability
{
public:
    BulkDurability(Database& db, std::size_t rows) : db_(db), active_(rows >= kBulkRows)
    {
        if (!active_)
            return;
        previous_ = db_.scalar("PRAGMA synchronous");
        db_.exec("PRAGMA synchronous = NORMAL");
    }
    ~BulkDurability()
    {
        if (active_)
            sqlite3_exec(db_.handle(),
                         ("PRAGMA synchronous = " + std::to_string(previous_)).c_str(), nullptr,
                         nullptr, nullptr);
    }
    BulkDurability(const BulkDurability&) = delete;
    BulkDurability& operator=(const BulkDurability&) = delete;

private:
    Database& db_;
    bool active_;
    std::int64_t previous_ = 2; // FULL
};

// Inside a bulk write's transaction: FTS5 merges its index segments as it goes ("automerge"),
// which costs a third of a 100,000-row insert; the merge is left to the writes that follow
// (searches over the unmerged segments measured as fast). Restored before the commit.
class DeferredFtsMerge
{
public:
    DeferredFtsMerge(Database& db, std::size_t rows) : db_(db), active_(rows >= kBulkRows)
    {
        if (!active_)
            return;
        auto row = db_.query("SELECT v FROM clients_fts_config WHERE k = 'automerge'");
        if (row->step())
            previous_ = row->int64(0);
        set(0);
    }
    void restore()
    {
        if (active_)
            set(previous_);
        active_ = false;
    }

private:
    void set(std::int64_t value)
    {
        auto config =
            db_.query("INSERT INTO clients_fts (clients_fts, rank) VALUES ('automerge', ?1)");
        config->bind(1, value);
        config->run();
    }

    Database& db_;
    bool active_;
    std::int64_t previous_ = 4; // FTS5's default
};

// Undo deletes thousands of clients it created; with foreign keys on, SQLite checks seven
// tables that must not refer to each (projects, invoices…) and cascades into three more, row
// by row: three quarters of the time. The undo deletes the dependent rows itself and checks
// the references once at the end instead. (The pragma only takes effect outside a
// transaction: construct this before the Transaction.)
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(Database& db)
        : db_(db), repair_(db.registerRepair("PRAGMA foreign_keys = ON"))
    {
        db_.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff()
    {
        // Left off (out of memory), deleting a client would leave its tags and contacts
        // behind for the next client given its id: the next write turns them on first.
        if (sqlite3_exec(db_.handle(), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr) !=
            SQLITE_OK)
            db_.markRepairDue(repair_);
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

    // Throws (rolling the caller's transaction back) when a record still refers to a client
    // that is gone. A client created by an import that got records since was refused before
    // (its history shows them), so this is a safety net.
    static void checkClientReferences(Database& db, const std::string& path)
    {
        for (const char* table :
             {"projects", "time_entries", "tasks", "purchase_orders", "invoices", "deals", "files"})
        {
            auto check = db.query(std::string("PRAGMA foreign_key_check(") + table + ")");
            if (check->step())
                throw StoreError(StoreError::Kind::Conflict, path,
                                 std::string("undo would orphan rows of ") + table);
        }
    }

private:
    Database& db_;
    std::size_t repair_;
};

void checkClient(Client& client)
{
    tidy(client);
    std::vector<FieldIssue> issues = validate(client);
    if (!issues.empty())
        throw ValidationError(std::move(issues));
}

// checkClient over many clients, on two threads when there are many: before the lock, so the
// second core does half the tidying while nothing else can use it. Throws the first failure
// in client order.
void checkClients(std::vector<Client>& clients)
{
    const std::size_t half = clients.size() / 2;
    if (half < kBulkRows)
    {
        for (Client& client : clients)
            checkClient(client);
        return;
    }
    std::exception_ptr secondFailure;
    std::thread second(
        [&]
        {
            try
            {
                for (std::size_t i = half; i < clients.size(); ++i)
                    checkClient(clients[i]);
            }
            catch (...)
            {
                secondFailure = std::current_exception();
            }
        });
    std::exception_ptr firstFailure;
    try
    {
        for (std::size_t i = 0; i < half; ++i)
            checkClient(clients[i]);
    }
    catch (...)
    {
        firstFailure = std::current_exception();
    }
    second.join();
    if (firstFailure)
        std::rethrow_exception(firstFailure);
    if (secondFailure)
        std::rethrow_exception(secondFailure);
}

// The batch's items for clients it created, in one INSERT … SELECT.
void recordCreatedClients(Database& db, std::int64_t batch, const std::vector<Client>& clients,
                          const std::vector<std::int64_t>& activityIds)
{
    db.enableBulkRows();
    using Value = sql::BulkRows::Value;
    sql::BulkRowsOf rows(clients.size(),
                         [&](std::size_t row, std::size_t column) -> Value
                         {
                             switch (column)
                             {
                             case 0:
                                 return Value::of(batch);
                             case 1:
                                 return Value::of(clients[row].id);
                             default:
                                 return Value::of(activityIds[row]);
                             }
                         });
    auto insert = db.query("INSERT INTO import_batch_clients (batch, client_id, created, version, "
                           "activity_id) SELECT c0, c1, 1, 1, c2 FROM bulk_rows(?1)");
    insert->bindRows(1, rows);
    insert->run();
}

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

std::optional<ImportBatchInfo> newestBatch(Database& db)
{
    auto row = db.query("SELECT " + std::string(kBatchColumns) +
                        " FROM import_batches WHERE undone_at = '' ORDER BY id DESC LIMIT 1");
    if (!row->step())
        return std::nullopt;
    return readBatch(*row);
}

void insertBatch(Database& db, ImportBatchInfo& batch)
{
    auto insert = db.query("INSERT INTO import_batches (batch_id, kind, source, at, created, "
                           "updated, unchanged, skipped, clients_created) VALUES (?1, ?2, ?3, ?4, "
                           "?5, ?6, ?7, ?8, ?9)");
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
    batch.id = db.lastInsertId();
}

void recordClientItem(Database& db, std::int64_t batch, std::int64_t clientId, bool created,
                      std::int64_t version, std::int64_t activityId)
{
    auto insert = db.query("INSERT INTO import_batch_clients (batch, client_id, created, version, "
                           "activity_id) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert->bind(1, batch);
    insert->bind(2, clientId);
    insert->bind(3, std::int64_t{created ? 1 : 0});
    insert->bind(4, version);
    insert->bind(5, activityId);
    insert->run();
}

// An invoice item; `before` is the invoice as it was (updates) or nothing (creations).
void recordInvoiceItem(Database& db, std::int64_t batch, const Invoice& after,
                       const Invoice* before)
{
    auto insert = db.query(
        "INSERT INTO import_batch_invoices (batch, invoice_id, created, version, old_issue_date, "
        "old_due_date, old_net, old_tax, old_total, old_currency, old_status) VALUES (?1, ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insert->bind(1, batch);
    insert->bind(2, after.id);
    insert->bind(3, std::int64_t{before == nullptr ? 1 : 0});
    insert->bind(4, after.version);
    if (before != nullptr)
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

std::string newBatchId(boost::uuids::random_generator& uuids)
{
    return boost::uuids::to_string(uuids());
}

std::string clientLabel(std::string_view code, std::string_view legalName)
{
    std::string label(code);
    if (!legalName.empty())
    {
        label += ' ';
        label += legalName;
    }
    return label;
}

} // namespace

// ------------------------------------------------------------------------- checkpoints

void ClientStore::Impl::checkpointInBackground()
{
    if (checkpointer.joinable())
    {
        // A new bulk write: the previous tidying stops after its current step.
        checkpointer.request_stop();
        checkpointer.join();
    }
    checkpointer = std::jthread(
        [file = path.string()](std::stop_token stop)
        {
            sqlite3* db = nullptr;
            if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                                nullptr) == SQLITE_OK)
            {
                sqlite3_busy_timeout(db, 1000);
                // A bulk write leaves the search index in many small segments (merging is
                // deferred during it). Merged here in small steps, each its own short
                // transaction, the store's connection waits a few milliseconds at most;
                // otherwise the next writes would merge them, and a later import would
                // pay for a crisis merge of them all.
                for (int step = 0; step < kMaxMergeSteps && !stop.stop_requested(); ++step)
                {
                    const sqlite3_int64 before = sqlite3_total_changes64(db);
                    if (sqlite3_exec(db,
                                     "INSERT INTO clients_fts (clients_fts, rank) VALUES "
                                     "('merge', 200)",
                                     nullptr, nullptr, nullptr) != SQLITE_OK)
                        break;
                    if (sqlite3_total_changes64(db) - before < 2) // no work left
                        break;
                }
                // PASSIVE: copies what it can without blocking the store's own connection,
                // which keeps reading and writing meanwhile; the next commits finish the job
                // otherwise.
                sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            }
            sqlite3_close(db);
        });
}

// ------------------------------------------------------------------------- tables

bool ClientStore::Impl::hasImportTables()
{
    return db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
                     "'import_batches'") != 0;
}

void ClientStore::Impl::ensureImportTables()
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

// ------------------------------------------------------------------------- commits

ImportCommitResult ClientStore::commitClientImport(ClientImportCommit commit)
{
    checkClients(commit.creates);
    checkClients(commit.updates);
    ImportCommitResult result;
    result.batch.kind = ImportKind::Clients;
    result.batch.source = commit.source;
    result.batch.unchanged = commit.unchanged;
    result.batch.skipped = commit.skipped;
    if (commit.creates.empty() && commit.updates.empty())
        return result; // nothing to write: the register stays exactly as it is
    result.batch.created = commit.creates.size();
    result.batch.updated = commit.updates.size();

    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    BulkCache cache(db, commit.creates.size() + commit.updates.size());
    BulkDurability durability(db, commit.creates.size() + commit.updates.size());
    Transaction transaction(db);
    impl_->ensureImportTables();
    DeferredFtsMerge merge(db, commit.creates.size() + commit.updates.size());
    const std::string now = detail::nowUtc();
    result.batch.at = now;
    result.batch.batchId = newBatchId(impl_->uuids);
    insertBatch(db, result.batch);
    for (Client& client : commit.updates)
    {
        std::optional<Client> stored = impl_->clientWhere("id = ?1", client.id);
        if (!stored)
            throw NotFound("id " + std::to_string(client.id));
        if (stored->version != client.version)
            throw ConflictError(impl_->path.string(), std::move(*stored));
        const std::int64_t activityId = impl_->rewriteClient(
            client, *stored, now, ActivityKind::Imported, result.batch.batchId);
        recordClientItem(db, result.batch.id, client.id, false, client.version, activityId);
    }
    std::vector<std::int64_t> activityIds;
    impl_->insertImported(commit.creates, now, result.batch.batchId, activityIds);
    recordCreatedClients(db, result.batch.id, commit.creates, activityIds);
    result.createdIds.reserve(commit.creates.size());
    for (const Client& client : commit.creates)
        result.createdIds.push_back(client.id);
    merge.restore();
    transaction.commit();
    if (cache.active())
        impl_->checkpointInBackground();
    return result;
}

ImportCommitResult ClientStore::commitInvoiceImport(InvoiceImportCommit commit)
{
    checkClients(commit.newClients);
    ImportCommitResult result;
    result.batch.kind = ImportKind::Invoices;
    result.batch.source = commit.source;
    result.batch.unchanged = commit.unchanged;
    result.batch.skipped = commit.skipped;
    if (commit.creates.empty() && commit.updates.empty())
        return result;
    result.batch.created = commit.creates.size();
    result.batch.updated = commit.updates.size();
    result.batch.clientsCreated = commit.newClients.size();

    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    BulkCache cache(db, commit.creates.size() + commit.updates.size());
    BulkDurability durability(db, commit.creates.size() + commit.updates.size());
    Transaction transaction(db);
    impl_->ensureImportTables();
    DeferredFtsMerge merge(db, commit.newClients.size());
    const std::string now = detail::nowUtc();
    result.batch.at = now;
    result.batch.batchId = newBatchId(impl_->uuids);
    insertBatch(db, result.batch);
    std::vector<std::int64_t> activityIds;
    impl_->insertImported(commit.newClients, now, result.batch.batchId, activityIds);
    if (!commit.newClients.empty())
        recordCreatedClients(db, result.batch.id, commit.newClients, activityIds);
    for (Invoice& changed : commit.updates)
    {
        const std::optional<Invoice> stored = impl_->invoiceById(changed.id);
        if (!stored)
            throw NotFound(recordTypeName(RecordType::Invoice), changed.id);
        if (stored->version != changed.version)
            throw RecordConflict<Invoice>(impl_->path.string(), *stored);
        const Invoice written =
            impl_->rewriteInvoice(std::move(changed), *stored, now, result.batch.batchId);
        recordInvoiceItem(db, result.batch.id, written, &*stored);
    }
    result.createdIds.reserve(commit.creates.size());
    for (ImportedInvoice& item : commit.creates)
    {
        if (item.newClient != ImportedInvoice::npos)
            item.invoice.clientId = commit.newClients.at(item.newClient).id;
        const Invoice written =
            impl_->insertImportedInvoice(std::move(item.invoice), now, result.batch.batchId);
        recordInvoiceItem(db, result.batch.id, written, nullptr);
        result.createdIds.push_back(written.id);
    }
    merge.restore();
    transaction.commit();
    if (cache.active())
        impl_->checkpointInBackground();
    return result;
}

// ------------------------------------------------------------------------- undo

std::optional<ImportBatchInfo> ClientStore::lastImport()
{
    std::lock_guard lock(impl_->mutex);
    if (!impl_->hasImportTables())
        return std::nullopt;
    return newestBatch(impl_->db);
}

ImportUndoResult ClientStore::undoLastImport()
{
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    if (!impl_->hasImportTables())
        throw NothingToUndo();
    ForeignKeysOff foreignKeysOff(db);
    std::size_t rows = 0;
    if (const std::optional<ImportBatchInfo> newest = newestBatch(db))
        rows = newest->created + newest->updated + newest->clientsCreated;
    BulkDurability durability(db, rows);
    Transaction transaction(db);
    std::optional<ImportBatchInfo> batch = newestBatch(db);
    if (!batch)
        throw NothingToUndo();

    struct ClientItem
    {
        std::int64_t id;
        bool created;
        std::int64_t activityId;
        std::int64_t version; // right after the import
    };
    struct InvoiceItem
    {
        std::int64_t id;
        bool created;
        Invoice before;
        std::int64_t version;
    };
    std::vector<ClientItem> clients;
    std::vector<InvoiceItem> invoices;
    std::vector<UndoConflict> conflicts;
    std::size_t totalConflicts = 0;
    const auto conflict =
        [&](UndoConflict::What what, RecordType record, std::int64_t id, std::string label)
    {
        ++totalConflicts;
        if (conflicts.size() < ImportUndoRefused::kMaxListedConflicts)
            conflicts.push_back({what, record, id, std::move(label)});
    };
    {
        // Created clients must be untouched: same version and nothing in their history after
        // the import's own entries. Updated ones only need their version.
        auto rows = db.query(
            "SELECT b.client_id, b.created, b.version, b.activity_id, c.id IS NULL, c.version, "
            "c.code, c.legal_name, b.created = 1 AND EXISTS (SELECT 1 FROM activity AS a WHERE "
            "a.client_id = b.client_id AND a.id > b.activity_id AND a.batch_id <> ?2 AND "
            "a.batch_id NOT IN (SELECT batch_id FROM import_batches WHERE undone_at <> '' UNION "
            "ALL SELECT 'undo:' || batch_id FROM import_batches WHERE undone_at <> '')) "
            "FROM import_batch_clients AS b LEFT JOIN clients AS c ON c.id = b.client_id "
            "WHERE b.batch = ?1 ORDER BY b.client_id");
        rows->bind(1, batch->id);
        rows->bind(2, batch->batchId);
        while (rows->step())
        {
            const std::int64_t id = rows->int64(0);
            const bool created = rows->int64(1) != 0;
            const std::string label = clientLabel(rows->textView(6), rows->textView(7));
            if (rows->int64(4) != 0)
                conflict(UndoConflict::What::Deleted, RecordType::Note, id,
                         "id " + std::to_string(id));
            else if (rows->int64(5) != rows->int64(2))
                conflict(UndoConflict::What::Changed, RecordType::Note, id, label);
            else if (rows->int64(8) != 0)
                conflict(UndoConflict::What::NewActivity, RecordType::Note, id, label);
            else
                clients.push_back({id, created, rows->int64(3), rows->int64(2)});
        }
    }
    {
        auto rows = db.query(
            "SELECT b.invoice_id, b.created, b.version, i.id IS NULL, i.version, i.number, "
            "b.old_issue_date, b.old_due_date, b.old_net, b.old_tax, b.old_total, "
            "b.old_currency, b.old_status FROM import_batch_invoices AS b LEFT JOIN invoices AS "
            "i ON i.id = b.invoice_id WHERE b.batch = ?1 ORDER BY b.invoice_id");
        rows->bind(1, batch->id);
        while (rows->step())
        {
            const std::int64_t id = rows->int64(0);
            if (rows->int64(3) != 0)
                conflict(UndoConflict::What::Deleted, RecordType::Invoice, id,
                         "id " + std::to_string(id));
            else if (rows->int64(4) != rows->int64(2))
                conflict(UndoConflict::What::Changed, RecordType::Invoice, id, rows->text(5));
            else
            {
                InvoiceItem item{id, rows->int64(1) != 0, {}, rows->int64(2)};
                if (!item.created)
                {
                    item.before.issueDate = rows->text(6);
                    item.before.dueDate = rows->text(7);
                    item.before.net = rows->int64(8);
                    item.before.tax = rows->int64(9);
                    item.before.total = rows->int64(10);
                    item.before.currency = rows->text(11);
                    item.before.status =
                        invoiceStatusFromName(rows->textView(12)).value_or(InvoiceStatus::Draft);
                }
                invoices.push_back(std::move(item));
            }
        }
    }
    if (totalConflicts > 0)
        throw ImportUndoRefused(std::move(*batch), std::move(conflicts), totalConflicts);

    BulkCache cache(db, clients.size() + invoices.size());
    DeferredFtsMerge merge(db, clients.size());
    const std::string now = detail::nowUtc();
    // The undo's own entries carry "undo:<batch>", so that they never count as a change made
    // since an earlier import.
    const std::string undoId = "undo:" + batch->batchId;
    // An update reverted gives the record back the state an earlier import left it in (this
    // batch updated it from that state, at version - 1): that import may still be undone, at
    // the record's new version.
    std::vector<std::int64_t> earlierBatches; // still undoable, older than this one
    {
        auto rows = db.query("SELECT id FROM import_batches WHERE undone_at = '' AND id < ?1");
        rows->bind(1, batch->id);
        while (rows->step())
            earlierBatches.push_back(rows->int64(0));
    }
    const auto handOver =
        [&](const char* table, const char* idColumn, std::int64_t id, std::int64_t versionAfter)
    {
        // One primary-key lookup per earlier batch (usually none or one).
        for (std::int64_t earlier : earlierBatches)
        {
            auto update = db.query(std::string("UPDATE ") + table +
                                   " SET version = ?3 WHERE batch = ?4 AND " + idColumn +
                                   " = ?1 AND version = ?2");
            update->bind(1, id);
            update->bind(2, versionAfter - 1);
            update->bind(3, versionAfter + 1);
            update->bind(4, earlier);
            update->run();
        }
    };
    for (const InvoiceItem& item : invoices)
    {
        const std::optional<Invoice> stored = impl_->invoiceById(item.id);
        if (!stored)
            continue; // checked above, inside the same transaction
        if (item.created)
        {
            impl_->deleteInvoice(*stored, now, undoId);
            continue;
        }
        Invoice restored = *stored;
        restored.issueDate = item.before.issueDate;
        restored.dueDate = item.before.dueDate;
        restored.net = item.before.net;
        restored.tax = item.before.tax;
        restored.total = item.before.total;
        restored.currency = item.before.currency;
        restored.status = item.before.status;
        impl_->rewriteInvoice(std::move(restored), *stored, now, undoId);
        handOver("import_batch_invoices", "invoice_id", item.id, item.version);
    }
    bool removesClients = false;
    for (const ClientItem& item : clients)
    {
        if (item.created)
        {
            removesClients = true;
            continue;
        }
        std::optional<Client> stored = impl_->clientWhere("id = ?1", item.id);
        if (!stored)
            continue;
        Client restored = *stored;
        {
            // The import's activity entry keeps every field it changed, old and new.
            auto changes = db.query("SELECT field, old_value FROM activity_changes WHERE "
                                    "activity_id = ?1 ORDER BY position");
            changes->bind(1, item.activityId);
            while (changes->step())
                if (const auto field = fieldFromName(changes->textView(0)))
                    restored.value(*field) = changes->text(1);
        }
        impl_->rewriteClient(restored, *stored, now, ActivityKind::Updated, undoId);
        handOver("import_batch_clients", "client_id", item.id, item.version);
    }
    if (removesClients)
    {
        impl_->deleteClients(
            "SELECT client_id FROM import_batch_clients WHERE batch = ?1 AND created = 1",
            batch->id);
        ForeignKeysOff::checkClientReferences(db, impl_->path.string());
    }
    merge.restore();
    {
        auto done = db.query("UPDATE import_batches SET undone_at = ?2 WHERE id = ?1");
        done->bind(1, batch->id);
        done->bind(2, now);
        done->run();
    }
    transaction.commit();
    if (cache.active())
        impl_->checkpointInBackground();
    ImportUndoResult result;
    result.reverted = batch->kind == ImportKind::Invoices ? invoices.size() : clients.size();
    result.batch = std::move(*batch);
    return result;
}

// ------------------------------------------------------------------------- mappings

std::optional<std::string> ClientStore::rememberedMapping(std::string_view key)
{
    std::lock_guard lock(impl_->mutex);
    if (!impl_->hasImportTables())
        return std::nullopt;
    auto row = impl_->db.query("SELECT mapping FROM import_mappings WHERE key = ?1");
    row->bind(1, key);
    if (!row->step())
        return std::nullopt;
    return row->text(0);
}

void ClientStore::rememberMapping(std::string_view key, std::string_view mapping)
{
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    if (mapping.empty() && !impl_->hasImportTables())
        return;
    Transaction transaction(db);
    impl_->ensureImportTables();
    if (mapping.empty())
    {
        auto remove = db.query("DELETE FROM import_mappings WHERE key = ?1");
        remove->bind(1, key);
        remove->run();
    }
    else
    {
        auto upsert = db.query("INSERT INTO import_mappings (key, mapping, updated_at) VALUES "
                               "(?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET mapping = "
                               "excluded.mapping, updated_at = excluded.updated_at");
        upsert->bind(1, key);
        upsert->bind(2, mapping);
        upsert->bind(3, detail::nowUtc());
        upsert->run();
    }
    transaction.commit();
}

} // namespace clientes
