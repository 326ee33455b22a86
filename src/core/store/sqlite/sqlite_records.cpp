// The SQLite store: the records around a client (contacts, projects, time entries, tasks,
// purchase orders, invoices, deals), their files, and the aggregates summaries are made of.

#include "core/store/sqlite/store_internal.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace clientes::sqlite
{

namespace
{

using sql::Database;
using sql::Statement;

// ------------------------------------------------------------------------- record mapping
// Per record type: its table, the data columns after the common ones (id, client_id,
// created_at, updated_at, version), how they bind and read, the key lists are made by and
// their order, and the columns filters and sums may name (by API name).

enum class ColumnType
{
    Text,
    Integer,
    Real
};

struct FieldColumn
{
    std::string_view field; // API name
    std::string_view column;
    ColumnType type = ColumnType::Text;
};

template <typename Record> struct Traits;

template <> struct Traits<Contact>
{
    static constexpr std::string_view table = "contacts";
    static constexpr std::array<std::string_view, 4> columns = {"name", "role", "email", "phone"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "name COLLATE NOCASE, id";
    static constexpr std::array<FieldColumn, 4> fields = {
        {{"name", "name"}, {"role", "role"}, {"email", "email"}, {"phone", "phone"}}};

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
};

template <> struct Traits<Project>
{
    static constexpr std::string_view table = "projects";
    static constexpr std::array<std::string_view, 2> columns = {"name", "status"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "status = 'closed', name COLLATE NOCASE, id";
    static constexpr std::array<FieldColumn, 2> fields = {{{"name", "name"}, {"status", "status"}}};

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
};

template <> struct Traits<TimeEntry>
{
    static constexpr std::string_view table = "time_entries";
    static constexpr std::array<std::string_view, 4> columns = {"project_id", "date", "hours",
                                                                "note"};
    static constexpr std::string_view parent = "project_id";
    static constexpr std::string_view order = "date DESC, id DESC";
    static constexpr std::array<FieldColumn, 3> fields = {
        {{"date", "date"}, {"hours", "hours", ColumnType::Real}, {"note", "note"}}};

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
};

template <> struct Traits<Task>
{
    static constexpr std::string_view table = "tasks";
    static constexpr std::array<std::string_view, 3> columns = {"title", "due_date", "status"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "status = 'done', due_date = '', due_date, id";
    static constexpr std::array<FieldColumn, 3> fields = {
        {{"title", "title"}, {"dueDate", "due_date"}, {"status", "status"}}};

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
};

template <> struct Traits<PurchaseOrder>
{
    static constexpr std::string_view table = "purchase_orders";
    static constexpr std::array<std::string_view, 5> columns = {"number", "date", "amount",
                                                                "currency", "status"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "date DESC, id DESC";
    static constexpr std::array<FieldColumn, 5> fields = {
        {{"number", "number"},
         {"date", "date"},
         {"amount", "amount", ColumnType::Integer},
         {"currency", "currency"},
         {"status", "status"}}};

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
};

template <> struct Traits<Invoice>
{
    static constexpr std::string_view table = "invoices";
    static constexpr std::array<std::string_view, 8> columns = {
        "number", "issue_date", "due_date", "net", "tax", "total", "currency", "status"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "issue_date DESC, id DESC";
    static constexpr std::array<FieldColumn, 8> fields = {{{"number", "number"},
                                                           {"issueDate", "issue_date"},
                                                           {"dueDate", "due_date"},
                                                           {"net", "net", ColumnType::Integer},
                                                           {"tax", "tax", ColumnType::Integer},
                                                           {"total", "total", ColumnType::Integer},
                                                           {"currency", "currency"},
                                                           {"status", "status"}}};

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
};

template <> struct Traits<Deal>
{
    static constexpr std::string_view table = "deals";
    static constexpr std::array<std::string_view, 7> columns = {
        "title", "number", "date", "amount", "currency", "stage", "valid_until"};
    static constexpr std::string_view parent = "client_id";
    static constexpr std::string_view order = "date DESC, id DESC";
    static constexpr std::array<FieldColumn, 7> fields = {
        {{"title", "title"},
         {"number", "number"},
         {"date", "date"},
         {"amount", "amount", ColumnType::Integer},
         {"currency", "currency"},
         {"stage", "stage"},
         {"validUntil", "valid_until"}}};

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
};

// Files are measured too (the summary's count and bytes).
constexpr std::array<FieldColumn, 4> kFileFields = {{{"name", "name"},
                                                     {"mimeType", "mime_type"},
                                                     {"size", "size", ColumnType::Integer},
                                                     {"addedAt", "added_at"}}};

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

// Conditional on the version: ?1 id, ?2 updated_at, ?3 version, the columns, then the
// expected version.
template <typename Record> const std::string& updateSql()
{
    static const std::string sql = []
    {
        std::string text =
            "UPDATE " + std::string(Traits<Record>::table) + " SET updated_at = ?2, version = ?3";
        int index = 4;
        for (std::string_view column : Traits<Record>::columns)
            text += ", " + std::string(column) + " = ?" + std::to_string(index++);
        return text + " WHERE id = ?1 AND version = ?" + std::to_string(index);
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

template <typename Record> std::optional<Record> fetch(Database& db, std::int64_t id)
{
    auto row = db.query(selectSql<Record>() + " WHERE id = ?1");
    row->bind(1, id);
    if (!row->step())
        return std::nullopt;
    return readRecord<Record>(*row);
}

template <typename Record> std::vector<AnyRecord> list(Database& db, std::int64_t parentId)
{
    std::vector<AnyRecord> records;
    auto rows = db.query(selectSql<Record>() + " WHERE " + std::string(Traits<Record>::parent) +
                         " = ?1 ORDER BY " + std::string(Traits<Record>::order));
    rows->bind(1, parentId);
    while (rows->step())
        records.emplace_back(readRecord<Record>(*rows));
    return records;
}

// Calls work(Traits<Record>{}-typed tag) for the record type of `kind`.
template <typename Work> decltype(auto) byKind(RecordType kind, Work&& work)
{
    switch (kind)
    {
    case RecordType::Contact:
        return work(std::type_identity<Contact>{});
    case RecordType::Project:
        return work(std::type_identity<Project>{});
    case RecordType::TimeEntry:
        return work(std::type_identity<TimeEntry>{});
    case RecordType::Task:
        return work(std::type_identity<Task>{});
    case RecordType::PurchaseOrder:
        return work(std::type_identity<PurchaseOrder>{});
    case RecordType::Invoice:
        return work(std::type_identity<Invoice>{});
    case RecordType::Deal:
        return work(std::type_identity<Deal>{});
    case RecordType::File:
    case RecordType::Note:
        break;
    }
    throw std::invalid_argument("not a kind of record: " + std::string(recordTypeName(kind)));
}

constexpr std::string_view kFileColumns = "id, client_id, name, mime_type, size, sha256, added_at";

FileInfo readFile(Statement& row)
{
    return {row.int64(0), row.int64(1), row.text(2), row.text(3),
            row.int64(4), row.text(5),  row.text(6)};
}

// ------------------------------------------------------------------------- aggregates

std::string_view sqlOperator(Compare compare)
{
    switch (compare)
    {
    case Compare::Equal:
        return "=";
    case Compare::NotEqual:
        return "<>";
    case Compare::Less:
        return "<";
    case Compare::LessOrEqual:
        return "<=";
    case Compare::Greater:
        return ">";
    case Compare::GreaterOrEqual:
        return ">=";
    }
    return "=";
}

const FieldColumn& fieldColumn(std::span<const FieldColumn> fields, std::string_view name,
                               RecordType kind)
{
    for (const FieldColumn& field : fields)
        if (field.field == name)
            return field;
    throw std::invalid_argument("no field \"" + std::string(name) + "\" in " +
                                std::string(recordTypeName(kind)));
}

// Builds "SELECT <currency>, count(*) FILTER (WHERE …), coalesce(sum(x) FILTER (…), 0) …" with
// the values as parameters from ?2 on (?1: the client or project); binds them afterwards.
class AggregateSql
{
public:
    AggregateSql(const AggregateQuery& query, std::span<const FieldColumn> fields,
                 std::string_view table)
        : query_(query), fields_(fields)
    {
        sql_ = query.byCurrency ? "SELECT currency" : "SELECT ''";
        for (const Measure& measure : query.measures)
        {
            const std::string where = condition(measure.filter);
            sql_ += ", count(*)";
            if (!where.empty())
                sql_ += " FILTER (WHERE " + where + ")";
            if (measure.sum.empty())
                continue;
            const FieldColumn& summed = fieldColumn(fields_, measure.sum, query.kind);
            if (summed.type == ColumnType::Text)
                throw std::invalid_argument("not a numeric field: " + measure.sum);
            // total() is real and never NULL; sum() of integers stays exact.
            sql_ += summed.type == ColumnType::Real ? ", total(" : ", coalesce(sum(";
            sql_ += summed.column;
            sql_ += ")";
            if (!where.empty())
                sql_ += " FILTER (WHERE " + where + ")";
            if (summed.type != ColumnType::Real)
                sql_ += ", 0)";
        }
        sql_ += " FROM " + std::string(table) + " WHERE " +
                (query.kind == RecordType::TimeEntry && query.clientId == 0 ? "project_id"
                                                                            : "client_id") +
                " = ?1";
        if (query.byCurrency)
            sql_ += " GROUP BY currency ORDER BY currency";
    }

    const std::string& sql() const { return sql_; }

    void bind(Statement& statement) const
    {
        statement.bind(1, query_.kind == RecordType::TimeEntry && query_.clientId == 0
                              ? query_.projectId
                              : query_.clientId);
        for (std::size_t i = 0; i < values_.size(); ++i)
        {
            const int index = static_cast<int>(i) + 2;
            const auto& [type, text] = values_[i];
            if (type == ColumnType::Text)
                statement.bind(index, text);
            else if (type == ColumnType::Integer)
                statement.bind(index, std::int64_t{std::stoll(text)});
            else
                statement.bindReal(index, std::stod(text));
        }
    }

private:
    std::string condition(const Filter& filter)
    {
        std::string where;
        for (const Condition& condition : filter)
        {
            const FieldColumn& field = fieldColumn(fields_, condition.field, query_.kind);
            if (field.type != ColumnType::Text)
            {
                // Checked now: a bad number must not surface half-way through binding.
                std::size_t used = 0;
                try
                {
                    (void)std::stod(condition.value, &used);
                }
                catch (const std::exception&)
                {
                    used = 0;
                }
                if (used == 0 || used != condition.value.size())
                    throw std::invalid_argument("not a number: " + condition.value);
            }
            if (!where.empty())
                where += " AND ";
            values_.emplace_back(field.type, condition.value);
            where += std::string(field.column) + " " + std::string(sqlOperator(condition.compare)) +
                     " ?" + std::to_string(values_.size() + 1);
        }
        return where;
    }

    const AggregateQuery& query_;
    std::span<const FieldColumn> fields_;
    std::string sql_;
    std::vector<std::pair<ColumnType, std::string>> values_;
};

} // namespace

// ------------------------------------------------------------------------- records

std::optional<AnyRecord> Unit::record(RecordType kind, std::int64_t id)
{
    return byKind(kind,
                  [&]<typename Record>(std::type_identity<Record>) -> std::optional<AnyRecord>
                  {
                      if (auto found = fetch<Record>(db_, id))
                          return AnyRecord(std::move(*found));
                      return std::nullopt;
                  });
}

std::vector<AnyRecord> Unit::records(RecordType kind, std::int64_t parentId)
{
    return byKind(kind, [&]<typename Record>(std::type_identity<Record>)
                  { return list<Record>(db_, parentId); });
}

void Unit::insertRecord(AnyRecord& any)
{
    std::visit(
        [&]<typename Record>(Record& record)
        {
            {
                auto insert = db_.query(insertSql<Record>());
                insert->bind(1, record.clientId);
                insert->bind(2, record.createdAt);
                insert->bind(3, record.updatedAt);
                insert->bind(4, record.version);
                Traits<Record>::bind(*insert, 5, record);
                insert->run();
            }
            record.id = db_.lastInsertId();
        },
        any);
}

bool Unit::updateRecord(const AnyRecord& any, std::int64_t expectedVersion)
{
    return std::visit(
        [&]<typename Record>(const Record& record)
        {
            auto update = db_.query(updateSql<Record>());
            update->bind(1, record.id);
            update->bind(2, record.updatedAt);
            update->bind(3, record.version);
            Traits<Record>::bind(*update, 4, record);
            update->bind(4 + static_cast<int>(Traits<Record>::columns.size()), expectedVersion);
            update->run();
            return db_.changes() > 0;
        },
        any);
}

bool Unit::removeRecord(RecordType kind, std::int64_t id)
{
    if (kind == RecordType::Project)
    {
        // Its time entries with it (not left to the cascade: foreign keys may be off).
        auto entries = db_.query("DELETE FROM time_entries WHERE project_id = ?1");
        entries->bind(1, id);
        entries->run();
    }
    return byKind(kind,
                  [&]<typename Record>(std::type_identity<Record>)
                  {
                      auto remove = db_.query("DELETE FROM " + std::string(Traits<Record>::table) +
                                              " WHERE id = ?1");
                      remove->bind(1, id);
                      remove->run();
                      return db_.changes() > 0;
                  });
}

std::optional<Invoice> Unit::invoiceByNumber(std::string_view number)
{
    // The column's NOCASE collation: "f-1" and "F-1" are the same number.
    auto row = db_.query(selectSql<Invoice>() + " WHERE number = ?1");
    row->bind(1, number);
    if (!row->step())
        return std::nullopt;
    return readRecord<Invoice>(*row);
}

std::vector<Invoice> Unit::allInvoices()
{
    std::vector<Invoice> invoices;
    auto rows = db_.query(selectSql<Invoice>() + " ORDER BY id");
    while (rows->step())
        invoices.push_back(readRecord<Invoice>(*rows));
    return invoices;
}

std::vector<InvoiceListRow> Unit::invoiceList(const InvoiceFilter& filter)
{
    std::vector<InvoiceListRow> list;
    auto rows =
        db_.query("SELECT i.id, i.client_id, i.created_at, i.updated_at, i.version, i.number, "
                  "i.issue_date, i.due_date, i.net, i.tax, i.total, i.currency, i.status, "
                  "c.code, c.legal_name, c.tax_id FROM invoices AS i JOIN clients AS c ON "
                  "c.id = i.client_id WHERE (?1 = '' OR i.issue_date >= ?1) AND (?2 = '' OR "
                  "i.issue_date <= ?2) AND (?3 = '' OR i.status = ?3) "
                  "ORDER BY i.issue_date, i.number COLLATE NOCASE, i.id");
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

std::vector<AggregateGroup> Unit::aggregate(const AggregateQuery& query)
{
    const auto build = [&]() -> AggregateSql
    {
        if (query.kind == RecordType::File)
            return AggregateSql(query, kFileFields, "files");
        return byKind(query.kind,
                      [&]<typename Record>(std::type_identity<Record>) {
                          return AggregateSql(query, Traits<Record>::fields, Traits<Record>::table);
                      });
    };
    if (query.kind == RecordType::TimeEntry && query.clientId == 0 && query.projectId == 0)
        throw std::invalid_argument("aggregate of time entries without a client or project");
    const AggregateSql sql = build();
    auto rows = db_.query(sql.sql());
    sql.bind(*rows);
    std::vector<AggregateGroup> groups;
    while (rows->step())
    {
        AggregateGroup group;
        group.currency = rows->text(0);
        int column = 1;
        for (const Measure& measure : query.measures)
        {
            Aggregate value;
            value.count = rows->int64(column++);
            if (!measure.sum.empty())
            {
                value.sum = rows->int64(column);
                value.realSum = rows->real(column);
                ++column;
            }
            group.values.push_back(value);
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

// ------------------------------------------------------------------------- files

std::optional<FileInfo> Unit::file(std::int64_t id)
{
    auto row = db_.query("SELECT " + std::string(kFileColumns) + " FROM files WHERE id = ?1");
    row->bind(1, id);
    if (!row->step())
        return std::nullopt;
    return readFile(*row);
}

std::vector<FileInfo> Unit::files(std::int64_t clientId)
{
    std::vector<FileInfo> list;
    auto rows = db_.query("SELECT " + std::string(kFileColumns) +
                          " FROM files WHERE client_id = ?1 ORDER BY added_at DESC, id DESC");
    rows->bind(1, clientId);
    while (rows->step())
        list.push_back(readFile(*rows));
    return list;
}

std::optional<std::vector<std::uint8_t>> Unit::fileBytes(std::int64_t id)
{
    // Not cached: a cached statement would hold on to the last file read.
    Statement row(db_.handle(), "SELECT data FROM file_contents WHERE file_id = ?1", db_.path());
    row.bind(1, id);
    if (!row.step())
        return std::nullopt;
    return row.blob(0);
}

void Unit::insertFile(FileInfo& file, std::span<const std::uint8_t> bytes)
{
    {
        auto insert = db_.query("INSERT INTO files (client_id, name, mime_type, size, sha256, "
                                "added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert->bind(1, file.clientId);
        insert->bind(2, file.name);
        insert->bind(3, file.mimeType);
        insert->bind(4, file.size);
        insert->bind(5, file.sha256);
        insert->bind(6, file.addedAt);
        insert->run();
    }
    file.id = db_.lastInsertId();
    // Not cached: the statement would otherwise keep a copy of the bytes bound.
    Statement insert(db_.handle(), "INSERT INTO file_contents (file_id, data) VALUES (?1, ?2)",
                     db_.path());
    insert.bind(1, file.id);
    insert.bindBlob(2, bytes);
    insert.run();
}

bool Unit::removeFile(std::int64_t id)
{
    {
        // The bytes first (not left to the cascade: foreign keys may be off).
        auto remove = db_.query("DELETE FROM file_contents WHERE file_id = ?1");
        remove->bind(1, id);
        remove->run();
    }
    auto remove = db_.query("DELETE FROM files WHERE id = ?1");
    remove->bind(1, id);
    remove->run();
    return db_.changes() > 0;
}

} // namespace clientes::sqlite
