#pragma once

#include <string>
#include <string_view>

namespace clientes
{

// Search key of a text: lower case, diacritics removed, every run of characters that are not
// letters or digits (punctuation, spaces, symbols, emoji) turned into one space, trimmed.
// "Pérez-Díaz, S.L." → "perez diaz s l", "Ação" → "acao", "Straße" → "strasse".
// Emoji and other symbols are dropped (they separate words). Words, lower case and
// diacritics exactly as the search index's tokenizer (SQLite's FTS5 unicode61,
// remove_diacritics 2) has them, from tables of its own (fold_tables.inc; a test of the
// SQLite store proves them equal code point by code point), plus a few Latin letters the
// tokenizer does not decompose (extraFolding: ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ/ð→d, þ→th, ı→i).
// Thread-safe.
std::string foldForSearch(std::string_view utf8);

// Letters that unicode61 keeps as they are because Unicode gives them no decomposition, but
// that users type without the mark (or as two letters) when searching: what foldForSearch
// folds beyond the tokenizer ("ss" for ß). Empty for every other code point.
std::string_view extraFolding(char32_t letter);

} // namespace clientes
