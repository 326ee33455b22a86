#include "core/text/language.hpp"

#include <gtest/gtest.h>

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

} // namespace clientes
