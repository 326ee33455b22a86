#pragma once

// Calendar dates and times, on <chrono>: ISO 8601 dates as the register keeps them
// ("2024-05-31"), day arithmetic, the spreadsheet's day numbers, and the clock. The one place
// where the extension does calendar arithmetic.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace clientes
{

// "YYYY-MM-DD" naming a real day (leap years included), years 0001 to 9999; nothing otherwise.
std::optional<std::chrono::year_month_day> parseIsoDate(std::string_view text);
// The date as "YYYY-MM-DD" (a valid date with a year 0001-9999).
std::string isoDate(std::chrono::year_month_day date);
// parseIsoDate(text) succeeds.
bool isIsoDate(std::string_view text);
// The ISO date for year, month and day when they name a real day (years 0001-9999).
std::optional<std::string> isoDateOf(int year, int month, int day);
// A real day of the proleptic Gregorian calendar (any year).
bool isRealDate(int year, int month, int day);

// The date `days` days later (earlier when negative); nothing when `date` is not an ISO date
// or the result leaves years 0001-9999.
std::optional<std::string> addDays(std::string_view date, int days);

// ---- the spreadsheet's day numbers (LibreOffice and Excel: 1899-12-30 is 0)

// An ISO date ("2024-05-31") or date and time ("2024-05-31T10:20", seconds, fractions and a
// final "Z" optional) as a day number with the time as its fraction; NaN for anything else and
// for years before 1583 (the Gregorian calendar's first full year).
double spreadsheetSerial(std::string_view iso);
// The ISO date of a day number (its fraction, the time, dropped); nothing outside 1583-9999.
std::optional<std::string> isoDateFromSerial(double serial);

// ---- the clock

// Today in the computer's time zone, "YYYY-MM-DD".
std::string todayIso();
// Now in UTC with milliseconds, as the register stamps changes: "2024-05-01T10:20:30.123Z".
std::string nowUtcIso();
// Now in UTC for file names: "20241204T203015Z".
std::string utcFileStamp();
// A UTC stamp as nowUtcIso writes it ("2024-05-01T10:20:30Z" also), in the computer's time zone
// as "YYYY-MM-DD HH:MM"; nothing when it is no such stamp.
std::optional<std::string> localDateTimeOfUtc(std::string_view iso);

} // namespace clientes
