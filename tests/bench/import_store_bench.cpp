// Import batch benchmark in the core (no office): commits 100,000 new clients as one import
// batch, loads the register back in bulk, commits 100,000 updates, undoes both.
// Not a test; prints figures. Usage: import_store_bench [clients] [directory]

#include "core/register/register.hpp"
#include "core/rules/validation.hpp"

#include <array>
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

double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

constexpr std::array kSurnames = {"García",   "Fernández", "González",  "Rodríguez", "López",
                                  "Martínez", "Sánchez",   "Pérez",     "Muñoz",     "Álvarez",
                                  "Silva",    "Santos",    "Gonçalves", "Conceição", "Magalhães"};
constexpr std::array kBusinesses = {"Construcciones", "Transportes", "Talleres", "Asesoría",
                                    "Construções",    "Padaria",     "Comércio", "Ferretería"};
constexpr std::array kCities = {"Madrid", "Barcelona", "Sevilla", "Lisboa", "Porto", "Évora"};

template <typename Array> const char* pick(std::mt19937& random, const Array& values)
{
    return values[random() % values.size()];
}

std::string digits(std::mt19937& random, int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += static_cast<char>('0' + random() % 10);
    return out;
}

Client makeClient(std::mt19937& random, int index)
{
    Client client;
    const bool portuguese = random() % 3 == 0;
    client.legalName = std::string(pick(random, kBusinesses)) + " " + pick(random, kSurnames) +
                       " " + pick(random, kSurnames) + (portuguese ? " Lda." : " S.L.");
    client.country = portuguese ? "PT" : "ES";
    client.city = pick(random, kCities);
    client.taxId =
        portuguese ? std::to_string(500000000 + index) : "B-" + std::to_string(10000000 + index);
    client.street = "Calle Mayor " + std::to_string(random() % 200);
    client.postalCode =
        portuguese ? digits(random, 4) + "-" + digits(random, 3) : "0" + digits(random, 4);
    client.email = "cliente" + std::to_string(index) + (portuguese ? "@empresa.pt" : "@empresa.es");
    client.phone = (portuguese ? "+351 " : "+34 ") + digits(random, 9);
    if (random() % 4 == 0)
        client.notes = "Cliente desde " + std::to_string(1990 + random() % 34) + ".";
    tidy(client);
    return client;
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const fs::path dir =
        argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "clientes-import-store-bench";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::mt19937 random(20240501);
    std::vector<Client> clients;
    clients.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        clients.push_back(makeClient(random, i));

    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    Register store(dir / "bench.db");
    ClientImportCommit commit;
    commit.source = "bench";
    commit.creates = clients;
    auto start = Clock::now();
    const ImportCommitResult created = store.commitClientImport(std::move(commit));
    const double commitMs = millisSince(start);
    std::printf("commitClientImport: %d new clients in %.0f ms\n", count, commitMs);
    // The search rows of the new clients are written after the commit (in the background);
    // a search right away writes those still missing first.
    start = Clock::now();
    const auto found = store.search("garcia", false, 200).total;
    std::printf("first search right after it: %.0f ms (%lld matches; commit + this search %.0f "
                "ms)\n",
                millisSince(start), static_cast<long long>(found), commitMs + millisSince(start));

    if (std::getenv("KEEP_COPY"))
        fs::copy_file(dir / "bench.db", std::getenv("KEEP_COPY"),
                      fs::copy_options::overwrite_existing);
    start = Clock::now();
    std::vector<Client> loaded;
    loaded.reserve(static_cast<std::size_t>(count));
    store.forEachClient([&](Client&& client) { loaded.push_back(std::move(client)); });
    std::printf("forEachClient: %zu clients in %.0f ms\n", loaded.size(), millisSince(start));

    start = Clock::now();
    const std::vector<Client> exported = store.clientsForExport("", {}, false);
    std::printf("clientsForExport (all): %zu clients in %.0f ms\n", exported.size(),
                millisSince(start));

    ClientImportCommit updates;
    updates.source = "bench updates";
    for (Client& client : loaded)
    {
        client.city = "Toledo";
        updates.updates.push_back(client);
    }
    start = Clock::now();
    store.commitClientImport(std::move(updates));
    std::printf("commitClientImport: %d updates in %.0f ms\n", count, millisSince(start));

    start = Clock::now();
    ImportUndoResult undone = store.undoLastImport();
    std::printf("undoLastImport: %zu updates reverted in %.0f ms\n", undone.reverted,
                millisSince(start));
    // The update's undo gave the clients back as their import left them: that import can
    // be undone in turn.
    start = Clock::now();
    undone = store.undoLastImport();
    std::printf("undoLastImport: %zu creations reverted (after the updates' undo) in %.0f ms\n",
                undone.reverted, millisSince(start));

    // A second register: creations undone right away.
    Register other(dir / "bench2.db");
    ClientImportCommit again;
    again.source = "bench again";
    again.creates = clients;
    start = Clock::now();
    other.commitClientImport(std::move(again));
    std::printf("commitClientImport: %d new clients in %.0f ms\n", count, millisSince(start));
    start = Clock::now();
    undone = other.undoLastImport();
    std::printf("undoLastImport: %zu creations reverted in %.0f ms\n", undone.reverted,
                millisSince(start));
    std::printf("clients left: %lld (first batch %s)\n", static_cast<long long>(other.count(true)),
                created.batch.batchId.c_str());
    const bool empty = other.count(true) == 0;
    fs::remove_all(dir);
    return empty ? 0 : 1;
}
