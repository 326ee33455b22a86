#pragma once

// How the import and export workflows reach the register. The caller (the UNO layer) decides
// how: it opens the register on first use and may hold a lock around the work.

#include "core/register/register.hpp"

#include <functional>

namespace clientes
{

// Runs `work` with the register. The workflows never call back into the caller meanwhile.
using WithRegister = std::function<void(const std::function<void(Register&)>& work)>;

} // namespace clientes
