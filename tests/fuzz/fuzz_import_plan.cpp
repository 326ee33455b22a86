// The import planners (import_plan.hpp for clients, import_invoices.hpp for invoices) over
// random cell grids, against an empty register and a small one. The grid's cells are drawn
// from the input: text (often a known header or a typical value, so that rows get mapped and
// matched), numbers (also NaN, infinities and huge values), and random options.
#include "core/rules/profile_validation.hpp"
#include "core/rules/tax_id.hpp"
#include "core/rules/validation.hpp"
#include "core/transfer/import_existing.hpp"
#include "core/transfer/import_invoices.hpp"
#include "core/transfer/import_plan.hpp"
#include "fuzz_support.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

using namespace clientes;

namespace
{

constexpr std::array<std::string_view, 40> kHeaders = {"Nombre",
                                                       "Razón social",
                                                       "NIF",
                                                       "CIF",
                                                       "País",
                                                       "Código",
                                                       "Email",
                                                       "Teléfono",
                                                       "Código postal",
                                                       "Ciudad",
                                                       "Dirección",
                                                       "Provincia",
                                                       "Web",
                                                       "Notas",
                                                       "Tipo",
                                                       "Etiquetas",
                                                       "Plazo de pago",
                                                       "Moneda",
                                                       "Nombre comercial",
                                                       "Tax ID",
                                                       "Nº factura",
                                                       "Fecha",
                                                       "Fecha de emisión",
                                                       "Vencimiento",
                                                       "Base imponible",
                                                       "IVA",
                                                       "Total",
                                                       "Estado",
                                                       "Cliente",
                                                       "NIF del cliente",
                                                       "Código cliente",
                                                       "Importe",
                                                       "Currency",
                                                       "Due date",
                                                       "Net",
                                                       "Status",
                                                       "legalName",
                                                       "taxId",
                                                       "Fecha de alta",
                                                       "Nombre del contacto"};

constexpr std::array<std::string_view, 48> kValues = {"Pérez Gómez, S.L.",
                                                      "B12345674",
                                                      "ESB12345674",
                                                      "b-12.345.674",
                                                      "501964843",
                                                      "PT501964843",
                                                      "ES",
                                                      "PT",
                                                      "España",
                                                      "Portugal",
                                                      "C-000001",
                                                      "c1",
                                                      "C-000002",
                                                      "C-999999",
                                                      "a@b.es",
                                                      "no es un email",
                                                      "08001",
                                                      "28001",
                                                      "Madrid",
                                                      "company",
                                                      "person",
                                                      "30",
                                                      "30 días",
                                                      "EUR",
                                                      "USD",
                                                      "JPY",
                                                      "vip, Vip, VIP",
                                                      "F-2024-001",
                                                      "f-2024-001",
                                                      "F-2024-002",
                                                      "2024-05-31",
                                                      "31/05/2024",
                                                      "05/31/2024",
                                                      "31.05.2024",
                                                      "2024-02-30",
                                                      "1.234,56",
                                                      "1,234.56",
                                                      "-12,5 €",
                                                      "100",
                                                      "21",
                                                      "121",
                                                      "pagada",
                                                      "draft",
                                                      "\t=1+1",
                                                      "  ",
                                                      "\xC2\xA0",
                                                      "\xFF\xFE",
                                                      "Línea 1\r\nLínea 2"};

ImportCell cellFrom(FuzzedDataProvider& input)
{
    ImportCell cell;
    switch (input.ConsumeIntegralInRange<int>(0, 7))
    {
    case 0:
    case 1:
        cell.text = kValues[input.ConsumeIntegralInRange<std::size_t>(0, kValues.size() - 1)];
        break;
    case 2:
        cell.text = kHeaders[input.ConsumeIntegralInRange<std::size_t>(0, kHeaders.size() - 1)];
        break;
    case 3:
        cell.isNumber = true;
        cell.number = input.ConsumeFloatingPoint<double>();
        break;
    case 4:
    {
        cell.isNumber = true;
        constexpr double kSpecial[] = {0,
                                       45443,
                                       28001,
                                       8001,
                                       -1,
                                       0.5,
                                       1e300,
                                       -1e300,
                                       std::numeric_limits<double>::quiet_NaN(),
                                       std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(),
                                       9.2e18,
                                       4.9e-324,
                                       2958466};
        cell.number =
            kSpecial[input.ConsumeIntegralInRange<std::size_t>(0, std::size(kSpecial) - 1)];
        if (input.ConsumeBool())
            cell.text = input.ConsumeRandomLengthString(12);
        break;
    }
    case 5:
        cell.isNumber = true;
        cell.number = input.ConsumeIntegralInRange<int>(-100000, 3000000);
        if (input.ConsumeBool())
            cell.text = "0" + std::to_string(static_cast<long long>(cell.number));
        break;
    default:
        cell.text = input.ConsumeRandomLengthString(40);
        break;
    }
    return cell;
}

ImportTable tableFrom(FuzzedDataProvider& input)
{
    ImportTable table(input.ConsumeIntegralInRange<std::size_t>(0, 24));
    const std::size_t width = input.ConsumeIntegralInRange<std::size_t>(0, 14);
    for (auto& row : table)
    {
        // Mostly rectangular; sometimes ragged, as no sheet is but an API caller's array may be.
        const std::size_t columns = input.ConsumeIntegralInRange<int>(0, 9) == 0
                                        ? input.ConsumeIntegralInRange<std::size_t>(0, 16)
                                        : width;
        row.reserve(columns);
        for (std::size_t c = 0; c < columns; ++c)
            row.push_back(cellFrom(input));
    }
    return table;
}

Client stored(std::int64_t id, std::string legalName, std::string taxId, std::string country,
              std::string currency = {}, bool archived = false)
{
    Client client;
    client.id = id;
    char code[16];
    std::snprintf(code, sizeof code, "C-%06lld", static_cast<long long>(id));
    client.code = code;
    client.uuid = "uuid-" + std::to_string(id);
    client.legalName = std::move(legalName);
    client.taxId = std::move(taxId);
    client.country = std::move(country);
    client.currency = std::move(currency);
    client.postalCode = "08001";
    client.archived = archived;
    client.version = 1;
    tidy(client);
    return client;
}

std::vector<Client> smallRegister()
{
    return {stored(1, "Pérez Gómez, S.L.", "B12345674", "ES", "EUR"),
            stored(2, "Açores Pescas, Lda.", "501964843", "PT", "EUR"),
            stored(3, "Sin NIF", "", ""),
            stored(4, "Pérez Gómez (archivado)", "B12345674", "ES", "", true)};
}

Invoice storedInvoice(std::int64_t id, std::int64_t clientId, std::string number)
{
    Invoice invoice;
    invoice.id = id;
    invoice.clientId = clientId;
    invoice.number = std::move(number);
    invoice.issueDate = "2024-03-01";
    invoice.dueDate = "2024-03-31";
    invoice.net = 10000;
    invoice.tax = 2100;
    invoice.total = 12100;
    invoice.currency = "EUR";
    invoice.status = InvoiceStatus::Authorised;
    invoice.version = 1;
    return invoice;
}

template <typename Plan> void checkCounts(const Plan& plan, const ImportTable& table)
{
    std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0, invalid = 0;
    std::size_t previous = 0;
    bool first = true;
    for (const auto& row : plan.rows)
    {
        FUZZ_CHECK(row.tableRow < table.size());
        FUZZ_CHECK(first || row.tableRow > previous);
        first = false;
        previous = row.tableRow;
        created += row.action == RowAction::Create;
        updated += row.action == RowAction::Update;
        unchanged += row.action == RowAction::Unchanged;
        skipped += row.action == RowAction::Skip;
        invalid += row.action == RowAction::Invalid;
    }
    FUZZ_CHECK(plan.rows.size() <= table.size());
    FUZZ_CHECK(created == plan.created && updated == plan.updated && unchanged == plan.unchanged &&
               skipped == plan.skipped && invalid == plan.invalid);
    std::size_t errors = 0, warnings = 0;
    bool tableWideError = false;
    for (const auto& problem : plan.problems)
    {
        FUZZ_CHECK(problem.tableRow < table.size() || problem.tableRow == problem.npos);
        FUZZ_CHECK(!problem.reason.empty());
        errors += problem.severity == Severity::Error;
        warnings += problem.severity == Severity::Warning;
        tableWideError |= problem.severity == Severity::Error && problem.tableRow == problem.npos;
        for (Language language : {Language::Es, Language::En, Language::Pt})
            FUZZ_CHECK(!problem.text(language).empty());
        FUZZ_CHECK(!problem.text().empty());
    }
    FUZZ_CHECK(errors == plan.errors && warnings == plan.warnings);
    FUZZ_CHECK(plan.committable() == (plan.invalid == 0 && !tableWideError));
    FUZZ_CHECK(plan.mapping.size() == tableWidth(table) || table.empty() || plan.mapping.empty());
}

bool validTable(const ImportTable& table)
{
    for (const auto& row : table)
        for (const auto& cell : row)
            if (!fuzz::validUtf8(cell.text))
                return false;
    return true;
}

void planClients(const ImportTable& table, FuzzedDataProvider& input, ExistingClients& existing)
{
    ImportOptions options;
    options.hasHeader = input.ConsumeBool();
    options.mode = static_cast<ImportMode>(input.ConsumeIntegralInRange<int>(0, 2));
    options.policy = input.ConsumeBool() ? UpdatePolicy::Overwrite : UpdatePolicy::FillEmpty;
    options.skipInvalid = input.ConsumeBool();
    options.firstSheetRow = input.ConsumeIntegralInRange<std::size_t>(1, 1048576);
    options.firstSheetColumn = input.ConsumeIntegralInRange<std::size_t>(0, 16383);
    if (input.ConsumeBool())
        options.taxIdChecker = [](const std::string& taxId, const std::string& country)
        { return isValidTaxId(taxId, country); };
    if (input.ConsumeBool())
    {
        const std::size_t columns = input.ConsumeIntegralInRange<std::size_t>(0, 20);
        for (std::size_t c = 0; c < columns; ++c)
        {
            const int pick = input.ConsumeIntegralInRange<int>(-1, 16);
            options.mapping.push_back(pick < 0 ? std::nullopt
                                               : std::optional<Field>(allFields()[pick]));
        }
    }
    const auto language = static_cast<Language>(input.ConsumeIntegralInRange<int>(0, 2));
    const ImportPlan plan = planImport(table, options, existing, language);
    checkCounts(plan, table);
    const bool valid = validTable(table);
    for (const PlannedRow& row : plan.rows)
    {
        if (row.action != RowAction::Create && row.action != RowAction::Update)
            continue;
        // What would be written is what the store accepts: tidied and valid.
        Client tidied = row.client;
        tidy(tidied);
        FUZZ_CHECK(tidied.legalName == row.client.legalName && tidied.notes == row.client.notes);
        const auto issues = validate(row.client);
        if (!issues.empty())
        {
            std::fprintf(stderr, "row %zu would write an invalid client: %s\n", row.tableRow,
                         ValidationError(issues).what());
            FUZZ_CHECK(issues.empty());
        }
        FUZZ_CHECK(row.action != RowAction::Create || row.client.code.empty());
        FUZZ_CHECK(row.action != RowAction::Update || row.matchedId != 0);
        if (valid)
            for (Field field : allFields())
                FUZZ_CHECK(fuzz::validUtf8(row.client.value(field)));
    }
}

void planInvoices(const ImportTable& table, FuzzedDataProvider& input, ExistingClients& clients,
                  ExistingInvoices& invoices)
{
    InvoiceImportOptions options;
    options.hasHeader = input.ConsumeBool();
    options.mode = static_cast<ImportMode>(input.ConsumeIntegralInRange<int>(0, 2));
    options.policy = input.ConsumeBool() ? UpdatePolicy::Overwrite : UpdatePolicy::FillEmpty;
    options.skipInvalid = input.ConsumeBool();
    options.createMissingClients = input.ConsumeBool();
    options.defaultCurrency = input.ConsumeBool() ? "EUR" : input.ConsumeBool() ? "" : "JPY";
    options.dayFirst = input.ConsumeBool();
    if (input.ConsumeBool())
    {
        const std::size_t columns = input.ConsumeIntegralInRange<std::size_t>(0, 20);
        for (std::size_t c = 0; c < columns; ++c)
        {
            const int pick = input.ConsumeIntegralInRange<int>(-1, 10);
            options.mapping.push_back(
                pick < 0 ? std::nullopt : std::optional<InvoiceField>(allInvoiceFields()[pick]));
        }
    }
    const auto language = static_cast<Language>(input.ConsumeIntegralInRange<int>(0, 2));
    const InvoicePlan plan = planInvoiceImport(table, options, clients, invoices, language);
    checkCounts(plan, table);
    for (const PlannedInvoice& row : plan.rows)
    {
        if (row.action != RowAction::Create && row.action != RowAction::Update)
            continue;
        const auto issues = validate(row.invoice);
        FUZZ_CHECK(issues.empty());
        FUZZ_CHECK(row.invoice.net + row.invoice.tax == row.invoice.total);
        FUZZ_CHECK((row.invoice.clientId != 0) != (row.newClient != ImportedInvoice::npos));
        FUZZ_CHECK(row.newClient == ImportedInvoice::npos ||
                   row.newClient < plan.newClients.size());
    }
    for (const Client& client : plan.newClients)
        FUZZ_CHECK(validate(client).empty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider input(data, size);
    const bool withRegister = input.ConsumeBool();
    const ImportTable table = tableFrom(input);
    InMemoryClients clients = withRegister ? InMemoryClients(smallRegister()) : InMemoryClients();
    InMemoryInvoices invoices(withRegister
                                  ? std::vector<Invoice>{storedInvoice(10, 1, "F-2024-001")}
                                  : std::vector<Invoice>{});
    planClients(table, input, clients);
    planInvoices(table, input, clients, invoices);
    (void)firstFilledRow(table);
    return 0;
}
