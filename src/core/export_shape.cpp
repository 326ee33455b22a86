#include "core/export_shape.hpp"

#include "core/messages.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace clientes
{

namespace
{

// Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool isLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` ASCII digits at `pos`.
bool readNumber(std::string_view text, std::size_t& pos, std::size_t count, int& value)
{
    if (pos + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i)
    {
        const char c = text[pos + i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c)
{
    if (pos >= text.size() || text[pos] != c)
        return false;
    ++pos;
    return true;
}

// 1899-12-30 is serial 0.
const std::int64_t kEpoch = daysFromCivil(1899, 12, 30);

} // namespace

const std::vector<Field>& exportedClientFields()
{
    static const std::vector<Field> fields = {
        Field::Code,   Field::LegalName,  Field::TradeName, Field::TaxId,  Field::Country,
        Field::Street, Field::PostalCode, Field::City,      Field::Region, Field::Email,
        Field::Phone,  Field::Website,    Field::Notes};
    return fields;
}

ExportSheet shapeClients(const std::vector<Client>& clients, Language language)
{
    const std::vector<Field>& fields = exportedClientFields();
    ExportSheet sheet;
    sheet.headers.reserve(fields.size());
    for (Field field : fields)
        sheet.headers.push_back(fieldLabel(field, language));
    sheet.columnKinds.assign(fields.size(), CellKind::Text);
    sheet.rows.reserve(clients.size());
    for (const Client& client : clients)
    {
        std::vector<ExportCell> row;
        row.reserve(fields.size());
        for (Field field : fields)
            row.push_back({CellKind::Text, client.value(field), 0});
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

double toSpreadsheetSerial(std::string_view iso)
{
    constexpr double kInvalid = std::numeric_limits<double>::quiet_NaN();
    std::size_t pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    if (!readNumber(iso, pos, 4, year) || !expect(iso, pos, '-') ||
        !readNumber(iso, pos, 2, month) || !expect(iso, pos, '-') || !readNumber(iso, pos, 2, day))
        return kInvalid;
    if (year < 1583 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return kInvalid;
    double serial = static_cast<double>(
        daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) - kEpoch);
    if (pos == iso.size())
        return serial;
    int hour = 0;
    int minute = 0;
    int second = 0;
    double fraction = 0;
    if (!expect(iso, pos, 'T') || !readNumber(iso, pos, 2, hour) || !expect(iso, pos, ':') ||
        !readNumber(iso, pos, 2, minute) || hour > 23 || minute > 59)
        return kInvalid;
    if (pos < iso.size() && iso[pos] == ':')
    {
        ++pos;
        if (!readNumber(iso, pos, 2, second) || second > 59)
            return kInvalid;
        if (pos < iso.size() && iso[pos] == '.')
        {
            ++pos;
            double scale = 0.1;
            const std::size_t start = pos;
            while (pos < iso.size() && iso[pos] >= '0' && iso[pos] <= '9')
            {
                fraction += (iso[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == start)
                return kInvalid;
        }
    }
    if (pos < iso.size() && iso[pos] == 'Z')
        ++pos;
    if (pos != iso.size())
        return kInvalid;
    serial += (hour * 3600.0 + minute * 60.0 + second + fraction) / 86400.0;
    return serial;
}

bool needsTextProtection(std::string_view text)
{
    if (text.empty())
        return false;
    const char first = text.front();
    return first == '=' || first == '+' || first == '-' || first == '@';
}

} // namespace clientes
