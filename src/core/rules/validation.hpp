#pragma once

#include "core/model/client.hpp"
#include "core/text/utf8.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

enum class Problem
{
    Required,
    InvalidEmail,
    TooLong,
    InvalidCountry,
    InvalidText,  // bad UTF-8 or control characters
    ReadOnly,     // not produced by validate(); for callers that refuse writes to e.g. Code
    UnknownField, // not produced by validate(); for callers resolving field names
    // Since schema v3 (client kind, tags, payment terms, currency; the profile records):
    InvalidChoice,   // not one of the allowed values (kind "company"/"person"…)
    InvalidCurrency, // not an ISO 4217 code
    InvalidNumber,   // not a number (payment terms "30 días")
    OutOfRange,      // a number outside its range; limit = the maximum (365 days, 24 hours)
    InvalidDate,     // not an ISO date "YYYY-MM-DD" of a real day
    DateOrder,       // a date before the one it follows (due before issue)
    TotalMismatch,   // an invoice total that is not net + tax
    Duplicate,       // already used by another record (invoice number)
    TagTooLong       // one tag longer than limit characters
};

struct FieldIssue
{
    Field field;
    Problem problem;
    std::size_t limit = 0; // TooLong, TagTooLong: maximum characters; OutOfRange: maximum

    bool operator==(const FieldIssue&) const = default;
};

// Maximum length of a field in Unicode code points (0 = not limited here).
std::size_t maxLength(Field field);

// Longest tag in characters.
inline constexpr std::size_t kMaxTagLength = 50;
// Payment terms in days: 0 (cash) to this.
inline constexpr int kMaxPaymentTermDays = 365;

// Trims spaces (ASCII, NBSP and other Unicode spaces) of every field, collapses internal
// whitespace runs in single-line fields, turns CR LF into LF in notes, lower-cases the e-mail
// domain part and the kind, upper-cases the country and currency, drops leading zeros of the
// payment terms, and writes the tags as "a, b" without empty ones or duplicates (ignoring case
// and accents; the first spelling stays). A value that did not start with = + - or @ never
// does after tidying: one ASCII space stays in front when trimming would uncover one.
void tidy(Client& client);

// All problems of the client, in field order; empty when it can be stored.
std::vector<FieldIssue> validate(const Client& client);

// Shared by the profile records' validation (profile_validation.hpp).
// Trimmed text; single-line text also gets inner white-space runs collapsed to one space and
// multi-line text CR LF / CR turned into LF. Trimming never makes text formula-like: when
// the first character left would be = + - or @ (text that started with white space), one
// ASCII space is kept in front ("\t=1+1" → " =1+1"). tidy(Client) follows the same rule.
std::string tidyText(std::string_view text, bool multiLine);
// Valid UTF-8 without control characters (multi-line text may have LF and TAB).
bool isCleanText(std::string_view text, bool multiLine);
bool isBlank(std::string_view text);
// Text starting with = + - or @, which spreadsheets read as the start of a formula.
bool startsLikeFormula(std::string_view text);
bool isValidEmail(std::string_view email);

// Canonical form of a tax ID for comparisons: no spaces, dots, dashes or slashes, upper case,
// without a leading 2-letter prefix equal to `country` ("EL" for "GR").
std::string normalizeTaxId(std::string_view raw, std::string_view country);

// An officially assigned ISO 3166-1 alpha-2 code (upper case), or XK (Kosovo).
bool isCountryCode(std::string_view code);

class ValidationError : public std::runtime_error
{
public:
    explicit ValidationError(std::vector<FieldIssue> issues);
    std::vector<FieldIssue> issues;
};

} // namespace clientes
