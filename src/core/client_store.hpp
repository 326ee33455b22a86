#pragma once

#include "core/client.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

class StoreError : public std::runtime_error
{
public:
    enum class Kind
    {
        CannotOpen,
        NotADatabase,
        Locked,
        PermissionDenied,
        TooNew,
        Io
    };
    StoreError(Kind kind, std::string path, const std::string& detail);
    Kind kind;
    std::string path;
};

// No client with the given key; what() names the key.
class NotFound : public std::runtime_error
{
public:
    explicit NotFound(const std::string& key);
};

struct SearchPage
{
    std::vector<ClientSummary> rows;
    std::int64_t total = 0; // all matches, not only rows.size()
};

// The client register: one SQLite file. All methods are thread-safe (one internal mutex).
// SQLite failures throw StoreError, invalid clients ValidationError.
class ClientStore
{
public:
    static constexpr int kSchemaVersion = 2;

    // Creates the parent directory (0700) and the file (0600) if missing, opens it, backs it up
    // to "<file>.backup-v<old>" and migrates it when its schema is older.
    explicit ClientStore(std::filesystem::path file);
    ~ClientStore();
    ClientStore(const ClientStore&) = delete;
    ClientStore& operator=(const ClientStore&) = delete;

    const std::filesystem::path& path() const;

    // Tidies and validates, assigns uuid, code ("C-000001"…) and timestamps; version = 1.
    // A rejected add does not consume a code.
    Client add(Client client);
    // Same as add() for many clients in one transaction (imports); all or nothing. Every client
    // is validated before anything is written; the first invalid one throws ValidationError.
    std::vector<Client> addMany(std::vector<Client> clients);

    std::optional<Client> byId(std::int64_t id);
    // Case-insensitive; "c-1", "C1", "C-000001" all mean "C-000001".
    std::optional<Client> byCode(std::string_view code);
    // A code, or a tax ID in any spelling ("b-12.345.678", "ESB12345678"); active clients first.
    std::optional<Client> byKey(std::string_view key);

    // Stores the editable fields of client.id (tidied, validated); bumps version and updatedAt.
    // uuid, code, createdAt and archived are kept as stored (use setArchived). Throws NotFound.
    Client update(const Client& client);
    // Bumps version and updatedAt when the state changes. Throws NotFound.
    void setArchived(std::int64_t id, bool archived);

    // Empty query (or only punctuation): all clients ordered by legal name. Otherwise prefix
    // match of every word, ignoring case and accents: words without digits look at legal name,
    // trade name, city and e-mail; words with digits or inner punctuation also at tax ID (any
    // spelling), code and the whole e-mail address. Best match first (bm25, legal name weighted
    // up); when more than 1,000 clients match (a letter or two typed), legal names starting with
    // the query come first, then the other matches alphabetically. Never throws on user input.
    SearchPage search(std::string_view query, bool includeArchived, std::size_t limit);
    // Same matching over active clients; codes best first; limit <= 0 → all.
    std::vector<std::string> findCodes(std::string_view query, int limit);

    std::int64_t count(bool includeArchived = false);
    // Changes when another connection (e.g. another process) commits to the file.
    std::int64_t dataVersion();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace clientes
