#include "core/rules/client_codes.hpp"

#include "core/model/client.hpp"

#include "core/text/ascii.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <cstdio>

namespace clientes
{

std::string formatClientCode(std::int64_t number)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "C-%06lld", static_cast<long long>(number));
    return buffer;
}

std::string canonicalCode(std::string_view raw)
{
    if (auto numbered = canonicalNumberedCode(raw))
        return std::move(*numbered);
    return std::string(trimAscii(raw));
}

} // namespace clientes
