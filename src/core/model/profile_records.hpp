#pragma once

// The records around a client (its 360° profile): contacts, projects and their time entries,
// tasks, purchase orders, sales invoices, deals and files. Plain values; the store
// (register/register.hpp) validates, keeps and lists them.
//
// Every editable record carries `version`: 1 after add, bumped on every update. update() only
// succeeds when the record's version is the stored one (optimistic concurrency), otherwise it
// throws RecordConflict<Record> with the stored record.
//
// Dates are ISO 8601 calendar dates, "2024-05-31", or "" where optional. Money is an integer
// number of minor units of its currency (cents for EUR, yen for JPY; see profile_money.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clientes
{

// The kinds of record around a client (Note: a note in the activity history).
enum class RecordType
{
    Contact,
    Project,
    TimeEntry,
    Task,
    PurchaseOrder,
    Invoice,
    Deal,
    File,
    Address,     // schema v5 (SQLite; v4 on the server)
    BankAccount, // schema v5 (SQLite; v4 on the server)
    Note
};

// API names: "contact", "project", "timeEntry", "task", "purchaseOrder", "invoice", "deal",
// "file", "address", "bankAccount", "note".
std::string_view recordTypeName(RecordType type);
std::optional<RecordType> recordTypeFromName(std::string_view name);

// Fields of the records, for issues and activity entries.
enum class RecordField
{
    Name,
    Role,
    Email,
    Phone,
    Status,
    Date,
    Hours,
    Note,
    Title,
    DueDate,
    Number,
    Amount,
    Currency,
    IssueDate,
    Net,
    Tax,
    Total,
    Stage,
    ValidUntil,
    MimeType,
    Text,
    Mobile,
    Type,
    Street,
    Street2,
    PostalCode,
    City,
    Region,
    Country,
    Iban,
    Bic,
    Holder,
    Bank,
    IbanCheck,
    BicCheck
};

// API names: "name", "role", "email", "phone", "status", "date", "hours", "note", "title",
// "dueDate", "number", "amount", "currency", "issueDate", "net", "tax", "total", "stage",
// "validUntil", "mimeType", "text", "mobile", "type", "street", "street2", "postalCode",
// "city", "region", "country", "iban", "bic", "holder", "bank", "ibanCheck", "bicCheck".
std::string_view recordFieldName(RecordField field);

enum class ProjectStatus
{
    Open,
    Closed
};

enum class TaskStatus
{
    Pending,
    Done
};

enum class OrderStatus
{
    Open,
    Closed
};

enum class InvoiceStatus
{
    Draft,
    Authorised, // issued; due for payment
    Paid
};

enum class DealStage
{
    Draft,
    Sent,
    Accepted,
    Rejected
};

// What an address of a client is for, besides its main one (the client's own fields).
enum class AddressType
{
    Billing,
    Shipping,
    Other
};

// API names: "open"/"closed", "pending"/"done", "draft"/"authorised"/"paid",
// "draft"/"sent"/"accepted"/"rejected".
std::string_view statusName(ProjectStatus status);
std::string_view statusName(TaskStatus status);
std::string_view statusName(OrderStatus status);
std::string_view statusName(InvoiceStatus status);
std::string_view statusName(DealStage stage);
// "billing", "shipping", "other".
std::string_view statusName(AddressType type);
// Exact API name → value.
std::optional<ProjectStatus> projectStatusFromName(std::string_view name);
std::optional<TaskStatus> taskStatusFromName(std::string_view name);
std::optional<OrderStatus> orderStatusFromName(std::string_view name);
std::optional<InvoiceStatus> invoiceStatusFromName(std::string_view name);
std::optional<DealStage> dealStageFromName(std::string_view name);
std::optional<AddressType> addressTypeFromName(std::string_view name);

// What every record kept with a client has: its id, its client, and what the store keeps of
// its changes. The register sets them; the kinds below add their own fields.
struct StoredRecord
{
    std::int64_t id = 0;       // 0 = not stored yet
    std::int64_t clientId = 0; // set on add, kept on update
    std::string createdAt;     // ISO 8601 UTC, set by the store
    std::string updatedAt;
    std::int64_t version = 0;
};

// A person to talk to at the client. A client has any number of them.
struct Contact : StoredRecord
{
    std::string name; // required
    std::string role; // "Gerente", "Accounts payable"…
    std::string email;
    std::string phone;
    std::string mobile; // schema v4 (SQLite; v3 on the server)
};

struct Project : StoredRecord
{
    std::string name; // required
    ProjectStatus status = ProjectStatus::Open;
};

// Hours worked on a project on one day. Its clientId is the project's, filled in by the
// register.
struct TimeEntry : StoredRecord
{
    std::int64_t projectId = 0; // set on add, kept on update
    std::string date;           // required
    double hours = 0;           // > 0 and <= 24
    std::string note;
};

struct Task : StoredRecord
{
    std::string title;   // required
    std::string dueDate; // optional
    TaskStatus status = TaskStatus::Pending;
};

// An order the client placed with the firm.
struct PurchaseOrder : StoredRecord
{
    std::string number;      // required (the client's reference)
    std::string date;        // optional
    std::int64_t amount = 0; // minor units, >= 0
    std::string currency;    // ISO 4217; "" on add/update = the client's default currency
    OrderStatus status = OrderStatus::Open;
};

// A sales invoice. total must equal net + tax (tax may be negative, e.g. with a withholding;
// all three may be negative in a credit note).
struct Invoice : StoredRecord
{
    std::string number;    // required, unique in the store (ignoring ASCII case)
    std::string issueDate; // required
    std::string dueDate;   // "" on add/update = issueDate (due on receipt); not before issueDate
    std::int64_t net = 0;  // minor units
    std::int64_t tax = 0;
    std::int64_t total = 0;
    std::string currency; // ISO 4217; "" on add/update = the client's default currency
    InvoiceStatus status = InvoiceStatus::Draft;
};

// An offer or a quote.
struct Deal : StoredRecord
{
    std::string title; // title or number is required
    std::string number;
    std::string date;        // optional
    std::int64_t amount = 0; // minor units, >= 0
    std::string currency;    // ISO 4217; "" on add/update = the client's default currency
    DealStage stage = DealStage::Draft;
    std::string validUntil; // optional; not before date
};

// Another address of the client: where invoices or goods go, another site. A name (a
// department, "Almacén") or a street is required.
struct Address : StoredRecord
{
    AddressType type = AddressType::Billing;
    std::string name;
    std::string street;
    std::string street2;
    std::string postalCode;
    std::string city;
    std::string region;
    std::string country; // ISO 3166-1 alpha-2, upper case, or ""
    std::string phone;
    std::string email;
};

// A bank account of the client. The IBAN is required and kept in its electronic form (upper
// case, no spaces) when it reads as one; the IBAN and the BIC are checked offline
// (rules/bank_account.hpp) and their verdicts shown, never refused: a number the check does
// not know is kept as written.
struct BankAccount : StoredRecord
{
    std::string iban;
    std::string bic;    // SWIFT code, 8 or 11 characters, or ""
    std::string holder; // the account's holder when not the client
    std::string bank;   // the bank's name
};

// A file kept inside the register (the bytes are read with Register::fileBytes).
struct FileInfo
{
    std::int64_t id = 0;
    std::int64_t clientId = 0;
    std::string name;      // as shown to the user, e.g. "contrato 2024.pdf"
    std::string mimeType;  // "application/pdf"; "application/octet-stream" when not given
    std::int64_t size = 0; // bytes
    std::string sha256;    // 64 lower-case hex digits
    std::string addedAt;   // ISO 8601 UTC
};

} // namespace clientes
