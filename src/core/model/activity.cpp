#include "core/model/activity.hpp"

#include <array>

namespace clientes
{

namespace
{

constexpr std::array<std::string_view, 13> kKindNames = {
    "created",     "updated",     "archived",      "restored",      "fileAttached",
    "fileRemoved", "recordAdded", "recordChanged", "recordRemoved", "imported",
    "note",        "merged",      "mergeUndone"};

} // namespace

std::string_view activityKindName(ActivityKind kind)
{
    const auto index = static_cast<std::size_t>(kind);
    return index < kKindNames.size() ? kKindNames[index] : std::string_view{};
}

std::optional<ActivityKind> activityKindFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name)
            return static_cast<ActivityKind>(i);
    return std::nullopt;
}

} // namespace clientes
