// What the extension reads from the running office: the UI language and the user's profile.
#pragma once

#include "core/text/language.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <filesystem>
#include <string>

namespace clientes::uno
{
// The office's UI language (Tools ▸ Options ▸ Language Settings), as one of ours.
Language uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context);

// The office's locale setting (Tools ▸ Options ▸ Language Settings ▸ Languages ▸ Locale setting),
// "es-MX"; the system's when it says "Default"; "en-US" when neither is known. Figures and dates
// follow it (support/office_locale.hxx).
std::string officeLocaleTag(const css::uno::Reference<css::uno::XComponentContext>& context);

// Where the client database lives: $CLIENTES_DB when set, else clientes/clientes.db in the
// LibreOffice user profile, outside the extension's folder so that an update or an
// uninstall never touches it.
std::filesystem::path databasePath(const css::uno::Reference<css::uno::XComponentContext>& context);

// The team server to use: $CLIENTES_SERVER (a libpq connection string, "host=… port=…
// dbname=… user=…") when set, which takes precedence over the options page; "" for the file
// of this computer.
std::string teamServer(const css::uno::Reference<css::uno::XComponentContext>& context);
} // namespace clientes::uno
