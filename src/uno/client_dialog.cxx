#include "client_dialog.hxx"

#include "core/client_store.hpp"
#include "core/messages.hpp"
#include "core/ui_text.hpp"
#include "core/validation.hpp"
#include "entry_guard.hxx"
#include "office_settings.hxx"
#include "store_access.hxx"
#include "uno_text.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog2.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ref.hxx>

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

constexpr sal_Int32 kMessageColor = 0xB00020;

constexpr Field kEditableFields[] = {Field::LegalName, Field::TradeName,  Field::TaxId,
                                     Field::Country,   Field::Street,     Field::PostalCode,
                                     Field::City,      Field::Region,     Field::Email,
                                     Field::Phone,     Field::Website,    Field::Notes};

class ClientEditor : public ::cppu::WeakImplHelper3<css::awt::XDialogEventHandler,
                                                    css::lang::XInitialization,
                                                    css::lang::XServiceInfo>
{
public:
    explicit ClientEditor(const Reference<XComponentContext>& context)
        : m_context(context), m_language(uiLanguage(context))
    {
    }

    // Arguments: nothing for a new client, or the client to edit as its code or tax ID
    // (a string) or its id (a hyper).
    void SAL_CALL initialize(const Sequence<Any>& arguments) override
    {
        guarded("ClientEditor.initialize", [&] {
            if (arguments.getLength() == 0)
                return;
            sal_Int64 id = 0;
            OUString key;
            if (arguments[0] >>= id)
                m_clientId = id;
            else if (arguments[0] >>= key)
            {
                const auto client = storeAccess().with(m_context, [&](ClientStore& store) {
                    return store.byKey(toUtf8(key));
                });
                if (!client)
                    throw css::lang::IllegalArgumentException(
                        fromUtf8(noClientMessage(toUtf8(key), m_language)), nullptr, 0);
                m_clientId = client->id;
            }
        });
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XDialog>& dialog,
                                        const Any& event, const OUString& method) override
    {
        return guarded("ClientEditor." + toUtf8(method), [&]() -> sal_Bool {
            if (method == "prepare")
                prepare(dialog);
            else if (method == "onSave")
                save(dialog);
            else if (method == "onEdited")
                clearMessageOfEditedField(dialog, event);
            else
                return false;
            return true;
        });
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        Sequence<OUString> names(3);
        OUString* out = names.getArray();
        out[0] = ascii("prepare");
        out[1] = ascii("onSave");
        out[2] = ascii("onEdited");
        return names;
    }

    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }

    std::optional<std::int64_t> savedId() const { return m_savedId; }

private:
    static Reference<css::awt::XControl> control(const Reference<css::awt::XDialog>& dialog,
                                                 const OUString& name)
    {
        const Reference<css::awt::XControl> found =
            Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(name);
        if (!found.is())
            throw css::uno::RuntimeException("Clientes: the dialog has no control " + name);
        return found;
    }

    static Reference<css::beans::XPropertySet> model(const Reference<css::awt::XDialog>& dialog,
                                                     const OUString& name)
    {
        return Reference<css::beans::XPropertySet>(control(dialog, name)->getModel(),
                                                   UNO_QUERY_THROW);
    }

    // Strings of the dialog's own resource (dialogs/ClientDialog_*.properties).
    OUString resourceString(const Reference<css::awt::XDialog>& dialog, const char* key) const
    {
        const Reference<css::beans::XPropertySet> dialogModel(
            Reference<css::awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW);
        Reference<css::resource::XStringResourceResolver> resolver;
        dialogModel->getPropertyValue(ascii("ResourceResolver")) >>= resolver;
        if (resolver.is() && resolver->hasEntryForId(ascii(key)))
            return resolver->resolveString(ascii(key));
        return ascii(key);
    }

    void prepare(const Reference<css::awt::XDialog>& dialog)
    {
        const bool editing = m_clientId.has_value();
        dialog->setTitle(resourceString(dialog, editing ? "ClientDialog.Title.Edit"
                                                        : "ClientDialog.Title.New"));
        model(dialog, ascii("btnSave"))
            ->setPropertyValue(ascii("Label"),
                               Any(resourceString(dialog, editing ? "ClientDialog.Save.Edit"
                                                                  : "ClientDialog.Save.New")));
        clearMessages(dialog);
        if (!editing)
            return;
        const auto client = storeAccess().with(m_context,
                                               [&](ClientStore& store) { return store.byId(*m_clientId); });
        if (!client)
            throw css::uno::RuntimeException(fromUtf8(noClientMessage(std::to_string(*m_clientId), m_language)));
        for (Field field : kEditableFields)
            Reference<css::awt::XTextComponent>(control(dialog, controlName("ed", field)),
                                                UNO_QUERY_THROW)
                ->setText(fromUtf8(client->value(field)));
        model(dialog, ascii("lblCode"))->setPropertyValue(ascii("Label"), Any(fromUtf8(client->code)));
    }

    void clearMessages(const Reference<css::awt::XDialog>& dialog)
    {
        for (Field field : kEditableFields)
            showMessage(dialog, controlName("err", field), OUString());
        showMessage(dialog, ascii("errForm"), OUString());
    }

    // Messages are red whatever the .xdl or the theme says, so that they read as errors.
    static void showMessage(const Reference<css::awt::XDialog>& dialog, const OUString& name,
                            const OUString& text)
    {
        const Reference<css::beans::XPropertySet> label = model(dialog, name);
        label->setPropertyValue(ascii("TextColor"), Any(kMessageColor));
        label->setPropertyValue(ascii("Label"), Any(text));
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
        if (Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(messageName).is())
            showMessage(dialog, messageName, OUString());
    }

    Client readForm(const Reference<css::awt::XDialog>& dialog, ClientStore& store) const
    {
        Client client;
        if (m_clientId)
        {
            auto stored = store.byId(*m_clientId);
            if (!stored)
                throw NotFound(std::to_string(*m_clientId));
            client = std::move(*stored);
        }
        for (Field field : kEditableFields)
            client.value(field) = toUtf8(
                Reference<css::awt::XTextComponent>(control(dialog, controlName("ed", field)),
                                                    UNO_QUERY_THROW)
                    ->getText());
        return client;
    }

    void showIssues(const Reference<css::awt::XDialog>& dialog, const std::vector<FieldIssue>& issues)
    {
        bool focused = false;
        for (const FieldIssue& issue : issues)
        {
            showMessage(dialog, controlName("err", issue.field),
                        fromUtf8(describe(issue, m_language)));
            if (!focused)
            {
                Reference<css::awt::XWindow>(control(dialog, controlName("ed", issue.field)),
                                             UNO_QUERY_THROW)
                    ->setFocus();
                focused = true;
            }
        }
    }

    void save(const Reference<css::awt::XDialog>& dialog)
    {
        clearMessages(dialog);
        try
        {
            const Client stored = storeAccess().with(m_context, [&](ClientStore& store) {
                Client client = readForm(dialog, store);
                return client.id == 0 ? store.add(std::move(client)) : store.update(client);
            });
            m_savedId = stored.id;
        }
        catch (const ValidationError& error)
        {
            showIssues(dialog, error.issues);
            return;
        }
        catch (const StoreError& error)
        {
            showMessage(dialog, ascii("errForm"), fromUtf8(describe(error, m_language)));
            return;
        }
        catch (const NotFound&)
        {
            showMessage(dialog, ascii("errForm"),
                        fromUtf8(noClientMessage(std::string(), m_language)));
            return;
        }
        storeAccess().notifyChanged();
        const Reference<css::awt::XDialog2> closable(dialog, UNO_QUERY);
        if (closable.is())
            closable->endDialog(1);
    }

    Reference<XComponentContext> m_context;
    Language m_language;
    std::optional<std::int64_t> m_clientId;
    std::optional<std::int64_t> m_savedId;
};

void showError(const Reference<XComponentContext>& context, const std::string& message)
{
    guardedNoThrow("showing an error", [&] {
        const Reference<css::awt::XMessageBoxFactory> boxes(css::awt::Toolkit::create(context),
                                                            UNO_QUERY_THROW);
        boxes
            ->createMessageBox(nullptr, css::awt::MessageBoxType_ERRORBOX,
                               css::awt::MessageBoxButtons::BUTTONS_OK,
                               fromUtf8(uiText(UiText::ErrorTitle, uiLanguage(context))),
                               fromUtf8(message))
            ->execute();
    });
}
} // namespace

OUString dialogUrl()
{
    return ascii("vnd.sun.star.extension://org.clientes.calc/dialogs/ClientDialog.xdl");
}

std::optional<std::int64_t> run(const Reference<XComponentContext>& context,
                                std::optional<std::int64_t> clientId)
{
    std::optional<std::int64_t> saved;
    guardedNoThrow("the client dialog", [&] {
        try
        {
            rtl::Reference<ClientEditor> editor(new ClientEditor(context));
            if (clientId)
            {
                Sequence<Any> arguments(1);
                arguments.getArray()[0] <<= static_cast<sal_Int64>(*clientId);
                editor->initialize(arguments);
            }
            const Reference<css::awt::XDialog> dialog =
                css::awt::DialogProvider2::create(context)->createDialogWithHandler(
                    dialogUrl(), Reference<css::awt::XDialogEventHandler>(editor.get()));
            editor->callHandlerMethod(dialog, Any(), ascii("prepare"));
            dialog->execute();
            saved = editor->savedId();
            Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
        }
        catch (const StoreError& error)
        {
            showError(context, describe(error, uiLanguage(context)));
        }
        catch (const css::uno::Exception& error)
        {
            showError(context, toUtf8(error.Message));
        }
    });
    return saved;
}

OUString implementationName() { return ascii("org.clientes.calc.ClientEditor"); }

Sequence<OUString> serviceNames()
{
    Sequence<OUString> names(1);
    names.getArray()[0] = ascii("org.clientes.ClientEditor");
    return names;
}

Reference<css::uno::XInterface> SAL_CALL create(const Reference<XComponentContext>& context)
{
    return guarded("creating ClientEditor",
                   [&] { return static_cast<cppu::OWeakObject*>(new ClientEditor(context)); });
}
} // namespace clientes::uno::client_dialog
