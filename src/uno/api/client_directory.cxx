#include "api/client_directory.hxx"
#include "support/status_progress.hxx"

#include "api/client_fields.hxx"
#include "api/duplicates_api.hxx"
#include "api/profile_api.hxx"
#include "api/sheet_api.hxx"
#include "api/store_errors.hxx"
#include "core/files/safe_files.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"
#include "support/entry_guard.hxx"
#include "support/file_urls.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

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
class ClientDirectory : public ComponentBase<kComponent, org::clientes::XClientDirectory>
{
public:
    explicit ClientDirectory(const Reference<XComponentContext>& context) : m_context(context) {}

private:
    template <typename Body> decltype(auto) call(const char* method, Body&& body)
    {
        return guarded(method,
                       [&]() -> decltype(auto)
                       { return translateStoreFailures(language(), std::forward<Body>(body)); });
    }

public:
    OUString SAL_CALL addClient(const Sequence<NamedValue>& fields) override
    {
        return call("addClient",
                    [&]
                    {
                        Client client;
                        applyNamedValues(fields, client, language());
                        const Client stored =
                            storeAccess().with(m_context, [&](Register& store)
                                               { return store.add(std::move(client)); });
                        storeAccess().notifyChanged();
                        return fromUtf8(stored.code);
                    });
    }

    Sequence<NamedValue> SAL_CALL getClient(const OUString& key) override
    {
        return call("getClient",
                    [&]
                    {
                        return storeAccess().with(m_context, [&](Register& store)
                                                  { return toNamedValues(existing(store, key)); });
                    });
    }

    void SAL_CALL updateClient(const OUString& key, const Sequence<NamedValue>& fields) override
    {
        call("updateClient",
             [&]
             {
                 storeAccess().with(m_context,
                                    [&](Register& store)
                                    {
                                        Client client = existing(store, key);
                                        applyNamedValues(fields, client, language());
                                        store.update(client);
                                    });
                 storeAccess().notifyChanged();
             });
    }

    void SAL_CALL archiveClient(const OUString& key) override
    {
        call("archiveClient",
             [&]
             {
                 storeAccess().with(m_context, [&](Register& store)
                                    { store.setArchived(existing(store, key).id, true); });
                 storeAccess().notifyChanged();
             });
    }

    Sequence<OUString> SAL_CALL findClients(const OUString& query, sal_Int32 limit) override
    {
        return call("findClients",
                    [&]
                    {
                        const std::vector<std::string> codes =
                            storeAccess().with(m_context, [&](Register& store)
                                               { return store.findCodes(toUtf8(query), limit); });
                        Sequence<OUString> result(static_cast<sal_Int32>(codes.size()));
                        OUString* out = result.getArray();
                        for (const std::string& code : codes)
                            *out++ = fromUtf8(code);
                        return result;
                    });
    }

    sal_Int32 SAL_CALL countClients() override
    {
        return call("countClients",
                    [&]
                    {
                        return static_cast<sal_Int32>(storeAccess().with(
                            m_context, [](Register& store) { return store.count(); }));
                    });
    }

    // ---- the client's profile (profile_api.cxx)

    void SAL_CALL restoreClient(const OUString& key) override
    {
        call("restoreClient", [&] { profile_api::restoreClient(m_context, key); });
    }
    void SAL_CALL deleteClient(const OUString& key) override
    {
        call("deleteClient", [&] { profile_api::deleteClient(m_context, key); });
    }
    sal_Bool SAL_CALL isValidTaxId(const OUString& taxId, const OUString& country) override
    {
        return call("isValidTaxId", [&] { return profile_api::isValidTaxId(taxId, country); });
    }
    OUString SAL_CALL normalizeTaxId(const OUString& taxId, const OUString& country) override
    {
        return call("normalizeTaxId", [&] { return profile_api::normalizeTaxId(taxId, country); });
    }
    Sequence<Sequence<NamedValue>> SAL_CALL getRecords(const OUString& key,
                                                       const OUString& kind) override
    {
        return call("getRecords", [&] { return profile_api::getRecords(m_context, key, kind); });
    }
    sal_Int64 SAL_CALL addRecord(const OUString& key, const OUString& kind,
                                 const Sequence<NamedValue>& fields) override
    {
        return call("addRecord",
                    [&] { return profile_api::addRecord(m_context, key, kind, fields); });
    }
    void SAL_CALL updateRecord(const OUString& kind, sal_Int64 id,
                               const Sequence<NamedValue>& fields) override
    {
        call("updateRecord", [&] { profile_api::updateRecord(m_context, kind, id, fields); });
    }
    void SAL_CALL removeRecord(const OUString& kind, sal_Int64 id) override
    {
        call("removeRecord", [&] { profile_api::removeRecord(m_context, kind, id); });
    }
    Sequence<NamedValue> SAL_CALL getSummary(const OUString& key) override
    {
        return call("getSummary", [&] { return profile_api::getSummary(m_context, key); });
    }
    void SAL_CALL addNote(const OUString& key, const OUString& text) override
    {
        call("addNote", [&] { profile_api::addNote(m_context, key, text); });
    }
    sal_Int64 SAL_CALL attachFile(const OUString& key, const OUString& fileUrl) override
    {
        return call("attachFile", [&] { return profile_api::attachFile(m_context, key, fileUrl); });
    }
    void SAL_CALL saveFileCopy(sal_Int64 fileId, const OUString& targetUrl) override
    {
        call("saveFileCopy", [&] { profile_api::saveFileCopy(m_context, fileId, targetUrl); });
    }

    // ---- the register's file

    sal_Int32 SAL_CALL backupTo(const OUString& fileUrl) override
    {
        return call("backupTo",
                    [&]
                    {
                        const std::filesystem::path target = localFile(fileUrl, "fileUrl");
                        try
                        {
                            const BackupResult copied = storeAccess().with(
                                m_context, [&](Register& store) { return store.backupTo(target); });
                            return static_cast<sal_Int32>(copied.clients);
                        }
                        catch (const RegisterFileRefused& refused)
                        {
                            illegal("fileUrl", describe(refused, language()));
                        }
                        catch (const NotPermitted&)
                        {
                            throw; // a team server: the register, not the target, says no
                        }
                        catch (const StoreError& error)
                        {
                            // Where the copy goes is what is wrong (no folder, no room, no
                            // permission): the register itself is fine.
                            if (error.path != databasePath(m_context).string())
                                illegal("fileUrl", describe(error, language()));
                            throw;
                        }
                    });
    }

    OUString SAL_CALL restoreFrom(const OUString& fileUrl) override
    {
        return call("restoreFrom",
                    [&]
                    {
                        const std::filesystem::path copy = localFile(fileUrl, "fileUrl");
                        RestoreResult restored;
                        try
                        {
                            restored = storeAccess().restore(m_context, copy);
                        }
                        catch (const RegisterFileRefused& refused)
                        {
                            illegal("fileUrl", describe(refused, language()));
                        }
                        catch (const FileProblem& problem)
                        {
                            illegal("fileUrl", describe(problem, language()));
                        }
                        catch (const StoreError& error)
                        {
                            // The copy is what is wrong: the register is as it was.
                            if (error.path == copy.string())
                                illegal("fileUrl", describe(error, language()));
                            throw;
                        }
                        storeAccess().notifyChanged();
                        return restored.keptAside.empty() ? OUString()
                                                          : fileUrlOf(restored.keptAside);
                    });
    }

    // ---- where the register lives

    Sequence<NamedValue> SAL_CALL getConnectionInfo() override
    {
        return call("getConnectionInfo",
                    [&]
                    {
                        const ConnectionInfo info = storeAccess().with(
                            m_context, [](Register& store) { return store.connectionInfo(); });
                        std::vector<OUString> permissions;
                        if (info.permissions.read)
                            permissions.push_back("read");
                        if (info.permissions.edit)
                            permissions.push_back("edit");
                        if (info.permissions.admin)
                            permissions.push_back("admin");
                        Sequence<NamedValue> out(4);
                        NamedValue* value = out.getArray();
                        value[0].Name = "Mode";
                        value[0].Value <<= fromUtf8(info.server ? "server" : "file");
                        value[1].Name = "Location";
                        value[1].Value <<= fromUtf8(info.location);
                        value[2].Name = "User";
                        value[2].Value <<= fromUtf8(info.user);
                        value[3].Name = "Permissions";
                        value[3].Value <<= Sequence<OUString>(
                            permissions.data(), static_cast<sal_Int32>(permissions.size()));
                        return out;
                    });
    }

    // ---- import and export through Calc (sheet_api.cxx)

    Sequence<NamedValue> SAL_CALL importClients(const Reference<css::table::XCellRange>& source,
                                                const Sequence<NamedValue>& options) override
    {
        return call("importClients",
                    [&] { return sheet_api::importClients(m_context, source, options); });
    }
    Sequence<NamedValue> SAL_CALL importInvoices(const Reference<css::table::XCellRange>& source,
                                                 const Sequence<NamedValue>& options) override
    {
        return call("importInvoices",
                    [&] { return sheet_api::importInvoices(m_context, source, options); });
    }
    sal_Bool SAL_CALL cancelRunningWork() override
    {
        return call("cancelRunningWork", [] { return StatusProgress::cancelAll(); });
    }
    sal_Int32 SAL_CALL undoLastImport() override
    {
        return call("undoLastImport", [&] { return sheet_api::undoLastImport(m_context); });
    }
    Reference<css::table::XCellRange>
        SAL_CALL exportClients(const Reference<css::sheet::XSpreadsheet>& target,
                               const Sequence<NamedValue>& options) override
    {
        return call("exportClients",
                    [&] { return sheet_api::exportClients(m_context, target, options); });
    }
    Reference<css::table::XCellRange>
        SAL_CALL exportInvoices(const Reference<css::sheet::XSpreadsheet>& target,
                                const Sequence<NamedValue>& options) override
    {
        return call("exportInvoices",
                    [&] { return sheet_api::exportInvoices(m_context, target, options); });
    }
    Reference<css::table::XCellRange>
        SAL_CALL editClientsInSheet(const Reference<css::sheet::XSpreadsheet>& target,
                                    const Sequence<NamedValue>& options) override
    {
        return call("editClientsInSheet",
                    [&] { return sheet_api::editClientsInSheet(m_context, target, options); });
    }
    Sequence<NamedValue> SAL_CALL publishSheet(const Reference<css::sheet::XSpreadsheet>& sheet,
                                               const Sequence<NamedValue>& options) override
    {
        return call("publishSheet",
                    [&] { return sheet_api::publishSheet(m_context, sheet, options); });
    }
    Sequence<NamedValue>
        SAL_CALL refreshSheet(const Reference<css::sheet::XSpreadsheet>& sheet) override
    {
        return call("refreshSheet", [&] { return sheet_api::refreshSheet(m_context, sheet); });
    }
    sal_Int32 SAL_CALL exportClientsToCsv(const OUString& fileUrl,
                                          const Sequence<NamedValue>& options) override
    {
        return call("exportClientsToCsv",
                    [&] { return sheet_api::exportClientsToCsv(m_context, fileUrl, options); });
    }
    sal_Int32 SAL_CALL exportInvoicesToCsv(const OUString& fileUrl,
                                           const Sequence<NamedValue>& options) override
    {
        return call("exportInvoicesToCsv",
                    [&] { return sheet_api::exportInvoicesToCsv(m_context, fileUrl, options); });
    }

    // ---- duplicates and merges (duplicates_api.cxx)

    Sequence<Sequence<NamedValue>>
        SAL_CALL findDuplicates(const Sequence<NamedValue>& options) override
    {
        return call("findDuplicates",
                    [&] { return duplicates_api::findDuplicates(m_context, options); });
    }
    sal_Int64 SAL_CALL mergeClients(const OUString& keep, const Sequence<OUString>& others,
                                    const Sequence<NamedValue>& fieldChoices) override
    {
        return call(
            "mergeClients",
            [&] { return duplicates_api::mergeClients(m_context, keep, others, fieldChoices); });
    }
    void SAL_CALL undoMerge(sal_Int64 mergeId) override
    {
        call("undoMerge", [&] { duplicates_api::undoMerge(m_context, mergeId); });
    }
    void SAL_CALL markNotDuplicates(const OUString& a, const OUString& b) override
    {
        call("markNotDuplicates", [&] { duplicates_api::markNotDuplicates(m_context, a, b); });
    }

private:
    Language language() const { return uiLanguage(m_context); }

    [[noreturn]] void illegal(const char* argument, const std::string& reason) const
    {
        throw css::lang::IllegalArgumentException(fromUtf8(std::string(argument) + ": " + reason),
                                                  nullptr, 0);
    }

    // The local file a URL (or an absolute path) names.
    std::filesystem::path localFile(const OUString& url, const char* argument) const
    {
        if (auto path = systemPathOf(url))
            return *path;
        illegal(argument, clientes::text(TextKey::ProfileNotAFileUrl, language(),
                                         {{"url", shownValue(toUtf8(url), 80)}}));
    }

    Client existing(Register& store, const OUString& key) const
    {
        if (auto client = store.byKey(toUtf8(key)))
            return *client;
        throw css::container::NoSuchElementException(
            fromUtf8(noClientMessage(toUtf8(key), language())), nullptr);
    }

    Reference<XComponentContext> m_context;
};
} // namespace

const Component kComponent{"org.clientes.calc.ClientDirectory", "org.clientes.ClientDirectory",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new ClientDirectory(context); }};
} // namespace clientes::uno::client_directory
