// Exported lists that refresh in place: the export's settings kept in the document
// (serializeListSettings), and the row operations that turn the list as it is into the list
// as the register gives it now while every row keeps what the user wrote beside it — rows are
// deleted, inserted and moved (never rewritten in place under another row's notes), the way
// Calc's database ranges treat "insert or delete cells". The UNO layer counts them with
// planRowOps and carries them out with one sort (uno/sheets/list_sheet).
#pragma once

#include "core/model/import_batch.hpp"
#include "core/model/register_values.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

struct ListSettings
{
    ImportKind kind = ImportKind::Clients;
    // Clients: the scope.
    std::string query;
    std::vector<std::string> codes;
    bool includeArchived = false;
    // Invoices: the period and status.
    InvoiceFilter filter;
    // Lines of the totals block under an invoice list (one empty row between).
    std::size_t totals = 0;
};

std::string serializeListSettings(const ListSettings& settings);
std::optional<ListSettings> parseListSettings(std::string_view text);

// One operation on the list's rows; offsets count from the list's first row (under the
// header), as the rows are when the operation runs. A row parked aside keeps its whole sheet
// row (the user's cells beside the list included) until it comes back.
struct RowOp
{
    enum class Kind
    {
        Delete, // the row goes (its record left the list)
        Park,   // the row is moved aside (to parking place `parked`), then its place deleted
        Insert, // an empty row is inserted at offset (a new record)
        Unpark  // an empty row is inserted at offset and parked row `parked` moved into it
    };
    Kind kind = Kind::Delete;
    std::size_t offset = 0;
    std::size_t parked = 0;
};

// The operations that turn rows keyed `before` (sheet order) into rows keyed `after` (the
// export's order): rows whose key is gone are deleted; of the others, the longest run already
// in the right order stays, the rest are parked and brought back to their places; new keys
// get new rows. Keys are compared exactly; an empty key in `before` is a row that goes.
std::vector<RowOp> planRowOps(const std::vector<std::string>& before,
                              const std::vector<std::string>& after);

} // namespace clientes
