// Tax-ID normalisation and checks (tax_id.hpp, validation.hpp's normalizeTaxId) on any bytes.
// Input: the first byte picks a country (one of those with rules, none, or two raw bytes),
// the rest is the tax ID.
#include "core/rules/tax_id.hpp"
#include "core/rules/validation.hpp"
#include "fuzz_support.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace clientes;

namespace
{

constexpr std::array<std::string_view, 40> kCountries = {
    "",   "ES", "PT", "FR", "DE", "IT", "NL", "BE", "AT", "GR", "EL", "IE",  "XI", "GB",
    "PL", "CZ", "SE", "DK", "FI", "LU", "MT", "CY", "SK", "SI", "HR", "HU",  "RO", "BG",
    "LT", "LV", "EE", "BR", "MX", "AR", "CL", "CO", "PE", "US", "es", " pt "};

bool isSeparatorFree(std::string_view text)
{
    for (char c : text)
        if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '_' || c == ',')
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string country;
    const auto selector = static_cast<unsigned char>(bytes[0]);
    bytes.remove_prefix(1);
    if (selector < kCountries.size())
        country = kCountries[selector];
    else if (selector == 0xFF && bytes.size() >= 2)
    {
        country = bytes.substr(0, 2); // any two bytes as the country
        bytes.remove_prefix(2);
    }
    else
        country = kCountries[selector % kCountries.size()];
    const std::string_view raw = bytes;

    // compactTaxId: idempotent, valid UTF-8 whatever comes in, no ASCII separators or lower case.
    const std::string compact = compactTaxId(raw);
    FUZZ_CHECK(compactTaxId(compact) == compact);
    FUZZ_CHECK(fuzz::validUtf8(compact));
    FUZZ_CHECK(isSeparatorFree(compact));
    for (char c : compact)
        FUZZ_CHECK(!(c >= 'a' && c <= 'z'));

    // The store's key: the compact form, less the client's own country prefix at most once.
    const std::string key = normalizeTaxId(raw, country);
    FUZZ_CHECK(key == normalizeTaxId(compact, country));
    FUZZ_CHECK(compact.size() == key.size() || compact.size() == key.size() + 2);
    FUZZ_CHECK(std::string_view(compact).ends_with(key));
    FUZZ_CHECK(normalizeTaxId(raw, "") == compact);
    FUZZ_CHECK(fuzz::validUtf8(key));

    // checkTaxId never throws; its parts agree with each other.
    const TaxIdCheck check = checkTaxId(raw, country);
    FUZZ_CHECK(fuzz::validUtf8(check.normalized));
    FUZZ_CHECK((check.verdict == TaxIdVerdict::Empty) == compact.empty());
    FUZZ_CHECK(isValidTaxId(raw, country) ==
               (check.verdict == TaxIdVerdict::Valid ||
                check.verdict == TaxIdVerdict::UnknownCountryFormatOk));
    FUZZ_CHECK(normalizeTaxIdFor(raw, country) == check.normalized);
    FUZZ_CHECK(check.verdict == TaxIdVerdict::Empty ||
               std::string_view(compact).ends_with(check.normalized));
    FUZZ_CHECK(check.scheme.empty() || check.verdict == TaxIdVerdict::Valid ||
               check.verdict == TaxIdVerdict::InvalidChecksum ||
               check.verdict == TaxIdVerdict::InvalidFormat);
    if (check.verdict == TaxIdVerdict::Valid)
    {
        FUZZ_CHECK(!check.scheme.empty());
        // A valid number, stored in its normalised form and checked again, is the same valid
        // number: what the register keeps stays valid.
        const TaxIdCheck again = checkTaxId(check.normalized, check.country);
        if (again != check)
        {
            std::fprintf(stderr, "raw %s country %s: %s (%s) then %s (%s)\n",
                         fuzz::quoted(raw).c_str(), fuzz::quoted(country).c_str(),
                         check.normalized.c_str(), check.scheme.c_str(), again.normalized.c_str(),
                         again.scheme.c_str());
            FUZZ_CHECK(again == check);
        }
        // And so does its compact form with the country's prefix in front ("ES" + number).
        if (check.country.size() == 2)
        {
            const std::string prefix = check.country == "GR" ? "EL" : check.country;
            FUZZ_CHECK(checkTaxId(prefix + check.normalized, check.country).verdict ==
                       TaxIdVerdict::Valid);
        }
    }
    return 0;
}
