#include "core/transfer/import_mapping.hpp"

#include "core/text/text_fold.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace clientes
{

namespace
{

// How a synonym may be used when it is only part of a header.
enum class Use
{
    ExactOnly, // too ambiguous inside other words: "Código de vendedor", "Estado civil"
    Modifier,  // says whose data it is rather than what: "Cliente", "Empresa"
    Generic,   // "Nombre", "Dirección": used when nothing more specific is found
    Specific   // "Teléfono", "NIF", "Código postal"
};

struct Synonym
{
    std::string_view text; // as people write it; folded at start-up
    Field field;
    Use use;
};

// clang-format off
constexpr Synonym kSynonyms[] = {
    // legal name
    {"Nombre legal", Field::LegalName, Use::Specific},
    {"Razón social", Field::LegalName, Use::Specific},
    {"Nombre fiscal", Field::LegalName, Use::Specific},
    {"Denominación social", Field::LegalName, Use::Specific},
    {"Nombre o razón social", Field::LegalName, Use::Specific},
    {"Nombre y apellidos", Field::LegalName, Use::Specific},
    {"Apellidos y nombre", Field::LegalName, Use::Specific},
    {"Legal name", Field::LegalName, Use::Specific},
    {"Company name", Field::LegalName, Use::Specific},
    {"Business name", Field::LegalName, Use::Specific},
    {"Full name", Field::LegalName, Use::Specific},
    {"Razão social", Field::LegalName, Use::Specific},
    {"Nome legal", Field::LegalName, Use::Specific},
    {"Nome fiscal", Field::LegalName, Use::Specific},
    {"Nome completo", Field::LegalName, Use::Specific},
    {"Denominação social", Field::LegalName, Use::Specific},
    {"Denominação", Field::LegalName, Use::Generic},
    {"Denominación", Field::LegalName, Use::Generic},
    {"Nombre", Field::LegalName, Use::Generic},
    {"Name", Field::LegalName, Use::Generic},
    {"Nome", Field::LegalName, Use::Generic},
    {"Empresa", Field::LegalName, Use::Modifier},
    {"Cliente", Field::LegalName, Use::Modifier},
    {"Client", Field::LegalName, Use::Modifier},
    {"Customer", Field::LegalName, Use::Modifier},
    {"Company", Field::LegalName, Use::Modifier},
    {"Sociedad", Field::LegalName, Use::Modifier},
    {"Titular", Field::LegalName, Use::Modifier},
    // trade name
    {"Nombre comercial", Field::TradeName, Use::Specific},
    {"Denominación comercial", Field::TradeName, Use::Specific},
    {"Nombre de fantasía", Field::TradeName, Use::Specific},
    {"Trade name", Field::TradeName, Use::Specific},
    {"Trading name", Field::TradeName, Use::Specific},
    {"Brand", Field::TradeName, Use::Specific},
    {"Nome comercial", Field::TradeName, Use::Specific},
    {"Nome fantasia", Field::TradeName, Use::Specific},
    {"Marca", Field::TradeName, Use::Specific},
    // tax ID
    {"NIF", Field::TaxId, Use::Specific},
    {"CIF", Field::TaxId, Use::Specific},
    {"NIE", Field::TaxId, Use::Specific},
    {"DNI", Field::TaxId, Use::Specific},
    {"VAT", Field::TaxId, Use::Specific},
    {"VAT number", Field::TaxId, Use::Specific},
    {"VAT ID", Field::TaxId, Use::Specific},
    {"Tax ID", Field::TaxId, Use::Specific},
    {"Tax number", Field::TaxId, Use::Specific},
    {"TIN", Field::TaxId, Use::Specific},
    {"NIPC", Field::TaxId, Use::Specific},
    {"CNPJ", Field::TaxId, Use::Specific},
    {"CPF", Field::TaxId, Use::Specific},
    {"RFC", Field::TaxId, Use::Specific},
    {"CUIT", Field::TaxId, Use::Specific},
    {"CUIL", Field::TaxId, Use::Specific},
    {"RUT", Field::TaxId, Use::Specific},
    {"NIT", Field::TaxId, Use::Specific},
    {"RUC", Field::TaxId, Use::Specific},
    {"Identificación fiscal", Field::TaxId, Use::Specific},
    {"Número de identificación fiscal", Field::TaxId, Use::Specific},
    {"Identificação fiscal", Field::TaxId, Use::Specific},
    {"Número de identificação fiscal", Field::TaxId, Use::Specific},
    {"Contribuinte", Field::TaxId, Use::Specific},
    {"Tax code", Field::TaxId, Use::Specific},
    {"Fiscal code", Field::TaxId, Use::Specific},
    {"Codice fiscale", Field::TaxId, Use::Specific},
    {"Partita IVA", Field::TaxId, Use::Specific},
    {"Número de contribuinte", Field::TaxId, Use::Specific},
    // street
    {"Calle", Field::Street, Use::Specific},
    {"Street", Field::Street, Use::Specific},
    {"Morada", Field::Street, Use::Specific},
    {"Street address", Field::Street, Use::Specific},
    {"Domicilio fiscal", Field::Street, Use::Specific},
    {"Domicilio social", Field::Street, Use::Specific},
    {"Dirección postal", Field::Street, Use::Specific},
    {"Dirección", Field::Street, Use::Generic},
    {"Domicilio", Field::Street, Use::Generic},
    {"Address", Field::Street, Use::Generic},
    {"Endereço", Field::Street, Use::Generic},
    // second address line (Odoo's "Street2", ERPNext's "Address Line 2", Outlook's "Business
    // Street 2")
    {"Street2", Field::Street2, Use::Specific},
    {"Street 2", Field::Street2, Use::Specific},
    {"Address line 2", Field::Street2, Use::Specific},
    {"Address 2", Field::Street2, Use::Specific},
    {"Dirección 2", Field::Street2, Use::Specific},
    {"Dirección línea 2", Field::Street2, Use::Specific},
    {"Línea 2", Field::Street2, Use::Specific},
    {"Endereço 2", Field::Street2, Use::Specific},
    {"Endereço linha 2", Field::Street2, Use::Specific},
    {"Morada linha 2", Field::Street2, Use::Specific},
    {"Complemento", Field::Street2, Use::ExactOnly},
    // postal code
    {"C.P.", Field::PostalCode, Use::Specific},
    {"Código postal", Field::PostalCode, Use::Specific},
    {"Cód. postal", Field::PostalCode, Use::Specific},
    {"ZIP", Field::PostalCode, Use::Specific},
    {"ZIP code", Field::PostalCode, Use::Specific},
    {"Zipcode", Field::PostalCode, Use::Specific},
    {"Postcode", Field::PostalCode, Use::Specific},
    {"Post code", Field::PostalCode, Use::Specific},
    {"Postal code", Field::PostalCode, Use::Specific},
    {"CEP", Field::PostalCode, Use::Specific},
    // city
    {"Población", Field::City, Use::Specific},
    {"Localidad", Field::City, Use::Specific},
    {"Ciudad", Field::City, Use::Specific},
    {"Municipio", Field::City, Use::Specific},
    {"City", Field::City, Use::Specific},
    {"Town", Field::City, Use::Specific},
    {"Cidade", Field::City, Use::Specific},
    {"Localidade", Field::City, Use::Specific},
    {"Concelho", Field::City, Use::Specific},
    // region
    {"Provincia", Field::Region, Use::Specific},
    {"Región", Field::Region, Use::Specific},
    {"Comunidad", Field::Region, Use::Specific},
    {"Comunidad autónoma", Field::Region, Use::Specific},
    {"Region", Field::Region, Use::Specific},
    {"County", Field::Region, Use::Specific},
    {"Província", Field::Region, Use::Specific},
    {"Região", Field::Region, Use::Specific},
    {"Distrito", Field::Region, Use::Specific},
    {"Estado", Field::Region, Use::ExactOnly},
    {"State", Field::Region, Use::ExactOnly},
    // country
    {"País", Field::Country, Use::Specific},
    {"Country", Field::Country, Use::Specific},
    {"Nación", Field::Country, Use::Specific},
    // e-mail
    {"E-mail", Field::Email, Use::Specific},
    {"Email", Field::Email, Use::Specific},
    {"Mail", Field::Email, Use::Specific},
    {"Correo", Field::Email, Use::Specific},
    {"Correo electrónico", Field::Email, Use::Specific},
    {"Correio", Field::Email, Use::Specific},
    {"Correio eletrónico", Field::Email, Use::Specific},
    {"Correio eletrônico", Field::Email, Use::Specific},
    {"Correio electrónico", Field::Email, Use::Specific},
    // phone
    {"Teléfono", Field::Phone, Use::Specific},
    {"Tel.", Field::Phone, Use::Specific},
    {"Telf.", Field::Phone, Use::Specific},
    {"Tfno.", Field::Phone, Use::Specific},
    {"Tlf.", Field::Phone, Use::Specific},
    {"Phone", Field::Phone, Use::Specific},
    {"Telephone", Field::Phone, Use::Specific},
    {"Telefone", Field::Phone, Use::Specific},
    // mobile (before schema v4 these went to the phone)
    {"Móvil", Field::Mobile, Use::Specific},
    {"Teléfono móvil", Field::Mobile, Use::Specific},
    {"Tel. móvil", Field::Mobile, Use::Specific},
    {"Mobile", Field::Mobile, Use::Specific},
    {"Mobile phone", Field::Mobile, Use::Specific},
    {"Mobile No", Field::Mobile, Use::Specific},
    {"Cell phone", Field::Mobile, Use::Specific},
    {"Cellphone", Field::Mobile, Use::Specific},
    {"Telemóvel", Field::Mobile, Use::Specific},
    {"Celular", Field::Mobile, Use::Specific},
    {"Telefone celular", Field::Mobile, Use::Specific},
    // website
    {"Web", Field::Website, Use::Specific},
    {"Website", Field::Website, Use::Specific},
    {"Web site", Field::Website, Use::Specific},
    {"Página web", Field::Website, Use::Specific},
    {"Sitio web", Field::Website, Use::Specific},
    {"URL", Field::Website, Use::Specific},
    {"Homepage", Field::Website, Use::Specific},
    {"Site", Field::Website, Use::ExactOnly},
    // notes
    {"Notas", Field::Notes, Use::Specific},
    {"Nota", Field::Notes, Use::Specific},
    {"Observaciones", Field::Notes, Use::Specific},
    {"Comentarios", Field::Notes, Use::Specific},
    {"Comentario", Field::Notes, Use::Specific},
    {"Observación", Field::Notes, Use::Specific},
    {"Comment", Field::Notes, Use::Specific},
    {"Notes", Field::Notes, Use::Specific},
    {"Comments", Field::Notes, Use::Specific},
    {"Remarks", Field::Notes, Use::Specific},
    {"Observações", Field::Notes, Use::Specific},
    {"Comentários", Field::Notes, Use::Specific},
    {"Comentário", Field::Notes, Use::Specific},
    {"Observação", Field::Notes, Use::Specific},
    // kind: company or person (Odoo's "Company Type"). Not "Tipo de cliente" nor "Customer
    // type": in many sheets they hold "Mayorista" or "Retail", which are no kind.
    {"Company type", Field::Kind, Use::ExactOnly},
    {"Tipo de persona", Field::Kind, Use::ExactOnly},
    {"Persona física o jurídica", Field::Kind, Use::ExactOnly},
    {"Tipo de pessoa", Field::Kind, Use::ExactOnly},
    {"Pessoa singular ou coletiva", Field::Kind, Use::ExactOnly},
    // tags
    {"Etiquetas", Field::Tags, Use::Specific},
    {"Tags", Field::Tags, Use::Specific},
    {"Categories", Field::Tags, Use::ExactOnly},
    {"Categorías", Field::Tags, Use::ExactOnly},
    {"Categorias", Field::Tags, Use::ExactOnly},
    {"Labels", Field::Tags, Use::ExactOnly},
    // code (never inside other headers: "Código de vendedor" is not ours)
    {"Código", Field::Code, Use::ExactOnly},
    {"Código cliente", Field::Code, Use::ExactOnly},
    {"Cód.", Field::Code, Use::ExactOnly},
    {"Cód. cliente", Field::Code, Use::ExactOnly},
    {"Client code", Field::Code, Use::ExactOnly},
    {"Customer code", Field::Code, Use::ExactOnly},
    {"Code", Field::Code, Use::ExactOnly},
    {"Ref", Field::Code, Use::ExactOnly},
    {"Ref. cliente", Field::Code, Use::ExactOnly},
    {"Referencia", Field::Code, Use::ExactOnly},
    {"Referencia cliente", Field::Code, Use::ExactOnly},
    {"Reference", Field::Code, Use::ExactOnly},
    {"Referência", Field::Code, Use::ExactOnly},
};
// clang-format on

// Connecting words dropped before matching: "Código del cliente" = "Código cliente".
const std::unordered_set<std::string_view> kFillers = {
    "de", "del", "la", "el", "los", "las", "do", "da",  "dos", "das",
    "of", "the", "y",  "e",  "and", "en",  "em", "for", "por", "para"};

// Words that make a header about something else: with them only specific words count.
const std::unordered_set<std::string_view> kBlockers = {
    "contacto",  "contact",   "contato",   "persona",   "person",     "pessoa",     "responsable",
    "fecha",     "date",      "data",      "alta",      "baja",       "desde",      "since",
    "fax",       "iban",      "banco",     "bank",      "cuenta",     "account",    "conta",
    "importe",   "amount",    "valor",     "total",     "precio",     "price",      "preco",
    "pago",      "payment",   "pagamento", "tipo",      "type",       "grupo",      "group",
    "categoria", "category",  "sector",    "setor",     "vendedor",   "seller",     "agente",
    "agent",     "comercial", "factura",   "invoice",   "fatura",     "pedido",     "order",
    "descuento", "discount",  "desconto",  "saldo",     "balance",    "credito",    "credit",
    "estado",    "state",     "status",    "situacion", "situacao",   "numero",     "number",
    "id",        "codigo",    "code",      "ref",       "referencia", "nacimiento", "birth"};

std::vector<std::string> splitWords(const std::string& folded)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size())
    {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos)
            end = folded.size();
        if (end > start)
            words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// Folded words of a header: dotted initials joined ("C.P." → "cp", "N.I.F." → "nif"),
// filler words dropped (unless nothing else is left).
std::vector<std::string> headerWords(std::string_view header)
{
    std::vector<std::string> words = splitWords(foldForSearch(header));
    if (words.size() >= 2 &&
        std::all_of(words.begin(), words.end(), [](const std::string& w) { return w.size() == 1; }))
    {
        std::string joined;
        for (const std::string& word : words)
            joined += word;
        return {joined};
    }
    std::vector<std::string> kept;
    for (std::string& word : words)
        if (!kFillers.contains(word))
            kept.push_back(std::move(word));
    return kept.empty() ? words : kept;
}

std::string joinWords(const std::vector<std::string>& words)
{
    std::string joined;
    for (const std::string& word : words)
    {
        if (!joined.empty())
            joined += ' ';
        joined += word;
    }
    return joined;
}

struct Phrase
{
    std::vector<std::string> words;
    Field field;
    Use use;
};

struct Tables
{
    std::unordered_map<std::string, Field> exact;
    std::vector<Phrase> phrases; // usable inside longer headers
};

const Tables& tables()
{
    static const Tables instance = []
    {
        Tables t;
        for (const Synonym& synonym : kSynonyms)
        {
            std::vector<std::string> words = headerWords(synonym.text);
            t.exact.emplace(joinWords(words), synonym.field);
            if (synonym.use != Use::ExactOnly)
                t.phrases.push_back({std::move(words), synonym.field, synonym.use});
        }
        // API names: "legalName" folds to "legalname"; "legal_name" to "legal name".
        for (Field field : allFields())
        {
            const std::string api(fieldName(field));
            t.exact.emplace(joinWords(headerWords(api)), field);
            std::string spaced;
            for (char c : api)
            {
                if (c >= 'A' && c <= 'Z')
                {
                    spaced += ' ';
                    c = static_cast<char>(c - 'A' + 'a');
                }
                spaced += c;
            }
            t.exact.emplace(joinWords(headerWords(spaced)), field);
        }
        return t;
    }();
    return instance;
}

bool containsPhrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase)
{
    if (phrase.empty() || phrase.size() > words.size())
        return false;
    return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

std::optional<Field> exactField(const std::vector<std::string>& words)
{
    const Tables& t = tables();
    const auto found = t.exact.find(joinWords(words));
    if (found == t.exact.end())
        return std::nullopt;
    return found->second;
}

std::optional<Field> containedField(const std::vector<std::string>& words)
{
    const bool blocked = std::any_of(words.begin(), words.end(),
                                     [](const std::string& w) { return kBlockers.contains(w); });
    for (Use use : {Use::Specific, Use::Generic, Use::Modifier})
    {
        if (blocked && use != Use::Specific)
            break;
        std::optional<Field> best;
        std::size_t bestLength = 0;
        bool tie = false;
        for (const Phrase& phrase : tables().phrases)
        {
            if (phrase.use != use || !containsPhrase(words, phrase.words))
                continue;
            const std::size_t length = phrase.words.size();
            if (!best || length > bestLength)
            {
                best = phrase.field;
                bestLength = length;
                tie = false;
            }
            else if (length == bestLength && phrase.field != *best)
            {
                tie = true;
            }
        }
        if (best)
            return tie ? std::nullopt : best;
    }
    return std::nullopt;
}

} // namespace

std::optional<Field> fieldForHeader(std::string_view header)
{
    if (auto field = fieldFromName(header))
        return field;
    const std::vector<std::string> words = headerWords(header);
    if (words.empty())
        return std::nullopt;
    if (auto field = exactField(words))
        return field;
    return containedField(words);
}

ColumnMapping autoMapping(const std::vector<std::string>& headers)
{
    ColumnMapping mapping(headers.size());
    std::vector<bool> taken(allFields().size());
    std::vector<std::vector<std::string>> words;
    words.reserve(headers.size());
    for (const std::string& header : headers)
        words.push_back(headerWords(header));
    const auto assign = [&](std::size_t column, std::optional<Field> field)
    {
        if (!field || mapping[column])
            return;
        const auto index = static_cast<std::size_t>(*field);
        if (index >= taken.size() || taken[index])
            return;
        taken[index] = true;
        mapping[column] = field;
    };
    for (std::size_t column = 0; column < headers.size(); ++column)
    {
        if (auto field = fieldFromName(headers[column]))
            assign(column, field);
        else if (!words[column].empty())
            assign(column, exactField(words[column]));
    }
    for (std::size_t column = 0; column < headers.size(); ++column)
        if (!mapping[column] && !words[column].empty() && !exactField(words[column]) &&
            !fieldFromName(headers[column]))
            assign(column, containedField(words[column]));
    return mapping;
}

std::string mappingKey(const std::vector<std::string>& headers)
{
    std::vector<std::string> folded;
    folded.reserve(headers.size());
    for (const std::string& header : headers)
        folded.push_back(foldForSearch(header));
    while (!folded.empty() && folded.back().empty())
        folded.pop_back();
    // FNV-1a, 64 bits: fixed by its definition, so keys stay valid across builds and platforms.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const auto feed = [&hash](unsigned char byte)
    {
        hash ^= byte;
        hash *= 0x100000001b3ULL;
    };
    for (const std::string& header : folded)
    {
        for (char c : header)
            feed(static_cast<unsigned char>(c));
        feed(0x1F); // unit separator: never part of folded text
    }
    char buffer[20];
    std::snprintf(buffer, sizeof buffer, "h%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

} // namespace clientes
