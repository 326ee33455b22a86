// The IBAN and BIC checks (rules/bank_account.hpp) on the SWIFT IBAN Registry's own examples:
// every SEPA country's example valid, and every one of them mutated as people mistype (a digit
// changed, two neighbours swapped, one dropped or doubled) refused with the right reason.
#include "core/messages/profile_text.hpp"
#include "core/rules/bank_account.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace clientes
{
namespace
{

using enum IbanVerdict;

struct Example
{
    std::string_view country;
    std::size_t length;
    std::string_view iban;
};

// The registry's examples (release 103), checked by a separate script (length, BBAN format and
// mod 97-10) written from ISO 13616 and ISO 7064, not from this implementation, and against
// python-stdnum, schwifty, php-iban and commons-validator's copies of the registry.
// clang-format off
// The countries of the SEPA schemes (EPC409-09 as of 2025: EU, EEA, CH, GB, AD, MC, SM, VA, AL,
// ME, MD, MK, RS) and Gibraltar, which has its own code.
constexpr Example kSepa[] = {
    {"AD", 24, "AD1200012030200359100100"},
    {"AL", 28, "AL47212110090000000235698741"},
    {"AT", 20, "AT611904300234573201"},
    {"BE", 16, "BE68539007547034"},
    {"BG", 22, "BG80BNBG96611020345678"},
    {"CH", 21, "CH9300762011623852957"},
    {"CY", 28, "CY17002001280000001200527600"},
    {"CZ", 24, "CZ6508000000192000145399"},
    {"DE", 22, "DE89370400440532013000"},
    {"DK", 18, "DK5000400440116243"},
    {"EE", 20, "EE382200221020145685"},
    {"ES", 24, "ES9121000418450200051332"},
    {"FI", 18, "FI2112345600000785"},
    {"FR", 27, "FR1420041010050500013M02606"},
    {"GB", 22, "GB29NWBK60161331926819"},
    {"GI", 23, "GI75NWBK000000007099453"},
    {"GR", 27, "GR1601101250000000012300695"},
    {"HR", 21, "HR1210010051863000160"},
    {"HU", 28, "HU42117730161111101800000000"},
    {"IE", 22, "IE29AIBK93115212345678"},
    {"IS", 26, "IS140159260076545510730339"},
    {"IT", 27, "IT60X0542811101000000123456"},
    {"LI", 21, "LI21088100002324013AA"},
    {"LT", 20, "LT121000011101001000"},
    {"LU", 20, "LU280019400644750000"},
    {"LV", 21, "LV80BANK0000435195001"},
    {"MC", 27, "MC5811222000010123456789030"},
    {"MD", 24, "MD24AG000225100013104168"},
    {"ME", 22, "ME25505000012345678951"},
    {"MK", 19, "MK07250120000058984"},
    {"MT", 31, "MT84MALT011000012345MTLCAST001S"},
    {"NL", 18, "NL91ABNA0417164300"},
    {"NO", 15, "NO9386011117947"},
    {"PL", 28, "PL61109010140000071219812874"},
    {"PT", 25, "PT50000201231234567890154"},
    {"RO", 24, "RO49AAAA1B31007593840000"},
    {"RS", 22, "RS35260005601001611379"},
    {"SE", 24, "SE4550000000058398257466"},
    {"SI", 19, "SI56263300012039086"},
    {"SK", 24, "SK3112000000198742637541"},
    {"SM", 27, "SM86U0322509800000000270100"},
    {"VA", 22, "VA59001123000012345678"},
};
// The registry's other countries.
constexpr Example kOthers[] = {
    {"AE", 23, "AE070331234567890123456"},
    {"AZ", 28, "AZ21NABZ00000000137010001944"},
    {"BA", 20, "BA391290079401028494"},
    {"BH", 22, "BH67BMAG00001299123456"},
    {"BI", 27, "BI4210000100010000332045181"},
    {"BR", 29, "BR6699999A03000010009795493C1"},
    {"BY", 28, "BY13NBRB3600900000002Z00AB00"},
    {"CR", 22, "CR05015202001026284066"},
    {"DJ", 27, "DJ2100010000000154000100186"},
    {"DO", 28, "DO28BAGR00000001212453611324"},
    {"EG", 29, "EG380019000500000000263180002"},
    {"FK", 18, "FK88SC123456789012"},
    {"FO", 18, "FO6264600001631634"},
    {"GE", 22, "GE29NB0000000101904917"},
    {"GL", 18, "GL8964710001000206"},
    {"GT", 28, "GT82TRAJ01020000001210029690"},
    {"HN", 28, "HN88CABF00000000000250005469"},
    {"IL", 23, "IL620108000000099999999"},
    {"IQ", 23, "IQ98NBIQ850123456789012"},
    {"JO", 30, "JO94CBJO0010000000000131000302"},
    {"KW", 30, "KW81CBKU0000000000001234560101"},
    {"KZ", 20, "KZ86125KZT5004100100"},
    {"LB", 28, "LB62099900000001001901229114"},
    {"LC", 32, "LC55HEMM000100010012001200023015"},
    {"LY", 25, "LY83002048000020100120361"},
    {"MN", 20, "MN121234123456789123"},
    {"MR", 27, "MR1300020001010000123456753"},
    {"MU", 30, "MU17BOMM0101101030300200000MUR"},
    {"NI", 28, "NI45BAPR00000013000003558124"},
    {"OM", 23, "OM810180000001299123456"},
    {"PK", 24, "PK36SCBL0000001123456702"},
    {"PS", 29, "PS92PALS000000000400123456702"},
    {"QA", 29, "QA58DOHB00001234567890ABCDEFG"},
    {"RU", 33, "RU0304452522540817810538091310419"},
    {"SA", 24, "SA0380000000608010167519"},
    {"SC", 31, "SC18SSCB11010000000000001497USD"},
    {"SD", 18, "SD2129010501234001"},
    {"SO", 23, "SO211000001001000100141"},
    {"ST", 25, "ST23000100010051845310146"},
    {"SV", 28, "SV62CENR00000000000000700025"},
    {"TL", 23, "TL380080012345678910157"},
    {"TN", 24, "TN5910006035183598478831"},
    {"TR", 26, "TR330006100519786457841326"},
    {"UA", 29, "UA213223130000026007233566001"},
    {"VG", 24, "VG96VPVG0000012345678901"},
    {"XK", 20, "XK051212012345678906"},
    {"YE", 30, "YE15CBYE0001018861234567891234"},
};
// clang-format on

char nextDigit(char c)
{
    return c == '9' ? '0' : static_cast<char>(c + 1);
}

TEST(Iban, EverySepaCountrysExampleIsValid)
{
    EXPECT_EQ(std::size(kSepa), 42U);
    for (const Example& example : kSepa)
    {
        const IbanCheck check = checkIban(example.iban);
        EXPECT_EQ(check.verdict, Valid) << example.iban;
        EXPECT_EQ(check.country, example.country);
        EXPECT_EQ(check.expectedLength, example.length) << example.iban;
        EXPECT_EQ(check.electronic, example.iban);
        EXPECT_EQ(ibanLength(example.country), example.length);
    }
}

TEST(Iban, EveryOtherRegistryCountrysExampleIsValid)
{
    for (const Example& example : kOthers)
    {
        const IbanCheck check = checkIban(example.iban);
        EXPECT_EQ(check.verdict, Valid) << example.iban;
        EXPECT_EQ(check.expectedLength, example.length) << example.iban;
    }
    // Brazil's format before release 103 is still valid.
    EXPECT_EQ(checkIban("BR1800360305000010009795493C1").verdict, Valid);
}

TEST(Iban, EveryDigitMistypedInEverySepaExampleIsCaught)
{
    std::size_t mutations = 0;
    for (const Example& example : kSepa)
    {
        const std::string iban(example.iban);
        for (std::size_t i = 2; i < iban.size(); ++i)
        {
            if (iban[i] < '0' || iban[i] > '9')
                continue;
            std::string typo = iban;
            typo[i] = nextDigit(typo[i]);
            EXPECT_EQ(checkIban(typo).verdict, BadCheckDigits) << typo << " from " << iban;
            ++mutations;
        }
    }
    EXPECT_GT(mutations, 42U * 14U);
}

TEST(Iban, EveryTwoNeighbouringDigitsSwappedInEverySepaExampleAreCaught)
{
    std::size_t mutations = 0;
    for (const Example& example : kSepa)
    {
        const std::string iban(example.iban);
        for (std::size_t i = 2; i + 1 < iban.size(); ++i)
        {
            const auto digit = [](char c) { return c >= '0' && c <= '9'; };
            if (!digit(iban[i]) || !digit(iban[i + 1]) || iban[i] == iban[i + 1])
                continue;
            std::string swapped = iban;
            std::swap(swapped[i], swapped[i + 1]);
            EXPECT_EQ(checkIban(swapped).verdict, BadCheckDigits) << swapped << " from " << iban;
            ++mutations;
        }
    }
    EXPECT_GT(mutations, 42U * 5U);
}

TEST(Iban, ADigitDroppedOrDoubledIsTheWrongLengthForItsCountry)
{
    for (const Example& example : kSepa)
    {
        const std::string iban(example.iban);
        const IbanCheck shorter = checkIban(iban.substr(0, iban.size() - 1));
        EXPECT_EQ(shorter.verdict, WrongLength) << iban;
        EXPECT_EQ(shorter.expectedLength, example.length);
        EXPECT_EQ(checkIban(iban + iban.back()).verdict, WrongLength) << iban;
    }
}

TEST(Iban, ALetterWhereTheCountrysFormatHasDigitsIsTheWrongFormat)
{
    EXPECT_EQ(checkIban("ES9121000418450200051B32").verdict, WrongFormat);
    EXPECT_EQ(checkIban("DE8937040044053201300O").verdict, WrongFormat); // O for 0
    EXPECT_EQ(checkIban("GB29NW3K60161331926819").verdict, WrongFormat);
    EXPECT_EQ(checkIban("ESX121000418450200051332").verdict, WrongFormat); // check digits
}

TEST(Iban, ThePaperFormatAndLowerCaseAreReadAsTheElectronicOne)
{
    for (std::string_view paper :
         {"ES91 2100 0418 4502 0005 1332", "IBAN ES91 2100 0418 4502 0005 1332",
          "es91-2100-0418-4502-0005-1332", "ES91.2100.0418.4502.0005.1332",
          "ES91\u00a02100\u00a00418\u00a04502\u00a00005\u00a01332", " es9121000418450200051332 "})
    {
        const IbanCheck check = checkIban(paper);
        EXPECT_EQ(check.verdict, Valid) << paper;
        EXPECT_EQ(check.electronic, "ES9121000418450200051332") << paper;
    }
    EXPECT_EQ(printIban("ES9121000418450200051332"), "ES91 2100 0418 4502 0005 1332");
    EXPECT_EQ(printIban("NO9386011117947"), "NO93 8601 1117 947");
    for (const Example& example : kSepa)
        EXPECT_EQ(checkIban(printIban(example.iban)).verdict, Valid) << example.iban;
}

TEST(Iban, EmptyForeignAndOddInputAreToldApart)
{
    EXPECT_EQ(checkIban("").verdict, Empty);
    EXPECT_EQ(checkIban("   ").verdict, Empty);
    const IbanCheck us = checkIban("US12345678901234");
    EXPECT_EQ(us.verdict, UnknownCountry);
    EXPECT_EQ(us.country, "US");
    EXPECT_EQ(us.expectedLength, 0U);
    EXPECT_EQ(checkIban("1234567890").verdict, UnknownCountry);
    EXPECT_EQ(checkIban("ES91 2100 0418 4502 0005 133é").verdict, BadCharacters);
    EXPECT_EQ(checkIban("ES91/2100/0418/4502/0005/1332").verdict, BadCharacters);
    EXPECT_EQ(checkIban("E").verdict, UnknownCountry);
    EXPECT_EQ(checkIban(std::string(5000, '9')).verdict, UnknownCountry);
}

TEST(Iban, EachVerdictHasItsWarningInEveryLanguage)
{
    EXPECT_EQ(ibanWarning(checkIban("ES9121000418450200051332"), Language::Es), "");
    EXPECT_EQ(ibanWarning(checkIban(""), Language::Es), "");
    EXPECT_EQ(ibanWarning(checkIban("ES912100041845020005133"), Language::Es),
              "El IBAN tiene 23 caracteres; los de ES tienen 24.");
    EXPECT_EQ(ibanWarning(checkIban("ES9121000418450200051333"), Language::En),
              "The IBAN's check digits do not match: a digit is missing or one too many, or two "
              "are swapped.");
    EXPECT_EQ(ibanWarning(checkIban("US12345678901234"), Language::Pt),
              "Um IBAN começa pelo código de um país que use IBAN (ES, PT…); «US» não é.");
    for (Language language : {Language::Es, Language::En, Language::Pt})
        for (std::string_view wrong : {"ES91 2100 0418 4502 0005 133é", "US1", "ES91210004184502",
                                       "ES9121000418450200051B32", "ES9121000418450200051333"})
            EXPECT_FALSE(ibanWarning(checkIban(wrong), language).empty()) << wrong;
}

TEST(Bic, EightOrElevenLettersAndDigitsWithACountry)
{
    for (std::string_view bic : {"CAIXESBBXXX", "CGDIPTPL", "deutdeff", "DEUTDEFF500", "BSCH ES MM",
                                 "NWBKGB2L", "BNPAFRPPXXX"})
        EXPECT_EQ(checkBic(bic).verdict, BicVerdict::Valid) << bic;
    EXPECT_EQ(checkBic("deutdeff").normalized, "DEUTDEFF");
    EXPECT_EQ(checkBic("deutdeff").country, "DE");
    for (std::string_view bic :
         {"CAIXESB", "CAIXESBBXX", "CAIX1SBBXXX", "CAIXES-BB", "CAIXESBBXXXX"})
        EXPECT_EQ(checkBic(bic).verdict, BicVerdict::WrongFormat) << bic;
    EXPECT_EQ(checkBic("CAIXZZBB").verdict, BicVerdict::UnknownCountry);
    EXPECT_EQ(checkBic(" ").verdict, BicVerdict::Empty);
    EXPECT_EQ(bicWarning(checkBic("CAIXZZBB"), Language::Es),
              "Las letras 5.ª y 6.ª de un BIC son el país; «ZZ» no es un país.");
    EXPECT_EQ(bicWarning(checkBic("CAIXESBB"), Language::Es), "");
    EXPECT_FALSE(bicWarning(checkBic("CAIX"), Language::En).empty());
}

} // namespace
} // namespace clientes
