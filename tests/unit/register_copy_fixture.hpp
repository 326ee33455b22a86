#pragma once

// A source register with every kind of record and a target with some of it already, for the
// copy of a register into another (register_copy.hpp): the unit tests (file → file) and the
// server tests (file → team register) run the same round trip and the same checks.

#include "core/files/sha256.hpp"
#include "core/register/register.hpp"
#include "core/register/register_copy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace clientes::test
{

inline Client copyClient(std::string legalName, std::string taxId)
{
    Client client;
    client.legalName = std::move(legalName);
    client.taxId = std::move(taxId);
    client.country = "ES";
    client.currency = "EUR";
    return client;
}

// The source: Alfa (every record kind, a file, a note, a changed contact), Beta (archived,
// an invoice, a note), Gamma (tax ID "b-12345678": the target has "B12345678" with empty
// fields and another phone; a contact the target has too, an invoice), Delta (in the target
// already, nothing to fill).
struct CopySource
{
    Client alfa, beta, gamma, delta;
    std::vector<std::uint8_t> fileBytes;
};

inline CopySource fillCopySource(Register& source)
{
    CopySource made;
    Client alfa = copyClient("Alfa Ingeniería, S.L.", "B11111111");
    alfa.city = "Madrid";
    alfa.email = "info@alfa.example";
    alfa.tags = "vip, norte";
    made.alfa = source.add(alfa);
    const std::int64_t a = made.alfa.id;

    Contact contact;
    contact.clientId = a;
    contact.name = "Luis Pérez";
    contact.role = "Gerente";
    contact.email = "luis@alfa.example";
    contact = source.add(contact);
    Project project;
    project.clientId = a;
    project.name = "Web nueva";
    project = source.add(project);
    TimeEntry hours;
    hours.projectId = project.id;
    hours.date = "2024-03-01";
    hours.hours = 2.5;
    hours.note = "diseño";
    source.add(hours);
    Task task;
    task.clientId = a;
    task.title = "Llamar por el presupuesto";
    task.dueDate = "2024-04-15";
    source.add(task);
    PurchaseOrder order;
    order.clientId = a;
    order.number = "PO-77";
    order.date = "2024-02-10";
    order.amount = 150000;
    source.add(order);
    Invoice invoice;
    invoice.clientId = a;
    invoice.number = "F-2024-001";
    invoice.issueDate = "2024-02-20";
    invoice.net = 100000;
    invoice.tax = 21000;
    invoice.total = 121000;
    invoice.status = InvoiceStatus::Authorised;
    source.add(invoice);
    Deal deal;
    deal.clientId = a;
    deal.title = "Mantenimiento anual";
    deal.date = "2024-01-05";
    deal.amount = 480000;
    deal.stage = DealStage::Sent;
    source.add(deal);
    for (int i = 0; i < 3000; ++i)
        made.fileBytes.push_back(static_cast<std::uint8_t>((i * 37) % 251));
    source.attachFile(a, "contrato 2024.pdf", "application/pdf", made.fileBytes);
    source.addNote(a, "Prefiere factura en papel.");
    contact.role = "Director general"; // a RecordChanged entry
    source.update(contact);

    made.beta = source.add(copyClient("Beta Distribución, S.A.", "A22222222"));
    Invoice old;
    old.clientId = made.beta.id;
    old.number = "F-2023-050";
    old.issueDate = "2023-11-02";
    old.net = 5000;
    old.total = 5000;
    old.status = InvoiceStatus::Paid;
    source.add(old);
    source.addNote(made.beta.id, "Cerró en 2023.");
    source.archive(made.beta.id);
    made.beta = *source.byId(made.beta.id);

    Client gamma = copyClient("Gamma Comercial, S.L.", "b-12345678");
    gamma.phone = "600111222";
    gamma.city = "Sevilla";
    gamma.website = "gamma.example";
    gamma.tags = "mayorista";
    gamma.notes = "Cliente desde 2019.";
    made.gamma = source.add(gamma);
    Contact marta;
    marta.clientId = made.gamma.id;
    marta.name = "Marta Ruiz";
    marta.phone = "611222333";
    source.add(marta);
    Invoice third;
    third.clientId = made.gamma.id;
    third.number = "F-2024-003";
    third.issueDate = "2024-03-03";
    third.net = 20000;
    third.tax = 4200;
    third.total = 24200;
    source.add(third);

    Client delta = copyClient("Delta, S.L.", "B44444444");
    delta.city = "Bilbao";
    made.delta = source.add(delta);
    return made;
}

// The target: Gamma's namesake (other spelling of the tax ID, empty city, website and notes,
// another phone, its own tag, Marta already a contact), Delta's (all of Delta's fields and
// more), and a client of its own with an invoice.
struct CopyTarget
{
    Client gamma, delta, own;
};

inline CopyTarget fillCopyTarget(Register& target)
{
    CopyTarget made;
    made.own = target.add(copyClient("Propio del servidor, S.L.", "B99999999"));
    Invoice invoice;
    invoice.clientId = made.own.id;
    invoice.number = "S-0001";
    invoice.issueDate = "2024-01-10";
    invoice.net = 1000;
    invoice.total = 1000;
    target.add(invoice);
    Client gamma = copyClient("Gamma, S.L.", "B12345678");
    gamma.phone = "955000000";
    gamma.tags = "sur";
    made.gamma = target.add(gamma);
    Contact marta;
    marta.clientId = made.gamma.id;
    marta.name = "Marta Ruiz";
    marta.phone = "611222333";
    target.add(marta);
    Client delta = copyClient("Delta Servicios, S.L.", "B-44444444");
    delta.city = "Bilbao";
    delta.email = "hola@delta.example";
    made.delta = target.add(delta);
    return made;
}

inline const CopyClient* rowOf(const RegisterCopyPlan& plan, const Client& client)
{
    for (const CopyClient& row : plan.clients)
        if (row.fileCode == client.code)
            return &row;
    ADD_FAILURE() << "no row for " << client.code;
    return nullptr;
}

// The plan (before copying) or the report (after).
inline void expectFirstPlan(const RegisterCopyPlan& plan, const CopySource& source,
                            const CopyTarget& target, bool report)
{
    ASSERT_EQ(plan.clients.size(), 4u);
    EXPECT_TRUE(plan.conflicts.empty());
    const CopyClient* alfa = rowOf(plan, source.alfa);
    const CopyClient* beta = rowOf(plan, source.beta);
    const CopyClient* gamma = rowOf(plan, source.gamma);
    const CopyClient* delta = rowOf(plan, source.delta);
    ASSERT_TRUE(alfa && beta && gamma && delta);

    EXPECT_EQ(alfa->action, CopyClient::Action::Create);
    EXPECT_EQ(alfa->legalName, source.alfa.legalName);
    EXPECT_EQ(alfa->taxId, "B11111111");
    EXPECT_EQ(alfa->records, 7); // contact, project, time entry, task, order, invoice, deal
    EXPECT_EQ(alfa->files, 1);
    EXPECT_EQ(alfa->activity, 11); // created, 7 added, file, note, contact changed
    EXPECT_EQ(beta->action, CopyClient::Action::Create);
    EXPECT_TRUE(beta->archived);
    EXPECT_EQ(beta->records, 1);
    EXPECT_EQ(beta->activity, 4); // created, invoice added, note, archived
    if (report)
    {
        EXPECT_FALSE(alfa->serverCode.empty());
        EXPECT_FALSE(beta->serverCode.empty());
        EXPECT_NE(alfa->serverCode, beta->serverCode);
    }
    else
    {
        EXPECT_EQ(alfa->serverCode, "");
        EXPECT_EQ(beta->serverCode, "");
    }

    EXPECT_EQ(gamma->action, CopyClient::Action::Merge);
    EXPECT_EQ(gamma->taxId, "b-12345678");
    EXPECT_EQ(gamma->serverCode, target.gamma.code);
    EXPECT_EQ(gamma->serverLegalName, "Gamma, S.L.");
    // The tax IDs normalise alike: not listed.
    EXPECT_EQ(gamma->keptServerFields, (std::vector<std::string>{"legalName", "phone"}));
    EXPECT_EQ(gamma->filledFields, (std::vector<std::string>{"city", "website", "notes", "tags"}));
    EXPECT_EQ(gamma->records, 1); // the invoice; Marta is there
    EXPECT_EQ(gamma->activity, 3);

    EXPECT_EQ(delta->action, CopyClient::Action::AlreadyThere);
    EXPECT_EQ(delta->serverCode, target.delta.code);
    EXPECT_EQ(delta->keptServerFields, (std::vector<std::string>{"legalName"}));
    EXPECT_TRUE(delta->filledFields.empty());
    EXPECT_EQ(delta->records, 0);
    EXPECT_EQ(delta->activity, 1); // its Created entry

    EXPECT_EQ(plan.counts.created, 2);
    EXPECT_EQ(plan.counts.merged, 1);
    EXPECT_EQ(plan.counts.alreadyThere, 1);
    EXPECT_EQ(plan.counts.records, 9);
    EXPECT_EQ(plan.counts.files, 1);
    EXPECT_EQ(plan.counts.activity, 19);
    EXPECT_EQ(plan.counts.fieldsFilled, 4);
    EXPECT_TRUE(plan.changesAnything());
}

template <typename R> R only(const std::vector<R>& records)
{
    EXPECT_EQ(records.size(), 1u);
    return records.empty() ? R{} : records.front();
}

inline const ActivityEntry* findEntry(const std::vector<ActivityEntry>& entries, ActivityKind kind,
                                      std::optional<RecordType> record, const std::string& label)
{
    for (const ActivityEntry& entry : entries)
        if (entry.kind == kind && entry.record == record && entry.label == label)
            return &entry;
    return nullptr;
}

// The target after the first copy: every record, the file's bytes, the activity with its
// record ids.
inline void expectCopied(Register& from, Register& to, const CopySource& source,
                         const CopyTarget& target, const RegisterCopyPlan& report)
{
    // Alfa: created with the source's uuid, a new code, every record.
    const std::optional<Client> alfa = to.byCode(rowOf(report, source.alfa)->serverCode);
    ASSERT_TRUE(alfa);
    EXPECT_EQ(alfa->uuid, source.alfa.uuid);
    EXPECT_EQ(alfa->legalName, source.alfa.legalName);
    EXPECT_EQ(alfa->email, "info@alfa.example");
    EXPECT_EQ(alfa->tags, "vip, norte");
    EXPECT_FALSE(alfa->archived);
    EXPECT_EQ(to.byKey("B11111111")->id, alfa->id);

    const Contact contact = only(to.list<Contact>(alfa->id));
    EXPECT_EQ(contact.name, "Luis Pérez");
    EXPECT_EQ(contact.role, "Director general");
    EXPECT_EQ(contact.email, "luis@alfa.example");
    const Project project = only(to.list<Project>(alfa->id));
    EXPECT_EQ(project.name, "Web nueva");
    const TimeEntry hours = only(to.list<TimeEntry>(project.id));
    EXPECT_EQ(hours.date, "2024-03-01");
    EXPECT_DOUBLE_EQ(hours.hours, 2.5);
    EXPECT_EQ(hours.note, "diseño");
    EXPECT_EQ(hours.clientId, alfa->id);
    const Task task = only(to.list<Task>(alfa->id));
    EXPECT_EQ(task.title, "Llamar por el presupuesto");
    EXPECT_EQ(task.dueDate, "2024-04-15");
    const PurchaseOrder order = only(to.list<PurchaseOrder>(alfa->id));
    EXPECT_EQ(order.number, "PO-77");
    EXPECT_EQ(order.amount, 150000);
    EXPECT_EQ(order.currency, "EUR");
    const Invoice invoice = only(to.list<Invoice>(alfa->id));
    EXPECT_EQ(invoice.number, "F-2024-001");
    EXPECT_EQ(invoice.total, 121000);
    EXPECT_EQ(invoice.status, InvoiceStatus::Authorised);
    EXPECT_EQ(invoice.dueDate, "2024-02-20");
    EXPECT_EQ(to.invoiceByNumber("f-2024-001")->clientId, alfa->id);
    const Deal deal = only(to.list<Deal>(alfa->id));
    EXPECT_EQ(deal.title, "Mantenimiento anual");
    EXPECT_EQ(deal.stage, DealStage::Sent);
    EXPECT_EQ(deal.amount, 480000);
    const FileInfo file = only(to.files(alfa->id));
    EXPECT_EQ(file.name, "contrato 2024.pdf");
    EXPECT_EQ(file.mimeType, "application/pdf");
    EXPECT_EQ(file.size, 3000);
    EXPECT_EQ(file.sha256, sha256Hex(source.fileBytes));
    EXPECT_EQ(to.fileBytes(file.id), source.fileBytes);

    // Alfa's activity: the source's entries with their times, record ids naming the copies,
    // and the copy's own entry.
    const std::vector<ActivityEntry> mine = from.activity(source.alfa.id, 100).entries;
    const std::vector<ActivityEntry> theirs = to.activity(alfa->id, 100).entries;
    EXPECT_EQ(theirs.size(), mine.size() + 1);
    for (const ActivityEntry& entry : mine)
    {
        const std::string label = entry.record ? entry.label : alfa->code;
        const ActivityEntry* copied = findEntry(theirs, entry.kind, entry.record, label);
        ASSERT_NE(copied, nullptr) << activityKindName(entry.kind) << " " << entry.label;
        EXPECT_EQ(copied->at, entry.at);
        EXPECT_EQ(copied->text, entry.text);
        EXPECT_EQ(copied->changes, entry.changes);
    }
    const auto idOf = [&](ActivityKind kind, RecordType record, const std::string& label)
    {
        const ActivityEntry* entry = findEntry(theirs, kind, record, label);
        return entry ? entry->recordId : -1;
    };
    EXPECT_EQ(idOf(ActivityKind::RecordAdded, RecordType::Invoice, "F-2024-001"), invoice.id);
    EXPECT_EQ(idOf(ActivityKind::RecordAdded, RecordType::Project, "Web nueva"), project.id);
    EXPECT_EQ(idOf(ActivityKind::RecordAdded, RecordType::TimeEntry, "2024-03-01 2.5 h"), hours.id);
    EXPECT_EQ(idOf(ActivityKind::RecordChanged, RecordType::Contact, "Luis Pérez"), contact.id);
    EXPECT_EQ(idOf(ActivityKind::FileAttached, RecordType::File, "contrato 2024.pdf"), file.id);
    const ActivityEntry* note = findEntry(theirs, ActivityKind::Note, RecordType::Note, "");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->text, "Prefiere factura en papel.");
    ASSERT_FALSE(theirs.empty());
    const ActivityEntry& copyEntry = theirs.front(); // the newest
    EXPECT_EQ(copyEntry.kind, ActivityKind::Imported);
    EXPECT_EQ(copyEntry.batchId, std::string(kCopyBatchPrefix) + from.path().string());
    EXPECT_EQ(copyEntry.label, from.path().filename().string());

    // Beta: archived, with its invoice and note.
    const std::optional<Client> beta = to.byCode(rowOf(report, source.beta)->serverCode);
    ASSERT_TRUE(beta);
    EXPECT_TRUE(beta->archived);
    EXPECT_EQ(beta->uuid, source.beta.uuid);
    EXPECT_EQ(only(to.list<Invoice>(beta->id)).number, "F-2023-050");
    EXPECT_EQ(to.activity(beta->id, 100).total, 5);

    // Gamma: the server's client with its empty fields filled, its phone and name kept, one
    // Updated entry; Marta once; the invoice copied.
    const std::optional<Client> gamma = to.byId(target.gamma.id);
    ASSERT_TRUE(gamma);
    EXPECT_EQ(gamma->legalName, "Gamma, S.L.");
    EXPECT_EQ(gamma->phone, "955000000");
    EXPECT_EQ(gamma->taxId, "B12345678");
    EXPECT_EQ(gamma->city, "Sevilla");
    EXPECT_EQ(gamma->website, "gamma.example");
    EXPECT_EQ(gamma->notes, "Cliente desde 2019.");
    EXPECT_EQ(gamma->tags, "sur, mayorista");
    EXPECT_EQ(gamma->uuid, target.gamma.uuid);
    EXPECT_EQ(gamma->version, target.gamma.version + 1);
    EXPECT_EQ(to.list<Contact>(gamma->id).size(), 1u);
    const Invoice third = only(to.list<Invoice>(gamma->id));
    EXPECT_EQ(third.number, "F-2024-003");
    const std::vector<ActivityEntry> gammaLog = to.activity(gamma->id, 100).entries;
    const ActivityEntry* updated =
        findEntry(gammaLog, ActivityKind::Updated, std::nullopt, gamma->code);
    ASSERT_NE(updated, nullptr);
    ASSERT_EQ(updated->changes.size(), 4u);
    EXPECT_EQ(updated->changes[0], (FieldChange{"city", "", "Sevilla"}));
    EXPECT_EQ(updated->changes[3], (FieldChange{"tags", "sur", "sur, mayorista"}));
    // Marta was there: the entry of her addition names no record; the invoice's its copy.
    const ActivityEntry* martaAdded =
        findEntry(gammaLog, ActivityKind::RecordAdded, RecordType::Contact, "Marta Ruiz");
    ASSERT_NE(martaAdded, nullptr);
    // The target's own entry for Marta (recordId set) or the copied one (0): both there.
    std::size_t martaEntries = 0;
    bool copiedWithoutRecord = false;
    for (const ActivityEntry& entry : gammaLog)
        if (entry.kind == ActivityKind::RecordAdded && entry.label == "Marta Ruiz")
        {
            ++martaEntries;
            copiedWithoutRecord = copiedWithoutRecord || entry.recordId == 0;
        }
    EXPECT_EQ(martaEntries, 2u);
    EXPECT_TRUE(copiedWithoutRecord);
    const ActivityEntry* thirdAdded =
        findEntry(gammaLog, ActivityKind::RecordAdded, RecordType::Invoice, "F-2024-003");
    ASSERT_NE(thirdAdded, nullptr);
    EXPECT_EQ(thirdAdded->recordId, third.id);

    // Delta: untouched but for its Created entry and the copy's.
    const std::optional<Client> delta = to.byId(target.delta.id);
    ASSERT_TRUE(delta);
    EXPECT_EQ(delta->version, target.delta.version);
    EXPECT_EQ(delta->legalName, "Delta Servicios, S.L.");
    EXPECT_EQ(to.activity(delta->id, 100).total, 3);

    // The target's own client as it was.
    EXPECT_EQ(to.byId(target.own.id)->version, target.own.version);
    EXPECT_EQ(to.invoiceByNumber("S-0001")->clientId, target.own.id);
    EXPECT_EQ(to.count(true), 5);
}

// Everything the target holds that a copy could change, to compare before and after.
struct TargetState
{
    std::map<std::int64_t, std::int64_t> versions;
    std::map<std::int64_t, std::int64_t> activity;
    std::map<std::int64_t, std::size_t> records;
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string, std::int64_t>> invoices;

    bool operator==(const TargetState&) const = default;
};

inline TargetState stateOf(Register& reg)
{
    TargetState state;
    std::vector<std::int64_t> ids;
    reg.forEachClient(
        [&](Client&& client)
        {
            state.versions[client.id] = client.version;
            ids.push_back(client.id);
        });
    for (std::int64_t id : ids)
    {
        state.activity[id] = reg.activity(id, 1).total;
        std::size_t records = reg.list<Contact>(id).size() + reg.list<Task>(id).size() +
                              reg.list<PurchaseOrder>(id).size() + reg.list<Invoice>(id).size() +
                              reg.list<Deal>(id).size() + reg.files(id).size();
        for (const Project& project : reg.list<Project>(id))
            records += 1 + reg.list<TimeEntry>(project.id).size();
        state.records[id] = records;
    }
    for (const Invoice& invoice : reg.allInvoices())
        state.invoices.emplace_back(invoice.id, invoice.clientId, invoice.number, invoice.version);
    return state;
}

// A copy that finds everything there: every client AlreadyThere, nothing to copy.
inline void expectNothingToCopy(const RegisterCopyPlan& plan, std::size_t clients)
{
    EXPECT_EQ(plan.clients.size(), clients);
    for (const CopyClient& row : plan.clients)
    {
        EXPECT_EQ(row.action, CopyClient::Action::AlreadyThere) << row.fileCode;
        EXPECT_FALSE(row.serverCode.empty());
        EXPECT_EQ(row.records + row.files + row.activity, 0) << row.fileCode;
        EXPECT_TRUE(row.filledFields.empty()) << row.fileCode;
    }
    EXPECT_TRUE(plan.conflicts.empty());
    EXPECT_EQ(plan.counts.created, 0);
    EXPECT_EQ(plan.counts.merged, 0);
    EXPECT_EQ(plan.counts.alreadyThere, static_cast<std::int64_t>(clients));
    EXPECT_EQ(plan.counts.records, 0);
    EXPECT_EQ(plan.counts.files, 0);
    EXPECT_EQ(plan.counts.activity, 0);
    EXPECT_EQ(plan.counts.fieldsFilled, 0);
    EXPECT_FALSE(plan.changesAnything());
}

} // namespace clientes::test
