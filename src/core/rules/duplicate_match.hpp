#pragma once

// Duplicate clients: the evidence that two clients are the same firm or person (shared tax ID,
// e-mail, phone, address, similar names), a score of 0..100 from it, and an index that finds
// the candidate pairs among many clients without comparing every pair (blocking by keys).
// Pure C++: no store, no UNO.

#include "core/model/client.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

enum class DuplicateReason
{
    SameTaxId,
    SameEmail,
    EmailDomainAndName,
    SamePhone,
    SimilarName,
    SameAddress
};

// API names: "sameTaxId", "sameEmail", "emailDomainAndName", "samePhone", "similarName",
// "sameAddress".
std::string_view duplicateReasonName(DuplicateReason reason);

struct DuplicateEvidence
{
    DuplicateReason reason = DuplicateReason::SameTaxId;
    int points = 0; // this reason's weight in the score, 0..100
    // What they share, for the user: "B12345678", "info@acme.es", "acme.es", "600123456",
    // "perez gomez asesores", "calle mayor 3, 28001".
    std::string detail;
};

struct DuplicateScore
{
    int score = 0;                          // 0..100
    std::vector<DuplicateEvidence> reasons; // strongest first; empty when score == 0
};

// "Pérez Gómez Asesores, S.L." → "perez gomez asesores"; "PEREZ GOMEZ ASESORES SL" → same.
// foldForSearch, then the legal-form words and abbreviations (es, pt, en, fr, de, it: S.L.,
// S.A.U., Lda, Unipessoal, LLC, GmbH, SARL, "Sociedad Limitada"…, also spelled as dotted
// letters, "s l" once folded) and the connectors (y, e, and, de, del, da, do, dos, das, la, el,
// the; also los, las, et, und) are dropped wherever they stand as whole words. A name made only of
// such words keeps its folded words (so "S.A." stays "s a" rather than nothing).
std::string foldFirmName(std::string_view name);

// One name of a client as matching compares it.
struct FirmName
{
    std::string text;                // foldFirmName, words in the order written
    std::vector<std::string> tokens; // its words, sorted (order does not matter)
};

// Everything matching needs of one client, computed once.
struct MatchKeys
{
    std::int64_t id = 0;
    std::string country;         // upper case, may be empty
    std::string taxId;           // normalizeTaxId(taxId, country); empty when none
    std::string email;           // lower case, trimmed
    std::string emailDomain;     // the e-mail's domain unless a free-mail one; else empty
    std::string phone;           // the last 9 digits; empty when fewer than 7 digits
    std::string address;         // "calle mayor 3, 28001": folded street and postal code, or ""
    std::vector<FirmName> names; // legal name, then trade name when it folds differently
    std::string city;            // folded
    // The legal name carries a legal form (S.L., Lda., GmbH…): a registered name, unique in
    // its country's registry, so a different city or phone does not make it another firm.
    bool legalForm = false;
};
MatchKeys matchKeys(const Client& client);

// True for the domains of free and ISP mailboxes (gmail.com, hotmail.es, yahoo.com.br,
// sapo.pt, telefonica.net…): sharing one says nothing about two clients.
bool isFreeMailDomain(std::string_view domain);

// Name similarity in 0..1 of two folded names (FirmName::tokens): 1 for the same words in any
// order; words differing by a small typo (Damerau-Levenshtein ≤ 1 for words of 4+ letters,
// ≤ 2 for 8+) count 0.9 / 0.7; a name that is the other plus more words stays below 0.75; a
// whole differing word (not a typo) halves the result.
double nameSimilarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

// The evidence that a and b are the same firm or person. A name alone (nothing else shared)
// stays below the default threshold when the two clients' cities or phones differ, unless both
// names are registered ones (legalForm): "Bar Central" in Madrid and in Sevilla are two bars.
// Names written with the words run together or apart ("Green Leaf" / "Greenleaf") are the same
// name.
DuplicateScore scoreDuplicate(const MatchKeys& a, const MatchKeys& b);

struct DuplicatePair
{
    std::int64_t a = 0, b = 0; // client ids, a < b
    DuplicateScore score;
};

// Candidates among many clients without comparing all pairs: blocking by keys.
//
// Keys: the normalised tax ID, the e-mail, the phone and the address (exact); and per name
// the "deletion neighbourhood" of each word with the other words kept exact (so two names of
// the same words, or with one word differing by one edit, share a key). What pairs() may miss
// compared with scoring every pair:
//  - pairs whose evidence is only similar names (and an e-mail domain) that differ in two or
//    more words (each by a typo) or by a two-edit typo in one word, and share no tax ID,
//    e-mail, phone or address;
//  - pairs whose only shared key is an exact key held by more than kMaxExactBlock clients
//    (a placeholder phone, "no@tiene.es"): such a key says little and would cost quadratic
//    time;
//  - clients of two similar (not equal) names when more than kMaxNameBlock distinct names
//    share their name key (never seen: a key holds the names equal but for one word's typo).
//    Clients of one name (the same words) are always compared, pair by pair;
//  - pairs whose names differ in their number of words (similarity below 0.75) and that share
//    no other key: their name evidence is at most 45 points, below the default threshold.
// The unit test compares pairs() with scoring every pair of 1,500 generated clients: equal.
// matchesFor() looks up the same keys (exact keys held by up to 20 × kMaxExactBlock clients).
// Not thread-safe for add() concurrent with anything; const members may run concurrently.
class DuplicateIndex
{
public:
    static constexpr std::size_t kMaxExactBlock = 200;
    static constexpr std::size_t kMaxNameBlock = 1000;

    DuplicateIndex();
    ~DuplicateIndex();
    DuplicateIndex(DuplicateIndex&&) noexcept;
    DuplicateIndex& operator=(DuplicateIndex&&) noexcept;
    DuplicateIndex(const DuplicateIndex&) = delete;
    DuplicateIndex& operator=(const DuplicateIndex&) = delete;

    void add(const Client& client); // the caller adds active clients only
    std::size_t size() const;
    // Every pair scoring >= minScore, best first (ties by a, b).
    std::vector<DuplicatePair> pairs(int minScore) const;
    // The indexed clients that look like `draft` (an unsaved client being typed: id 0, or an
    // existing one whose own id is skipped), best first, at most `limit`. Each pair has the
    // smaller id in a: for a draft of id 0, a is 0 and b the indexed client.
    std::vector<DuplicatePair> matchesFor(const Client& draft, int minScore,
                                          std::size_t limit) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct DuplicateGroup
{
    std::vector<std::int64_t> clientIds; // ascending
    std::vector<DuplicatePair> pairs;    // the pairs that joined them, best first
    int score = 0;                       // the best pair's score
};
// Connected components of the pairs (union-find), best group first (score, then smallest id).
std::vector<DuplicateGroup> groupPairs(std::vector<DuplicatePair> pairs);

inline constexpr int kDefaultDuplicateScore = 60; // the threshold the UI starts with

} // namespace clientes
