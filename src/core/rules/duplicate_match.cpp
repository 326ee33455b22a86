#include "core/rules/duplicate_match.hpp"

#include "core/rules/validation.hpp"
#include "core/text/text_fold.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <mutex>
#include <numeric>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace clientes
{

namespace
{

// ---------------------------------------------------------------- weights

constexpr int kTaxIdPoints = 95;
constexpr int kEmailPoints = 70;
constexpr int kDomainAndNamePoints = 55;
constexpr int kPhonePoints = 45;
constexpr int kAddressPoints = 35;
constexpr int kSameNamePoints = 75;       // the same words (2 or more)
constexpr int kNameElsewhereCap = 50;     // a name alone, another city or phone
constexpr int kSameSingleWordPoints = 70; // one word of 5+ letters
constexpr int kShortSingleWordPoints = 40;
constexpr int kSingleWordTypoPoints = 35;
constexpr int kDifferentTaxIdCap = 25;
constexpr double kSimilarNames = 0.75; // the similarity from which names count as similar
constexpr double kRelatedNames = 0.60; // weaker evidence (one name is the other plus words)
constexpr double kOtherCountryFactor = 0.6;
// Two clients whose names are clearly different (a whole differing word): a shared phone or
// address is then the household's or the building's rather than the client's.
constexpr double kDifferentNameFactor = 0.7;

// ---------------------------------------------------------------- words

std::vector<std::string_view> splitWords(std::string_view text)
{
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < text.size())
    {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string joinWords(const std::vector<std::string_view>& words)
{
    std::string out;
    for (std::string_view word : words)
    {
        if (!out.empty())
            out += ' ';
        out += word;
    }
    return out;
}

const std::unordered_set<std::string_view>& connectors()
{
    static const std::unordered_set<std::string_view> words = {
        "y",   "e",  "and", "de",  "del", "da",  "do", "dos",
        "das", "la", "el",  "los", "las", "the", "et", "und"};
    return words;
}

// Legal forms as one folded word, and the letters of dotted forms run together ("s l" → "sl").
const std::unordered_set<std::string_view>& legalForms()
{
    static const std::unordered_set<std::string_view> words = {
        // es
        "sl", "slu", "sa", "sau", "sll", "slne", "slp", "sal", "sad", "scoop", "coop", "cb", "sc",
        "scp", "aie", "sccl", "cia", "sat",
        // pt, br
        "lda", "ltda", "limitada", "unipessoal", "me", "eireli", "epp", "sgps", "crl",
        // en
        "llc", "inc", "incorporated", "ltd", "limited", "corp", "corporation", "co", "plc", "llp",
        "lp",
        // fr
        "sarl", "sas", "sasu", "eurl", "snc", "sci",
        // de, nl, nordic
        "gmbh", "ag", "kg", "ohg", "ug", "gbr", "kgaa", "bv", "nv", "vof", "oy", "ab",
        // it
        "srl", "srls", "spa", "sapa"};
    return words;
}

// Legal forms of several words (after the connectors are dropped).
const std::vector<std::vector<std::string_view>>& legalPhrases()
{
    static const std::vector<std::vector<std::string_view>> phrases = {
        {"sociedad", "limitada", "nueva", "empresa"},
        {"sociedad", "responsabilidad", "limitada"},
        {"sociedade", "responsabilidade", "limitada"},
        {"sociedad", "limitada", "unipersonal"},
        {"sociedad", "anonima", "unipersonal"},
        {"sociedad", "limitada", "laboral"},
        {"sociedad", "anonima", "laboral"},
        {"sociedad", "limitada", "profesional"},
        {"limited", "liability", "company"},
        {"public", "limited", "company"},
        {"sociedad", "limitada"},
        {"sociedad", "anonima"},
        {"sociedade", "anonima"},
        {"sociedade", "limitada"},
        {"sociedade", "unipessoal"},
        {"sociedad", "cooperativa"},
        {"sociedade", "cooperativa"},
        {"sociedad", "civil"},
        {"comunidad", "bienes"},
        {"societe", "anonyme"},
        {"societa", "responsabilita", "limitata"},
        {"s", "coop"},
        {"soc", "coop"},
        {"sdad", "coop"}};
    return phrases;
}

int boundedDistance(std::string_view a, std::string_view b, int max);

// A legal-form word as written, or with one typo when it is long ("Sociedad Coperativa",
// "Unipesoal"): a typo there must not make the form a word of the name.
bool isFormWord(std::string_view word, std::string_view form)
{
    if (word == form)
        return true;
    return form.size() >= 6 && word.size() >= 5 && boundedDistance(word, form, 1) <= 1;
}

bool isLegalForm(std::string_view word)
{
    if (legalForms().contains(word))
        return true;
    if (word.size() < 5)
        return false;
    static constexpr std::array<std::string_view, 6> kLong = {
        "unipessoal", "limitada", "eireli", "incorporated", "limited", "corporation"};
    return std::any_of(kLong.begin(), kLong.end(),
                       [&](std::string_view form) { return isFormWord(word, form); });
}

std::vector<std::string_view> firmWords(std::string_view folded)
{
    std::vector<std::string_view> words;
    for (std::string_view word : splitWords(folded))
        if (!connectors().contains(word))
            words.push_back(word);
    const auto& forms = legalForms();
    const auto& phrases = legalPhrases();
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < words.size())
    {
        bool phrase = false;
        for (const auto& candidate : phrases)
            if (i + candidate.size() <= words.size() &&
                std::equal(candidate.begin(), candidate.end(), words.begin() + i,
                           [](std::string_view form, std::string_view word)
                           { return isFormWord(word, form); }))
            {
                i += candidate.size();
                phrase = true;
                break;
            }
        if (phrase)
            continue;
        if (isLegalForm(words[i]))
        {
            ++i;
            continue;
        }
        if (words[i].size() == 1)
        {
            // A run of single letters: "s l" (S.L.), "a b c s a" (A.B.C., S.A.).
            std::size_t end = i;
            while (end < words.size() && words[end].size() == 1)
                ++end;
            std::size_t keep = end;
            for (std::size_t k = std::min<std::size_t>(end - i, 5); k >= 2; --k)
            {
                std::string letters;
                for (std::size_t j = end - k; j < end; ++j)
                    letters += words[j];
                if (forms.contains(letters))
                {
                    keep = end - k;
                    break;
                }
            }
            for (std::size_t j = i; j < keep; ++j)
                out.push_back(words[j]);
            i = end;
            continue;
        }
        out.push_back(words[i]);
        ++i;
    }
    if (!out.empty())
        return out;
    if (!words.empty())
        return words;
    return splitWords(folded);
}

// ---------------------------------------------------------------- typos

// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), or
// max + 1 when it exceeds max.
int boundedDistance(std::string_view a, std::string_view b, int max)
{
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    if (std::abs(n - m) > max)
        return max + 1;
    // Three rows; on the stack for words of up to 63 bytes (all real ones).
    constexpr int kStack = 64;
    std::array<int, 3 * kStack> stack;
    std::vector<int> heap;
    int* rows = stack.data();
    if (m + 1 > kStack)
    {
        heap.resize(3 * static_cast<std::size_t>(m + 1));
        rows = heap.data();
    }
    int* prev2 = rows;
    int* prev = rows + (m + 1);
    int* cur = rows + 2 * (m + 1);
    for (int j = 0; j <= m; ++j)
        prev[j] = j;
    for (int i = 1; i <= n; ++i)
    {
        cur[0] = i;
        int rowMin = cur[0];
        const char ai = a[static_cast<std::size_t>(i - 1)];
        for (int j = 1; j <= m; ++j)
        {
            const char bj = b[static_cast<std::size_t>(j - 1)];
            int value = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai == bj ? 0 : 1)});
            if (i > 1 && j > 1 && ai == b[static_cast<std::size_t>(j - 2)] &&
                a[static_cast<std::size_t>(i - 2)] == bj)
                value = std::min(value, prev2[j - 2] + 1);
            cur[j] = value;
            rowMin = std::min(rowMin, value);
        }
        if (rowMin > max)
            return max + 1;
        int* oldest = prev2;
        prev2 = prev;
        prev = cur;
        cur = oldest;
    }
    return std::min(prev[m], max + 1);
}

// Edits allowed between two words for a typo: none under 4 letters, 1 from 4, 2 from 8.
int typoAllowance(std::string_view a, std::string_view b)
{
    const std::size_t shorter = std::min(a.size(), b.size());
    return shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
}

// ---------------------------------------------------------------- keys of one client

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string phoneKey(std::string_view phone)
{
    std::string digits;
    for (char c : phone)
        if (c >= '0' && c <= '9')
            digits += c;
    if (digits.size() < 7)
        return {};
    return digits.size() > 9 ? digits.substr(digits.size() - 9) : digits;
}

const std::unordered_map<std::string_view, std::string_view>& streetWords()
{
    static const std::unordered_map<std::string_view, std::string_view> words = {
        {"c", "calle"},
        {"cl", "calle"},
        {"cll", "calle"},
        {"av", "avenida"},
        {"avd", "avenida"},
        {"avda", "avenida"},
        {"pza", "plaza"},
        {"pl", "plaza"},
        {"pz", "plaza"},
        {"pta", "plaza"},
        {"po", "paseo"},
        {"pso", "paseo"},
        {"ctra", "carretera"},
        {"cra", "carretera"},
        {"r", "rua"},
        {"tv", "travessa"},
        {"trav", "travessa"},
        {"lg", "largo"},
        {"pc", "praca"},
        {"pca", "praca"},
        {"cm", "camino"},
        {"cno", "camino"},
        {"rda", "ronda"},
        {"n", ""},
        {"no", ""},
        {"num", ""},
        {"numero", ""},
        {"nr", ""},
        {"o", ""}};
    return words;
}

std::string addressKey(std::string_view street, std::string_view postalCode)
{
    std::string code;
    for (char c : foldForSearch(postalCode))
        if (c != ' ')
            code += c;
    const std::string folded = foldForSearch(street);
    std::string out;
    std::string plain;
    for (std::string_view raw : splitWords(folded))
    {
        // Ordinal indicators stay letters when folded: "nº 3", "3º", "1ª".
        plain.clear();
        for (std::size_t i = 0; i < raw.size(); ++i)
            if (raw[i] == '\xC2' && i + 1 < raw.size() &&
                (raw[i + 1] == '\xBA' || raw[i + 1] == '\xAA'))
                ++i;
            else
                plain += raw[i];
        if (plain.empty() || connectors().contains(plain))
            continue;
        std::string_view word = plain;
        if (auto found = streetWords().find(word); found != streetWords().end())
            word = found->second;
        if (word.empty())
            continue;
        if (!out.empty())
            out += ' ';
        out += word;
    }
    if (out.empty() || code.empty())
        return {};
    return out + ", " + code;
}

FirmName firmName(std::string_view name)
{
    FirmName out;
    const std::string folded = foldForSearch(name);
    const std::vector<std::string_view> words = firmWords(folded);
    out.text = joinWords(words);
    out.tokens.assign(words.begin(), words.end());
    std::sort(out.tokens.begin(), out.tokens.end());
    return out;
}

// The name's words in written order run together: "green leaf" and "greenleaf" alike.
std::string squashedName(const FirmName& name)
{
    std::string squashed;
    for (char c : name.text)
        if (c != ' ')
            squashed += c;
    return squashed;
}

// ---------------------------------------------------------------- names compared

struct NameMatch
{
    int points = 0;
    double similarity = 0;
    std::string detail;
};

int namePoints(const FirmName& a, const FirmName& b, double similarity)
{
    if (a.tokens.empty() || b.tokens.empty())
        return 0;
    if (a.tokens == b.tokens)
    {
        if (a.tokens.size() > 1)
            return kSameNamePoints;
        return a.tokens.front().size() >= 5 ? kSameSingleWordPoints : kShortSingleWordPoints;
    }
    if (a.tokens.size() == 1 && b.tokens.size() == 1)
        return similarity >= kSimilarNames ? kSingleWordTypoPoints : 0;
    if (similarity >= kSimilarNames)
        return static_cast<int>(std::lround(50 + (similarity - kSimilarNames) * 80));
    if (similarity >= kRelatedNames)
        return static_cast<int>(std::lround(30 + (similarity - kRelatedNames) * 100));
    return 0;
}

NameMatch compareNames(const MatchKeys& a, const MatchKeys& b)
{
    NameMatch best;
    for (const FirmName& x : a.names)
        for (const FirmName& y : b.names)
        {
            double similarity = nameSimilarity(x.tokens, y.tokens);
            int points = namePoints(x, y, similarity);
            if (x.tokens != y.tokens && squashedName(x).size() >= 8 &&
                squashedName(x) == squashedName(y))
            {
                similarity = 1.0;
                points = kSameNamePoints;
            }
            if (points > best.points || (points == best.points && similarity > best.similarity))
            {
                best.points = points;
                best.similarity = similarity;
                best.detail = x.text == y.text ? x.text : x.text + " / " + y.text;
            }
        }
    return best;
}

// ---------------------------------------------------------------- hashing for the index

std::uint64_t mix(std::uint64_t x)
{
    // splitmix64's finaliser
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

std::uint64_t hashText(std::string_view text)
{
    // FNV-1a, then mixed
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char c : text)
    {
        h ^= c;
        h *= 0x100000001B3ULL;
    }
    return mix(h);
}

enum class ExactKey : std::uint64_t
{
    TaxId = 1,
    Email,
    Phone,
    Address,
    SquashedName
};

std::uint64_t exactKey(ExactKey kind, std::string_view value)
{
    return mix(hashText(value) + static_cast<std::uint64_t>(kind) * 0x632BE59BD9B4E019ULL);
}

void exactKeys(const MatchKeys& keys, const std::function<void(std::uint64_t)>& emit)
{
    if (!keys.taxId.empty())
        emit(exactKey(ExactKey::TaxId, keys.taxId));
    if (!keys.email.empty())
        emit(exactKey(ExactKey::Email, keys.email));
    if (!keys.phone.empty())
        emit(exactKey(ExactKey::Phone, keys.phone));
    if (!keys.address.empty())
        emit(exactKey(ExactKey::Address, keys.address));
    for (const FirmName& name : keys.names)
        if (const std::string squashed = squashedName(name); squashed.size() >= 8)
            emit(exactKey(ExactKey::SquashedName, squashed));
}

// The keys of a name: per word, the other words exactly and the word or the word with one
// letter deleted (for words of 4+ letters). Two names of the same number of words, equal but
// for one word that differs by one edit (substitution, insertion, deletion, transposition),
// share at least one key.
void nameKeys(const std::vector<std::string>& tokens, std::vector<std::uint64_t>& out)
{
    out.clear();
    const std::size_t n = tokens.size();
    std::vector<std::uint64_t> hashes(n);
    std::uint64_t all = 0;
    for (std::size_t i = 0; i < n; ++i)
    {
        hashes[i] = mix(hashText(tokens[i]) ^ 0x51ED270B27A3D1F5ULL);
        all += hashes[i];
    }
    std::string variant;
    for (std::size_t i = 0; i < n; ++i)
    {
        if (i > 0 && tokens[i] == tokens[i - 1])
            continue;
        const std::uint64_t base = mix((all - hashes[i]) ^ (n * 0x2545F4914F6CDD1DULL));
        const std::string& word = tokens[i];
        out.push_back(mix(base + hashText(word)));
        if (word.size() >= 4)
            for (std::size_t k = 0; k < word.size(); ++k)
            {
                if (k > 0 && word[k] == word[k - 1])
                    continue; // the same variant as deleting the letter before
                variant.assign(word, 0, k);
                variant.append(word, k + 1, std::string::npos);
                out.push_back(mix(base + hashText(variant)));
            }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::string groupKey(const std::vector<std::string>& tokens)
{
    std::string key;
    for (const std::string& token : tokens)
    {
        key += token;
        key += ' ';
    }
    return key;
}

bool differentTaxIds(const MatchKeys& a, const MatchKeys& b)
{
    return !a.taxId.empty() && !b.taxId.empty() && a.taxId != b.taxId;
}

bool betterPair(const DuplicatePair& x, const DuplicatePair& y)
{
    if (x.score.score != y.score.score)
        return x.score.score > y.score.score;
    if (x.a != y.a)
        return x.a < y.a;
    return x.b < y.b;
}

using KeyEntry = std::pair<std::uint64_t, std::uint32_t>;

} // namespace

// ---------------------------------------------------------------- public functions

std::string_view duplicateReasonName(DuplicateReason reason)
{
    switch (reason)
    {
    case DuplicateReason::SameTaxId:
        return "sameTaxId";
    case DuplicateReason::SameEmail:
        return "sameEmail";
    case DuplicateReason::EmailDomainAndName:
        return "emailDomainAndName";
    case DuplicateReason::SamePhone:
        return "samePhone";
    case DuplicateReason::SimilarName:
        return "similarName";
    case DuplicateReason::SameAddress:
        return "sameAddress";
    }
    return "";
}

std::string foldFirmName(std::string_view name)
{
    const std::string folded = foldForSearch(name);
    return joinWords(firmWords(folded));
}

bool isFreeMailDomain(std::string_view domain)
{
    static const std::unordered_set<std::string_view> exact = {
        "me.com",       "mac.com",      "proton.me",      "pm.me",          "hey.com",
        "mail.ru",      "mail.com",     "inbox.ru",       "list.ru",        "bk.ru",
        "sapo.pt",      "terra.es",     "terra.com.br",   "telefonica.net", "movistar.es",
        "orange.es",    "vodafone.es",  "ono.com",        "jazztel.es",     "euskaltel.net",
        "telecable.es", "wanadoo.es",   "wanadoo.fr",     "netcabo.pt",     "clix.pt",
        "iol.pt",       "meo.pt",       "vodafone.pt",    "nos.pt",         "telepac.pt",
        "free.fr",      "laposte.net",  "sfr.fr",         "web.de",         "t-online.de",
        "libero.it",    "virgilio.it",  "tiscali.it",     "btinternet.com", "comcast.net",
        "qq.com",       "163.com",      "126.com",        "uol.com.br",     "bol.com.br",
        "ig.com.br",    "fastmail.com", "tutanota.com",   "tuta.io",        "mailinator.com",
        "hushmail.com", "lycos.com",    "rediffmail.com", "naver.com",      "daum.net"};
    // Families with a domain per country: gmail.com, hotmail.es, yahoo.com.br, outlook.pt…
    static const std::unordered_set<std::string_view> families = {
        "gmail", "googlemail", "hotmail", "outlook",     "live", "msn",        "yahoo",
        "ymail", "rocketmail", "icloud",  "aol",         "gmx",  "protonmail", "yandex",
        "zoho",  "zohomail",   "orange",  "windowslive", "mail"};
    const std::string lower = lowerAscii(trimmed(domain));
    if (exact.contains(lower))
        return true;
    const std::size_t dot = lower.find('.');
    if (dot == std::string::npos || dot == 0)
        return false;
    if (!families.contains(std::string_view(lower).substr(0, dot)))
        return false;
    // The rest must look like a public suffix: "com", "es", "com.br", "co.uk".
    std::string_view rest = std::string_view(lower).substr(dot + 1);
    std::size_t labels = 0;
    while (!rest.empty())
    {
        const std::size_t next = rest.find('.');
        const std::string_view label = rest.substr(0, next);
        if (label.empty() || label.size() > 3)
            return false;
        ++labels;
        if (next == std::string_view::npos)
            break;
        rest.remove_prefix(next + 1);
    }
    return labels >= 1 && labels <= 2;
}

MatchKeys matchKeys(const Client& client)
{
    MatchKeys keys;
    keys.id = client.id;
    for (char c : trimmed(client.country))
        keys.country += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    keys.taxId = normalizeTaxId(client.taxId, keys.country);
    keys.email = lowerAscii(trimmed(client.email));
    if (const std::size_t at = keys.email.rfind('@'); at != std::string::npos)
    {
        std::string domain = keys.email.substr(at + 1);
        if (!domain.empty() && domain.find('.') != std::string::npos && !isFreeMailDomain(domain))
            keys.emailDomain = std::move(domain);
    }
    else
    {
        keys.email.clear(); // not an address
    }
    keys.phone = phoneKey(client.phone);
    keys.address = addressKey(client.street, client.postalCode);
    keys.city = foldForSearch(client.city);
    {
        const std::string folded = foldForSearch(client.legalName);
        std::size_t words = 0;
        for (std::string_view word : splitWords(folded))
            words += connectors().contains(word) ? 0 : 1;
        keys.legalForm = firmWords(folded).size() < words;
    }
    for (const std::string* name : {&client.legalName, &client.tradeName})
    {
        FirmName folded = firmName(*name);
        if (folded.tokens.empty())
            continue;
        if (std::any_of(keys.names.begin(), keys.names.end(),
                        [&](const FirmName& other) { return other.tokens == folded.tokens; }))
            continue;
        keys.names.push_back(std::move(folded));
    }
    return keys;
}

double nameSimilarity(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    if (a.empty() || b.empty())
        return 0;
    // Exact words first (both sorted: a merge), then typos among the rest.
    std::vector<std::string_view> restA, restB;
    std::size_t i = 0, j = 0, exact = 0;
    while (i < a.size() && j < b.size())
    {
        if (a[i] == b[j])
        {
            ++exact;
            ++i;
            ++j;
        }
        else if (a[i] < b[j])
            restA.push_back(a[i++]);
        else
            restB.push_back(b[j++]);
    }
    for (; i < a.size(); ++i)
        restA.push_back(a[i]);
    for (; j < b.size(); ++j)
        restB.push_back(b[j]);
    double credit = static_cast<double>(exact);
    std::size_t matched = exact;
    std::vector<bool> used(restB.size(), false);
    for (std::string_view x : restA)
    {
        int bestDistance = std::numeric_limits<int>::max();
        std::size_t best = restB.size();
        for (std::size_t k = 0; k < restB.size(); ++k)
        {
            if (used[k])
                continue;
            const int allowed = typoAllowance(x, restB[k]);
            if (allowed == 0)
                continue;
            const int distance = boundedDistance(x, restB[k], allowed);
            if (distance <= allowed && distance < bestDistance)
            {
                bestDistance = distance;
                best = k;
            }
        }
        if (best < restB.size())
        {
            used[best] = true;
            ++matched;
            credit += bestDistance <= 1 ? 0.9 : 0.7;
        }
    }
    const std::size_t longer = std::max(a.size(), b.size());
    const std::size_t shorter = std::min(a.size(), b.size());
    if (matched == a.size() && matched == b.size())
        return credit / static_cast<double>(longer);
    if (matched == shorter)
        return std::min(0.74, 0.9 * credit / static_cast<double>(longer));
    return 0.5 * credit / static_cast<double>(longer);
}

DuplicateScore scoreDuplicate(const MatchKeys& a, const MatchKeys& b)
{
    DuplicateScore result;
    const NameMatch names = compareNames(a, b);
    const bool namesDiffer =
        !a.names.empty() && !b.names.empty() && names.similarity < kRelatedNames;
    const bool sameTaxId = !a.taxId.empty() && a.taxId == b.taxId;
    const bool sameEmail = !a.email.empty() && a.email == b.email;
    if (sameTaxId)
        result.reasons.push_back({DuplicateReason::SameTaxId, kTaxIdPoints, a.taxId});
    if (sameEmail)
        result.reasons.push_back({DuplicateReason::SameEmail, kEmailPoints, a.email});
    else if (!a.emailDomain.empty() && a.emailDomain == b.emailDomain &&
             names.similarity >= kSimilarNames)
        result.reasons.push_back(
            {DuplicateReason::EmailDomainAndName, kDomainAndNamePoints, a.emailDomain});
    // A household or a shared office is not the client: with clearly different names, a
    // shared phone or address weighs less (unless a tax ID or e-mail says the same).
    const double weaker = namesDiffer && !sameTaxId && !sameEmail ? kDifferentNameFactor : 1.0;
    if (!a.phone.empty() && a.phone == b.phone)
        result.reasons.push_back({DuplicateReason::SamePhone,
                                  static_cast<int>(std::lround(kPhonePoints * weaker)), a.phone});
    if (names.points > 0)
    {
        int points = names.points;
        if (!a.country.empty() && !b.country.empty() && a.country != b.country)
            points = static_cast<int>(std::lround(points * kOtherCountryFactor));
        result.reasons.push_back({DuplicateReason::SimilarName, points, names.detail});
    }
    if (!a.address.empty() && a.address == b.address)
        result.reasons.push_back({DuplicateReason::SameAddress,
                                  static_cast<int>(std::lround(kAddressPoints * weaker)),
                                  a.address});
    if (result.reasons.empty())
        return result;
    std::stable_sort(result.reasons.begin(), result.reasons.end(),
                     [](const DuplicateEvidence& x, const DuplicateEvidence& y)
                     { return x.points > y.points; });
    double missing = 1.0;
    for (const DuplicateEvidence& evidence : result.reasons)
        missing *= 1.0 - evidence.points / 100.0;
    int score = static_cast<int>(std::lround(100.0 * (1.0 - missing)));
    // Two tax IDs that differ are two legal entities, however alike the rest.
    if (differentTaxIds(a, b))
        score = std::min(score, kDifferentTaxIdCap);
    // A name alone, in another city or with another phone: a common name, not the client
    // (unless both are registered names, unique in their registry).
    const bool nameOnly =
        result.reasons.size() == 1 && result.reasons.front().reason == DuplicateReason::SimilarName;
    const bool elsewhere = (!a.city.empty() && !b.city.empty() && a.city != b.city) ||
                           (!a.phone.empty() && !b.phone.empty() && a.phone != b.phone);
    if (nameOnly && elsewhere && !(a.legalForm && b.legalForm))
        score = std::min(score, kNameElsewhereCap);
    result.score = std::clamp(score, 0, 100);
    if (result.score == 0)
        result.reasons.clear();
    return result;
}

// ---------------------------------------------------------------- the index

struct DuplicateIndex::Impl
{
    static constexpr std::uint32_t kNoName = std::numeric_limits<std::uint32_t>::max();
    // Identical names (the same words) are one group: a name's keys are computed once and two
    // clients of one group are candidates without any key.

    std::vector<MatchKeys> clients;
    std::unordered_map<std::string, std::uint32_t> groupIds;
    std::vector<std::vector<std::string>> groupTokens;
    std::vector<std::vector<std::uint32_t>> groupMembers;
    mutable std::vector<KeyEntry> exactTable; // (key, client), sorted when !dirty
    mutable std::vector<KeyEntry> nameTable;  // (key, name group), sorted when !dirty
    std::vector<std::uint64_t> scratch;

    mutable std::mutex mutex;
    mutable bool dirty = false;

    void ensureSorted() const
    {
        std::lock_guard lock(mutex);
        if (!dirty)
            return;
        std::sort(exactTable.begin(), exactTable.end());
        std::sort(nameTable.begin(), nameTable.end());
        dirty = false;
    }

    void add(MatchKeys keys)
    {
        const auto index = static_cast<std::uint32_t>(clients.size());
        exactKeys(keys, [&](std::uint64_t key) { exactTable.emplace_back(key, index); });
        for (const FirmName& name : keys.names)
        {
            auto [found, inserted] = groupIds.try_emplace(
                groupKey(name.tokens), static_cast<std::uint32_t>(groupTokens.size()));
            const std::uint32_t group = found->second;
            if (inserted)
            {
                groupTokens.push_back(name.tokens);
                groupMembers.emplace_back();
                nameKeys(name.tokens, scratch);
                for (std::uint64_t key : scratch)
                    nameTable.emplace_back(key, group);
            }
            auto& members = groupMembers[group];
            if (members.empty() || members.back() != index)
                members.push_back(index);
        }
        clients.push_back(std::move(keys));
        dirty = true;
    }

    // Scores a candidate pair; false when it cannot reach minScore.
    bool score(const MatchKeys& a, const MatchKeys& b, int minScore, DuplicatePair& out) const
    {
        if (minScore > kDifferentTaxIdCap && differentTaxIds(a, b))
            return false;
        DuplicateScore scored = scoreDuplicate(a, b);
        if (scored.score < minScore || scored.score == 0)
            return false;
        out.a = std::min(a.id, b.id);
        out.b = std::max(a.id, b.id);
        out.score = std::move(scored);
        return true;
    }

    template <typename Visit>
    static void forEachRun(const std::vector<KeyEntry>& table, Visit visit)
    {
        std::size_t start = 0;
        while (start < table.size())
        {
            std::size_t end = start + 1;
            while (end < table.size() && table[end].first == table[start].first)
                ++end;
            if (end - start > 1)
                visit(start, end);
            start = end;
        }
    }
};

DuplicateIndex::DuplicateIndex() : impl_(std::make_unique<Impl>()) {}
DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;
DuplicateIndex& DuplicateIndex::operator=(DuplicateIndex&&) noexcept = default;

void DuplicateIndex::add(const Client& client)
{
    impl_->add(matchKeys(client));
}

std::size_t DuplicateIndex::size() const
{
    return impl_->clients.size();
}

std::vector<DuplicatePair> DuplicateIndex::pairs(int minScore) const
{
    const Impl& impl = *impl_;
    impl.ensureSorted();
    std::vector<DuplicatePair> found;
    DuplicatePair pair;
    const auto consider = [&](std::uint32_t x, std::uint32_t y)
    {
        if (x != y && impl.score(impl.clients[x], impl.clients[y], minScore, pair))
            found.push_back(std::move(pair));
    };
    // Exact keys: tax ID, e-mail, phone, address.
    Impl::forEachRun(impl.exactTable,
                     [&](std::size_t start, std::size_t end)
                     {
                         if (end - start > kMaxExactBlock)
                             return;
                         for (std::size_t i = start; i < end; ++i)
                             for (std::size_t j = i + 1; j < end; ++j)
                                 consider(impl.exactTable[i].second, impl.exactTable[j].second);
                     });
    // Names: clients of one group, then of two groups sharing a key whose names are similar.
    for (const auto& members : impl.groupMembers)
        for (std::size_t i = 0; i < members.size(); ++i)
            for (std::size_t j = i + 1; j < members.size(); ++j)
                consider(members[i], members[j]);
    std::vector<std::uint64_t> groupPairs;
    Impl::forEachRun(impl.nameTable,
                     [&](std::size_t start, std::size_t end)
                     {
                         if (end - start > kMaxNameBlock)
                             return;
                         for (std::size_t i = start; i < end; ++i)
                             for (std::size_t j = i + 1; j < end; ++j)
                             {
                                 std::uint64_t g = impl.nameTable[i].second;
                                 std::uint64_t h = impl.nameTable[j].second;
                                 if (g == h)
                                     continue;
                                 if (g > h)
                                     std::swap(g, h);
                                 groupPairs.push_back(g << 32 | h);
                             }
                     });
    std::sort(groupPairs.begin(), groupPairs.end());
    groupPairs.erase(std::unique(groupPairs.begin(), groupPairs.end()), groupPairs.end());
    for (std::uint64_t both : groupPairs)
    {
        const auto g = static_cast<std::uint32_t>(both >> 32);
        const auto h = static_cast<std::uint32_t>(both & 0xFFFFFFFFULL);
        if (nameSimilarity(impl.groupTokens[g], impl.groupTokens[h]) < kSimilarNames)
            continue;
        for (std::uint32_t x : impl.groupMembers[g])
            for (std::uint32_t y : impl.groupMembers[h])
                consider(x, y);
    }
    // A pair found through several keys once.
    std::sort(found.begin(), found.end(),
              [](const DuplicatePair& x, const DuplicatePair& y)
              { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const DuplicatePair& x, const DuplicatePair& y)
                            { return x.a == y.a && x.b == y.b; }),
                found.end());
    std::sort(found.begin(), found.end(), betterPair);
    return found;
}

std::vector<DuplicatePair> DuplicateIndex::matchesFor(const Client& draft, int minScore,
                                                      std::size_t limit) const
{
    const Impl& impl = *impl_;
    impl.ensureSorted();
    const MatchKeys keys = matchKeys(draft);
    std::vector<std::uint32_t> candidates;
    const auto lookup = [](const std::vector<KeyEntry>& table, std::uint64_t key)
    {
        return std::equal_range(table.begin(), table.end(), KeyEntry{key, 0},
                                [](const KeyEntry& x, const KeyEntry& y)
                                { return x.first < y.first; });
    };
    exactKeys(keys,
              [&](std::uint64_t key)
              {
                  auto [from, to] = lookup(impl.exactTable, key);
                  // A key that thousands share says little and would cost their scoring.
                  if (static_cast<std::size_t>(to - from) > 20 * kMaxExactBlock)
                      return;
                  for (auto it = from; it != to; ++it)
                      candidates.push_back(it->second);
              });
    std::vector<std::uint32_t> groups;
    std::vector<std::uint64_t> nameKeyList;
    for (const FirmName& name : keys.names)
    {
        if (auto found = impl.groupIds.find(groupKey(name.tokens)); found != impl.groupIds.end())
            groups.push_back(found->second);
        nameKeys(name.tokens, nameKeyList);
        for (std::uint64_t key : nameKeyList)
        {
            auto [from, to] = lookup(impl.nameTable, key);
            for (auto it = from; it != to; ++it)
                groups.push_back(it->second);
        }
    }
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    for (std::uint32_t group : groups)
    {
        const bool similar = std::any_of(
            keys.names.begin(), keys.names.end(),
            [&](const FirmName& name)
            { return nameSimilarity(name.tokens, impl.groupTokens[group]) >= kSimilarNames; });
        if (!similar)
            continue;
        const auto& members = impl.groupMembers[group];
        candidates.insert(candidates.end(), members.begin(), members.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<DuplicatePair> found;
    DuplicatePair pair;
    for (std::uint32_t candidate : candidates)
    {
        const MatchKeys& other = impl.clients[candidate];
        if (draft.id != 0 && other.id == draft.id)
            continue;
        if (impl.score(keys, other, minScore, pair))
            found.push_back(std::move(pair));
    }
    std::sort(found.begin(), found.end(), betterPair);
    if (found.size() > limit)
        found.resize(limit);
    return found;
}

// ---------------------------------------------------------------- groups

std::vector<DuplicateGroup> groupPairs(std::vector<DuplicatePair> pairs)
{
    std::vector<std::int64_t> ids;
    ids.reserve(pairs.size() * 2);
    for (const DuplicatePair& pair : pairs)
    {
        ids.push_back(pair.a);
        ids.push_back(pair.b);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const auto indexOf = [&](std::int64_t id) {
        return static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
    };
    std::vector<std::size_t> parent(ids.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    const auto root = [&](std::size_t x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    };
    for (const DuplicatePair& pair : pairs)
    {
        const std::size_t x = root(indexOf(pair.a));
        const std::size_t y = root(indexOf(pair.b));
        if (x != y)
            parent[std::max(x, y)] = std::min(x, y); // the smallest id leads
    }
    std::unordered_map<std::size_t, std::size_t> groupOf;
    std::vector<DuplicateGroup> groups;
    for (std::size_t i = 0; i < ids.size(); ++i)
    {
        auto [found, inserted] = groupOf.try_emplace(root(i), groups.size());
        if (inserted)
            groups.emplace_back();
        groups[found->second].clientIds.push_back(ids[i]); // ascending: ids are sorted
    }
    for (DuplicatePair& pair : pairs)
    {
        DuplicateGroup& group = groups[groupOf.at(root(indexOf(pair.a)))];
        group.score = std::max(group.score, pair.score.score);
        group.pairs.push_back(std::move(pair));
    }
    for (DuplicateGroup& group : groups)
        std::sort(group.pairs.begin(), group.pairs.end(), betterPair);
    std::sort(groups.begin(), groups.end(),
              [](const DuplicateGroup& x, const DuplicateGroup& y)
              {
                  if (x.score != y.score)
                      return x.score > y.score;
                  return x.clientIds.front() < y.clientIds.front();
              });
    return groups;
}

} // namespace clientes
