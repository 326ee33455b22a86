#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clientes
{

// Editable text fields of a client, in display order.
enum class Field
{
    Code,
    LegalName,
    TradeName,
    TaxId,
    Country,
    Street,
    PostalCode,
    City,
    Region,
    Email,
    Phone,
    Website,
    Notes
};

const std::array<Field, 13>& allFields();

// API names: "code", "legalName", "tradeName", "taxId", "country", "street", "postalCode",
// "city", "region", "email", "phone", "website", "notes".
std::string_view fieldName(Field field);

// Exact (case-sensitive) API name → field.
std::optional<Field> fieldFromName(std::string_view name);

struct Client
{
    std::int64_t id = 0; // SQLite rowid, 0 = not stored yet
    std::string uuid;    // stable id (random UUID, text form)
    std::string code;    // human code "C-000001", assigned by the store
    std::string legalName;
    std::string tradeName;
    std::string taxId;
    std::string country; // ISO 3166 alpha-2, upper case
    std::string street;
    std::string postalCode;
    std::string city;
    std::string region;
    std::string email;
    std::string phone;
    std::string website;
    std::string notes;
    bool archived = false;
    std::string createdAt;    // ISO 8601 UTC, e.g. "2024-05-01T10:20:30.123Z"
    std::string updatedAt;    // ISO 8601 UTC
    std::int64_t version = 0; // 1 after add, bumped on every change

    std::string& value(Field field);
    const std::string& value(Field field) const;
};

// The columns shown in the search list.
struct ClientSummary
{
    std::int64_t id = 0;
    std::string code;
    std::string legalName;
    std::string taxId;
    std::string city;
    bool archived = false;
};

} // namespace clientes
