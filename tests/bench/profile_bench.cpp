// Profile benchmark: a register of 100,000 clients, one of them with 10,000 invoices (mixed
// statuses, currencies and dates around today) and 1,000 tasks, plus invoices of other clients;
// then Register::summary() of that client 50 times. Not a test; prints figures.
// Usage: profile_bench [clients] [directory]

#include "core/register/register.hpp"
#include "core/rules/dates.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace clientes;
namespace fs = std::filesystem;

namespace
{

using Clock = std::chrono::steady_clock;

constexpr const char* kToday = "2024-06-15";
constexpr int kInvoices = 10000;
constexpr int kTasks = 1000;
constexpr int kOtherInvoices = 50000;
constexpr int kRuns = 50;

double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string dayAround(std::mt19937& random, int before, int after)
{
    const int offset =
        static_cast<int>(random() % static_cast<unsigned>(before + after + 1)) - before;
    return *addDays(kToday, offset);
}

Invoice makeInvoice(std::mt19937& random, std::int64_t clientId, int number)
{
    static constexpr const char* kCurrencies[] = {"EUR", "EUR", "EUR", "EUR", "USD", "GBP"};
    Invoice invoice;
    invoice.clientId = clientId;
    invoice.number = "F-" + std::to_string(number);
    invoice.issueDate = dayAround(random, 180, 10);
    invoice.dueDate = *addDays(invoice.issueDate, static_cast<int>(random() % 4) * 30);
    invoice.net = static_cast<std::int64_t>(random() % 500000) + 100;
    invoice.tax = invoice.net * 21 / 100;
    invoice.total = invoice.net + invoice.tax;
    invoice.currency = kCurrencies[random() % 6];
    const unsigned status = random() % 10;
    invoice.status = status == 0  ? InvoiceStatus::Draft
                     : status < 6 ? InvoiceStatus::Authorised
                                  : InvoiceStatus::Paid;
    return invoice;
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const fs::path dir =
        argc > 2 ? fs::path(argv[2])
                 : fs::temp_directory_path() /
                       ("clientes-profile-bench-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    const fs::path file = dir / "bench.db";
    fs::remove(file);
    std::mt19937 random(20240615);

    std::int64_t clientId = 0;
    {
        Register store(file);
        std::vector<Client> clients;
        clients.reserve(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i)
        {
            Client client;
            client.legalName = "Cliente " + std::to_string(i) + (i % 3 ? " S.L." : " Lda.");
            client.country = i % 3 ? "ES" : "PT";
            client.city = i % 3 ? "Sevilla" : "Lisboa";
            client.kind = i % 5 ? "company" : "person";
            client.currency = "EUR";
            client.paymentTerms = std::to_string((i % 4) * 30);
            if (i % 7 == 0)
                client.tags = "vip, mayorista";
            clients.push_back(std::move(client));
        }
        auto start = Clock::now();
        const std::vector<Client> added = store.addMany(std::move(clients));
        std::printf("addMany():        %6d clients in  %8.1f ms\n", count, millisSince(start));
        clientId = added[added.size() / 2].id;

        std::vector<Invoice> invoices;
        for (int i = 0; i < kInvoices; ++i)
            invoices.push_back(makeInvoice(random, clientId, i));
        start = Clock::now();
        store.addMany(std::move(invoices));
        std::printf("addMany():    %6d invoices in %8.1f ms (one client)\n", kInvoices,
                    millisSince(start));

        std::vector<Invoice> others;
        for (int i = 0; i < kOtherInvoices; ++i)
            others.push_back(makeInvoice(random, added[random() % added.size()].id, kInvoices + i));
        start = Clock::now();
        store.addMany(std::move(others));
        std::printf("addMany():    %6d invoices in %8.1f ms (other clients)\n", kOtherInvoices,
                    millisSince(start));

        std::vector<Task> tasks;
        for (int i = 0; i < kTasks; ++i)
        {
            Task task;
            task.clientId = clientId;
            task.title = "Tarea " + std::to_string(i);
            task.dueDate = i % 10 == 0 ? "" : dayAround(random, 30, 30);
            task.status = random() % 10 < 7 ? TaskStatus::Pending : TaskStatus::Done;
            tasks.push_back(std::move(task));
        }
        start = Clock::now();
        store.addMany(std::move(tasks));
        std::printf("addMany():       %6d tasks in    %8.1f ms\n", kTasks, millisSince(start));
        // The clients' search rows are written after addMany's commit, in the background; a
        // search writes those still missing, so that the register reopened below has no
        // background work left to compete with the summaries measured.
        start = Clock::now();
        store.search("a", false, 10);
        std::printf("first search:    %8.1f ms\n", millisSince(start));
    }
    std::printf("file size: %.1f MB\n", static_cast<double>(fs::file_size(file)) / 1e6);

    Register store(file);            // reopened, as the extension would find it
    store.summary(clientId, kToday); // warm the page cache once
    std::vector<double> times;
    ProfileSummary summary;
    for (int run = 0; run < kRuns; ++run)
    {
        const auto start = Clock::now();
        summary = store.summary(clientId, kToday);
        times.push_back(millisSince(start));
    }
    std::sort(times.begin(), times.end());
    std::printf(
        "summary() x %d, %lld invoices and %lld tasks of one client in %d clients:\n", kRuns,
        static_cast<long long>(summary.invoices.count),
        static_cast<long long>(summary.tasks.overdue + summary.tasks.pending + summary.tasks.done),
        count);
    std::printf("  median %.2f ms, worst %.2f ms\n", times[times.size() / 2], times.back());
    std::printf("  overdue invoices: %lld (",
                static_cast<long long>(totalCount(summary.invoices.overdue)));
    for (const MoneyTotal& total : summary.invoices.overdue)
        std::printf(" %s %lld/%lld", total.currency.c_str(), static_cast<long long>(total.count),
                    static_cast<long long>(total.amount));
    std::printf(" ); tasks overdue %lld, pending %lld, upcoming %lld\n",
                static_cast<long long>(summary.tasks.overdue),
                static_cast<long long>(summary.tasks.pending),
                static_cast<long long>(summary.tasks.upcoming));

    auto start = Clock::now();
    const ActivityPage page = store.activity(clientId, 50);
    std::printf("activity(50 newest of %lld): %.2f ms\n", static_cast<long long>(page.total),
                millisSince(start));
    start = Clock::now();
    const std::vector<Invoice> list = store.list<Invoice>(clientId);
    std::printf("invoices(): %zu in %.2f ms\n", list.size(), millisSince(start));

    if (argc <= 2)
        fs::remove_all(dir);
    return 0;
}
