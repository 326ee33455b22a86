#include "core/text/locale.hpp"

#include <algorithm>
#include <optional>

namespace clientes
{
namespace
{
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Splits "22/11/2033" into runs of digits and what lies between them.
struct Runs
{
    std::vector<std::string> digits;
    std::vector<std::string> between; // before the first run, between runs, after the last
};

Runs runsOf(std::string_view text)
{
    Runs runs;
    std::string literal;
    for (std::size_t i = 0; i < text.size();)
    {
        if (isDigit(text[i]))
        {
            std::size_t end = i;
            while (end < text.size() && isDigit(text[end]))
                ++end;
            runs.between.push_back(literal);
            literal.clear();
            runs.digits.emplace_back(text.substr(i, end - i));
            i = end;
        }
        else
            literal += text[i++];
    }
    runs.between.push_back(literal);
    return runs;
}

std::string twoDigits(int value)
{
    return (value < 10 ? "0" : "") + std::to_string(value);
}
} // namespace

Locale::Locale(Language language) : language(language)
{
    if (language == Language::En)
    {
        decimalSeparator = ".";
        thousandSeparator = ",";
    }
}

std::string_view Locale::symbolOf(std::string_view code) const
{
    for (const auto& [known, symbol] : currencySymbols)
        if (known == code)
            return symbol;
    return code;
}

std::string groupDigits(std::int64_t number, const Locale& locale)
{
    const std::string digits = std::to_string(number < 0 ? -static_cast<unsigned long long>(number)
                                                         : static_cast<unsigned long long>(number));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += locale.thousandSeparator;
        grouped += digits[i];
    }
    return number < 0 ? "-" + grouped : grouped;
}

std::string localizedDecimal(std::string_view plain, const Locale& locale, bool grouped)
{
    const bool negative = !plain.empty() && plain.front() == '-';
    if (negative)
        plain.remove_prefix(1);
    const auto point = plain.find('.');
    const std::string_view whole = plain.substr(0, point);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i)
    {
        if (grouped && i > 0 && (whole.size() - i) % 3 == 0)
            out += locale.thousandSeparator;
        out += whole[i];
    }
    if (point != std::string_view::npos)
        out += locale.decimalSeparator + std::string(plain.substr(point + 1));
    return negative ? "-" + out : out;
}

std::string withCurrency(std::string_view number, std::string_view currency, const Locale& locale)
{
    if (currency.empty())
        return std::string(number);
    const bool negative = !number.empty() && number.front() == '-';
    if (negative)
        number.remove_prefix(1);
    const std::string_view symbol = locale.symbolOf(currency);
    // An ISO code is a word: always apart from the number.
    const std::string gap =
        symbol == currency && locale.currency.gap.empty() ? " " : locale.currency.gap;
    const std::string minus = negative ? "-" : "";
    if (!locale.currency.symbolFirst)
        return minus + std::string(number) + gap + std::string(symbol);
    if (locale.currency.minusBeforeSymbol)
        return minus + std::string(symbol) + gap + std::string(number);
    return std::string(symbol) + gap + minus + std::string(number);
}

std::string formatDate(std::string_view iso, const Locale& locale)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' ||
        !std::all_of(iso.begin(), iso.end(), [](char c) { return isDigit(c) || c == '-'; }))
        return std::string(iso);
    const std::string_view year = iso.substr(0, 4);
    const int month = std::stoi(std::string(iso.substr(5, 2)));
    const int day = std::stoi(std::string(iso.substr(8, 2)));
    const std::string_view pattern = locale.datePattern;
    std::string out;
    for (std::size_t i = 0; i < pattern.size();)
    {
        const auto starts = [&](std::string_view token)
        { return pattern.substr(i, token.size()) == token; };
        if (starts("YYYY"))
        {
            out += year;
            i += 4;
        }
        else if (starts("YY"))
        {
            out += year.substr(2);
            i += 2;
        }
        else if (starts("MM") || starts("DD"))
        {
            out += twoDigits(pattern[i] == 'M' ? month : day);
            i += 2;
        }
        else if (pattern[i] == 'M' || pattern[i] == 'D')
            out += std::to_string(pattern[i++] == 'M' ? month : day);
        else
            out += pattern[i++];
    }
    return out;
}

std::string formatDateTime(std::string_view isoLocal, const Locale& locale)
{
    if (isoLocal.size() != 16 || isoLocal[10] != ' ' || isoLocal[13] != ':')
        return std::string(isoLocal);
    return formatDate(isoLocal.substr(0, 10), locale) + " " + std::string(isoLocal.substr(11, 2)) +
           locale.timeSeparator + std::string(isoLocal.substr(14, 2));
}

std::optional<Locale::CurrencyLayout> currencyLayoutOf(std::string_view code)
{
    // The sections of a format code: positive;negative (";" inside [...] or "..." does not count).
    std::vector<std::string_view> sections;
    bool quoted = false;
    int bracket = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < code.size(); ++i)
    {
        const char c = code[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '[')
            ++bracket;
        else if (!quoted && c == ']' && bracket > 0)
            --bracket;
        else if (!quoted && bracket == 0 && c == '\\')
            ++i;
        else if (!quoted && bracket == 0 && c == ';')
        {
            sections.push_back(code.substr(start, i - start));
            start = i + 1;
        }
    }
    sections.push_back(code.substr(start));

    // Where a section has its symbol ([$€-C0A] or "R$") and its digits.
    struct Parts
    {
        std::size_t symbolBegin = std::string_view::npos, symbolEnd = 0;
        std::size_t digitsBegin = std::string_view::npos, digitsEnd = 0;
        std::size_t minus = std::string_view::npos;
    };
    const auto partsOf = [](std::string_view section)
    {
        Parts parts;
        for (std::size_t i = 0; i < section.size(); ++i)
        {
            const char c = section[i];
            if (c == '[')
            {
                const std::size_t close = section.find(']', i);
                if (close == std::string_view::npos)
                    break;
                if (section.substr(i, 2) == "[$" && parts.symbolBegin == std::string_view::npos)
                {
                    parts.symbolBegin = i;
                    parts.symbolEnd = close + 1;
                }
                i = close;
            }
            else if (c == '"')
            {
                const std::size_t close = section.find('"', i + 1);
                if (close == std::string_view::npos)
                    break;
                if (close > i + 1 && parts.symbolBegin == std::string_view::npos &&
                    section.substr(i + 1, close - i - 1).find_first_not_of(" ") !=
                        std::string_view::npos)
                {
                    parts.symbolBegin = i;
                    parts.symbolEnd = close + 1;
                }
                i = close;
            }
            else if (c == '#' || c == '0' || c == '?')
            {
                if (parts.digitsBegin == std::string_view::npos)
                    parts.digitsBegin = i;
                parts.digitsEnd = i + 1;
            }
            else if (c == '-' && parts.minus == std::string_view::npos)
                parts.minus = i;
        }
        return parts;
    };
    const Parts positive = partsOf(sections.front());
    if (positive.symbolBegin == std::string_view::npos ||
        positive.digitsBegin == std::string_view::npos)
        return std::nullopt;
    Locale::CurrencyLayout layout;
    layout.symbolFirst = positive.symbolBegin < positive.digitsBegin;
    const std::string_view between =
        layout.symbolFirst
            ? sections.front().substr(positive.symbolEnd, positive.digitsBegin - positive.symbolEnd)
            : sections.front().substr(positive.digitsEnd,
                                      positive.symbolBegin - positive.digitsEnd);
    layout.gap.clear();
    if (between.find("\xC2\xA0") != std::string_view::npos)
        layout.gap = "\xC2\xA0"; // a no-break space
    else if (between.find(' ') != std::string_view::npos ||
             between.find("\\ ") != std::string_view::npos)
        layout.gap = " ";
    if (sections.size() > 1)
    {
        const Parts negative = partsOf(sections[1]);
        if (negative.minus != std::string_view::npos &&
            negative.symbolBegin != std::string_view::npos)
            layout.minusBeforeSymbol = negative.minus < negative.symbolBegin;
    }
    return layout;
}

std::optional<std::string> datePatternOf(std::string_view late, std::string_view early)
{
    const Runs a = runsOf(late);
    const Runs b = runsOf(early);
    if (a.digits.size() != 3 || b.digits.size() != 3 || a.between != b.between)
        return std::nullopt;
    std::string pattern = a.between[0];
    bool day = false, month = false, year = false;
    for (std::size_t i = 0; i < 3; ++i)
    {
        const std::string& run = a.digits[i];
        const bool padded = b.digits[i].size() == 2;
        if (run == "22" && !day)
        {
            pattern += padded ? "DD" : "D";
            day = true;
        }
        else if (run == "11" && !month)
        {
            pattern += padded ? "MM" : "M";
            month = true;
        }
        else if ((run == "2033" || run == "33") && !year)
        {
            pattern += "YYYY"; // always four digits: the year of an invoice must not be guessed
            year = true;
        }
        else
            return std::nullopt;
        pattern += a.between[i + 1];
    }
    return pattern;
}
} // namespace clientes
