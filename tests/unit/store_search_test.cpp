#include "core/register/register.hpp"
#include "core/text/text_fold.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace clientes
{

using test::makeClient;
using test::TempDir;

namespace
{

class StoreSearch : public ::testing::Test
{
protected:
    void SetUp() override
    {
        perez =
            store.add(makeClient("Pérez-Díaz, S.L.", "B-12345678", "Sevilla", "info@perezdiaz.es"));
        conceicao = store.add(makeClient("Conceição & Irmãos, Lda.", "PT 501 234 567", "Lisboa",
                                         "geral@conceicao.pt", "PT"));
        alvarez = store.add(makeClient("Construcciones Álvarez", "A87654321", "Málaga"));
        Client ana = makeClient("Ana López García", "12345678Z", "Madrid", "ana.lopez@example.com");
        ana.tradeName = "Floristería Ana";
        lopez = store.add(ana);
        motor = store.add(makeClient("Madrid Motor S.A.", "", "Toledo"));
        zapateria = store.add(makeClient("Zapatería Pérez", "", "Ávila"));
        store.setArchived(zapateria.id, true);
    }

    // Legal names of the matches, best first.
    std::vector<std::string> names(std::string_view query, bool includeArchived = false)
    {
        std::vector<std::string> out;
        for (const ClientSummary& row : store.search(query, includeArchived, 50).rows)
            out.push_back(row.legalName);
        return out;
    }

    bool finds(std::string_view query, const Client& client)
    {
        const auto rows = store.search(query, true, 50).rows;
        return std::any_of(rows.begin(), rows.end(),
                           [&client](const ClientSummary& row) { return row.id == client.id; });
    }

    TempDir dir;
    Register store{dir / "c.db"};
    Client perez, conceicao, alvarez, lopez, motor, zapateria;
};

} // namespace

TEST_F(StoreSearch, EmptyQueryListsAllByFoldedLegalName)
{
    const std::vector<std::string> active = {"Ana López García", "Conceição & Irmãos, Lda.",
                                             "Construcciones Álvarez", "Madrid Motor S.A.",
                                             "Pérez-Díaz, S.L."};
    EXPECT_EQ(names(""), active);
    EXPECT_EQ(names("   "), active);
    EXPECT_EQ(store.search("", false, 50).total, 5);
    auto all = active;
    all.push_back("Zapatería Pérez");
    EXPECT_EQ(names("", true), all);
    EXPECT_EQ(store.search("", true, 50).total, 6);
}

TEST_F(StoreSearch, SummaryColumns)
{
    const SearchPage page = store.search("sevilla", false, 10);
    ASSERT_EQ(page.rows.size(), 1U);
    const ClientSummary& row = page.rows[0];
    EXPECT_EQ(row.id, perez.id);
    EXPECT_EQ(row.code, "C-000001");
    EXPECT_EQ(row.legalName, "Pérez-Díaz, S.L.");
    EXPECT_EQ(row.taxId, "B-12345678");
    EXPECT_EQ(row.city, "Sevilla");
    EXPECT_FALSE(row.archived);
}

TEST_F(StoreSearch, IgnoresCaseAndAccents)
{
    for (const char* query : {"perez", "PÉREZ", "Pérez", "pe", "p", "diaz", "DÍAZ", "perez-diaz"})
        EXPECT_TRUE(finds(query, perez)) << query;
    for (const char* query : {"conceicao", "CONCEIÇÃO", "irmaos", "irmãos", "lda"})
        EXPECT_TRUE(finds(query, conceicao)) << query;
    for (const char* query : {"alvarez", "ÁLVAREZ", "malaga", "Málaga"})
        EXPECT_TRUE(finds(query, alvarez)) << query;
    EXPECT_TRUE(finds("avila", zapateria));
    EXPECT_FALSE(finds("perezz", perez));
}

TEST_F(StoreSearch, TaxIdInAnySpelling)
{
    for (const char* query :
         {"B-12345678", "b12345678", "B-12.345.678", "b 12345678", "12345678", "b-1234", "b1234"})
        EXPECT_TRUE(finds(query, perez)) << query;
    for (const char* query : {"501234567", "PT501234567", "pt-501.234.567", "501 234 567", "501"})
        EXPECT_TRUE(finds(query, conceicao)) << query;
    EXPECT_TRUE(finds("12345678-z", lopez));
    EXPECT_TRUE(finds("12345678Z", lopez));
    EXPECT_FALSE(finds("12345678Z", perez));
    EXPECT_TRUE(finds("a-87654321", alvarez));
}

TEST_F(StoreSearch, PlainLettersLookAtNamesOnly)
{
    // Every code starts with "C", many tax IDs with "B", every Spanish e-mail ends in ".es":
    // a first typed letter must still narrow the list down to names.
    std::vector<std::string> found = names("c");
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found,
              (std::vector<std::string>{"Conceição & Irmãos, Lda.", "Construcciones Álvarez"}));
    EXPECT_TRUE(names("b").empty());
    EXPECT_TRUE(names("es").empty());
    EXPECT_TRUE(names("pt").empty());
    EXPECT_TRUE(names("com").empty());
    // Identifiers typed with spaces still match in one piece.
    for (const char* query : {"B 12345678", "ES B12345678", "es b 12345678", "C 1"})
        EXPECT_TRUE(finds(query, perez)) << query;
}

TEST_F(StoreSearch, EmailCityTradeNameAndCode)
{
    EXPECT_EQ(names("ana.lopez@example.com"), std::vector<std::string>{"Ana López García"});
    EXPECT_EQ(names("geral@conceicao.pt"), std::vector<std::string>{"Conceição & Irmãos, Lda."});
    EXPECT_EQ(names("example"), std::vector<std::string>{"Ana López García"});
    EXPECT_EQ(names("lisboa"), std::vector<std::string>{"Conceição & Irmãos, Lda."});
    EXPECT_EQ(names("floristeria"), std::vector<std::string>{"Ana López García"});
    for (const char* query : {"C-000003", "c000003", "c-3", "C3"})
        EXPECT_EQ(names(query), std::vector<std::string>{"Construcciones Álvarez"}) << query;
}

TEST_F(StoreSearch, EveryTermMustMatch)
{
    EXPECT_EQ(names("ana madrid"), std::vector<std::string>{"Ana López García"});
    EXPECT_EQ(names("madrid ana"), std::vector<std::string>{"Ana López García"});
    EXPECT_TRUE(names("ana sevilla").empty());
    EXPECT_EQ(names("  lop   garc  "), std::vector<std::string>{"Ana López García"});
}

TEST_F(StoreSearch, LegalNameMatchesComeFirst)
{
    // "Madrid" is Motor's legal name but only Ana's city.
    const std::vector<std::string> expected = {"Madrid Motor S.A.", "Ana López García"};
    EXPECT_EQ(names("madrid"), expected);
}

TEST_F(StoreSearch, ArchivedOnlyWhenAsked)
{
    EXPECT_EQ(names("perez"), std::vector<std::string>{"Pérez-Díaz, S.L."});
    const std::vector<std::string> all = names("perez", true);
    EXPECT_EQ(all.size(), 2U);
    EXPECT_EQ(store.search("zapateria", false, 10).total, 0);
    EXPECT_EQ(store.search("zapateria", true, 10).total, 1);
    EXPECT_TRUE(store.findCodes("zapateria", 0).empty());
}

TEST_F(StoreSearch, LimitCapsRowsNotTotal)
{
    const SearchPage page = store.search("a", false, 2);
    EXPECT_EQ(page.rows.size(), 2U);
    EXPECT_EQ(page.total, 3); // Ana, Álvarez (and A-tax ID), Motor S.A.
    const SearchPage none = store.search("a", false, 0);
    EXPECT_TRUE(none.rows.empty());
    EXPECT_EQ(none.total, page.total);
    EXPECT_EQ(store.search("", false, 1).rows.size(), 1U);
}

TEST_F(StoreSearch, FindCodes)
{
    EXPECT_EQ(store.findCodes("madrid", 0), (std::vector<std::string>{"C-000005", "C-000004"}));
    EXPECT_EQ(store.findCodes("madrid", 1), std::vector<std::string>{"C-000005"});
    EXPECT_EQ(store.findCodes("madrid", -1).size(), 2U);
    EXPECT_EQ(store.findCodes("", -1).size(), 5U);
    EXPECT_EQ(store.findCodes("", 2), (std::vector<std::string>{"C-000004", "C-000002"}));
    EXPECT_TRUE(store.findCodes("nadie", 0).empty());
}

TEST_F(StoreSearch, HostileInputNeverThrows)
{
    const std::vector<std::string> hostile = {"\"",
                                              "\"\"",
                                              "'",
                                              "*",
                                              "**",
                                              "a*",
                                              "*a",
                                              "NEAR(",
                                              "NEAR(a b)",
                                              "NEAR(perez, 2)",
                                              "-",
                                              "-perez",
                                              "--",
                                              "(",
                                              ")",
                                              "()",
                                              "(perez",
                                              "perez)",
                                              "a OR",
                                              "OR",
                                              "AND",
                                              "NOT",
                                              "OR NOT",
                                              "perez AND",
                                              "{legal_name}: x",
                                              "legal_name:perez",
                                              "state:archived",
                                              "^perez",
                                              "+",
                                              "a\"b",
                                              "\"perez\"",
                                              "perez\"*",
                                              ":",
                                              "{",
                                              "}",
                                              "[",
                                              "]",
                                              "%",
                                              "_",
                                              "\\",
                                              "\\\"",
                                              "",
                                              "   ",
                                              "\t\n",
                                              "\xFF\xFE",
                                              "\xC3",
                                              "😀",
                                              "🇪🇸 perez",
                                              std::string(1, '\0'),
                                              "a\0b",
                                              std::string(5000, 'a'),
                                              std::string(3000, '('),
                                              "a b c d e f g h i j k l m n o p q r s t "
                                              "u v w x y z a b c d e f g h i j k"};
    for (const std::string& query : hostile)
    {
        EXPECT_NO_THROW(store.search(query, false, 10)) << query;
        EXPECT_NO_THROW(store.search(query, true, 10)) << query;
        EXPECT_NO_THROW(store.findCodes(query, 5)) << query;
    }
    // Syntax-looking words are plain words; punctuation-only queries mean "everything".
    EXPECT_EQ(names("\"perez\""), std::vector<std::string>{"Pérez-Díaz, S.L."});
    EXPECT_EQ(names("perez)"), std::vector<std::string>{"Pérez-Díaz, S.L."});
    EXPECT_EQ(store.search("*", false, 10).total, 5);
    EXPECT_EQ(store.search("NEAR(", false, 10).total, 0);
    EXPECT_EQ(store.search("state:archived", false, 10).total, 0);
}

// Broad queries take the alphabetical path (more than 2000 matches); check its order and total
// against the data.
TEST(StoreSearchBroad, ManyMatchesAreAlphabeticalWithLegalNamePrefixFirst)
{
    TempDir dir;
    Register store(dir / "c.db");
    std::vector<Client> batch;
    for (int i = 0; i < 3300; ++i)
    {
        const std::string n = std::to_string(10000 + i);
        switch (i % 3)
        {
        case 0:
            batch.push_back(makeClient("Alfa Empresa " + n, "", "Bilbao"));
            break;
        case 1:
            batch.push_back(makeClient("Beta Comercial " + n, "", "Avilés")); // city matches "a"
            break;
        default:
            batch.push_back(makeClient("Gamma Servicios " + n, "", "Cádiz"));
            break;
        }
    }
    const std::vector<Client> added = store.addMany(batch);
    store.setArchived(added[0].id, true); // "Alfa Empresa 10000"

    const SearchPage page = store.search("a", false, 200);
    EXPECT_EQ(page.total, 2199);
    ASSERT_EQ(page.rows.size(), 200U);
    EXPECT_EQ(page.rows.front().legalName, "Alfa Empresa 10003");
    for (std::size_t i = 1; i < page.rows.size(); ++i)
        EXPECT_LT(page.rows[i - 1].legalName, page.rows[i].legalName);
    EXPECT_EQ(store.search("a", true, 200).total, 2200);
    EXPECT_EQ(store.search("a", true, 200).rows.front().legalName, "Alfa Empresa 10000");

    const std::vector<std::string> codes = store.findCodes("a", 0);
    ASSERT_EQ(codes.size(), 2199U);
    const auto byCode = [&store](const std::string& code) { return store.byCode(code)->legalName; };
    EXPECT_EQ(byCode(codes[1098]).substr(0, 4), "Alfa");
    EXPECT_EQ(byCode(codes[1099]).substr(0, 4), "Beta");
    EXPECT_EQ(byCode(codes.back()), "Beta Comercial 13298");

    // Narrower queries go back to relevance ranking.
    EXPECT_EQ(store.search("alfa empresa 1003", false, 10).total, 4); // 10030, 10033, 10036, 10039
    EXPECT_EQ(store.search("gamma", false, 10).total, 1100);
    EXPECT_EQ(store.search("gamma 13299", false, 10).rows.at(0).legalName, "Gamma Servicios 13299");
}

} // namespace clientes
