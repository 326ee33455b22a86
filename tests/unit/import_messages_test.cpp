#include "core/messages/import_messages.hpp"
#include "core/transfer/import_existing.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace clientes
{

TEST(ImportMessages, ColumnLetters)
{
    EXPECT_EQ(columnLetters(0), "A");
    EXPECT_EQ(columnLetters(25), "Z");
    EXPECT_EQ(columnLetters(26), "AA");
    EXPECT_EQ(columnLetters(51), "AZ");
    EXPECT_EQ(columnLetters(52), "BA");
    EXPECT_EQ(columnLetters(701), "ZZ");
    EXPECT_EQ(columnLetters(702), "AAA");
    EXPECT_EQ(columnLetters(16383), "XFD"); // last column of xlsx and of Calc's 16,384
}

TEST(ImportMessages, EveryTextInEveryLanguage)
{
    const auto keys = test::textKeysStartingWith("Import");
    EXPECT_EQ(keys.size(), 21U);
    for (const TextKey key : keys)
    {
        const std::string es = text(key, Language::Es);
        const std::string en = text(key, Language::En);
        const std::string pt = text(key, Language::Pt);
        EXPECT_FALSE(es.empty()) << textKeyName(key);
        EXPECT_NE(es, en) << textKeyName(key);
        EXPECT_NE(pt, en) << textKeyName(key);
        EXPECT_NE(es, pt) << textKeyName(key);
    }
}

TEST(ImportMessages, Placeholders)
{
    EXPECT_EQ(text(TextKey::ImportDuplicateCode, Language::Es, {{"row", "7"}}),
              "El mismo código ya aparece en la fila 7.");
    EXPECT_EQ(text(TextKey::ImportDuplicateTaxId, Language::Pt, {{"row", "12"}}),
              "A mesma identificação fiscal já aparece na linha 12.");
    // Values are inserted once and never expanded again.
    EXPECT_EQ(
        text(TextKey::ImportMatchesClient, Language::En, {{"code", "{name}"}, {"name", "{code}"}}),
        "Matches the existing client {name} “{code}”.");
    // A missing value leaves the placeholder visible rather than inventing text.
    EXPECT_EQ(text(TextKey::ImportSameClient, Language::En, {{"row", "3"}}),
              "Row 3 already refers to the same client ({code}).");
    EXPECT_EQ(text(TextKey::ImportRowPrefix, Language::Es, {{"row", "4"}, {"label", "NIF"}}),
              "fila 4, NIF: ");
}

TEST(ImportExisting, CanonicalCodes)
{
    EXPECT_EQ(canonicalClientCode("C-000001"), "C-000001");
    EXPECT_EQ(canonicalClientCode("c-1"), "C-000001");
    EXPECT_EQ(canonicalClientCode("C1"), "C-000001");
    EXPECT_EQ(canonicalClientCode(" c 000001 "), "C-000001");
    EXPECT_EQ(canonicalClientCode("c-0"), "C-000000");
    EXPECT_EQ(canonicalClientCode("C-1234567"), "C-1234567");
    EXPECT_EQ(canonicalClientCode("cl-0045"), "CL-000045");
    EXPECT_EQ(canonicalClientCode("1234"), "1234");
    EXPECT_EQ(canonicalClientCode("abc"), "ABC");
    EXPECT_EQ(canonicalClientCode("C-1a"), "C-1A");
    EXPECT_EQ(canonicalClientCode(""), "");
}

TEST(ImportExisting, Lookups)
{
    Client active;
    active.id = 5;
    active.code = "C-000005";
    active.legalName = "Active";
    active.taxId = "B-11.111.111";
    active.country = "ES";
    Client archived = active;
    archived.id = 2;
    archived.code = "C-000002";
    archived.legalName = "Archived";
    archived.archived = true;
    Client later = active;
    later.id = 9;
    later.code = "C-000009";
    later.legalName = "Later";
    InMemoryClients clients({archived, later, active});
    EXPECT_EQ(clients.size(), 3U);
    ASSERT_TRUE(clients.byCode("c2"));
    EXPECT_EQ(clients.byCode("c2")->legalName, "Archived");
    EXPECT_EQ(clients.byCode("C-000009")->id, 9);
    EXPECT_FALSE(clients.byCode("C-000003"));
    EXPECT_FALSE(clients.byCode(""));
    // Shared tax ID: the active client with the lowest id.
    ASSERT_TRUE(clients.byNormalizedTaxId("B11111111"));
    EXPECT_EQ(clients.byNormalizedTaxId("B11111111")->id, 5);
    EXPECT_FALSE(clients.byNormalizedTaxId("B-11.111.111")); // not normalised
    EXPECT_FALSE(clients.byNormalizedTaxId(""));
}

} // namespace clientes
