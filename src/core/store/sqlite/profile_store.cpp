// ClientStore: the client's profile — records, files, notes, summary, deletion, tags.

#include "core/store/sqlite/client_store.hpp"

#include "core/files/sha256.hpp"
#include "core/rules/dates.hpp"
#include "core/rules/profile_money.hpp"
#include "core/rules/profile_validation.hpp"
#include "core/store/sqlite/profile_store_internal.hpp"
#include "core/text/text_fold.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace clientes
{

namespace
{

using sql::Database;
using sql::Statement;
using sql::Transaction;
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

// ------------------------------------------------------------------------- record mapping
// Per record type: its table, the data columns after the common ones (id, client_id,
// created_at, updated_at, version), how they bind and read, the values the activity history
// compares, the label it shows, the key lists are made by and their order.

template <typename Record> struct Traits;

template <> struct Traits<Contact>
{
    static constexpr RecordType type = RecordType::Contact;
    static constexpr std::string_view table = "contacts";
    static constexpr std::array<std::string_view, 4> columns = {"name", "role", "email", "phone"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "name COLLATE NOCASE, id";

    static void bind(Statement& s, int i, const Contact& r)
    {
        s.bind(i, r.name);
        s.bind(i + 1, r.role);
        s.bind(i + 2, r.email);
        s.bind(i + 3, r.phone);
    }
    static void read(Statement& s, int i, Contact& r)
    {
        r.name = s.text(i);
        r.role = s.text(i + 1);
        r.email = s.text(i + 2);
        r.phone = s.text(i + 3);
    }
    static Values values(const Contact& r)
    {
        return {{RecordField::Name, r.name},
                {RecordField::Role, r.role},
                {RecordField::Email, r.email},
                {RecordField::Phone, r.phone}};
    }
    static std::string label(const Contact& r) { return r.name; }
};

template <> struct Traits<Project>
{
    static constexpr RecordType type = RecordType::Project;
    static constexpr std::string_view table = "projects";
    static constexpr std::array<std::string_view, 2> columns = {"name", "status"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "status = 'closed', name COLLATE NOCASE, id";

    static void bind(Statement& s, int i, const Project& r)
    {
        s.bind(i, r.name);
        s.bind(i + 1, statusName(r.status));
    }
    static void read(Statement& s, int i, Project& r)
    {
        r.name = s.text(i);
        r.status = projectStatusFromName(s.textView(i + 1)).value_or(ProjectStatus::Open);
    }
    static Values values(const Project& r)
    {
        return {{RecordField::Name, r.name},
                {RecordField::Status, std::string(statusName(r.status))}};
    }
    static std::string label(const Project& r) { return r.name; }
};

template <> struct Traits<TimeEntry>
{
    static constexpr RecordType type = RecordType::TimeEntry;
    static constexpr std::string_view table = "time_entries";
    static constexpr std::array<std::string_view, 4> columns = {"project_id", "date", "hours",
                                                                "note"};
    static constexpr std::string_view parent = "project_id";
    static constexpr std::string_view order = "date DESC, id DESC";

    static void bind(Statement& s, int i, const TimeEntry& r)
    {
        s.bind(i, r.projectId);
        s.bind(i + 1, r.date);
        s.bindReal(i + 2, r.hours);
        s.bind(i + 3, r.note);
    }
    static void read(Statement& s, int i, TimeEntry& r)
    {
        r.projectId = s.int64(i);
        r.date = s.text(i + 1);
        r.hours = s.real(i + 2);
        r.note = s.text(i + 3);
    }
    static Values values(const TimeEntry& r)
    {
        return {{RecordField::Date, r.date},
                {RecordField::Hours, hoursText(r.hours)},
                {RecordField::Note, r.note}};
    }
    static std::string label(const TimeEntry& r)
    {
        return r.date + " " + hoursText(r.hours) + " h";
    }
};

template <> struct Traits<Task>
{
    static constexpr RecordType type = RecordType::Task;
    static constexpr std::string_view table = "tasks";
    static constexpr std::array<std::string_view, 3> columns = {"title", "due_date", "status"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "status = 'done', due_date = '', due_date, id";

    static void bind(Statement& s, int i, const Task& r)
    {
        s.bind(i, r.title);
        s.bind(i + 1, r.dueDate);
        s.bind(i + 2, statusName(r.status));
    }
    static void read(Statement& s, int i, Task& r)
    {
        r.title = s.text(i);
        r.dueDate = s.text(i + 1);
        r.status = taskStatusFromName(s.textView(i + 2)).value_or(TaskStatus::Pending);
    }
    static Values values(const Task& r)
    {
        return {{RecordField::Title, r.title},
                {RecordField::DueDate, r.dueDate},
                {RecordField::Status, std::string(statusName(r.status))}};
    }
    static std::string label(const Task& r) { return r.title; }
};

template <> struct Traits<PurchaseOrder>
{
    static constexpr RecordType type = RecordType::PurchaseOrder;
    static constexpr std::string_view table = "purchase_orders";
    static constexpr std::array<std::string_view, 5> columns = {"number", "date", "amount",
                                                                "currency", "status"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "date DESC, id DESC";

    static void bind(Statement& s, int i, const PurchaseOrder& r)
    {
        s.bind(i, r.number);
        s.bind(i + 1, r.date);
        s.bind(i + 2, r.amount);
        s.bind(i + 3, r.currency);
        s.bind(i + 4, statusName(r.status));
    }
    static void read(Statement& s, int i, PurchaseOrder& r)
    {
        r.number = s.text(i);
        r.date = s.text(i + 1);
        r.amount = s.int64(i + 2);
        r.currency = s.text(i + 3);
        r.status = orderStatusFromName(s.textView(i + 4)).value_or(OrderStatus::Open);
    }
    static Values values(const PurchaseOrder& r)
    {
        return {{RecordField::Number, r.number},
                {RecordField::Date, r.date},
                {RecordField::Amount, money(r.amount, r.currency)},
                {RecordField::Currency, r.currency},
                {RecordField::Status, std::string(statusName(r.status))}};
    }
    static std::string label(const PurchaseOrder& r) { return r.number; }
};

template <> struct Traits<Invoice>
{
    static constexpr RecordType type = RecordType::Invoice;
    static constexpr std::string_view table = "invoices";
    static constexpr std::array<std::string_view, 8> columns = {
        "number", "issue_date", "due_date", "net", "tax", "total", "currency", "status"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "issue_date DESC, id DESC";

    static void bind(Statement& s, int i, const Invoice& r)
    {
        s.bind(i, r.number);
        s.bind(i + 1, r.issueDate);
        s.bind(i + 2, r.dueDate);
        s.bind(i + 3, r.net);
        s.bind(i + 4, r.tax);
        s.bind(i + 5, r.total);
        s.bind(i + 6, r.currency);
        s.bind(i + 7, statusName(r.status));
    }
    static void read(Statement& s, int i, Invoice& r)
    {
        r.number = s.text(i);
        r.issueDate = s.text(i + 1);
        r.dueDate = s.text(i + 2);
        r.net = s.int64(i + 3);
        r.tax = s.int64(i + 4);
        r.total = s.int64(i + 5);
        r.currency = s.text(i + 6);
        r.status = invoiceStatusFromName(s.textView(i + 7)).value_or(InvoiceStatus::Draft);
    }
    static Values values(const Invoice& r)
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
    static std::string label(const Invoice& r) { return r.number; }
};

template <> struct Traits<Deal>
{
    static constexpr RecordType type = RecordType::Deal;
    static constexpr std::string_view table = "deals";
    static constexpr std::array<std::string_view, 7> columns = {
        "title", "number", "date", "amount", "currency", "stage", "valid_until"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "date DESC, id DESC";

    static void bind(Statement& s, int i, const Deal& r)
    {
        s.bind(i, r.title);
        s.bind(i + 1, r.number);
        s.bind(i + 2, r.date);
        s.bind(i + 3, r.amount);
        s.bind(i + 4, r.currency);
        s.bind(i + 5, statusName(r.stage));
        s.bind(i + 6, r.validUntil);
    }
    static void read(Statement& s, int i, Deal& r)
    {
        r.title = s.text(i);
        r.number = s.text(i + 1);
        r.date = s.text(i + 2);
        r.amount = s.int64(i + 3);
        r.currency = s.text(i + 4);
        r.stage = dealStageFromName(s.textView(i + 5)).value_or(DealStage::Draft);
        r.validUntil = s.text(i + 6);
    }
    static Values values(const Deal& r)
    {
        return {{RecordField::Title, r.title},
                {RecordField::Number, r.number},
                {RecordField::Date, r.date},
                {RecordField::Amount, money(r.amount, r.currency)},
                {RecordField::Currency, r.currency},
                {RecordField::Stage, std::string(statusName(r.stage))},
                {RecordField::ValidUntil, r.validUntil}};
    }
    static std::string label(const Deal& r) { return r.title.empty() ? r.number : r.title; }
};

// ------------------------------------------------------------------------- SQL text

constexpr std::string_view kCommonColumns = "id, client_id, created_at, updated_at, version";

template <typename Record> std::string joinedColumns()
{
    std::string text;
    for (std::string_view column : Traits<Record>::columns)
    {
        if (!text.empty())
            text += ", ";
        text += column;
    }
    return text;
}

template <typename Record> const std::string& selectSql()
{
    static const std::string sql = "SELECT " + std::string(kCommonColumns) + ", " +
                                   joinedColumns<Record>() + " FROM " +
                                   std::string(Traits<Record>::table);
    return sql;
}

template <typename Record> const std::string& insertSql()
{
    static const std::string sql = []
    {
        std::string text = "INSERT INTO " + std::string(Traits<Record>::table) +
                           " (client_id, created_at, updated_at, version, " +
                           joinedColumns<Record>() + ") VALUES (?1, ?2, ?3, ?4";
        for (std::size_t i = 0; i < Traits<Record>::columns.size(); ++i)
            text += ", ?" + std::to_string(i + 5);
        return text + ")";
    }();
    return sql;
}

template <typename Record> const std::string& updateSql()
{
    static const std::string sql = []
    {
        std::string text =
            "UPDATE " + std::string(Traits<Record>::table) + " SET updated_at = ?2, version = ?3";
        int index = 4;
        for (std::string_view column : Traits<Record>::columns)
            text += ", " + std::string(column) + " = ?" + std::to_string(index++);
        return text + " WHERE id = ?1";
    }();
    return sql;
}

template <typename Record> Record readRecord(Statement& row)
{
    Record record;
    record.id = row.int64(0);
    record.clientId = row.int64(1);
    record.createdAt = row.text(2);
    record.updatedAt = row.text(3);
    record.version = row.int64(4);
    Traits<Record>::read(row, 5, record);
    return record;
}

template <typename Record>
std::vector<FieldChange> recordChanges(const Record& before, const Record& after)
{
    const Values old = Traits<Record>::values(before);
    const Values now = Traits<Record>::values(after);
    std::vector<FieldChange> changes;
    for (std::size_t i = 0; i < old.size(); ++i)
        if (old[i].second != now[i].second)
            changes.push_back(
                {std::string(recordFieldName(old[i].first)), old[i].second, now[i].second});
    return changes;
}

// ------------------------------------------------------------------------- per-type rules

// Sets record.clientId from what the record hangs on; NotFound when that does not exist.
bool clientExists(Database& db, std::int64_t id)
{
    auto row = db.query("SELECT 1 FROM clients WHERE id = ?1");
    row->bind(1, id);
    return row->step();
}

template <typename Record> void resolveOwner(Database& db, Record& record)
{
    if (!clientExists(db, record.clientId))
        throw NotFound("id " + std::to_string(record.clientId));
}

void resolveOwner(Database& db, TimeEntry& entry)
{
    auto row = db.query("SELECT client_id FROM projects WHERE id = ?1");
    row->bind(1, entry.projectId);
    if (!row->step())
        throw NotFound(recordTypeName(RecordType::Project), entry.projectId);
    entry.clientId = row->int64(0);
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

void defaultCurrency(Database& db, std::int64_t clientId, std::string& currency)
{
    if (!currency.empty())
        return;
    auto row = db.query("SELECT currency FROM clients WHERE id = ?1");
    row->bind(1, clientId);
    if (row->step())
        currency = row->text(0);
}

template <typename Record> void fillDefaults(Database&, Record&) {}

void fillDefaults(Database& db, PurchaseOrder& order)
{
    defaultCurrency(db, order.clientId, order.currency);
}

void fillDefaults(Database& db, Invoice& invoice)
{
    defaultCurrency(db, invoice.clientId, invoice.currency);
    if (invoice.dueDate.empty())
        invoice.dueDate = invoice.issueDate;
}

void fillDefaults(Database& db, Deal& deal)
{
    defaultCurrency(db, deal.clientId, deal.currency);
}

template <typename Record> void checkInDatabase(Database&, const Record&, std::vector<RecordIssue>&)
{
}

void checkInDatabase(Database& db, const Invoice& invoice, std::vector<RecordIssue>& issues)
{
    if (invoice.number.empty())
        return;
    // The column's NOCASE collation applies: "f-1" and "F-1" are the same number.
    auto row = db.query("SELECT 1 FROM invoices WHERE number = ?1 AND id <> ?2");
    row->bind(1, invoice.number);
    row->bind(2, invoice.id);
    if (row->step()) // the number comes first among the invoice's fields
        issues.insert(issues.begin(),
                      {RecordType::Invoice, RecordField::Number, Problem::Duplicate});
}

ClientSummary readSummaryRow(Statement& row)
{
    return {row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.int64(5) != 0};
}

std::string tagKey(std::string_view tag)
{
    std::string key = foldForSearch(tidyText(tag, false));
    return key.empty() ? tidyText(tag, false) : key;
}

LinkedRecords countLinked(Database& db, std::int64_t clientId)
{
    auto row = db.query("SELECT (SELECT count(*) FROM projects WHERE client_id = ?1), "
                        "(SELECT count(*) FROM tasks WHERE client_id = ?1), "
                        "(SELECT count(*) FROM purchase_orders WHERE client_id = ?1), "
                        "(SELECT count(*) FROM invoices WHERE client_id = ?1), "
                        "(SELECT count(*) FROM deals WHERE client_id = ?1), "
                        "(SELECT count(*) FROM files WHERE client_id = ?1)");
    row->bind(1, clientId);
    row->step();
    return {row->int64(0), row->int64(1), row->int64(2),
            row->int64(3), row->int64(4), row->int64(5)};
}

constexpr std::string_view kFileColumns = "id, client_id, name, mime_type, size, sha256, added_at";

FileInfo readFile(Statement& row)
{
    return {row.int64(0), row.int64(1), row.text(2), row.text(3),
            row.int64(4), row.text(5),  row.text(6)};
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

void appendTotal(std::vector<MoneyTotal>& totals, const std::string& currency, std::int64_t count,
                 std::int64_t amount)
{
    if (count > 0)
        totals.push_back({currency, count, amount});
}

} // namespace

// ------------------------------------------------------------------------- generic engine

template <typename Record> void ClientStore::Impl::prepareRecord(Record& record)
{
    resolveOwner(db, record);
    tidy(record);
    fillDefaults(db, record);
    std::vector<RecordIssue> issues = validate(record);
    checkInDatabase(db, record, issues);
    if (!issues.empty())
        throw RecordValidationError(std::move(issues));
}

template <typename Record>
Record ClientStore::Impl::insertRecord(Record record, const std::string& now)
{
    record.id = 0;
    prepareRecord(record);
    record.createdAt = now;
    record.updatedAt = now;
    record.version = 1;
    {
        auto insert = db.query(insertSql<Record>());
        insert->bind(1, record.clientId);
        insert->bind(2, record.createdAt);
        insert->bind(3, record.updatedAt);
        insert->bind(4, record.version);
        Traits<Record>::bind(*insert, 5, record);
        insert->run();
    }
    record.id = db.lastInsertId();
    detail::ActivityRecord entry;
    entry.kind = ActivityKind::RecordAdded;
    entry.record = Traits<Record>::type;
    entry.recordId = record.id;
    entry.label = Traits<Record>::label(record);
    detail::writeActivity(db, record.clientId, now, std::move(entry));
    return record;
}

template <typename Record> Record ClientStore::Impl::addRecord(Record record)
{
    std::lock_guard lock(mutex);
    Transaction transaction(db);
    Record stored = insertRecord(std::move(record), detail::nowUtc());
    transaction.commit();
    return stored;
}

template <typename Record>
std::vector<Record> ClientStore::Impl::addRecords(std::vector<Record> records)
{
    std::lock_guard lock(mutex);
    Transaction transaction(db);
    const std::string now = detail::nowUtc();
    for (Record& record : records)
        record = insertRecord(std::move(record), now);
    transaction.commit();
    return records;
}

template <typename Record> std::optional<Record> ClientStore::Impl::fetchRecord(std::int64_t id)
{
    auto row = db.query(selectSql<Record>() + " WHERE id = ?1");
    row->bind(1, id);
    if (!row->step())
        return std::nullopt;
    return readRecord<Record>(*row);
}

template <typename Record> Record ClientStore::Impl::updateRecord(const Record& input)
{
    std::lock_guard lock(mutex);
    Transaction transaction(db);
    const std::optional<Record> stored = fetchRecord<Record>(input.id);
    if (!stored)
        throw NotFound(recordTypeName(Traits<Record>::type), input.id);
    Record record = input;
    keepOwner(record, *stored);
    prepareRecord(record);
    if (input.version != stored->version)
        throw RecordConflict<Record>(path.string(), *stored);
    record.createdAt = stored->createdAt;
    record.updatedAt = detail::nowUtc();
    record.version = stored->version + 1;
    {
        auto update = db.query(updateSql<Record>());
        update->bind(1, record.id);
        update->bind(2, record.updatedAt);
        update->bind(3, record.version);
        Traits<Record>::bind(*update, 4, record);
        update->run();
    }
    std::vector<FieldChange> changes = recordChanges(*stored, record);
    if (!changes.empty())
    {
        detail::ActivityRecord entry;
        entry.kind = ActivityKind::RecordChanged;
        entry.record = Traits<Record>::type;
        entry.recordId = record.id;
        entry.label = Traits<Record>::label(record);
        entry.changes = std::move(changes);
        detail::writeActivity(db, record.clientId, record.updatedAt, std::move(entry));
    }
    transaction.commit();
    return record;
}

template <typename Record> void ClientStore::Impl::removeRecord(std::int64_t id)
{
    std::lock_guard lock(mutex);
    Transaction transaction(db);
    const std::optional<Record> stored = fetchRecord<Record>(id);
    if (!stored)
        throw NotFound(recordTypeName(Traits<Record>::type), id);
    {
        auto remove =
            db.query("DELETE FROM " + std::string(Traits<Record>::table) + " WHERE id = ?1");
        remove->bind(1, id);
        remove->run();
    }
    detail::ActivityRecord entry;
    entry.kind = ActivityKind::RecordRemoved;
    entry.record = Traits<Record>::type;
    entry.recordId = id;
    entry.label = Traits<Record>::label(*stored);
    detail::writeActivity(db, stored->clientId, detail::nowUtc(), std::move(entry));
    transaction.commit();
}

template <typename Record> std::vector<Record> ClientStore::Impl::listRecords(std::int64_t parentId)
{
    std::vector<Record> records;
    auto rows = db.query(selectSql<Record>() + " WHERE " + std::string(Traits<Record>::parent) +
                         " = ?1 ORDER BY " + std::string(Traits<Record>::order));
    rows->bind(1, parentId);
    while (rows->step())
        records.push_back(readRecord<Record>(*rows));
    return records;
}

// ------------------------------------------------------------------------- public API

// Contacts
Contact ClientStore::add(Contact contact)
{
    return impl_->addRecord(std::move(contact));
}
Contact ClientStore::update(const Contact& contact)
{
    return impl_->updateRecord(contact);
}
void ClientStore::removeContact(std::int64_t id)
{
    impl_->removeRecord<Contact>(id);
}
std::optional<Contact> ClientStore::contact(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->fetchRecord<Contact>(id);
}
std::vector<Contact> ClientStore::contacts(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->listRecords<Contact>(clientId);
}
std::vector<Contact> ClientStore::addContacts(std::vector<Contact> contacts)
{
    return impl_->addRecords(std::move(contacts));
}

// Projects and time entries
Project ClientStore::add(Project project)
{
    return impl_->addRecord(std::move(project));
}
Project ClientStore::update(const Project& project)
{
    return impl_->updateRecord(project);
}
void ClientStore::removeProject(std::int64_t id)
{
    impl_->removeRecord<Project>(id);
}
std::optional<Project> ClientStore::project(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->fetchRecord<Project>(id);
}
std::vector<Project> ClientStore::projects(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->listRecords<Project>(clientId);
}
std::vector<Project> ClientStore::addProjects(std::vector<Project> projects)
{
    return impl_->addRecords(std::move(projects));
}

TimeEntry ClientStore::add(TimeEntry entry)
{
    return impl_->addRecord(std::move(entry));
}
TimeEntry ClientStore::update(const TimeEntry& entry)
{
    return impl_->updateRecord(entry);
}
void ClientStore::removeTimeEntry(std::int64_t id)
{
    impl_->removeRecord<TimeEntry>(id);
}
std::optional<TimeEntry> ClientStore::timeEntry(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->fetchRecord<TimeEntry>(id);
}
std::vector<TimeEntry> ClientStore::timeEntries(std::int64_t projectId)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->listRecords<TimeEntry>(projectId);
}
std::vector<TimeEntry> ClientStore::addTimeEntries(std::vector<TimeEntry> entries)
{
    return impl_->addRecords(std::move(entries));
}

double ClientStore::projectHours(std::int64_t projectId)
{
    std::lock_guard lock(impl_->mutex);
    auto row = impl_->db.query("SELECT total(hours) FROM time_entries WHERE project_id = ?1");
    row->bind(1, projectId);
    row->step();
    return row->real(0);
}

double ClientStore::clientHours(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    auto row = impl_->db.query("SELECT total(hours) FROM time_entries WHERE client_id = ?1");
    row->bind(1, clientId);
    row->step();
    return row->real(0);
}

// Tasks
Task ClientStore::add(Task task)
{
    return impl_->addRecord(std::move(task));
}
Task ClientStore::update(const Task& task)
{
    return impl_->updateRecord(task);
}
void ClientStore::removeTask(std::int64_t id)
{
    impl_->removeRecord<Task>(id);
}
std::optional<Task> ClientStore::task(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->fetchRecord<Task>(id);
}
std::vector<Task> ClientStore::tasks(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->listRecords<Task>(clientId);
}
std::vector<Task> ClientStore::addTasks(std::vector<Task> tasks)
{
    return impl_->addRecords(std::move(tasks));
}

// Purchase orders
PurchaseOrder ClientStore::add(PurchaseOrder order)
{
    return impl_->addRecord(std::move(order));
}
PurchaseOrder ClientStore::update(const PurchaseOrder& order)
{
    return impl_->updateRecord(order);
}
void ClientStore::removePurchaseOrder(std::int64_t id)
{
    impl_->removeRecord<PurchaseOrder>(id);
}
std::optional<PurchaseOrder> ClientStore::purchaseOrder(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->fetchRecord<PurchaseOrder>(id);
}
std::vector<PurchaseOrder> ClientStore::purchaseOrders(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->listRecords<PurchaseOrder>(clientId);
}
std::vector<PurchaseOrder> ClientStore::addPurchaseOrders(std::vector<PurchaseOrder> orders)
{
    return impl_->addRecords(std::move(orders));
}

// Invoices
Invoice ClientStore::add(Invoice invoice)
{
    return impl_->addRecord(std::move(invoice));
}
Invoice ClientStore::update(const Invoice& invoice)
{
    return impl_->updateRecord(invoice);
}
void ClientStore::removeInvoice(std::int64_t id)
{
    impl_->removeRecord<Invoice>(id);
}
std::optional<Invoice> ClientStore::invoice(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->fetchRecord<Invoice>(id);
}
std::optional<Invoice> ClientStore::invoiceByNumber(std::string_view number)
{
    const std::string tidied = tidyText(number, false);
    std::lock_guard lock(impl_->mutex);
    auto row = impl_->db.query(selectSql<Invoice>() + " WHERE number = ?1");
    row->bind(1, tidied);
    if (!row->step())
        return std::nullopt;
    return readRecord<Invoice>(*row);
}
std::vector<Invoice> ClientStore::invoices(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->listRecords<Invoice>(clientId);
}
std::vector<Invoice> ClientStore::addInvoices(std::vector<Invoice> invoices)
{
    return impl_->addRecords(std::move(invoices));
}

// Deals
Deal ClientStore::add(Deal deal)
{
    return impl_->addRecord(std::move(deal));
}
Deal ClientStore::update(const Deal& deal)
{
    return impl_->updateRecord(deal);
}
void ClientStore::removeDeal(std::int64_t id)
{
    impl_->removeRecord<Deal>(id);
}
std::optional<Deal> ClientStore::deal(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->fetchRecord<Deal>(id);
}
std::vector<Deal> ClientStore::deals(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->listRecords<Deal>(clientId);
}
std::vector<Deal> ClientStore::addDeals(std::vector<Deal> deals)
{
    return impl_->addRecords(std::move(deals));
}

// ------------------------------------------------------------------------- files

FileInfo ClientStore::attachFile(std::int64_t clientId, std::string_view name,
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
    file.sha256 = sha256Hex(bytes); // outside the lock: 50 MB take a while
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    Transaction transaction(db);
    if (!impl_->clientExists(clientId))
        throw NotFound("id " + std::to_string(clientId));
    file.addedAt = detail::nowUtc();
    {
        auto insert = db.query("INSERT INTO files (client_id, name, mime_type, size, sha256, "
                               "added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert->bind(1, file.clientId);
        insert->bind(2, file.name);
        insert->bind(3, file.mimeType);
        insert->bind(4, file.size);
        insert->bind(5, file.sha256);
        insert->bind(6, file.addedAt);
        insert->run();
    }
    file.id = db.lastInsertId();
    {
        // Not cached: the statement would otherwise keep a copy of the bytes bound.
        Statement insert(db.handle(), "INSERT INTO file_contents (file_id, data) VALUES (?1, ?2)",
                         db.path());
        insert.bind(1, file.id);
        insert.bindBlob(2, bytes);
        insert.run();
    }
    detail::ActivityRecord entry;
    entry.kind = ActivityKind::FileAttached;
    entry.record = RecordType::File;
    entry.recordId = file.id;
    entry.label = file.name;
    detail::writeActivity(db, clientId, file.addedAt, std::move(entry));
    transaction.commit();
    return file;
}

std::optional<FileInfo> ClientStore::file(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    auto row = impl_->db.query("SELECT " + std::string(kFileColumns) + " FROM files WHERE id = ?1");
    row->bind(1, id);
    if (!row->step())
        return std::nullopt;
    return readFile(*row);
}

std::vector<FileInfo> ClientStore::files(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    std::vector<FileInfo> list;
    auto rows = impl_->db.query("SELECT " + std::string(kFileColumns) +
                                " FROM files WHERE client_id = ?1 ORDER BY added_at DESC, id DESC");
    rows->bind(1, clientId);
    while (rows->step())
        list.push_back(readFile(*rows));
    return list;
}

std::vector<std::uint8_t> ClientStore::fileBytes(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    // Not cached: a cached statement would hold on to the last file read.
    Statement row(impl_->db.handle(), "SELECT data FROM file_contents WHERE file_id = ?1",
                  impl_->db.path());
    row.bind(1, id);
    if (!row.step())
        throw NotFound(recordTypeName(RecordType::File), id);
    return row.blob(0);
}

void ClientStore::removeFile(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    Transaction transaction(db);
    std::optional<FileInfo> stored;
    {
        auto row = db.query("SELECT " + std::string(kFileColumns) + " FROM files WHERE id = ?1");
        row->bind(1, id);
        if (row->step())
            stored = readFile(*row);
    }
    if (!stored)
        throw NotFound(recordTypeName(RecordType::File), id);
    {
        auto remove = db.query("DELETE FROM files WHERE id = ?1"); // contents cascade
        remove->bind(1, id);
        remove->run();
    }
    detail::ActivityRecord entry;
    entry.kind = ActivityKind::FileRemoved;
    entry.record = RecordType::File;
    entry.recordId = id;
    entry.label = stored->name;
    detail::writeActivity(db, stored->clientId, detail::nowUtc(), std::move(entry));
    transaction.commit();
}

// ------------------------------------------------------------------------- activity

ActivityEntry ClientStore::addNote(std::int64_t clientId, std::string_view text)
{
    std::string note = tidyText(text, true);
    std::vector<RecordIssue> issues = validateNote(note);
    if (!issues.empty())
        throw RecordValidationError(std::move(issues));
    std::lock_guard lock(impl_->mutex);
    Transaction transaction(impl_->db);
    if (!impl_->clientExists(clientId))
        throw NotFound("id " + std::to_string(clientId));
    detail::ActivityRecord record;
    record.kind = ActivityKind::Note;
    record.record = RecordType::Note;
    record.text = std::move(note);
    ActivityEntry entry =
        detail::writeActivity(impl_->db, clientId, detail::nowUtc(), std::move(record));
    transaction.commit();
    return entry;
}

ActivityEntry ClientStore::recordImport(std::int64_t clientId, std::string_view batchId)
{
    std::lock_guard lock(impl_->mutex);
    Transaction transaction(impl_->db);
    const Client client = impl_->requireClient(clientId);
    detail::ActivityRecord record;
    record.kind = ActivityKind::Imported;
    record.label = client.code;
    record.batchId = std::string(batchId);
    ActivityEntry entry =
        detail::writeActivity(impl_->db, clientId, detail::nowUtc(), std::move(record));
    transaction.commit();
    return entry;
}

ActivityPage ClientStore::activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId)
{
    std::lock_guard lock(impl_->mutex);
    sql::ReadTransaction snapshot(impl_->db);
    return detail::readActivity(impl_->db, clientId, limit, beforeId);
}

// ------------------------------------------------------------------------- client lifecycle

LinkedRecords ClientStore::linkedRecords(std::int64_t clientId)
{
    std::lock_guard lock(impl_->mutex);
    return countLinked(impl_->db, clientId);
}

void ClientStore::deleteClient(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    Transaction transaction(db);
    if (!impl_->clientExists(id))
        throw NotFound("id " + std::to_string(id));
    const LinkedRecords linked = countLinked(db, id);
    if (linked.any())
        throw HasLinkedRecords(id, linked);
    {
        auto remove = db.query("DELETE FROM clients_fts WHERE rowid = ?1");
        remove->bind(1, id);
        remove->run();
    }
    {
        // Contacts, tags and activity (with its changes) go by ON DELETE CASCADE.
        auto remove = db.query("DELETE FROM clients WHERE id = ?1");
        remove->bind(1, id);
        remove->run();
    }
    transaction.commit();
}

std::vector<ClientSummary> ClientStore::clientsWithTag(std::string_view tag, bool includeArchived)
{
    const std::string key = tagKey(tag);
    std::vector<ClientSummary> clients;
    if (key.empty())
        return clients;
    std::lock_guard lock(impl_->mutex);
    auto rows = impl_->db.query(
        std::string("SELECT c.id, c.code, c.legal_name, c.tax_id, c.city, c.archived FROM "
                    "client_tags AS t JOIN clients AS c ON c.id = t.client_id WHERE t.tag_key = "
                    "?1 ") +
        (includeArchived ? "" : "AND c.archived = 0 ") + "ORDER BY c.sort_key, c.id");
    rows->bind(1, key);
    while (rows->step())
        clients.push_back(readSummaryRow(*rows));
    return clients;
}

std::vector<TagCount> ClientStore::tagCounts()
{
    std::lock_guard lock(impl_->mutex);
    std::vector<TagCount> counts;
    auto rows = impl_->db.query("SELECT min(tag), count(*) FROM client_tags GROUP BY tag_key "
                                "ORDER BY tag_key");
    while (rows->step())
        counts.push_back({rows->text(0), rows->int64(1)});
    return counts;
}

// ------------------------------------------------------------------------- summary

ProfileSummary ClientStore::summary(std::int64_t clientId, std::string_view today)
{
    const std::optional<std::string> weekEnd = addDays(today, 7);
    if (!weekEnd)
        throw std::invalid_argument("summary: today must be a date YYYY-MM-DD, not \"" +
                                    std::string(today) + "\"");
    ProfileSummary summary;
    summary.today = std::string(today);
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    sql::ReadTransaction snapshot(db);
    if (!impl_->clientExists(clientId))
        throw NotFound("id " + std::to_string(clientId));
    {
        auto row = db.query("SELECT count(*), count(*) FILTER (WHERE status = 'open'), "
                            "(SELECT total(hours) FROM time_entries WHERE client_id = ?1) "
                            "FROM projects WHERE client_id = ?1");
        row->bind(1, clientId);
        row->step();
        summary.projects.count = row->int64(0);
        summary.projects.open = row->int64(1);
        summary.projects.closed = summary.projects.count - summary.projects.open;
        summary.projects.hours = row->real(2);
    }
    {
        // ISO dates compare as text; '' (no due date) sorts before every date.
        auto row = db.query(
            "SELECT count(*) FILTER (WHERE status = 'pending' AND due_date <> '' AND due_date < "
            "?2), count(*) FILTER (WHERE status = 'pending' AND (due_date = '' OR due_date >= "
            "?2)), count(*) FILTER (WHERE status = 'pending' AND due_date >= ?2 AND due_date <= "
            "?3), count(*) FILTER (WHERE status = 'done') FROM tasks WHERE client_id = ?1");
        row->bind(1, clientId);
        row->bind(2, today);
        row->bind(3, *weekEnd);
        row->step();
        summary.tasks.overdue = row->int64(0);
        summary.tasks.pending = row->int64(1);
        summary.tasks.upcoming = row->int64(2);
        summary.tasks.done = row->int64(3);
    }
    {
        auto rows = db.query("SELECT currency, count(*), sum(amount), count(*) FILTER (WHERE "
                             "status = 'closed') FROM purchase_orders WHERE client_id = ?1 "
                             "GROUP BY currency ORDER BY currency");
        rows->bind(1, clientId);
        auto& orders = summary.purchaseOrders;
        while (rows->step())
        {
            const std::string currency = rows->text(0);
            orders.count += rows->int64(1);
            orders.closed += rows->int64(3);
            appendTotal(orders.totals, currency, rows->int64(1), rows->int64(2));
        }
        orders.open = orders.count - orders.closed;
    }
    {
        auto rows = db.query(
            "SELECT currency, count(*), "
            "count(*) FILTER (WHERE status = 'draft'), "
            "count(*) FILTER (WHERE status <> 'draft'), "
            "coalesce(sum(total) FILTER (WHERE status <> 'draft'), 0), "
            "count(*) FILTER (WHERE status = 'paid'), "
            "coalesce(sum(total) FILTER (WHERE status = 'paid'), 0), "
            "count(*) FILTER (WHERE status = 'authorised' AND due_date >= ?2), "
            "coalesce(sum(total) FILTER (WHERE status = 'authorised' AND due_date >= ?2), 0), "
            "count(*) FILTER (WHERE status = 'authorised' AND due_date < ?2), "
            "coalesce(sum(total) FILTER (WHERE status = 'authorised' AND due_date < ?2), 0) "
            "FROM invoices WHERE client_id = ?1 GROUP BY currency ORDER BY currency");
        rows->bind(1, clientId);
        rows->bind(2, today);
        auto& invoices = summary.invoices;
        while (rows->step())
        {
            const std::string currency = rows->text(0);
            invoices.count += rows->int64(1);
            invoices.draft += rows->int64(2);
            appendTotal(invoices.authorised, currency, rows->int64(3), rows->int64(4));
            appendTotal(invoices.paid, currency, rows->int64(5), rows->int64(6));
            appendTotal(invoices.pending, currency, rows->int64(7), rows->int64(8));
            appendTotal(invoices.overdue, currency, rows->int64(9), rows->int64(10));
        }
    }
    {
        auto rows = db.query("SELECT currency, count(*), "
                             "count(*) FILTER (WHERE stage IN ('draft', 'sent')), "
                             "coalesce(sum(amount) FILTER (WHERE stage IN ('draft', 'sent')), 0), "
                             "count(*) FILTER (WHERE stage = 'accepted'), "
                             "coalesce(sum(amount) FILTER (WHERE stage = 'accepted'), 0), "
                             "count(*) FILTER (WHERE stage = 'rejected') "
                             "FROM deals WHERE client_id = ?1 GROUP BY currency ORDER BY currency");
        rows->bind(1, clientId);
        auto& deals = summary.deals;
        while (rows->step())
        {
            const std::string currency = rows->text(0);
            deals.count += rows->int64(1);
            deals.open += rows->int64(2);
            appendTotal(deals.openAmounts, currency, rows->int64(2), rows->int64(3));
            deals.accepted += rows->int64(4);
            appendTotal(deals.acceptedAmounts, currency, rows->int64(4), rows->int64(5));
            deals.rejected += rows->int64(6);
        }
    }
    {
        auto row = db.query("SELECT (SELECT count(*) FROM contacts WHERE client_id = ?1), "
                            "(SELECT count(*) FROM files WHERE client_id = ?1), "
                            "(SELECT coalesce(sum(size), 0) FROM files WHERE client_id = ?1)");
        row->bind(1, clientId);
        row->step();
        summary.contacts = row->int64(0);
        summary.files = row->int64(1);
        summary.fileBytes = row->int64(2);
    }
    return summary;
}

const MoneyTotal* findCurrency(const std::vector<MoneyTotal>& totals, std::string_view currency)
{
    for (const MoneyTotal& total : totals)
        if (total.currency == currency)
            return &total;
    return nullptr;
}

std::int64_t totalCount(const std::vector<MoneyTotal>& totals)
{
    std::int64_t count = 0;
    for (const MoneyTotal& total : totals)
        count += total.count;
    return count;
}

// ------------------------------------------------------------------------- imports

Invoice ClientStore::Impl::insertImportedInvoice(Invoice invoice, const std::string& now,
                                                 std::string_view batchId)
{
    invoice.id = 0;
    prepareRecord(invoice);
    invoice.createdAt = now;
    invoice.updatedAt = now;
    invoice.version = 1;
    {
        auto insert = db.query(insertSql<Invoice>());
        insert->bind(1, invoice.clientId);
        insert->bind(2, invoice.createdAt);
        insert->bind(3, invoice.updatedAt);
        insert->bind(4, invoice.version);
        Traits<Invoice>::bind(*insert, 5, invoice);
        insert->run();
    }
    invoice.id = db.lastInsertId();
    detail::ActivityRecord entry;
    entry.kind = ActivityKind::RecordAdded;
    entry.record = RecordType::Invoice;
    entry.recordId = invoice.id;
    entry.label = Traits<Invoice>::label(invoice);
    entry.batchId = std::string(batchId);
    detail::writeActivity(db, invoice.clientId, now, std::move(entry));
    return invoice;
}

Invoice ClientStore::Impl::rewriteInvoice(Invoice invoice, const Invoice& stored,
                                          const std::string& now, std::string_view batchId)
{
    invoice.id = stored.id;
    keepOwner(invoice, stored);
    prepareRecord(invoice);
    invoice.createdAt = stored.createdAt;
    invoice.updatedAt = now;
    invoice.version = stored.version + 1;
    {
        auto update = db.query(updateSql<Invoice>());
        update->bind(1, invoice.id);
        update->bind(2, invoice.updatedAt);
        update->bind(3, invoice.version);
        Traits<Invoice>::bind(*update, 4, invoice);
        update->run();
    }
    std::vector<FieldChange> changes = recordChanges(stored, invoice);
    if (!changes.empty())
    {
        detail::ActivityRecord entry;
        entry.kind = ActivityKind::RecordChanged;
        entry.record = RecordType::Invoice;
        entry.recordId = invoice.id;
        entry.label = Traits<Invoice>::label(invoice);
        entry.batchId = std::string(batchId);
        entry.changes = std::move(changes);
        detail::writeActivity(db, invoice.clientId, now, std::move(entry));
    }
    return invoice;
}

void ClientStore::Impl::deleteInvoice(const Invoice& stored, const std::string& now,
                                      std::string_view batchId)
{
    {
        auto remove = db.query("DELETE FROM invoices WHERE id = ?1");
        remove->bind(1, stored.id);
        remove->run();
    }
    detail::ActivityRecord entry;
    entry.kind = ActivityKind::RecordRemoved;
    entry.record = RecordType::Invoice;
    entry.recordId = stored.id;
    entry.label = Traits<Invoice>::label(stored);
    entry.batchId = std::string(batchId);
    detail::writeActivity(db, stored.clientId, now, std::move(entry));
}

std::optional<Invoice> ClientStore::Impl::invoiceById(std::int64_t id)
{
    return fetchRecord<Invoice>(id);
}

std::vector<Invoice> ClientStore::allInvoices()
{
    std::lock_guard lock(impl_->mutex);
    std::vector<Invoice> invoices;
    auto rows = impl_->db.query(selectSql<Invoice>() + " ORDER BY id");
    while (rows->step())
        invoices.push_back(readRecord<Invoice>(*rows));
    return invoices;
}

std::vector<InvoiceListRow> ClientStore::invoiceList(const InvoiceFilter& filter)
{
    std::lock_guard lock(impl_->mutex);
    std::vector<InvoiceListRow> list;
    std::string sql = "SELECT i.id, i.client_id, i.created_at, i.updated_at, i.version, i.number, "
                      "i.issue_date, i.due_date, i.net, i.tax, i.total, i.currency, i.status, "
                      "c.code, c.legal_name, c.tax_id FROM invoices AS i JOIN clients AS c ON "
                      "c.id = i.client_id WHERE (?1 = '' OR i.issue_date >= ?1) AND (?2 = '' OR "
                      "i.issue_date <= ?2) AND (?3 = '' OR i.status = ?3) "
                      "ORDER BY i.issue_date, i.number COLLATE NOCASE, i.id";
    auto rows = impl_->db.query(sql);
    rows->bind(1, filter.from);
    rows->bind(2, filter.to);
    rows->bind(3, filter.status ? statusName(*filter.status) : std::string_view(""));
    while (rows->step())
    {
        InvoiceListRow row;
        row.invoice = readRecord<Invoice>(*rows);
        row.clientCode = rows->text(13);
        row.clientLegalName = rows->text(14);
        row.clientTaxId = rows->text(15);
        list.push_back(std::move(row));
    }
    return list;
}

} // namespace clientes
