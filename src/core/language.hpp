#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{

// Languages the user-facing texts exist in.
enum class Language
{
    Es,
    En,
    Pt
};

// Maps a BCP 47 tag ("es", "es-ES", "pt-BR", "en-US", also "pt_PT") to a supported language.
// Empty → Es (the firm's own language); unknown languages → En (the most widely understood).
Language languageFromTag(std::string_view bcp47);

// One user-facing text in each language of the product.
struct Texts
{
    std::string_view es;
    std::string_view en;
    std::string_view pt;

    constexpr std::string_view in(Language language) const
    {
        switch (language)
        {
        case Language::Es:
            return es;
        case Language::Pt:
            return pt;
        case Language::En:
            break;
        }
        return en;
    }
    std::string str(Language language) const { return std::string(in(language)); }
};

// `pattern` with every "{name}" replaced by its value. Values are not scanned again, so a
// value holding "{…}" (a file or client name) stays as it is.
std::string fillPlaceholders(std::string_view pattern,
                             const std::vector<std::pair<std::string_view, std::string>>& values);

} // namespace clientes
