#include "core/rules/profile_validation.hpp"

#include "core/rules/dates.hpp"
#include "core/rules/profile_money.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace clientes
{

namespace
{

constexpr std::array<std::string_view, 21> kFieldNames = {
    "name", "role",  "email",   "phone",  "status",     "date",     "hours",
    "note", "title", "dueDate", "number", "amount",     "currency", "issueDate",
    "net",  "tax",   "total",   "stage",  "validUntil", "mimeType", "text"};

constexpr std::size_t kMaxFileName = 255;
constexpr std::size_t kMaxMimeType = 127;
constexpr double kMaxHours = 24;

char asciiUpper(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

void tidyLine(std::string& text)
{
    text = tidyText(text, false);
}

void tidyEmail(std::string& email)
{
    tidyLine(email);
    const std::size_t at = email.rfind('@');
    if (at != std::string::npos)
        std::transform(email.begin() + static_cast<std::ptrdiff_t>(at), email.end(),
                       email.begin() + static_cast<std::ptrdiff_t>(at), asciiLower);
}

void tidyCurrency(std::string& currency)
{
    tidyLine(currency);
    std::transform(currency.begin(), currency.end(), currency.begin(), asciiUpper);
}

// Collects the issues of one record.
class Checker
{
public:
    explicit Checker(RecordType record) : record_(record) {}

    // Clean text within its length; `required` also refuses blank text. false when an issue
    // was reported.
    bool text(RecordField field, std::string_view value, bool required, bool multiLine = false)
    {
        if (!isCleanText(value, multiLine))
            return add(field, Problem::InvalidText);
        if (required && isBlank(value))
            return add(field, Problem::Required);
        const std::size_t limit = maxLength(record_, field);
        if (limit != 0 && utf8::length(value) > limit)
            return add(field, Problem::TooLong, limit);
        return true;
    }

    void email(RecordField field, std::string_view value)
    {
        if (text(field, value, false) && !value.empty() && !isValidEmail(value))
            add(field, Problem::InvalidEmail);
    }

    // An ISO date; "" only when not required. false when an issue was reported.
    bool date(RecordField field, std::string_view value, bool required)
    {
        if (value.empty())
            return required ? add(field, Problem::Required) : true;
        return isIsoDate(value) ? true : add(field, Problem::InvalidDate);
    }

    // `later` must not be before `earlier` (both valid or empty).
    void order(RecordField field, std::string_view earlier, std::string_view later)
    {
        if (!earlier.empty() && !later.empty() && isIsoDate(earlier) && isIsoDate(later) &&
            later < earlier)
            add(field, Problem::DateOrder);
    }

    void currency(std::string_view value)
    {
        if (value.empty())
            add(RecordField::Currency, Problem::Required);
        else if (!isCurrencyCode(value))
            add(RecordField::Currency, Problem::InvalidCurrency);
    }

    void notNegative(RecordField field, std::int64_t amount)
    {
        if (amount < 0)
            add(field, Problem::OutOfRange, 0);
    }

    template <typename Enum> void choice(RecordField field, Enum value, Enum last)
    {
        const auto raw = static_cast<int>(value);
        if (raw < 0 || raw > static_cast<int>(last))
            add(field, Problem::InvalidChoice);
    }

    bool add(RecordField field, Problem problem, std::size_t limit = 0)
    {
        issues_.push_back({record_, field, problem, limit});
        return false;
    }

    std::vector<RecordIssue> take() { return std::move(issues_); }

private:
    RecordType record_;
    std::vector<RecordIssue> issues_;
};

std::string describeIssues(const std::vector<RecordIssue>& issues)
{
    std::string text = "invalid record:";
    for (const RecordIssue& issue : issues)
    {
        text += ' ';
        text += recordTypeName(issue.record);
        text += '.';
        text += recordFieldName(issue.field);
        text += " (problem " + std::to_string(static_cast<int>(issue.problem)) + ")";
    }
    return text;
}

} // namespace

std::string_view recordFieldName(RecordField field)
{
    return kFieldNames.at(static_cast<std::size_t>(field));
}

RecordValidationError::RecordValidationError(std::vector<RecordIssue> list)
    : std::runtime_error(describeIssues(list)), issues(std::move(list))
{
}

std::size_t maxLength(RecordType record, RecordField field)
{
    switch (field)
    {
    case RecordField::Name:
        return record == RecordType::File ? kMaxFileName : 200;
    case RecordField::Title:
        return 200;
    case RecordField::Role:
        return 100;
    case RecordField::Email:
        return 254;
    case RecordField::Phone:
        return 40;
    case RecordField::Number:
        return 50;
    case RecordField::Note:
        return 1000;
    case RecordField::MimeType:
        return kMaxMimeType;
    case RecordField::Text:
        return 100000;
    default:
        return 0;
    }
}

void tidy(Contact& contact)
{
    tidyLine(contact.name);
    tidyLine(contact.role);
    tidyEmail(contact.email);
    tidyLine(contact.phone);
}

void tidy(Project& project)
{
    tidyLine(project.name);
}

void tidy(TimeEntry& entry)
{
    tidyLine(entry.date);
    entry.note = tidyText(entry.note, true);
}

void tidy(Task& task)
{
    tidyLine(task.title);
    tidyLine(task.dueDate);
}

void tidy(PurchaseOrder& order)
{
    tidyLine(order.number);
    tidyLine(order.date);
    tidyCurrency(order.currency);
}

void tidy(Invoice& invoice)
{
    tidyLine(invoice.number);
    tidyLine(invoice.issueDate);
    tidyLine(invoice.dueDate);
    tidyCurrency(invoice.currency);
}

void tidy(Deal& deal)
{
    tidyLine(deal.title);
    tidyLine(deal.number);
    tidyLine(deal.date);
    tidyLine(deal.validUntil);
    tidyCurrency(deal.currency);
}

std::vector<RecordIssue> validate(const Contact& contact)
{
    Checker check(RecordType::Contact);
    check.text(RecordField::Name, contact.name, true);
    check.text(RecordField::Role, contact.role, false);
    check.email(RecordField::Email, contact.email);
    check.text(RecordField::Phone, contact.phone, false);
    return check.take();
}

std::vector<RecordIssue> validate(const Project& project)
{
    Checker check(RecordType::Project);
    check.text(RecordField::Name, project.name, true);
    check.choice(RecordField::Status, project.status, ProjectStatus::Closed);
    return check.take();
}

std::vector<RecordIssue> validate(const TimeEntry& entry)
{
    Checker check(RecordType::TimeEntry);
    check.date(RecordField::Date, entry.date, true);
    if (!std::isfinite(entry.hours) || entry.hours <= 0 || entry.hours > kMaxHours)
        check.add(RecordField::Hours, Problem::OutOfRange, static_cast<std::size_t>(kMaxHours));
    check.text(RecordField::Note, entry.note, false, true);
    return check.take();
}

std::vector<RecordIssue> validate(const Task& task)
{
    Checker check(RecordType::Task);
    check.text(RecordField::Title, task.title, true);
    check.date(RecordField::DueDate, task.dueDate, false);
    check.choice(RecordField::Status, task.status, TaskStatus::Done);
    return check.take();
}

std::vector<RecordIssue> validate(const PurchaseOrder& order)
{
    Checker check(RecordType::PurchaseOrder);
    check.text(RecordField::Number, order.number, true);
    check.date(RecordField::Date, order.date, false);
    check.notNegative(RecordField::Amount, order.amount);
    check.currency(order.currency);
    check.choice(RecordField::Status, order.status, OrderStatus::Closed);
    return check.take();
}

std::vector<RecordIssue> validate(const Invoice& invoice)
{
    Checker check(RecordType::Invoice);
    check.text(RecordField::Number, invoice.number, true);
    check.date(RecordField::IssueDate, invoice.issueDate, true);
    if (check.date(RecordField::DueDate, invoice.dueDate, false))
        check.order(RecordField::DueDate, invoice.issueDate, invoice.dueDate);
    std::int64_t sum = 0;
    if (__builtin_add_overflow(invoice.net, invoice.tax, &sum) || sum != invoice.total)
        check.add(RecordField::Total, Problem::TotalMismatch);
    check.currency(invoice.currency);
    check.choice(RecordField::Status, invoice.status, InvoiceStatus::Paid);
    return check.take();
}

std::vector<RecordIssue> validate(const Deal& deal)
{
    Checker check(RecordType::Deal);
    if (isBlank(deal.title) && isBlank(deal.number) && isCleanText(deal.title, false) &&
        isCleanText(deal.number, false))
        check.add(RecordField::Title, Problem::Required);
    else
    {
        check.text(RecordField::Title, deal.title, false);
        check.text(RecordField::Number, deal.number, false);
    }
    check.date(RecordField::Date, deal.date, false);
    check.notNegative(RecordField::Amount, deal.amount);
    check.currency(deal.currency);
    check.choice(RecordField::Stage, deal.stage, DealStage::Rejected);
    if (check.date(RecordField::ValidUntil, deal.validUntil, false))
        check.order(RecordField::ValidUntil, deal.date, deal.validUntil);
    return check.take();
}

std::vector<RecordIssue> validateFile(std::string_view name, std::string_view mimeType)
{
    Checker check(RecordType::File);
    check.text(RecordField::Name, name, true);
    if (check.text(RecordField::MimeType, mimeType, false) && !mimeType.empty())
    {
        // RFC 6838 section 4.2: type "/" subtype, each 1-127 of these characters; parameters
        // after ';' ("; charset=utf-8") are kept as given.
        std::string_view essence = mimeType.substr(0, mimeType.find(';'));
        while (!essence.empty() && essence.back() == ' ')
            essence.remove_suffix(1);
        const auto isNameChar = [](char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   std::string_view("!#$&-^_.+").find(c) != std::string_view::npos;
        };
        const auto slash = essence.find('/');
        const bool valid =
            slash != std::string_view::npos && slash > 0 && slash + 1 < essence.size() &&
            std::all_of(essence.begin(), essence.begin() + static_cast<std::ptrdiff_t>(slash),
                        isNameChar) &&
            std::all_of(essence.begin() + static_cast<std::ptrdiff_t>(slash) + 1, essence.end(),
                        isNameChar);
        if (!valid)
            check.add(RecordField::MimeType, Problem::InvalidChoice);
    }
    return check.take();
}

std::vector<RecordIssue> validateNote(std::string_view text)
{
    Checker check(RecordType::Note);
    check.text(RecordField::Text, text, true, true);
    return check.take();
}

} // namespace clientes
