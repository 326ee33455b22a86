#include "core/messages/messages.hpp"
#include "core/rules/dates.hpp"
#include "core/rules/validation.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_plan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace clientes
{

namespace
{

// What the store would hold: tidied, valid, with id and code.
Client stored(std::int64_t id, Client client)
{
    client.id = id;
    char code[32];
    std::snprintf(code, sizeof code, "C-%06lld", static_cast<long long>(id));
    client.code = code;
    client.uuid = "uuid-" + std::to_string(id);
    client.version = 1;
    tidy(client);
    return client;
}

std::string longNotes()
{
    std::string notes;
    int line = 0;
    while (notes.size() < 10000)
        notes += "Línea " + std::to_string(++line) + ": pago a 30 días, açúcar, ñandú, 🙂\n";
    notes.resize(10000);
    // Keep the last character something tidy() does not trim.
    notes.back() = '.';
    return notes;
}

std::vector<Client> nastyClients()
{
    std::vector<Client> clients;
    const auto add = [&clients](Client client)
    {
        const std::int64_t id = static_cast<std::int64_t>(clients.size()) + 1;
        Client c = stored(id, std::move(client));
        EXPECT_TRUE(validate(c).empty()) << c.legalName;
        clients.push_back(std::move(c));
    };
    Client a;
    a.legalName = "Construcciones Ñandú y Peña, S.L.";
    a.tradeName = "Ñandú 🏗️";
    a.taxId = "B-12.345.678";
    a.country = "ES";
    a.street = "Calle de la Cigüeña, 7, 3º B";
    a.postalCode = "08001";
    a.city = "Barcelona";
    a.region = "Barcelona";
    a.email = "Info.Peña@Example.ES";
    a.phone = "+34 600 123 456";
    a.website = "https://ñandú.es/?a=1&b=2";
    a.notes = longNotes();
    add(a);
    Client b;
    b.legalName = "=SUM(A1)";
    b.tradeName = "+34 600";
    b.taxId = "PT 501 964 843";
    b.country = "PT";
    b.street = "-x";
    b.postalCode = "1000-001";
    b.city = "@foo";
    b.region = "Conceição";
    b.phone = "-1";
    b.notes = "=HYPERLINK(\"http://evil\")\n+cmd|' /C calc'!A0\n@SUM(1)";
    add(b);
    Client c;
    c.legalName = "Açúcar & Ação Lda.";
    c.taxId = "12.345.678-Z";
    c.country = "BR";
    c.postalCode = "01310-100";
    c.city = "São Paulo";
    c.phone = "0034 912 345 678";
    add(c);
    Client d; // only the required field
    d.legalName = "X";
    add(d);
    Client e; // a leading-zero postcode and a tax ID shared with another client (a branch)
    e.legalName = "Construcciones Ñandú y Peña, S.L. (Girona)";
    e.taxId = "B12345678";
    e.country = "ES";
    e.postalCode = "01234";
    e.phone = "00351 21 000 0000";
    e.archived = true;
    add(e);
    Client f; // tax ID with the country prefix, code-like and number-like texts
    f.legalName = "1234";
    f.tradeName = "C-000001";
    f.taxId = "ES-B 98.765.432";
    f.country = "ES";
    f.postalCode = "00000";
    f.city = "0.5";
    f.region = "1e5";
    f.notes = "TRUE";
    add(f);
    Client g; // spacing and quotes
    g.legalName = "\"Quoted\" 'name' «x» “y”";
    g.street = "Tab\tseparated";
    g.notes = "  indented line\n\n\ttabbed line";
    g.email = "a.b+tag@sub.example.co.uk";
    add(g);
    return clients;
}

ImportTable asImportTable(const ExportSheet& sheet)
{
    ImportTable table;
    std::vector<ImportCell> header;
    for (const std::string& text : sheet.headers)
        header.push_back({text, false, 0});
    table.push_back(std::move(header));
    for (const auto& row : sheet.rows)
    {
        std::vector<ImportCell> cells;
        for (const ExportCell& cell : row)
            cells.push_back({cell.text, false, 0});
        table.push_back(std::move(cells));
    }
    return table;
}

void expectRoundTrip(const std::vector<Client>& clients, Language language,
                     ImportOptions options = {})
{
    InMemoryClients existing(clients);
    const ExportSheet sheet = shapeClients(clients, language);
    const ImportPlan plan = planImport(asImportTable(sheet), options, existing, language);
    ASSERT_EQ(plan.rows.size(), clients.size());
    for (std::size_t i = 0; i < clients.size(); ++i)
    {
        EXPECT_EQ(plan.rows[i].action, RowAction::Unchanged)
            << "client " << clients[i].code << " “" << clients[i].legalName.substr(0, 40) << "”";
        EXPECT_EQ(plan.rows[i].matchedId, clients[i].id);
        EXPECT_TRUE(plan.rows[i].changedFields.empty());
    }
    EXPECT_EQ(plan.unchanged, clients.size());
    EXPECT_EQ(plan.errors, 0U);
    EXPECT_TRUE(plan.committable());
    for (const ImportProblem& problem : plan.problems)
        EXPECT_EQ(problem.severity, Severity::Warning) << problem.text();
}

} // namespace

TEST(ExportShape, ClientsSheet)
{
    const std::vector<Client> clients = nastyClients();
    for (Language language : {Language::Es, Language::En, Language::Pt})
    {
        const ExportSheet sheet = shapeClients(clients, language);
        const std::vector<Field>& fields = exportedClientFields();
        ASSERT_EQ(fields.size(), 15U);
        ASSERT_EQ(sheet.headers.size(), fields.size());
        for (std::size_t c = 0; c < fields.size(); ++c)
            EXPECT_EQ(sheet.headers[c], fieldLabel(fields[c], language));
        EXPECT_EQ(sheet.columnKinds, std::vector<CellKind>(15, CellKind::Text));
        ASSERT_EQ(sheet.rows.size(), clients.size());
        for (std::size_t r = 0; r < clients.size(); ++r)
        {
            ASSERT_EQ(sheet.rows[r].size(), 15U);
            for (std::size_t c = 0; c < fields.size(); ++c)
            {
                EXPECT_EQ(sheet.rows[r][c].kind, CellKind::Text);
                EXPECT_EQ(sheet.rows[r][c].text, clients[r].value(fields[c]));
            }
        }
    }
    const ExportSheet sheet = shapeClients(clients, Language::Es);
    EXPECT_EQ(sheet.headers.front(), "Código");
    EXPECT_EQ(sheet.rows[0][0].text, "C-000001");
    EXPECT_EQ(sheet.rows[0][6].text, "08001");
    EXPECT_EQ(sheet.rows[4][6].text, "01234");
    EXPECT_EQ(sheet.rows[0][3].text, "B-12.345.678");
    EXPECT_TRUE(shapeClients({}, Language::En).rows.empty());
    EXPECT_EQ(shapeClients({}, Language::En).headers.size(), 15U);
}

TEST(ExportShape, ColumnOrder)
{
    EXPECT_EQ(
        exportedClientFields(),
        (std::vector{Field::Code, Field::LegalName, Field::TradeName, Field::TaxId, Field::Country,
                     Field::Street, Field::PostalCode, Field::City, Field::Region, Field::Email,
                     Field::Phone, Field::Website, Field::Notes, Field::Mobile, Field::Street2}));
}

TEST(ExportShape, TextProtection)
{
    for (const char* text : {"=SUM(A1)", "+34 600", "-x", "@foo", "=", "-", "+", "@"})
        EXPECT_TRUE(needsTextProtection(text)) << text;
    for (const char* text : {"", "a=b", " =x", "x-", "Ñandú", "08001", "€5", "'=x", "＝1"})
        EXPECT_FALSE(needsTextProtection(text)) << text;
}

TEST(ExportShape, SpreadsheetSerial)
{
    EXPECT_EQ(spreadsheetSerial("1899-12-30"), 0.0);
    EXPECT_EQ(spreadsheetSerial("1899-12-31"), 1.0);
    EXPECT_EQ(spreadsheetSerial("1900-01-01"), 2.0);
    EXPECT_EQ(spreadsheetSerial("1900-03-01"), 61.0);
    EXPECT_EQ(spreadsheetSerial("2000-02-29"), 36585.0);
    EXPECT_EQ(spreadsheetSerial("2024-01-01"), 45292.0);
    EXPECT_EQ(spreadsheetSerial("2024-05-01"), 45413.0);
    EXPECT_EQ(spreadsheetSerial("9999-12-31"), 2958465.0);
    EXPECT_EQ(spreadsheetSerial("1600-03-01"), -109511.0);
    EXPECT_EQ(spreadsheetSerial("2024-05-01T12:00"), 45413.5);
    EXPECT_EQ(spreadsheetSerial("2024-05-01T06:00:00Z"), 45413.25);
    EXPECT_NEAR(spreadsheetSerial("2024-05-01T10:20:30.123Z"),
                45413 + (10 * 3600 + 20 * 60 + 30.123) / 86400.0, 1e-9);
    for (const char* bad : {"", "2024", "2024-5-01", "2024-05-1", "2024/05/01", "2023-02-29",
                            "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-05-01x",
                            "2024-05-01T24:00", "2024-05-01T12:60", "2024-05-01T12", "abcd-ef-gh",
                            "1582-12-31", "2024-05-01T12:00:00.", " 2024-05-01"})
        EXPECT_TRUE(std::isnan(spreadsheetSerial(bad))) << bad;
}

TEST(ExportShape, RoundTripNastyClients)
{
    const std::vector<Client> clients = nastyClients();
    for (Language language : {Language::Es, Language::En, Language::Pt})
        expectRoundTrip(clients, language);
    ImportOptions options;
    options.policy = UpdatePolicy::FillEmpty;
    expectRoundTrip(clients, Language::Es, options);
    options.mode = ImportMode::UpdateOnly;
    options.policy = UpdatePolicy::Overwrite;
    options.taxIdChecker = [](const std::string&, const std::string&) { return false; };
    expectRoundTrip(clients, Language::En, options);
}

TEST(ExportShape, RoundTripHeadersMapBack)
{
    for (Language language : {Language::Es, Language::En, Language::Pt})
    {
        const ExportSheet sheet = shapeClients({}, language);
        const ColumnMapping mapping = autoMapping(sheet.headers);
        ASSERT_EQ(mapping.size(), exportedClientFields().size());
        for (std::size_t c = 0; c < mapping.size(); ++c)
            EXPECT_EQ(mapping[c], exportedClientFields()[c]) << sheet.headers[c];
    }
}

TEST(ExportShape, RoundTripRandomClients)
{
    std::mt19937 random(4242);
    const std::vector<std::string> pieces = {
        "Ñandú",        "Ação",           "ç",        "ã",   "🙂",   "=SUM(A1)", "+34 600", "-x",
        "@foo",         "08001",          "0",        " ",   "  ",     ".",        "-",       "/",
        "B-12.345.678", "PT 501 964 843", "C-000007", "\t",  "Straße", "«»",       "\"",      "'",
        "1e5",          "TRUE",           "  a  b  ", "ÉÀÜ", "x@y.es"};
    const auto text = [&](std::size_t maxPieces)
    {
        std::string out;
        const std::size_t n = random() % (maxPieces + 1);
        for (std::size_t i = 0; i < n; ++i)
            out += pieces[random() % pieces.size()];
        return out;
    };
    std::vector<Client> clients;
    for (std::int64_t id = 1; clients.size() < 300; ++id)
    {
        Client client;
        client.legalName = "N" + text(4);
        client.tradeName = text(3);
        client.taxId = text(2);
        client.country = random() % 2 ? "ES" : (random() % 2 ? "PT" : "");
        client.street = text(4);
        client.postalCode = random() % 2 ? "0" + std::to_string(random() % 10000) : text(1);
        client.city = text(2);
        client.region = text(2);
        client.email = random() % 2 ? "user" + std::to_string(id) + "@Example.ES" : "";
        client.phone = random() % 2 ? "+34 " + std::to_string(random() % 1000000000) : "";
        client.website = text(1);
        client.notes = text(8) + (random() % 2 ? "\r\n" + text(4) : "");
        client.archived = random() % 5 == 0;
        Client c = stored(id, std::move(client));
        if (validate(c).empty())
            clients.push_back(std::move(c));
    }
    for (Language language : {Language::Es, Language::En, Language::Pt})
        expectRoundTrip(clients, language);
}

} // namespace clientes
