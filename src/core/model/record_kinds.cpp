#include "core/model/record_kinds.hpp"

#include "core/rules/bank_account.hpp"

#include <charconv>

namespace clientes
{

namespace
{

// ---------------------------------------------------------------- typed access to members

template <auto M> struct Member;
template <typename R, typename T, T R::*M> struct Member<M>
{
    using Record = R;
    using Type = T;
};

// The enum value whose statusName is `word`.
template <typename E> std::optional<E> enumFromWord(std::string_view word)
{
    for (int i = 0;; ++i)
    {
        const std::string_view name = statusName(static_cast<E>(i));
        if (name.empty())
            return std::nullopt;
        if (name == word)
            return static_cast<E>(i);
    }
}

// R: the kind, which may have the member from its base (StoredRecord).
template <typename R, auto M> FieldValue getMember(const R& record)
{
    using T = typename Member<M>::Type;
    const T& value = record.*M;
    if constexpr (std::is_enum_v<T>)
        return FieldValue(std::string(statusName(value)));
    else if constexpr (std::is_same_v<T, std::string>)
        return FieldValue(value);
    else if constexpr (std::is_same_v<T, bool>)
        return FieldValue(value);
    else if constexpr (std::is_floating_point_v<T>)
        return FieldValue(static_cast<double>(value));
    else
        return FieldValue(static_cast<std::int64_t>(value));
}

// A value of another alternative than the member's, or a word that is no choice, changes
// nothing (callers check words against FieldInfo::choices first).
template <typename R, auto M> void setMember(R& record, const FieldValue& value)
{
    using T = typename Member<M>::Type;
    T& target = record.*M;
    if constexpr (std::is_enum_v<T>)
    {
        if (const auto* word = std::get_if<std::string>(&value))
            if (const auto found = enumFromWord<T>(*word))
                target = *found;
    }
    else if constexpr (std::is_same_v<T, std::string>)
    {
        if (const auto* text = std::get_if<std::string>(&value))
            target = *text;
    }
    else if constexpr (std::is_same_v<T, bool>)
    {
        if (const auto* flag = std::get_if<bool>(&value))
            target = *flag;
    }
    else if constexpr (std::is_floating_point_v<T>)
    {
        if (const auto* number = std::get_if<double>(&value))
            target = *number;
    }
    else if (const auto* number = std::get_if<std::int64_t>(&value))
        target = static_cast<T>(*number);
}

template <auto M, typename R = typename Member<M>::Record> FieldOf<R> member(FieldInfo info)
{
    return {info, &getMember<R, M>, &setMember<R, M>, nullptr};
}

template <typename R>
FieldOf<R> derived(FieldInfo info, FieldValue (*derive)(const R&, const DerivedInputs&))
{
    info.role = FieldRole::Derived;
    return {info, nullptr, nullptr, derive};
}

// ---------------------------------------------------------------- shared shapes

FieldInfo idField()
{
    return {.name = "id", .column = "id", .type = FieldType::Id, .role = FieldRole::Id};
}
FieldInfo clientIdField()
{
    return {.name = "clientId",
            .column = "client_id",
            .type = FieldType::Id,
            .role = FieldRole::ClientId};
}
FieldInfo stampField(std::string_view name, std::string_view column)
{
    return {
        .name = name, .column = column, .type = FieldType::Timestamp, .role = FieldRole::Managed};
}
FieldInfo versionField()
{
    return {.name = "version",
            .column = "version",
            .type = FieldType::WholeNumber,
            .role = FieldRole::Version};
}
// The members every kind has from StoredRecord.
template <typename R> FieldOf<R> idMember()
{
    return member<&StoredRecord::id, R>(idField());
}
template <typename R> FieldOf<R> clientIdMember()
{
    return member<&StoredRecord::clientId, R>(clientIdField());
}
template <typename R> FieldOf<R> createdAtMember()
{
    return member<&StoredRecord::createdAt, R>(stampField("createdAt", "created_at"));
}
template <typename R> FieldOf<R> updatedAtMember()
{
    return member<&StoredRecord::updatedAt, R>(stampField("updatedAt", "updated_at"));
}
template <typename R> FieldOf<R> versionMember()
{
    return member<&StoredRecord::version, R>(versionField());
}
FieldInfo text(std::string_view name, std::string_view column, RecordField label,
               std::size_t maxLength, bool required = false)
{
    return {.name = name,
            .column = column,
            .type = FieldType::Text,
            .label = label,
            .required = required,
            .maxLength = maxLength};
}
FieldInfo date(std::string_view name, std::string_view column, RecordField label,
               bool required = false)
{
    return {.name = name,
            .column = column,
            .type = FieldType::Date,
            .label = label,
            .required = required};
}
FieldInfo money(std::string_view name, std::string_view column, RecordField label, bool nonNegative)
{
    return {.name = name,
            .column = column,
            .type = FieldType::Money,
            .label = label,
            .currency = "currency",
            .nonNegative = nonNegative};
}
FieldInfo currency()
{
    return {.name = "currency",
            .column = "currency",
            .type = FieldType::Currency,
            .label = RecordField::Currency,
            .required = true};
}
FieldInfo choice(std::string_view name, RecordField label, std::span<const std::string_view> words)
{
    return {.name = name,
            .column = name,
            .type = FieldType::Choice,
            .label = label,
            .required = true,
            .choices = words};
}
FieldInfo defaultToday(FieldInfo info)
{
    info.defaultToday = true;
    return info;
}

constexpr std::string_view kOpenClosed[] = {"open", "closed"};
constexpr std::string_view kTaskStatuses[] = {"pending", "done"};
constexpr std::string_view kInvoiceStatuses[] = {"draft", "authorised", "paid"};
constexpr std::string_view kDealStages[] = {"draft", "sent", "accepted", "rejected"};
constexpr std::string_view kClientKinds[] = {kKindCompany, kKindPerson};
constexpr std::string_view kAddressTypes[] = {"billing", "shipping", "other"};
// IbanVerdict and BicVerdict, in their enums' order.
constexpr std::string_view kIbanVerdicts[] = {"valid",          "empty",       "badCharacters",
                                              "unknownCountry", "wrongLength", "wrongFormat",
                                              "badCheckDigits"};
constexpr std::string_view kBicVerdicts[] = {"valid", "empty", "wrongFormat", "unknownCountry"};

// ---------------------------------------------------------------- filters

template <typename Ordered> bool compare(const Ordered& left, Compare how, const Ordered& right)
{
    switch (how)
    {
    case Compare::Equal:
        return left == right;
    case Compare::NotEqual:
        return left != right;
    case Compare::Less:
        return left < right;
    case Compare::LessOrEqual:
        return left <= right;
    case Compare::Greater:
        return left > right;
    case Compare::GreaterOrEqual:
        return left >= right;
    }
    return false;
}

template <typename Number> Number numberOf(const std::string& text)
{
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw std::invalid_argument("not a number: " + text);
    return value;
}

bool holds(const Condition& condition, const FieldValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value))
        return compare(std::string_view(*text), condition.compare,
                       std::string_view(condition.value));
    if (const auto* whole = std::get_if<std::int64_t>(&value))
        return compare(*whole, condition.compare, numberOf<std::int64_t>(condition.value));
    if (const auto* real = std::get_if<double>(&value))
        return compare(*real, condition.compare, numberOf<double>(condition.value));
    throw std::invalid_argument("no condition on a yes/no field: " + condition.field);
}

// ---------------------------------------------------------------- derived values

FieldValue ibanCheck(const BankAccount& account, const DerivedInputs&)
{
    return FieldValue(
        std::string(kIbanVerdicts[static_cast<std::size_t>(checkIban(account.iban).verdict)]));
}

FieldValue bicCheck(const BankAccount& account, const DerivedInputs&)
{
    return FieldValue(
        std::string(kBicVerdicts[static_cast<std::size_t>(checkBic(account.bic).verdict)]));
}

FieldValue projectHours(const Project&, const DerivedInputs& inputs)
{
    return inputs.hours;
}

// The overdue rules' filters (overdueTasks, overdueInvoices).
FieldValue taskOverdue(const Task& task, const DerivedInputs& inputs)
{
    return isOverdue(task, inputs.today);
}

FieldValue invoiceOverdue(const Invoice& invoice, const DerivedInputs& inputs)
{
    return isOverdue(invoice, inputs.today);
}

// ---------------------------------------------------------------- the kinds

const FieldOf<Client> kClientFields[] = {
    member<&Client::id>(
        {.name = "id", .column = "id", .type = FieldType::Id, .role = FieldRole::Internal}),
    member<&Client::uuid>({.name = "uuid", .column = "uuid", .role = FieldRole::Internal}),
    member<&Client::code>(
        {.name = "code", .column = "code", .role = FieldRole::Managed, .label = Field::Code}),
    member<&Client::legalName>({.name = "legalName",
                                .column = "legal_name",
                                .label = Field::LegalName,
                                .required = true,
                                .maxLength = 200}),
    member<&Client::tradeName>(
        {.name = "tradeName", .column = "trade_name", .label = Field::TradeName, .maxLength = 200}),
    member<&Client::taxId>(
        {.name = "taxId", .column = "tax_id", .label = Field::TaxId, .maxLength = 32}),
    member<&Client::country>(
        {.name = "country", .column = "country", .label = Field::Country, .maxLength = 2}),
    member<&Client::street>(
        {.name = "street", .column = "street", .label = Field::Street, .maxLength = 200}),
    member<&Client::postalCode>({.name = "postalCode",
                                 .column = "postal_code",
                                 .label = Field::PostalCode,
                                 .maxLength = 20}),
    member<&Client::city>(
        {.name = "city", .column = "city", .label = Field::City, .maxLength = 100}),
    member<&Client::region>(
        {.name = "region", .column = "region", .label = Field::Region, .maxLength = 100}),
    member<&Client::email>({.name = "email",
                            .column = "email",
                            .type = FieldType::Email,
                            .label = Field::Email,
                            .maxLength = 254}),
    member<&Client::phone>(
        {.name = "phone", .column = "phone", .label = Field::Phone, .maxLength = 40}),
    member<&Client::website>(
        {.name = "website", .column = "website", .label = Field::Website, .maxLength = 200}),
    member<&Client::notes>({.name = "notes",
                            .column = "notes",
                            .type = FieldType::MultiLineText,
                            .label = Field::Notes,
                            .maxLength = 100000}),
    member<&Client::kind>({.name = "kind",
                           .column = "kind",
                           .type = FieldType::Choice,
                           .label = Field::Kind,
                           .choices = kClientKinds}),
    // Kept in a table of their own (client_tags), one row a tag.
    member<&Client::tags>({.name = "tags", .column = "", .label = Field::Tags, .maxLength = 1000}),
    // Whole days, written as text (see Client::paymentTerms).
    member<&Client::paymentTerms>({.name = "paymentTerms",
                                   .column = "payment_terms",
                                   .label = Field::PaymentTerms,
                                   .maxLength = 3}),
    member<&Client::currency>({.name = "currency",
                               .column = "currency",
                               .type = FieldType::Currency,
                               .label = Field::Currency,
                               .maxLength = 3}),
    // Schema v4.
    member<&Client::mobile>(
        {.name = "mobile", .column = "mobile", .label = Field::Mobile, .maxLength = 40}),
    member<&Client::street2>(
        {.name = "street2", .column = "street2", .label = Field::Street2, .maxLength = 200}),
    member<&Client::archived>({.name = "archived",
                               .column = "archived",
                               .type = FieldType::Boolean,
                               .role = FieldRole::Managed}),
    member<&Client::createdAt>(stampField("createdAt", "created_at")),
    member<&Client::updatedAt>(stampField("updatedAt", "updated_at")),
    member<&Client::version>(versionField()),
};

const FieldOf<Contact> kContactFields[] = {
    idMember<Contact>(),
    clientIdMember<Contact>(),
    member<&Contact::name>(text("name", "name", RecordField::Name, 200, true)),
    member<&Contact::role>(text("role", "role", RecordField::Role, 100)),
    member<&Contact::email>({.name = "email",
                             .column = "email",
                             .type = FieldType::Email,
                             .label = RecordField::Email,
                             .maxLength = 254}),
    member<&Contact::phone>(text("phone", "phone", RecordField::Phone, 40)),
    member<&Contact::mobile>(text("mobile", "mobile", RecordField::Mobile, 40)),
    createdAtMember<Contact>(),
    updatedAtMember<Contact>(),
    versionMember<Contact>(),
};

FieldInfo country()
{
    return {.name = "country",
            .column = "country",
            .type = FieldType::Country,
            .label = RecordField::Country,
            .maxLength = 2};
}

const FieldOf<Address> kAddressFields[] = {
    idMember<Address>(),
    clientIdMember<Address>(),
    member<&Address::type>(choice("type", RecordField::Type, kAddressTypes)),
    member<&Address::name>({.name = "name",
                            .column = "name",
                            .label = RecordField::Name,
                            .required = true,
                            .maxLength = 200,
                            .requiredUnless = "street"}),
    member<&Address::street>(text("street", "street", RecordField::Street, 200)),
    member<&Address::street2>(text("street2", "street2", RecordField::Street2, 200)),
    member<&Address::postalCode>(text("postalCode", "postal_code", RecordField::PostalCode, 20)),
    member<&Address::city>(text("city", "city", RecordField::City, 100)),
    member<&Address::region>(text("region", "region", RecordField::Region, 100)),
    member<&Address::country>(country()),
    member<&Address::phone>(text("phone", "phone", RecordField::Phone, 40)),
    member<&Address::email>({.name = "email",
                             .column = "email",
                             .type = FieldType::Email,
                             .label = RecordField::Email,
                             .maxLength = 254}),
    createdAtMember<Address>(),
    updatedAtMember<Address>(),
    versionMember<Address>(),
};

const FieldOf<BankAccount> kBankAccountFields[] = {
    idMember<BankAccount>(),
    clientIdMember<BankAccount>(),
    member<&BankAccount::iban>(text("iban", "iban", RecordField::Iban, 42, true)),
    member<&BankAccount::bic>(text("bic", "bic", RecordField::Bic, 11)),
    member<&BankAccount::holder>(text("holder", "holder", RecordField::Holder, 200)),
    member<&BankAccount::bank>(text("bank", "bank", RecordField::Bank, 100)),
    derived<BankAccount>({.name = "ibanCheck",
                          .type = FieldType::Choice,
                          .label = RecordField::IbanCheck,
                          .choices = kIbanVerdicts},
                         &ibanCheck),
    derived<BankAccount>({.name = "bicCheck",
                          .type = FieldType::Choice,
                          .label = RecordField::BicCheck,
                          .choices = kBicVerdicts},
                         &bicCheck),
    createdAtMember<BankAccount>(),
    updatedAtMember<BankAccount>(),
    versionMember<BankAccount>(),
};

const FieldOf<Project> kProjectFields[] = {
    idMember<Project>(),
    clientIdMember<Project>(),
    member<&Project::name>(text("name", "name", RecordField::Name, 200, true)),
    member<&Project::status>(choice("status", RecordField::Status, kOpenClosed)),
    derived<Project>({.name = "hours", .type = FieldType::Hours, .label = RecordField::Hours},
                     &projectHours),
    createdAtMember<Project>(),
    updatedAtMember<Project>(),
    versionMember<Project>(),
};

const FieldOf<TimeEntry> kTimeEntryFields[] = {
    idMember<TimeEntry>(),
    member<&TimeEntry::projectId>({.name = "projectId",
                                   .column = "project_id",
                                   .type = FieldType::Id,
                                   .role = FieldRole::ProjectId}),
    // The project's client, filled in by the register from the project.
    member<&StoredRecord::clientId, TimeEntry>({.name = "clientId",
                                                .column = "client_id",
                                                .type = FieldType::Id,
                                                .role = FieldRole::Managed}),
    member<&TimeEntry::date>(defaultToday(date("date", "date", RecordField::Date, true))),
    member<&TimeEntry::hours>({.name = "hours",
                               .column = "hours",
                               .type = FieldType::Hours,
                               .label = RecordField::Hours,
                               .required = true,
                               .maximum = 24}),
    member<&TimeEntry::note>({.name = "note",
                              .column = "note",
                              .type = FieldType::MultiLineText,
                              .label = RecordField::Note,
                              .maxLength = 1000}),
    createdAtMember<TimeEntry>(),
    updatedAtMember<TimeEntry>(),
    versionMember<TimeEntry>(),
};

const FieldOf<Task> kTaskFields[] = {
    idMember<Task>(),
    clientIdMember<Task>(),
    member<&Task::title>(text("title", "title", RecordField::Title, 200, true)),
    member<&Task::dueDate>(date("dueDate", "due_date", RecordField::DueDate)),
    member<&Task::status>(choice("status", RecordField::Status, kTaskStatuses)),
    derived<Task>({.name = "overdue", .type = FieldType::Boolean}, &taskOverdue),
    createdAtMember<Task>(),
    updatedAtMember<Task>(),
    versionMember<Task>(),
};

const FieldOf<PurchaseOrder> kPurchaseOrderFields[] = {
    idMember<PurchaseOrder>(),
    clientIdMember<PurchaseOrder>(),
    member<&PurchaseOrder::number>(text("number", "number", RecordField::Number, 50, true)),
    member<&PurchaseOrder::date>(defaultToday(date("date", "date", RecordField::Date))),
    member<&PurchaseOrder::amount>(money("amount", "amount", RecordField::Amount, true)),
    member<&PurchaseOrder::currency>(currency()),
    member<&PurchaseOrder::status>(choice("status", RecordField::Status, kOpenClosed)),
    createdAtMember<PurchaseOrder>(),
    updatedAtMember<PurchaseOrder>(),
    versionMember<PurchaseOrder>(),
};

FieldInfo dueDate()
{
    FieldInfo info = date("dueDate", "due_date", RecordField::DueDate);
    info.notBefore = "issueDate";
    return info;
}

constexpr std::string_view kNetAndTax[] = {"net", "tax"};
FieldInfo total()
{
    FieldInfo info = money("total", "total", RecordField::Total, false);
    info.sumOf = kNetAndTax;
    return info;
}

const FieldOf<Invoice> kInvoiceFields[] = {
    idMember<Invoice>(),
    clientIdMember<Invoice>(),
    // Unique in the register (the store checks it).
    member<&Invoice::number>(text("number", "number", RecordField::Number, 50, true)),
    member<&Invoice::issueDate>(
        defaultToday(date("issueDate", "issue_date", RecordField::IssueDate, true))),
    member<&Invoice::dueDate>(dueDate()),
    member<&Invoice::net>(money("net", "net", RecordField::Net, false)),
    member<&Invoice::tax>(money("tax", "tax", RecordField::Tax, false)),
    member<&Invoice::total>(total()),
    member<&Invoice::currency>(currency()),
    member<&Invoice::status>(choice("status", RecordField::Status, kInvoiceStatuses)),
    derived<Invoice>({.name = "overdue", .type = FieldType::Boolean}, &invoiceOverdue),
    createdAtMember<Invoice>(),
    updatedAtMember<Invoice>(),
    versionMember<Invoice>(),
};

FieldInfo dealTitle()
{
    FieldInfo info = text("title", "title", RecordField::Title, 200, true);
    info.requiredUnless = "number";
    return info;
}
FieldInfo validUntil()
{
    FieldInfo info = date("validUntil", "valid_until", RecordField::ValidUntil);
    info.notBefore = "date";
    return info;
}

const FieldOf<Deal> kDealFields[] = {
    idMember<Deal>(),
    clientIdMember<Deal>(),
    member<&Deal::title>(dealTitle()),
    member<&Deal::number>(text("number", "number", RecordField::Number, 50)),
    member<&Deal::date>(defaultToday(date("date", "date", RecordField::Date))),
    member<&Deal::amount>(money("amount", "amount", RecordField::Amount, true)),
    member<&Deal::currency>(currency()),
    member<&Deal::stage>(choice("stage", RecordField::Stage, kDealStages)),
    member<&Deal::validUntil>(validUntil()),
    createdAtMember<Deal>(),
    updatedAtMember<Deal>(),
    versionMember<Deal>(),
};

// Files are attached whole (Register::attachFile): nothing is edited field by field.
const FieldOf<FileInfo> kFileFields[] = {
    member<&FileInfo::id>(idField()),
    member<&FileInfo::clientId>(clientIdField()),
    member<&FileInfo::name>({.name = "name",
                             .column = "name",
                             .role = FieldRole::Managed,
                             .label = RecordField::Name,
                             .required = true,
                             .maxLength = 255}),
    // "type/subtype"; "" is stored as application/octet-stream.
    member<&FileInfo::mimeType>({.name = "mimeType",
                                 .column = "mime_type",
                                 .role = FieldRole::Managed,
                                 .label = RecordField::MimeType,
                                 .maxLength = 127}),
    member<&FileInfo::size>({.name = "size",
                             .column = "size",
                             .type = FieldType::WholeNumber,
                             .role = FieldRole::Managed}),
    member<&FileInfo::sha256>({.name = "sha256", .column = "sha256", .role = FieldRole::Managed}),
    member<&FileInfo::addedAt>(stampField("addedAt", "added_at")),
};

} // namespace

bool holdsText(FieldType type)
{
    switch (type)
    {
    case FieldType::Text:
    case FieldType::MultiLineText:
    case FieldType::Email:
    case FieldType::Date:
    case FieldType::Timestamp:
    case FieldType::Currency:
    case FieldType::Choice:
    case FieldType::Country:
        return true;
    case FieldType::Id:
    case FieldType::Money:
    case FieldType::Hours:
    case FieldType::WholeNumber:
    case FieldType::Boolean:
        break;
    }
    return false;
}

template <> const KindOf<Client>& kindOf<Client>()
{
    static const KindOf<Client> kind{{.name = "client",
                                      .type = std::nullopt,
                                      .parent = Parent::None,
                                      .table = "clients",
                                      .labelField = "legalName"},
                                     kClientFields};
    return kind;
}

template <> const KindOf<Contact>& kindOf<Contact>()
{
    static const KindOf<Contact> kind{{.name = "contacts",
                                       .type = RecordType::Contact,
                                       .table = "contacts",
                                       .labelField = "name"},
                                      kContactFields};
    return kind;
}

template <> const KindOf<Address>& kindOf<Address>()
{
    static const KindOf<Address> kind{{.name = "addresses",
                                       .type = RecordType::Address,
                                       .table = "addresses",
                                       .labelField = "name",
                                       .labelFallback = "street"},
                                      kAddressFields};
    return kind;
}

template <> const KindOf<BankAccount>& kindOf<BankAccount>()
{
    static const KindOf<BankAccount> kind{{.name = "bankAccounts",
                                           .type = RecordType::BankAccount,
                                           .table = "bank_accounts",
                                           .labelField = "iban"},
                                          kBankAccountFields};
    return kind;
}

template <> const KindOf<Project>& kindOf<Project>()
{
    static const KindOf<Project> kind{{.name = "projects",
                                       .type = RecordType::Project,
                                       .table = "projects",
                                       .labelField = "name"},
                                      kProjectFields};
    return kind;
}

template <> const KindOf<TimeEntry>& kindOf<TimeEntry>()
{
    static const KindOf<TimeEntry> kind{{.name = "timeEntries",
                                         .type = RecordType::TimeEntry,
                                         .parent = Parent::Project,
                                         .table = "time_entries",
                                         .labelField = "date"},
                                        kTimeEntryFields};
    return kind;
}

template <> const KindOf<Task>& kindOf<Task>()
{
    static const KindOf<Task> kind{
        {.name = "tasks", .type = RecordType::Task, .table = "tasks", .labelField = "title"},
        kTaskFields};
    return kind;
}

template <> const KindOf<PurchaseOrder>& kindOf<PurchaseOrder>()
{
    static const KindOf<PurchaseOrder> kind{{.name = "purchaseOrders",
                                             .type = RecordType::PurchaseOrder,
                                             .table = "purchase_orders",
                                             .labelField = "number"},
                                            kPurchaseOrderFields};
    return kind;
}

template <> const KindOf<Invoice>& kindOf<Invoice>()
{
    static const KindOf<Invoice> kind{{.name = "invoices",
                                       .type = RecordType::Invoice,
                                       .table = "invoices",
                                       .labelField = "number"},
                                      kInvoiceFields};
    return kind;
}

template <> const KindOf<Deal>& kindOf<Deal>()
{
    static const KindOf<Deal> kind{{.name = "deals",
                                    .type = RecordType::Deal,
                                    .table = "deals",
                                    .labelField = "title",
                                    .labelFallback = "number"},
                                   kDealFields};
    return kind;
}

template <> const KindOf<FileInfo>& kindOf<FileInfo>()
{
    static const KindOf<FileInfo> kind{{.name = "files",
                                        .type = RecordType::File,
                                        .table = "files",
                                        .labelField = "name",
                                        .editable = false},
                                       kFileFields};
    return kind;
}

std::optional<RecordType> recordKindFromName(std::string_view name)
{
    for (RecordType type : kRecordKinds)
        if (recordKindName(type) == name)
            return type;
    return std::nullopt;
}

std::string_view recordKindName(RecordType type)
{
    if (type == RecordType::Note)
        return {};
    return withRecordKind(type, [](const auto& kind) { return kind.info.name; });
}

// ---------------------------------------------------------------- rules as filters

template <typename R> bool matches(const Filter& filter, const R& record)
{
    for (const Condition& condition : filter)
    {
        const FieldOf<R>* field = kindOf<R>().field(condition.field);
        if (field == nullptr || field->get == nullptr)
            throw std::invalid_argument("no field \"" + condition.field + "\" in " +
                                        std::string(kindOf<R>().info.name));
        if (!holds(condition, field->get(record)))
            return false;
    }
    return true;
}

template bool matches(const Filter&, const Contact&);
template bool matches(const Filter&, const Project&);
template bool matches(const Filter&, const TimeEntry&);
template bool matches(const Filter&, const Task&);
template bool matches(const Filter&, const PurchaseOrder&);
template bool matches(const Filter&, const Invoice&);
template bool matches(const Filter&, const Deal&);
template bool matches(const Filter&, const FileInfo&);
template bool matches(const Filter&, const Address&);
template bool matches(const Filter&, const BankAccount&);

Filter overdueTasks(std::string_view today)
{
    // ISO dates compare as text; "" (no due date) sorts before every date.
    return {{"status", Compare::Equal, std::string(statusName(TaskStatus::Pending))},
            {"dueDate", Compare::NotEqual, ""},
            {"dueDate", Compare::Less, std::string(today)}};
}

Filter overdueInvoices(std::string_view today)
{
    // Most due dates are not before today: that test first, the empty date after it.
    return {{"status", Compare::Equal, std::string(statusName(InvoiceStatus::Authorised))},
            {"dueDate", Compare::Less, std::string(today)},
            {"dueDate", Compare::NotEqual, ""}};
}

bool isOverdue(const Task& task, std::string_view today)
{
    return matches(overdueTasks(today), task);
}

bool isOverdue(const Invoice& invoice, std::string_view today)
{
    if (!invoice.dueDate.empty())
        return matches(overdueInvoices(today), invoice);
    Invoice asStored = invoice; // due on issue
    asStored.dueDate = invoice.issueDate;
    return matches(overdueInvoices(today), asStored);
}

} // namespace clientes
