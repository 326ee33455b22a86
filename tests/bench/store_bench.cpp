// Store benchmark: 100,000 realistic clients, then per-keystroke searches.
// Not a test; prints figures. Usage: store_bench [clients] [directory]

#include "bench_clients.hpp"
#include "core/register/register.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace clientes;
using namespace clientes::bench;
namespace fs = std::filesystem;

namespace
{

using Clock = std::chrono::steady_clock;

double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const fs::path dir = argc > 2
                             ? fs::path(argv[2])
                             : fs::temp_directory_path() /
                                   ("clientes-bench-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    const fs::path file = dir / "bench.db";
    // BENCH_REUSE=1 searches an existing bench.db again (e.g. after changing the search code).
    const bool reuse = std::getenv("BENCH_REUSE") != nullptr && fs::exists(file);
    if (!reuse)
        fs::remove(file);

    std::mt19937 random(20240501);
    std::vector<Client> input;
    input.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        input.push_back(makeClient(random, i));

    std::vector<Client> stored;
    if (reuse)
    {
        Register store(file);
        for (std::int64_t id = 1; id <= count; ++id)
            if (auto client = store.byId(id))
                stored.push_back(std::move(*client));
    }
    else
    {
        Register store(file);
        // add() row by row, each in its own transaction (what the UI does), on a sample.
        const int single = std::min(count, 2000);
        auto start = Clock::now();
        for (int i = 0; i < single; ++i)
            stored.push_back(store.add(input[static_cast<std::size_t>(i)]));
        const double singleMs = millisSince(start);
        std::printf("add():     %6d clients in %8.1f ms (%.3f ms per client)\n", single, singleMs,
                    singleMs / single);
        // addMany() for the rest, in one transaction (imports).
        std::vector<Client> rest(input.begin() + single, input.end());
        start = Clock::now();
        auto added = store.addMany(std::move(rest));
        const double manyMs = millisSince(start);
        std::printf("addMany(): %6zu clients in %8.1f ms (%.3f ms per client)\n", added.size(),
                    manyMs, added.empty() ? 0.0 : manyMs / static_cast<double>(added.size()));
        // Its search rows are written after the commit (in the background); a search right
        // away writes those still missing first.
        start = Clock::now();
        const auto found = store.search("garcia", false, 200).total;
        std::printf("first search right after it: %8.1f ms (%lld matches; addMany + this "
                    "search %.1f ms)\n",
                    millisSince(start), static_cast<long long>(found), manyMs + millisSince(start));
        stored.insert(stored.end(), added.begin(), added.end());
        // archive 2% so the active filter has work to do
        for (std::size_t i = 0; i < stored.size(); i += 50)
            store.setArchived(stored[i].id, true);
    }
    std::printf("file size: %.1f MB\n", static_cast<double>(fs::file_size(file)) / 1e6);

    Register store(file); // reopened, as the extension would find it
    const std::vector<std::string> queries = makeQueries(stored);
    for (const std::string& query : queries) // warm the page cache once
        store.search(query, false, 200);

    struct Timing
    {
        double ms;
        std::string query;
        std::int64_t total;
    };
    std::vector<Timing> timings;
    for (const std::string& query : queries)
    {
        const auto start = Clock::now();
        const SearchPage page = store.search(query, false, 200);
        timings.push_back({millisSince(start), query, page.total});
    }
    std::vector<Timing> sorted = timings;
    std::sort(sorted.begin(), sorted.end(),
              [](const Timing& a, const Timing& b) { return a.ms < b.ms; });
    std::printf("search (limit 200 + total), %zu queries over %d clients:\n", sorted.size(), count);
    std::printf("  median %.2f ms, 90th %.2f ms, worst %.2f ms\n", sorted[sorted.size() / 2].ms,
                sorted[sorted.size() * 9 / 10].ms, sorted.back().ms);
    std::printf("  slowest:\n");
    for (std::size_t i = sorted.size();
         i-- > sorted.size() - std::min<std::size_t>(10, sorted.size());)
        std::printf("    %7.2f ms  %8lld matches  \"%s\"\n", sorted[i].ms,
                    static_cast<long long>(sorted[i].total), sorted[i].query.c_str());
    if (std::getenv("BENCH_ALL") != nullptr)
        for (const Timing& t : timings)
            std::printf("    %7.2f ms  %8lld matches  \"%s\"\n", t.ms,
                        static_cast<long long>(t.total), t.query.c_str());

    auto start = Clock::now();
    const SearchPage all = store.search("", false, 200);
    std::printf("empty query: %.2f ms (%lld active)\n", millisSince(start),
                static_cast<long long>(all.total));
    start = Clock::now();
    const auto codes = store.findCodes("garcia", 0);
    std::printf("findCodes(\"garcia\", all): %.2f ms (%zu codes)\n", millisSince(start),
                codes.size());
    start = Clock::now();
    const auto key = store.byKey(stored[stored.size() / 2].taxId);
    std::printf("byKey(tax ID): %.3f ms (%s)\n", millisSince(start), key ? "found" : "missing");

    if (argc <= 2)
        fs::remove_all(dir);
    return 0;
}
