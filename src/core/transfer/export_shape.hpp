// Rows of typed cells for writing clients (and later invoices) to a Calc sheet. The UNO layer
// writes them with setDataArray (Text and Number cells) and setFormulaArray (Formula cells).
#pragma once

#include "core/model/client.hpp"
#include "core/model/profile_records.hpp"
#include "core/model/register_values.hpp"
#include "core/text/language.hpp"

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

enum class CellKind
{
    Text,   // always written as a string, never parsed (see needsTextProtection)
    Number, // `number`
    Date,   // `text` is an ISO date "YYYY-MM-DD"; `number` its serial (spreadsheetSerial,
            // rules/dates.hpp) → the UNO layer writes the number and applies a date format
    Formula // `text` is the formula, English function names ("=SUM(B2:B9)")
};

struct ExportCell
{
    CellKind kind = CellKind::Text;
    std::string text;
    double number = 0;
};

struct ExportSheet
{
    std::vector<std::string> headers;
    std::vector<std::vector<ExportCell>> rows;
    std::vector<CellKind> columnKinds; // one per column: the kind of all its cells
};

// The columns of exportedClientFields(), headers as fieldLabel() in `language` (all recognised
// by autoMapping, so a sheet exported here imports back unchanged). Every cell is Text, as
// stored: codes, tax IDs, postal codes and phones keep leading zeros, letters and spaces.
ExportSheet shapeClients(std::span<const Client> clients, Language language);

// Code, legal name, trade name, tax ID, country, street, postal code, city, region, e-mail,
// phone, website, notes.
const std::vector<Field>& exportedClientFields();

// The client list as exportClients writes it: shapeClients, then "Fecha de alta" and "Última
// modificación" as Date cells (date and time of day). Neither header maps to a field, so the
// sheet imports back unchanged.
// Shaping a part of the clients gives exactly those rows of the whole list.
ExportSheet shapeClientList(std::span<const Client> clients, Language language);
// The cells of a client's row of shapeClientList, given to `cell` in column order without
// copying the texts.
void visitClientRow(
    const Client& client,
    const std::function<void(CellKind kind, std::string_view text, double number)>& cell);
// For each column of shapeClientList, the row whose text is longest (in characters): what
// a column's width must fit.
std::vector<std::size_t> widestClientRows(std::span<const Client> clients);

// A client's records of one kind (its people, addresses, bank accounts), for their own sheet.
template <typename Record> struct OwnedRecords
{
    std::string code;
    std::string legalName;
    std::vector<Record> records;
};

// One row per record: the client's code and legal name (headers as fieldLabel, so the rows
// can be matched back to the client list), then the kind's fields as its description lists
// them (model/record_kinds.hpp): those the user writes, and for bank accounts the verdicts of
// the offline checks. Headers are the fields' labels, choices their labels ("Envío",
// "Dígitos de control incorrectos…"); every cell Text. For Contact, Address and BankAccount
// (kImportedKinds).
template <typename Record>
ExportSheet shapeOwnedRecords(std::span<const OwnedRecords<Record>> owned, Language language);

// A run of invoice rows with one status and currency (rows are grouped so), and its totals.
struct InvoiceGroup
{
    InvoiceStatus status = InvoiceStatus::Draft;
    std::string currency;
    int digits = 2;           // decimals of the currency
    std::size_t firstRow = 0; // in ExportSheet::rows
    std::size_t lastRow = 0;  // inclusive
};

// A line of the totals block under the invoice list.
struct ExportTotal
{
    std::string label;    // "Total Pagada (EUR)"
    std::string currency; // for its number format
    int digits = 2;
    // One formula per amount column (net, tax, total) with English function names and ';'
    // ("=SUBTOTAL(109;F2:F40)"): SUBTOTAL 109 sums the rows an AutoFilter leaves visible.
    std::vector<std::string> formulas;
};

struct InvoiceListSheet
{
    ExportSheet sheet;
    std::vector<InvoiceGroup> groups;
    std::vector<ExportTotal> totals;   // per group, then one per currency
    std::size_t firstAmountColumn = 5; // net; tax and total follow
};

// Number, client, client tax ID, issue date, due date, net, tax, total, currency, status,
// client code (headers as invoiceFieldLabel, so the list imports back). Rows ordered by
// status (draft, issued, paid), currency, issue date and number. Amounts are Number cells
// in the currency's units; dates Date cells. `firstDataRow` is the 1-based sheet row of the
// first invoice (the header is on the row above), for the totals' formulas.
InvoiceListSheet shapeInvoiceList(const std::vector<InvoiceListRow>& invoices, Language language,
                                  std::size_t firstDataRow = 2);

// Text starting with '=', '+', '-' or '@' (after nothing: no trimming), which Calc would take
// for a formula if it were typed or written with setFormula/setFormulaArray. Write such text
// with setString/setDataArray as a string (never as a formula). Note: with setFormulaArray
// numeric-looking text ("08001", "1/2") would also be converted; Text cells are best always
// written with setDataArray or setString.
bool needsTextProtection(std::string_view text);

} // namespace clientes
