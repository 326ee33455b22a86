#include "core/messages/transfer_text.hpp"
#include "core/rules/dates.hpp"

#include <algorithm>

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

std::string progressText(WorkStage stage, std::size_t done, std::size_t total, const Locale& locale,
                         bool cancellable)
{
    const auto figure = [&](std::size_t n)
    { return groupDigits(static_cast<std::int64_t>(n), locale); };
    switch (stage)
    {
    case WorkStage::Reading:
        return text(TextKey::ProgressReading, locale.language);
    case WorkStage::Loading:
        return text(cancellable ? TextKey::ProgressLoading : TextKey::ProgressLoadingForList,
                    locale.language);
    case WorkStage::Checking:
        return text(TextKey::ProgressChecking, locale.language,
                    {{"done", figure(std::min(done + 1, total))}, {"total", figure(total)}});
    case WorkStage::Writing:
        return text(TextKey::ProgressWriting, locale.language, {{"total", figure(total)}});
    case WorkStage::Listing:
        return text(TextKey::ProgressListing, locale.language,
                    {{"done", figure(std::min(done + 1, total))}, {"total", figure(total)}});
    case WorkStage::Verifying:
        return text(TextKey::ProgressVerifying, locale.language,
                    {{"done", figure(std::min(done + 1, total))}, {"total", figure(total)}});
    case WorkStage::Reverting:
        return text(TextKey::ProgressReverting, locale.language,
                    {{"done", figure(std::min(done + 1, total))}, {"total", figure(total)}});
    case WorkStage::Migrating:
        return text(TextKey::ProgressMigrating, locale.language,
                    {{"done", figure(std::min(done, total))}, {"total", figure(total)}});
    }
    return {};
}

int progressPercent(WorkStage stage, std::size_t done, std::size_t total)
{
    const auto within = [&](int from, int to)
    {
        if (total == 0)
            return from;
        const double share =
            static_cast<double>(std::min(done, total)) / static_cast<double>(total);
        return from + static_cast<int>(share * (to - from));
    };
    switch (stage)
    {
    case WorkStage::Reading:
        return within(0, 10);
    case WorkStage::Loading:
        return within(10, 15);
    case WorkStage::Checking:
        return within(15, 85);
    case WorkStage::Writing:
        return within(85, 100);
    case WorkStage::Listing:
        return within(15, 100);
    case WorkStage::Verifying:
        return within(0, 30);
    case WorkStage::Reverting:
        return within(30, 100);
    case WorkStage::Migrating:
        return within(0, 100);
    }
    return 0;
}

} // namespace clientes
