// Words and figures of the profile: amounts and hours as shown and as typed, summary lines,
// status words, files, activity details, tax-ID warnings.

#include "core/messages/profile_text.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace clientes
{
TEST(ProfileAmounts, FormatPerLanguageWithTheCurrencyDecimals)
{
    EXPECT_EQ(formatAmount(125000, "EUR", Language::Es), "1.250,00 EUR");
    EXPECT_EQ(formatAmount(125000, "EUR", Language::Pt), "1.250,00 EUR");
    EXPECT_EQ(formatAmount(125000, "USD", Language::En), "1,250.00 USD");
    EXPECT_EQ(formatAmount(5000, "JPY", Language::Es), "5.000 JPY");
    EXPECT_EQ(formatAmount(1234567, "KWD", Language::En), "1,234.567 KWD");
    EXPECT_EQ(formatAmount(-7, "EUR", Language::Es), "-0,07 EUR");
    EXPECT_EQ(formatAmount(123456789, "EUR", Language::Es), "1.234.567,89 EUR");
    EXPECT_EQ(formatAmountInput(125050, "EUR", Language::Es), "1250,50");
    EXPECT_EQ(formatAmountInput(125050, "EUR", Language::En), "1250.50");
}

TEST(ProfileAmounts, ParseWhatPeopleType)
{
    EXPECT_EQ(parseAmountInput("1250", "EUR", Language::Es), 125000);
    EXPECT_EQ(parseAmountInput(" 1250,5 ", "EUR", Language::Es), 125050);
    EXPECT_EQ(parseAmountInput("1250.50", "EUR", Language::Es), 125050);
    EXPECT_EQ(parseAmountInput("1.250,50", "EUR", Language::Es), 125050);
    EXPECT_EQ(parseAmountInput("1,250.50", "EUR", Language::Es), 125050);
    EXPECT_EQ(parseAmountInput("1.250", "EUR", Language::Es), 125000);       // grouping in es
    EXPECT_EQ(parseAmountInput("1.250", "EUR", Language::En), std::nullopt); // 3 decimals
    EXPECT_EQ(parseAmountInput("1,250", "EUR", Language::En), 125000);
    EXPECT_EQ(parseAmountInput("1.234.567", "EUR", Language::Es), 123456700);
    EXPECT_EQ(parseAmountInput("-3", "EUR", Language::Es), -300);
    EXPECT_EQ(parseAmountInput("1500", "JPY", Language::Es), 1500);
    EXPECT_EQ(parseAmountInput("12,34", "JPY", Language::Es), std::nullopt);
    EXPECT_EQ(parseAmountInput("", "EUR", Language::Es), std::nullopt);
    EXPECT_EQ(parseAmountInput("12 EUR", "EUR", Language::Es), std::nullopt);
    EXPECT_EQ(parseAmountInput("1,2,3.4,5", "EUR", Language::Es), std::nullopt);
    EXPECT_EQ(parseAmountInput("12,", "EUR", Language::Es), std::nullopt);
}

TEST(ProfileAmounts, TotalsPerCurrency)
{
    const std::vector<MoneyTotal> totals = {{"EUR", 2, 125000}, {"USD", 1, 2000}};
    EXPECT_EQ(formatTotals(totals, Language::Es), "1.250,00 EUR · 20,00 USD");
    EXPECT_EQ(formatTotals(totals, Language::En, true), "1,250.00 EUR (2) · 20.00 USD (1)");
    EXPECT_EQ(formatTotals({}, Language::Es), "");
}

TEST(ProfileHours, FormatAndParse)
{
    EXPECT_EQ(formatHours(42.5, Language::Es), "42,5 h");
    EXPECT_EQ(formatHours(8, Language::En), "8 h");
    EXPECT_EQ(formatHours(7.25, Language::En), "7.25 h");
    EXPECT_EQ(formatHours(1.0 / 3.0, Language::Es), "0,33 h");
    EXPECT_EQ(formatHoursInput(7.5, Language::Pt), "7,5");
    EXPECT_EQ(parseHoursInput("7,5"), 7.5);
    EXPECT_EQ(parseHoursInput(" 7.5 "), 7.5);
    EXPECT_EQ(parseHoursInput("8"), 8.0);
    EXPECT_EQ(parseHoursInput("8 h"), std::nullopt);
    EXPECT_EQ(parseHoursInput("1,2,3"), std::nullopt);
    EXPECT_EQ(parseHoursInput(""), std::nullopt);
}

TEST(ProfileSummaryLines, NameEveryFigure)
{
    ProfileSummary s;
    s.projects = {3, 2, 1, 42.5};
    s.tasks = {1, 3, 2, 4};
    s.purchaseOrders.count = 4;
    s.purchaseOrders.closed = 1;
    s.purchaseOrders.totals = {{"EUR", 4, 1200000}};
    s.invoices.authorised = {{"EUR", 4, 1000000}, {"USD", 1, 200000}};
    s.invoices.pending = {{"EUR", 2, 300000}};
    s.invoices.overdue = {{"EUR", 1, 125000}, {"USD", 1, 200000}};
    s.invoices.draft = 1;
    s.deals.openAmounts = {{"EUR", 2, 800000}};
    s.deals.accepted = 1;
    s.contacts = 2;
    s.files = 1;
    s.fileBytes = 2048;
    const std::vector<std::string> lines = summaryLines(s, Language::Es);
    const std::vector<std::string> expected = {
        "Proyectos: 3 (2 abiertos) · 42,5 h registradas",
        "Tareas: 1 vencida · 3 pendientes · 2 en los próximos 7 días",
        "Órdenes de compra: 4 (1 cerrada) · 12.000,00 EUR",
        "Facturas autorizadas: 5 · 10.000,00 EUR (4) · 2.000,00 USD (1)",
        "    pendientes de cobro: 2 · 3.000,00 EUR",
        "    vencidas: 2 · 1.250,00 EUR (1) · 2.000,00 USD (1)",
        "    borradores: 1",
        "Ofertas abiertas: 2 · 8.000,00 EUR · 1 aceptada",
        "Contactos: 2 · Archivos: 1 (2,0 KB)",
    };
    EXPECT_EQ(lines, expected);
}

TEST(ProfileSummaryLines, AnEmptyProfileStillReadsWell)
{
    const std::vector<std::string> lines = summaryLines(ProfileSummary{}, Language::En);
    const std::vector<std::string> expected = {
        "Projects: 0 · 0 h logged", "Tasks: 0 overdue · 0 pending · 0 due in the next 7 days",
        "Purchase orders: 0",       "Authorised invoices: 0",
        "    awaiting payment: 0",  "    overdue: 0",
        "Open offers: 0",           "Contacts: 0 · Files: 0",
    };
    EXPECT_EQ(lines, expected);
}

TEST(ProfileStatus, WordsAndDerivedStates)
{
    EXPECT_EQ(statusLabel(InvoiceStatus::Authorised, Language::Es), "Autorizada");
    EXPECT_EQ(statusLabel(DealStage::Rejected, Language::Pt), "Rejeitada");
    EXPECT_EQ(statusLabel(ProjectStatus::Closed, Language::En), "Closed");
    Invoice invoice;
    invoice.issueDate = "2024-04-01";
    invoice.dueDate = "2024-05-01";
    invoice.status = InvoiceStatus::Authorised;
    EXPECT_TRUE(isOverdue(invoice, "2024-05-02"));
    EXPECT_FALSE(isOverdue(invoice, "2024-05-01"));
    EXPECT_EQ(invoiceStateLabel(invoice, "2024-05-02", Language::Es), "Autorizada · vencida");
    invoice.status = InvoiceStatus::Paid;
    EXPECT_EQ(invoiceStateLabel(invoice, "2024-05-02", Language::Es), "Cobrada");
    Task task;
    task.dueDate = "2024-05-01";
    EXPECT_EQ(taskStateLabel(task, "2024-05-02", Language::En), "Pending · overdue");
    task.status = TaskStatus::Done;
    EXPECT_EQ(taskStateLabel(task, "2024-05-02", Language::En), "Done");
    EXPECT_EQ(clientKindLabel("person", Language::Es), "Persona");
    EXPECT_EQ(clientKindLabel("", Language::En), "(not stated)");
}

TEST(ProfileFiles, SizesAndTypes)
{
    EXPECT_EQ(formatFileSize(12, Language::Es), "12 bytes");
    EXPECT_EQ(formatFileSize(3500, Language::Es), "3,4 KB");
    EXPECT_EQ(formatFileSize(1258291, Language::En), "1.2 MB");
    EXPECT_EQ(mimeTypeForFileName("Contrato 2024.PDF"), "application/pdf");
    EXPECT_EQ(mimeTypeForFileName("foto.jpeg"), "image/jpeg");
    EXPECT_EQ(mimeTypeForFileName("hoja.ods"), "application/vnd.oasis.opendocument.spreadsheet");
    EXPECT_EQ(mimeTypeForFileName("sin extension"), "application/octet-stream");
    EXPECT_EQ(mimeTypeForFileName("raro.xyz"), "application/octet-stream");
    EXPECT_EQ(mimeTypeForFileName("punto."), "application/octet-stream");
}

TEST(ProfileActivity, TimestampsInLocalTime)
{
    const char* saved = std::getenv("TZ");
    const std::string previous = saved ? saved : "";
    setenv("TZ", "Europe/Madrid", 1);
    tzset();
    EXPECT_EQ(formatTimestamp("2024-05-01T10:20:30.123Z"), "2024-05-01 12:20");
    EXPECT_EQ(formatTimestamp("2024-01-01T23:30:00Z"), "2024-01-02 00:30");
    EXPECT_EQ(formatTimestamp("ayer"), "ayer");
    if (saved)
        setenv("TZ", previous.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
}

TEST(ProfileActivity, DetailsInTheUsersWords)
{
    ActivityEntry note;
    note.kind = ActivityKind::Note;
    note.text = "Llamó el gerente.\nVolver a llamar el lunes.";
    EXPECT_EQ(activityDetail(note, Language::Es), "Llamó el gerente. Volver a llamar el lunes.");

    ActivityEntry updated;
    updated.kind = ActivityKind::Updated;
    updated.changes = {{"city", "Burgos", "Miranda de Ebro"},
                       {"phone", "", "947 000 000"},
                       {"kind", "", "company"}};
    EXPECT_EQ(activityDetail(updated, Language::Es),
              "Ciudad: Burgos → Miranda de Ebro; Teléfono: — → 947 000 000; "
              "Tipo de cliente: — → Empresa");

    ActivityEntry changed;
    changed.kind = ActivityKind::RecordChanged;
    changed.record = RecordType::Invoice;
    changed.label = "F-2024-001";
    changed.changes = {{"status", "authorised", "paid"}, {"dueDate", "2024-05-01", "2024-06-01"}};
    EXPECT_EQ(activityDetail(changed, Language::Es),
              "Factura F-2024-001: Estado: Autorizada → Cobrada; Fecha de vencimiento: "
              "2024-05-01 → 2024-06-01");

    // What "Copiar mis clientes al servidor…" leaves on each client it copied.
    ActivityEntry copied;
    copied.kind = ActivityKind::Imported;
    copied.batchId = "copy:/home/ana/.config/libreoffice/4/user/clientes/clientes.db";
    copied.label = "clientes.db";
    EXPECT_EQ(activityDetail(copied, Language::Es),
              "Copiado del archivo de registro «clientes.db»");
    EXPECT_EQ(activityDetail(copied, Language::Pt), "Copiado do arquivo de registro «clientes.db»");

    ActivityEntry added;
    added.kind = ActivityKind::RecordAdded;
    added.record = RecordType::Project;
    added.label = "Web nueva";
    EXPECT_EQ(activityDetail(added, Language::En), "Project Web nueva");

    ActivityEntry file;
    file.kind = ActivityKind::FileAttached;
    file.record = RecordType::File;
    file.label = "plano.pdf";
    EXPECT_EQ(activityDetail(file, Language::Pt), "plano.pdf");

    ActivityEntry created;
    created.kind = ActivityKind::Created;
    EXPECT_EQ(activityDetail(created, Language::Es), "");
}

TEST(ProfileTaxIds, WarningsOnlyForIdsThatFailTheirRules)
{
    TaxIdCheck check;
    check.verdict = TaxIdVerdict::InvalidChecksum;
    check.country = "ES";
    check.scheme = "ES-CIF";
    EXPECT_EQ(taxIdWarning(check, Language::Es),
              "Los dígitos de control de la identificación fiscal no cuadran (ES-CIF). "
              "Revísela; se guardará igualmente.");
    check.verdict = TaxIdVerdict::InvalidFormat;
    EXPECT_EQ(taxIdWarning(check, Language::En),
              "The tax ID does not have the format of ES. Check it; it will be saved anyway.");
    check.country.clear();
    EXPECT_NE(taxIdWarning(check, Language::Pt).find("formato válido"), std::string::npos);
    for (TaxIdVerdict fine :
         {TaxIdVerdict::Valid, TaxIdVerdict::Empty, TaxIdVerdict::UnknownCountryFormatOk})
    {
        check.verdict = fine;
        EXPECT_EQ(taxIdWarning(check, Language::Es), "");
    }
}

TEST(ProfileTexts, EveryKeyHasWordsInEveryLanguage)
{
    const auto keys = test::textKeysStartingWith("Profile");
    EXPECT_EQ(keys.size(), 61U);
    for (const TextKey key : keys)
        for (Language language : {Language::Es, Language::En, Language::Pt})
            EXPECT_FALSE(text(key, language).empty()) << textKeyName(key);
    EXPECT_EQ(fillPlaceholders("{a} y {a}", {{"a", "x{a}"}}), "x{a} y x{a}");
}
} // namespace clientes
