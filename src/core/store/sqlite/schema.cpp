// The register file's schema: versions 1 to 4 and the migrations between them, the header
// check, and the client tags (schema v3).

#include "core/rules/validation.hpp"
#include "core/store/sqlite/store_internal.hpp"
#include "core/text/text_fold.hpp"

#include <functional>
#include <system_error>

namespace clientes::sqlite
{

namespace fs = std::filesystem;
using sql::Database;
using sql::Transaction;

namespace
{

// "Clie" — marks the file as ours, so a foreign SQLite file is never migrated.
constexpr std::int64_t kApplicationId = 0x436C6965;

using Migration = std::function<void(Database&, RowTicker&)>;

void migrateToV1(Database& db, RowTicker&)
{
    db.exec(R"sql(
CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL COLLATE NOCASE UNIQUE,
    legal_name TEXT NOT NULL,
    trade_name TEXT NOT NULL DEFAULT '',
    tax_id TEXT NOT NULL DEFAULT '',
    tax_id_norm TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX clients_tax_id_norm ON clients (tax_id_norm);
CREATE INDEX clients_archived ON clients (id) WHERE archived = 1;
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('client_code', 0);
)sql");
}

void migrateToV2(Database& db, RowTicker& ticker)
{
    db.exec(R"sql(
ALTER TABLE clients ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
CREATE INDEX clients_sort ON clients (sort_key);
CREATE VIRTUAL TABLE clients_fts USING fts5 (
    legal_name, trade_name, tax_id, city, email, code, keys, state,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '1 2 3'
);
INSERT INTO clients_fts (clients_fts, rank) VALUES ('rank', 'bm25(10, 4, 6, 2, 2, 6, 6, 0)');
)sql");
    // Existing rows get their sort key, normalised tax ID and search row computed in C++, by
    // the same code that maintains them on every write.
    std::vector<Client> clients;
    {
        auto rows =
            db.query("SELECT " + std::string(kClientColumnsV2) + " FROM clients ORDER BY id");
        while (rows->step())
            clients.push_back(readClient(*rows, false));
    }
    std::size_t done = 0;
    for (const Client& client : clients)
    {
        ticker.tick(done++);
        const std::string taxIdNorm = normalizeTaxId(client.taxId, client.country);
        auto update = db.query("UPDATE clients SET sort_key = ?2, tax_id_norm = ?3 WHERE id = ?1");
        update->bind(1, client.id);
        update->bind(2, foldForSearch(client.legalName));
        update->bind(3, taxIdNorm);
        update->run();
        writeSearchRow(db, client, taxIdNorm);
    }
}

// Foreign keys: contacts, tags and activity belong to the client and go with it (CASCADE);
// projects, tasks, orders, invoices, deals and files keep a client from being deleted
// (RESTRICT; deleteClient() checks first and explains). Time entries go with their project,
// file contents with their file. Every child table has an index leading with its parent key
// (the foreign key checks need it); the summary's indexes cover its queries.
void migrateToV3(Database& db, RowTicker&)
{
    db.exec(R"sql(
ALTER TABLE clients ADD COLUMN kind TEXT NOT NULL DEFAULT ''
    CHECK (kind IN ('', 'company', 'person'));
ALTER TABLE clients ADD COLUMN payment_terms INTEGER
    CHECK (payment_terms IS NULL OR payment_terms BETWEEN 0 AND 365);
ALTER TABLE clients ADD COLUMN currency TEXT NOT NULL DEFAULT '';

CREATE TABLE client_tags (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    tag_key TEXT NOT NULL,
    PRIMARY KEY (client_id, position)
) WITHOUT ROWID;
CREATE INDEX client_tags_key ON client_tags (tag_key, client_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_client ON contacts (client_id);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX projects_client ON projects (client_id, status);

CREATE TABLE time_entries (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX time_entries_project ON time_entries (project_id, date);
CREATE INDEX time_entries_client ON time_entries (client_id, hours);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    due_date TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tasks_client ON tasks (client_id, status, due_date);

CREATE TABLE purchase_orders (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    number TEXT NOT NULL,
    date TEXT NOT NULL DEFAULT '',
    amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX purchase_orders_client ON purchase_orders (client_id, currency, status, amount);

CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    number TEXT NOT NULL COLLATE NOCASE UNIQUE,
    issue_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    net INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    total INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'authorised', 'paid')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (total = net + tax)
);
CREATE INDEX invoices_client ON invoices (client_id, currency, status, due_date, total);

CREATE TABLE deals (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    title TEXT NOT NULL DEFAULT '',
    number TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
    currency TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT 'draft'
        CHECK (stage IN ('draft', 'sent', 'accepted', 'rejected')),
    valid_until TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX deals_client ON deals (client_id, currency, stage, amount);

CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    name TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX files_client ON files (client_id, size);
-- The bytes apart, so that listing files never reads them.
CREATE TABLE file_contents (
    file_id INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
    data BLOB NOT NULL
);

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_type TEXT NOT NULL DEFAULT '',
    record_id INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL DEFAULT '',
    batch_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_client ON activity (client_id, id);
CREATE TABLE activity_changes (
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    PRIMARY KEY (activity_id, position)
) WITHOUT ROWID;
)sql");
}

// What other systems keep of a client and a contact that earlier versions had no place for
// (issue 14): the client's mobile phone and second address line, the contact's mobile.
void migrateToV4(Database& db, RowTicker&)
{
    db.exec(R"sql(
ALTER TABLE clients ADD COLUMN mobile TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN street2 TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN mobile TEXT NOT NULL DEFAULT '';
)sql");
}

// A client's other addresses (billing, shipping, other) and its bank accounts (issue 14). They
// belong to the client and go with it, as its contacts do. Addresses list in type order
// ('billing' < 'other' < 'shipping' as words; the list shows the type).
void migrateToV5(Database& db, RowTicker&)
{
    db.exec(R"sql(
CREATE TABLE addresses (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    type TEXT NOT NULL DEFAULT 'billing' CHECK (type IN ('billing', 'shipping', 'other')),
    name TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    street2 TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX addresses_client ON addresses (client_id, type);

CREATE TABLE bank_accounts (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    iban TEXT NOT NULL,
    bic TEXT NOT NULL DEFAULT '',
    holder TEXT NOT NULL DEFAULT '',
    bank TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bank_accounts_client ON bank_accounts (client_id);
)sql");
    // The journal of the contacts an import added (version 4) holds every kind of record now.
    if (db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'import_batch_contacts'") != 0)
        db.exec(std::string(kImportBatchRecords) + R"sql(
INSERT INTO import_batch_records (batch, kind, record_id, version)
    SELECT batch, 'contact', contact_id, version FROM import_batch_contacts;
DROP TABLE import_batch_contacts;
)sql");
}

// Index i brings the schema from version i to version i + 1.
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {migrateToV1, migrateToV2, migrateToV3, migrateToV4,
                                                migrateToV5};
    return list;
}

void backupDatabase(Database& source, const fs::path& target)
{
    const std::string targetName = target.string();
    std::error_code ignored;
    fs::remove(target, ignored); // a stale backup of the same version is replaced
    fs::remove(targetName + "-wal", ignored);
    fs::remove(targetName + "-shm", ignored);
    createPrivateFile(target);
    Database copy(targetName);
    sqlite3_backup* backup = sqlite3_backup_init(copy.handle(), "main", source.handle(), "main");
    if (backup == nullptr)
        copy.fail(sqlite3_errcode(copy.handle()), "backup to " + targetName);
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE)
        throw sql::makeError(stepped, nullptr, source.path(), "backup to " + targetName);
    if (finished != SQLITE_OK)
        copy.fail(finished, "backup to " + targetName);
}

} // namespace

void migrate(Database& db, const fs::path& file, WorkProgress* progress)
{
    const std::int64_t current = db.scalar("PRAGMA user_version");
    // A new file is made, not migrated: nothing to tell.
    const bool older = current > 0 && current < kSchemaVersion;
    const auto clients =
        older ? static_cast<std::size_t>(db.scalar("SELECT count(*) FROM clients")) : 0;
    RowTicker ticker(older ? progress : nullptr, WorkStage::Migrating, clients, 512, false);
    if (older && progress)
        progress->report(WorkStage::Migrating, 0, clients);
    if (older)
        backupDatabase(db, fs::path(file.string() + ".backup-v" + std::to_string(current)));
    for (std::int64_t target = current + 1; target <= kSchemaVersion; ++target)
    {
        Transaction transaction(db);
        // Another process may have migrated while this one waited for the write lock.
        if (db.scalar("PRAGMA user_version") >= target)
            continue;
        migrations().at(static_cast<std::size_t>(target - 1))(db, ticker);
        db.exec("PRAGMA user_version = " + std::to_string(target) +
                "; PRAGMA application_id = " + std::to_string(kApplicationId));
        transaction.commit();
    }
    if (older && progress)
        progress->report(WorkStage::Migrating, clients, clients);
}

void checkHeader(Database& db)
{
    // Reading the header and the schema makes a non-database or truncated file fail here.
    const std::int64_t version = db.scalar("PRAGMA user_version");
    const std::int64_t applicationId = db.scalar("PRAGMA application_id");
    const std::int64_t objects = db.scalar("SELECT count(*) FROM sqlite_schema");
    if (applicationId != 0 && applicationId != kApplicationId)
        throw StoreError(StoreError::Kind::NotADatabase, db.path(),
                         "the file belongs to another application");
    if (version == 0 && objects != 0)
        throw StoreError(StoreError::Kind::NotADatabase, db.path(),
                         "the file is a database of another application");
    if (version > kSchemaVersion)
        throw StoreError(StoreError::Kind::TooNew, db.path(),
                         "schema version " + std::to_string(version) + " is newer than " +
                             std::to_string(kSchemaVersion));
}

void writeTags(sql::Database& db, std::int64_t clientId, std::string_view tags)
{
    {
        auto remove = db.query("DELETE FROM client_tags WHERE client_id = ?1");
        remove->bind(1, clientId);
        remove->run();
    }
    std::int64_t position = 0;
    for (const std::string& tag : splitTags(tags))
    {
        const std::string key = tagKey(tag);
        auto insert = db.query("INSERT INTO client_tags (client_id, position, tag, tag_key) "
                               "VALUES (?1, ?2, ?3, ?4)");
        insert->bind(1, clientId);
        insert->bind(2, position++);
        insert->bind(3, tag);
        insert->bind(4, key);
        insert->run();
    }
}

std::string readTags(sql::Database& db, std::int64_t clientId)
{
    std::vector<std::string> tags;
    auto rows = db.query("SELECT tag FROM client_tags WHERE client_id = ?1 ORDER BY position");
    rows->bind(1, clientId);
    while (rows->step())
        tags.emplace_back(rows->textView(0));
    return joinTags(tags);
}

std::string tagKey(std::string_view tag)
{
    std::string key = foldForSearch(tag);
    return key.empty() ? std::string(tag) : key;
}

} // namespace clientes::sqlite
