// The PostgreSQL store: clients, their tags and their search.
//
// Search: each client row carries a tsvector of its folded words (store/search_words.hpp,
// folded here, in C++, exactly as the SQLite store folds them: no dictionary or unaccent
// on the server), weighted by column, GIN-indexed. A query is a tsquery of prefix terms
// restricted to the columns a term may match (plain words: names, city, e-mail).

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

// Rows fetched at a time from a cursor when walking every client.
constexpr int kFetchRows = 5000;

constexpr std::string_view kClientColumns =
    "id, uuid, code, legal_name, trade_name, tax_id, country, street, postal_code, city, "
    "region, email, phone, website, notes, archived, created_at, updated_at, version, kind, "
    "payment_terms, currency";

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

// The client's search document as tsvector input: every word with its position and weight;
// columns apart by a gap, so that a phrase never spans two of them.
std::string searchDocument(const Client& client, const std::string& taxIdNorm)
{
    const auto texts = searchTexts(client, taxIdNorm);
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

// The user's query as tsquery input; empty when it has no term ("everything").
std::string buildQuery(const std::vector<SearchTerm>& terms)
{
    std::string query;
    for (const SearchTerm& term : terms)
    {
        std::string part;
        if (term.compound)
        {
            // The parts as a phrase, the last one a prefix, or the compact word as a prefix.
            std::string phrase;
            std::string_view text = term.folded;
            while (!text.empty())
            {
                const auto space = text.find(' ');
                const std::string_view word = text.substr(0, space);
                text =
                    space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
                if (!phrase.empty())
                    phrase += " <-> ";
                if (text.empty())
                    phrase += prefixTerm(word, true);
                else
                    appendLexeme(phrase, word);
            }
            part = "((" + phrase + ") | " + prefixTerm(term.compact, true) + ")";
        }
        else
            part = prefixTerm(term.folded, term.identifier);
        query += (query.empty() ? "" : " & ") + part;
    }
    const std::string compact = compactTerms(terms);
    if (terms.size() > 1 &&
        std::any_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; }))
        query = "(" + query + ") | " + prefixTerm(compact, true);
    return query;
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
    client.currency = rows.text(row, column);
    return client;
}

ClientSummary readSummary(const pg::Result& rows, int row)
{
    return {rows.int64(row, 0), rows.text(row, 1), rows.text(row, 2),
            rows.text(row, 3),  rows.text(row, 4), rows.boolean(row, 5)};
}

// The stored columns of a client from legal name on (the text columns minus code, then
// kind, payment_terms, currency), as parameters.
pg::Params& addEditable(pg::Params& params, const Client& client)
{
    for (std::size_t i = 1; i < kTextFieldCount; ++i)
        params.add(client.value(allFields()[i]));
    params.add(client.kind);
    if (const auto days = client.paymentTermDays())
        params.add(std::int64_t{*days});
    else
        params.addNull();
    params.add(client.currency);
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

SearchPage Unit::search(std::string_view query, bool includeArchived, std::size_t limit)
{
    SearchPage page;
    const auto rowLimit = static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX));
    const std::string archived = includeArchived ? "" : " AND NOT archived";
    const std::vector<SearchTerm> terms = searchTerms(query);
    if (terms.empty())
    {
        const pg::Result rows =
            db_.exec("SELECT " + std::string(kSummaryColumns) + " FROM clients WHERE true" +
                         archived + " ORDER BY sort_key, id LIMIT $1",
                     pg::Params().add(rowLimit));
        for (int row = 0; row < rows.rows(); ++row)
            page.rows.push_back(readSummary(rows, row));
        page.total = countClients(includeArchived);
        return page;
    }
    const std::string tsquery = buildQuery(terms);
    page.total = db_.scalar("SELECT count(*) FROM clients WHERE search @@ $1::tsquery" + archived,
                            pg::Params().add(tsquery));
    if (page.total == 0 || rowLimit == 0)
        return page;
    const std::string select = "SELECT " + std::string(kSummaryColumns) +
                               " FROM clients WHERE search @@ $1::tsquery" + archived;
    const auto add = [&page](const pg::Result& rows)
    {
        for (int row = 0; row < rows.rows(); ++row)
            page.rows.push_back(readSummary(rows, row));
    };
    if (page.total <= kRankedMatchesMax)
    {
        add(db_.exec(select + " ORDER BY ts_rank(" + std::string(kRankWeights) +
                         ", search, $1::tsquery) DESC, sort_key, id LIMIT $2",
                     pg::Params().add(tsquery).add(rowLimit)));
        return page;
    }
    // Many matches: legal names starting with the query first, then the rest, both in list
    // order (walking the sort index, each match checked as it comes).
    const std::string prefix = joinedTerms(terms);
    add(db_.exec(select + " AND sort_key ^@ $2 ORDER BY sort_key, id LIMIT $3",
                 pg::Params().add(tsquery).add(prefix).add(rowLimit)));
    const auto found = static_cast<std::int64_t>(page.rows.size());
    if (found < rowLimit)
        add(db_.exec(select + " AND NOT sort_key ^@ $2 ORDER BY sort_key, id LIMIT $3",
                     pg::Params().add(tsquery).add(prefix).add(rowLimit - found)));
    return page;
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
        pg::Params params;
        params.add(client.uuid).add(client.code);
        addEditable(params, client)
            .add(client.archived)
            .add(client.createdAt)
            .add(client.updatedAt)
            .add(client.version)
            .add(taxIdNorm)
            .add(foldForSearch(client.legalName))
            .add(searchDocument(client, taxIdNorm));
        client.id = db_.scalar(
            "INSERT INTO clients (uuid, code, legal_name, trade_name, tax_id, country, street, "
            "postal_code, city, region, email, phone, website, notes, kind, payment_terms, "
            "currency, archived, created_at, updated_at, version, tax_id_norm, sort_key, search) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
            "$18, $19, $20, $21, $22, $23, $24::tsvector) RETURNING id",
            params);
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
        const pg::Result taken = db_.exec(
            "SELECT upper(code COLLATE \"C\") FROM clients WHERE upper(code COLLATE \"C\") = "
            "ANY($1::text[])",
            pg::Params().add(pg::textArray(codes)));
        if (taken.empty())
            break;
        std::unordered_set<std::string> takenCodes;
        for (int row = 0; row < taken.rows(); ++row)
            takenCodes.insert(taken.text(row, 0));
        std::erase_if(codes, [&](const std::string& code) { return takenCodes.contains(code); });
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
    db_.copyIn("COPY clients (id, uuid, code, legal_name, trade_name, tax_id, country, street, "
               "postal_code, city, region, email, phone, website, notes, kind, payment_terms, "
               "currency, archived, created_at, updated_at, version, tax_id_norm, sort_key, "
               "search) FROM STDIN",
               [&](std::string& out)
               {
                   const Client& client = clients[next];
                   pg::CopyRow row(out);
                   row.add(client.id).add(client.uuid);
                   for (std::size_t i = 0; i < kTextFieldCount; ++i)
                       row.add(client.value(allFields()[i]));
                   row.add(client.kind);
                   if (const auto days = client.paymentTermDays())
                       row.add(std::int64_t{*days});
                   else
                       row.addNull();
                   const std::string taxIdNorm = normalizeTaxId(client.taxId, client.country);
                   row.add(client.currency)
                       .add(client.archived)
                       .add(client.createdAt)
                       .add(client.updatedAt)
                       .add(client.version)
                       .add(taxIdNorm)
                       .add(foldForSearch(client.legalName))
                       .add(searchDocument(client, taxIdNorm))
                       .end();
                   return ++next < clients.size();
               });
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
    pg::Params params;
    params.add(before.id);
    addEditable(params, after)
        .add(after.archived)
        .add(after.updatedAt)
        .add(after.version)
        .add(taxIdNorm)
        .add(foldForSearch(after.legalName))
        .add(before.version);
    if (search)
        params.add(searchDocument(indexed, taxIdNorm));
    const pg::Result updated = db_.exec(
        std::string("UPDATE clients SET legal_name = $2, trade_name = $3, tax_id = $4, country = "
                    "$5, street = $6, postal_code = $7, city = $8, region = $9, email = $10, "
                    "phone = $11, website = $12, notes = $13, kind = $14, payment_terms = $15, "
                    "currency = $16, archived = $17, updated_at = $18, version = $19, "
                    "tax_id_norm = $20, sort_key = $21") +
            (search ? ", search = $23::tsvector" : "") + " WHERE id = $1 AND version = $22",
        params);
    if (updated.affected() == 0)
        return false;
    if (after.tags != before.tags)
        writeTags(before.id, after.tags);
    return true;
}

void Unit::deleteClients(std::span<const std::int64_t> ids)
{
    if (ids.empty())
        return;
    // Contacts, tags and activity go with their clients (ON DELETE CASCADE); a record that
    // still refers to one (RESTRICT) makes the statement fail and the unit roll back.
    db_.exec("DELETE FROM clients WHERE id = ANY($1::bigint[])",
             pg::Params().add(pg::bigintArray(ids)));
}

} // namespace clientes::postgres
