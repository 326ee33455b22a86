// The one calendar module: ISO dates, day arithmetic, spreadsheet day numbers, the clock.
#include "core/rules/dates.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <ctime>

namespace clientes
{
namespace
{
using namespace std::chrono;

TEST(Dates, IsoDatesAreRealDays)
{
    EXPECT_TRUE(isIsoDate("2024-02-29"));
    EXPECT_FALSE(isIsoDate("2023-02-29"));
    EXPECT_FALSE(isIsoDate("1900-02-29"));
    EXPECT_TRUE(isIsoDate("2000-02-29"));
    EXPECT_TRUE(isIsoDate("0001-01-01"));
    EXPECT_TRUE(isIsoDate("9999-12-31"));
    for (const char* bad : {"0000-01-01", "2024-13-01", "2024-04-31", "2024-5-01", "2024-05-01 ",
                            "24-05-01", "2024/05/01", ""})
        EXPECT_FALSE(isIsoDate(bad)) << bad;
    EXPECT_EQ(parseIsoDate("2024-05-31"), year{2024} / May / 31);
    EXPECT_EQ(isoDate(year{7} / January / 2), "0007-01-02");
    EXPECT_EQ(isoDateOf(2024, 2, 29), "2024-02-29");
    EXPECT_FALSE(isoDateOf(2024, 2, 30));
    EXPECT_FALSE(isoDateOf(10000, 1, 1));
    EXPECT_TRUE(isRealDate(1600, 2, 29));
    EXPECT_FALSE(isRealDate(1700, 2, 29));
    EXPECT_FALSE(isRealDate(2024, 0, 1));
}

TEST(Dates, AddDaysCrossesMonthsYearsAndLeapDays)
{
    EXPECT_EQ(addDays("2024-02-28", 1), "2024-02-29");
    EXPECT_EQ(addDays("2024-02-29", 1), "2024-03-01");
    EXPECT_EQ(addDays("2023-12-31", 1), "2024-01-01");
    EXPECT_EQ(addDays("2024-03-01", -1), "2024-02-29");
    EXPECT_EQ(addDays("2024-05-01", 7), "2024-05-08");
    EXPECT_EQ(addDays("2024-05-01", 0), "2024-05-01");
    EXPECT_FALSE(addDays("9999-12-31", 1));
    EXPECT_FALSE(addDays("0001-01-01", -1));
    EXPECT_FALSE(addDays("2024-05-01", 2'000'000'000));
    EXPECT_FALSE(addDays("mañana", 1));
}

TEST(Dates, SpreadsheetDayNumbers)
{
    EXPECT_EQ(spreadsheetSerial("1899-12-30"), 0.0);
    EXPECT_EQ(spreadsheetSerial("2024-05-01"), 45413.0);
    EXPECT_EQ(spreadsheetSerial("2024-05-01T18:00"), 45413.75);
    EXPECT_TRUE(std::isnan(spreadsheetSerial("1582-12-31")));
    EXPECT_EQ(isoDateFromSerial(45413.99), "2024-05-01");
    EXPECT_EQ(isoDateFromSerial(-0.5), "1899-12-29");
    EXPECT_FALSE(isoDateFromSerial(std::nan("")));
    EXPECT_FALSE(isoDateFromSerial(3e6));
    EXPECT_EQ(isoDateFromSerial(spreadsheetSerial("1583-01-01")), "1583-01-01");
    EXPECT_FALSE(isoDateFromSerial(spreadsheetSerial("1583-01-01") - 1));
    for (double serial = -100000; serial < 2958465; serial += 977)
    {
        const auto iso = isoDateFromSerial(serial);
        ASSERT_TRUE(iso) << serial;
        EXPECT_EQ(spreadsheetSerial(*iso), serial) << *iso;
    }
}

TEST(Dates, TheClock)
{
    const std::string today = todayIso();
    EXPECT_TRUE(isIsoDate(today)) << today;
    const std::string now = nowUtcIso();
    ASSERT_EQ(now.size(), 24u) << now; // 2024-05-01T10:20:30.123Z
    EXPECT_TRUE(isIsoDate(now.substr(0, 10)));
    EXPECT_EQ(now.back(), 'Z');
    EXPECT_EQ(utcFileStamp().size(), 16u);
}

TEST(Dates, UtcStampsInTheLocalTimeZone)
{
    const char* saved = std::getenv("TZ");
    const std::string previous = saved ? saved : "";
    // A POSIX rule (needs no time-zone database): Central European Time.
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    EXPECT_EQ(localDateTimeOfUtc("2024-05-01T10:20:30.123Z"), "2024-05-01 12:20");
    EXPECT_EQ(localDateTimeOfUtc("2024-12-31T23:30:00Z"), "2025-01-01 00:30");
    EXPECT_EQ(localDateTimeOfUtc("2024-05-01T10:20:00Z"), "2024-05-01 12:20") << "on the minute";
    EXPECT_FALSE(localDateTimeOfUtc("2024-05-01"));
    EXPECT_FALSE(localDateTimeOfUtc("2024-05-01T10:20:30"));
    EXPECT_FALSE(localDateTimeOfUtc("ayer"));
    if (saved)
        setenv("TZ", previous.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
}
} // namespace
} // namespace clientes
