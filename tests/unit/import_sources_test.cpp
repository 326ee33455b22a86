// The systems users leave behind, recognised from their headers (transfer/import_sources.hpp),
// with the header lists of each system's own templates and exports, and their rules through
// the import plan.
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_outcome.hpp"
#include "core/transfer/import_plan.hpp"
#include "core/transfer/import_sources.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace clientes
{
namespace
{

using Headers = std::vector<std::string>;

std::optional<Field> fieldOf(const SourceLayout& layout, const Headers& headers,
                             std::string_view header)
{
    const auto at = std::find(headers.begin(), headers.end(), header) - headers.begin();
    return layout.mapping.at(static_cast<std::size_t>(at));
}

bool isNote(const SourceLayout& layout, const Headers& headers, std::string_view header)
{
    const auto at = static_cast<std::size_t>(std::find(headers.begin(), headers.end(), header) -
                                             headers.begin());
    return std::find(layout.noteColumns.begin(), layout.noteColumns.end(), at) !=
           layout.noteColumns.end();
}

ImportTable textTable(const std::vector<std::vector<std::string>>& rows)
{
    ImportTable table;
    for (const auto& row : rows)
    {
        std::vector<ImportCell> cells;
        for (const std::string& text : row)
            cells.push_back({text});
        table.push_back(std::move(cells));
    }
    return table;
}

// The sheet an export writes of one record of `client` (shapeOwnedRecords), as text: its
// headers, then the record's row.
template <typename Record>
std::vector<std::vector<std::string>> ownSheet(const Client& client, const Record& record,
                                               Language language)
{
    const std::vector<OwnedRecords<Record>> owned = {{client.code, client.legalName, {record}}};
    const ExportSheet sheet =
        shapeOwnedRecords(std::span<const OwnedRecords<Record>>(owned), language);
    std::vector<std::string> row;
    for (const ExportCell& value : sheet.rows[0])
        row.push_back(value.text);
    return {sheet.headers, row};
}

// Odoo's contact import template (addons/base_import/static/csv/res.partner.csv).
const Headers kOdooTemplate = {
    "ID",     "Name",    "Company Type", "Related Company", "Customer", "Supplier", "Address Type",
    "Street", "Street2", "City",         "State",           "ZIP",      "Country",  "Website",
    "Phone",  "Mobile",  "Email"};

TEST(ImportSources, OdoosTemplateAndItsExports)
{
    const SourceLayout layout = sourceLayout(kOdooTemplate);
    EXPECT_EQ(layout.system, SourceSystem::Odoo);
    EXPECT_EQ(fieldOf(layout, kOdooTemplate, "Name"), Field::LegalName);
    EXPECT_EQ(fieldOf(layout, kOdooTemplate, "Company Type"), Field::Kind);
    EXPECT_EQ(fieldOf(layout, kOdooTemplate, "Street2"), Field::Street2);
    EXPECT_EQ(fieldOf(layout, kOdooTemplate, "State"), Field::Region);
    EXPECT_EQ(fieldOf(layout, kOdooTemplate, "ZIP"), Field::PostalCode);
    EXPECT_EQ(fieldOf(layout, kOdooTemplate, "Mobile"), Field::Mobile);
    EXPECT_TRUE(isNote(layout, kOdooTemplate, "ID")); // the external ID, kept in the notes
    EXPECT_EQ(fieldOf(layout, kOdooTemplate, "Related Company"), std::nullopt);
    EXPECT_EQ(fieldOf(layout, kOdooTemplate, "Customer"), std::nullopt);

    // Import-compatible export: technical names, "is_company" a yes/no column.
    const Headers technical = {"id",     "name", "is_company", "parent_id", "street",
                               "city",   "zip",  "country_id", "email",     "phone",
                               "mobile", "vat",  "category_id"};
    const SourceLayout exported = sourceLayout(technical);
    EXPECT_EQ(exported.system, SourceSystem::Odoo);
    EXPECT_EQ(exported.column(ColumnRule::CompanyFlag), 2U);
    EXPECT_EQ(fieldOf(exported, technical, "vat"), Field::TaxId);
    EXPECT_EQ(fieldOf(exported, technical, "country_id"), Field::Country);
    EXPECT_EQ(fieldOf(exported, technical, "category_id"), Field::Tags);
    EXPECT_EQ(fieldOf(exported, technical, "zip"), Field::PostalCode); // the usual matching

    // Odoo 16's list export with its labels.
    const Headers labels = {"Display Name", "Phone", "Email",  "Salesperson",
                            "Activities",   "City",  "Country"};
    const SourceLayout listed = sourceLayout(labels);
    EXPECT_EQ(listed.system, SourceSystem::Odoo);
    EXPECT_EQ(fieldOf(listed, labels, "Display Name"), Field::LegalName);
    EXPECT_TRUE(isNote(listed, labels, "Salesperson"));
}

TEST(ImportSources, HoldedInSpanishAndEnglishWithItsTagSeparator)
{
    const Headers spanish = {"Nombre",
                             "Nombre comercial",
                             "Persona de contacto",
                             "ID",
                             "Email",
                             "Teléfono",
                             "Móvil",
                             "Dirección",
                             "Población",
                             "Código postal",
                             "Provincia",
                             "País",
                             "IBAN",
                             "SWIFT",
                             "Ref. mandato",
                             "Notas",
                             "Tags separados por -",
                             "Cuenta canal de venta",
                             "Nombre canal de venta"};
    const SourceLayout layout = sourceLayout(spanish);
    EXPECT_EQ(layout.system, SourceSystem::Holded);
    EXPECT_EQ(layout.tagSeparator, "-");
    EXPECT_EQ(fieldOf(layout, spanish, "ID"), Field::TaxId); // Holded's ID is the NIF
    EXPECT_EQ(fieldOf(layout, spanish, "Móvil"), Field::Mobile);
    EXPECT_EQ(fieldOf(layout, spanish, "Tags separados por -"), Field::Tags);
    EXPECT_EQ(layout.column(ColumnRule::Iban), 12U);
    EXPECT_EQ(layout.column(ColumnRule::Bic), 13U);
    EXPECT_EQ(layout.column(ColumnRule::ContactPerson), 2U);

    const Headers english = {"Fiscal name",
                             "Trade name",
                             "Contact person",
                             "Contact ID",
                             "Contact email",
                             "Phone",
                             "Mobile",
                             "Address",
                             "Population",
                             "Postal code",
                             "Province",
                             "Country",
                             "IBAN",
                             "SWIFT",
                             "Command Ref",
                             "Notes",
                             "Tags separated by -"};
    const SourceLayout en = sourceLayout(english);
    EXPECT_EQ(en.system, SourceSystem::Holded);
    EXPECT_EQ(fieldOf(en, english, "Fiscal name"), Field::LegalName);
    EXPECT_EQ(fieldOf(en, english, "Contact ID"), Field::TaxId);
    EXPECT_EQ(fieldOf(en, english, "Population"), Field::City);
}

TEST(ImportSources, DolibarrsExportsAndImportExample)
{
    const Headers english = {"Id",
                             "Name",
                             "Alias Name",
                             "Parent company",
                             "Status",
                             "Customer",
                             "Vendor",
                             "Customer Code",
                             "Address",
                             "Zip Code",
                             "City",
                             "State/Province",
                             "Country",
                             "Country code",
                             "Phone",
                             "Url",
                             "Email",
                             "Professional ID 1",
                             "VAT ID",
                             "Note (private)",
                             "Third-party type",
                             ""};
    const SourceLayout layout = sourceLayout(english);
    EXPECT_EQ(layout.system, SourceSystem::Dolibarr);
    EXPECT_EQ(fieldOf(layout, english, "Alias Name"), Field::TradeName);
    EXPECT_EQ(fieldOf(layout, english, "VAT ID"), Field::TaxId);
    EXPECT_EQ(fieldOf(layout, english, "Url"), Field::Website);
    EXPECT_EQ(fieldOf(layout, english, "Third-party type"), Field::Kind);
    EXPECT_TRUE(isNote(layout, english, "Customer"));

    const Headers spanish = {
        "Id",        "Nombre",        "Apodo",      "Sede central",   "Código cliente",
        "Dirección", "Código postal", "Población",  "Provincia",      "País",
        "Teléfono",  "Correo",        "CIF intra.", "Tipo de tercero"};
    const SourceLayout es = sourceLayout(spanish);
    EXPECT_EQ(es.system, SourceSystem::Dolibarr);
    EXPECT_EQ(fieldOf(es, spanish, "Apodo"), Field::TradeName);
    EXPECT_EQ(fieldOf(es, spanish, "CIF intra."), Field::TaxId);

    const Headers example = {"Third-party name* (s.nom)",
                             "Alias Name (s.name_alias)",
                             "Parent company (s.parent)",
                             "Zip Code (s.zip)",
                             "City (s.town)",
                             "VAT ID (s.tva_intra)"};
    const SourceLayout model = sourceLayout(example);
    EXPECT_EQ(model.system, SourceSystem::Dolibarr);
    EXPECT_EQ(model.mapping[0], Field::LegalName);
    EXPECT_EQ(model.mapping[3], Field::PostalCode);
    EXPECT_EQ(model.mapping[5], Field::TaxId);
}

TEST(ImportSources, ErpNextCustomers)
{
    const Headers headers = {"ID",        "Customer Name", "Customer Type", "Customer Group",
                             "Territory", "Mobile No",     "Email Id",      "Tax ID"};
    const SourceLayout layout = sourceLayout(headers);
    EXPECT_EQ(layout.system, SourceSystem::ErpNext);
    EXPECT_EQ(fieldOf(layout, headers, "Customer Name"), Field::LegalName);
    EXPECT_EQ(fieldOf(layout, headers, "Customer Type"), Field::Kind); // Company / Individual
    EXPECT_EQ(fieldOf(layout, headers, "Mobile No"), Field::Mobile);
    EXPECT_TRUE(isNote(layout, headers, "Territory"));
    EXPECT_TRUE(isNote(layout, headers, "ID"));
}

TEST(ImportSources, GoogleAndOutlookNamesAreMadeOfTheirParts)
{
    const Headers google = {"First Name",
                            "Middle Name",
                            "Last Name",
                            "Phonetic First Name",
                            "File As",
                            "Organization Name",
                            "Organization Title",
                            "Notes",
                            "Labels",
                            "E-mail 1 - Label",
                            "E-mail 1 - Value",
                            "Phone 1 - Label",
                            "Phone 1 - Value",
                            "Address 1 - Street",
                            "Address 1 - City",
                            "Address 1 - Postal Code",
                            "Address 1 - Country"};
    const SourceLayout layout = sourceLayout(google);
    EXPECT_EQ(layout.system, SourceSystem::GoogleContacts);
    EXPECT_EQ(layout.nameParts, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(layout.column(ColumnRule::Organization), 5U);
    EXPECT_EQ(fieldOf(layout, google, "E-mail 1 - Value"), Field::Email);
    EXPECT_EQ(fieldOf(layout, google, "Address 1 - City"), Field::City);
    EXPECT_EQ(fieldOf(layout, google, "E-mail 1 - Label"), std::nullopt);

    const Headers older = {"Name",
                           "Given Name",
                           "Additional Name",
                           "Family Name",
                           "Yomi Name",
                           "Group Membership",
                           "E-mail 1 - Type",
                           "E-mail 1 - Value",
                           "Organization 1 - Name"};
    EXPECT_EQ(sourceLayout(older).system, SourceSystem::GoogleContacts);

    const Headers outlook = {"Title",
                             "First Name",
                             "Middle Name",
                             "Last Name",
                             "Suffix",
                             "Company",
                             "Department",
                             "Job Title",
                             "Business Street",
                             "Business Street 2",
                             "Business City",
                             "Business State",
                             "Business Postal Code",
                             "Business Country/Region",
                             "Business Phone",
                             "Mobile Phone",
                             "Categories",
                             "E-mail Address",
                             "E-mail Display Name",
                             "Notes",
                             "Web Page"};
    const SourceLayout ol = sourceLayout(outlook);
    EXPECT_EQ(ol.system, SourceSystem::Outlook);
    EXPECT_EQ(ol.nameParts, (std::vector<std::size_t>{1, 2, 3}));
    EXPECT_EQ(ol.column(ColumnRule::Organization), 5U);
    EXPECT_EQ(fieldOf(ol, outlook, "Business Street 2"), Field::Street2);
    EXPECT_EQ(fieldOf(ol, outlook, "Mobile Phone"), Field::Mobile);
    EXPECT_EQ(fieldOf(ol, outlook, "Categories"), Field::Tags);
}

TEST(ImportSources, AnOrdinarySheetIsNoSystemsAndKeepsTheUsualMatching)
{
    const Headers sheet = {"Razón social", "NIF",      "Dirección", "Población",
                           "Provincia",    "Teléfono", "Móvil",     "Email"};
    const SourceLayout layout = sourceLayout(sheet);
    EXPECT_EQ(layout.system, SourceSystem::Unknown);
    EXPECT_EQ(layout.mapping, autoMapping(sheet));
    EXPECT_TRUE(layout.noteColumns.empty());
    EXPECT_EQ(systemName(SourceSystem::Unknown), "");
    EXPECT_EQ(systemName(SourceSystem::ErpNext), "ERPNext");
}

TEST(ImportSources, YesAndNoAsSystemsWriteThem)
{
    for (const char* yes : {"1", "True", "TRUE", "yes", "Sí", "sim", "x"})
        EXPECT_EQ(yesNoFromText(yes), true) << yes;
    for (const char* no : {"0", "False", "no", "Não"})
        EXPECT_EQ(yesNoFromText(no), false) << no;
    EXPECT_EQ(yesNoFromText(""), std::nullopt);
    EXPECT_EQ(yesNoFromText("quizá"), std::nullopt);
}

// The rules through the plan: names made of their parts, the organisation as the client of a
// row without a person, a yes/no company column, Holded's "-" between tags, rule columns not
// reported as left out.
TEST(ImportSources, ThePlanAppliesTheSystemsRules)
{
    InMemoryClients existing;
    const ImportPlan google =
        planImport(textTable({{"First Name", "Middle Name", "Last Name", "File As",
                               "Organization Name", "E-mail 1 - Value", "Phonetic First Name"},
                              {"Ana", "María", "Pérez", "", "Acme, S.L.", "ana@acme.es", ""},
                              {"", "", "", "", "Globex, S.A.", "info@globex.es", ""}}),
                   {}, existing, Language::Es);
    EXPECT_EQ(google.system, SourceSystem::GoogleContacts);
    ASSERT_EQ(google.rows.size(), 2U);
    EXPECT_EQ(google.rows[0].action, RowAction::Create);
    EXPECT_EQ(google.rows[0].client.legalName, "Ana María Pérez");
    EXPECT_EQ(google.rows[0].client.kind, "person");
    EXPECT_EQ(google.rows[0].client.notes, "Organization Name: Acme, S.L.");
    EXPECT_EQ(google.rows[1].client.legalName, "Globex, S.A.");
    EXPECT_EQ(google.rows[1].client.kind, "company");
    EXPECT_TRUE(google.leftOut.empty());

    const ImportPlan odoo = planImport(textTable({{"id", "name", "is_company", "parent_id"},
                                                  {"p1", "Grocery Outlet", "1", ""},
                                                  {"p2", "Bob", "0", "Grocery Outlet"}}),
                                       {}, existing, Language::Es);
    EXPECT_EQ(odoo.system, SourceSystem::Odoo);
    EXPECT_EQ(odoo.rows[0].client.kind, "company");
    EXPECT_EQ(odoo.rows[1].client.kind, "person");
    EXPECT_EQ(odoo.rows[0].client.notes, "id: p1");

    const ImportPlan holded = planImport(
        textTable({{"Nombre", "ID", "Tags separados por -", "Nombre canal de venta", "IBAN"},
                   {"Talleres Ruiz, S.L.", "B12345674", "vip-mayorista", "Tienda",
                    "ES91 2100 0418 4502 0005 1332"}}),
        {}, existing, Language::Es);
    EXPECT_EQ(holded.system, SourceSystem::Holded);
    EXPECT_EQ(holded.rows[0].client.tags, "vip, mayorista");
    EXPECT_EQ(holded.rows[0].client.taxId, "B12345674");
    // The IBAN is the new client's bank account, kept electronic.
    EXPECT_EQ(holded.rows[0].client.notes, "");
    ASSERT_TRUE(holded.rows[0].bankAccount.has_value());
    EXPECT_EQ(holded.rows[0].bankAccount->iban, "ES9121000418450200051332");
    EXPECT_EQ(holded.bankAccounts, 1U);
    EXPECT_EQ(holded.warnings, 0U);
    ASSERT_EQ(holded.leftOut.size(), 1U);
    EXPECT_EQ(holded.leftOut[0].header, "Nombre canal de venta");

    // A mapping the user gave is kept; the rules still read the columns left unmapped.
    ImportOptions corrected;
    corrected.mapping = {std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                         std::nullopt, Field::Email, std::nullopt};
    const ImportPlan mine =
        planImport(textTable({{"First Name", "Middle Name", "Last Name", "File As",
                               "Organization Name", "E-mail 1 - Value", "Phonetic First Name"},
                              {"Ana", "", "Pérez", "", "", "ana@acme.es", ""}}),
                   corrected, existing, Language::Es);
    EXPECT_EQ(mine.rows[0].client.legalName, "Ana Pérez");
}

// Odoo's template as it is: two companies, then Grocery Outlet's people (Bob, Bill) and its
// shipping and invoice addresses. Two clients, not six.
TEST(ImportSources, RowsOfACompanyAreItsPeopleAndAddressesNotClients)
{
    std::vector<std::vector<std::string>> rows = {
        kOdooTemplate,
        {"res_partner_1", "Grocery Outlet", "Company", "", "TRUE", "FALSE", "", "51 Federal Street",
         "#401", "San Francisco", "California", "94107", "United States", "groceryoutlet.com",
         "123456789", "", ""},
        {"res_partner_2", "Bob", "Individual", "Grocery Outlet", "", "", "Contact", "", "", "", "",
         "", "", "", "", "4157654321", ""},
        {"res_partner_3", "Bill", "Individual", "Grocery Outlet", "", "", "Other address",
         "645 21st Street", "", "San Francisco", "California", "94110", "United States", "", "",
         "4517864512", ""},
        {"res_partner_4", "Warehouse", "Individual", "Grocery Outlet", "", "", "Shipping address",
         "645 21st Street", "", "San Francisco", "California", "94110", "United States", "",
         "415659874", "", "bill@odoo.com"},
        {"res_partner_5", "Accounting dep.", "Individual", "Grocery Outlet", "", "",
         "Invoice address", "51 Federal Street", "#404", "San Francisco", "California", "94107",
         "United States", "", "123456780", "", ""},
        {"res_partner_6", "Agrolait", "Company", "", "TRUE", "FALSE", "", "3442 2nd Avenue", "",
         "New York", "New York", "11201", "United States", "agrolait.com", "654978123", "", ""},
        {"res_partner_7", "Carla", "Individual", "Nowhere Inc", "", "", "Contact", "", "", "", "",
         "", "", "", "", "600000000", ""}};
    InMemoryClients existing;
    const ImportPlan plan = planImport(textTable(rows), {}, existing, Language::Es);
    EXPECT_EQ(plan.system, SourceSystem::Odoo);
    EXPECT_EQ(plan.created, 2U);
    EXPECT_EQ(plan.contacts, 1U); // Bob ("Contact")
    // Bill is an "Other address" in the template, as are the shipping and invoice addresses.
    EXPECT_EQ(plan.addresses, 3U);
    EXPECT_EQ(plan.skipped, 1U); // Carla: her company is nowhere
    EXPECT_TRUE(plan.committable());
    const PlannedRow& grocery = plan.rows[0];
    EXPECT_EQ(grocery.action, RowAction::Create);
    EXPECT_EQ(grocery.client.kind, "company");
    EXPECT_EQ(grocery.client.street2, "#401");
    EXPECT_EQ(grocery.client.notes, "ID: res_partner_1");
    // Its address rows are its addresses, each of its type.
    const PlannedRow& warehouse = plan.rows[3];
    EXPECT_EQ(warehouse.action, RowAction::Child);
    ASSERT_TRUE(warehouse.address.has_value());
    EXPECT_EQ(warehouse.address->type, AddressType::Shipping);
    EXPECT_EQ(warehouse.address->name, "Warehouse");
    EXPECT_EQ(warehouse.address->street, "645 21st Street");
    EXPECT_EQ(warehouse.address->postalCode, "94110");
    EXPECT_EQ(warehouse.address->city, "San Francisco");
    EXPECT_EQ(warehouse.address->region, "California");
    EXPECT_EQ(warehouse.address->country, "US");
    EXPECT_EQ(warehouse.address->phone, "415659874");
    EXPECT_EQ(warehouse.address->email, "bill@odoo.com");
    EXPECT_EQ(plan.rows[4].address->type, AddressType::Billing);
    EXPECT_EQ(plan.rows[4].address->street2, "#404");
    EXPECT_EQ(plan.rows[2].address->type, AddressType::Other);
    EXPECT_EQ(plan.rows[2].address->phone, "4517864512"); // Bill's only number, his mobile
    const PlannedRow& bob = plan.rows[1];
    EXPECT_EQ(bob.action, RowAction::Child);
    ASSERT_TRUE(bob.contact.has_value());
    EXPECT_EQ(bob.contact->name, "Bob");
    EXPECT_EQ(bob.contact->mobile, "4157654321");
    EXPECT_EQ(bob.parentRow, 0U);
    EXPECT_EQ(plan.rows[6].action, RowAction::Skip);
    const auto carla = std::find_if(plan.problems.begin(), plan.problems.end(),
                                    [](const ImportProblem& p) { return p.tableRow == 7; });
    ASSERT_NE(carla, plan.problems.end());
    EXPECT_EQ(carla->severity, Severity::Warning);
    EXPECT_NE(carla->reason.find("«Nowhere Inc»"), std::string::npos) << carla->reason;

    // The commit: two clients, Bob with Grocery Outlet (the first created).
    ImportPlan copy = plan;
    const ClientImportCommit commit = clientCommit(copy, "res.partner.csv");
    ASSERT_EQ(commit.creates.size(), 2U);
    ASSERT_EQ(commit.contacts.size(), 1U);
    EXPECT_EQ(commit.contacts[0].newClient, 0U);
    EXPECT_EQ(commit.contacts[0].record.name, "Bob");
    ASSERT_EQ(commit.addresses.size(), 3U);
    EXPECT_EQ(commit.addresses[1].newClient, 0U);
    EXPECT_EQ(commit.addresses[1].record.name, "Warehouse");
}

// Holded's "Persona de contacto" is the client's contact, added once.
TEST(ImportSources, TheContactPersonOfARowIsItsClientsContact)
{
    Client stored;
    stored.id = 3;
    stored.code = "C-000003";
    stored.legalName = "Talleres Ruiz, S.L.";
    stored.taxId = "B12345674";
    stored.country = "ES";
    InMemoryClients existing({stored});
    const auto table =
        textTable({{"Nombre", "ID", "Persona de contacto", "Tags separados por -", "País"},
                   {"Talleres Ruiz, S.L.", "B12345674", "Marta Ruiz", "", "ES"},
                   {"Pinturas Sol, S.L.", "B87654321", "Juan Sol", "", "ES"}});
    const ImportPlan plan = planImport(table, {}, existing, Language::Es);
    EXPECT_EQ(plan.system, SourceSystem::Holded);
    EXPECT_EQ(plan.created, 1U);
    EXPECT_EQ(plan.contacts, 2U);
    ASSERT_TRUE(plan.rows[0].contactPerson.has_value());
    EXPECT_EQ(plan.rows[0].contactPerson->name, "Marta Ruiz");
    EXPECT_EQ(plan.rows[0].matchedId, 3);
    EXPECT_TRUE(plan.leftOut.empty());
    ImportPlan copy = plan;
    const ClientImportCommit commit = clientCommit(copy, "holded.xlsx");
    ASSERT_EQ(commit.contacts.size(), 2U);
    EXPECT_EQ(commit.contacts[0].record.clientId, 3);
    EXPECT_EQ(commit.contacts[1].newClient, 0U);

    existing.addContact(3, "marta ruiz");
    EXPECT_EQ(planImport(table, {}, existing, Language::Es).contacts, 1U);
}

// A person of a company that is only in the register becomes its contact; one it has already
// (the same file imported again) is not added twice.
TEST(ImportSources, APersonOfACompanyInTheRegisterIsItsContactOnce)
{
    Client stored;
    stored.id = 7;
    stored.code = "C-000007";
    stored.legalName = "Grocery Outlet, Inc.";
    stored.tradeName = "Grocery Outlet";
    InMemoryClients existing({stored});
    const auto table = textTable({{"name", "parent_id", "function", "email", "mobile"},
                                  {"Bob", "grocery outlet", "Buyer", "bob@grocery.com", "41500"},
                                  {"Bill", "Grocery Outlet", "", "", ""}});
    const ImportPlan plan = planImport(table, {}, existing, Language::Es);
    EXPECT_EQ(plan.system, SourceSystem::Odoo);
    EXPECT_EQ(plan.created, 0U);
    EXPECT_EQ(plan.contacts, 2U);
    EXPECT_EQ(plan.rows[1].matchedId, 7);
    EXPECT_EQ(plan.rows[1].parentRow, PlannedRow::npos);
    EXPECT_EQ(plan.rows[0].contact->role, "Buyer");
    EXPECT_EQ(plan.rows[0].contact->email, "bob@grocery.com");
    EXPECT_TRUE(plan.leftOut.empty()); // parent_id and function are read, not left out

    existing.addContact(7, "BOB");
    const ImportPlan again = planImport(table, {}, existing, Language::Es);
    EXPECT_EQ(again.contacts, 1U);
    EXPECT_EQ(again.unchanged, 1U);
    EXPECT_EQ(again.rows[0].action, RowAction::Unchanged);
}

// A person the register would refuse (an e-mail that is none) is an error of the check, on its
// cell, not a failure of the commit; an address a client of the register already has (an
// import made again) is unchanged, one it has not is added; a create-only import adds no one
// to a client already there.
TEST(ImportSources, PeopleAreCheckedAddressesStayAndCreateOnlyAddsNoOneToStoredClients)
{
    Client stored;
    stored.id = 7;
    stored.code = "C-000007";
    stored.legalName = "Grocery Outlet";
    stored.street = "51 Federal Street";
    InMemoryClients existing({stored});
    Address warehouse;
    warehouse.type = AddressType::Shipping;
    warehouse.name = "Warehouse";
    warehouse.street = "645 21st Street";
    existing.addOwned(RecordType::Address, 7, ownedKey(warehouse));
    const auto table = textTable(
        {{"ref", "name", "parent_id", "type", "street", "email", "is_company"},
         {"C-000007", "Grocery Outlet", "", "", "51 Federal Street", "", ""},
         {"", "Warehouse", "Grocery Outlet", "Shipping address", "645 21st Street", "", ""},
         {"", "Bob", "Grocery Outlet", "Contact", "", "bob@", ""},
         {"", "Store", "Grocery Outlet", "Shipping address", "1 Market St", "", ""}});
    const ImportPlan plan = planImport(table, {}, existing, Language::Es);
    EXPECT_EQ(plan.system, SourceSystem::Odoo);
    EXPECT_EQ(plan.rows[0].action, RowAction::Unchanged) << plan.rows[0].client.notes;
    EXPECT_EQ(plan.rows[1].action, RowAction::Unchanged); // the warehouse it has
    EXPECT_EQ(plan.addresses, 1U);
    EXPECT_EQ(plan.rows[3].action, RowAction::Child); // a new address of a stored client
    ImportPlan copy = plan;
    const ClientImportCommit commit = clientCommit(copy, "res.partner.csv");
    ASSERT_EQ(commit.addresses.size(), 1U);
    EXPECT_EQ(commit.addresses[0].newClient, commit.addresses[0].npos);
    EXPECT_EQ(commit.addresses[0].record.clientId, 7);
    EXPECT_EQ(commit.addresses[0].record.name, "Store");
    EXPECT_EQ(plan.rows[2].action, RowAction::Invalid);
    const auto bob = std::find_if(plan.problems.begin(), plan.problems.end(),
                                  [](const ImportProblem& p) { return p.tableRow == 3; });
    ASSERT_NE(bob, plan.problems.end());
    EXPECT_EQ(bob->field, Field::Email);
    EXPECT_EQ(bob->tableColumn, 5U);

    ImportOptions createOnly;
    createOnly.mode = ImportMode::CreateOnly;
    const ImportPlan none = planImport(
        textTable({{"name", "parent_id", "function"}, {"Bill", "Grocery Outlet", "Buyer"}}),
        createOnly, existing, Language::Es);
    EXPECT_EQ(none.contacts, 0U);
    EXPECT_EQ(none.rows[0].action, RowAction::Skip);
}

} // namespace
} // namespace clientes

namespace clientes
{
// Holded's IBAN and SWIFT: a bank account of the row's client, warned of (never refused) when
// the offline check fails; a client of the register keeps the accounts it has (the same file
// again) and gets one it has not.
TEST(ImportSources, BankAccountsComeWithTheClientsCreatedAndAreWarnedNotRefused)
{
    Client stored;
    stored.id = 3;
    stored.code = "C-000003";
    stored.legalName = "Talleres Ruiz, S.L.";
    stored.taxId = "B12345674";
    stored.country = "ES";
    InMemoryClients existing({stored});
    BankAccount known;
    known.iban = "ES9121000418450200051332";
    existing.addOwned(RecordType::BankAccount, 3, ownedKey(known));
    const auto table = textTable(
        {{"Nombre", "ID", "País", "IBAN", "SWIFT", "Tags separados por -"},
         {"Talleres Ruiz, S.L.", "B12345674", "ES", "es91 2100 0418 4502 0005 1332", "", ""},
         {"Pinturas Sol, S.L.", "B87654321", "ES", "ES91 2100 0418 4502 0005 1333", "CAIXESBB", ""},
         {"Vidrios Mar, S.L.", "B11111111", "ES", "", "XX", ""}});
    const ImportPlan plan = planImport(table, {}, existing, Language::Es);
    EXPECT_EQ(plan.system, SourceSystem::Holded);
    EXPECT_EQ(plan.bankAccounts, 1U);
    EXPECT_FALSE(plan.rows[0].bankAccount.has_value()); // Talleres has it already
    ASSERT_TRUE(plan.rows[1].bankAccount.has_value());
    EXPECT_EQ(plan.rows[1].action, RowAction::Create);
    EXPECT_EQ(plan.rows[1].bankAccount->iban, "ES9121000418450200051333");
    EXPECT_EQ(plan.rows[1].bankAccount->bic, "CAIXESBB");
    EXPECT_FALSE(plan.rows[2].bankAccount.has_value()); // a BIC without an IBAN
    std::vector<std::string> warnings;
    for (const ImportProblem& problem : plan.problems)
        if (problem.tableRow >= 2 && problem.severity == Severity::Warning)
            warnings.push_back(problem.reason);
    ASSERT_EQ(warnings.size(), 2U);
    EXPECT_EQ(warnings[0], "Cuenta bancaria ES91 2100 0418 4502 0005 1333: Dígitos de control "
                           "incorrectos: ¿un número mal copiado?. Se importa tal cual; revísela "
                           "en la ficha del cliente.");
    EXPECT_NE(warnings[1].find("IBAN"), std::string::npos) << warnings[1];
    ImportPlan copy = plan;
    const ClientImportCommit commit = clientCommit(copy, "holded.xlsx");
    ASSERT_EQ(commit.bankAccounts.size(), 1U);
    EXPECT_EQ(commit.bankAccounts[0].newClient, 0U);

    // An account the stored client has not: added to it (journaled, undone with the import).
    InMemoryClients without({stored});
    ImportPlan other = planImport(table, {}, without, Language::Es);
    EXPECT_EQ(other.bankAccounts, 2U);
    ASSERT_TRUE(other.rows[0].bankAccount.has_value());
    const ClientImportCommit both = clientCommit(other, "holded.xlsx");
    ASSERT_EQ(both.bankAccounts.size(), 2U);
    EXPECT_EQ(both.bankAccounts[0].record.clientId, 3);
    EXPECT_EQ(both.bankAccounts[0].newClient, both.bankAccounts[0].npos);
}
} // namespace clientes

namespace clientes
{
// Dolibarr's contacts export (societe_2): each row a person of the third party in "Company
// name", named first name then last name whatever the columns' order, with the position as
// the role; the company's own columns repeated after the person's are left out, and said so.
TEST(ImportSources, DolibarrsContactsAreThePeopleOfTheirCompanies)
{
    Client stored;
    stored.id = 5;
    stored.code = "C-000005";
    stored.legalName = "Talleres Ruiz, S.L.";
    InMemoryClients existing({stored});
    const Headers headers = {"Contact Id",   "Civility code", "Last name", "First name",
                             "Job position", "Address",       "Zip Code",  "City",
                             "Phone",        "Mobile",        "EMail",     "Company Id",
                             "Company name", "Phone",         "Email"};
    const auto table = textTable(
        {headers,
         {"12", "MME", "Ruiz", "Marta", "Gerente", "Calle Luna 3", "28004", "Madrid", "910000001",
          "600000001", "marta@truiz.es", "3", "Talleres Ruiz, S.L.", "910000000", "info@truiz.es"},
         {"13", "MR", "Sol", "Juan", "", "", "", "", "", "", "", "4", "Pinturas Sol, S.L.", "",
          ""}});
    const SourceLayout layout = sourceLayout(headers);
    EXPECT_EQ(layout.system, SourceSystem::Dolibarr);
    EXPECT_EQ(layout.nameParts, (std::vector<std::size_t>{3, 2})); // first name, last name
    EXPECT_EQ(layout.column(ColumnRule::Parent), 12U);
    const ImportPlan plan = planImport(table, {}, existing, Language::Es);
    EXPECT_EQ(plan.system, SourceSystem::Dolibarr);
    EXPECT_EQ(plan.created, 0U);
    EXPECT_EQ(plan.contacts, 1U);
    ASSERT_TRUE(plan.rows[0].contact.has_value());
    EXPECT_EQ(plan.rows[0].contact->name, "Marta Ruiz");
    EXPECT_EQ(plan.rows[0].contact->role, "Gerente");
    EXPECT_EQ(plan.rows[0].contact->phone, "910000001");
    EXPECT_EQ(plan.rows[0].contact->mobile, "600000001");
    EXPECT_EQ(plan.rows[0].contact->email, "marta@truiz.es");
    EXPECT_EQ(plan.rows[0].matchedId, 5);
    EXPECT_EQ(plan.rows[1].action, RowAction::Skip); // Pinturas Sol is nowhere
    // What has no place in a contact is listed as left out: the civility, the person's own
    // address (mapped as a client's, but a contact has none), the company's id, and the
    // company's phone and e-mail after the person's.
    std::string leftOut;
    for (const LeftOutColumn& column : plan.leftOut)
        leftOut += column.header + ";";
    EXPECT_EQ(leftOut, "Civility code;Address;Zip Code;City;Company Id;Phone;Email;");
}

// ERPNext's Address export (its documented columns, every field): each row an address of the
// customer in "Link Name (Links)", of the type "Address Type" says (Office and the other
// ERPNext types are "other"), named by its title; what an address has no field for is listed
// as left out.
TEST(ImportSources, ErpNextsAddressesAreTheAddressesOfTheirCustomers)
{
    Client stored;
    stored.id = 7;
    stored.code = "C-000007";
    stored.legalName = "Grant Plastics Ltd.";
    InMemoryClients existing({stored});
    const Headers headers = {"ID",
                             "Address Title",
                             "Address Type",
                             "Address Line 1",
                             "Address Line 2",
                             "City/Town",
                             "County",
                             "State/Province",
                             "Country",
                             "Postal Code",
                             "Email Address",
                             "Phone",
                             "Fax",
                             "Preferred Billing Address",
                             "Preferred Shipping Address",
                             "Disabled",
                             "Link Document Type (Links)",
                             "Link Name (Links)",
                             "Link Title (Links)"};
    const auto table =
        textTable({headers,
                   {"Grant Plastics Ltd.-Billing", "Grant Plastics Ltd.", "Billing", "14 Mill Lane",
                    "Unit 3", "Leeds", "West Yorkshire", "", "United Kingdom", "LS1 4AB",
                    "accounts@grant.co.uk", "+44 113 000 0000", "", "1", "0", "0", "Customer",
                    "Grant Plastics Ltd.", "Grant Plastics Ltd."},
                   {"Grant Plastics Ltd.-Shipping", "Almacén norte", "Shipping", "Dock Road 9", "",
                    "Hull", "", "", "United Kingdom", "HU1 2AA", "", "", "", "0", "1", "0",
                    "Customer", "Grant Plastics Ltd.", "Grant Plastics Ltd."},
                   {"Grant Plastics Ltd.-Office", "", "Office", "1 King St", "", "London", "", "",
                    "", "EC2V 8AU", "", "", "", "0", "0", "0", "Customer", "Grant Plastics Ltd.",
                    "Grant Plastics Ltd."},
                   {"Nadie-Billing", "Nadie", "Billing", "Calle 1", "", "Madrid", "", "", "Spain",
                    "28001", "", "", "", "0", "0", "0", "Customer", "Nadie S.L.", "Nadie S.L."}});
    const SourceLayout layout = sourceLayout(headers);
    EXPECT_EQ(layout.system, SourceSystem::ErpNext);
    EXPECT_EQ(layout.column(ColumnRule::Parent), 17U);
    EXPECT_EQ(layout.column(ColumnRule::AddressType), 2U);
    const ImportPlan plan = planImport(table, {}, existing, Language::Es);
    EXPECT_EQ(plan.system, SourceSystem::ErpNext);
    EXPECT_EQ(plan.created, 0U);
    EXPECT_EQ(plan.contacts, 0U);
    EXPECT_EQ(plan.addresses, 3U);
    ASSERT_TRUE(plan.rows[0].address.has_value());
    const Address& billing = *plan.rows[0].address;
    EXPECT_EQ(billing.type, AddressType::Billing);
    EXPECT_EQ(billing.name, "Grant Plastics Ltd.");
    EXPECT_EQ(billing.street, "14 Mill Lane");
    EXPECT_EQ(billing.street2, "Unit 3");
    EXPECT_EQ(billing.city, "Leeds");
    EXPECT_EQ(billing.postalCode, "LS1 4AB");
    EXPECT_EQ(billing.country, "GB");
    EXPECT_EQ(billing.email, "accounts@grant.co.uk");
    EXPECT_EQ(billing.phone, "+44 113 000 0000");
    EXPECT_EQ(plan.rows[0].matchedId, 7);
    ASSERT_TRUE(plan.rows[1].address.has_value());
    EXPECT_EQ(plan.rows[1].address->type, AddressType::Shipping);
    EXPECT_EQ(plan.rows[1].address->name, "Almacén norte");
    ASSERT_TRUE(plan.rows[2].address.has_value());
    EXPECT_EQ(plan.rows[2].address->type, AddressType::Other); // "Office"
    EXPECT_EQ(plan.rows[2].address->street, "1 King St");
    EXPECT_EQ(plan.rows[3].action, RowAction::Skip); // Nadie S.L. is nowhere
    std::string leftOut;
    for (const LeftOutColumn& column : plan.leftOut)
        leftOut += column.header + ";";
    EXPECT_EQ(leftOut, "County;Preferred Billing Address;Preferred Shipping Address;Disabled;"
                       "Link Document Type (Links);Link Title (Links);");
}
} // namespace clientes

namespace clientes
{
// The addresses sheet this extension exports imports back as addresses, not as clients: each
// row an address of the client its code names (the client's own address stays as it is); the
// same sheet again changes nothing, and a new row adds that address.
TEST(ImportSources, OurOwnAddressesSheetImportsBackAsAddresses)
{
    Client stored;
    stored.id = 9;
    stored.code = "C-000009";
    stored.legalName = "Sedes, S.L.";
    stored.street = "Calle Sierpes 1";
    InMemoryClients existing({stored});
    Address shipping;
    shipping.clientId = 9;
    shipping.type = AddressType::Shipping;
    shipping.name = "Almacén";
    shipping.street = "Polígono Sur, nave 4";
    shipping.postalCode = "41001";
    shipping.city = "Sevilla";
    shipping.country = "ES";
    for (const Language language : {Language::Es, Language::En, Language::Pt})
    {
        SCOPED_TRACE(static_cast<int>(language));
        const ImportTable table = textTable(ownSheet(stored, shipping, language));
        const ImportPlan plan = planImport(table, {}, existing, language);
        EXPECT_EQ(plan.system, SourceSystem::Clientes);
        EXPECT_EQ(plan.created + plan.updated, 0U);
        EXPECT_EQ(plan.addresses, 1U);
        ASSERT_TRUE(plan.rows[0].address.has_value());
        EXPECT_EQ(plan.rows[0].matchedId, 9);
        EXPECT_EQ(plan.rows[0].address->type, AddressType::Shipping);
        EXPECT_EQ(plan.rows[0].address->name, "Almacén");
        EXPECT_EQ(plan.rows[0].address->city, "Sevilla");
        EXPECT_EQ(plan.rows[0].address->country, "ES");
        EXPECT_TRUE(plan.leftOut.empty());

        InMemoryClients has({stored});
        has.addOwned(RecordType::Address, 9, ownedKey(shipping));
        const ImportPlan again = planImport(table, {}, has, language);
        EXPECT_EQ(again.addresses, 0U);
        EXPECT_EQ(again.unchanged, 1U);
    }
}
} // namespace clientes

namespace clientes
{
// The contact persons sheet an export writes imports back as the people of the clients its
// codes name, in each language; the same sheet again adds nobody.
TEST(ImportSources, OurOwnContactsSheetImportsBackAsContacts)
{
    Client stored;
    stored.id = 4;
    stored.code = "C-000004";
    stored.legalName = "Personas, S.A.";
    stored.phone = "910000000";
    InMemoryClients existing({stored});
    Contact marta;
    marta.clientId = 4;
    marta.name = "Marta Ruiz";
    marta.role = "Compras";
    marta.email = "marta@personas.es";
    marta.mobile = "600111222";
    for (const Language language : {Language::Es, Language::En, Language::Pt})
    {
        SCOPED_TRACE(static_cast<int>(language));
        const std::vector<std::vector<std::string>> sheet = ownSheet(stored, marta, language);
        const ImportTable table = textTable(sheet);
        const ImportPlan plan = planImport(table, {}, existing, language);
        EXPECT_EQ(plan.system, SourceSystem::Clientes);
        EXPECT_EQ(plan.created + plan.updated, 0U);
        EXPECT_EQ(plan.contacts, 1U);
        ASSERT_TRUE(plan.rows[0].contact.has_value());
        EXPECT_EQ(plan.rows[0].matchedId, 4);
        EXPECT_EQ(plan.rows[0].contact->name, "Marta Ruiz");
        EXPECT_EQ(plan.rows[0].contact->role, "Compras");
        EXPECT_EQ(plan.rows[0].contact->email, "marta@personas.es");
        EXPECT_EQ(plan.rows[0].contact->mobile, "600111222");
        EXPECT_TRUE(plan.leftOut.empty());

        InMemoryClients has({stored});
        has.addOwned(RecordType::Contact, 4, ownedKey(marta));
        const ImportPlan again = planImport(table, {}, has, language);
        EXPECT_EQ(again.contacts, 0U);
        EXPECT_EQ(again.unchanged, 1U);

        // A person typed under the others with the code alone is that client's person (never
        // a new legal name for the client), and a code of no client is reported.
        std::vector<std::string> added(sheet[0].size());
        added[0] = "C-000004";
        added[2] = "Luis Gil";
        std::vector<std::string> stray = added;
        stray[0] = "C-000099";
        const ImportPlan typed =
            planImport(textTable({sheet[0], sheet[1], added, stray}), {}, has, language);
        EXPECT_EQ(typed.updated, 0U);
        EXPECT_EQ(typed.contacts, 1U);
        ASSERT_TRUE(typed.rows[1].contact.has_value());
        EXPECT_EQ(typed.rows[1].contact->name, "Luis Gil");
        EXPECT_EQ(typed.rows[1].matchedId, 4);
        EXPECT_EQ(typed.rows[2].action, RowAction::Skip);
    }
}
} // namespace clientes
