#include "core/rules/profile_validation.hpp"

#include "core/model/record_kinds.hpp"
#include "core/rules/bank_account.hpp"
#include "core/rules/dates.hpp"
#include "core/rules/profile_money.hpp"
#include "core/text/ascii.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace clientes
{

namespace
{

constexpr std::size_t kMaxNote = 100000;

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
        return text(field, value, required, multiLine, maxLength(record_, field));
    }
    bool text(RecordField field, std::string_view value, bool required, bool multiLine,
              std::size_t limit)
    {
        if (!isCleanText(value, multiLine))
            return add(field, Problem::InvalidText);
        if (required && isBlank(value))
            return add(field, Problem::Required);
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

RecordValidationError::RecordValidationError(std::vector<RecordIssue> list)
    : std::runtime_error(describeIssues(list)), issues(std::move(list))
{
}

std::size_t maxLength(RecordType record, RecordField field)
{
    if (record == RecordType::Note)
        return field == RecordField::Text ? kMaxNote : 0;
    return withRecordKind(record,
                          [field](const auto& kind) -> std::size_t
                          {
                              for (const auto& described : kind.fields)
                                  if (described.label == LabelKey(field))
                                      return described.maxLength;
                              return 0;
                          });
}

namespace
{
const std::string& textOf(const FieldValue& value)
{
    return std::get<std::string>(value);
}

// Tidies the text the user writes, as its field's type says.
template <typename Record> void tidyRecord(Record& record)
{
    for (const auto& field : kindOf<Record>().fields)
    {
        if (field.readOnly() || !holdsText(field.type) || field.type == FieldType::Choice)
            continue;
        std::string text = textOf(field.get(record));
        switch (field.type)
        {
        case FieldType::MultiLineText:
            text = tidyText(text, true);
            break;
        case FieldType::Email:
            tidyEmail(text);
            break;
        case FieldType::Currency:
        case FieldType::Country:
            tidyCurrency(text); // upper case, no spaces
            break;
        default:
            tidyLine(text);
            break;
        }
        field.set(record, FieldValue(std::move(text)));
    }
}

// The problems of every field the user writes, in the description's order.
template <typename Record> std::vector<RecordIssue> validateRecord(const Record& record)
{
    const auto& kind = kindOf<Record>();
    Checker check(*kind.info.type);
    const auto valueOf = [&](std::string_view name) { return kind.field(name)->get(record); };
    for (const auto& field : kind.fields)
    {
        if (field.readOnly())
            continue;
        const RecordField key = std::get<RecordField>(field.label);
        const FieldValue value = field.get(record);
        switch (field.type)
        {
        case FieldType::Text:
        case FieldType::MultiLineText:
        case FieldType::Email:
        {
            bool required = field.required;
            if (required && !field.requiredUnless.empty())
            {
                // Either of the two will do: blank (and clean) both is this one's problem.
                const FieldValue other = valueOf(field.requiredUnless);
                required = isBlank(textOf(other)) && isCleanText(textOf(other), false);
            }
            const std::string& text = textOf(value);
            if (check.text(key, text, required, field.type == FieldType::MultiLineText,
                           field.maxLength) &&
                field.type == FieldType::Email && !text.empty() && !isValidEmail(text))
                check.add(key, Problem::InvalidEmail);
            break;
        }
        case FieldType::Date:
            if (check.date(key, textOf(value), field.required) && !field.notBefore.empty())
                check.order(key, textOf(valueOf(field.notBefore)), textOf(value));
            break;
        case FieldType::Money:
        {
            const std::int64_t amount = std::get<std::int64_t>(value);
            if (field.nonNegative)
                check.notNegative(key, amount);
            if (!field.sumOf.empty())
            {
                std::int64_t sum = 0;
                bool overflow = false;
                for (std::string_view part : field.sumOf)
                    overflow = overflow || __builtin_add_overflow(
                                               sum, std::get<std::int64_t>(valueOf(part)), &sum);
                if (overflow || sum != amount)
                    check.add(key, Problem::TotalMismatch);
            }
            break;
        }
        case FieldType::Currency:
            check.currency(textOf(value));
            break;
        case FieldType::Country:
            if (!textOf(value).empty() && !isCountryCode(textOf(value)))
                check.add(key, Problem::InvalidCountry);
            break;
        case FieldType::Hours:
        {
            const double hours = std::get<double>(value);
            if (!std::isfinite(hours) || hours <= 0 || hours > field.maximum)
                check.add(key, Problem::OutOfRange, static_cast<std::size_t>(field.maximum));
            break;
        }
        case FieldType::Choice:
            if (std::find(field.choices.begin(), field.choices.end(), textOf(value)) ==
                field.choices.end())
                check.add(key, Problem::InvalidChoice);
            break;
        default:
            break;
        }
    }
    return check.take();
}
} // namespace

// The overloads profile_validation.hpp declares, a pair per record kind.
#define CLIENTES_RECORD_RULES(Record)                                                              \
    void tidy(Record& record)                                                                      \
    {                                                                                              \
        tidyRecord(record);                                                                        \
    }                                                                                              \
    std::vector<RecordIssue> validate(const Record& record)                                        \
    {                                                                                              \
        return validateRecord(record);                                                             \
    }
CLIENTES_RECORD_RULES(Contact)
CLIENTES_RECORD_RULES(Project)
CLIENTES_RECORD_RULES(TimeEntry)
CLIENTES_RECORD_RULES(Task)
CLIENTES_RECORD_RULES(PurchaseOrder)
CLIENTES_RECORD_RULES(Invoice)
CLIENTES_RECORD_RULES(Deal)
CLIENTES_RECORD_RULES(Address)
#undef CLIENTES_RECORD_RULES

// An IBAN that reads as one is kept in its electronic form ("ES9121000418450200051332"), a
// BIC without spaces, in upper case; anything else as written (the check's verdict says why).
void tidy(BankAccount& account)
{
    tidyRecord(account);
    const IbanCheck iban = checkIban(account.iban);
    if (iban.verdict != IbanVerdict::Empty && iban.verdict != IbanVerdict::BadCharacters)
        account.iban = iban.electronic;
    const BicCheck bic = checkBic(account.bic);
    if (bic.verdict != BicVerdict::Empty)
        account.bic = bic.normalized;
}

std::vector<RecordIssue> validate(const BankAccount& account)
{
    return validateRecord(account);
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
