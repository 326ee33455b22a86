// The import workflow in the core: a table checked against the register, committed as one
// batch, the user's mapping remembered, a conflict reported without writing.
#include "core/messages/transfer_text.hpp"
#include "core/transfer/import_workflow.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace clientes
{
namespace
{
ImportCell cell(std::string text)
{
    ImportCell c;
    c.text = std::move(text);
    return c;
}

ImportTable tableOf(const std::vector<std::vector<std::string>>& rows)
{
    ImportTable table;
    for (const auto& row : rows)
    {
        std::vector<ImportCell> cells;
        for (const std::string& text : row)
            cells.push_back(cell(text));
        table.push_back(std::move(cells));
    }
    return table;
}

struct Fixture
{
    test::TempDir dir;
    Register store{dir / "clientes.db"};
    ImportTable table;
    int registerCalls = 0;

    ImportWorkflow workflow(std::vector<std::size_t> sheetRows)
    {
        ImportSource source;
        source.table = &table;
        source.columns = table.empty() ? 0 : table.front().size();
        source.sheetRows = std::move(sheetRows);
        source.firstSheetColumn = 1; // column B
        source.description = "Hoja1.B3:D9 de prueba.ods";
        return ImportWorkflow(
            std::move(source),
            [this](const std::function<void(Register&)>& work)
            {
                ++registerCalls;
                work(store);
            },
            Language::Es);
    }
};

TEST(ImportWorkflow, ChecksWithoutWritingThenCommitsOneBatch)
{
    Fixture f;
    f.table = tableOf({{"Razón social", "NIF", "Correo"},
                       {"Ferretería Núñez, S.L.", "B12345674", "info@nunez.es"},
                       {"Óptica Miranda", "", "no-es-correo"},
                       {"Padaria Conceição", "", ""}});
    ImportWorkflow workflow = f.workflow({3, 4, 7, 9});
    EXPECT_EQ(workflow.headers(true), (std::vector<std::string>{"Razón social", "NIF", "Correo"}));
    EXPECT_EQ(workflow.headers(false), (std::vector<std::string>{"B", "C", "D"}));

    ImportRequest request;
    const ImportRun checked = workflow.check(request);
    EXPECT_FALSE(checked.committed);
    EXPECT_EQ(checked.created, 2u);
    EXPECT_EQ(checked.errors, 1u);
    ASSERT_EQ(checked.problems.size(), 1u);
    EXPECT_EQ(checked.problems[0].apiText.rfind("row 7, ", 0), 0u) << checked.problems[0].apiText;
    EXPECT_EQ(f.store.count(), 0);

    const ImportRun blocked = workflow.commit(request);
    EXPECT_FALSE(blocked.committed);
    EXPECT_NE(blocked.blocked, "");
    EXPECT_EQ(f.store.count(), 0) << "an error blocks the whole commit";

    request.skipInvalid = true;
    const ImportRun committed = workflow.commit(request);
    EXPECT_TRUE(committed.committed);
    EXPECT_EQ(committed.created, 2u);
    EXPECT_EQ(committed.skipped, 1u);
    ASSERT_EQ(committed.report.size(), 1u);
    EXPECT_EQ(committed.report[0].sheetRow, 7u);
    EXPECT_EQ(f.store.count(), 2);
    ASSERT_TRUE(f.store.lastImport());
    EXPECT_EQ(f.store.lastImport()->source, "Hoja1.B3:D9 de prueba.ods");
}

TEST(ImportWorkflow, AMappingTheUserChoseIsRememberedForTheSameHeaders)
{
    Fixture f;
    f.table = tableOf({{"Empresa", "Ciudad del cliente"}, {"Talleres Pérez", "Lugo"}});
    ImportWorkflow workflow = f.workflow({1, 2});
    ImportRequest request;
    request.mapping = std::vector<std::string>{"legalName", "city"};
    EXPECT_TRUE(workflow.commit(request).committed);
    EXPECT_EQ(f.store.byCode("C-000001")->city, "Lugo");
    EXPECT_EQ(workflow.proposedMapping(ImportKind::Clients, true),
              (std::vector<std::optional<std::string>>{"legalName", "city"}));
    request.mapping = std::vector<std::string>{"legalName", "nonsense"};
    EXPECT_THROW(workflow.check(request), BadMapping);
}

TEST(ImportWorkflow, AMappingPerRangeColumnSkipsTheEmptyColumnsLeftOfTheTable)
{
    Fixture f;
    f.table = tableOf({{"Nombre legal", "Ciudad"}, {"Comercial Andina", "Lima"}});
    ImportSource source;
    source.table = &f.table;
    source.columns = 2;
    source.sheetRows = {1, 2};
    source.firstSheetColumn = 2;
    source.leadingEmptyColumns = 2; // the range starts at A, the table at C
    ImportWorkflow workflow(
        source, [&](const std::function<void(Register&)>& work) { work(f.store); }, Language::Es);
    ImportRequest request;
    request.rangeColumns = true;
    request.mapping = std::vector<std::string>{"", "", "legalName", "city"};
    const ImportRun run = workflow.check(request);
    EXPECT_EQ(run.created, 1u);
    EXPECT_EQ(run.mapping, (std::vector<std::optional<std::string>>{std::nullopt, std::nullopt,
                                                                    "legalName", "city"}));
}
} // namespace
} // namespace clientes

#include "core/transfer/client_stream.hpp"

namespace clientes
{
namespace
{
TEST(ImportWorkflow, ColumnsLeftOutAreReportedAndNoteLineColumnsGoToTheNotes)
{
    Fixture f;
    f.table = tableOf({{"Name", "Customer", "Supplier"},
                       {"Grocery Outlet", "1", ""},
                       {"Azure Interior", "1", "1"}});
    ImportWorkflow workflow = f.workflow({3, 4, 5});
    ImportRequest request;
    const ImportRun checked = workflow.check(request);
    ASSERT_EQ(checked.leftOut.size(), 2U);
    EXPECT_EQ(checked.leftOut[0].header, "Customer");
    EXPECT_EQ(checked.leftOut[0].values, 2U);
    EXPECT_EQ(checked.leftOut[0].sheetColumn, 2U); // column C
    // The report lists them before the rows, by column letter.
    ASSERT_GE(checked.report.size(), 2U);
    EXPECT_EQ(checked.report[0].sheetRow, 0U);
    EXPECT_EQ(checked.report[0].fieldLabel, "C");
    EXPECT_EQ(checked.report[0].reason, "Customer: 2 valores, no se importará");
    EXPECT_EQ(checked.report[1].fieldLabel, "D");

    request.mapping = std::vector<std::string>{"legalName", "noteLine", "noteLine"};
    const ImportRun committed = workflow.commit(request);
    EXPECT_TRUE(committed.committed);
    EXPECT_TRUE(committed.leftOut.empty());
    EXPECT_EQ(committed.mapping,
              (std::vector<std::optional<std::string>>{"legalName", "noteLine", "noteLine"}));
    const auto azure = f.store.search("azure", false, 1);
    ASSERT_EQ(azure.rows.size(), 1U);
    EXPECT_EQ(f.store.byId(azure.rows[0].id)->notes, "Customer: 1\nSupplier: 1");
    // The choice is remembered for the next sheet with these headers.
    const std::vector<std::optional<std::string>> remembered = {"legalName", "noteLine",
                                                                "noteLine"};
    EXPECT_EQ(workflow.proposedMapping(ImportKind::Clients, true), remembered);
    request.mapping.reset();
    const ImportRun again = workflow.check(request);
    EXPECT_EQ(again.mapping, remembered);
    EXPECT_TRUE(again.leftOut.empty());
    request.mapping = std::vector<std::string>{"legalName", "noteLines"};
    EXPECT_THROW(workflow.check(request), BadMapping);
}

TEST(ClientStream, ReadsTheWholeRegisterInListOrderWhileTheCallerConsumes)
{
    test::TempDir dir;
    Register store(dir / "clientes.db");
    std::vector<Client> many;
    for (int i = 2999; i >= 0; --i)
        many.push_back(test::makeClient("Cliente " + std::to_string(10000 + i)));
    store.addMany(std::move(many));
    ClientStream stream([&](const std::function<void(Register&)>& work) { work(store); }, false);
    ASSERT_EQ(stream.size(), 3000u);
    std::vector<std::string> names;
    for (std::size_t first = 0; first < 3000; first += 700)
        for (const Client& client : stream.rows(first, std::min<std::size_t>(700, 3000 - first)))
            names.push_back(client.legalName);
    ASSERT_EQ(names.size(), 3000u);
    EXPECT_EQ(names.front(), "Cliente 10000");
    EXPECT_EQ(names.back(), "Cliente 12999");
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

// A progress that records what it is told and asks to stop once the check passes `stopAt`.
struct RecordingProgress : WorkProgress
{
    std::vector<std::pair<WorkStage, std::size_t>> told;
    std::size_t stopAt = static_cast<std::size_t>(-1);
    WorkStage stopIn = WorkStage::Checking;
    bool stop = false;
    void report(WorkStage stage, std::size_t done, std::size_t) override
    {
        told.emplace_back(stage, done);
        if (stage == stopIn && done >= stopAt)
            stop = true;
    }
    bool cancelRequested() const override { return stop; }
};

std::vector<std::vector<std::string>> manyClients(int count)
{
    std::vector<std::vector<std::string>> rows = {{"Razón social", "Ciudad"}};
    for (int i = 0; i < count; ++i)
        rows.push_back({"Cliente " + std::to_string(i), "Teruel"});
    return rows;
}

// Table row i on sheet row i + 1.
std::vector<std::size_t> sheetRowsOf(const ImportTable& table)
{
    std::vector<std::size_t> rows(table.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = i + 1;
    return rows;
}

TEST(ImportWorkflow, TellsItsProgressFromLoadingThroughEveryRowToWriting)
{
    Fixture f;
    f.table = tableOf(manyClients(3000));
    ImportWorkflow workflow = f.workflow(sheetRowsOf(f.table));
    RecordingProgress progress;
    ImportRequest request;
    request.progress = &progress;
    const ImportRun run = workflow.commit(request);
    EXPECT_TRUE(run.committed);
    EXPECT_EQ(f.store.count(), 3000);
    ASSERT_GE(progress.told.size(), 4U);
    EXPECT_EQ(progress.told.front().first, WorkStage::Loading);
    std::vector<std::size_t> checked;
    for (const auto& [stage, done] : progress.told)
        if (stage == WorkStage::Checking)
            checked.push_back(done);
    EXPECT_EQ(checked, (std::vector<std::size_t>{0, 512, 1024, 1536, 2048, 2560}));
    EXPECT_EQ(progress.told.back(), std::make_pair(WorkStage::Writing, std::size_t{3000}));
    EXPECT_EQ(progress.told[progress.told.size() - 2],
              std::make_pair(WorkStage::Writing, std::size_t{0}));
}

TEST(ImportWorkflow, StoppedWhileCheckingItWritesNothing)
{
    Fixture f;
    f.table = tableOf(manyClients(3000));
    ImportWorkflow workflow = f.workflow(sheetRowsOf(f.table));
    RecordingProgress progress;
    progress.stopAt = 1024;
    ImportRequest request;
    request.progress = &progress;
    EXPECT_THROW(workflow.commit(request), WorkCancelled);
    EXPECT_EQ(f.store.count(), 0);
    for (const auto& [stage, done] : progress.told)
        EXPECT_NE(stage, WorkStage::Writing) << "nothing goes to the register";
    // Asked again without stopping, the same workflow imports everything.
    progress.stopAt = static_cast<std::size_t>(-1);
    progress.stop = false;
    EXPECT_TRUE(workflow.commit(request).committed);
    EXPECT_EQ(f.store.count(), 3000);
}

TEST(ImportWorkflow, AnUndoTellsItsProgressAndStopsOnlyBeforeWriting)
{
    Fixture f;
    f.table = tableOf(manyClients(3000));
    ASSERT_TRUE(f.workflow(sheetRowsOf(f.table)).commit(ImportRequest{}).committed);
    ASSERT_EQ(f.store.count(), 3000);

    // Stopped while it compares the import's records with the register: nothing undone.
    RecordingProgress stopped;
    stopped.stopIn = WorkStage::Verifying;
    stopped.stopAt = 1024;
    EXPECT_THROW(f.store.undoLastImport(&stopped), WorkCancelled);
    EXPECT_EQ(f.store.count(), 3000);
    ASSERT_TRUE(f.store.lastImport().has_value());
    for (const auto& [stage, done] : stopped.told)
        EXPECT_EQ(stage, WorkStage::Verifying);

    RecordingProgress progress;
    const ImportUndoResult undone = f.store.undoLastImport(&progress);
    EXPECT_EQ(undone.reverted, 3000U);
    EXPECT_EQ(f.store.count(), 0);
    std::vector<std::size_t> verified;
    std::vector<std::size_t> reverted;
    for (const auto& [stage, done] : progress.told)
        (stage == WorkStage::Verifying ? verified : reverted).push_back(done);
    EXPECT_EQ(verified, (std::vector<std::size_t>{0, 512, 1024, 1536, 2048, 2560}));
    ASSERT_FALSE(reverted.empty());
    EXPECT_EQ(reverted.front(), 0U);
    EXPECT_EQ(reverted.back(), 3000U);
    EXPECT_EQ(progress.told.back().first, WorkStage::Reverting);
}
TEST(ImportWorkflow, TheStatusBarSaysWhatAnUndoIsDoing)
{
    const Locale spain(Language::Es);
    EXPECT_EQ(progressText(WorkStage::Verifying, 1024, 3000, spain, true),
              "Clientes: comprobando el registro 1.025 de 3.000… (Esc cancela)");
    EXPECT_EQ(progressText(WorkStage::Reverting, 3000, 3000, spain, false),
              "Clientes: deshaciendo la importación: registro 3.000 de 3.000…");
    EXPECT_EQ(progressPercent(WorkStage::Verifying, 0, 3000), 0);
    EXPECT_EQ(progressPercent(WorkStage::Reverting, 1500, 3000), 65);
    EXPECT_EQ(progressPercent(WorkStage::Reverting, 3000, 3000), 100);
}
} // namespace
} // namespace clientes
