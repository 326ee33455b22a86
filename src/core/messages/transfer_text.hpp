// Texts of sheet imports and exports that the core composes (the single texts are
// TextKey::Transfer…, used with text(); see core/text/texts.hpp).
#pragma once

#include "core/model/import_batch.hpp"
#include "core/model/profile_records.hpp"
#include "core/store/errors.hpp"
#include "core/text/locale.hpp"
#include "core/text/texts.hpp"
#include "core/transfer/work_progress.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{

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

// What the status bar says during a stage of an import: "Clientes: comprobando la fila 12.000
// de 100.000… (Esc cancela)" (figures in the office's locale); the stages that write say
// nothing of Esc.
std::string progressText(WorkStage stage, std::size_t done, std::size_t total,
                         const Locale& locale, bool cancellable = true);
// How far the whole import is, 0-100: reading 0-10, loading 10-15, checking 15-85, writing
// 85-100; an export: loading 10-15, listing 15-100.
int progressPercent(WorkStage stage, std::size_t done, std::size_t total);

} // namespace clientes
