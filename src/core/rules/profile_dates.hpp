#pragma once

// ISO 8601 calendar dates ("2024-05-31") as the profile records keep them.

#include <optional>
#include <string>
#include <string_view>

namespace clientes
{

// Exactly "YYYY-MM-DD" naming a real day (leap years included), years 0001 to 9999.
bool isIsoDate(std::string_view text);

// The date `days` days later (earlier when negative); nullopt when `date` is not an ISO date
// or the result leaves years 0001-9999.
std::optional<std::string> addDays(std::string_view date, int days);

} // namespace clientes
