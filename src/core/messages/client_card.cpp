#include "core/messages/client_card.hpp"

#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"

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
    const std::string none;
    const std::string& region = client.region == client.city ? none : client.region;
    std::string address;
    appendJoined(address, {&client.street, &client.street2, &town, &region, &client.country}, ", ");
    return address;
}

std::string formatClientCard(const Client& client, Language language)
{
    std::string card = client.legalName;
    std::string subtitle = client.code;
    if (!client.tradeName.empty())
        subtitle += " · " + client.tradeName;
    if (client.archived)
        subtitle += " · " + text(TextKey::DeckArchived, language);
    card += '\n';
    card += subtitle;
    std::string taxId = client.taxId;
    if (!taxId.empty() && !client.country.empty())
        taxId += " (" + client.country + ")";
    appendLine(card, fieldLabel(Field::TaxId, language), taxId);
    appendLine(card, text(TextKey::DeckAddress, language), formatAddress(client));
    for (Field field : {Field::Email, Field::Phone, Field::Mobile, Field::Website})
        appendLine(card, fieldLabel(field, language), client.value(field));
    return card;
}

std::string formatClientCard(const Client& client, const ProfileSummary& summary,
                             const Locale& locale)
{
    const Language language = locale.language;
    std::string card = client.legalName + "\n" + client.code;
    if (!client.tradeName.empty())
        card += " · " + client.tradeName;
    if (client.archived)
        card += " · " + text(TextKey::DeckArchived, language);
    const auto line = [&card](const std::string& text)
    {
        if (!text.empty())
            card += "\n" + text;
    };
    line(keyFiguresLine(summary, locale));
    std::string taxId = client.taxId;
    if (!taxId.empty() && !client.country.empty())
        taxId += " (" + client.country + ")";
    appendLine(card, text(TextKey::DeckColumnTaxId, language), taxId);
    line(formatAddress(client));
    std::string contact;
    appendJoined(contact, {&client.email, &client.phone, &client.mobile}, " · ");
    line(contact);
    line(client.website);
    return card;
}

std::string formatClientDetails(const Client& client, Language language)
{
    std::string details = client.code;
    if (client.archived)
        details += " · " + text(TextKey::DeckArchived, language);
    if (!client.kind.empty())
        appendLine(details, fieldLabel(Field::Kind, language),
                   clientKindLabel(client.kind, language));
    for (Field field : {Field::LegalName, Field::TradeName, Field::TaxId, Field::Country})
        appendLine(details, fieldLabel(field, language), client.value(field));
    appendLine(details, text(TextKey::DeckAddress, language), formatAddress(client));
    for (Field field : {Field::Email, Field::Phone, Field::Mobile, Field::Website, Field::Tags,
                        Field::PaymentTerms, Field::Currency})
        appendLine(details, fieldLabel(field, language), client.value(field));
    if (!client.notes.empty())
        details += "\n\n" + client.notes;
    return details;
}
} // namespace clientes
