#include "core/transfer/import_existing.hpp"

#include "core/text/text_fold.hpp"

#include "core/rules/validation.hpp"
#include "core/text/ascii.hpp"

#include <algorithm>

namespace clientes
{

InMemoryClients::InMemoryClients(std::vector<Client> clients)
{
    clients_.reserve(clients.size());
    codes_.reserve(clients.size());
    taxIds_.reserve(clients.size());
    ids_.reserve(clients.size());
    for (Client& client : clients)
        add(std::move(client));
}

void InMemoryClients::add(Client client)
{
    const std::size_t index = clients_.size();
    clients_.push_back(std::move(client));
    const Client& added = clients_.back();
    if (added.id != 0)
        ids_.insert_or_assign(added.id, index);
    if (!added.code.empty())
        codes_.insert_or_assign(canonicalClientCode(added.code), index);
    std::string taxId = normalizeTaxId(added.taxId, added.country);
    if (taxId.empty())
        return;
    const auto [it, inserted] = taxIds_.try_emplace(std::move(taxId), index);
    if (inserted)
        return;
    const Client& current = clients_[it->second];
    const auto rank = [](const Client& c) { return std::pair(c.archived, c.id); };
    if (rank(added) < rank(current))
        it->second = index;
}

std::optional<Client> InMemoryClients::byCode(std::string_view code)
{
    const auto found = codes_.find(canonicalClientCode(code));
    if (found == codes_.end())
        return std::nullopt;
    return clients_[found->second];
}

std::optional<Client> InMemoryClients::byId(std::int64_t id)
{
    const auto found = ids_.find(id);
    if (found == ids_.end())
        return std::nullopt;
    return clients_[found->second];
}

std::optional<Client> InMemoryClients::byNormalizedTaxId(std::string_view normalized)
{
    const auto found = taxIds_.find(normalized);
    if (found == taxIds_.end())
        return std::nullopt;
    return clients_[found->second];
}

std::optional<ExistingClients::Lookalike> bestLookalike(const DuplicateIndex& index,
                                                        const Client& row, ExistingClients& clients)
{
    const std::vector<DuplicatePair> found = index.matchesFor(row, kDefaultDuplicateScore, 1);
    if (found.empty())
        return std::nullopt;
    // matchesFor names the draft (id 0 or its own) first.
    const std::int64_t id = found.front().a == row.id ? found.front().b : found.front().a;
    std::optional<Client> client = clients.byId(id);
    if (!client)
        return std::nullopt;
    return ExistingClients::Lookalike{std::move(*client), found.front().score};
}

std::optional<ExistingClients::Lookalike> InMemoryClients::lookalike(const Client& row)
{
    if (!lookalikes_)
    {
        lookalikes_.emplace();
        for (const Client& client : clients_)
            if (!client.archived)
                lookalikes_->add(client);
    }
    return bestLookalike(*lookalikes_, row, *this);
}

std::optional<Client> InMemoryClients::byName(std::string_view name)
{
    const std::string key = foldForSearch(name);
    if (key.empty())
        return std::nullopt;
    const Client* best = nullptr;
    for (const Client& client : clients_)
        if (!client.archived &&
            (foldForSearch(client.legalName) == key || foldForSearch(client.tradeName) == key) &&
            (best == nullptr || client.id < best->id))
            best = &client;
    return best ? std::optional<Client>(*best) : std::nullopt;
}

std::vector<std::string> InMemoryClients::ownedKeys(RecordType kind, std::int64_t clientId)
{
    const auto found = owned_.find({kind, clientId});
    return found == owned_.end() ? std::vector<std::string>() : found->second;
}

void InMemoryClients::addContact(std::int64_t clientId, std::string_view name)
{
    Contact contact;
    contact.name = std::string(name);
    addOwned(RecordType::Contact, clientId, ownedKey(contact));
}

void InMemoryClients::addOwned(RecordType kind, std::int64_t clientId, std::string key)
{
    owned_[{kind, clientId}].push_back(std::move(key));
}

} // namespace clientes
