#include "core/rules/dates.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>

namespace clientes
{

namespace
{
using namespace std::chrono;

// The spreadsheet's day 0.
constexpr sys_days kSerialEpoch = sys_days{year{1899} / December / 30};
constexpr year_month_day kFirstGregorian = year{1583} / January / 1;
constexpr year_month_day kLastDate = year{9999} / December / 31;

// Reads exactly `count` ASCII digits at `pos`.
bool readNumber(std::string_view text, std::size_t& pos, std::size_t count, int& value)
{
    if (pos + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i)
    {
        const char c = text[pos + i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c)
{
    if (pos >= text.size() || text[pos] != c)
        return false;
    ++pos;
    return true;
}

// "YYYY-MM-DD" at the start of text: the date (not yet checked for range) and where it ends.
std::optional<year_month_day> readDate(std::string_view text, std::size_t& pos)
{
    int y = 0;
    int m = 0;
    int d = 0;
    if (!readNumber(text, pos, 4, y) || !expect(text, pos, '-') || !readNumber(text, pos, 2, m) ||
        !expect(text, pos, '-') || !readNumber(text, pos, 2, d))
        return std::nullopt;
    const year_month_day date{year{y}, month{static_cast<unsigned>(m)},
                              day{static_cast<unsigned>(d)}};
    if (y < 1 || !date.ok())
        return std::nullopt;
    return date;
}

// The time of "THH:MM[:SS[.fff…]][Z]" at pos, in seconds since midnight; nothing when malformed.
std::optional<double> readTime(std::string_view text, std::size_t& pos)
{
    int hour = 0;
    int minute = 0;
    int second = 0;
    double fraction = 0;
    if (!expect(text, pos, 'T') || !readNumber(text, pos, 2, hour) || !expect(text, pos, ':') ||
        !readNumber(text, pos, 2, minute) || hour > 23 || minute > 59)
        return std::nullopt;
    if (pos < text.size() && text[pos] == ':')
    {
        ++pos;
        if (!readNumber(text, pos, 2, second) || second > 59)
            return std::nullopt;
        if (pos < text.size() && text[pos] == '.')
        {
            ++pos;
            double scale = 0.1;
            const std::size_t start = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
            {
                fraction += (text[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == start)
                return std::nullopt;
        }
    }
    if (pos < text.size() && text[pos] == 'Z')
        ++pos;
    return hour * 3600.0 + minute * 60.0 + second + fraction;
}

std::string format(const char* pattern, const std::tm& time)
{
    char buffer[64];
    return std::string(buffer, std::strftime(buffer, sizeof buffer, pattern, &time));
}

std::tm utcNow()
{
    const std::time_t now = system_clock::to_time_t(system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    return utc;
}
} // namespace

std::optional<year_month_day> parseIsoDate(std::string_view text)
{
    std::size_t pos = 0;
    const auto date = readDate(text, pos);
    if (!date || pos != text.size())
        return std::nullopt;
    return date;
}

std::string isoDate(year_month_day date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

bool isIsoDate(std::string_view text)
{
    return parseIsoDate(text).has_value();
}

std::optional<std::string> isoDateOf(int y, int m, int d)
{
    if (y < 1 || y > 9999 || !isRealDate(y, m, d))
        return std::nullopt;
    return isoDate(year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)});
}

bool isRealDate(int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < -32767 || y > 32767)
        return false;
    return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}
        .ok();
}

std::optional<std::string> addDays(std::string_view date, int days)
{
    const auto parsed = parseIsoDate(date);
    if (!parsed)
        return std::nullopt;
    // Checked on the day count: year_month_day keeps its year in 16 bits, so a far date
    // converted first would come back wrapped into range.
    constexpr auto kFirst = sys_days{year{1} / 1 / 1}.time_since_epoch().count();
    constexpr auto kLast = sys_days{kLastDate}.time_since_epoch().count();
    const auto result = sys_days{*parsed}.time_since_epoch().count() + static_cast<long long>(days);
    if (result < kFirst || result > kLast)
        return std::nullopt;
    return isoDate(year_month_day{sys_days{std::chrono::days{result}}});
}

double spreadsheetSerial(std::string_view iso)
{
    constexpr double kInvalid = std::numeric_limits<double>::quiet_NaN();
    std::size_t pos = 0;
    const auto date = readDate(iso, pos);
    if (!date || *date < kFirstGregorian)
        return kInvalid;
    double serial = static_cast<double>((sys_days{*date} - kSerialEpoch).count());
    if (pos == iso.size())
        return serial;
    const auto time = readTime(iso, pos);
    if (!time || pos != iso.size())
        return kInvalid;
    return serial + *time / 86400.0;
}

std::optional<std::string> isoDateFromSerial(double serial)
{
    if (!std::isfinite(serial))
        return std::nullopt;
    constexpr double kFirst = (sys_days{kFirstGregorian} - kSerialEpoch).count();
    constexpr double kLast = (sys_days{kLastDate} - kSerialEpoch).count();
    const double whole = std::floor(serial);
    if (whole < kFirst || whole > kLast)
        return std::nullopt;
    return isoDate(year_month_day{kSerialEpoch + std::chrono::days{static_cast<long>(whole)}});
}

std::string todayIso()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return format("%Y-%m-%d", local);
}

std::string nowUtcIso()
{
    const auto now = system_clock::now();
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    const std::time_t seconds = system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, ".%03dZ", static_cast<int>(millis));
    return format("%Y-%m-%dT%H:%M:%S", utc) + buffer;
}

std::string utcFileStamp()
{
    return format("%Y%m%dT%H%M%SZ", utcNow());
}

std::optional<std::string> localDateTimeOfUtc(std::string_view iso)
{
    std::size_t pos = 0;
    const auto date = readDate(iso, pos);
    if (!date || pos == iso.size())
        return std::nullopt;
    const auto time = readTime(iso, pos);
    if (!time || pos != iso.size() || iso.back() != 'Z')
        return std::nullopt;
    const auto seconds = sys_seconds{sys_days{*date}} +
                         std::chrono::seconds{static_cast<long long>(std::floor(*time))};
    const std::time_t when = system_clock::to_time_t(seconds);
    std::tm local{};
    if (!localtime_r(&when, &local))
        return std::nullopt;
    return format("%Y-%m-%d %H:%M", local);
}

} // namespace clientes
