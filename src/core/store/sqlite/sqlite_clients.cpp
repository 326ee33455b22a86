// The SQLite store: clients, their tags and their full-text search index.

#include "core/rules/client_codes.hpp"
#include "core/rules/validation.hpp"
#include "core/store/search_words.hpp"
#include "core/store/sqlite/store_internal.hpp"
#include "core/text/ascii.hpp"
#include "core/text/text_fold.hpp"

#include <algorithm>
#include <array>
#include <future>
#include <unordered_map>
#include <unordered_set>

namespace clientes::sqlite
{

using sql::Database;

namespace
{

// Above this many matches, ranking every match with bm25 costs more than the list is worth
// (see orderedMatches). Measured with tests/bench/store_bench.cpp on 100,000 clients: bm25
// costs about 2.5 µs per match, the alphabetical walk about 1 ms for 2,000 matches.
constexpr std::size_t kRankedMatchesMax = 1000;
// No name holds a longer word (nameCandidates finds nothing for one).
constexpr std::size_t kMaxNameWordBytes = 255;

constexpr std::string_view kClientColumns =
    "id, uuid, code, legal_name, trade_name, tax_id, country, street, postal_code, city, "
    "region, email, phone, website, notes, archived, created_at, updated_at, version, kind, "
    "payment_terms, currency, mobile, street2";

constexpr std::string_view kSummaryColumns = "id, code, legal_name, tax_id, city, archived";

// An FTS5 expression built from the user's query.
struct MatchQuery
{
    std::string expression; // empty: no usable term, i.e. "everything"
    std::string folded;     // folded terms joined by spaces, for the legal-name prefix
};

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
    const std::vector<SearchTerm> terms = searchTerms(query);
    for (const SearchTerm& term : terms)
    {
        std::string part = quoteFts(term.folded) + "*";
        if (term.compound)
            part = "(" + part + " OR " + quoteFts(term.compact) + "*)";
        parts.push_back((term.identifier ? kAllColumns : kNameColumns) + " : (" + part + ")");
    }
    match.folded = joinedTerms(terms);
    if (parts.empty())
        return match;
    std::string expression;
    for (std::size_t i = 0; i < parts.size(); ++i)
        expression += (i == 0 ? "" : " AND ") + parts[i];
    // An identifier typed with spaces ("B 12345678", "ES B12345678") also matches in one piece.
    const std::string compact = compactTerms(terms);
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

// Binds the stored columns of a client from `first` on, in the order of the text columns
// minus code, then kind, payment_terms, currency, mobile, street2.
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
    statement.bind(index++, client.mobile);
    statement.bind(index++, client.street2);
    return index;
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

// The texts of a client's full-text row, in the order of clients_fts's columns (legal_name,
// trade_name, tax_id, city, email, code, keys: search_words.hpp's order; then state).
std::array<std::string, kSearchColumns + 1> searchRow(const Client& client,
                                                      const std::string& taxIdNorm)
{
    std::array<std::string, kSearchColumns + 1> row;
    std::ranges::move(searchTexts(client, taxIdNorm), row.begin());
    // Archived rows carry a word to exclude; active rows none (older registers wrote
    // "active", which no query looks for).
    row[kSearchColumns] = client.archived ? "archived" : "";
    return row;
}

// The full-text rows of many clients, packed in one buffer (about 100 bytes a client).
class SearchTexts
{
public:
    explicit SearchTexts(std::span<const Client> clients)
    {
        ends_.reserve(clients.size() * (kSearchColumns + 1));
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
        const std::size_t index = row * (kSearchColumns + 1) + column;
        const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
        return std::string_view(buffer_).substr(begin, ends_[index] - begin);
    }

private:
    std::string buffer_;
    std::vector<std::size_t> ends_;
};

// From this many clients an import folds their search texts on a second thread.
constexpr std::size_t kParallelSearchTexts = 1000;

// The full-text rows of clients (with ids), in one statement.
void insertSearchRows(Database& db, std::span<const Client> clients, const SearchTexts& texts)
{
    db.enableBulkRows();
    using Value = sql::BulkRows::Value;
    sql::BulkRowsOf rows(clients.size(),
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

std::optional<std::pair<std::int64_t, std::int64_t>> pendingRange(Database& db)
{
    auto rows = db.query("SELECT (SELECT value FROM counters WHERE name = "
                         "'search_pending_first'), (SELECT value FROM counters WHERE name = "
                         "'search_pending_last')");
    rows->step();
    if (rows->isNull(0) || rows->isNull(1))
        return std::nullopt;
    return std::pair{rows->int64(0), rows->int64(1)};
}

void setPendingRange(Database& db, std::int64_t first, std::int64_t last)
{
    auto set = db.query("INSERT INTO counters (name, value) VALUES ('search_pending_first', ?1), "
                        "('search_pending_last', ?2) ON CONFLICT (name) DO UPDATE SET value = "
                        "excluded.value");
    set->bind(1, first);
    set->bind(2, last);
    set->run();
}

// Adds the ids first..last to the range waiting for full-text rows (inside the insert's
// transaction).
void markSearchRowsPending(Database& db, std::int64_t first, std::int64_t last)
{
    if (const auto range = pendingRange(db))
        setPendingRange(db, std::min(first, range->first), std::max(last, range->second));
    else
        setPendingRange(db, first, last);
}

// Writes the full-text row of a client (the caller is inside a transaction).
} // namespace

bool searchRowsPending(Database& db)
{
    return db.scalar("SELECT count(*) FROM counters WHERE name = 'search_pending_first'") != 0;
}

bool writePendingSearchRows(Database& db, std::size_t maxClients)
{
    const auto range = pendingRange(db);
    if (!range || maxClients == 0)
        return range.has_value();
    const auto [first, last] = *range;
    const std::int64_t end =
        last - first < static_cast<std::int64_t>(std::min<std::size_t>(maxClients, INT64_MAX))
            ? last
            : first + static_cast<std::int64_t>(maxClients) - 1;
    // The clients of the range that have a row already (given one by an update since), in
    // one scan of the index's rowids; then the others.
    std::vector<std::int64_t> indexed;
    {
        auto rows = db.query("SELECT rowid FROM clients_fts WHERE rowid BETWEEN ?1 AND ?2");
        rows->bind(1, first);
        rows->bind(2, end);
        while (rows->step())
            indexed.push_back(rows->int64(0));
    }
    std::sort(indexed.begin(), indexed.end());
    std::vector<Client> clients;
    {
        auto rows = db.query(selectClientBy("id BETWEEN ?1 AND ?2 ORDER BY id"));
        rows->bind(1, first);
        rows->bind(2, end);
        while (rows->step())
            if (!std::binary_search(indexed.begin(), indexed.end(), rows->int64(0)))
                clients.push_back(readClient(*rows));
    }
    if (!clients.empty())
        insertSearchRows(db, clients, SearchTexts(clients));
    if (end >= last)
    {
        db.exec("DELETE FROM counters WHERE name IN ('search_pending_first', "
                "'search_pending_last')");
        return false;
    }
    setPendingRange(db, end + 1, last);
    return true;
}

// A row of kClientColumns (or of kClientColumnsV2 when !v3); tags are read separately.
Client readClient(sql::Statement& row, bool v3)
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
        client.currency = row.text(index++);
        client.mobile = row.text(index++);
        client.street2 = row.text(index);
    }
    return client;
}

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

namespace
{

std::vector<std::int64_t> rankedMatches(Database& db, const std::string& expression,
                                        std::size_t limit)
{
    std::vector<std::int64_t> ids;
    auto rows = db.query("SELECT f.rowid FROM clients_fts AS f JOIN clients AS c ON c.id = f.rowid "
                         "WHERE clients_fts MATCH ?1 ORDER BY f.rank, c.sort_key, c.id LIMIT ?2");
    rows->bind(1, expression);
    rows->bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
    while (rows->step())
        ids.push_back(rows->int64(0));
    return ids;
}

// For broad queries (a letter or two) bm25 hardly tells thousands of hits apart, and ranking
// them all is what makes such queries slow. Instead: clients whose legal name starts with the
// query, then every other match, both alphabetically — walking the sort index and keeping
// members of the (sorted) match set stops after `limit` rows.
std::vector<std::int64_t> alphabeticalMatches(Database& db, const std::string& folded,
                                              const std::vector<std::int64_t>& members,
                                              std::size_t limit)
{
    std::vector<std::int64_t> ids;
    const auto isMember = [&members](std::int64_t id)
    { return std::binary_search(members.begin(), members.end(), id); };
    {
        auto rows = db.query("SELECT id FROM clients INDEXED BY clients_sort WHERE sort_key >= ?1 "
                             "AND sort_key < ?2 ORDER BY sort_key, id");
        rows->bind(1, folded);
        rows->bind(2, prefixUpperBound(folded));
        while (ids.size() < limit && rows->step())
            if (isMember(rows->int64(0)))
                ids.push_back(rows->int64(0));
    }
    auto rows = db.query("SELECT id, sort_key FROM clients INDEXED BY clients_sort "
                         "ORDER BY sort_key, id");
    while (ids.size() < limit && rows->step())
    {
        const std::int64_t id = rows->int64(0);
        if (rows->textView(1).starts_with(folded))
            continue; // listed in the first part
        if (isMember(id))
            ids.push_back(id);
    }
    return ids;
}

} // namespace

// ------------------------------------------------------------------------- reading clients

namespace
{

// The client WHERE `condition` (with ?1 = key) holds, with its tags.
template <typename Key>
std::optional<Client> clientBy(Database& db, std::string_view condition, Key key)
{
    std::optional<Client> client;
    {
        auto row = db.query(selectClientBy(condition));
        row->bind(1, key);
        if (!row->step())
            return std::nullopt;
        client = readClient(*row);
    }
    client->tags = readTags(db, client->id);
    return client;
}

} // namespace

std::optional<Client> Unit::clientWhere(std::string_view condition, std::string_view key)
{
    return clientBy(db_, condition, key);
}

std::optional<Client> Unit::clientWhere(std::string_view condition, std::int64_t key)
{
    return clientBy(db_, condition, key);
}

std::optional<Client> Unit::client(std::int64_t id)
{
    return clientWhere("id = ?1", id);
}

std::optional<Client> Unit::clientByCode(std::string_view code)
{
    // The column's NOCASE collation: ASCII case ignored.
    return clientWhere("code = ?1", code);
}

std::vector<Client> Unit::clientsByTaxId(std::string_view normalizedTaxId)
{
    std::vector<Client> clients;
    if (normalizedTaxId.empty())
        return clients;
    {
        auto rows = db_.query(selectClientBy("tax_id_norm = ?1 ORDER BY archived, id"));
        rows->bind(1, normalizedTaxId);
        while (rows->step())
            clients.push_back(readClient(*rows));
    }
    for (Client& client : clients)
        client.tags = readTags(db_, client.id);
    return clients;
}

std::int64_t Unit::countClients(bool includeArchived)
{
    return db_.scalar(includeArchived ? "SELECT count(*) FROM clients"
                                      : "SELECT (SELECT count(*) FROM clients) - "
                                        "(SELECT count(*) FROM clients WHERE archived = 1)");
}

std::vector<std::int64_t> Unit::orderedMatches(const std::string& expression,
                                               const std::string& folded, std::size_t limit,
                                               std::int64_t& total)
{
    // Collecting the matching rowids is a cheap scan of FTS document lists (the prefix index
    // covers 1-3 letter prefixes) and gives the exact total.
    std::vector<std::int64_t> members;
    {
        auto rows = db_.query("SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1");
        rows->bind(1, expression);
        while (rows->step())
            members.push_back(rows->int64(0));
    }
    total = static_cast<std::int64_t>(members.size());
    if (members.empty() || limit == 0)
        return {};
    if (members.size() <= kRankedMatchesMax)
        return rankedMatches(db_, expression, limit);
    std::sort(members.begin(), members.end()); // FTS5 yields rowid order already; be sure
    return alphabeticalMatches(db_, folded, members, limit);
}

SearchPage Unit::search(std::string_view query, bool includeArchived, std::size_t limit)
{
    const MatchQuery match = buildMatch(query, includeArchived);
    SearchPage page;
    const auto rowLimit = static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX));
    if (match.expression.empty())
    {
        auto rows = db_.query(
            "SELECT " + std::string(kSummaryColumns) + " FROM clients INDEXED BY clients_sort " +
            (includeArchived ? "" : "WHERE archived = 0 ") + "ORDER BY sort_key, id LIMIT ?1");
        rows->bind(1, rowLimit);
        while (rows->step())
            page.rows.push_back(readSummary(*rows));
        page.total = countClients(includeArchived);
        return page;
    }
    if (searchRowsPending(db_))
    {
        if (!writing_)
            throw SearchRowsPending{};
        writePendingSearchRows(db_, SIZE_MAX);
    }
    const std::vector<std::int64_t> ids =
        orderedMatches(match.expression, match.folded, limit, page.total);
    auto row = db_.query("SELECT " + std::string(kSummaryColumns) + " FROM clients WHERE id = ?1");
    for (std::int64_t id : ids)
    {
        row->bind(1, id);
        if (row->step())
            page.rows.push_back(readSummary(*row));
        row->reset();
    }
    return page;
}

std::vector<std::int64_t> Unit::nameCandidates(std::string_view words, bool prefix,
                                               std::size_t limit)
{
    std::string expression;
    const std::string star = prefix ? "*" : "";
    for (const SearchTerm& term : searchTerms(words))
    {
        if (term.folded.size() > kMaxNameWordBytes)
            return {}; // no name holds it (as in the PostgreSQL store)
        std::string part = quoteFts(term.folded) + star;
        if (term.compound)
            part = "(" + part + " OR " + quoteFts(term.compact) + star + ")";
        expression += (expression.empty() ? "" : " AND ") + part;
    }
    std::vector<std::int64_t> ids;
    if (expression.empty() || limit == 0)
        return ids;
    if (searchRowsPending(db_))
    {
        if (!writing_)
            throw SearchRowsPending{};
        writePendingSearchRows(db_, SIZE_MAX);
    }
    auto rows = db_.query(std::string("SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1") +
                          (prefix ? "" : " ORDER BY rank") + " LIMIT ?2");
    rows->bind(1, "({legal_name trade_name} : (" + expression + ")) NOT state : archived");
    rows->bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
    while (rows->step())
        ids.push_back(rows->int64(0));
    return ids;
}

std::vector<ClientSummary> Unit::clientsWithTag(std::string_view tag, bool includeArchived)
{
    std::vector<ClientSummary> clients;
    const std::string key = tagKey(tag);
    if (key.empty())
        return clients;
    auto rows = db_.query(
        std::string("SELECT c.id, c.code, c.legal_name, c.tax_id, c.city, c.archived FROM "
                    "client_tags AS t JOIN clients AS c ON c.id = t.client_id WHERE t.tag_key = "
                    "?1 ") +
        (includeArchived ? "" : "AND c.archived = 0 ") + "ORDER BY c.sort_key, c.id");
    rows->bind(1, key);
    while (rows->step())
        clients.push_back(readSummary(*rows));
    return clients;
}

std::vector<TagCount> Unit::tagCounts()
{
    std::vector<TagCount> counts;
    auto rows = db_.query("SELECT min(tag), count(*) FROM client_tags GROUP BY tag_key "
                          "ORDER BY tag_key");
    while (rows->step())
        counts.push_back({rows->text(0), rows->int64(1)});
    return counts;
}

void Unit::forEachClient(const std::function<void(Client&&)>& visit)
{
    // Two cursors walked side by side: one query for the clients, one for all tags.
    auto rows = db_.query(selectClientBy("1 ORDER BY id"));
    auto tags = db_.query("SELECT client_id, tag FROM client_tags ORDER BY client_id, position");
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

std::vector<std::int64_t> Unit::clientIdsInListOrder()
{
    std::vector<std::int64_t> ids;
    auto rows = db_.query("SELECT id FROM clients INDEXED BY clients_sort ORDER BY sort_key, id");
    while (rows->step())
        ids.push_back(rows->int64(0));
    return ids;
}

void Unit::forEachClientInListOrder(bool includeArchived,
                                    const std::function<void(std::size_t)>& begin,
                                    const std::function<void(Client&&)>& visit)
{
    begin(static_cast<std::size_t>(countClients(includeArchived)));
    // Tags are few: read them all first, then walk the clients in the sort index's order.
    std::unordered_map<std::int64_t, std::string> tags;
    {
        auto rows =
            db_.query("SELECT client_id, tag FROM client_tags ORDER BY client_id, position");
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
    auto rows = db_.query("SELECT " + std::string(kClientColumns) +
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

// ------------------------------------------------------------------------- writing clients

void Unit::insertClients(std::span<Client> clients)
{
    if (clients.size() >= kBulkClients)
    {
        insertClientsInBulk(clients);
        return;
    }
    for (Client& client : clients)
        insertClientRow(client);
}

void Unit::insertClientRow(Client& client)
{
    // The code: the counter's next number, skipping codes already taken (e.g. typed into an
    // older file by hand). Inside the unit: a rolled-back insert gives its number back.
    for (;;)
    {
        std::int64_t number = 0;
        {
            auto next = db_.query(
                "UPDATE counters SET value = value + 1 WHERE name = 'client_code' RETURNING value");
            if (!next->step())
                throw StoreError(StoreError::Kind::NotADatabase, db_.path(), "counter missing");
            number = next->int64(0);
            next->run();
        }
        client.code = formatClientCode(number);
        auto taken = db_.query("SELECT 1 FROM clients WHERE code = ?1");
        taken->bind(1, client.code);
        if (!taken->step())
            break;
    }
    const std::string taxIdNorm = normalizeTaxId(client.taxId, client.country);
    {
        auto insert = db_.query(
            "INSERT INTO clients (uuid, code, legal_name, trade_name, tax_id, country, street, "
            "postal_code, city, region, email, phone, website, notes, kind, payment_terms, "
            "currency, mobile, street2, archived, created_at, updated_at, version, tax_id_norm, "
            "sort_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
            "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)");
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
    client.id = db_.lastInsertId();
    writeSearchRow(db_, client, taxIdNorm);
    if (!client.tags.empty())
        writeTags(db_, client.id, client.tags);
}

void Unit::insertClientsInBulk(std::span<Client> clients)
{
    db_.enableBulkRows();
    // Codes in one go: the counter's next numbers, skipping codes already taken (compared
    // without case, as the column's NOCASE collation does).
    std::unordered_set<std::string> taken;
    {
        auto rows = db_.query("SELECT code FROM clients");
        while (rows->step())
            taken.insert(upperAscii(rows->textView(0)));
    }
    std::int64_t number = db_.scalar("SELECT value FROM counters WHERE name = 'client_code'");
    // Ids given explicitly, the ones SQLite would assign: the rows are written by one
    // INSERT … SELECT each (see sql::BulkRows), which reports no ids back.
    std::int64_t nextId = db_.scalar("SELECT coalesce(max(id), 0) FROM clients") + 1;
    const std::size_t count = clients.size();
    for (Client& client : clients)
    {
        std::string code;
        do
            code = formatClientCode(++number);
        while (taken.contains(code));
        client.id = nextId++;
        client.code = std::move(code);
    }
    taken.clear();
    // The search rows: written after the commit for many clients (see kDeferredSearchRows);
    // for fewer, their texts are folded on a second core while SQLite writes the clients
    // table on this one.
    std::future<SearchTexts> searchTexts;
    if (count < kDeferredSearchRows)
        searchTexts =
            std::async(count >= kParallelSearchTexts ? std::launch::async : std::launch::deferred,
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
                                     return Value::of(client.mobile);
                                 case 4:
                                     return Value::of(client.street2);
                                 case 5:
                                     return Value::of(std::int64_t{client.archived ? 1 : 0});
                                 case 6:
                                     return Value::of(client.createdAt);
                                 case 7:
                                     return Value::of(client.updatedAt);
                                 case 8:
                                     return Value::of(client.version);
                                 case 9:
                                     taxIdNorm = normalizeTaxId(client.taxId, client.country);
                                     return Value::of(taxIdNorm);
                                 default:
                                     sortKey = foldForSearch(client.legalName);
                                     return Value::of(sortKey);
                                 }
                             });
        auto insert = db_.query(
            "INSERT INTO clients (id, uuid, code, legal_name, trade_name, tax_id, country, "
            "street, postal_code, city, region, email, phone, website, notes, kind, "
            "payment_terms, currency, mobile, street2, archived, created_at, updated_at, version, "
            "tax_id_norm, sort_key) SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, "
            "c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24, c25 FROM bulk_rows(?1)");
        insert->bindRows(1, rows);
        insert->run();
    }
    if (searchTexts.valid())
        insertSearchRows(db_, clients, searchTexts.get());
    else
        markSearchRowsPending(db_, clients.front().id, clients.back().id);

    for (const Client& client : clients)
        if (!client.tags.empty())
            writeTags(db_, client.id, client.tags);
    auto counter = db_.query("UPDATE counters SET value = ?1 WHERE name = 'client_code'");
    counter->bind(1, number);
    counter->run();
}

namespace
{

// Whether the client's full-text row would change (searchRow's inputs).
bool searchRowChanges(const Client& after, const Client& before)
{
    return after.legalName != before.legalName || after.tradeName != before.tradeName ||
           after.taxId != before.taxId || after.country != before.country ||
           after.city != before.city || after.email != before.email || after.code != before.code ||
           after.archived != before.archived;
}

} // namespace

bool Unit::updateClient(const Client& after, const Client& before)
{
    const std::string taxIdNorm = normalizeTaxId(after.taxId, after.country);
    {
        auto update = db_.query(
            "UPDATE clients SET legal_name = ?2, trade_name = ?3, tax_id = ?4, country = ?5, "
            "street = ?6, postal_code = ?7, city = ?8, region = ?9, email = ?10, phone = ?11, "
            "website = ?12, notes = ?13, kind = ?14, payment_terms = ?15, currency = ?16, "
            "mobile = ?17, street2 = ?18, archived = ?19, updated_at = ?20, version = ?21, "
            "tax_id_norm = ?22, sort_key = ?23 WHERE id = ?1 AND version = ?24");
        update->bind(1, before.id);
        int index = bindEditable(*update, 2, after);
        update->bind(index++, std::int64_t{after.archived ? 1 : 0});
        update->bind(index++, after.updatedAt);
        update->bind(index++, after.version);
        update->bind(index++, taxIdNorm);
        update->bind(index++, foldForSearch(after.legalName));
        update->bind(index, before.version);
        update->run();
    }
    if (db_.changes() == 0)
        return false;
    // The search row only when what it is made of changed (the stored code is kept).
    Client indexed = after;
    indexed.id = before.id;
    indexed.code = before.code;
    if (searchRowChanges(indexed, before))
        writeSearchRow(db_, indexed, taxIdNorm);
    if (after.tags != before.tags)
        writeTags(db_, before.id, after.tags);
    return true;
}

void Unit::deleteClients(std::span<const std::int64_t> ids)
{
    if (ids.empty())
        return;
    db_.enableBulkRows();
    using Value = sql::BulkRows::Value;
    sql::BulkRowsOf list(
        ids.size(), [&](std::size_t row, std::size_t) -> Value { return Value::of(ids[row]); });
    // Set-based: each statement walks the ids once. The search rows first, in one pass:
    // interleaved with the other tables' deletes FTS5 flushes its pending data far more often.
    // The dependent rows are deleted here, not by the foreign keys' cascades, which may be
    // off (WriteHints::deletesMany).
    const auto run = [&](const char* sql)
    {
        auto statement = db_.query(sql);
        statement->bindRows(1, list);
        statement->run();
    };
    run("DELETE FROM clients_fts WHERE rowid IN (SELECT c0 FROM bulk_rows(?1))");
    run("DELETE FROM activity_changes WHERE activity_id IN (SELECT id FROM activity WHERE "
        "client_id IN (SELECT c0 FROM bulk_rows(?1)))");
    run("DELETE FROM activity WHERE client_id IN (SELECT c0 FROM bulk_rows(?1))");
    run("DELETE FROM client_tags WHERE client_id IN (SELECT c0 FROM bulk_rows(?1))");
    // Every table whose rows go with their client (ON DELETE CASCADE in the schema).
    run("DELETE FROM contacts WHERE client_id IN (SELECT c0 FROM bulk_rows(?1))");
    run("DELETE FROM addresses WHERE client_id IN (SELECT c0 FROM bulk_rows(?1))");
    run("DELETE FROM bank_accounts WHERE client_id IN (SELECT c0 FROM bulk_rows(?1))");
    run("DELETE FROM clients WHERE id IN (SELECT c0 FROM bulk_rows(?1))");
    if (fkOff_)
        deletedWithoutForeignKeys_ = true;
}

} // namespace clientes::sqlite
