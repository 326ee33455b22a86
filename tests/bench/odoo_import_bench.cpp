// A migration from Odoo, timed against a plain import of the same size, in the same run: both
// planned and committed as one batch into a new register file.
//   plain: 100,000 clients, one row each (Name, Street, ZIP, City, Country, Phone, Email);
//   Odoo:  the same 100,000 companies in Odoo's contact template layout, each followed by two
//          rows of its own ("Related Company"): a person (its contact) and an invoice or
//          shipping address (a line of its notes): 300,000 rows.
// Target (issue 14): Odoo ≤ 2.5 × plain. Not a test; prints figures and the ratio.
// Usage: odoo_import_bench [companies] [directory]

#include "core/register/register.hpp"
#include "core/transfer/import_outcome.hpp"
#include "core/transfer/import_plan.hpp"
#include "core/transfer/import_register.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <tuple>
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

constexpr std::array kSurnames = {"García",   "Fernández", "González", "Rodríguez", "López",
                                  "Martínez", "Sánchez",   "Pérez",    "Silva",     "Santos"};
constexpr std::array kFirst = {"Ana", "Bob", "Carla", "David", "Elena", "Fábio", "Inês", "Juan"};
constexpr std::array kBusinesses = {"Construcciones", "Transportes", "Talleres", "Asesoría",
                                    "Construções",    "Padaria",     "Comércio", "Ferretería"};
constexpr std::array kCities = {"Madrid", "Barcelona", "Sevilla", "Lisboa", "Porto", "Évora"};

template <typename Array> std::string pick(std::mt19937& random, const Array& values)
{
    return values[random() % values.size()];
}

ImportCell cell(std::string text)
{
    ImportCell c;
    c.text = std::move(text);
    return c;
}

struct Company
{
    std::string name, street, zip, city, country, phone, email;
};

std::vector<Company> companies(int count)
{
    std::mt19937 random(20241206);
    std::vector<Company> list;
    list.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
    {
        const bool portuguese = random() % 3 == 0;
        list.push_back({pick(random, kBusinesses) + " " + pick(random, kSurnames) + " " +
                            std::to_string(i) + (portuguese ? " Lda." : " S.L."),
                        "Calle Mayor " + std::to_string(random() % 200),
                        std::to_string(10000 + random() % 89999), pick(random, kCities),
                        portuguese ? "Portugal" : "Spain",
                        "+34 9" + std::to_string(10000000 + random() % 89999999),
                        "info" + std::to_string(i) + "@empresa.es"});
    }
    return list;
}

// Plans against the (empty) register and commits one batch; returns the milliseconds.
// `planMs`: the part spent planning.
double importInto(const fs::path& file, const ImportTable& table, ImportPlan& plan, double& planMs)
{
    Register store(file);
    const auto start = Clock::now();
    RegisterSnapshot snapshot = RegisterSnapshot::load(store);
    plan = planImport(table, {}, snapshot, Language::Es);
    planMs = millisSince(start);
    // As the import does: the commit takes the rows' values out of the plan (its counts stay).
    store.commitClientImport(clientCommit(plan, "bench"));
    return millisSince(start);
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const fs::path dir =
        argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "clientes-odoo-import-bench";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::vector<Company> list = companies(count);

    ImportTable plain;
    plain.push_back({cell("Name"), cell("Street"), cell("ZIP"), cell("City"), cell("Country"),
                     cell("Phone"), cell("Email")});
    for (const Company& c : list)
        plain.push_back({cell(c.name), cell(c.street), cell(c.zip), cell(c.city), cell(c.country),
                         cell(c.phone), cell(c.email)});

    std::mt19937 random(7);
    ImportTable odoo;
    odoo.push_back({cell("ID"), cell("Name"), cell("Company Type"), cell("Related Company"),
                    cell("Address Type"), cell("Job Position"), cell("Street"), cell("Street2"),
                    cell("City"), cell("ZIP"), cell("Country"), cell("Phone"), cell("Mobile"),
                    cell("Email")});
    int id = 0;
    for (const Company& c : list)
    {
        odoo.push_back({cell("p" + std::to_string(++id)), cell(c.name), cell("Company"), cell(""),
                        cell(""), cell(""), cell(c.street), cell(""), cell(c.city), cell(c.zip),
                        cell(c.country), cell(c.phone), cell(""), cell(c.email)});
        odoo.push_back({cell("p" + std::to_string(++id)),
                        cell(pick(random, kFirst) + " " + pick(random, kSurnames)),
                        cell("Individual"), cell(c.name), cell("Contact"), cell("Gerente"),
                        cell(""), cell(""), cell(""), cell(""), cell(""), cell(""),
                        cell("6" + std::to_string(10000000 + random() % 89999999)),
                        cell("persona" + std::to_string(id) + "@empresa.es")});
        odoo.push_back({cell("p" + std::to_string(++id)), cell("Almacén"), cell("Individual"),
                        cell(c.name), cell(random() % 2 ? "Invoice address" : "Shipping address"),
                        cell(""), cell("Polígono " + std::to_string(random() % 90)),
                        cell("Nave " + std::to_string(random() % 40)), cell(c.city), cell(c.zip),
                        cell(c.country), cell(""), cell(""), cell("")});
    }

    // Alternating, twice each: the faster of two runs.
    double plainMs = 1e300, odooMs = 1e300, plainPlanMs = 0, odooPlanMs = 0;
    ImportPlan plainPlan, odooPlan;
    for (int run = 0; run < 2; ++run)
    {
        double planMs = 0;
        const double plainRun =
            importInto(dir / ("plain" + std::to_string(run) + ".db"), plain, plainPlan, planMs);
        if (plainRun < plainMs)
            std::tie(plainMs, plainPlanMs) = std::pair(plainRun, planMs);
        const double odooRun =
            importInto(dir / ("odoo" + std::to_string(run) + ".db"), odoo, odooPlan, planMs);
        if (odooRun < odooMs)
            std::tie(odooMs, odooPlanMs) = std::pair(odooRun, planMs);
    }
    std::printf("plain: %d rows, %zu clients created: %.0f ms (plan %.0f + commit %.0f; best of "
                "2)\n",
                count, plainPlan.created, plainMs, plainPlanMs, plainMs - plainPlanMs);
    std::printf("Odoo:  %zu rows, %zu companies, %zu contacts, %zu addresses, %zu skipped: "
                "%.0f ms (plan %.0f + commit %.0f; best of 2)\n",
                odoo.size() - 1, odooPlan.created, odooPlan.contacts, odooPlan.addresses,
                odooPlan.skipped, odooMs, odooPlanMs, odooMs - odooPlanMs);
    std::printf("ratio Odoo / plain: %.2f (target <= 2.5)\n", odooMs / plainMs);
    fs::remove_all(dir);
    return 0;
}
