#include "core/register/profile_rules.hpp"

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

} // namespace

Filter pendingTasks()
{
    return {is("status", statusName(TaskStatus::Pending))};
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

} // namespace clientes
