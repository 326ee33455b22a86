#include "support/office_settings.hxx"

#include "support/entry_guard.hxx"
#include "support/main_thread.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/task/InteractionHandler.hpp>
#include <com/sun/star/task/NoMasterException.hpp>
#include <com/sun/star/task/PasswordContainer.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/task/XPasswordContainer2.hpp>
#include <com/sun/star/util/PathSubstitution.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <osl/file.hxx>

#include <cstdlib>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno
{
namespace
{
OUString readConfigString(const Reference<XComponentContext>& context, const char* nodePath,
                          const char* property)
{
    const Reference<css::lang::XMultiServiceFactory> provider =
        css::configuration::theDefaultProvider::get(context);
    Sequence<Any> arguments(1);
    arguments.getArray()[0] <<= css::beans::NamedValue(ascii("nodepath"), Any(ascii(nodePath)));
    const Reference<css::container::XNameAccess> node(
        provider->createInstanceWithArguments(
            ascii("com.sun.star.configuration.ConfigurationAccess"), arguments),
        UNO_QUERY_THROW);
    OUString value;
    node->getByName(ascii(property)) >>= value;
    return value;
}
} // namespace

Language uiLanguage(const Reference<XComponentContext>& context)
{
    OUString tag;
    guardedNoThrow("reading the UI language",
                   [&]
                   {
                       tag = readConfigString(context, "/org.openoffice.Setup/L10N", "ooLocale");
                       if (tag.isEmpty())
                           tag =
                               readConfigString(context, "/org.openoffice.System/L10N", "UILocale");
                   });
    if (tag.isEmpty())
    {
        // An office without a chosen UI language follows the session's locale.
        if (const char* lang = std::getenv("LANG"))
            tag = ascii(lang);
    }
    return languageFromTag(toUtf8(tag.replace('_', '-')));
}

std::string officeLocaleTag(const Reference<XComponentContext>& context)
{
    OUString tag;
    guardedNoThrow("reading the office locale",
                   [&]
                   {
                       tag = readConfigString(context, "/org.openoffice.Setup/L10N",
                                              "ooSetupSystemLocale");
                       if (tag.isEmpty())
                           tag = readConfigString(context, "/org.openoffice.System/L10N", "Locale");
                   });
    const std::string text = toUtf8(tag.replace('_', '-'));
    return text.empty() ? "en-US" : text;
}

namespace
{
constexpr const char* kRegisterNode = "/org.clientes.calc.Settings/Register";
constexpr const char* kNewClientsNode = "/org.clientes.calc.Settings/NewClients";

Reference<css::container::XNameAccess> settingsNode(const Reference<XComponentContext>& context,
                                                    const char* nodePath, bool forUpdate)
{
    const Reference<css::lang::XMultiServiceFactory> provider =
        css::configuration::theDefaultProvider::get(context);
    Sequence<Any> arguments(1);
    arguments.getArray()[0] <<= css::beans::NamedValue(ascii("nodepath"), Any(ascii(nodePath)));
    return Reference<css::container::XNameAccess>(
        provider->createInstanceWithArguments(
            ascii(forUpdate ? "com.sun.star.configuration.ConfigurationUpdateAccess"
                            : "com.sun.star.configuration.ConfigurationAccess"),
            arguments),
        UNO_QUERY_THROW);
}

std::string textOf(const Reference<css::container::XNameAccess>& node, const char* name)
{
    OUString value;
    node->getByName(ascii(name)) >>= value;
    return toUtf8(value);
}

// The password container's key for a server: one entry per server, database and user.
OUString passwordUrl(const postgres::ServerAddress& address)
{
    return fromUtf8("postgresql://" + address.host + ":" + std::to_string(address.port) + "/" +
                    address.database);
}

// Only the main thread may ask for the master password: another thread waiting for the user
// there could hold the register while the main thread waits for it.
Reference<css::task::XInteractionHandler>
interactionHandler(const Reference<XComponentContext>& context)
{
    if (!onMainThread())
        return {};
    return Reference<css::task::XInteractionHandler>(
        css::task::InteractionHandler::createWithParent(context, nullptr), UNO_QUERY_THROW);
}
} // namespace

RegisterSettings readSettings(const Reference<XComponentContext>& context)
{
    RegisterSettings settings;
    guardedNoThrow("reading the extension's settings",
                   [&]
                   {
                       const auto node = settingsNode(context, kRegisterNode, false);
                       settings.server = textOf(node, "Mode") == "server";
                       settings.file = textOf(node, "File");
                       settings.address.host = textOf(node, "Host");
                       sal_Int32 port = 5432;
                       node->getByName(ascii("Port")) >>= port;
                       settings.address.port = port;
                       settings.address.database = textOf(node, "Database");
                       settings.address.user = textOf(node, "User");
                       settings.address.tlsMode = textOf(node, "TlsMode");
                       const auto clients = settingsNode(context, kNewClientsNode, false);
                       settings.country = textOf(clients, "Country");
                       settings.currency = textOf(clients, "Currency");
                   });
    return settings;
}

void writeSettings(const Reference<XComponentContext>& context, const RegisterSettings& settings)
{
    const auto put =
        [](const Reference<css::container::XNameAccess>& node, const char* name, const Any& value)
    {
        Reference<css::container::XNameReplace>(node, UNO_QUERY_THROW)
            ->replaceByName(ascii(name), value);
    };
    const auto node = settingsNode(context, kRegisterNode, true);
    put(node, "Mode", Any(ascii(settings.server ? "server" : "file")));
    put(node, "File", Any(fromUtf8(settings.file)));
    put(node, "Host", Any(fromUtf8(settings.address.host)));
    put(node, "Port", Any(static_cast<sal_Int32>(settings.address.port)));
    put(node, "Database", Any(fromUtf8(settings.address.database)));
    put(node, "User", Any(fromUtf8(settings.address.user)));
    put(node, "TlsMode", Any(fromUtf8(settings.address.tlsMode)));
    Reference<css::util::XChangesBatch>(node, UNO_QUERY_THROW)->commitChanges();
    const auto clients = settingsNode(context, kNewClientsNode, true);
    put(clients, "Country", Any(fromUtf8(settings.country)));
    put(clients, "Currency", Any(fromUtf8(settings.currency)));
    Reference<css::util::XChangesBatch>(clients, UNO_QUERY_THROW)->commitChanges();
}

std::filesystem::path defaultDatabasePath(const Reference<XComponentContext>& context)
{
    const Reference<css::util::XStringSubstitution> substitution =
        css::util::PathSubstitution::create(context);
    const OUString userUrl = substitution->getSubstituteVariableValue(ascii("$(user)"));
    OUString userPath;
    if (osl::FileBase::getSystemPathFromFileURL(userUrl, userPath) != osl::FileBase::E_None)
        throw css::uno::RuntimeException(ascii("Clientes: cannot locate the user profile folder"));
    return std::filesystem::path(toUtf8(userPath)) / "clientes" / "clientes.db";
}

std::filesystem::path databasePath(const Reference<XComponentContext>& context)
{
    if (const char* fromEnvironment = std::getenv("CLIENTES_DB");
        fromEnvironment && *fromEnvironment)
        return std::filesystem::path(fromEnvironment);
    if (const std::string chosen = readSettings(context).file; !chosen.empty())
        return std::filesystem::path(chosen);
    return defaultDatabasePath(context);
}

std::string serverFromEnvironment()
{
    if (const char* fromEnvironment = std::getenv("CLIENTES_SERVER");
        fromEnvironment && *fromEnvironment)
        return fromEnvironment;
    return {};
}

bool teamMode(const Reference<XComponentContext>& context)
{
    return !serverFromEnvironment().empty() || readSettings(context).server;
}

std::string teamServer(const Reference<XComponentContext>& context)
{
    if (std::string server = serverFromEnvironment(); !server.empty())
        return server;
    const RegisterSettings settings = readSettings(context);
    if (!settings.server)
        return {};
    return postgres::connectionString(settings.address, serverPassword(context, settings.address));
}

std::string serverPassword(const Reference<XComponentContext>& context,
                           const postgres::ServerAddress& address)
{
    std::string password;
    if (address.user.empty())
        return password;
    guardedNoThrow(
        "reading the server's password",
        [&]
        {
            const css::task::UrlRecord record =
                css::task::PasswordContainer::create(context)->findForName(
                    passwordUrl(address), fromUtf8(address.user), interactionHandler(context));
            for (const css::task::UserRecord& user : record.UserList)
                if (user.UserName == fromUtf8(address.user) && user.Passwords.getLength() > 0)
                    password = toUtf8(user.Passwords[0]);
        });
    return password;
}

void unlockServerPassword(const Reference<XComponentContext>& context)
{
    if (!serverFromEnvironment().empty())
        return;
    const RegisterSettings settings = readSettings(context);
    if (settings.server)
        (void)serverPassword(context, settings.address);
}

bool keepServerPassword(const Reference<XComponentContext>& context,
                        const postgres::ServerAddress& address, const std::string& password)
{
    const Reference<css::task::XPasswordContainer2> container =
        css::task::PasswordContainer::create(context);
    const OUString url = passwordUrl(address);
    const OUString user = fromUtf8(address.user);
    if (password.empty())
    {
        guardedNoThrow("forgetting the server's password",
                       [&]
                       {
                           container->remove(url, user);
                           container->removePersistent(url, user);
                       });
        return true;
    }
    Sequence<OUString> passwords(1);
    passwords.getArray()[0] = fromUtf8(password);
    if (container->isPersistentStoringAllowed())
    {
        try
        {
            container->addPersistent(url, user, passwords, interactionHandler(context));
            return true;
        }
        catch (const css::task::NoMasterException&)
        {
            // The master password was not given (or cannot be asked for here): kept for
            // this session only.
        }
    }
    container->add(url, user, passwords, interactionHandler(context));
    return false;
}
} // namespace clientes::uno
