#include "core/messages/client_card.hpp"
#include "core/messages/ui_text.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace clientes
{
TEST(UiText, CountsGroupThousandsTheWayEachLanguageWrites)
{
    EXPECT_EQ(clientCount(1234, Language::Es), "1.234 clientes");
    EXPECT_EQ(clientCount(1234, Language::En), "1,234 clients");
    EXPECT_EQ(clientCount(1234567, Language::Pt), "1.234.567 clientes");
    EXPECT_EQ(clientCount(0, Language::Es), "0 clientes");
    EXPECT_EQ(clientCount(999, Language::En), "999 clients");
}

TEST(UiText, OneClientIsSingular)
{
    EXPECT_EQ(clientCount(1, Language::Es), "1 cliente");
    EXPECT_EQ(clientCount(1, Language::En), "1 client");
    EXPECT_EQ(clientCount(1, Language::Pt), "1 cliente");
}

TEST(UiText, EveryKeyHasTextInEveryLanguage)
{
    for (const TextKey key : test::textKeysStartingWith("Deck"))
        for (Language language : {Language::Es, Language::En, Language::Pt})
            EXPECT_FALSE(text(key, language).empty())
                << "key " << textKeyName(key) << " language " << static_cast<int>(language);
}

TEST(UiText, CsvExportEntries)
{
    for (TextKey key : {TextKey::DeckExportClientsCsv, TextKey::DeckExportInvoicesCsv})
        for (Language language : {Language::Es, Language::En, Language::Pt})
        {
            std::string label = text(key, language);
            std::erase(label, '~'); // the mnemonic
            EXPECT_NE(label.find("CSV"), std::string::npos) << label;
        }
    EXPECT_EQ(text(TextKey::DeckExportClientsCsv, Language::Es), "Exportar clientes a ~CSV…");
    EXPECT_EQ(text(TextKey::DeckExportInvoicesCsv, Language::Es), "Exportar facturas a CS~V…");
}

TEST(UiText, PartialListNoteNamesShownAndTotal)
{
    EXPECT_EQ(partialListNote(500, 12345, Language::Es),
              "Se muestran 500 de 12.345: afine la búsqueda.");
    EXPECT_EQ(partialListNote(500, 12345, Language::En),
              "Showing 500 of 12,345: refine the search.");
}

TEST(ClientCard, ListsOnlyTheFieldsPresent)
{
    Client client;
    client.code = "C-000007";
    client.legalName = "Pérez y Asociados, S.L.";
    client.taxId = "B12345678";
    client.country = "ES";
    client.postalCode = "08001";
    client.city = "Barcelona";
    client.email = "hola@perez.es";
    const std::string card = formatClientCard(client, Language::Es);
    EXPECT_EQ(card, "Pérez y Asociados, S.L.\nC-000007\nIdentificación fiscal: B12345678 (ES)\n"
                    "Dirección: 08001 Barcelona, ES\nCorreo electrónico: hola@perez.es");
}

TEST(ClientCard, MarksArchivedClients)
{
    Client client;
    client.code = "C-000001";
    client.legalName = "Acme";
    client.tradeName = "Acme Shop";
    client.archived = true;
    EXPECT_EQ(formatClientCard(client, Language::En), "Acme\nC-000001 · Acme Shop · archived");
}
} // namespace clientes
