// Texts of sheet imports and exports that the core and the scripting API show, in the three
// languages of the product. (The wizard's and the export dialogs' own words live in their
// .properties resources.)
#pragma once

#include "core/model/import_batch.hpp"
#include "core/model/profile_records.hpp"
#include "core/store/errors.hpp"
#include "core/text/language.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{

enum class TransferText
{
    // ---- invoice import problems
    InvoiceColumnMissing,      // {label}
    InvoiceNeedsClientColumn,  //
    InvoiceNeedsAmountColumn,  //
    InvoiceClientMissing,      //
    InvoiceDuplicateNumber,    // {row}
    InvoiceClientNotFound,     // {key}
    InvoiceNewClient,          // {name}
    InvoiceNewClientNeedsName, // {taxId}
    InvoiceNewClientNeedsTaxId,
    InvoiceBadDate,         // {value}
    InvoiceBadAmount,       // {value}
    InvoiceTooManyDecimals, // {value} {currency} {digits}
    InvoiceAmountsDisagree, // {net} {tax} {total}
    InvoiceBadStatus,       // {value}
    InvoiceBadCurrency,     // {value}
    InvoiceNoCurrency,      //
    InvoiceMatches,         // {number}
    InvoiceOfOtherClient,   // {number} {client}
                            // ---- rows left out
    ExcludedExisting,       // {what}: the mode only creates
    ExcludedMissing,        // the mode only updates
                            // ---- commit and undo
    ImportBlocked,          // {errors}
    ImportConflict,         // {what}
    NothingToUndo,          //
    UndoRefused,            // {when} {source} {count} {list}
    ConflictDeleted,        // {label}
    ConflictChanged,        // {label}
    ConflictNewActivity,    // {label}
    AndMore,                // {count}
    UndoConfirm,            // {when} {source} {created} {updated}
    UndoConfirmInvoices,    // {when} {source} {created} {updated} {clients}
    UndoDone,               // {count}
    UndoTitle,
    // ---- where rows came from
    SourceRange,     // {range} {document}
    SourceSelection, // {range} {document}
    SourceFile,      // {file}
                     // ---- report sheet
    ReportRow,
    ReportStatus,
    ReportField,
    ReportProblem,
    ReportSeverity,
    ReportError,
    ReportWarning,
    ReportSkipped,
    ReportNotImported,
    // ---- exports
    SheetClients,
    SheetInvoices,
    CreatedAt,
    UpdatedAt,
    TotalOfStatus, // {status} {currency}
    GrandTotal,    // {currency}
                   // ---- options of the API
    BadOption,     // {option} {reason}
    NotABoolean,   //
    NotAString,    //
    NotStrings,    //
    BadMode,       // {value}
    BadPolicy,     // {value}
    BadField,      // {value}
    BadDate,       // {value}
    BadStatus,     // {value}
    BadSheetName,  // {value}
    NoSource,      //
    NoTarget,      //
    UnknownOption,
};

// The text with every "{name}" replaced by its value.
std::string transferText(TransferText key, Language language,
                         const std::vector<std::pair<std::string_view, std::string>>& values = {});

// Why an undo was refused: when and where the import came from, and what changed since
// (the first records, then "and N more").
std::string describeRefusal(const ImportUndoRefused& refused, Language language);
// The question asked before undoing `batch`.
std::string undoQuestion(const ImportBatchInfo& batch, Language language);

// "2024-05-01 12:20": an ISO 8601 UTC time ("2024-05-01T10:20:30.123Z") in local time, for
// messages; the text as given when it is no such time.
std::string localTimeLabel(std::string_view isoUtc);

// The status of an invoice as the invoice list shows it: "Borrador", "Emitida", "Pagada".
std::string invoiceStatusLabel(InvoiceStatus status, Language language);

} // namespace clientes
