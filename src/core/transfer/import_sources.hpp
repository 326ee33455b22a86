// The systems users leave behind, recognised from the header row of their exports: Odoo,
// Holded, Dolibarr, ERPNext, Google Contacts, Outlook and our own export. A recognised file
// gets its system's mapping (the columns as that system means them, corrected by the user
// column by column like any other) and its rules: a name made of first, middle and last names,
// an organisation as the client when a row names no person, a yes/no "Is a company" column as
// the client's kind, the system's own tag separator. Unknown layouts keep the header matching
// of import_mapping.hpp.
#pragma once

#include "core/model/client.hpp"
#include "core/model/profile_records.hpp"
#include "core/transfer/import_mapping.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

enum class SourceSystem
{
    Unknown,
    Odoo,
    Holded,
    Dolibarr,
    ErpNext,
    GoogleContacts,
    Outlook,
    Clientes // a list exported by this extension
};

// "Odoo", "Holded", "Dolibarr", "ERPNext", "Google Contacts", "Outlook", "Clientes"; "" for
// Unknown. Names of products: the same in every language.
std::string_view systemName(SourceSystem system);

// What a column a system's rules read is, when no field is mapped to it.
enum class ColumnRule
{
    None,
    NamePart,      // part of the person's name
    Organization,  // the person's company, or the client when no person is named
    CompanyFlag,   // yes/no: a company
    Parent,        // the company the row belongs to
    AddressType,   // a person or an address of that company
    JobTitle,      // the person's position
    ContactPerson, // the client's contact person
    Iban,          // the client's bank account
    Bic,           // that account's BIC (SWIFT code)
};
inline constexpr std::size_t kColumnRules = 10;
constexpr std::size_t ruleIndex(ColumnRule rule)
{
    return static_cast<std::size_t>(rule);
}

// How a recognised system's file is read.
struct SourceLayout
{
    SourceSystem system = SourceSystem::Unknown;
    // The system's meaning of each column, then the usual header matching for the columns it
    // does not name; one field per column at most, as autoMapping.
    ColumnMapping mapping;
    // Columns whose values go to the notes as "Header: value" lines: what the system keeps
    // and the register has no field for (Odoo's external ID, Holded's IBAN, ERPNext's
    // territory…), so that nothing is left behind.
    std::vector<std::size_t> noteColumns;
    // First, middle and last name columns, joined with spaces into the legal name of a row
    // that has none (Google, Outlook); such a client is a person.
    std::vector<std::size_t> nameParts;
    // Tags are split on this too (Holded: "-"), besides ";", " ::: " and line breaks.
    std::string_view tagSeparator;
    // The column each single-column rule reads (indexed by ruleIndex; NamePart is nameParts):
    // - Organization (Google's "Organization Name", Outlook's "Company"): the legal name of a
    //   row that names no person, which is then a company;
    // - CompanyFlag ("Is a Company", "is_company": 1/0, true/false): the client's kind when
    //   no kind is mapped;
    // - Parent (Odoo's "Related Company", ERPNext's "Link Name (Links)"): a row naming one is
    //   a person or an address of that company, not a client of its own;
    // - AddressType (Odoo's "Address Type": "Contact", "Invoice address", "Shipping
    //   address"…): none or "Contact" is a person;
    // - JobTitle ("Job Position", "Designation"): the person's role;
    // - ContactPerson (Holded's "Persona de contacto"): a contact of the row's own client;
    // - Iban, Bic (Holded's "IBAN" and "SWIFT"): a bank account of the row's client.
    std::array<std::optional<std::size_t>, kColumnRules> ruleColumns{};

    std::optional<std::size_t> column(ColumnRule rule) const
    {
        return ruleColumns[ruleIndex(rule)];
    }
    // The rule that reads `column`, if any.
    ColumnRule ruleOf(std::size_t column) const;
};

// Whether an address type cell ("Contact", "", "Invoice address", "Billing"…) names a person
// rather than an address.
bool isPersonRow(std::string_view addressType);
// The type of an address row: "Invoice address", "invoice", "Facturación" → Billing;
// "Shipping address", "delivery", "Envío" → Shipping; anything else → Other.
AddressType addressTypeOf(std::string_view addressType);

// The layout of a header row: its system when the headers carry that system's signature
// (several of its distinctive headers), else Unknown with autoMapping(headers) and no rules.
SourceLayout sourceLayout(const std::vector<std::string>& headers);

// A yes/no cell as the systems write it: "1", "true", "yes", "sí", "sim", "x" → true; "0",
// "false", "no", "não" → false; anything else nullopt.
std::optional<bool> yesNoFromText(std::string_view text);

} // namespace clientes
