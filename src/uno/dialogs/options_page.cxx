#include "dialogs/options_page.hxx"

#include "core/messages/messages.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "core/rules/validation.hpp"
#include "core/text/locale.hpp"
#include "core/text/texts.hpp"
#include "dialogs/import_ui.hxx"
#include "support/entry_guard.hxx"
#include "support/help.hxx"
#include "support/main_thread.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <osl/file.hxx>

#include <array>
#include <charconv>
#include <memory>
#include <string_view>
#include <thread>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno::options_page
{
namespace
{
using namespace transfer_ui;

std::string key(const char* name)
{
    return std::string("OptionsPage.") + name;
}

// The TLS modes (libpq's sslmode) in the list's order.
constexpr std::array<std::string_view, 3> kTlsModes{"require", "verify-full", "disable"};

constexpr const char* kFileControls[] = {"lblFile", "edFile", "btnBrowse", "lblFileHint"};
constexpr const char* kServerControls[] = {
    "lblHost", "edHost",      "lblPort",    "edPort", "lblDatabase", "edDatabase", "lblUser",
    "edUser",  "lblPassword", "edPassword", "lblTls", "lstTls",      "btnTest",    "lblTestResult"};

std::string trimmed(const OUString& text)
{
    return toUtf8(text.trim());
}

// The port typed, or nothing when it is no port number.
std::optional<int> portOf(const std::string& text)
{
    int port = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || port < 1 ||
        port > 65535)
        return std::nullopt;
    return port;
}

class OptionsPage : public ComponentBase<kComponent, css::awt::XContainerWindowEventHandler>
{
public:
    explicit OptionsPage(const Reference<XComponentContext>& context)
        : m_context(context), m_language(uiLanguage(context))
    {
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XWindow>& window,
                                        const Any& event, const OUString& method) override
    {
        return guarded("OptionsPage." + toUtf8(method),
                       [&]() -> sal_Bool
                       {
                           const Dialog dialog(window, UNO_QUERY_THROW);
                           if (method == "external_event")
                           {
                               OUString what;
                               event >>= what;
                               if (what == "ok")
                                   save(dialog);
                               else if (what == "initialize" || what == "back")
                                   load(dialog);
                               // F1 with the focus on the page: its help page.
                               if (what == "initialize" && !m_help)
                                   m_help = std::make_unique<HelpScope>(
                                       m_context, Reference<css::awt::XWindow>(),
                                       Reference<css::awt::XControlContainer>(window, UNO_QUERY),
                                       [] { return HelpPage::Options; });
                               return true;
                           }
                           if (method == "onModeChanged")
                               showMode(dialog);
                           else if (method == "onBrowse")
                               browse(dialog);
                           else if (method == "onCheck")
                               check(dialog);
                           else if (method == "onTest")
                               test(dialog);
                           else
                               return false;
                           return true;
                       });
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return asciiNames({"external_event", "onModeChanged", "onBrowse", "onCheck", "onTest"});
    }

private:
    std::string say(TextKey key, const TextValues& values = {}) const
    {
        return clientes::text(key, m_language, values);
    }

    void load(const Dialog& dialog)
    {
        const RegisterSettings settings = readSettings(m_context);
        m_loaded = settings;
        setChecked(dialog, "optFile", !settings.server);
        setChecked(dialog, "optServer", settings.server);
        setText(dialog, "edFile", fromUtf8(settings.file));
        std::string defaultPath;
        guardedNoThrow("locating the default register file",
                       [&] { defaultPath = defaultDatabasePath(m_context).string(); });
        setLabel(dialog, "lblFileHint",
                 fromUtf8(say(TextKey::OptionsFileDefault, {{"path", defaultPath}})));
        setText(dialog, "edHost", fromUtf8(settings.address.host));
        setText(dialog, "edPort", fromUtf8(std::to_string(settings.address.port)));
        setText(dialog, "edDatabase", fromUtf8(settings.address.database));
        setText(dialog, "edUser", fromUtf8(settings.address.user));
        m_loadedPassword = serverPassword(m_context, settings.address);
        setText(dialog, "edPassword", fromUtf8(m_loadedPassword));
        setItems(dialog, "lstTls",
                 {text(dialog, key("TlsRequire")), text(dialog, key("TlsVerifyFull")),
                  text(dialog, key("TlsDisable"))});
        sal_Int16 chosen = 0;
        for (std::size_t i = 0; i < kTlsModes.size(); ++i)
            if (kTlsModes[i] == settings.address.tlsMode)
                chosen = static_cast<sal_Int16>(i);
        select(dialog, "lstTls", chosen);
        setText(dialog, "edCountry", fromUtf8(settings.country));
        setText(dialog, "edCurrency", fromUtf8(settings.currency));
        setLabel(dialog, "lblTestResult", OUString());
        setLabel(dialog, "lblPasswordHint", OUString());
        showMode(dialog);
        check(dialog);
    }

    // What the page shows now, as settings; `problems` gets what cannot be kept as typed.
    RegisterSettings typed(const Dialog& dialog, std::string* problems) const
    {
        RegisterSettings settings = m_loaded;
        settings.server = isChecked(dialog, "optServer");
        settings.file = trimmed(textOf(dialog, "edFile"));
        settings.address.host = trimmed(textOf(dialog, "edHost"));
        if (const auto port = portOf(trimmed(textOf(dialog, "edPort"))))
            settings.address.port = *port;
        else if (problems != nullptr)
            *problems +=
                say(TextKey::OptionsBadPort, {{"value", trimmed(textOf(dialog, "edPort"))}}) + "\n";
        settings.address.database = trimmed(textOf(dialog, "edDatabase"));
        settings.address.user = trimmed(textOf(dialog, "edUser"));
        const sal_Int16 tls = selected(dialog, "lstTls");
        if (tls >= 0 && tls < static_cast<sal_Int16>(kTlsModes.size()))
            settings.address.tlsMode = std::string(kTlsModes[tls]);
        // Country and currency as a client's are checked: the same rules, the same messages.
        Client sample;
        sample.legalName = "-";
        sample.country = trimmed(textOf(dialog, "edCountry"));
        sample.currency = trimmed(textOf(dialog, "edCurrency"));
        tidy(sample);
        bool countryOk = true;
        bool currencyOk = true;
        for (const FieldIssue& issue : validate(sample))
        {
            if (issue.field == Field::Country)
                countryOk = false;
            else if (issue.field == Field::Currency)
                currencyOk = false;
            else
                continue;
            if (problems != nullptr)
                *problems += describe(issue, m_language) + "\n";
        }
        if (countryOk)
            settings.country = sample.country;
        if (currencyOk)
            settings.currency = sample.currency;
        if (settings.server && settings.address.host.empty() && problems != nullptr)
            *problems += say(TextKey::OptionsServerNeedsHost) + "\n";
        return settings;
    }

    void check(const Dialog& dialog)
    {
        std::string problems;
        (void)typed(dialog, &problems);
        if (!serverFromEnvironment().empty())
            problems += say(TextKey::OptionsEnvironmentWins);
        while (!problems.empty() && problems.back() == '\n')
            problems.pop_back();
        setLabel(dialog, "lblNote", fromUtf8(problems));
    }

    void showMode(const Dialog& dialog)
    {
        const bool server = isChecked(dialog, "optServer");
        for (const char* name : kFileControls)
            setEnabled(dialog, name, !server);
        for (const char* name : kServerControls)
            setEnabled(dialog, name, server);
        check(dialog);
    }

    void browse(const Dialog& dialog)
    {
        namespace dialogs = css::ui::dialogs;
        const Reference<dialogs::XFilePicker3> picker = dialogs::FilePicker::createWithMode(
            m_context, dialogs::TemplateDescription::FILESAVE_SIMPLE);
        picker->setTitle(fromUtf8(say(TextKey::OptionsFileTitle)));
        const OUString filter = fromUtf8(say(TextKey::OptionsFileFilter));
        picker->appendFilter(filter, ascii("*.db"));
        picker->setCurrentFilter(filter);
        picker->setDefaultName(ascii("clientes.db"));
        if (picker->execute() != dialogs::ExecutableDialogResults::OK)
            return;
        const Sequence<OUString> files = picker->getSelectedFiles();
        OUString path;
        if (files.hasElements() &&
            osl::FileBase::getSystemPathFromFileURL(files[0], path) == osl::FileBase::E_None)
            setText(dialog, "edFile", path);
    }

    // Connects as the page says, off the main thread (3 s at most), and shows who is
    // connected and what they may do, or why it failed.
    void test(const Dialog& dialog)
    {
        std::string problems;
        const RegisterSettings settings = typed(dialog, &problems);
        if (settings.address.host.empty())
        {
            setLabel(dialog, "lblTestResult", fromUtf8(say(TextKey::OptionsServerNeedsHost)));
            return;
        }
        const std::string location = settings.address.host + ":" +
                                     std::to_string(settings.address.port) + "/" +
                                     settings.address.database;
        setLabel(dialog, "lblTestResult",
                 fromUtf8(say(TextKey::OptionsConnecting, {{"path", location}})));
        setEnabled(dialog, "btnTest", false);
        const std::string conninfo =
            postgres::connectionString(settings.address, toUtf8(textOf(dialog, "edPassword")));
        std::thread(
            [context = m_context, language = m_language, dialog, conninfo, location]
            {
                std::string result;
                try
                {
                    const std::unique_ptr<Register> reg = openTeamRegister(conninfo);
                    const ConnectionInfo info = reg->connectionInfo();
                    const TextKey rights = info.permissions.admin  ? TextKey::OptionsRightsAdmin
                                           : info.permissions.edit ? TextKey::OptionsRightsEdit
                                                                   : TextKey::OptionsRightsRead;
                    result = clientes::text(TextKey::OptionsConnected, language,
                                            {{"path", info.location},
                                             {"user", info.user},
                                             {"rights", clientes::text(rights, language)},
                                             {"count", groupDigits(reg->count(true), language)}});
                }
                catch (const StoreError& error)
                {
                    result = describe(error, language);
                }
                catch (const std::exception& error)
                {
                    result = error.what();
                }
                guardedNoThrow("showing the connection test",
                               [&]
                               {
                                   postToMainThread(context,
                                                    [dialog, result]
                                                    {
                                                        setLabel(dialog, "lblTestResult",
                                                                 fromUtf8(result));
                                                        setEnabled(dialog, "btnTest", true);
                                                    });
                               });
            })
            .detach();
    }

    void save(const Dialog& dialog)
    {
        const RegisterSettings settings = typed(dialog, nullptr);
        const std::string password = toUtf8(textOf(dialog, "edPassword"));
        writeSettings(m_context, settings);
        bool passwordChanged = false;
        if (settings.server && !settings.address.user.empty() &&
            (password != m_loadedPassword || settings.address.host != m_loaded.address.host ||
             settings.address.port != m_loaded.address.port ||
             settings.address.database != m_loaded.address.database ||
             settings.address.user != m_loaded.address.user))
        {
            passwordChanged = true;
            const bool kept = keepServerPassword(m_context, settings.address, password);
            setLabel(dialog, "lblPasswordHint",
                     fromUtf8(say(kept ? TextKey::OptionsPasswordKept
                                       : TextKey::OptionsPasswordForThisSession)));
        }
        const bool registerChanged =
            passwordChanged || settings.server != m_loaded.server ||
            (settings.server ? settings.address.tlsMode != m_loaded.address.tlsMode
                             : settings.file != m_loaded.file);
        m_loaded = settings;
        m_loadedPassword = password;
        // The deck and every open view show the register the settings now name.
        if (registerChanged)
            storeAccess().reopen();
    }

    Reference<XComponentContext> m_context;
    Language m_language;
    RegisterSettings m_loaded;
    std::unique_ptr<HelpScope> m_help;
    std::string m_loadedPassword;
};
} // namespace

const Component kComponent{"org.clientes.calc.OptionsPage", "org.clientes.calc.OptionsPage",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new OptionsPage(context); }};
} // namespace clientes::uno::options_page
