#pragma once

// Offline checks of bank account numbers: the IBAN by ISO 13616 (the country's length and BBAN
// format from the SWIFT IBAN Registry, then the ISO 7064 mod 97-10 check digits) and the BIC by
// ISO 9362's format. Nothing here needs a network: a Valid IBAN is well formed with the right
// check digits, not an account known to exist. The register warns with these verdicts and
// never refuses a number because of them (a bank may open a format before this table knows it).

#include <cstddef>
#include <string>
#include <string_view>

namespace clientes
{

enum class IbanVerdict
{
    Valid,
    Empty,          // nothing left after removing spaces
    BadCharacters,  // something other than letters and digits
    UnknownCountry, // the first two letters are not a country of the IBAN registry
    WrongLength,    // not the country's length
    WrongFormat,    // letters where the country's format has digits, or the reverse
    BadCheckDigits, // the shape is right, the mod 97 check is not
};

struct IbanCheck
{
    IbanVerdict verdict = IbanVerdict::Empty;
    // Electronic format: upper case, no spaces, no leading "IBAN".
    std::string electronic;
    // The first two letters (even for an unknown country); empty when there are none.
    std::string country;
    // The country's IBAN length; 0 when the country is unknown.
    std::size_t expectedLength = 0;

    bool operator==(const IbanCheck&) const = default;
};

// Accepts the paper format ("IBAN ES91 2100 0418 4502 0005 1332"), any case, spaces, dashes or
// dots between the groups. Never throws.
IbanCheck checkIban(std::string_view text);

// The paper format of a valid or not IBAN's electronic form: groups of four, "ES91 2100 …".
std::string printIban(std::string_view electronic);

// Whether the country uses IBANs (is in the registry), and its length (0 when not).
std::size_t ibanLength(std::string_view country);

enum class BicVerdict
{
    Valid,
    Empty,
    WrongFormat,    // not 4 + 2 + 2 (+ 3) letters and digits as ISO 9362 has them
    UnknownCountry, // letters 5-6 are not an ISO 3166 country
};

struct BicCheck
{
    BicVerdict verdict = BicVerdict::Empty;
    std::string normalized; // upper case, no spaces
    std::string country;    // letters 5-6 when there are

    bool operator==(const BicCheck&) const = default;
};

// A BIC (SWIFT code) of 8 or 11 characters. Never throws.
BicCheck checkBic(std::string_view text);

} // namespace clientes
