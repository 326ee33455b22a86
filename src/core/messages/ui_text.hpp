// Words the deck and the scripting API compose: counts of clients, the note under a cut list,
// the message for a key that names no client. (The deck's own labels are TextKey::Deck…, used
// with text(); see core/text/texts.hpp.)
#pragma once

#include "core/text/locale.hpp"
#include "core/text/texts.hpp"

#include <cstdint>
#include <string>

namespace clientes
{
// "1.234 clientes" / "1,234 clients" / "1 cliente": the words of locale.language, the digits
// grouped the locale's way.
std::string clientCount(std::int64_t count, const Locale& locale);

// "Se muestran 200 de 1.234: afine la búsqueda."
std::string partialListNote(std::int64_t shown, std::int64_t total, const Locale& locale);

// The message for a key that names no client.
std::string noClientMessage(const std::string& key, Language language);
} // namespace clientes
