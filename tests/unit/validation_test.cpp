#include "core/rules/tax_id.hpp"
#include "core/rules/validation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>

namespace clientes
{

namespace
{

Client valid()
{
    Client client;
    client.legalName = "Pérez-Díaz, S.L.";
    client.email = "info@perez.es";
    client.country = "ES";
    return client;
}

std::string repeat(std::string_view piece, std::size_t times)
{
    std::string out;
    for (std::size_t i = 0; i < times; ++i)
        out += piece;
    return out;
}

std::vector<FieldIssue> issuesWith(Field field, std::string value)
{
    Client client = valid();
    client.value(field) = std::move(value);
    return validate(client);
}

} // namespace

TEST(Validation, ValidClientHasNoIssues)
{
    EXPECT_TRUE(validate(valid()).empty());
    Client minimal;
    minimal.legalName = "A";
    EXPECT_TRUE(validate(minimal).empty());
}

TEST(Validation, LegalNameRequired)
{
    const std::vector<FieldIssue> expected = {{Field::LegalName, Problem::Required}};
    EXPECT_EQ(issuesWith(Field::LegalName, ""), expected);
    EXPECT_EQ(issuesWith(Field::LegalName, "  \xC2\xA0 "), expected); // spaces and NBSP only
}

TEST(Validation, OtherFieldsAreOptional)
{
    Client client;
    client.legalName = "Only a name";
    EXPECT_TRUE(validate(client).empty());
}

class LengthLimit : public ::testing::TestWithParam<std::tuple<Field, std::size_t>>
{
};

TEST_P(LengthLimit, AtTheBoundary)
{
    const auto [field, limit] = GetParam();
    EXPECT_EQ(maxLength(field), limit);
    // Multi-byte characters prove that the limit counts characters, not bytes.
    const std::string atLimit = repeat("ñ", limit);
    const std::string overLimit = atLimit + "a";
    EXPECT_TRUE(issuesWith(field, atLimit).empty()) << fieldName(field);
    const std::vector<FieldIssue> expected = {{field, Problem::TooLong, limit}};
    EXPECT_EQ(issuesWith(field, overLimit), expected) << fieldName(field);
}

INSTANTIATE_TEST_SUITE_P(
    Validation, LengthLimit,
    ::testing::Values(std::tuple{Field::LegalName, 200}, std::tuple{Field::TradeName, 200},
                      std::tuple{Field::TaxId, 32}, std::tuple{Field::Phone, 40},
                      std::tuple{Field::Website, 200}, std::tuple{Field::Street, 200},
                      std::tuple{Field::PostalCode, 20}, std::tuple{Field::City, 100},
                      std::tuple{Field::Region, 100}, std::tuple{Field::Notes, 100000}),
    [](const auto& test) { return std::string(fieldName(std::get<0>(test.param))); });

TEST(Validation, EmailLengthLimit)
{
    // 64 + 1 + (60 + 1 + 60 + 1 + 63 + 1 + 3) = 254 characters, every part at its own maximum.
    const std::string local = repeat("a", 64);
    const std::string address =
        local + "@" + repeat("b", 60) + "." + repeat("c", 60) + "." + repeat("d", 63) + ".com";
    ASSERT_EQ(address.size(), 254U);
    EXPECT_TRUE(issuesWith(Field::Email, address).empty());
    const std::string longer =
        local + "@" + repeat("b", 61) + "." + repeat("c", 60) + "." + repeat("d", 63) + ".com";
    const std::vector<FieldIssue> expected = {{Field::Email, Problem::TooLong, 254}};
    EXPECT_EQ(issuesWith(Field::Email, longer), expected);
    const std::vector<FieldIssue> invalid = {{Field::Email, Problem::InvalidEmail}};
    EXPECT_EQ(issuesWith(Field::Email, repeat("a", 65) + "@x.com"), invalid); // local part > 64
}

TEST(Validation, Emails)
{
    for (const char* good : {"ana@x.com", "ana.lopez+clientes@mail.example.pt", "o'neil@ex.ie",
                             "josé@correo.es", "a@b.co", "info@xn--bcher-kva.de"})
        EXPECT_TRUE(issuesWith(Field::Email, good).empty()) << good;
    const std::vector<FieldIssue> invalid = {{Field::Email, Problem::InvalidEmail}};
    for (const char* bad :
         {"ana", "ana@", "@x.com", "ana@x", "ana@@x.com", "ana@b@x.com", "ana lopez@x.com",
          "ana@x .com", "ana@x..com", ".ana@x.com", "ana.@x.com", "an..a@x.com", "ana@-x.com",
          "ana@x.c", "ana@x.123", "ana@x_y.com", "<ana@x.com>", "ana@x.com.", "ana\xC2\xA0@x.com"})
        EXPECT_EQ(issuesWith(Field::Email, bad), invalid) << bad;
}

TEST(Validation, Countries)
{
    for (const char* good : {"", "ES", "PT", "FR", "DE", "BR", "GR", "US", "XK"})
        EXPECT_TRUE(issuesWith(Field::Country, good).empty()) << good;
    const std::vector<FieldIssue> invalid = {{Field::Country, Problem::InvalidCountry}};
    for (const char* bad : {"es", "E", "ESP", "XX", "EL", "UK", "1A", "É"})
        EXPECT_EQ(issuesWith(Field::Country, bad), invalid) << bad;
}

TEST(Validation, InvalidText)
{
    const std::vector<FieldIssue> city = {{Field::City, Problem::InvalidText}};
    EXPECT_EQ(issuesWith(Field::City, "Ma\xFFrid"), city);    // invalid byte
    EXPECT_EQ(issuesWith(Field::City, "Madri\xC3"), city);    // truncated sequence
    EXPECT_EQ(issuesWith(Field::City, "\xC0\xAF"), city);     // overlong form
    EXPECT_EQ(issuesWith(Field::City, "\xED\xA0\x80"), city); // surrogate
    EXPECT_EQ(issuesWith(Field::City, "Ma\ndrid"), city);     // line break in a line field
    EXPECT_EQ(issuesWith(Field::City, "Ma\tdrid"), city);
    EXPECT_EQ(issuesWith(Field::City, std::string("Ma\0d", 4)), city);
    EXPECT_EQ(issuesWith(Field::City, "Ma\x7F"), city);     // DEL
    EXPECT_EQ(issuesWith(Field::City, "Ma\xC2\x85"), city); // C1 control (NEL)
    EXPECT_TRUE(issuesWith(Field::Notes, "Línea 1\nLínea\t2").empty());
    const std::vector<FieldIssue> notes = {{Field::Notes, Problem::InvalidText}};
    EXPECT_EQ(issuesWith(Field::Notes, "bell\a"), notes);
    EXPECT_EQ(issuesWith(Field::Notes, "\xF8\x88\x80\x80\x80"), notes);
    // Invalid text is reported instead of, not in addition to, other problems of the field.
    const std::vector<FieldIssue> name = {{Field::LegalName, Problem::InvalidText}};
    EXPECT_EQ(issuesWith(Field::LegalName, "\x01"), name);
}

TEST(Validation, SeveralIssuesInFieldOrder)
{
    Client client;
    client.email = "nope";
    client.country = "ZZ";
    const std::vector<FieldIssue> expected = {{Field::LegalName, Problem::Required},
                                              {Field::Country, Problem::InvalidCountry},
                                              {Field::Email, Problem::InvalidEmail}};
    EXPECT_EQ(validate(client), expected);
}

TEST(Validation, ValidationErrorCarriesIssues)
{
    const ValidationError error({{Field::Email, Problem::InvalidEmail}});
    ASSERT_EQ(error.issues.size(), 1U);
    EXPECT_NE(std::string(error.what()).find("email"), std::string::npos);
}

TEST(Tidy, TrimsCollapsesAndNormalisesCase)
{
    Client client;
    client.legalName = "  Pérez \t  Díaz,\xC2\xA0\xC2\xA0S.L.\xC2\xA0 ";
    client.tradeName = "\xE2\x80\x83Tienda\xE3\x80\x80Uno\xEF\xBB\xBF"; // em space, ideographic
    client.email = "  Ana.Lopez@Example.COM ";
    client.country = " pt ";
    client.city = "\xC2\xA0Lisboa";
    client.notes = "\n  Primera línea\r\n\r\n  segunda   línea  \n\n";
    client.taxId = " B-12 345 ";
    tidy(client);
    EXPECT_EQ(client.legalName, "Pérez Díaz, S.L.");
    EXPECT_EQ(client.tradeName, "Tienda Uno");
    EXPECT_EQ(client.email, "Ana.Lopez@example.com"); // the local part may be case-sensitive
    EXPECT_EQ(client.country, "PT");
    EXPECT_EQ(client.city, "Lisboa");
    EXPECT_EQ(client.notes, "Primera línea\n\n  segunda   línea");
    EXPECT_EQ(client.taxId, "B-12 345");
}

// Text that looks tidy at a glance but holds one thing to tidy (the fast path for already
// tidy text must not take it), and tidy text that must come out byte for byte.
TEST(Tidy, OneSpaceToTidyInOtherwiseTidyText)
{
    const std::pair<const char*, const char*> cases[] = {
        {"P\xC3\xA9rez\xC2\xA0"
         "D\xC3\xAD"
         "az",
         "P\xC3\xA9rez D\xC3\xAD"
         "az"},                                  // NBSP
        {"Tienda\xE2\x80\xAFUno", "Tienda Uno"}, // narrow NBSP
        {"Tienda\xE3\x80\x80Uno", "Tienda Uno"}, // ideographic
        {"Uno\xEF\xBB\xBF", "Uno"},              // BOM at the end
        {"a\tb", "a b"},
        {"a  b", "a b"},
        {"a ", "a"},
        {" a", "a"},
        {"\xC3\x91"
         "and\xC3\xBA S.A. \xF0\x9F\x98\x80 \xC3\xA7\xC3\xA3", // kept as is
         "\xC3\x91"
         "and\xC3\xBA S.A. \xF0\x9F\x98\x80 \xC3\xA7\xC3\xA3"},
        {"C\xC2\xBA 3", "C\xC2\xBA 3"}, // º shares NBSP's lead byte and stays
    };
    for (const auto& [raw, expected] : cases)
    {
        Client client;
        client.legalName = raw;
        client.notes = raw;
        tidy(client);
        EXPECT_EQ(client.legalName, expected) << raw;
    }
    Client notes;
    notes.notes = "a  b";
    tidy(notes);
    EXPECT_EQ(notes.notes, "a  b"); // notes keep their inner spacing
    Client control;
    control.legalName = "A\x7F";
    tidy(control);
    EXPECT_EQ(validate(control).front().problem, Problem::InvalidText);
}

TEST(Tidy, KeepsInvalidBytesForValidationToReport)
{
    Client client;
    client.legalName = " A\xFF ";
    tidy(client);
    EXPECT_EQ(client.legalName, "A\xFF");
    EXPECT_EQ(validate(client).front().problem, Problem::InvalidText);
}

// Trimming never uncovers a formula: text that did not start with = + - @ does not start
// with one after tidying (one ASCII space stays in front), whatever space was trimmed.
TEST(Tidy, NeverMakesTextFormulaLike)
{
    const std::pair<const char*, const char*> cases[] = {
        {"\t=1+1", " =1+1"},
        {"\r=HYPERLINK(\"x\")", " =HYPERLINK(\"x\")"},
        {"\r\n+34 600 000 000", " +34 600 000 000"},
        {"\xC2\xA0-2", " -2"},                 // NBSP
        {"\xE3\x80\x80@SUM(A1)", " @SUM(A1)"}, // ideographic space
        {"\xEF\xBB\xBF=1", " =1"},             // BOM
        {"\xE2\x80\x83 \t =1 ", " =1"},        // a run of spaces: one stays
        {" =1", " =1"},                        // stable: tidy again, same text
        {"=1+1", "=1+1"},                      // started so: kept as given
        {"-2", "-2"},
        {"\t1=1", "1=1"}, // not at the start: trimmed as before
        {"\tA", "A"},
    };
    for (const auto& [raw, expected] : cases)
    {
        Client client;
        client.legalName = raw;
        client.phone = raw;
        client.notes = raw;
        tidy(client);
        EXPECT_EQ(client.legalName, expected) << raw;
        EXPECT_EQ(client.phone, expected) << raw;
        EXPECT_EQ(client.notes, std::string(expected)) << raw;
        Client again = client;
        tidy(again);
        EXPECT_EQ(again.legalName, client.legalName) << raw;
        EXPECT_EQ(tidyText(raw, false), expected) << raw;
        EXPECT_EQ(tidyText(raw, true), expected) << raw;
    }
    // Multi-line text: a leading line break is trimmed the same way.
    EXPECT_EQ(tidyText("\n\n=1\nb", true), " =1\nb");
    // The first tag too.
    Client tags;
    tags.tags = "\t=x, vip";
    tidy(tags);
    EXPECT_FALSE(startsLikeFormula(tags.tags)) << tags.tags;
    EXPECT_TRUE(startsLikeFormula("@a"));
    EXPECT_FALSE(startsLikeFormula(" @a"));
    EXPECT_FALSE(startsLikeFormula(""));
}

TEST(Tidy, EmptyFieldsStayEmpty)
{
    Client client;
    tidy(client);
    for (Field field : allFields())
        EXPECT_TRUE(client.value(field).empty());
}

class TaxIdNormalisation
    : public ::testing::TestWithParam<std::tuple<const char*, const char*, const char*>>
{
};

TEST_P(TaxIdNormalisation, Normalises)
{
    const auto [raw, country, expected] = GetParam();
    EXPECT_EQ(normalizeTaxId(raw, country), expected) << raw << " / " << country;
}

INSTANTIATE_TEST_SUITE_P(Validation, TaxIdNormalisation,
                         ::testing::Values(std::tuple{"b-12345678", "", "B12345678"},
                                           std::tuple{"ES B-12.345.678", "ES", "B12345678"},
                                           std::tuple{"es b12345678", "es", "B12345678"},
                                           std::tuple{"ESB12345678", "", "ESB12345678"},
                                           std::tuple{"ESB12345678", "PT", "ESB12345678"},
                                           std::tuple{"PT 501 234 567", "PT", "501234567"},
                                           std::tuple{"501/234/567", "PT", "501234567"},
                                           std::tuple{"EL 123456789", "GR", "123456789"},
                                           std::tuple{"GR123456789", "GR", "123456789"},
                                           std::tuple{"EL123456789", "ES", "EL123456789"},
                                           std::tuple{"12.345.678-z", "ES", "12345678Z"},
                                           std::tuple{"x\xC2\xA0"
                                                      "1234567\xE2\x80\x93L",
                                                      "ES", "X1234567L"},
                                           std::tuple{"ES", "ES", "ES"}, // nothing would be left
                                           std::tuple{"", "ES", ""}, std::tuple{" - . / ", "", ""}),
                         [](const auto& test) { return "case" + std::to_string(test.index); });

} // namespace clientes

namespace clientes
{
// The store's comparison key and the tax-ID module agree on characters; they differ only in
// that the store drops a prefix solely when it is the client's own country.
TEST(TaxIdNormalisationAgreement, SameCharactersAsTheTaxIdModule)
{
    for (const char* raw : {"b_12,345.678", "x-1234567-l", "ñ 123",
                            "B\xE2\x80\x93"
                            "12345678"})
        EXPECT_EQ(normalizeTaxId(raw, ""), compactTaxId(raw)) << raw;
    EXPECT_EQ(normalizeTaxId("XI 123 4567 89", "XI"), "123456789");
    EXPECT_EQ(normalizeTaxId("GB123456789", "XI"), "123456789");
    EXPECT_EQ(normalizeTaxId("PTB12345678", "ES"), "PTB12345678");
}
} // namespace clientes
