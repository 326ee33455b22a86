#include "core/transfer/import_values.hpp"

#include "core/model/client.hpp"
#include "core/text/text_fold.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace clientes
{
namespace
{

// Folded (foldForSearch) words or phrases and the kind they say.
struct KindWord
{
    std::string_view folded;
    std::string_view kind;
};

constexpr std::array kKindWords = {
    // companies
    KindWord{"company", kKindCompany},
    KindWord{"empresa", kKindCompany},
    KindWord{"sociedad", kKindCompany},
    KindWord{"sociedade", kKindCompany},
    KindWord{"organization", kKindCompany},
    KindWord{"organisation", kKindCompany},
    KindWord{"organizacion", kKindCompany},
    KindWord{"organizacao", kKindCompany},
    KindWord{"business", kKindCompany},
    KindWord{"corporation", kKindCompany},
    KindWord{"partnership", kKindCompany},
    KindWord{"entidad", kKindCompany},
    KindWord{"entidade", kKindCompany},
    KindWord{"persona juridica", kKindCompany},
    KindWord{"pessoa juridica", kKindCompany},
    KindWord{"pessoa coletiva", kKindCompany},
    KindWord{"legal entity", kKindCompany},
    KindWord{"large company", kKindCompany},
    KindWord{"medium company", kKindCompany},
    KindWord{"small company", kKindCompany},
    KindWord{"governmental", kKindCompany},
    KindWord{"administracion publica", kKindCompany},
    // people
    KindWord{"person", kKindPerson},
    KindWord{"persona", kKindPerson},
    KindWord{"pessoa", kKindPerson},
    KindWord{"individual", kKindPerson},
    KindWord{"individuo", kKindPerson},
    KindWord{"particular", kKindPerson},
    KindWord{"private", kKindPerson},
    KindWord{"private individual", kKindPerson},
    KindWord{"persona fisica", kKindPerson},
    KindWord{"pessoa fisica", kKindPerson},
    KindWord{"pessoa singular", kKindPerson},
    KindWord{"autonomo", kKindPerson},
    KindWord{"autonoma", kKindPerson},
    KindWord{"freelancer", kKindPerson},
    KindWord{"self employed", kKindPerson},
    KindWord{"sole trader", kKindPerson},
    KindWord{"natural person", kKindPerson},
};

} // namespace

std::optional<std::string> kindFromText(std::string_view text)
{
    const std::string folded = foldForSearch(text);
    if (folded.empty())
        return std::string();
    for (const KindWord& word : kKindWords)
        if (folded == word.folded)
            return std::string(word.kind);
    return std::nullopt;
}

std::string tagsFromText(std::string_view text)
{
    std::string out;
    std::size_t at = 0;
    while (at < text.size())
    {
        if (text.substr(at, 3) == ":::")
        {
            out += ',';
            at += 3;
        }
        else if (text[at] == ';' || text[at] == '\n' || text[at] == '\r')
        {
            out += ',';
            ++at;
        }
        else
            out += text[at++];
    }
    return joinTags(splitTags(out));
}

} // namespace clientes
