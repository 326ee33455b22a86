// What the API and the profile dialog need besides the register's generic record operations
// (Register::get<R>, list<R>, add, update, remove<R>) to handle every kind the same way.
#pragma once

#include "core/model/record_kinds.hpp"
#include "core/register/register.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace clientes::uno
{
// What derived fields need besides the record: today, and a project's hours.
template <typename R>
DerivedInputs derivedInputs(Register& store, const R& record, std::string_view today)
{
    if constexpr (std::is_same_v<R, Project>)
        return {today, store.projectHours(record.id)};
    else
        return {today};
}

} // namespace clientes::uno
