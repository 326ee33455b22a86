#include "core/messages/transfer_text.hpp"

#include <cstdio>
#include <ctime>

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
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const std::string text(iso);
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute,
                    &second) != 6)
        return text;
    std::tm utc{};
    utc.tm_year = year - 1900;
    utc.tm_mon = month - 1;
    utc.tm_mday = day;
    utc.tm_hour = hour;
    utc.tm_min = minute;
    utc.tm_sec = second;
    const std::time_t when = timegm(&utc);
    std::tm local{};
    localtime_r(&when, &local);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", local.tm_year + 1900,
                  local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min);
    return buffer;
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
