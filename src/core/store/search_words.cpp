// What a client is found by: shared by the stores.

#include "core/store/search_words.hpp"

#include "core/rules/client_codes.hpp"
#include "core/text/ascii.hpp"
#include "core/text/text_fold.hpp"

#include <algorithm>
#include <iterator>

namespace clientes
{

namespace
{

constexpr std::size_t kMaxQueryTerms = 32;

std::string compactAlnum(std::string_view text)
{
    std::string out;
    std::copy_if(text.begin(), text.end(), std::back_inserter(out),
                 [](char c) { return isAsciiAlpha(c) || isAsciiDigit(c); });
    return out;
}

std::string emailWords(std::string_view email)
{
    std::string words = foldForSearch(email);
    const auto lastSpace = words.rfind(' ');
    if (email.find('@') != std::string_view::npos && lastSpace != std::string::npos)
        words.resize(lastSpace);
    return words;
}

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

} // namespace

std::array<std::string, kSearchColumns> searchTexts(const Client& client,
                                                    const std::string& taxIdNorm)
{
    return {foldForSearch(client.legalName), foldForSearch(client.tradeName),
            foldForSearch(client.taxId),     foldForSearch(client.city),
            emailWords(client.email),        foldForSearch(compactAlnum(client.code)),
            searchKeys(client, taxIdNorm)};
}

std::vector<SearchTerm> searchTerms(std::string_view query)
{
    std::vector<SearchTerm> terms;
    std::size_t start = 0;
    while (start < query.size() && terms.size() < kMaxQueryTerms)
    {
        // Split on ASCII blanks here; foldForSearch treats every other separator itself.
        const auto end = query.find_first_of(" \t\r\n", start);
        const std::string_view word = query.substr(start, end - start);
        start = end == std::string_view::npos ? query.size() : end + 1;
        SearchTerm term;
        term.folded = foldForSearch(word);
        if (term.folded.empty())
            continue;
        term.compound = term.folded.find(' ') != std::string::npos;
        term.compact = term.folded;
        term.compact.erase(std::remove(term.compact.begin(), term.compact.end(), ' '),
                           term.compact.end());
        term.identifier =
            term.compound || std::any_of(term.folded.begin(), term.folded.end(), isAsciiDigit);
        terms.push_back(std::move(term));
    }
    return terms;
}

std::string joinedTerms(const std::vector<SearchTerm>& terms)
{
    std::string joined;
    for (const SearchTerm& term : terms)
        joined += (joined.empty() ? "" : " ") + term.folded;
    return joined;
}

std::string compactTerms(const std::vector<SearchTerm>& terms)
{
    std::string compact;
    for (const SearchTerm& term : terms)
        compact += term.compact;
    return compact;
}

} // namespace clientes
