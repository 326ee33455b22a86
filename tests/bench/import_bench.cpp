// Import/export benchmark: plans the import of a 100,000 × 10 sheet against a register of
// 50,000 clients (half the rows match), and shapes 100,000 clients for export.
// Not a test; prints figures (median of 3 runs). Usage: import_bench [rows]

#include "core/rules/validation.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_plan.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <time.h>

using namespace clientes;

namespace
{

using Clock = std::chrono::steady_clock;

double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Wall time and this thread's CPU time: on a busy machine the CPU time is the steadier figure.
struct Stamp
{
    Clock::time_point wall;
    double cpuMs;

    static Stamp now()
    {
        timespec cpu{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
        return {Clock::now(), static_cast<double>(cpu.tv_sec) * 1e3 + cpu.tv_nsec / 1e6};
    }
};

struct Timing
{
    double wallMs;
    double cpuMs;
};

// Median of 3 runs; `run` returns the Stamp of the end of its measured part.
template <typename F> Timing medianOf3(F&& run)
{
    std::array<double, 3> wall{};
    std::array<double, 3> cpu{};
    for (std::size_t i = 0; i < 3; ++i)
    {
        const Stamp start = Stamp::now();
        const Stamp stop = run();
        wall[i] = std::chrono::duration<double, std::milli>(stop.wall - start.wall).count();
        cpu[i] = stop.cpuMs - start.cpuMs;
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[1], cpu[1]};
}

// Runs `make` and stores its result in `out` after taking the time (freeing the previous
// result is not measured).
template <typename T, typename F> Stamp timed(T& out, F&& make)
{
    T result = make();
    const Stamp stop = Stamp::now();
    out = std::move(result);
    return stop;
}

constexpr std::array kSurnames = {
    "García",  "Fernández", "González",  "Rodríguez", "López",    "Martínez", "Sánchez",
    "Pérez",   "Gómez",     "Martín",    "Jiménez",   "Ruiz",     "Muñoz",    "Álvarez",
    "Silva",   "Santos",    "Ferreira",  "Pereira",   "Oliveira", "Costa",    "Gonçalves",
    "Brandão", "Simões",    "Conceição", "Magalhães", "Núñez",    "Ibáñez",   "Peña"};
constexpr std::array kBusinesses = {"Construcciones", "Transportes", "Talleres", "Asesoría",
                                    "Construções",    "Padaria",     "Comércio", "Consultoria",
                                    "Ferretería",     "Clínica",     "Farmacia", "Óptica"};
constexpr std::array kForms = {"S.L.", "S.A.", "S.L.U.", "Lda.", "Unipessoal Lda.", ""};
constexpr std::array kSpanishCities = {"Madrid", "Barcelona", "Sevilla", "Málaga",
                                       "Bilbao", "A Coruña",  "Cádiz",   "León"};
constexpr std::array kPortugueseCities = {"Lisboa", "Porto", "Braga", "Évora", "Guimarães"};
constexpr std::array kStreets = {"Calle Mayor", "Avenida de la Constitución", "Rua Augusta",
                                 "Plaza de España", "Rua de Santa Catarina"};

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

// A realistic client; `index` makes the tax ID and e-mail unique.
Client makeClient(std::mt19937& random, int index)
{
    Client client;
    const bool portuguese = random() % 3 == 0;
    client.legalName = std::string(pick(random, kBusinesses)) + " " + pick(random, kSurnames) +
                       " " + pick(random, kSurnames) + " " + pick(random, kForms);
    client.country = portuguese ? "PT" : "ES";
    client.city = portuguese ? pick(random, kPortugueseCities) : pick(random, kSpanishCities);
    client.taxId =
        portuguese ? std::to_string(500000000 + index) : "B-" + std::to_string(10000000 + index);
    client.street = std::string(pick(random, kStreets)) + ", " + std::to_string(random() % 200);
    client.postalCode =
        portuguese ? digits(random, 4) + "-" + digits(random, 3) : "0" + digits(random, 4);
    client.email = "cliente" + std::to_string(index) + (portuguese ? "@empresa.pt" : "@empresa.es");
    client.phone = (portuguese ? "+351 " : "+34 ") + digits(random, 9);
    if (random() % 4 == 0)
        client.notes =
            "Cliente desde " + std::to_string(1990 + random() % 34) + ". Paga a 30 días.";
    tidy(client);
    return client;
}

ImportCell text(std::string value)
{
    ImportCell cell;
    cell.text = std::move(value);
    return cell;
}

} // namespace

int main(int argc, char** argv)
{
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int known = rows / 2;
    std::mt19937 random(20240501);

    // The register: the first half of the clients, stored (id, code).
    std::vector<Client> clients;
    clients.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i)
        clients.push_back(makeClient(random, i));
    std::vector<Client> registered;
    for (int i = 0; i < known; ++i)
    {
        Client stored = clients[static_cast<std::size_t>(i)];
        stored.id = i + 1;
        char code[32];
        std::snprintf(code, sizeof code, "C-%06d", i + 1);
        stored.code = code;
        stored.version = 1;
        registered.push_back(std::move(stored));
    }
    auto start = Clock::now();
    InMemoryClients existing(registered);
    const double indexMs = millisSince(start);

    // The sheet: every client once, shuffled. Known clients: half carry their code, the other
    // half are found by tax ID (written with other punctuation); a third of them changed city.
    ImportTable table;
    table.reserve(static_cast<std::size_t>(rows) + 1);
    table.push_back({text("Código"), text("Razón social"), text("NIF"), text("País"),
                     text("Dirección"), text("C.P."), text("Población"), text("E-mail"),
                     text("Teléfono"), text("Observaciones")});
    std::vector<int> order(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i)
        order[static_cast<std::size_t>(i)] = i;
    std::shuffle(order.begin(), order.end(), random);
    for (int i : order)
    {
        const Client& c = clients[static_cast<std::size_t>(i)];
        const bool isKnown = i < known;
        std::string code =
            isKnown && i % 2 == 0 ? registered[static_cast<std::size_t>(i)].code : "";
        std::string taxId = c.taxId;
        if (isKnown && i % 2 == 1)
            std::replace(taxId.begin(), taxId.end(), '-', ' ');
        std::string city = isKnown && i % 3 == 0 ? "Toledo" : c.city;
        table.push_back({text(code), text(c.legalName), text(taxId), text(c.country),
                         text(c.street), text(c.postalCode), text(city), text(c.email),
                         text(c.phone), text(c.notes)});
    }

    ImportPlan plan;
    const Timing planMs = medianOf3(
        [&] { return timed(plan, [&] { return planImport(table, {}, existing, Language::Es); }); });
    std::printf("planImport %d rows x 10 columns, %d known: %.1f ms wall, %.1f ms CPU "
                "(median of 3; building the index: %.1f ms)\n",
                rows, known, planMs.wallMs, planMs.cpuMs, indexMs);
    std::printf("  created %zu, updated %zu, unchanged %zu, skipped %zu, invalid %zu, "
                "errors %zu, warnings %zu, committable %s\n",
                plan.created, plan.updated, plan.unchanged, plan.skipped, plan.invalid, plan.errors,
                plan.warnings, plan.committable() ? "yes" : "no");

    // Export: every client.
    ExportSheet sheet;
    const Timing shapeMs = medianOf3(
        [&] { return timed(sheet, [&] { return shapeClients(clients, Language::Es); }); });
    std::printf("shapeClients %zu clients: %.1f ms wall, %.1f ms CPU (median of 3), %zu rows x "
                "%zu columns\n",
                clients.size(), shapeMs.wallMs, shapeMs.cpuMs, sheet.rows.size(),
                sheet.headers.size());

    // Round trip of the register as exported: every row unchanged.
    ExportSheet registerSheet = shapeClients(registered, Language::En);
    ImportTable back;
    back.push_back({});
    for (const std::string& header : registerSheet.headers)
        back.back().push_back(text(header));
    for (const auto& row : registerSheet.rows)
    {
        back.emplace_back();
        for (const ExportCell& cell : row)
            back.back().push_back(text(cell.text));
    }
    ImportPlan again;
    const Timing roundTripMs = medianOf3(
        [&] { return timed(again, [&] { return planImport(back, {}, existing, Language::En); }); });
    std::printf("round trip %zu clients: %.1f ms wall, %.1f ms CPU (median of 3), unchanged %zu "
                "of %zu\n",
                registered.size(), roundTripMs.wallMs, roundTripMs.cpuMs, again.unchanged,
                again.rows.size());
    return again.unchanged == registered.size() && plan.committable() ? 0 : 1;
}
