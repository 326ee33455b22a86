// How numbers, dates and amounts are written for the user: the office's locale (Tools ▸ Options ▸
// Language Settings ▸ Languages ▸ Locale setting: language AND country), as the UNO side reads
// it from LibreOffice's own locale data (uno/support/office_locale). Plain data: the core formats
// with it and its tests give it by hand.
//
//   es-ES  1.234,56 €     04/12/2026        pt-BR  R$ 1.234,56   04/12/2026
//   es-MX  $1,234.56      04/12/2026        en-GB  £1,234.56     04/12/2026
//
// A Locale made from a Language alone (no office data: the core's tests, a failed read) writes
// figures as earlier versions did: the language's separators, ISO dates, "1.234,56 EUR".
#pragma once

#include "core/text/language.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{
struct Locale
{
    // The words: the UI language's catalogue.
    Language language = Language::Es;
    // The figures' locale, "es-MX"; empty for a Locale made from a language alone.
    std::string tag;
    std::string decimalSeparator = ",";
    std::string thousandSeparator = ".";
    // The date as the locale writes it with a four-digit year: "DD/MM/YYYY", "MM/DD/YYYY",
    // "DD.MM.YYYY"; D and M without leading zero, YY two digits; other characters as they are.
    std::string datePattern = "YYYY-MM-DD";
    std::string timeSeparator = ":";
    // Where the locale puts a currency's symbol ("$1,234.56", "1.234,56 €", "R$ 1.234,56") and
    // its minus ("-$1.00" or "$ -1.00").
    struct CurrencyLayout
    {
        bool symbolFirst = false;
        std::string gap = " "; // between symbol and number: "", " " or a no-break space
        bool minusBeforeSymbol = true;
    } currency;
    // The symbol written for a currency code ("EUR" → "€", "BRL" → "R$"); a code not listed is
    // written as it is, apart from the number ("USD 1,234.56", "1.234,56 USD").
    std::vector<std::pair<std::string, std::string>> currencySymbols;

    Locale() = default;
    // NOLINTNEXTLINE(google-explicit-constructor): the language's own conventions
    Locale(Language language);

    // The symbol for a currency code, or the code itself.
    std::string_view symbolOf(std::string_view currency) const;
};

// 1234567 → "1.234.567" / "1,234,567" / "1 234 567".
std::string groupDigits(std::int64_t number, const Locale& locale);

// A decimal written with '.' and an optional '-' ("-1234.50", as formatMinorUnits writes it) in
// the locale's separators: "-1.234,50" (grouped) or "-1234,50".
std::string localizedDecimal(std::string_view plain, const Locale& locale, bool grouped = true);

// A number already in the locale's separators ("1.234,50", "-3,00") with the currency's symbol
// where the locale puts it: "1.234,50 €", "$1,234.50", "R$ 1.234,50", "USD 1,234.50".
std::string withCurrency(std::string_view number, std::string_view currency, const Locale& locale);

// "2026-12-04" → "04/12/2026" by the locale's pattern; the text as it is when it is no ISO date.
std::string formatDate(std::string_view isoDate, const Locale& locale);
// "2026-12-04 09:05" (a local date and time) → "04/12/2026 09:05"; as it is otherwise.
std::string formatDateTime(std::string_view isoLocal, const Locale& locale);

// ---------------------------------------------------------------- reading the office's data

// The layout of a currency format code of LibreOffice's locale data or number formatter:
// "[$$-80A]#,##0.00;-[$$-80A]#,##0.00" → symbol first, no gap, minus before the symbol;
// "#.##0,00 [$€-C0A];-#.##0,00 [$€-C0A]" → symbol after, " ". nullopt when the code has no symbol.
std::optional<Locale::CurrencyLayout> currencyLayoutOf(std::string_view formatCode);

// The pattern of a date format from two dates the office formatted with it: 2033-11-22 and
// 2001-02-03 ("22/11/2033" and "03/02/2001" → "DD/MM/YYYY"; "11/22/2033" and "2/3/2001" →
// "M/D/YYYY"). nullopt when the samples do not show day, month and year once each.
std::optional<std::string> datePatternOf(std::string_view late, std::string_view early);
} // namespace clientes
