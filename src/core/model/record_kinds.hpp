#pragma once

// One description per kind of record: the client itself and the records around it (contacts,
// projects, time entries, tasks, purchase orders, invoices, deals, files). A kind has its API
// name, RecordType, parent and storage table; each of its fields its API name, storage column,
// value type, label key, what validation needs (required, maximum length, range, date order)
// and typed access to the struct member, so that generic code can read and write any field of
// any record: the API's NamedValues (uno/api/profile_fields.cxx), the profile dialog's lists
// and forms (uno/dialogs/profile_dialog.cxx), tidying and validation
// (rules/profile_validation.cpp) and the store.
//
// A new field of a kind: its struct member (profile_records.hpp), one line in the kind's
// description (record_kinds.cpp), a column in the store (a migration), and, when its name is
// new, a RecordField with its label texts.

#include "core/model/client.hpp"
#include "core/model/profile_records.hpp"
#include "core/model/record_filter.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace clientes
{

// What a field holds. The FieldValue alternative it is read and written as is in brackets.
enum class FieldType
{
    Id,            // a record's number, given by the store (id, clientId, projectId) [int64]
    Text,          // one line [string]
    MultiLineText, // text with line breaks [string]
    Email,         // one line: an e-mail address, or "" [string]
    Date,          // ISO 8601 calendar date "2024-05-31", or "" [string]
    Timestamp,     // ISO 8601 UTC date and time, set by the store [string]
    Money,         // minor units of the currency named by the kind's currency field [int64]
    Currency,      // ISO 4217 code, upper case; "" = the client's default currency [string]
    Hours,         // a decimal number of hours [double]
    WholeNumber,   // [int64]
    Choice,        // one of the field's API words (records: an enum's statusName) [string]
    Boolean,       // [bool]
    Country,       // ISO 3166-1 alpha-2 code, upper case, or "" [string]
};

// Text of some kind: Text, MultiLineText, Email, Date, Timestamp, Currency, Choice, Country.
bool holdsText(FieldType type);

// Who writes a field.
enum class FieldRole
{
    Data,      // the user, through the API and the forms
    Id,        // the store: the record's own id
    ClientId,  // the client the record belongs to (set on add, kept)
    ProjectId, // the project a time entry belongs to (set on add, kept)
    Version,   // optimistic concurrency: 1 after add, +1 on every change
    Managed,   // the store or an operation of its own: createdAt, code, archived, size…
    Derived,   // computed from the record, never stored: overdue, a project's hours
    Internal,  // kept by the store, not shown in the API (the client's rowid and uuid)
};

// The key of a field's label text: a client field (messages.hpp's fieldLabel), a record field
// (recordFieldLabel, with the kind's RecordType), or none (ids, stamps: no label).
using LabelKey = std::variant<std::monostate, Field, RecordField>;

using FieldValue = std::variant<std::string, std::int64_t, double, bool>;

// What derived fields are computed from besides the record.
struct DerivedInputs
{
    std::string_view today; // "YYYY-MM-DD": tasks and invoices are overdue before it
    double hours = 0;       // a project's time entries added up
};

// A field, without its access to a struct.
struct FieldInfo
{
    std::string_view name{};   // API name: "dueDate"
    std::string_view column{}; // storage column: "due_date"; "" when not a column of its table
    FieldType type = FieldType::Text;
    FieldRole role = FieldRole::Data;
    LabelKey label{};
    bool required = false;
    std::size_t maxLength = 0;                   // characters; 0 = not limited here
    std::span<const std::string_view> choices{}; // Choice: the API words, in the enum's order
    std::string_view currency{};                 // Money: the kind's currency field
    std::string_view notBefore{};                // Date: the date it may not precede
    std::string_view requiredUnless{};           // required unless this other field is given
    std::span<const std::string_view> sumOf{};   // Money: the sum of these fields
    bool nonNegative = false;                    // Money: not below 0
    double maximum = 0;                          // Hours: above 0 and at most this
    bool defaultToday = false;                   // a new record in a form starts with today

    bool readOnly() const { return role != FieldRole::Data; }
    bool inApi() const { return role != FieldRole::Internal; }
};

// A field of records of type R: FieldInfo with typed access. Member fields have get and set;
// derived ones derive.
template <typename R> struct FieldOf : FieldInfo
{
    FieldValue (*get)(const R&) = nullptr;
    void (*set)(R&, const FieldValue&) = nullptr;
    FieldValue (*derive)(const R&, const DerivedInputs&) = nullptr;

    FieldValue value(const R& record, const DerivedInputs& inputs = {}) const
    {
        return derive ? derive(record, inputs) : get(record);
    }
};

// Where a kind's records hang.
enum class Parent
{
    None, // the client itself
    Client,
    Project,
};

struct KindInfo
{
    std::string_view name{};          // API name: "contacts"; the client: "client"
    std::optional<RecordType> type{}; // nullopt for the client
    Parent parent = Parent::Client;
    std::string_view table{};         // storage table
    std::string_view labelField{};    // what names a record in messages ("«F-2024-001»")
    std::string_view labelFallback{}; // … when labelField is empty
    bool editable = true;             // added and changed field by field (files are attached)
};

template <typename R> struct KindOf
{
    using Record = R;

    KindInfo info;
    std::span<const FieldOf<R>> fields;

    const FieldOf<R>* field(std::string_view name) const
    {
        for (const FieldOf<R>& field : fields)
            if (field.name == name)
                return &field;
        return nullptr;
    }
    // The first field with this role (ClientId, ProjectId, Version…), if any.
    const FieldOf<R>* withRole(FieldRole role) const
    {
        for (const FieldOf<R>& field : fields)
            if (field.role == role)
                return &field;
        return nullptr;
    }
    // The record's name in messages: labelField, else labelFallback.
    std::string label(const R& record) const
    {
        std::string text = std::get<std::string>(field(info.labelField)->get(record));
        if (text.empty() && !info.labelFallback.empty())
            text = std::get<std::string>(field(info.labelFallback)->get(record));
        return text;
    }
};

// The descriptions, one per kind.
template <typename R> const KindOf<R>& kindOf();
template <> const KindOf<Client>& kindOf<Client>();
template <> const KindOf<Contact>& kindOf<Contact>();
template <> const KindOf<Project>& kindOf<Project>();
template <> const KindOf<TimeEntry>& kindOf<TimeEntry>();
template <> const KindOf<Task>& kindOf<Task>();
template <> const KindOf<PurchaseOrder>& kindOf<PurchaseOrder>();
template <> const KindOf<Invoice>& kindOf<Invoice>();
template <> const KindOf<Deal>& kindOf<Deal>();
template <> const KindOf<FileInfo>& kindOf<FileInfo>();
template <> const KindOf<Address>& kindOf<Address>();
template <> const KindOf<BankAccount>& kindOf<BankAccount>();

// ---------------------------------------------------------------- rules as filters

// Whether the record meets every condition of `filter` (model/record_filter.hpp), its fields
// read through the kind's description: text, dates and choices compared as text in byte order,
// money, whole numbers and hours as numbers (as a store's aggregate compares them).
// std::invalid_argument for a field the kind has not (or a derived one), or a number that is
// none. For Contact, Project, TimeEntry, Task, PurchaseOrder, Invoice, Deal, FileInfo, Address
// and BankAccount.
template <typename R> bool matches(const Filter& filter, const R& record);

// The overdue rules, each written once as a filter: the derived "overdue" field of tasks and
// invoices is matches() of it, and the register counts with it (register/profile_rules.hpp).
// A pending task with a due date before today; an authorised invoice due before today.
Filter overdueTasks(std::string_view today);
Filter overdueInvoices(std::string_view today);
// The derived "overdue" field: matches(overdueTasks(today)), and for an invoice
// matches(overdueInvoices(today)) with a missing due date taken as its issue date (a stored
// invoice always has one).
bool isOverdue(const Task& task, std::string_view today);
bool isOverdue(const Invoice& invoice, std::string_view today);

// The record kinds in the profile's order (Note is no record kind).
inline constexpr RecordType kRecordKinds[] = {
    RecordType::Contact,   RecordType::Address, RecordType::BankAccount,   RecordType::Project,
    RecordType::TimeEntry, RecordType::Task,    RecordType::PurchaseOrder, RecordType::Invoice,
    RecordType::Deal,      RecordType::File};

// f(kindOf<R>()) for the record type of `type`; std::invalid_argument for Note. The one place
// that turns a RecordType into its struct.
template <typename F> decltype(auto) withRecordKind(RecordType type, F&& f)
{
    switch (type)
    {
    case RecordType::Contact:
        return f(kindOf<Contact>());
    case RecordType::Project:
        return f(kindOf<Project>());
    case RecordType::TimeEntry:
        return f(kindOf<TimeEntry>());
    case RecordType::Task:
        return f(kindOf<Task>());
    case RecordType::PurchaseOrder:
        return f(kindOf<PurchaseOrder>());
    case RecordType::Invoice:
        return f(kindOf<Invoice>());
    case RecordType::Deal:
        return f(kindOf<Deal>());
    case RecordType::File:
        return f(kindOf<FileInfo>());
    case RecordType::Address:
        return f(kindOf<Address>());
    case RecordType::BankAccount:
        return f(kindOf<BankAccount>());
    case RecordType::Note:
        break;
    }
    throw std::invalid_argument("a note is no record kind");
}

// The kinds an import adds to a client, beside its own fields (people, addresses, bank
// accounts): what its journal keeps of clients already in the register, what the undo removes.
inline constexpr RecordType kImportedKinds[] = {RecordType::Contact, RecordType::Address,
                                                RecordType::BankAccount};

// withRecordKind for one of kImportedKinds (std::invalid_argument for any other kind): the
// generic code an import's journal runs is instantiated for those three only.
template <typename F> decltype(auto) withImportedKind(RecordType type, F&& f)
{
    switch (type)
    {
    case RecordType::Contact:
        return f(kindOf<Contact>());
    case RecordType::Address:
        return f(kindOf<Address>());
    case RecordType::BankAccount:
        return f(kindOf<BankAccount>());
    default:
        break;
    }
    throw std::invalid_argument("not a kind of record an import adds");
}

// The record kind whose API name is `name` ("invoices"); nullopt when none.
std::optional<RecordType> recordKindFromName(std::string_view name);
// Its API name ("invoices"); "" for Note.
std::string_view recordKindName(RecordType type);

} // namespace clientes
