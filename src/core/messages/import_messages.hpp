// Texts of import plans, in the three languages of the product.
#pragma once

#include "core/text/language.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{

enum class ImportText
{
    NoColumns,           // no column is mapped to a client field
    ColumnMappedTwice,   // {column} {label}
    DuplicateCode,       // {row}
    DuplicateTaxId,      // {row}
    SameClient,          // {row} {code}
    MatchesClient,       // {code} {name}
    MatchesArchived,     // {code} {name}
    CodeNotFound,        // {code}
    TaxIdOfOtherClient,  // {code} {name}
    TaxIdCheck,          // {taxId}
    PostalCodeWasNumber, // {value}
    FormulaError,        // {error}: a formula cell whose result is an error
    RowPrefix,           // {row} {label}: "fila 12, Nombre legal: "
};

// The text with every "{name}" replaced by its value.
std::string importText(ImportText key, Language language,
                       const std::vector<std::pair<std::string_view, std::string>>& values = {});

// Spreadsheet column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA".
std::string columnLetters(std::size_t column);

} // namespace clientes
