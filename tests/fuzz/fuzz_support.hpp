// Shared by the fuzz targets: an invariant check that stops the run (libFuzzer keeps the input
// as a crash file) and the UTF-8 test of the core.
#pragma once

#include "core/text/utf8.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                      \
    do                                                                                             \
    {                                                                                              \
        if (!(condition))                                                                          \
        {                                                                                          \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace fuzz
{

inline bool validUtf8(std::string_view text)
{
    return clientes::utf8::isValid(text);
}

// A printable rendering of bytes for failure messages.
inline std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (unsigned char c : text)
    {
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
            out += static_cast<char>(c);
        else
        {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
            out += buffer;
        }
    }
    return out + "\"";
}

} // namespace fuzz
