#include "core/transfer/import_register.hpp"

#include "core/register/register.hpp"
#include "core/rules/validation.hpp"
#include "core/text/text_fold.hpp"
#include "core/transfer/import_existing.hpp"

#include <algorithm>

namespace clientes
{

namespace
{

template <typename Index> auto findKey(const Index& index, std::string_view key)
{
    const auto found =
        std::lower_bound(index.begin(), index.end(), key,
                         [](const auto& entry, std::string_view k) { return entry.first < k; });
    return found != index.end() && found->first == key ? found : index.end();
}

} // namespace

RegisterSnapshot RegisterSnapshot::load(Register& store)
{
    RegisterSnapshot snapshot;
    store.forEachClient([&snapshot](Client&& client) { snapshot.add(client); });
    snapshot.finish();
    return snapshot;
}

void RegisterSnapshot::add(const Client& client)
{
    Entry entry;
    entry.id = client.id;
    entry.version = client.version;
    entry.archived = client.archived;
    entry.start = arena_.size();
    const auto put = [&](std::size_t index, const std::string& text)
    {
        entry.lengths[index] = static_cast<std::uint32_t>(text.size());
        arena_ += text;
    };
    std::size_t index = 0;
    for (Field field : allFields())
        put(index++, client.value(field));
    put(index++, client.uuid);
    put(index++, client.createdAt);
    put(index, client.updatedAt);
    const auto position = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(entry);
    if (!client.code.empty())
        codes_.emplace_back(canonicalClientCode(client.code), position);
    std::string taxId = normalizeTaxId(client.taxId, client.country);
    if (!taxId.empty())
        taxIds_.emplace_back(std::move(taxId), position);
}

void RegisterSnapshot::finish()
{
    arena_.shrink_to_fit();
    entries_.shrink_to_fit();
    std::sort(codes_.begin(), codes_.end());
    // Per tax ID the active client with the lowest id first, as the store's lookups do.
    std::sort(taxIds_.begin(), taxIds_.end(),
              [this](const auto& a, const auto& b)
              {
                  if (a.first != b.first)
                      return a.first < b.first;
                  const Entry& x = entries_[a.second];
                  const Entry& y = entries_[b.second];
                  return std::pair(x.archived, x.id) < std::pair(y.archived, y.id);
              });
}

Client RegisterSnapshot::rebuild(std::size_t index) const
{
    const Entry& entry = entries_[index];
    Client client;
    client.id = entry.id;
    client.version = entry.version;
    client.archived = entry.archived;
    std::size_t offset = entry.start;
    const auto take = [&](std::size_t i)
    {
        std::string text = arena_.substr(offset, entry.lengths[i]);
        offset += entry.lengths[i];
        return text;
    };
    std::size_t i = 0;
    for (Field field : allFields())
        client.value(field) = take(i++);
    client.uuid = take(i++);
    client.createdAt = take(i++);
    client.updatedAt = take(i);
    return client;
}

std::optional<Client> RegisterSnapshot::byCode(std::string_view code)
{
    const auto found = findKey(codes_, canonicalClientCode(code));
    if (found == codes_.end())
        return std::nullopt;
    return rebuild(found->second);
}

std::optional<Client> RegisterSnapshot::byNormalizedTaxId(std::string_view normalized)
{
    const auto found = findKey(taxIds_, normalized);
    if (found == taxIds_.end())
        return std::nullopt;
    return rebuild(found->second);
}

std::optional<Client> RegisterSnapshot::byId(std::int64_t id)
{
    const auto found =
        std::lower_bound(entries_.begin(), entries_.end(), id,
                         [](const Entry& entry, std::int64_t key) { return entry.id < key; });
    if (found == entries_.end() || found->id != id)
        return std::nullopt;
    return rebuild(static_cast<std::size_t>(found - entries_.begin()));
}

std::optional<Client> RegisterSnapshot::byName(std::string_view name)
{
    if (!names_)
    {
        names_.emplace();
        for (std::size_t i = 0; i < entries_.size(); ++i)
        {
            if (entries_[i].archived)
                continue;
            const Client client = rebuild(i);
            for (const std::string* text : {&client.legalName, &client.tradeName})
                if (std::string key = foldForSearch(*text); !key.empty())
                    names_->emplace_back(std::move(key), static_cast<std::uint32_t>(i));
        }
        // Entries are in id order: the stable sort keeps the lowest id first for a name.
        std::stable_sort(names_->begin(), names_->end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    const auto found = findKey(*names_, foldForSearch(name));
    if (found == names_->end())
        return std::nullopt;
    return rebuild(found->second);
}

std::vector<std::string> RegisterSnapshot::ownedKeys(RecordType kind, std::int64_t clientId)
{
    return ownedOf ? ownedOf(kind, clientId) : std::vector<std::string>();
}

std::optional<ExistingClients::Lookalike> RegisterSnapshot::lookalike(const Client& row)
{
    if (!lookalikes_)
    {
        lookalikes_.emplace();
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (!entries_[i].archived)
                lookalikes_->add(rebuild(i));
    }
    return bestLookalike(*lookalikes_, row, *this);
}

} // namespace clientes
