#include "core/model/client.hpp"

#include <gtest/gtest.h>

#include <set>

namespace clientes
{

TEST(Client, FieldNamesRoundTrip)
{
    std::set<std::string_view> names;
    for (Field field : allFields())
    {
        const std::string_view name = fieldName(field);
        EXPECT_FALSE(name.empty());
        names.insert(name);
        ASSERT_TRUE(fieldFromName(name).has_value()) << name;
        EXPECT_EQ(*fieldFromName(name), field);
    }
    EXPECT_EQ(names.size(), allFields().size());
}

TEST(Client, FieldNamesAreTheApiNames)
{
    EXPECT_EQ(fieldName(Field::LegalName), "legalName");
    EXPECT_EQ(fieldName(Field::PostalCode), "postalCode");
    EXPECT_EQ(fieldName(Field::TaxId), "taxId");
    EXPECT_EQ(fieldFromName("notes"), Field::Notes);
    EXPECT_FALSE(fieldFromName("LegalName").has_value());
    EXPECT_FALSE(fieldFromName("").has_value());
    EXPECT_FALSE(fieldFromName("uuid").has_value());
}

TEST(Client, ValueAccessesEachMember)
{
    Client client;
    for (Field field : allFields())
        client.value(field) = std::string(fieldName(field));
    EXPECT_EQ(client.code, "code");
    EXPECT_EQ(client.legalName, "legalName");
    EXPECT_EQ(client.tradeName, "tradeName");
    EXPECT_EQ(client.taxId, "taxId");
    EXPECT_EQ(client.country, "country");
    EXPECT_EQ(client.street, "street");
    EXPECT_EQ(client.postalCode, "postalCode");
    EXPECT_EQ(client.city, "city");
    EXPECT_EQ(client.region, "region");
    EXPECT_EQ(client.email, "email");
    EXPECT_EQ(client.phone, "phone");
    EXPECT_EQ(client.website, "website");
    EXPECT_EQ(client.notes, "notes");
    const Client& constant = client;
    EXPECT_EQ(&constant.value(Field::City), &client.city);
}

} // namespace clientes
