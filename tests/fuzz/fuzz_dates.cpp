// ISO dates (rules/dates.hpp) and the dates the invoice import reads from cells
// (import_invoices.hpp: text in several orders, spreadsheet serial numbers).
// Input: byte 0 flags (day first, number cell), bytes 1-4 a day count, 5-12 a double, the rest
// text.
#include "core/rules/dates.hpp"
#include "core/transfer/import_invoices.hpp"
#include "fuzz_support.hpp"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

using namespace clientes;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool dayFirst = (data[0] & 1) != 0;
    const bool numberCell = (data[0] & 2) != 0;
    std::size_t used = 1;
    std::int32_t days = 0;
    double serial = 0;
    if (size >= used + sizeof days)
    {
        std::memcpy(&days, data + used, sizeof days);
        used += sizeof days;
    }
    if (size >= used + sizeof serial)
    {
        std::memcpy(&serial, data + used, sizeof serial);
        used += sizeof serial;
    }
    const std::string_view text(reinterpret_cast<const char*>(data) + used, size - used);

    if (isIsoDate(text))
    {
        FUZZ_CHECK(text.size() == 10);
        FUZZ_CHECK(addDays(text, 0) == std::string(text));
        const auto later = addDays(text, days);
        if (later)
        {
            FUZZ_CHECK(isIsoDate(*later));
            if (days != INT32_MIN)
                FUZZ_CHECK(addDays(*later, -days) == std::string(text));
            FUZZ_CHECK((days > 0) == (*later > text) && (days < 0) == (*later < text));
        }
    }
    else
        FUZZ_CHECK(!addDays(text, days));

    // Cell dates: whatever comes in, the result is an ISO date (years 1583-9999 for serials).
    const auto fromText =
        importDate(ImportCell{.text = std::string(text), .isNumber = false, .number = 0}, dayFirst);
    if (fromText)
        FUZZ_CHECK(isIsoDate(*fromText));
    if (isIsoDate(text))
        FUZZ_CHECK(fromText == std::string(text));
    const auto fromSerial = isoDateFromSerial(serial);
    if (fromSerial)
    {
        FUZZ_CHECK(isIsoDate(*fromSerial));
        FUZZ_CHECK(*fromSerial >= "1583-01-01");
    }
    const auto fromCell = importDate(
        ImportCell{.text = std::string(text), .isNumber = numberCell, .number = serial}, dayFirst);
    if (fromCell)
        FUZZ_CHECK(isIsoDate(*fromCell));
    if (numberCell)
        FUZZ_CHECK(fromCell == fromSerial);
    return 0;
}
