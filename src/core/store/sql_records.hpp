#pragma once

// What both SQL stores (store/sqlite, store/postgres) read alike from each record kind's
// description (model/record_kinds.hpp): a record's table has the common columns (id, client_id,
// created_at, updated_at, version) and one column per field the user or the record's place
// sets (roles Data and ProjectId); filters and sums may name any field with a column. What is
// each store's own (its SQL dialect, the order lists are read in) stays in its folder.
// No database header here.

#include "core/model/activity.hpp"
#include "core/model/record_filter.hpp"
#include "core/model/record_kinds.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace clientes::sql_records
{

enum class ColumnType
{
    Text,
    Integer,
    Real,
    Boolean
};

// A field that filters and sums may name, with its column.
struct FieldColumn
{
    std::string_view field; // API name
    std::string_view column;
    ColumnType type = ColumnType::Text;
};

inline ColumnType columnType(FieldType type)
{
    if (holdsText(type))
        return ColumnType::Text;
    switch (type)
    {
    case FieldType::Hours:
        return ColumnType::Real;
    case FieldType::Boolean:
        return ColumnType::Boolean;
    default:
        return ColumnType::Integer;
    }
}

// The column a kind's list is read by.
template <typename Record> constexpr std::string_view kParentColumn = "client_id";
template <> constexpr std::string_view kParentColumn<TimeEntry> = "project_id";

template <typename Record> std::string_view tableOf()
{
    return kindOf<Record>().info.table;
}

// The table whose rows belong to a client, for the kinds a merge moves (Store::ownedIds):
// Contact … Deal, File ("files"), Note (the activity, "activity").
inline std::string_view ownedTable(RecordType kind)
{
    switch (kind)
    {
    case RecordType::File:
        return "files";
    case RecordType::Note:
        return "activity";
    default:
        return withRecordKind(
            kind,
            []<typename Record>(const KindOf<Record>& description) -> std::string_view
            { return description.info.table; });
    }
}

// Whether rows of the kind carry a version and an update time (files and activity do not).
inline bool hasVersion(RecordType kind)
{
    return kind != RecordType::File && kind != RecordType::Note;
}

// The kinds of record a client import journals when it adds them to a client already in the
// register (kImportedKinds; import_batch_records.kind is their recordTypeName): their table,
// and the SQL expression naming one of its rows `r` in an undo's messages.
struct JournalKind
{
    RecordType type;
    std::string_view table;
    std::string_view label;
};
inline const std::array<JournalKind, std::size(kImportedKinds)>& journalKinds()
{
    static const auto kinds = []
    {
        std::array<JournalKind, std::size(kImportedKinds)> all{};
        for (std::size_t i = 0; i < all.size(); ++i)
        {
            const RecordType type = kImportedKinds[i];
            // A person by name; an address by its name, else its street; an account by IBAN.
            const std::string_view label =
                type == RecordType::Address ? "CASE WHEN r.name = '' THEN r.street ELSE r.name END"
                : type == RecordType::BankAccount ? "r.iban"
                                                  : "r.name";
            all[i] = JournalKind{type, ownedTable(type), label};
        }
        return all;
    }();
    return kinds;
}

constexpr std::string_view kFileColumns = "id, client_id, name, mime_type, size, sha256, added_at";

// Calls work(std::type_identity<Record>{}) for the record type of `kind` (Contact … Deal):
// files have operations of their own (std::invalid_argument for them and for notes).
template <typename Work> decltype(auto) byKind(RecordType kind, Work&& work)
{
    using Result = decltype(work(std::type_identity<Contact>{}));
    return withRecordKind(kind,
                          [&]<typename Record>(const KindOf<Record>& description) -> Result
                          {
                              if constexpr (std::is_same_v<Record, FileInfo>)
                                  throw std::invalid_argument("not a kind of record: " +
                                                              std::string(description.info.name));
                              else
                                  return work(std::type_identity<Record>{});
                          });
}

// The fields kept in columns of their own after the common ones, in the description's order.
template <typename Record> const std::vector<const FieldOf<Record>*>& storedFields()
{
    static const std::vector<const FieldOf<Record>*> fields = []
    {
        std::vector<const FieldOf<Record>*> stored;
        for (const FieldOf<Record>& field : kindOf<Record>().fields)
            if (!field.column.empty() &&
                (field.role == FieldRole::Data || field.role == FieldRole::ProjectId))
                stored.push_back(&field);
        return stored;
    }();
    return fields;
}

// The fields filters and sums may name.
template <typename Record> const std::vector<FieldColumn>& filterColumns()
{
    static const std::vector<FieldColumn> columns = []
    {
        std::vector<FieldColumn> named;
        for (const FieldOf<Record>& field : kindOf<Record>().fields)
            if (!field.column.empty())
                named.push_back({field.name, field.column, columnType(field.type)});
        return named;
    }();
    return columns;
}

inline std::string_view sqlOperator(Compare compare)
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

// The field a filter or sum names; std::invalid_argument when the kind has none of that name.
inline const FieldColumn& fieldColumn(std::span<const FieldColumn> fields, std::string_view name,
                                      RecordType kind)
{
    for (const FieldColumn& field : fields)
        if (field.field == name)
            return field;
    throw std::invalid_argument("no field \"" + std::string(name) + "\" in " +
                                std::string(recordKindName(kind)));
}

// The field changes of activity entries (with their ids) as rows of activity_changes.
struct ChangeRow
{
    std::int64_t activityId;
    std::int64_t position;
    const FieldChange* change;
};

inline std::vector<ChangeRow> changeRows(std::span<const ActivityEntry> entries)
{
    std::vector<ChangeRow> rows;
    for (const ActivityEntry& entry : entries)
        for (std::size_t i = 0; i < entry.changes.size(); ++i)
            rows.push_back({entry.id, static_cast<std::int64_t>(i), &entry.changes[i]});
    return rows;
}

} // namespace clientes::sql_records
