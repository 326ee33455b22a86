// What the extension reads from the running office: the UI language and the user's profile.
#pragma once

#include "core/store/postgres/pg_store.hpp"
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

// The extension's settings (config/Settings.xcs), as the options page edits them and an
// administrator's .xcu presets them. The password is not among them (serverPassword).
struct RegisterSettings
{
    bool server = false; // the team server, else this computer's file
    std::string file;    // the register file; "" = the default one in the user's profile
    postgres::ServerAddress address;
    std::string country; // what a new client starts with; "" = nothing
    std::string currency;
};
RegisterSettings readSettings(const css::uno::Reference<css::uno::XComponentContext>& context);
// Writes them into the user's configuration (throws a UNO exception when it cannot).
void writeSettings(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const RegisterSettings& settings);

// The register file of this computer when none is chosen: clientes/clientes.db in the
// LibreOffice user profile, outside the extension's folder so that an update or an uninstall
// never touches it.
std::filesystem::path
defaultDatabasePath(const css::uno::Reference<css::uno::XComponentContext>& context);
// Where the client database lives: $CLIENTES_DB when set, else the file of the settings, else
// the default one.
std::filesystem::path databasePath(const css::uno::Reference<css::uno::XComponentContext>& context);

// $CLIENTES_SERVER, the libpq connection string of the office's environment that takes
// precedence over the options page (for scripted and test use); "" when not set.
std::string serverFromEnvironment();
// Whether the register is on a team server ($CLIENTES_SERVER or the settings), without
// connecting or reading a password.
bool teamMode(const css::uno::Reference<css::uno::XComponentContext>& context);
// The team server to use: serverFromEnvironment() when set, else the settings' server (with
// its password from the password container) when the settings say so; "" for the file of
// this computer.
std::string teamServer(const css::uno::Reference<css::uno::XComponentContext>& context);

// The password of `address`'s user in LibreOffice's password container (protected by the
// master password when the user set one); "" when none is kept or it cannot be read now.
std::string serverPassword(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const postgres::ServerAddress& address);
// On the main thread, before the register is opened elsewhere: reads the settings' server
// password once, so that the password container has its master password (asking the user
// for it when they set one) and threads that open the register later find the password.
void unlockServerPassword(const css::uno::Reference<css::uno::XComponentContext>& context);
// Keeps it there ("" forgets it); returns false when the office keeps passwords only until
// it closes (persistent storing is off in Tools ▸ Options ▸ LibreOffice ▸ Security).
bool keepServerPassword(const css::uno::Reference<css::uno::XComponentContext>& context,
                        const postgres::ServerAddress& address, const std::string& password);
} // namespace clientes::uno
