#include "core/model/client.hpp"

#include "core/text/ascii.hpp"
#include "core/text/utf8.hpp"
#include <algorithm>
#include <iterator>

namespace clientes
{

namespace
{

// In the enum's order (the stores read the first columns by position).
constexpr std::array<Field, 19> kFields = {
    Field::Code,         Field::LegalName,  Field::TradeName, Field::TaxId,  Field::Country,
    Field::Street,       Field::PostalCode, Field::City,      Field::Region, Field::Email,
    Field::Phone,        Field::Website,    Field::Notes,     Field::Kind,   Field::Tags,
    Field::PaymentTerms, Field::Currency,   Field::Mobile,    Field::Street2};

constexpr std::array<std::string_view, 19> kNames = {
    "code", "legalName",    "tradeName", "taxId",  "country", "street", "postalCode",
    "city", "region",       "email",     "phone",  "website", "notes",  "kind",
    "tags", "paymentTerms", "currency",  "mobile", "street2"};

} // namespace

const std::array<Field, 19>& allFields()
{
    return kFields;
}

std::string_view fieldName(Field field)
{
    return kNames.at(static_cast<std::size_t>(field));
}

std::optional<Field> fieldFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name)
            return kFields[i];
    return std::nullopt;
}

std::string& Client::value(Field field)
{
    // Reuse the const overload so the mapping exists only once.
    return const_cast<std::string&>(static_cast<const Client&>(*this).value(field));
}

const std::string& Client::value(Field field) const
{
    switch (field)
    {
    case Field::Code:
        return code;
    case Field::LegalName:
        return legalName;
    case Field::TradeName:
        return tradeName;
    case Field::TaxId:
        return taxId;
    case Field::Country:
        return country;
    case Field::Street:
        return street;
    case Field::PostalCode:
        return postalCode;
    case Field::City:
        return city;
    case Field::Region:
        return region;
    case Field::Email:
        return email;
    case Field::Phone:
        return phone;
    case Field::Website:
        return website;
    case Field::Notes:
        return notes;
    case Field::Kind:
        return kind;
    case Field::Tags:
        return tags;
    case Field::PaymentTerms:
        return paymentTerms;
    case Field::Currency:
        return currency;
    case Field::Mobile:
        return mobile;
    case Field::Street2:
        return street2;
    }
    return notes; // unreachable for valid enumerators
}

std::vector<std::string> Client::tagList() const
{
    return splitTags(tags);
}

std::optional<int> Client::paymentTermDays() const
{
    const std::string_view text = trimAscii(paymentTerms);
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    int days = 0;
    for (char c : text)
    {
        if (c < '0' || c > '9')
            return std::nullopt;
        days = days * 10 + (c - '0');
    }
    return days;
}

std::optional<std::string> canonicalNumberedCode(std::string_view raw)
{
    const std::string_view text = trimAscii(raw);
    std::size_t letters = 0;
    while (letters < text.size() && isAsciiAlpha(text[letters]))
        ++letters;
    std::size_t digitsStart = letters;
    if (digitsStart < text.size() && (text[digitsStart] == '-' || text[digitsStart] == ' '))
        ++digitsStart;
    std::string_view digits = text.substr(digitsStart);
    if (letters == 0 || digits.empty() || !std::all_of(digits.begin(), digits.end(), isAsciiDigit))
        return std::nullopt;
    const auto firstNonZero = digits.find_first_not_of('0');
    digits = firstNonZero == std::string_view::npos ? "0" : digits.substr(firstNonZero);
    std::string code;
    for (char c : text.substr(0, letters))
        code += asciiUpper(c);
    code += '-';
    if (digits.size() < 6)
        code.append(6 - digits.size(), '0');
    code += digits;
    return code;
}

std::string canonicalClientCode(std::string_view raw)
{
    if (auto numbered = canonicalNumberedCode(raw))
        return std::move(*numbered);
    // Codes compare case-insensitively in the store (COLLATE NOCASE).
    const std::string_view text = trimAscii(raw);
    std::string code;
    std::transform(text.begin(), text.end(), std::back_inserter(code), asciiUpper);
    return code;
}

std::vector<std::string> splitTags(std::string_view text)
{
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start <= text.size())
    {
        const auto comma = text.find(',', start);
        const std::string_view item = trimAscii(
            text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
        if (!item.empty())
            tags.emplace_back(item);
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return tags;
}

void guardFormulaStart(std::string& text)
{
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'))
        text.insert(0, 1, ' ');
}

std::string joinTags(const std::vector<std::string>& tags)
{
    std::string text;
    for (const std::string& tag : tags)
    {
        if (!text.empty())
            text += ", ";
        text += tag;
    }
    guardFormulaStart(text);
    return text;
}

} // namespace clientes
