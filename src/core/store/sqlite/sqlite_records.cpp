// The SQLite store: the records around a client (contacts, projects, time entries, tasks,
// purchase orders, invoices, deals), their files, and the aggregates summaries are made of.

#include "core/model/record_kinds.hpp"
#include "core/store/sql_records.hpp"
#include "core/store/sqlite/store_internal.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>
#include <variant>
#include <vector>

namespace clientes::sqlite
{

namespace
{

using namespace sql_records;
using sql::Database;
using sql::Statement;

// ------------------------------------------------------------------------- record mapping
// The columns come from each kind's description, read as both SQL stores read it
// (store/sql_records.hpp).

// What the descriptions leave to this store: the order lists are read in (newest first unless
// said otherwise).
template <typename Record> constexpr std::string_view kListOrder = "date DESC, id DESC";
template <> constexpr std::string_view kListOrder<Contact> = "name COLLATE NOCASE, id";
template <>
constexpr std::string_view kListOrder<Project> = "status = 'closed', name COLLATE NOCASE, id";
template <>
constexpr std::string_view kListOrder<Task> = "status = 'done', due_date = '', due_date, id";
template <> constexpr std::string_view kListOrder<Invoice> = "issue_date DESC, id DESC";
template <> constexpr std::string_view kListOrder<Address> = "type, id";
template <> constexpr std::string_view kListOrder<BankAccount> = "id";

template <typename Record> void bindFields(Statement& s, int index, const Record& record)
{
    for (const FieldOf<Record>* field : storedFields<Record>())
    {
        const FieldValue value = field->get(record);
        if (const auto* text = std::get_if<std::string>(&value))
            s.bind(index++, std::string_view(*text));
        else if (const auto* number = std::get_if<std::int64_t>(&value))
            s.bind(index++, *number);
        else if (const auto* real = std::get_if<double>(&value))
            s.bindReal(index++, *real);
        else
            s.bind(index++, static_cast<std::int64_t>(std::get<bool>(value)));
    }
}

template <typename Record> void readFields(Statement& s, int index, Record& record)
{
    for (const FieldOf<Record>* field : storedFields<Record>())
    {
        switch (columnType(field->type))
        {
        case ColumnType::Boolean:
            field->set(record, FieldValue(s.int64(index++) != 0));
            break;
        case ColumnType::Integer:
            field->set(record, FieldValue(s.int64(index++)));
            break;
        case ColumnType::Real:
            field->set(record, FieldValue(s.real(index++)));
            break;
        case ColumnType::Text:
            field->set(record, FieldValue(s.text(index++)));
            break;
        }
    }
}

// ------------------------------------------------------------------------- SQL text

constexpr std::string_view kCommonColumns = "id, client_id, created_at, updated_at, version";

template <typename Record> std::string joinedColumns()
{
    std::string text;
    for (const FieldOf<Record>* field : storedFields<Record>())
    {
        if (!text.empty())
            text += ", ";
        text += field->column;
    }
    return text;
}

template <typename Record> const std::string& selectSql()
{
    static const std::string sql = "SELECT " + std::string(kCommonColumns) + ", " +
                                   joinedColumns<Record>() + " FROM " +
                                   std::string(tableOf<Record>());
    return sql;
}

template <typename Record> const std::string& insertSql()
{
    static const std::string sql = []
    {
        std::string text = "INSERT INTO " + std::string(tableOf<Record>()) +
                           " (client_id, created_at, updated_at, version, " +
                           joinedColumns<Record>() + ") VALUES (?1, ?2, ?3, ?4";
        for (std::size_t i = 0; i < storedFields<Record>().size(); ++i)
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
            "UPDATE " + std::string(tableOf<Record>()) + " SET updated_at = ?2, version = ?3";
        int index = 4;
        for (const FieldOf<Record>* field : storedFields<Record>())
            text += ", " + std::string(field->column) + " = ?" + std::to_string(index++);
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
    readFields(row, 5, record);
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
    auto rows = db.query(selectSql<Record>() + " WHERE " + std::string(kParentColumn<Record>) +
                         " = ?1 ORDER BY " + std::string(kListOrder<Record>));
    rows->bind(1, parentId);
    while (rows->step())
        records.emplace_back(readRecord<Record>(*rows));
    return records;
}

FileInfo readFile(Statement& row)
{
    return {row.int64(0), row.int64(1), row.text(2), row.text(3),
            row.int64(4), row.text(5),  row.text(6)};
}

// ------------------------------------------------------------------------- aggregates

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
            if (summed.type != ColumnType::Integer && summed.type != ColumnType::Real)
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
            else if (type == ColumnType::Integer || type == ColumnType::Boolean)
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

std::vector<AnyRecord> Unit::recordsOf(RecordType kind, std::span<const std::int64_t> parentIds)
{
    std::vector<AnyRecord> records;
    if (parentIds.empty())
        return records;
    db_.enableBulkRows();
    using Value = sql::BulkRows::Value;
    sql::BulkRowsOf ids(parentIds.size(),
                        [&](std::size_t row, std::size_t) -> Value
                        { return Value::of(parentIds[row]); });
    byKind(kind,
           [&]<typename Record>(std::type_identity<Record>)
           {
               const std::string parent(kParentColumn<Record>);
               auto rows = db_.query(selectSql<Record>() + " WHERE " + parent +
                                     " IN (SELECT c0 FROM bulk_rows(?1)) ORDER BY " + parent +
                                     ", " + std::string(kListOrder<Record>));
               rows->bindRows(1, ids);
               while (rows->step())
                   records.emplace_back(readRecord<Record>(*rows));
           });
    return records;
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
                bindFields(*insert, 5, record);
                insert->run();
            }
            record.id = db_.lastInsertId();
        },
        any);
}

void Unit::insertRecords(std::span<AnyRecord> records)
{
    if (records.size() < kBulkActivity)
    {
        for (AnyRecord& record : records)
            insertRecord(record);
        return;
    }
    std::visit(
        [&]<typename Record>(const Record&)
        {
            const auto& fields = storedFields<Record>();
            const bool sameKind = std::all_of(records.begin(), records.end(),
                                              [](const AnyRecord& any)
                                              { return std::holds_alternative<Record>(any); });
            const bool textAndWhole =
                std::none_of(fields.begin(), fields.end(),
                             [](const FieldOf<Record>* field)
                             { return columnType(field->type) == ColumnType::Real; });
            if (!sameKind || !textAndWhole)
            {
                for (AnyRecord& record : records)
                    insertRecord(record);
                return;
            }
            db_.enableBulkRows();
            using Value = sql::BulkRows::Value;
            // Ids given explicitly, the ones SQLite would assign (bulk_rows reports none back).
            const std::int64_t first =
                db_.scalar("SELECT coalesce(max(id), 0) FROM " + std::string(tableOf<Record>())) +
                1;
            for (std::size_t i = 0; i < records.size(); ++i)
                std::get<Record>(records[i]).id = first + static_cast<std::int64_t>(i);
            std::string scratch; // the text of the value last given
            sql::BulkRowsOf rows(records.size(),
                                 [&](std::size_t row, std::size_t column) -> Value
                                 {
                                     const Record& record = std::get<Record>(records[row]);
                                     switch (column)
                                     {
                                     case 0:
                                         return Value::of(record.id);
                                     case 1:
                                         return Value::of(record.clientId);
                                     case 2:
                                         return Value::of(record.createdAt);
                                     case 3:
                                         return Value::of(record.updatedAt);
                                     case 4:
                                         return Value::of(record.version);
                                     default:
                                         break;
                                     }
                                     const FieldValue value = fields[column - 5]->get(record);
                                     if (const auto* text = std::get_if<std::string>(&value))
                                     {
                                         scratch = *text;
                                         return Value::of(std::string_view(scratch));
                                     }
                                     if (const auto* flag = std::get_if<bool>(&value))
                                         return Value::of(std::int64_t{*flag ? 1 : 0});
                                     return Value::of(std::get<std::int64_t>(value));
                                 });
            std::string sql = "INSERT INTO " + std::string(tableOf<Record>()) +
                              " (id, client_id, created_at, updated_at, version, " +
                              joinedColumns<Record>() + ") SELECT c0, c1, c2, c3, c4";
            for (std::size_t i = 0; i < fields.size(); ++i)
                sql += ", c" + std::to_string(i + 5);
            auto insert = db_.query(sql + " FROM bulk_rows(?1)");
            insert->bindRows(1, rows);
            insert->run();
        },
        records.front());
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
            bindFields(*update, 4, record);
            update->bind(4 + static_cast<int>(storedFields<Record>().size()), expectedVersion);
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
                      auto remove = db_.query("DELETE FROM " + std::string(tableOf<Record>()) +
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
            return AggregateSql(query, filterColumns<FileInfo>(), tableOf<FileInfo>());
        return byKind(query.kind, [&]<typename Record>(std::type_identity<Record>)
                      { return AggregateSql(query, filterColumns<Record>(), tableOf<Record>()); });
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
