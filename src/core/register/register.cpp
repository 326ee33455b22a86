// The register: opening it, the file's capabilities, and the clients (codes, duplicates by
// tax ID, updates with their activity, archive and delete rules, search and tags).

#include "core/register/register_internal.hpp"
#include "core/rules/dates.hpp"

#include "core/rules/client_codes.hpp"
#include "core/rules/validation.hpp"
#include "core/text/ascii.hpp"
#include "core/text/text_fold.hpp"

#include <boost/uuid/uuid_io.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <stdexcept>
#include <thread>

namespace clientes
{

namespace
{

// From this many clients, checkClients tidies and validates on two threads.
constexpr std::size_t kParallelChecks = 4000;

} // namespace

// ------------------------------------------------------------------------- shared helpers

void checkClient(Client& client)
{
    tidy(client);
    std::vector<FieldIssue> issues = validate(client);
    if (!issues.empty())
        throw ValidationError(std::move(issues));
}

// Before the unit of work begins, so that the second core does half the tidying while
// nothing else can use it.
void checkClients(std::vector<Client>& clients)
{
    if (clients.size() < kParallelChecks)
    {
        for (Client& client : clients)
            checkClient(client);
        return;
    }
    const std::size_t half = clients.size() / 2;
    std::exception_ptr secondFailure;
    std::thread second(
        [&]
        {
            try
            {
                for (std::size_t i = half; i < clients.size(); ++i)
                    checkClient(clients[i]);
            }
            catch (...)
            {
                secondFailure = std::current_exception();
            }
        });
    std::exception_ptr firstFailure;
    try
    {
        for (std::size_t i = 0; i < half; ++i)
            checkClient(clients[i]);
    }
    catch (...)
    {
        firstFailure = std::current_exception();
    }
    second.join();
    if (firstFailure)
        std::rethrow_exception(firstFailure);
    if (secondFailure)
        std::rethrow_exception(secondFailure);
}

std::vector<FieldChange> clientChanges(const Client& before, const Client& after)
{
    std::vector<FieldChange> changes;
    for (Field field : allFields())
        if (field != Field::Code && before.value(field) != after.value(field))
            changes.push_back(
                {std::string(fieldName(field)), before.value(field), after.value(field)});
    return changes;
}

ActivityEntry appendEntry(StoreWriter& tx, ActivityEntry entry)
{
    tx.appendActivity(std::span<ActivityEntry>(&entry, 1));
    return entry;
}

// ------------------------------------------------------------------------- the register

Register::Impl::Impl(std::unique_ptr<Store> opened) : store(std::move(opened))
{
    if (!store)
        throw std::invalid_argument("a register needs a store");
    if (FileStore* file = store->fileStore())
        path = file->file();
    else
        path = store->location();
    connection = store->connectionInfo();
}

void Register::Impl::requireEdit() const
{
    if (!connection.permissions.edit)
        throw NotPermitted(NotPermitted::Need::Edit, path.string(), connection.user);
}

void Register::Impl::requireAdmin() const
{
    requireEdit();
    if (!connection.permissions.admin)
        throw NotPermitted(NotPermitted::Need::Admin, path.string(), connection.user);
}

// Version 7 (RFC 9562): the time in milliseconds, then random bits. Uuids made one after the
// other sort one after the other, so that a store's uuid index grows at its end (an import of
// 100,000 clients writes it 0.3 s faster on the team server than with random ones).
std::string Register::Impl::newUuid()
{
    std::lock_guard lock(uuidMutex);
    boost::uuids::uuid uuid = uuids();
    const auto millis =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    for (int i = 0; i < 6; ++i)
        uuid.data[i] = static_cast<std::uint8_t>(millis >> (40 - 8 * i));
    uuid.data[6] = static_cast<std::uint8_t>(0x70 | (uuid.data[6] & 0x0F)); // version 7
    uuid.data[8] = static_cast<std::uint8_t>(0x80 | (uuid.data[8] & 0x3F)); // RFC variant
    return boost::uuids::to_string(uuid);
}

FileStore& Register::Impl::fileStore() const
{
    FileStore* file = store->fileStore();
    if (file == nullptr)
        throw NotPermitted(NotPermitted::Need::File, path.string(), connection.user);
    return *file;
}

Register::Register(std::unique_ptr<Store> store) : impl_(std::make_unique<Impl>(std::move(store)))
{
}

Register::~Register() = default;

const std::filesystem::path& Register::path() const
{
    return impl_->path;
}

ConnectionInfo Register::connectionInfo() const
{
    return impl_->connection;
}

bool Register::isFile() const
{
    return impl_->store->fileStore() != nullptr;
}

void Register::checkpoint()
{
    impl_->fileStore().checkpoint();
}

std::int64_t Register::idleCheckpoints() const
{
    return impl_->fileStore().idleCheckpoints();
}

BackupResult Register::backupTo(const std::filesystem::path& target)
{
    return impl_->fileStore().backupTo(target);
}

std::unique_ptr<ChangeWatch> Register::watchChanges(std::function<void()> changed)
{
    return impl_->store->watchChanges(std::move(changed));
}

std::int64_t Register::dataVersion()
{
    return impl_->store->dataVersion();
}

// ------------------------------------------------------------------------- creating clients

void Register::Impl::createClients(StoreWriter& tx, std::span<Client> clients,
                                   const std::string& now, std::string_view batchId,
                                   std::vector<std::int64_t>* activityIds)
{
    if (clients.empty())
        return;
    for (Client& client : clients)
    {
        client.uuid = newUuid();
        client.createdAt = now;
        client.updatedAt = now;
        client.version = 1;
    }
    tx.insertClients(clients);
    std::vector<ActivityEntry> entries(clients.size());
    const ActivityKind kind = batchId.empty() ? ActivityKind::Created : ActivityKind::Imported;
    for (std::size_t i = 0; i < clients.size(); ++i)
    {
        ActivityEntry& entry = entries[i];
        entry.clientId = clients[i].id;
        entry.at = now;
        entry.kind = kind;
        entry.label = clients[i].code;
        entry.batchId = std::string(batchId);
    }
    tx.appendActivity(entries);
    if (activityIds != nullptr)
    {
        activityIds->clear();
        activityIds->reserve(entries.size());
        for (const ActivityEntry& entry : entries)
            activityIds->push_back(entry.id);
    }
}

Client Register::add(Client client)
{
    checkClient(client);
    return impl_->write(
        [&](StoreWriter& tx)
        {
            impl_->createClients(tx, std::span<Client>(&client, 1), nowUtcIso(), {}, nullptr);
            return client;
        });
}

std::vector<Client> Register::addMany(std::vector<Client> clients)
{
    return addMany(std::move(clients), {});
}

std::vector<Client> Register::addMany(std::vector<Client> clients, std::string_view importBatchId)
{
    checkClients(clients);
    impl_->write([&](StoreWriter& tx)
                 { impl_->createClients(tx, clients, nowUtcIso(), importBatchId, nullptr); },
                 WriteHints{clients.size(), false});
    return clients;
}

// ------------------------------------------------------------------------- finding clients

std::optional<Client> Register::Impl::byCode(StoreReader& tx, std::string_view code)
{
    const std::string canonical = canonicalCode(code);
    if (canonical.empty())
        return std::nullopt;
    auto found = tx.clientByCode(canonical);
    if (!found && canonical != trimAscii(code))
        found = tx.clientByCode(trimAscii(code));
    return found;
}

std::optional<Client> Register::byId(std::int64_t id)
{
    return impl_->read([&](StoreReader& tx) { return tx.client(id); });
}

std::optional<Client> Register::byCode(std::string_view code)
{
    return impl_->read([&](StoreReader& tx) { return impl_->byCode(tx, code); });
}

std::optional<Client> Register::byKey(std::string_view key)
{
    return impl_->read(
        [&](StoreReader& tx) -> std::optional<Client>
        {
            if (auto found = impl_->byCode(tx, key))
                return found;
            const std::string taxId = normalizeTaxId(key, "");
            if (taxId.empty())
                return std::nullopt;
            // The key may carry a country prefix that the stored form dropped ("ESB12345678"
            // is "B12345678" of a client in ES; "EL…" is a client in GR).
            std::vector<Client> candidates = tx.clientsByTaxId(taxId);
            const bool prefixed =
                taxId.size() > 2 && isAsciiAlpha(taxId[0]) && isAsciiAlpha(taxId[1]);
            if (prefixed)
            {
                const std::string country = taxId.substr(0, 2);
                for (Client& client : tx.clientsByTaxId(std::string_view(taxId).substr(2)))
                    if (client.country == country || (country == "EL" && client.country == "GR"))
                        candidates.push_back(std::move(client));
            }
            // Active clients first, then the oldest.
            const auto best = std::min_element(
                candidates.begin(), candidates.end(),
                [](const Client& a, const Client& b)
                { return std::pair(a.archived, a.id) < std::pair(b.archived, b.id); });
            if (best == candidates.end())
                return std::nullopt;
            return std::move(*best);
        });
}

SearchPage Register::search(std::string_view query, bool includeArchived, std::size_t limit)
{
    return impl_->read([&](StoreReader& tx) { return tx.search(query, includeArchived, limit); });
}

std::vector<std::string> Register::findCodes(std::string_view query, int limit)
{
    const std::size_t rows = limit <= 0 ? SIZE_MAX : static_cast<std::size_t>(limit);
    const SearchPage page =
        impl_->read([&](StoreReader& tx) { return tx.search(query, false, rows); });
    std::vector<std::string> codes;
    codes.reserve(page.rows.size());
    for (const ClientSummary& row : page.rows)
        codes.push_back(row.code);
    return codes;
}

std::int64_t Register::count(bool includeArchived)
{
    return impl_->read([&](StoreReader& tx) { return tx.countClients(includeArchived); });
}

std::vector<ClientSummary> Register::clientsWithTag(std::string_view tag, bool includeArchived)
{
    const std::string tidied = tidyText(tag, false);
    if (tidied.empty())
        return {};
    return impl_->read([&](StoreReader& tx) { return tx.clientsWithTag(tidied, includeArchived); });
}

std::vector<TagCount> Register::tagCounts()
{
    return impl_->read([&](StoreReader& tx) { return tx.tagCounts(); });
}

// ------------------------------------------------------------------------- changing clients

void Register::Impl::clientConflict(StoreReader& tx, std::int64_t id)
{
    std::optional<Client> current = tx.client(id);
    if (!current)
        throw NotFound("id " + std::to_string(id));
    throw ConflictError(path.string(), std::move(*current));
}

Client Register::Impl::rewriteClient(StoreWriter& tx, Client client, const Client& stored,
                                     const std::string& now, ActivityKind kind,
                                     std::string_view batchId, std::vector<ActivityEntry>& entries)
{
    client.id = stored.id;
    client.uuid = stored.uuid;
    client.code = stored.code;
    client.createdAt = stored.createdAt;
    client.archived = stored.archived;
    client.updatedAt = now;
    client.version = stored.version + 1;
    if (!tx.updateClient(client, stored))
        clientConflict(tx, stored.id);
    ActivityEntry entry;
    entry.clientId = client.id;
    entry.at = now;
    entry.kind = kind;
    entry.label = client.code;
    entry.batchId = std::string(batchId);
    entry.changes = clientChanges(stored, client);
    entries.push_back(std::move(entry));
    return client;
}

Client Register::update(const Client& client)
{
    Client changed = client;
    checkClient(changed);
    return impl_->write(
        [&](StoreWriter& tx)
        {
            std::optional<Client> stored = tx.client(client.id);
            if (!stored)
                throw NotFound("id " + std::to_string(client.id));
            if (client.version != stored->version)
                throw ConflictError(impl_->path.string(), std::move(*stored));
            Client after = *stored;
            for (Field field : allFields())
                if (field != Field::Code)
                    after.value(field) = changed.value(field);
            after.updatedAt = nowUtcIso();
            after.version = stored->version + 1;
            if (!tx.updateClient(after, *stored))
                impl_->clientConflict(tx, client.id);
            // Updated, with the fields that changed; nothing when nothing did.
            std::vector<FieldChange> changes = clientChanges(*stored, after);
            if (!changes.empty())
            {
                ActivityEntry entry;
                entry.clientId = after.id;
                entry.at = after.updatedAt;
                entry.kind = ActivityKind::Updated;
                entry.label = after.code;
                entry.changes = std::move(changes);
                appendEntry(tx, std::move(entry));
            }
            return after;
        });
}

void Register::setArchived(std::int64_t id, bool archived)
{
    impl_->requireAdmin();
    impl_->write(
        [&](StoreWriter& tx)
        {
            std::optional<Client> stored = tx.client(id);
            if (!stored)
                throw NotFound("id " + std::to_string(id));
            if (stored->archived == archived)
                return; // already in that state: nothing changes, no entry
            Client after = *stored;
            after.archived = archived;
            after.updatedAt = nowUtcIso();
            after.version = stored->version + 1;
            if (!tx.updateClient(after, *stored))
                impl_->clientConflict(tx, id);
            ActivityEntry entry;
            entry.clientId = id;
            entry.at = after.updatedAt;
            entry.kind = archived ? ActivityKind::Archived : ActivityKind::Restored;
            appendEntry(tx, std::move(entry));
        });
}

void Register::archive(std::int64_t id)
{
    setArchived(id, true);
}

void Register::restore(std::int64_t id)
{
    setArchived(id, false);
}

LinkedRecords Register::Impl::linkedRecords(StoreReader& tx, std::int64_t clientId)
{
    const auto count = [&](RecordType kind)
    {
        AggregateQuery query;
        query.kind = kind;
        query.clientId = clientId;
        query.measures.push_back({});
        const std::vector<AggregateGroup> groups = tx.aggregate(query);
        return groups.empty() ? std::int64_t{0} : groups.front().values.front().count;
    };
    return {count(RecordType::Project), count(RecordType::Task), count(RecordType::PurchaseOrder),
            count(RecordType::Invoice), count(RecordType::Deal), count(RecordType::File)};
}

LinkedRecords Register::linkedRecords(std::int64_t clientId)
{
    return impl_->read([&](StoreReader& tx) { return impl_->linkedRecords(tx, clientId); });
}

void Register::deleteClient(std::int64_t id)
{
    impl_->requireAdmin();
    impl_->write(
        [&](StoreWriter& tx)
        {
            if (!tx.client(id))
                throw NotFound("id " + std::to_string(id));
            // Contacts, tags and activity go with the client; anything else keeps it.
            const LinkedRecords linked = impl_->linkedRecords(tx, id);
            if (linked.any())
                throw HasLinkedRecords(id, linked);
            tx.deleteClients(std::span<const std::int64_t>(&id, 1));
        });
}

// ------------------------------------------------------------------------- whole lists

void Register::forEachClient(const std::function<void(Client&&)>& visit)
{
    impl_->read([&](StoreReader& tx) { tx.forEachClient(visit); });
}

void Register::forEachClientInListOrder(bool includeArchived,
                                        const std::function<void(std::size_t)>& begin,
                                        const std::function<void(Client&&)>& visit)
{
    impl_->read([&](StoreReader& tx)
                { tx.forEachClientInListOrder(includeArchived, begin, visit); });
}

std::vector<Client> Register::clientsForExport(std::string_view query,
                                               const std::vector<std::string>& codes,
                                               bool includeArchived)
{
    std::vector<Client> clients;
    if (!codes.empty())
    {
        impl_->read(
            [&](StoreReader& tx)
            {
                clients.clear();
                for (const std::string& code : codes)
                    if (auto client = impl_->byCode(tx, code))
                        clients.push_back(std::move(*client));
            });
        return clients;
    }
    if (foldForSearch(query).empty())
    {
        // Everything, in the deck's order (folded legal name, then id): the order from the
        // sort index alone, the rows from one pass over the table in id order (much cheaper
        // than walking the table in name order).
        std::unordered_map<std::int64_t, std::size_t> rank;
        for (std::int64_t id :
             impl_->read([](StoreReader& tx) { return tx.clientIdsInListOrder(); }))
            rank.emplace(id, rank.size());
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
