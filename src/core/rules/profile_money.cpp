#include "core/rules/profile_money.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace clientes
{

namespace
{

// ISO 4217 list one (active codes) as published by its maintenance agency, SIX, each with its
// minor unit digits; "N.A." (gold, silver, SDR, bond market units…) is written 0. Not listed:
// XTS (reserved for testing) and XXX ("no currency"); HRK, withdrawn when Croatia adopted the
// euro in 2023. Includes XCG (Caribbean guilder) and ZWG (Zimbabwe Gold), added in 2024 and
// missing from Debian's iso-codes 4.15. Sorted, four characters per entry plus a space.
constexpr std::string_view kCurrencies =
    "AED2 AFN2 ALL2 AMD2 ANG2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2 BHD3 BIF0 BMD2 BND2 "
    "BOB2 BOV2 BRL2 BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHE2 CHF2 CHW2 CLF4 CLP0 CNY2 COP2 COU2 "
    "CRC2 CUC2 CUP2 CVE2 CZK2 DJF0 DKK2 DOP2 DZD2 EGP2 ERN2 ETB2 EUR2 FJD2 FKP2 GBP2 GEL2 GHS2 "
    "GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2 HTG2 HUF2 IDR2 ILS2 INR2 IQD3 IRR2 ISK0 JMD2 JOD3 JPY0 "
    "KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3 KYD2 KZT2 LAK2 LBP2 LKR2 LRD2 LSL2 LYD3 MAD2 MDL2 MGA2 "
    "MKD2 MMK2 MNT2 MOP2 MRU2 MUR2 MVR2 MWK2 MXN2 MXV2 MYR2 MZN2 NAD2 NGN2 NIO2 NOK2 NPR2 NZD2 "
    "OMR3 PAB2 PEN2 PGK2 PHP2 PKR2 PLN2 PYG0 QAR2 RON2 RSD2 RUB2 RWF0 SAR2 SBD2 SCR2 SDG2 SEK2 "
    "SGD2 SHP2 SLE2 SLL2 SOS2 SRD2 SSP2 STN2 SVC2 SYP2 SZL2 THB2 TJS2 TMT2 TND3 TOP2 TRY2 TTD2 "
    "TWD2 TZS2 UAH2 UGX0 USD2 USN2 UYI0 UYU2 UYW4 UZS2 VED2 VES2 VND0 VUV0 WST2 XAF0 XAG0 XAU0 "
    "XBA0 XBB0 XBC0 XBD0 XCD2 XCG2 XDR0 XOF0 XPD0 XPF0 XPT0 XSU0 XUA0 YER2 ZAR2 ZMW2 ZWG2 ZWL2";

constexpr std::int64_t kPowersOfTen[] = {1, 10, 100, 1000, 10000};

std::int64_t scaleOf(int digits)
{
    return kPowersOfTen[digits < 0 ? 0 : digits > 4 ? 4 : digits];
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Decimal text (sign, digits, one '.' or ',', digits) rounded half away from zero to `digits`
// decimals when `round`, refused when it has more decimals and not `round`.
std::optional<std::int64_t> decimalToMinor(std::string_view text, int digits, bool round)
{
    if (digits < 0 || digits > 4)
        return std::nullopt;
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+'))
    {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const auto separator = text.find_first_of(".,");
    const std::string_view whole = text.substr(0, separator);
    const std::string_view fraction =
        separator == std::string_view::npos ? std::string_view{} : text.substr(separator + 1);
    if (whole.empty() && fraction.empty())
        return std::nullopt;
    for (std::string_view part : {whole, fraction})
        for (char c : part)
            if (!isDigit(c))
                return std::nullopt;
    // Accumulate in unsigned 64 bits against the magnitude limit of the result's sign.
    const std::uint64_t limit =
        negative ? std::uint64_t{1} << 63 : static_cast<std::uint64_t>(INT64_MAX);
    std::uint64_t value = 0;
    const auto push = [&value, limit](int digit)
    {
        if (value > (limit - static_cast<std::uint64_t>(digit)) / 10)
            return false;
        value = value * 10 + static_cast<std::uint64_t>(digit);
        return true;
    };
    for (char c : whole)
        if (!push(c - '0'))
            return std::nullopt;
    for (std::size_t i = 0; i < static_cast<std::size_t>(digits); ++i)
        if (!push(i < fraction.size() ? fraction[i] - '0' : 0))
            return std::nullopt;
    if (fraction.size() > static_cast<std::size_t>(digits))
    {
        if (!round)
            return std::nullopt;
        if (fraction[static_cast<std::size_t>(digits)] >= '5')
        {
            if (value == limit)
                return std::nullopt;
            ++value;
        }
    }
    if (negative)
        return value == (std::uint64_t{1} << 63) ? INT64_MIN : -static_cast<std::int64_t>(value);
    return static_cast<std::int64_t>(value);
}

} // namespace

bool isCurrencyCode(std::string_view code)
{
    return minorUnitDigits(code).has_value();
}

std::optional<int> minorUnitDigits(std::string_view currency)
{
    if (currency.size() != 3)
        return std::nullopt;
    std::size_t lo = 0;
    std::size_t hi = (kCurrencies.size() + 1) / 5;
    while (lo < hi)
    {
        const std::size_t mid = (lo + hi) / 2;
        const std::string_view candidate = kCurrencies.substr(mid * 5, 3);
        if (candidate == currency)
            return kCurrencies[mid * 5 + 3] - '0';
        if (candidate < currency)
            lo = mid + 1;
        else
            hi = mid;
    }
    return std::nullopt;
}

std::optional<std::int64_t> parseMinorUnits(std::string_view text, int digits)
{
    return decimalToMinor(trimAscii(text), digits, false);
}

std::optional<Money> parseMoney(std::string_view text, std::string_view currency)
{
    const auto digits = minorUnitDigits(currency);
    if (!digits)
        return std::nullopt;
    const auto minor = parseMinorUnits(text, *digits);
    if (!minor)
        return std::nullopt;
    return Money{*minor, std::string(currency)};
}

std::string formatMinorUnits(std::int64_t minor, int digits)
{
    digits = std::clamp(digits, 0, 4);
    const std::int64_t scale = scaleOf(digits);
    // Magnitude in unsigned arithmetic, so that INT64_MIN works too.
    const std::uint64_t magnitude = minor < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(minor)
                                              : static_cast<std::uint64_t>(minor);
    std::string text = minor < 0 ? "-" : "";
    text += std::to_string(magnitude / static_cast<std::uint64_t>(scale));
    if (scale > 1)
    {
        std::string fraction = std::to_string(magnitude % static_cast<std::uint64_t>(scale));
        text += '.';
        text.append(static_cast<std::size_t>(digits) - fraction.size(), '0');
        text += fraction;
    }
    return text;
}

std::string formatMoney(const Money& money)
{
    return formatMinorUnits(money.minor, minorUnitDigits(money.currency).value_or(2));
}

std::optional<std::int64_t> minorUnitsFromDouble(double value, int digits)
{
    if (!std::isfinite(value) || digits < 0 || digits > 4 ||
        std::fabs(value) >= 9.2e18 / static_cast<double>(scaleOf(digits)))
        return std::nullopt;
    // The shortest decimal text that reads back as `value` is what the user typed or saw
    // (1.005, not 1.00499999999999989…); rounding that text avoids binary artefacts.
    char buffer[64];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (error != std::errc())
        return std::nullopt;
    return decimalToMinor(std::string_view(buffer, static_cast<std::size_t>(end - buffer)), digits,
                          true);
}

std::optional<Money> moneyFromDouble(double value, std::string_view currency)
{
    const auto digits = minorUnitDigits(currency);
    if (!digits)
        return std::nullopt;
    const auto minor = minorUnitsFromDouble(value, *digits);
    if (!minor)
        return std::nullopt;
    return Money{*minor, std::string(currency)};
}

double minorUnitsToDouble(std::int64_t minor, int digits)
{
    return static_cast<double>(minor) / static_cast<double>(scaleOf(digits));
}

double toDouble(const Money& money)
{
    return minorUnitsToDouble(money.minor, minorUnitDigits(money.currency).value_or(2));
}

} // namespace clientes
