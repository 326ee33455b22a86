#include "core/client.hpp"

namespace clientes
{

namespace
{

constexpr std::array<Field, 13> kFields = {
    Field::Code,   Field::LegalName,  Field::TradeName, Field::TaxId,  Field::Country,
    Field::Street, Field::PostalCode, Field::City,      Field::Region, Field::Email,
    Field::Phone,  Field::Website,    Field::Notes};

constexpr std::array<std::string_view, 13> kNames = {
    "code", "legalName", "tradeName", "taxId", "country", "street", "postalCode",
    "city", "region",    "email",     "phone", "website", "notes"};

} // namespace

const std::array<Field, 13>& allFields()
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
    }
    return notes; // unreachable for valid enumerators
}

} // namespace clientes
