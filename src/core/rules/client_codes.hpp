#pragma once

// Client codes: "C-000001", "C-000002"… The store allocates the numbers (inside the unit of
// work that creates the client); the register looks codes up in any spelling.

#include <cstdint>
#include <string>
#include <string_view>

namespace clientes
{

// The code of the n-th client: "C-" and the number zero-padded to 6 digits ("C-000042",
// "C-1234567").
std::string formatClientCode(std::int64_t number);

// "c-1", "C1", "c 000001" → "C-000001": letters (upper-cased), an optional '-' or ' ', digits
// (zero-padded to 6). Anything else is returned trimmed, as given.
std::string canonicalCode(std::string_view raw);

} // namespace clientes
