#include "core/language.hpp"

#include <cctype>
#include <string>

namespace clientes
{

Language languageFromTag(std::string_view bcp47)
{
    if (bcp47.empty())
        return Language::Es;
    // Only the primary subtag matters: every regional variant shares the same texts.
    const auto end = bcp47.find_first_of("-_");
    std::string primary(bcp47.substr(0, end));
    for (char& c : primary)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (primary == "es")
        return Language::Es;
    if (primary == "pt")
        return Language::Pt;
    return Language::En;
}

} // namespace clientes
