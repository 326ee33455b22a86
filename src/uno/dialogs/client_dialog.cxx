#include "dialogs/client_dialog.hxx"
#include "support/awt_controls.hxx"

#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "core/rules/tax_id.hpp"
#include "core/rules/validation.hpp"
#include "dialogs/profile_dialog.hxx"
#include "dialogs/profile_ui.hxx"
#include "support/entry_guard.hxx"
#include "support/latest_work.hxx"
#include "support/main_thread.hxx"
#include "support/message_box.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog2.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <atomic>
#include <memory>
#include <string>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno::client_dialog
{
namespace
{
using namespace dialog_ui;

// Control names follow the API field names: ed<Field> holds the value, err<Field> the inline
// message under it.
OUString controlName(const char* prefix, Field field)
{
    std::string name(prefix);
    const std::string_view api = fieldName(field);
    name += static_cast<char>(std::toupper(static_cast<unsigned char>(api.front())));
    name.append(api.substr(1));
    return fromUtf8(name);
}

// Fields edited as text (edKind is a list box).
constexpr Field kTextFields[] = {
    Field::LegalName,    Field::TradeName,  Field::TaxId,   Field::Country, Field::Street,
    Field::Street2,      Field::PostalCode, Field::City,    Field::Region,  Field::Email,
    Field::Phone,        Field::Mobile,     Field::Website, Field::Notes,   Field::Tags,
    Field::PaymentTerms, Field::Currency};

// edKind's entries, in this order.
constexpr std::string_view kKinds[] = {"", kKindCompany, kKindPerson};

// Another client with the same tax ID (as the store compares them), if any.
std::optional<Client> duplicateOf(Register& store, const Client& client)
{
    const std::string key = normalizeTaxId(client.taxId, client.country);
    if (key.empty())
        return std::nullopt;
    std::vector<std::int64_t> candidates;
    if (const auto found = store.byKey(client.taxId))
        candidates.push_back(found->id);
    for (const ClientSummary& row : store.search(key, true, 50).rows)
        candidates.push_back(row.id);
    for (std::int64_t id : candidates)
    {
        if (id == client.id)
            continue;
        const auto other = store.byId(id);
        if (other && normalizeTaxId(other->taxId, other->country) == key)
            return other;
    }
    return std::nullopt;
}

class ClientEditor
    : public ComponentBase<kComponent, css::awt::XDialogEventHandler, css::lang::XInitialization>
{
public:
    explicit ClientEditor(const Reference<XComponentContext>& context)
        : m_context(context), m_language(uiLanguage(context))
    {
    }

    // Arguments: nothing for a new client, or the client to edit as its code or tax ID
    // (a string) or its id (a hyper). NamedValue("Profile", <the same>) makes this the handler
    // of the client's profile dialog instead (dialogs/ProfileDialog.xdl; see profile_dialog.hxx).
    void SAL_CALL initialize(const Sequence<Any>& arguments) override
    {
        guarded("ClientEditor.initialize",
                [&]
                {
                    if (arguments.getLength() == 0)
                        return;
                    Any subject = arguments[0];
                    css::beans::NamedValue named;
                    const bool profile = (arguments[0] >>= named) && named.Name == "Profile";
                    if (profile)
                        subject = named.Value;
                    sal_Int64 id = 0;
                    OUString key;
                    std::int64_t clientId = 0;
                    if (subject >>= id)
                        clientId = id;
                    else if (subject >>= key)
                    {
                        const auto client = storeAccess().with(
                            m_context, [&](Register& store) { return store.byKey(toUtf8(key)); });
                        if (!client)
                            throw css::lang::IllegalArgumentException(
                                fromUtf8(noClientMessage(toUtf8(key), m_language)), nullptr, 0);
                        clientId = client->id;
                    }
                    if (profile)
                        m_profile = profile_dialog::createHandler(m_context, clientId);
                    else if (clientId != 0)
                        m_clientId = clientId;
                });
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XDialog>& dialog,
                                        const Any& event, const OUString& method) override
    {
        if (m_profile.is())
            return m_profile->callHandlerMethod(dialog, event, method);
        return guarded("ClientEditor." + toUtf8(method),
                       [&]() -> sal_Bool
                       {
                           if (method == "prepare")
                               prepare(dialog);
                           else if (method == "onSave")
                               save(dialog);
                           else if (method == "onEdited")
                               clearMessageOfEditedField(dialog, event);
                           else if (method == "onTaxIdLeft")
                               checkTaxIdField(dialog);
                           else if (method == "onNameEdited")
                           {
                               clearMessageOfEditedField(dialog, event);
                               checkNearMatches(dialog, true);
                           }
                           else if (method == "onIdentityLeft")
                               checkNearMatches(dialog, false);
                           else if (method == "onOpenExisting")
                               openExisting(dialog);
                           else if (method == "onRecords")
                               saveAndOpenRecords(dialog);
                           else
                               return false;
                           return true;
                       });
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        if (m_profile.is())
            return m_profile->getSupportedMethodNames();
        return asciiNames({"prepare", "onSave", "onEdited", "onTaxIdLeft", "onOpenExisting",
                           "onNameEdited", "onIdentityLeft", "onRecords"});
    }

    // The dialog closed: a near-match answer still to come is dropped.
    void closed()
    {
        ++m_nearQuestion;
        m_nearDialog.clear();
    }

    // The client stored, or the existing one the user chose to open instead.
    std::optional<std::int64_t> result() const { return m_savedId ? m_savedId : m_openedId; }
    // Whether the dialog closed through "addresses and accounts" (saved).
    bool toRecords() const { return m_toRecords && m_savedId.has_value(); }

private:
    void prepare(const Reference<css::awt::XDialog>& dialog)
    {
        m_teamMode = teamMode(m_context);
        m_nearDialog = dialog;
        std::vector<std::string> kinds;
        for (std::string_view kind : kKinds)
            kinds.push_back(clientKindLabel(kind, m_language));
        setEntries(dialog, "edKind", kinds);
        select(dialog, "edKind", 0);
        clearMessages(dialog);
        m_loaded.reset();
        if (m_clientId)
        {
            m_loaded = storeAccess().with(m_context,
                                          [&](Register& store) { return store.byId(*m_clientId); });
            if (!m_loaded)
                throw css::uno::RuntimeException(
                    fromUtf8(noClientMessage(std::to_string(*m_clientId), m_language)));
            show(dialog, *m_loaded);
        }
        else
        {
            // A new client starts with the office's country and currency (options page).
            const RegisterSettings settings = readSettings(m_context);
            if (!settings.country.empty())
                setText(dialog, "edCountry", settings.country);
            if (!settings.currency.empty())
                setText(dialog, "edCurrency", settings.currency);
        }
        showMode(dialog);
    }

    // The line on the client's other addresses and bank accounts (edited in the profile).
    void showRecords(const Reference<css::awt::XDialog>& dialog)
    {
        const std::string line = storeAccess().with(
            m_context,
            [&](Register& store)
            {
                return ownedRecordsLine(store.list<Address>(m_loaded->id),
                                        store.list<BankAccount>(m_loaded->id), m_language);
            });
        setLabel(dialog, "lblRecords", line);
    }

    // The button beside that line: saves as Save does, and once the dialog closed saved, its
    // caller shows the client's profile at the tab of addresses and accounts.
    void saveAndOpenRecords(const Reference<css::awt::XDialog>& dialog)
    {
        m_wantRecords = true;
        save(dialog);
        m_wantRecords = false;
    }

    // Title, save button and code for a new client or the one loaded.
    void showMode(const Reference<css::awt::XDialog>& dialog)
    {
        const bool editing = m_loaded.has_value();
        dialog->setTitle(
            resourceString(dialog, editing ? "ClientDialog.Title.Edit" : "ClientDialog.Title.New"));
        setLabel(
            dialog, "btnSave",
            resourceString(dialog, editing ? "ClientDialog.Save.Edit" : "ClientDialog.Save.New"));
        setLabel(dialog, "lblCode", editing ? m_loaded->code : std::string());
        if (editing)
            showRecords(dialog);
        else
            setLabel(dialog, "lblRecords", clientes::text(TextKey::ClientRecordsNew, m_language));
    }

    void show(const Reference<css::awt::XDialog>& dialog, const Client& client)
    {
        ++m_nearQuestion; // an answer still to come is about another draft
        for (Field field : kTextFields)
            setText(dialog, toUtf8(controlName("ed", field)).c_str(), client.value(field));
        sal_Int16 kind = 0;
        for (std::size_t i = 0; i < std::size(kKinds); ++i)
            if (client.kind == kKinds[i])
                kind = static_cast<sal_Int16>(i);
        select(dialog, "edKind", kind);
    }

    void clearMessages(const Reference<css::awt::XDialog>& dialog)
    {
        for (Field field : kTextFields)
            showMessage(dialog, controlName("err", field), {});
        showMessage(dialog, ascii("errKind"), {});
        showMessage(dialog, ascii("errForm"), {});
        setVisible(dialog, "btnOpenExisting", false);
    }

    // Typing in a field takes its message away; the others stay until the next save.
    void clearMessageOfEditedField(const Reference<css::awt::XDialog>& dialog, const Any& event)
    {
        css::lang::EventObject edit;
        if (!(event >>= edit))
            return;
        const Reference<css::awt::XControl> source(edit.Source, UNO_QUERY);
        if (!source.is())
            return;
        OUString name;
        Reference<css::beans::XPropertySet>(source->getModel(), UNO_QUERY_THROW)
            ->getPropertyValue(ascii("Name")) >>= name;
        if (!name.startsWith("ed"))
            return;
        const OUString messageName = "err" + name.copy(2);
        if (hasControl(dialog, messageName))
            showMessage(dialog, messageName, {});
        if (name == "edTaxId" || name == "edCountry")
        {
            showMessage(dialog, ascii("errTaxId"), {});
            setVisible(dialog, "btnOpenExisting", false);
        }
    }

    // The form's values over the client as loaded (its version included).
    Client readForm(const Reference<css::awt::XDialog>& dialog) const
    {
        Client client = m_loaded.value_or(Client{});
        for (Field field : kTextFields)
            client.value(field) = text(dialog, toUtf8(controlName("ed", field)).c_str());
        const sal_Int16 kind = selected(dialog, "edKind");
        client.kind = kind > 0 && kind < static_cast<sal_Int16>(std::size(kKinds))
                          ? std::string(kKinds[kind])
                          : std::string();
        return client;
    }

    // The tax ID's own warning and, when it belongs to another client, the duplicate warning
    // with the button that opens that client. Returns the other client.
    std::optional<Client> warnAboutTaxId(const Reference<css::awt::XDialog>& dialog,
                                         const Client& client)
    {
        const std::string warning =
            taxIdWarning(checkTaxId(client.taxId, client.country), m_language);
        const auto duplicate = storeAccess().with(m_context, [&](Register& store)
                                                  { return duplicateOf(store, client); });
        std::string message = warning;
        if (duplicate)
        {
            message = clientes::text(TextKey::ProfileDuplicateTaxId, m_language,
                                     {{"name", duplicate->legalName}, {"code", duplicate->code}}) +
                      (warning.empty() ? "" : " " + warning);
            m_duplicateId = duplicate->id;
            if (m_nearId) // the tax ID says more than a near match
            {
                showMessage(dialog, ascii("errForm"), {});
                m_nearId.reset();
            }
        }
        else if (!m_nearId)
            m_duplicateId.reset();
        showMessage(dialog, ascii("errTaxId"), message, kWarningColor);
        setVisible(dialog, "btnOpenExisting", duplicate.has_value() || m_nearId.has_value());
        return duplicate;
    }

    void checkTaxIdField(const Reference<css::awt::XDialog>& dialog)
    {
        warnAboutTaxId(dialog, readForm(dialog));
    }

    // Another client that looks like the one typed (a similar name, the same e-mail or
    // phone…), unless the tax ID already names one: the warning at the foot of the form,
    // with the button that opens it. On a team server the check as the name is typed runs on
    // a thread of its own and its answer comes when the server gives it: typing never waits on
    // the network (nothing is returned then).
    std::optional<Client> checkNearMatches(const Reference<css::awt::XDialog>& dialog, bool typing)
    {
        const Client client = readForm(dialog);
        if (m_duplicateId && m_duplicateId != m_nearId)
            return std::nullopt; // the tax ID's duplicate is shown
        const std::uint64_t question = ++m_nearQuestion;
        if (typing && m_teamMode)
        {
            if (!m_nearReads)
                m_nearReads = std::make_unique<LatestWork>();
            // Only a weak reference to this handler goes to the worker: made strong on the
            // main thread for the answer, so the handler is never released on the worker nor
            // used once gone.
            m_nearReads->submit(
                [context = m_context, client, question, raw = this,
                 self = css::uno::WeakReference<css::uno::XInterface>(
                     static_cast<cppu::OWeakObject*>(this))]
                {
                    auto match =
                        std::make_shared<std::optional<DuplicateMatch>>(nearMatch(context, client));
                    guardedNoThrow("the client dialog's near-match check",
                                   [&]
                                   {
                                       postToMainThread(
                                           context,
                                           [self, raw, question, match]
                                           {
                                               // `raw` lives while the weak reference resolves.
                                               const Reference<css::uno::XInterface> alive = self;
                                               if (!alive.is() || question != raw->m_nearQuestion)
                                                   return;
                                               const Reference<css::awt::XDialog> shown =
                                                   raw->m_nearDialog;
                                               if (shown.is())
                                                   raw->showNearMatch(shown, *match);
                                           });
                                   });
                });
            return std::nullopt;
        }
        std::optional<DuplicateMatch> match = nearMatch(m_context, client);
        showNearMatch(dialog, match);
        return match ? std::optional<Client>(match->client) : std::nullopt;
    }

    // Advice only: a register that cannot answer (a server away) gives no match; a save then
    // says what is wrong.
    static std::optional<DuplicateMatch> nearMatch(const Reference<XComponentContext>& context,
                                                   const Client& client)
    {
        try
        {
            return storeAccess().with(context,
                                      [&](Register& store) -> std::optional<DuplicateMatch>
                                      {
                                          std::vector<DuplicateMatch> matches =
                                              store.nearMatches(client, kDefaultDuplicateScore, 1);
                                          if (matches.empty())
                                              return std::nullopt;
                                          return std::move(matches.front());
                                      });
        }
        catch (const StoreError&)
        {
            return std::nullopt;
        }
    }

    void showNearMatch(const Reference<css::awt::XDialog>& dialog,
                       const std::optional<DuplicateMatch>& match)
    {
        if (m_duplicateId && m_duplicateId != m_nearId)
            return; // the tax ID's duplicate came meanwhile
        if (!match)
        {
            if (m_nearId)
            {
                showMessage(dialog, ascii("errForm"), {});
                setVisible(dialog, "btnOpenExisting", false);
                m_duplicateId.reset();
                m_nearId.reset();
            }
            return;
        }
        showMessage(dialog, ascii("errForm"),
                    clientes::text(TextKey::ProfileLooksLike, m_language,
                                   {{"name", match->client.legalName},
                                    {"code", match->client.code},
                                    {"reasons", duplicateReasons(match->score, m_language)}}),
                    kWarningColor);
        m_duplicateId = match->client.id;
        m_nearId = match->client.id;
        m_nearReasons = duplicateReasons(match->score, m_language);
        setVisible(dialog, "btnOpenExisting", true);
    }

    void showIssues(const Reference<css::awt::XDialog>& dialog,
                    const std::vector<FieldIssue>& issues)
    {
        bool focused = false;
        for (const FieldIssue& issue : issues)
        {
            showMessage(dialog, controlName("err", issue.field), describe(issue, m_language));
            if (!focused)
            {
                focus(dialog, toUtf8(controlName("ed", issue.field)).c_str());
                focused = true;
            }
        }
    }

    void save(const Reference<css::awt::XDialog>& dialog)
    {
        clearMessages(dialog);
        Client client = readForm(dialog);
        const std::string taxKey = normalizeTaxId(client.taxId, client.country);
        const auto duplicate = warnAboutTaxId(dialog, client);
        // Every problem shows at once: the fields' errors (red) over the tax ID's warnings.
        Client checked = client;
        tidy(checked);
        if (const std::vector<FieldIssue> issues = validate(checked); !issues.empty())
        {
            showIssues(dialog, issues);
            return;
        }
        // A duplicate stops the first save: the user may rather open the existing client.
        if (duplicate && m_acknowledgedDuplicate != taxKey + "|" + std::to_string(duplicate->id))
        {
            m_acknowledgedDuplicate = taxKey + "|" + std::to_string(duplicate->id);
            showMessage(dialog, ascii("errForm"),
                        clientes::text(TextKey::ProfileDuplicateTaxIdAgain, m_language),
                        kWarningColor);
            return;
        }
        // So does a new client that looks like one already there.
        if (!duplicate && client.id == 0)
            if (const auto near = checkNearMatches(dialog, false);
                near && m_acknowledgedNear != near->id)
            {
                m_acknowledgedNear = near->id;
                showMessage(dialog, ascii("errForm"),
                            clientes::text(TextKey::ProfileLooksLike, m_language,
                                           {{"name", near->legalName},
                                            {"code", near->code},
                                            {"reasons", m_nearReasons}}) +
                                " " +
                                clientes::text(TextKey::ProfileDuplicateTaxIdAgain, m_language),
                            kWarningColor);
                return;
            }
        const bool warned =
            !taxIdWarning(checkTaxId(client.taxId, client.country), m_language).empty();
        Client stored;
        try
        {
            stored = storeAccess().with(
                m_context, [&](Register& store)
                { return client.id == 0 ? store.add(std::move(client)) : store.update(client); });
        }
        catch (const ValidationError& error)
        {
            showIssues(dialog, error.issues);
            return;
        }
        catch (const ConflictError& error)
        {
            // Someone saved the client meanwhile: show what is stored now; saving again works.
            m_loaded = error.current;
            show(dialog, *m_loaded);
            clearMessages(dialog);
            showMessage(dialog, ascii("errForm"),
                        clientes::text(TextKey::ProfileClientConflict, m_language));
            return;
        }
        catch (const StoreError& error)
        {
            // A team server that does not answer: nothing was saved, the form is kept as
            // typed, and Save tries again.
            showMessage(dialog, ascii("errForm"), describeUnsaved(error, m_language));
            return;
        }
        catch (const NotFound&)
        {
            showMessage(dialog, ascii("errForm"), noClientMessage(std::string(), m_language));
            return;
        }
        m_savedId = stored.id;
        m_clientId = stored.id;
        m_loaded = stored;
        storeAccess().notifyChanged();
        // A tax ID that fails its rules is stored all the same; the dialog stays open once so
        // that the user sees why.
        if (warned && m_warnedAfterSave != taxKey)
        {
            m_warnedAfterSave = taxKey;
            showMode(dialog);
            setLabel(dialog, "btnCancel", resourceString(dialog, "ClientDialog.Close"));
            showMessage(dialog, ascii("errForm"),
                        clientes::text(TextKey::ProfileSavedWithWarning, m_language,
                                       {{"code", stored.code}}),
                        kWarningColor);
            return;
        }
        m_toRecords = m_wantRecords;
        const Reference<css::awt::XDialog2> closable(dialog, UNO_QUERY);
        if (closable.is())
            closable->endDialog(1);
    }

    // Shows the client that already has the tax ID, in this form, for editing.
    void openExisting(const Reference<css::awt::XDialog>& dialog)
    {
        if (!m_duplicateId)
            return;
        const auto existing = storeAccess().with(m_context, [&](Register& store)
                                                 { return store.byId(*m_duplicateId); });
        if (!existing)
            return;
        m_clientId = existing->id;
        m_openedId = existing->id;
        m_loaded = existing;
        m_duplicateId.reset();
        m_nearId.reset();
        ++m_nearQuestion; // an answer about the draft would name the client just opened
        m_acknowledgedDuplicate.clear();
        clearMessages(dialog);
        show(dialog, *existing);
        showMode(dialog);
        focus(dialog, "edLegalName");
    }

    Reference<XComponentContext> m_context;
    Language m_language;
    std::optional<std::int64_t> m_clientId;
    std::optional<Client> m_loaded; // as read: its version guards the update
    std::optional<std::int64_t> m_savedId;
    std::optional<std::int64_t> m_openedId;
    std::optional<std::int64_t> m_duplicateId;
    std::string m_acknowledgedDuplicate;  // "<tax key>|<other id>" the user was told about
    std::optional<std::int64_t> m_nearId; // the client the near-match warning names
    std::string m_nearReasons;            // and why
    bool m_teamMode = false;
    // The near-match checks asked on a team server; only the latest one's answer is shown.
    std::unique_ptr<LatestWork> m_nearReads;
    std::atomic<std::uint64_t> m_nearQuestion{0};
    Reference<css::awt::XDialog> m_nearDialog;      // where their answers show: set by prepare
    std::optional<std::int64_t> m_acknowledgedNear; // the one a save was stopped for
    std::string m_warnedAfterSave;                  // tax key stored with a warning shown
    bool m_wantRecords = false; // saving for the button of addresses and accounts
    bool m_toRecords = false;   // closed by it
    Reference<css::awt::XDialogEventHandler> m_profile;
};

} // namespace

OUString dialogUrl()
{
    return ascii("vnd.sun.star.extension://org.clientes.calc/dialogs/ClientDialog.xdl");
}

std::optional<std::int64_t> run(const Reference<XComponentContext>& context,
                                std::optional<std::int64_t> clientId, bool* toRecords)
{
    std::optional<std::int64_t> result;
    showingFailures("the client dialog", context,
                    [&]
                    {
                        rtl::Reference<ClientEditor> editor(new ClientEditor(context));
                        if (clientId)
                        {
                            Sequence<Any> arguments(1);
                            arguments.getArray()[0] <<= static_cast<sal_Int64>(*clientId);
                            editor->initialize(arguments);
                        }
                        runDialog(context, dialogUrl(),
                                  Reference<css::awt::XDialogEventHandler>(editor.get()), {},
                                  [](const auto&) { return HelpPage::Client; });
                        editor->closed();
                        result = editor->result();
                        if (toRecords)
                            *toRecords = editor->toRecords();
                    });
    return result;
}

const Component kComponent{"org.clientes.calc.ClientEditor", "org.clientes.ClientEditor",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new ClientEditor(context); }};
} // namespace clientes::uno::client_dialog
