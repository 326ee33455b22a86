#include "core/rules/validation.hpp"

#include "core/model/record_kinds.hpp"
#include "core/rules/tax_id.hpp"
#include "core/text/ascii.hpp"

#include "core/rules/profile_money.hpp"
#include "core/text/text_fold.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace clientes
{

namespace
{

// Officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which is user-assigned but
// used by the EU and most banks. Sorted, so membership is a binary search.
constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS XK YE YT ZA ZM ZW";

bool knownCountryCode(std::string_view code)
{
    if (code.size() != 2)
        return false;
    std::size_t lo = 0;
    std::size_t hi = (kCountries.size() + 1) / 3;
    while (lo < hi)
    {
        const std::size_t mid = (lo + hi) / 2;
        const std::string_view candidate = kCountries.substr(mid * 3, 2);
        if (candidate == code)
            return true;
        if (candidate < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

bool isUpperAscii(char c)
{
    return c >= 'A' && c <= 'Z';
}

// Removes leading/trailing white space; with `collapse`, every inner run becomes one ' '.
// True when trimSpaces would return the text as it is: no space at either end, no run of
// spaces to collapse, and no byte that could begin another kind of space (control
// characters, and the lead bytes of U+00A0, U+1680, U+2000–U+205F, U+3000 and U+FEFF).
// Most cells of a sheet pass, and then cost one scan instead of a decode per character.
bool alreadyTrimmed(std::string_view text, bool collapse)
{
    if (text.empty())
        return true;
    if (text.front() == ' ' || text.back() == ' ')
        return false;
    char previous = '\0';
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 ||
            byte == 0xEF)
            return false;
        if (collapse && c == ' ' && previous == ' ')
            return false;
        previous = c;
    }
    return true;
}

bool formulaStart(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@';
}

std::string trimSpaces(std::string_view text, bool collapse)
{
    if (alreadyTrimmed(text, collapse))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 1);
    bool pendingSpace = false;
    bool leadingSpace = false;
    for (std::size_t pos = 0; pos < text.size();)
    {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        if (cp != utf8::kInvalid && utf8::isSpace(cp))
        {
            if (out.empty())
                leadingSpace = true;
            else
            {
                if (collapse)
                    pendingSpace = true;
                else
                    out.append(text.substr(start, pos - start));
            }
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out.append(text.substr(start, pos - start));
    }
    if (!collapse)
    {
        // Spaces were copied verbatim; drop the trailing ones now that the end is known.
        std::size_t end = 0;
        for (std::size_t pos = 0; pos < out.size();)
        {
            const char32_t cp = utf8::next(out, pos);
            if (cp == utf8::kInvalid || !utf8::isSpace(cp))
                end = pos;
        }
        out.resize(end);
    }
    // Text that did not start like a formula never does after trimming ("\t=1+1" would
    // become "=1+1", which a spreadsheet or a CSV reader takes for a formula): one ASCII
    // space stays in front. Stable: the space is trimmed and put back the next time.
    if (leadingSpace && !out.empty() && formulaStart(out.front()))
        out.insert(out.begin(), ' ');
    return out;
}

std::string unifyLineBreaks(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '\r')
        {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        }
        else
        {
            out += text[i];
        }
    }
    return out;
}

bool blank(std::string_view text)
{
    for (std::size_t pos = 0; pos < text.size();)
    {
        const char32_t cp = utf8::next(text, pos);
        if (cp == utf8::kInvalid || !utf8::isSpace(cp))
            return false;
    }
    return true;
}

// Valid UTF-8 without C0/C1 controls or DEL; `multiLine` additionally allows LF and TAB.
bool cleanText(std::string_view text, bool multiLine)
{
    // Printable ASCII needs no decoding.
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
        return true;
    for (std::size_t pos = 0; pos < text.size();)
    {
        const char32_t cp = utf8::next(text, pos);
        if (cp == utf8::kInvalid)
            return false;
        const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
        if (control && !(multiLine && (cp == '\n' || cp == '\t')))
            return false;
    }
    return true;
}

bool isValidLocalPart(std::string_view local)
{
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos)
        return false;
    return local.find_first_of("()<>[]\\,;:\"") == std::string_view::npos;
}

bool isValidDomainLabel(std::string_view label)
{
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    return std::all_of(label.begin(), label.end(),
                       [](char c)
                       {
                           const auto byte = static_cast<unsigned char>(c);
                           // Bytes >= 0x80 are parts of internationalised (IDN) labels.
                           return byte >= 0x80 || c == '-' || (c >= '0' && c <= '9') ||
                                  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                       });
}

bool isValidDomain(std::string_view domain)
{
    if (domain.size() > 253)
        return false;
    std::size_t labels = 0;
    std::string_view tld;
    for (std::size_t start = 0;;)
    {
        const std::size_t dot = domain.find('.', start);
        const std::string_view label = domain.substr(start, dot - start);
        if (!isValidDomainLabel(label))
            return false;
        ++labels;
        tld = label;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    const bool numericTld =
        std::all_of(tld.begin(), tld.end(), [](char c) { return c >= '0' && c <= '9'; });
    return labels >= 2 && tld.size() >= 2 && !numericTld;
}

bool validEmail(std::string_view email)
{
    for (std::size_t pos = 0; pos < email.size();)
    {
        const char32_t cp = utf8::next(email, pos);
        if (cp == utf8::kInvalid || cp <= 0x20 || cp == 0x7F || utf8::isSpace(cp))
            return false;
    }
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos)
        return false;
    return isValidLocalPart(email.substr(0, at)) && isValidDomain(email.substr(at + 1));
}

// "vip,  Mayorista , VIP,, mayorista" → "vip, Mayorista".
std::string tidyTags(std::string_view text)
{
    std::vector<std::string> tags;
    std::vector<std::string> keys;
    for (const std::string& raw : splitTags(text))
    {
        std::string tag = trimSpaces(raw, true);
        if (tag.empty())
            continue;
        // Tags of punctuation only fold to nothing; they are compared as written.
        std::string key = foldForSearch(tag);
        if (key.empty())
            key = tag;
        if (std::find(keys.begin(), keys.end(), key) != keys.end())
            continue;
        keys.push_back(std::move(key));
        tags.push_back(std::move(tag));
    }
    return joinTags(tags);
}

// "030" → "30", "000" → "0"; anything else unchanged (validation reports it).
std::string dropLeadingZeros(std::string_view text)
{
    std::string out = trimSpaces(text, true);
    if (out.size() > 1 &&
        std::all_of(out.begin(), out.end(), [](char c) { return c >= '0' && c <= '9'; }))
    {
        const auto first = out.find_first_not_of('0');
        out.erase(0, first == std::string::npos ? out.size() - 1 : first);
    }
    return out;
}

std::optional<FieldIssue> paymentTermsIssue(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    const bool negative = text.front() == '-';
    const std::string_view digits = negative ? text.substr(1) : text;
    if (digits.empty() || digits.size() > 9 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return FieldIssue{Field::PaymentTerms, Problem::InvalidNumber};
    if (negative || std::stoi(std::string(digits)) > kMaxPaymentTermDays)
        return FieldIssue{Field::PaymentTerms, Problem::OutOfRange,
                          static_cast<std::size_t>(kMaxPaymentTermDays)};
    return std::nullopt;
}

std::string describeIssues(const std::vector<FieldIssue>& issues)
{
    static constexpr std::string_view kProblems[] = {
        "required",         "invalid e-mail", "too long",      "invalid country",
        "invalid text",     "read-only",      "unknown field", "invalid choice",
        "invalid currency", "invalid number", "out of range",  "invalid date",
        "date order",       "total mismatch", "duplicate",     "tag too long"};
    std::string text = "invalid client:";
    for (const FieldIssue& issue : issues)
    {
        text += ' ';
        text += fieldName(issue.field);
        text += " (";
        text += kProblems[static_cast<std::size_t>(issue.problem)];
        text += ')';
    }
    return text;
}

} // namespace

std::size_t maxLength(Field field)
{
    // From the client's description, looked up once (validate() asks for every field).
    static const auto limits = []
    {
        std::array<std::size_t, std::tuple_size_v<std::decay_t<decltype(allFields())>>> table{};
        for (const auto& described : kindOf<Client>().fields)
            if (const Field* key = std::get_if<Field>(&described.label))
                table.at(static_cast<std::size_t>(*key)) = described.maxLength;
        return table;
    }();
    return limits.at(static_cast<std::size_t>(field));
}

void tidy(Client& client)
{
    for (Field field : allFields())
    {
        std::string& text = client.value(field);
        if (field == Field::Notes)
            text = trimSpaces(unifyLineBreaks(text), false);
        else
            text = trimSpaces(text, true);
    }
    const std::size_t at = client.email.rfind('@');
    if (at != std::string::npos)
        std::transform(client.email.begin() + static_cast<std::ptrdiff_t>(at), client.email.end(),
                       client.email.begin() + static_cast<std::ptrdiff_t>(at), asciiLower);
    std::transform(client.country.begin(), client.country.end(), client.country.begin(),
                   asciiUpper);
    std::transform(client.currency.begin(), client.currency.end(), client.currency.begin(),
                   asciiUpper);
    std::transform(client.kind.begin(), client.kind.end(), client.kind.begin(), asciiLower);
    // Tags are trimmed one by one: the first one must not uncover a formula either.
    const bool tagsLikeFormula = startsLikeFormula(client.tags);
    client.tags = tidyTags(client.tags);
    if (!tagsLikeFormula && startsLikeFormula(client.tags))
        client.tags.insert(client.tags.begin(), ' ');
    client.paymentTerms = dropLeadingZeros(client.paymentTerms);
}

std::vector<FieldIssue> validate(const Client& client)
{
    // Field-specific checks first; the loop below skips the fields they handled.
    const auto specific = [&client](Field field) -> std::optional<FieldIssue>
    {
        const std::string& text = client.value(field);
        switch (field)
        {
        case Field::Kind:
            if (!text.empty() && text != kKindCompany && text != kKindPerson)
                return FieldIssue{field, Problem::InvalidChoice};
            return std::nullopt;
        case Field::Currency:
            if (!text.empty() && !isCurrencyCode(text))
                return FieldIssue{field, Problem::InvalidCurrency};
            return std::nullopt;
        case Field::PaymentTerms:
            return paymentTermsIssue(text);
        case Field::Tags:
            for (const std::string& tag : splitTags(text))
                if (utf8::length(tag) > kMaxTagLength)
                    return FieldIssue{field, Problem::TagTooLong, kMaxTagLength};
            return std::nullopt;
        default:
            return std::nullopt;
        }
    };

    std::vector<FieldIssue> issues;
    for (Field field : allFields())
    {
        const std::string& text = client.value(field);
        if (!cleanText(text, field == Field::Notes))
        {
            issues.push_back({field, Problem::InvalidText});
            continue;
        }
        if (field == Field::LegalName && blank(text))
        {
            issues.push_back({field, Problem::Required});
            continue;
        }
        if (field == Field::Country)
        {
            if (!text.empty() && !isCountryCode(text))
                issues.push_back({field, Problem::InvalidCountry});
            continue;
        }
        if (field == Field::Kind || field == Field::Currency || field == Field::PaymentTerms)
        {
            if (auto issue = specific(field))
                issues.push_back(*issue);
            continue;
        }
        const std::size_t limit = maxLength(field);
        if (limit != 0 && utf8::length(text) > limit)
        {
            issues.push_back({field, Problem::TooLong, limit});
            continue;
        }
        if (field == Field::Email && !text.empty() && !validEmail(text))
            issues.push_back({field, Problem::InvalidEmail});
        if (field == Field::Tags)
            if (auto issue = specific(field))
                issues.push_back(*issue);
    }
    return issues;
}

std::string tidyText(std::string_view text, bool multiLine)
{
    return multiLine ? trimSpaces(unifyLineBreaks(text), false) : trimSpaces(text, true);
}

bool isCleanText(std::string_view text, bool multiLine)
{
    return cleanText(text, multiLine);
}

bool isBlank(std::string_view text)
{
    return blank(text);
}

bool startsLikeFormula(std::string_view text)
{
    return !text.empty() && formulaStart(text.front());
}

bool isValidEmail(std::string_view email)
{
    return validEmail(email);
}

std::string normalizeTaxId(std::string_view raw, std::string_view country)
{
    // The characters follow the tax-ID module's rules; the prefix is dropped only when it is
    // the client's own country, so that "PTB12345678" never matches a Spanish B12345678.
    std::string out = compactTaxId(raw);
    std::string upperCountry(country);
    std::transform(upperCountry.begin(), upperCountry.end(), upperCountry.begin(), asciiUpper);
    if (upperCountry.size() == 2 && isUpperAscii(upperCountry[0]) &&
        isUpperAscii(upperCountry[1]) && out.size() > 2 &&
        isCountryPrefix(std::string_view(out).substr(0, 2), upperCountry))
        out.erase(0, 2);
    return out;
}

ValidationError::ValidationError(std::vector<FieldIssue> list)
    : std::runtime_error(describeIssues(list)), issues(std::move(list))
{
}

bool isCountryCode(std::string_view code)
{
    return knownCountryCode(code);
}

} // namespace clientes
