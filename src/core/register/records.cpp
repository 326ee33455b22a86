// The register: the records around a client (checks, defaults, duplicates, versions), their
// files, notes, and the activity log's entries for them (which fields, spelled how).

#include "core/register/register_internal.hpp"

#include "core/files/sha256.hpp"
#include "core/model/record_kinds.hpp"
#include "core/rules/bank_account.hpp"
#include "core/rules/profile_money.hpp"
#include "core/rules/profile_validation.hpp"
#include "core/rules/validation.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace clientes
{

namespace
{

// ------------------------------------------------------------------------- the activity log
// Per record type: the fields an RecordChanged entry compares, as the API spells their
// values (money with its decimals, hours as a number), and the label entries show.

using Values = std::vector<std::pair<RecordField, std::string>>;

std::string money(std::int64_t minor, const std::string& currency)
{
    return formatMoney({minor, currency});
}

std::string hoursText(double hours)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", hours);
    return buffer;
}

Values values(const Contact& r)
{
    return {{RecordField::Name, r.name},
            {RecordField::Role, r.role},
            {RecordField::Email, r.email},
            {RecordField::Phone, r.phone}};
}

Values values(const Project& r)
{
    return {{RecordField::Name, r.name}, {RecordField::Status, std::string(statusName(r.status))}};
}

Values values(const TimeEntry& r)
{
    return {{RecordField::Date, r.date},
            {RecordField::Hours, hoursText(r.hours)},
            {RecordField::Note, r.note}};
}

Values values(const Task& r)
{
    return {{RecordField::Title, r.title},
            {RecordField::DueDate, r.dueDate},
            {RecordField::Status, std::string(statusName(r.status))}};
}

Values values(const PurchaseOrder& r)
{
    return {{RecordField::Number, r.number},
            {RecordField::Date, r.date},
            {RecordField::Amount, money(r.amount, r.currency)},
            {RecordField::Currency, r.currency},
            {RecordField::Status, std::string(statusName(r.status))}};
}

Values values(const Invoice& r)
{
    return {{RecordField::Number, r.number},
            {RecordField::IssueDate, r.issueDate},
            {RecordField::DueDate, r.dueDate},
            {RecordField::Net, money(r.net, r.currency)},
            {RecordField::Tax, money(r.tax, r.currency)},
            {RecordField::Total, money(r.total, r.currency)},
            {RecordField::Currency, r.currency},
            {RecordField::Status, std::string(statusName(r.status))}};
}

Values values(const Deal& r)
{
    return {{RecordField::Title, r.title},
            {RecordField::Number, r.number},
            {RecordField::Date, r.date},
            {RecordField::Amount, money(r.amount, r.currency)},
            {RecordField::Currency, r.currency},
            {RecordField::Stage, std::string(statusName(r.stage))},
            {RecordField::ValidUntil, r.validUntil}};
}

// A kind without money or numbers: its data fields as its description lists them.
template <typename Record> Values describedValues(const Record& r)
{
    Values list;
    for (const FieldOf<Record>& field : kindOf<Record>().fields)
        if (!field.readOnly() && holdsText(field.type))
            list.emplace_back(std::get<RecordField>(field.label),
                              std::get<std::string>(field.get(r)));
    return list;
}

Values values(const Address& r)
{
    return describedValues(r);
}

Values values(const BankAccount& r)
{
    return describedValues(r);
}

std::string label(const Address& r)
{
    return kindOf<Address>().label(r);
}
std::string label(const BankAccount& r)
{
    return printIban(r.iban);
}
std::string label(const Contact& r)
{
    return r.name;
}
std::string label(const Project& r)
{
    return r.name;
}
std::string label(const TimeEntry& r)
{
    return r.date + " " + hoursText(r.hours) + " h";
}
std::string label(const Task& r)
{
    return r.title;
}
std::string label(const PurchaseOrder& r)
{
    return r.number;
}
std::string label(const Invoice& r)
{
    return r.number;
}
std::string label(const Deal& r)
{
    return r.title.empty() ? r.number : r.title;
}

template <typename Record>
std::vector<FieldChange> recordChanges(const Record& before, const Record& after)
{
    const Values old = values(before);
    const Values now = values(after);
    std::vector<FieldChange> changes;
    for (std::size_t i = 0; i < old.size(); ++i)
        if (old[i].second != now[i].second)
            changes.push_back(
                {std::string(recordFieldName(old[i].first)), old[i].second, now[i].second});
    return changes;
}

template <typename Record>
ActivityEntry recordEntry(ActivityKind kind, const Record& record, const std::string& now,
                          std::string_view batchId)
{
    ActivityEntry entry;
    entry.clientId = record.clientId;
    entry.at = now;
    entry.kind = kind;
    entry.record = recordKind<Record>;
    entry.recordId = record.id;
    entry.label = label(record);
    entry.batchId = std::string(batchId);
    return entry;
}

// ------------------------------------------------------------------------- per-type rules

// What the record hangs on must exist: its client (a time entry: its project, whose client it
// takes). Returns the client's default currency.
template <typename Record> std::string resolveOwner(StoreReader& tx, Record& record)
{
    const std::optional<Client> client = tx.client(record.clientId);
    if (!client)
        throw NotFound("id " + std::to_string(record.clientId));
    return client->currency;
}

std::string resolveOwner(StoreReader& tx, TimeEntry& entry)
{
    const std::optional<Project> project = fetchRecord<Project>(tx, entry.projectId);
    if (!project)
        throw NotFound(recordTypeName(RecordType::Project), entry.projectId);
    entry.clientId = project->clientId;
    return {};
}

// update() keeps what the record hangs on.
template <typename Record> void keepOwner(Record& record, const Record& stored)
{
    record.clientId = stored.clientId;
}

void keepOwner(TimeEntry& entry, const TimeEntry& stored)
{
    entry.clientId = stored.clientId;
    entry.projectId = stored.projectId;
}

// Money records without a currency take the client's; an invoice without a due date is due
// on issue.
template <typename Record> void fillDefaults(Record&, const std::string&) {}

void fillDefaults(PurchaseOrder& order, const std::string& currency)
{
    if (order.currency.empty())
        order.currency = currency;
}

void fillDefaults(Invoice& invoice, const std::string& currency)
{
    if (invoice.currency.empty())
        invoice.currency = currency;
    if (invoice.dueDate.empty())
        invoice.dueDate = invoice.issueDate;
}

void fillDefaults(Deal& deal, const std::string& currency)
{
    if (deal.currency.empty())
        deal.currency = currency;
}

// What needs the other records: an invoice number is unique in the register.
template <typename Record>
void checkAgainstOthers(StoreReader&, const Record&, std::vector<RecordIssue>&)
{
}

void checkAgainstOthers(StoreReader& tx, const Invoice& invoice, std::vector<RecordIssue>& issues)
{
    if (invoice.number.empty())
        return;
    const std::optional<Invoice> other = tx.invoiceByNumber(invoice.number);
    if (other && other->id != invoice.id) // the number comes first among the invoice's fields
        issues.insert(issues.begin(),
                      {RecordType::Invoice, RecordField::Number, Problem::Duplicate});
}

// Tidies, fills and validates a record about to be written. ownerChecked: its client was
// written by the same unit of work (an import's new clients) and is not read again; what needs
// a currency then takes none.
template <typename Record> void prepare(StoreReader& tx, Record& record, bool ownerChecked = false)
{
    const std::string currency = ownerChecked ? std::string() : resolveOwner(tx, record);
    tidy(record);
    fillDefaults(record, currency);
    std::vector<RecordIssue> issues = validate(record);
    checkAgainstOthers(tx, record, issues);
    if (!issues.empty())
        throw RecordValidationError(std::move(issues));
}

std::string tidyMimeType(std::string_view raw)
{
    std::string mime = tidyText(raw, false);
    // Type and subtype are case-insensitive (RFC 6838); parameters are kept as given.
    const auto end = std::min(mime.find(';'), mime.size());
    std::transform(mime.begin(), mime.begin() + static_cast<std::ptrdiff_t>(end), mime.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
    return mime;
}

} // namespace

// ------------------------------------------------------------------------- generic engine

template <typename Record>
Record Register::Impl::insertRecord(StoreWriter& tx, Record record, const std::string& now,
                                    std::string_view batchId)
{
    record.id = 0;
    prepare(tx, record);
    record.createdAt = now;
    record.updatedAt = now;
    record.version = 1;
    AnyRecord any(std::move(record));
    tx.insertRecord(any);
    record = std::get<Record>(std::move(any));
    appendEntry(tx, recordEntry(ActivityKind::RecordAdded, record, now, batchId));
    return record;
}

template <typename Record>
void Register::Impl::insertRecords(StoreWriter& tx, std::span<Record> records,
                                   const std::string& now, std::string_view batchId,
                                   bool ownersChecked)
{
    std::vector<AnyRecord> prepared;
    prepared.reserve(records.size());
    for (Record& record : records)
    {
        record.id = 0;
        prepare(tx, record, ownersChecked);
        record.createdAt = now;
        record.updatedAt = now;
        record.version = 1;
        prepared.emplace_back(std::move(record));
    }
    tx.insertRecords(prepared);
    std::vector<ActivityEntry> entries;
    entries.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
    {
        records[i] = std::get<Record>(std::move(prepared[i]));
        entries.push_back(recordEntry(ActivityKind::RecordAdded, records[i], now, batchId));
    }
    if (!entries.empty())
        tx.appendActivity(entries);
}

template <typename Record>
Record Register::Impl::rewriteRecord(StoreWriter& tx, Record record, const Record& stored,
                                     const std::string& now, std::string_view batchId,
                                     bool prepared)
{
    record.id = stored.id;
    if (!prepared)
    {
        keepOwner(record, stored);
        prepare(tx, record);
    }
    record.createdAt = stored.createdAt;
    record.updatedAt = now;
    record.version = stored.version + 1;
    if (!tx.updateRecord(AnyRecord(record), stored.version))
    {
        std::optional<Record> current = fetchRecord<Record>(tx, stored.id);
        if (!current)
            throw NotFound(recordTypeName(recordKind<Record>), stored.id);
        throw RecordConflict<Record>(path.string(), std::move(*current));
    }
    ActivityEntry entry = recordEntry(ActivityKind::RecordChanged, record, now, batchId);
    entry.changes = recordChanges(stored, record);
    if (!entry.changes.empty())
        appendEntry(tx, std::move(entry));
    return record;
}

template <typename Record>
void Register::Impl::deleteRecord(StoreWriter& tx, const Record& stored, const std::string& now,
                                  std::string_view batchId)
{
    tx.removeRecord(recordKind<Record>, stored.id);
    appendEntry(tx, recordEntry(ActivityKind::RecordRemoved, stored, now, batchId));
}

// The public operations per record type, through these.
template <typename Record> struct RecordOps
{
    static Record add(Register::Impl& impl, Record record)
    {
        return impl.write([&](StoreWriter& tx)
                          { return impl.insertRecord(tx, record, nowUtcIso()); });
    }

    static std::vector<Record> addMany(Register::Impl& impl, std::vector<Record> records)
    {
        return impl.write(
            [&](StoreWriter& tx)
            {
                const std::string now = nowUtcIso();
                std::vector<Record> stored;
                stored.reserve(records.size());
                for (const Record& record : records)
                    stored.push_back(impl.insertRecord(tx, record, now));
                return stored;
            },
            WriteHints{records.size(), false});
    }

    static Record update(Register::Impl& impl, const Record& input)
    {
        return impl.write(
            [&](StoreWriter& tx)
            {
                const std::optional<Record> stored = fetchRecord<Record>(tx, input.id);
                if (!stored)
                    throw NotFound(recordTypeName(recordKind<Record>), input.id);
                // Checked first: a record that cannot be stored is refused as such, whoever
                // saved in between.
                Record record = input;
                record.id = stored->id;
                keepOwner(record, *stored);
                prepare(tx, record);
                if (input.version != stored->version)
                    throw RecordConflict<Record>(impl.path.string(), *stored);
                return impl.rewriteRecord(tx, std::move(record), *stored, nowUtcIso(), {}, true);
            });
    }

    static void remove(Register::Impl& impl, std::int64_t id)
    {
        impl.write(
            [&](StoreWriter& tx)
            {
                const std::optional<Record> stored = fetchRecord<Record>(tx, id);
                if (!stored)
                    throw NotFound(recordTypeName(recordKind<Record>), id);
                impl.deleteRecord(tx, *stored, nowUtcIso());
            });
    }

    static std::optional<Record> get(Register::Impl& impl, std::int64_t id)
    {
        return impl.read([&](StoreReader& tx) { return fetchRecord<Record>(tx, id); });
    }

    static std::vector<Record> list(Register::Impl& impl, std::int64_t parentId)
    {
        return impl.read(
            [&](StoreReader& tx)
            {
                std::vector<Record> records;
                for (AnyRecord& any : tx.records(recordKind<Record>, parentId))
                    records.push_back(std::get<Record>(std::move(any)));
                return records;
            });
    }

    static std::vector<Record> listOf(Register::Impl& impl, std::span<const std::int64_t> parentIds)
    {
        return impl.read(
            [&](StoreReader& tx)
            {
                std::vector<Record> records;
                for (AnyRecord& any : tx.recordsOf(recordKind<Record>, parentIds))
                    records.push_back(std::get<Record>(std::move(any)));
                return records;
            });
    }
};

// Invoices are written by imports too (imports.cpp).
template Invoice Register::Impl::insertRecord(StoreWriter&, Invoice, const std::string&,
                                              std::string_view);
template Invoice Register::Impl::rewriteRecord(StoreWriter&, Invoice, const Invoice&,
                                               const std::string&, std::string_view, bool);
template void Register::Impl::deleteRecord(StoreWriter&, const Invoice&, const std::string&,
                                           std::string_view);
// So are contacts: the people of the companies a client import brings.
template Contact Register::Impl::insertRecord(StoreWriter&, Contact, const std::string&,
                                              std::string_view);
template void Register::Impl::deleteRecord(StoreWriter&, const Contact&, const std::string&,
                                           std::string_view);
// And the addresses and bank accounts of the clients it creates or updates; all three in bulk.
template void Register::Impl::insertRecords(StoreWriter&, std::span<Contact>, const std::string&,
                                            std::string_view, bool);
template void Register::Impl::insertRecords(StoreWriter&, std::span<Address>, const std::string&,
                                            std::string_view, bool);
template void Register::Impl::insertRecords(StoreWriter&, std::span<BankAccount>,
                                            const std::string&, std::string_view, bool);
template Address Register::Impl::insertRecord(StoreWriter&, Address, const std::string&,
                                              std::string_view);
template BankAccount Register::Impl::insertRecord(StoreWriter&, BankAccount, const std::string&,
                                                  std::string_view);
template void Register::Impl::deleteRecord(StoreWriter&, const Address&, const std::string&,
                                           std::string_view);
template void Register::Impl::deleteRecord(StoreWriter&, const BankAccount&, const std::string&,
                                           std::string_view);

// ------------------------------------------------------------------------- public API

template <typename R> R Register::add(R record)
{
    return RecordOps<R>::add(*impl_, std::move(record));
}
template <typename R> R Register::update(const R& record)
{
    return RecordOps<R>::update(*impl_, record);
}
template <typename R> void Register::remove(std::int64_t id)
{
    RecordOps<R>::remove(*impl_, id);
}
template <typename R> std::optional<R> Register::get(std::int64_t id)
{
    return RecordOps<R>::get(*impl_, id);
}
template <typename R> std::vector<R> Register::list(std::int64_t parentId)
{
    return RecordOps<R>::list(*impl_, parentId);
}
template <typename R> std::vector<R> Register::listOf(std::span<const std::int64_t> parentIds)
{
    return RecordOps<R>::listOf(*impl_, parentIds);
}
template <typename R> std::vector<R> Register::addMany(std::vector<R> records)
{
    return RecordOps<R>::addMany(*impl_, std::move(records));
}

#define CLIENTES_REGISTER_RECORD_KIND(R)                                                           \
    template R Register::add<R>(R);                                                                \
    template R Register::update<R>(const R&);                                                      \
    template void Register::remove<R>(std::int64_t);                                               \
    template std::optional<R> Register::get<R>(std::int64_t);                                      \
    template std::vector<R> Register::list<R>(std::int64_t);                                       \
    template std::vector<R> Register::listOf<R>(std::span<const std::int64_t>);                    \
    template std::vector<R> Register::addMany<R>(std::vector<R>);
CLIENTES_REGISTER_RECORD_KIND(Contact)
CLIENTES_REGISTER_RECORD_KIND(Project)
CLIENTES_REGISTER_RECORD_KIND(TimeEntry)
CLIENTES_REGISTER_RECORD_KIND(Task)
CLIENTES_REGISTER_RECORD_KIND(PurchaseOrder)
CLIENTES_REGISTER_RECORD_KIND(Invoice)
CLIENTES_REGISTER_RECORD_KIND(Deal)
CLIENTES_REGISTER_RECORD_KIND(Address)
CLIENTES_REGISTER_RECORD_KIND(BankAccount)
#undef CLIENTES_REGISTER_RECORD_KIND

template <> std::optional<FileInfo> Register::get<FileInfo>(std::int64_t id)
{
    return file(id);
}
template <> std::vector<FileInfo> Register::list<FileInfo>(std::int64_t clientId)
{
    return files(clientId);
}
template <> void Register::remove<FileInfo>(std::int64_t id)
{
    removeFile(id);
}

std::optional<Invoice> Register::invoiceByNumber(std::string_view number)
{
    const std::string tidied = tidyText(number, false);
    return impl_->read([&](StoreReader& tx) { return tx.invoiceByNumber(tidied); });
}

namespace
{

double hoursOf(Register::Impl& impl, std::int64_t clientId, std::int64_t projectId)
{
    AggregateQuery query;
    query.kind = RecordType::TimeEntry;
    query.clientId = clientId;
    query.projectId = projectId;
    query.measures.push_back({{}, "hours"});
    return impl.read(
        [&](StoreReader& tx)
        {
            const std::vector<AggregateGroup> groups = tx.aggregate(query);
            return groups.empty() ? 0.0 : groups.front().values.front().realSum;
        });
}

} // namespace

double Register::projectHours(std::int64_t projectId)
{
    return hoursOf(*impl_, 0, projectId);
}

double Register::clientHours(std::int64_t clientId)
{
    return hoursOf(*impl_, clientId, 0);
}

// ------------------------------------------------------------------------- files

FileInfo Register::attachFile(std::int64_t clientId, std::string_view name,
                              std::string_view mimeType, std::span<const std::uint8_t> bytes)
{
    FileInfo file;
    file.name = tidyText(name, false);
    const auto size = static_cast<std::int64_t>(bytes.size());
    if (bytes.size() > static_cast<std::uint64_t>(kMaxFileBytes))
        throw FileTooLarge(file.name, size, kMaxFileBytes);
    file.mimeType = tidyMimeType(mimeType);
    std::vector<RecordIssue> issues = validateFile(file.name, file.mimeType);
    if (!issues.empty())
        throw RecordValidationError(std::move(issues));
    if (file.mimeType.empty())
        file.mimeType = "application/octet-stream";
    file.clientId = clientId;
    file.size = size;
    file.sha256 = sha256Hex(bytes); // outside the unit of work: 50 MB take a while
    return impl_->write(
        [&](StoreWriter& tx)
        {
            if (!tx.client(clientId))
                throw NotFound("id " + std::to_string(clientId));
            FileInfo stored = file;
            stored.addedAt = nowUtcIso();
            tx.insertFile(stored, bytes);
            ActivityEntry entry;
            entry.clientId = clientId;
            entry.at = stored.addedAt;
            entry.kind = ActivityKind::FileAttached;
            entry.record = RecordType::File;
            entry.recordId = stored.id;
            entry.label = stored.name;
            appendEntry(tx, std::move(entry));
            return stored;
        });
}

std::optional<FileInfo> Register::file(std::int64_t id)
{
    return impl_->read([&](StoreReader& tx) { return tx.file(id); });
}

std::vector<FileInfo> Register::files(std::int64_t clientId)
{
    return impl_->read([&](StoreReader& tx) { return tx.files(clientId); });
}

std::vector<std::uint8_t> Register::fileBytes(std::int64_t id)
{
    std::optional<std::vector<std::uint8_t>> bytes =
        impl_->read([&](StoreReader& tx) { return tx.fileBytes(id); });
    if (!bytes)
        throw NotFound(recordTypeName(RecordType::File), id);
    return std::move(*bytes);
}

void Register::removeFile(std::int64_t id)
{
    impl_->write(
        [&](StoreWriter& tx)
        {
            const std::optional<FileInfo> stored = tx.file(id);
            if (!stored)
                throw NotFound(recordTypeName(RecordType::File), id);
            tx.removeFile(id);
            ActivityEntry entry;
            entry.clientId = stored->clientId;
            entry.at = nowUtcIso();
            entry.kind = ActivityKind::FileRemoved;
            entry.record = RecordType::File;
            entry.recordId = id;
            entry.label = stored->name;
            appendEntry(tx, std::move(entry));
        });
}

// ------------------------------------------------------------------------- activity

ActivityEntry Register::addNote(std::int64_t clientId, std::string_view text)
{
    std::string note = tidyText(text, true);
    std::vector<RecordIssue> issues = validateNote(note);
    if (!issues.empty())
        throw RecordValidationError(std::move(issues));
    return impl_->write(
        [&](StoreWriter& tx)
        {
            if (!tx.client(clientId))
                throw NotFound("id " + std::to_string(clientId));
            ActivityEntry entry;
            entry.clientId = clientId;
            entry.at = nowUtcIso();
            entry.kind = ActivityKind::Note;
            entry.record = RecordType::Note;
            entry.text = note;
            return appendEntry(tx, std::move(entry));
        });
}

ActivityEntry Register::recordImport(std::int64_t clientId, std::string_view batchId)
{
    return impl_->write(
        [&](StoreWriter& tx)
        {
            const std::optional<Client> client = tx.client(clientId);
            if (!client)
                throw NotFound("id " + std::to_string(clientId));
            ActivityEntry entry;
            entry.clientId = clientId;
            entry.at = nowUtcIso();
            entry.kind = ActivityKind::Imported;
            entry.label = client->code;
            entry.batchId = std::string(batchId);
            return appendEntry(tx, std::move(entry));
        });
}

ActivityPage Register::activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId)
{
    return impl_->read([&](StoreReader& tx) { return tx.activity(clientId, limit, beforeId); });
}

} // namespace clientes
