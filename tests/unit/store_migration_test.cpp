#include "core/register/register.hpp"
#include "core/rules/validation.hpp"
#include "core/store/sqlite/sqlite_store.hpp"
#include "core/transfer/work_progress.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <random>

namespace clientes
{

using test::makeClient;
using test::TempDir;
namespace fs = std::filesystem;

namespace
{

// The schema of version 1, as the first release wrote it.
constexpr const char* kSchemaV1 = R"sql(
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
INSERT INTO counters (name, value) VALUES ('client_code', 3);
INSERT INTO clients (uuid, code, legal_name, tax_id, tax_id_norm, country, city, email, archived,
                     created_at, updated_at)
VALUES
  ('6f1c1d2e-0000-4000-8000-000000000001', 'C-000001', 'Pérez-Díaz, S.L.', 'B-12345678', '',
   'ES', 'Sevilla', 'info@perezdiaz.es', 0, '2023-01-01T00:00:00.000Z', '2023-01-01T00:00:00.000Z'),
  ('6f1c1d2e-0000-4000-8000-000000000002', 'C-000002', 'Conceição & Irmãos, Lda.', 'PT 501 234 567',
   '501234567', 'PT', 'Lisboa', '', 0, '2023-01-02T00:00:00.000Z', '2023-01-02T00:00:00.000Z'),
  ('6f1c1d2e-0000-4000-8000-000000000003', 'C-000003', 'Antigua Ñandú', '', '', 'ES', 'Ávila', '',
   1, '2023-01-03T00:00:00.000Z', '2023-01-03T00:00:00.000Z');
PRAGMA application_id = 1131178341;
PRAGMA user_version = 1;
)sql";

// The schema of version 2 (search), as that release left it: version 1 plus the sort key and
// the full-text table, with rows written the way version 2 wrote them.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE clients ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
CREATE INDEX clients_sort ON clients (sort_key);
CREATE VIRTUAL TABLE clients_fts USING fts5 (
    legal_name, trade_name, tax_id, city, email, code, keys, state,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '1 2 3'
);
INSERT INTO clients_fts (clients_fts, rank) VALUES ('rank', 'bm25(10, 4, 6, 2, 2, 6, 6, 0)');
UPDATE clients SET tax_id_norm = 'B12345678', sort_key = 'perez diaz s l' WHERE id = 1;
UPDATE clients SET sort_key = 'conceicao irmaos lda' WHERE id = 2;
UPDATE clients SET sort_key = 'antigua nandu' WHERE id = 3;
INSERT INTO clients_fts (rowid, legal_name, trade_name, tax_id, city, email, code, keys, state)
VALUES
  (1, 'perez diaz s l', '', 'b 12345678', 'sevilla', 'info perezdiaz', 'c000001',
   'b12345678 12345678 esb12345678 c1 infoperezdiazes', 'active'),
  (2, 'conceicao irmaos lda', '', 'pt 501 234 567', 'lisboa', '', 'c000002',
   '501234567 pt501234567 c2', 'active'),
  (3, 'antigua nandu', '', '', 'avila', '', 'c000003', 'c3', 'archived');
UPDATE clients SET notes = 'Cliente desde 1998.', version = 4, updated_at = '2024-02-02T10:00:00.000Z'
WHERE id = 1;
PRAGMA user_version = 2;
)sql";

class RawDb
{
public:
    explicit RawDb(const fs::path& file) { EXPECT_EQ(sqlite3_open(file.c_str(), &db_), SQLITE_OK); }
    ~RawDb() { sqlite3_close(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void exec(const std::string& sql)
    {
        char* error = nullptr;
        EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
            << (error ? error : "");
        sqlite3_free(error);
    }

    std::string text(const std::string& sql)
    {
        sqlite3_stmt* stmt = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
        std::string value;
        if (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW)
        {
            const auto* data = sqlite3_column_text(stmt, 0);
            value = data ? reinterpret_cast<const char*>(data) : "";
        }
        sqlite3_finalize(stmt);
        return value;
    }

private:
    sqlite3* db_ = nullptr;
};

std::string fileBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

StoreError::Kind openError(const fs::path& file)
{
    try
    {
        Register store(file);
    }
    catch (const StoreError& error)
    {
        EXPECT_EQ(error.path, file.string());
        return error.kind;
    }
    ADD_FAILURE() << "expected StoreError for " << file;
    return StoreError::Kind::Io;
}

} // namespace

TEST(StoreMigration, NewFileGetsTheCurrentSchema)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        Register store(file);
        store.add(makeClient("Uno"));
    }
    RawDb raw(file);
    EXPECT_EQ(raw.text("PRAGMA user_version"), std::to_string(sqlite::kSchemaVersion));
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.text("SELECT count(*) FROM clients_fts"), "1");
    EXPECT_FALSE(fs::exists(dir / "c.db.backup-v0"));
    EXPECT_FALSE(fs::exists(dir / "c.db.backup-v1"));
}

TEST(StoreMigration, EmptyFileIsANewDatabase)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    std::ofstream(file).close();
    Register store(file);
    EXPECT_EQ(store.add(makeClient("Uno")).code, "C-000001");
}

TEST(StoreMigration, ReopeningKeepsDataWithoutBackup)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        Register store(file);
        store.add(makeClient("Pérez", "B12345678"));
    }
    Register store(file);
    EXPECT_EQ(store.count(), 1);
    EXPECT_EQ(store.search("perez", false, 10).total, 1);
    EXPECT_EQ(store.add(makeClient("Dos")).code, "C-000002");
    EXPECT_FALSE(fs::exists(dir / "c.db.backup-v2"));
}

TEST(StoreMigration, FromVersion1)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        RawDb raw(file);
        raw.exec(kSchemaV1);
    }
    const std::string v1Bytes = fileBytes(file);
    {
        Register store(file);
        EXPECT_EQ(store.count(), 2);
        EXPECT_EQ(store.count(true), 3);
        EXPECT_EQ(store.search("perez", false, 10).total, 1);
        EXPECT_EQ(store.search("conceicao", false, 10).total, 1);
        EXPECT_EQ(store.search("nandu", true, 10).total, 1);
        EXPECT_EQ(store.search("nandu", false, 10).total, 0);
        EXPECT_EQ(store.search("b-12345678", false, 10).total, 1);
        EXPECT_EQ(store.search("PT501234567", false, 10).total, 1);
        // tax_id_norm was empty in the old row: the migration recomputed it.
        ASSERT_TRUE(store.byKey("b12345678").has_value());
        EXPECT_EQ(store.byKey("b12345678")->code, "C-000001");
        const std::vector<std::string> names = {"Conceição & Irmãos, Lda.", "Pérez-Díaz, S.L."};
        std::vector<std::string> listed;
        for (const auto& row : store.search("", false, 10).rows)
            listed.push_back(row.legalName);
        EXPECT_EQ(listed, names);
        EXPECT_EQ(store.add(makeClient("Nuevo")).code, "C-000004"); // counter carried over
        const Client old = *store.byCode("C-000001");
        EXPECT_EQ(old.uuid, "6f1c1d2e-0000-4000-8000-000000000001");
        EXPECT_EQ(old.createdAt, "2023-01-01T00:00:00.000Z");
    }
    {
        RawDb raw(file);
        EXPECT_EQ(raw.text("PRAGMA user_version"), std::to_string(sqlite::kSchemaVersion));
        EXPECT_EQ(raw.text("PRAGMA foreign_key_check"), "");
    }
    EXPECT_FALSE(fs::exists(dir / "c.db.backup-v2")); // one backup, of the version found
    const fs::path backup = dir / "c.db.backup-v1";
    ASSERT_TRUE(fs::exists(backup));
    EXPECT_EQ(fs::status(backup).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    RawDb raw(backup);
    EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(raw.text("PRAGMA user_version"), "1");
    EXPECT_EQ(raw.text("SELECT count(*) FROM clients"), "3");
    EXPECT_EQ(raw.text("SELECT count(*) FROM sqlite_schema WHERE name = 'clients_fts'"), "0");
    EXPECT_EQ(raw.text("SELECT value FROM counters"), "3");
}

// What opening a file of an older version tells the status bar: its clients migrated.
TEST(StoreMigration, AnOlderFileTellsHowFarItsMigrationIs)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        RawDb raw(file);
        raw.exec(kSchemaV1);
        raw.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) "
                 "INSERT INTO clients (uuid, code, legal_name, created_at, updated_at) "
                 "SELECT 'u-' || i, 'X-' || i, 'Cliente ' || i, '2023-01-01T00:00:00.000Z', "
                 "'2023-01-01T00:00:00.000Z' FROM n");
    }
    struct Told : WorkProgress
    {
        std::vector<std::pair<WorkStage, std::size_t>> told;
        void report(WorkStage stage, std::size_t done, std::size_t) override
        {
            told.emplace_back(stage, done);
        }
        bool cancelRequested() const override { return false; }
    };
    Told progress;
    StoreOptions options;
    options.migration = &progress;
    {
        Register store(file, options);
        EXPECT_EQ(store.count(true), 1503);
    }
    const std::vector<std::pair<WorkStage, std::size_t>> expected = {{WorkStage::Migrating, 0},
                                                                     {WorkStage::Migrating, 0},
                                                                     {WorkStage::Migrating, 512},
                                                                     {WorkStage::Migrating, 1024},
                                                                     {WorkStage::Migrating, 1503}};
    EXPECT_EQ(progress.told, expected);
    // A file of this version has nothing to migrate and says nothing.
    Told again;
    options.migration = &again;
    Register reopened(file, options);
    EXPECT_TRUE(again.told.empty());
}

TEST(StoreMigration, FromVersion2)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        RawDb raw(file);
        raw.exec(kSchemaV1);
        raw.exec(kSchemaV2);
    }
    {
        Register store(file);
        EXPECT_EQ(store.count(), 2);
        EXPECT_EQ(store.count(true), 3);
        EXPECT_EQ(store.search("perez", false, 10).total, 1);
        EXPECT_EQ(store.search("nandu", true, 10).total, 1);
        EXPECT_EQ(store.search("PT501234567", false, 10).total, 1);
        const Client old = *store.byKey("ES B-12345678");
        EXPECT_EQ(old.code, "C-000001");
        EXPECT_EQ(old.uuid, "6f1c1d2e-0000-4000-8000-000000000001");
        EXPECT_EQ(old.legalName, "Pérez-Díaz, S.L.");
        EXPECT_EQ(old.notes, "Cliente desde 1998.");
        EXPECT_EQ(old.createdAt, "2023-01-01T00:00:00.000Z");
        EXPECT_EQ(old.updatedAt, "2024-02-02T10:00:00.000Z");
        EXPECT_EQ(old.version, 4);
        // The new fields have their defaults, which are valid.
        EXPECT_EQ(old.kind, "");
        EXPECT_EQ(old.tags, "");
        EXPECT_EQ(old.paymentTerms, "");
        EXPECT_EQ(old.currency, "");
        EXPECT_EQ(old.mobile, "");
        EXPECT_EQ(old.street2, "");
        EXPECT_TRUE(validate(old).empty());
        EXPECT_TRUE(store.byCode("C-000003")->archived);
        // No history before the migration; the profile works on old clients.
        EXPECT_EQ(store.activity(old.id, 10).total, 0);
        Client changed = old;
        changed.kind = "company";
        changed.currency = "EUR";
        changed.paymentTerms = "30";
        changed.tags = "antiguo";
        changed.mobile = "+34 600 111 222";
        changed.street2 = "Planta 3, puerta B";
        const Client updated = store.update(changed);
        EXPECT_EQ(updated.version, 5);
        EXPECT_EQ(store.byId(old.id)->tags, "antiguo");
        EXPECT_EQ(store.byId(old.id)->mobile, "+34 600 111 222");
        EXPECT_EQ(store.byId(old.id)->street2, "Planta 3, puerta B");
        Contact contact;
        contact.clientId = old.id;
        contact.name = "Ana";
        contact.mobile = "600 333 444";
        EXPECT_EQ(store.get<Contact>(store.add(contact).id)->mobile, "600 333 444");
        Invoice invoice;
        invoice.clientId = old.id;
        invoice.number = "F-1";
        invoice.issueDate = "2024-05-01";
        invoice.net = 100;
        invoice.total = 100;
        EXPECT_EQ(store.add(invoice).currency, "EUR");
        EXPECT_EQ(store.summary(old.id, "2024-05-02").invoices.count, 1);
        EXPECT_EQ(store.add(makeClient("Nuevo")).code, "C-000004");
        // Version 5's tables: the client's other addresses and bank accounts.
        Address address;
        address.clientId = old.id;
        address.name = "Almacén";
        EXPECT_EQ(store.add(address).version, 1);
        BankAccount account;
        account.clientId = old.id;
        account.iban = "DE89 3704 0044 0532 0130 00";
        EXPECT_EQ(store.add(account).iban, "DE89370400440532013000");
    }
    {
        RawDb raw(file);
        EXPECT_EQ(raw.text("PRAGMA user_version"), std::to_string(sqlite::kSchemaVersion));
        EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
        EXPECT_EQ(raw.text("PRAGMA foreign_key_check"), "");
        EXPECT_EQ(raw.text("SELECT count(*) FROM clients"), "4");
    }
    EXPECT_FALSE(fs::exists(dir / "c.db.backup-v1"));
    const fs::path backup = dir / "c.db.backup-v2";
    ASSERT_TRUE(fs::exists(backup));
    EXPECT_EQ(fs::status(backup).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    RawDb raw(backup);
    EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(raw.text("PRAGMA user_version"), "2");
    EXPECT_EQ(raw.text("SELECT count(*) FROM clients"), "3");
    EXPECT_EQ(raw.text("SELECT count(*) FROM clients_fts"), "3");
    EXPECT_EQ(raw.text("SELECT count(*) FROM sqlite_schema WHERE name = 'invoices'"), "0");
    EXPECT_EQ(raw.text("SELECT notes FROM clients WHERE id = 1"), "Cliente desde 1998.");
}

TEST(StoreMigration, TooNewIsNeverTouched)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        RawDb raw(file);
        raw.exec("CREATE TABLE clients (id INTEGER PRIMARY KEY); PRAGMA user_version = " +
                 std::to_string(sqlite::kSchemaVersion + 1) + ";");
    }
    const std::string before = fileBytes(file);
    EXPECT_EQ(openError(file), StoreError::Kind::TooNew);
    EXPECT_EQ(fileBytes(file), before);
    EXPECT_FALSE(fs::exists(dir / "c.db-wal"));
    EXPECT_FALSE(fs::exists(dir / ("c.db.backup-v" + std::to_string(sqlite::kSchemaVersion + 1))));
}

TEST(StoreMigration, RandomBytesAreNotADatabase)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    std::mt19937 random(42);
    std::string bytes(8192, '\0');
    for (char& c : bytes)
        c = static_cast<char>(random());
    std::ofstream(file, std::ios::binary) << bytes;
    EXPECT_EQ(openError(file), StoreError::Kind::NotADatabase);
    EXPECT_EQ(fileBytes(file), bytes);

    const fs::path text = dir / "notes.txt";
    std::ofstream(text) << "Lista de clientes\nAna;Madrid\n";
    EXPECT_EQ(openError(text), StoreError::Kind::NotADatabase);
}

TEST(StoreMigration, TruncatedDatabaseIsNotADatabase)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    {
        Register store(file);
        std::vector<Client> batch;
        for (int i = 0; i < 500; ++i)
            batch.push_back(makeClient("Cliente número " + std::to_string(i),
                                       "B" + std::to_string(i),
                                       "Ciudad " + std::to_string(i % 17)));
        store.addMany(batch);
    }
    ASSERT_FALSE(fs::exists(dir / "c.db-wal")); // checkpointed on close
    const auto size = fs::file_size(file);
    ASSERT_GT(size, 16384U);
    fs::resize_file(file, size / 2);
    EXPECT_EQ(openError(file), StoreError::Kind::NotADatabase);
}

TEST(StoreMigration, ForeignSqliteDatabaseIsRefused)
{
    TempDir dir;
    const fs::path file = dir / "other.db";
    {
        RawDb raw(file);
        raw.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    }
    const std::string before = fileBytes(file);
    EXPECT_EQ(openError(file), StoreError::Kind::NotADatabase);
    EXPECT_EQ(fileBytes(file), before);

    const fs::path marked = dir / "marked.db";
    {
        RawDb raw(marked);
        raw.exec("PRAGMA application_id = 42; PRAGMA user_version = 1;");
    }
    EXPECT_EQ(openError(marked), StoreError::Kind::NotADatabase);
}

} // namespace clientes
