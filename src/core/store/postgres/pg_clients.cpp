// The PostgreSQL store: clients, their tags and their search.

#include "core/store/postgres/pg_internal.hpp"

#include <stdexcept>

namespace clientes::postgres
{

std::optional<Client> Unit::client(std::int64_t id)
{
    throw std::logic_error("not yet");
}

std::optional<Client> Unit::clientByCode(std::string_view code)
{
    throw std::logic_error("not yet");
}

std::vector<Client> Unit::clientsByTaxId(std::string_view normalizedTaxId)
{
    throw std::logic_error("not yet");
}

std::int64_t Unit::countClients(bool includeArchived)
{
    throw std::logic_error("not yet");
}

SearchPage Unit::search(std::string_view query, bool includeArchived, std::size_t limit)
{
    throw std::logic_error("not yet");
}

std::vector<ClientSummary> Unit::clientsWithTag(std::string_view tag, bool includeArchived)
{
    throw std::logic_error("not yet");
}

std::vector<TagCount> Unit::tagCounts()
{
    throw std::logic_error("not yet");
}

void Unit::forEachClient(const std::function<void(Client&&)>& visit)
{
    throw std::logic_error("not yet");
}

std::vector<std::int64_t> Unit::clientIdsInListOrder()
{
    throw std::logic_error("not yet");
}

void Unit::forEachClientInListOrder(bool includeArchived, const std::function<void(std::size_t)>& begin, const std::function<void(Client&&)>& visit)
{
    throw std::logic_error("not yet");
}

void Unit::insertClients(std::span<Client> clients)
{
    throw std::logic_error("not yet");
}

bool Unit::updateClient(const Client& after, const Client& before)
{
    throw std::logic_error("not yet");
}

void Unit::deleteClients(std::span<const std::int64_t> ids)
{
    throw std::logic_error("not yet");
}

std::string tagKey(std::string_view tag)
{
    return std::string(tag);
}

} // namespace clientes::postgres
