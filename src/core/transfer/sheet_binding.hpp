// A sheet bound to the register ("Editar en Calc"): the client list written in the export's
// layout, each row tied to its client and to the version it was read at. The tie is kept in
// the document (serializeBinding), never in cells the user might overwrite; the cells are an
// ordinary list that reads without the extension.
//
// What the user did since is found by comparing the sheet with the binding (findPending):
// a bound row whose field texts no longer hash to the hash taken when it was written is
// changed; a row under the header without a code is new; a bound client whose row is gone or
// blank is cleared (publishing archives it). Rows are found by their code first, so sorting
// the list or inserting rows keeps every row tied to its client; a row whose code cell was
// overwritten is recognised by its place and reported, never taken for another client.
#pragma once

#include "core/model/client.hpp"
#include "core/text/language.hpp"
#include "core/transfer/import_plan.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

struct BoundRow
{
    std::int64_t id = 0;      // the client
    std::int64_t version = 0; // as read when the row was written
    std::string code;         // as stored ("C-000012")
    std::uint64_t hash = 0;   // boundRowHash of the field texts written
    std::size_t sheetRow = 0; // 1-based, where it was written
    // The field texts as read (exportedClientFields order, joined by '\x1f': one allocation
    // per row): the base a conflict is judged against. Kept in memory only; empty after the
    // document was reopened. See baseTexts / joinBase.
    std::string base;
};

std::string joinBase(const std::vector<std::string>& texts);
std::vector<std::string> baseTexts(const BoundRow& row);

struct SheetBinding
{
    // The scope the rows were chosen by (as exportClients: codes win over the query).
    std::string query;
    std::vector<std::string> codes;
    bool includeArchived = false;
    std::size_t headerRow = 1;  // 1-based sheet row of the header
    std::vector<BoundRow> rows; // in sheet order

    const BoundRow* byId(std::int64_t id) const;
    // The same scope and header, without rows.
    SheetBinding withoutRows() const;
};

// One line of text; parseBinding(serializeBinding(b)) gives b back without the bases.
std::string serializeBinding(const SheetBinding& binding);
// nullopt when the text is not a binding this version wrote.
std::optional<SheetBinding> parseBinding(std::string_view text);

// The texts a bound row shows in the field columns (exportedClientFields order).
std::vector<std::string> boundTexts(const Client& client);
// A row's texts as they are (no tidying: the cells hold what was written until edited).
std::uint64_t boundRowHash(std::span<const std::string> texts);

// A bound row as written: id, version, code, hash and base from the client.
BoundRow boundRow(const Client& client, std::size_t sheetRow);

// The sheet as read: the header row first, then every row holding something under it, with
// their 1-based sheet rows (sheet_io::readContent gives exactly this).
struct BoundCells
{
    const ImportTable& table;
    std::span<const std::size_t> sheetRows;
    std::size_t firstColumn = 0; // 0-based sheet column of the table's first column
};

enum class PendingKind
{
    Changed, // a bound row whose fields differ from what was written
    New,     // a row without a code: a client to create
    Cleared  // a bound client whose row is gone or blank: to archive
};

struct PendingRow
{
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    PendingKind kind = PendingKind::Changed;
    std::size_t tableRow = npos; // in BoundCells::table (npos for a cleared row that is gone)
    std::size_t bound = npos;    // in SheetBinding::rows (npos for a new row)
};

struct SheetPending
{
    std::vector<PendingRow> rows; // sheet order; cleared rows that are gone last
    std::size_t changed = 0, created = 0, cleared = 0;
    // Rows tied to no client that cannot be new ones: a code no bound row has, a code cell
    // overwritten or emptied on a bound row. Errors; publishing writes nothing while any is
    // left.
    std::vector<ImportProblem> problems;
    // Column of each field in the table (autoMapping of the header row); nullopt when the
    // header row has no column for it.
    std::vector<std::optional<std::size_t>> fieldColumns;
    // For every bound row, the table row where it was found (npos: none).
    std::vector<std::size_t> found;

    bool empty() const { return rows.empty() && problems.empty(); }
};

// The field texts of a table row, in exportedClientFields order ("" for a missing column).
std::vector<std::string> rowTexts(const SheetPending& pending, const std::vector<ImportCell>& row);

SheetPending findPending(const SheetBinding& binding, const BoundCells& cells, Language language);

} // namespace clientes
