// Publishing a bound sheet back to the register, and refreshing it from the register
// (sheet_binding.hpp). The UNO layer reads the sheet, calls these, and applies what they
// return to the sheet (rows to rewrite, to remove, to append, cells to mark) and the new
// binding to the document. Calc is never called while the register is in use.
#pragma once

#include "core/model/import_batch.hpp"
#include "core/transfer/sheet_binding.hpp"
#include "core/transfer/work_progress.hpp"

#include <functional>
#include <string>
#include <vector>

namespace clientes
{

class Register;

// What to do with a row whose client someone else saved since it was read.
enum class ConflictChoice
{
    Ask,   // leave it unpublished and report it, showing both values
    Mine,  // write the fields the user changed over the stored client
    Theirs // give up the row's edits: the row takes the stored client
};

struct PublishRequest
{
    bool dryRun = false;
    ConflictChoice choice = ConflictChoice::Ask;
    std::string source; // the batch's description: "Hoja «Clientes» de libro.ods"
    // As ImportOptions::taxIdChecker (a warning when a tax ID fails its check digits).
    std::function<bool(const std::string& taxId, const std::string& country)> taxIdChecker;
    // Told how far it is (Verifying the edited rows against the register, Checking them,
    // Writing); it may stop the publish while nothing is written (WorkCancelled).
    WorkProgress* progress = nullptr;
};

// A sheet row to write whole with a client's values (the export's columns).
struct RowWrite
{
    std::size_t sheetRow = 0; // 1-based
    Client client;
};

struct CellConflict
{
    std::size_t sheetRow = 0; // 1-based
    std::size_t sheetColumn = 0;
    Field field = Field::LegalName;
    std::string theirs; // stored now
    std::string mine;   // in the sheet
};

// A row whose client changed in the register since it was read, while the row was edited.
struct RowConflict
{
    std::size_t sheetRow = 0; // 1-based; where the row is (or was, when cleared)
    std::string code;
    std::string who;                 // the database user who saved it last ("" in a file register)
    std::string at;                  // when (ISO 8601 UTC)
    std::vector<CellConflict> cells; // fields that differ; empty for a cleared row
    // The conflict text of one cell (BoundConflict), in the UI language; `when` is `at` as
    // the user reads dates.
    std::string text(const CellConflict& cell, Language language, std::string_view when) const;
};

struct PublishOutcome
{
    std::size_t updated = 0, created = 0, archived = 0, unchanged = 0;
    std::vector<RowConflict> conflicts;
    std::vector<ImportProblem> problems; // errors and warnings, sheet order
    std::size_t errors = 0;
    bool written = false;
    ImportBatchInfo batch;        // written: the batch (undo it as an import)
    std::vector<RowWrite> writes; // rows to show as stored now
    SheetBinding binding;         // to keep in the document when bindingChanged
    bool bindingChanged = false;
};

// Checks the changed, new and cleared rows (never the others) and writes them in one batch:
// changes of rows that are not in conflict, new clients, archives. Any error: nothing is
// written. Conflicting rows are left out under ConflictChoice::Ask. Throws what
// Register::commitClientImport throws except ConflictError (a client saved meanwhile: the
// rows are checked again).
PublishOutcome publishBoundSheet(Register& store, const SheetBinding& binding,
                                 const BoundCells& cells, const PublishRequest& request,
                                 Language language);

struct RefreshOutcome
{
    std::size_t updated = 0, added = 0, removed = 0, keptEdits = 0;
    std::vector<RowConflict> conflicts; // edited rows whose client changed meanwhile
    std::vector<RowWrite> writes;       // sheet rows as they are before the removals
    std::vector<std::size_t> removals;  // sheet rows to delete whole, highest first
    std::size_t appendAt = 0;           // first sheet row of the appended ones (after removals)
    std::vector<Client> appends;        // new clients of the scope, written from appendAt on
    SheetBinding binding;               // as the sheet will be once all that is applied
};

// Reads the bound clients (and the scope's new ones) again. Rows without edits take the
// stored values; rows with edits keep them and, when their client changed meanwhile, are
// reported as conflicts; rows of clients gone from the scope (archived, deleted) are removed
// unless edited; clients new to the scope are appended.
RefreshOutcome refreshBoundSheet(Register& store, const SheetBinding& binding,
                                 const BoundCells& cells, Language language);

struct DiscardOutcome
{
    std::vector<RowWrite> writes;       // changed and cleared rows as stored
    std::vector<std::size_t> clearRows; // new rows to empty (1-based sheet rows)
    SheetBinding binding;
};

// Gives up every unpublished edit: changed rows and cleared rows show their client as stored
// now (a cleared row at its old place when that is still empty, else under the list), new
// rows are emptied.
DiscardOutcome discardBoundSheet(Register& store, const SheetBinding& binding,
                                 const BoundCells& cells, Language language);

// The cells an edit changed, to highlight: per changed row the fields that differ from what
// was read (every field when that is not known), per new row its filled fields.
struct EditedCell
{
    std::size_t sheetRow = 0; // 1-based
    std::size_t sheetColumn = 0;
};
std::vector<EditedCell> editedCells(const SheetBinding& binding, const SheetPending& pending,
                                    const BoundCells& cells);

// Fills the bases of the changed rows whose client is still at the version read (a file
// register after the document was reopened).
void fillBases(Register& store, SheetBinding& binding, const SheetPending& pending);

} // namespace clientes
