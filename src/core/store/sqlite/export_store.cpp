// ClientStore: the clients an export writes, loaded in bulk.

#include "core/store/sqlite/client_store.hpp"

#include "core/store/sqlite/profile_store_internal.hpp"
#include "core/text/text_fold.hpp"

#include <algorithm>

#include <unordered_map>

namespace clientes
{

std::vector<Client> ClientStore::clientsForExport(std::string_view query,
                                                  const std::vector<std::string>& codes,
                                                  bool includeArchived)
{
    std::vector<Client> clients;
    if (!codes.empty())
    {
        std::lock_guard lock(impl_->mutex);
        for (const std::string& code : codes)
            if (auto client = impl_->byCode(code))
                clients.push_back(std::move(*client));
        return clients;
    }
    if (foldForSearch(query).empty())
    {
        // Everything, in the deck's order (folded legal name, then id): the order from the
        // sort index alone, the rows from one pass over the table.
        std::unordered_map<std::int64_t, std::size_t> rank;
        {
            std::lock_guard lock(impl_->mutex);
            auto rows = impl_->db.query(
                "SELECT id FROM clients INDEXED BY clients_sort ORDER BY sort_key, id");
            while (rows->step())
                rank.emplace(rows->int64(0), rank.size());
        }
        std::vector<std::size_t> ranks;
        forEachClient(
            [&](Client&& client)
            {
                const auto at = rank.find(client.id);
                if (at == rank.end() || (!includeArchived && client.archived))
                    return;
                ranks.push_back(at->second);
                clients.push_back(std::move(client));
            });
        // Into rank order in place: follow each cycle of the permutation.
        std::vector<std::size_t> order(clients.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
        for (std::size_t start = 0; start < order.size(); ++start)
        {
            std::size_t current = start;
            while (order[current] != start)
            {
                std::swap(clients[current], clients[order[current]]);
                const std::size_t next = order[current];
                order[current] = current;
                current = next;
            }
            order[current] = current;
        }
        return clients;
    }

    // The order of the deck's list (search), then one pass over the table for the rows:
    // much cheaper than one lookup per client when most of the register is exported.
    const SearchPage page = search(query, includeArchived, SIZE_MAX);
    std::unordered_map<std::int64_t, std::size_t> position;
    position.reserve(page.rows.size());
    for (std::size_t i = 0; i < page.rows.size(); ++i)
        position.emplace(page.rows[i].id, i);
    clients.resize(page.rows.size());
    std::vector<bool> found(page.rows.size());
    forEachClient(
        [&](Client&& client)
        {
            const auto at = position.find(client.id);
            if (at == position.end())
                return;
            found[at->second] = true;
            clients[at->second] = std::move(client);
        });
    // A client deleted between the two reads is left out.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < clients.size(); ++i)
        if (found[i])
        {
            if (kept != i)
                clients[kept] = std::move(clients[i]);
            ++kept;
        }
    clients.resize(kept);
    return clients;
}

} // namespace clientes
