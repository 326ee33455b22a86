// What reaches a message from outside: cut to a readable length, nothing that hides or
// reorders text, no source paths; text from UNO converted without losing valid characters.
#include "core/messages/messages.hpp"
#include "core/text/language.hpp"
#include "core/text/utf8.hpp"
#include "core/transfer/import_outcome.hpp"

#include <gtest/gtest.h>

namespace clientes
{
namespace
{

TEST(MessageSafety, ShownValuesAreCutToAReadableLength)
{
    const std::string huge(1'000'000, 'x');
    const std::string shown = shownValue(huge, 60);
    EXPECT_EQ(utf8::length(shown), 61u); // 60 characters and "…"
    EXPECT_EQ(shown.substr(shown.size() - 3), "\xE2\x80\xA6");
    EXPECT_EQ(shownValue("corto", 60), "corto");
    EXPECT_EQ(shownValue(std::string(60, 'a'), 60), std::string(60, 'a')) << "exactly the limit";
    // Cut by characters, never inside one.
    EXPECT_EQ(shownValue("ñññ", 2), "ññ\xE2\x80\xA6");
}

TEST(MessageSafety, ShownValuesNeutraliseWhatHidesOrReordersText)
{
    // "invoice<RLO>fdp.exe" would show as "invoiceexe.pdf".
    EXPECT_EQ(shownValue("invoice\xE2\x80\xAE"
                         "fdp.exe"),
              "invoice\xEF\xBF\xBD"
              "fdp.exe");
    EXPECT_EQ(shownValue("a\tb\nc\x7F"
                         "d"),
              "a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD"
              "c\xEF\xBF\xBD"
              "d");
    EXPECT_EQ(shownValue("zero\xE2\x80\x8Bwidth"), "zero\xEF\xBF\xBDwidth");
    EXPECT_EQ(shownValue("iso\xE2\x81\xA6late"), "iso\xEF\xBF\xBDlate");
    EXPECT_EQ(shownValue("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
    EXPECT_EQ(shownValue("Núñez Açores 😀"), "Núñez Açores 😀");
}

TEST(MessageSafety, QuotedFollowsTheLanguage)
{
    EXPECT_EQ(quoted("colour", Language::Es), "«colour»");
    EXPECT_EQ(quoted("colour", Language::Pt), "«colour»");
    EXPECT_EQ(quoted("colour", Language::En), "“colour”");
}

TEST(MessageSafety, SourceLocationsAreTakenOutOfOfficeMessages)
{
    EXPECT_TRUE(namesSourceFile(
        "at /build/libreoffice-7.4.7/sc/source/ui/unoobj/docuno.cxx:3412: invalid name"));
    EXPECT_EQ(withoutInternals("Invalid sheet name at "
                               "/build/libreoffice-7.4.7/sc/source/ui/unoobj/docuno.cxx:3412"),
              "Invalid sheet name");
    EXPECT_EQ(withoutInternals("/build/libreoffice-7.4.7/sc/source/ui/unoobj/docuno.cxx:3412"), "");
    EXPECT_EQ(withoutInternals("The sheet is protected."), "The sheet is protected.");
    EXPECT_FALSE(namesSourceFile("Factura 2024/05 del cliente"));
}

TEST(MessageSafety, WrongTypesSayWhatWasExpected)
{
    EXPECT_EQ(wrongTypeMessage(ValueType::Text, "boolean", Language::Es),
              "Se esperaba un texto y se ha recibido un valor de tipo «boolean».");
    EXPECT_EQ(wrongTypeMessage(ValueType::Number, "com.sun.star.awt.Point", Language::En),
              "Expected a number (or text holding one), but got a value of type "
              "“com.sun.star.awt.Point”.");
    EXPECT_NE(wrongTypeMessage(ValueType::Date, "double", Language::Pt).find("data"),
              std::string::npos);
    const std::string longType(5000, 'T');
    EXPECT_LT(wrongTypeMessage(ValueType::Text, longType, Language::Es).size(), 200u);
}

TEST(MessageSafety, Utf16ConvertsLosslesslyAndReplacesOnlyUnpairedSurrogates)
{
    EXPECT_EQ(utf8::fromUtf16(u"A\xD800"
                              u"B"),
              "A\xEF\xBF\xBD"
              "B");
    EXPECT_EQ(utf8::fromUtf16(u"\xDC00"
                              u"x\xD83D"),
              "\xEF\xBF\xBDx\xEF\xBF\xBD");
    EXPECT_EQ(utf8::fromUtf16(u"Núñez 😀 中文"), "Núñez 😀 中文");
    EXPECT_EQ(utf8::fromUtf16(u""), "");
    const std::u16string nul(u"a\0b", 3);
    EXPECT_EQ(utf8::fromUtf16(nul), std::string("a\0b", 3));
}

TEST(MessageSafety, SheetNamesFollowCalcsRules)
{
    EXPECT_TRUE(isValidSheetName("Informe de importación"));
    EXPECT_TRUE(isValidSheetName("Julia's list"));
    for (const char* bad : {"", "a:b", "a/b", "a\\b", "a?", "a*", "[a]", "'a", "a'", "a\tb"})
        EXPECT_FALSE(isValidSheetName(bad)) << bad;
    EXPECT_FALSE(isValidSheetName("bad \xFF"));
}

} // namespace
} // namespace clientes
