// Values as the systems users leave behind write them, read as the register keeps them: the
// client's kind from "Company" / "Individual" (Odoo, ERPNext), "Empresa" / "Persona",
// "Particular", "Pessoa singular"…, and tags from the separators other systems use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clientes
{

// kKindCompany or kKindPerson for a word or phrase that says it in Spanish, English or
// Portuguese (case, accents and punctuation ignored; Dolibarr's "Large company", "Private
// individual"…); nullopt for anything else (left for validation to report). An empty text
// gives "".
std::optional<std::string> kindFromText(std::string_view text);

// Tags separated by ";" (Outlook's categories), " ::: " (Google's labels) or line breaks,
// written with the register's ", ". Commas stay.
std::string tagsFromText(std::string_view text);

} // namespace clientes
