// Money parsing and formatting (profile_money.hpp) on any bytes, and the amounts and statuses
// the invoice import reads from cells (import_invoices.hpp).
// Input: byte 0 picks the decimals (0-4, sometimes out of range), bytes 1-8 are an int64 and
// bytes 9-16 a double (when present), the rest is text.
#include "core/rules/profile_money.hpp"
#include "core/transfer/import_invoices.hpp"
#include "fuzz_support.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

using namespace clientes;

namespace
{

constexpr std::string_view kCurrencies[] = {"EUR", "USD", "JPY", "KWD", "CLF",
                                            "XAU", "BRL", "eur", "",    "ZZZ"};

void checkRoundTrip(std::int64_t minor, int digits)
{
    const std::string text = formatMinorUnits(minor, digits);
    const auto back = parseMinorUnits(text, digits);
    if (!back || *back != minor)
    {
        std::fprintf(stderr, "format(%lld, %d) = %s read back as %s\n",
                     static_cast<long long>(minor), digits, text.c_str(),
                     back ? std::to_string(*back).c_str() : "nothing");
        FUZZ_CHECK(back && *back == minor);
    }
    // Exactly `digits` decimals after a '.', nothing else but digits and a leading '-'.
    const auto dot = text.find('.');
    FUZZ_CHECK(digits == 0 ? dot == std::string::npos
                           : text.size() - dot - 1 == std::size_t(digits));
    // A cell holding the formatted text reads as the same amount.
    const auto cell =
        importAmount(ImportCell{.text = text, .isNumber = false, .number = 0}, digits);
    FUZZ_CHECK(cell && *cell == minor);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const int rawDigits = static_cast<signed char>(data[0]);
    const int digits = rawDigits >= 0 ? rawDigits % 5 : rawDigits % 7; // mostly 0-4
    std::size_t used = 1;
    std::int64_t minor = 0;
    double number = 0;
    if (size >= used + sizeof minor)
    {
        std::memcpy(&minor, data + used, sizeof minor);
        used += sizeof minor;
    }
    if (size >= used + sizeof number)
    {
        std::memcpy(&number, data + used, sizeof number);
        used += sizeof number;
    }
    const std::string_view text(reinterpret_cast<const char*>(data) + used, size - used);

    // Any text that parses formats back to text that parses to the same amount.
    const auto parsed = parseMinorUnits(text, digits);
    FUZZ_CHECK(!parsed || (digits >= 0 && digits <= 4));
    if (parsed)
        checkRoundTrip(*parsed, digits);
    if (digits >= 0 && digits <= 4)
        checkRoundTrip(minor, digits);

    // Doubles: never a crash or undefined conversion; near-integers round-trip.
    const auto fromDouble = minorUnitsFromDouble(number, digits);
    FUZZ_CHECK(!fromDouble || std::isfinite(number));
    if (fromDouble && digits >= 0 && digits <= 4)
    {
        const double back = minorUnitsToDouble(*fromDouble, digits);
        FUZZ_CHECK(std::fabs(back - number) <=
                   0.5 * std::pow(10.0, -digits) + std::fabs(number) * 1e-12);
    }
    if (digits >= 0 && digits <= 4 && minor > -(std::int64_t{1} << 50) &&
        minor < (std::int64_t{1} << 50))
    {
        const auto again = minorUnitsFromDouble(minorUnitsToDouble(minor, digits), digits);
        FUZZ_CHECK(again && *again == minor);
    }

    // With currencies.
    for (std::string_view currency : kCurrencies)
    {
        const auto money = parseMoney(text, currency);
        FUZZ_CHECK(!money || isCurrencyCode(currency));
        if (money)
        {
            FUZZ_CHECK(parseMoney(formatMoney(*money), currency) == money);
            (void)toDouble(*money);
        }
        (void)moneyFromDouble(number, currency);
    }

    // Amount and number cells of the invoice import, and the status words.
    if (digits >= 0 && digits <= 4)
    {
        const auto amount = importAmount(
            ImportCell{.text = std::string(text), .isNumber = false, .number = 0}, digits);
        if (amount)
            checkRoundTrip(*amount, digits);
        (void)importAmount(
            ImportCell{.text = std::string(text), .isNumber = true, .number = number}, digits);
    }
    (void)importStatus(text);
    return 0;
}
