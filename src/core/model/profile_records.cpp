#include "core/model/profile_records.hpp"

#include <array>

namespace clientes
{

namespace
{

constexpr std::array<std::string_view, 11> kRecordTypes = {
    "contact", "project", "timeEntry", "task",        "purchaseOrder", "invoice",
    "deal",    "file",    "address",   "bankAccount", "note"};
constexpr std::array<std::string_view, 35> kFieldNames = {
    "name",    "role",  "email",   "phone",   "status",     "date",      "hours",
    "note",    "title", "dueDate", "number",  "amount",     "currency",  "issueDate",
    "net",     "tax",   "total",   "stage",   "validUntil", "mimeType",  "text",
    "mobile",  "type",  "street",  "street2", "postalCode", "city",      "region",
    "country", "iban",  "bic",     "holder",  "bank",       "ibanCheck", "bicCheck"};

constexpr std::array<std::string_view, 2> kOpenClosed = {"open", "closed"};
constexpr std::array<std::string_view, 2> kTaskStatuses = {"pending", "done"};
constexpr std::array<std::string_view, 3> kInvoiceStatuses = {"draft", "authorised", "paid"};
constexpr std::array<std::string_view, 4> kDealStages = {"draft", "sent", "accepted", "rejected"};
constexpr std::array<std::string_view, 3> kAddressTypes = {"billing", "shipping", "other"};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::string_view, N>& names, Enum value)
{
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : std::string_view{};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::string_view, N>& names, std::string_view name)
{
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name)
            return static_cast<Enum>(i);
    return std::nullopt;
}

} // namespace

std::string_view recordTypeName(RecordType type)
{
    return nameOf(kRecordTypes, type);
}

std::optional<RecordType> recordTypeFromName(std::string_view name)
{
    return valueOf<RecordType>(kRecordTypes, name);
}

std::string_view recordFieldName(RecordField field)
{
    return kFieldNames.at(static_cast<std::size_t>(field));
}

std::string_view statusName(ProjectStatus status)
{
    return nameOf(kOpenClosed, status);
}

std::string_view statusName(TaskStatus status)
{
    return nameOf(kTaskStatuses, status);
}

std::string_view statusName(OrderStatus status)
{
    return nameOf(kOpenClosed, status);
}

std::string_view statusName(InvoiceStatus status)
{
    return nameOf(kInvoiceStatuses, status);
}

std::string_view statusName(DealStage stage)
{
    return nameOf(kDealStages, stage);
}

std::optional<ProjectStatus> projectStatusFromName(std::string_view name)
{
    return valueOf<ProjectStatus>(kOpenClosed, name);
}

std::optional<TaskStatus> taskStatusFromName(std::string_view name)
{
    return valueOf<TaskStatus>(kTaskStatuses, name);
}

std::optional<OrderStatus> orderStatusFromName(std::string_view name)
{
    return valueOf<OrderStatus>(kOpenClosed, name);
}

std::optional<InvoiceStatus> invoiceStatusFromName(std::string_view name)
{
    return valueOf<InvoiceStatus>(kInvoiceStatuses, name);
}

std::string_view statusName(AddressType type)
{
    return nameOf(kAddressTypes, type);
}

std::optional<AddressType> addressTypeFromName(std::string_view name)
{
    return valueOf<AddressType>(kAddressTypes, name);
}

std::optional<DealStage> dealStageFromName(std::string_view name)
{
    return valueOf<DealStage>(kDealStages, name);
}

} // namespace clientes
