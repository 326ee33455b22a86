#include "core/messages/import_messages.hpp"
#include "core/messages/messages.hpp"
#include "core/rules/validation.hpp"
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_plan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace clientes
{

namespace
{

constexpr std::size_t npos = ImportProblem::npos;

ImportCell num(double value)
{
    ImportCell cell;
    cell.isNumber = true;
    cell.number = value;
    return cell;
}

ImportCell txt(std::string text)
{
    ImportCell cell;
    cell.text = std::move(text);
    return cell;
}

// Rows of text cells.
ImportTable textTable(const std::vector<std::vector<std::string>>& rows)
{
    ImportTable table;
    for (const auto& row : rows)
    {
        std::vector<ImportCell> cells;
        for (const std::string& text : row)
            cells.push_back(txt(text));
        table.push_back(std::move(cells));
    }
    return table;
}

// A client as the store returns it: tidied, with id and code.
Client storedClient(std::int64_t id, std::string legalName, std::string taxId,
                    std::string country = "ES", std::string city = {}, std::string email = {})
{
    Client client;
    client.id = id;
    char code[32];
    std::snprintf(code, sizeof code, "C-%06lld", static_cast<long long>(id));
    client.code = code;
    client.uuid = "uuid-" + std::to_string(id);
    client.legalName = std::move(legalName);
    client.taxId = std::move(taxId);
    client.country = std::move(country);
    client.city = std::move(city);
    client.email = std::move(email);
    client.version = 1;
    tidy(client);
    return client;
}

InMemoryClients sampleRegister()
{
    InMemoryClients clients;
    clients.add(storedClient(1, "Construcciones García S.L.", "B-12345678", "ES", "Madrid",
                             "info@garcia.es"));
    clients.add(storedClient(2, "Padaria Conceição Lda.", "PT 501 964 843", "PT", "Porto"));
    Client archived = storedClient(3, "Talleres Viejos S.A.", "A87654321", "ES", "Bilbao");
    archived.archived = true;
    clients.add(archived);
    return clients;
}

const std::vector<std::string> kHeader = {"Código", "Razón social", "NIF",
                                          "País",   "Población",    "Email"};

std::vector<RowAction> actions(const ImportPlan& plan)
{
    std::vector<RowAction> out;
    for (const PlannedRow& row : plan.rows)
        out.push_back(row.action);
    return out;
}

const ImportProblem* findProblem(const ImportPlan& plan, std::size_t tableRow, Severity severity,
                                 Field field)
{
    for (const ImportProblem& problem : plan.problems)
        if (problem.tableRow == tableRow && problem.severity == severity && problem.field == field)
            return &problem;
    return nullptr;
}

std::size_t countProblems(const ImportPlan& plan, std::size_t tableRow, Severity severity)
{
    std::size_t n = 0;
    for (const ImportProblem& problem : plan.problems)
        n += problem.tableRow == tableRow && problem.severity == severity;
    return n;
}

ImportPlan plan(const ImportTable& table, ExistingClients& existing, ImportOptions options = {},
                Language language = Language::En)
{
    return planImport(table, options, existing, language);
}

} // namespace

// ----------------------------------------------------------------------------- basic actions

TEST(ImportPlan, CreatesNewClients)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table =
        textTable({kHeader,
                   {"", "  Nueva Empresa  S.L. ", "B99999999", "es", "Sevilla", "Ana@EXAMPLE.ES"},
                   {"", "Otra", "", "", "", ""}});
    const ImportPlan result = plan(table, existing);
    ASSERT_EQ(result.rows.size(), 2U);
    EXPECT_EQ(actions(result), (std::vector{RowAction::Create, RowAction::Create}));
    EXPECT_EQ(result.created, 2U);
    EXPECT_EQ(result.updated + result.unchanged + result.skipped + result.invalid, 0U);
    EXPECT_EQ(result.errors, 0U);
    EXPECT_EQ(result.warnings, 0U);
    EXPECT_TRUE(result.committable());
    const PlannedRow& row = result.rows[0];
    EXPECT_EQ(row.tableRow, 1U);
    EXPECT_EQ(row.matchedId, 0);
    EXPECT_EQ(row.client.legalName, "Nueva Empresa S.L."); // tidied
    EXPECT_EQ(row.client.country, "ES");
    EXPECT_EQ(row.client.email, "Ana@example.es");
    EXPECT_EQ(row.client.code, "");
    EXPECT_EQ(row.changedFields, (std::vector{Field::LegalName, Field::TaxId, Field::Country,
                                              Field::City, Field::Email}));
    EXPECT_EQ(result.mapping, (ColumnMapping{Field::Code, Field::LegalName, Field::TaxId,
                                             Field::Country, Field::City, Field::Email}));
}

TEST(ImportPlan, ANewRowThatLooksLikeAnExistingClientIsWarnedAtItsLegalName)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table =
        textTable({kHeader,
                   {"", "CONSTRUCCIONES GARCIA SL", "", "ES", "Madrid", ""}, // another spelling
                   {"", "García Obras", "", "ES", "", "info@garcia.es"},     // the same e-mail
                   {"", "Talleres Viejos SA", "", "ES", "Bilbao", ""},       // only an archived one
                   {"", "Construcciones Martínez S.L.", "", "ES", "Madrid", ""}}); // another firm
    const ImportPlan result = plan(table, existing, {}, Language::Es);
    EXPECT_EQ(actions(result), (std::vector{RowAction::Create, RowAction::Create, RowAction::Create,
                                            RowAction::Create}));
    const ImportProblem* spelled = findProblem(result, 1, Severity::Warning, Field::LegalName);
    ASSERT_NE(spelled, nullptr);
    EXPECT_EQ(spelled->reason,
              "Parece el mismo cliente que Construcciones García S.L. (C-000001), que ya está en "
              "el registro: un nombre parecido. La fila creará otro cliente; si es el mismo, "
              "ponga su código en la fila.");
    EXPECT_EQ(spelled->sheetColumn, 1U); // the legal name's cell
    const ImportProblem* mailed = findProblem(result, 2, Severity::Warning, Field::LegalName);
    ASSERT_NE(mailed, nullptr);
    EXPECT_NE(mailed->reason.find("el mismo correo"), std::string::npos) << mailed->reason;
    EXPECT_EQ(findProblem(result, 3, Severity::Warning, Field::LegalName), nullptr);
    EXPECT_EQ(findProblem(result, 4, Severity::Warning, Field::LegalName), nullptr);
    EXPECT_TRUE(result.committable()); // warnings only
}

TEST(ImportPlan, UpdatesMatchedClientByCode)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table =
        textTable({kHeader, {"c-1", "Construcciones García S.L.", "", "", "Getafe", ""}});
    const ImportPlan result = plan(table, existing);
    ASSERT_EQ(result.rows.size(), 1U);
    const PlannedRow& row = result.rows[0];
    EXPECT_EQ(row.action, RowAction::Update);
    EXPECT_EQ(row.matchedId, 1);
    EXPECT_EQ(row.client.code, "C-000001");
    EXPECT_EQ(row.client.city, "Getafe");
    EXPECT_EQ(row.client.taxId, "B-12345678"); // empty cell keeps the stored value
    EXPECT_EQ(row.client.email, "info@garcia.es");
    EXPECT_EQ(row.client.uuid, "uuid-1");
    EXPECT_EQ(row.changedFields, std::vector{Field::City});
    EXPECT_EQ(result.updated, 1U);
    // The match is reported on the code cell.
    const ImportProblem* match = findProblem(result, 1, Severity::Warning, Field::Code);
    ASSERT_NE(match, nullptr);
    EXPECT_EQ(match->tableColumn, 0U);
    EXPECT_EQ(match->sheetRow, 2U);
    EXPECT_EQ(match->reason, "Matches the existing client C-000001 “Construcciones García S.L.”.");
    EXPECT_EQ(result.warnings, 1U);
    EXPECT_TRUE(result.committable());
}

TEST(ImportPlan, MatchesByTaxIdInAnySpelling)
{
    InMemoryClients existing = sampleRegister();
    for (const std::string taxId :
         {"B12345678", "b-12.345.678", " B 12345678 ", "ESB12345678", "es-b12345678"})
    {
        const ImportTable table =
            textTable({{"Nombre", "NIF", "País"}, {"", taxId, "ES"}, {"", taxId, ""}});
        const ImportPlan result = plan(table, existing);
        ASSERT_EQ(result.rows.size(), 2U);
        EXPECT_EQ(result.rows[0].matchedId, 1) << taxId;
        // Without a country, the "ES" prefix is honoured for a Spanish client; the second row
        // is about the same client, which is an error.
        EXPECT_EQ(result.rows[1].matchedId, 1) << taxId;
        const ImportProblem* warning = findProblem(result, 1, Severity::Warning, Field::TaxId);
        ASSERT_NE(warning, nullptr) << taxId;
        EXPECT_EQ(warning->tableColumn, 1U);
    }
    // A Portuguese prefix does not match a Spanish client with the same digits.
    const ImportTable table = textTable({{"Nombre", "NIF"}, {"X", "PTB12345678"}});
    EXPECT_EQ(plan(table, existing).rows[0].action, RowAction::Create);
}

TEST(ImportPlan, UnchangedWhenNothingWouldChange)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table = textTable(
        {kHeader,
         {"C-000001", "Construcciones  García S.L.", "b 12345678", "", "", "info@GARCIA.ES"}});
    const ImportPlan result = plan(table, existing);
    // The tax ID is only written differently: the stored spelling is kept.
    EXPECT_EQ(result.rows[0].action, RowAction::Unchanged);
    EXPECT_EQ(result.rows[0].client.taxId, "B-12345678");

    const ImportTable same = textTable({kHeader,
                                        {"C-000001", " Construcciones  García S.L.", "B-12345678",
                                         "es", "Madrid ", "info@GARCIA.ES"}});
    const ImportPlan unchanged = plan(same, existing);
    EXPECT_EQ(unchanged.rows[0].action, RowAction::Unchanged);
    EXPECT_TRUE(unchanged.rows[0].changedFields.empty());
    EXPECT_EQ(unchanged.unchanged, 1U);
    EXPECT_EQ(unchanged.updated, 0U);
    EXPECT_TRUE(unchanged.committable());
}

TEST(ImportPlan, ArchivedMatchIsNamed)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table = textTable({{"NIF", "Ciudad"}, {"A-87654321", "Bilbao"}});
    const ImportPlan result = plan(table, existing, {}, Language::Es);
    EXPECT_EQ(result.rows[0].action, RowAction::Unchanged);
    const ImportProblem* warning = findProblem(result, 1, Severity::Warning, Field::TaxId);
    ASSERT_NE(warning, nullptr);
    EXPECT_EQ(warning->reason, "Corresponde al cliente archivado C-000003 «Talleres Viejos S.A.».");
}

// ----------------------------------------------------------------------------- header, empty rows

TEST(ImportPlan, HeaderIsFirstNonEmptyRowAndEmptyRowsAreIgnored)
{
    InMemoryClients existing;
    ImportTable table = textTable({{"", "  "},
                                   {},
                                   {"Nombre", "Ciudad", "Otra cosa"},
                                   {"Ana", "Vigo", ""},
                                   {"", " \xC2\xA0\t", ""},           // blanks and NBSP
                                   {"", "", "solo columna ignorada"}, // nothing mapped
                                   {"Luis", "", ""}});
    ImportOptions options;
    options.firstSheetRow = 5;
    const ImportPlan result = plan(table, existing, options);
    ASSERT_EQ(result.rows.size(), 6U); // all rows but the header
    EXPECT_EQ(actions(result),
              (std::vector{RowAction::Empty, RowAction::Empty, RowAction::Create, RowAction::Empty,
                           RowAction::Empty, RowAction::Create}));
    EXPECT_EQ(result.rows[2].tableRow, 3U);
    EXPECT_EQ(result.rows[5].tableRow, 6U);
    EXPECT_EQ(result.created, 2U);
    EXPECT_EQ(result.skipped, 0U);
    EXPECT_EQ(result.mapping, (ColumnMapping{Field::LegalName, Field::City, std::nullopt}));
}

TEST(ImportPlan, EmptyTables)
{
    InMemoryClients existing;
    for (const ImportTable& table : {ImportTable{}, textTable({{"", ""}, {}})})
    {
        const ImportPlan result = plan(table, existing);
        EXPECT_FALSE(result.committable());
        ASSERT_EQ(result.problems.size(), 1U);
        EXPECT_EQ(result.problems[0].tableRow, npos);
        EXPECT_EQ(result.errors, 1U);
    }
    // A header and nothing else: nothing to do, nothing wrong.
    const ImportPlan headerOnly = plan(textTable({{"Nombre", "NIF"}}), existing);
    EXPECT_TRUE(headerOnly.rows.empty());
    EXPECT_TRUE(headerOnly.problems.empty());
    EXPECT_TRUE(headerOnly.committable());
}

TEST(ImportPlan, NoRecognisedColumnIsATableError)
{
    InMemoryClients existing;
    const ImportTable table = textTable({{"Fecha", "Importe"}, {"2024-01-01", "100"}});
    const ImportPlan result = plan(table, existing, {}, Language::Es);
    EXPECT_FALSE(result.committable());
    ASSERT_EQ(result.problems.size(), 1U);
    const ImportProblem& problem = result.problems[0];
    EXPECT_EQ(problem.tableRow, npos);
    EXPECT_EQ(problem.tableColumn, npos);
    EXPECT_EQ(problem.sheetRow, 0U);
    EXPECT_EQ(problem.severity, Severity::Error);
    EXPECT_EQ(problem.text(), problem.reason);
    EXPECT_EQ(problem.reason, "No se ha reconocido ninguna columna como dato de cliente. Indique "
                              "qué contiene cada columna.");
    EXPECT_EQ(result.rows[0].action, RowAction::Empty);
}

TEST(ImportPlan, WithoutHeaderUsesTheGivenMapping)
{
    InMemoryClients existing = sampleRegister();
    ImportTable table = textTable({{"B12345678", "Garcia Nueva"}, {"X1", "Nuevo"}});
    ImportOptions options;
    options.hasHeader = false;
    options.mapping = {Field::TaxId, Field::LegalName};
    const ImportPlan result = plan(table, existing, options);
    ASSERT_EQ(result.rows.size(), 2U);
    EXPECT_EQ(result.rows[0].tableRow, 0U);
    EXPECT_EQ(result.rows[0].action, RowAction::Update);
    EXPECT_EQ(result.rows[0].client.legalName, "Garcia Nueva");
    EXPECT_EQ(result.rows[1].action, RowAction::Create);
    // Without a header and without a mapping nothing is recognised.
    options.mapping.clear();
    EXPECT_FALSE(plan(table, existing, options).committable());
}

TEST(ImportPlan, GivenMappingWithAFieldTwice)
{
    InMemoryClients existing;
    ImportTable table = textTable({{"a", "b", "c"}, {"Ana", "Otra", "Vigo"}});
    ImportOptions options;
    options.mapping = {Field::LegalName, Field::LegalName, Field::City, Field::Email};
    options.firstSheetColumn = 2; // the range starts at column C
    const ImportPlan result = plan(table, existing, options);
    EXPECT_EQ(result.mapping, (ColumnMapping{Field::LegalName, std::nullopt, Field::City}));
    EXPECT_EQ(result.rows[0].client.legalName, "Ana");
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].severity, Severity::Warning);
    EXPECT_EQ(result.problems[0].tableColumn, 1U);
    EXPECT_EQ(result.problems[0].sheetColumn, 3U);
    EXPECT_EQ(result.problems[0].reason,
              "Column D is also assigned to “Legal name”; it is ignored.");
    EXPECT_TRUE(result.committable());
}

// ----------------------------------------------------------------------------- modes × policies

TEST(ImportPlan, ModesAndPolicies)
{
    // Row 1 matches client 1 (city differs, e-mail empty in the sheet, phone empty in the
    // register); row 2 is new.
    struct Case
    {
        ImportMode mode;
        UpdatePolicy policy;
        RowAction matched;
        RowAction fresh;
        const char* city;  // city of the matched row's planned client
        const char* phone; // phone of the matched row's planned client
    };
    const Case cases[] = {
        {ImportMode::Both, UpdatePolicy::Overwrite, RowAction::Update, RowAction::Create, "Getafe",
         "600 111 222"},
        {ImportMode::Both, UpdatePolicy::FillEmpty, RowAction::Update, RowAction::Create, "Madrid",
         "600 111 222"},
        {ImportMode::CreateOnly, UpdatePolicy::Overwrite, RowAction::Skip, RowAction::Create,
         "Getafe", "600 111 222"},
        {ImportMode::CreateOnly, UpdatePolicy::FillEmpty, RowAction::Skip, RowAction::Create,
         "Madrid", "600 111 222"},
        {ImportMode::UpdateOnly, UpdatePolicy::Overwrite, RowAction::Update, RowAction::Skip,
         "Getafe", "600 111 222"},
        {ImportMode::UpdateOnly, UpdatePolicy::FillEmpty, RowAction::Update, RowAction::Skip,
         "Madrid", "600 111 222"},
    };
    for (const Case& c : cases)
    {
        InMemoryClients existing = sampleRegister();
        const ImportTable table = textTable({{"NIF", "Ciudad", "Email", "Teléfono", "Nombre"},
                                             {"B12345678", "Getafe", "", "600 111 222", ""},
                                             {"Z0000000", "Lugo", "", "", "Nuevo"}});
        ImportOptions options;
        options.mode = c.mode;
        options.policy = c.policy;
        const ImportPlan result = plan(table, existing, options);
        const auto label = "mode " + std::to_string(static_cast<int>(c.mode)) + " policy " +
                           std::to_string(static_cast<int>(c.policy));
        ASSERT_EQ(result.rows.size(), 2U) << label;
        EXPECT_EQ(result.rows[0].action, c.matched) << label;
        EXPECT_EQ(result.rows[1].action, c.fresh) << label;
        EXPECT_EQ(result.rows[0].matchedId, 1) << label;
        EXPECT_EQ(result.rows[0].client.city, c.city) << label;
        EXPECT_EQ(result.rows[0].client.phone, c.phone) << label;
        EXPECT_EQ(result.rows[0].client.email, "info@garcia.es") << label; // empty cell
        EXPECT_EQ(result.skipped, std::size_t{c.matched == RowAction::Skip} +
                                      std::size_t{c.fresh == RowAction::Skip})
            << label;
        EXPECT_TRUE(result.committable()) << label;
        // The match is reported whatever the mode (it explains a skipped row too).
        EXPECT_NE(findProblem(result, 1, Severity::Warning, Field::TaxId), nullptr) << label;
        EXPECT_EQ(result.errors, 0U) << label;
    }
}

TEST(ImportPlan, FillEmptyCanLeaveARowUnchanged)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table = textTable({{"NIF", "Ciudad"}, {"B12345678", "Getafe"}});
    ImportOptions options;
    options.policy = UpdatePolicy::FillEmpty;
    EXPECT_EQ(plan(table, existing, options).rows[0].action, RowAction::Unchanged);
}

TEST(ImportPlan, SkippedByModeRowsAreNotValidated)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table = textTable(
        {{"NIF", "Email", "Nombre"}, {"B12345678", "not an e-mail", ""}, {"X123", "also bad", ""}});
    ImportOptions options;
    options.mode = ImportMode::CreateOnly;
    ImportPlan result = plan(table, existing, options);
    EXPECT_EQ(result.rows[0].action, RowAction::Skip);
    EXPECT_EQ(result.rows[1].action, RowAction::Invalid); // would be created: validated
    options.mode = ImportMode::UpdateOnly;
    result = plan(table, existing, options);
    EXPECT_EQ(result.rows[0].action, RowAction::Invalid); // would be updated: validated
    EXPECT_EQ(result.rows[1].action, RowAction::Skip);
    EXPECT_EQ(countProblems(result, 2, Severity::Error), 0U);
}

// ----------------------------------------------------------------------------- errors

TEST(ImportPlan, FieldErrorsCarryTheCellPosition)
{
    InMemoryClients existing;
    const ImportTable table = textTable({{"Nombre", "Email", "País", "Teléfono"},
                                         {"Ana", "ana@", "ES", ""},
                                         {"Luis", "", "Zz", std::string(41, '6')}});
    ImportOptions options;
    options.firstSheetRow = 10;
    options.firstSheetColumn = 1;
    const ImportPlan result = plan(table, existing, options, Language::Es);
    EXPECT_EQ(actions(result), (std::vector{RowAction::Invalid, RowAction::Invalid}));
    EXPECT_EQ(result.invalid, 2U);
    EXPECT_EQ(result.errors, 3U);
    EXPECT_FALSE(result.committable());

    const ImportProblem* email = findProblem(result, 1, Severity::Error, Field::Email);
    ASSERT_NE(email, nullptr);
    EXPECT_EQ(email->tableColumn, 1U);
    EXPECT_EQ(email->sheetRow, 11U);
    EXPECT_EQ(email->sheetColumn, 2U);
    EXPECT_EQ(email->reason,
              describe(FieldIssue{Field::Email, Problem::InvalidEmail}, Language::Es));
    EXPECT_EQ(email->text(), "row 11, email: " + email->reason);
    EXPECT_EQ(email->text(Language::Es), "fila 11, Correo electrónico: " + email->reason);
    EXPECT_EQ(email->text(Language::Pt).substr(0, 9), "linha 11,");

    const ImportProblem* country = findProblem(result, 2, Severity::Error, Field::Country);
    ASSERT_NE(country, nullptr);
    EXPECT_EQ(country->tableColumn, 2U);
    EXPECT_EQ(country->sheetRow, 12U);
    const ImportProblem* phone = findProblem(result, 2, Severity::Error, Field::Phone);
    ASSERT_NE(phone, nullptr);
    EXPECT_EQ(phone->tableColumn, 3U);
    EXPECT_EQ(phone->reason,
              describe(FieldIssue{Field::Phone, Problem::TooLong, 40}, Language::Es));
}

TEST(ImportPlan, MissingLegalName)
{
    InMemoryClients existing = sampleRegister();
    // Column present, cell empty, new client → error on that cell.
    ImportPlan result =
        plan(textTable({{"Nombre", "Ciudad"}, {"", "Vigo"}}), existing, {}, Language::En);
    const ImportProblem* missing = findProblem(result, 1, Severity::Error, Field::LegalName);
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->tableColumn, 0U);
    EXPECT_EQ(missing->reason, "The legal name is required.");
    // No legal name column: the whole row.
    result = plan(textTable({{"Ciudad", "NIF"}, {"Vigo", "X1"}}), existing);
    missing = findProblem(result, 1, Severity::Error, Field::LegalName);
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->tableColumn, npos);
    EXPECT_EQ(missing->sheetColumn, npos);
    // A matched row keeps the stored legal name: no error, with or without the column.
    result = plan(textTable({{"Ciudad", "NIF"}, {"Vigo", "B12345678"}}), existing);
    EXPECT_EQ(result.rows[0].action, RowAction::Update);
    EXPECT_EQ(result.rows[0].client.legalName, "Construcciones García S.L.");
    result = plan(textTable({{"Nombre", "NIF"}, {"", "B12345678"}}), existing);
    EXPECT_EQ(result.rows[0].action, RowAction::Unchanged);
}

TEST(ImportPlan, SkipInvalidRows)
{
    InMemoryClients existing;
    const ImportTable table =
        textTable({{"Nombre", "Email"}, {"Ana", "bad"}, {"Luis", "luis@example.com"}});
    ImportOptions options;
    options.skipInvalid = true;
    const ImportPlan result = plan(table, existing, options);
    EXPECT_EQ(actions(result), (std::vector{RowAction::Skip, RowAction::Create}));
    EXPECT_EQ(result.skipped, 1U);
    EXPECT_EQ(result.invalid, 0U);
    EXPECT_EQ(result.errors, 1U); // still reported
    EXPECT_TRUE(result.committable());
}

TEST(ImportPlan, DuplicateTaxIdWithinTheFile)
{
    InMemoryClients existing;
    const ImportTable table = textTable({{"Nombre", "NIF", "País"},
                                         {"A", "B-11.111.111", "ES"},
                                         {"B", "22222222J", "ES"},
                                         {"C", "es b11111111", "ES"},
                                         {"D", "B11111111", "ES"}});
    ImportOptions options;
    options.firstSheetRow = 3;
    const ImportPlan result = plan(table, existing, options, Language::Es);
    EXPECT_EQ(actions(result), (std::vector{RowAction::Create, RowAction::Create,
                                            RowAction::Invalid, RowAction::Invalid}));
    for (std::size_t tableRow : {3U, 4U})
    {
        const ImportProblem* duplicate =
            findProblem(result, tableRow, Severity::Error, Field::TaxId);
        ASSERT_NE(duplicate, nullptr);
        EXPECT_EQ(duplicate->tableColumn, 1U);
        EXPECT_EQ(duplicate->sheetRow, 3 + tableRow);
        // Names the first sheet row with that tax ID (table row 1 = sheet row 4).
        EXPECT_EQ(duplicate->reason, "La misma identificación fiscal ya aparece en la fila 4.");
    }
}

TEST(ImportPlan, DuplicateCodeAndSameClient)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table = textTable({{"Código", "NIF", "Ciudad"},
                                         {"C-000002", "", "Braga"},
                                         {"c2", "", "Faro"},
                                         {"", "PT501964843", "Faro"},
                                         {"", "501 964 843", "Faro"}});
    const ImportPlan result = plan(table, existing);
    EXPECT_EQ(actions(result), (std::vector{RowAction::Update, RowAction::Invalid,
                                            RowAction::Invalid, RowAction::Invalid}));
    const ImportProblem* code = findProblem(result, 2, Severity::Error, Field::Code);
    ASSERT_NE(code, nullptr);
    EXPECT_EQ(code->reason, "The same code already appears in row 2.");
    EXPECT_EQ(code->tableColumn, 0U);
    const ImportProblem* same = findProblem(result, 3, Severity::Error, Field::TaxId);
    ASSERT_NE(same, nullptr);
    EXPECT_EQ(same->reason, "Row 2 already refers to the same client (C-000002).");
    EXPECT_EQ(same->tableColumn, 1U);
    // One duplicate error per row.
    EXPECT_EQ(countProblems(result, 4, Severity::Error), 1U);
}

TEST(ImportPlan, RowsUpdatingClientsThatShareATaxIdAreNotDuplicates)
{
    // Two branches of one company, stored with the same tax ID.
    InMemoryClients existing;
    existing.add(storedClient(1, "Hermanos Pérez S.L. (Madrid)", "B11111111", "ES", "Madrid"));
    existing.add(storedClient(2, "Hermanos Pérez S.L. (Sevilla)", "B11111111", "ES", "Sevilla"));
    const ImportTable table = textTable({{"Código", "NIF", "Ciudad"},
                                         {"C-000001", "B11111111", "Madrid"},
                                         {"C-000002", "B11111111", "Sevilla"},
                                         {"", "B11111111", "Toledo"}});
    const ImportPlan result = plan(table, existing);
    EXPECT_EQ(actions(result),
              (std::vector{RowAction::Unchanged, RowAction::Unchanged, RowAction::Invalid}));
    // The third row matches client 1 by tax ID: the same client as row 2.
    EXPECT_EQ(result.rows[2].matchedId, 1);
    EXPECT_NE(findProblem(result, 3, Severity::Error, Field::TaxId), nullptr);
}

TEST(ImportPlan, UnknownCodeFallsBackToTaxId)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table = textTable({{"Código", "Nombre", "NIF"},
                                         {"CL-0045", "Garcia", "B12345678"},
                                         {"CL-0046", "Nueva", "X9"}});
    const ImportPlan result = plan(table, existing, {}, Language::Pt);
    EXPECT_EQ(result.rows[0].action, RowAction::Update);
    EXPECT_EQ(result.rows[0].matchedId, 1);
    EXPECT_EQ(result.rows[0].client.code, "C-000001"); // codes never come from the sheet
    EXPECT_EQ(result.rows[1].action, RowAction::Create);
    EXPECT_EQ(result.rows[1].client.code, "");
    const ImportProblem* notFound = findProblem(result, 2, Severity::Warning, Field::Code);
    ASSERT_NE(notFound, nullptr);
    EXPECT_EQ(notFound->tableColumn, 0U);
    EXPECT_EQ(notFound->reason, "Nenhum cliente tem o código «CL-0046»; o código não é importado "
                                "(os códigos são atribuídos pelo registro).");
    EXPECT_EQ(result.warnings, 3U); // two unknown codes and one match
}

TEST(ImportPlan, NewTaxIdOfAnotherClientIsAWarning)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table = textTable({{"Código", "NIF"}, {"C-000001", "A87654321"}});
    const ImportPlan result = plan(table, existing);
    EXPECT_EQ(result.rows[0].action, RowAction::Update);
    const ImportProblem* other = findProblem(result, 1, Severity::Warning, Field::TaxId);
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(other->reason,
              "The new tax ID is that of the client C-000003 “Talleres Viejos S.A.”.");
    EXPECT_TRUE(result.committable());
}

TEST(ImportPlan, TaxIdCheckerHook)
{
    InMemoryClients existing = sampleRegister();
    std::vector<std::pair<std::string, std::string>> calls;
    ImportOptions options;
    options.taxIdChecker = [&calls](const std::string& taxId, const std::string& country)
    {
        calls.emplace_back(taxId, country);
        return taxId != "B00000000";
    };
    const ImportTable table = textTable({{"Nombre", "NIF", "País"},
                                         {"Mal", "B00000000", "ES"},
                                         {"Bien", "B99999999", "es"},
                                         {"", "B-12345678", ""}, // unchanged: not checked
                                         {"Sin NIF", "", "PT"}});
    const ImportPlan result = plan(table, existing, options);
    EXPECT_EQ(calls, (std::vector<std::pair<std::string, std::string>>{{"B00000000", "ES"},
                                                                       {"B99999999", "ES"}}));
    EXPECT_EQ(result.rows[0].action, RowAction::Create); // a warning, not an error
    const ImportProblem* check = findProblem(result, 1, Severity::Warning, Field::TaxId);
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(check->tableColumn, 1U);
    EXPECT_EQ(check->reason, "The tax ID “B00000000” does not look valid; please check it.");
    EXPECT_EQ(countProblems(result, 2, Severity::Warning), 0U);
    EXPECT_TRUE(result.committable());
}

// ----------------------------------------------------------------------------- numbers from Calc

TEST(ImportPlan, CellTextOfNumbers)
{
    EXPECT_EQ(cellText(num(28001.0), Field::PostalCode), "28001");
    EXPECT_EQ(cellText(num(600123456.0), Field::Phone), "600123456");
    EXPECT_EQ(cellText(num(-5.0), Field::Notes), "-5");
    EXPECT_EQ(cellText(num(-0.0), Field::Notes), "0");
    EXPECT_EQ(cellText(num(1.5), Field::Notes), "1.5");
    EXPECT_EQ(cellText(num(0.1), Field::Notes), "0.1");
    EXPECT_EQ(cellText(num(12345678901234.0), Field::TaxId), "12345678901234");
    EXPECT_EQ(cellText(num(1e20), Field::Notes), "1e+20");
    EXPECT_EQ(cellText(num(std::numeric_limits<double>::quiet_NaN()), Field::Notes), "");
    EXPECT_EQ(cellText(num(std::numeric_limits<double>::infinity()), Field::Notes), "");
    // The displayed text of a "00000" format keeps the zero; other display texts are ignored.
    ImportCell formatted = num(8001);
    formatted.text = "08001";
    EXPECT_EQ(cellText(formatted, Field::PostalCode), "08001");
    EXPECT_EQ(cellText(formatted, Field::LegalName), "8001");
    formatted.text = "8.001";
    EXPECT_EQ(cellText(formatted, Field::PostalCode), "8001");
    formatted.text = "09001"; // not the same number
    EXPECT_EQ(cellText(formatted, Field::PostalCode), "8001");
    EXPECT_EQ(cellText(txt("  08001 "), Field::PostalCode), "  08001 ");
}

TEST(ImportPlan, NumbersFromCalc)
{
    InMemoryClients existing;
    ImportTable table = textTable({{"Nombre", "CP", "País", "Teléfono", "NIF"}});
    table.push_back({txt("Madrid S.L."), num(28001), txt("ES"), num(600123456), num(12345678)});
    table.push_back({txt("Barcelona S.L."), num(8001), txt("ES"), txt("93 000 00 00"), txt("")});
    table.push_back({txt("Lisboa Lda."), num(1000), txt("PT"), txt(""), txt("")});
    table.push_back({txt("Sin país"), num(8001), txt(""), txt(""), txt("")});
    ImportCell formatted = num(8001);
    formatted.text = "08001";
    table.push_back({txt("Formato 00000"), formatted, txt("ES"), txt(""), txt("")});
    ImportOptions options;
    options.firstSheetColumn = 3;
    const ImportPlan result = plan(table, existing, options);
    ASSERT_EQ(result.rows.size(), 5U);
    EXPECT_EQ(result.rows[0].client.postalCode, "28001");
    EXPECT_EQ(result.rows[0].client.phone, "600123456");
    EXPECT_EQ(result.rows[0].client.taxId, "12345678");
    EXPECT_EQ(result.rows[1].client.postalCode, "8001"); // never padded
    EXPECT_EQ(result.rows[4].client.postalCode, "08001");
    EXPECT_EQ(countProblems(result, 1, Severity::Warning), 0U);
    const ImportProblem* lost = findProblem(result, 2, Severity::Warning, Field::PostalCode);
    ASSERT_NE(lost, nullptr);
    EXPECT_EQ(lost->tableColumn, 1U);
    EXPECT_EQ(lost->sheetColumn, 4U);
    EXPECT_EQ(lost->sheetRow, 3U);
    EXPECT_NE(lost->reason.find("(8001)"), std::string::npos);
    EXPECT_EQ(countProblems(result, 3, Severity::Warning), 0U); // 4 digits is right in Portugal
    EXPECT_NE(findProblem(result, 4, Severity::Warning, Field::PostalCode), nullptr);
    EXPECT_EQ(countProblems(result, 5, Severity::Warning), 0U);
    EXPECT_EQ(result.created, 5U);
    EXPECT_TRUE(result.committable());
}

TEST(ImportPlan, NumberMatchingStoredDigitsKeepsTheLeadingZeros)
{
    InMemoryClients existing;
    Client stored = storedClient(7, "Barcelona S.L.", "B08000001", "ES", "Barcelona");
    stored.postalCode = "08001";
    existing.add(stored);
    ImportTable table = textTable({{"NIF", "CP"}});
    table.push_back({txt("B08000001"), num(8001)});
    table.push_back({txt("B08000001"), num(8002)});
    ImportOptions options;
    options.mode = ImportMode::UpdateOnly;
    ImportPlan result = plan(table, existing, options);
    EXPECT_EQ(result.rows[0].action, RowAction::Unchanged);
    EXPECT_EQ(result.rows[0].client.postalCode, "08001");
    // A different number is a change (and a warning: a zero may be missing).
    EXPECT_EQ(result.rows[1].action, RowAction::Invalid); // same client as row 2
    table.erase(table.begin() + 1);
    result = plan(table, existing, options);
    EXPECT_EQ(result.rows[0].action, RowAction::Update);
    EXPECT_EQ(result.rows[0].client.postalCode, "8002");
    EXPECT_NE(findProblem(result, 1, Severity::Warning, Field::PostalCode), nullptr);
}

TEST(ImportPlan, CountryNamesBecomeCodes)
{
    InMemoryClients existing = sampleRegister();
    const ImportTable table = textTable({{"Nombre", "NIF", "País"},
                                         {"A", "", "España"},
                                         {"B", "", "portugal"},
                                         {"C", "", "Reino Unido"},
                                         {"D", "", "UK"},
                                         {"E", "", "Narnia"},
                                         {"", "B12345678", "Espanha"}});
    const ImportPlan result = plan(table, existing);
    EXPECT_EQ(result.rows[0].client.country, "ES");
    EXPECT_EQ(result.rows[1].client.country, "PT");
    EXPECT_EQ(result.rows[2].client.country, "GB");
    EXPECT_EQ(result.rows[3].client.country, "GB");
    EXPECT_EQ(result.rows[4].action, RowAction::Invalid);
    EXPECT_NE(findProblem(result, 5, Severity::Error, Field::Country), nullptr);
    EXPECT_EQ(result.rows[5].action, RowAction::Unchanged);
}

// ----------------------------------------------------------------------------- hostile input

TEST(ImportPlan, HostileInput)
{
    InMemoryClients existing = sampleRegister();
    ImportTable table = textTable({{"Nombre", "Notas", "Email", "NIF"}});
    table.push_back({txt("=SUM(A1)"), txt("+34 600"), txt(""), txt("-x")});
    table.push_back({txt("Bad \xFF\xFE UTF-8"), txt(""), txt(""), txt("")});
    table.push_back({txt("Ctrl\x01char"), txt("tab\tand\nnewline ok"), txt(""), txt("")});
    table.push_back({txt("Huge notes"), txt(std::string(200000, 'n')), txt(""), txt("")});
    table.push_back({txt("🙂 Emoji Ñandú Ação")}); // short row
    table.push_back({txt("Long row"), txt(""), txt(""), txt(""), txt("extra"), txt("more")});
    table.push_back({txt("{row} {code} «»"), txt(""), txt(""), txt("")});
    table.push_back({txt(std::string(1000000, 'x'))});
    const ImportPlan result = plan(table, existing, {}, Language::Es);
    ASSERT_EQ(result.rows.size(), 8U);
    EXPECT_EQ(result.rows[0].action, RowAction::Create);
    EXPECT_EQ(result.rows[0].client.legalName, "=SUM(A1)");
    EXPECT_EQ(result.rows[0].client.notes, "+34 600");
    EXPECT_EQ(result.rows[0].client.taxId, "-x");
    EXPECT_EQ(result.rows[1].action, RowAction::Invalid);
    EXPECT_NE(findProblem(result, 2, Severity::Error, Field::LegalName), nullptr);
    EXPECT_EQ(result.rows[2].action, RowAction::Invalid);
    EXPECT_EQ(result.rows[3].action, RowAction::Invalid);
    const ImportProblem* tooLong = findProblem(result, 4, Severity::Error, Field::Notes);
    ASSERT_NE(tooLong, nullptr);
    EXPECT_EQ(tooLong->tableColumn, 1U);
    EXPECT_EQ(result.rows[4].action, RowAction::Create);
    EXPECT_EQ(result.rows[4].client.legalName, "🙂 Emoji Ñandú Ação");
    EXPECT_EQ(result.rows[5].action, RowAction::Create);
    EXPECT_EQ(result.rows[6].client.legalName, "{row} {code} «»");
    EXPECT_EQ(result.rows[7].action, RowAction::Invalid);
    EXPECT_EQ(result.mapping.size(), 6U);
    EXPECT_FALSE(result.committable());
}

TEST(ImportPlan, PlaceholdersInValuesAreNotExpanded)
{
    InMemoryClients existing;
    existing.add(storedClient(9, "Evil {code} {row} {name}", "B11111111"));
    const ImportPlan result = plan(textTable({{"NIF"}, {"B11111111"}}), existing, {}, Language::En);
    const ImportProblem* match = findProblem(result, 1, Severity::Warning, Field::TaxId);
    ASSERT_NE(match, nullptr);
    EXPECT_EQ(match->reason, "Matches the existing client C-000009 “Evil {code} {row} {name}”.");
}

TEST(ImportPlan, RandomTablesNeverThrowAndAddUp)
{
    std::mt19937 random(12345);
    const std::vector<std::string> pieces = {
        "",       " ",        "Ana",  "B12345678",   "C-000001", "es",   "ES",
        "España", "x@y.es",   "bad@", "\xFF",        "\x01",     "=1+1", "🙂",
        "28001",  "\xC2\xA0", "C-1",  "PT501964843", "Nombre",   "NIF"};
    for (int round = 0; round < 200; ++round)
    {
        InMemoryClients existing = sampleRegister();
        ImportTable table;
        const std::size_t rows = random() % 12;
        for (std::size_t r = 0; r < rows; ++r)
        {
            std::vector<ImportCell> cells;
            const std::size_t columns = random() % 8;
            for (std::size_t c = 0; c < columns; ++c)
                cells.push_back(random() % 6 == 0 ? num(static_cast<double>(random() % 100000) /
                                                        (1 + random() % 3))
                                                  : txt(pieces[random() % pieces.size()]));
            table.push_back(std::move(cells));
        }
        ImportOptions options;
        options.hasHeader = random() % 2 == 0;
        options.mode = static_cast<ImportMode>(random() % 3);
        options.policy = static_cast<UpdatePolicy>(random() % 2);
        options.skipInvalid = random() % 2 == 0;
        if (random() % 2 == 0)
            for (std::size_t c = 0; c < 8; ++c)
                options.mapping.push_back(
                    random() % 3 == 0 ? std::nullopt : std::optional(allFields()[random() % 13]));
        ImportPlan result;
        ASSERT_NO_THROW(result = planImport(table, options, existing, Language::En));
        std::size_t empty = 0;
        for (const PlannedRow& row : result.rows)
            empty += row.action == RowAction::Empty;
        EXPECT_EQ(result.created + result.updated + result.unchanged + result.skipped +
                      result.invalid + empty,
                  result.rows.size());
        EXPECT_EQ(result.errors + result.warnings, result.problems.size());
        if (options.skipInvalid)
        {
            EXPECT_EQ(result.invalid, 0U);
        }
        for (const ImportProblem& problem : result.problems)
            EXPECT_FALSE(problem.reason.empty());
    }
}

} // namespace clientes

namespace clientes
{
// ------------------------------------------------------- sparse tables, formula errors, links

// A table that leaves out the sheet's empty rows names the real sheet rows; the header is the
// first row read, wherever it is on the sheet.
TEST(ImportPlan, SheetRowsOfATableWithoutItsEmptyRows)
{
    InMemoryClients existing;
    const ImportTable table = textTable(
        {{"Nombre", "Correo"}, {"Ana", "ana@example.com"}, {"", "mal correo"}, {"Luis", ""}});
    const std::vector<std::size_t> sheetRows = {3, 4, 900000, 1048576};
    ImportOptions options;
    options.firstSheetRow = 3;
    options.sheetRows = sheetRows;
    const ImportPlan result = plan(table, existing, options);
    EXPECT_EQ(result.created, 2U);
    ASSERT_EQ(result.errors, 2U);
    for (const ImportProblem& problem : result.problems)
    {
        EXPECT_EQ(problem.sheetRow, 900000U);
        EXPECT_EQ(problem.text().rfind("row 900000, ", 0), 0U) << problem.text();
    }
    EXPECT_EQ(sheetRowOf(sheetRows, 3, 3), 1048576U);
    EXPECT_EQ(sheetRowOf({}, 3, 3), 6U);
}

TEST(ImportPlan, FormulaErrorsAreWarnedAboutAndLeaveTheFieldEmpty)
{
    EXPECT_EQ(formulaErrorText(532), "#DIV/0!");
    EXPECT_EQ(formulaErrorText(32767), "#N/A");
    EXPECT_EQ(formulaErrorText(524), "#REF!");
    EXPECT_EQ(formulaErrorText(502), "Err:502");

    InMemoryClients existing;
    ImportTable table = textTable({{"Nombre", "Ciudad", "Nada"}, {"Ana", "", ""}, {"", "", ""}});
    table[1][1].formulaError = 532; // Ciudad: =1/0
    table[2][0].formulaError = 519; // a row whose only value is an error
    table[2][2].formulaError = 519; // an ignored column: nothing said
    ImportOptions options;
    options.mapping = {Field::LegalName, Field::City, std::nullopt};
    const ImportPlan result = plan(table, existing, options, Language::Es);
    EXPECT_EQ(result.created, 1U);
    EXPECT_EQ(result.rows[0].client.city, "");
    ASSERT_EQ(result.warnings, 2U);
    const ImportProblem* city = findProblem(result, 1, Severity::Warning, Field::City);
    ASSERT_NE(city, nullptr);
    EXPECT_EQ(city->field, Field::City);
    EXPECT_EQ(city->tableColumn, 1U);
    EXPECT_EQ(city->reason.rfind("La fórmula da un error (#DIV/0!)", 0), 0U) << city->reason;
    // The row holding only an error is not taken for an empty one.
    EXPECT_EQ(result.rows[1].action, RowAction::Invalid);
    const ImportProblem* name = findProblem(result, 2, Severity::Warning, Field::LegalName);
    ASSERT_NE(name, nullptr);
    EXPECT_NE(name->reason.find("#VALUE!"), std::string::npos);
}

TEST(ImportPlan, WebsiteTakesTheHyperlinkOfItsCell)
{
    InMemoryClients existing;
    ImportTable table = textTable({{"Nombre", "Web", "Notas"},
                                   {"Ana", "Nuestra web", "Ver web"},
                                   {"Luis", "luis.example.com", ""}});
    std::vector<std::pair<std::size_t, std::size_t>> asked;
    ImportOptions options;
    options.hyperlink = [&](std::size_t row, std::size_t column) -> std::optional<std::string>
    {
        asked.emplace_back(row, column);
        if (row == 1)
            return "https://example.com";
        return std::nullopt;
    };
    const ImportPlan result = plan(table, existing, options);
    ASSERT_EQ(result.created, 2U) << (result.problems.empty() ? "" : result.problems[0].text());
    EXPECT_EQ(result.rows[0].client.website, "https://example.com");
    EXPECT_EQ(result.rows[0].client.notes, "Ver web");
    EXPECT_EQ(result.rows[1].client.website, "luis.example.com");
    // Only the website column's cells are asked about.
    EXPECT_EQ(asked, (std::vector<std::pair<std::size_t, std::size_t>>{{1, 1}, {2, 1}}));
}

// Text that starts with white space and then = + - @ is never made formula-like on the way in.
TEST(ImportPlan, TidyingNeverUncoversAFormula)
{
    InMemoryClients existing;
    const ImportTable table = textTable({{"Nombre", "Teléfono", "Notas"},
                                         {"\t=1+1", "\xC2\xA0+34 600", "\r\n@SUM(A1)"},
                                         {"\xE3\x80\x80-2", "", ""}});
    const ImportPlan result = plan(table, existing);
    ASSERT_EQ(result.created, 2U) << (result.problems.empty() ? "" : result.problems[0].text());
    EXPECT_EQ(result.rows[0].client.legalName, " =1+1");
    EXPECT_EQ(result.rows[0].client.phone, " +34 600");
    EXPECT_EQ(result.rows[0].client.notes, " @SUM(A1)");
    EXPECT_EQ(result.rows[1].client.legalName, " -2");
}
} // namespace clientes

namespace clientes
{
namespace
{

// The columns a source has and the register has not (Odoo's "Customer" and "Supplier") are
// listed with how many values they hold, or go to the notes as "Header: value" lines.
TEST(ImportLeftOut, ColumnsWithValuesNotImportedAreListedWithTheirCounts)
{
    const ImportTable table = textTable({{"Name", "Email", "Customer", "Supplier", "Ref. interna"},
                                         {"Grocery Outlet", "info@grocery.com", "1", "", "X-1"},
                                         {"Azure Interior", "", "1", " ", ""},
                                         {"Deco Addict", "", "", "", ""}});
    InMemoryClients existing;
    const ImportPlan plan = planImport(table, {}, existing, Language::Es);
    ASSERT_EQ(plan.leftOut.size(), 2U);
    EXPECT_EQ(plan.leftOut[0].header, "Customer");
    EXPECT_EQ(plan.leftOut[0].values, 2U);
    EXPECT_EQ(plan.leftOut[0].tableColumn, 2U);
    EXPECT_EQ(plan.leftOut[1].header, "Ref. interna");
    EXPECT_EQ(plan.leftOut[1].values, 1U);
    EXPECT_EQ(leftOutText(plan.leftOut[0], Language::Es), "Customer: 2 valores, no se importará");
    EXPECT_EQ(leftOutText(plan.leftOut[1], Language::Es), "Ref. interna: 1 valor, no se importará");
    EXPECT_EQ(leftOutText(plan.leftOut[0], Language::En),
              "Customer: 2 values, will not be imported");
    EXPECT_EQ(leftOutText(plan.leftOut[1], Language::Pt),
              "Ref. interna: 1 valor, não será importado");
    EXPECT_EQ(plan.created, 3U);

    // Without a header, the column's letter names it.
    ImportOptions noHeader;
    noHeader.hasHeader = false;
    noHeader.mapping = {Field::LegalName};
    noHeader.firstSheetColumn = 1;
    const ImportPlan letters =
        planImport(textTable({{"Grocery Outlet", "x"}}), noHeader, existing, Language::Es);
    ASSERT_EQ(letters.leftOut.size(), 1U);
    EXPECT_EQ(letters.leftOut[0].header, "C");
    EXPECT_EQ(letters.leftOut[0].sheetColumn, 2U);
}

TEST(ImportLeftOut, NoteColumnsAddHeaderAndValueLinesAfterTheNotesOwnValue)
{
    const ImportTable table = textTable({{"Name", "Notes", "Customer", "Supplier", "Street2"},
                                         {"Grocery Outlet", "Cliente VIP", "1", "0", "#401"},
                                         {"Azure Interior", "", "1", "", ""},
                                         {"", "", "", "1", ""}});
    ImportOptions options;
    options.noteColumns = {4, 2, 3, 2, 99}; // any order, repeated, out of the table
    InMemoryClients existing;
    const ImportPlan plan = planImport(table, options, existing, Language::Es);
    EXPECT_EQ(plan.noteColumns, (std::vector<std::size_t>{2, 3, 4}));
    EXPECT_TRUE(plan.leftOut.empty());
    ASSERT_EQ(plan.rows.size(), 3U); // the header row is not one
    EXPECT_EQ(plan.rows[0].client.notes, "Cliente VIP\nCustomer: 1\nSupplier: 0\nStreet2: #401");
    EXPECT_EQ(plan.rows[1].client.notes, "Customer: 1");
    // A row with a value in a note column only is not empty: it lacks its legal name.
    EXPECT_EQ(plan.rows[2].action, RowAction::Invalid);
    EXPECT_EQ(plan.created, 2U);

    // A note column mapped to a field too is a note column only.
    ImportOptions mapped;
    mapped.mapping = {Field::LegalName, Field::Notes, std::nullopt, std::nullopt, Field::Street};
    mapped.noteColumns = {4};
    const ImportPlan both = planImport(table, mapped, existing, Language::Es);
    EXPECT_FALSE(both.mapping[4].has_value());
    EXPECT_EQ(both.rows[0].client.street, "");
    EXPECT_EQ(both.rows[0].client.notes, "Cliente VIP\nStreet2: #401");
    ASSERT_EQ(both.leftOut.size(), 2U);
    EXPECT_EQ(both.leftOut[0].header, "Customer");
    EXPECT_EQ(both.leftOut[1].header, "Supplier");
}

} // namespace
} // namespace clientes
