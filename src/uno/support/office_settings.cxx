#include "support/office_settings.hxx"

#include "support/entry_guard.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/PathSubstitution.hpp>
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

std::filesystem::path databasePath(const Reference<XComponentContext>& context)
{
    if (const char* fromEnvironment = std::getenv("CLIENTES_DB");
        fromEnvironment && *fromEnvironment)
        return std::filesystem::path(fromEnvironment);

    const Reference<css::util::XStringSubstitution> substitution =
        css::util::PathSubstitution::create(context);
    const OUString userUrl = substitution->getSubstituteVariableValue(ascii("$(user)"));
    OUString userPath;
    if (osl::FileBase::getSystemPathFromFileURL(userUrl, userPath) != osl::FileBase::E_None)
        throw css::uno::RuntimeException(ascii("Clientes: cannot locate the user profile folder"));
    return std::filesystem::path(toUtf8(userPath)) / "clientes" / "clientes.db";
}

std::string teamServer(const Reference<XComponentContext>&)
{
    if (const char* fromEnvironment = std::getenv("CLIENTES_SERVER");
        fromEnvironment && *fromEnvironment)
        return fromEnvironment;
    return {};
}
} // namespace clientes::uno
