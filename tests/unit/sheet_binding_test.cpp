// A sheet bound to the register: what the user changed found from the binding alone, published
// as one undoable batch (changes, new clients, archives), conflicts with other people's saves,
// errors that write nothing, and refreshing the rows from the register.
#include "core/register/register.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/sheet_binding.hpp"
#include "core/transfer/sheet_publish.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <map>

namespace clientes
{
namespace
{

constexpr std::size_t kCode = 0, kLegalName = 1, kTaxId = 3, kCity = 7, kEmail = 9, kPhone = 10;

// The sheet as the user sees it: sheet row (1-based) → cell texts (export layout).
struct Sheet
{
    std::map<std::size_t, std::vector<std::string>> rows;

    void write(const RowWrite& write)
    {
        std::vector<std::string> texts = boundTexts(write.client);
        texts.push_back(write.client.createdAt);
        texts.push_back(write.client.updatedAt);
        rows[write.sheetRow] = texts;
    }
    std::string& at(std::size_t row, std::size_t column)
    {
        std::vector<std::string>& cells = rows[row];
        if (cells.size() <= column)
            cells.resize(17);
        return cells[column];
    }
    void clear(std::size_t row) { rows.erase(row); }

    // What sheet_io::readContent would give: the rows holding something.
    ImportTable table;
    std::vector<std::size_t> sheetRows;
    BoundCells read()
    {
        table.clear();
        sheetRows.clear();
        for (const auto& [row, texts] : rows)
        {
            bool any = false;
            std::vector<ImportCell> cells;
            for (const std::string& text : texts)
            {
                any = any || !text.empty();
                ImportCell cell;
                cell.text = text;
                cells.push_back(cell);
            }
            if (!any)
                continue;
            table.push_back(std::move(cells));
            sheetRows.push_back(row);
        }
        return BoundCells{table, sheetRows, 0};
    }
};

struct Fixture
{
    test::TempDir dir;
    Register store{dir / "clientes.db"};
    Sheet sheet;
    SheetBinding binding;

    Fixture()
    {
        store.add(
            test::makeClient("Alfa Asesores, S.L.", "B12345674", "Madrid", "alfa@example.es"));
        store.add(test::makeClient("Beta Obras, S.A.", "A58818501", "Sevilla", "beta@example.es"));
        store.add(test::makeClient("Gamma Textil, S.L.", "", "Vigo", "gamma@example.es"));
        bind();
    }

    // "Editar en Calc": the export's layout at A1, every client bound.
    void bind()
    {
        sheet.rows.clear();
        sheet.rows[1] = shapeClientList({}, Language::Es).headers;
        binding = SheetBinding{};
        std::size_t row = 2;
        for (const Client& client : store.clientsForExport("", {}, false))
        {
            sheet.write({row, client});
            binding.rows.push_back(boundRow(client, row));
            ++row;
        }
    }

    SheetPending pending() { return findPending(binding, sheet.read(), Language::Es); }

    PublishOutcome publish(ConflictChoice choice = ConflictChoice::Ask, bool dryRun = false,
                           WorkProgress* progress = nullptr)
    {
        PublishRequest request;
        request.progress = progress;
        request.choice = choice;
        request.dryRun = dryRun;
        request.source = "Hoja «Clientes» de prueba.ods";
        PublishOutcome outcome =
            publishBoundSheet(store, binding, sheet.read(), request, Language::Es);
        for (const RowWrite& write : outcome.writes)
            sheet.write(write);
        if (outcome.bindingChanged)
            binding = outcome.binding;
        return outcome;
    }

    RefreshOutcome refresh()
    {
        RefreshOutcome outcome = refreshBoundSheet(store, binding, sheet.read(), Language::Es);
        for (const RowWrite& write : outcome.writes)
            sheet.write(write);
        for (std::size_t removed : outcome.removals)
        {
            std::map<std::size_t, std::vector<std::string>> moved;
            for (auto& [row, texts] : sheet.rows)
                if (row != removed)
                    moved[row > removed ? row - 1 : row] = std::move(texts);
            sheet.rows = std::move(moved);
        }
        for (std::size_t i = 0; i < outcome.appends.size(); ++i)
            sheet.write({outcome.appendAt + i, outcome.appends[i]});
        binding = outcome.binding;
        return outcome;
    }

    std::size_t rowOf(std::string_view legalName)
    {
        for (const auto& [row, texts] : sheet.rows)
            if (texts.size() > kLegalName && texts[kLegalName] == legalName)
                return row;
        ADD_FAILURE() << legalName << " is on no row";
        return 0;
    }
    Client stored(std::string_view code) { return *store.byCode(code); }
};

// A sheet bound before the mobile and the second address line were exported (13 field
// columns) keeps its rows unchanged: their texts hash as they did then.
TEST(SheetBinding, RowsBoundBeforeTheLaterColumnsHashAsTheyDid)
{
    std::vector<std::string> before(13);
    before[1] = "Acme, S.L.";
    before[12] = ""; // empty notes count, as they always did
    std::vector<std::string> now = before;
    now.resize(exportedClientFields().size());
    ASSERT_EQ(now.size(), 15U);
    EXPECT_EQ(boundRowHash(now), boundRowHash(before));
    now[13] = "600 000 000";
    EXPECT_NE(boundRowHash(now), boundRowHash(before));
    std::vector<std::string> shorter(before.begin(), before.end() - 1);
    EXPECT_NE(boundRowHash(shorter), boundRowHash(before));
}

TEST(SheetBinding, SurvivesItsTextFormWithoutTheBases)
{
    SheetBinding binding;
    binding.query = "madrid | 50% ; a:b,c=d";
    binding.codes = {"C-000001", "x,y"};
    binding.includeArchived = true;
    binding.headerRow = 3;
    Client client = test::makeClient("Alfa; S.L.");
    client.id = 7;
    client.version = 4;
    client.code = "C-000007";
    binding.rows.push_back(boundRow(client, 4));
    const std::optional<SheetBinding> back = parseBinding(serializeBinding(binding));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->query, binding.query);
    EXPECT_EQ(back->codes, binding.codes);
    EXPECT_TRUE(back->includeArchived);
    EXPECT_EQ(back->headerRow, 3u);
    ASSERT_EQ(back->rows.size(), 1u);
    EXPECT_EQ(back->rows[0].id, 7);
    EXPECT_EQ(back->rows[0].version, 4);
    EXPECT_EQ(back->rows[0].code, "C-000007");
    EXPECT_EQ(back->rows[0].hash, binding.rows[0].hash);
    EXPECT_EQ(back->rows[0].sheetRow, 4u);
    EXPECT_TRUE(back->rows[0].base.empty());
    EXPECT_FALSE(parseBinding("clientes-binding/2|h=1|a=0|q=|c=|r="));
    EXPECT_FALSE(parseBinding("clientes-binding/1|h=1|a=0|q=%4|c=|r="));
    EXPECT_FALSE(parseBinding("clientes-binding/1|h=1|a=0|q=|c=|r=1:2:C:zz:3;"));
}

TEST(SheetBinding, FindsChangedNewAndClearedRowsAndFollowsRowsThatMoved)
{
    Fixture f;
    EXPECT_TRUE(f.pending().empty());

    // Sorting the list (rows swap places) changes nothing.
    std::swap(f.sheet.rows[2], f.sheet.rows[4]);
    EXPECT_TRUE(f.pending().empty());

    f.sheet.at(f.rowOf("Beta Obras, S.A."), kCity) = "Cádiz";
    f.sheet.at(6, kLegalName) = "Delta Nueva, S.L.";
    f.sheet.clear(f.rowOf("Gamma Textil, S.L."));
    const SheetPending pending = f.pending();
    EXPECT_TRUE(pending.problems.empty());
    EXPECT_EQ(pending.changed, 1u);
    EXPECT_EQ(pending.created, 1u);
    EXPECT_EQ(pending.cleared, 1u);
}

TEST(SheetBinding, ACodeOverwrittenUnknownOrTwiceIsAnErrorNamingTheRow)
{
    Fixture f;
    f.sheet.at(2, kCode) = "C-000099"; // another code over a bound row
    f.sheet.at(6, kCode) = "C-000777";
    f.sheet.at(6, kLegalName) = "Nadie, S.L.";
    f.sheet.rows[7] = f.sheet.rows[3]; // a bound row copied below
    const SheetPending pending = f.pending();
    ASSERT_EQ(pending.problems.size(), 3u);
    EXPECT_EQ(pending.problems[0].text(Language::Es),
              "fila 2, Código: esta fila era el cliente " + f.binding.rows[0].code +
                  ": el código de un cliente no se puede cambiar aquí; vuelva a escribirlo.");
    EXPECT_EQ(pending.problems[1].sheetRow, 6u);
    EXPECT_NE(pending.problems[1].reason.find("C-000777"), std::string::npos);
    EXPECT_EQ(pending.problems[2].sheetRow, 7u);
    EXPECT_NE(pending.problems[2].reason.find("fila 3"), std::string::npos);
    EXPECT_EQ(pending.cleared, 0u); // the overwritten row is not taken for a cleared one

    const PublishOutcome outcome = f.publish();
    EXPECT_FALSE(outcome.written);
    EXPECT_EQ(outcome.errors, 3u);
}

// What a publish tells the status bar, and where Esc may stop it.
struct PublishProgress : WorkProgress
{
    std::vector<WorkStage> stages;
    bool stopWhenChecking = false;
    void report(WorkStage stage, std::size_t, std::size_t) override { stages.push_back(stage); }
    bool cancelRequested() const override
    {
        return stopWhenChecking && !stages.empty() && stages.back() == WorkStage::Checking;
    }
};

TEST(SheetBinding, APublishTellsItsProgressAndStopsOnlyBeforeWriting)
{
    Fixture f;
    const std::size_t beta = f.rowOf("Beta Obras, S.A.");
    const std::string betaCode = f.sheet.rows[beta][kCode];
    f.sheet.at(beta, kCity) = "Cádiz";

    PublishProgress stopped;
    stopped.stopWhenChecking = true;
    EXPECT_THROW(f.publish(ConflictChoice::Ask, false, &stopped), WorkCancelled);
    EXPECT_EQ(f.stored(betaCode).city, "Sevilla");
    EXPECT_EQ(std::count(stopped.stages.begin(), stopped.stages.end(), WorkStage::Writing), 0);

    PublishProgress progress;
    ASSERT_TRUE(f.publish(ConflictChoice::Ask, false, &progress).written);
    EXPECT_EQ(f.stored(betaCode).city, "Cádiz");
    ASSERT_GE(progress.stages.size(), 3U);
    EXPECT_EQ(progress.stages.front(), WorkStage::Verifying);
    EXPECT_NE(std::find(progress.stages.begin(), progress.stages.end(), WorkStage::Checking),
              progress.stages.end());
    EXPECT_EQ(progress.stages.back(), WorkStage::Writing);
}

TEST(SheetBinding, PublishWritesChangesNewClientsAndArchivesInOneBatchThatUndoes)
{
    Fixture f;
    const std::size_t beta = f.rowOf("Beta Obras, S.A.");
    const std::string betaCode = f.sheet.rows[beta][kCode];
    const std::string gammaCode = f.sheet.rows[f.rowOf("Gamma Textil, S.L.")][kCode];
    f.sheet.at(beta, kCity) = "  Cádiz ";
    f.sheet.at(beta, kPhone) = ""; // a field cleared in the sheet is cleared
    f.sheet.at(6, kLegalName) = "Delta Nueva, S.L.";
    f.sheet.at(6, kCity) = "León";
    f.sheet.clear(f.rowOf("Gamma Textil, S.L."));

    const PublishOutcome dry = f.publish(ConflictChoice::Ask, true);
    EXPECT_FALSE(dry.written);
    EXPECT_EQ(dry.updated, 1u);
    EXPECT_EQ(dry.created, 1u);
    EXPECT_EQ(dry.archived, 1u);
    EXPECT_EQ(f.stored(betaCode).city, "Sevilla");

    const PublishOutcome outcome = f.publish();
    ASSERT_TRUE(outcome.written) << (outcome.problems.empty() ? "" : outcome.problems[0].text());
    EXPECT_EQ(outcome.updated, 1u);
    EXPECT_EQ(outcome.created, 1u);
    EXPECT_EQ(outcome.archived, 1u);
    EXPECT_EQ(f.stored(betaCode).city, "Cádiz");
    EXPECT_TRUE(f.stored(gammaCode).archived);
    // The new client's row now shows the code it was given; the edited one the tidied city.
    const std::string deltaCode = f.sheet.rows[6][kCode];
    EXPECT_EQ(f.stored(deltaCode).legalName, "Delta Nueva, S.L.");
    EXPECT_EQ(f.sheet.rows[beta][kCity], "Cádiz");
    EXPECT_EQ(f.binding.rows.size(), 3u);

    // Publishing again changes nothing.
    EXPECT_TRUE(f.pending().empty());
    const PublishOutcome again = f.publish();
    EXPECT_FALSE(again.written);
    EXPECT_EQ(again.updated + again.created + again.archived, 0u);

    // One batch, undone as an import: the register is as before.
    const ImportUndoResult undone = f.store.undoLastImport();
    EXPECT_EQ(undone.batch.source, "Hoja «Clientes» de prueba.ods");
    EXPECT_EQ(f.stored(betaCode).city, "Sevilla");
    EXPECT_FALSE(f.stored(gammaCode).archived);
    EXPECT_FALSE(f.store.byCode(deltaCode));
    EXPECT_EQ(f.store.count(), 3);
}

TEST(SheetBinding, AnErrorOnOneRowWritesNothingAndNamesRowFieldAndReason)
{
    Fixture f;
    const std::size_t alfa = f.rowOf("Alfa Asesores, S.L.");
    const std::string alfaCode = f.sheet.rows[alfa][kCode];
    f.sheet.at(alfa, kCity) = "Toledo";
    f.sheet.at(f.rowOf("Beta Obras, S.A."), kEmail) = "beta@";
    f.sheet.at(6, kCity) = "Sin nombre"; // a new row without a legal name

    const PublishOutcome outcome = f.publish();
    EXPECT_FALSE(outcome.written);
    for (const ImportProblem& problem : outcome.problems)
        SCOPED_TRACE(problem.text());
    ASSERT_EQ(outcome.errors, 2u) << outcome.problems.back().text();
    EXPECT_EQ(outcome.problems[0].sheetRow, f.rowOf("Beta Obras, S.A."));
    EXPECT_EQ(outcome.problems[0].field, Field::Email);
    EXPECT_EQ(outcome.problems[0].sheetColumn, kEmail);
    EXPECT_EQ(outcome.problems[1].sheetRow, 6u);
    EXPECT_EQ(outcome.problems[1].field, Field::LegalName);
    EXPECT_EQ(f.stored(alfaCode).city, "Madrid");
    EXPECT_EQ(f.pending().changed, 2u); // the edits are still there, still pending
}

TEST(SheetBinding, ANewRowWithTheTaxIdOfAnExistingClientIsAnError)
{
    Fixture f;
    f.sheet.at(6, kLegalName) = "Alfa otra vez";
    f.sheet.at(6, kTaxId) = "B-12.345.674";
    const PublishOutcome outcome = f.publish();
    EXPECT_FALSE(outcome.written);
    ASSERT_EQ(outcome.errors, 1u);
    EXPECT_EQ(outcome.problems[0].field, Field::TaxId);
    EXPECT_NE(outcome.problems[0].reason.find("Alfa Asesores, S.L."), std::string::npos);
}

TEST(SheetBinding, ARowSomeoneElseSavedMeanwhileIsNotOverwrittenUntilTheUserChooses)
{
    Fixture f;
    const std::size_t alfa = f.rowOf("Alfa Asesores, S.L.");
    const std::size_t beta = f.rowOf("Beta Obras, S.A.");
    const std::string alfaCode = f.sheet.rows[alfa][kCode];
    f.sheet.at(alfa, kCity) = "Toledo"; // mine
    f.sheet.at(beta, kCity) = "Cádiz";  // not in conflict
    Client theirs = f.stored(alfaCode); // someone else saves Alfa meanwhile
    theirs.phone = "+34 910 000 000";
    theirs.city = "Getafe";
    f.store.update(theirs);

    const PublishOutcome asked = f.publish();
    ASSERT_TRUE(asked.written);
    EXPECT_EQ(asked.updated, 1u); // Beta only
    ASSERT_EQ(asked.conflicts.size(), 1u);
    const RowConflict& conflict = asked.conflicts[0];
    EXPECT_EQ(conflict.sheetRow, alfa);
    ASSERT_EQ(conflict.cells.size(), 2u); // the city and the phone differ
    EXPECT_EQ(conflict.cells[0].field, Field::City);
    EXPECT_EQ(conflict.cells[0].theirs, "Getafe");
    EXPECT_EQ(conflict.cells[0].mine, "Toledo");
    EXPECT_NE(conflict.text(conflict.cells[0], Language::Es, "hoy").find("«Getafe»"),
              std::string::npos);
    EXPECT_EQ(f.stored(alfaCode).city, "Getafe");
    EXPECT_EQ(f.pending().changed, 1u); // still pending

    // Keeping mine writes the field the user changed; their phone stays.
    const PublishOutcome mine = f.publish(ConflictChoice::Mine);
    ASSERT_TRUE(mine.written);
    EXPECT_TRUE(mine.conflicts.empty());
    EXPECT_EQ(f.stored(alfaCode).city, "Toledo");
    EXPECT_EQ(f.stored(alfaCode).phone, "+34 910 000 000");
    EXPECT_EQ(f.sheet.rows[alfa][kPhone], "+34 910 000 000");
    EXPECT_TRUE(f.pending().empty());
}

TEST(SheetBinding, TakingTheirsGivesTheRowTheStoredClient)
{
    Fixture f;
    const std::size_t alfa = f.rowOf("Alfa Asesores, S.L.");
    const std::string alfaCode = f.sheet.rows[alfa][kCode];
    f.sheet.at(alfa, kCity) = "Toledo";
    Client theirs = f.stored(alfaCode);
    theirs.city = "Getafe";
    f.store.update(theirs);
    const PublishOutcome outcome = f.publish(ConflictChoice::Theirs);
    EXPECT_FALSE(outcome.written);
    EXPECT_EQ(f.sheet.rows[alfa][kCity], "Getafe");
    EXPECT_EQ(f.stored(alfaCode).city, "Getafe");
    EXPECT_TRUE(f.pending().empty());
}

TEST(SheetBinding, RefreshTakesTheRegisterKeepsEditsFlagsConflictsRemovesAndAppends)
{
    Fixture f;
    const std::size_t alfa = f.rowOf("Alfa Asesores, S.L.");
    const std::size_t beta = f.rowOf("Beta Obras, S.A.");
    const std::string alfaCode = f.sheet.rows[alfa][kCode];
    const std::string betaCode = f.sheet.rows[beta][kCode];
    const std::string gammaCode = f.sheet.rows[f.rowOf("Gamma Textil, S.L.")][kCode];
    f.sheet.at(alfa, kCity) = "Toledo";                 // an edit not published
    f.sheet.at(7, kLegalName) = "Escrita a mano, S.L."; // a new row typed (one blank row above)
    Client a = f.stored(alfaCode);
    a.city = "Getafe";
    f.store.update(a);
    Client b = f.stored(betaCode);
    b.email = "obras@beta.es";
    f.store.update(b);
    f.store.archive(f.stored(gammaCode).id);
    f.store.add(test::makeClient("Aaron Nuevo, S.L.", "", "Huesca"));

    const RefreshOutcome outcome = f.refresh();
    EXPECT_EQ(outcome.updated, 1u);
    EXPECT_EQ(outcome.keptEdits, 1u);
    EXPECT_EQ(outcome.removed, 1u);
    EXPECT_EQ(outcome.added, 1u);
    ASSERT_EQ(outcome.conflicts.size(), 1u);
    EXPECT_EQ(outcome.conflicts[0].code, alfaCode);
    EXPECT_EQ(f.sheet.rows[f.rowOf("Alfa Asesores, S.L.")][kCity], "Toledo");
    EXPECT_EQ(f.sheet.rows[f.rowOf("Beta Obras, S.A.")][kEmail], "obras@beta.es");
    // Gamma's row is gone; the new client comes under the typed row.
    EXPECT_EQ(f.rowOf("Escrita a mano, S.L."), 6u);
    EXPECT_EQ(f.rowOf("Aaron Nuevo, S.L."), 7u);
    const SheetPending pending = f.pending();
    EXPECT_EQ(pending.changed, 1u);
    EXPECT_EQ(pending.created, 1u);
    EXPECT_EQ(pending.cleared, 0u);
}

} // namespace
} // namespace clientes
