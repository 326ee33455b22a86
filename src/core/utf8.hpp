#pragma once

// Internal helpers shared by the core sources; not part of the public API.

#include <cstddef>
#include <string>
#include <string_view>

namespace clientes::utf8
{

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at `pos` and advances past it. Malformed sequences (overlong forms,
// surrogates, values above U+10FFFF, truncation) yield kInvalid and advance by one byte.
char32_t next(std::string_view text, std::size_t& pos);

bool isValid(std::string_view text);

// Code points, counting each malformed byte as one.
std::size_t length(std::string_view text);

// White space as users produce it: ASCII, NBSP, the typographic spaces, ideographic space, BOM.
bool isSpace(char32_t cp);

void append(std::string& out, char32_t cp);

} // namespace clientes::utf8
