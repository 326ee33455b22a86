#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    Notes,
    // Schema v3. Their values are text too, in the API's spelling (see Client).
    Kind,
    Tags,
    PaymentTerms,
    Currency,
    // Schema v4 (SQLite; v3 on the server).
    Mobile,
    Street2
};

const std::array<Field, 19>& allFields();

// API names: "code", "legalName", "tradeName", "taxId", "country", "street", "postalCode",
// "city", "region", "email", "phone", "website", "notes", "kind", "tags", "paymentTerms",
// "currency", "mobile", "street2".
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
    std::string street2; // the address's second line: floor, door, building ("#401", "2º B")
    std::string postalCode;
    std::string city;
    std::string region;
    std::string email;
    std::string phone;
    std::string mobile; // kept as written, like the phone
    std::string website;
    std::string notes;
    // "company", "person", or "" (not stated; what clients stored before schema v3 have).
    std::string kind;
    // Labels, comma-separated: "vip, wholesale". tidy() trims each, drops empty ones and
    // duplicates (ignoring case and accents) and writes them as "a, b"; see tagList().
    std::string tags;
    // Whole days, "0" to "365", or "" when not agreed; see paymentTermDays().
    std::string paymentTerms;
    // Default currency, ISO 4217 alpha-3 ("EUR"), or "".
    std::string currency;
    bool archived = false;
    std::string createdAt;    // ISO 8601 UTC, e.g. "2024-05-01T10:20:30.123Z"
    std::string updatedAt;    // ISO 8601 UTC
    std::int64_t version = 0; // 1 after add, bumped on every change

    std::string& value(Field field);
    const std::string& value(Field field) const;

    // The tags one by one (split at commas, trimmed, empty ones left out).
    std::vector<std::string> tagList() const;
    // paymentTerms as a number; nullopt when empty or not a whole number.
    std::optional<int> paymentTermDays() const;
};

inline constexpr std::string_view kKindCompany = "company";
inline constexpr std::string_view kKindPerson = "person";

// Canonical form of a client code, as the register compares codes: letters, an optional '-'
// or ' ', digits → upper-case letters, '-', digits zero-padded to 6 ("c1", "C 1", "c-000001"
// → "C-000001"). Anything else: trimmed, upper-cased.
std::string canonicalClientCode(std::string_view raw);
// The first form alone: "C-000001" for "c1", nothing for a code of another shape.
std::optional<std::string> canonicalNumberedCode(std::string_view raw);

// "a, b ,,c" → {"a", "b", "c"}: split at commas, blanks trimmed, empty items left out.
std::vector<std::string> splitTags(std::string_view text);
// {"a", "b"} → "a, b"; " @vip, b" when the first tag starts like a formula (= + - @), as
// tidying keeps such text.
std::string joinTags(const std::vector<std::string>& tags);
// One space in front of text that starts like a formula (= + - @); other text unchanged.
void guardFormulaStart(std::string& text);

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
