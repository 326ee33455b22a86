// Regressions for what the fuzz targets (tests/fuzz) and the sanitizer build found in the core.
#include "core/rules/dates.hpp"
#include "core/rules/validation.hpp"
#include "core/text/utf8.hpp"

#include <gtest/gtest.h>

#include <climits>

using namespace clientes;

// fuzz_dates: a day count large enough to wrap the year around came back as a date in range
// ("8919-12-30" + 1,263,225,710 days gave a date before the start) instead of nothing.
TEST(FuzzFindings, AddDaysFarOutOfRangeIsNothing)
{
    EXPECT_FALSE(addDays("8919-12-30", 1263225710).has_value());
    EXPECT_FALSE(addDays("2024-01-01", INT_MAX).has_value());
    EXPECT_FALSE(addDays("2024-01-01", INT_MIN).has_value());
    EXPECT_FALSE(addDays("0001-01-01", -1).has_value());
    EXPECT_EQ(addDays("0001-01-01", 3652058), "9999-12-31");
    EXPECT_EQ(addDays("9999-12-31", -3652058), "0001-01-01");
    EXPECT_FALSE(addDays("0001-01-01", 3652059).has_value());
}

// fuzz_tax_id: a "country" of two bytes that are not letters (here half of a UTF-8 sequence)
// was cut from the front of the tax ID, leaving malformed UTF-8 in the store's key.
TEST(FuzzFindings, NormalizeTaxIdStripsOnlyALetterPrefix)
{
    const std::string key = normalizeTaxId("\xEF", "\xEF\xBF");
    EXPECT_TRUE(utf8::isValid(key));
    EXPECT_EQ(key, "\xEF\xBF\xBD"); // the malformed byte as U+FFFD, nothing cut
    EXPECT_EQ(normalizeTaxId("12x", "12"), "12X");
    EXPECT_EQ(normalizeTaxId("es-b12345674", "es"), "B12345674");
}
