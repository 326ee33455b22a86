#include "core/text/language.hpp"

#include "core/text/catalogue.hpp"
#include "core/text/texts.hpp"
#include "core/text/utf8.hpp"

#include <cctype>
#include <optional>
#include <string>

namespace clientes
{

namespace
{
std::string normalisedTag(std::string_view tag)
{
    std::string out(tag);
    for (char& c : out)
        c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
} // namespace

Language languageFromTag(std::string_view bcp47)
{
    if (bcp47.empty())
        return Language::Es;
    const std::string tag = normalisedTag(bcp47);
    const std::string primary = tag.substr(0, tag.find('-'));
    std::optional<std::size_t> sameLanguage;
    for (std::size_t i = 0; i < catalogue::languageCount(); ++i)
    {
        const std::string known = normalisedTag(catalogue::languageTag(i));
        if (known == tag)
            return static_cast<Language>(i);
        if (!sameLanguage && known == primary)
            sameLanguage = i;
    }
    if (!sameLanguage) // only a regional catalogue ("pt-BR") for this language
        for (std::size_t i = 0; i < catalogue::languageCount(); ++i)
            if (normalisedTag(catalogue::languageTag(i)).starts_with(primary + "-"))
            {
                sameLanguage = i;
                break;
            }
    return sameLanguage ? static_cast<Language>(*sameLanguage) : Language::En;
}

std::size_t languageCount()
{
    return catalogue::languageCount();
}

std::vector<Language> allLanguages()
{
    std::vector<Language> languages;
    for (std::size_t i = 0; i < catalogue::languageCount(); ++i)
        languages.push_back(static_cast<Language>(i));
    return languages;
}

std::string_view languageTag(Language language)
{
    return catalogue::languageTag(static_cast<std::size_t>(language));
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

namespace
{
// C0 and C1 controls, and the characters that reorder or hide text when shown: the
// bidirectional marks, embeddings, overrides and isolates, the zero-width and invisible
// formatting characters, the line and paragraph separators.
bool mustNotBeShown(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x180E ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}
} // namespace

std::string shownValue(std::string_view text, std::size_t maxChars)
{
    std::string out;
    out.reserve(std::min(text.size(), maxChars * 4) + 3);
    std::size_t shown = 0;
    for (std::size_t pos = 0; pos < text.size();)
    {
        if (shown == maxChars)
        {
            out += "\xE2\x80\xA6"; // …
            break;
        }
        const char32_t cp = utf8::next(text, pos);
        utf8::append(out, cp == utf8::kInvalid || mustNotBeShown(cp) ? char32_t(0xFFFD) : cp);
        ++shown;
    }
    return out;
}

std::string quoted(std::string_view text, Language language, std::size_t maxChars)
{
    return clientes::text(TextKey::QuotedValue, language, {{"value", shownValue(text, maxChars)}});
}

bool namesSourceFile(std::string_view text)
{
    for (const std::string_view marker : {".cxx:", ".hxx:", ".cpp:", ".hpp:", ".cxx ", ".hxx "})
        if (text.find(marker) != std::string_view::npos)
            return true;
    return text.find("/source/") != std::string_view::npos;
}

std::string withoutInternals(std::string_view message)
{
    if (!namesSourceFile(message))
        return std::string(message);
    // Cut at the start of the first path ("/…") that leads to the source file.
    std::size_t cut = message.size();
    for (std::size_t slash = message.find('/'); slash != std::string_view::npos;
         slash = message.find('/', slash + 1))
        if (namesSourceFile(message.substr(slash)))
        {
            cut = slash;
            break;
        }
    std::string_view kept = message.substr(0, cut);
    const auto trimEnd = [&kept]
    {
        while (!kept.empty() && (kept.back() == ' ' || kept.back() == ':' || kept.back() == '\n'))
            kept.remove_suffix(1);
    };
    trimEnd();
    if (kept.size() >= 3 && kept.substr(kept.size() - 3) == " at")
        kept.remove_suffix(3);
    trimEnd();
    return std::string(kept);
}

} // namespace clientes
