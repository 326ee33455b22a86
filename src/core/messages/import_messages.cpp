#include "core/messages/import_messages.hpp"

namespace clientes
{

namespace
{

Texts texts(ImportText key)
{
    switch (key)
    {
    case ImportText::NoColumns:
        return {"No se ha reconocido ninguna columna como dato de cliente. Indique qué contiene "
                "cada columna.",
                "No column was recognised as client data. Choose what each column contains.",
                "Nenhuma coluna foi reconhecida como dado de cliente. Indique o que contém cada "
                "coluna."};
    case ImportText::ColumnMappedTwice:
        return {"La columna {column} también está asignada a «{label}»; se ignora.",
                "Column {column} is also assigned to “{label}”; it is ignored.",
                "A coluna {column} também está atribuída a «{label}»; é ignorada."};
    case ImportText::DuplicateCode:
        return {"El mismo código ya aparece en la fila {row}.",
                "The same code already appears in row {row}.",
                "O mesmo código já aparece na linha {row}."};
    case ImportText::DuplicateTaxId:
        return {"La misma identificación fiscal ya aparece en la fila {row}.",
                "The same tax ID already appears in row {row}.",
                "A mesma identificação fiscal já aparece na linha {row}."};
    case ImportText::SameClient:
        return {"La fila {row} ya corresponde al mismo cliente ({code}).",
                "Row {row} already refers to the same client ({code}).",
                "A linha {row} já corresponde ao mesmo cliente ({code})."};
    case ImportText::MatchesClient:
        return {"Corresponde al cliente existente {code} «{name}».",
                "Matches the existing client {code} “{name}”.",
                "Corresponde ao cliente existente {code} «{name}»."};
    case ImportText::MatchesArchived:
        return {"Corresponde al cliente archivado {code} «{name}».",
                "Matches the archived client {code} “{name}”.",
                "Corresponde ao cliente arquivado {code} «{name}»."};
    case ImportText::CodeNotFound:
        return {"Ningún cliente tiene el código «{code}»; el código no se importa (los códigos "
                "los asigna el registro).",
                "No client has the code “{code}”; the code is not imported (the register "
                "assigns codes).",
                "Nenhum cliente tem o código «{code}»; o código não é importado (os códigos são "
                "atribuídos pelo registro)."};
    case ImportText::TaxIdOfOtherClient:
        return {"La nueva identificación fiscal es la del cliente {code} «{name}».",
                "The new tax ID is that of the client {code} “{name}”.",
                "A nova identificação fiscal é a do cliente {code} «{name}»."};
    case ImportText::TaxIdCheck:
        return {"La identificación fiscal «{taxId}» no parece válida; compruébela.",
                "The tax ID “{taxId}” does not look valid; please check it.",
                "A identificação fiscal «{taxId}» não parece válida; verifique-a."};
    case ImportText::PostalCodeWasNumber:
        return {"El código postal era un número en la hoja ({value}) y puede haber perdido un "
                "cero inicial; se guardará tal cual. Dé formato de texto a la columna y vuelva a "
                "importar, o corríjalo después.",
                "The postal code was a number in the sheet ({value}) and may have lost a leading "
                "zero; it will be stored as it is. Format the column as text and import again, "
                "or correct it afterwards.",
                "O código postal era um número na planilha ({value}) e pode ter perdido um zero "
                "inicial; será armazenado assim. Formate a coluna como texto e importe "
                "novamente, ou corrija-o depois."};
    case ImportText::FormulaError:
        return {"La fórmula da un error ({error}): este valor no se importa. Corrija la fórmula "
                "y vuelva a importar, o complete el dato después.",
                "The formula gives an error ({error}): this value is not imported. Correct the "
                "formula and import again, or fill the value in afterwards.",
                "A fórmula dá um erro ({error}): este valor não é importado. Corrija a fórmula e "
                "importe novamente, ou complete o dado depois."};
    case ImportText::RowPrefix:
        break;
    }
    return {"fila {row}, {label}: ", "row {row}, {label}: ", "linha {row}, {label}: "};
}

} // namespace

std::string importText(ImportText key, Language language,
                       const std::vector<std::pair<std::string_view, std::string>>& values)
{
    return fillPlaceholders(texts(key).in(language), values);
}

std::string columnLetters(std::size_t column)
{
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

} // namespace clientes
