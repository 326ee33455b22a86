// The PostgreSQL store: the records around a client (contacts, projects, time entries, tasks,
// purchase orders, invoices, deals), their files, and the aggregates summaries are made of.

#include "core/model/record_kinds.hpp"
#include "core/store/postgres/pg_internal.hpp"
#include "core/store/sql_records.hpp"

#include <algorithm>
#include <charconv>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace clientes::postgres
{

namespace
{

using namespace sql_records;

// ------------------------------------------------------------------------- record mapping
// The columns come from each kind's description, read as both SQL stores read it
// (store/sql_records.hpp).

// What the descriptions leave to this store: the order lists are read in (newest first unless
// said otherwise). Names sort as the SQLite store's NOCASE
// sorts them, so that both stores list alike: ASCII letters folded to lower case (lower() of a
// "C" text folds nothing else), then bytes. Dates need no collation: ISO dates, all of one
// length (or "", first), sort alike in every one, and the indexes on them stay usable.
template <typename Record> constexpr std::string_view kListOrder = "date DESC, id DESC";
template <> constexpr std::string_view kListOrder<Contact> = R"(lower(name COLLATE "C"), id)";
template <>
constexpr std::string_view kListOrder<Project> =
    R"(status = 'closed', lower(name COLLATE "C"), id)";
template <>
constexpr std::string_view kListOrder<Task> = "status = 'done', due_date = '', due_date, id";
template <> constexpr std::string_view kListOrder<Invoice> = "issue_date DESC, id DESC";
template <> constexpr std::string_view kListOrder<Address> = "type, id";
template <> constexpr std::string_view kListOrder<BankAccount> = "id";

template <typename Record> void addFields(pg::Params& params, const Record& record)
{
    for (const FieldOf<Record>* field : storedFields<Record>())
        std::visit(
            [&]<typename Value>(const Value& value)
            {
                if constexpr (std::is_same_v<Value, double>)
                    params.addReal(value);
                else
                    params.add(value);
            },
            field->get(record));
}

FieldValue readValue(const pg::Result& rows, int row, int column, FieldType type)
{
    switch (columnType(type))
    {
    case ColumnType::Integer:
        return FieldValue(rows.int64(row, column));
    case ColumnType::Real:
        return FieldValue(rows.real(row, column));
    case ColumnType::Boolean:
        return FieldValue(rows.boolean(row, column));
    case ColumnType::Text:
        break;
    }
    return FieldValue(rows.text(row, column));
}

// ------------------------------------------------------------------------- SQL text

// Every column of a record, in the order readRecord reads them, each after `prefix`.
template <typename Record> std::string columnList(std::string_view prefix)
{
    std::string text;
    for (std::string_view column : {"id", "client_id", "created_at", "updated_at", "version"})
        text.append(text.empty() ? "" : ", ").append(prefix).append(column);
    for (const FieldOf<Record>* field : storedFields<Record>())
        text.append(", ").append(prefix).append(field->column);
    return text;
}

template <typename Record> const std::string& selectSql()
{
    static const std::string sql =
        "SELECT " + columnList<Record>("") + " FROM " + std::string(tableOf<Record>());
    return sql;
}

template <typename Record> const std::string& listSql()
{
    static const std::string sql = selectSql<Record>() + " WHERE " +
                                   std::string(kParentColumn<Record>) + " = $1 ORDER BY " +
                                   std::string(kListOrder<Record>);
    return sql;
}

template <typename Record> const std::string& insertSql()
{
    static const std::string sql = []
    {
        std::string columns;
        std::string values;
        int index = 5;
        for (const FieldOf<Record>* field : storedFields<Record>())
        {
            columns += ", " + std::string(field->column);
            values += ", $" + std::to_string(index++);
        }
        return "INSERT INTO " + std::string(tableOf<Record>()) +
               " (client_id, created_at, updated_at, version" + columns +
               ") VALUES ($1, $2, $3, $4" + values + ") RETURNING id";
    }();
    return sql;
}

// Conditional on the version: $1 id, $2 updated_at, $3 version, the columns, then the
// expected version.
template <typename Record> const std::string& updateSql()
{
    static const std::string sql = []
    {
        std::string text =
            "UPDATE " + std::string(tableOf<Record>()) + " SET updated_at = $2, version = $3";
        int index = 4;
        for (const FieldOf<Record>* field : storedFields<Record>())
            text += ", " + std::string(field->column) + " = $" + std::to_string(index++);
        return text + " WHERE id = $1 AND version = $" + std::to_string(index);
    }();
    return sql;
}

template <typename Record> Record readRecord(const pg::Result& rows, int row)
{
    Record record;
    record.id = rows.int64(row, 0);
    record.clientId = rows.int64(row, 1);
    record.createdAt = rows.text(row, 2);
    record.updatedAt = rows.text(row, 3);
    record.version = rows.int64(row, 4);
    int column = 5;
    for (const FieldOf<Record>* field : storedFields<Record>())
    {
        field->set(record, readValue(rows, row, column, field->type));
        ++column;
    }
    return record;
}

FileInfo readFile(const pg::Result& rows, int row)
{
    return {rows.int64(row, 0), rows.int64(row, 1), rows.text(row, 2), rows.text(row, 3),
            rows.int64(row, 4), rows.text(row, 5),  rows.text(row, 6)};
}

// ------------------------------------------------------------------------- aggregates

// The number `text` is, read as matches() reads it (record_kinds.cpp): what the server would
// refuse to convert is the caller's mistake (std::invalid_argument), not the database's.
template <typename Number> Number numberOf(const std::string& text)
{
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw std::invalid_argument("not a number: " + text);
    return value;
}

// Builds "SELECT <currency>, count(*) FILTER (WHERE …), coalesce(sum(x) FILTER (…), 0) …" and
// its parameters: $1 the client or project, the conditions' values from $2 on.
class AggregateSql
{
public:
    AggregateSql(const AggregateQuery& query, std::span<const FieldColumn> fields,
                 std::string_view table)
        : kind_(query.kind), fields_(fields)
    {
        const bool byProject = query.kind == RecordType::TimeEntry && query.clientId == 0;
        params_.add(byProject ? query.projectId : query.clientId);
        if (query.byCurrency)
            (void)fieldColumn(fields_, "currency", kind_); // a kind without one: no such query
        sql_ = query.byCurrency ? "SELECT currency" : "SELECT ''";
        for (const Measure& measure : query.measures)
        {
            const std::string where = condition(measure.filter);
            const std::string filter = where.empty() ? "" : " FILTER (WHERE " + where + ")";
            sql_ += ", count(*)" + filter;
            if (measure.sum.empty())
                continue;
            const FieldColumn& summed = fieldColumn(fields_, measure.sum, kind_);
            if (summed.type != ColumnType::Integer && summed.type != ColumnType::Real)
                throw std::invalid_argument("not a numeric field: " + measure.sum);
            sql_ += ", coalesce(sum(" + std::string(summed.column) + ")" + filter + ", 0)";
        }
        sql_ += " FROM " + std::string(table) + " WHERE " +
                (byProject ? "project_id" : "client_id") + " = $1";
        if (query.byCurrency)
            sql_ += R"( GROUP BY currency ORDER BY currency COLLATE "C")";
    }

    const std::string& sql() const { return sql_; }
    const pg::Params& params() const { return params_; }

private:
    // Text is compared in byte order, as matches() compares it: "C" for the comparisons that
    // order; equality is the same in every collation and keeps the indexes usable. Numbers
    // are sent as read, so that the server never meets one it cannot convert.
    std::string condition(const Filter& filter)
    {
        std::string where;
        for (const Condition& condition : filter)
        {
            const FieldColumn& field = fieldColumn(fields_, condition.field, kind_);
            switch (field.type)
            {
            case ColumnType::Text:
                params_.add(condition.value);
                break;
            case ColumnType::Integer:
                params_.add(numberOf<std::int64_t>(condition.value));
                break;
            case ColumnType::Real:
                params_.addReal(numberOf<double>(condition.value));
                break;
            case ColumnType::Boolean:
                throw std::invalid_argument("no condition on a yes/no field: " + condition.field);
            }
            const bool ordering =
                condition.compare != Compare::Equal && condition.compare != Compare::NotEqual;
            if (!where.empty())
                where += " AND ";
            where += std::string(field.column) +
                     (field.type == ColumnType::Text && ordering ? R"( COLLATE "C" )" : " ") +
                     std::string(sqlOperator(condition.compare)) + " $" +
                     std::to_string(params_.size());
        }
        return where;
    }

    RecordType kind_;
    std::span<const FieldColumn> fields_;
    std::string sql_;
    pg::Params params_;
};

} // namespace

// ------------------------------------------------------------------------- records

std::optional<AnyRecord> Unit::record(RecordType kind, std::int64_t id)
{
    return byKind(kind,
                  [&]<typename Record>(std::type_identity<Record>) -> std::optional<AnyRecord>
                  {
                      static const std::string sql = selectSql<Record>() + " WHERE id = $1";
                      const pg::Result rows = db_.exec(sql, pg::Params().add(id));
                      if (rows.empty())
                          return std::nullopt;
                      return AnyRecord(readRecord<Record>(rows, 0));
                  });
}

std::vector<AnyRecord> Unit::records(RecordType kind, std::int64_t parentId)
{
    return byKind(kind,
                  [&]<typename Record>(std::type_identity<Record>)
                  {
                      const pg::Result rows =
                          db_.exec(listSql<Record>(), pg::Params().add(parentId));
                      std::vector<AnyRecord> records;
                      records.reserve(static_cast<std::size_t>(rows.rows()));
                      for (int row = 0; row < rows.rows(); ++row)
                          records.emplace_back(readRecord<Record>(rows, row));
                      return records;
                  });
}

std::vector<AnyRecord> Unit::recordsOf(RecordType kind, std::span<const std::int64_t> parentIds)
{
    std::vector<AnyRecord> records;
    if (parentIds.empty())
        return records;
    byKind(kind,
           [&]<typename Record>(std::type_identity<Record>)
           {
               const std::string parent(kParentColumn<Record>);
               const pg::Result rows = db_.exec(selectSql<Record>() + " WHERE " + parent +
                                                    " = ANY($1::bigint[]) ORDER BY " + parent +
                                                    ", " + std::string(kListOrder<Record>),
                                                pg::Params().add(pg::bigintArray(parentIds)));
               records.reserve(static_cast<std::size_t>(rows.rows()));
               for (int row = 0; row < rows.rows(); ++row)
                   records.emplace_back(readRecord<Record>(rows, row));
           });
    return records;
}

void Unit::insertRecord(AnyRecord& any)
{
    std::visit(
        [&]<typename Record>(Record& record)
        {
            pg::Params params;
            params.add(record.clientId).add(record.createdAt).add(record.updatedAt);
            params.add(record.version);
            addFields(params, record);
            // A client or project that does not exist, or an invoice number in use, breaks a
            // constraint: StoreError, and the unit is rolled back.
            record.id = db_.exec(insertSql<Record>(), params).int64(0, 0);
        },
        any);
}

void Unit::insertRecords(std::span<AnyRecord> records)
{
    const auto oneByOne = [&]
    {
        for (AnyRecord& record : records)
            insertRecord(record);
    };
    if (records.size() < kBulkRows)
        return oneByOne();
    std::visit(
        [&]<typename Record>(const Record&)
        {
            const auto& fields = storedFields<Record>();
            const bool sameKind = std::all_of(records.begin(), records.end(),
                                              [](const AnyRecord& any)
                                              { return std::holds_alternative<Record>(any); });
            const bool allText = std::all_of(fields.begin(), fields.end(),
                                             [](const FieldOf<Record>* field) {
                                                 return columnType(field->type) == ColumnType::Text;
                                             });
            if (!sameKind || !allText)
                return oneByOne();
            const std::string table(tableOf<Record>());
            // Ids from the table's sequence, in one statement: COPY reports none back.
            const pg::Result ids = db_.exec(
                "SELECT nextval(seq) FROM (SELECT pg_get_serial_sequence($1, 'id')::regclass "
                "AS seq OFFSET 0) AS s, generate_series(1, $2)",
                pg::Params().add(table).add(static_cast<std::int64_t>(records.size())));
            for (std::size_t i = 0; i < records.size(); ++i)
                std::get<Record>(records[i]).id = ids.int64(static_cast<int>(i), 0);
            std::string columns;
            for (const FieldOf<Record>* field : fields)
                columns += ", " + std::string(field->column);
            std::size_t next = 0;
            // A client that does not exist breaks the foreign key: StoreError, and the unit is
            // rolled back, as one by one.
            db_.copyInBinary(
                "COPY " + table + " (id, client_id, created_at, updated_at, version" + columns +
                    ") FROM STDIN (FORMAT binary)",
                [&](std::string& out)
                {
                    const Record& record = std::get<Record>(records[next]);
                    pg::BinaryRow row(out, static_cast<std::int16_t>(5 + fields.size()));
                    row.add(record.id)
                        .add(record.clientId)
                        .add(record.createdAt)
                        .add(record.updatedAt)
                        .add(record.version);
                    for (const FieldOf<Record>* field : fields)
                        row.add(std::string_view(std::get<std::string>(field->get(record))));
                    return ++next < records.size();
                });
        },
        records.front());
}

bool Unit::updateRecord(const AnyRecord& any, std::int64_t expectedVersion)
{
    return std::visit(
        [&]<typename Record>(const Record& record)
        {
            pg::Params params;
            params.add(record.id).add(record.updatedAt).add(record.version);
            addFields(params, record);
            params.add(expectedVersion);
            return db_.exec(updateSql<Record>(), params).affected() > 0;
        },
        any);
}

bool Unit::removeRecord(RecordType kind, std::int64_t id)
{
    return byKind(kind,
                  [&]<typename Record>(std::type_identity<Record>)
                  {
                      // A project's time entries go with it: the foreign key cascades.
                      static const std::string sql =
                          "DELETE FROM " + std::string(tableOf<Record>()) + " WHERE id = $1";
                      return db_.exec(sql, pg::Params().add(id)).affected() > 0;
                  });
}

std::optional<Invoice> Unit::invoiceByNumber(std::string_view number)
{
    // The expression of the unique index (pg_schema.cpp): "f-1" and "F-1" are the same number,
    // and the lookup finds exactly the invoice an insert would collide with.
    static const std::string sql =
        selectSql<Invoice>() + R"( WHERE upper(number COLLATE "C") = upper($1::text COLLATE "C"))";
    const pg::Result rows = db_.exec(sql, pg::Params().add(number));
    if (rows.empty())
        return std::nullopt;
    return readRecord<Invoice>(rows, 0);
}

std::vector<Invoice> Unit::allInvoices()
{
    static const std::string sql = selectSql<Invoice>() + " ORDER BY id";
    const pg::Result rows = db_.exec(sql);
    std::vector<Invoice> invoices;
    invoices.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row)
        invoices.push_back(readRecord<Invoice>(rows, row));
    return invoices;
}

std::vector<InvoiceListRow> Unit::invoiceList(const InvoiceFilter& filter)
{
    // Numbers in the order of the SQLite store's NOCASE (see kListOrder), which the index
    // invoices_issue (pg_schema.cpp) keeps.
    static const std::string sql =
        "SELECT " + columnList<Invoice>("i.") +
        ", c.code, c.legal_name, c.tax_id FROM invoices AS i JOIN clients AS c ON "
        "c.id = i.client_id WHERE ($1 = '' OR i.issue_date >= $1) AND ($2 = '' OR "
        "i.issue_date <= $2) AND ($3 = '' OR i.status = $3) "
        R"(ORDER BY i.issue_date, lower(i.number COLLATE "C"), i.id)";
    const pg::Result rows =
        db_.exec(sql, pg::Params()
                          .add(filter.from)
                          .add(filter.to)
                          .add(filter.status ? statusName(*filter.status) : std::string_view()));
    const int client = 5 + static_cast<int>(storedFields<Invoice>().size());
    std::vector<InvoiceListRow> list;
    list.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row)
        list.push_back({readRecord<Invoice>(rows, row), rows.text(row, client),
                        rows.text(row, client + 1), rows.text(row, client + 2)});
    return list;
}

std::vector<AggregateGroup> Unit::aggregate(const AggregateQuery& query)
{
    if (query.kind == RecordType::TimeEntry && query.clientId == 0 && query.projectId == 0)
        throw std::invalid_argument("aggregate of time entries without a client or project");
    const AggregateSql sql =
        withRecordKind(query.kind, [&]<typename Record>(const KindOf<Record>& kind)
                       { return AggregateSql(query, filterColumns<Record>(), kind.info.table); });
    const pg::Result rows = db_.exec(sql.sql(), sql.params());
    std::vector<AggregateGroup> groups;
    for (int row = 0; row < rows.rows(); ++row)
    {
        AggregateGroup group;
        group.currency = rows.text(row, 0);
        int column = 1;
        for (const Measure& measure : query.measures)
        {
            Aggregate value;
            value.count = rows.int64(row, column++);
            if (!measure.sum.empty())
            {
                // A sum of integers is numeric, of hours double precision: each read both ways.
                value.sum = rows.int64(row, column);
                value.realSum = rows.real(row, column);
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
    static const std::string sql =
        "SELECT " + std::string(kFileColumns) + " FROM files WHERE id = $1";
    const pg::Result rows = db_.exec(sql, pg::Params().add(id));
    if (rows.empty())
        return std::nullopt;
    return readFile(rows, 0);
}

std::vector<FileInfo> Unit::files(std::int64_t clientId)
{
    static const std::string sql =
        "SELECT " + std::string(kFileColumns) +
        " FROM files WHERE client_id = $1 ORDER BY added_at DESC, id DESC";
    const pg::Result rows = db_.exec(sql, pg::Params().add(clientId));
    std::vector<FileInfo> list;
    list.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row)
        list.push_back(readFile(rows, row));
    return list;
}

std::optional<std::vector<std::uint8_t>> Unit::fileBytes(std::int64_t id)
{
    // In binary: the hex text form would double what travels and what is held.
    const pg::Result rows = db_.exec("SELECT data FROM file_contents WHERE file_id = $1",
                                     pg::Params().add(id), /*binaryResult*/ true);
    if (rows.empty())
        return std::nullopt;
    return rows.bytes(0, 0);
}

void Unit::insertFile(FileInfo& file, std::span<const std::uint8_t> bytes)
{
    file.id = db_.exec("INSERT INTO files (client_id, name, mime_type, size, sha256, added_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                       pg::Params()
                           .add(file.clientId)
                           .add(file.name)
                           .add(file.mimeType)
                           .add(file.size)
                           .add(file.sha256)
                           .add(file.addedAt))
                  .int64(0, 0);
    db_.exec("INSERT INTO file_contents (file_id, data) VALUES ($1, $2)",
             pg::Params().add(file.id).addBytes(bytes));
}

bool Unit::removeFile(std::int64_t id)
{
    // The bytes go with it: the foreign key cascades.
    return db_.exec("DELETE FROM files WHERE id = $1", pg::Params().add(id)).affected() > 0;
}

} // namespace clientes::postgres
