#pragma once

// Offline normalisation and validation of tax identification numbers (NIF, VAT numbers, CPF...)
// with the official check digits. Nothing here needs a network: a Valid verdict means that the
// number is well formed and its check digits are right, not that the number has been issued.

#include <string>
#include <string_view>

namespace clientes
{

enum class TaxIdVerdict
{
    Valid,
    InvalidChecksum,       // the shape is right, the check digits are not
    InvalidFormat,         // wrong length or characters, impossible date, foreign VAT prefix...
    Empty,                 // nothing left after removing separators
    UnknownCountryFormatOk // no rule for the country; 4 to 20 letters and digits
};

struct TaxIdCheck
{
    TaxIdVerdict verdict = TaxIdVerdict::Empty;
    // As stored and compared: no spaces, dots, dashes, slashes, underscores or commas; upper case;
    // without a leading VAT prefix of the country ("EL" for Greece).
    std::string normalized;
    // ISO 3166 alpha-2 code actually used: the argument, or the one of the VAT prefix when the
    // argument is empty ("GR" for "EL", "XI" for Northern Ireland); empty when none.
    std::string country;
    // "ES-NIF", "ES-NIE", "ES-CIF", "EU-VAT-DE" (one per EU member state; "EU-VAT-EL" for Greece,
    // "EU-VAT-XI" for Northern Ireland), "PT-NIF", "BR-CPF", "BR-CNPJ", "MX-RFC", "AR-CUIT",
    // "CL-RUT", "CO-NIT", "PE-RUC"; empty when unknown.
    std::string scheme;

    bool operator==(const TaxIdCheck&) const = default;
};

// `country`: ISO 3166 alpha-2 code (any case) or empty. Never throws.
TaxIdCheck checkTaxId(std::string_view taxId, std::string_view country);

// Valid, or UnknownCountryFormatOk (only a format check is possible there).
bool isValidTaxId(std::string_view taxId, std::string_view country);

// checkTaxId(taxId, country).normalized
std::string normalizeTaxIdFor(std::string_view taxId, std::string_view country);

// The character rules shared with the store's comparison key (validation.hpp's
// normalizeTaxId): separators removed, letters upper-cased, bad UTF-8 as U+FFFD.
std::string compactTaxId(std::string_view raw);

// True when a 2-letter VAT prefix stands for country ("EL" for GR, "GB"/"XI" for each other).
bool isCountryPrefix(std::string_view prefix, std::string_view country);

} // namespace clientes
