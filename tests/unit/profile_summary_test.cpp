// Register::summary: status arithmetic around "today" and per-currency totals.

#include "core/register/register.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace clientes
{

using test::makeClient;
using test::TempDir;

namespace
{

constexpr const char* kToday = "2024-05-15";

class ProfileSummaryTest : public ::testing::Test
{
protected:
    ProfileSummaryTest() : store(dir / "c.db")
    {
        client = store.add(makeClient("Cliente")).id;
        other = store.add(makeClient("Otro")).id;
    }

    void task(std::int64_t owner, const char* due, TaskStatus status = TaskStatus::Pending)
    {
        Task t;
        t.clientId = owner;
        t.title = std::string("Tarea ") + due;
        t.dueDate = due;
        t.status = status;
        store.add(t);
    }

    void invoice(std::int64_t owner, const char* due, InvoiceStatus status, std::int64_t net,
                 const char* currency)
    {
        Invoice i;
        i.clientId = owner;
        i.number = "F-" + std::to_string(++numbers);
        i.issueDate = "2024-04-01";
        i.dueDate = due;
        i.net = net;
        i.tax = net / 10;
        i.total = i.net + i.tax;
        i.currency = currency;
        i.status = status;
        store.add(i);
    }

    void order(const char* currency, std::int64_t amount, OrderStatus status)
    {
        PurchaseOrder o;
        o.clientId = client;
        o.number = "PO-" + std::to_string(++numbers);
        o.amount = amount;
        o.currency = currency;
        o.status = status;
        store.add(o);
    }

    void deal(const char* currency, std::int64_t amount, DealStage stage)
    {
        Deal d;
        d.clientId = client;
        d.title = "Oferta " + std::to_string(++numbers);
        d.amount = amount;
        d.currency = currency;
        d.stage = stage;
        store.add(d);
    }

    TempDir dir;
    Register store;
    std::int64_t client = 0;
    std::int64_t other = 0;
    int numbers = 0;
};

} // namespace

TEST_F(ProfileSummaryTest, EmptyProfile)
{
    const ProfileSummary summary = store.summary(client, kToday);
    EXPECT_EQ(summary.today, kToday);
    EXPECT_EQ(summary.projects.count, 0);
    EXPECT_EQ(summary.projects.hours, 0);
    EXPECT_EQ(summary.tasks.pending, 0);
    EXPECT_TRUE(summary.invoices.authorised.empty());
    EXPECT_TRUE(summary.purchaseOrders.totals.empty());
    EXPECT_EQ(summary.deals.count, 0);
    EXPECT_EQ(summary.contacts, 0);
    EXPECT_EQ(summary.files, 0);
}

TEST_F(ProfileSummaryTest, TasksAroundToday)
{
    task(client, "2024-04-01");                   // overdue
    task(client, "2024-05-14");                   // yesterday: overdue
    task(client, "2024-05-15");                   // today: pending, upcoming
    task(client, "2024-05-16");                   // pending, upcoming
    task(client, "2024-05-22");                   // today + 7: pending, upcoming
    task(client, "2024-05-23");                   // today + 8: pending only
    task(client, "");                             // no due date: pending only
    task(client, "2024-05-01", TaskStatus::Done); // done, whatever its date
    task(client, "2024-05-20", TaskStatus::Done);
    task(other, "2024-05-01"); // another client's
    const ProfileSummary::Tasks tasks = store.summary(client, kToday).tasks;
    EXPECT_EQ(tasks.overdue, 2);
    EXPECT_EQ(tasks.pending, 5);
    EXPECT_EQ(tasks.upcoming, 3);
    EXPECT_EQ(tasks.done, 2);

    // A week later the same tasks read differently.
    const ProfileSummary::Tasks later = store.summary(client, "2024-05-22").tasks;
    EXPECT_EQ(later.overdue, 4);  // up to 05-16
    EXPECT_EQ(later.pending, 3);  // 05-22, 05-23, undated
    EXPECT_EQ(later.upcoming, 2); // 05-22, 05-23
    // Across a month and a year end.
    task(client, "2025-01-04");
    EXPECT_EQ(store.summary(client, "2024-12-28").tasks.upcoming, 1);
    EXPECT_EQ(store.summary(client, "2024-12-27").tasks.upcoming, 0);
}

TEST_F(ProfileSummaryTest, InvoicesPerCurrencyAroundToday)
{
    invoice(client, "2024-05-01", InvoiceStatus::Draft, 100000, "EUR");
    invoice(client, "2024-05-14", InvoiceStatus::Authorised, 10000, "EUR"); // overdue 110.00
    invoice(client, "2024-05-15", InvoiceStatus::Authorised, 20000, "EUR"); // due today: pending
    invoice(client, "2024-05-16", InvoiceStatus::Authorised, 30000, "EUR"); // pending
    invoice(client, "2024-05-01", InvoiceStatus::Paid, 40000, "EUR");       // paid, not overdue
    invoice(client, "2024-05-10", InvoiceStatus::Authorised, 5000, "USD");  // overdue
    invoice(client, "2024-04-10", InvoiceStatus::Paid, 7000, "USD");
    invoice(client, "2024-06-01", InvoiceStatus::Authorised, 1000, "JPY"); // pending, no decimals
    invoice(other, "2024-05-01", InvoiceStatus::Authorised, 99999, "EUR");
    const ProfileSummary::Invoices invoices = store.summary(client, kToday).invoices;
    EXPECT_EQ(invoices.count, 8);
    EXPECT_EQ(invoices.draft, 1);
    const std::vector<MoneyTotal> authorised = {
        {"EUR", 4, 110000}, {"JPY", 1, 1100}, {"USD", 2, 13200}};
    EXPECT_EQ(invoices.authorised, authorised);
    const std::vector<MoneyTotal> paid = {{"EUR", 1, 44000}, {"USD", 1, 7700}};
    EXPECT_EQ(invoices.paid, paid);
    const std::vector<MoneyTotal> pending = {{"EUR", 2, 55000}, {"JPY", 1, 1100}};
    EXPECT_EQ(invoices.pending, pending);
    const std::vector<MoneyTotal> overdue = {{"EUR", 1, 11000}, {"USD", 1, 5500}};
    EXPECT_EQ(invoices.overdue, overdue);
    EXPECT_EQ(totalCount(invoices.overdue), 2);
    ASSERT_NE(findCurrency(invoices.pending, "JPY"), nullptr);
    EXPECT_EQ(findCurrency(invoices.pending, "JPY")->amount, 1100);
    EXPECT_EQ(findCurrency(invoices.pending, "GBP"), nullptr);

    // The day after, the invoice due today is overdue.
    const ProfileSummary::Invoices tomorrow = store.summary(client, "2024-05-16").invoices;
    EXPECT_EQ(tomorrow.overdue, (std::vector<MoneyTotal>{{"EUR", 2, 33000}, {"USD", 1, 5500}}));
    EXPECT_EQ(tomorrow.pending, (std::vector<MoneyTotal>{{"EUR", 1, 33000}, {"JPY", 1, 1100}}));
}

TEST_F(ProfileSummaryTest, ProjectsOrdersDealsContactsFiles)
{
    Project open;
    open.clientId = client;
    open.name = "Abierto";
    open = store.add(open);
    Project closed;
    closed.clientId = client;
    closed.name = "Cerrado";
    closed.status = ProjectStatus::Closed;
    closed = store.add(closed);
    for (const auto& [projectId, hours] :
         {std::pair{open.id, 2.5}, std::pair{open.id, 6.0}, std::pair{closed.id, 2.0}})
    {
        TimeEntry entry;
        entry.projectId = projectId;
        entry.date = "2024-05-01";
        entry.hours = hours;
        store.add(entry);
    }
    order("EUR", 50000, OrderStatus::Open);
    order("EUR", 25000, OrderStatus::Closed);
    order("USD", 10000, OrderStatus::Closed);
    deal("EUR", 100000, DealStage::Draft);
    deal("EUR", 200000, DealStage::Sent);
    deal("EUR", 300000, DealStage::Accepted);
    deal("USD", 50000, DealStage::Rejected);
    for (const char* name : {"Ana", "Luis"})
    {
        Contact contact;
        contact.clientId = client;
        contact.name = name;
        store.add(contact);
    }
    const std::vector<std::uint8_t> bytes = {1, 2, 3};
    store.attachFile(client, "a.bin", "", bytes);

    const ProfileSummary summary = store.summary(client, kToday);
    EXPECT_EQ(summary.projects.count, 2);
    EXPECT_EQ(summary.projects.open, 1);
    EXPECT_EQ(summary.projects.closed, 1);
    EXPECT_DOUBLE_EQ(summary.projects.hours, 10.5);
    EXPECT_EQ(summary.purchaseOrders.count, 3);
    EXPECT_EQ(summary.purchaseOrders.open, 1);
    EXPECT_EQ(summary.purchaseOrders.closed, 2);
    EXPECT_EQ(summary.purchaseOrders.totals,
              (std::vector<MoneyTotal>{{"EUR", 2, 75000}, {"USD", 1, 10000}}));
    EXPECT_EQ(summary.deals.count, 4);
    EXPECT_EQ(summary.deals.open, 2);
    EXPECT_EQ(summary.deals.accepted, 1);
    EXPECT_EQ(summary.deals.rejected, 1);
    EXPECT_EQ(summary.deals.openAmounts, (std::vector<MoneyTotal>{{"EUR", 2, 300000}}));
    EXPECT_EQ(summary.deals.acceptedAmounts, (std::vector<MoneyTotal>{{"EUR", 1, 300000}}));
    EXPECT_EQ(summary.contacts, 2);
    EXPECT_EQ(summary.files, 1);
    EXPECT_EQ(summary.fileBytes, 3);
    // The other client has none of it.
    const ProfileSummary empty = store.summary(other, kToday);
    EXPECT_EQ(empty.projects.count, 0);
    EXPECT_EQ(empty.projects.hours, 0);
    EXPECT_EQ(empty.contacts, 0);
}

TEST_F(ProfileSummaryTest, Errors)
{
    EXPECT_THROW(store.summary(client, "15/05/2024"), std::invalid_argument);
    EXPECT_THROW(store.summary(client, ""), std::invalid_argument);
    EXPECT_THROW(store.summary(client, "2024-02-30"), std::invalid_argument);
    EXPECT_THROW(store.summary(4242, kToday), NotFound);
}

} // namespace clientes
