// Column header → client field recognition for imports (Spanish, English, Portuguese).
#pragma once

#include "core/model/client.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

// One entry per sheet column; nullopt = the column is ignored.
using ColumnMapping = std::vector<std::optional<Field>>;

// The field a column header names, ignoring case, accents and punctuation ("C.P.", "E-mail",
// "Razão social", "legalName"…). An exact match of a known header (after folding and dropping
// filler words such as "de", "del", "do", "of", "the") wins; otherwise the header is searched
// for known words: specific ones ("teléfono", "NIF", "código postal") before generic ones
// ("dirección", "nombre") before modifiers ("cliente", "empresa"). Generic and modifier words
// are not used when the header also has a word such as "fecha", "tipo", "contacto" or "importe"
// ("Fecha de alta del cliente", "Nombre del contacto" → nullopt). Two fields equally likely →
// nullopt. "Código"/"Ref", "Estado"/"State" and "Site" are recognised only as whole headers.
std::optional<Field> fieldForHeader(std::string_view header);

// fieldForHeader for every column, each field assigned to at most one column: first the
// columns whose header is an exact match, left to right, then the columns recognised by
// contained words, left to right; a column whose field is already taken is ignored.
ColumnMapping autoMapping(const std::vector<std::string>& headers);

// A stable key of a header row ("h" + 16 hex digits), equal for headers that fold to the same
// words in the same columns (case, accents, punctuation and trailing empty columns do not
// count), so the user's mapping can be remembered for the next sheet with the same headers.
std::string mappingKey(const std::vector<std::string>& headers);

} // namespace clientes
