// The register: a client's figures (ProfileSummary), counted by the store with the filters of
// profile_rules.hpp.

#include "core/register/profile_rules.hpp"
#include "core/register/register_internal.hpp"
#include "core/rules/dates.hpp"

#include <stdexcept>

namespace clientes
{

namespace
{

std::vector<AggregateGroup> measure(StoreReader& tx, RecordType kind, std::int64_t clientId,
                                    bool byCurrency, std::vector<Measure> measures)
{
    AggregateQuery query;
    query.kind = kind;
    query.clientId = clientId;
    query.byCurrency = byCurrency;
    query.measures = std::move(measures);
    return tx.aggregate(query);
}

// The figures of a kind without currencies: its one group.
std::vector<Aggregate> totals(StoreReader& tx, RecordType kind, std::int64_t clientId,
                              std::vector<Measure> measures)
{
    const std::size_t count = measures.size();
    std::vector<AggregateGroup> groups = measure(tx, kind, clientId, false, std::move(measures));
    if (groups.empty())
        return std::vector<Aggregate>(count);
    return std::move(groups.front().values);
}

void appendTotal(std::vector<MoneyTotal>& totals, const std::string& currency,
                 const Aggregate& value)
{
    if (value.count > 0)
        totals.push_back({currency, value.count, value.sum});
}

} // namespace

ProfileSummary Register::summary(std::int64_t clientId, std::string_view today)
{
    const std::optional<std::string> weekEnd = addDays(today, 7);
    if (!weekEnd)
        throw std::invalid_argument("summary: today must be a date YYYY-MM-DD, not \"" +
                                    std::string(today) + "\"");
    return impl_->read(
        [&](StoreReader& tx)
        {
            if (!tx.client(clientId))
                throw NotFound("id " + std::to_string(clientId));
            ProfileSummary summary;
            summary.today = std::string(today);
            {
                const auto values =
                    totals(tx, RecordType::Project, clientId, {{}, {openProjects()}});
                summary.projects.count = values[0].count;
                summary.projects.open = values[1].count;
                summary.projects.closed = summary.projects.count - summary.projects.open;
                summary.projects.hours =
                    totals(tx, RecordType::TimeEntry, clientId, {{{}, "hours"}})[0].realSum;
            }
            {
                const auto values = totals(tx, RecordType::Task, clientId,
                                           {{pendingTasks()},
                                            {overdueTasks(today)},
                                            {upcomingTasks(today, *weekEnd)},
                                            {doneTasks()}});
                summary.tasks.overdue = values[1].count;
                summary.tasks.pending = values[0].count - values[1].count;
                summary.tasks.upcoming = values[2].count;
                summary.tasks.done = values[3].count;
            }
            {
                auto& orders = summary.purchaseOrders;
                for (const AggregateGroup& group :
                     measure(tx, RecordType::PurchaseOrder, clientId, true,
                             {{{}, "amount"}, {closedOrders()}}))
                {
                    orders.count += group.values[0].count;
                    orders.closed += group.values[1].count;
                    appendTotal(orders.totals, group.currency, group.values[0]);
                }
                orders.open = orders.count - orders.closed;
            }
            {
                auto& invoices = summary.invoices;
                // Drafts are the invoices not issued (one test less on every row).
                for (const AggregateGroup& group : measure(tx, RecordType::Invoice, clientId, true,
                                                           {{},
                                                            {issuedInvoices(), "total"},
                                                            {paidInvoices(), "total"},
                                                            {pendingInvoices(today), "total"},
                                                            {overdueInvoices(today), "total"}}))
                {
                    invoices.count += group.values[0].count;
                    invoices.draft += group.values[0].count - group.values[1].count;
                    appendTotal(invoices.authorised, group.currency, group.values[1]);
                    appendTotal(invoices.paid, group.currency, group.values[2]);
                    appendTotal(invoices.pending, group.currency, group.values[3]);
                    appendTotal(invoices.overdue, group.currency, group.values[4]);
                }
            }
            {
                auto& deals = summary.deals;
                for (const AggregateGroup& group : measure(tx, RecordType::Deal, clientId, true,
                                                           {{},
                                                            {openDeals(), "amount"},
                                                            {acceptedDeals(), "amount"},
                                                            {rejectedDeals()}}))
                {
                    deals.count += group.values[0].count;
                    deals.open += group.values[1].count;
                    appendTotal(deals.openAmounts, group.currency, group.values[1]);
                    deals.accepted += group.values[2].count;
                    appendTotal(deals.acceptedAmounts, group.currency, group.values[2]);
                    deals.rejected += group.values[3].count;
                }
            }
            summary.contacts = totals(tx, RecordType::Contact, clientId, {{}})[0].count;
            {
                const auto files = totals(tx, RecordType::File, clientId, {{{}, "size"}});
                summary.files = files[0].count;
                summary.fileBytes = files[0].sum;
            }
            return summary;
        });
}

} // namespace clientes
