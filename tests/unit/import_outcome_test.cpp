// From a plan to what the API returns, marks and reports: problems, cell marks, report lines,
// commits and remembered mappings.

#include "core/rules/validation.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_mapping.hpp"
#include "core/transfer/import_outcome.hpp"

#include <gtest/gtest.h>

namespace clientes
{

namespace
{

ImportCell text(std::string value)
{
    ImportCell cell;
    cell.text = std::move(value);
    return cell;
}

Client stored(std::int64_t id, std::string name, std::string taxId)
{
    Client client;
    client.id = id;
    client.code = "C-00000" + std::to_string(id);
    client.legalName = std::move(name);
    client.taxId = std::move(taxId);
    client.country = "ES";
    client.version = 3;
    return client;
}

} // namespace

TEST(ImportOutcome, OptionNames)
{
    EXPECT_EQ(importModeFromName("create"), ImportMode::CreateOnly);
    EXPECT_EQ(importModeFromName("update"), ImportMode::UpdateOnly);
    EXPECT_EQ(importModeFromName("both"), ImportMode::Both);
    EXPECT_FALSE(importModeFromName("Both"));
    EXPECT_EQ(updatePolicyFromName("overwrite"), UpdatePolicy::Overwrite);
    EXPECT_EQ(updatePolicyFromName("fillEmpty"), UpdatePolicy::FillEmpty);
    EXPECT_FALSE(updatePolicyFromName("fill"));
}

TEST(ImportOutcome, ProblemsMarksAndReport)
{
    InMemoryClients existing({stored(1, "Existente", "B12345674")});
    const ImportTable table = {
        {text("Razón social"), text("NIF"), text("Correo")},
        {text("Existente"), text("B12345674"), text("")},
        {text(""), text("B87654321"), text("no-es-correo")},
        {text("Otra"), text(""), text("otra@example.es")},
    };
    ImportOptions options;
    options.firstSheetRow = 3;    // the table starts on sheet row 3
    options.firstSheetColumn = 1; // column B
    options.skipInvalid = true;
    options.mode = ImportMode::CreateOnly;
    ImportPlan plan = planImport(table, options, existing, Language::Es);
    const std::vector<TransferProblem> problems = transferProblems(plan, Language::Es);
    ASSERT_FALSE(problems.empty());
    // Row 4 (Existente) is excluded by the mode: a warning on its tax ID cell (C4).
    const auto matches = std::find_if(problems.begin(), problems.end(),
                                      [](const auto& p) { return p.sheetRow == 4; });
    ASSERT_NE(matches, problems.end());
    EXPECT_EQ(matches->sheetColumn, 2U);
    EXPECT_EQ(matches->severity, Severity::Warning);
    EXPECT_EQ(matches->fieldName, "taxId");
    EXPECT_EQ(matches->apiText.rfind("row 4, taxId: ", 0), 0U) << matches->apiText;
    EXPECT_EQ(matches->userText.rfind("fila 4, Identificación fiscal: ", 0), 0U);

    const std::vector<CellMark> marks = cellMarks(problems, 1, 100);
    ASSERT_GE(marks.size(), 3U);
    EXPECT_EQ(marks[0].sheetRow, 4U);
    // Row 5: legal name missing (B5) and the e-mail (D5) are errors.
    const auto at = [&](std::size_t row, std::size_t column)
    {
        return std::find_if(marks.begin(), marks.end(),
                            [&](const CellMark& m)
                            { return m.sheetRow == row && m.sheetColumn == column; });
    };
    ASSERT_NE(at(5, 1), marks.end());
    EXPECT_EQ(at(5, 1)->severity, Severity::Error);
    ASSERT_NE(at(5, 3), marks.end());
    EXPECT_EQ(at(5, 3)->severity, Severity::Error);
    EXPECT_EQ(cellMarks(problems, 1, 1).size(), 1U);

    const std::vector<ReportLine> lines = reportLines(plan, problems, options, Language::Es);
    // Row 4 skipped by the mode (one line with the reason), row 5 skipped with its errors.
    ASSERT_GE(lines.size(), 3U);
    EXPECT_EQ(lines[0].sheetRow, 4U);
    EXPECT_EQ(lines[0].status, "Omitida");
    EXPECT_NE(lines[0].reason.find("C-000001"), std::string::npos) << lines[0].reason;
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(),
                            [](const ReportLine& l)
                            { return l.sheetRow == 5 && l.severity == "Error"; }));
    EXPECT_FALSE(std::any_of(lines.begin(), lines.end(),
                             [](const ReportLine& l) { return l.sheetRow == 6; }));
    EXPECT_EQ(reportHeaders(Language::En),
              (std::vector<std::string>{"Row", "Status", "Kind", "Field", "Reason"}));

    const ClientImportCommit commit = clientCommit(plan, "Hoja1");
    EXPECT_EQ(commit.source, "Hoja1");
    ASSERT_EQ(commit.creates.size(), 1U);
    EXPECT_EQ(commit.creates[0].legalName, "Otra");
    EXPECT_TRUE(commit.updates.empty());
    EXPECT_EQ(commit.skipped, 2U);
}

TEST(ImportOutcome, UpdatesKeepTheVersionTheyWerePlannedFrom)
{
    InMemoryClients existing({stored(7, "Existente", "B12345674")});
    ImportPlan plan = planImport({{text("NIF"), text("Ciudad")}, {text("B12345674"), text("Lugo")}},
                                 {}, existing, Language::En);
    const ClientImportCommit commit = clientCommit(plan, "x");
    ASSERT_EQ(commit.updates.size(), 1U);
    EXPECT_EQ(commit.updates[0].id, 7);
    EXPECT_EQ(commit.updates[0].version, 3);
    EXPECT_EQ(commit.updates[0].city, "Lugo");
}

TEST(ImportOutcome, InvoiceCommitTakesOnlyNeededNewClients)
{
    InMemoryClients clients({stored(1, "Existente", "B12345674")});
    InMemoryInvoices invoices({});
    InvoiceImportOptions options;
    options.createMissingClients = true;
    options.defaultCurrency = "EUR";
    options.skipInvalid = true;
    const ImportTable table = {
        {text("Número"), text("NIF"), text("Cliente"), text("Fecha"), text("Total")},
        {text("A-1"), text("B87654321"), text("Uno"), text("2024-05-01"), text("10")},
        {text("A-2"), text("X1234567L"), text("Dos"), text("no"), text("10")},
        {text("A-3"), text("B12345674"), text(""), text("2024-05-01"), text("10")},
    };
    InvoicePlan plan = planInvoiceImport(table, options, clients, invoices, Language::Es);
    EXPECT_EQ(plan.newClients.size(), 2U);
    const InvoiceImportCommit commit = invoiceCommit(plan, "f");
    ASSERT_EQ(commit.newClients.size(), 1U); // "Dos" only had an invalid row
    EXPECT_EQ(commit.newClients[0].legalName, "Uno");
    ASSERT_EQ(commit.creates.size(), 2U);
    EXPECT_EQ(commit.creates[0].newClient, 0U);
    EXPECT_EQ(commit.creates[1].newClient, ImportedInvoice::npos);
    EXPECT_EQ(commit.creates[1].invoice.clientId, 1);
    EXPECT_EQ(commit.skipped, 1U);
}

TEST(ImportOutcome, Mappings)
{
    const ColumnMapping mapping = {Field::Code, std::nullopt, Field::TaxId, std::nullopt};
    EXPECT_EQ(encodeMapping(mapping), "code,,taxId,");
    EXPECT_EQ(decodeClientMapping("code,,taxId,"), mapping);
    EXPECT_FALSE(decodeClientMapping("code,nope"));
    // Columns going to the notes as lines.
    EXPECT_EQ(encodeMapping(mapping, {1, 3}), "code,noteLine,taxId,noteLine");
    std::vector<std::size_t> notes;
    EXPECT_EQ(decodeClientMapping("code,noteLine,taxId,noteLine", &notes), mapping);
    EXPECT_EQ(notes, (std::vector<std::size_t>{1, 3}));
    const InvoiceMapping invoiceMapping = {InvoiceField::Number, std::nullopt, InvoiceField::Total};
    EXPECT_EQ(encodeMapping(invoiceMapping), "number,,total");
    EXPECT_EQ(decodeInvoiceMapping("number,,total"), invoiceMapping);
    EXPECT_FALSE(decodeInvoiceMapping("legalName"));
    const std::vector<std::string> headers = {"Razón social", "NIF"};
    EXPECT_EQ(rememberedMappingKey(ImportKind::Clients, headers), "clients:" + mappingKey(headers));
    EXPECT_NE(rememberedMappingKey(ImportKind::Invoices, headers),
              rememberedMappingKey(ImportKind::Clients, headers));
    EXPECT_EQ(rememberedMappingKey(ImportKind::Clients, {"RAZON SOCIAL", "nif", ""}),
              rememberedMappingKey(ImportKind::Clients, headers));
}

} // namespace clientes
