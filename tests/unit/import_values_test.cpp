// Values as other systems write them (transfer/import_values.hpp), and the headers that name
// the kind and the tags, through the import plan.
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_mapping.hpp"
#include "core/transfer/import_plan.hpp"
#include "core/transfer/import_values.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clientes
{
namespace
{

TEST(ImportValues, TheKindAsEverySourceWritesIt)
{
    for (const char* company :
         {"Company", "COMPANY", "company", "Empresa", "Sociedad", "Persona jurídica",
          "Pessoa coletiva", "Pessoa Jurídica", "Organization", "Large company", "Partnership"})
        EXPECT_EQ(kindFromText(company), std::optional<std::string>("company")) << company;
    for (const char* person :
         {"Individual", "Person", "Persona", "Pessoa", "Particular", "Persona física",
          "Pessoa singular", "Autónomo", "Private individual", "Self-employed", "person"})
        EXPECT_EQ(kindFromText(person), std::optional<std::string>("person")) << person;
    EXPECT_EQ(kindFromText(""), std::optional<std::string>(""));
    EXPECT_EQ(kindFromText("  "), std::optional<std::string>(""));
    EXPECT_EQ(kindFromText("Proveedor"), std::nullopt);
    EXPECT_EQ(kindFromText("Company Ltd"), std::nullopt); // a name, not a kind
}

TEST(ImportValues, TagsFromOtherSeparators)
{
    EXPECT_EQ(tagsFromText("VIP;Madrid; Mayorista"), "VIP, Madrid, Mayorista");
    EXPECT_EQ(tagsFromText("myContacts ::: Clientes ::: Proveedores"),
              "myContacts, Clientes, Proveedores");
    EXPECT_EQ(tagsFromText("a, b\nc"), "a, b, c");
    EXPECT_EQ(tagsFromText("VIP"), "VIP");
    EXPECT_EQ(tagsFromText(""), "");
    EXPECT_EQ(tagsFromText(";;"), "");
}

TEST(ImportValues, KindAndTagsHeadersOfOtherSystemsAreRecognised)
{
    EXPECT_EQ(fieldForHeader("Company Type"), Field::Kind); // Odoo
    EXPECT_EQ(fieldForHeader("Tipo de persona"), Field::Kind);
    EXPECT_EQ(fieldForHeader("Tipo de pessoa"), Field::Kind);
    // Often "Mayorista" / "Retail" rather than a kind: not taken for one.
    EXPECT_EQ(fieldForHeader("Customer Type"), std::nullopt);
    EXPECT_EQ(fieldForHeader("Tipo de cliente"), std::nullopt);
    EXPECT_EQ(fieldForHeader("Tags"), Field::Tags);
    EXPECT_EQ(fieldForHeader("Etiquetas"), Field::Tags);
    EXPECT_EQ(fieldForHeader("Categories"), Field::Tags); // Outlook
    EXPECT_EQ(fieldForHeader("Address Type"), std::nullopt);
    EXPECT_EQ(fieldForHeader("Customer Group"), std::nullopt);
    EXPECT_EQ(fieldForHeader("Tipo de IVA"), std::nullopt);
}

TEST(ImportValues, AnOdooLikeSheetImportsTheKindAndTheTags)
{
    ImportTable table;
    const auto row = [&](std::vector<std::string> texts)
    {
        std::vector<ImportCell> cells;
        for (std::string& text : texts)
            cells.push_back(ImportCell{std::move(text)});
        table.push_back(std::move(cells));
    };
    row({"Name", "Company Type", "Tags"});
    row({"Grocery Outlet", "Company", "Retail;VIP"});
    row({"Bob Smith", "Individual", ""});
    row({"Agrolait", "Proveedor", ""});
    InMemoryClients existing;
    const ImportPlan plan = planImport(table, {}, existing, Language::Es);
    ASSERT_EQ(plan.rows.size(), 3U);
    EXPECT_EQ(plan.rows[0].client.kind, "company");
    EXPECT_EQ(plan.rows[0].client.tags, "Retail, VIP");
    EXPECT_EQ(plan.rows[1].client.kind, "person");
    // A value that says neither is an error at its cell, as before.
    EXPECT_EQ(plan.rows[2].action, RowAction::Invalid);
    ASSERT_FALSE(plan.problems.empty());
    EXPECT_EQ(plan.problems.back().field, Field::Kind);
}

} // namespace
} // namespace clientes
