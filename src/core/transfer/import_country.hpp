// Country names as people type them in spreadsheets → ISO 3166-1 alpha-2 codes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clientes
{

// "España", "spain", "Espanha", "ESP" → "ES"; "Portugal" → "PT"; "Reino Unido", "UK" → "GB"…
// Names in Spanish, English and Portuguese (ignoring case, accents and punctuation) of the
// countries a small Iberian firm deals with most (the EU, the Americas, the Portuguese- and
// Spanish-speaking world, the largest economies), and their ISO alpha-3 codes. Two-letter
// input is not handled here (it is already a code, valid or not). nullopt when unknown.
std::optional<std::string> countryCodeForName(std::string_view name);

} // namespace clientes
