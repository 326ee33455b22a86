// What the UNO layer does with an import plan, kept out of it: option values by name, the
// mapping remembered for a header row, the commit made from a plan, the problems as the API
// lists them, the cell marks and the report of rows not imported. Clients and invoices alike.
#pragma once

#include "core/model/import_batch.hpp"
#include "core/text/language.hpp"
#include "core/transfer/import_invoices.hpp"
#include "core/transfer/import_plan.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

// "create", "update", "both".
std::optional<ImportMode> importModeFromName(std::string_view name);
// "overwrite", "fillEmpty".
std::optional<UpdatePolicy> updatePolicyFromName(std::string_view name);

// One problem of either kind of plan, as shown and marked.
struct TransferProblem
{
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t sheetRow = 0;       // 1-based; 0 for table-wide problems
    std::size_t sheetColumn = npos; // 0-based; npos: the whole row (or table)
    Severity severity = Severity::Error;
    std::string apiText;   // "row 12, taxId: …" (the API's Problems)
    std::string userText;  // "fila 12, Identificación fiscal: …"
    std::string fieldName; // API name of the field ("" table-wide)
    std::string fieldLabel;
    std::string reason;
};

std::vector<TransferProblem> transferProblems(const ImportPlan& plan, Language language);
std::vector<TransferProblem> transferProblems(const InvoicePlan& plan, Language language);

// ---------------------------------------------------------------- marks

// A cell to mark: every problem on it, errors first, one reason a line.
struct CellMark
{
    std::size_t sheetRow = 0; // 1-based
    std::size_t sheetColumn = 0;
    Severity severity = Severity::Warning; // Error when any of its problems is one
    std::string text;
};

// Problems grouped by cell in sheet order; a whole-row problem marks the row's first cell
// (firstColumn); table-wide problems mark nothing. At most `limit` cells (the first ones).
std::vector<CellMark> cellMarks(const std::vector<TransferProblem>& problems,
                                std::size_t firstColumn, std::size_t limit);

// ---------------------------------------------------------------- report of rows left out

struct ReportLine
{
    std::size_t sheetRow = 0;
    std::string status;     // "Omitida" / "No importada"
    std::string severity;   // "Error" / "Aviso"
    std::string fieldLabel; // "" for the whole row
    std::string reason;
};

// One line per problem of every row that is not imported (Skip, Invalid), with the reason a
// row excluded by the mode has none of its own; for clients, first one line per column left
// out that holds values (row 0, its letter as the field).
std::vector<ReportLine> reportLines(const ImportPlan& plan,
                                    const std::vector<TransferProblem>& problems,
                                    const ImportOptions& options, Language language);
std::vector<ReportLine> reportLines(const InvoicePlan& plan,
                                    const std::vector<TransferProblem>& problems,
                                    const InvoiceImportOptions& options, Language language);
std::vector<std::string> reportHeaders(Language language);
// Whether Calc takes `name` for a new sheet: not empty, no : \ / ? * [ ], not starting or
// ending with an apostrophe, valid UTF-8 without control characters.
bool isValidSheetName(std::string_view name);

// ---------------------------------------------------------------- commits

// The rows of the plan to write. The plan's clients are moved out.
ClientImportCommit clientCommit(ImportPlan& plan, std::string source);
InvoiceImportCommit invoiceCommit(InvoicePlan& plan, std::string source);

// ---------------------------------------------------------------- mappings

// API names separated by ',' ("" for an ignored column): "code,legalName,,taxId"; the note
// columns as kNoteLineColumn.
std::string encodeMapping(const ColumnMapping& mapping,
                          const std::vector<std::size_t>& noteColumns = {});
std::string encodeMapping(const InvoiceMapping& mapping);
// nullopt when a name is unknown (a mapping remembered by another version).
// The columns named kNoteLineColumn are not mapped and go to `noteColumns` when given.
std::optional<ColumnMapping> decodeClientMapping(std::string_view text,
                                                 std::vector<std::size_t>* noteColumns = nullptr);
std::optional<InvoiceMapping> decodeInvoiceMapping(std::string_view text);
// The key a mapping is remembered under: mappingKey(headers) with the kind in front.
std::string rememberedMappingKey(ImportKind kind, const std::vector<std::string>& headers);

} // namespace clientes
