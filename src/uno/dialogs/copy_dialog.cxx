#include "dialogs/copy_dialog.hxx"

#include "core/messages/messages.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "core/register/register_copy.hpp"
#include "core/text/locale.hpp"
#include "core/text/texts.hpp"
#include "dialogs/import_ui.hxx"
#include "support/awt_controls.hxx"
#include "support/entry_guard.hxx"
#include "support/main_thread.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <rtl/ref.hxx>

#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::XComponentContext;

namespace clientes::uno::copy_dialog
{
namespace
{
using namespace transfer_ui;

std::string key(const char* name)
{
    return std::string("CopyDialog.") + name;
}

std::string joinedLabels(const std::vector<std::string>& fields, Language language)
{
    std::string joined;
    for (const std::string& name : fields)
    {
        const auto field = fieldFromName(name);
        joined += (joined.empty() ? "" : ", ") + (field ? fieldLabel(*field, language) : name);
    }
    return joined;
}

// One line of the list: what happens to a client of the file.
std::string lineOf(const CopyClient& client, Language language, bool done)
{
    const std::string name = client.fileCode + " " + client.legalName;
    std::string line;
    switch (client.action)
    {
    case CopyClient::Action::Create:
        line = text(TextKey::CopyLineCreate, language, {{"client", name}});
        if (done && !client.serverCode.empty())
            line += " → " + client.serverCode;
        break;
    case CopyClient::Action::Merge:
        line = text(TextKey::CopyLineMerge, language,
                    {{"client", name},
                     {"server", client.serverCode + " " + client.serverLegalName},
                     {"fields", joinedLabels(client.filledFields, language)}});
        break;
    case CopyClient::Action::AlreadyThere:
        line =
            text(TextKey::CopyLineAlreadyThere, language,
                 {{"client", name}, {"server", client.serverCode + " " + client.serverLegalName}});
        break;
    }
    if (client.records + client.files + client.activity > 0)
        line += " · " + text(TextKey::CopyLineWith, language,
                             {{"records", groupDigits(client.records, language)},
                              {"files", groupDigits(client.files, language)},
                              {"activity", groupDigits(client.activity, language)}});
    if (!client.keptServerFields.empty())
        line += " · " + text(TextKey::CopyLineKept, language,
                             {{"fields", joinedLabels(client.keptServerFields, language)}});
    return line;
}

std::string summaryOf(const RegisterCopyPlan& plan, Language language, bool done)
{
    if (!done && !plan.changesAnything())
        return text(TextKey::CopyNothingToDo, language);
    const CopyCounts& c = plan.counts;
    return text(done ? TextKey::CopyDone : TextKey::CopySummary, language,
                {{"created", groupDigits(c.created, language)},
                 {"merged", groupDigits(c.merged, language)},
                 {"already", groupDigits(c.alreadyThere, language)},
                 {"records", groupDigits(c.records, language)},
                 {"files", groupDigits(c.files, language)},
                 {"activity", groupDigits(c.activity, language)}});
}

std::string conflictsOf(const std::vector<CopyConflict>& conflicts, Language language)
{
    std::string message =
        text(TextKey::CopyConflicts, language,
             {{"n", groupDigits(static_cast<std::int64_t>(conflicts.size()), language)}});
    for (const CopyConflict& conflict : conflicts)
        message += "\n" + text(TextKey::CopyConflictLine, language,
                               {{"number", conflict.label},
                                {"client", conflict.fileCode},
                                {"server", conflict.serverCode}});
    return message;
}

// What a worker hands back to the dialog.
struct Outcome
{
    std::optional<RegisterCopyPlan> plan;
    std::string error;
};

class CopyToServer : public ComponentBase<kComponent, css::awt::XDialogEventHandler>
{
public:
    explicit CopyToServer(const Reference<XComponentContext>& context)
        : m_context(context), m_language(uiLanguage(context))
    {
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XDialog>& dialog, const Any&,
                                        const OUString& method) override
    {
        return guarded("CopyToServer." + toUtf8(method),
                       [&]() -> sal_Bool
                       {
                           if (method == "prepare")
                               prepare(dialog);
                           else if (method == "onCopy")
                               copy(dialog);
                           else
                               return false;
                           return true;
                       });
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return asciiNames({"prepare", "onCopy"});
    }

private:
    void prepare(const Dialog& dialog)
    {
        m_file = databasePath(m_context);
        m_server = teamServer(m_context); // on the main thread: it may ask for the master password
        setLabel(dialog, "lblIntro",
                 text(dialog, key("Intro"),
                      {{"file", m_file.string()},
                       {"server", m_server.empty() ? std::string() : describeServer()}}));
        setEnabled(dialog, "btnCopy", false);
        setItems(dialog, "lstClients", {});
        if (m_server.empty())
        {
            setLabel(dialog, "lblStatus", fromUtf8(say(TextKey::CopyNeedsServer)));
            return;
        }
        std::error_code ignored;
        if (!std::filesystem::exists(m_file, ignored))
        {
            setLabel(dialog, "lblStatus",
                     fromUtf8(say(TextKey::CopyNoFile, {{"path", m_file.string()}})));
            return;
        }
        setLabel(dialog, "lblStatus", fromUtf8(say(TextKey::CopyReading)));
        work(dialog, false);
    }

    void copy(const Dialog& dialog)
    {
        if (m_busy || !m_plan || !m_plan->changesAnything())
            return;
        setEnabled(dialog, "btnCopy", false);
        setLabel(dialog, "lblStatus", fromUtf8(say(TextKey::CopyProgress, {{"percent", "0"}})));
        work(dialog, true);
    }

    std::string say(TextKey which, const TextValues& values = {}) const
    {
        return clientes::text(which, m_language, values);
    }

    std::string describeServer() const
    {
        std::string where;
        guardedNoThrow("naming the server",
                       [&] { where = postgres::describeConnection(m_server); });
        return where;
    }

    // Plans (or copies) on a thread of its own with connections of its own: the main thread
    // never waits on the server, and the deck goes on using its own connection meanwhile. The
    // worker keeps this handler alive until its outcome is shown on the main thread.
    void work(const Dialog& dialog, bool copying)
    {
        m_busy = true;
        const rtl::Reference<CopyToServer> self(this);
        std::thread(
            [self, dialog, copying, file = m_file, server = m_server]
            {
                const Language language = self->m_language;
                const auto show = [&](std::function<void()> update)
                {
                    guardedNoThrow("updating the copy dialog",
                                   [&] { postToMainThread(self->m_context, std::move(update)); });
                };
                Outcome outcome;
                try
                {
                    const std::unique_ptr<Register> from = openRegister(file);
                    const std::unique_ptr<Register> to = openTeamRegister(server);
                    if (copying)
                    {
                        int lastPercent = -1;
                        outcome.plan = copyRegister(
                            *from, *to,
                            [&](std::size_t done, std::size_t total)
                            {
                                const int percent =
                                    total == 0 ? 100 : static_cast<int>(done * 100 / total);
                                if (percent == lastPercent)
                                    return;
                                lastPercent = percent;
                                show(
                                    [dialog, language, percent]
                                    {
                                        setLabel(dialog, "lblStatus",
                                                 fromUtf8(clientes::text(
                                                     TextKey::CopyProgress, language,
                                                     {{"percent", std::to_string(percent)}})));
                                    });
                            });
                    }
                    else
                        outcome.plan = planRegisterCopy(*from, *to);
                }
                catch (const CopyConflictError& conflict)
                {
                    outcome.error = conflictsOf(conflict.conflicts, language);
                }
                catch (const StoreError& error)
                {
                    outcome.error = describe(error, language);
                }
                catch (const std::exception& error)
                {
                    outcome.error = error.what();
                }
                show([self, dialog, copying, outcome]
                     { self->finished(dialog, copying, outcome); });
            })
            .detach();
    }

    void finished(const Dialog& dialog, bool copying, const Outcome& outcome)
    {
        m_busy = false;
        if (!outcome.plan)
        {
            setLabel(dialog, "lblStatus", fromUtf8(outcome.error));
            setEnabled(dialog, "btnCopy", !copying ? false : m_plan && m_plan->changesAnything());
            return;
        }
        m_plan = outcome.plan;
        std::vector<OUString> lines;
        for (const CopyClient& client : m_plan->clients)
            lines.push_back(fromUtf8(lineOf(client, m_language, copying)));
        setItems(dialog, "lstClients", lines);
        setLabel(dialog, "lblSummary", fromUtf8(summaryOf(*m_plan, m_language, copying)));
        if (copying)
        {
            setLabel(dialog, "lblStatus", OUString());
            m_plan.reset(); // copied: a second copy starts from a new preview
            setEnabled(dialog, "btnCopy", false);
            storeAccess().notifyChanged(); // the deck shows the new clients
            return;
        }
        setLabel(dialog, "lblStatus",
                 m_plan->conflicts.empty() ? OUString()
                                           : fromUtf8(conflictsOf(m_plan->conflicts, m_language)));
        setEnabled(dialog, "btnCopy", m_plan->changesAnything() && m_plan->conflicts.empty());
    }

    Reference<XComponentContext> m_context;
    Language m_language;
    std::filesystem::path m_file;
    std::string m_server;
    std::optional<RegisterCopyPlan> m_plan;
    bool m_busy = false;
};
} // namespace

OUString dialogUrl()
{
    return ascii("vnd.sun.star.extension://org.clientes.calc/dialogs/CopyDialog.xdl");
}

void run(const Reference<XComponentContext>& context,
         const Reference<css::awt::XWindowPeer>& parent)
{
    guardedNoThrow("copying the register to the server",
                   [&]
                   {
                       const rtl::Reference<CopyToServer> handler = new CopyToServer(context);
                       runDialog(context, dialogUrl(),
                                 Reference<css::awt::XDialogEventHandler>(handler.get()), parent,
                                 [](const auto&) { return HelpPage::CopyToServer; });
                   });
}

const Component kComponent{"org.clientes.calc.CopyToServer", "org.clientes.CopyToServer",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new CopyToServer(context); }};
} // namespace clientes::uno::copy_dialog
