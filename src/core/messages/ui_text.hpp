// Words the deck and the scripting API compose: counts of clients, the note under a cut list,
// the message for a key that names no client. (The deck's own labels are TextKey::Deck…, used
// with text(); see core/text/texts.hpp.)
#pragma once

#include "core/text/texts.hpp"

#include <cstdint>
#include <string>

namespace clientes
{
// "1.234 clientes" / "1,234 clients" / "1 cliente".
std::string clientCount(std::int64_t count, Language language);

// "Se muestran 200 de 1.234: afine la búsqueda."
std::string partialListNote(std::int64_t shown, std::int64_t total, Language language);

// The message for a key that names no client.
std::string noClientMessage(const std::string& key, Language language);

// Digits grouped by thousands the way the language writes them.
std::string groupThousands(std::int64_t number, Language language);
} // namespace clientes
