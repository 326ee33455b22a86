// Duplicate-matching benchmark: N realistic clients (default 100,000) plus ~2 % planted
// near-duplicates, then DuplicateIndex::pairs() and matchesFor() per draft.
// Then the same clients in a register file: Register::findDuplicates (reading every client
// from the file included) and Register::nearMatches (the client dialog's as-you-type check,
// through the store's search) on the same drafts.
// Not a test; prints figures. Usage: duplicates_bench [clients] [directory]

#include "bench_clients.hpp"
#include "core/register/register.hpp"
#include "core/rules/duplicate_match.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace clientes;
using namespace clientes::bench;

namespace
{

using Clock = std::chrono::steady_clock;

double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void typo(std::string& name, std::mt19937& random)
{
    std::vector<std::pair<std::size_t, std::size_t>> words; // ASCII words of 5+ letters
    std::size_t start = 0;
    while (start < name.size())
    {
        std::size_t end = name.find(' ', start);
        if (end == std::string::npos)
            end = name.size();
        bool ascii = true;
        for (std::size_t i = start; i < end; ++i)
            ascii = ascii && std::isalpha(static_cast<unsigned char>(name[i])) != 0;
        if (ascii && end - start >= 5)
            words.emplace_back(start, end - start);
        start = end + 1;
    }
    if (words.empty())
        return;
    const auto [at, length] = words[random() % words.size()];
    const std::size_t p = at + 1 + random() % (length - 3);
    switch (random() % 3)
    {
    case 0:
        if (name[p] != name[p + 1])
        {
            std::swap(name[p], name[p + 1]);
            break;
        }
        [[fallthrough]];
    case 1:
        name[p] = name[p] == 'x' ? 'z' : 'x';
        break;
    default:
        name.erase(p, 1);
        break;
    }
}

// A variant of `base` as users create duplicates (see duplicate_match_test.cpp).
Client plantedVariant(const Client& base, std::mt19937& random, std::int64_t id, int kind)
{
    Client copy = base;
    copy.id = id;
    const auto respellTax = [&]
    {
        std::string compact;
        for (char c : copy.taxId)
            if (c != '-' && c != ' ')
                compact += c;
        copy.taxId = compact.starts_with(copy.country) ? compact : copy.country + compact;
    };
    const auto respellPhone = [&]
    {
        std::string digits;
        for (char c : copy.phone)
            if (c >= '0' && c <= '9')
                digits += c;
        copy.phone = digits.size() > 9 ? digits.substr(digits.size() - 9) : digits;
    };
    const auto dropForm = [&]
    {
        for (const char* form : {" S.L.U.", " S.L.", " S.A.", " Unipessoal Lda.", " Lda.", " C.B."})
            if (const auto at = copy.legalName.find(form); at != std::string::npos)
            {
                copy.legalName.erase(at);
                copy.legalName += random() % 2 ? " SL" : "";
                return;
            }
        copy.legalName += " S.L.";
    };
    switch (kind)
    {
    case 0: // another legal form, the tax ID respelled
        dropForm();
        respellTax();
        break;
    case 1: // a typo, no tax ID, the phone respelled
        typo(copy.legalName, random);
        copy.taxId.clear();
        copy.email = "otro" + std::to_string(id) + "@example.org";
        respellPhone();
        break;
    case 2: // upper case, the tax ID respelled, another phone
        for (char& c : copy.legalName)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        respellTax();
        copy.phone = "+34 699" + std::to_string(100000 + id % 899999);
        break;
    case 3: // no tax ID, the same phone, another legal form and e-mail
        dropForm();
        copy.taxId.clear();
        respellPhone();
        copy.email = "contacto" + std::to_string(id) + "@example.net";
        break;
    default: // a typo and nothing else shared
        typo(copy.legalName, random);
        copy.taxId.clear();
        copy.email.clear();
        copy.phone.clear();
        copy.street.clear();
        break;
    }
    return copy;
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int planted = std::max(1, count / 50);
    std::mt19937 random(20240501);
    std::vector<Client> clients;
    clients.reserve(static_cast<std::size_t>(count + planted));
    for (int i = 0; i < count; ++i)
    {
        clients.push_back(makeClient(random, i));
        clients.back().id = i + 1;
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> plants;
    int kinds[5] = {};
    for (int i = 0; i < planted; ++i)
    {
        const Client base = clients[random() % static_cast<std::size_t>(count)];
        const auto id = static_cast<std::int64_t>(clients.size()) + 1;
        const int kind = static_cast<int>(random() % 5);
        ++kinds[kind];
        plants.emplace_back(base.id, id);
        clients.push_back(plantedVariant(base, random, id, kind));
    }
    std::printf("clients: %zu (%d generated + %d planted near-duplicates: %d legal form, %d typo "
                "+ phone, %d tax ID respelled, %d phone + legal form, %d typo only)\n",
                clients.size(), count, planted, kinds[0], kinds[1], kinds[2], kinds[3], kinds[4]);

    // Index build: add() every client, then the key tables sorted (the first query does it;
    // an empty draft asks for it without scoring anything).
    auto start = Clock::now();
    DuplicateIndex index;
    for (const Client& client : clients)
        index.add(client);
    const double addMs = millisSince(start);
    index.matchesFor(Client{}, 101, 0);
    const double buildMs = millisSince(start);

    start = Clock::now();
    const std::vector<DuplicatePair> pairs = index.pairs(kDefaultDuplicateScore);
    const double pairsMs = millisSince(start);
    std::set<std::pair<std::int64_t, std::int64_t>> found;
    for (const DuplicatePair& pair : pairs)
        found.emplace(pair.a, pair.b);
    std::size_t plantedFound = 0;
    std::vector<std::string> missed;
    for (const auto& plant : plants)
    {
        plantedFound += found.contains(plant) ? 1 : 0;
        if (!found.contains(plant) && std::getenv("BENCH_VERBOSE") != nullptr)
        {
            const Client& a = clients[static_cast<std::size_t>(plant.first - 1)];
            const Client& b = clients[static_cast<std::size_t>(plant.second - 1)];
            missed.push_back("  missed: " + a.legalName + " [" + a.taxId + "] / " + b.legalName +
                             " [" + b.taxId + "] = " +
                             std::to_string(scoreDuplicate(matchKeys(a), matchKeys(b)).score));
        }
    }
    const std::vector<DuplicateGroup> groups = groupPairs(pairs);
    for (const std::string& line : missed)
        std::printf("%s\n", line.c_str());

    std::printf("index build:  %8.1f ms (add() %.1f ms, key tables sorted %.1f ms)\n", buildMs,
                addMs, buildMs - addMs);
    std::printf("pairs():      %8.1f ms (threshold %d)\n", pairsMs, kDefaultDuplicateScore);
    std::printf("total:        %8.1f ms (target 3000 ms) %s\n", buildMs + pairsMs,
                buildMs + pairsMs <= 3000 ? "OK" : "OVER");
    std::printf("pairs found:  %zu in %zu groups\n", pairs.size(), groups.size());
    std::printf("planted found: %zu / %zu (recall %.2f %%)\n", plantedFound, plants.size(),
                100.0 * static_cast<double>(plantedFound) / static_cast<double>(plants.size()));

    // Drafts: half variants of stored clients as the user types them again (a typo, no tax
    // ID), half new clients from another seed; then existing clients checked on edit.
    std::mt19937 draftRandom(777);
    std::vector<Client> drafts;
    for (int i = 0; i < 1000; ++i)
    {
        if (i % 3 == 0)
        {
            drafts.push_back(makeClient(draftRandom, 500000 + i));
            continue;
        }
        Client draft = clients[draftRandom() % clients.size()];
        if (i % 3 == 1)
        {
            draft.id = 0;
            typo(draft.legalName, draftRandom);
            draft.taxId.clear();
        }
        drafts.push_back(std::move(draft));
    }
    std::vector<double> times;
    std::size_t matches = 0;
    for (const Client& draft : drafts)
    {
        start = Clock::now();
        matches += index.matchesFor(draft, kDefaultDuplicateScore, 10).size();
        times.push_back(millisSince(start));
    }
    std::sort(times.begin(), times.end());
    std::printf("matchesFor(): median %.3f ms, p99 %.3f ms, max %.3f ms over %zu drafts "
                "(target 20 ms) %s; %zu matches\n",
                times[times.size() / 2], times[times.size() * 99 / 100], times.back(), times.size(),
                times.back() <= 20 ? "OK" : "OVER", matches);

    // The same through a register file.
    const std::filesystem::path dir =
        argc > 2 ? std::filesystem::path(argv[2])
                 : std::filesystem::temp_directory_path() /
                       ("clientes-dup-bench-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    {
        Register reg(dir / "clientes.db");
        std::vector<Client> rows;
        for (Client client : clients)
        {
            client.id = 0;
            rows.push_back(std::move(client));
        }
        start = Clock::now();
        reg.addMany(std::move(rows));
        std::printf("register: %zu clients written in %.0f ms\n", clients.size(),
                    millisSince(start));
        start = Clock::now();
        const std::vector<DuplicateCandidates> candidates = reg.findDuplicates();
        const double findMs = millisSince(start);
        std::printf("Register::findDuplicates(): %8.1f ms (target 3000 ms) %s; %zu groups\n",
                    findMs, findMs <= 3000 ? "OK" : "OVER", candidates.size());
        reg.search("a", false, 1); // the first search after a bulk insert writes its index rows
        // The client dialog asks for the best match (limit 1); the API's default is 5.
        for (const std::size_t limit : {std::size_t{1}, std::size_t{5}})
        {
            times.clear();
            std::size_t near = 0;
            for (Client draft : drafts)
            {
                draft.id = 0;
                start = Clock::now();
                near += reg.nearMatches(draft, kDefaultDuplicateScore, limit).size();
                times.push_back(millisSince(start));
            }
            std::sort(times.begin(), times.end());
            const double p99 = times[times.size() * 99 / 100];
            std::printf("Register::nearMatches(limit %zu): median %.3f ms, p99 %.3f ms, max %.3f "
                        "ms over %zu drafts (target 20 ms) %s; %zu matches\n",
                        limit, times[times.size() / 2], p99, times.back(), times.size(),
                        times.back() <= 20 ? "OK" : "OVER", near);
        }
    }
    if (argc <= 2)
        std::filesystem::remove_all(dir);
    return 0;
}
