// The team store against the file store, in the same run: 100,000 clients imported into a
// register on a PostgreSQL server of the benchmark's own (loopback) and into a SQLite file,
// then the same per-keystroke searches and a full read in list order (what an export
// streams) on both. Not a test; prints figures and ratios. Usage: team_store_bench [clients]
// With CLIENTES_BENCH_SERVER set (a libpq connection string to an empty database), the team
// store is measured on that server instead (e.g. the office's own, over its network).

#include "../bench/bench_clients.hpp"
#include "core/register/register.hpp"
#include "core/store/postgres/pg_store.hpp"
#include "pg_server.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace clientes;
namespace fs = std::filesystem;

namespace
{

using Clock = std::chrono::steady_clock;

double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Figures
{
    double addEachMs = 0; // one add() (its own unit), average
    double importMs = 0;  // addMany of the rest, one unit
    double firstSearchMs = 0;
    std::vector<double> searches;                        // sorted
    std::vector<std::pair<double, std::string>> slowest; // slowest first
    std::vector<double> changeSeen; // save → another connection hears it, ms, sorted
    double listMs = 0;              // every active client in list order
    double median() const { return searches[searches.size() / 2]; }
    double p90() const { return searches[searches.size() * 9 / 10]; }
    double worst() const { return searches.back(); }
};

Figures measure(Register& reg, const std::vector<Client>& input,
                const std::function<std::unique_ptr<Register>()>& reopen)
{
    Figures figures;
    constexpr int kSingle = 300;
    std::vector<Client> stored;
    auto start = Clock::now();
    for (int i = 0; i < kSingle; ++i)
        stored.push_back(reg.add(input[static_cast<std::size_t>(i)]));
    figures.addEachMs = millisSince(start) / kSingle;
    std::vector<Client> rest(input.begin() + kSingle, input.end());
    start = Clock::now();
    auto added = reg.addMany(std::move(rest));
    figures.importMs = millisSince(start);
    start = Clock::now();
    reg.search("garcia", false, 200);
    figures.firstSearchMs = millisSince(start);
    stored.insert(stored.end(), added.begin(), added.end());
    for (std::size_t i = 0; i < stored.size(); i += 50) // 2 % archived
        reg.setArchived(stored[i].id, true);

    const auto again = reopen(); // as another office would find it
    const std::vector<std::string> queries = bench::makeQueries(stored);
    for (const std::string& query : queries) // warm caches once
        again->search(query, false, 200);
    for (const std::string& query : queries)
    {
        start = Clock::now();
        again->search(query, false, 200);
        figures.searches.push_back(millisSince(start));
        figures.slowest.emplace_back(figures.searches.back(), query);
    }
    std::sort(figures.slowest.rbegin(), figures.slowest.rend());
    std::sort(figures.searches.begin(), figures.searches.end());
    start = Clock::now();
    std::size_t rows = 0;
    again->forEachClientInListOrder(
        false, [](std::size_t) {}, [&rows](Client&&) { ++rows; });
    figures.listMs = millisSince(start);
    return figures;
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    std::mt19937 random(20240501);
    std::vector<Client> input;
    input.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        input.push_back(bench::makeClient(random, i));

    const fs::path dir = fs::temp_directory_path() /
                         ("clientes-team-bench-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    const fs::path file = dir / "bench.db";
    Figures sqlite;
    {
        Register reg(file);
        sqlite = measure(reg, input, [&] { return std::make_unique<Register>(file); });
    }
    Figures server;
    {
        std::unique_ptr<clientes::testing::PgServer> pg;
        std::string conninfo;
        if (const char* given = std::getenv("CLIENTES_BENCH_SERVER"))
            conninfo = given;
        else
        {
            pg = std::make_unique<clientes::testing::PgServer>();
            conninfo = pg->conninfo();
        }
        Register reg(postgres::openStore(conninfo));
        server = measure(reg, input,
                         [&] { return std::make_unique<Register>(postgres::openStore(conninfo)); });
        // A change seen by another connection: one register saves, a second one's watch hears
        // it (what makes another office's deck refresh), 20 times.
        {
            const auto other = std::make_unique<Register>(postgres::openStore(conninfo));
            std::mutex mutex;
            std::condition_variable heard;
            int changes = 0;
            const auto watch = other->watchChanges(
                [&]
                {
                    std::lock_guard lock(mutex);
                    ++changes;
                    heard.notify_all();
                });
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            for (int i = 0; i < 20; ++i)
            {
                Client client;
                client.legalName = "Visible " + std::to_string(i);
                const auto start = Clock::now();
                reg.add(client);
                std::unique_lock lock(mutex);
                heard.wait_for(lock, std::chrono::seconds(5), [&] { return changes > i; });
                server.changeSeen.push_back(millisSince(start));
            }
            std::sort(server.changeSeen.begin(), server.changeSeen.end());
        }
        if (std::getenv("CLIENTES_BENCH_SLOWEST") != nullptr)
            for (std::size_t i = 0; i < 12 && i < server.slowest.size(); ++i)
                std::printf("  slow on the server: %7.2f ms  \"%s\"\n", server.slowest[i].first,
                            server.slowest[i].second.c_str());
    }
    fs::remove_all(dir);

    std::printf("%d clients                          SQLite file   PostgreSQL   ratio\n", count);
    const auto line = [](const char* what, double a, double b)
    { std::printf("%-36s %9.2f %12.2f %7.2f\n", what, a, b, b / a); };
    line("add() one client, ms", sqlite.addEachMs, server.addEachMs);
    line("import commit (addMany), ms", sqlite.importMs, server.importMs);
    line("first search after it, ms", sqlite.firstSearchMs, server.firstSearchMs);
    line("search median, ms", sqlite.median(), server.median());
    line("search 90th percentile, ms", sqlite.p90(), server.p90());
    line("search worst, ms", sqlite.worst(), server.worst());
    line("every active client in list order, ms", sqlite.listMs, server.listMs);
    std::printf("a save heard by another connection (20): median %.2f ms, worst %.2f ms "
                "(the save included)\n",
                server.changeSeen[server.changeSeen.size() / 2], server.changeSeen.back());
    return 0;
}
