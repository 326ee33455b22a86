#pragma once

// The rules on the state of tasks, invoices, orders, projects and deals that the profile's
// summary counts with. Each is written once, as a Filter: the register gives it to the store to
// count with (Register::summary). The overdue rules (overdueTasks, overdueInvoices) live with
// the kinds' descriptions (model/record_kinds.hpp), whose derived "overdue" field, shown in the
// lists and labels, tests one record against the same filter.

#include "core/model/profile_records.hpp"
#include "core/model/record_filter.hpp"
#include "core/model/record_kinds.hpp" // overdueTasks, overdueInvoices, matches

#include <string_view>

namespace clientes
{

// Tasks: done ones count nowhere but in done. A pending task is overdue when it has a due
// date before today; upcoming when it is due from today to weekEnd (both included).
Filter pendingTasks();
Filter upcomingTasks(std::string_view today, std::string_view weekEnd);
Filter doneTasks();

// Invoices: issued = authorised or paid. An authorised (unpaid) invoice is overdue when it
// was due before today, pending otherwise. A stored invoice always has a due date (the
// register gives one without it its issue date).
Filter draftInvoices();
Filter issuedInvoices();
Filter paidInvoices();
Filter pendingInvoices(std::string_view today);

Filter openProjects();
Filter closedOrders();
// Deals: open = draft or sent.
Filter openDeals();
Filter acceptedDeals();
Filter rejectedDeals();

} // namespace clientes
