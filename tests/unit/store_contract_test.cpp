// The backend contract suite (store_contract.hpp): what every implementation of the store
// interface (core/store/store.hpp) must do. Only the interface is used here; each store runs
// the suite through its own INSTANTIATE_TEST_SUITE_P (store_contract_sqlite.cpp).
#include "core/model/record_kinds.hpp"
#include "core/register/profile_rules.hpp"
#include "core/rules/client_codes.hpp"
#include "core/rules/validation.hpp"
#include "core/text/text_fold.hpp"
#include "store_contract.hpp"

#include <gtest/gtest.h>

#include <set>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace clientes::test
{
namespace
{

constexpr const char* kAt = "2024-05-01T10:00:00.000Z";

std::string uniqueUuid()
{
    static std::atomic<int> next{1};
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", next++);
    return text;
}

// A client as the register hands it to insertClients: tidied, stamped, version 1.
Client stamped(Client client)
{
    client.uuid = uniqueUuid();
    client.createdAt = kAt;
    client.updatedAt = kAt;
    client.version = 1;
    return client;
}

// The client as the register writes it over `stored`: the next version.
Client next(Client client)
{
    ++client.version;
    client.updatedAt = "2024-05-02T00:00:00.000Z";
    return client;
}

template <typename Record> Record stampedRecord(Record record)
{
    record.createdAt = kAt;
    record.updatedAt = kAt;
    record.version = 1;
    return record;
}

Contact contact(std::int64_t clientId, std::string name)
{
    Contact c;
    c.clientId = clientId;
    c.name = std::move(name);
    return stampedRecord(c);
}

Invoice invoice(std::int64_t clientId, std::string number, std::string issueDate,
                std::int64_t net = 10000, std::int64_t tax = 2100, std::string currency = "EUR",
                InvoiceStatus status = InvoiceStatus::Authorised)
{
    Invoice i;
    i.clientId = clientId;
    i.number = std::move(number);
    i.issueDate = issueDate;
    i.dueDate = std::move(issueDate);
    i.net = net;
    i.tax = tax;
    i.total = net + tax;
    i.currency = std::move(currency);
    i.status = status;
    return stampedRecord(i);
}

template <typename Record> Record recordOf(std::optional<AnyRecord> any)
{
    EXPECT_TRUE(any.has_value());
    EXPECT_TRUE(any && std::holds_alternative<Record>(*any));
    return std::get<Record>(*any);
}

ActivityEntry note(std::int64_t clientId, std::string text, std::string batchId = {})
{
    ActivityEntry entry;
    entry.clientId = clientId;
    entry.at = kAt;
    entry.kind = batchId.empty() ? ActivityKind::Note : ActivityKind::Imported;
    entry.text = std::move(text);
    entry.batchId = std::move(batchId);
    return entry;
}

ImportBatchInfo batchInfo(std::string batchId, ImportKind kind = ImportKind::Clients)
{
    ImportBatchInfo batch;
    batch.batchId = std::move(batchId);
    batch.kind = kind;
    batch.source = "clients.ods";
    batch.at = kAt;
    batch.created = 2;
    batch.updated = 1;
    batch.unchanged = 3;
    batch.skipped = 4;
    batch.clientsCreated = 5;
    return batch;
}

} // namespace

// ------------------------------------------------------------------------ helpers

class StoreContractHelpers
{
public:
    static Client add(Store& store, Client client)
    {
        client = stamped(std::move(client));
        store.write([&](StoreWriter& tx) { tx.insertClients(std::span<Client>(&client, 1)); });
        return client;
    }

    template <typename Record> static Record addRecord(Store& store, Record record)
    {
        AnyRecord any = std::move(record);
        store.write([&](StoreWriter& tx) { tx.insertRecord(any); });
        return std::get<Record>(any);
    }

    static std::optional<Client> read(Store& store, std::int64_t id)
    {
        std::optional<Client> client;
        store.read([&](StoreReader& tx) { client = tx.client(id); });
        return client;
    }

    static std::int64_t count(Store& store, bool includeArchived = true)
    {
        std::int64_t n = 0;
        store.read([&](StoreReader& tx) { n = tx.countClients(includeArchived); });
        return n;
    }

    static std::vector<std::string> searchNames(Store& store, std::string_view query,
                                                bool includeArchived = false,
                                                std::size_t limit = 50)
    {
        std::vector<std::string> names;
        store.read(
            [&](StoreReader& tx)
            {
                for (const ClientSummary& row : tx.search(query, includeArchived, limit).rows)
                    names.push_back(row.legalName);
            });
        std::sort(names.begin(), names.end());
        return names;
    }
};

namespace
{
using H = StoreContractHelpers;
} // namespace

// ------------------------------------------------------------------------ units of work

TEST_P(StoreContract, LocationNamesWhereTheDataLives)
{
    EXPECT_FALSE(store().location().empty());
}

TEST_P(StoreContract, EmptyStoreHasNothing)
{
    store().read(
        [](StoreReader& tx)
        {
            EXPECT_EQ(tx.countClients(true), 0);
            EXPECT_FALSE(tx.client(1).has_value());
            EXPECT_FALSE(tx.clientByCode("C-000001").has_value());
            EXPECT_EQ(tx.search("", true, 10).total, 0);
            EXPECT_TRUE(tx.tagCounts().empty());
            EXPECT_TRUE(tx.allInvoices().empty());
            EXPECT_FALSE(tx.newestBatch().has_value());
            EXPECT_TRUE(tx.undoneBatchIds().empty());
            EXPECT_FALSE(tx.mapping("clients").has_value());
            EXPECT_FALSE(tx.file(1).has_value());
            EXPECT_FALSE(tx.fileBytes(1).has_value());
            EXPECT_FALSE(tx.record(RecordType::Invoice, 1).has_value());
            EXPECT_TRUE(tx.journalClients(1, {}).empty());
            EXPECT_TRUE(tx.journalInvoices(1).empty());
        });
}

TEST_P(StoreContract, WorkThatThrowsRollsBackTheWholeUnit)
{
    const Client kept = H::add(store(), makeClient("Kept, S.L."));
    struct Abort
    {
    };
    EXPECT_THROW(store().write(
                     [&](StoreWriter& tx)
                     {
                         Client client = stamped(makeClient("Gone, S.L."));
                         tx.insertClients(std::span<Client>(&client, 1));
                         AnyRecord inv = invoice(kept.id, "F-1", "2024-01-01");
                         tx.insertRecord(inv);
                         std::vector<ActivityEntry> entries = {note(kept.id, "gone")};
                         tx.appendActivity(entries);
                         ImportBatchInfo batch = batchInfo("b-1");
                         tx.insertBatch(batch);
                         tx.setMapping("clients", "{}", kAt);
                         Client changed = kept;
                         changed.city = "Sevilla";
                         EXPECT_TRUE(tx.updateClient(changed, kept));
                         throw Abort{};
                     }),
                 Abort);
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_EQ(tx.countClients(true), 1);
            EXPECT_EQ(tx.client(kept.id)->city, "");
            EXPECT_EQ(tx.client(kept.id)->version, 1);
            EXPECT_TRUE(tx.allInvoices().empty());
            EXPECT_EQ(tx.activity(kept.id, 10, 0).total, 0);
            EXPECT_FALSE(tx.newestBatch().has_value());
            EXPECT_FALSE(tx.mapping("clients").has_value());
            EXPECT_EQ(tx.search("gone", true, 10).total, 0);
        });
}

TEST_P(StoreContract, WriteReturnsWhatItsWorkComputesAfterCommit)
{
    std::int64_t id = 0;
    store().write(
        [&](StoreWriter& tx)
        {
            Client client = stamped(makeClient("Inside, S.A."));
            tx.insertClients(std::span<Client>(&client, 1));
            // A unit sees its own writes.
            EXPECT_EQ(tx.client(client.id)->legalName, "Inside, S.A.");
            EXPECT_EQ(tx.countClients(true), 1);
            id = client.id;
        });
    EXPECT_EQ(H::read(store(), id)->legalName, "Inside, S.A.");
}

TEST_P(StoreContract, SecondConnectionSeesCommitsAndDataVersionChanges)
{
    std::unique_ptr<Store> other = openAgain();
    const std::int64_t before = store().dataVersion();
    const std::int64_t otherBefore = other->dataVersion();
    const Client client = H::add(*other, makeClient("Otra Oficina, S.L."));
    EXPECT_EQ(other->dataVersion(), otherBefore); // its own commit
    EXPECT_NE(store().dataVersion(), before);     // another connection's commit
    ASSERT_TRUE(H::read(store(), client.id).has_value());
    EXPECT_EQ(H::read(store(), client.id)->legalName, "Otra Oficina, S.L.");
}

// ------------------------------------------------------------------------ clients

TEST_P(StoreContract, InsertClientsAssignsIdsAndCodesAndKeepsEveryField)
{
    Client full = makeClient("Pérez Gómez, S.L.", "B12345678", "Málaga", "info@perez.es");
    full.tradeName = "Pérez";
    full.street = "Calle Larios 1";
    full.postalCode = "29005";
    full.region = "Andalucía";
    full.phone = "+34 952 000 000";
    full.website = "https://perez.es";
    full.notes = "línea 1\nlínea 2";
    full.kind = "company";
    full.tags = "vip, mayorista";
    full.paymentTerms = "30";
    full.currency = "EUR";
    full.mobile = "+34 600 000 000";
    full.street2 = "Planta 2, puerta B";
    std::vector<Client> clients = {stamped(full), stamped(makeClient("Second"))};
    store().write([&](StoreWriter& tx) { tx.insertClients(clients); });

    EXPECT_GT(clients[0].id, 0);
    EXPECT_GT(clients[1].id, 0);
    EXPECT_NE(clients[0].id, clients[1].id);
    EXPECT_EQ(clients[0].code, formatClientCode(1));
    EXPECT_EQ(clients[1].code, formatClientCode(2));

    const std::optional<Client> stored = H::read(store(), clients[0].id);
    ASSERT_TRUE(stored.has_value());
    for (Field field : allFields())
        EXPECT_EQ(stored->value(field), clients[0].value(field)) << fieldName(field);
    EXPECT_EQ(stored->uuid, clients[0].uuid);
    EXPECT_EQ(stored->createdAt, kAt);
    EXPECT_EQ(stored->updatedAt, kAt);
    EXPECT_EQ(stored->version, 1);
    EXPECT_FALSE(stored->archived);
}

TEST_P(StoreContract, ClientByCodeIgnoresAsciiCase)
{
    const Client client = H::add(store(), makeClient("Uno"));
    store().read(
        [&](StoreReader& tx)
        {
            ASSERT_TRUE(tx.clientByCode("c-000001").has_value());
            EXPECT_EQ(tx.clientByCode("c-000001")->id, client.id);
            EXPECT_EQ(tx.clientByCode(client.code)->legalName, "Uno");
            EXPECT_FALSE(tx.clientByCode("C-000002").has_value());
            EXPECT_FALSE(tx.clientByCode("").has_value());
        });
}

TEST_P(StoreContract, RolledBackUnitGivesItsCodesBack)
{
    EXPECT_THROW(
        store().write(
            [&](StoreWriter& tx)
            {
                std::vector<Client> clients = {stamped(makeClient("A")), stamped(makeClient("B"))};
                tx.insertClients(clients);
                throw std::runtime_error("abort");
            }),
        std::runtime_error);
    EXPECT_EQ(H::add(store(), makeClient("C")).code, formatClientCode(1));
}

TEST_P(StoreContract, IdsAreNotReusedWhileARecordHasThem)
{
    const Client a = H::add(store(), makeClient("A"));
    const Client b = H::add(store(), makeClient("B"));
    const std::vector<std::int64_t> ids = {a.id};
    store().write([&](StoreWriter& tx) { tx.deleteClients(ids); });
    const Client c = H::add(store(), makeClient("C"));
    EXPECT_NE(c.id, b.id);
    EXPECT_NE(c.code, b.code);
}

TEST_P(StoreContract, UpdateClientWritesOnlyOverTheExpectedVersion)
{
    const Client original = H::add(store(), makeClient("Original", "", "Madrid"));
    Client after = original;
    after.city = "Sevilla";
    after.tags = "nuevo";
    after.mobile = "699 000 111";
    after.street2 = "Bajo";
    after.archived = true;
    after.version = 2;
    after.updatedAt = "2024-06-01T00:00:00.000Z";
    // Id, uuid, code and createdAt stay as stored whatever `after` says.
    after.code = "C-999999";
    after.uuid = "ffffffff-ffff-4fff-8fff-ffffffffffff";
    after.createdAt = "1999-01-01T00:00:00.000Z";
    bool written = false;
    store().write([&](StoreWriter& tx) { written = tx.updateClient(after, original); });
    ASSERT_TRUE(written);
    Client stored = *H::read(store(), original.id);
    EXPECT_EQ(stored.city, "Sevilla");
    EXPECT_EQ(stored.tags, "nuevo");
    EXPECT_EQ(stored.mobile, "699 000 111");
    EXPECT_EQ(stored.street2, "Bajo");
    EXPECT_TRUE(stored.archived);
    EXPECT_EQ(stored.code, original.code);
    EXPECT_EQ(stored.uuid, original.uuid);
    EXPECT_EQ(stored.createdAt, original.createdAt);
    EXPECT_EQ(stored.updatedAt, "2024-06-01T00:00:00.000Z");
    EXPECT_EQ(stored.version, 2);

    // Stale: someone else wrote it since `original` was read.
    Client stale = next(original);
    stale.city = "Bilbao";
    store().write([&](StoreWriter& tx) { written = tx.updateClient(stale, original); });
    EXPECT_FALSE(written);
    EXPECT_EQ(H::read(store(), original.id)->city, "Sevilla");

    // Gone.
    Client ghost = original;
    ghost.id = original.id + 1000;
    store().write([&](StoreWriter& tx) { written = tx.updateClient(next(ghost), ghost); });
    EXPECT_FALSE(written);
    EXPECT_FALSE(H::read(store(), ghost.id).has_value());
}

TEST_P(StoreContract, ConcurrentEditorsOnlyOneUpdateWins)
{
    const Client original = H::add(store(), makeClient("Compartido"));
    std::unique_ptr<Store> other = openAgain();
    Client first = original;
    first.city = "Primera";
    first.version = original.version + 1;
    Client second = original;
    second.city = "Segunda";
    second.version = original.version + 1;
    bool firstWritten = false;
    bool secondWritten = true;
    other->write([&](StoreWriter& tx) { firstWritten = tx.updateClient(first, original); });
    store().write([&](StoreWriter& tx) { secondWritten = tx.updateClient(second, original); });
    EXPECT_TRUE(firstWritten);
    EXPECT_FALSE(secondWritten);
    EXPECT_EQ(H::read(store(), original.id)->city, "Primera");
}

TEST_P(StoreContract, ClientsByTaxIdActiveFirstThenById)
{
    const Client archived = H::add(store(), makeClient("Archivada", "B-1234567-8"));
    Client toArchive = archived;
    toArchive.archived = true;
    store().write([&](StoreWriter& tx)
                  { ASSERT_TRUE(tx.updateClient(next(toArchive), archived)); });
    const Client active1 = H::add(store(), makeClient("Activa 1", "b12345678"));
    const Client active2 = H::add(store(), makeClient("Activa 2", "ES B12345678"));
    H::add(store(), makeClient("Otra", "A87654321"));
    store().read(
        [&](StoreReader& tx)
        {
            const std::vector<Client> found = tx.clientsByTaxId(normalizeTaxId("B12345678", "ES"));
            ASSERT_EQ(found.size(), 3U);
            EXPECT_EQ(found[0].id, active1.id);
            EXPECT_EQ(found[1].id, active2.id);
            EXPECT_EQ(found[2].id, archived.id);
            EXPECT_TRUE(tx.clientsByTaxId(normalizeTaxId("Z999", "ES")).empty());
        });
}

TEST_P(StoreContract, CountClientsWithAndWithoutArchived)
{
    const Client a = H::add(store(), makeClient("A"));
    H::add(store(), makeClient("B"));
    Client archived = a;
    archived.archived = true;
    store().write([&](StoreWriter& tx) { tx.updateClient(next(archived), a); });
    EXPECT_EQ(H::count(store(), true), 2);
    EXPECT_EQ(H::count(store(), false), 1);
}

TEST_P(StoreContract, DeleteClientsTakesContactsTagsActivityAndSearchRows)
{
    Client tagged = makeClient("Borrable Sociedad", "B11111111");
    tagged.tags = "borrar";
    const Client client = H::add(store(), tagged);
    const Contact person = H::addRecord(store(), contact(client.id, "Ana"));
    store().write(
        [&](StoreWriter& tx)
        {
            std::vector<ActivityEntry> entries = {note(client.id, "hola")};
            tx.appendActivity(entries);
        });
    const std::vector<std::int64_t> ids = {client.id};
    store().write([&](StoreWriter& tx) { tx.deleteClients(ids); });
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_FALSE(tx.client(client.id).has_value());
            EXPECT_FALSE(tx.record(RecordType::Contact, person.id).has_value());
            EXPECT_TRUE(tx.records(RecordType::Contact, client.id).empty());
            EXPECT_EQ(tx.activity(client.id, 10, 0).total, 0);
            EXPECT_TRUE(tx.tagCounts().empty());
            EXPECT_TRUE(tx.clientsWithTag("borrar", true).empty());
            EXPECT_EQ(tx.search("borrable", true, 10).total, 0);
            EXPECT_TRUE(tx.clientsByTaxId(normalizeTaxId("B11111111", "ES")).empty());
        });
}

TEST_P(StoreContract, DeleteClientsRefusedWhileOtherRecordsReferToThem)
{
    const Client withInvoice = H::add(store(), makeClient("Con factura"));
    const Client alone = H::add(store(), makeClient("Sola"));
    H::addRecord(store(), invoice(withInvoice.id, "F-1", "2024-01-01"));
    const std::vector<std::int64_t> ids = {alone.id, withInvoice.id};
    EXPECT_THROW(store().write([&](StoreWriter& tx) { tx.deleteClients(ids); }), StoreError);
    // Nothing of the unit was written: the client without records is still there too.
    EXPECT_TRUE(H::read(store(), alone.id).has_value());
    EXPECT_TRUE(H::read(store(), withInvoice.id).has_value());

    const Client withFile = H::add(store(), makeClient("Con fichero"));
    FileInfo info;
    info.clientId = withFile.id;
    info.name = "a.txt";
    info.mimeType = "text/plain";
    info.size = 1;
    info.sha256 = std::string(64, '0');
    info.addedAt = kAt;
    const std::vector<std::uint8_t> bytes = {'x'};
    store().write([&](StoreWriter& tx) { tx.insertFile(info, bytes); });
    const std::vector<std::int64_t> fileOwner = {withFile.id};
    EXPECT_THROW(store().write([&](StoreWriter& tx) { tx.deleteClients(fileOwner); }), StoreError);
    EXPECT_TRUE(H::read(store(), withFile.id).has_value());
}

TEST_P(StoreContract, ClientListsInIdAndListOrder)
{
    const Client zeta = H::add(store(), makeClient("Zeta"));
    const Client alpha = H::add(store(), makeClient("Álvarez"));
    const Client beta = H::add(store(), makeClient("beta"));
    Client archived = beta;
    archived.archived = true;
    store().write([&](StoreWriter& tx) { tx.updateClient(next(archived), beta); });
    store().read(
        [&](StoreReader& tx)
        {
            std::vector<std::int64_t> byId;
            tx.forEachClient([&](Client&& c) { byId.push_back(c.id); });
            EXPECT_EQ(byId, (std::vector<std::int64_t>{zeta.id, alpha.id, beta.id}));

            EXPECT_EQ(tx.clientIdsInListOrder(),
                      (std::vector<std::int64_t>{alpha.id, beta.id, zeta.id}));

            std::size_t announced = 0;
            std::vector<std::string> names;
            tx.forEachClientInListOrder(
                false, [&](std::size_t n) { announced = n; },
                [&](Client&& c) { names.push_back(c.legalName); });
            EXPECT_EQ(announced, 2U);
            EXPECT_EQ(names, (std::vector<std::string>{"Álvarez", "Zeta"}));
            names.clear();
            tx.forEachClientInListOrder(
                true, [&](std::size_t n) { announced = n; },
                [&](Client&& c) { names.push_back(c.legalName); });
            EXPECT_EQ(announced, 3U);
            EXPECT_EQ(names, (std::vector<std::string>{"Álvarez", "beta", "Zeta"}));
        });
}

// ------------------------------------------------------------------------ search and tags

TEST_P(StoreContract, SearchIgnoresCaseAndAccentsAndMatchesPrefixes)
{
    H::add(store(), makeClient("Pérez Gómez, S.L.", "B12345678", "Málaga", "hola@perez.es"));
    H::add(store(), makeClient("Muñoz Ibáñez", "", "Córdoba"));
    H::add(store(), makeClient("Fernández", "", "Sevilla"));
    const std::vector<std::string> perez = {"Pérez Gómez, S.L."};
    EXPECT_EQ(H::searchNames(store(), "perez"), perez);
    EXPECT_EQ(H::searchNames(store(), "PÉREZ"), perez);
    EXPECT_EQ(H::searchNames(store(), "GOMEZ"), perez);
    EXPECT_EQ(H::searchNames(store(), "gó"), perez);
    EXPECT_EQ(H::searchNames(store(), "malaga"), perez);    // city
    EXPECT_EQ(H::searchNames(store(), "per gom"), perez);   // every word a prefix
    EXPECT_EQ(H::searchNames(store(), "b12345678"), perez); // tax ID
    EXPECT_EQ(H::searchNames(store(), "hola"), perez);      // e-mail
    EXPECT_EQ(H::searchNames(store(), "MUNOZ"), (std::vector<std::string>{"Muñoz Ibáñez"}));
    EXPECT_EQ(H::searchNames(store(), "ibanez cordoba"),
              (std::vector<std::string>{"Muñoz Ibáñez"}));
    EXPECT_TRUE(H::searchNames(store(), "perez sevilla").empty());
    EXPECT_TRUE(H::searchNames(store(), "xyz").empty());
}

TEST_P(StoreContract, NameCandidatesHoldEveryWordOfANameWholeOrAsTheStartOfAWord)
{
    const Client lopez =
        H::add(store(), makeClient("Librería Martín López, S.L.", "", "", "libros@martin.es"));
    const Client martinez = H::add(store(), makeClient("Librería Martínez"));
    Client trade = makeClient("Distribuciones Norte");
    trade.tradeName = "Martín Libros";
    trade = H::add(store(), trade);
    H::add(store(), makeClient("Papelería Sol", "", "Martín de la Jara", "martin@sol.es"));
    const Client gone = H::add(store(), makeClient("Martín Archivada"));
    Client archived = gone;
    archived.archived = true;
    store().write([&](StoreWriter& tx) { tx.updateClient(next(archived), gone); });
    const auto sorted = [](std::vector<std::int64_t> ids)
    {
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    store().read(
        [&](StoreReader& tx)
        {
            // Whole words, any order, case and accents ignored; not city nor e-mail.
            EXPECT_EQ(tx.nameCandidates("LIBRERIA martin", false, 10),
                      (std::vector<std::int64_t>{lopez.id}));
            EXPECT_EQ(sorted(tx.nameCandidates("martín", false, 10)), sorted({lopez.id, trade.id}));
            EXPECT_TRUE(tx.nameCandidates("libre", false, 10).empty());
            // The start of a word; trade names too; archived clients never.
            EXPECT_EQ(sorted(tx.nameCandidates("mart", true, 10)),
                      sorted({lopez.id, martinez.id, trade.id}));
            EXPECT_EQ(tx.nameCandidates("mart", true, 2).size(), 2U);
            EXPECT_TRUE(tx.nameCandidates("mart", true, 0).empty());
            EXPECT_TRUE(tx.nameCandidates("  ,; ", false, 10).empty());
            // A word longer than any name's: nothing, and no failure.
            EXPECT_TRUE(tx.nameCandidates("libreria " + std::string(3000, 'x'), false, 10).empty());
            EXPECT_TRUE(tx.nameCandidates(std::string(3000, 'm'), true, 10).empty());
            // Inner punctuation: its parts as a phrase, in the names only.
            EXPECT_EQ(tx.nameCandidates("libros@martin", false, 10).size(), 0U); // an e-mail
            for (std::string_view odd :
                 {"\"", "*", "a OR b", "NEAR(", "-x", "\xff\xfe", "(", "^", "'; DROP", "a:b"})
            {
                EXPECT_NO_THROW(tx.nameCandidates(odd, false, 10)) << odd;
                EXPECT_NO_THROW(tx.nameCandidates(odd, true, 10)) << odd;
            }
        });
}

TEST_P(StoreContract, SearchFindsCodesWithAndWithoutPadding)
{
    const Client client = H::add(store(), makeClient("Código"));
    H::add(store(), makeClient("Otro"));
    store().read(
        [&](StoreReader& tx)
        {
            for (std::string_view query : {std::string_view(client.code), std::string_view("c-1")})
            {
                const SearchPage page = tx.search(query, false, 10);
                ASSERT_EQ(page.rows.size(), 1U) << query;
                EXPECT_EQ(page.rows[0].id, client.id);
                EXPECT_EQ(page.rows[0].code, client.code);
            }
        });
}

TEST_P(StoreContract, SearchTotalsLimitsArchivedAndEmptyQueries)
{
    for (const char* name : {"Delta Uno", "alfa Dos", "Charlie Tres", "Bravo Cuatro"})
        H::add(store(), makeClient(name));
    const Client archived = H::add(store(), makeClient("Delta Archivada"));
    Client changed = archived;
    changed.archived = true;
    store().write([&](StoreWriter& tx) { tx.updateClient(next(changed), archived); });
    store().read(
        [&](StoreReader& tx)
        {
            SearchPage page = tx.search("delta", false, 10);
            EXPECT_EQ(page.total, 1);
            page = tx.search("delta", true, 10);
            EXPECT_EQ(page.total, 2);
            ASSERT_EQ(page.rows.size(), 2U);
            EXPECT_TRUE(page.rows[0].archived != page.rows[1].archived);

            // Empty query: every client by folded legal name.
            page = tx.search("", false, 2);
            EXPECT_EQ(page.total, 4);
            ASSERT_EQ(page.rows.size(), 2U);
            EXPECT_EQ(page.rows[0].legalName, "alfa Dos");
            EXPECT_EQ(page.rows[1].legalName, "Bravo Cuatro");
            EXPECT_EQ(tx.search("  ,;. ", false, 10).total, 4);

            // What users type never throws.
            for (std::string_view odd :
                 {"\"", "*", "a OR b", "NEAR(", "-x", "\xff\xfe", "(", "^", "'; DROP"})
                EXPECT_NO_THROW(tx.search(odd, true, 10)) << odd;
        });
}

TEST_P(StoreContract, SearchFollowsUpdates)
{
    const Client client = H::add(store(), makeClient("Nombre Viejo"));
    Client renamed = client;
    renamed.legalName = "Nombre Nuevo";
    store().write([&](StoreWriter& tx) { tx.updateClient(next(renamed), client); });
    EXPECT_TRUE(H::searchNames(store(), "viejo").empty());
    EXPECT_EQ(H::searchNames(store(), "nuevo"), (std::vector<std::string>{"Nombre Nuevo"}));
}

TEST_P(StoreContract, TagsFoldCaseAndAccents)
{
    Client a = makeClient("A");
    a.tags = "VIP, Café";
    Client b = makeClient("B");
    b.tags = "vip";
    Client c = makeClient("C");
    c.tags = "cafe, otro";
    const Client storedA = H::add(store(), a);
    const Client storedB = H::add(store(), b);
    const Client storedC = H::add(store(), c);
    store().read(
        [&](StoreReader& tx)
        {
            std::vector<std::int64_t> ids;
            for (const ClientSummary& s : tx.clientsWithTag("vIp", false))
                ids.push_back(s.id);
            EXPECT_EQ(ids, (std::vector<std::int64_t>{storedA.id, storedB.id}));
            ids.clear();
            for (const ClientSummary& s : tx.clientsWithTag("CAFÉ", false))
                ids.push_back(s.id);
            EXPECT_EQ(ids, (std::vector<std::int64_t>{storedA.id, storedC.id}));
            EXPECT_TRUE(tx.clientsWithTag("nadie", true).empty());

            const std::vector<TagCount> counts = tx.tagCounts();
            ASSERT_EQ(counts.size(), 3U);
            EXPECT_EQ(counts[0].tag, "Café"); // "Café" < "cafe" in byte order
            EXPECT_EQ(counts[0].clients, 2);
            EXPECT_EQ(counts[1].tag, "otro");
            EXPECT_EQ(counts[1].clients, 1);
            EXPECT_EQ(counts[2].tag, "VIP");
            EXPECT_EQ(counts[2].clients, 2);
        });
}

// ------------------------------------------------------------------------ records

TEST_P(StoreContract, EveryKindOfRecordRoundTrips)
{
    const Client client = H::add(store(), makeClient("Registros"));
    Contact c = contact(client.id, "Ana");
    c.role = "Gerente";
    c.email = "ana@x.es";
    c.phone = "600";
    c.mobile = "+351 912 345 678";
    Project p;
    p.clientId = client.id;
    p.name = "Web";
    p.status = ProjectStatus::Closed;
    Task t;
    t.clientId = client.id;
    t.title = "Llamar";
    t.dueDate = "2024-07-01";
    t.status = TaskStatus::Done;
    PurchaseOrder o;
    o.clientId = client.id;
    o.number = "PO-7";
    o.date = "2024-02-02";
    o.amount = 12345;
    o.currency = "USD";
    o.status = OrderStatus::Closed;
    Deal d;
    d.clientId = client.id;
    d.title = "Oferta";
    d.number = "OF-1";
    d.date = "2024-03-03";
    d.amount = 999;
    d.currency = "EUR";
    d.stage = DealStage::Accepted;
    d.validUntil = "2024-04-04";
    const Invoice i =
        invoice(client.id, "F-2024-001", "2024-01-15", 1000, -150, "EUR", InvoiceStatus::Paid);

    const Contact sc = H::addRecord(store(), c);
    const Project sp = H::addRecord(store(), stampedRecord(p));
    TimeEntry e;
    e.projectId = sp.id;
    e.clientId = client.id; // the project's client, set by the register
    e.date = "2024-05-05";
    e.hours = 2.5;
    e.note = "reunión";
    const TimeEntry se = H::addRecord(store(), stampedRecord(e));
    const Task st = H::addRecord(store(), stampedRecord(t));
    const PurchaseOrder so = H::addRecord(store(), stampedRecord(o));
    const Invoice si = H::addRecord(store(), i);
    const Deal sd = H::addRecord(store(), stampedRecord(d));
    for (std::int64_t id : {sc.id, sp.id, se.id, st.id, so.id, si.id, sd.id})
        EXPECT_GT(id, 0);

    store().read(
        [&](StoreReader& tx)
        {
            const auto rc = recordOf<Contact>(tx.record(RecordType::Contact, sc.id));
            EXPECT_EQ(rc.clientId, client.id);
            EXPECT_EQ(rc.name, "Ana");
            EXPECT_EQ(rc.role, "Gerente");
            EXPECT_EQ(rc.email, "ana@x.es");
            EXPECT_EQ(rc.phone, "600");
            EXPECT_EQ(rc.version, 1);
            EXPECT_EQ(rc.createdAt, kAt);

            const auto rp = recordOf<Project>(tx.record(RecordType::Project, sp.id));
            EXPECT_EQ(rp.name, "Web");
            EXPECT_EQ(rp.status, ProjectStatus::Closed);

            const auto re = recordOf<TimeEntry>(tx.record(RecordType::TimeEntry, se.id));
            EXPECT_EQ(re.projectId, sp.id);
            EXPECT_EQ(re.clientId, client.id);
            EXPECT_EQ(re.date, "2024-05-05");
            EXPECT_DOUBLE_EQ(re.hours, 2.5);
            EXPECT_EQ(re.note, "reunión");

            const auto rt = recordOf<Task>(tx.record(RecordType::Task, st.id));
            EXPECT_EQ(rt.title, "Llamar");
            EXPECT_EQ(rt.dueDate, "2024-07-01");
            EXPECT_EQ(rt.status, TaskStatus::Done);

            const auto ro = recordOf<PurchaseOrder>(tx.record(RecordType::PurchaseOrder, so.id));
            EXPECT_EQ(ro.number, "PO-7");
            EXPECT_EQ(ro.date, "2024-02-02");
            EXPECT_EQ(ro.amount, 12345);
            EXPECT_EQ(ro.currency, "USD");
            EXPECT_EQ(ro.status, OrderStatus::Closed);

            const auto ri = recordOf<Invoice>(tx.record(RecordType::Invoice, si.id));
            EXPECT_EQ(ri.number, "F-2024-001");
            EXPECT_EQ(ri.issueDate, "2024-01-15");
            EXPECT_EQ(ri.dueDate, "2024-01-15");
            EXPECT_EQ(ri.net, 1000);
            EXPECT_EQ(ri.tax, -150);
            EXPECT_EQ(ri.total, 850);
            EXPECT_EQ(ri.currency, "EUR");
            EXPECT_EQ(ri.status, InvoiceStatus::Paid);

            const auto rd = recordOf<Deal>(tx.record(RecordType::Deal, sd.id));
            EXPECT_EQ(rd.title, "Oferta");
            EXPECT_EQ(rd.number, "OF-1");
            EXPECT_EQ(rd.amount, 999);
            EXPECT_EQ(rd.stage, DealStage::Accepted);
            EXPECT_EQ(rd.validUntil, "2024-04-04");

            EXPECT_FALSE(tx.record(RecordType::Invoice, si.id + 1000).has_value());
        });
}

// Schema v5 (SQLite; v4 on the server): a client's other addresses and its bank accounts keep
// every field, list addresses by type then age, and go with their client.
TEST_P(StoreContract, AddressesAndBankAccountsRoundTripListAndGoWithTheirClient)
{
    const Client client = H::add(store(), makeClient("Direcciones"));
    Address shipping;
    shipping.clientId = client.id;
    shipping.type = AddressType::Shipping;
    shipping.name = "Almacén";
    shipping.street = "Calle Mayor 1";
    shipping.street2 = "Nave 4";
    shipping.postalCode = "28001";
    shipping.city = "Madrid";
    shipping.region = "Madrid";
    shipping.country = "ES";
    shipping.phone = "910000000";
    shipping.email = "almacen@x.es";
    Address billing;
    billing.clientId = client.id;
    billing.type = AddressType::Billing;
    billing.street = "Gran Vía 2";
    BankAccount account;
    account.clientId = client.id;
    account.iban = "ES9121000418450200051332";
    account.bic = "CAIXESBBXXX";
    account.holder = "Direcciones SL";
    account.bank = "CaixaBank";

    const Address ss = H::addRecord(store(), stampedRecord(shipping));
    const Address sb = H::addRecord(store(), stampedRecord(billing));
    const BankAccount sa = H::addRecord(store(), stampedRecord(account));
    store().read(
        [&](StoreReader& tx)
        {
            const auto ra = recordOf<Address>(tx.record(RecordType::Address, ss.id));
            EXPECT_EQ(ra.clientId, client.id);
            EXPECT_EQ(ra.type, AddressType::Shipping);
            EXPECT_EQ(ra.name, "Almacén");
            EXPECT_EQ(ra.street, "Calle Mayor 1");
            EXPECT_EQ(ra.street2, "Nave 4");
            EXPECT_EQ(ra.postalCode, "28001");
            EXPECT_EQ(ra.city, "Madrid");
            EXPECT_EQ(ra.region, "Madrid");
            EXPECT_EQ(ra.country, "ES");
            EXPECT_EQ(ra.phone, "910000000");
            EXPECT_EQ(ra.email, "almacen@x.es");
            EXPECT_EQ(ra.version, 1);
            const auto rb = recordOf<BankAccount>(tx.record(RecordType::BankAccount, sa.id));
            EXPECT_EQ(rb.iban, "ES9121000418450200051332");
            EXPECT_EQ(rb.bic, "CAIXESBBXXX");
            EXPECT_EQ(rb.holder, "Direcciones SL");
            EXPECT_EQ(rb.bank, "CaixaBank");
            // Billing before shipping, whatever the order they were added in.
            std::vector<std::int64_t> ids;
            for (const AnyRecord& r : tx.records(RecordType::Address, client.id))
                ids.push_back(std::visit([](const auto& x) { return x.id; }, r));
            EXPECT_EQ(ids, (std::vector<std::int64_t>{sb.id, ss.id}));
            EXPECT_EQ(tx.records(RecordType::BankAccount, client.id).size(), 1u);
        });
    const std::vector<std::int64_t> doomed = {client.id};
    store().write([&](StoreWriter& tx) { tx.deleteClients(doomed); });
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_FALSE(tx.record(RecordType::Address, ss.id).has_value());
            EXPECT_FALSE(tx.record(RecordType::BankAccount, sa.id).has_value());
        });
    // The same when an undo deletes many clients at once (WriteHints::deletesMany: SQLite's
    // foreign keys off, the store deleting the dependent rows itself): none is left behind
    // for the next client given a freed id.
    const Client many = H::add(store(), makeClient("Deshecha en bloque"));
    shipping.clientId = many.id;
    account.clientId = many.id;
    const Address ms = H::addRecord(store(), stampedRecord(shipping));
    const BankAccount ma = H::addRecord(store(), stampedRecord(account));
    const std::vector<std::int64_t> undone = {many.id};
    store().write([&](StoreWriter& tx) { tx.deleteClients(undone); }, WriteHints{1, true});
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_FALSE(tx.record(RecordType::Address, ms.id).has_value());
            EXPECT_FALSE(tx.record(RecordType::BankAccount, ma.id).has_value());
            EXPECT_TRUE(tx.records(RecordType::Address, many.id).empty());
        });
}

// The records of many clients in one read (an export's sheets): grouped by client, clients by
// id, each one's in the kind's list order; a client without any adds nothing.
TEST_P(StoreContract, TheRecordsOfManyClientsAreReadAtOnceInListOrder)
{
    const Client a = H::add(store(), makeClient("Primera"));
    const Client b = H::add(store(), makeClient("Sin nadie"));
    const Client c = H::add(store(), makeClient("Tercera"));
    const Contact zoe = H::addRecord(store(), contact(a.id, "Zoe"));
    const Contact ana = H::addRecord(store(), contact(a.id, "ana"));
    const Contact luis = H::addRecord(store(), contact(c.id, "Luis"));
    const std::vector<std::int64_t> ids = {c.id, b.id, a.id};
    store().read(
        [&](StoreReader& tx)
        {
            std::vector<std::int64_t> read;
            for (const AnyRecord& r : tx.recordsOf(RecordType::Contact, ids))
                read.push_back(std::get<Contact>(r).id);
            EXPECT_EQ(read, (std::vector<std::int64_t>{ana.id, zoe.id, luis.id}));
            const std::vector<std::int64_t> onlyB = {b.id};
            EXPECT_TRUE(tx.recordsOf(RecordType::Contact, onlyB).empty());
            EXPECT_TRUE(tx.recordsOf(RecordType::Address, ids).empty());
            EXPECT_TRUE(tx.recordsOf(RecordType::Contact, {}).empty());
        });
}

// Many records of one kind at once (an import's people and addresses; 600 take each store's
// bulk path): each gets its own id,
// every field is kept, and they list as if added one by one; records added after them get
// later ids.
TEST_P(StoreContract, ManyRecordsInsertedAtOnceKeepEveryFieldAndTheirIds)
{
    const Client client = H::add(store(), makeClient("Muchas direcciones"));
    const Address before = [&]
    {
        Address one;
        one.clientId = client.id;
        one.street = "Antes 1";
        return H::addRecord(store(), stampedRecord(one));
    }();
    std::vector<AnyRecord> many;
    for (int i = 0; i < 600; ++i) // past both stores' bulk thresholds
    {
        Address address;
        address.clientId = client.id;
        address.type = i % 2 ? AddressType::Shipping : AddressType::Other;
        address.name = "Nave " + std::to_string(i);
        address.street = "Polígono " + std::to_string(i);
        address.country = "ES";
        many.emplace_back(stampedRecord(address));
    }
    store().write([&](StoreWriter& tx) { tx.insertRecords(many); });
    std::set<std::int64_t> ids = {before.id};
    for (const AnyRecord& any : many)
        ids.insert(std::get<Address>(any).id);
    EXPECT_EQ(ids.size(), 601U);
    EXPECT_GT(std::get<Address>(many.front()).id, before.id);
    Address after;
    after.clientId = client.id;
    after.street = "Después 1";
    EXPECT_GT(H::addRecord(store(), stampedRecord(after)).id, *ids.rbegin());
    store().read(
        [&](StoreReader& tx)
        {
            for (int i : {0, 1, 77, 599})
            {
                const Address& written = std::get<Address>(many[static_cast<std::size_t>(i)]);
                const auto stored = recordOf<Address>(tx.record(RecordType::Address, written.id));
                EXPECT_EQ(stored.clientId, client.id);
                EXPECT_EQ(stored.name, "Nave " + std::to_string(i));
                EXPECT_EQ(stored.street, "Polígono " + std::to_string(i));
                EXPECT_EQ(stored.type, i % 2 ? AddressType::Shipping : AddressType::Other);
                EXPECT_EQ(stored.country, "ES");
                EXPECT_EQ(stored.version, 1);
                EXPECT_EQ(stored.createdAt, kAt);
            }
            EXPECT_EQ(tx.records(RecordType::Address, client.id).size(), 602U);
        });
}

TEST_P(StoreContract, RecordListsInEachKindsOrder)
{
    const Client client = H::add(store(), makeClient("Listas"));
    const Client other = H::add(store(), makeClient("Otra"));
    const Contact zoe = H::addRecord(store(), contact(client.id, "zoe"));
    const Contact ana = H::addRecord(store(), contact(client.id, "Ana"));
    const Contact bea = H::addRecord(store(), contact(client.id, "bea"));
    H::addRecord(store(), contact(other.id, "Ajena"));
    const Invoice old = H::addRecord(store(), invoice(client.id, "F-1", "2023-01-01"));
    const Invoice newer = H::addRecord(store(), invoice(client.id, "F-2", "2024-01-01"));
    const Invoice sameDay = H::addRecord(store(), invoice(client.id, "F-3", "2024-01-01"));

    Task dated;
    dated.clientId = client.id;
    dated.title = "fechada";
    dated.dueDate = "2024-02-01";
    Task earlier = dated;
    earlier.title = "antes";
    earlier.dueDate = "2024-01-01";
    Task undated = dated;
    undated.title = "sin fecha";
    undated.dueDate = "";
    Task done = dated;
    done.title = "hecha";
    done.dueDate = "2023-01-01";
    done.status = TaskStatus::Done;
    const Task sDated = H::addRecord(store(), stampedRecord(dated));
    const Task sDone = H::addRecord(store(), stampedRecord(done));
    const Task sUndated = H::addRecord(store(), stampedRecord(undated));
    const Task sEarlier = H::addRecord(store(), stampedRecord(earlier));

    Project open;
    open.clientId = client.id;
    open.name = "Zulu";
    Project closed = open;
    closed.name = "Alfa";
    closed.status = ProjectStatus::Closed;
    const Project sClosed = H::addRecord(store(), stampedRecord(closed));
    const Project sOpen = H::addRecord(store(), stampedRecord(open));
    TimeEntry e1;
    e1.projectId = sOpen.id;
    e1.clientId = client.id;
    e1.date = "2024-01-01";
    e1.hours = 1;
    TimeEntry e2 = e1;
    e2.date = "2024-03-01";
    TimeEntry e3 = e1; // same date as e1, newer id
    const TimeEntry s1 = H::addRecord(store(), stampedRecord(e1));
    const TimeEntry s2 = H::addRecord(store(), stampedRecord(e2));
    const TimeEntry s3 = H::addRecord(store(), stampedRecord(e3));

    const auto ids = [&](RecordType kind, std::int64_t parent)
    {
        std::vector<std::int64_t> out;
        store().read(
            [&](StoreReader& tx)
            {
                for (const AnyRecord& r : tx.records(kind, parent))
                    out.push_back(std::visit([](const auto& x) { return x.id; }, r));
            });
        return out;
    };
    EXPECT_EQ(ids(RecordType::Contact, client.id),
              (std::vector<std::int64_t>{ana.id, bea.id, zoe.id}));
    EXPECT_EQ(ids(RecordType::Invoice, client.id),
              (std::vector<std::int64_t>{sameDay.id, newer.id, old.id}));
    EXPECT_EQ(ids(RecordType::Task, client.id),
              (std::vector<std::int64_t>{sEarlier.id, sDated.id, sUndated.id, sDone.id}));
    EXPECT_EQ(ids(RecordType::Project, client.id),
              (std::vector<std::int64_t>{sOpen.id, sClosed.id}));
    EXPECT_EQ(ids(RecordType::TimeEntry, sOpen.id),
              (std::vector<std::int64_t>{s2.id, s3.id, s1.id}));
    EXPECT_TRUE(ids(RecordType::TimeEntry, sClosed.id).empty());
    EXPECT_TRUE(ids(RecordType::Invoice, other.id).empty());
}

TEST_P(StoreContract, UpdateRecordWritesOnlyOverTheExpectedVersion)
{
    const Client client = H::add(store(), makeClient("Versiones"));
    const Invoice stored = H::addRecord(store(), invoice(client.id, "F-1", "2024-01-01"));
    Invoice changed = stored;
    changed.status = InvoiceStatus::Paid;
    changed.version = 2;
    bool written = false;
    store().write([&](StoreWriter& tx) { written = tx.updateRecord(changed, stored.version); });
    EXPECT_TRUE(written);

    Invoice stale = stored;
    stale.status = InvoiceStatus::Draft;
    stale.version = 2;
    store().write([&](StoreWriter& tx) { written = tx.updateRecord(stale, stored.version); });
    EXPECT_FALSE(written);

    Invoice ghost = changed;
    ghost.id = stored.id + 1000;
    store().write([&](StoreWriter& tx) { written = tx.updateRecord(ghost, 2); });
    EXPECT_FALSE(written);

    store().read(
        [&](StoreReader& tx)
        {
            const auto now = recordOf<Invoice>(tx.record(RecordType::Invoice, stored.id));
            EXPECT_EQ(now.status, InvoiceStatus::Paid);
            EXPECT_EQ(now.version, 2);
            EXPECT_FALSE(tx.record(RecordType::Invoice, ghost.id).has_value());
        });
}

TEST_P(StoreContract, RemoveRecordAndAProjectWithItsTimeEntries)
{
    const Client client = H::add(store(), makeClient("Borrar registros"));
    const Contact c = H::addRecord(store(), contact(client.id, "Ana"));
    Project p;
    p.clientId = client.id;
    p.name = "P";
    const Project sp = H::addRecord(store(), stampedRecord(p));
    TimeEntry e;
    e.projectId = sp.id;
    e.clientId = client.id; // the project's client, set by the register
    e.date = "2024-01-01";
    e.hours = 3;
    const TimeEntry se = H::addRecord(store(), stampedRecord(e));
    bool removed = false;
    store().write([&](StoreWriter& tx) { removed = tx.removeRecord(RecordType::Contact, c.id); });
    EXPECT_TRUE(removed);
    store().write([&](StoreWriter& tx) { removed = tx.removeRecord(RecordType::Contact, c.id); });
    EXPECT_FALSE(removed);
    store().write([&](StoreWriter& tx) { removed = tx.removeRecord(RecordType::Project, sp.id); });
    EXPECT_TRUE(removed);
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_FALSE(tx.record(RecordType::Contact, c.id).has_value());
            EXPECT_FALSE(tx.record(RecordType::Project, sp.id).has_value());
            EXPECT_FALSE(tx.record(RecordType::TimeEntry, se.id).has_value());
        });
    // With every record gone the client may be deleted.
    const std::vector<std::int64_t> ids = {client.id};
    EXPECT_NO_THROW(store().write([&](StoreWriter& tx) { tx.deleteClients(ids); }));
}

TEST_P(StoreContract, RecordsMustReferToExistingClientsAndProjects)
{
    const Client client = H::add(store(), makeClient("Existe"));
    EXPECT_THROW(H::addRecord(store(), contact(client.id + 1000, "Nadie")), StoreError);
    EXPECT_THROW(H::addRecord(store(), invoice(client.id + 1000, "F-9", "2024-01-01")), StoreError);
    TimeEntry orphan;
    orphan.projectId = 4242;
    orphan.clientId = client.id;
    orphan.date = "2024-01-01";
    orphan.hours = 1;
    EXPECT_THROW(H::addRecord(store(), stampedRecord(orphan)), StoreError);
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_TRUE(tx.allInvoices().empty());
            EXPECT_TRUE(tx.records(RecordType::Contact, client.id).empty());
        });
}

TEST_P(StoreContract, InvoiceNumbersAreUniqueIgnoringAsciiCase)
{
    const Client client = H::add(store(), makeClient("Facturas"));
    const Invoice first = H::addRecord(store(), invoice(client.id, "F-2024-a", "2024-01-01"));
    EXPECT_THROW(H::addRecord(store(), invoice(client.id, "f-2024-A", "2024-02-01")), StoreError);
    // An update onto a number in use fails too, and writes nothing.
    const Invoice second = H::addRecord(store(), invoice(client.id, "F-2", "2024-02-01"));
    Invoice renamed = second;
    renamed.number = "F-2024-A";
    renamed.version = 2;
    EXPECT_THROW(store().write([&](StoreWriter& tx) { tx.updateRecord(renamed, 1); }), StoreError);
    store().read(
        [&](StoreReader& tx)
        {
            ASSERT_TRUE(tx.invoiceByNumber("F-2024-A").has_value());
            EXPECT_EQ(tx.invoiceByNumber("F-2024-A")->id, first.id);
            EXPECT_EQ(tx.invoiceByNumber("f-2")->id, second.id);
            EXPECT_EQ(recordOf<Invoice>(tx.record(RecordType::Invoice, second.id)).number, "F-2");
            EXPECT_FALSE(tx.invoiceByNumber("F-3").has_value());
            EXPECT_EQ(tx.allInvoices().size(), 2U);
        });
}

TEST_P(StoreContract, AllInvoicesAndTheInvoiceList)
{
    const Client a = H::add(store(), makeClient("Cliente A", "B12345678"));
    const Client b = H::add(store(), makeClient("Cliente B"));
    const Invoice i1 = H::addRecord(store(), invoice(a.id, "F-3", "2024-03-01"));
    const Invoice i2 =
        H::addRecord(store(), invoice(b.id, "f-2", "2024-01-01", 5, 0, "EUR", InvoiceStatus::Paid));
    const Invoice i3 = H::addRecord(store(), invoice(a.id, "F-1", "2024-01-01"));
    store().read(
        [&](StoreReader& tx)
        {
            std::vector<std::int64_t> ids;
            for (const Invoice& i : tx.allInvoices())
                ids.push_back(i.id);
            EXPECT_EQ(ids, (std::vector<std::int64_t>{i1.id, i2.id, i3.id}));

            // By issue date, then number ignoring case.
            std::vector<InvoiceListRow> rows = tx.invoiceList({});
            ASSERT_EQ(rows.size(), 3U);
            EXPECT_EQ(rows[0].invoice.id, i3.id);
            EXPECT_EQ(rows[1].invoice.id, i2.id);
            EXPECT_EQ(rows[2].invoice.id, i1.id);
            EXPECT_EQ(rows[0].clientCode, a.code);
            EXPECT_EQ(rows[0].clientLegalName, "Cliente A");
            EXPECT_EQ(rows[0].clientTaxId, "B12345678");
            EXPECT_EQ(rows[1].clientLegalName, "Cliente B");

            rows = tx.invoiceList({"2024-02-01", "", std::nullopt});
            ASSERT_EQ(rows.size(), 1U);
            EXPECT_EQ(rows[0].invoice.id, i1.id);
            rows = tx.invoiceList({"", "2024-01-01", InvoiceStatus::Paid});
            ASSERT_EQ(rows.size(), 1U);
            EXPECT_EQ(rows[0].invoice.id, i2.id);
        });
}

// ------------------------------------------------------------------------ aggregates

TEST_P(StoreContract, AggregateCountsAndSumsWithFilters)
{
    const Client client = H::add(store(), makeClient("Cifras"));
    H::addRecord(store(), invoice(client.id, "F-1", "2024-01-01", 1000, 210, "EUR",
                                  InvoiceStatus::Authorised));
    H::addRecord(store(),
                 invoice(client.id, "F-2", "2024-02-01", 2000, 420, "EUR", InvoiceStatus::Paid));
    H::addRecord(store(),
                 invoice(client.id, "F-3", "2024-03-01", 500, 0, "USD", InvoiceStatus::Authorised));
    AggregateQuery query;
    query.kind = RecordType::Invoice;
    query.clientId = client.id;
    query.measures = {
        {{}, "total"},
        {{{"status", Compare::Equal, "authorised"}}, "total"},
        {{{"dueDate", Compare::Less, "2024-02-15"}, {"status", Compare::NotEqual, "paid"}}, ""},
        {{{"net", Compare::GreaterOrEqual, "1000"}}, "net"},
    };
    std::vector<AggregateGroup> groups;
    store().read([&](StoreReader& tx) { groups = tx.aggregate(query); });
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(groups[0].currency, "");
    ASSERT_EQ(groups[0].values.size(), 4U);
    EXPECT_EQ(groups[0].values[0].count, 3);
    EXPECT_EQ(groups[0].values[0].sum, 1210 + 2420 + 500);
    EXPECT_EQ(groups[0].values[1].count, 2);
    EXPECT_EQ(groups[0].values[1].sum, 1210 + 500);
    EXPECT_EQ(groups[0].values[2].count, 1);
    EXPECT_EQ(groups[0].values[3].count, 2);
    EXPECT_EQ(groups[0].values[3].sum, 3000);

    query.byCurrency = true;
    store().read([&](StoreReader& tx) { groups = tx.aggregate(query); });
    ASSERT_EQ(groups.size(), 2U);
    EXPECT_EQ(groups[0].currency, "EUR");
    EXPECT_EQ(groups[0].values[0].count, 2);
    EXPECT_EQ(groups[0].values[0].sum, 3630);
    EXPECT_EQ(groups[1].currency, "USD");
    EXPECT_EQ(groups[1].values[1].sum, 500);

    // No records: no groups by currency, one empty group otherwise.
    const Client empty = H::add(store(), makeClient("Vacía"));
    query.clientId = empty.id;
    store().read([&](StoreReader& tx) { groups = tx.aggregate(query); });
    EXPECT_TRUE(groups.empty());
    query.byCurrency = false;
    store().read([&](StoreReader& tx) { groups = tx.aggregate(query); });
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(groups[0].values[0].count, 0);
    EXPECT_EQ(groups[0].values[0].sum, 0);
}

TEST_P(StoreContract, AggregateOfHoursAndFileSizes)
{
    const Client client = H::add(store(), makeClient("Horas"));
    Project p;
    p.clientId = client.id;
    p.name = "P";
    const Project sp = H::addRecord(store(), stampedRecord(p));
    for (double hours : {1.5, 2.25})
    {
        TimeEntry e;
        e.projectId = sp.id;
        e.clientId = client.id;
        e.clientId = client.id; // the project's client, set by the register
        e.date = "2024-01-01";
        e.hours = hours;
        H::addRecord(store(), stampedRecord(e));
    }
    AggregateQuery query;
    query.kind = RecordType::TimeEntry;
    query.projectId = sp.id;
    query.measures = {{{}, "hours"}};
    std::vector<AggregateGroup> groups;
    store().read([&](StoreReader& tx) { groups = tx.aggregate(query); });
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(groups[0].values[0].count, 2);
    EXPECT_DOUBLE_EQ(groups[0].values[0].realSum, 3.75);
    query.projectId = 0;
    query.clientId = client.id;
    store().read([&](StoreReader& tx) { groups = tx.aggregate(query); });
    EXPECT_DOUBLE_EQ(groups.at(0).values.at(0).realSum, 3.75);

    for (std::int64_t size : {3, 4})
    {
        FileInfo info;
        info.clientId = client.id;
        info.name = "f";
        info.mimeType = "application/octet-stream";
        info.size = size;
        info.sha256 = std::string(64, 'a');
        info.addedAt = kAt;
        const std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size), 7);
        store().write([&](StoreWriter& tx) { tx.insertFile(info, bytes); });
    }
    query = {};
    query.kind = RecordType::File;
    query.clientId = client.id;
    query.measures = {{{}, "size"}};
    store().read([&](StoreReader& tx) { groups = tx.aggregate(query); });
    EXPECT_EQ(groups.at(0).values.at(0).count, 2);
    EXPECT_EQ(groups.at(0).values.at(0).sum, 7);
}

TEST_P(StoreContract, AggregateRefusesFieldsTheKindHasNot)
{
    const Client client = H::add(store(), makeClient("Campos"));
    AggregateQuery query;
    query.kind = RecordType::Invoice;
    query.clientId = client.id;
    query.measures = {{{{"stage", Compare::Equal, "sent"}}, ""}};
    store().read([&](StoreReader& tx)
                 { EXPECT_THROW(tx.aggregate(query), std::invalid_argument); });
    query.measures = {{{}, "name"}};
    store().read([&](StoreReader& tx)
                 { EXPECT_THROW(tx.aggregate(query), std::invalid_argument); });
    query.measures = {{{{"total", Compare::Greater, "mucho"}}, ""}};
    store().read([&](StoreReader& tx)
                 { EXPECT_THROW(tx.aggregate(query), std::invalid_argument); });
}

// The register states a rule once, as a filter: a store's count of the records it selects is
// the number of records that matches() (the derived "overdue" field, the lists, the labels)
// accepts.
TEST_P(StoreContract, AggregateCountsWhatMatchesAccepts)
{
    const Client client = H::add(store(), makeClient("Reglas"));
    const std::string today = "2024-05-15";
    std::vector<Invoice> invoices;
    std::vector<Task> tasks;
    int n = 0;
    for (InvoiceStatus status :
         {InvoiceStatus::Draft, InvoiceStatus::Authorised, InvoiceStatus::Paid})
        for (const char* due : {"2024-05-01", "2024-05-14", "2024-05-15", "2024-05-16"})
        {
            Invoice i = invoice(client.id, "R-" + std::to_string(++n), "2024-04-01", n * 100, 0,
                                n % 2 ? "EUR" : "USD", status);
            i.dueDate = due;
            invoices.push_back(H::addRecord(store(), i));
        }
    for (TaskStatus status : {TaskStatus::Pending, TaskStatus::Done})
        for (const char* due : {"", "2024-05-01", "2024-05-15", "2024-05-20", "2024-06-30"})
        {
            Task t;
            t.clientId = client.id;
            t.title = "t";
            t.dueDate = due;
            t.status = status;
            tasks.push_back(H::addRecord(store(), stampedRecord(t)));
        }

    const std::vector<Filter> invoiceRules = {overdueInvoices(today), pendingInvoices(today),
                                              draftInvoices(), issuedInvoices(), paidInvoices()};
    const std::vector<Filter> taskRules = {overdueTasks(today), pendingTasks(),
                                           upcomingTasks(today, "2024-05-21"), doneTasks()};
    AggregateQuery invoiceQuery{.kind = RecordType::Invoice, .clientId = client.id};
    for (const Filter& rule : invoiceRules)
        invoiceQuery.measures.push_back({rule, "total"});
    AggregateQuery taskQuery{.kind = RecordType::Task, .clientId = client.id};
    for (const Filter& rule : taskRules)
        taskQuery.measures.push_back({rule, ""});
    std::vector<AggregateGroup> invoiceGroups;
    std::vector<AggregateGroup> taskGroups;
    store().read(
        [&](StoreReader& tx)
        {
            invoiceGroups = tx.aggregate(invoiceQuery);
            taskGroups = tx.aggregate(taskQuery);
        });
    ASSERT_EQ(invoiceGroups.size(), 1U);
    ASSERT_EQ(taskGroups.size(), 1U);
    for (std::size_t r = 0; r < invoiceRules.size(); ++r)
    {
        std::int64_t count = 0;
        std::int64_t sum = 0;
        for (const Invoice& i : invoices)
            if (matches(invoiceRules[r], i))
            {
                ++count;
                sum += i.total;
            }
        EXPECT_EQ(invoiceGroups[0].values.at(r).count, count) << "invoice rule " << r;
        EXPECT_EQ(invoiceGroups[0].values.at(r).sum, sum) << "invoice rule " << r;
    }
    for (std::size_t r = 0; r < taskRules.size(); ++r)
    {
        const auto count = std::count_if(tasks.begin(), tasks.end(),
                                         [&](const Task& t) { return matches(taskRules[r], t); });
        EXPECT_EQ(taskGroups[0].values.at(r).count, count) << "task rule " << r;
    }
    // The derived "overdue" field is the same rule.
    const auto& invoiceOverdue = *kindOf<Invoice>().field("overdue");
    const auto& taskOverdue = *kindOf<Task>().field("overdue");
    std::int64_t overdue = 0;
    for (const Invoice& i : invoices)
        overdue += std::get<bool>(invoiceOverdue.value(i, {.today = today})) ? 1 : 0;
    EXPECT_EQ(overdue, invoiceGroups[0].values[0].count);
    EXPECT_EQ(overdue, 2); // authorised, due 05-01 and 05-14
    overdue = 0;
    for (const Task& t : tasks)
        overdue += std::get<bool>(taskOverdue.value(t, {.today = today})) ? 1 : 0;
    EXPECT_EQ(overdue, taskGroups[0].values[0].count);
    EXPECT_EQ(overdue, 1); // pending, due 05-01
}

// ------------------------------------------------------------------------ bulk writes

TEST_P(StoreContract, BulkClientInsertOfManyRows)
{
    std::vector<Client> clients;
    for (int i = 0; i < 3000; ++i)
    {
        clients.push_back(stamped(makeClient("Masivo " + std::to_string(i), "", "Vigo")));
        clients.back().mobile = "6" + std::to_string(i);
        clients.back().street2 = "Nave " + std::to_string(i);
    }
    store().write([&](StoreWriter& tx) { tx.insertClients(clients); },
                  WriteHints{clients.size(), false});
    EXPECT_EQ(H::count(store()), 3000);
    const std::optional<Client> last = H::read(store(), clients.back().id);
    ASSERT_TRUE(last.has_value());
    for (Field field : allFields())
        EXPECT_EQ(last->value(field), clients.back().value(field)) << fieldName(field);
    EXPECT_EQ(clients.back().code, formatClientCode(3000));
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_EQ(tx.search("vigo", false, 5).total, 3000);
            EXPECT_EQ(tx.search("masivo 2999", false, 5).rows.at(0).id, clients.back().id);
        });
}

// A store may write the search index of a bulk insert after its commit: a search still sees
// every client as written, in a later unit or in the same one, after updates and deletes.
TEST_P(StoreContract, SearchSeesABulkInsertAtOnceWithLaterChanges)
{
    std::vector<Client> clients;
    for (int i = 0; i < 4000; ++i)
        clients.push_back(stamped(makeClient("Lote " + std::to_string(i), "", "Teruel")));
    store().write(
        [&](StoreWriter& tx)
        {
            std::vector<Client> rows = clients;
            tx.insertClients(rows);
            clients = rows;
            EXPECT_EQ(tx.search("teruel", false, 5).total, 4000);
            EXPECT_EQ(tx.search("lote 3999", false, 5).rows.at(0).id, clients.back().id);
        },
        WriteHints{clients.size(), false});

    std::vector<Client> more;
    for (int i = 0; i < 2500; ++i)
        more.push_back(stamped(makeClient("Segundo " + std::to_string(i), "", "Soria")));
    store().write([&](StoreWriter& tx) { tx.insertClients(more); }, WriteHints{more.size(), false});
    // Changed and deleted before any search.
    Client renamed = clients[10];
    renamed.legalName = "Renombrada Única";
    renamed.city = "Cuenca";
    ++renamed.version;
    store().write([&](StoreWriter& tx) { EXPECT_TRUE(tx.updateClient(renamed, clients[10])); });
    const std::vector<std::int64_t> gone{clients[20].id, more[5].id};
    store().write([&](StoreWriter& tx) { tx.deleteClients(gone); });

    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_EQ(tx.search("teruel", false, 5).total, 3998);
            EXPECT_EQ(tx.search("soria", false, 5).total, 2499);
            EXPECT_EQ(tx.search("renombrada", false, 5).total, 1);
            EXPECT_EQ(tx.search("cuenca", false, 5).rows.at(0).id, renamed.id);
            // "20", "200"…"209", "2000"…"2099", but not the deleted "Lote 20".
            const SearchPage page = tx.search("lote 20", false, 200);
            EXPECT_EQ(page.total, 110);
            for (const ClientSummary& row : page.rows)
                EXPECT_NE(row.id, gone[0]);
            EXPECT_EQ(tx.search("segundo", false, 5).total, 2499);
            EXPECT_EQ(tx.search(more.back().code, false, 5).rows.at(0).id, more.back().id);
        });
}

// A store that writes a bulk insert's search index after its commit and is closed in the
// middle of it (the office closing at once) leaves nothing half done: the next opening (or
// the next search) finishes it, and every search is exact, counting what changed meanwhile
// once (renamed, archived, deleted right after the insert).
TEST_P(StoreContract, ABulkInsertsSearchIndexCutShortIsFinishedAfterReopening)
{
    std::vector<Client> clients;
    for (int i = 0; i < 9000; ++i)
    {
        Client client =
            stamped(makeClient("Corte " + std::to_string(i), "", i % 3 == 0 ? "Lugo" : "Ourense"));
        client.archived = i % 10 == 0;
        clients.push_back(client);
    }
    store().write([&](StoreWriter& tx) { tx.insertClients(clients); },
                  WriteHints{clients.size(), false});
    // At once, while the store may still be writing the index (the last clients: written
    // last).
    Client renamed = clients[8992];
    renamed.legalName = "Cortada Nueva";
    renamed.city = "Lugo";
    ++renamed.version;
    Client archived = clients[8994];
    archived.archived = true;
    ++archived.version;
    Client restored = clients[8990];
    restored.archived = false;
    ++restored.version;
    store().write(
        [&](StoreWriter& tx)
        {
            EXPECT_TRUE(tx.updateClient(renamed, clients[8992]));
            EXPECT_TRUE(tx.updateClient(archived, clients[8994]));
            EXPECT_TRUE(tx.updateClient(restored, clients[8990]));
        });
    const std::vector<std::int64_t> gone{clients[8996].id, clients[20].id, clients[8999].id};
    store().write([&](StoreWriter& tx) { tx.deleteClients(gone); });
    clients[8992] = renamed;
    clients[8994] = archived;
    clients[8990] = restored;
    std::erase_if(clients, [&](const Client& client)
                  { return std::find(gone.begin(), gone.end(), client.id) != gone.end(); });
    reopen();

    const auto expected = [&](const std::function<bool(const Client&)>& match, bool withArchived)
    {
        return static_cast<std::int64_t>(
            std::count_if(clients.begin(), clients.end(),
                          [&](const Client& client)
                          { return (withArchived || !client.archived) && match(client); }));
    };
    const auto inLugo = [](const Client& client) { return client.city == "Lugo"; };
    const auto corte = [](const Client& client) { return client.legalName.starts_with("Corte"); };
    const auto corte59 = [](const Client& client)
    { return client.legalName.starts_with("Corte 59"); };
    const auto any = [](const Client&) { return true; };
    const auto other = openAgain(); // another office, reading
    other->read(
        [&](StoreReader& tx)
        {
            EXPECT_EQ(tx.search("lugo", false, 5).total, expected(inLugo, false));
            EXPECT_EQ(tx.search("lugo", true, 5).total, expected(inLugo, true));
            EXPECT_EQ(tx.search("corte", false, 5).total, expected(corte, false));
            EXPECT_EQ(tx.search("corte", true, 5).total, expected(corte, true));
            EXPECT_EQ(tx.search("corte 59", true, 5).total, expected(corte59, true));
            EXPECT_EQ(tx.search("", false, 5).total, expected(any, false));
            EXPECT_EQ(tx.search("", true, 5).total, expected(any, true));
            EXPECT_EQ(tx.search("cortada", false, 5).rows.at(0).id, renamed.id);
            EXPECT_EQ(tx.search("nueva lugo", false, 5).total, 1);
            EXPECT_EQ(tx.search(clients.back().code, false, 5).rows.at(0).id, clients.back().id);
        });
    // The store that finished it sees the same.
    store().read([&](StoreReader& tx)
                 { EXPECT_EQ(tx.search("lugo", true, 5).total, expected(inLugo, true)); });
}

// A store may keep counts beside its index (the PostgreSQL store counts the clients under each
// short word prefix): the total is every match however the clients were written (in bulk, one
// by one, renamed, archived, deleted), a rolled-back unit leaves it as it was, a unit sees its
// own writes; with many matches, legal names starting with the query come first, then the
// rest, both by folded legal name.
TEST_P(StoreContract, SearchTotalCountsEveryMatchThroughWritesAndRollbacks)
{
    const std::vector<std::string> words = {"Ñandú", "Ñoño",   "Nácar",    "Óptica",   "Osa",
                                            "Marta", "Martín", "Martínez", "Mártires", "Mar"};
    std::vector<Client> clients;
    for (std::size_t i = 0; i < 1500; ++i)
        clients.push_back(stamped(makeClient(
            words[i % words.size()] + " " + words[(i / words.size()) % words.size()] + " " +
                std::to_string(i),
            "", i % 2 == 0 ? "Ávila" : "Oviedo", "martin" + std::to_string(i) + "@nacar.es")));
    store().write([&](StoreWriter& tx) { tx.insertClients(clients); },
                  WriteHints{clients.size(), false});
    std::vector<Client> single;
    for (const char* name : {"Martina Ñu", "Osorno Mar", "Zulema"})
        single.push_back(H::add(store(), makeClient(name, "", "Osorno")));

    const auto inOrder = [](const SearchPage& page, std::string_view query)
    {
        const std::string prefix = foldForSearch(query);
        bool starting = true;
        for (std::size_t i = 0; i < page.rows.size(); ++i)
        {
            const std::string key = foldForSearch(page.rows[i].legalName);
            const bool starts = key.starts_with(prefix);
            if (starts && !starting)
                return false;
            starting = starts;
            if (i > 0 && starts == foldForSearch(page.rows[i - 1].legalName).starts_with(prefix))
            {
                const std::string before = foldForSearch(page.rows[i - 1].legalName);
                if (std::pair(before, page.rows[i - 1].id) > std::pair(key, page.rows[i].id))
                    return false;
            }
        }
        return true;
    };
    const auto check = [&](const char* when)
    {
        store().read(
            [&](StoreReader& tx)
            {
                for (bool archived : {false, true})
                    for (std::string_view query :
                         {"",        "m",        "ma",  "mar",   "mart", "marti", "martin",
                          "martine", "martinez", "n",   "ñ",     "ña",   "nand",  "o",
                          "op",      "os",       "av",  "avila", "ovi",  "3",     "12",
                          "martin1", "nacar",    "m o", "zu",    "zz"})
                    {
                        const SearchPage all = tx.search(query, archived, 100000);
                        EXPECT_EQ(all.total, static_cast<std::int64_t>(all.rows.size()))
                            << when << " \"" << query << "\" " << archived;
                        if (all.total <= 1000 || query.empty())
                            continue;
                        EXPECT_TRUE(inOrder(all, query)) << when << " \"" << query << "\"";
                        const SearchPage first = tx.search(query, archived, 30);
                        EXPECT_EQ(first.total, all.total) << when << " \"" << query << "\"";
                        ASSERT_EQ(first.rows.size(), 30U);
                        for (std::size_t i = 0; i < first.rows.size(); ++i)
                            EXPECT_EQ(first.rows[i].id, all.rows[i].id)
                                << when << " \"" << query << "\" " << i;
                    }
            });
    };
    check("inserted");
    store().read([&](StoreReader& tx) { EXPECT_EQ(tx.search("", true, 1).total, 1503); });

    Client renamed = clients[7]; // "Martínez Ñandú 7"
    renamed.legalName = "Óptica Nueva";
    renamed.city = "Zamora";
    Client archived = clients[8];
    archived.archived = true;
    Client both = single[0];
    both.legalName = "Zulema Dos";
    both.archived = true;
    store().write(
        [&](StoreWriter& tx)
        {
            EXPECT_TRUE(tx.updateClient(next(renamed), clients[7]));
            EXPECT_TRUE(tx.updateClient(next(archived), clients[8]));
            EXPECT_TRUE(tx.updateClient(next(both), single[0]));
        });
    store().write(
        [&](StoreWriter& tx)
        {
            const std::vector<std::int64_t> gone{clients[5].id, clients[6].id, single[1].id};
            tx.deleteClients(gone);
        });
    check("changed");
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_EQ(tx.search("zu", false, 10).total, 1);
            EXPECT_EQ(tx.search("zu", true, 10).total, 2);
            EXPECT_EQ(tx.search("", true, 1).total, 1500);
            EXPECT_EQ(tx.search("", false, 1).total, 1498);
        });

    EXPECT_THROW(store().write(
                     [&](StoreWriter& tx)
                     {
                         std::vector<Client> more = {stamped(makeClient("Marte", "", "Mieres"))};
                         tx.insertClients(more);
                         const std::vector<std::int64_t> gone{clients[9].id};
                         tx.deleteClients(gone);
                         throw std::runtime_error("rolled back");
                     }),
                 std::runtime_error);
    check("rolled back");

    store().write(
        [&](StoreWriter& tx)
        {
            std::vector<Client> more = {stamped(makeClient("Marte", "", "Mieres"))};
            tx.insertClients(more);
            const SearchPage page = tx.search("mar", false, 100000);
            EXPECT_EQ(page.total, static_cast<std::int64_t>(page.rows.size()));
            EXPECT_EQ(tx.search("mie", false, 10).total, 1);
        });
    check("written in the unit");
}

// Tax IDs, codes and e-mail addresses are found by every prefix, typed with or without their
// punctuation, alone or beside a name.
TEST_P(StoreContract, SearchFindsIdentifiersByEveryPrefix)
{
    const Client a = H::add(store(), makeClient("Alfa", "B-12345678", "", "ventas2@alfa-sur.es"));
    const Client b = H::add(store(), makeClient("Beta", "123 456 789", "", "", "PT"));
    const Client c = H::add(store(), makeClient("Gamma", "12399999-Z"));
    for (int i = 0; i < 30; ++i)
        H::add(store(), makeClient("Relleno " + std::to_string(i), std::to_string(50000000 + i)));
    const auto found = [&](std::string_view query)
    {
        std::vector<std::int64_t> ids;
        store().read(
            [&](StoreReader& tx)
            {
                const SearchPage page = tx.search(query, false, 100);
                EXPECT_EQ(page.total, static_cast<std::int64_t>(page.rows.size())) << query;
                for (const ClientSummary& row : page.rows)
                    ids.push_back(row.id);
            });
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    using Ids = std::vector<std::int64_t>;
    const std::string tax = "b12345678";
    for (std::size_t length = 2; length <= tax.size(); ++length)
        EXPECT_EQ(found(tax.substr(0, length)), Ids{a.id}) << tax.substr(0, length);
    EXPECT_EQ(found("B-1234"), Ids{a.id});
    EXPECT_EQ(found("ESB1234"), Ids{a.id});
    EXPECT_EQ(found("123"), (Ids{a.id, b.id, c.id}));
    EXPECT_EQ(found("1234"), (Ids{a.id, b.id}));
    EXPECT_EQ(found("12345678"), (Ids{a.id, b.id}));
    EXPECT_EQ(found("123456789"), Ids{b.id});
    EXPECT_EQ(found("123 456 789"), Ids{b.id});
    EXPECT_EQ(found("PT123456"), Ids{b.id});
    EXPECT_EQ(found("12399999z"), Ids{c.id});
    EXPECT_EQ(found("ventas2"), Ids{a.id});
    EXPECT_EQ(found("ventas2alfas"), Ids{a.id});
    EXPECT_EQ(found("ventas2@alfa-sur.es"), Ids{a.id});
    EXPECT_EQ(found("alfa 1234"), Ids{a.id});
    EXPECT_EQ(found("beta 1234"), Ids{b.id});
    EXPECT_TRUE(found("gamma 1234").empty());
    EXPECT_TRUE(found("b12345679").empty());
    EXPECT_EQ(found(a.code), Ids{a.id});
    // C-000001 and C-000010 … C-000019 ("c1…" without padding).
    EXPECT_EQ(found("c1").size(), 11U);
    EXPECT_EQ(found("c1").front(), a.id);
    EXPECT_EQ(found("c-1"), found("c1"));
    EXPECT_EQ(found("c00000").size(), 9U); // C-000001 … C-000009
    EXPECT_EQ(found("c-00003"), found("c00003"));
    EXPECT_EQ(found("c-00003").size(), 4U); // C-000030 … C-000033
}

TEST_P(StoreContract, BatchFailingInItsLastRowLeavesNothingBehind)
{
    const Client existing = H::add(store(), makeClient("Previa"));
    H::addRecord(store(), invoice(existing.id, "F-USADA", "2024-01-01"));

    // An import: 1,000 clients, an invoice for each; the last invoice's number is in use.
    std::vector<Client> clients;
    for (int i = 0; i < 1000; ++i)
        clients.push_back(stamped(makeClient("Importada " + std::to_string(i))));
    EXPECT_THROW(store().write(
                     [&](StoreWriter& tx)
                     {
                         std::vector<Client> rows = clients;
                         tx.insertClients(rows);
                         ImportBatchInfo batch = batchInfo("lote-fallido");
                         tx.insertBatch(batch);
                         std::vector<JournalClient> journal;
                         std::vector<ActivityEntry> entries;
                         for (const Client& c : rows)
                             entries.push_back(note(c.id, "importada", batch.batchId));
                         tx.appendActivity(entries);
                         for (std::size_t i = 0; i < rows.size(); ++i)
                             journal.push_back({rows[i].id, true, 1, entries[i].id});
                         tx.addToJournal(batch.id, journal);
                         for (std::size_t i = 0; i < rows.size(); ++i)
                         {
                             AnyRecord inv =
                                 invoice(rows[i].id,
                                         i + 1 == rows.size() ? std::string("f-usada")
                                                              : "I-" + std::to_string(i),
                                         "2024-05-01");
                             tx.insertRecord(inv);
                         }
                     },
                     WriteHints{2000, false}),
                 StoreError);

    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_EQ(tx.countClients(true), 1);
            EXPECT_EQ(tx.allInvoices().size(), 1U);
            EXPECT_FALSE(tx.invoiceByNumber("I-0").has_value());
            EXPECT_EQ(tx.search("importada", true, 10).total, 0);
            EXPECT_FALSE(tx.newestBatch().has_value());
        });
    // The codes it took are given back.
    EXPECT_EQ(H::add(store(), makeClient("Siguiente")).code, formatClientCode(2));

    // The same with a client row the store refuses last: a duplicate uuid.
    std::vector<Client> rows;
    for (int i = 0; i < 500; ++i)
        rows.push_back(stamped(makeClient("Fila " + std::to_string(i))));
    rows.back().uuid = rows.front().uuid;
    EXPECT_THROW(store().write([&](StoreWriter& tx) { tx.insertClients(rows); }), StoreError);
    EXPECT_EQ(H::count(store()), 2);
    EXPECT_TRUE(H::searchNames(store(), "fila", true).empty());
}

// ------------------------------------------------------------------------ files

TEST_P(StoreContract, FilesKeepTheirDescriptionAndBytes)
{
    const Client client = H::add(store(), makeClient("Ficheros"));
    std::vector<std::uint8_t> bytes(256 * 1024);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>((i * 131) % 256); // zeros and every byte value
    FileInfo older;
    older.clientId = client.id;
    older.name = "contrato 2024.pdf";
    older.mimeType = "application/pdf";
    older.size = static_cast<std::int64_t>(bytes.size());
    older.sha256 = std::string(64, 'c');
    older.addedAt = "2024-01-01T00:00:00.000Z";
    FileInfo newer = older;
    newer.name = "vacío.txt";
    newer.mimeType = "text/plain";
    newer.size = 0;
    newer.addedAt = "2024-02-01T00:00:00.000Z";
    store().write(
        [&](StoreWriter& tx)
        {
            tx.insertFile(older, bytes);
            tx.insertFile(newer, {});
        });
    EXPECT_GT(older.id, 0);
    EXPECT_NE(older.id, newer.id);
    store().read(
        [&](StoreReader& tx)
        {
            const std::optional<FileInfo> info = tx.file(older.id);
            ASSERT_TRUE(info.has_value());
            EXPECT_EQ(info->clientId, client.id);
            EXPECT_EQ(info->name, "contrato 2024.pdf");
            EXPECT_EQ(info->mimeType, "application/pdf");
            EXPECT_EQ(info->size, older.size);
            EXPECT_EQ(info->sha256, older.sha256);
            EXPECT_EQ(info->addedAt, older.addedAt);
            EXPECT_EQ(tx.fileBytes(older.id), bytes);
            ASSERT_TRUE(tx.fileBytes(newer.id).has_value());
            EXPECT_TRUE(tx.fileBytes(newer.id)->empty());

            const std::vector<FileInfo> list = tx.files(client.id);
            ASSERT_EQ(list.size(), 2U);
            EXPECT_EQ(list[0].id, newer.id); // newest first
            EXPECT_EQ(list[1].id, older.id);
            EXPECT_EQ(list[0].name, "vacío.txt");
        });
    bool removed = false;
    store().write([&](StoreWriter& tx) { removed = tx.removeFile(older.id); });
    EXPECT_TRUE(removed);
    store().write([&](StoreWriter& tx) { removed = tx.removeFile(older.id); });
    EXPECT_FALSE(removed);
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_FALSE(tx.file(older.id).has_value());
            EXPECT_FALSE(tx.fileBytes(older.id).has_value());
            EXPECT_EQ(tx.files(client.id).size(), 1U);
        });
}

TEST_P(StoreContract, FileOfAMissingClientIsRefused)
{
    FileInfo info;
    info.clientId = 999;
    info.name = "x";
    info.mimeType = "text/plain";
    info.size = 1;
    info.sha256 = std::string(64, '0');
    info.addedAt = kAt;
    const std::vector<std::uint8_t> bytes = {1};
    EXPECT_THROW(store().write([&](StoreWriter& tx) { tx.insertFile(info, bytes); }), StoreError);
}

// ------------------------------------------------------------------------ activity

TEST_P(StoreContract, ActivityPagesNewestFirstWithChanges)
{
    const Client client = H::add(store(), makeClient("Historia"));
    const Client other = H::add(store(), makeClient("Otra"));
    std::vector<ActivityEntry> entries;
    for (int i = 0; i < 5; ++i)
        entries.push_back(note(client.id, "nota " + std::to_string(i)));
    ActivityEntry changed;
    changed.clientId = client.id;
    changed.at = "2024-06-01T00:00:00.000Z";
    changed.kind = ActivityKind::RecordChanged;
    changed.record = RecordType::Invoice;
    changed.recordId = 77;
    changed.label = "F-77";
    changed.changes = {{"status", "draft", "paid"}, {"total", "1.00", "2.00"}};
    entries.push_back(changed);
    entries.push_back(note(other.id, "ajena"));
    store().write([&](StoreWriter& tx) { tx.appendActivity(entries); });
    for (std::size_t i = 1; i < entries.size(); ++i)
        EXPECT_GT(entries[i].id, entries[i - 1].id);

    store().read(
        [&](StoreReader& tx)
        {
            ActivityPage page = tx.activity(client.id, 4, 0);
            EXPECT_EQ(page.total, 6);
            ASSERT_EQ(page.entries.size(), 4U);
            EXPECT_EQ(page.entries[0].id, entries[5].id);
            EXPECT_EQ(page.entries[0].kind, ActivityKind::RecordChanged);
            EXPECT_EQ(page.entries[0].record, RecordType::Invoice);
            EXPECT_EQ(page.entries[0].recordId, 77);
            EXPECT_EQ(page.entries[0].label, "F-77");
            EXPECT_EQ(page.entries[0].at, "2024-06-01T00:00:00.000Z");
            EXPECT_EQ(page.entries[0].changes, changed.changes);
            EXPECT_EQ(page.entries[1].text, "nota 4");
            EXPECT_NE(page.nextBeforeId, 0);
            page = tx.activity(client.id, 4, page.nextBeforeId);
            ASSERT_EQ(page.entries.size(), 2U);
            EXPECT_EQ(page.entries[0].text, "nota 1");
            EXPECT_EQ(page.entries[1].text, "nota 0");
            EXPECT_EQ(page.nextBeforeId, 0);
            EXPECT_EQ(tx.activityChanges(entries[5].id), changed.changes);
            EXPECT_TRUE(tx.activityChanges(entries[0].id).empty());
            EXPECT_EQ(tx.activity(other.id, 10, 0).total, 1);
        });

    // Later entries get greater ids than every earlier one.
    std::vector<ActivityEntry> later = {note(client.id, "después")};
    store().write([&](StoreWriter& tx) { tx.appendActivity(later); });
    EXPECT_GT(later[0].id, entries.back().id);
}

// ------------------------------------------------------------------------ import journal

TEST_P(StoreContract, ImportBatchesJournalAndUndo)
{
    // Batch 1 creates client A; batch 2 creates B and updates A.
    Client a = H::add(store(), makeClient("Lote A"));
    std::vector<ActivityEntry> aEntry = {note(a.id, "", "lote-1")};
    ImportBatchInfo first = batchInfo("lote-1");
    store().write(
        [&](StoreWriter& tx)
        {
            tx.appendActivity(aEntry);
            tx.insertBatch(first);
            const std::vector<JournalClient> items = {{a.id, true, 1, aEntry[0].id}};
            tx.addToJournal(first.id, items);
        });
    const Client b = H::add(store(), makeClient("Lote B"));
    Client aUpdated = a;
    aUpdated.city = "Lugo";
    aUpdated.version = 2;
    ImportBatchInfo second = batchInfo("lote-2", ImportKind::Clients);
    std::vector<ActivityEntry> secondEntries = {note(b.id, "", "lote-2"), note(a.id, "", "lote-2")};
    secondEntries[1].kind = ActivityKind::Updated;
    secondEntries[1].changes = {{"city", "", "Lugo"}};
    store().write(
        [&](StoreWriter& tx)
        {
            ASSERT_TRUE(tx.updateClient(aUpdated, a));
            tx.appendActivity(secondEntries);
            tx.insertBatch(second);
            const std::vector<JournalClient> items = {{b.id, true, 1, secondEntries[0].id},
                                                      {a.id, false, 2, secondEntries[1].id}};
            tx.addToJournal(second.id, items);
        });
    EXPECT_GT(second.id, first.id);

    store().read(
        [&](StoreReader& tx)
        {
            const std::optional<ImportBatchInfo> newest = tx.newestBatch();
            ASSERT_TRUE(newest.has_value());
            EXPECT_EQ(newest->id, second.id);
            EXPECT_EQ(newest->batchId, "lote-2");
            EXPECT_EQ(newest->kind, ImportKind::Clients);
            EXPECT_EQ(newest->source, "clients.ods");
            EXPECT_EQ(newest->at, kAt);
            EXPECT_EQ(newest->created, 2U);
            EXPECT_EQ(newest->updated, 1U);
            EXPECT_EQ(newest->unchanged, 3U);
            EXPECT_EQ(newest->skipped, 4U);
            EXPECT_EQ(newest->clientsCreated, 5U);
            EXPECT_EQ(tx.undoableBatchesBefore(second.id), (std::vector<std::int64_t>{first.id}));

            const std::vector<std::string> ignored = {"lote-2"};
            std::vector<JournalClientState> states = tx.journalClients(second.id, ignored);
            ASSERT_EQ(states.size(), 2U);
            // By record id.
            EXPECT_EQ(states[0].item.clientId, a.id);
            EXPECT_FALSE(states[0].item.created);
            EXPECT_EQ(states[0].item.version, 2);
            EXPECT_EQ(states[0].item.activityId, secondEntries[1].id);
            EXPECT_TRUE(states[0].exists);
            EXPECT_EQ(states[0].storedVersion, 2);
            EXPECT_EQ(states[0].code, a.code);
            EXPECT_EQ(states[0].legalName, "Lote A");
            EXPECT_FALSE(states[0].laterActivity);
            EXPECT_EQ(states[1].item.clientId, b.id);
            EXPECT_TRUE(states[1].item.created);
            EXPECT_FALSE(states[1].laterActivity);

            // Batch 1's created client has batch 2's entry after its own.
            states = tx.journalClients(first.id, std::vector<std::string>{"lote-1"});
            ASSERT_EQ(states.size(), 1U);
            EXPECT_EQ(states[0].storedVersion, 2);
            EXPECT_TRUE(states[0].laterActivity);
            states = tx.journalClients(first.id, std::vector<std::string>{"lote-1", "lote-2"});
            EXPECT_FALSE(states.at(0).laterActivity);
        });

    // A note on B after the import: later activity for batch 2.
    std::vector<ActivityEntry> noteOnB = {note(b.id, "llamada")};
    store().write([&](StoreWriter& tx) { tx.appendActivity(noteOnB); });
    store().read(
        [&](StoreReader& tx)
        {
            const std::vector<std::string> ignored = {"lote-2"};
            EXPECT_TRUE(tx.journalClients(second.id, ignored).at(1).laterActivity);
        });

    // Undo batch 2 as the register does: revert A, hand it back to batch 1, delete B.
    Client aReverted = aUpdated;
    aReverted.city = "";
    aReverted.version = 3;
    store().write(
        [&](StoreWriter& tx)
        {
            ASSERT_TRUE(tx.updateClient(aReverted, aUpdated));
            tx.rebaseJournal(JournalOf::Clients, a.id, 1, 3, tx.undoableBatchesBefore(second.id));
            const std::vector<std::int64_t> gone = {b.id};
            tx.deleteClients(gone);
            tx.markBatchUndone(second.id, "2024-05-02T00:00:00.000Z");
        });
    store().read(
        [&](StoreReader& tx)
        {
            ASSERT_TRUE(tx.newestBatch().has_value());
            EXPECT_EQ(tx.newestBatch()->id, first.id);
            EXPECT_EQ(tx.undoneBatchIds(), (std::vector<std::string>{"lote-2"}));
            EXPECT_TRUE(tx.undoableBatchesBefore(second.id).empty() ||
                        tx.undoableBatchesBefore(second.id) ==
                            (std::vector<std::int64_t>{first.id}));
            const std::vector<JournalClientState> states =
                tx.journalClients(first.id, std::vector<std::string>{"lote-1"});
            ASSERT_EQ(states.size(), 1U);
            EXPECT_EQ(states[0].item.version, 3); // rebased
            EXPECT_EQ(states[0].storedVersion, 3);
            // The journal still says what batch 2 wrote; B is gone now.
            const std::vector<JournalClientState> undone =
                tx.journalClients(second.id, std::vector<std::string>{});
            ASSERT_EQ(undone.size(), 2U);
            EXPECT_FALSE(undone[1].exists);
        });
    store().write([&](StoreWriter& tx) { tx.markBatchUndone(first.id, kAt); });
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_FALSE(tx.newestBatch().has_value());
            std::vector<std::string> undone = tx.undoneBatchIds();
            std::sort(undone.begin(), undone.end());
            EXPECT_EQ(undone, (std::vector<std::string>{"lote-1", "lote-2"}));
        });
}

TEST_P(StoreContract, InvoiceJournalKeepsWhatTheImportWrote)
{
    const Client client = H::add(store(), makeClient("Diario"));
    const Invoice created = H::addRecord(store(), invoice(client.id, "F-NEW", "2024-01-01"));
    const Invoice original = H::addRecord(
        store(), invoice(client.id, "F-OLD", "2023-01-01", 100, 21, "USD", InvoiceStatus::Draft));
    Invoice updated = original;
    updated.net = 200;
    updated.tax = 42;
    updated.total = 242;
    updated.status = InvoiceStatus::Paid;
    updated.version = 2;
    ImportBatchInfo batch = batchInfo("facturas-1", ImportKind::Invoices);
    store().write(
        [&](StoreWriter& tx)
        {
            ASSERT_TRUE(tx.updateRecord(updated, 1));
            tx.insertBatch(batch);
            const std::vector<JournalInvoice> items = {{created.id, true, 1, std::nullopt},
                                                       {original.id, false, 2, original}};
            tx.addToJournal(batch.id, items);
        });
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_EQ(tx.newestBatch()->kind, ImportKind::Invoices);
            const std::vector<JournalInvoiceState> states = tx.journalInvoices(batch.id);
            ASSERT_EQ(states.size(), 2U);
            const JournalInvoiceState& c =
                states[0].item.invoiceId == created.id ? states[0] : states[1];
            const JournalInvoiceState& u =
                states[0].item.invoiceId == created.id ? states[1] : states[0];
            EXPECT_TRUE(c.item.created);
            EXPECT_TRUE(c.exists);
            EXPECT_EQ(c.storedVersion, 1);
            EXPECT_EQ(c.number, "F-NEW");
            EXPECT_FALSE(u.item.created);
            EXPECT_EQ(u.item.version, 2);
            EXPECT_EQ(u.storedVersion, 2);
            EXPECT_EQ(u.number, "F-OLD");
            ASSERT_TRUE(u.item.before.has_value());
            EXPECT_EQ(u.item.before->issueDate, "2023-01-01");
            EXPECT_EQ(u.item.before->dueDate, "2023-01-01");
            EXPECT_EQ(u.item.before->net, 100);
            EXPECT_EQ(u.item.before->tax, 21);
            EXPECT_EQ(u.item.before->total, 121);
            EXPECT_EQ(u.item.before->currency, "USD");
            EXPECT_EQ(u.item.before->status, InvoiceStatus::Draft);
        });
    // Deleted since: the journal says so.
    store().write([&](StoreWriter& tx) { tx.removeRecord(RecordType::Invoice, created.id); });
    store().read(
        [&](StoreReader& tx)
        {
            for (const JournalInvoiceState& s : tx.journalInvoices(batch.id))
                EXPECT_EQ(s.exists, s.item.invoiceId != created.id);
        });
}

// A client import that added people, addresses and bank accounts to clients already in the
// register keeps them, so that its undo removes them: none before (a register whose journal
// predates them), then each with its kind, the version it left, its label, and whether it
// still exists.
TEST_P(StoreContract, RecordJournalKeepsWhatAnImportAddedToStoredClients)
{
    const Client client = H::add(store(), makeClient("Con personas"));
    const Contact bob = H::addRecord(store(), contact(client.id, "Bob"));
    const Contact bill = H::addRecord(store(), contact(client.id, "Bill"));
    Address address;
    address.clientId = client.id;
    address.street = "645 21st Street";
    const Address warehouse = H::addRecord(store(), stampedRecord(address));
    BankAccount account;
    account.clientId = client.id;
    account.iban = "ES9121000418450200051332";
    const BankAccount bank = H::addRecord(store(), stampedRecord(account));
    ImportBatchInfo batch = batchInfo("personas-1", ImportKind::Clients);
    store().write(
        [&](StoreWriter& tx)
        {
            tx.insertBatch(batch);
            EXPECT_TRUE(tx.journalRecords(batch.id).empty());
            const std::vector<JournalRecord> items = {{RecordType::BankAccount, bank.id, 1},
                                                      {RecordType::Contact, bob.id, 1},
                                                      {RecordType::Address, warehouse.id, 1},
                                                      {RecordType::Contact, bill.id, 1}};
            tx.addToJournal(batch.id, items);
        });
    store().read(
        [&](StoreReader& tx)
        {
            const std::vector<JournalRecordState> states = tx.journalRecords(batch.id);
            ASSERT_EQ(states.size(), 4U);
            // By kind (contacts, addresses, accounts), then by id.
            EXPECT_EQ(states[0].item.recordId, std::min(bob.id, bill.id));
            EXPECT_EQ(states[1].item.kind, RecordType::Contact);
            EXPECT_EQ(states[2].item.kind, RecordType::Address);
            EXPECT_EQ(states[2].name, "645 21st Street");
            EXPECT_EQ(states[3].item.kind, RecordType::BankAccount);
            EXPECT_EQ(states[3].name, "ES9121000418450200051332");
            for (const JournalRecordState& state : states)
            {
                EXPECT_TRUE(state.exists);
                EXPECT_EQ(state.item.version, 1);
                EXPECT_EQ(state.storedVersion, 1);
                if (state.item.kind == RecordType::Contact)
                    EXPECT_EQ(state.name, state.item.recordId == bob.id ? "Bob" : "Bill");
            }
        });
    store().write([&](StoreWriter& tx) { tx.removeRecord(RecordType::Contact, bill.id); });
    store().write([&](StoreWriter& tx) { tx.removeRecord(RecordType::Address, warehouse.id); });
    store().read(
        [&](StoreReader& tx)
        {
            for (const JournalRecordState& state : tx.journalRecords(batch.id))
                EXPECT_EQ(state.exists, state.item.kind == RecordType::BankAccount ||
                                            (state.item.kind == RecordType::Contact &&
                                             state.item.recordId == bob.id));
        });
}

// ------------------------------------------------------------------------ mappings

TEST_P(StoreContract, MappingsAreKeptReplacedAndForgotten)
{
    store().write([](StoreWriter& tx) { tx.setMapping("clients:a.ods", "{\"A\":\"code\"}", kAt); });
    store().write([](StoreWriter& tx) { tx.setMapping("invoices", "x", kAt); });
    store().read(
        [](StoreReader& tx)
        {
            EXPECT_EQ(tx.mapping("clients:a.ods"), "{\"A\":\"code\"}");
            EXPECT_EQ(tx.mapping("invoices"), "x");
            EXPECT_FALSE(tx.mapping("CLIENTS:A.ODS").has_value());
        });
    store().write([](StoreWriter& tx) { tx.setMapping("invoices", "y", kAt); });
    store().write([](StoreWriter& tx) { tx.setMapping("clients:a.ods", "", kAt); });
    store().read(
        [](StoreReader& tx)
        {
            EXPECT_EQ(tx.mapping("invoices"), "y");
            EXPECT_FALSE(tx.mapping("clients:a.ods").has_value());
        });
}

} // namespace clientes::test

// ------------------------------------------------------------------------ merges

namespace clientes::test
{

TEST_P(StoreContract, AnEmptyStoreHasNoMergesAndNoMarks)
{
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_FALSE(tx.merge(1).has_value());
            EXPECT_FALSE(tx.mergeOf(1).has_value());
            EXPECT_TRUE(tx.notDuplicatePairs().empty());
            EXPECT_TRUE(tx.ownedIds(RecordType::Note, 1).empty());
        });
}

TEST_P(StoreContract, MovedRecordsBelongToTheOtherClientProjectsWithTheirTime)
{
    const Client stays = H::add(store(), makeClient("Queda S.L."));
    const Client goes = H::add(store(), makeClient("Se va S.L."));
    const Contact person = H::addRecord(store(), contact(goes.id, "Ana"));
    Project project;
    project.clientId = goes.id;
    project.name = "Web";
    project = H::addRecord(store(), stampedRecord(project));
    TimeEntry hours;
    hours.clientId = goes.id;
    hours.projectId = project.id;
    hours.date = "2024-03-01";
    hours.hours = 2.5;
    hours = H::addRecord(store(), stampedRecord(hours));
    const Invoice bill = H::addRecord(store(), invoice(goes.id, "F-9", "2024-02-01"));
    FileInfo info;
    info.clientId = goes.id;
    info.name = "a.txt";
    info.mimeType = "text/plain";
    info.size = 1;
    info.sha256 = std::string(64, '0');
    info.addedAt = kAt;
    const std::vector<std::uint8_t> bytes = {'x'};
    store().write(
        [&](StoreWriter& tx)
        {
            tx.insertFile(info, bytes);
            std::vector<ActivityEntry> entries = {note(goes.id, "hola"), note(stays.id, "adiós")};
            tx.appendActivity(entries);
        });

    store().write(
        [&](StoreWriter& tx)
        {
            EXPECT_EQ(tx.ownedIds(RecordType::Contact, goes.id),
                      std::vector<std::int64_t>{person.id});
            EXPECT_EQ(tx.ownedIds(RecordType::TimeEntry, goes.id),
                      std::vector<std::int64_t>{hours.id});
            EXPECT_EQ(tx.ownedIds(RecordType::File, goes.id), std::vector<std::int64_t>{info.id});
            EXPECT_EQ(tx.ownedIds(RecordType::Note, goes.id).size(), 1U);
            for (const RecordType kind : {RecordType::Contact, RecordType::Project,
                                          RecordType::Invoice, RecordType::File, RecordType::Note})
            {
                const std::vector<std::int64_t> ids = tx.ownedIds(kind, goes.id);
                tx.moveRecords(kind, ids, stays.id, "2024-06-01T00:00:00.000Z");
            }
        });
    store().read(
        [&](StoreReader& tx)
        {
            for (const RecordType kind :
                 {RecordType::Contact, RecordType::Project, RecordType::TimeEntry,
                  RecordType::Invoice, RecordType::File, RecordType::Note})
                EXPECT_TRUE(tx.ownedIds(kind, goes.id).empty()) << recordTypeName(kind);
            const auto moved = recordOf<Contact>(tx.record(RecordType::Contact, person.id));
            EXPECT_EQ(moved.clientId, stays.id);
            EXPECT_EQ(moved.version, 2);
            EXPECT_EQ(moved.updatedAt, "2024-06-01T00:00:00.000Z");
            EXPECT_EQ(recordOf<Invoice>(tx.record(RecordType::Invoice, bill.id)).clientId,
                      stays.id);
            const auto time = recordOf<TimeEntry>(tx.record(RecordType::TimeEntry, hours.id));
            EXPECT_EQ(time.clientId, stays.id);
            EXPECT_EQ(time.version, 1); // it went with its project, unchanged
            EXPECT_EQ(tx.files(stays.id).size(), 1U);
            EXPECT_EQ(tx.activity(stays.id, 10, 0).total, 2);
            EXPECT_EQ(tx.activity(goes.id, 10, 0).total, 0);
        });
}

TEST_P(StoreContract, AMergeIsKeptWithItsClientsRecordsAndChangesUntilUndone)
{
    const Client stays = H::add(store(), makeClient("Queda S.L."));
    const Client goes = H::add(store(), makeClient("Se va S.L."));
    MergeInfo merge;
    merge.keepId = stays.id;
    merge.at = "2024-06-01T00:00:00.000Z";
    merge.changes = {{"city", "", "Vigo"}, {"phone", "1", "2"}};
    merge.merged = {{goes.id, 2}};
    merge.records = {{RecordType::Invoice, 7, goes.id}, {RecordType::Note, 9, goes.id}};
    store().write([&](StoreWriter& tx) { tx.insertMerge(merge); });
    EXPECT_GT(merge.id, 0);
    MergeInfo second = merge;
    second.records.clear();
    store().write([&](StoreWriter& tx) { tx.insertMerge(second); });
    EXPECT_GT(second.id, merge.id);
    store().read(
        [&](StoreReader& tx)
        {
            const std::optional<MergeInfo> stored = tx.merge(merge.id);
            ASSERT_TRUE(stored.has_value());
            EXPECT_EQ(stored->keepId, stays.id);
            EXPECT_EQ(stored->at, merge.at);
            EXPECT_EQ(stored->undoneAt, "");
            EXPECT_EQ(stored->changes, merge.changes);
            EXPECT_EQ(stored->merged, merge.merged);
            EXPECT_EQ(stored->records, merge.records);
            // The newest merge in force that archived the client.
            EXPECT_EQ(tx.mergeOf(goes.id)->id, second.id);
            EXPECT_FALSE(tx.mergeOf(stays.id).has_value());
        });
    store().write([&](StoreWriter& tx) { tx.markMergeUndone(second.id, "2024-06-02T00:00:00Z"); });
    store().read(
        [&](StoreReader& tx)
        {
            EXPECT_EQ(tx.merge(second.id)->undoneAt, "2024-06-02T00:00:00Z");
            EXPECT_EQ(tx.mergeOf(goes.id)->id, merge.id);
        });
}

TEST_P(StoreContract, PairsMarkedAsNotDuplicatesAreKeptOnceSmallerIdFirst)
{
    store().write(
        [&](StoreWriter& tx)
        {
            tx.markNotDuplicates(5, 3, kAt);
            tx.markNotDuplicates(3, 5, kAt);
            tx.markNotDuplicates(1, 9, kAt);
        });
    store().read(
        [&](StoreReader& tx)
        {
            const std::vector<std::pair<std::int64_t, std::int64_t>> expected = {{1, 9}, {3, 5}};
            EXPECT_EQ(tx.notDuplicatePairs(), expected);
        });
    EXPECT_THROW(store().write([&](StoreWriter& tx) { tx.markNotDuplicates(4, 4, kAt); }),
                 std::invalid_argument);
}

} // namespace clientes::test
