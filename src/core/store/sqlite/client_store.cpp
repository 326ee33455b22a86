#include "core/store/sqlite/client_store.hpp"

#include "core/rules/validation.hpp"
#include "core/store/sqlite/profile_store_internal.hpp"
#include "core/store/sqlite/sqlite_db.hpp"
#include "core/text/text_fold.hpp"

#include <boost/uuid/uuid_generators.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <future>
#include <mutex>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

namespace clientes
{

namespace fs = std::filesystem;
using sql::Database;
using sql::Query;
using sql::Transaction;

namespace
{

// "Clie" — marks the file as ours, so a foreign SQLite file is never migrated.
constexpr std::int64_t kApplicationId = 0x436C6965;

// Above this many matches, ranking every match with bm25 costs more than the list is worth
// (see orderedMatches). Measured with tests/bench/store_bench.cpp on 100,000 clients: bm25
// costs about 2.5 µs per match, the alphabetical walk about 1 ms for 2,000 matches.
constexpr std::size_t kRankedMatchesMax = 1000;

// Bounds the FTS expression built from pasted text.
constexpr std::size_t kMaxQueryTerms = 32;

// The text fields every schema version has, in allFields() order; schema v3 added kind,
// payment_terms and currency (tags live in client_tags).
constexpr std::string_view kTextColumns =
    "code, legal_name, trade_name, tax_id, country, street, postal_code, city, region, email, "
    "phone, website, notes";
constexpr std::size_t kTextFieldCount = 13;

constexpr std::string_view kClientColumnsV2 =
    "id, uuid, code, legal_name, trade_name, tax_id, country, street, postal_code, city, "
    "region, email, phone, website, notes, archived, created_at, updated_at, version";

constexpr std::string_view kClientColumns =
    "id, uuid, code, legal_name, trade_name, tax_id, country, street, postal_code, city, "
    "region, email, phone, website, notes, archived, created_at, updated_at, version, kind, "
    "payment_terms, currency";

constexpr std::string_view kSummaryColumns = "id, code, legal_name, tax_id, city, archived";

} // namespace

// ------------------------------------------------------------------------- small helpers

std::string detail::nowUtc()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm utc{};
#ifdef _WIN32
    gmtime_s(&utc, &seconds);
#else
    gmtime_r(&seconds, &utc);
#endif
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(millis));
    return buffer;
}

namespace
{

using detail::MatchQuery;
using detail::nowUtc;

std::string formatCode(std::int64_t number)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "C-%06lld", static_cast<long long>(number));
    return buffer;
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// "c-1", "C1", "c 000001" → "C-000001"; anything else is returned as given.
std::string canonicalCode(std::string_view raw)
{
    const std::string_view text = trimAscii(raw);
    std::size_t letters = 0;
    while (letters < text.size() && isAsciiAlpha(text[letters]))
        ++letters;
    std::size_t digitsStart = letters;
    if (digitsStart < text.size() && (text[digitsStart] == '-' || text[digitsStart] == ' '))
        ++digitsStart;
    std::string_view digits = text.substr(digitsStart);
    const bool numeric =
        letters > 0 && !digits.empty() && std::all_of(digits.begin(), digits.end(), isAsciiDigit);
    if (!numeric)
        return std::string(text);
    const auto firstNonZero = digits.find_first_not_of('0');
    digits = firstNonZero == std::string_view::npos ? "0" : digits.substr(firstNonZero);
    std::string code;
    for (char c : text.substr(0, letters))
        code += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    code += '-';
    if (digits.size() < 6)
        code.append(6 - digits.size(), '0');
    code += digits;
    return code;
}

std::string compactAlnum(std::string_view text)
{
    std::string out;
    std::copy_if(text.begin(), text.end(), std::back_inserter(out),
                 [](char c) { return isAsciiAlpha(c) || isAsciiDigit(c); });
    return out;
}

// E-mail words without the top-level domain: otherwise "e", "es" or "pt" would match nearly
// every client. The full address is findable through its compact form in the keys column.
std::string emailWords(std::string_view email)
{
    std::string words = foldForSearch(email);
    const auto lastSpace = words.rfind(' ');
    if (email.find('@') != std::string_view::npos && lastSpace != std::string::npos)
        words.resize(lastSpace);
    return words;
}

// Extra search words so that tax IDs, codes and e-mails are found however they are typed:
// the normalised tax ID, its digits alone, with the country prefix; the code without zero
// padding ("c1"); the e-mail address without punctuation.
std::string searchKeys(const Client& client, const std::string& taxIdNorm)
{
    std::string keys;
    const auto add = [&keys](std::string_view word)
    {
        if (word.empty())
            return;
        if (!keys.empty())
            keys += ' ';
        keys += word;
    };
    add(taxIdNorm);
    std::string digits;
    std::copy_if(taxIdNorm.begin(), taxIdNorm.end(), std::back_inserter(digits), isAsciiDigit);
    if (digits != taxIdNorm)
        add(digits);
    if (!taxIdNorm.empty() && !client.country.empty())
        add(client.country + taxIdNorm);
    const std::string canonical = canonicalCode(client.code);
    const auto dash = canonical.find('-');
    if (dash != std::string::npos)
    {
        const auto number = canonical.find_first_not_of('0', dash + 1);
        if (number != std::string::npos)
            add(canonical.substr(0, dash) + canonical.substr(number));
    }
    add(compactAlnum(foldForSearch(client.email)));
    return foldForSearch(keys);
}

std::string quoteFts(std::string_view text)
{
    std::string quoted = "\"";
    for (char c : text)
    {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

const std::string kAllColumns = "{legal_name trade_name tax_id city email code keys}";
const std::string kNameColumns = "{legal_name trade_name city email}";

// The user's query as an FTS5 expression. Every term is folded and quoted, so no user text
// can reach the FTS5 syntax; terms are ANDed and prefix-matched. A term with inner punctuation
// ("b-12345678", "ana@x.com") matches as a phrase of its parts or as one compact word.
MatchQuery buildMatch(std::string_view query, bool includeArchived)
{
    MatchQuery match;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start < query.size() && parts.size() < kMaxQueryTerms)
    {
        // Split on ASCII blanks here; foldForSearch treats every other separator itself.
        const auto end = query.find_first_of(" \t\r\n", start);
        const std::string_view term = query.substr(start, end - start);
        start = end == std::string_view::npos ? query.size() : end + 1;
        const std::string folded = foldForSearch(term);
        if (folded.empty())
            continue;
        const bool compound = folded.find(' ') != std::string::npos;
        std::string part = quoteFts(folded) + "*";
        if (compound)
        {
            std::string compact = folded;
            compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
            part = "(" + part + " OR " + quoteFts(compact) + "*)";
        }
        // Plain words look for names, cities and e-mails only: a letter typed as the start of a
        // name must not match every code ("C-…") or every tax ID starting with that letter.
        const bool identifier = compound || std::any_of(folded.begin(), folded.end(), isAsciiDigit);
        parts.push_back((identifier ? kAllColumns : kNameColumns) + " : (" + part + ")");
        if (!match.folded.empty())
            match.folded += ' ';
        match.folded += folded;
    }
    if (parts.empty())
        return match;
    std::string expression;
    for (std::size_t i = 0; i < parts.size(); ++i)
        expression += (i == 0 ? "" : " AND ") + parts[i];
    // An identifier typed with spaces ("B 12345678", "ES B12345678") also matches in one piece.
    std::string compact = match.folded;
    compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
    if (parts.size() > 1 && std::any_of(compact.begin(), compact.end(), isAsciiDigit))
        expression = "(" + expression + ") OR " + kAllColumns + " : " + quoteFts(compact) + "*";
    // Archived rows carry the word "archived" in the state column (see searchRow); a NOT with
    // that short document list is much cheaper than joining every match with the clients table.
    if (!includeArchived)
        expression = "(" + expression + ") NOT state : archived";
    match.expression = std::move(expression);
    return match;
}

// Smallest string greater than every string starting with `prefix` (byte order).
std::string prefixUpperBound(std::string prefix)
{
    while (!prefix.empty())
    {
        auto& last = reinterpret_cast<unsigned char&>(prefix.back());
        if (last < 0xFF)
        {
            ++last;
            return prefix;
        }
        prefix.pop_back();
    }
    return prefix;
}

// ------------------------------------------------------------------------- file handling

[[noreturn]] void throwFileError(const fs::path& file, const std::error_code& error,
                                 std::string_view context)
{
    const bool denied = error == std::errc::permission_denied ||
                        error == std::errc::operation_not_permitted ||
                        error == std::errc::read_only_file_system;
    throw StoreError(denied ? StoreError::Kind::PermissionDenied : StoreError::Kind::CannotOpen,
                     file.string(), std::string(context) + ": " + error.message());
}

// Creates missing parent directories readable by the owner only: the register holds personal
// data of third parties.
void createParentDirectories(const fs::path& file)
{
    const fs::path parent = file.parent_path();
    if (parent.empty())
        return;
    std::vector<fs::path> missing;
    std::error_code error;
    for (fs::path dir = parent; !dir.empty() && !fs::exists(dir, error); dir = dir.parent_path())
    {
        missing.push_back(dir);
        if (dir == dir.parent_path())
            break;
    }
    fs::create_directories(parent, error);
    if (error)
        throwFileError(file, error, "cannot create the folder " + parent.string());
    for (const fs::path& dir : missing)
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, error);
}

// Creates an empty file with mode 0600 if there is none (an empty file is a valid empty
// SQLite database; SQLite gives its -wal and -shm files the same mode).
void createPrivateFile(const fs::path& file)
{
#ifndef _WIN32
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
    {
        ::close(fd);
        return;
    }
    if (errno != EEXIST)
        throwFileError(file, std::error_code(errno, std::generic_category()),
                       "cannot create the file");
#else
    if (!fs::exists(file))
    {
        std::FILE* created = std::fopen(file.string().c_str(), "wb");
        if (created == nullptr)
            throw StoreError(StoreError::Kind::CannotOpen, file.string(), "cannot create");
        std::fclose(created);
    }
#endif
}

void prepareFile(const fs::path& file)
{
    std::error_code error;
    if (fs::is_directory(file, error))
        throw StoreError(StoreError::Kind::CannotOpen, file.string(), "is a folder");
    createParentDirectories(file);
    createPrivateFile(file);
#ifndef _WIN32
    // SQLite silently opens unwritable files read-only; tell the user the real reason.
    if (::access(file.c_str(), R_OK | W_OK) != 0)
        throwFileError(file, std::error_code(errno, std::generic_category()),
                       "cannot read and write the file");
#endif
}

// ------------------------------------------------------------------------- row mapping

// A row of kClientColumns (or of kClientColumnsV2 when !v3); tags are read separately.
Client readClient(sql::Statement& row, bool v3 = true)
{
    Client client;
    client.id = row.int64(0);
    client.uuid = row.text(1);
    int index = 2;
    for (std::size_t i = 0; i < kTextFieldCount; ++i)
        client.value(allFields()[i]) = row.text(index++);
    client.archived = row.int64(index++) != 0;
    client.createdAt = row.text(index++);
    client.updatedAt = row.text(index++);
    client.version = row.int64(index++);
    if (v3)
    {
        client.kind = row.text(index++);
        client.paymentTerms = row.isNull(index) ? "" : std::to_string(row.int64(index));
        ++index;
        client.currency = row.text(index);
    }
    return client;
}

// Binds the stored columns of a client from `first` on, in the order of kTextColumns minus
// code, then kind, payment_terms, currency.
int bindEditable(sql::Statement& statement, int first, const Client& client)
{
    int index = first;
    for (std::size_t i = 1; i < kTextFieldCount; ++i)
        statement.bind(index++, client.value(allFields()[i]));
    statement.bind(index++, client.kind);
    if (const auto days = client.paymentTermDays())
        statement.bind(index++, std::int64_t{*days});
    else
        statement.bindNull(index++);
    statement.bind(index++, client.currency);
    return index;
}

// Field by field, old → new, as the activity history keeps them (code excluded).
std::vector<FieldChange> clientChanges(const Client& before, const Client& after)
{
    std::vector<FieldChange> changes;
    for (Field field : allFields())
        if (field != Field::Code && before.value(field) != after.value(field))
            changes.push_back(
                {std::string(fieldName(field)), before.value(field), after.value(field)});
    return changes;
}

ClientSummary readSummary(sql::Statement& row)
{
    return {row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.int64(5) != 0};
}

std::string selectClientBy(std::string_view condition)
{
    return "SELECT " + std::string(kClientColumns) + " FROM clients WHERE " +
           std::string(condition);
}

// Cleans the client and throws ValidationError if it cannot be stored.
void checkClient(Client& client)
{
    tidy(client);
    auto issues = validate(client);
    if (!issues.empty())
        throw ValidationError(std::move(issues));
}

// ------------------------------------------------------------------------- schema

using Migration = std::function<void(Database&)>;

void migrateToV1(Database& db)
{
    db.exec(R"sql(
CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL COLLATE NOCASE UNIQUE,
    legal_name TEXT NOT NULL,
    trade_name TEXT NOT NULL DEFAULT '',
    tax_id TEXT NOT NULL DEFAULT '',
    tax_id_norm TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX clients_tax_id_norm ON clients (tax_id_norm);
CREATE INDEX clients_archived ON clients (id) WHERE archived = 1;
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('client_code', 0);
)sql");
}

// The texts of a client's full-text row, in the order of clients_fts's columns (legal_name,
// trade_name, tax_id, city, email, code, keys, state).
constexpr std::size_t kSearchColumns = 8;

std::array<std::string, kSearchColumns> searchRow(const Client& client,
                                                  const std::string& taxIdNorm)
{
    return {foldForSearch(client.legalName), foldForSearch(client.tradeName),
            foldForSearch(client.taxId), foldForSearch(client.city), emailWords(client.email),
            foldForSearch(compactAlnum(client.code)), searchKeys(client, taxIdNorm),
            // Archived rows carry a word to exclude; active rows none (older registers
            // wrote "active", which no query looks for).
            client.archived ? "archived" : ""};
}

// The full-text rows of many clients, packed in one buffer (about 100 bytes a client).
class SearchTexts
{
public:
    explicit SearchTexts(const std::vector<Client>& clients)
    {
        ends_.reserve(clients.size() * kSearchColumns);
        buffer_.reserve(clients.size() * 96);
        for (const Client& client : clients)
            for (const std::string& text :
                 searchRow(client, normalizeTaxId(client.taxId, client.country)))
            {
                buffer_ += text;
                ends_.push_back(buffer_.size());
            }
    }

    std::string_view text(std::size_t row, std::size_t column) const
    {
        const std::size_t index = row * kSearchColumns + column;
        const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
        return std::string_view(buffer_).substr(begin, ends_[index] - begin);
    }

private:
    std::string buffer_;
    std::vector<std::size_t> ends_;
};

// From this many clients an import folds their search texts on a second thread.
constexpr std::size_t kParallelSearchTexts = 2000;

// Writes the full-text row of a client (the caller is inside a transaction).
void writeSearchRow(Database& db, const Client& client, const std::string& taxIdNorm)
{
    {
        auto remove = db.query("DELETE FROM clients_fts WHERE rowid = ?1");
        remove->bind(1, client.id);
        remove->run();
    }
    auto insert = db.query("INSERT INTO clients_fts (rowid, legal_name, trade_name, tax_id, city, "
                           "email, code, keys, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert->bind(1, client.id);
    int index = 2;
    for (const std::string& text : searchRow(client, taxIdNorm))
        insert->bind(index++, text);
    insert->run();
}

void migrateToV2(Database& db)
{
    db.exec(R"sql(
ALTER TABLE clients ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
CREATE INDEX clients_sort ON clients (sort_key);
CREATE VIRTUAL TABLE clients_fts USING fts5 (
    legal_name, trade_name, tax_id, city, email, code, keys, state,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '1 2 3'
);
INSERT INTO clients_fts (clients_fts, rank) VALUES ('rank', 'bm25(10, 4, 6, 2, 2, 6, 6, 0)');
)sql");
    // Existing rows get their sort key, normalised tax ID and search row computed in C++, by
    // the same code that maintains them on every write.
    std::vector<Client> clients;
    {
        auto rows =
            db.query("SELECT " + std::string(kClientColumnsV2) + " FROM clients ORDER BY id");
        while (rows->step())
            clients.push_back(readClient(*rows, false));
    }
    for (const Client& client : clients)
    {
        const std::string taxIdNorm = normalizeTaxId(client.taxId, client.country);
        auto update = db.query("UPDATE clients SET sort_key = ?2, tax_id_norm = ?3 WHERE id = ?1");
        update->bind(1, client.id);
        update->bind(2, foldForSearch(client.legalName));
        update->bind(3, taxIdNorm);
        update->run();
        writeSearchRow(db, client, taxIdNorm);
    }
}

// Index i brings the schema from version i to version i + 1.
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {migrateToV1, migrateToV2, detail::migrateToV3};
    return list;
}

void backupDatabase(Database& source, const fs::path& target)
{
    const std::string targetName = target.string();
    std::error_code ignored;
    fs::remove(target, ignored); // a stale backup of the same version is replaced
    fs::remove(targetName + "-wal", ignored);
    fs::remove(targetName + "-shm", ignored);
    createPrivateFile(target);
    Database copy(targetName);
    sqlite3_backup* backup = sqlite3_backup_init(copy.handle(), "main", source.handle(), "main");
    if (backup == nullptr)
        copy.fail(sqlite3_errcode(copy.handle()), "backup to " + targetName);
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE)
        throw sql::makeError(stepped, nullptr, source.path(), "backup to " + targetName);
    if (finished != SQLITE_OK)
        copy.fail(finished, "backup to " + targetName);
}

void migrate(Database& db, const fs::path& file)
{
    const std::int64_t current = db.scalar("PRAGMA user_version");
    if (current > 0 && current < ClientStore::kSchemaVersion)
        backupDatabase(db, fs::path(file.string() + ".backup-v" + std::to_string(current)));
    for (std::int64_t target = current + 1; target <= ClientStore::kSchemaVersion; ++target)
    {
        Transaction transaction(db);
        // Another process may have migrated while this one waited for the write lock.
        if (db.scalar("PRAGMA user_version") >= target)
            continue;
        migrations().at(static_cast<std::size_t>(target - 1))(db);
        db.exec("PRAGMA user_version = " + std::to_string(target) +
                "; PRAGMA application_id = " + std::to_string(kApplicationId));
        transaction.commit();
    }
}

} // namespace

void detail::checkHeader(Database& db)
{
    // Reading the header and the schema makes a non-database or truncated file fail here.
    const std::int64_t version = db.scalar("PRAGMA user_version");
    const std::int64_t applicationId = db.scalar("PRAGMA application_id");
    const std::int64_t objects = db.scalar("SELECT count(*) FROM sqlite_schema");
    if (applicationId != 0 && applicationId != kApplicationId)
        throw StoreError(StoreError::Kind::NotADatabase, db.path(),
                         "the file belongs to another application");
    if (version == 0 && objects != 0)
        throw StoreError(StoreError::Kind::NotADatabase, db.path(),
                         "the file is a database of another application");
    if (version > ClientStore::kSchemaVersion)
        throw StoreError(StoreError::Kind::TooNew, db.path(),
                         "schema version " + std::to_string(version) + " is newer than " +
                             std::to_string(ClientStore::kSchemaVersion));
}

// ------------------------------------------------------------------------- the store

ClientStore::Impl::Impl(fs::path file, const StoreOptions& options)
    : path(std::move(file)), db((prepareFile(path), path.string())),
      idle(db, options.idleCheckpointDelay)
{
    if (sqlite3_db_readonly(db.handle(), "main") == 1)
        throw StoreError(StoreError::Kind::PermissionDenied, db.path(), "read-only file");
    sqlite3_busy_timeout(db.handle(), 5000);
    detail::checkHeader(db);
    // 8 KiB pages for a new register (an existing file keeps its own): a 100,000-client
    // import writes 0.15 s faster, searches measure the same.
    db.exec("PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON");
    migrate(db, path);
    // Found by the fault-injection tests (tests/fault): see Database::setRepairAfterFailedWrite.
    db.setRepairAfterFailedWrite("BEGIN IMMEDIATE; DELETE FROM clients_fts WHERE rowid = -1");
}

std::optional<Client> ClientStore::Impl::clientWhere(std::string_view condition,
                                                     std::string_view key)
{
    std::optional<Client> client;
    {
        auto row = db.query(selectClientBy(condition));
        row->bind(1, key);
        if (!row->step())
            return std::nullopt;
        client = readClient(*row);
    }
    client->tags = detail::readTags(db, client->id);
    return client;
}

std::optional<Client> ClientStore::Impl::clientWhere(std::string_view condition, std::int64_t key)
{
    std::optional<Client> client;
    {
        auto row = db.query(selectClientBy(condition));
        row->bind(1, key);
        if (!row->step())
            return std::nullopt;
        client = readClient(*row);
    }
    client->tags = detail::readTags(db, client->id);
    return client;
}

Client ClientStore::Impl::requireClient(std::int64_t id)
{
    auto client = clientWhere("id = ?1", id);
    if (!client)
        throw NotFound("id " + std::to_string(id));
    return std::move(*client);
}

bool ClientStore::Impl::clientExists(std::int64_t id)
{
    auto row = db.query("SELECT 1 FROM clients WHERE id = ?1");
    row->bind(1, id);
    return row->step();
}

std::string ClientStore::Impl::allocateCode()
{
    // Inside the caller's transaction: a rolled-back add gives its number back. Codes already
    // taken (e.g. typed into an older file by hand) are skipped.
    for (;;)
    {
        std::int64_t number = 0;
        {
            auto next = db.query(
                "UPDATE counters SET value = value + 1 WHERE name = 'client_code' RETURNING value");
            if (!next->step())
                throw StoreError(StoreError::Kind::NotADatabase, db.path(), "counter missing");
            number = next->int64(0);
            next->run();
        }
        std::string code = formatCode(number);
        auto taken = db.query("SELECT 1 FROM clients WHERE code = ?1");
        taken->bind(1, code);
        if (!taken->step())
            return code;
    }
}

Client ClientStore::Impl::insert(Client client, const std::string& now,
                                 std::string_view importBatchId)
{
    client.uuid = boost::uuids::to_string(uuids());
    client.code = allocateCode();
    client.createdAt = now;
    client.updatedAt = now;
    client.version = 1;
    const std::string taxIdNorm = normalizeTaxId(client.taxId, client.country);
    {
        auto insert = db.query(
            "INSERT INTO clients (uuid, code, legal_name, trade_name, tax_id, country, street, "
            "postal_code, city, region, email, phone, website, notes, kind, payment_terms, "
            "currency, archived, created_at, updated_at, version, tax_id_norm, sort_key) VALUES "
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
            "?19, ?20, ?21, ?22, ?23)");
        insert->bind(1, client.uuid);
        insert->bind(2, client.code);
        int index = bindEditable(*insert, 3, client);
        insert->bind(index++, std::int64_t{client.archived ? 1 : 0});
        insert->bind(index++, client.createdAt);
        insert->bind(index++, client.updatedAt);
        insert->bind(index++, client.version);
        insert->bind(index++, taxIdNorm);
        insert->bind(index, foldForSearch(client.legalName));
        insert->run();
    }
    client.id = db.lastInsertId();
    writeSearchRow(db, client, taxIdNorm);
    detail::writeTags(db, client.id, client.tags);
    detail::ActivityRecord entry;
    entry.kind = importBatchId.empty() ? ActivityKind::Created : ActivityKind::Imported;
    entry.label = client.code;
    entry.batchId = std::string(importBatchId);
    detail::writeActivity(db, client.id, now, std::move(entry));
    return client;
}

std::vector<std::int64_t> ClientStore::Impl::rankedMatches(const MatchQuery& match,
                                                           std::size_t limit)
{
    std::vector<std::int64_t> ids;
    auto rows = db.query("SELECT f.rowid FROM clients_fts AS f JOIN clients AS c ON c.id = f.rowid "
                         "WHERE clients_fts MATCH ?1 ORDER BY f.rank, c.sort_key, c.id LIMIT ?2");
    rows->bind(1, match.expression);
    rows->bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
    while (rows->step())
        ids.push_back(rows->int64(0));
    return ids;
}

// For broad queries (a letter or two) bm25 hardly tells thousands of hits apart, and ranking
// them all is what makes such queries slow. Instead: clients whose legal name starts with the
// query, then every other match, both alphabetically — walking the sort index and keeping
// members of the (sorted) match set stops after `limit` rows.
std::vector<std::int64_t>
ClientStore::Impl::alphabeticalMatches(const MatchQuery& match,
                                       const std::vector<std::int64_t>& members, std::size_t limit)
{
    std::vector<std::int64_t> ids;
    const auto isMember = [&members](std::int64_t id)
    { return std::binary_search(members.begin(), members.end(), id); };
    {
        auto rows = db.query("SELECT id FROM clients INDEXED BY clients_sort WHERE sort_key >= ?1 "
                             "AND sort_key < ?2 ORDER BY sort_key, id");
        rows->bind(1, match.folded);
        rows->bind(2, prefixUpperBound(match.folded));
        while (ids.size() < limit && rows->step())
            if (isMember(rows->int64(0)))
                ids.push_back(rows->int64(0));
    }
    auto rows = db.query("SELECT id, sort_key FROM clients INDEXED BY clients_sort "
                         "ORDER BY sort_key, id");
    while (ids.size() < limit && rows->step())
    {
        const std::int64_t id = rows->int64(0);
        if (rows->textView(1).starts_with(match.folded))
            continue; // listed in the first part
        if (isMember(id))
            ids.push_back(id);
    }
    return ids;
}

std::vector<std::int64_t> ClientStore::Impl::orderedMatches(const MatchQuery& match,
                                                            std::size_t limit, std::int64_t& total)
{
    // Collecting the matching rowids is a cheap scan of FTS document lists (the prefix index
    // covers 1-3 letter prefixes) and gives the exact total.
    std::vector<std::int64_t> members;
    {
        auto rows = db.query("SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1");
        rows->bind(1, match.expression);
        while (rows->step())
            members.push_back(rows->int64(0));
    }
    total = static_cast<std::int64_t>(members.size());
    if (members.empty() || limit == 0)
        return {};
    if (members.size() <= kRankedMatchesMax)
        return rankedMatches(match, limit);
    std::sort(members.begin(), members.end()); // FTS5 yields rowid order already; be sure
    return alphabeticalMatches(match, members, limit);
}

std::optional<Client> ClientStore::Impl::byCode(std::string_view code)
{
    const std::string canonical = canonicalCode(code);
    if (canonical.empty())
        return std::nullopt;
    auto found = clientWhere("code = ?1", canonical);
    if (!found && canonical != trimAscii(code))
        found = clientWhere("code = ?1", trimAscii(code));
    return found;
}

ClientStore::ClientStore(fs::path file, StoreOptions options)
    : impl_(std::make_unique<Impl>(std::move(file), options))
{
}

const fs::path& ClientStore::path() const
{
    return impl_->path;
}

Client ClientStore::add(Client client)
{
    checkClient(client);
    std::lock_guard lock(impl_->mutex);
    Transaction transaction(impl_->db);
    Client stored = impl_->insert(std::move(client), nowUtc(), {});
    transaction.commit();
    return stored;
}

std::vector<Client> ClientStore::addMany(std::vector<Client> clients)
{
    return addMany(std::move(clients), {});
}

std::vector<Client> ClientStore::addMany(std::vector<Client> clients,
                                         std::string_view importBatchId)
{
    for (Client& client : clients)
        checkClient(client);
    std::lock_guard lock(impl_->mutex);
    Transaction transaction(impl_->db);
    const std::string now = nowUtc();
    for (Client& client : clients)
        client = impl_->insert(std::move(client), now, importBatchId);
    transaction.commit();
    return clients;
}

std::optional<Client> ClientStore::byId(std::int64_t id)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->clientWhere("id = ?1", id);
}

std::optional<Client> ClientStore::byCode(std::string_view code)
{
    std::lock_guard lock(impl_->mutex);
    return impl_->byCode(code);
}

std::optional<Client> ClientStore::byKey(std::string_view key)
{
    std::lock_guard lock(impl_->mutex);
    if (auto found = impl_->byCode(key))
        return found;
    const std::string taxId = normalizeTaxId(key, "");
    if (taxId.empty())
        return std::nullopt;
    // The key may carry a country prefix that the stored form dropped ("ESB12345678").
    const bool prefixed = taxId.size() > 2 && isAsciiAlpha(taxId[0]) && isAsciiAlpha(taxId[1]);
    auto row = impl_->db.query(selectClientBy(
        "tax_id_norm = ?1 OR (tax_id_norm = ?2 AND (country = ?3 OR (?3 = 'EL' AND country = "
        "'GR'))) ORDER BY archived, id LIMIT 1"));
    row->bind(1, taxId);
    row->bind(2, prefixed ? std::string_view(taxId).substr(2) : std::string_view{});
    row->bind(3, prefixed ? std::string_view(taxId).substr(0, 2) : std::string_view{});
    if (!row->step())
        return std::nullopt;
    Client client = readClient(*row);
    client.tags = detail::readTags(impl_->db, client.id);
    return client;
}

Client ClientStore::update(const Client& client)
{
    Client changed = client;
    checkClient(changed);
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    Transaction transaction(db);
    std::optional<Client> stored = impl_->clientWhere("id = ?1", client.id);
    if (!stored)
        throw NotFound("id " + std::to_string(client.id));
    if (client.version != stored->version)
        throw ConflictError(impl_->path.string(), std::move(*stored));
    const Client before = *stored;
    for (Field field : allFields())
        if (field != Field::Code)
            stored->value(field) = changed.value(field);
    stored->updatedAt = nowUtc();
    stored->version += 1;
    const std::string taxIdNorm = normalizeTaxId(stored->taxId, stored->country);
    {
        auto update = db.query("UPDATE clients SET legal_name = ?2, trade_name = ?3, tax_id = ?4, "
                               "country = ?5, street = ?6, postal_code = ?7, city = ?8, "
                               "region = ?9, email = ?10, phone = ?11, website = ?12, notes = ?13, "
                               "kind = ?14, payment_terms = ?15, currency = ?16, updated_at = ?17, "
                               "version = ?18, tax_id_norm = ?19, sort_key = ?20 WHERE id = ?1");
        update->bind(1, stored->id);
        int index = bindEditable(*update, 2, *stored);
        update->bind(index++, stored->updatedAt);
        update->bind(index++, stored->version);
        update->bind(index++, taxIdNorm);
        update->bind(index, foldForSearch(stored->legalName));
        update->run();
    }
    writeSearchRow(db, *stored, taxIdNorm);
    if (stored->tags != before.tags)
        detail::writeTags(db, stored->id, stored->tags);
    std::vector<FieldChange> changes = clientChanges(before, *stored);
    if (!changes.empty())
    {
        detail::ActivityRecord entry;
        entry.kind = ActivityKind::Updated;
        entry.label = stored->code;
        entry.changes = std::move(changes);
        detail::writeActivity(db, stored->id, stored->updatedAt, std::move(entry));
    }
    transaction.commit();
    return *stored;
}

void ClientStore::setArchived(std::int64_t id, bool archived)
{
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    Transaction transaction(db);
    const std::string now = nowUtc();
    {
        auto update = db.query("UPDATE clients SET archived = ?2, updated_at = ?3, "
                               "version = version + 1 WHERE id = ?1 AND archived <> ?2");
        update->bind(1, id);
        update->bind(2, std::int64_t{archived ? 1 : 0});
        update->bind(3, now);
        update->run();
    }
    if (db.changes() == 0)
    {
        auto exists = db.query("SELECT 1 FROM clients WHERE id = ?1");
        exists->bind(1, id);
        if (!exists->step())
            throw NotFound("id " + std::to_string(id));
        return; // already in that state; the transaction rolls back harmlessly
    }
    {
        auto state = db.query("UPDATE clients_fts SET state = ?2 WHERE rowid = ?1");
        state->bind(1, id);
        state->bind(2, std::string_view(archived ? "archived" : ""));
        state->run();
    }
    detail::ActivityRecord entry;
    entry.kind = archived ? ActivityKind::Archived : ActivityKind::Restored;
    detail::writeActivity(db, id, now, std::move(entry));
    transaction.commit();
}

void ClientStore::archive(std::int64_t id)
{
    setArchived(id, true);
}

void ClientStore::restore(std::int64_t id)
{
    setArchived(id, false);
}

SearchPage ClientStore::search(std::string_view query, bool includeArchived, std::size_t limit)
{
    const MatchQuery match = buildMatch(query, includeArchived);
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    SearchPage page;
    const auto rowLimit = static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX));
    if (match.expression.empty())
    {
        auto rows = db.query(
            "SELECT " + std::string(kSummaryColumns) + " FROM clients INDEXED BY clients_sort " +
            (includeArchived ? "" : "WHERE archived = 0 ") + "ORDER BY sort_key, id LIMIT ?1");
        rows->bind(1, rowLimit);
        while (rows->step())
            page.rows.push_back(readSummary(*rows));
        page.total =
            db.scalar(includeArchived ? "SELECT count(*) FROM clients"
                                      : "SELECT (SELECT count(*) FROM clients) - "
                                        "(SELECT count(*) FROM clients WHERE archived = 1)");
        return page;
    }
    const std::vector<std::int64_t> ids = impl_->orderedMatches(match, limit, page.total);
    auto row = db.query("SELECT " + std::string(kSummaryColumns) + " FROM clients WHERE id = ?1");
    for (std::int64_t id : ids)
    {
        row->bind(1, id);
        if (row->step())
            page.rows.push_back(readSummary(*row));
        row->reset();
    }
    return page;
}

std::vector<std::string> ClientStore::findCodes(std::string_view query, int limit)
{
    const MatchQuery match = buildMatch(query, false);
    const std::size_t rowLimit = limit <= 0 ? SIZE_MAX : static_cast<std::size_t>(limit);
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    std::vector<std::string> codes;
    if (match.expression.empty())
    {
        auto rows = db.query("SELECT code FROM clients INDEXED BY clients_sort WHERE archived = 0 "
                             "ORDER BY sort_key, id LIMIT ?1");
        rows->bind(1, limit <= 0 ? std::int64_t{-1} : std::int64_t{limit});
        while (rows->step())
            codes.push_back(rows->text(0));
        return codes;
    }
    std::int64_t total = 0;
    const std::vector<std::int64_t> ids = impl_->orderedMatches(match, rowLimit, total);
    auto row = db.query("SELECT code FROM clients WHERE id = ?1");
    for (std::int64_t id : ids)
    {
        row->bind(1, id);
        if (row->step())
            codes.push_back(row->text(0));
        row->reset();
    }
    return codes;
}

std::int64_t ClientStore::count(bool includeArchived)
{
    std::lock_guard lock(impl_->mutex);
    auto rows =
        impl_->db.query(includeArchived ? "SELECT count(*) FROM clients"
                                        : "SELECT (SELECT count(*) FROM clients) - "
                                          "(SELECT count(*) FROM clients WHERE archived = 1)");
    rows->step();
    return rows->int64(0);
}

std::int64_t ClientStore::dataVersion()
{
    std::lock_guard lock(impl_->mutex);
    auto rows = impl_->db.query("PRAGMA data_version");
    rows->step();
    return rows->int64(0);
}

} // namespace clientes

// ------------------------------------------------------------------------- imports (bulk)

namespace clientes
{

namespace
{

std::string asciiUpper(std::string_view text)
{
    std::string upper(text);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return upper;
}

} // namespace

void ClientStore::Impl::insertImported(std::vector<Client>& clients, const std::string& now,
                                       std::string_view batchId,
                                       std::vector<std::int64_t>& activityIds)
{
    if (clients.empty())
        return;
    db.enableBulkRows();
    // Codes in one go: the counter's next numbers, skipping codes already taken (compared
    // without case, as the column's NOCASE collation does).
    std::unordered_set<std::string> taken;
    {
        auto rows = db.query("SELECT code FROM clients");
        while (rows->step())
            taken.insert(asciiUpper(rows->textView(0)));
    }
    std::int64_t number = db.scalar("SELECT value FROM counters WHERE name = 'client_code'");
    // Ids given explicitly, the ones SQLite would assign: the rows are written by one
    // INSERT … SELECT each (see sql::BulkRows), which reports no ids back.
    std::int64_t nextId = db.scalar("SELECT coalesce(max(id), 0) FROM clients") + 1;
    const std::size_t count = clients.size();
    for (Client& client : clients)
    {
        std::string code;
        do
            code = formatCode(++number);
        while (taken.contains(code));
        client.id = nextId++;
        client.uuid = boost::uuids::to_string(uuids());
        client.code = std::move(code);
        client.createdAt = now;
        client.updatedAt = now;
        client.version = 1;
    }
    taken.clear();
    // The search rows' texts are folded on a second core while SQLite writes the clients
    // table on this one.
    std::future<SearchTexts> searchTexts = std::async(
        clients.size() >= kParallelSearchTexts ? std::launch::async : std::launch::deferred,
        [&clients] { return SearchTexts(clients); });
    using Value = sql::BulkRows::Value;
    {
        std::string taxIdNorm;
        std::string sortKey;
        sql::BulkRowsOf rows(count,
                             [&](std::size_t row, std::size_t column) -> Value
                             {
                                 const Client& client = clients[row];
                                 if (column == 0)
                                     return Value::of(client.id);
                                 if (column == 1)
                                     return Value::of(client.uuid);
                                 if (column == 2)
                                     return Value::of(client.code);
                                 if (column < 2 + kTextFieldCount) // legal name … notes
                                     return Value::of(client.value(allFields()[column - 2]));
                                 switch (column - 2 - kTextFieldCount)
                                 {
                                 case 0:
                                     return Value::of(client.kind);
                                 case 1:
                                     if (const auto days = client.paymentTermDays())
                                         return Value::of(std::int64_t{*days});
                                     return Value::null();
                                 case 2:
                                     return Value::of(client.currency);
                                 case 3:
                                     return Value::of(std::int64_t{client.archived ? 1 : 0});
                                 case 4:
                                     return Value::of(client.createdAt);
                                 case 5:
                                     return Value::of(client.updatedAt);
                                 case 6:
                                     return Value::of(client.version);
                                 case 7:
                                     taxIdNorm = normalizeTaxId(client.taxId, client.country);
                                     return Value::of(taxIdNorm);
                                 default:
                                     sortKey = foldForSearch(client.legalName);
                                     return Value::of(sortKey);
                                 }
                             });
        auto insert = db.query(
            "INSERT INTO clients (id, uuid, code, legal_name, trade_name, tax_id, country, "
            "street, postal_code, city, region, email, phone, website, notes, kind, "
            "payment_terms, currency, archived, created_at, updated_at, version, tax_id_norm, "
            "sort_key) SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, "
            "c15, c16, c17, c18, c19, c20, c21, c22, c23 FROM bulk_rows(?1)");
        insert->bindRows(1, rows);
        insert->run();
    }
    {
        const SearchTexts texts = searchTexts.get();
        sql::BulkRowsOf rows(count,
                             [&](std::size_t row, std::size_t column) -> Value
                             {
                                 if (column == 0)
                                     return Value::of(clients[row].id);
                                 return Value::of(texts.text(row, column - 1));
                             });
        auto insert = db.query("INSERT INTO clients_fts (rowid, legal_name, trade_name, tax_id, "
                               "city, email, code, keys, state) SELECT c0, c1, c2, c3, c4, c5, "
                               "c6, c7, c8 FROM bulk_rows(?1)");
        insert->bindRows(1, rows);
        insert->run();
    }

    for (const Client& client : clients)
        if (!client.tags.empty())
            detail::writeTags(db, client.id, client.tags);
    {
        const std::int64_t firstActivity =
            db.scalar("SELECT coalesce(max(id), 0) FROM activity") + 1;
        const std::string_view kind = activityKindName(ActivityKind::Imported);
        sql::BulkRowsOf rows(count,
                             [&](std::size_t row, std::size_t column) -> Value
                             {
                                 switch (column)
                                 {
                                 case 0:
                                     return Value::of(firstActivity +
                                                      static_cast<std::int64_t>(row));
                                 case 1:
                                     return Value::of(clients[row].id);
                                 case 2:
                                     return Value::of(now);
                                 case 3:
                                     return Value::of(kind);
                                 case 4:
                                     return Value::of(clients[row].code);
                                 default:
                                     return Value::of(batchId);
                                 }
                             });
        auto insert = db.query("INSERT INTO activity (id, client_id, at, kind, label, batch_id) "
                               "SELECT c0, c1, c2, c3, c4, c5 FROM bulk_rows(?1)");
        insert->bindRows(1, rows);
        insert->run();
        activityIds.reserve(activityIds.size() + count);
        for (std::size_t i = 0; i < count; ++i)
            activityIds.push_back(firstActivity + static_cast<std::int64_t>(i));
    }

    auto counter = db.query("UPDATE counters SET value = ?1 WHERE name = 'client_code'");
    counter->bind(1, number);
    counter->run();
}

std::int64_t ClientStore::Impl::rewriteClient(Client& client, const Client& before,
                                              const std::string& now, ActivityKind kind,
                                              std::string_view batchId)
{
    client.id = before.id;
    client.uuid = before.uuid;
    client.code = before.code;
    client.createdAt = before.createdAt;
    client.archived = before.archived;
    client.updatedAt = now;
    client.version = before.version + 1;
    const std::string taxIdNorm = normalizeTaxId(client.taxId, client.country);
    {
        auto update = db.query("UPDATE clients SET legal_name = ?2, trade_name = ?3, tax_id = ?4, "
                               "country = ?5, street = ?6, postal_code = ?7, city = ?8, "
                               "region = ?9, email = ?10, phone = ?11, website = ?12, notes = ?13, "
                               "kind = ?14, payment_terms = ?15, currency = ?16, updated_at = ?17, "
                               "version = ?18, tax_id_norm = ?19, sort_key = ?20 WHERE id = ?1");
        update->bind(1, client.id);
        int index = bindEditable(*update, 2, client);
        update->bind(index++, client.updatedAt);
        update->bind(index++, client.version);
        update->bind(index++, taxIdNorm);
        update->bind(index, foldForSearch(client.legalName));
        update->run();
    }
    writeSearchRow(db, client, taxIdNorm);
    if (client.tags != before.tags)
        detail::writeTags(db, client.id, client.tags);
    detail::ActivityRecord entry;
    entry.kind = kind;
    entry.label = client.code;
    entry.batchId = std::string(batchId);
    entry.changes = clientChanges(before, client);
    return detail::writeActivity(db, client.id, now, std::move(entry)).id;
}

void ClientStore::Impl::deleteClients(std::string_view idsQuery, std::int64_t key)
{
    // Set-based: each statement walks the ids once. The search rows first, in one pass:
    // interleaved with the other tables' deletes FTS5 flushes its pending data far more often.
    const auto run = [&](const std::string& sql)
    {
        auto statement = db.query(sql);
        statement->bind(1, key);
        statement->run();
    };
    const std::string ids(idsQuery);
    run("DELETE FROM clients_fts WHERE rowid IN (" + ids + ")");
    run("DELETE FROM activity_changes WHERE activity_id IN (SELECT id FROM activity WHERE "
        "client_id IN (" +
        ids + "))");
    run("DELETE FROM activity WHERE client_id IN (" + ids + ")");
    run("DELETE FROM client_tags WHERE client_id IN (" + ids + ")");
    run("DELETE FROM contacts WHERE client_id IN (" + ids + ")");
    run("DELETE FROM clients WHERE id IN (" + ids + ")");
}

void ClientStore::Impl::forEachClient(const std::function<void(Client&&)>& visit)
{
    // Two cursors walked side by side: one query for the clients, one for all tags.
    auto rows = db.query(selectClientBy("1 ORDER BY id"));
    auto tags = db.query("SELECT client_id, tag FROM client_tags ORDER BY client_id, position");
    bool tagRow = tags->step();
    while (rows->step())
    {
        Client client = readClient(*rows);
        while (tagRow && tags->int64(0) < client.id)
            tagRow = tags->step();
        while (tagRow && tags->int64(0) == client.id)
        {
            if (!client.tags.empty())
                client.tags += ", ";
            client.tags += tags->textView(1);
            tagRow = tags->step();
        }
        guardFormulaStart(client.tags);
        visit(std::move(client));
    }
}

void ClientStore::forEachClientInListOrder(bool includeArchived,
                                           const std::function<void(std::size_t)>& begin,
                                           const std::function<void(Client&&)>& visit)
{
    std::lock_guard lock(impl_->mutex);
    Database& db = impl_->db;
    sql::ReadTransaction snapshot(db);
    {
        auto count = db.query("SELECT count(*) FROM clients WHERE ?1 OR archived = 0");
        count->bind(1, std::int64_t{includeArchived ? 1 : 0});
        begin(count->step() ? static_cast<std::size_t>(count->int64(0)) : 0);
    }
    // Tags are few: read them all first, then walk the clients in the sort index's order.
    std::unordered_map<std::int64_t, std::string> tags;
    {
        auto rows = db.query("SELECT client_id, tag FROM client_tags ORDER BY client_id, position");
        while (rows->step())
        {
            std::string& list = tags[rows->int64(0)];
            if (!list.empty())
                list += ", ";
            list += rows->textView(1);
        }
        for (auto& [id, list] : tags)
            guardFormulaStart(list);
    }
    auto rows = db.query("SELECT " + std::string(kClientColumns) +
                         " FROM clients INDEXED BY clients_sort WHERE ?1 OR archived = 0 "
                         "ORDER BY sort_key, id");
    rows->bind(1, std::int64_t{includeArchived ? 1 : 0});
    while (rows->step())
    {
        Client client = readClient(*rows);
        if (const auto found = tags.find(client.id); found != tags.end())
            client.tags = std::move(found->second);
        visit(std::move(client));
    }
}

void ClientStore::forEachClient(const std::function<void(Client&&)>& visit)
{
    std::lock_guard lock(impl_->mutex);
    sql::ReadTransaction snapshot(impl_->db);
    impl_->forEachClient(visit);
}

} // namespace clientes
