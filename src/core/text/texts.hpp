// The user's texts, by key, from the catalogues po/<lang>.po (the single source of every
// user-visible string; see po/README.md). A key is TextKey::<Name> (msgctxt "<Name>" in the
// catalogues; the enum is generated from po/en.po), placeholders are named: "{path}".
//
//   text(TextKey::StoreCannotOpen, language, {{"path", path}})
//   pluralText(TextKey::DeckClientCount, count, language, {{"n", groupDigits(count, …)}})
//
// A new text: add the entry to po/en.po, po/es.po and po/pt.po (the unit test TextCatalogue
// checks that all three have it with the same placeholders), then use TextKey::<Name>.
#pragma once

#include "core/text/language.hpp"
#include "core/text/text_keys.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{
// Placeholder values: {"name", value}. Values are inserted as they are and never scanned again;
// a value a user or caller typed is passed through shownValue first.
using TextValues = std::vector<std::pair<std::string_view, std::string>>;

// The text in the language (English when its catalogue lacks it), placeholders filled.
std::string text(TextKey key, Language language, const TextValues& values = {});

// A text chosen by a count: the plural form the language's catalogue gives for `count`
// ("{n} cliente" / "{n} clientes"). Placeholders filled as by text(); "{n}" is the caller's.
std::string pluralText(TextKey key, std::int64_t count, Language language,
                       const TextValues& values = {});

// The key's name in the catalogues ("StoreCannotOpen").
std::string_view textKeyName(TextKey key);
} // namespace clientes
