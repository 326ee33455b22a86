#include "core/register/profile_rules.hpp"

#include <charconv>
#include <optional>
#include <stdexcept>
#include <string>

namespace clientes
{

namespace
{

Condition is(std::string field, std::string_view value)
{
    return {std::move(field), Compare::Equal, std::string(value)};
}

Condition isNot(std::string field, std::string_view value)
{
    return {std::move(field), Compare::NotEqual, std::string(value)};
}

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

std::int64_t number(const std::string& text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        throw std::invalid_argument("not a whole number: " + text);
    return value;
}

// A field's value: text, or a number (money in minor units).
struct Value
{
    std::string_view text;
    std::optional<std::int64_t> amount;
};

bool holds(const Condition& condition, const Value& value)
{
    if (value.amount)
        return compare(*value.amount, condition.compare, number(condition.value));
    return compare(value.text, condition.compare, std::string_view(condition.value));
}

Value fieldOf(const Task& task, std::string_view field)
{
    if (field == "title")
        return {task.title, {}};
    if (field == "dueDate")
        return {task.dueDate, {}};
    if (field == "status")
        return {statusName(task.status), {}};
    throw std::invalid_argument("no field \"" + std::string(field) + "\" in a task");
}

Value fieldOf(const Invoice& invoice, std::string_view field)
{
    if (field == "number")
        return {invoice.number, {}};
    if (field == "issueDate")
        return {invoice.issueDate, {}};
    if (field == "dueDate")
        return {invoice.dueDate, {}};
    if (field == "currency")
        return {invoice.currency, {}};
    if (field == "status")
        return {statusName(invoice.status), {}};
    if (field == "net")
        return {{}, invoice.net};
    if (field == "tax")
        return {{}, invoice.tax};
    if (field == "total")
        return {{}, invoice.total};
    throw std::invalid_argument("no field \"" + std::string(field) + "\" in an invoice");
}

template <typename Record> bool matchesAll(const Filter& filter, const Record& record)
{
    for (const Condition& condition : filter)
        if (!holds(condition, fieldOf(record, condition.field)))
            return false;
    return true;
}

} // namespace

Filter pendingTasks()
{
    return {is("status", statusName(TaskStatus::Pending))};
}

Filter overdueTasks(std::string_view today)
{
    // ISO dates compare as text; "" (no due date) sorts before every date.
    return {is("status", statusName(TaskStatus::Pending)),
            isNot("dueDate", ""),
            {"dueDate", Compare::Less, std::string(today)}};
}

Filter upcomingTasks(std::string_view today, std::string_view weekEnd)
{
    return {is("status", statusName(TaskStatus::Pending)),
            {"dueDate", Compare::GreaterOrEqual, std::string(today)},
            {"dueDate", Compare::LessOrEqual, std::string(weekEnd)}};
}

Filter doneTasks()
{
    return {is("status", statusName(TaskStatus::Done))};
}

Filter draftInvoices()
{
    return {is("status", statusName(InvoiceStatus::Draft))};
}

Filter issuedInvoices()
{
    return {isNot("status", statusName(InvoiceStatus::Draft))};
}

Filter paidInvoices()
{
    return {is("status", statusName(InvoiceStatus::Paid))};
}

Filter pendingInvoices(std::string_view today)
{
    return {is("status", statusName(InvoiceStatus::Authorised)),
            {"dueDate", Compare::GreaterOrEqual, std::string(today)}};
}

Filter overdueInvoices(std::string_view today)
{
    return {is("status", statusName(InvoiceStatus::Authorised)),
            isNot("dueDate", ""),
            {"dueDate", Compare::Less, std::string(today)}};
}

Filter openProjects()
{
    return {is("status", statusName(ProjectStatus::Open))};
}

Filter closedOrders()
{
    return {is("status", statusName(OrderStatus::Closed))};
}

Filter openDeals()
{
    return {isNot("stage", statusName(DealStage::Accepted)),
            isNot("stage", statusName(DealStage::Rejected))};
}

Filter acceptedDeals()
{
    return {is("stage", statusName(DealStage::Accepted))};
}

Filter rejectedDeals()
{
    return {is("stage", statusName(DealStage::Rejected))};
}

bool matches(const Filter& filter, const Task& task)
{
    return matchesAll(filter, task);
}

bool matches(const Filter& filter, const Invoice& invoice)
{
    return matchesAll(filter, invoice);
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
