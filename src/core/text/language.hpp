#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{

// A language of the user's texts: one of the catalogues po/<lang>.po the build found. The
// product's own three are named (the build requires them, in this order); a catalogue added
// to po/ (or, for a test build, CLIENTES_EXTRA_CATALOGUES) is the next value, 3, 4…
enum class Language : std::uint8_t
{
    Es,
    En,
    Pt
};

// Maps a BCP 47 tag ("es", "es-ES", "pt-BR", "en-US", also "pt_PT") to a catalogue language:
// the catalogue of that exact tag when there is one ("pt-BR"), else that of its language ("pt").
// Empty → Es (the firm's own language); a language without a catalogue → En (the most widely
// understood).
Language languageFromTag(std::string_view bcp47);

// The catalogue languages, and the tag of each ("es", "en", "pt", "fr"…).
std::size_t languageCount();
std::vector<Language> allLanguages();
std::string_view languageTag(Language language);

// `pattern` with every "{name}" replaced by its value. Values are not scanned again, so a
// value holding "{…}" (a file or client name) stays as it is.
std::string fillPlaceholders(std::string_view pattern,
                             const std::vector<std::pair<std::string_view, std::string>>& values);

// A value given by a caller (a field or option name, a key, a file name), made fit to be
// quoted in a message: invalid UTF-8 and control or bidirectional-formatting characters become
// U+FFFD (so that nothing hides or reorders the text around it), and text longer than
// `maxChars` code points is cut, ending in "…".
std::string shownValue(std::string_view text, std::size_t maxChars = 60);

// shownValue in the language's quotation marks (TextKey::QuotedValue): «nombre» (es, pt),
// “name” (en).
std::string quoted(std::string_view text, Language language, std::size_t maxChars = 60);

// A message from the office with what only its developers can read taken out: the source
// location LibreOffice appends (" at /build/…/cellsuno.cxx:1234", "…/source/…:12: "), and
// anything after it. Empty when nothing else was said.
std::string withoutInternals(std::string_view message);

// True when a text names a source file ("….cxx:12", "/sc/source/…").
bool namesSourceFile(std::string_view text);

} // namespace clientes
