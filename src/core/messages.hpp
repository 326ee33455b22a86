#pragma once

#include "core/client.hpp"
#include "core/language.hpp"
#include "core/validation.hpp"

#include <string>

namespace clientes
{

class StoreError;

// Label of a field for forms and column headers ("Nombre legal", "Tax ID"…).
std::string fieldLabel(Field field, Language language);

// One complete sentence for the user, e.g. "El nombre legal es obligatorio.".
std::string describe(const FieldIssue& issue, Language language);

// What went wrong with the register file (naming its path) and what the user can do.
std::string describe(const StoreError& error, Language language);

} // namespace clientes
