#pragma once

#include <string>
#include <string_view>

namespace clientes
{

// Search key of a text: lower case, diacritics removed, every run of characters that are not
// letters or digits (punctuation, spaces, symbols, emoji) turned into one space, trimmed.
// "Pérez-Díaz, S.L." → "perez diaz s l", "Ação" → "acao", "Straße" → "strasse".
// Emoji and other symbols are dropped (they separate words). Uses SQLite's FTS5 unicode61
// tokenizer (remove_diacritics 2), plus a few Latin letters it does not decompose
// (ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ/ð→d, þ→th, ı→i). Thread-safe.
std::string foldForSearch(std::string_view utf8);

} // namespace clientes
