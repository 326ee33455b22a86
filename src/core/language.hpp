#pragma once

#include <string_view>

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

} // namespace clientes
