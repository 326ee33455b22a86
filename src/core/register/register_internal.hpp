#pragma once

// Internal to the register: its state and the helpers its translation units share
// (register.cpp: opening and clients; records.cpp: the profile records, files, notes and the
// activity log's entries; summary.cpp: figures; imports.cpp: import batches, undo, exports).

#include "core/register/register.hpp"
#include "core/rules/dates.hpp"
#include "core/store/store.hpp"

#include <boost/uuid/random_generator.hpp>

#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace clientes
{

// Tidies the client and throws ValidationError if it cannot be stored.
void checkClient(Client& client);
// checkClient over many clients, on two threads when there are many; throws the first
// failure in client order.
void checkClients(std::vector<Client>& clients);

// Field by field, old → new, as the activity log keeps them (code excluded).
std::vector<FieldChange> clientChanges(const Client& before, const Client& after);

struct Register::Impl
{
    explicit Impl(std::unique_ptr<Store> opened);

    std::unique_ptr<Store> store;
    std::filesystem::path path; // for messages and errors: the file, or the location
    ConnectionInfo connection;  // who is connected and what they may do
    std::mutex uuidMutex;
    boost::uuids::random_generator uuids;

    std::string newUuid();
    // Stamps an import batch (time, new batch id) and stores it; returns the time, which its
    // records and activity carry too. imports.cpp.
    std::string insertBatch(StoreWriter& tx, ImportBatchInfo& batch);
    FileStore& fileStore() const;

    // Runs work(StoreReader&) / work(StoreWriter&) in a unit of work and returns its result.
    template <typename Work> auto read(Work&& work)
    {
        using Result = std::invoke_result_t<Work&, StoreReader&>;
        if constexpr (std::is_void_v<Result>)
            store->read([&](StoreReader& tx) { work(tx); });
        else
        {
            std::optional<Result> result;
            store->read([&](StoreReader& tx) { result.emplace(work(tx)); });
            return std::move(*result);
        }
    }
    // Throw NotPermitted unless the connected user may edit / administer the register. write()
    // checks the edit permission; what only administrators may do checks requireAdmin first.
    void requireEdit() const;
    void requireAdmin() const;

    template <typename Work> auto write(Work&& work, const WriteHints& hints = {})
    {
        requireEdit();
        using Result = std::invoke_result_t<Work&, StoreWriter&>;
        if constexpr (std::is_void_v<Result>)
            store->write([&](StoreWriter& tx) { work(tx); }, hints);
        else
        {
            std::optional<Result> result;
            store->write([&](StoreWriter& tx) { result.emplace(work(tx)); }, hints);
            return std::move(*result);
        }
    }

    // ------------------------------------------------------------ clients (register.cpp)
    // Gives the clients (tidied, validated) their uuid, timestamps and version 1, has the
    // store insert them (ids, codes) and appends one activity entry each: Created, or
    // Imported with batchId. activityIds (when given) gets each client's entry id.
    void createClients(StoreWriter& tx, std::span<Client> clients, const std::string& now,
                       std::string_view batchId, std::vector<std::int64_t>* activityIds);
    // The code in any spelling ("c1", "C-000001").
    std::optional<Client> byCode(StoreReader& tx, std::string_view code);
    // `client` with the identity of `stored` (id, uuid, code, createdAt, archived), version + 1
    // and updatedAt = now, written over it; the activity entry of `kind` listing the changed
    // fields (always written), appended to `entries`. Conflict: ConflictError.
    Client rewriteClient(StoreWriter& tx, Client client, const Client& stored,
                         const std::string& now, ActivityKind kind, std::string_view batchId,
                         std::vector<ActivityEntry>& entries);
    // ConflictError with the client as stored now (NotFound when it is gone).
    [[noreturn]] void clientConflict(StoreReader& tx, std::int64_t id);
    LinkedRecords linkedRecords(StoreReader& tx, std::int64_t clientId);

    // ------------------------------------------------------------ records (records.cpp)
    // Checks the record (owner exists, tidy, defaults, validate, number free) and inserts it
    // with its RecordAdded entry (batchId for imports).
    template <typename Record>
    Record insertRecord(StoreWriter& tx, Record record, const std::string& now,
                        std::string_view batchId = {});
    // Many at once, their RecordAdded entries appended together (an import's people,
    // addresses and accounts). `ownersChecked`: every record's client was checked or written
    // in this unit of work (the clients an import creates), so it is not read again.
    template <typename Record>
    void insertRecords(StoreWriter& tx, std::span<Record> records, const std::string& now,
                       std::string_view batchId, bool ownersChecked);
    // Writes `record` over `stored` (checked the same way unless `prepared`; owner and
    // createdAt kept) if stored is still the stored version (RecordConflict otherwise); a
    // RecordChanged entry when fields changed.
    template <typename Record>
    Record rewriteRecord(StoreWriter& tx, Record record, const Record& stored,
                         const std::string& now, std::string_view batchId = {},
                         bool prepared = false);
    // Deletes the record with its RecordRemoved entry.
    template <typename Record>
    void deleteRecord(StoreWriter& tx, const Record& stored, const std::string& now,
                      std::string_view batchId = {});
};

// A record of type Record, or nothing.
template <typename Record> std::optional<Record> fetchRecord(StoreReader& tx, std::int64_t id)
{
    std::optional<AnyRecord> found = tx.record(recordKind<Record>, id);
    if (!found)
        return std::nullopt;
    return std::get<Record>(std::move(*found));
}

// The one activity entry appended now.
ActivityEntry appendEntry(StoreWriter& tx, ActivityEntry entry);

} // namespace clientes
