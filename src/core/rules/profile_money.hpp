#pragma once

// Currencies (ISO 4217) and money amounts kept as integer minor units.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clientes
{

// An active ISO 4217 alpha-3 code, upper case ("EUR", "USD", "JPY"…).
bool isCurrencyCode(std::string_view code);

// Digits after the decimal point of the currency: 2 for EUR, 0 for JPY, 3 for KWD, 4 for CLF;
// 0 for codes without a minor unit (gold, SDR…). nullopt for codes that are not currencies.
std::optional<int> minorUnitDigits(std::string_view currency);

// An amount with its currency.
struct Money
{
    std::int64_t minor = 0; // minor units: 1234 EUR-cents is 12.34 EUR
    std::string currency;

    bool operator==(const Money&) const = default;
};

// Decimal text → minor units with `digits` decimals: "1234.5", "-0,07", "+12", " 3.00 ".
// Either '.' or ',' may be the decimal separator; no thousands separators, no exponent, at
// most `digits` decimals (never rounds). nullopt when not such a number or out of range.
std::optional<std::int64_t> parseMinorUnits(std::string_view text, int digits);
// Same, with the decimals of the currency; nullopt for an unknown currency too.
std::optional<Money> parseMoney(std::string_view text, std::string_view currency);

// Minor units → decimal text with exactly `digits` decimals and '.': 123456, 2 → "1234.56".
std::string formatMinorUnits(std::int64_t minor, int digits);
// With the decimals of the currency (2 when unknown).
std::string formatMoney(const Money& money);

// Nearest minor units (halves away from zero); nullopt for NaN, infinities and out of range.
std::optional<std::int64_t> minorUnitsFromDouble(double value, int digits);
std::optional<Money> moneyFromDouble(double value, std::string_view currency);
double minorUnitsToDouble(std::int64_t minor, int digits);
double toDouble(const Money& money);

} // namespace clientes
