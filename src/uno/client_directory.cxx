#include "client_directory.hxx"

#include "client_fields.hxx"
#include "entry_guard.hxx"
#include "office_settings.hxx"
#include "store_access.hxx"
#include "store_errors.hxx"
#include "core/ui_text.hpp"
#include "uno_text.hxx"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/clientes/XClientDirectory.hpp>

namespace css = ::com::sun::star;
using css::beans::NamedValue;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::XComponentContext;

namespace clientes::uno::client_directory
{
namespace
{
class ClientDirectory
    : public ::cppu::WeakImplHelper2<org::clientes::XClientDirectory, css::lang::XServiceInfo>
{
public:
    explicit ClientDirectory(const Reference<XComponentContext>& context) : m_context(context) {}

private:
    template <typename Body> decltype(auto) call(const char* method, Body&& body)
    {
        return guarded(method, [&]() -> decltype(auto) {
            return translateStoreFailures(language(), std::forward<Body>(body));
        });
    }

public:

    OUString SAL_CALL addClient(const Sequence<NamedValue>& fields) override
    {
        return call("addClient", [&] {
            Client client;
            applyNamedValues(fields, client, language());
            const Client stored = storeAccess().with(
                m_context, [&](ClientStore& store) { return store.add(std::move(client)); });
            storeAccess().notifyChanged();
            return fromUtf8(stored.code);
        });
    }

    Sequence<NamedValue> SAL_CALL getClient(const OUString& key) override
    {
        return call("getClient", [&] {
            return storeAccess().with(m_context, [&](ClientStore& store) {
                return toNamedValues(existing(store, key));
            });
        });
    }

    void SAL_CALL updateClient(const OUString& key, const Sequence<NamedValue>& fields) override
    {
        call("updateClient", [&] {
            storeAccess().with(m_context, [&](ClientStore& store) {
                Client client = existing(store, key);
                applyNamedValues(fields, client, language());
                store.update(client);
            });
            storeAccess().notifyChanged();
        });
    }

    void SAL_CALL archiveClient(const OUString& key) override
    {
        call("archiveClient", [&] {
            storeAccess().with(m_context, [&](ClientStore& store) {
                store.setArchived(existing(store, key).id, true);
            });
            storeAccess().notifyChanged();
        });
    }

    Sequence<OUString> SAL_CALL findClients(const OUString& query, sal_Int32 limit) override
    {
        return call("findClients", [&] {
            const std::vector<std::string> codes = storeAccess().with(
                m_context, [&](ClientStore& store) { return store.findCodes(toUtf8(query), limit); });
            Sequence<OUString> result(static_cast<sal_Int32>(codes.size()));
            OUString* out = result.getArray();
            for (const std::string& code : codes)
                *out++ = fromUtf8(code);
            return result;
        });
    }

    sal_Int32 SAL_CALL countClients() override
    {
        return call("countClients", [&] {
            return static_cast<sal_Int32>(
                storeAccess().with(m_context, [](ClientStore& store) { return store.count(); }));
        });
    }

    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }

private:
    Language language() const { return uiLanguage(m_context); }

    Client existing(ClientStore& store, const OUString& key) const
    {
        if (auto client = store.byKey(toUtf8(key)))
            return *client;
        throw css::container::NoSuchElementException(
            fromUtf8(noClientMessage(toUtf8(key), language())), nullptr);
    }

    Reference<XComponentContext> m_context;
};
} // namespace

OUString implementationName() { return ascii("org.clientes.calc.ClientDirectory"); }

Sequence<OUString> serviceNames()
{
    Sequence<OUString> names(1);
    names.getArray()[0] = ascii("org.clientes.ClientDirectory");
    return names;
}

Reference<css::uno::XInterface> SAL_CALL create(const Reference<XComponentContext>& context)
{
    return guarded("creating ClientDirectory",
                   [&] { return static_cast<cppu::OWeakObject*>(new ClientDirectory(context)); });
}
} // namespace clientes::uno::client_directory
