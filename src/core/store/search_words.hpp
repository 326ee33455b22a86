#pragma once

// What a client is found by, for every store: the folded words of each searched field, and
// the terms of what the user typed. The SQLite store puts the words in an FTS5 table
// (store/sqlite), the PostgreSQL store in a tsvector (store/postgres); both match the terms
// as the store interface's search() says (store.hpp).

#include "core/model/client.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

// The searched texts of a client, folded (foldForSearch), in this order.
enum class SearchColumn : std::size_t
{
    LegalName,
    TradeName,
    TaxId,
    City,
    Email, // without the top-level domain: "e", "es" or "pt" would match nearly every client
    Code,  // without punctuation: "c000012"
    // Extra words so that tax IDs, codes and e-mails are found however they are typed: the
    // normalised tax ID, its digits alone, with the country prefix; the code without zero
    // padding ("c12"); the e-mail address without punctuation.
    Keys,
};
inline constexpr std::size_t kSearchColumns = 7;

// `taxIdNorm`: normalizeTaxId(client.taxId, client.country), which the caller has at hand.
std::array<std::string, kSearchColumns> searchTexts(const Client& client,
                                                    const std::string& taxIdNorm);

// One word of the user's query.
struct SearchTerm
{
    std::string folded; // foldForSearch of the word: may hold spaces ("b-123" → "b 123")
    // With inner punctuation (folded has spaces): also matched as one compact word.
    bool compound = false;
    std::string compact; // folded without its spaces
    // Words with digits (or compound) look in every column; plain words in names, city and
    // e-mail only: a letter typed as the start of a name must not match every code ("C-…")
    // or every tax ID starting with that letter.
    bool identifier = false;
};

// The user's query as terms (at most 32: pasted text is bounded); punctuation alone gives
// none ("everything").
std::vector<SearchTerm> searchTerms(std::string_view query);

// The terms' folded texts joined by spaces (for "legal names starting with the query"), and
// without spaces (an identifier typed with spaces, "B 12345678", matches in one piece when it
// has digits).
std::string joinedTerms(const std::vector<SearchTerm>& terms);
std::string compactTerms(const std::vector<SearchTerm>& terms);

} // namespace clientes
