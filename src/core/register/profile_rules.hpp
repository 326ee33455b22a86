#pragma once

// The rules on the state of tasks, invoices, orders, projects and deals that the profile's
// lists, its labels and its summary share. Each is written once, as a Filter: the register
// gives it to the store to count with (Register::summary), and tests one record against the
// same filter (isOverdue, which the lists and labels use).

#include "core/model/profile_records.hpp"
#include "core/model/record_filter.hpp"

#include <string_view>

namespace clientes
{

// Tasks: done ones count nowhere but in done. A pending task is overdue when it has a due
// date before today; upcoming when it is due from today to weekEnd (both included).
Filter pendingTasks();
Filter overdueTasks(std::string_view today);
Filter upcomingTasks(std::string_view today, std::string_view weekEnd);
Filter doneTasks();

// Invoices: issued = authorised or paid. An authorised (unpaid) invoice is overdue when it
// was due before today, pending otherwise. A stored invoice always has a due date (the
// register gives one without it its issue date).
Filter draftInvoices();
Filter issuedInvoices();
Filter paidInvoices();
Filter pendingInvoices(std::string_view today);
Filter overdueInvoices(std::string_view today);

Filter openProjects();
Filter closedOrders();
// Deals: open = draft or sent.
Filter openDeals();
Filter acceptedDeals();
Filter rejectedDeals();

// Whether the record meets every condition (fields by API name, compared as
// model/record_filter.hpp says). std::invalid_argument for a field the record has not.
bool matches(const Filter& filter, const Task& task);
bool matches(const Filter& filter, const Invoice& invoice);

// The "overdue" of the lists and labels: matches(overdueTasks(today)), and for an invoice
// matches(overdueInvoices(today)) with a missing due date taken as its issue date.
bool isOverdue(const Task& task, std::string_view today);
bool isOverdue(const Invoice& invoice, std::string_view today);

} // namespace clientes
