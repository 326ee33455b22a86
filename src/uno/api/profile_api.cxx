/* The client's profile in the scripting API (org.clientes.XClientDirectory).

   Keys. `key` is a client's code or tax ID in any spelling (as getClient), except for
   kind "timeEntries", where it is a project's id written as text ("12").

   Kinds. getRecords / addRecord / updateRecord / removeRecord take one of: "contacts",
   "projects", "timeEntries", "tasks", "purchaseOrders", "invoices", "deals", "files",
   "activity". Files are added with attachFile and can only be listed and removed; the
   activity is written by the register (notes with addNote) and can only be listed, newest
   first. Any other kind: IllegalArgumentException.

   Records are sequences of NamedValue, read and written field by field as the kinds'
   descriptions say (core/model/record_kinds.cpp). Every record has "id" (hyper); the editable ones
   also "createdAt", "updatedAt" (ISO 8601 UTC text) and "version" (hyper: 1 after add, +1 on every
   change). Fields by kind (text unless said otherwise; dates are ISO text "2024-05-31",
   "" when not set; statuses are the API words in brackets):
     contacts        clientId, name*, role, email, phone
     projects        clientId, name*, status [open|closed], hours (double, read-only: the
                     project's time entries added up)
     timeEntries     projectId, clientId, date*, hours* (double, > 0 and <= 24), note
     tasks           clientId, title*, dueDate, status [pending|done], overdue (boolean,
                     read-only: pending and due before today)
     purchaseOrders  clientId, number*, date, amount (double), currency, status [open|closed]
     invoices        clientId, number* (unique in the register), issueDate*, dueDate (default:
                     the issue date), net, tax, total (doubles; total = net + tax), currency,
                     status [draft|authorised|paid], overdue (boolean, read-only: authorised
                     and due before today)
     deals           clientId, title, number (one of them*), date, amount (double), currency,
                     stage [draft|sent|accepted|rejected], validUntil
     files           clientId, name, mimeType, size (hyper, bytes), sha256 (64 hex digits),
                     addedAt
     activity        clientId, at (ISO 8601 UTC), kind [created|updated|archived|restored|
                     fileAttached|fileRemoved|recordAdded|recordChanged|recordRemoved|imported|
                     note], record [contact|project|…|file; "" for the client itself],
                     recordId (hyper), label (what the record was called), batchId (imports),
                     text (notes), changes (sequence of [field, old value, new value], values
                     as the API writes them), user (who: the database user on a team server,
                     "" in a file register), title and detail (the entry in the UI language,
                     as the profile shows it)
   (* = required.)

   Money. Amounts are doubles in the currency's units (1250.5 = 1,250.50 EUR) next to
   "currency" (ISO 4217, e.g. "EUR"); the register keeps whole minor units, so an amount given
   with more decimals than its currency has is rounded (half away from zero). Amounts may also
   be given as decimal text ("1250.50" or "1250,50", no thousands separators, not more decimals
   than the currency has). An empty or missing currency on add is the client's default
   currency. On an invoice, total defaults to net + tax; giving only total (and perhaps tax)
   on add sets net = total - tax. Changing only the currency keeps the amounts' values.

   addRecord returns the new id. updateRecord changes only the fields given; to detect a
   concurrent change, pass the "version" you read: if someone saved the record since, the call
   raises RuntimeException (someone else changed it) and changes nothing. Without "version" the
   stored version is used (the last writer wins, field by field). Read-only fields (id,
   clientId, projectId, createdAt, updatedAt, and the derived hours/overdue) may be passed back
   unchanged, so a record read with getRecords can be edited and handed back whole; another
   value for them raises IllegalArgumentException. Numbers are accepted for text fields and
   com.sun.star.util.Date for dates.

   getSummary returns the key figures as of today, flat:
     today (text); projects, projectsOpen, projectsClosed (long), projectHours (double);
     tasksOverdue, tasksPending, tasksUpcoming (pending and due within 7 days), tasksDone;
     purchaseOrders, purchaseOrdersOpen, purchaseOrdersClosed;
     invoices, invoicesDraft, invoicesAuthorised (issued: authorised or paid), invoicesPaid,
     invoicesPending (authorised, due today or later), invoicesOverdue (authorised, due before
     today) — counts over all currencies;
     deals, dealsOpen (draft or sent), dealsAccepted, dealsRejected;
     contacts, files (long), fileBytes (hyper);
     per currency, for every currency that has such records, "<figure>Amount.<CUR>" (double)
     and "<figure>Count.<CUR>" (long) for the figures purchaseOrders, invoicesAuthorised,
     invoicesPaid, invoicesPending, invoicesOverdue, dealsOpen and dealsAccepted — e.g.
     invoicesOverdueAmount.EUR = 1250.0, invoicesOverdueCount.EUR = 3;
     currencies (sequence of text): every currency named in those keys, sorted.

   Files. attachFile reads a local file (a file:// URL or an absolute path), keeps it inside
   the register with its SHA-256 and returns its id; its name is the URL's last segment, its
   MIME type follows the extension (application/octet-stream when unknown). Over 50 MB:
   IllegalArgumentException naming the file, its size and the limit. Only regular files are
   read (a symbolic link is followed to one); a folder, FIFO, socket, device or a pseudo-file
   of /proc or /sys, and a name with control or bidirectional characters, raise
   IllegalArgumentException ("fileUrl: …") at once, without reading. saveFileCopy writes the
   bytes to a temporary file beside the target and renames it over the target, so a failure
   leaves the old file as it was; the register's own files (its database, -wal, -shm,
   -journal, back-ups) are refused ("targetUrl: …").

   Errors. Invalid input raises IllegalArgumentException whose message names the API field and
   the reason in the UI language ("number: Ya existe una factura con este número."); a key or
   id that names nothing raises NoSuchElementException; deleteClient of a client with linked
   projects, tasks, orders, invoices, deals or files raises IllegalArgumentException naming
   them (archive it instead); a concurrent change (see "version") or a register that cannot be
   read or written raises RuntimeException with a message for the user. restoreClient,
   deleteClient, addRecord, updateRecord, removeRecord, addNote and attachFile tell the deck
   to show the change. */
#include "api/profile_api.hxx"

#include "api/profile_fields.hxx"
#include "api/store_errors.hxx"
#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "core/rules/dates.hpp"
#include "core/rules/tax_id.hpp"
#include "support/office_settings.hxx"
#include "support/profile_files.hxx"
#include "support/record_store.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

#include <charconv>

namespace css = ::com::sun::star;
using css::uno::Sequence;

namespace clientes::uno::profile_api
{
namespace
{
using profile_fields::ApplyContext;

[[noreturn]] void illegal(std::string_view argument, const std::string& reason,
                          sal_Int16 position = 0)
{
    throw css::lang::IllegalArgumentException(fromUtf8(std::string(argument) + ": " + reason),
                                              nullptr, position);
}

// Failures of the store as the exceptions the IDL declares (store_errors.hxx).
template <typename Body> decltype(auto) translated(Language language, Body&& body)
{
    return translateStoreFailures(language, std::forward<Body>(body));
}

Client clientFor(Register& store, const OUString& key, Language language)
{
    if (auto client = store.byKey(toUtf8(key)))
        return *client;
    throw css::container::NoSuchElementException(fromUtf8(noClientMessage(toUtf8(key), language)),
                                                 nullptr);
}

// The record kind a `kind` argument names; nullopt for the activity.
std::optional<RecordType> kindFor(const OUString& name, Language language)
{
    const std::string text = toUtf8(name);
    if (text == profile_fields::kActivity)
        return std::nullopt;
    if (const auto type = recordKindFromName(text))
        return *type;
    illegal("kind", clientes::text(
                        TextKey::ProfileUnknownRecordKind, language,
                        {{"kind", shownValue(text, 40)}, {"kinds", profile_fields::kindNames()}}));
}

[[noreturn]] void recordNotFound(RecordType type, std::int64_t id, Language language)
{
    throw css::container::NoSuchElementException(
        fromUtf8(clientes::text(
            TextKey::ProfileRecordNotFound, language,
            {{"what", recordTypeLabel(type, language)}, {"id", std::to_string(id)}})),
        nullptr);
}

// The project a "timeEntries" key names.
Project projectFor(Register& store, const OUString& key, Language language)
{
    const std::string given = toUtf8(key.trim());
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(given.data(), given.data() + given.size(), id);
    if (error == std::errc() && end == given.data() + given.size())
        if (auto project = store.get<Project>(id))
            return *project;
    throw css::container::NoSuchElementException(
        fromUtf8(clientes::text(TextKey::ProfileProjectNotFound, language,
                                {{"id", shownValue(given, 40)}})),
        nullptr);
}

std::string defaultCurrencyOf(Register& store, std::int64_t clientId)
{
    const auto client = store.byId(clientId);
    return client ? client->currency : std::string();
}

template <typename Record> Fields valuesOf(Register& store, const Record& record)
{
    return profile_fields::toNamedValues(record,
                                         derivedInputs(store, record, clientes::todayIso()));
}

template <typename Record> Record stored(Register& store, std::int64_t id, Language language)
{
    if (auto record = store.get<Record>(id))
        return *record;
    recordNotFound(*kindOf<Record>().info.type, id, language);
}

// The client's, or for time entries the project's, that `key` names.
template <typename Record>
std::int64_t parentFor(Register& store, const OUString& key, Language language)
{
    if (kindOf<Record>().info.parent == Parent::Project)
        return projectFor(store, key, language).id;
    return clientFor(store, key, language).id;
}

template <typename Record>
void update(Register& store, std::int64_t id, const Fields& fields, Language language)
{
    Record record = stored<Record>(store, id, language);
    profile_fields::apply(fields, record,
                          ApplyContext{language, false, defaultCurrencyOf(store, record.clientId),
                                       clientes::todayIso()});
    try
    {
        store.update(record);
    }
    catch (const RecordConflict<Record>& conflict)
    {
        throwConflict(describe(conflict, language), valuesOf(store, conflict.current));
    }
}

template <typename Record>
std::int64_t add(Register& store, const OUString& key, const Fields& fields, Language language)
{
    const KindOf<Record>& kind = kindOf<Record>();
    Record record;
    std::string currency;
    if (kind.info.parent == Parent::Project)
        kind.withRole(FieldRole::ProjectId)
            ->set(record, FieldValue(projectFor(store, key, language).id));
    else
    {
        const Client client = clientFor(store, key, language);
        record.clientId = client.id;
        currency = client.currency;
    }
    profile_fields::apply(fields, record,
                          ApplyContext{language, true, currency, clientes::todayIso()});
    return store.add(std::move(record)).id;
}

template <typename Record, typename Convert>
Sequence<Fields> listOf(const std::vector<Record>& records, Convert convert)
{
    Sequence<Fields> result(static_cast<sal_Int32>(records.size()));
    Fields* out = result.getArray();
    for (const Record& record : records)
        *out++ = convert(record);
    return result;
}

std::vector<ActivityEntry> wholeActivity(Register& store, std::int64_t clientId)
{
    std::vector<ActivityEntry> entries;
    std::int64_t before = 0;
    do
    {
        ActivityPage page = store.activity(clientId, 1000, before);
        for (ActivityEntry& entry : page.entries)
            entries.push_back(std::move(entry));
        before = page.nextBeforeId;
    } while (before != 0);
    return entries;
}

[[noreturn]] void fileProblem(const FileProblem& problem, std::string_view argument,
                              Language language)
{
    illegal(argument, describe(problem, language), 1);
}
} // namespace

void restoreClient(const Context& context, const OUString& key)
{
    const Language language = uiLanguage(context);
    storeAccess().with(context,
                       [&](Register& store) { store.restore(clientFor(store, key, language).id); });
    storeAccess().notifyChanged();
}

void deleteClient(const Context& context, const OUString& key)
{
    const Language language = uiLanguage(context);
    translated(language,
               [&]
               {
                   storeAccess().with(context, [&](Register& store)
                                      { store.deleteClient(clientFor(store, key, language).id); });
               });
    storeAccess().notifyChanged();
}

sal_Bool isValidTaxId(const OUString& taxId, const OUString& country)
{
    return clientes::isValidTaxId(toUtf8(taxId), toUtf8(country));
}

OUString normalizeTaxId(const OUString& taxId, const OUString& country)
{
    return fromUtf8(normalizeTaxIdFor(toUtf8(taxId), toUtf8(country)));
}

Sequence<Fields> getRecords(const Context& context, const OUString& key, const OUString& kindName)
{
    const Language language = uiLanguage(context);
    const std::optional<RecordType> kind = kindFor(kindName, language);
    return storeAccess().with(
        context,
        [&](Register& store) -> Sequence<Fields>
        {
            if (!kind)
                return listOf(wholeActivity(store, clientFor(store, key, language).id),
                              [&](const ActivityEntry& r)
                              { return profile_fields::toNamedValues(r, language); });
            return withRecordKind(
                *kind,
                [&]<typename Record>(const KindOf<Record>&)
                {
                    return listOf(store.list<Record>(parentFor<Record>(store, key, language)),
                                  [&](const Record& record) { return valuesOf(store, record); });
                });
        });
}

sal_Int64 addRecord(const Context& context, const OUString& key, const OUString& kindName,
                    const Fields& fields)
{
    const Language language = uiLanguage(context);
    const std::optional<RecordType> kind = kindFor(kindName, language);
    if (!kind)
        illegal("kind", clientes::text(TextKey::ProfileUseAddNote, language), 1);
    const bool editable =
        withRecordKind(*kind, [](const auto& described) { return described.info.editable; });
    if (!editable) // files: attached whole
        illegal("kind", clientes::text(TextKey::ProfileUseAttachFile, language), 1);
    const std::int64_t id =
        translated(language,
                   [&]
                   {
                       return storeAccess().with(
                           context,
                           [&](Register& store)
                           {
                               return withRecordKind(
                                   *kind,
                                   [&]<typename Record>(const KindOf<Record>&) -> std::int64_t
                                   {
                                       if constexpr (std::is_same_v<Record, FileInfo>)
                                           return 0;
                                       else
                                           return add<Record>(store, key, fields, language);
                                   });
                           });
                   });
    storeAccess().notifyChanged();
    return id;
}

void updateRecord(const Context& context, const OUString& kindName, sal_Int64 id,
                  const Fields& fields)
{
    const Language language = uiLanguage(context);
    const std::optional<RecordType> kind = kindFor(kindName, language);
    if (kind == RecordType::File)
        illegal("kind", clientes::text(TextKey::ProfileFilesReadOnly, language));
    if (!kind)
        illegal("kind", clientes::text(TextKey::ProfileActivityReadOnly, language));
    translated(language,
               [&]
               {
                   storeAccess().with(context,
                                      [&](Register& store)
                                      {
                                          withRecordKind(
                                              *kind,
                                              [&]<typename Record>(const KindOf<Record>&)
                                              {
                                                  if constexpr (!std::is_same_v<Record, FileInfo>)
                                                      update<Record>(store, id, fields, language);
                                              });
                                      });
               });
    storeAccess().notifyChanged();
}

void removeRecord(const Context& context, const OUString& kindName, sal_Int64 id)
{
    const Language language = uiLanguage(context);
    const std::optional<RecordType> kind = kindFor(kindName, language);
    if (!kind)
        illegal("kind", clientes::text(TextKey::ProfileActivityReadOnly, language));
    storeAccess().with(context,
                       [&](Register& store)
                       {
                           withRecordKind(*kind,
                                          [&]<typename Record>(const KindOf<Record>&)
                                          {
                                              stored<Record>(store, id, language);
                                              store.remove<Record>(id);
                                          });
                       });
    storeAccess().notifyChanged();
}

Fields getSummary(const Context& context, const OUString& key)
{
    const Language language = uiLanguage(context);
    return storeAccess().with(context,
                              [&](Register& store)
                              {
                                  return profile_fields::summaryToNamedValues(store.summary(
                                      clientFor(store, key, language).id, clientes::todayIso()));
                              });
}

void addNote(const Context& context, const OUString& key, const OUString& text)
{
    const Language language = uiLanguage(context);
    translated(language,
               [&]
               {
                   storeAccess().with(
                       context, [&](Register& store)
                       { store.addNote(clientFor(store, key, language).id, toUtf8(text)); });
               });
    storeAccess().notifyChanged();
}

sal_Int64 attachFile(const Context& context, const OUString& key, const OUString& fileUrl)
{
    const Language language = uiLanguage(context);
    if (fileUrl.trim().isEmpty())
        illegal("fileUrl", clientes::text(TextKey::ProfileNoFileUrl, language), 1);
    // The client first: a wrong key should not cost reading a large file.
    const std::int64_t clientId = storeAccess().with(
        context, [&](Register& store) { return clientFor(store, key, language).id; });
    const sal_Int64 id =
        translated(language,
                   [&]() -> sal_Int64
                   {
                       LoadedFile file;
                       try
                       {
                           file = profile_files::readFile(fileUrl, kMaxFileBytes);
                       }
                       catch (const FileProblem& problem)
                       {
                           fileProblem(problem, "fileUrl", language);
                       }
                       return storeAccess().with(context,
                                                 [&](Register& store) {
                                                     return store
                                                         .attachFile(clientId, file.name,
                                                                     mimeTypeForFileName(file.name),
                                                                     file.bytes)
                                                         .id;
                                                 });
                   });
    storeAccess().notifyChanged();
    return id;
}

void saveFileCopy(const Context& context, sal_Int64 fileId, const OUString& targetUrl)
{
    const Language language = uiLanguage(context);
    const std::vector<std::uint8_t> bytes =
        storeAccess().with(context,
                           [&](Register& store)
                           {
                               if (!store.file(fileId))
                                   recordNotFound(RecordType::File, fileId, language);
                               return store.fileBytes(fileId);
                           });
    if (targetUrl.trim().isEmpty())
        illegal("targetUrl", clientes::text(TextKey::ProfileNoFileUrl, language), 1);
    try
    {
        profile_files::writeFile(context, targetUrl, bytes);
    }
    catch (const FileProblem& problem)
    {
        fileProblem(problem, "targetUrl", language);
    }
}
} // namespace clientes::uno::profile_api
