#include "core/text/text_fold.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace clientes
{

TEST(TextFold, Spanish)
{
    EXPECT_EQ(foldForSearch("Pérez-Díaz, S.L."), "perez diaz s l");
    EXPECT_EQ(foldForSearch("ÑANDÚ"), "nandu");
    EXPECT_EQ(foldForSearch("Cigüeña Ibáñez"), "ciguena ibanez");
    EXPECT_EQ(foldForSearch("  ¿Qué   tal?  ¡Olé! "), "que tal ole");
}

TEST(TextFold, Portuguese)
{
    EXPECT_EQ(foldForSearch("Ação"), "acao");
    EXPECT_EQ(foldForSearch("Conceição & Irmãos, Lda."), "conceicao irmaos lda");
    EXPECT_EQ(foldForSearch("SÃO JOÃO DA MADEIRA"), "sao joao da madeira");
}

TEST(TextFold, French)
{
    EXPECT_EQ(foldForSearch("Société Générale"), "societe generale");
    EXPECT_EQ(foldForSearch("L'Haÿ-les-Roses"), "l hay les roses");
    EXPECT_EQ(foldForSearch("Œuvre Cœur"), "oeuvre coeur");
}

TEST(TextFold, German)
{
    EXPECT_EQ(foldForSearch("Müller GmbH"), "muller gmbh");
    EXPECT_EQ(foldForSearch("Straße"), "strasse");
    EXPECT_EQ(foldForSearch("GROẞE"), "grosse");
    EXPECT_EQ(foldForSearch("Øresund Łódź Ærø"), "oresund lodz aero");
}

TEST(TextFold, EmojiAndSymbolsSeparateWords)
{
    // Emoji are not letters: they are dropped and split words, deterministically.
    EXPECT_EQ(foldForSearch("Café ☕ Bar"), "cafe bar");
    EXPECT_EQ(foldForSearch("Pizza😀Loca"), "pizza loca");
    EXPECT_EQ(foldForSearch("😀"), "");
    EXPECT_EQ(foldForSearch("100% €"), "100");
}

TEST(TextFold, DigitsEmailsAndEdgeCases)
{
    EXPECT_EQ(foldForSearch("B-12.345.678"), "b 12 345 678");
    EXPECT_EQ(foldForSearch("Ana.Lopez@Example.com"), "ana lopez example com");
    EXPECT_EQ(foldForSearch(""), "");
    EXPECT_EQ(foldForSearch("  -- ** \"( )\" "), "");
    // unicode61 removes Latin diacritics only; other scripts are just lower-cased.
    EXPECT_EQ(foldForSearch("ΕΛΛΆΔΑ"), "ελλάδα");
    EXPECT_EQ(foldForSearch("\xFF\xFE"), foldForSearch("\xFF\xFE")); // no crash, stable
}

TEST(TextFold, Idempotent)
{
    for (const char* text : {"Pérez-Díaz, S.L.", "Straße", "Ação", "ÑANDÚ 😀 x"})
        EXPECT_EQ(foldForSearch(foldForSearch(text)), foldForSearch(text)) << text;
}

TEST(TextFold, ThreadSafe)
{
    std::vector<std::thread> threads;
    std::vector<int> failures(8, 0);
    for (std::size_t t = 0; t < failures.size(); ++t)
        threads.emplace_back(
            [&failures, t]
            {
                for (int i = 0; i < 2000; ++i)
                    if (foldForSearch("Pérez-Díaz, São João " + std::to_string(i)) !=
                        "perez diaz sao joao " + std::to_string(i))
                        ++failures[t];
            });
    for (auto& thread : threads)
        thread.join();
    for (int count : failures)
        EXPECT_EQ(count, 0);
}

} // namespace clientes
