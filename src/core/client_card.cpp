#include "core/client_card.hpp"

#include "core/messages.hpp"
#include "core/ui_text.hpp"

#include <initializer_list>

namespace clientes
{
namespace
{
void appendJoined(std::string& out, std::initializer_list<const std::string*> parts,
                  const char* sep)
{
    for (const std::string* part : parts)
    {
        if (part->empty())
            continue;
        if (!out.empty())
            out += sep;
        out += *part;
    }
}

void appendLine(std::string& card, const std::string& label, const std::string& value)
{
    if (value.empty())
        return;
    card += '\n';
    card += label;
    card += ": ";
    card += value;
}
} // namespace

std::string formatAddress(const Client& client)
{
    std::string town;
    appendJoined(town, {&client.postalCode, &client.city}, " ");
    std::string address;
    appendJoined(address, {&client.street, &town, &client.region, &client.country}, ", ");
    return address;
}

std::string formatClientCard(const Client& client, Language language)
{
    std::string card = client.legalName;
    std::string subtitle = client.code;
    if (!client.tradeName.empty())
        subtitle += " · " + client.tradeName;
    if (client.archived)
        subtitle += " · " + uiText(UiText::Archived, language);
    card += '\n';
    card += subtitle;
    std::string taxId = client.taxId;
    if (!taxId.empty() && !client.country.empty())
        taxId += " (" + client.country + ")";
    appendLine(card, fieldLabel(Field::TaxId, language), taxId);
    appendLine(card, uiText(UiText::Address, language), formatAddress(client));
    for (Field field : {Field::Email, Field::Phone, Field::Website})
        appendLine(card, fieldLabel(field, language), client.value(field));
    return card;
}
} // namespace clientes
