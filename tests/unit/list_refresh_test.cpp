// Exported lists refreshed in place: the settings kept in the document, and the row
// operations that keep what the user wrote beside each row attached to it.
#include "core/transfer/list_refresh.hpp"

#include <gtest/gtest.h>

#include <random>

namespace clientes
{
namespace
{

struct Row
{
    std::string key;
    std::string note; // what the user wrote beside the row
};

// Runs the operations as the UNO layer does on sheet rows.
std::vector<Row> apply(std::vector<Row> rows, const std::vector<RowOp>& ops, std::size_t* moves)
{
    std::vector<Row> parking(ops.size());
    for (const RowOp& op : ops)
        switch (op.kind)
        {
        case RowOp::Kind::Delete:
            rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(op.offset));
            break;
        case RowOp::Kind::Park:
            parking[op.parked] = rows[op.offset];
            rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(op.offset));
            ++*moves;
            break;
        case RowOp::Kind::Insert:
            rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(op.offset), Row{});
            break;
        case RowOp::Kind::Unpark:
            rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(op.offset), parking[op.parked]);
            break;
        }
    return rows;
}

void check(const std::vector<std::string>& before, const std::vector<std::string>& after,
           std::size_t maxMoves)
{
    std::vector<Row> rows;
    for (const std::string& key : before)
        rows.push_back({key, "note of " + key});
    std::size_t moves = 0;
    const std::vector<Row> result = apply(rows, planRowOps(before, after), &moves);
    ASSERT_EQ(result.size(), after.size());
    for (std::size_t i = 0; i < after.size(); ++i)
    {
        // Rows that were there keep their notes; new ones are empty (written afterwards).
        if (std::find(before.begin(), before.end(), after[i]) != before.end())
        {
            EXPECT_EQ(result[i].key, after[i]) << "at " << i;
            EXPECT_EQ(result[i].note, "note of " + after[i]);
        }
        else
            EXPECT_TRUE(result[i].key.empty() && result[i].note.empty()) << "at " << i;
    }
    EXPECT_LE(moves, maxMoves);
}

TEST(ListRefresh, RowsKeepTheUsersNotesWhenRecordsComeGoAndMove)
{
    check({"A", "B", "C"}, {"A", "B", "C"}, 0);
    check({"A", "B", "C"}, {"A", "C"}, 0);
    check({"A", "B", "C"}, {"A", "B", "B2", "C", "D"}, 0);
    check({}, {"A", "B"}, 0);
    check({"A", "B"}, {}, 0);
    // An invoice paid meanwhile moves from the issued group to the paid one: one row moves.
    check({"I1", "I2", "I3", "P1", "P2"}, {"I1", "I3", "P1", "I2", "P2"}, 1);
    check({"A", "B", "C", "D"}, {"D", "C", "B", "A"}, 3);
    check({"A", "", "B", "B"}, {"B", "A"}, 1); // blank and repeated rows go
}

TEST(ListRefresh, AShuffledListOfAThousandComesOutInOrderWithItsNotes)
{
    std::vector<std::string> before;
    for (int i = 0; i < 1000; ++i)
        before.push_back("K" + std::to_string(i));
    std::vector<std::string> after = before;
    std::mt19937 random(7);
    std::shuffle(after.begin(), after.end(), random);
    after.resize(900);
    for (int i = 0; i < 50; ++i)
        after.insert(after.begin() + i * 7, "N" + std::to_string(i));
    check(before, after, 1000);
}

TEST(ListRefresh, SettingsSurviveTheirTextForm)
{
    ListSettings settings;
    settings.kind = ImportKind::Invoices;
    settings.filter.from = "2026-01-01";
    settings.filter.to = "2026-03-31";
    settings.filter.status = InvoiceStatus::Paid;
    settings.totals = 4;
    settings.query = "a=b\nc\\d";
    settings.codes = {"C-000001", "x y"};
    const auto back = parseListSettings(serializeListSettings(settings));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->kind, ImportKind::Invoices);
    EXPECT_EQ(back->filter.from, "2026-01-01");
    EXPECT_EQ(back->filter.to, "2026-03-31");
    EXPECT_EQ(back->filter.status, InvoiceStatus::Paid);
    EXPECT_EQ(back->totals, 4u);
    EXPECT_EQ(back->query, settings.query);
    EXPECT_EQ(back->codes, settings.codes);
    EXPECT_FALSE(parseListSettings("clientes-list/2\nkind=clients"));
    EXPECT_FALSE(parseListSettings("clientes-list/1\nkind=nothing"));
}

} // namespace
} // namespace clientes
