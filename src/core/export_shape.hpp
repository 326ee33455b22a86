// Rows of typed cells for writing clients (and later invoices) to a Calc sheet. The UNO layer
// writes them with setDataArray (Text and Number cells) and setFormulaArray (Formula cells).
#pragma once

#include "core/client.hpp"
#include "core/language.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

enum class CellKind
{
    Text,   // always written as a string, never parsed (see needsTextProtection)
    Number, // `number`
    Date,   // `text` is an ISO date "YYYY-MM-DD"; `number` its serial (toSpreadsheetSerial)
            // → the UNO layer writes the number and applies a date format
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
ExportSheet shapeClients(const std::vector<Client>& clients, Language language);

// Code, legal name, trade name, tax ID, country, street, postal code, city, region, e-mail,
// phone, website, notes.
const std::vector<Field>& exportedClientFields();

// Days since 1899-12-30 (the Calc/Excel serial; 1 = 1899-12-31, 45413 = 2024-05-01) of an ISO
// date "YYYY-MM-DD", optionally followed by a time "THH:MM[:SS[.fff]]" with an optional "Z"
// (the time becomes the fraction of the day). Years 1583-9999. NaN when malformed or invalid
// (2023-02-29, 24:00…).
double toSpreadsheetSerial(std::string_view isoDate);

// Text starting with '=', '+', '-' or '@' (after nothing: no trimming), which Calc would take
// for a formula if it were typed or written with setFormula/setFormulaArray. Write such text
// with setString/setDataArray as a string (never as a formula). Note: with setFormulaArray
// numeric-looking text ("08001", "1/2") would also be converted; Text cells are best always
// written with setDataArray or setString.
bool needsTextProtection(std::string_view text);

} // namespace clientes
