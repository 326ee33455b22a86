#include "core/messages/transfer_text.hpp"
#include "core/rules/dates.hpp"

namespace clientes
{

std::string describeRefusal(const ImportUndoRefused& refused, Language language)
{
    std::string list;
    for (const UndoConflict& conflict : refused.conflicts)
    {
        const TextKey key =
            conflict.what == UndoConflict::What::Deleted   ? TextKey::TransferConflictDeleted
            : conflict.what == UndoConflict::What::Changed ? TextKey::TransferConflictChanged
                                                           : TextKey::TransferConflictNewActivity;
        if (!list.empty())
            list += "; ";
        list += text(key, language, {{"label", conflict.label}});
    }
    if (refused.totalConflicts > refused.conflicts.size())
        list +=
            "; " +
            text(TextKey::TransferAndMore, language,
                 {{"count", std::to_string(refused.totalConflicts - refused.conflicts.size())}});
    return text(TextKey::TransferUndoRefused, language,
                {{"when", localTimeLabel(refused.batch.at)},
                 {"source", refused.batch.source},
                 {"count", std::to_string(refused.totalConflicts)},
                 {"list", list}});
}

std::string undoQuestion(const ImportBatchInfo& batch, Language language)
{
    if (batch.kind == ImportKind::Invoices)
        return text(TextKey::TransferUndoConfirmInvoices, language,
                    {{"when", localTimeLabel(batch.at)},
                     {"source", batch.source},
                     {"created", std::to_string(batch.created)},
                     {"updated", std::to_string(batch.updated)},
                     {"clients", std::to_string(batch.clientsCreated)}});
    return text(TextKey::TransferUndoConfirm, language,
                {{"when", localTimeLabel(batch.at)},
                 {"source", batch.source},
                 {"created", std::to_string(batch.created)},
                 {"updated", std::to_string(batch.updated)}});
}

std::string localTimeLabel(std::string_view iso)
{
    return localDateTimeOfUtc(iso).value_or(std::string(iso));
}

std::string invoiceStatusLabel(InvoiceStatus status, Language language)
{
    switch (status)
    {
    case InvoiceStatus::Draft:
        return text(TextKey::TransferStatusDraft, language);
    case InvoiceStatus::Authorised:
        return text(TextKey::TransferStatusIssued, language);
    case InvoiceStatus::Paid:
        break;
    }
    return text(TextKey::TransferStatusPaid, language);
}

} // namespace clientes
