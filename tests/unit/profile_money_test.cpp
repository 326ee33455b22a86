#include "core/rules/dates.hpp"
#include "core/rules/profile_money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace clientes
{

TEST(ProfileMoney, CurrencyCodesAreTheIso4217List)
{
    for (const char* code : {"EUR", "USD", "GBP", "BRL", "CHF", "JPY", "MXN", "AOA", "MZN", "CVE",
                             "XOF", "XAF", "KWD", "CLF", "UYW", "XAU", "XCG", "ZWG"})
        EXPECT_TRUE(isCurrencyCode(code)) << code;
    for (const char* code : {"", "eur", "EU", "EURO", "ESP", "PTE", "DEM", "HRK", "XXX", "XTS",
                             "ABC", "US$", "€", "BTC"})
        EXPECT_FALSE(isCurrencyCode(code)) << code;
}

TEST(ProfileMoney, MinorUnitDigits)
{
    EXPECT_EQ(minorUnitDigits("EUR"), 2);
    EXPECT_EQ(minorUnitDigits("BRL"), 2);
    EXPECT_EQ(minorUnitDigits("JPY"), 0);
    EXPECT_EQ(minorUnitDigits("CLP"), 0);
    EXPECT_EQ(minorUnitDigits("ISK"), 0);
    EXPECT_EQ(minorUnitDigits("KWD"), 3);
    EXPECT_EQ(minorUnitDigits("TND"), 3);
    EXPECT_EQ(minorUnitDigits("CLF"), 4);
    EXPECT_EQ(minorUnitDigits("XAU"), 0); // no minor unit
    EXPECT_FALSE(minorUnitDigits("ZZZ").has_value());
}

TEST(ProfileMoney, ParseDecimalText)
{
    EXPECT_EQ(parseMinorUnits("1234.56", 2), 123456);
    EXPECT_EQ(parseMinorUnits("1234,56", 2), 123456);
    EXPECT_EQ(parseMinorUnits(" 12.5 ", 2), 1250);
    EXPECT_EQ(parseMinorUnits("12", 2), 1200);
    EXPECT_EQ(parseMinorUnits("+12", 2), 1200);
    EXPECT_EQ(parseMinorUnits("-0,07", 2), -7);
    EXPECT_EQ(parseMinorUnits(".5", 2), 50);
    EXPECT_EQ(parseMinorUnits("7.", 2), 700);
    EXPECT_EQ(parseMinorUnits("0", 2), 0);
    EXPECT_EQ(parseMinorUnits("1500", 0), 1500);
    EXPECT_EQ(parseMinorUnits("1.234", 3), 1234);
    for (const char* bad : {"", " ", "-", ".", "1.234", "1.2.3", "1,234.56", "1 234", "1e3", "12a",
                            "€12", "0x10", "--1", "1.5-"})
        EXPECT_FALSE(parseMinorUnits(bad, 2).has_value()) << bad;
    EXPECT_FALSE(parseMinorUnits("1.5", 0).has_value()); // never rounds
}

TEST(ProfileMoney, ParseLimits)
{
    EXPECT_EQ(parseMinorUnits("92233720368547758.07", 2), INT64_MAX);
    EXPECT_EQ(parseMinorUnits("-92233720368547758.08", 2), INT64_MIN);
    EXPECT_FALSE(parseMinorUnits("92233720368547758.08", 2).has_value());
    EXPECT_FALSE(parseMinorUnits("-92233720368547758.09", 2).has_value());
    EXPECT_FALSE(parseMinorUnits("99999999999999999999999", 0).has_value());
}

TEST(ProfileMoney, ParseMoneyUsesTheCurrencyDigits)
{
    EXPECT_EQ(parseMoney("10.50", "EUR"), (Money{1050, "EUR"}));
    EXPECT_EQ(parseMoney("1050", "JPY"), (Money{1050, "JPY"}));
    EXPECT_FALSE(parseMoney("10.5", "JPY").has_value());
    EXPECT_EQ(parseMoney("1.005", "KWD"), (Money{1005, "KWD"}));
    EXPECT_FALSE(parseMoney("10", "ZZZ").has_value());
}

TEST(ProfileMoney, Format)
{
    EXPECT_EQ(formatMinorUnits(123456, 2), "1234.56");
    EXPECT_EQ(formatMinorUnits(5, 2), "0.05");
    EXPECT_EQ(formatMinorUnits(-5, 2), "-0.05");
    EXPECT_EQ(formatMinorUnits(-123456, 2), "-1234.56");
    EXPECT_EQ(formatMinorUnits(0, 2), "0.00");
    EXPECT_EQ(formatMinorUnits(1500, 0), "1500");
    EXPECT_EQ(formatMinorUnits(1, 3), "0.001");
    EXPECT_EQ(formatMinorUnits(INT64_MIN, 2), "-92233720368547758.08");
    EXPECT_EQ(formatMinorUnits(INT64_MAX, 2), "92233720368547758.07");
    EXPECT_EQ(formatMoney({1050, "EUR"}), "10.50");
    EXPECT_EQ(formatMoney({1050, "JPY"}), "1050");
    EXPECT_EQ(formatMoney({1050, "KWD"}), "1.050");
    // Round trip.
    for (std::int64_t value : {0LL, 1LL, -1LL, 99LL, 100LL, 123456789LL, -987654321LL})
        EXPECT_EQ(parseMinorUnits(formatMinorUnits(value, 2), 2), value);
}

TEST(ProfileMoney, Doubles)
{
    EXPECT_EQ(minorUnitsFromDouble(1234.56, 2), 123456);
    EXPECT_EQ(minorUnitsFromDouble(0.1 + 0.2, 2), 30); // 0.30000000000000004
    EXPECT_EQ(minorUnitsFromDouble(1.005, 2), 101);    // as written, not 1.00499999…
    EXPECT_EQ(minorUnitsFromDouble(2.675, 2), 268);
    EXPECT_EQ(minorUnitsFromDouble(-2.675, 2), -268); // halves away from zero
    EXPECT_EQ(minorUnitsFromDouble(0.004, 2), 0);
    EXPECT_EQ(minorUnitsFromDouble(-0.004, 2), 0);
    EXPECT_EQ(minorUnitsFromDouble(1e-20, 2), 0);
    EXPECT_EQ(minorUnitsFromDouble(1999.5, 0), 2000);
    EXPECT_EQ(minorUnitsFromDouble(1e15, 2), 100000000000000000LL);
    EXPECT_FALSE(minorUnitsFromDouble(std::numeric_limits<double>::quiet_NaN(), 2).has_value());
    EXPECT_FALSE(minorUnitsFromDouble(std::numeric_limits<double>::infinity(), 2).has_value());
    EXPECT_FALSE(minorUnitsFromDouble(1e17, 2).has_value());
    EXPECT_DOUBLE_EQ(minorUnitsToDouble(123456, 2), 1234.56);
    EXPECT_DOUBLE_EQ(minorUnitsToDouble(-7, 2), -0.07);
    EXPECT_DOUBLE_EQ(minorUnitsToDouble(1500, 0), 1500.0);
    EXPECT_EQ(moneyFromDouble(19.99, "EUR"), (Money{1999, "EUR"}));
    EXPECT_EQ(moneyFromDouble(1999.4, "JPY"), (Money{1999, "JPY"}));
    EXPECT_FALSE(moneyFromDouble(1, "ZZZ").has_value());
    EXPECT_DOUBLE_EQ(toDouble({1999, "EUR"}), 19.99);
    EXPECT_DOUBLE_EQ(toDouble({1999, "JPY"}), 1999.0);
    // Every cent survives a trip through double.
    for (std::int64_t cents = -100000; cents <= 100000; cents += 7)
        EXPECT_EQ(minorUnitsFromDouble(minorUnitsToDouble(cents, 2), 2), cents);
}

TEST(ProfileDates, IsoDates)
{
    for (const char* good : {"2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31"})
        EXPECT_TRUE(isIsoDate(good)) << good;
    for (const char* bad : {"", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
                            "2024-04-31", "2024-4-01", "24-04-01", "2024/04/01", "2024-04-01T00",
                            " 2024-04-01", "0000-01-01", "2024-04-0a", "01-04-2024"})
        EXPECT_FALSE(isIsoDate(bad)) << bad;
}

TEST(ProfileDates, AddDays)
{
    EXPECT_EQ(addDays("2024-05-31", 1), "2024-06-01");
    EXPECT_EQ(addDays("2024-02-28", 1), "2024-02-29");
    EXPECT_EQ(addDays("2023-02-28", 1), "2023-03-01");
    EXPECT_EQ(addDays("2024-12-28", 7), "2025-01-04");
    EXPECT_EQ(addDays("2024-03-01", -1), "2024-02-29");
    EXPECT_EQ(addDays("2024-05-10", 0), "2024-05-10");
    EXPECT_FALSE(addDays("2024-02-30", 1).has_value());
    EXPECT_FALSE(addDays("9999-12-31", 1).has_value());
}

} // namespace clientes
