// Schema version 3: the client's profile (kind, tags, payment terms, currency; contacts,
// projects, time entries, tasks, purchase orders, invoices, deals, files, activity).

#include "core/store/sqlite/profile_store_internal.hpp"
#include "core/text/text_fold.hpp"

namespace clientes::detail
{

// Foreign keys: contacts, tags and activity belong to the client and go with it (CASCADE);
// projects, tasks, orders, invoices, deals and files keep a client from being deleted
// (RESTRICT; deleteClient() checks first and explains). Time entries go with their project,
// file contents with their file. Every child table has an index leading with its parent key
// (the foreign key checks need it); the summary's indexes cover its queries.
void migrateToV3(sql::Database& db)
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
        std::string key = foldForSearch(tag);
        if (key.empty())
            key = tag;
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

} // namespace clientes::detail
