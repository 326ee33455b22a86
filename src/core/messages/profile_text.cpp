#include "core/messages/profile_text.hpp"

#include "core/messages/record_labels.hpp"
#include "core/rules/dates.hpp"

#include "core/model/record_kinds.hpp"
#include "core/rules/validation.hpp"

#include "core/messages/messages.hpp"
#include "core/messages/ui_text.hpp"
#include "core/model/client.hpp"
#include "core/register/register_copy.hpp"
#include "core/rules/bank_account.hpp"
#include "core/rules/profile_money.hpp"
#include "core/rules/profile_validation.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace clientes
{
namespace
{

using K = TextKey;

// "{n} vencida" / "{n} vencidas": the count written the language's way, in the form the
// catalogue gives for it.
std::string counted(std::int64_t count, TextKey key, const Locale& locale)
{
    return pluralText(key, count, locale.language, {{"n", groupDigits(count, locale)}});
}

int digitsOf(std::string_view currency)
{
    return minorUnitDigits(currency).value_or(2);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c)
                   { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return out;
}

// "Vencidas: 2 · 1.250,00 EUR (1) · 20,00 USD (1)": a count and, when there is money, its
// amounts per currency (with their own counts when more than one currency).
std::string countAndMoney(const std::vector<MoneyTotal>& totals, const Locale& locale)
{
    std::string text = groupDigits(totalCount(totals), locale);
    if (!totals.empty())
        text += " · " + formatTotals(totals, locale, totals.size() > 1);
    return text;
}

std::optional<RecordField> recordFieldFromName(std::string_view name)
{
    for (int i = 0; i <= static_cast<int>(RecordField::Text); ++i)
        if (recordFieldName(static_cast<RecordField>(i)) == name)
            return static_cast<RecordField>(i);
    return std::nullopt;
}

// A status value of a change ("paid") in the user's words ("Pagada").
std::string statusWord(std::optional<RecordType> record, std::string_view value, Language language)
{
    if (!record)
        return std::string(value);
    return withRecordKind(*record, [&](const auto& kind)
                          { return choiceLabel(kind.info, value, language); });
}

std::string oneLine(std::string_view text)
{
    std::string out;
    for (char c : text)
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}
} // namespace

std::string clientKindLabel(std::string_view kind, Language language)
{
    if (kind == kKindCompany)
        return text(K::ProfileKindCompany, language);
    if (kind == kKindPerson)
        return text(K::ProfileKindPerson, language);
    return text(K::ProfileKindNotStated, language);
}

std::string statusLabel(ProjectStatus status, Language language)
{
    return text(status == ProjectStatus::Open ? K::StatusProjectOpen : K::StatusProjectClosed,
                language);
}

std::string statusLabel(TaskStatus status, Language language)
{
    return text(status == TaskStatus::Pending ? K::StatusTaskPending : K::StatusTaskDone, language);
}

std::string statusLabel(OrderStatus status, Language language)
{
    return text(status == OrderStatus::Open ? K::StatusOrderOpen : K::StatusOrderClosed, language);
}

std::string statusLabel(InvoiceStatus status, Language language)
{
    switch (status)
    {
    case InvoiceStatus::Draft:
        return text(K::StatusInvoiceDraft, language);
    case InvoiceStatus::Authorised:
        return text(K::StatusInvoiceAuthorised, language);
    case InvoiceStatus::Paid:
        break;
    }
    return text(K::StatusInvoicePaid, language);
}

std::string statusLabel(DealStage stage, Language language)
{
    switch (stage)
    {
    case DealStage::Draft:
        return text(K::StatusDealDraft, language);
    case DealStage::Sent:
        return text(K::StatusDealSent, language);
    case DealStage::Accepted:
        return text(K::StatusDealAccepted, language);
    case DealStage::Rejected:
        break;
    }
    return text(K::StatusDealRejected, language);
}

std::string statusLabel(AddressType type, Language language)
{
    switch (type)
    {
    case AddressType::Billing:
        return text(K::StatusAddressBilling, language);
    case AddressType::Shipping:
        return text(K::StatusAddressShipping, language);
    case AddressType::Other:
        break;
    }
    return text(K::StatusAddressOther, language);
}

std::string ibanVerdictLabel(IbanVerdict verdict, Language language)
{
    switch (verdict)
    {
    case IbanVerdict::Valid:
        return text(K::IbanValid, language);
    case IbanVerdict::Empty:
        return text(K::IbanEmpty, language);
    case IbanVerdict::BadCharacters:
        return text(K::IbanBadCharacters, language);
    case IbanVerdict::UnknownCountry:
        return text(K::IbanUnknownCountry, language);
    case IbanVerdict::WrongLength:
        return text(K::IbanWrongLength, language);
    case IbanVerdict::WrongFormat:
        return text(K::IbanWrongFormat, language);
    case IbanVerdict::BadCheckDigits:
        break;
    }
    return text(K::IbanBadCheckDigits, language);
}

std::string bicVerdictLabel(BicVerdict verdict, Language language)
{
    switch (verdict)
    {
    case BicVerdict::Valid:
        return text(K::BicValid, language);
    case BicVerdict::Empty:
        return text(K::BicEmpty, language);
    case BicVerdict::WrongFormat:
        return text(K::BicWrongFormat, language);
    case BicVerdict::UnknownCountry:
        break;
    }
    return text(K::BicUnknownCountry, language);
}

std::string bankCheckLabel(const BankAccount& account, Language language)
{
    const IbanCheck iban = checkIban(account.iban);
    std::string label = ibanVerdictLabel(iban.verdict, language);
    if (iban.verdict == IbanVerdict::WrongLength)
        label += ": " +
                 text(K::IbanLengthOfCountry, language,
                      {{"country", iban.country}, {"length", std::to_string(iban.expectedLength)}});
    else if (iban.verdict == IbanVerdict::UnknownCountry ||
             iban.verdict == IbanVerdict::WrongFormat)
        label += " (" + iban.country + ")";
    const BicCheck bic = checkBic(account.bic);
    if (bic.verdict == BicVerdict::WrongFormat || bic.verdict == BicVerdict::UnknownCountry)
        label += " · " + bicVerdictLabel(bic.verdict, language);
    return label;
}

std::string ownedRecordsLine(const std::vector<Address>& addresses,
                             const std::vector<BankAccount>& accounts, Language language)
{
    if (addresses.empty() && accounts.empty())
        return text(K::ClientRecordsNone, language);
    // The first `shown` items, then "+n" for the rest.
    const auto list = [](const auto& items, std::size_t shown, const auto& label)
    {
        std::string joined;
        for (std::size_t i = 0; i < items.size() && i < shown; ++i)
            joined += (i == 0 ? "" : ", ") + label(items[i]);
        if (items.size() > shown)
            joined += " +" + std::to_string(items.size() - shown);
        return joined;
    };
    std::vector<std::string> parts;
    if (!addresses.empty())
        parts.push_back(text(K::ClientRecordsAddresses, language,
                             {{"list", list(addresses, 3,
                                            [&](const Address& address)
                                            {
                                                const std::string& place = address.city.empty()
                                                                               ? address.name
                                                                               : address.city;
                                                return statusLabel(address.type, language) +
                                                       (place.empty() ? "" : " (" + place + ")");
                                            })}}));
    if (!accounts.empty())
        parts.push_back(text(
            K::ClientRecordsAccounts, language,
            {{"list", list(accounts, 1,
                           [](const BankAccount& account) { return printIban(account.iban); })}}));
    std::string line;
    for (const std::string& part : parts)
        line += (line.empty() ? "" : " · ") + part;
    return line;
}

std::string invoiceStateLabel(const Invoice& invoice, std::string_view today, Language language)
{
    std::string label = statusLabel(invoice.status, language);
    if (isOverdue(invoice, today))
        label += " · " + text(K::StateOverdue, language);
    return label;
}

std::string taskStateLabel(const Task& task, std::string_view today, Language language)
{
    std::string label = statusLabel(task.status, language);
    static const auto& overdue = *kindOf<Task>().field("overdue");
    if (std::get<bool>(overdue.value(task, {.today = today})))
        label += " · " + text(K::StateOverdue, language);
    return label;
}

// ---------------------------------------------------------------------------- figures

std::string formatAmount(std::int64_t minor, std::string_view currency, const Locale& locale)
{
    return withCurrency(localizedDecimal(formatMinorUnits(minor, digitsOf(currency)), locale),
                        currency, locale);
}

std::string formatAmountInput(std::int64_t minor, std::string_view currency, const Locale& locale)
{
    return localizedDecimal(formatMinorUnits(minor, digitsOf(currency)), locale, false);
}

std::optional<std::int64_t> parseAmountInput(std::string_view text, std::string_view currency,
                                             const Locale& locale)
{
    text = trimAscii(text);
    std::string sign;
    if (!text.empty() && (text.front() == '-' || text.front() == '+'))
    {
        sign = text.front() == '-' ? "-" : "";
        text = trimAscii(text.substr(1));
    }
    if (text.empty())
        return std::nullopt;
    std::size_t dots = 0;
    std::size_t commas = 0;
    for (char c : text)
    {
        if (c == '.')
            ++dots;
        else if (c == ',')
            ++commas;
        else if (!isDigit(c))
            return std::nullopt;
    }
    char decimal = 0; // none
    if (dots > 0 && commas > 0)
        decimal = text.find_last_of(".,") == text.rfind('.') ? '.' : ',';
    else if (dots + commas == 1)
    {
        const char mark = dots == 1 ? '.' : ',';
        const auto at = text.find(mark);
        const bool grouping = std::string_view(&mark, 1) == locale.thousandSeparator && at > 0 &&
                              text.size() - at - 1 == 3;
        decimal = grouping ? 0 : mark;
    }
    if (decimal != 0 && std::count(text.begin(), text.end(), decimal) != 1)
        return std::nullopt;
    std::string plain = sign;
    for (char c : text)
    {
        if (isDigit(c))
            plain += c;
        else if (c == decimal)
            plain += '.';
    }
    if (plain.empty() || plain == "-" || plain.back() == '.' || plain.find('.') == 0)
        return std::nullopt;
    return parseMinorUnits(plain, digitsOf(currency));
}

std::string formatTotals(const std::vector<MoneyTotal>& totals, const Locale& locale,
                         bool withCounts)
{
    std::string text;
    for (const MoneyTotal& total : totals)
    {
        if (!text.empty())
            text += " · ";
        text += formatAmount(total.amount, total.currency, locale);
        if (withCounts)
            text += " (" + groupDigits(total.count, locale) + ")";
    }
    return text;
}

namespace
{
// "7.5" with at most two decimals, none when whole.
std::string plainHours(double hours)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", std::round(hours * 100.0) / 100.0);
    std::string text = buffer;
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    if (text == "-0")
        text = "0";
    return text;
}
} // namespace

std::string formatHoursInput(double hours, const Locale& locale)
{
    return localizedDecimal(plainHours(hours), locale, false);
}

std::string formatHours(double hours, const Locale& locale)
{
    return localizedDecimal(plainHours(hours), locale, false) + " h";
}

std::optional<double> parseHoursInput(std::string_view text)
{
    text = trimAscii(text);
    if (text.empty())
        return std::nullopt;
    std::string plain;
    int marks = 0;
    for (char c : text)
    {
        if (c == ',' || c == '.')
        {
            ++marks;
            plain += '.';
        }
        else if (isDigit(c))
            plain += c;
        else
            return std::nullopt;
    }
    if (marks > 1 || plain.front() == '.' || plain.back() == '.')
        return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (error != std::errc() || end != plain.data() + plain.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string projectsLine(const ProfileSummary& s, const Locale& locale)
{
    std::string line = text(K::SummaryProjects, locale.language,
                            {{"count", groupDigits(s.projects.count, locale)}});
    if (s.projects.count > 0)
        line += " (" + counted(s.projects.open, K::CountOpen, locale) + ")";
    return line + " · " +
           text(K::SummaryHoursLogged, locale.language,
                {{"hours", formatHours(s.projects.hours, locale)}});
}

std::string tasksLine(const ProfileSummary& s, const Locale& locale)
{
    return text(K::SummaryTasks, locale.language,
                {{"overdue", counted(s.tasks.overdue, K::CountOverdue, locale)},
                 {"pending", counted(s.tasks.pending, K::CountPending, locale)},
                 {"upcoming", text(K::SummaryTasksUpcoming, locale.language,
                                   {{"n", groupDigits(s.tasks.upcoming, locale)}})}});
}

std::string ordersLine(const ProfileSummary& s, const Locale& locale)
{
    std::string line = text(K::SummaryOrders, locale.language,
                            {{"count", groupDigits(s.purchaseOrders.count, locale)}});
    if (s.purchaseOrders.count > 0)
        line += " (" + counted(s.purchaseOrders.closed, K::CountClosed, locale) + ")";
    if (!s.purchaseOrders.totals.empty())
        line += " · " +
                formatTotals(s.purchaseOrders.totals, locale, s.purchaseOrders.totals.size() > 1);
    return line;
}

std::vector<std::string> invoiceLines(const ProfileSummary& s, const Locale& locale)
{
    const std::string indent = "    ";
    std::vector<std::string> lines;
    lines.push_back(text(K::SummaryInvoicesAuthorised, locale.language,
                         {{"figures", countAndMoney(s.invoices.authorised, locale)}}));
    lines.push_back(indent + text(K::SummaryInvoicesPending, locale.language,
                                  {{"figures", countAndMoney(s.invoices.pending, locale)}}));
    lines.push_back(indent + text(K::SummaryInvoicesOverdue, locale.language,
                                  {{"figures", countAndMoney(s.invoices.overdue, locale)}}));
    if (s.invoices.draft > 0)
        lines.push_back(indent + text(K::SummaryInvoicesDrafts, locale.language,
                                      {{"count", groupDigits(s.invoices.draft, locale)}}));
    return lines;
}

std::string dealsLine(const ProfileSummary& s, const Locale& locale)
{
    std::string line = text(K::SummaryDealsOpen, locale.language,
                            {{"figures", countAndMoney(s.deals.openAmounts, locale)}});
    if (s.deals.accepted > 0)
        line += " · " + counted(s.deals.accepted, K::CountAccepted, locale);
    return line;
}

std::string contactsAndFilesLine(const ProfileSummary& s, const Locale& locale)
{
    std::string line =
        text(K::SummaryContacts, locale.language, {{"count", groupDigits(s.contacts, locale)}}) +
        " · " + text(K::SummaryFiles, locale.language, {{"count", groupDigits(s.files, locale)}});
    if (s.files > 0)
        line += " (" + formatFileSize(s.fileBytes, locale) + ")";
    return line;
}

std::vector<std::string> summaryLines(const ProfileSummary& s, const Locale& locale)
{
    std::vector<std::string> lines = {projectsLine(s, locale), tasksLine(s, locale),
                                      ordersLine(s, locale)};
    for (std::string& line : invoiceLines(s, locale))
        lines.push_back(std::move(line));
    lines.push_back(dealsLine(s, locale));
    lines.push_back(contactsAndFilesLine(s, locale));
    return lines;
}

std::string keyFiguresLine(const ProfileSummary& s, const Locale& locale)
{
    std::vector<std::string> parts;
    const auto amounts = [&locale](const std::vector<MoneyTotal>& totals)
    { return totals.empty() ? std::string() : " (" + formatTotals(totals, locale) + ")"; };
    const auto joined = [](const std::vector<std::string>& items)
    {
        std::string list;
        for (std::size_t i = 0; i < items.size(); ++i)
            list += (i ? ", " : "") + items[i];
        return list;
    };

    std::vector<std::string> invoices;
    const std::int64_t overdue = totalCount(s.invoices.overdue);
    const std::int64_t pending = totalCount(s.invoices.pending);
    if (overdue > 0)
        invoices.push_back(counted(overdue, K::CountOverdue, locale) + amounts(s.invoices.overdue));
    if (pending > 0)
        invoices.push_back(counted(pending, K::CountPending, locale));
    if (!invoices.empty())
        parts.push_back(text(K::KeyFiguresInvoices, locale.language, {{"list", joined(invoices)}}));

    std::vector<std::string> tasks;
    if (s.tasks.overdue > 0)
        tasks.push_back(counted(s.tasks.overdue, K::CountOverdue, locale));
    if (s.tasks.upcoming > 0)
        tasks.push_back(counted(s.tasks.upcoming, K::CountUpcoming, locale));
    if (!tasks.empty())
        parts.push_back(text(K::KeyFiguresTasks, locale.language, {{"list", joined(tasks)}}));

    std::string line;
    for (const std::string& part : parts)
        line += (line.empty() ? "" : " · ") + part;
    return line;
}

// ---------------------------------------------------------------------------- files

std::string formatFileSize(std::int64_t bytes, const Locale& locale)
{
    if (bytes < 1024)
        return groupDigits(bytes, locale) + " bytes";
    const bool mega = bytes >= 1024 * 1024;
    const double value = static_cast<double>(bytes) / (mega ? 1024.0 * 1024.0 : 1024.0);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return localizedDecimal(buffer, locale, false) + (mega ? " MB" : " KB");
}

std::string mimeTypeForFileName(std::string_view name)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 45> kTypes = {{
        {"7z", "application/x-7z-compressed"},
        {"bmp", "image/bmp"},
        {"csv", "text/csv"},
        {"doc", "application/msword"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"eml", "message/rfc822"},
        {"gif", "image/gif"},
        {"gz", "application/gzip"},
        {"heic", "image/heic"},
        {"htm", "text/html"},
        {"html", "text/html"},
        {"ics", "text/calendar"},
        {"jpeg", "image/jpeg"},
        {"jpg", "image/jpeg"},
        {"json", "application/json"},
        {"md", "text/markdown"},
        {"mp3", "audio/mpeg"},
        {"mp4", "video/mp4"},
        {"msg", "application/vnd.ms-outlook"},
        {"odg", "application/vnd.oasis.opendocument.graphics"},
        {"odp", "application/vnd.oasis.opendocument.presentation"},
        {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
        {"odt", "application/vnd.oasis.opendocument.text"},
        {"ogg", "audio/ogg"},
        {"pdf", "application/pdf"},
        {"png", "image/png"},
        {"ppt", "application/vnd.ms-powerpoint"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"rar", "application/vnd.rar"},
        {"rtf", "application/rtf"},
        {"svg", "image/svg+xml"},
        {"tar", "application/x-tar"},
        {"tif", "image/tiff"},
        {"tiff", "image/tiff"},
        {"tsv", "text/tab-separated-values"},
        {"txt", "text/plain"},
        {"vcf", "text/vcard"},
        {"wav", "audio/wav"},
        {"webp", "image/webp"},
        {"xls", "application/vnd.ms-excel"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"xml", "application/xml"},
        {"zip", "application/zip"},
        {"p7s", "application/pkcs7-signature"},
        {"xsig", "application/xml"},
    }};
    const auto dot = name.rfind('.');
    if (dot != std::string_view::npos && dot + 1 < name.size())
    {
        const std::string extension = lower(name.substr(dot + 1));
        for (const auto& [known, type] : kTypes)
            if (known == extension)
                return std::string(type);
    }
    return "application/octet-stream";
}

// ---------------------------------------------------------------------------- activity

std::string formatTimestamp(std::string_view iso)
{
    return localDateTimeOfUtc(iso).value_or(std::string(iso));
}

std::string formatTimestamp(std::string_view isoUtc, const Locale& locale)
{
    return formatDateTime(formatTimestamp(isoUtc), locale);
}

std::string activityDetail(const ActivityEntry& entry, Language language)
{
    const auto recordWords = [&]
    {
        std::string words = entry.record ? recordTypeLabel(*entry.record, language) : std::string();
        if (!entry.label.empty())
            words += (words.empty() ? "" : " ") + entry.label;
        return words;
    };
    const auto changes = [&]
    {
        std::string text;
        for (const FieldChange& change : entry.changes)
        {
            std::string label = change.field;
            if (entry.kind == ActivityKind::Updated || entry.kind == ActivityKind::Merged ||
                entry.kind == ActivityKind::MergeUndone)
            {
                if (const auto field = fieldFromName(change.field))
                    label = fieldLabel(*field, language);
            }
            else if (entry.record)
            {
                if (const auto field = recordFieldFromName(change.field))
                    label = recordFieldLabel(*entry.record, *field, language);
            }
            const bool status = change.field == "status" || change.field == "stage";
            const auto value = [&](const std::string& raw)
            {
                if (raw.empty())
                    return std::string("—");
                if (entry.kind != ActivityKind::RecordChanged && change.field == "kind")
                    return clientKindLabel(raw, language);
                return status ? statusWord(entry.record, raw, language) : oneLine(raw);
            };
            if (!text.empty())
                text += "; ";
            text += label + ": " + value(change.oldValue) + " → " + value(change.newValue);
        }
        return text;
    };
    switch (entry.kind)
    {
    case ActivityKind::Note:
        return oneLine(entry.text);
    case ActivityKind::Updated:
        return changes();
    case ActivityKind::FileAttached:
    case ActivityKind::FileRemoved:
        return entry.label;
    case ActivityKind::RecordAdded:
    case ActivityKind::RecordRemoved:
        return recordWords();
    case ActivityKind::RecordChanged:
    {
        const std::string what = changes();
        return what.empty() ? recordWords() : recordWords() + ": " + what;
    }
    case ActivityKind::Imported:
        if (!entry.record && entry.batchId.starts_with(kCopyBatchPrefix))
            return text(TextKey::ActivityCopiedFrom, language, {{"file", entry.label}});
        return entry.record ? recordWords() : entry.batchId;
    case ActivityKind::Merged:
    case ActivityKind::MergeUndone:
    {
        // The clients merged away carry only their archiving; the one that stays, the
        // fields the merge wrote.
        const bool away = entry.changes.size() == 1 && entry.changes[0].field == kArchivedChange;
        if (away)
            return text(entry.kind == ActivityKind::Merged ? K::ActivityMergedInto
                                                           : K::ActivityMergeUndoneFrom,
                        language, {{"code", entry.label}});
        std::string what = text(K::ActivityMergedWith, language, {{"codes", entry.label}});
        const std::string fields = changes();
        return fields.empty() ? what : what + "; " + fields;
    }
    case ActivityKind::Created:
    case ActivityKind::Archived:
    case ActivityKind::Restored:
        break;
    }
    return {};
}

// ---------------------------------------------------------------------------- tax IDs

std::string taxIdWarning(const TaxIdCheck& check, Language language)
{
    switch (check.verdict)
    {
    case TaxIdVerdict::InvalidChecksum:
        return text(K::TaxIdBadCheckDigits, language,
                    {{"scheme", check.scheme.empty() ? "" : " (" + check.scheme + ")"}});
    case TaxIdVerdict::InvalidFormat:
        return check.country.empty()
                   ? text(K::TaxIdBadFormat, language)
                   : text(K::TaxIdBadFormatOf, language, {{"country", check.country}});
    case TaxIdVerdict::Valid:
    case TaxIdVerdict::Empty:
    case TaxIdVerdict::UnknownCountryFormatOk:
        break;
    }
    return {};
}

std::string ibanWarning(const IbanCheck& check, Language language)
{
    switch (check.verdict)
    {
    case IbanVerdict::BadCharacters:
        return text(K::BankIbanCharacters, language);
    case IbanVerdict::UnknownCountry:
        return text(K::BankIbanUnknownCountry, language,
                    {{"country", check.electronic.substr(0, 2)}});
    case IbanVerdict::WrongLength:
        return text(K::BankIbanLength, language,
                    {{"n", std::to_string(check.electronic.size())},
                     {"country", check.country},
                     {"expected", std::to_string(check.expectedLength)}});
    case IbanVerdict::WrongFormat:
        return text(K::BankIbanFormat, language, {{"country", check.country}});
    case IbanVerdict::BadCheckDigits:
        return text(K::BankIbanCheckDigits, language);
    case IbanVerdict::Valid:
    case IbanVerdict::Empty:
        break;
    }
    return {};
}

std::string bicWarning(const BicCheck& check, Language language)
{
    switch (check.verdict)
    {
    case BicVerdict::WrongFormat:
        return text(K::BankBicFormat, language);
    case BicVerdict::UnknownCountry:
        return text(K::BankBicCountry, language, {{"country", check.country}});
    case BicVerdict::Valid:
    case BicVerdict::Empty:
        break;
    }
    return {};
}
} // namespace clientes
