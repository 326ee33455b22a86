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

// UTF-16 (as UNO strings hold it) to UTF-8, losing nothing that is valid: surrogate pairs are
// joined, and an unpaired surrogate becomes U+FFFD without touching what follows it.
std::string fromUtf16(std::u16string_view text);

} // namespace clientes::utf8

namespace clientes
{
// text without ASCII spaces, tabs and line breaks at either end.
std::string_view trimAscii(std::string_view text);
} // namespace clientes
