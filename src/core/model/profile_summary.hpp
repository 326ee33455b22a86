#pragma once

// The figures of a client's profile as of a given day (Register::summary).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

// Records of one currency: how many, and their amounts added up (minor units).
struct MoneyTotal
{
    std::string currency;
    std::int64_t count = 0;
    std::int64_t amount = 0;

    bool operator==(const MoneyTotal&) const = default;
};

// The entry of `currency`, or nullptr when there is none.
const MoneyTotal* findCurrency(const std::vector<MoneyTotal>& totals, std::string_view currency);
// Records over all currencies.
std::int64_t totalCount(const std::vector<MoneyTotal>& totals);

// Lists of MoneyTotal hold one entry per currency that has records, ordered by currency code.
struct ProfileSummary
{
    std::string today; // the day the figures are computed for

    struct Projects
    {
        std::int64_t count = 0;
        std::int64_t open = 0;
        std::int64_t closed = 0;
        double hours = 0; // all time entries of the client's projects
    } projects;

    // Done tasks count nowhere but in `done`. A pending task is either overdue (due before
    // today) or pending (due today or later, or without a due date); upcoming are the pending
    // ones due from today to today + 7 days, both included.
    struct Tasks
    {
        std::int64_t overdue = 0;
        std::int64_t pending = 0;
        std::int64_t upcoming = 0;
        std::int64_t done = 0;
    } tasks;

    struct PurchaseOrders
    {
        std::int64_t count = 0;
        std::int64_t open = 0;
        std::int64_t closed = 0;
        std::vector<MoneyTotal> totals; // all orders, open and closed
    } purchaseOrders;

    // Amounts are invoice totals. authorised = issued: status authorised or paid. pending and
    // overdue split the unpaid authorised ones: due today or later / due before today.
    struct Invoices
    {
        std::int64_t count = 0;
        std::int64_t draft = 0;
        std::vector<MoneyTotal> authorised;
        std::vector<MoneyTotal> paid;
        std::vector<MoneyTotal> pending;
        std::vector<MoneyTotal> overdue;
    } invoices;

    // open = draft or sent.
    struct Deals
    {
        std::int64_t count = 0;
        std::int64_t open = 0;
        std::int64_t accepted = 0;
        std::int64_t rejected = 0;
        std::vector<MoneyTotal> openAmounts;
        std::vector<MoneyTotal> acceptedAmounts;
    } deals;

    std::int64_t contacts = 0;
    std::int64_t files = 0;
    std::int64_t fileBytes = 0;
};

} // namespace clientes
