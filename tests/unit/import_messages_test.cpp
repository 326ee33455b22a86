#include "core/messages/import_messages.hpp"
#include "core/transfer/import_existing.hpp"

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
    for (int key = 0; key <= static_cast<int>(ImportText::RowPrefix); ++key)
    {
        const auto text = static_cast<ImportText>(key);
        const std::string es = importText(text, Language::Es);
        const std::string en = importText(text, Language::En);
        const std::string pt = importText(text, Language::Pt);
        EXPECT_FALSE(es.empty()) << key;
        EXPECT_NE(es, en) << key;
        EXPECT_NE(pt, en) << key;
        EXPECT_NE(es, pt) << key;
    }
}

TEST(ImportMessages, Placeholders)
{
    EXPECT_EQ(importText(ImportText::DuplicateCode, Language::Es, {{"row", "7"}}),
              "El mismo código ya aparece en la fila 7.");
    EXPECT_EQ(importText(ImportText::DuplicateTaxId, Language::Pt, {{"row", "12"}}),
              "A mesma identificação fiscal já aparece na linha 12.");
    // Values are inserted once and never expanded again.
    EXPECT_EQ(importText(ImportText::MatchesClient, Language::En,
                         {{"code", "{name}"}, {"name", "{code}"}}),
              "Matches the existing client {name} “{code}”.");
    // A missing value leaves the placeholder visible rather than inventing text.
    EXPECT_EQ(importText(ImportText::SameClient, Language::En, {{"row", "3"}}),
              "Row 3 already refers to the same client ({code}).");
    EXPECT_EQ(importText(ImportText::RowPrefix, Language::Es, {{"row", "4"}, {"label", "NIF"}}),
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
