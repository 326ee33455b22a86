// The client's profile in a real register file: records, optimistic concurrency, activity,
// files, archive / restore / delete, tags.

#include "core/files/sha256.hpp"
#include "core/register/register.hpp"
#include "core/rules/profile_validation.hpp"
#include "core/rules/validation.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace clientes
{

void PrintTo(const FieldChange& change, std::ostream* out)
{
    *out << change.field << ": \"" << change.oldValue << "\" -> \"" << change.newValue << '"';
}

using test::makeClient;
using test::TempDir;
namespace fs = std::filesystem;

namespace
{

std::string rawText(const fs::path& file, const std::string& sql)
{
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    std::string value;
    if (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

template <typename Body> std::vector<RecordIssue> recordIssues(Body&& body)
{
    try
    {
        body();
    }
    catch (const RecordValidationError& error)
    {
        return error.issues;
    }
    ADD_FAILURE() << "expected RecordValidationError";
    return {};
}

Invoice makeInvoice(std::int64_t clientId, std::string number, std::int64_t net = 10000,
                    std::string currency = "EUR")
{
    Invoice invoice;
    invoice.clientId = clientId;
    invoice.number = std::move(number);
    invoice.issueDate = "2024-05-01";
    invoice.dueDate = "2024-05-31";
    invoice.net = net;
    invoice.tax = net * 21 / 100;
    invoice.total = invoice.net + invoice.tax;
    invoice.currency = std::move(currency);
    return invoice;
}

ActivityEntry newest(const ActivityPage& page)
{
    if (page.entries.empty())
    {
        ADD_FAILURE() << "no activity";
        return {};
    }
    return page.entries.front();
}

} // namespace

TEST(ProfileStore, ClientProfileFieldsRoundTrip)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client input = makeClient("Pérez, S.L.");
    input.kind = "Company";
    input.tags = "vip, mayorista,VIP";
    input.paymentTerms = "060";
    input.currency = "eur";
    const Client added = store.add(input);
    EXPECT_EQ(added.kind, "company");
    EXPECT_EQ(added.tags, "vip, mayorista");
    EXPECT_EQ(added.paymentTerms, "60");
    EXPECT_EQ(added.currency, "EUR");
    const Client read = *store.byId(added.id);
    for (Field field : allFields())
        EXPECT_EQ(read.value(field), added.value(field)) << fieldName(field);
    EXPECT_EQ(store.byCode(added.code)->tags, "vip, mayorista");
    EXPECT_EQ(store.byKey(added.code)->paymentTerms, "60");

    // Defaults: an old-style client has no kind, tags, terms or currency.
    const Client plain = store.add(makeClient("Sin perfil"));
    EXPECT_EQ(plain.kind, "");
    EXPECT_EQ(plain.tags, "");
    EXPECT_EQ(plain.paymentTerms, "");
    EXPECT_EQ(plain.currency, "");

    Client changed = read;
    changed.tags = "nuevo";
    changed.paymentTerms = "";
    changed.kind = "person";
    const Client updated = store.update(changed);
    EXPECT_EQ(store.byId(added.id)->tags, "nuevo");
    EXPECT_EQ(store.byId(added.id)->paymentTerms, "");
    EXPECT_EQ(store.byId(added.id)->kind, "person");
    EXPECT_EQ(updated.version, 2);

    Client invalid = *store.byId(added.id);
    invalid.currency = "EURO";
    invalid.paymentTerms = "400";
    try
    {
        store.update(invalid);
        FAIL() << "expected ValidationError";
    }
    catch (const ValidationError& error)
    {
        const std::vector<FieldIssue> expected = {{Field::PaymentTerms, Problem::OutOfRange, 365},
                                                  {Field::Currency, Problem::InvalidCurrency}};
        EXPECT_EQ(error.issues, expected);
    }
}

TEST(ProfileStore, TagsAreSearchable)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client a = makeClient("Alfa");
    a.tags = "VIP, Mayorista";
    Client b = makeClient("Beta");
    b.tags = "vip";
    Client c = makeClient("Gamma");
    c.tags = "Construcción";
    const Client storedA = store.add(a);
    const Client storedB = store.add(b);
    store.add(c);
    const auto vip = store.clientsWithTag(" vip ", false);
    ASSERT_EQ(vip.size(), 2U);
    EXPECT_EQ(vip[0].legalName, "Alfa");
    EXPECT_EQ(vip[1].legalName, "Beta");
    EXPECT_EQ(store.clientsWithTag("construccion", false).size(), 1U);
    EXPECT_TRUE(store.clientsWithTag("nada", false).empty());
    EXPECT_TRUE(store.clientsWithTag("", false).empty());
    store.archive(storedB.id);
    EXPECT_EQ(store.clientsWithTag("VIP", false).size(), 1U);
    EXPECT_EQ(store.clientsWithTag("VIP", true).size(), 2U);
    const auto counts = store.tagCounts();
    ASSERT_EQ(counts.size(), 3U);
    EXPECT_EQ(counts[0].tag, "Construcción");
    EXPECT_EQ(counts[2].clients, 2);
    Client retagged = *store.byId(storedA.id);
    retagged.tags = "";
    store.update(retagged);
    EXPECT_EQ(store.clientsWithTag("vip", true).size(), 1U);
}

TEST(ProfileStore, OptimisticConcurrencyBetweenTwoStores)
{
    TempDir dir;
    Register mine(dir / "c.db");
    Register theirs(dir / "c.db");
    const Client added = mine.add(makeClient("Original", "", "Sevilla"));
    Client myCopy = *mine.byId(added.id);
    Client theirCopy = *theirs.byId(added.id);
    theirCopy.city = "Cádiz";
    const Client saved = theirs.update(theirCopy);
    EXPECT_EQ(saved.version, 2);
    myCopy.city = "Huelva";
    try
    {
        mine.update(myCopy);
        FAIL() << "expected ConflictError";
    }
    catch (const ConflictError& conflict)
    {
        EXPECT_EQ(conflict.kind, StoreError::Kind::Conflict);
        EXPECT_EQ(conflict.current.city, "Cádiz"); // the values now stored, for the user
        EXPECT_EQ(conflict.current.version, 2);
        EXPECT_EQ(conflict.current.id, added.id);
        EXPECT_EQ(conflict.path, (dir / "c.db").string());
    }
    EXPECT_EQ(mine.byId(added.id)->city, "Cádiz");
    // Catchable as StoreError too (what the UNO layer catches).
    EXPECT_THROW(mine.update(myCopy), StoreError);
    // Re-read, re-apply, save.
    Client fresh = *mine.byId(added.id);
    fresh.city = "Huelva";
    EXPECT_EQ(mine.update(fresh).version, 3);
    // A client built from scratch (version 0) does not overwrite either.
    Client blind = makeClient("Ciego");
    blind.id = added.id;
    EXPECT_THROW(mine.update(blind), ConflictError);
}

TEST(ProfileStore, ContactsCrudAndConcurrency)
{
    TempDir dir;
    Register first(dir / "c.db");
    Register second(dir / "c.db");
    const Client client = first.add(makeClient("Cliente"));
    Contact contact;
    contact.clientId = client.id;
    contact.name = " Zoe  Martín ";
    contact.role = "Gerente";
    contact.email = "zoe@EXAMPLE.es";
    const Contact added = first.add(contact);
    EXPECT_GT(added.id, 0);
    EXPECT_EQ(added.name, "Zoe Martín");
    EXPECT_EQ(added.email, "zoe@example.es");
    EXPECT_EQ(added.version, 1);
    EXPECT_FALSE(added.createdAt.empty());
    Contact other;
    other.clientId = client.id;
    other.name = "Ana Ruiz";
    first.add(other);
    const auto list = first.list<Contact>(client.id);
    ASSERT_EQ(list.size(), 2U);
    EXPECT_EQ(list[0].name, "Ana Ruiz"); // by name
    EXPECT_EQ(list[1].role, "Gerente");
    EXPECT_TRUE(first.list<Contact>(client.id + 99).empty());

    Contact theirs = *second.get<Contact>(added.id);
    theirs.phone = "+34 600 000 000";
    second.update(theirs);
    Contact mine = added;
    mine.role = "Director";
    try
    {
        first.update(mine);
        FAIL() << "expected RecordConflict";
    }
    catch (const RecordConflict<Contact>& conflict)
    {
        EXPECT_EQ(conflict.current.phone, "+34 600 000 000");
        EXPECT_EQ(conflict.current.role, "Gerente");
        EXPECT_EQ(conflict.current.version, 2);
    }
    mine = *first.get<Contact>(added.id);
    mine.role = "Director";
    mine.clientId = 12345; // ignored: a record stays with its client
    const Contact updated = first.update(mine);
    EXPECT_EQ(updated.version, 3);
    EXPECT_EQ(updated.clientId, client.id);
    EXPECT_EQ(updated.createdAt, added.createdAt);
    EXPECT_EQ(first.get<Contact>(added.id)->role, "Director");

    Contact invalid = updated;
    invalid.name = "";
    invalid.email = "x";
    EXPECT_EQ(recordIssues([&] { first.update(invalid); }).size(), 2U);

    first.remove<Contact>(added.id);
    EXPECT_FALSE(first.get<Contact>(added.id).has_value());
    EXPECT_THROW(first.remove<Contact>(added.id), NotFound);
    Contact ghost = updated;
    EXPECT_THROW(first.update(ghost), NotFound);
    Contact orphan;
    orphan.clientId = 999;
    orphan.name = "Nadie";
    EXPECT_THROW(first.add(orphan), NotFound);
}

TEST(ProfileStore, ProjectsAndHours)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client client = store.add(makeClient("Cliente"));
    const Client otherClient = store.add(makeClient("Otro"));
    Project web;
    web.clientId = client.id;
    web.name = "Web";
    web = store.add(web);
    Project app;
    app.clientId = client.id;
    app.name = "App";
    app.status = ProjectStatus::Closed;
    app = store.add(app);
    const auto projects = store.list<Project>(client.id);
    ASSERT_EQ(projects.size(), 2U);
    EXPECT_EQ(projects[0].name, "Web"); // open first
    EXPECT_EQ(projects[1].status, ProjectStatus::Closed);

    const auto entry = [&store](std::int64_t projectId, const char* date, double hours)
    {
        TimeEntry e;
        e.projectId = projectId;
        e.date = date;
        e.hours = hours;
        return store.add(e);
    };
    const TimeEntry first = entry(web.id, "2024-05-01", 2.5);
    EXPECT_EQ(first.clientId, client.id); // from the project
    entry(web.id, "2024-05-02", 8);
    entry(app.id, "2024-04-30", 0.25);
    EXPECT_DOUBLE_EQ(store.projectHours(web.id), 10.5);
    EXPECT_DOUBLE_EQ(store.projectHours(app.id), 0.25);
    EXPECT_DOUBLE_EQ(store.clientHours(client.id), 10.75);
    EXPECT_DOUBLE_EQ(store.clientHours(otherClient.id), 0);
    const auto entries = store.list<TimeEntry>(web.id);
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0].date, "2024-05-02"); // newest first

    TimeEntry tooMuch;
    tooMuch.projectId = web.id;
    tooMuch.date = "2024-05-03";
    tooMuch.hours = 24.5;
    EXPECT_EQ(recordIssues([&] { store.add(tooMuch); }),
              (std::vector<RecordIssue>{
                  {RecordType::TimeEntry, RecordField::Hours, Problem::OutOfRange, 24}}));
    TimeEntry noProject = tooMuch;
    noProject.projectId = 4242;
    noProject.hours = 1;
    EXPECT_THROW(store.add(noProject), NotFound);

    TimeEntry changed = first;
    changed.hours = 3;
    changed.projectId = app.id; // ignored: an entry stays with its project
    EXPECT_EQ(store.update(changed).projectId, web.id);
    EXPECT_DOUBLE_EQ(store.projectHours(web.id), 11);

    // Removing a project takes its time entries with it.
    store.remove<Project>(web.id);
    EXPECT_FALSE(store.get<TimeEntry>(first.id).has_value());
    EXPECT_DOUBLE_EQ(store.clientHours(client.id), 0.25);
    Project renamed = *store.get<Project>(app.id);
    renamed.name = "App móvil";
    EXPECT_EQ(store.update(renamed).name, "App móvil");
}

TEST(ProfileStore, TasksOrdersInvoicesDeals)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client input = makeClient("Cliente");
    input.currency = "EUR";
    const Client client = store.add(input);
    const Client dollars = store.add(makeClient("Dólares"));

    Task later;
    later.clientId = client.id;
    later.title = "Después";
    later.dueDate = "2024-06-01";
    Task sooner = later;
    sooner.title = "Antes";
    sooner.dueDate = "2024-05-01";
    Task undated = later;
    undated.title = "Sin fecha";
    undated.dueDate = "";
    Task done = later;
    done.title = "Hecha";
    done.status = TaskStatus::Done;
    done.dueDate = "2024-01-01";
    store.addMany(std::vector<Task>{later, sooner, undated, done});
    std::vector<std::string> titles;
    for (const Task& task : store.list<Task>(client.id))
        titles.push_back(task.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"Antes", "Después", "Sin fecha", "Hecha"}));

    PurchaseOrder order;
    order.clientId = client.id;
    order.number = "PO-1";
    order.amount = 50000;
    order = store.add(order);
    EXPECT_EQ(order.currency, "EUR"); // the client's default
    order.status = OrderStatus::Closed;
    EXPECT_EQ(store.update(order).status, OrderStatus::Closed);
    PurchaseOrder noCurrency;
    noCurrency.clientId = dollars.id;
    noCurrency.number = "PO-2";
    EXPECT_EQ(recordIssues([&] { store.add(noCurrency); }),
              (std::vector<RecordIssue>{
                  {RecordType::PurchaseOrder, RecordField::Currency, Problem::Required}}));

    Invoice invoice = makeInvoice(client.id, "F-2024-001");
    invoice.currency = "";
    invoice.dueDate = "";
    invoice = store.add(invoice);
    EXPECT_EQ(invoice.currency, "EUR");
    EXPECT_EQ(invoice.dueDate, "2024-05-01"); // due on the day of issue
    EXPECT_EQ(store.invoiceByNumber("f-2024-001")->id, invoice.id);
    EXPECT_FALSE(store.invoiceByNumber("F-2024-999").has_value());
    // Numbers are unique in the whole register, whatever the client, ignoring case.
    EXPECT_EQ(
        recordIssues([&] { store.add(makeInvoice(dollars.id, "f-2024-001", 5, "USD")); }),
        (std::vector<RecordIssue>{{RecordType::Invoice, RecordField::Number, Problem::Duplicate}}));
    Invoice second = store.add(makeInvoice(dollars.id, "F-2024-002", 100, "USD"));
    second.number = "F-2024-001";
    EXPECT_THROW(store.update(second), RecordValidationError);
    second = *store.get<Invoice>(second.id);
    second.status = InvoiceStatus::Authorised; // keeping its own number is fine
    EXPECT_EQ(store.update(second).status, InvoiceStatus::Authorised);
    Invoice mismatch = makeInvoice(client.id, "F-2024-003");
    mismatch.total += 1;
    EXPECT_EQ(recordIssues([&] { store.add(mismatch); }).at(0).problem, Problem::TotalMismatch);
    // A bulk add is all or nothing.
    EXPECT_THROW(store.addMany(std::vector<Invoice>{makeInvoice(client.id, "F-10"),
                                                    makeInvoice(client.id, "F-10")}),
                 RecordValidationError);
    EXPECT_FALSE(store.invoiceByNumber("F-10").has_value());
    EXPECT_EQ(store.list<Invoice>(client.id).size(), 1U);

    Deal deal;
    deal.clientId = client.id;
    deal.number = "Q-7";
    deal.amount = 123456;
    deal.stage = DealStage::Sent;
    deal.date = "2024-05-01";
    deal.validUntil = "2024-05-31";
    deal = store.add(deal);
    EXPECT_EQ(deal.currency, "EUR");
    deal.stage = DealStage::Accepted;
    store.update(deal);
    EXPECT_EQ(store.list<Deal>(client.id).at(0).stage, DealStage::Accepted);
    store.remove<Deal>(deal.id);
    EXPECT_TRUE(store.list<Deal>(client.id).empty());
    EXPECT_THROW(store.remove<Deal>(deal.id), NotFound);
    EXPECT_THROW(store.remove<Invoice>(999), NotFound);
    EXPECT_THROW(store.remove<Task>(999), NotFound);
    EXPECT_THROW(store.remove<PurchaseOrder>(999), NotFound);
}

TEST(ProfileStore, RecordsStoredFromOneStoreAreReadByAnother)
{
    TempDir dir;
    Register first(dir / "c.db");
    const Client client = first.add(makeClient("Cliente"));
    const Invoice invoice = first.add(makeInvoice(client.id, "F-1"));
    Register second(dir / "c.db");
    Invoice read = *second.get<Invoice>(invoice.id);
    EXPECT_EQ(read.number, "F-1");
    EXPECT_EQ(read.total, 12100);
    EXPECT_EQ(read.version, 1);
    read.status = InvoiceStatus::Paid;
    second.update(read);
    Invoice stale = invoice;
    stale.status = InvoiceStatus::Authorised;
    try
    {
        first.update(stale);
        FAIL() << "expected RecordConflict";
    }
    catch (const RecordConflict<Invoice>& conflict)
    {
        EXPECT_EQ(conflict.current.status, InvoiceStatus::Paid);
    }
}

TEST(ProfileStore, ActivityOfEveryKind)
{
    TempDir dir;
    Register store(dir / "c.db");
    Client input = makeClient("Original", "", "Sevilla");
    input.currency = "EUR";
    const Client client = store.add(input);
    EXPECT_EQ(newest(store.activity(client.id, 10)).kind, ActivityKind::Created);
    EXPECT_EQ(newest(store.activity(client.id, 10)).label, client.code);

    Client changed = client;
    changed.city = "Cádiz";
    changed.paymentTerms = "30";
    changed.tags = "vip";
    store.update(changed);
    {
        const ActivityEntry entry = newest(store.activity(client.id, 10));
        EXPECT_EQ(entry.kind, ActivityKind::Updated);
        const std::vector<FieldChange> expected = {
            {"city", "Sevilla", "Cádiz"}, {"tags", "", "vip"}, {"paymentTerms", "", "30"}};
        EXPECT_EQ(entry.changes, expected);
        EXPECT_FALSE(entry.at.empty());
    }
    const std::int64_t beforeNoop = store.activity(client.id, 0).total;
    store.update(*store.byId(client.id)); // nothing changed: no entry, but a new version
    EXPECT_EQ(store.activity(client.id, 0).total, beforeNoop);

    store.archive(client.id);
    EXPECT_EQ(newest(store.activity(client.id, 10)).kind, ActivityKind::Archived);
    store.archive(client.id); // already archived: nothing happens
    store.restore(client.id);
    EXPECT_EQ(newest(store.activity(client.id, 10)).kind, ActivityKind::Restored);
    EXPECT_FALSE(store.byId(client.id)->archived);

    Invoice invoice = store.add(makeInvoice(client.id, "F-1"));
    {
        const ActivityEntry entry = newest(store.activity(client.id, 10));
        EXPECT_EQ(entry.kind, ActivityKind::RecordAdded);
        EXPECT_EQ(entry.record, RecordType::Invoice);
        EXPECT_EQ(entry.recordId, invoice.id);
        EXPECT_EQ(entry.label, "F-1");
    }
    invoice.status = InvoiceStatus::Authorised;
    invoice.net = 20000;
    invoice.tax = 4200;
    invoice.total = 24200;
    store.update(invoice);
    {
        const ActivityEntry entry = newest(store.activity(client.id, 10));
        EXPECT_EQ(entry.kind, ActivityKind::RecordChanged);
        const std::vector<FieldChange> expected = {{"net", "100.00", "200.00"},
                                                   {"tax", "21.00", "42.00"},
                                                   {"total", "121.00", "242.00"},
                                                   {"status", "draft", "authorised"}};
        EXPECT_EQ(entry.changes, expected);
    }
    store.remove<Invoice>(invoice.id);
    {
        const ActivityEntry entry = newest(store.activity(client.id, 10));
        EXPECT_EQ(entry.kind, ActivityKind::RecordRemoved);
        EXPECT_EQ(entry.label, "F-1");
        EXPECT_EQ(entry.recordId, invoice.id);
    }

    const std::string bytes = "%PDF-1.4 contrato";
    const FileInfo file = store.attachFile(
        client.id, "contrato.pdf", "application/pdf",
        std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    EXPECT_EQ(newest(store.activity(client.id, 10)).kind, ActivityKind::FileAttached);
    EXPECT_EQ(newest(store.activity(client.id, 10)).label, "contrato.pdf");
    store.removeFile(file.id);
    EXPECT_EQ(newest(store.activity(client.id, 10)).kind, ActivityKind::FileRemoved);
    EXPECT_EQ(newest(store.activity(client.id, 10)).record, RecordType::File);

    const ActivityEntry note = store.addNote(client.id, "  Llamó: quiere\r\npresupuesto  ");
    EXPECT_EQ(note.kind, ActivityKind::Note);
    EXPECT_EQ(newest(store.activity(client.id, 10)).text, "Llamó: quiere\npresupuesto");
    EXPECT_EQ(newest(store.activity(client.id, 10)).id, note.id);
    EXPECT_THROW(store.addNote(client.id, " \n "), RecordValidationError);
    EXPECT_THROW(store.addNote(9999, "x"), NotFound);

    const ActivityEntry imported = store.recordImport(client.id, "batch-2024-05-01");
    EXPECT_EQ(imported.kind, ActivityKind::Imported);
    EXPECT_EQ(newest(store.activity(client.id, 10)).batchId, "batch-2024-05-01");
    EXPECT_THROW(store.recordImport(9999, "b"), NotFound);

    const std::vector<Client> batch = store.addMany({makeClient("Importado")}, "batch-7");
    const ActivityEntry first = newest(store.activity(batch[0].id, 10));
    EXPECT_EQ(first.kind, ActivityKind::Imported);
    EXPECT_EQ(first.batchId, "batch-7");
    EXPECT_EQ(store.activity(batch[0].id, 10).total, 1);
}

TEST(ProfileStore, ActivityPagesNewestFirst)
{
    TempDir dir;
    Register store(dir / "c.db");
    const Client client = store.add(makeClient("Cliente"));
    const Client other = store.add(makeClient("Otro"));
    for (int i = 1; i <= 25; ++i)
        store.addNote(client.id, "nota " + std::to_string(i));
    store.addNote(other.id, "de otro");
    ActivityPage page = store.activity(client.id, 10);
    EXPECT_EQ(page.total, 26); // 25 notes and "created"
    ASSERT_EQ(page.entries.size(), 10U);
    EXPECT_EQ(page.entries[0].text, "nota 25");
    EXPECT_EQ(page.entries[9].text, "nota 16");
    std::vector<std::string> all;
    std::int64_t before = 0;
    for (;;)
    {
        page = store.activity(client.id, 10, before);
        for (const ActivityEntry& entry : page.entries)
            all.push_back(entry.text);
        if (page.nextBeforeId == 0)
            break;
        before = page.nextBeforeId;
    }
    ASSERT_EQ(all.size(), 26U);
    EXPECT_EQ(all[24], "nota 1");
    EXPECT_EQ(all[25], ""); // "created"
    for (std::size_t i = 0; i + 1 < 25; ++i)
        EXPECT_EQ(all[i], "nota " + std::to_string(25 - i));
    EXPECT_TRUE(store.activity(client.id, 0).entries.empty());
    EXPECT_TRUE(store.activity(4242, 10).entries.empty());
}

TEST(ProfileStore, FilesWithSha256AndTheSizeLimit)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    Register store(file);
    const Client client = store.add(makeClient("Cliente"));
    std::vector<std::uint8_t> bytes(300000);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>((i * 7919) >> 3);
    const FileInfo info = store.attachFile(client.id, "  plano v2.dwg ", "", bytes);
    EXPECT_EQ(info.name, "plano v2.dwg");
    EXPECT_EQ(info.mimeType, "application/octet-stream");
    EXPECT_EQ(info.size, 300000);
    EXPECT_EQ(info.sha256, sha256Hex(bytes));
    EXPECT_EQ(info.sha256.size(), 64U);
    EXPECT_FALSE(info.addedAt.empty());
    EXPECT_EQ(store.fileBytes(info.id), bytes);
    EXPECT_EQ(store.file(info.id)->sha256, info.sha256);

    const std::vector<std::uint8_t> empty;
    const FileInfo nothing = store.attachFile(client.id, "vacío.txt", "Text/Plain", empty);
    EXPECT_EQ(nothing.mimeType, "text/plain");
    EXPECT_EQ(nothing.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_TRUE(store.fileBytes(nothing.id).empty());
    const auto list = store.files(client.id);
    ASSERT_EQ(list.size(), 2U);
    EXPECT_EQ(list[0].id, nothing.id); // newest first

    // 50 MB + 1 byte: refused with the limit and the size, nothing written.
    const std::vector<std::uint8_t> huge(static_cast<std::size_t>(kMaxFileBytes) + 1, 0x5A);
    try
    {
        store.attachFile(client.id, "grande.iso", "application/octet-stream", huge);
        FAIL() << "expected FileTooLarge";
    }
    catch (const FileTooLarge& error)
    {
        EXPECT_EQ(error.size, kMaxFileBytes + 1);
        EXPECT_EQ(error.limit, kMaxFileBytes);
        EXPECT_EQ(error.limit, 52428800);
        EXPECT_EQ(error.name, "grande.iso");
    }
    EXPECT_EQ(store.files(client.id).size(), 2U);
    // Exactly 50 MB is accepted and read back whole.
    const std::span<const std::uint8_t> limit(huge.data(), static_cast<std::size_t>(kMaxFileBytes));
    const FileInfo largest = store.attachFile(client.id, "limite.bin", "", limit);
    EXPECT_EQ(largest.size, kMaxFileBytes);
    EXPECT_EQ(store.fileBytes(largest.id).size(), static_cast<std::size_t>(kMaxFileBytes));
    store.removeFile(largest.id);
    EXPECT_EQ(rawText(file, "SELECT count(*) FROM file_contents"), "2"); // contents went too

    EXPECT_THROW(store.attachFile(client.id, "", "", bytes), RecordValidationError);
    EXPECT_THROW(store.attachFile(client.id, "x", "pdf", bytes), RecordValidationError);
    EXPECT_THROW(store.attachFile(4242, "x", "", bytes), NotFound);
    EXPECT_THROW(store.fileBytes(4242), NotFound);
    EXPECT_THROW(store.removeFile(4242), NotFound);
    EXPECT_FALSE(store.file(4242).has_value());
}

TEST(ProfileStore, ArchiveRestoreAndDelete)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    Register store(file);
    const Client client = store.add(makeClient("Con cosas", "B12345678"));
    Contact contact;
    contact.clientId = client.id;
    contact.name = "Ana";
    store.add(contact);
    store.addNote(client.id, "nota");
    Project project;
    project.clientId = client.id;
    project.name = "P";
    project = store.add(project);
    const Invoice invoice = store.add(makeInvoice(client.id, "F-1"));
    const std::vector<std::uint8_t> bytes = {1, 2, 3};
    const FileInfo attached = store.attachFile(client.id, "a.bin", "", bytes);
    try
    {
        store.deleteClient(client.id);
        FAIL() << "expected HasLinkedRecords";
    }
    catch (const HasLinkedRecords& error)
    {
        EXPECT_EQ(error.clientId, client.id);
        EXPECT_EQ(error.linked.projects, 1);
        EXPECT_EQ(error.linked.invoices, 1);
        EXPECT_EQ(error.linked.files, 1);
        EXPECT_EQ(error.linked.tasks, 0);
        EXPECT_TRUE(error.linked.any());
    }
    EXPECT_TRUE(store.byId(client.id).has_value());
    EXPECT_EQ(store.linkedRecords(client.id).invoices, 1);

    // Archive instead; restore brings it back.
    store.archive(client.id);
    EXPECT_TRUE(store.byId(client.id)->archived);
    EXPECT_EQ(store.count(), 0);
    store.restore(client.id);
    EXPECT_FALSE(store.byId(client.id)->archived);
    EXPECT_EQ(store.search("con cosas", false, 10).total, 1);

    // Each linked record type refuses on its own.
    store.remove<Project>(project.id);
    store.remove<Invoice>(invoice.id);
    Task task;
    task.clientId = client.id;
    task.title = "T";
    task = store.add(task);
    EXPECT_EQ(store.linkedRecords(client.id), (LinkedRecords{0, 1, 0, 0, 0, 1}));
    EXPECT_THROW(store.deleteClient(client.id), HasLinkedRecords);
    store.remove<Task>(task.id);
    store.removeFile(attached.id);
    EXPECT_FALSE(store.linkedRecords(client.id).any());

    // Nothing left but contacts and activity: it can go, and they go with it.
    store.deleteClient(client.id);
    EXPECT_FALSE(store.byId(client.id).has_value());
    EXPECT_TRUE(store.list<Contact>(client.id).empty());
    EXPECT_EQ(store.activity(client.id, 10).total, 0);
    EXPECT_EQ(store.search("con cosas", true, 10).total, 0);
    EXPECT_FALSE(store.byKey("B12345678").has_value());
    EXPECT_EQ(rawText(file, "SELECT count(*) FROM activity_changes"), "0");
    EXPECT_EQ(rawText(file, "SELECT count(*) FROM client_tags"), "0");
    EXPECT_THROW(store.deleteClient(client.id), NotFound);
    // Its code is not given out again.
    EXPECT_EQ(store.add(makeClient("Nuevo")).code, "C-000002");
    EXPECT_EQ(rawText(file, "PRAGMA foreign_key_check"), "");
}

TEST(ProfileStore, ForeignKeysGuardTheSchema)
{
    TempDir dir;
    const fs::path file = dir / "c.db";
    Register store(file);
    const Client client = store.add(makeClient("Cliente"));
    store.add(makeInvoice(client.id, "F-1"));
    // Another program deleting the client directly is stopped by the foreign key.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    EXPECT_NE(sqlite3_exec(db, "DELETE FROM clients", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "UPDATE invoices SET total = 1", nullptr, nullptr, nullptr),
              SQLITE_OK); // CHECK (total = net + tax)
    sqlite3_close(db);
    EXPECT_EQ(store.count(), 1);
}

} // namespace clientes
