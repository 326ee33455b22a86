#include "core/transfer/import_country.hpp"

#include "core/text/text_fold.hpp"

#include <unordered_map>

namespace clientes
{

namespace
{

struct CountryNames
{
    std::string_view code;
    std::string_view names; // '|'-separated: alpha-3, Spanish, English, Portuguese, variants
};

// clang-format off
constexpr CountryNames kCountries[] = {
    {"ES", "ESP|España|Spain|Espanha|Reino de España"},
    {"PT", "PRT|Portugal|República Portuguesa"},
    {"FR", "FRA|Francia|France|França"},
    {"DE", "DEU|Alemania|Germany|Alemanha|Deutschland"},
    {"IT", "ITA|Italia|Italy|Itália"},
    {"GB", "GBR|Reino Unido|United Kingdom|UK|U.K.|Gran Bretaña|Great Britain|Grã-Bretanha|Inglaterra|England"},
    {"IE", "IRL|Irlanda|Ireland"},
    {"NL", "NLD|Países Bajos|Holanda|Netherlands|The Netherlands|Holland|Países Baixos"},
    {"BE", "BEL|Bélgica|Belgium"},
    {"LU", "LUX|Luxemburgo|Luxembourg"},
    {"CH", "CHE|Suiza|Switzerland|Suíça"},
    {"AT", "AUT|Austria|Áustria"},
    {"AD", "AND|Andorra"},
    {"MC", "MCO|Mónaco|Monaco"},
    {"GI", "GIB|Gibraltar"},
    {"DK", "DNK|Dinamarca|Denmark"},
    {"SE", "SWE|Suecia|Sweden|Suécia"},
    {"NO", "NOR|Noruega|Norway"},
    {"FI", "FIN|Finlandia|Finland|Finlândia"},
    {"PL", "POL|Polonia|Poland|Polónia|Polônia"},
    {"CZ", "CZE|Chequia|República Checa|Czech Republic|Czechia|Chéquia|República Checa"},
    {"GR", "GRC|Grecia|Greece|Grécia"},
    {"RO", "ROU|Rumanía|Rumania|Romania|Roménia|Romênia"},
    {"BG", "BGR|Bulgaria|Bulgária"},
    {"HU", "HUN|Hungría|Hungary|Hungria"},
    {"SK", "SVK|Eslovaquia|Slovakia|Eslováquia"},
    {"SI", "SVN|Eslovenia|Slovenia|Eslovénia|Eslovênia"},
    {"HR", "HRV|Croacia|Croatia|Croácia"},
    {"EE", "EST|Estonia|Estónia|Estônia"},
    {"LV", "LVA|Letonia|Latvia|Letónia|Letônia"},
    {"LT", "LTU|Lituania|Lithuania|Lituânia"},
    {"CY", "CYP|Chipre|Cyprus"},
    {"MT", "MLT|Malta"},
    {"IS", "ISL|Islandia|Iceland|Islândia"},
    {"UA", "UKR|Ucrania|Ukraine|Ucrânia"},
    {"RU", "RUS|Rusia|Russia|Rússia"},
    {"TR", "TUR|Turquía|Turkey|Türkiye|Turquia"},
    {"MA", "MAR|Marruecos|Morocco|Marrocos"},
    {"DZ", "DZA|Argelia|Algeria|Argélia"},
    {"TN", "TUN|Túnez|Tunisia|Tunísia"},
    {"EG", "EGY|Egipto|Egypt|Egito"},
    {"ZA", "ZAF|Sudáfrica|South Africa|África do Sul"},
    {"AO", "AGO|Angola"},
    {"MZ", "MOZ|Mozambique|Moçambique"},
    {"CV", "CPV|Cabo Verde|Cape Verde"},
    {"GW", "GNB|Guinea-Bisáu|Guinea-Bissau|Guiné-Bissau"},
    {"ST", "STP|Santo Tomé y Príncipe|Sao Tome and Principe|São Tomé e Príncipe"},
    {"GQ", "GNQ|Guinea Ecuatorial|Equatorial Guinea|Guiné Equatorial"},
    {"TL", "TLS|Timor Oriental|East Timor|Timor-Leste"},
    {"US", "USA|Estados Unidos|United States|United States of America|EE.UU.|EEUU|EUA|U.S.A.|U.S."},
    {"CA", "CAN|Canadá|Canada"},
    {"MX", "MEX|México|Mexico"},
    {"GT", "GTM|Guatemala"},
    {"HN", "HND|Honduras"},
    {"SV", "SLV|El Salvador"},
    {"NI", "NIC|Nicaragua|Nicarágua"},
    {"CR", "CRI|Costa Rica"},
    {"PA", "PAN|Panamá|Panama"},
    {"CU", "CUB|Cuba"},
    {"DO", "DOM|República Dominicana|Dominican Republic"},
    {"PR", "PRI|Puerto Rico|Porto Rico"},
    {"CO", "COL|Colombia|Colômbia"},
    {"VE", "VEN|Venezuela"},
    {"EC", "ECU|Ecuador|Equador"},
    {"PE", "PER|Perú|Peru"},
    {"BO", "BOL|Bolivia|Bolívia"},
    {"CL", "CHL|Chile"},
    {"AR", "ARG|Argentina"},
    {"UY", "URY|Uruguay|Uruguai"},
    {"PY", "PRY|Paraguay|Paraguai"},
    {"BR", "BRA|Brasil|Brazil"},
    {"CN", "CHN|China"},
    {"JP", "JPN|Japón|Japan|Japão"},
    {"KR", "KOR|Corea del Sur|South Korea|Coreia do Sul"},
    {"IN", "IND|India|Índia"},
    {"AU", "AUS|Australia|Austrália"},
    {"NZ", "NZL|Nueva Zelanda|New Zealand|Nova Zelândia"},
    {"IL", "ISR|Israel"},
    {"AE", "ARE|Emiratos Árabes Unidos|United Arab Emirates|Emirados Árabes Unidos"},
    {"SA", "SAU|Arabia Saudí|Arabia Saudita|Saudi Arabia|Arábia Saudita"},
    {"MO", "MAC|Macao|Macau"},
};
// clang-format on

const std::unordered_map<std::string, std::string_view>& names()
{
    static const std::unordered_map<std::string, std::string_view> table = []
    {
        std::unordered_map<std::string, std::string_view> t;
        for (const CountryNames& country : kCountries)
        {
            std::string_view rest = country.names;
            while (!rest.empty())
            {
                const auto bar = rest.find('|');
                const std::string_view name = rest.substr(0, bar);
                rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
                std::string folded = foldForSearch(name);
                t.emplace(std::move(folded), country.code);
                // "EE.UU.", "U.K." are also written without the dots.
                std::string compact = foldForSearch(name);
                std::erase(compact, ' ');
                t.emplace(std::move(compact), country.code);
            }
        }
        return t;
    }();
    return table;
}

} // namespace

std::optional<std::string> countryCodeForName(std::string_view name)
{
    std::string folded = foldForSearch(name);
    if (folded.empty())
        return std::nullopt;
    const auto& table = names();
    auto found = table.find(folded);
    if (found == table.end())
    {
        std::erase(folded, ' ');
        found = table.find(folded);
    }
    if (found == table.end())
        return std::nullopt;
    return std::string(found->second);
}

} // namespace clientes
