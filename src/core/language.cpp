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

std::string fillPlaceholders(std::string_view pattern,
                             const std::vector<std::pair<std::string_view, std::string>>& values)
{
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t pos = 0; pos < pattern.size();)
    {
        const std::size_t open = pattern.find('{', pos);
        const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos)
        {
            out.append(pattern.substr(pos));
            break;
        }
        out.append(pattern.substr(pos, open - pos));
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        bool replaced = false;
        for (const auto& [placeholder, value] : values)
            if (placeholder == name)
            {
                out.append(value); // values are never scanned again: no injection via "{…}"
                replaced = true;
                break;
            }
        if (!replaced)
            out.append(pattern.substr(open, close - open + 1));
        pos = close + 1;
    }
    return out;
}

} // namespace clientes
