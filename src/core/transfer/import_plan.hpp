// Dry run of a client import from a sheet: what each row would do, and every problem found,
// without touching the register. The UNO layer reads the range, calls planImport, shows the
// plan (marking problem cells), and commits the rows the user accepts.
#pragma once

#include "core/model/client.hpp"
#include "core/model/profile_records.hpp"
#include "core/rules/duplicate_match.hpp"
#include "core/text/language.hpp"
#include "core/transfer/import_mapping.hpp"
#include "core/transfer/import_sources.hpp"
#include "core/transfer/work_progress.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

// One cell as read from Calc (getDataArray gives a string or a value). When isNumber, `number`
// is the value; `text` may then carry the cell's displayed text (XCell::getString), which is
// used for postal codes, tax IDs, phones and codes when it is the same whole number written
// with leading zeros ("08001" shown by a "00000" format); otherwise `text` is ignored.
// A formula cell whose result is an error (#DIV/0!…) is read as a blank cell with
// `formulaError` set to Calc's error code: its field stays empty (or keeps the stored value)
// and the planners warn about it (see formulaErrorText).
struct ImportCell
{
    std::string text;
    bool isNumber = false;
    std::uint16_t formulaError = 0; // Calc's FormulaError code; 0: none
    double number = 0;
};

using ImportTable = std::vector<std::vector<ImportCell>>; // rows × columns, as read

enum class ImportMode
{
    CreateOnly,
    UpdateOnly,
    Both
};

enum class UpdatePolicy
{
    Overwrite, // every non-empty mapped cell replaces the stored value; empty cells keep it
    FillEmpty, // only fields that are empty in the register are filled
    Replace    // every mapped cell replaces the stored value, an empty one clears it (a sheet
               // bound to the register: what the user sees is what is stored)
};

struct ImportOptions
{
    bool hasHeader = true;
    ColumnMapping mapping; // empty = automatic (autoMapping of the header row)
    ImportMode mode = ImportMode::Both;
    UpdatePolicy policy = UpdatePolicy::Overwrite;
    bool skipInvalid = false;
    std::size_t firstSheetRow = 1;    // 1-based sheet row of table row 0, for messages
    std::size_t firstSheetColumn = 0; // 0-based sheet column of table column 0 ("A" = 0)
    // 1-based sheet row of each table row, for a table that leaves out the empty rows of the
    // sheet (see sheetRowOf); empty: firstSheetRow + table row. Not owned.
    std::span<const std::size_t> sheetRows;
    // The URL of a hyperlink (a URL text field) in a text cell, asked for the non-blank text
    // cells of the column mapped to the website, which then gets the URL instead of the shown
    // text ("Nuestra web"). Empty: none.
    std::function<std::optional<std::string>(std::size_t tableRow, std::size_t tableColumn)>
        hyperlink;
    // HOOK for the tax ID validators (being written separately): returns false when the tax ID
    // is certainly wrong for the country (check digit, length). Empty = no check. A false gives
    // a Warning, not an Error: the user may know better (foreign or provisional IDs).
    std::function<bool(const std::string& taxId, const std::string& country)> taxIdChecker;
    // Told how far the rows are checked; asked whether to stop (WorkCancelled). May be null.
    WorkProgress* progress = nullptr;
    // Table columns whose values go to the client's notes, one "Header: value" line each
    // (the column letter when there is no header), after the notes column's own value: what
    // a source has and the register has no field for ("Customer", "Supplier"…). A note
    // column is not mapped to a field.
    std::vector<std::size_t> noteColumns;
};

// In a client import's mapping by names (the API, the wizard, a remembered mapping), a column
// whose values go to the notes as "Header: value" lines (ImportOptions::noteColumns).
inline constexpr std::string_view kNoteLineColumn = "noteLine";

// A column that will not be imported although it holds values: the check lists it so that
// nothing is left behind silently.
struct LeftOutColumn
{
    std::size_t tableColumn = 0;
    std::size_t sheetColumn = 0; // 0-based
    std::string header;          // the header's text, or the column letter without a header
    std::size_t values = 0;      // non-blank cells below the header
};

// "Customer: 2 valores, no se importará".
std::string leftOutText(const LeftOutColumn& column, Language language);

enum class Severity
{
    Error,
    Warning
};

struct ImportProblem
{
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::size_t tableRow = npos;    // npos: about the whole table (e.g. no column mapped)
    std::size_t tableColumn = npos; // npos: about the whole row (or table)
    std::size_t sheetRow = 0;       // 1-based; 0 with tableRow == npos
    std::size_t sheetColumn = npos; // 0-based, firstSheetColumn + tableColumn; npos likewise
    Field field = Field::LegalName;
    Severity severity = Severity::Error;
    std::string reason; // localized sentence

    // "row N, <field api name>: reason" (just the reason for table-wide problems).
    std::string text() const;
    // "fila N, Nombre legal: reason" — with the field's label, for the user.
    std::string text(Language language) const;
};

enum class RowAction
{
    Create,
    Update,
    Unchanged,
    Skip,    // invalid and skipInvalid, or excluded by the mode
    Invalid, // has errors and not skipping
    Empty,   // no mapped cell has a value (also rows above the header); not counted
    // A row of a company (a recognised system's "Related Company"…): one of its people, its
    // contact, or one of its addresses; no client of its own. Counted in contacts/addresses.
    Child
};

// An optional value kept on the heap: a plan row holds a few records that most rows do not
// have, and a row of the plan stays small (an import plans hundreds of thousands of them).
// Copies copy the value, as std::optional's do.
template <typename T> class OptionalBox
{
public:
    OptionalBox() = default;
    OptionalBox(const OptionalBox& other)
        : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr)
    {
    }
    OptionalBox(OptionalBox&&) noexcept = default;
    OptionalBox& operator=(const OptionalBox& other)
    {
        value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        return *this;
    }
    OptionalBox& operator=(OptionalBox&&) noexcept = default;
    OptionalBox& operator=(T value)
    {
        value_ = std::make_unique<T>(std::move(value));
        return *this;
    }

    bool has_value() const { return value_ != nullptr; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return value_.get(); }
    const T* operator->() const { return value_.get(); }
    void reset() { value_.reset(); }

private:
    std::unique_ptr<T> value_;
};

struct PlannedRow
{
    std::size_t tableRow = 0;
    RowAction action = RowAction::Empty;
    std::int64_t matchedId = 0; // existing client the row refers to (also when skipped)
    // The client as it would be stored: for creations the row's values (code empty: the
    // register assigns it); for updates the stored client with the row's values merged in by
    // the policy. Tidied.
    Client client;
    // Updates: the fields that would change. Creations: the fields given a value.
    std::vector<Field> changedFields;

    // Child rows: the company's row in the plan (rows' index) when the file has it, else
    // npos with matchedId the company in the register; the person as its contact, or one of
    // its addresses.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t parentRow = npos;
    OptionalBox<Contact> contact;
    OptionalBox<Address> address;
    // A client's row with a bank account (Holded's IBAN and SWIFT): added with the client the
    // import creates.
    OptionalBox<BankAccount> bankAccount;
    // A client's row naming its contact person (Holded's "Persona de contacto"): that contact,
    // added unless the client has one of that name already.
    OptionalBox<Contact> contactPerson;
};

// What makes a record of a client the same as one an import would add again: a contact's
// name, an address's type and lines, an account's IBAN (folded: case, accents, spaces).
std::string ownedKey(const Contact& contact);
std::string ownedKey(const Address& address);
std::string ownedKey(const BankAccount& account);

struct ImportPlan
{
    std::vector<PlannedRow> rows;        // every table row except the header row, in table order
    std::vector<ImportProblem> problems; // in row order
    std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0;
    std::size_t errors = 0, warnings = 0; // problems by severity (errors on skipped rows too)
    std::size_t invalid = 0;              // rows with action Invalid
    std::size_t contacts = 0;             // child rows that become contacts
    std::size_t addresses = 0;            // child rows that become addresses
    std::size_t bankAccounts = 0;         // bank accounts of the clients created
    ColumnMapping mapping;                // as used: one entry per table column
    std::vector<std::size_t> noteColumns; // as used: sorted, none mapped to a field
    std::vector<LeftOutColumn> leftOut;   // unmapped columns holding values, left to right
    // The system the header row comes from (import_sources.hpp), whose mapping and rules were
    // used: its mapping when none was given, its rules on the columns left unmapped.
    SourceSystem system = SourceSystem::Unknown;

    // No row is Invalid and there is no table-wide error (every erroneous row is skipped).
    bool committable() const;
};

// The register as planImport sees it. Implementations return clients as stored (tidied).
class ExistingClients
{
public:
    virtual ~ExistingClients() = default;
    // Any spelling of a code ("c-1", "C1", "C-000001"), like Register::byCode.
    virtual std::optional<Client> byCode(std::string_view code) = 0;
    // A tax ID as normalizeTaxId(taxId, country) gives it; active clients first, then lowest id.
    virtual std::optional<Client> byNormalizedTaxId(std::string_view normalized) = 0;
    // The client with that id (store id).
    virtual std::optional<Client> byId(std::int64_t id) = 0;
    // The active client a new row looks like (kDefaultDuplicateScore or more), with why; none
    // by default (a source that cannot tell).
    struct Lookalike
    {
        Client client;
        DuplicateScore score;
    };
    virtual std::optional<Lookalike> lookalike(const Client& row)
    {
        (void)row;
        return std::nullopt;
    }
    // The active client whose legal or trade name is this one (case, accents and punctuation
    // ignored), lowest id first; none by default.
    virtual std::optional<Client> byName(std::string_view name)
    {
        (void)name;
        return std::nullopt;
    }
    // The keys (ownedKey) of a client's records of `kind` (Contact, Address, BankAccount);
    // none by default.
    virtual std::vector<std::string> ownedKeys(RecordType kind, std::int64_t clientId)
    {
        (void)kind;
        (void)clientId;
        return {};
    }
};

// A planned row joins its plan (client or invoice import): its action counted, its problems
// appended errors first, then by column (whole-row problems last), the row itself last.
template <typename Plan, typename Row, typename Problem>
void appendPlannedRow(Plan& plan, Row row, RowAction action, std::vector<Problem>& problems)
{
    row.action = action;
    switch (action)
    {
    case RowAction::Create:
        ++plan.created;
        break;
    case RowAction::Update:
        ++plan.updated;
        break;
    case RowAction::Unchanged:
        ++plan.unchanged;
        break;
    case RowAction::Skip:
        ++plan.skipped;
        break;
    case RowAction::Invalid:
        ++plan.invalid;
        break;
    case RowAction::Empty:
    case RowAction::Child: // counted once its company is known
        break;
    }
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b)
                     {
                         if (a.severity != b.severity)
                             return a.severity == Severity::Error;
                         return a.tableColumn < b.tableColumn;
                     });
    std::move(problems.begin(), problems.end(), std::back_inserter(plan.problems));
    plan.rows.push_back(std::move(row));
}

// Rules (details in import_plan.cpp):
// - Header: with hasHeader the first row with a non-blank cell; rows before it are Empty.
// - A row is Empty when every mapped cell is blank (ignored columns do not count).
// - Numbers: whole numbers as integer text (28001.0 → "28001"), others in shortest form.
//   A postal code given as a number with fewer digits than the country uses (5 when the
//   country is unknown) gets a Warning; it is never padded.
// - Countries written as names ("España", "Portugal", "UK") become ISO codes; the kind as
//   other systems write it ("Company", "Individual", "Empresa", "Particular"…) becomes
//   "company" / "person" (import_values.hpp); tags may be separated by ";" or " ::: ".
// - Matching: by code when the code cell is non-empty; when no client has that code (Warning)
//   or the cell is empty, by normalised tax ID (a country prefix is honoured when the row has
//   no country). Codes of new clients are never taken from the sheet.
// - Matched rows: empty cells and unmapped fields keep the stored values, so a missing legal
//   name is an error only for rows that would create a client. Unchanged rows are not
//   validated (nothing is written).
// - Within the file: the same code, the same existing client, or the same tax ID (unless both
//   rows update different existing clients) as an earlier row → Error naming that sheet row.
// - Rows excluded by the mode are Skip with only the "matches" / "code not found" warnings.
// - Note columns (ImportOptions::noteColumns) add "Header: value" lines to the notes; a row
//   with values only there is not Empty.
// - Every other unmapped column with values is listed in `leftOut`.
// - A row that creates a client which looks like an existing one (ExistingClients::lookalike:
//   a similar name, the same e-mail, phone or address) gets a Warning on its legal name.
ImportPlan planImport(const ImportTable& table, const ImportOptions& options,
                      ExistingClients& existing, Language language);

// A cell with nothing in it: empty or white-space text (any Unicode space), or a number cell
// without a finite value.
bool isBlankCell(const ImportCell& cell);
// The first row with a filled cell (the header row, when the table has one); table.size()
// when every row is blank.
std::size_t firstFilledRow(const ImportTable& table);
// The number of columns of the widest row.
std::size_t tableWidth(const ImportTable& table);

// The text planImport reads from a cell for a field (see ImportCell and the number rules).
std::string cellText(const ImportCell& cell, Field field);

// The 1-based sheet row of a table row: sheetRows[tableRow] when the table lists its rows,
// else firstSheetRow + tableRow.
inline std::size_t sheetRowOf(std::span<const std::size_t> sheetRows, std::size_t firstSheetRow,
                              std::size_t tableRow)
{
    return tableRow < sheetRows.size() ? sheetRows[tableRow] : firstSheetRow + tableRow;
}

// The text Calc shows for an error code ("#DIV/0!" for 532, "Err:502" for codes without a
// name).
std::string formulaErrorText(std::uint16_t code);
// Whether the row has a formula error in a column mapped to a field.
template <typename Mapping>
bool hasMappedFormulaError(const std::vector<ImportCell>& cells, const Mapping& mapping)
{
    const std::size_t n = std::min(cells.size(), mapping.size());
    for (std::size_t c = 0; c < n; ++c)
        if (mapping[c] && cells[c].formulaError != 0)
            return true;
    return false;
}

} // namespace clientes
