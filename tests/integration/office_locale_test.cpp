// The extension's reading of the office's locale (src/uno/support/office_locale.cxx, run here
// over the bridge against a real office): separators, date order and currency layout come from
// LibreOffice's own locale data for each locale setting, and the core writes figures with them.
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"
#include "office.hpp"
#include "support/office_locale.hxx"

#include <gtest/gtest.h>

#include <memory>

namespace clientes::testing
{
namespace
{
const std::string kEuro = "\xE2\x82\xAC";
const std::string kPound = "\xC2\xA3";
} // namespace

class OfficeLocale : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { office = std::make_unique<Office>(); }
    static void TearDownTestSuite() { office.reset(); }

    // The office's locale setting set to `tag`, read as the deck and the profile read it.
    static Locale read(const std::string& tag)
    {
        setOfficeLocale(*office, tag);
        return uno::officeLocale(office->context());
    }

    static std::unique_ptr<Office> office;
};
std::unique_ptr<Office> OfficeLocale::office;

TEST_F(OfficeLocale, MexicanSpanish)
{
    const Locale mx = read("es-MX");
    EXPECT_EQ(mx.tag, "es-MX");
    EXPECT_EQ(mx.language, Language::Es); // the words follow the UI language (es-ES here)
    EXPECT_EQ(mx.decimalSeparator, ".");
    EXPECT_EQ(mx.thousandSeparator, ",");
    EXPECT_EQ(mx.datePattern, "DD/MM/YYYY");
    EXPECT_TRUE(mx.currency.symbolFirst);
    EXPECT_EQ(mx.currency.gap, "");
    EXPECT_EQ(mx.symbolOf("MXN"), "$");
    EXPECT_EQ(mx.symbolOf("EUR"), kEuro); // € is the euro's alone
    EXPECT_EQ(mx.symbolOf("USD"), "USD"); // "$" is the peso's here, and many currencies'
    EXPECT_EQ(formatAmount(123456, "MXN", mx), "$1,234.56");
    EXPECT_EQ(formatAmount(123456, "USD", mx), "USD 1,234.56");
    EXPECT_EQ(formatDate("2026-12-04", mx), "04/12/2026");
    EXPECT_EQ(clientCount(1234, mx), "1,234 clientes");
}

TEST_F(OfficeLocale, BrazilianPortuguese)
{
    const Locale br = read("pt-BR");
    EXPECT_EQ(br.decimalSeparator, ",");
    EXPECT_EQ(br.thousandSeparator, ".");
    EXPECT_EQ(br.datePattern, "DD/MM/YYYY");
    EXPECT_EQ(formatAmount(123456, "BRL", br), "R$ 1.234,56");
    EXPECT_EQ(formatAmount(123456, "EUR", br), kEuro + " 1.234,56");
    EXPECT_EQ(formatDate("2026-12-04", br), "04/12/2026");
}

TEST_F(OfficeLocale, BritishEnglish)
{
    const Locale gb = read("en-GB");
    EXPECT_EQ(gb.decimalSeparator, ".");
    EXPECT_EQ(gb.thousandSeparator, ",");
    EXPECT_EQ(formatAmount(123456, "GBP", gb), kPound + "1,234.56");
    EXPECT_EQ(formatDate("2026-12-04", gb), "04/12/2026");
}

TEST_F(OfficeLocale, SpainAndTheUnitedStates)
{
    const Locale es = read("es-ES");
    EXPECT_EQ(formatAmount(123456, "EUR", es), "1.234,56 " + kEuro);
    EXPECT_EQ(formatDate("2026-12-04", es), "04/12/2026");
    const Locale us = read("en-US");
    EXPECT_EQ(formatAmount(123456, "USD", us), "$1,234.56");
    // LibreOffice's four-digit-year date of en-US is MM/DD/YYYY.
    EXPECT_EQ(formatDate("2026-12-04", us), "12/04/2026");
    const Locale de = read("de-DE");
    EXPECT_EQ(formatDate("2026-12-04", de), "04.12.2026");
    EXPECT_EQ(formatAmount(123456, "EUR", de), "1.234,56 " + kEuro);
}

TEST_F(OfficeLocale, DefaultIsTheSystemsLocale)
{
    const Locale system = read("");
    EXPECT_FALSE(system.tag.empty());
    EXPECT_FALSE(system.decimalSeparator.empty());
    setOfficeLocale(*office, "");
}
} // namespace clientes::testing
