// The PostgreSQL store: clients, their tags and their search.
//
// Search: each client row carries a tsvector of its folded words (store/search_words.hpp,
// folded here, in C++, exactly as the SQLite store folds them: no dictionary or unaccent
// on the server), weighted by column. A query is a tsquery of prefix terms restricted to the
// columns a term may match (plain words: names, city, e-mail). Two GIN indexes find the
// candidates: one on the names, city and e-mail words (what plain words match, exactly: no
// recheck), one on short tokens of the identifier words (tax IDs, codes, keys: nearly every
// one unique, whole they would make the index slow to write); candidates of words with
// digits are checked against the whole document. The number of clients matching each short
// prefix is kept in search_counts (written with the clients, in the same unit): the total
// of a one-word query, which would count tens of thousands of rows, is one row read. A bulk
// insert's documents and counts are written right after its commit (kSearchRowsPerStep).

#include "core/rules/client_codes.hpp"
#include "core/rules/validation.hpp"
#include "core/store/postgres/pg_internal.hpp"
#include "core/store/search_words.hpp"
#include "core/text/text_fold.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace clientes::postgres
{

namespace
{

// Above this many matches, ranking every match costs more than the list is worth: the
// clients whose legal name starts with the query come first, then the others, both
// alphabetically (as the SQLite store does).
constexpr std::int64_t kRankedMatchesMax = 1000;

// Prefixes up to this many characters are counted in search_counts (with "", every client).
constexpr std::size_t kCountedPrefixChars = 6;

// The index expression of the names, city and e-mail words (weights A to C).
constexpr std::string_view kNames = "ts_filter(search, '{a,b,c}')";
// No name holds a longer word (nameCandidates finds nothing for one).
constexpr std::size_t kMaxNameWordBytes = 255;

// Rows fetched at a time from a cursor when walking every client.
constexpr int kFetchRows = 5000;

constexpr std::string_view kClientColumns =
    "id, uuid, code, legal_name, trade_name, tax_id, country, street, postal_code, city, "
    "region, email, phone, website, notes, archived, created_at, updated_at, version, kind, "
    "payment_terms, currency, mobile, street2";

constexpr std::string_view kSummaryColumns = "id, code, legal_name, tax_id, city, archived";

// The text columns from code to notes (Client::value of allFields()).
constexpr std::size_t kTextFieldCount = 13;

// The tsvector weight of each search column (search_words.hpp's order): names A and B,
// city and e-mail C (the columns plain words match), identifiers D.
constexpr std::array<char, kSearchColumns> kWeights = {'A', 'B', 'D', 'C', 'C', 'D', 'D'};
// ts_rank's weights for {D, C, B, A}: legal name first, then tax ID and codes, trade name,
// city and e-mail (the SQLite store's bm25 column weights, scaled).
constexpr std::string_view kRankWeights = "'{0.6, 0.2, 0.4, 1.0}'";

// A lexeme quoted for tsvector and tsquery input.
void appendLexeme(std::string& out, std::string_view word)
{
    out += '\'';
    for (char c : word)
    {
        if (c == '\'' || c == '\\')
            out += c == '\'' ? '\'' : '\\';
        out += c;
    }
    out += '\'';
}

using SearchTexts = std::array<std::string, kSearchColumns>;

// The longest prefix of `text` of at most `bytes` bytes that does not cut a character.
std::string_view utf8Prefix(std::string_view text, std::size_t bytes)
{
    if (text.size() <= bytes)
        return text;
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80)
        --bytes;
    return text.substr(0, bytes);
}

// The token an identifier word is indexed by: its start, up to two characters past its first
// significant digit (at least four), or five when it has none. A word's token starts with the
// token of each of its prefixes, so the tokens starting with a query word's token hold every
// word the query word starts (a superset: the document is checked). The codes and tax IDs of
// 100,000 clients share some thousands of tokens instead of being 600,000 keys.
std::string_view keyToken(std::string_view word)
{
    const auto digit = word.find_first_of("123456789");
    const std::size_t length =
        digit == std::string_view::npos ? 5 : std::max<std::size_t>(4, digit + 2);
    return utf8Prefix(word, length);
}

// Calls visit(word) for each word of a search column's text.
template <typename Visit> void forEachWord(std::string_view text, Visit visit)
{
    while (!text.empty())
    {
        const auto space = text.find(' ');
        const std::string_view word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
        if (!word.empty())
            visit(word);
    }
}

// The identifier tokens of a client, in order.
std::vector<std::string_view> keyTokenList(const SearchTexts& texts)
{
    std::vector<std::string_view> tokens;
    for (std::size_t column = 0; column < kSearchColumns; ++column)
        if (kWeights[column] == 'D')
            forEachWord(texts[column],
                        [&tokens](std::string_view word) { tokens.push_back(keyToken(word)); });
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    // A token that starts another one adds nothing: whatever starts it starts the other (the
    // next token in order, when one does).
    std::vector<std::string_view> kept;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (i + 1 == tokens.size() || !tokens[i + 1].starts_with(tokens[i]))
            kept.push_back(tokens[i]);
    return kept;
}

// The identifier tokens as tsvector input (no positions).
std::string keyTokens(const SearchTexts& texts)
{
    std::string out;
    for (std::string_view token : keyTokenList(texts))
    {
        if (!out.empty())
            out += ' ';
        appendLexeme(out, token);
    }
    return out;
}

// The client's search document as tsvector input: every word with its position and weight;
// columns apart by a gap, so that a phrase never spans two of them.
std::string searchDocument(const SearchTexts& texts)
{
    std::string document;
    int position = 1;
    for (std::size_t column = 0; column < kSearchColumns; ++column)
    {
        std::string_view text = texts[column];
        while (!text.empty())
        {
            const auto space = text.find(' ');
            const std::string_view word = text.substr(0, space);
            text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
            if (word.empty())
                continue;
            if (!document.empty())
                document += ' ';
            appendLexeme(document, word);
            document += ':' + std::to_string(std::min(position++, 16383)) + kWeights[column];
        }
        position += 2;
    }
    return document;
}

// A prefix term: 'word':* restricted to the weights it may match.
std::string prefixTerm(std::string_view word, bool identifier)
{
    std::string term;
    appendLexeme(term, word);
    term += identifier ? ":*" : ":*ABC";
    return term;
}

// A compound term (inner punctuation) as tsquery input: its parts as a phrase or the compact
// word, each written by `lexeme(word, last)` (the compact word is last).
template <typename Lexeme> std::string compoundQuery(const SearchTerm& term, Lexeme lexeme)
{
    std::string phrase;
    std::string_view text = term.folded;
    while (!text.empty())
    {
        const auto space = text.find(' ');
        const std::string_view word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
        if (!phrase.empty())
            phrase += " <-> ";
        phrase += lexeme(word, text.empty());
    }
    return "((" + phrase + ") | " + lexeme(term.compact, true) + ")";
}

// The search's compound term: the last part and the compact word prefixes; unrestricted.
std::string compoundQuery(const SearchTerm& term)
{
    return compoundQuery(term,
                         [](std::string_view word, bool last)
                         {
                             if (last)
                                 return prefixTerm(word, true);
                             std::string bare;
                             appendLexeme(bare, word);
                             return bare;
                         });
}

// The user's query as tsquery input over the whole document; empty when it has no term
// ("everything").
std::string buildQuery(const std::vector<SearchTerm>& terms)
{
    std::string query;
    for (const SearchTerm& term : terms)
    {
        const std::string part =
            term.compound ? compoundQuery(term) : prefixTerm(term.folded, term.identifier);
        query += (query.empty() ? "" : " & ") + part;
    }
    const std::string compact = compactTerms(terms);
    if (terms.size() > 1 &&
        std::any_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; }))
        query = "(" + query + ") | " + prefixTerm(compact, true);
    return query;
}

// What finds a query's matches: a condition on the clients table (with its parameters) that
// the indexes answer, exact for plain words, checked against the whole document otherwise.
struct SearchPlan
{
    std::string condition;
    pg::Params params;
    std::string tsquery; // the whole query, for the check and the rank
    int next = 1;        // the next parameter's number

    std::string param(const std::string& value)
    {
        params.add(value);
        return "$" + std::to_string(next++) + "::tsquery";
    }
    // Names, city and e-mail words matching `names`, or identifier tokens matching `keys`.
    std::string either(const std::string& names, const std::string& keys)
    {
        const std::string a = param(names);
        return "(" + std::string(kNames) + " @@ " + a + " OR search_keys @@ " + param(keys) + ")";
    }
};

// The identifier tokens a term's matches in the identifier columns carry (as tsquery input):
// the compact word's, or for a compound each part's (a phrase lies in one column). Parts of
// one or two characters ("es", "c") are left out when another part is longer: their tokens
// start tens of thousands of others, and the document is checked anyway.
std::string tokenQuery(const SearchTerm& term)
{
    std::string query = prefixTerm(keyToken(term.compact), true);
    if (term.compound)
    {
        std::vector<std::string_view> tokens;
        forEachWord(term.folded,
                    [&tokens](std::string_view word) { tokens.push_back(keyToken(word)); });
        const bool someLong = std::any_of(tokens.begin(), tokens.end(),
                                          [](std::string_view token) { return token.size() > 2; });
        std::string parts;
        for (std::string_view token : tokens)
            if (!someLong || token.size() > 2)
                parts += (parts.empty() ? "" : " & ") + prefixTerm(token, true);
        query = "(" + parts + ") | " + query;
    }
    return query;
}

SearchPlan planSearch(const std::vector<SearchTerm>& terms)
{
    SearchPlan plan;
    plan.tsquery = buildQuery(terms);
    std::string plain;
    std::vector<std::string> conditions;
    bool identifiers = false;
    for (const SearchTerm& term : terms)
    {
        if (!term.identifier)
        {
            plain += (plain.empty() ? "" : " & ") + prefixTerm(term.folded, true);
            continue;
        }
        identifiers = true;
        conditions.push_back(plan.either(
            term.compound ? compoundQuery(term) : prefixTerm(term.folded, true), tokenQuery(term)));
    }
    if (!plain.empty())
        conditions.insert(conditions.begin(), std::string(kNames) + " @@ " + plan.param(plain));
    std::string condition;
    for (const std::string& part : conditions)
        condition += (condition.empty() ? "" : " AND ") + part;
    const std::string compact = compactTerms(terms);
    if (terms.size() > 1 &&
        std::any_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; }))
    {
        SearchTerm whole;
        whole.compact = compact;
        condition = "((" + condition + ") OR " +
                    plan.either(prefixTerm(compact, true), tokenQuery(whole)) + ")";
    }
    if (identifiers)
        condition += " AND search @@ " + plan.param(plan.tsquery);
    plan.condition = condition;
    return plan;
}

Client readClient(const pg::Result& rows, int row)
{
    Client client;
    client.id = rows.int64(row, 0);
    client.uuid = rows.text(row, 1);
    int column = 2;
    for (std::size_t i = 0; i < kTextFieldCount; ++i)
        client.value(allFields()[i]) = rows.text(row, column++);
    client.archived = rows.boolean(row, column++);
    client.createdAt = rows.text(row, column++);
    client.updatedAt = rows.text(row, column++);
    client.version = rows.int64(row, column++);
    client.kind = rows.text(row, column++);
    client.paymentTerms = rows.isNull(row, column) ? "" : rows.text(row, column);
    ++column;
    client.currency = rows.text(row, column++);
    client.mobile = rows.text(row, column++);
    client.street2 = rows.text(row, column);
    return client;
}

ClientSummary readSummary(const pg::Result& rows, int row)
{
    return {rows.int64(row, 0), rows.text(row, 1), rows.text(row, 2),
            rows.text(row, 3),  rows.text(row, 4), rows.boolean(row, 5)};
}

// The stored columns of a client from legal name on (the text columns minus code, then
// kind, payment_terms, currency, mobile, street2), as parameters.
pg::Params& addEditable(pg::Params& params, const Client& client)
{
    for (std::size_t i = 1; i < kTextFieldCount; ++i)
        params.add(client.value(allFields()[i]));
    params.add(client.kind);
    if (const auto days = client.paymentTermDays())
        params.add(std::int64_t{*days});
    else
        params.addNull();
    params.add(client.currency).add(client.mobile).add(client.street2);
    return params;
}

// Walks the rows of `select` (no parameters) through a cursor, kFetchRows at a time: every
// client of a large register never sits in memory twice.
template <typename Visit>
void forEachRow(pg::Connection& db, const std::string& select, Visit visit)
{
    db.run("DECLARE clients_walk NO SCROLL CURSOR FOR " + select);
    for (;;)
    {
        const pg::Result rows =
            db.exec("FETCH " + std::to_string(kFetchRows) + " FROM clients_walk");
        for (int row = 0; row < rows.rows(); ++row)
            visit(rows, row);
        if (rows.rows() < kFetchRows)
            break;
    }
    db.run("CLOSE clients_walk");
}

// Every client's tags, "a, b" by client id.
std::unordered_map<std::int64_t, std::string> allTags(pg::Connection& db)
{
    std::unordered_map<std::int64_t, std::string> tags;
    const pg::Result rows =
        db.exec("SELECT client_id, tag FROM client_tags ORDER BY client_id, position");
    for (int row = 0; row < rows.rows(); ++row)
    {
        std::string& list = tags[rows.int64(row, 0)];
        if (!list.empty())
            list += ", ";
        list += rows.textView(row, 1);
    }
    for (auto& [id, list] : tags)
        guardFormulaStart(list);
    return tags;
}

// Whether the client's search document would change.
bool searchChanges(const Client& after, const Client& before)
{
    return after.legalName != before.legalName || after.tradeName != before.tradeName ||
           after.taxId != before.taxId || after.country != before.country ||
           after.city != before.city || after.email != before.email || after.code != before.code;
}

} // namespace

std::string tagKey(std::string_view tag)
{
    std::string key = foldForSearch(tag);
    return key.empty() ? std::string(tag) : key;
}

// ------------------------------------------------------------------------- tags

void Unit::writeTags(std::int64_t clientId, std::string_view tags)
{
    db_.exec("DELETE FROM client_tags WHERE client_id = $1", pg::Params().add(clientId));
    std::int64_t position = 0;
    for (const std::string& tag : splitTags(tags))
        db_.exec("INSERT INTO client_tags (client_id, position, tag, tag_key) VALUES ($1, $2, $3, "
                 "$4)",
                 pg::Params().add(clientId).add(position++).add(tag).add(tagKey(tag)));
}

std::string Unit::readTags(std::int64_t clientId)
{
    std::vector<std::string> tags;
    const pg::Result rows =
        db_.exec("SELECT tag FROM client_tags WHERE client_id = $1 ORDER BY position",
                 pg::Params().add(clientId));
    for (int row = 0; row < rows.rows(); ++row)
        tags.push_back(rows.text(row, 0));
    return joinTags(tags);
}

// ------------------------------------------------------------------------- reading clients

std::optional<Client> Unit::clientWhere(std::string_view condition, const pg::Params& params)
{
    const pg::Result rows = db_.exec("SELECT " + std::string(kClientColumns) +
                                         " FROM clients WHERE " + std::string(condition),
                                     params);
    if (rows.empty())
        return std::nullopt;
    Client client = readClient(rows, 0);
    client.tags = readTags(client.id);
    return client;
}

std::optional<Client> Unit::client(std::int64_t id)
{
    return clientWhere("id = $1", pg::Params().add(id));
}

std::optional<Client> Unit::clientByCode(std::string_view code)
{
    return clientWhere("upper(code COLLATE \"C\") = upper($1 COLLATE \"C\")",
                       pg::Params().add(code));
}

std::vector<Client> Unit::clientsByTaxId(std::string_view normalizedTaxId)
{
    std::vector<Client> clients;
    if (normalizedTaxId.empty())
        return clients;
    const pg::Result rows =
        db_.exec("SELECT " + std::string(kClientColumns) +
                     " FROM clients WHERE tax_id_norm = $1 ORDER BY archived, id",
                 pg::Params().add(normalizedTaxId));
    for (int row = 0; row < rows.rows(); ++row)
        clients.push_back(readClient(rows, row));
    for (Client& client : clients)
        client.tags = readTags(client.id);
    return clients;
}

std::int64_t Unit::countClients(bool includeArchived)
{
    return db_.scalar(includeArchived ? "SELECT count(*) FROM clients"
                                      : "SELECT count(*) FROM clients WHERE NOT archived");
}

void Unit::countSearchWords(const std::array<std::string, kSearchColumns>& texts, bool archived,
                            int sign)
{
    const std::uint64_t call = ++countCalls_;
    const auto count = [&](std::uint32_t node)
    {
        PrefixNode& prefix = prefixes_[node];
        if (prefix.counted == call)
            return; // a client counts once under each prefix
        prefix.counted = call;
        prefix.change[archived ? 1 : 0] += sign;
    };
    count(0);
    for (std::size_t column = 0; column < kSearchColumns; ++column)
    {
        if (kWeights[column] == 'D')
            continue;
        forEachWord(texts[column],
                    [&](std::string_view word)
                    {
                        std::uint32_t node = 0;
                        std::size_t chars = 0;
                        for (std::size_t i = 0; i < word.size(); ++i)
                        {
                            const auto byte = static_cast<unsigned char>(word[i]);
                            auto& children = prefixes_[node].children;
                            const auto child = std::lower_bound(
                                children.begin(), children.end(), byte,
                                [](const auto& c, unsigned char b) { return c.first < b; });
                            if (child != children.end() && child->first == byte)
                                node = child->second;
                            else
                            {
                                node = static_cast<std::uint32_t>(prefixes_.size());
                                children.insert(child, {byte, node});
                                prefixes_.emplace_back(); // `children` is not used after this
                            }
                            // Only whole characters are prefixes.
                            if (i + 1 == word.size() ||
                                (static_cast<unsigned char>(word[i + 1]) & 0xC0) != 0x80)
                            {
                                count(node);
                                if (++chars == kCountedPrefixChars)
                                    break;
                            }
                        }
                    });
    }
}

void Unit::flushSearchCounts()
{
    std::vector<std::string> prefixes;
    std::vector<std::string> archived;
    std::vector<std::int64_t> changes;
    // Depth first, children by byte: the rows come in key order.
    std::string prefix;
    const auto visit = [&](const auto& self, std::uint32_t node) -> void
    {
        const PrefixNode& here = prefixes_[node];
        for (int state = 0; state < 2; ++state)
            if (here.change[state] != 0)
            {
                prefixes.push_back(prefix);
                archived.emplace_back(state == 1 ? "t" : "f");
                changes.push_back(here.change[state]);
            }
        for (const auto& [byte, child] : here.children)
        {
            prefix.push_back(static_cast<char>(byte));
            self(self, child);
            prefix.pop_back();
        }
    };
    visit(visit, 0);
    prefixes_.assign(1, PrefixNode());
    if (changes.empty())
        return;
    // Rows in key order (an INSERT takes them as given), so that two units never wait on each
    // other's counters in opposite orders.
    db_.exec("INSERT INTO search_counts AS c (prefix, archived, clients) SELECT * FROM "
             "unnest($1::text[], $2::boolean[], $3::bigint[]) ON CONFLICT (prefix, archived) DO "
             "UPDATE SET clients = c.clients + excluded.clients",
             pg::Params()
                 .add(pg::textArray(prefixes))
                 .add(pg::textArray(archived))
                 .add(pg::bigintArray(changes)));
}

namespace
{

// Sequential scans off while a search plans: the planner does not know what evaluating a
// tsvector costs, and without fresh statistics (after an import) it prefers reading every
// client to the GIN indexes (70 ms against a few). A walk in list order is asked for by
// name: without statistics the planner would fetch the whole prefix range and sort it.
class SearchPlanning
{
public:
    explicit SearchPlanning(pg::Connection& db) : db_(db)
    {
        db_.run("SET LOCAL enable_seqscan = off");
    }
    ~SearchPlanning()
    {
        try
        {
            db_.run(walking_ ? "SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_bitmapscan "
                               "TO DEFAULT; SET LOCAL enable_sort TO DEFAULT"
                             : "SET LOCAL enable_seqscan TO DEFAULT");
        }
        catch (...) // the transaction failed: it ends with the settings
        {
        }
    }
    SearchPlanning(const SearchPlanning&) = delete;
    SearchPlanning& operator=(const SearchPlanning&) = delete;

    // The next statements walk the sort index in order.
    void walkInListOrder()
    {
        db_.run("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off");
        walking_ = true;
    }

private:
    pg::Connection& db_;
    bool walking_ = false;
};

} // namespace

SearchPage Unit::search(std::string_view query, bool includeArchived, std::size_t limit)
{
    if (searchRowsPending(db_))
    {
        if (!writing_)
            throw SearchRowsPending{};
        while (writePendingSearchRows(kSearchRowsPerStep))
        {
        }
    }
    flushSearchCounts(); // this unit's own writes counted
    SearchPlanning planning(db_);
    SearchPage page;
    const auto rowLimit = static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX));
    const std::string archived = includeArchived ? "" : " AND NOT archived";
    const std::vector<SearchTerm> terms = searchTerms(query);
    // The number of clients with a word starting with `prefix` (every client for "").
    const auto counted = [&](std::string_view prefix)
    {
        return db_.scalar("SELECT coalesce(sum(clients), 0) FROM search_counts WHERE prefix = $1 "
                          "AND (NOT archived OR $2)",
                          pg::Params().add(prefix).add(includeArchived));
    };
    if (terms.empty())
    {
        const pg::Result rows =
            db_.exec("SELECT " + std::string(kSummaryColumns) + " FROM clients WHERE true" +
                         archived + " ORDER BY sort_key, id LIMIT $1",
                     pg::Params().add(rowLimit));
        for (int row = 0; row < rows.rows(); ++row)
            page.rows.push_back(readSummary(rows, row));
        page.total = counted("");
        return page;
    }
    // Planned for each query (not prepared): the best plan depends on how many clients match.
    SearchPlan plan = planSearch(terms);
    // search_pending: what the search indexes hold (no client waits during a search).
    const std::string where =
        " FROM clients WHERE " + plan.condition + " AND NOT search_pending" + archived;
    const bool short1 = terms.size() == 1 && !terms[0].identifier &&
                        std::count_if(terms[0].folded.begin(), terms[0].folded.end(),
                                      [](char c) { return (c & 0xC0) != 0x80; }) <=
                            static_cast<std::ptrdiff_t>(kCountedPrefixChars);
    page.total = short1 ? counted(terms[0].folded)
                        : db_.execUnprepared("SELECT count(*)" + where, plan.params).int64(0, 0);
    if (page.total == 0 || rowLimit == 0)
        return page;
    const std::string select = "SELECT " + std::string(kSummaryColumns) + where;
    const auto add = [&page](const pg::Result& rows)
    {
        for (int row = 0; row < rows.rows(); ++row)
            page.rows.push_back(readSummary(rows, row));
    };
    const auto with = [&plan](auto... values)
    {
        pg::Params params = plan.params;
        (params.add(values), ...);
        return params;
    };
    const std::string next = "$" + std::to_string(plan.next);
    const std::string after = "$" + std::to_string(plan.next + 1);
    if (page.total <= kRankedMatchesMax)
    {
        add(db_.execUnprepared(select + " ORDER BY ts_rank(" + std::string(kRankWeights) +
                                   ", search, " + next + "::tsquery) DESC, sort_key, id LIMIT " +
                                   after,
                               with(plan.tsquery, rowLimit)));
        return page;
    }
    // Many matches: legal names starting with the query first, then the rest, both in list
    // order. Dense matches: walking the sort index, each client checked against the document
    // as it comes, finds a page in about limit × clients / matches steps; sparse ones are
    // fewer to fetch all and sort.
    const std::string prefix = joinedTerms(terms);
    const std::int64_t clients = counted("");
    if (static_cast<double>(page.total) * static_cast<double>(page.total) <
        static_cast<double>(rowLimit) * static_cast<double>(clients))
    {
        add(db_.execUnprepared(
            "WITH found AS MATERIALIZED (SELECT " + std::string(kSummaryColumns) + ", sort_key" +
                where + ") SELECT " + std::string(kSummaryColumns) +
                " FROM found ORDER BY NOT sort_key ^@ " + next + ", sort_key, id LIMIT " + after,
            with(prefix, rowLimit)));
        return page;
    }
    planning.walkInListOrder();
    const std::string walk = "SELECT " + std::string(kSummaryColumns) +
                             " FROM clients WHERE search @@ $1::tsquery" + archived;
    add(db_.execUnprepared(walk + " AND sort_key ^@ $2 ORDER BY sort_key, id LIMIT $3",
                           pg::Params().add(plan.tsquery).add(prefix).add(rowLimit)));
    const auto found = static_cast<std::int64_t>(page.rows.size());
    if (found < rowLimit)
        add(db_.execUnprepared(walk + " AND NOT sort_key ^@ $2 ORDER BY sort_key, id LIMIT $3",
                               pg::Params().add(plan.tsquery).add(prefix).add(rowLimit - found)));
    return page;
}

std::vector<std::int64_t> Unit::nameCandidates(std::string_view words, bool prefix,
                                               std::size_t limit)
{
    // A word of the legal or trade name (weights A, B), whole or as a prefix.
    const auto nameTerm = [prefix](std::string_view word, bool last)
    {
        std::string term;
        appendLexeme(term, word);
        term += prefix && last ? ":*AB" : ":AB";
        return term;
    };
    std::string query;
    for (const SearchTerm& term : searchTerms(words))
    {
        if (term.folded.size() > kMaxNameWordBytes)
            return {}; // no name holds it (and tsquery refuses lexemes over 2 KB)
        query += query.empty() ? "" : " & ";
        query += term.compound ? compoundQuery(term, nameTerm) : nameTerm(term.folded, true);
    }
    std::vector<std::int64_t> ids;
    if (query.empty() || limit == 0)
        return ids;
    if (searchRowsPending(db_))
    {
        if (!writing_)
            throw SearchRowsPending{};
        while (writePendingSearchRows(kSearchRowsPerStep))
        {
        }
    }
    const pg::Result rows =
        db_.exec("SELECT id FROM clients WHERE " + std::string(kNames) +
                     " @@ $1::tsquery AND NOT archived AND NOT search_pending" +
                     (prefix ? std::string(" LIMIT $2")
                             : " ORDER BY ts_rank(" + std::string(kRankWeights) +
                                   ", search, $1::tsquery) DESC, id LIMIT $2"),
                 pg::Params().add(query).add(
                     static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX))));
    for (int row = 0; row < rows.rows(); ++row)
        ids.push_back(rows.int64(row, 0));
    return ids;
}

std::vector<ClientSummary> Unit::clientsWithTag(std::string_view tag, bool includeArchived)
{
    std::vector<ClientSummary> clients;
    const std::string key = tagKey(tag);
    if (key.empty())
        return clients;
    const pg::Result rows = db_.exec(
        std::string("SELECT c.id, c.code, c.legal_name, c.tax_id, c.city, c.archived FROM "
                    "client_tags AS t JOIN clients AS c ON c.id = t.client_id WHERE t.tag_key = "
                    "$1 ") +
            (includeArchived ? "" : "AND NOT c.archived ") + "ORDER BY c.sort_key, c.id",
        pg::Params().add(key));
    for (int row = 0; row < rows.rows(); ++row)
        clients.push_back(readSummary(rows, row));
    return clients;
}

std::vector<TagCount> Unit::tagCounts()
{
    std::vector<TagCount> counts;
    const pg::Result rows = db_.exec("SELECT min(tag COLLATE \"C\"), count(*) FROM client_tags "
                                     "GROUP BY tag_key ORDER BY tag_key");
    for (int row = 0; row < rows.rows(); ++row)
        counts.push_back({rows.text(row, 0), rows.int64(row, 1)});
    return counts;
}

void Unit::forEachClient(const std::function<void(Client&&)>& visit)
{
    auto tags = allTags(db_);
    forEachRow(db_, "SELECT " + std::string(kClientColumns) + " FROM clients ORDER BY id",
               [&](const pg::Result& rows, int row)
               {
                   Client client = readClient(rows, row);
                   if (const auto found = tags.find(client.id); found != tags.end())
                       client.tags = std::move(found->second);
                   visit(std::move(client));
               });
}

std::vector<std::int64_t> Unit::clientIdsInListOrder()
{
    std::vector<std::int64_t> ids;
    const pg::Result rows = db_.exec("SELECT id FROM clients ORDER BY sort_key, id");
    ids.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row)
        ids.push_back(rows.int64(row, 0));
    return ids;
}

void Unit::forEachClientInListOrder(bool includeArchived,
                                    const std::function<void(std::size_t)>& begin,
                                    const std::function<void(Client&&)>& visit)
{
    begin(static_cast<std::size_t>(countClients(includeArchived)));
    auto tags = allTags(db_);
    forEachRow(db_,
               "SELECT " + std::string(kClientColumns) + " FROM clients " +
                   (includeArchived ? "" : "WHERE NOT archived ") + "ORDER BY sort_key, id",
               [&](const pg::Result& rows, int row)
               {
                   Client client = readClient(rows, row);
                   if (const auto found = tags.find(client.id); found != tags.end())
                       client.tags = std::move(found->second);
                   visit(std::move(client));
               });
}

// ------------------------------------------------------------------------- waiting documents

bool searchRowsPending(pg::Connection& db)
{
    return db.scalar("SELECT count(*) FROM clientes_meta WHERE name = 'search_pending_first'") != 0;
}

bool Unit::writePendingSearchRows(std::size_t maxClients)
{
    // The range's rows locked first, always: units writing documents take turns.
    const pg::Result range =
        db_.exec("SELECT value FROM clientes_meta WHERE name IN ('search_pending_first', "
                 "'search_pending_last') ORDER BY name FOR UPDATE");
    if (range.rows() != 2)
        return false;
    const std::int64_t first = range.int64(0, 0);
    const std::int64_t last = range.int64(1, 0);
    const std::int64_t end =
        last - first < static_cast<std::int64_t>(std::min<std::size_t>(maxClients, INT64_MAX))
            ? last
            : first + static_cast<std::int64_t>(maxClients) - 1;
    const pg::Result rows =
        db_.exec("SELECT " + std::string(kClientColumns) +
                     ", tax_id_norm FROM clients WHERE id BETWEEN $1 AND $2 AND search_pending "
                     "ORDER BY id FOR UPDATE",
                 pg::Params().add(first).add(end));
    if (!rows.empty())
    {
        std::vector<std::int64_t> ids;
        std::vector<std::string> documents;
        std::vector<std::string> keys;
        const int taxIdNormColumn = 22;
        for (int row = 0; row < rows.rows(); ++row)
        {
            const Client client = readClient(rows, row);
            const SearchTexts texts = searchTexts(client, rows.text(row, taxIdNormColumn));
            ids.push_back(client.id);
            documents.push_back(searchDocument(texts));
            keys.push_back(keyTokens(texts));
            countSearchWords(texts, client.archived, 1);
        }
        db_.exec("UPDATE clients AS c SET search = d.search::tsvector, search_keys = "
                 "d.search_keys::tsvector, search_pending = false FROM unnest($1::bigint[], "
                 "$2::text[], $3::text[]) AS d (id, search, search_keys) WHERE c.id = d.id",
                 pg::Params()
                     .add(pg::bigintArray(ids))
                     .add(pg::textArray(documents))
                     .add(pg::textArray(keys)));
    }
    if (end >= last)
    {
        db_.exec("DELETE FROM clientes_meta WHERE name IN ('search_pending_first', "
                 "'search_pending_last')");
        return false;
    }
    db_.exec("UPDATE clientes_meta SET value = $1 WHERE name = 'search_pending_first'",
             pg::Params().add(end + 1));
    return true;
}

// ------------------------------------------------------------------------- writing clients

void Unit::insertClients(std::span<Client> clients)
{
    if (clients.size() >= kBulkRows)
        insertClientsInBulk(clients);
    else
        insertClientRows(clients);
}

void Unit::insertClientRows(std::span<Client> clients)
{
    for (Client& client : clients)
    {
        // The code: the counter's next number, skipping codes already taken. The counter's
        // row stays locked until the unit ends, so writers creating clients at once take
        // their numbers one after the other, and a rolled-back unit gives its number back.
        for (;;)
        {
            const std::int64_t number =
                db_.scalar("UPDATE clientes_meta SET value = value + 1 WHERE name = "
                           "'client_code' RETURNING value");
            client.code = formatClientCode(number);
            if (db_.exec("SELECT 1 FROM clients WHERE upper(code COLLATE \"C\") = upper($1 COLLATE "
                         "\"C\")",
                         pg::Params().add(client.code))
                    .empty())
                break;
        }
        const std::string taxIdNorm = normalizeTaxId(client.taxId, client.country);
        const SearchTexts texts = searchTexts(client, taxIdNorm);
        pg::Params params;
        params.add(client.uuid).add(client.code);
        addEditable(params, client)
            .add(client.archived)
            .add(client.createdAt)
            .add(client.updatedAt)
            .add(client.version)
            .add(taxIdNorm)
            .add(foldForSearch(client.legalName))
            .add(searchDocument(texts))
            .add(keyTokens(texts));
        client.id = db_.scalar(
            "INSERT INTO clients (uuid, code, legal_name, trade_name, tax_id, country, street, "
            "postal_code, city, region, email, phone, website, notes, kind, payment_terms, "
            "currency, mobile, street2, archived, created_at, updated_at, version, tax_id_norm, "
            "sort_key, search, search_keys) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
            "$11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, "
            "$26::tsvector, $27::tsvector) RETURNING id",
            params);
        countSearchWords(texts, client.archived, 1);
        if (!client.tags.empty())
            writeTags(client.id, client.tags);
    }
}

void Unit::insertClientsInBulk(std::span<Client> clients)
{
    const auto count = static_cast<std::int64_t>(clients.size());
    // Codes: the counter's next numbers in one step (its row locked until the unit ends),
    // more for those already taken (typed by hand into an imported register).
    std::int64_t last = db_.scalar(
        "UPDATE clientes_meta SET value = value + $1 WHERE name = 'client_code' RETURNING value",
        pg::Params().add(count));
    std::vector<std::string> codes;
    codes.reserve(clients.size());
    for (std::int64_t number = last - count + 1; number <= last; ++number)
        codes.push_back(formatClientCode(number));
    for (;;)
    {
        // The codes in use between the lowest and the highest of these (in the code index's
        // byte order): one short range scan, nearly always empty, instead of a lookup each.
        const auto [lowest, highest] = std::minmax_element(codes.begin(), codes.end());
        const pg::Result taken = db_.exec(
            "SELECT upper(code COLLATE \"C\") FROM clients WHERE upper(code COLLATE \"C\") "
            "BETWEEN upper($1 COLLATE \"C\") AND upper($2 COLLATE \"C\")",
            pg::Params().add(*lowest).add(*highest));
        std::unordered_set<std::string> takenCodes;
        for (int row = 0; row < taken.rows(); ++row)
            takenCodes.insert(taken.text(row, 0));
        if (std::erase_if(codes,
                          [&](const std::string& code) { return takenCodes.contains(code); }) == 0)
            break;
        const auto missing = static_cast<std::int64_t>(clients.size() - codes.size());
        last = db_.scalar("UPDATE clientes_meta SET value = value + $1 WHERE name = "
                          "'client_code' RETURNING value",
                          pg::Params().add(missing));
        for (std::int64_t number = last - missing + 1; number <= last; ++number)
            codes.push_back(formatClientCode(number));
    }
    // Ids from the table's sequence, in one statement: COPY reports none back. The sequence
    // is looked up once (OFFSET 0 keeps the planner from evaluating the lookup on every row,
    // which cost more than the ids themselves).
    {
        const pg::Result ids = db_.exec(
            "SELECT nextval(seq) FROM (SELECT pg_get_serial_sequence('clients', 'id')::regclass "
            "AS seq OFFSET 0) AS s, generate_series(1, $1)",
            pg::Params().add(count));
        for (std::size_t i = 0; i < clients.size(); ++i)
        {
            clients[i].id = ids.int64(static_cast<int>(i), 0);
            clients[i].code = std::move(codes[i]);
        }
    }
    std::size_t next = 0;
    // Without their search documents (empty) and word counts: written after the commit (see
    // kSearchRowsPerStep). In binary: the server parses nothing.
    static const std::string emptyDocument(4, '\0'); // tsvector's binary form: no lexeme
    db_.copyInBinary("COPY clients (id, uuid, code, legal_name, trade_name, tax_id, country, "
                     "street, postal_code, city, region, email, phone, website, notes, kind, "
                     "payment_terms, currency, mobile, street2, archived, created_at, "
                     "updated_at, version, tax_id_norm, sort_key, search, search_keys, "
                     "search_pending) FROM STDIN (FORMAT binary)",
                     [&](std::string& out)
                     {
                         const Client& client = clients[next];
                         pg::BinaryRow row(out, 29);
                         row.add(client.id).add(client.uuid);
                         for (std::size_t i = 0; i < kTextFieldCount; ++i)
                             row.add(client.value(allFields()[i]));
                         row.add(client.kind);
                         if (const auto days = client.paymentTermDays())
                             row.addInt4(static_cast<std::int32_t>(*days));
                         else
                             row.addNull();
                         row.add(client.currency)
                             .add(client.mobile)
                             .add(client.street2)
                             .add(client.archived)
                             .add(client.createdAt)
                             .add(client.updatedAt)
                             .add(client.version)
                             .add(normalizeTaxId(client.taxId, client.country))
                             .add(foldForSearch(client.legalName))
                             .add(emptyDocument)
                             .add(emptyDocument)
                             .add(true);
                         return ++next < clients.size();
                     });
    // Their ids join the range of those waiting (locking its rows until the unit ends).
    const auto [lowest, highest] =
        std::minmax_element(clients.begin(), clients.end(),
                            [](const Client& a, const Client& b) { return a.id < b.id; });
    db_.exec("INSERT INTO clientes_meta AS m (name, value) VALUES ('search_pending_first', $1), "
             "('search_pending_last', $2) ON CONFLICT (name) DO UPDATE SET value = CASE WHEN "
             "m.name = 'search_pending_first' THEN least(m.value, excluded.value) ELSE "
             "greatest(m.value, excluded.value) END",
             pg::Params().add(lowest->id).add(highest->id));
    deferred_ = true;
    // Tags: the clients that have some, in one COPY.
    std::size_t tagged = 0;
    for (const Client& client : clients)
        tagged += client.tags.empty() ? 0 : 1;
    if (tagged == 0)
        return;
    next = 0;
    db_.copyIn(
        "COPY client_tags (client_id, position, tag, tag_key) FROM STDIN",
        [&](std::string& out)
        {
            while (next < clients.size() && clients[next].tags.empty())
                ++next;
            if (next < clients.size())
            {
                const Client& client = clients[next];
                std::int64_t position = 0;
                for (const std::string& tag : splitTags(client.tags))
                    pg::CopyRow(out).add(client.id).add(position++).add(tag).add(tagKey(tag)).end();
                ++next;
            }
            while (next < clients.size() && clients[next].tags.empty())
                ++next;
            return next < clients.size();
        });
}

bool Unit::updateClient(const Client& after, const Client& before)
{
    const std::string taxIdNorm = normalizeTaxId(after.taxId, after.country);
    Client indexed = after;
    indexed.id = before.id;
    indexed.code = before.code; // the stored code is kept
    const bool search = searchChanges(indexed, before);
    const bool counted = search || after.archived != before.archived;
    pg::Params params;
    params.add(before.id);
    addEditable(params, after)
        .add(after.archived)
        .add(after.updatedAt)
        .add(after.version)
        .add(taxIdNorm)
        .add(foldForSearch(after.legalName))
        .add(before.version);
    const SearchTexts texts = searchTexts(indexed, taxIdNorm);
    if (search)
        params.add(searchDocument(texts)).add(keyTokens(texts));
    const pg::Result updated = db_.exec(
        std::string("UPDATE clients SET legal_name = $2, trade_name = $3, tax_id = $4, country = "
                    "$5, street = $6, postal_code = $7, city = $8, region = $9, email = $10, "
                    "phone = $11, website = $12, notes = $13, kind = $14, payment_terms = $15, "
                    "currency = $16, mobile = $17, street2 = $18, archived = $19, "
                    "updated_at = $20, version = $21, tax_id_norm = $22, sort_key = $23") +
            (search ? ", search = $25::tsvector, search_keys = $26::tsvector" : "") +
            " WHERE id = $1 AND version = $24 RETURNING search_pending",
        params);
    if (updated.affected() == 0)
        return false;
    // A client waiting for its document has no words counted: they are counted, as they are
    // then, when its document is written.
    if (counted && !updated.boolean(0, 0))
    {
        countSearchWords(searchTexts(before, normalizeTaxId(before.taxId, before.country)),
                         before.archived, -1);
        countSearchWords(texts, after.archived, 1);
    }
    if (after.tags != before.tags)
        writeTags(before.id, after.tags);
    return true;
}

void Unit::deleteClients(std::span<const std::int64_t> ids)
{
    if (ids.empty())
        return;
    // Contacts and tags go with their clients (ON DELETE CASCADE), their activity after them
    // (no foreign key: see the schema); a record that still refers to one (RESTRICT) makes
    // the statement fail and the unit roll back.
    // Their words leave the counters as they were stored (counted).
    const pg::Result deleted =
        db_.exec("DELETE FROM clients WHERE id = ANY($1::bigint[]) RETURNING legal_name, "
                 "trade_name, city, email, archived, search_pending",
                 pg::Params().add(pg::bigintArray(ids)));
    for (int row = 0; row < deleted.rows(); ++row)
    {
        if (deleted.boolean(row, 5))
            continue; // waiting for its document: not counted
        Client client;
        client.legalName = deleted.text(row, 0);
        client.tradeName = deleted.text(row, 1);
        client.city = deleted.text(row, 2);
        client.email = deleted.text(row, 3);
        countSearchWords(searchTexts(client, ""), deleted.boolean(row, 4), -1);
    }
    // After the clients: this statement also sees the entries other units committed while
    // the delete waited for their locks.
    db_.exec("DELETE FROM activity WHERE client_id = ANY($1::bigint[])",
             pg::Params().add(pg::bigintArray(ids)));
}

} // namespace clientes::postgres
