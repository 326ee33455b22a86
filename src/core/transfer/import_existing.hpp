// An ExistingClients over clients held in memory: for tests and benchmarks, and for the UNO
// layer when it loads the whole register once before planning a large import (one query
// instead of one or two per row).
#pragma once

#include "core/transfer/import_plan.hpp"

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clientes
{

// The indexed client `row` looks like most (ExistingClients::lookalike's answer), read from
// `clients` by id.
std::optional<ExistingClients::Lookalike>
bestLookalike(const DuplicateIndex& index, const Client& row, ExistingClients& clients);

class InMemoryClients : public ExistingClients
{
public:
    InMemoryClients() = default;
    explicit InMemoryClients(std::vector<Client> clients);

    // Indexes by canonical code and by normalizeTaxId(taxId, country). Clients are kept as
    // given (give them as the store returns them: tidied, with id and code). For a tax ID
    // shared by several clients, lookups return the active one with the lowest id.
    void add(Client client);
    std::size_t size() const { return clients_.size(); }

    std::optional<Client> byCode(std::string_view code) override;
    std::optional<Client> byNormalizedTaxId(std::string_view normalized) override;
    std::optional<Client> byId(std::int64_t id) override;
    // Over the active clients, indexed on the first call (rules/duplicate_match.hpp).
    std::optional<Lookalike> lookalike(const Client& row) override;
    std::optional<Client> byName(std::string_view name) override;
    std::vector<std::string> ownedKeys(RecordType kind, std::int64_t clientId) override;
    // A record of a client, for ownedKeys.
    void addContact(std::int64_t clientId, std::string_view name);
    void addOwned(RecordType kind, std::int64_t clientId, std::string key);

private:
    std::optional<DuplicateIndex> lookalikes_;
    std::map<std::pair<RecordType, std::int64_t>, std::vector<std::string>> owned_;
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const
        {
            return std::hash<std::string_view>{}(text);
        }
    };
    using Index = std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>>;

    std::vector<Client> clients_;
    Index codes_;  // canonical code → position in clients_
    Index taxIds_; // normalised tax ID → position in clients_
    std::unordered_map<std::int64_t, std::size_t> ids_;
};

} // namespace clientes
