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

// A value given by a caller (a field or option name, a key, a file name), made fit to be
// quoted in a message: invalid UTF-8 and control or bidirectional-formatting characters become
// U+FFFD (so that nothing hides or reorders the text around it), and text longer than
// `maxChars` code points is cut, ending in "…".
std::string shownValue(std::string_view text, std::size_t maxChars = 60);

// shownValue in the language's quotation marks: «nombre» (es, pt), “name” (en).
std::string quoted(std::string_view text, Language language, std::size_t maxChars = 60);

// A message from the office with what only its developers can read taken out: the source
// location LibreOffice appends (" at /build/…/cellsuno.cxx:1234", "…/source/…:12: "), and
// anything after it. Empty when nothing else was said.
std::string withoutInternals(std::string_view message);

// True when a text names a source file ("….cxx:12", "/sc/source/…").
bool namesSourceFile(std::string_view text);

} // namespace clientes
