// Import batches in a real register file: one transaction per import (all rows or none),
// undo that reverts exactly or refuses naming what changed, remembered mappings, bulk loads.

#include "core/register/register.hpp"
#include "core/rules/profile_validation.hpp"
#include "core/rules/validation.hpp"
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_outcome.hpp"
#include "core/transfer/import_plan.hpp"
#include "core/transfer/import_register.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace clientes
{

using test::makeClient;
using test::TempDir;
namespace fs = std::filesystem;

namespace
{

// Every client row, column by column, plus the search rows, tags and the counter: what "the
// register is exactly as before" means.
std::string dump(const fs::path& file)
{
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    std::string out;
    for (const char* sql :
         {"SELECT * FROM clients ORDER BY id", "SELECT rowid, * FROM clients_fts ORDER BY rowid",
          "SELECT * FROM client_tags ORDER BY client_id, position",
          "SELECT * FROM counters ORDER BY name", "SELECT * FROM invoices ORDER BY id"})
    {
        sqlite3_stmt* stmt = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sql;
        while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW)
        {
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
            {
                const auto* text = sqlite3_column_text(stmt, c);
                out += text ? reinterpret_cast<const char*>(text) : "<null>";
                out += '|';
            }
            out += '\n';
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return out;
}

std::int64_t scalar(const fs::path& file, const std::string& sql)
{
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
    std::int64_t value = -1;
    if (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

std::vector<Client> clientsOf(Register& store)
{
    std::vector<Client> all;
    store.forEachClient([&](Client&& client) { all.push_back(std::move(client)); });
    return all;
}

Invoice makeInvoice(std::int64_t clientId, std::string number, std::int64_t net = 10000)
{
    Invoice invoice;
    invoice.clientId = clientId;
    invoice.number = std::move(number);
    invoice.issueDate = "2024-05-01";
    invoice.dueDate = "2024-05-31";
    invoice.net = net;
    invoice.tax = net * 21 / 100;
    invoice.total = invoice.net + invoice.tax;
    invoice.currency = "EUR";
    return invoice;
}

} // namespace

TEST(StoreImportBatch, CommitWritesCreationsAndUpdatesAsOneBatch)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client existing = store.add(makeClient("Antigua, S.L.", "B12345674", "Madrid"));

    ClientImportCommit commit;
    commit.source = "Hoja1 A1:C4";
    commit.creates = {makeClient("Nueva Uno"), makeClient("Nueva Dos", "", "Cádiz")};
    Client changed = existing;
    changed.city = "Toledo";
    commit.updates = {changed};
    commit.unchanged = 3;
    commit.skipped = 1;
    const ImportCommitResult result = store.commitClientImport(commit);

    EXPECT_NE(result.batch.id, 0);
    EXPECT_FALSE(result.batch.batchId.empty());
    EXPECT_EQ(result.batch.created, 2U);
    EXPECT_EQ(result.batch.updated, 1U);
    EXPECT_EQ(result.batch.unchanged, 3U);
    EXPECT_EQ(result.batch.skipped, 1U);
    ASSERT_EQ(result.createdIds.size(), 2U);
    const Client first = *store.byId(result.createdIds[0]);
    EXPECT_EQ(first.legalName, "Nueva Uno");
    EXPECT_EQ(first.code, "C-000002");
    EXPECT_EQ(store.byId(result.createdIds[1])->code, "C-000003");
    EXPECT_EQ(first.version, 1);
    EXPECT_EQ(store.search("nueva", false, 10).total, 2);
    EXPECT_EQ(store.search("cadiz", false, 10).total, 1);
    EXPECT_EQ(store.search("C3", false, 10).total, 1);
    const Client updated = *store.byId(existing.id);
    EXPECT_EQ(updated.city, "Toledo");
    EXPECT_EQ(updated.version, 2);
    EXPECT_EQ(store.search("toledo", false, 10).total, 1);
    EXPECT_EQ(store.search("madrid", false, 10).total, 0);
    // The next add continues the codes.
    EXPECT_EQ(store.add(makeClient("Después")).code, "C-000004");

    // Activity: Imported with the batch id; the update lists its change.
    const ActivityEntry created = store.activity(first.id, 10).entries.at(0);
    EXPECT_EQ(created.kind, ActivityKind::Imported);
    EXPECT_EQ(created.batchId, result.batch.batchId);
    EXPECT_EQ(created.label, "C-000002");
    const ActivityEntry imported = store.activity(existing.id, 10).entries.at(0);
    EXPECT_EQ(imported.kind, ActivityKind::Imported);
    EXPECT_EQ(imported.batchId, result.batch.batchId);
    ASSERT_EQ(imported.changes.size(), 1U);
    EXPECT_EQ(imported.changes[0], (FieldChange{"city", "Madrid", "Toledo"}));

    const auto last = store.lastImport();
    ASSERT_TRUE(last);
    EXPECT_EQ(last->batchId, result.batch.batchId);
    EXPECT_EQ(last->source, "Hoja1 A1:C4");
    EXPECT_EQ(last->kind, ImportKind::Clients);
    EXPECT_EQ(last->created, 2U);
}

TEST(StoreImportBatch, NothingToWriteWritesNothing)
{
    TempDir dir;
    Register store(dir / "c.db");
    store.add(makeClient("Una"));
    const std::string before = dump(dir / "c.db");
    ClientImportCommit commit;
    commit.unchanged = 1;
    const ImportCommitResult result = store.commitClientImport(commit);
    EXPECT_EQ(result.batch.id, 0);
    EXPECT_EQ(result.batch.unchanged, 1U);
    EXPECT_FALSE(store.lastImport());
    EXPECT_EQ(dump(dir / "c.db"), before);
    EXPECT_EQ(
        scalar(dir / "c.db", "SELECT count(*) FROM sqlite_schema WHERE name = 'import_batches'"),
        0);
}

TEST(StoreImportBatch, AnInvalidLastRowLeavesTheStoreUntouched)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client existing = store.add(makeClient("Antigua", "", "Madrid"));
    const std::string before = dump(dir / "c.db");

    ClientImportCommit commit;
    for (int i = 0; i < 2500; ++i) // enough for the bulk path
        commit.creates.push_back(makeClient("Fila " + std::to_string(i)));
    Client update = existing;
    update.city = "Toledo";
    commit.updates = {update};
    Client invalid = makeClient("");
    invalid.email = "no es un correo";
    commit.creates.push_back(invalid);
    try
    {
        store.commitClientImport(commit);
        FAIL() << "expected ValidationError";
    }
    catch (const ValidationError& error)
    {
        EXPECT_EQ(error.issues.at(0).field, Field::LegalName);
    }
    EXPECT_EQ(dump(dir / "c.db"), before);
    EXPECT_EQ(store.count(), 1);
    EXPECT_FALSE(store.lastImport());
    EXPECT_EQ(store.add(makeClient("Siguiente")).code, "C-000002");
}

TEST(StoreImportBatch, AClientSavedSincePlanningFailsTheWholeCommit)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client planned = store.add(makeClient("Antigua", "", "Madrid"));
    Client meanwhile = planned;
    meanwhile.city = "Lugo";
    store.update(meanwhile); // version 2
    const std::string before = dump(dir / "c.db");

    ClientImportCommit commit;
    commit.creates = {makeClient("Nueva")};
    Client update = planned; // version 1
    update.city = "Toledo";
    commit.updates = {update};
    try
    {
        store.commitClientImport(commit);
        FAIL() << "expected ConflictError";
    }
    catch (const ConflictError& conflict)
    {
        EXPECT_EQ(conflict.current.city, "Lugo");
    }
    EXPECT_EQ(dump(dir / "c.db"), before);
}

TEST(StoreImportBatch, UndoRevertsTheBatchExactly)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client existing = makeClient("Antigua, S.L.", "B12345674", "Madrid");
    existing.notes = "Línea uno\nLínea dos";
    existing.tags = "vip";
    existing = store.add(existing);
    const Client other = store.add(makeClient("Otra", "", "Lugo"));

    ClientImportCommit commit;
    commit.creates = {makeClient("Nueva Uno"), makeClient("Nueva Dos")};
    Client changed = existing;
    changed.city = "Toledo";
    changed.notes = "";
    changed.tags = "vip, nuevo";
    commit.updates = {changed};
    const ImportCommitResult result = store.commitClientImport(commit);
    ASSERT_EQ(store.count(), 4);

    const ImportUndoResult undone = store.undoLastImport();
    EXPECT_EQ(undone.reverted, 3U);
    EXPECT_EQ(undone.batch.batchId, result.batch.batchId);
    EXPECT_EQ(store.count(), 2);
    for (std::int64_t id : result.createdIds)
        EXPECT_FALSE(store.byId(id));
    EXPECT_EQ(store.search("nueva", false, 10).total, 0);
    const Client restored = *store.byId(existing.id);
    for (Field field : allFields())
        EXPECT_EQ(restored.value(field), existing.value(field)) << fieldName(field);
    EXPECT_EQ(store.search("madrid", false, 10).total, 1);
    EXPECT_EQ(store.search("toledo", false, 10).total, 0);
    EXPECT_EQ(store.byId(other.id)->version, 1);
    // The history keeps both steps: the import and its revert.
    const ActivityPage history = store.activity(existing.id, 10);
    ASSERT_GE(history.entries.size(), 2U);
    EXPECT_EQ(history.entries[0].kind, ActivityKind::Updated);
    EXPECT_EQ(history.entries[1].kind, ActivityKind::Imported);
    // Nothing left to undo: the batch is marked undone.
    EXPECT_FALSE(store.lastImport());
    EXPECT_THROW(store.undoLastImport(), NothingToUndo);
    EXPECT_EQ(scalar(dir / "c.db", "PRAGMA foreign_key_check"), -1);
    EXPECT_EQ(scalar(dir / "c.db", "SELECT count(*) FROM activity WHERE client_id NOT IN "
                                   "(SELECT id FROM clients)"),
              0);
    // Codes are not given back.
    EXPECT_EQ(store.add(makeClient("Después")).code, "C-000005");
}

TEST(StoreImportBatch, UndoOfManyCreationsLeavesNoTrace)
{
    TempDir dir;
    Register store(dir / "c.db");
    store.add(makeClient("Antes"));
    ClientImportCommit commit;
    for (int i = 0; i < 3000; ++i)
    {
        Client client = makeClient("Cliente " + std::to_string(i), "", "Sevilla");
        if (i % 7 == 0)
            client.tags = "lote";
        commit.creates.push_back(client);
    }
    store.commitClientImport(commit);
    EXPECT_EQ(store.count(), 3001);
    EXPECT_EQ(store.clientsWithTag("lote", false).size(), 429U);
    EXPECT_EQ(store.undoLastImport().reverted, 3000U);
    EXPECT_EQ(store.count(), 1);
    EXPECT_EQ(store.search("sevilla", false, 10).total, 0);
    EXPECT_TRUE(store.clientsWithTag("lote", false).empty());
    for (const char* table : {"client_tags", "activity", "clients_fts"})
        EXPECT_EQ(
            scalar(dir / "c.db", std::string("SELECT count(*) FROM ") + table +
                                     (std::string(table) == "clients_fts"
                                          ? " WHERE rowid NOT IN (SELECT id FROM clients)"
                                          : " WHERE client_id NOT IN (SELECT id FROM clients)")),
            0)
            << table;
    EXPECT_EQ(scalar(dir / "c.db", "PRAGMA foreign_keys"), 0); // a fresh connection's default
    // The store's own connection has its foreign keys back on.
    const Client kept = *store.byCode("C-000001");
    Invoice invoice = makeInvoice(kept.id, "F-1");
    store.add(invoice);
    EXPECT_THROW(store.deleteClient(kept.id), HasLinkedRecords);
}

TEST(StoreImportBatch, UndoRefusesAfterALaterEditAndNamesTheClient)
{
    TempDir dir;
    Register store(dir / "c.db");
    ClientImportCommit commit;
    commit.creates = {makeClient("Primera"), makeClient("Segunda")};
    const ImportCommitResult result = store.commitClientImport(commit);
    Client edited = *store.byId(result.createdIds[1]);
    edited.city = "Lugo";
    store.update(edited);
    const std::string before = dump(dir / "c.db");
    try
    {
        store.undoLastImport();
        FAIL() << "expected ImportUndoRefused";
    }
    catch (const ImportUndoRefused& refused)
    {
        EXPECT_EQ(refused.totalConflicts, 1U);
        ASSERT_EQ(refused.conflicts.size(), 1U);
        EXPECT_EQ(refused.conflicts[0].what, UndoConflict::What::Changed);
        EXPECT_EQ(refused.conflicts[0].id, result.createdIds[1]);
        EXPECT_EQ(refused.conflicts[0].label, "C-000002 Segunda");
        EXPECT_EQ(refused.batch.batchId, result.batch.batchId);
    }
    EXPECT_EQ(dump(dir / "c.db"), before);
    EXPECT_TRUE(store.lastImport());
}

// The people of the companies a client import brings: with the clients it creates, or added
// to a client already in the register; one batch, which its undo removes whole, unless one
// of those people was changed since.
TEST(StoreImportBatch, PeopleOfTheImportedCompaniesAreContactsUndoneWithTheBatch)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client antigua = store.add(makeClient("Antigua, S.L.", "B12345674", "Madrid"));
    Contact kept;
    kept.clientId = antigua.id;
    kept.name = "Ana (de antes)";
    store.add(kept);

    ClientImportCommit commit;
    commit.source = "res.partner.csv";
    commit.creates = {makeClient("Grocery Outlet")};
    ClientImportCommit::NewContact bob;
    bob.record.name = "Bob";
    bob.record.mobile = "4157654321";
    bob.newClient = 0;
    ClientImportCommit::NewContact carla;
    carla.record.name = "Carla";
    carla.record.clientId = antigua.id;
    commit.contacts = {bob, carla};
    const ImportCommitResult result = store.commitClientImport(commit);
    ASSERT_EQ(result.createdIds.size(), 1U);
    const std::vector<Contact> grocery = store.list<Contact>(result.createdIds[0]);
    ASSERT_EQ(grocery.size(), 1U);
    EXPECT_EQ(grocery[0].name, "Bob");
    EXPECT_EQ(grocery[0].mobile, "4157654321");
    EXPECT_EQ(store.list<Contact>(antigua.id).size(), 2U);

    EXPECT_EQ(store.undoLastImport().reverted, 2U); // Grocery Outlet (with Bob), Carla
    EXPECT_FALSE(store.byId(result.createdIds[0]));
    const std::vector<Contact> left = store.list<Contact>(antigua.id);
    ASSERT_EQ(left.size(), 1U);
    EXPECT_EQ(left[0].name, "Ana (de antes)");
    EXPECT_EQ(store.byId(antigua.id)->version, antigua.version);

    // Changed since: the undo refuses and says which person.
    ClientImportCommit again;
    again.contacts = {carla};
    store.commitClientImport(again);
    Contact renamed;
    for (const Contact& contact : store.list<Contact>(antigua.id))
        if (contact.name == "Carla")
            renamed = contact;
    renamed.name = "Carla Ruiz";
    store.update(renamed);
    try
    {
        store.undoLastImport();
        FAIL() << "expected ImportUndoRefused";
    }
    catch (const ImportUndoRefused& refused)
    {
        ASSERT_EQ(refused.conflicts.size(), 1U);
        EXPECT_EQ(refused.conflicts[0].what, UndoConflict::What::Changed);
        EXPECT_EQ(refused.conflicts[0].record, RecordType::Contact);
        EXPECT_EQ(refused.conflicts[0].label, "Carla Ruiz");
    }
    EXPECT_EQ(store.list<Contact>(antigua.id).size(), 2U);
}

// Addresses and bank accounts an import brings: with the clients it creates, or added to a
// client already in the register; the undo removes both, and refuses while one of them was
// changed since, naming it.
TEST(StoreImportBatch, AddressesAndBankAccountsOfAnImportAreUndoneWithIt)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client antigua = store.add(makeClient("Antigua, S.L.", "B12345674", "Madrid"));
    ClientImportCommit commit;
    commit.source = "holded.xlsx";
    commit.creates = {makeClient("Grocery Outlet")};
    ClientImportCommit::NewRecord<Address> warehouse;
    warehouse.record.type = AddressType::Shipping;
    warehouse.record.name = "Warehouse";
    warehouse.newClient = 0;
    ClientImportCommit::NewRecord<Address> store2;
    store2.record.street = "Calle Mayor 2";
    store2.record.clientId = antigua.id;
    ClientImportCommit::NewRecord<BankAccount> account;
    account.record.iban = "ES91 2100 0418 4502 0005 1332";
    account.record.clientId = antigua.id;
    commit.addresses = {warehouse, store2};
    commit.bankAccounts = {account};
    const ImportCommitResult result = store.commitClientImport(commit);
    ASSERT_EQ(result.createdIds.size(), 1U);
    ASSERT_EQ(store.list<Address>(result.createdIds[0]).size(), 1U);
    EXPECT_EQ(store.list<Address>(result.createdIds[0])[0].type, AddressType::Shipping);
    EXPECT_EQ(store.list<Address>(antigua.id).size(), 1U);
    ASSERT_EQ(store.list<BankAccount>(antigua.id).size(), 1U);
    EXPECT_EQ(store.list<BankAccount>(antigua.id)[0].iban, "ES9121000418450200051332");

    EXPECT_EQ(store.undoLastImport().reverted, 3U); // Grocery Outlet, the address, the account
    EXPECT_FALSE(store.byId(result.createdIds[0]));
    EXPECT_TRUE(store.list<Address>(antigua.id).empty());
    EXPECT_TRUE(store.list<BankAccount>(antigua.id).empty());

    ClientImportCommit again;
    again.bankAccounts = {account};
    store.commitClientImport(again);
    BankAccount changed = store.list<BankAccount>(antigua.id).at(0);
    changed.bank = "CaixaBank";
    store.update(changed);
    try
    {
        store.undoLastImport();
        FAIL() << "expected ImportUndoRefused";
    }
    catch (const ImportUndoRefused& refused)
    {
        ASSERT_EQ(refused.conflicts.size(), 1U);
        EXPECT_EQ(refused.conflicts[0].what, UndoConflict::What::Changed);
        EXPECT_EQ(refused.conflicts[0].record, RecordType::BankAccount);
        EXPECT_EQ(refused.conflicts[0].label, "ES9121000418450200051332");
    }
    EXPECT_EQ(store.list<BankAccount>(antigua.id).size(), 1U);
}

TEST(StoreImportBatch, UndoRefusesWhenACreatedClientGotRecordsOrWasDeleted)
{
    TempDir dir;
    Register store(dir / "c.db");
    ClientImportCommit commit;
    commit.creates = {makeClient("Con nota"), makeClient("Borrada"), makeClient("Intacta")};
    const ImportCommitResult result = store.commitClientImport(commit);
    store.addNote(result.createdIds[0], "Llamar el lunes");
    store.deleteClient(result.createdIds[1]);
    try
    {
        store.undoLastImport();
        FAIL() << "expected ImportUndoRefused";
    }
    catch (const ImportUndoRefused& refused)
    {
        ASSERT_EQ(refused.conflicts.size(), 2U);
        EXPECT_EQ(refused.conflicts[0].what, UndoConflict::What::NewActivity);
        EXPECT_EQ(refused.conflicts[0].label, "C-000001 Con nota");
        EXPECT_EQ(refused.conflicts[1].what, UndoConflict::What::Deleted);
    }
    EXPECT_EQ(store.count(), 2);
}

TEST(StoreImportBatch, SuccessiveImportsUndoOneAfterTheOther)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client before = store.add(makeClient("Antes", "", "Madrid"));
    ClientImportCommit first;
    first.creates = {makeClient("Nueva", "", "Lugo")};
    Client moved = before;
    moved.city = "Toledo";
    first.updates = {moved};
    const ImportCommitResult one = store.commitClientImport(first);
    // A second import changes both again (from the state the first one left).
    ClientImportCommit second;
    Client created = *store.byId(one.createdIds[0]);
    created.city = "Soria";
    Client again = *store.byId(before.id);
    again.city = "Cuenca";
    second.updates = {created, again};
    store.commitClientImport(second);
    const std::string afterFirst = "Toledo";

    EXPECT_EQ(store.undoLastImport().reverted, 2U);
    EXPECT_EQ(store.byId(before.id)->city, afterFirst);
    EXPECT_EQ(store.byId(one.createdIds[0])->city, "Lugo");
    // The first import is undone too: the second's undo gave its records back as they were.
    EXPECT_EQ(store.undoLastImport().reverted, 2U);
    EXPECT_FALSE(store.byId(one.createdIds[0]));
    EXPECT_EQ(store.byId(before.id)->city, "Madrid");
    EXPECT_THROW(store.undoLastImport(), NothingToUndo);
}

TEST(StoreImportBatch, RememberedMappings)
{
    TempDir dir;
    Register store(dir / "c.db");
    EXPECT_FALSE(store.rememberedMapping("clients:h1"));
    store.rememberMapping("clients:h1", "legalName,,taxId");
    EXPECT_EQ(store.rememberedMapping("clients:h1"), "legalName,,taxId");
    store.rememberMapping("clients:h1", "code,legalName");
    EXPECT_EQ(store.rememberedMapping("clients:h1"), "code,legalName");
    store.rememberMapping("clients:h1", "");
    EXPECT_FALSE(store.rememberedMapping("clients:h1"));
    Register again(dir / "c.db");
    store.rememberMapping("clients:h2", "city");
    EXPECT_EQ(again.rememberedMapping("clients:h2"), "city");
}

TEST(StoreImportBatch, BulkLoadsAndSnapshot)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client tagged = makeClient("Zeta", "B12345674", "Madrid");
    tagged.tags = "vip, norte";
    tagged = store.add(tagged);
    const Client archived = store.add(makeClient("Alfa", "B12345674"));
    store.setArchived(archived.id, true);
    const Client plain = store.add(makeClient("Beta"));

    const std::vector<Client> all = clientsOf(store);
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].tags, "vip, norte");
    EXPECT_TRUE(all[1].archived);
    for (const Client& client : all)
    {
        const Client one = *store.byId(client.id);
        for (Field field : allFields())
            EXPECT_EQ(client.value(field), one.value(field));
        EXPECT_EQ(client.version, one.version);
        EXPECT_EQ(client.uuid, one.uuid);
    }

    RegisterSnapshot snapshot = RegisterSnapshot::load(store);
    InMemoryClients memory(all);
    EXPECT_EQ(snapshot.size(), 3U);
    for (const char* code : {"c1", "C-000002", "c 3", "C-9"})
    {
        const auto a = snapshot.byCode(code);
        const auto b = memory.byCode(code);
        ASSERT_EQ(a.has_value(), b.has_value()) << code;
        if (a)
        {
            EXPECT_EQ(a->id, b->id);
            for (Field field : allFields())
                EXPECT_EQ(a->value(field), b->value(field));
            EXPECT_EQ(a->createdAt, b->createdAt);
            EXPECT_EQ(a->version, b->version);
        }
    }
    // The active client wins a shared tax ID.
    EXPECT_EQ(snapshot.byNormalizedTaxId("B12345674")->id, tagged.id);
    EXPECT_EQ(snapshot.byId(plain.id)->legalName, "Beta");
    EXPECT_FALSE(snapshot.byId(99));

    const std::vector<Client> exported = store.clientsForExport("", {}, false);
    ASSERT_EQ(exported.size(), 2U);
    EXPECT_EQ(exported[0].legalName, "Beta"); // by legal name
    EXPECT_EQ(exported[1].tags, "vip, norte");
    EXPECT_EQ(store.clientsForExport("", {}, true).size(), 3U);
    EXPECT_EQ(store.clientsForExport("madrid", {}, false).size(), 1U);
    const std::vector<Client> chosen =
        store.clientsForExport("", {"c3", "nope", "C-000001"}, false);
    ASSERT_EQ(chosen.size(), 2U);
    EXPECT_EQ(chosen[0].legalName, "Beta");
    EXPECT_EQ(chosen[1].legalName, "Zeta");

    // The streaming read gives the same clients in the same order, the count first.
    for (const bool archived : {false, true})
    {
        std::size_t announced = 0;
        std::vector<Client> streamed;
        store.forEachClientInListOrder(
            archived, [&](std::size_t total) { announced = total; },
            [&](Client&& client) { streamed.push_back(std::move(client)); });
        const std::vector<Client> all = store.clientsForExport("", {}, archived);
        EXPECT_EQ(announced, all.size());
        ASSERT_EQ(streamed.size(), all.size());
        for (std::size_t i = 0; i < all.size(); ++i)
        {
            EXPECT_EQ(streamed[i].id, all[i].id) << i;
            EXPECT_EQ(streamed[i].tags, all[i].tags) << i;
            EXPECT_EQ(streamed[i].notes, all[i].notes) << i;
        }
    }
}

TEST(StoreImportBatch, InvoiceImportCommitAndUndo)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client client = makeClient("Cliente, S.L.", "B12345674");
    client.currency = "EUR";
    client = store.add(client);
    const Invoice stored = store.add(makeInvoice(client.id, "F-1"));
    const std::string before = dump(dir / "c.db");

    InvoiceImportCommit commit;
    commit.source = "facturas.xlsx";
    commit.newClients = {makeClient("Nuevo cliente", "B87654321")};
    ImportedInvoice forNew;
    forNew.invoice = makeInvoice(0, "F-2", 5000);
    forNew.newClient = 0;
    ImportedInvoice forOld;
    forOld.invoice = makeInvoice(client.id, "F-3", 7000);
    commit.creates = {forNew, forOld};
    Invoice paid = stored;
    paid.status = InvoiceStatus::Paid;
    commit.updates = {paid};
    const ImportCommitResult result = store.commitInvoiceImport(commit);
    EXPECT_EQ(result.batch.kind, ImportKind::Invoices);
    EXPECT_EQ(result.batch.created, 2U);
    EXPECT_EQ(result.batch.updated, 1U);
    EXPECT_EQ(result.batch.clientsCreated, 1U);
    const auto created = store.byKey("B87654321");
    ASSERT_TRUE(created);
    EXPECT_EQ(store.list<Invoice>(created->id).size(), 1U);
    EXPECT_EQ(store.get<Invoice>(stored.id)->status, InvoiceStatus::Paid);
    EXPECT_EQ(store.invoiceList({}).size(), 3U);
    InvoiceFilter paidOnly;
    paidOnly.status = InvoiceStatus::Paid;
    EXPECT_EQ(store.invoiceList(paidOnly).size(), 1U);
    InvoiceFilter period;
    period.from = "2024-05-02";
    EXPECT_TRUE(store.invoiceList(period).empty());
    period.from = "2024-05-01";
    period.to = "2024-05-01";
    const std::vector<InvoiceListRow> rows = store.invoiceList(period);
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0].clientLegalName, "Cliente, S.L.");
    EXPECT_EQ(rows[0].clientTaxId, "B12345674");

    EXPECT_EQ(store.undoLastImport().reverted, 3U);
    EXPECT_EQ(dump(dir / "c.db").size() > 0, true);
    EXPECT_FALSE(store.byKey("B87654321"));
    EXPECT_EQ(store.get<Invoice>(stored.id)->status, InvoiceStatus::Draft);
    EXPECT_EQ(store.list<Invoice>(client.id).size(), 1U);
    // The rows are as before apart from the restored invoice's version and time.
    EXPECT_EQ(store.invoiceList({}).size(), 1U);
    (void)before;
}

TEST(StoreImportBatch, InvoiceUndoRefusedWhenAnImportedInvoiceChanged)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client client = store.add(makeClient("Cliente"));
    InvoiceImportCommit commit;
    ImportedInvoice item;
    item.invoice = makeInvoice(client.id, "F-10");
    commit.creates = {item};
    const ImportCommitResult result = store.commitInvoiceImport(commit);
    Invoice changed = *store.get<Invoice>(result.createdIds[0]);
    changed.status = InvoiceStatus::Paid;
    store.update(changed);
    try
    {
        store.undoLastImport();
        FAIL() << "expected ImportUndoRefused";
    }
    catch (const ImportUndoRefused& refused)
    {
        ASSERT_EQ(refused.conflicts.size(), 1U);
        EXPECT_EQ(refused.conflicts[0].record, RecordType::Invoice);
        EXPECT_EQ(refused.conflicts[0].label, "F-10");
    }
    EXPECT_EQ(store.list<Invoice>(client.id).size(), 1U);
}

TEST(StoreImportBatch, PlanToCommitRoundTrip)
{
    TempDir dir;
    Register store(dir / "c.db");
    store.add(makeClient("Existente", "B12345674", "Madrid"));
    const auto text = [](std::string value)
    {
        ImportCell cell;
        cell.text = std::move(value);
        return cell;
    };
    const ImportTable table = {{text("Razón social"), text("NIF"), text("Ciudad")},
                               {text("Existente"), text("B-12.345.674"), text("Toledo")},
                               {text("Nueva"), text(""), text("Lugo")}};
    RegisterSnapshot snapshot = RegisterSnapshot::load(store);
    ImportPlan plan = planImport(table, {}, snapshot, Language::Es);
    ASSERT_TRUE(plan.committable());
    EXPECT_EQ(plan.created, 1U);
    EXPECT_EQ(plan.updated, 1U);
    const ImportCommitResult result = store.commitClientImport(clientCommit(plan, "prueba"));
    EXPECT_EQ(result.batch.created, 1U);
    EXPECT_EQ(store.byKey("B12345674")->city, "Toledo");
    EXPECT_EQ(store.byKey("B12345674")->taxId, "B12345674"); // the stored spelling is kept
    // The same sheet again: nothing to do.
    RegisterSnapshot after = RegisterSnapshot::load(store);
    ImportPlan again = planImport(table, {}, after, Language::Es);
    EXPECT_EQ(again.updated, 0U);
    EXPECT_EQ(again.unchanged, 1U);
    EXPECT_EQ(again.created, 1U); // "Nueva" has no key to match
}

} // namespace clientes
