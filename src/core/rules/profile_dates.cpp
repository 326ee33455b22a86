#include "core/rules/profile_dates.hpp"

#include <chrono>
#include <cstdio>

namespace clientes
{

namespace
{

std::optional<std::chrono::year_month_day> parse(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i)
        for (std::size_t k = starts[i]; k < starts[i] + lengths[i]; ++k)
        {
            if (text[k] < '0' || text[k] > '9')
                return std::nullopt;
            parts[i] = parts[i] * 10 + (text[k] - '0');
        }
    const std::chrono::year_month_day date{std::chrono::year{parts[0]},
                                           std::chrono::month{static_cast<unsigned>(parts[1])},
                                           std::chrono::day{static_cast<unsigned>(parts[2])}};
    if (parts[0] < 1 || !date.ok())
        return std::nullopt;
    return date;
}

} // namespace

bool isIsoDate(std::string_view text)
{
    return parse(text).has_value();
}

std::optional<std::string> addDays(std::string_view date, int days)
{
    const auto parsed = parse(date);
    if (!parsed)
        return std::nullopt;
    // Checked on the day count: year_month_day keeps its year in 16 bits, so a far date
    // converted first would come back wrapped into range.
    using std::chrono::sys_days;
    constexpr auto kFirst = sys_days{std::chrono::year{1} / 1 / 1}.time_since_epoch().count();
    constexpr auto kLast = sys_days{std::chrono::year{9999} / 12 / 31}.time_since_epoch().count();
    const auto day = sys_days{*parsed}.time_since_epoch().count() + static_cast<long long>(days);
    if (day < kFirst || day > kLast)
        return std::nullopt;
    const std::chrono::year_month_day result{sys_days{std::chrono::days{day}}};
    const int year = static_cast<int>(result.year());
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year,
                  static_cast<unsigned>(result.month()), static_cast<unsigned>(result.day()));
    return std::string(buffer);
}

} // namespace clientes
