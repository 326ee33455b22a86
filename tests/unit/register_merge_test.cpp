// Duplicates in a real register file: finding groups, near matches as a client is typed, the
// marks of pairs that are not duplicates, merging with every kind of record and undoing it.

#include "core/register/register.hpp"
#include "core/rules/validation.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace clientes
{

using test::makeClient;
using test::TempDir;

namespace
{

struct RegisterMerge : ::testing::Test
{
    TempDir dir;
    Register reg{dir / "clientes.db"};

    Client add(Client client) { return reg.add(std::move(client)); }
};

// Everything of the register but what changes with every write (versions, update times) and
// the merges' own history (Merged / MergeUndone entries): what an undo must give back.
std::string dump(Register& reg)
{
    std::ostringstream out;
    std::vector<Client> clients;
    reg.forEachClient([&](Client&& c) { clients.push_back(std::move(c)); });
    for (const Client& c : clients)
    {
        {
            out << "client " << c.id << ' ' << c.code << " archived=" << c.archived;
            for (Field field : allFields())
                out << " | " << fieldName(field) << '=' << c.value(field);
            out << '\n';
            for (const Contact& r : reg.list<Contact>(c.id))
                out << "  contact " << r.id << ' ' << r.name << ' ' << r.email << '\n';
            for (const Project& r : reg.list<Project>(c.id))
            {
                out << "  project " << r.id << ' ' << r.name << '\n';
                for (const TimeEntry& t : reg.list<TimeEntry>(r.id))
                    out << "    time " << t.id << " client=" << t.clientId << ' ' << t.hours
                        << '\n';
            }
            for (const Task& r : reg.list<Task>(c.id))
                out << "  task " << r.id << ' ' << r.title << '\n';
            for (const PurchaseOrder& r : reg.list<PurchaseOrder>(c.id))
                out << "  order " << r.id << ' ' << r.number << '\n';
            for (const Invoice& r : reg.list<Invoice>(c.id))
                out << "  invoice " << r.id << ' ' << r.number << ' ' << r.total << '\n';
            for (const Deal& r : reg.list<Deal>(c.id))
                out << "  deal " << r.id << ' ' << r.title << '\n';
            for (const FileInfo& r : reg.files(c.id))
                out << "  file " << r.id << ' ' << r.name << ' ' << r.sha256 << '\n';
            for (const ActivityEntry& e : reg.activity(c.id, 1000).entries)
                if (e.kind != ActivityKind::Merged && e.kind != ActivityKind::MergeUndone)
                    out << "  activity " << e.id << ' ' << activityKindName(e.kind) << ' '
                        << e.label << e.text << '\n';
        }
    }
    return out.str();
}

// A client with one record of every kind.
Client withEverything(Register& reg, Client client, const std::string& tag)
{
    client = reg.add(std::move(client));
    Contact contact;
    contact.clientId = client.id;
    contact.name = "Persona " + tag;
    contact.email = tag + "@example.com";
    reg.add(contact);
    Project project;
    project.clientId = client.id;
    project.name = "Proyecto " + tag;
    project = reg.add(project);
    TimeEntry time;
    time.projectId = project.id;
    time.date = "2024-03-01";
    time.hours = 1.5;
    reg.add(time);
    Task task;
    task.clientId = client.id;
    task.title = "Llamar " + tag;
    reg.add(task);
    PurchaseOrder order;
    order.clientId = client.id;
    order.number = "P-" + tag;
    order.amount = 1000;
    order.currency = "EUR";
    reg.add(order);
    Invoice invoice;
    invoice.clientId = client.id;
    invoice.number = "F-" + tag;
    invoice.issueDate = "2024-01-10";
    invoice.net = 10000;
    invoice.tax = 2100;
    invoice.total = 12100;
    invoice.currency = "EUR";
    reg.add(invoice);
    Deal deal;
    deal.clientId = client.id;
    deal.title = "Oferta " + tag;
    deal.amount = 5000;
    deal.currency = "EUR";
    reg.add(deal);
    const std::string bytes = "contenido " + tag;
    reg.attachFile(client.id, tag + ".txt", "text/plain",
                   std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    reg.addNote(client.id, "Nota de " + tag);
    return *reg.byId(client.id);
}

} // namespace

TEST_F(RegisterMerge, FindDuplicatesGroupsClientsByTheirEvidenceAndLeavesMarkedPairsOut)
{
    const Client a = add(makeClient("Pérez Gómez Asesores, S.L.", "B12345674", "Madrid"));
    const Client b = add(makeClient("PEREZ GOMEZ ASESORES SL", "", "Madrid"));
    Client c = makeClient("Asesores Pérez Gómez", "ESB-12.345.674", "Madrid");
    c = add(c);
    const Client other = add(makeClient("Transportes Ruiz S.A.", "A58818501", "Bilbao"));
    Client archived = add(makeClient("Perez Gomez Asesores", "", "Madrid"));
    reg.archive(archived.id);

    std::vector<DuplicateCandidates> groups = reg.findDuplicates();
    ASSERT_EQ(groups.size(), 1U);
    std::vector<std::int64_t> ids;
    for (const Client& client : groups[0].clients)
        ids.push_back(client.id);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{a.id, b.id, c.id})); // archived ones stay out
    EXPECT_GE(groups[0].score, 90);
    bool taxIdReason = false;
    for (const DuplicatePair& pair : groups[0].pairs)
        for (const DuplicateEvidence& evidence : pair.score.reasons)
            taxIdReason |=
                evidence.reason == DuplicateReason::SameTaxId && pair.a == a.id && pair.b == c.id;
    EXPECT_TRUE(taxIdReason);

    // Only the groups of the clients asked for.
    EXPECT_TRUE(reg.findDuplicates({.codes = {other.code}}).empty());
    EXPECT_EQ(reg.findDuplicates({.codes = {"c" + std::to_string(b.id)}}).size(), 1U);
    // A threshold above every pair finds nothing.
    EXPECT_TRUE(reg.findDuplicates({.minScore = 101}).empty());

    reg.markNotDuplicates(b.id, a.id);
    reg.markNotDuplicates(c.id, b.id);
    groups = reg.findDuplicates();
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(groups[0].clients.size(), 2U); // a and c, by their tax ID
    EXPECT_THROW(reg.markNotDuplicates(a.id, a.id), std::invalid_argument);
    EXPECT_THROW(reg.markNotDuplicates(a.id, 999999), NotFound);
}

TEST_F(RegisterMerge, NearMatchesFindTheClientBeingTypedAgainUnderAnotherSpelling)
{
    const Client existing = add(makeClient("Construcciones Martínez e Hijos, S.L.", "", "Murcia",
                                           "obras@martinezhijos.es"));
    add(makeClient("Construcciones García S.A.", "", "Murcia"));
    for (int i = 0; i < 50; ++i)
        add(makeClient("Construcciones Número " + std::to_string(i) + " S.L."));

    Client typed = makeClient("CONSTRUCCIONES MARTINES E HIJOS SL"); // a typo, no accents
    std::vector<DuplicateMatch> matches = reg.nearMatches(typed);
    ASSERT_FALSE(matches.empty());
    EXPECT_EQ(matches[0].client.id, existing.id);
    EXPECT_EQ(matches[0].score.reasons.front().reason, DuplicateReason::SimilarName);

    // The same e-mail under another name.
    typed = makeClient("Martínez Obras");
    typed.email = "OBRAS@martinezhijos.es";
    matches = reg.nearMatches(typed);
    ASSERT_FALSE(matches.empty());
    EXPECT_EQ(matches[0].client.id, existing.id);

    // The client itself is never its own duplicate; nor a pair marked as not duplicates.
    EXPECT_TRUE(reg.nearMatches(existing).empty());
    const Client twin = add(makeClient("Construcciones Martinez e Hijos"));
    EXPECT_FALSE(reg.nearMatches(twin).empty());
    reg.markNotDuplicates(twin.id, existing.id);
    EXPECT_TRUE(reg.nearMatches(twin).empty());
    // Nothing typed yet: nothing found, nothing thrown.
    EXPECT_TRUE(reg.nearMatches(Client{}).empty());
}

TEST_F(RegisterMerge, PlanMergePrefersFilledNewerValuesAndCombinesNotesAndTags)
{
    Client keep = makeClient("Acme Ibérica, S.L.", "B12345674", "Madrid", "info@acme.es");
    keep.notes = "Cliente desde 2019";
    keep.tags = "vip";
    keep = add(keep);
    Client other = makeClient("ACME IBERICA SL", "", "Madrid", "");
    other.phone = "+34 600 12 34 56";
    other.street = "Calle Mayor 3, 2º B";
    other.notes = "Paga a 60 días";
    other.tags = "VIP, mayorista";
    other = add(other);
    keep.street = "Calle Mayor 3";
    keep = reg.update(keep); // newer than other

    const MergePlan plan = reg.planMerge(keep.id, {other.id});
    ASSERT_EQ(plan.clients.size(), 2U);
    EXPECT_EQ(plan.choices.at(Field::LegalName), keep.id);
    EXPECT_EQ(plan.choices.at(Field::TaxId), keep.id);
    EXPECT_EQ(plan.choices.at(Field::Phone), other.id);  // filled over empty
    EXPECT_EQ(plan.choices.at(Field::Street), other.id); // says more
    EXPECT_EQ(plan.choices.at(Field::Notes), 0);         // both
    EXPECT_EQ(plan.result.phone, other.phone);
    EXPECT_EQ(plan.result.notes, "Cliente desde 2019\nPaga a 60 días");
    EXPECT_EQ(plan.result.tags, "vip, mayorista");
    EXPECT_EQ(plan.result.code, keep.code);

    // Names that differ only in case, accents and punctuation: the one of the client that
    // stays, even when the other was saved later.
    const MergePlan reversed = reg.planMerge(other.id, {keep.id});
    EXPECT_EQ(reversed.choices.at(Field::LegalName), other.id);
    EXPECT_EQ(reversed.result.legalName, "ACME IBERICA SL");
    EXPECT_EQ(reversed.result.street, "Calle Mayor 3, 2º B"); // still the one saying more
    // The same phone and tax ID in other spellings: the staying client's.
    Client spelled = makeClient("ACME IBERICA", "ESB-12.345.674", "Madrid");
    spelled.phone = "600123456";
    spelled = add(spelled);
    Client phoned = *reg.byId(keep.id);
    phoned.phone = "+34 600 12 34 56";
    phoned = reg.update(phoned);
    const MergePlan spellings = reg.planMerge(keep.id, {spelled.id});
    EXPECT_EQ(spellings.choices.at(Field::TaxId), keep.id);
    EXPECT_EQ(spellings.choices.at(Field::Phone), keep.id);

    EXPECT_THROW(reg.planMerge(keep.id, {}), MergeRefused);
    EXPECT_THROW(reg.planMerge(keep.id, {keep.id}), MergeRefused);
    EXPECT_THROW(reg.planMerge(keep.id, {999999}), NotFound);
}

TEST_F(RegisterMerge, AMergeMovesEveryRecordAndItsUndoGivesTheRegisterBackAsItWas)
{
    const Client keep = withEverything(
        reg, makeClient("Acme Ibérica, S.L.", "B12345674", "Madrid", "info@acme.es"), "k");
    Client second = makeClient("ACME IBERICA SL", "", "Getafe");
    second.phone = "600123456";
    second = withEverything(reg, second, "m");
    const Client third = withEverything(reg, makeClient("Acme Iberica"), "t");
    const Client bystander = withEverything(reg, makeClient("Otra Empresa S.A."), "o");
    const std::string before = dump(reg);
    // The plan counts what will move: the records of the two merged clients.
    const LinkedRecords moving = reg.planMerge(keep.id, {second.id, third.id}).moved;
    LinkedRecords expected = reg.linkedRecords(second.id);
    expected += reg.linkedRecords(third.id);
    EXPECT_EQ(moving, expected);
    EXPECT_EQ(moving.invoices, 2);
    EXPECT_EQ(moving.projects, 2);

    MergeRequest request;
    request.keepId = keep.id;
    request.mergedIds = {second.id, third.id};
    request.choices = {{Field::City, second.id}};
    request.versions = {{keep.id, keep.version}, {second.id, second.version}};
    const MergeResult result = reg.mergeClients(request);
    EXPECT_GT(result.mergeId, 0);
    EXPECT_EQ(result.kept.city, "Getafe");     // chosen
    EXPECT_EQ(result.kept.phone, "600123456"); // filled over empty
    EXPECT_EQ(result.kept.email, "info@acme.es");
    // 2 clients × (contact, project, task, order, invoice, deal, file, their activity).
    EXPECT_GT(result.movedRecords, 2U * 7U);

    EXPECT_EQ(reg.list<Invoice>(keep.id).size(), 3U);
    EXPECT_EQ(reg.list<Contact>(keep.id).size(), 3U);
    EXPECT_EQ(reg.list<Project>(keep.id).size(), 3U);
    EXPECT_DOUBLE_EQ(reg.clientHours(keep.id), 4.5);
    EXPECT_EQ(reg.files(keep.id).size(), 3U);
    EXPECT_TRUE(reg.list<Invoice>(second.id).empty());
    EXPECT_TRUE(reg.byId(second.id)->archived);
    EXPECT_TRUE(reg.byId(third.id)->archived);
    EXPECT_EQ(reg.mergeOf(second.id)->keepId, keep.id);
    EXPECT_EQ(reg.mergeOf(third.id)->id, result.mergeId);
    EXPECT_FALSE(reg.mergeOf(keep.id).has_value());
    // The history of both says who merged what, and the merged clients' history moved.
    const ActivityPage kept = reg.activity(keep.id, 100);
    EXPECT_EQ(kept.entries.front().kind, ActivityKind::Merged);
    EXPECT_EQ(kept.entries.front().recordId, result.mergeId);
    EXPECT_EQ(kept.entries.front().label, second.code + ", " + third.code);
    const ActivityPage gone = reg.activity(second.id, 100);
    ASSERT_EQ(gone.entries.size(), 1U);
    EXPECT_EQ(gone.entries.front().kind, ActivityKind::Merged);
    EXPECT_EQ(gone.entries.front().label, keep.code);
    // Merged clients are archived: merging them again is refused, saying where they went.
    try
    {
        reg.mergeClients({.keepId = bystander.id, .mergedIds = {second.id}});
        ADD_FAILURE() << "a merged client was merged again";
    }
    catch (const MergeRefused& refused)
    {
        EXPECT_EQ(refused.reason, MergeRefused::Reason::Archived);
        EXPECT_EQ(refused.code, second.code);
        EXPECT_EQ(refused.mergedInto, keep.code);
    }

    const MergeUndoResult undone = reg.undoMerge(result.mergeId);
    EXPECT_EQ(undone.restoredClients, 2U);
    EXPECT_EQ(undone.movedBack, result.movedRecords);
    EXPECT_EQ(dump(reg), before);
    EXPECT_FALSE(reg.mergeOf(second.id).has_value());
    EXPECT_EQ(reg.activity(second.id, 1).entries.front().kind, ActivityKind::MergeUndone);
    EXPECT_EQ(reg.activity(keep.id, 1).entries.front().kind, ActivityKind::MergeUndone);
    EXPECT_FALSE(reg.merge(result.mergeId)->undoneAt.empty());
    try
    {
        reg.undoMerge(result.mergeId);
        ADD_FAILURE() << "a merge was undone twice";
    }
    catch (const MergeRefused& refused)
    {
        EXPECT_EQ(refused.reason, MergeRefused::Reason::AlreadyUndone);
    }
    EXPECT_THROW(reg.undoMerge(999), NotFound);
}

TEST_F(RegisterMerge, AMergeIsRefusedWhenAClientChangedSinceTheReview)
{
    const Client keep = add(makeClient("Acme Ibérica, S.L."));
    Client other = add(makeClient("ACME IBERICA SL"));
    const std::int64_t seen = other.version;
    other.city = "Toledo";
    other = reg.update(other); // someone saved it after the review
    MergeRequest request{.keepId = keep.id, .mergedIds = {other.id}};
    request.versions = {{keep.id, keep.version}, {other.id, seen}};
    try
    {
        reg.mergeClients(request);
        ADD_FAILURE() << "merged over a newer version";
    }
    catch (const ConflictError& conflict)
    {
        EXPECT_EQ(conflict.current.city, "Toledo");
    }
    EXPECT_FALSE(reg.byId(other.id)->archived); // nothing written
    EXPECT_EQ(reg.byId(keep.id)->version, keep.version);
}

TEST_F(RegisterMerge, AnUndoKeepsLaterWorkAndRefusesOnlyWhereTheMergeWasChangedSince)
{
    Client keep = add(makeClient("Acme Ibérica, S.L."));
    Client other = makeClient("ACME IBERICA SL", "", "Getafe");
    other = withEverything(reg, other, "m");
    const MergeResult merged = reg.mergeClients(
        {.keepId = keep.id, .mergedIds = {other.id}, .choices = {{Field::City, other.id}}});
    // Later work on the client that stays: a new invoice and a field the merge did not write.
    keep = *reg.byId(keep.id);
    keep.website = "https://acme.es";
    keep = reg.update(keep);
    Invoice later;
    later.clientId = keep.id;
    later.number = "F-later";
    later.issueDate = "2024-05-01";
    later.currency = "EUR";
    reg.add(later);

    // A field the merge wrote, changed since: refused, nothing written.
    keep.city = "Toledo";
    keep = reg.update(keep);
    try
    {
        reg.undoMerge(merged.mergeId);
        ADD_FAILURE() << "undone over a later change";
    }
    catch (const MergeUndoRefused& refused)
    {
        ASSERT_EQ(refused.conflicts.size(), 1U);
        EXPECT_EQ(refused.conflicts[0].reason, MergeUndoConflict::Reason::FieldChanged);
        EXPECT_EQ(refused.conflicts[0].field, "city");
        EXPECT_EQ(refused.conflicts[0].code, keep.code);
    }
    EXPECT_TRUE(reg.byId(other.id)->archived);

    // Given back its merged value, the undo goes through and keeps the later work.
    keep.city = "Getafe";
    keep = reg.update(keep);
    // A moved record deleted since is named.
    const Deal deal = reg.list<Deal>(keep.id).front();
    reg.remove<Deal>(deal.id);
    try
    {
        reg.undoMerge(merged.mergeId);
        ADD_FAILURE() << "undone without a moved record";
    }
    catch (const MergeUndoRefused& refused)
    {
        ASSERT_EQ(refused.conflicts.size(), 1U);
        EXPECT_EQ(refused.conflicts[0].reason, MergeUndoConflict::Reason::RecordGone);
        EXPECT_EQ(refused.conflicts[0].kind, RecordType::Deal);
        EXPECT_EQ(refused.conflicts[0].recordId, deal.id);
    }
}

TEST_F(RegisterMerge, AnUndoGivesTheFieldsBackAndKeepsWhatWasAddedSince)
{
    Client keep = add(makeClient("Acme Ibérica, S.L."));
    Client other = withEverything(reg, makeClient("ACME IBERICA SL", "", "Getafe"), "m");
    const MergeResult merged = reg.mergeClients(
        {.keepId = keep.id, .mergedIds = {other.id}, .choices = {{Field::City, other.id}}});
    keep = *reg.byId(keep.id);
    keep.website = "https://acme.es";
    keep = reg.update(keep);
    Invoice later;
    later.clientId = keep.id;
    later.number = "F-later";
    later.issueDate = "2024-05-01";
    later.currency = "EUR";
    reg.add(later);

    reg.undoMerge(merged.mergeId);
    keep = *reg.byId(keep.id);
    EXPECT_EQ(keep.city, "");                   // the merge's value given back
    EXPECT_EQ(keep.website, "https://acme.es"); // written since: kept
    ASSERT_EQ(reg.list<Invoice>(keep.id).size(), 1U);
    EXPECT_EQ(reg.list<Invoice>(keep.id).front().number, "F-later");
    EXPECT_EQ(reg.list<Invoice>(other.id).size(), 1U);
    EXPECT_FALSE(reg.byId(other.id)->archived);
}

} // namespace clientes
