#include "core/transfer/sheet_publish.hpp"

#include "core/register/register.hpp"
#include "core/rules/validation.hpp"
#include "core/text/texts.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_mapping.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace clientes
{

namespace
{

// The register as the planner sees it, read per row (only changed and new rows are planned).
class RegisterLookup : public ExistingClients
{
public:
    explicit RegisterLookup(Register& store) : store_(store) {}
    std::optional<Client> byCode(std::string_view code) override { return store_.byCode(code); }
    std::optional<Client> byNormalizedTaxId(std::string_view normalized) override
    {
        std::optional<Client> client = store_.byKey(normalized);
        if (client && normalizeTaxId(client->taxId, client->country) != normalized)
            return std::nullopt; // the key named a code, not a tax ID
        return client;
    }
    std::optional<Client> byId(std::int64_t id) override { return store_.byId(id); }

private:
    Register& store_;
};

bool sameText(const std::string& a, const std::string& b)
{
    return tidyText(a, true) == tidyText(b, true);
}

std::size_t fieldIndex(Field field)
{
    const std::vector<Field>& fields = exportedClientFields();
    return static_cast<std::size_t>(std::find(fields.begin(), fields.end(), field) -
                                    fields.begin());
}

// Who saved the client last, and when.
void lastSaved(Register& store, const Client& stored, RowConflict& conflict)
{
    conflict.at = stored.updatedAt;
    const ActivityPage page = store.activity(stored.id, 1);
    if (!page.entries.empty())
        conflict.who = page.entries.front().user;
}

// The cells of a row where the sheet and the stored client differ.
RowConflict conflictOf(Register& store, const Client& stored, const SheetPending& pending,
                       const std::vector<std::string>& mine, std::size_t sheetRow,
                       std::size_t firstColumn)
{
    RowConflict conflict;
    conflict.sheetRow = sheetRow;
    conflict.code = stored.code;
    lastSaved(store, stored, conflict);
    const std::vector<std::string> theirs = boundTexts(stored);
    const std::vector<Field>& fields = exportedClientFields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (!sameText(theirs[i], mine[i]) && pending.fieldColumns[i])
            conflict.cells.push_back(
                {sheetRow, firstColumn + *pending.fieldColumns[i], fields[i], theirs[i], mine[i]});
    return conflict;
}

void sortRows(SheetBinding& binding)
{
    std::stable_sort(binding.rows.begin(), binding.rows.end(),
                     [](const BoundRow& a, const BoundRow& b) { return a.sheetRow < b.sheetRow; });
}

} // namespace

std::string RowConflict::text(const CellConflict& cell, Language language,
                              std::string_view when) const
{
    return clientes::text(
        TextKey::BoundConflict, language,
        {{"who", who.empty() ? clientes::text(TextKey::BoundSomeoneElse, language) : who},
         {"at", std::string(when)},
         {"theirs", cell.theirs},
         {"mine", cell.mine}});
}

PublishOutcome publishBoundSheet(Register& store, const SheetBinding& binding,
                                 const BoundCells& cells, const PublishRequest& request,
                                 Language language)
{
    for (int attempt = 0;; ++attempt)
    {
        PublishOutcome outcome;
        const SheetPending pending = findPending(binding, cells, language);
        if (pending.rows.empty() && pending.problems.empty())
            return outcome; // nothing to publish: the binding stays as it is
        if (!pending.problems.empty())
        {
            outcome.problems = pending.problems;
            outcome.errors = pending.problems.size();
            return outcome;
        }
        const ImportTable& table = cells.table;
        const std::size_t header = [&]
        {
            std::size_t r = 0;
            while (r < table.size() && cells.sheetRows[r] < binding.headerRow)
                ++r;
            return r;
        }();

        // What each pending row becomes: planned (changed or new), archived, given up.
        ImportTable planned;
        std::vector<std::size_t> plannedSheetRows;
        std::vector<const PendingRow*> plannedFrom;
        planned.push_back(table[header]);
        plannedSheetRows.push_back(cells.sheetRows[header]);
        plannedFrom.push_back(nullptr);
        std::vector<Client> archives;
        std::vector<std::size_t> archivedBound;
        std::set<std::size_t> takeTheirs; // bound rows that take the stored client
        std::map<std::size_t, Client> storedOf;
        RowTicker verifying(request.progress, WorkStage::Verifying, pending.rows.size());
        std::size_t verified = 0;
        for (const PendingRow& row : pending.rows)
        {
            verifying.tick(verified++);
            if (row.kind == PendingKind::New)
            {
                planned.push_back(table[row.tableRow]);
                plannedSheetRows.push_back(cells.sheetRows[row.tableRow]);
                plannedFrom.push_back(&row);
                continue;
            }
            const BoundRow& bound = binding.rows[row.bound];
            std::optional<Client> stored = store.byId(bound.id);
            const std::size_t sheetRow =
                row.tableRow == PendingRow::npos ? bound.sheetRow : cells.sheetRows[row.tableRow];
            if (!stored)
            {
                if (row.kind == PendingKind::Cleared)
                    continue; // gone already: the binding lets it go below
                ImportProblem problem;
                problem.tableRow = row.tableRow;
                problem.sheetRow = sheetRow;
                problem.field = Field::Code;
                problem.reason = text(TextKey::BoundClientGone, language, {{"code", bound.code}});
                outcome.problems.push_back(std::move(problem));
                ++outcome.errors;
                continue;
            }
            const bool changedSince = stored->version != bound.version;
            std::vector<std::string> mine;
            if (row.kind == PendingKind::Changed)
                mine = rowTexts(pending, table[row.tableRow]);
            if (changedSince && row.kind == PendingKind::Changed &&
                std::equal(mine.begin(), mine.end(), boundTexts(*stored).begin(), sameText))
            {
                // Both wrote the same: nothing to publish, the row is tied to the new version.
                takeTheirs.insert(row.bound);
                storedOf[row.bound] = std::move(*stored);
                continue;
            }
            if (changedSince && request.choice == ConflictChoice::Ask)
            {
                if (row.kind == PendingKind::Cleared)
                {
                    RowConflict conflict;
                    conflict.sheetRow = sheetRow;
                    conflict.code = stored->code;
                    lastSaved(store, *stored, conflict);
                    outcome.conflicts.push_back(std::move(conflict));
                }
                else
                    outcome.conflicts.push_back(
                        conflictOf(store, *stored, pending, mine, sheetRow, cells.firstColumn));
                continue;
            }
            if (changedSince && request.choice == ConflictChoice::Theirs)
            {
                takeTheirs.insert(row.bound);
                storedOf[row.bound] = std::move(*stored);
                continue;
            }
            if (row.kind == PendingKind::Cleared)
            {
                if (!stored->archived)
                {
                    archives.push_back(*stored);
                    archivedBound.push_back(row.bound);
                }
                else
                    archivedBound.push_back(row.bound);
                continue;
            }
            // A change to plan. Over a client saved since (Mine): only the fields the user
            // changed from what was read are the user's; the others keep the stored values.
            std::vector<ImportCell> cellsOfRow = table[row.tableRow];
            if (changedSince && !bound.base.empty())
            {
                const std::vector<std::string> theirs = boundTexts(*stored);
                const std::vector<std::string> base = baseTexts(bound);
                for (std::size_t i = 0; i < mine.size(); ++i)
                    if (const auto column = pending.fieldColumns[i];
                        column && sameText(mine[i], base[i]))
                    {
                        if (*column >= cellsOfRow.size())
                            cellsOfRow.resize(*column + 1);
                        cellsOfRow[*column] = ImportCell{theirs[i]};
                    }
            }
            planned.push_back(std::move(cellsOfRow));
            plannedSheetRows.push_back(sheetRow);
            plannedFrom.push_back(&row);
            storedOf[row.bound] = std::move(*stored);
        }

        ImportOptions options;
        options.hasHeader = true;
        options.policy = UpdatePolicy::Replace;
        options.mode = ImportMode::Both;
        options.sheetRows = plannedSheetRows;
        options.firstSheetColumn = cells.firstColumn;
        options.taxIdChecker = request.taxIdChecker;
        options.progress = request.progress;
        RegisterLookup lookup(store);
        ImportPlan plan = planImport(planned, options, lookup, language);

        // A new row whose tax ID is an existing client's would update that client: the user
        // meant another client, or should change that client's own row.
        for (PlannedRow& row : plan.rows)
        {
            const PendingRow* from =
                row.tableRow < plannedFrom.size() ? plannedFrom[row.tableRow] : nullptr;
            if (from == nullptr || from->kind != PendingKind::New || row.matchedId == 0)
                continue;
            ImportProblem problem;
            problem.tableRow = from->tableRow;
            problem.sheetRow = plannedSheetRows[row.tableRow];
            problem.field = Field::TaxId;
            if (const auto column = pending.fieldColumns[fieldIndex(Field::TaxId)])
            {
                problem.tableColumn = *column;
                problem.sheetColumn = cells.firstColumn + *column;
            }
            const std::optional<Client> taken = store.byId(row.matchedId);
            problem.reason = text(TextKey::BoundTaxIdTaken, language,
                                  {{"code", taken ? taken->code : std::string()},
                                   {"name", taken ? taken->legalName : std::string()}});
            plan.problems.push_back(std::move(problem));
            if (row.action == RowAction::Update)
                --plan.updated;
            row.action = RowAction::Invalid;
        }
        // Notices that a bound row matches its own client say nothing here.
        for (ImportProblem& problem : plan.problems)
            if (problem.severity == Severity::Error || problem.tableRow >= plannedFrom.size() ||
                plannedFrom[problem.tableRow] == nullptr ||
                plannedFrom[problem.tableRow]->kind != PendingKind::Changed ||
                (problem.field != Field::Code && problem.field != Field::TaxId))
                outcome.problems.push_back(std::move(problem));
        for (const ImportProblem& problem : outcome.problems)
            if (problem.severity == Severity::Error)
                ++outcome.errors;
        if (outcome.errors == 0 && !plan.committable())
            ++outcome.errors;
        std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                         [](const ImportProblem& a, const ImportProblem& b)
                         { return a.sheetRow < b.sheetRow; });
        outcome.updated = plan.updated;
        outcome.created = plan.created;
        outcome.unchanged = plan.unchanged;
        outcome.archived = archives.size();
        if (outcome.errors > 0 || request.dryRun)
            return outcome;

        ClientImportCommit commit;
        commit.source = request.source;
        std::vector<std::size_t> createdRows; // plan rows of the creations, in order
        for (const PlannedRow& row : plan.rows)
            if (row.action == RowAction::Create)
            {
                commit.creates.push_back(row.client);
                createdRows.push_back(row.tableRow);
            }
            else if (row.action == RowAction::Update)
                commit.updates.push_back(row.client);
        commit.archives = archives;
        commit.unchanged = plan.unchanged;
        stopIfCancelled(request.progress); // the last moment: from here on, it writes
        if (request.progress)
            request.progress->report(WorkStage::Writing, 0,
                                     commit.creates.size() + commit.updates.size() +
                                         commit.archives.size());
        ImportCommitResult result;
        try
        {
            result = store.commitClientImport(std::move(commit));
        }
        catch (const ConflictError&)
        {
            if (attempt < 2)
                continue; // saved meanwhile: check the rows again
            throw;
        }
        outcome.written = result.batch.id != 0;
        outcome.batch = result.batch;

        // The binding and the sheet as stored now.
        SheetBinding after = binding.withoutRows();
        after.rows.reserve(binding.rows.size());
        std::set<std::size_t> archivedSet(archivedBound.begin(), archivedBound.end());
        std::map<std::size_t, std::size_t> plannedRowOfBound; // bound → plan row
        for (std::size_t p = 1; p < plannedFrom.size(); ++p)
            if (plannedFrom[p] != nullptr && plannedFrom[p]->kind == PendingKind::Changed)
                plannedRowOfBound[plannedFrom[p]->bound] = p;
        for (std::size_t b = 0; b < binding.rows.size(); ++b)
        {
            const BoundRow& old = binding.rows[b];
            if (archivedSet.count(b))
                continue;
            const std::size_t found = pending.found[b];
            if (found == PendingRow::npos && !takeTheirs.count(b))
            {
                // A cleared row left unpublished (a conflict) or a client gone: the former
                // stays bound at its place, the latter is let go.
                const bool conflict =
                    std::any_of(outcome.conflicts.begin(), outcome.conflicts.end(),
                                [&](const RowConflict& c) { return c.code == old.code; });
                if (conflict)
                    after.rows.push_back(old);
                continue;
            }
            const std::size_t sheetRow =
                found == PendingRow::npos ? old.sheetRow : cells.sheetRows[found];
            if (takeTheirs.count(b))
            {
                const Client& stored = storedOf[b];
                after.rows.push_back(boundRow(stored, sheetRow));
                outcome.writes.push_back({sheetRow, stored});
                continue;
            }
            if (plannedRowOfBound.count(b))
            {
                // Published (or found unchanged): the row shows what is stored now.
                if (std::optional<Client> stored = store.byId(old.id))
                {
                    after.rows.push_back(boundRow(*stored, sheetRow));
                    outcome.writes.push_back({sheetRow, std::move(*stored)});
                }
                continue;
            }
            BoundRow kept = old;
            kept.sheetRow = sheetRow;
            after.rows.push_back(std::move(kept));
        }
        for (std::size_t i = 0; i < result.createdIds.size() && i < createdRows.size(); ++i)
            if (std::optional<Client> stored = store.byId(result.createdIds[i]))
            {
                const std::size_t sheetRow = plannedSheetRows[createdRows[i]];
                after.rows.push_back(boundRow(*stored, sheetRow));
                outcome.writes.push_back({sheetRow, std::move(*stored)});
            }
        sortRows(after);
        std::sort(outcome.writes.begin(), outcome.writes.end(),
                  [](const RowWrite& a, const RowWrite& b) { return a.sheetRow < b.sheetRow; });
        outcome.binding = std::move(after);
        outcome.bindingChanged = true;
        return outcome;
    }
}

RefreshOutcome refreshBoundSheet(Register& store, const SheetBinding& binding,
                                 const BoundCells& cells, Language language)
{
    RefreshOutcome outcome;
    const SheetPending pending = findPending(binding, cells, language);
    std::set<std::size_t> edited;
    for (const PendingRow& row : pending.rows)
        if (row.bound != PendingRow::npos)
            edited.insert(row.bound);
    for (const ImportProblem& problem : pending.problems)
        for (std::size_t b = 0; b < binding.rows.size(); ++b)
            if (pending.found[b] == problem.tableRow)
                edited.insert(b);

    const std::vector<Client> current =
        store.clientsForExport(binding.query, binding.codes, binding.includeArchived);
    std::unordered_map<std::int64_t, const Client*> byId;
    for (const Client& client : current)
        byId.emplace(client.id, &client);

    // The sheet row of every bound row now (rows may have been moved by sorting).
    const auto sheetRowOf = [&](std::size_t b)
    {
        return pending.found[b] == PendingRow::npos ? binding.rows[b].sheetRow
                                                    : cells.sheetRows[pending.found[b]];
    };
    std::vector<BoundRow> kept; // with their sheet rows before the removals
    std::set<std::int64_t> bound;
    for (std::size_t b = 0; b < binding.rows.size(); ++b)
    {
        const BoundRow& old = binding.rows[b];
        bound.insert(old.id);
        const auto at = byId.find(old.id);
        const std::size_t sheetRow = sheetRowOf(b);
        if (edited.count(b))
        {
            ++outcome.keptEdits;
            BoundRow row = old;
            row.sheetRow = sheetRow;
            if (at != byId.end() && at->second->version != old.version &&
                pending.found[b] != PendingRow::npos)
            {
                RowConflict conflict = conflictOf(store, *at->second, pending,
                                                  rowTexts(pending, cells.table[pending.found[b]]),
                                                  sheetRow, cells.firstColumn);
                if (!conflict.cells.empty())
                    outcome.conflicts.push_back(std::move(conflict));
            }
            kept.push_back(std::move(row));
            continue;
        }
        if (at == byId.end())
        {
            // Gone from the scope (archived, deleted): its row goes, unless it is blank already.
            if (pending.found[b] != PendingRow::npos)
                outcome.removals.push_back(sheetRow);
            ++outcome.removed;
            continue;
        }
        const Client& client = *at->second;
        if (client.version != old.version || pending.found[b] == PendingRow::npos)
        {
            ++outcome.updated;
            outcome.writes.push_back({sheetRow, client});
            kept.push_back(boundRow(client, sheetRow));
        }
        else
        {
            BoundRow row = old;
            row.sheetRow = sheetRow;
            if (row.base.empty())
                row.base = joinBase(boundTexts(client));
            kept.push_back(std::move(row));
        }
    }
    for (const Client& client : current)
        if (!bound.count(client.id))
            outcome.appends.push_back(client);
    outcome.added = outcome.appends.size();

    std::sort(outcome.removals.begin(), outcome.removals.end(), std::greater<>());
    const auto shifted = [&](std::size_t sheetRow)
    {
        const auto above = std::count_if(outcome.removals.begin(), outcome.removals.end(),
                                         [&](std::size_t removed) { return removed < sheetRow; });
        return sheetRow - static_cast<std::size_t>(above);
    };
    // Appended under everything the list holds (new rows the user typed included).
    std::size_t last = binding.headerRow;
    for (std::size_t r = 0; r < cells.table.size(); ++r)
        if (std::find(outcome.removals.begin(), outcome.removals.end(), cells.sheetRows[r]) ==
            outcome.removals.end())
            last = std::max(last, shifted(cells.sheetRows[r]));
    for (const BoundRow& row : kept)
        last = std::max(last, shifted(row.sheetRow));
    outcome.appendAt = last + 1;

    outcome.binding = binding.withoutRows();
    for (BoundRow& row : kept)
    {
        row.sheetRow = shifted(row.sheetRow);
        outcome.binding.rows.push_back(std::move(row));
    }
    for (std::size_t i = 0; i < outcome.appends.size(); ++i)
        outcome.binding.rows.push_back(boundRow(outcome.appends[i], outcome.appendAt + i));
    sortRows(outcome.binding);
    return outcome;
}

DiscardOutcome discardBoundSheet(Register& store, const SheetBinding& binding,
                                 const BoundCells& cells, Language language)
{
    DiscardOutcome outcome;
    const SheetPending pending = findPending(binding, cells, language);
    outcome.binding = binding;
    std::set<std::size_t> occupied(cells.sheetRows.begin(), cells.sheetRows.end());
    std::size_t last = binding.headerRow;
    for (std::size_t row : cells.sheetRows)
        last = std::max(last, row);
    for (const PendingRow& row : pending.rows)
    {
        if (row.kind == PendingKind::New)
        {
            outcome.clearRows.push_back(cells.sheetRows[row.tableRow]);
            continue;
        }
        BoundRow& bound = outcome.binding.rows[row.bound];
        std::optional<Client> stored = store.byId(bound.id);
        if (!stored)
            continue;
        std::size_t sheetRow =
            row.tableRow == PendingRow::npos ? bound.sheetRow : cells.sheetRows[row.tableRow];
        if (row.kind == PendingKind::Cleared && occupied.count(sheetRow))
            sheetRow = ++last;
        bound = boundRow(*stored, sheetRow);
        outcome.writes.push_back({sheetRow, std::move(*stored)});
    }
    // Rows tied to no client by a code typed over theirs take their client back.
    for (std::size_t b = 0; b < binding.rows.size(); ++b)
        for (const ImportProblem& problem : pending.problems)
            if (problem.tableRow != ImportProblem::npos && pending.found[b] == problem.tableRow)
                if (std::optional<Client> stored = store.byId(binding.rows[b].id))
                {
                    const std::size_t sheetRow = cells.sheetRows[problem.tableRow];
                    outcome.binding.rows[b] = boundRow(*stored, sheetRow);
                    outcome.writes.push_back({sheetRow, std::move(*stored)});
                }
    sortRows(outcome.binding);
    return outcome;
}

std::vector<EditedCell> editedCells(const SheetBinding& binding, const SheetPending& pending,
                                    const BoundCells& cells)
{
    std::vector<EditedCell> edited;
    for (const PendingRow& row : pending.rows)
    {
        if (row.tableRow == PendingRow::npos)
            continue;
        const std::size_t sheetRow = cells.sheetRows[row.tableRow];
        const std::vector<std::string> texts = rowTexts(pending, cells.table[row.tableRow]);
        const std::vector<std::string> baseOfRow = row.kind == PendingKind::Changed
                                                       ? baseTexts(binding.rows[row.bound])
                                                       : std::vector<std::string>();
        const std::vector<std::string>* base = baseOfRow.empty() ? nullptr : &baseOfRow;
        for (std::size_t i = 0; i < texts.size(); ++i)
        {
            const auto column = pending.fieldColumns[i];
            if (!column)
                continue;
            const bool changed = row.kind == PendingKind::New ? !isBlank(texts[i])
                                 : base != nullptr            ? !sameText(texts[i], (*base)[i])
                                                              : true;
            if (changed)
                edited.push_back({sheetRow, cells.firstColumn + *column});
        }
    }
    return edited;
}

void fillBases(Register& store, SheetBinding& binding, const SheetPending& pending)
{
    for (const PendingRow& row : pending.rows)
    {
        if (row.kind != PendingKind::Changed || !binding.rows[row.bound].base.empty())
            continue;
        BoundRow& bound = binding.rows[row.bound];
        const std::optional<Client> stored = store.byId(bound.id);
        if (stored && stored->version == bound.version)
            bound.base = joinBase(boundTexts(*stored));
    }
}

} // namespace clientes
