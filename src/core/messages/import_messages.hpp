// Helpers of import plans' texts (the texts are TextKey::Import…, used with text()).
#pragma once

#include "core/text/texts.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{

// Spreadsheet column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA".
std::string columnLetters(std::size_t column);

} // namespace clientes
