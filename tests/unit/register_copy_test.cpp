// Copying a register into another (register_copy.hpp), file → file: the plan, the copy of
// every record kind, files and activity, a second copy that writes nothing, and a refused
// copy that writes nothing either.

#include "core/register/register.hpp"
#include "core/register/register_copy.hpp"

#include "register_copy_fixture.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace clientes
{
namespace
{

using namespace clientes::test;

TEST(RegisterCopy, PlansCopiesEverythingAndASecondCopyWritesNothing)
{
    TempDir dir;
    Register from(dir / "mis-clientes.db");
    Register to(dir / "equipo.db");
    const CopySource source = fillCopySource(from);
    const CopyTarget target = fillCopyTarget(to);
    // Another connection to the target: it sees every commit of `to`.
    Register observer(dir / "equipo.db");

    const TargetState before = stateOf(to);
    const std::int64_t version0 = observer.dataVersion();
    const RegisterCopyPlan plan = planRegisterCopy(from, to);
    expectFirstPlan(plan, source, target, false);
    EXPECT_EQ(stateOf(to), before); // a plan writes nothing
    EXPECT_EQ(observer.dataVersion(), version0);

    std::vector<std::pair<std::size_t, std::size_t>> ticks;
    const RegisterCopyPlan report = copyRegister(
        from, to, [&](std::size_t done, std::size_t total) { ticks.emplace_back(done, total); });
    expectFirstPlan(report, source, target, true);
    expectCopied(from, to, source, target, report);
    const std::int64_t version1 = observer.dataVersion();
    EXPECT_NE(version1, version0);
    ASSERT_FALSE(ticks.empty());
    EXPECT_EQ(ticks.back().first, ticks.back().second);
    for (std::size_t i = 1; i < ticks.size(); ++i)
        EXPECT_LE(ticks[i - 1].first, ticks[i].first);

    // Again: everything is there; nothing is written, not even a version.
    const TargetState after = stateOf(to);
    expectNothingToCopy(planRegisterCopy(from, to), 4);
    const RegisterCopyPlan again = copyRegister(from, to);
    expectNothingToCopy(again, 4);
    EXPECT_EQ(rowOf(again, source.alfa)->serverCode, rowOf(report, source.alfa)->serverCode);
    EXPECT_EQ(rowOf(again, source.gamma)->serverCode, target.gamma.code);
    EXPECT_EQ(stateOf(to), after);
    EXPECT_EQ(observer.dataVersion(), version1);
}

TEST(RegisterCopy, ANewRecordInTheSourceIsAllASecondCopyAdds)
{
    TempDir dir;
    Register from(dir / "mis-clientes.db");
    Register to(dir / "equipo.db");
    const CopySource source = fillCopySource(from);
    fillCopyTarget(to);
    const RegisterCopyPlan first = copyRegister(from, to);
    const std::string alfaCode = rowOf(first, source.alfa)->serverCode;

    Task later;
    later.clientId = source.alfa.id;
    later.title = "Enviar contrato firmado";
    from.add(later);
    TimeEntry more; // in the project the first copy copied
    more.projectId = from.list<Project>(source.alfa.id).at(0).id;
    more.date = "2024-03-02";
    more.hours = 1;
    from.add(more);
    const RegisterCopyPlan second = copyRegister(from, to);
    EXPECT_EQ(second.counts.created, 0);
    EXPECT_EQ(second.counts.merged, 0);
    EXPECT_EQ(second.counts.alreadyThere, 4);
    EXPECT_EQ(second.counts.records, 2);
    EXPECT_EQ(second.counts.activity, 2); // their RecordAdded entries
    const CopyClient* alfa = rowOf(second, source.alfa);
    EXPECT_EQ(alfa->action, CopyClient::Action::AlreadyThere);
    EXPECT_EQ(alfa->serverCode, alfaCode);
    const std::optional<Client> copied = to.byCode(alfaCode);
    ASSERT_TRUE(copied);
    const std::vector<Task> tasks = to.list<Task>(copied->id);
    ASSERT_EQ(tasks.size(), 2u);
    const std::vector<Project> projects = to.list<Project>(copied->id);
    ASSERT_EQ(projects.size(), 1u);
    const std::vector<TimeEntry> hours = to.list<TimeEntry>(projects[0].id);
    ASSERT_EQ(hours.size(), 2u);
    EXPECT_EQ(hours[0].date, "2024-03-02"); // newest first
    EXPECT_EQ(hours[0].clientId, copied->id);
    expectNothingToCopy(copyRegister(from, to), 4);
}

TEST(RegisterCopy, AnInvoiceNumberTheTargetHasForAnotherClientRefusesTheWholeCopy)
{
    TempDir dir;
    Register from(dir / "mis-clientes.db");
    Register to(dir / "equipo.db");
    const CopySource source = fillCopySource(from);
    fillCopyTarget(to);
    const Client other = to.add(copyClient("Otra Empresa, S.L.", "B55555555"));
    Invoice taken;
    taken.clientId = other.id;
    taken.number = "f-2024-001"; // Alfa's, in another case
    taken.issueDate = "2024-05-01";
    taken.net = 100;
    taken.total = 100;
    to.add(taken);
    Register observer(dir / "equipo.db");
    const std::int64_t version = observer.dataVersion();
    const TargetState before = stateOf(to);

    const RegisterCopyPlan plan = planRegisterCopy(from, to);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].fileCode, source.alfa.code);
    EXPECT_EQ(plan.conflicts[0].kind, RecordType::Invoice);
    EXPECT_EQ(plan.conflicts[0].label, "F-2024-001");
    EXPECT_EQ(plan.conflicts[0].serverCode, other.code);
    EXPECT_EQ(rowOf(plan, source.alfa)->records, 6); // the rest would be copied

    try
    {
        copyRegister(from, to);
        FAIL() << "a copy with a conflict was written";
    }
    catch (const CopyConflictError& refused)
    {
        ASSERT_EQ(refused.conflicts.size(), 1u);
        EXPECT_EQ(refused.conflicts[0].label, "F-2024-001");
        EXPECT_EQ(refused.conflicts[0].serverCode, other.code);
    }
    EXPECT_EQ(stateOf(to), before);
    EXPECT_EQ(to.count(true), 4); // own, Gamma, Delta, the other
    EXPECT_FALSE(to.byKey("B11111111").has_value());
    EXPECT_EQ(observer.dataVersion(), version);
}

TEST(RegisterCopy, IntoAnEmptyRegisterEveryClientIsCreatedWithItsUuid)
{
    TempDir dir;
    Register from(dir / "mis-clientes.db");
    Register to(dir / "equipo.db");
    const CopySource source = fillCopySource(from);
    const RegisterCopyPlan report = copyRegister(from, to);
    EXPECT_EQ(report.counts.created, 4);
    EXPECT_EQ(report.counts.records, 10);
    EXPECT_EQ(report.counts.files, 1);
    EXPECT_EQ(to.count(true), 4);
    for (const Client& client : {source.alfa, source.beta, source.gamma, source.delta})
    {
        const std::optional<Client> copied = to.byCode(rowOf(report, client)->serverCode);
        ASSERT_TRUE(copied);
        EXPECT_EQ(copied->uuid, client.uuid);
        EXPECT_EQ(copied->legalName, client.legalName);
        EXPECT_EQ(copied->archived, client.archived);
        EXPECT_EQ(copied->taxId, client.taxId);
    }
    expectNothingToCopy(copyRegister(from, to), 4);
    EXPECT_THROW(copyRegister(from, from), std::invalid_argument);
}

} // namespace
} // namespace clientes
