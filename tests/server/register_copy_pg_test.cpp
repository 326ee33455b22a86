// Copying a register file into the team register (register_copy.hpp) on a real PostgreSQL
// server of the test's own (pg_server.hpp): the plan, the copy of every record kind, a file
// and the activity, a second copy that writes nothing (the server's change counter stays),
// and a refused copy.

#include "core/register/register.hpp"
#include "core/register/register_copy.hpp"
#include "pg_server.hpp"
#include "register_copy_fixture.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace clientes::test
{
namespace
{

using clientes::testing::PgServer;

class TeamRegisterCopy : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { server_ = new PgServer(); }
    static void TearDownTestSuite()
    {
        delete server_;
        server_ = nullptr;
    }
    // A team register of its own for the test.
    std::unique_ptr<Register> team(const std::string& database)
    {
        if (!created_)
        {
            server_->createDatabase(database);
            created_ = true;
        }
        return openTeamRegister(server_->conninfo(database));
    }
    static PgServer* server_;
    bool created_ = false;
};

PgServer* TeamRegisterCopy::server_ = nullptr;

TEST_F(TeamRegisterCopy, CopiesAFileIntoTheServerOnceAndASecondCopyWritesNothing)
{
    TempDir dir;
    Register from(dir / "mis-clientes.db");
    const CopySource source = fillCopySource(from);
    const auto to = team("copy_round_trip");
    const CopyTarget target = fillCopyTarget(*to);
    const auto observer = team("copy_round_trip"); // another connection: sees every commit

    const TargetState before = stateOf(*to);
    const std::int64_t version0 = observer->dataVersion();
    const RegisterCopyPlan plan = planRegisterCopy(from, *to);
    expectFirstPlan(plan, source, target, false);
    EXPECT_EQ(stateOf(*to), before);
    EXPECT_EQ(observer->dataVersion(), version0);

    std::size_t ticks = 0;
    const RegisterCopyPlan report =
        copyRegister(from, *to, [&](std::size_t, std::size_t) { ++ticks; });
    EXPECT_GT(ticks, 0u);
    expectFirstPlan(report, source, target, true);
    expectCopied(from, *to, source, target, report);
    const std::int64_t version1 = observer->dataVersion();
    EXPECT_EQ(version1, version0 + 1); // one unit of work
    // The copy's entries were written by the connected user.
    const std::optional<Client> alfa = to->byCode(rowOf(report, source.alfa)->serverCode);
    ASSERT_TRUE(alfa);
    for (const ActivityEntry& entry : to->activity(alfa->id, 100).entries)
        EXPECT_EQ(entry.user, PgServer::kSuperuser);

    // Again, from the same connection and from a new one: nothing to copy, nothing written.
    const TargetState after = stateOf(*to);
    expectNothingToCopy(planRegisterCopy(from, *to), 4);
    expectNothingToCopy(copyRegister(from, *to), 4);
    const auto later = team("copy_round_trip");
    const RegisterCopyPlan again = copyRegister(from, *later);
    expectNothingToCopy(again, 4);
    EXPECT_EQ(rowOf(again, source.alfa)->serverCode, alfa->code);
    EXPECT_EQ(stateOf(*to), after);
    EXPECT_EQ(observer->dataVersion(), version1);
}

TEST_F(TeamRegisterCopy, AnInvoiceNumberTheServerHasForAnotherClientRefusesTheCopy)
{
    TempDir dir;
    Register from(dir / "mis-clientes.db");
    const CopySource source = fillCopySource(from);
    const auto to = team("copy_conflict");
    fillCopyTarget(*to);
    const Client other = to->add(copyClient("Otra Empresa, S.L.", "B55555555"));
    Invoice taken;
    taken.clientId = other.id;
    taken.number = "F-2023-050"; // Beta's
    taken.issueDate = "2024-05-01";
    taken.net = 100;
    taken.total = 100;
    to->add(taken);
    const auto observer = team("copy_conflict");
    const std::int64_t version = observer->dataVersion();
    const TargetState before = stateOf(*to);

    const RegisterCopyPlan plan = planRegisterCopy(from, *to);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].fileCode, source.beta.code);
    EXPECT_EQ(plan.conflicts[0].serverCode, other.code);
    EXPECT_THROW(copyRegister(from, *to), CopyConflictError);
    EXPECT_EQ(stateOf(*to), before);
    EXPECT_EQ(observer->dataVersion(), version);
}

} // namespace
} // namespace clientes::test
