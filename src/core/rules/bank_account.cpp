#include "core/rules/bank_account.hpp"

#include "core/rules/validation.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace clientes
{
namespace
{

struct IbanFormat
{
    std::string_view country;
    std::size_t length;    // the whole IBAN
    std::string_view bban; // SWIFT's notation: "4!n" four digits, "a" upper-case letters,
                           // "c" letters and digits
};

// The SWIFT IBAN Registry (release 103, 2026: Brazil's format allows letters in its first
// eight characters since), sorted by country. Territories that use
// another country's IBAN (the French overseas departments, Åland, the Channel Islands…) are
// not listed: their IBANs start with that country's code.
constexpr std::array kIbanFormats = {
    IbanFormat{"AD", 24, "4!n4!n12!c"},
    IbanFormat{"AE", 23, "3!n16!n"},
    IbanFormat{"AL", 28, "8!n16!c"},
    IbanFormat{"AT", 20, "5!n11!n"},
    IbanFormat{"AZ", 28, "4!a20!c"},
    IbanFormat{"BA", 20, "3!n3!n8!n2!n"},
    IbanFormat{"BE", 16, "3!n7!n2!n"},
    IbanFormat{"BG", 22, "4!a4!n2!n8!c"},
    IbanFormat{"BH", 22, "4!a14!c"},
    IbanFormat{"BI", 27, "5!n5!n11!n2!n"},
    IbanFormat{"BR", 29, "8!c5!n10!n1!c1!c"},
    IbanFormat{"BY", 28, "4!c4!n16!c"},
    IbanFormat{"CH", 21, "5!n12!c"},
    IbanFormat{"CR", 22, "4!n14!n"},
    IbanFormat{"CY", 28, "3!n5!n16!c"},
    IbanFormat{"CZ", 24, "4!n6!n10!n"},
    IbanFormat{"DE", 22, "8!n10!n"},
    IbanFormat{"DJ", 27, "5!n5!n11!n2!n"},
    IbanFormat{"DK", 18, "4!n9!n1!n"},
    IbanFormat{"DO", 28, "4!c20!n"},
    IbanFormat{"EE", 20, "2!n2!n11!n1!n"},
    IbanFormat{"EG", 29, "4!n4!n17!n"},
    IbanFormat{"ES", 24, "4!n4!n1!n1!n10!n"},
    IbanFormat{"FI", 18, "3!n11!n"},
    IbanFormat{"FK", 18, "2!a12!n"},
    IbanFormat{"FO", 18, "4!n9!n1!n"},
    IbanFormat{"FR", 27, "5!n5!n11!c2!n"},
    IbanFormat{"GB", 22, "4!a6!n8!n"},
    IbanFormat{"GE", 22, "2!a16!n"},
    IbanFormat{"GI", 23, "4!a15!c"},
    IbanFormat{"GL", 18, "4!n9!n1!n"},
    IbanFormat{"GR", 27, "3!n4!n16!c"},
    IbanFormat{"GT", 28, "4!c20!c"},
    IbanFormat{"HN", 28, "4!a20!n"},
    IbanFormat{"HR", 21, "7!n10!n"},
    IbanFormat{"HU", 28, "3!n4!n1!n15!n1!n"},
    IbanFormat{"IE", 22, "4!a6!n8!n"},
    IbanFormat{"IL", 23, "3!n3!n13!n"},
    IbanFormat{"IQ", 23, "4!a3!n12!n"},
    IbanFormat{"IS", 26, "4!n2!n6!n10!n"},
    IbanFormat{"IT", 27, "1!a5!n5!n12!c"},
    IbanFormat{"JO", 30, "4!a4!n18!c"},
    IbanFormat{"KW", 30, "4!a22!c"},
    IbanFormat{"KZ", 20, "3!n13!c"},
    IbanFormat{"LB", 28, "4!n20!c"},
    IbanFormat{"LC", 32, "4!a24!c"},
    IbanFormat{"LI", 21, "5!n12!c"},
    IbanFormat{"LT", 20, "5!n11!n"},
    IbanFormat{"LU", 20, "3!n13!c"},
    IbanFormat{"LV", 21, "4!a13!c"},
    IbanFormat{"LY", 25, "3!n3!n15!n"},
    IbanFormat{"MC", 27, "5!n5!n11!c2!n"},
    IbanFormat{"MD", 24, "2!c18!c"},
    IbanFormat{"ME", 22, "3!n13!n2!n"},
    IbanFormat{"MK", 19, "3!n10!c2!n"},
    IbanFormat{"MN", 20, "4!n12!n"},
    IbanFormat{"MR", 27, "5!n5!n11!n2!n"},
    IbanFormat{"MT", 31, "4!a5!n18!c"},
    IbanFormat{"MU", 30, "4!a2!n2!n12!n3!n3!a"},
    IbanFormat{"NI", 28, "4!a20!n"},
    IbanFormat{"NL", 18, "4!a10!n"},
    IbanFormat{"NO", 15, "4!n6!n1!n"},
    IbanFormat{"OM", 23, "3!n16!c"},
    IbanFormat{"PK", 24, "4!a16!c"},
    IbanFormat{"PL", 28, "8!n16!n"},
    IbanFormat{"PS", 29, "4!a21!c"},
    IbanFormat{"PT", 25, "4!n4!n11!n2!n"},
    IbanFormat{"QA", 29, "4!a21!c"},
    IbanFormat{"RO", 24, "4!a16!c"},
    IbanFormat{"RS", 22, "3!n13!n2!n"},
    IbanFormat{"RU", 33, "9!n5!n15!c"},
    IbanFormat{"SA", 24, "2!n18!c"},
    IbanFormat{"SC", 31, "4!a2!n2!n16!n3!a"},
    IbanFormat{"SD", 18, "2!n12!n"},
    IbanFormat{"SE", 24, "3!n16!n1!n"},
    IbanFormat{"SI", 19, "5!n8!n2!n"},
    IbanFormat{"SK", 24, "4!n6!n10!n"},
    IbanFormat{"SM", 27, "1!a5!n5!n12!c"},
    IbanFormat{"SO", 23, "4!n3!n12!n"},
    IbanFormat{"ST", 25, "4!n4!n11!n2!n"},
    IbanFormat{"SV", 28, "4!a20!n"},
    IbanFormat{"TL", 23, "3!n14!n2!n"},
    IbanFormat{"TN", 24, "2!n3!n13!n2!n"},
    IbanFormat{"TR", 26, "5!n1!n16!c"},
    IbanFormat{"UA", 29, "6!n19!c"},
    IbanFormat{"VA", 22, "3!n15!n"},
    IbanFormat{"VG", 24, "4!a16!n"},
    IbanFormat{"XK", 20, "4!n10!n2!n"},
    IbanFormat{"YE", 30, "4!a4!n18!c"},
};

static_assert(std::is_sorted(kIbanFormats.begin(), kIbanFormats.end(),
                             [](const IbanFormat& a, const IbanFormat& b)
                             { return a.country < b.country; }));

const IbanFormat* formatOf(std::string_view country)
{
    const auto found = std::lower_bound(kIbanFormats.begin(), kIbanFormats.end(), country,
                                        [](const IbanFormat& format, std::string_view code)
                                        { return format.country < code; });
    return found != kIbanFormats.end() && found->country == country ? &*found : nullptr;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

char upper(char c)
{
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Whether `bban` has the shape SWIFT's notation describes (its length already checked).
bool matchesFormat(std::string_view bban, std::string_view format)
{
    std::size_t at = 0;
    while (!format.empty())
    {
        std::size_t count = 0;
        while (!format.empty() && isDigit(format.front()))
        {
            count = count * 10 + static_cast<std::size_t>(format.front() - '0');
            format.remove_prefix(1);
        }
        if (format.size() < 2 || format[0] != '!')
            return false; // the table's own notation: fixed lengths only
        const char kind = format[1];
        format.remove_prefix(2);
        for (std::size_t i = 0; i < count; ++i, ++at)
        {
            if (at >= bban.size())
                return false;
            const char c = bban[at];
            const bool ok = kind == 'n'   ? isDigit(c)
                            : kind == 'a' ? isUpper(c)
                                          : isDigit(c) || isUpper(c);
            if (!ok)
                return false;
        }
    }
    return at == bban.size();
}

// The text without the spaces people put in numbers (a no-break space too) and, for an IBAN,
// the dashes and dots some write between its groups.
std::string withoutSeparators(std::string_view text, bool dashes)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0')
        {
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || (dashes && (c == '-' || c == '.')))
            continue;
        out += upper(c);
    }
    return out;
}

// ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end, letters
// as 10-35; 1 for a valid IBAN.
int mod97(std::string_view iban)
{
    int remainder = 0;
    const auto add = [&remainder](char c)
    {
        if (isDigit(c))
            remainder = (remainder * 10 + (c - '0')) % 97;
        else
            remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    };
    for (char c : iban.substr(4))
        add(c);
    for (char c : iban.substr(0, 4))
        add(c);
    return remainder;
}

} // namespace

IbanCheck checkIban(std::string_view text)
{
    IbanCheck check;
    check.electronic = withoutSeparators(text, true);
    const bool badCharacter = !std::all_of(check.electronic.begin(), check.electronic.end(),
                                           [](char c) { return isDigit(c) || isUpper(c); });
    // The paper format's "IBAN " before the number.
    if (check.electronic.size() > 4 && check.electronic.starts_with("IBAN") &&
        isUpper(check.electronic[4]))
        check.electronic.erase(0, 4);
    if (check.electronic.empty())
        return check;
    if (check.electronic.size() >= 2 && isUpper(check.electronic[0]) &&
        isUpper(check.electronic[1]))
        check.country = check.electronic.substr(0, 2);
    if (badCharacter)
    {
        check.verdict = IbanVerdict::BadCharacters;
        return check;
    }
    const IbanFormat* format = formatOf(check.country);
    if (!format)
    {
        check.verdict = IbanVerdict::UnknownCountry;
        return check;
    }
    check.expectedLength = format->length;
    if (check.electronic.size() != format->length)
    {
        check.verdict = IbanVerdict::WrongLength;
        return check;
    }
    if (!isDigit(check.electronic[2]) || !isDigit(check.electronic[3]) ||
        !matchesFormat(std::string_view(check.electronic).substr(4), format->bban))
    {
        check.verdict = IbanVerdict::WrongFormat;
        return check;
    }
    check.verdict = mod97(check.electronic) == 1 ? IbanVerdict::Valid : IbanVerdict::BadCheckDigits;
    return check;
}

std::string printIban(std::string_view electronic)
{
    std::string out;
    for (std::size_t i = 0; i < electronic.size(); ++i)
    {
        if (i > 0 && i % 4 == 0)
            out += ' ';
        out += electronic[i];
    }
    return out;
}

std::size_t ibanLength(std::string_view country)
{
    const IbanFormat* format = formatOf(country);
    return format ? format->length : 0;
}

BicCheck checkBic(std::string_view text)
{
    BicCheck check;
    check.normalized = withoutSeparators(text, false);
    if (check.normalized.empty())
        return check;
    const std::string& bic = check.normalized;
    const bool shape =
        (bic.size() == 8 || bic.size() == 11) &&
        std::all_of(bic.begin(), bic.end(), [](char c) { return isDigit(c) || isUpper(c); }) &&
        isUpper(bic[4]) && isUpper(bic[5]);
    if (!shape)
    {
        check.verdict = BicVerdict::WrongFormat;
        return check;
    }
    check.country = bic.substr(4, 2);
    check.verdict = isCountryCode(check.country) ? BicVerdict::Valid : BicVerdict::UnknownCountry;
    return check;
}

} // namespace clientes
