// The whole register as planImport / planInvoiceImport see it, loaded once in bulk before a
// large import (Register::forEachClient: one pass instead of one or two queries per row)
// and held compactly: one text arena for every client's values, sorted indexes of codes, tax
// IDs and ids. A full Client is rebuilt only for the rows that match one, so 100,000 clients
// take a few tens of MB instead of a hundred.
#pragma once

#include "core/transfer/import_plan.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace clientes
{

class Register;

class RegisterSnapshot : public ExistingClients
{
public:
    RegisterSnapshot() = default;
    // Every client of the store, archived ones too.
    static RegisterSnapshot load(Register& store);

    // Clients as the store returns them (tidied, with id and code); then finish().
    void add(const Client& client);
    void finish();
    std::size_t size() const { return entries_.size(); }

    std::optional<Client> byCode(std::string_view code) override;
    std::optional<Client> byNormalizedTaxId(std::string_view normalized) override;
    std::optional<Client> byId(std::int64_t id) override;
    // Over the active clients, indexed on the first call (rules/duplicate_match.hpp).
    std::optional<Lookalike> lookalike(const Client& row) override;
    // Over the active clients' legal and trade names, indexed on the first call.
    std::optional<Client> byName(std::string_view name) override;
    // Asked of `ownedOf` (none without one).
    std::vector<std::string> ownedKeys(RecordType kind, std::int64_t clientId) override;
    // How the keys of a client's contacts, addresses or accounts are read (from the register,
    // when needed).
    std::function<std::vector<std::string>(RecordType kind, std::int64_t clientId)> ownedOf;

private:
    std::optional<std::vector<std::pair<std::string, std::uint32_t>>> names_; // folded → entry
    std::optional<DuplicateIndex> lookalikes_;
    // The fields (allFields()), then uuid, createdAt, updatedAt.
    static constexpr std::size_t kTexts =
        std::tuple_size_v<std::decay_t<decltype(allFields())>> + 3;

    struct Entry
    {
        std::int64_t id = 0;
        std::int64_t version = 0;
        bool archived = false;
        std::size_t start = 0; // in arena_
        std::array<std::uint32_t, kTexts> lengths{};
    };

    Client rebuild(std::size_t index) const;

    std::string arena_;
    std::vector<Entry> entries_;                                // in id order
    std::vector<std::pair<std::string, std::uint32_t>> codes_;  // canonical code → entry
    std::vector<std::pair<std::string, std::uint32_t>> taxIds_; // best client first per key
};

} // namespace clientes
