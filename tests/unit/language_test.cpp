#include "core/text/language.hpp"

#include <gtest/gtest.h>

#include <string>

namespace clientes
{

TEST(Language, FromTag)
{
    EXPECT_EQ(languageFromTag(""), Language::Es);
    EXPECT_EQ(languageFromTag("es"), Language::Es);
    EXPECT_EQ(languageFromTag("es-ES"), Language::Es);
    EXPECT_EQ(languageFromTag("ES-mx"), Language::Es);
    EXPECT_EQ(languageFromTag("pt-BR"), Language::Pt);
    EXPECT_EQ(languageFromTag("pt_PT"), Language::Pt);
    EXPECT_EQ(languageFromTag("en-US"), Language::En);
    EXPECT_EQ(languageFromTag("de-DE"), Language::En);
    EXPECT_EQ(languageFromTag("qlt"), Language::En);
}

// Every catalogue in po/ (and CLIENTES_EXTRA_CATALOGUES) is a language: "fr-FR" finds a
// po/fr.po when the build has one, English otherwise.
TEST(Language, EveryCatalogueIsALanguage)
{
    ASSERT_GE(languageCount(), 3U);
    bool french = false;
    for (const Language language : allLanguages())
    {
        const std::string tag(languageTag(language));
        EXPECT_EQ(languageFromTag(tag), language) << tag;
        if (tag.find('-') == std::string::npos)
            EXPECT_EQ(languageFromTag(tag + "-XX"), language) << tag;
        french = french || tag == "fr";
    }
    EXPECT_EQ(languageFromTag("fr-FR"), french ? languageFromTag("fr") : Language::En);
    EXPECT_EQ(quoted("x", Language::En), "\xE2\x80\x9Cx\xE2\x80\x9D");
    EXPECT_EQ(quoted("x", Language::Es), "\xC2\xABx\xC2\xBB");
}

} // namespace clientes
