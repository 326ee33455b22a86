// The deck's detail card with the profile's key figures, and the profile's full client details.

#include "core/messages/client_card.hpp"

#include <gtest/gtest.h>

namespace clientes
{
namespace
{
Client sampleClient()
{
    Client client;
    client.code = "C-000007";
    client.legalName = "Pérez y Asociados, S.L.";
    client.taxId = "B12345678";
    client.country = "ES";
    client.city = "Barcelona";
    client.email = "hola@perez.es";
    return client;
}

ProfileSummary busySummary()
{
    ProfileSummary summary;
    summary.today = "2024-05-15";
    summary.projects.count = 3;
    summary.projects.open = 2;
    summary.projects.closed = 1;
    summary.projects.hours = 42.5;
    summary.tasks.overdue = 2;
    summary.tasks.pending = 3;
    summary.tasks.upcoming = 1;
    summary.invoices.overdue = {{"EUR", 3, 125000}};
    summary.invoices.pending = {{"EUR", 1, 80000}, {"USD", 1, 2000}};
    return summary;
}
} // namespace

TEST(ClientCardFigures, PutsTheKeyFiguresFirstAndTheDataCompact)
{
    Client client = sampleClient();
    client.tradeName = "PyA";
    client.street = "Calle Mayor 1";
    client.postalCode = "08001";
    client.region = "Barcelona"; // the city's name: not repeated
    client.phone = "+34 930 000 000";
    client.website = "https://perez.es";
    const std::string card = formatClientCard(client, busySummary(), Language::Es);
    EXPECT_EQ(card, "Pérez y Asociados, S.L.\nC-000007 · PyA\n"
                    "Facturas: 3 vencidas (1.250,00 EUR), 2 pendientes · "
                    "Tareas: 2 vencidas, 1 próxima\n"
                    "Id. fiscal: B12345678 (ES)\nCalle Mayor 1, 08001 Barcelona, ES\n"
                    "hola@perez.es · +34 930 000 000\nhttps://perez.es");
}

TEST(ClientCardFigures, SpeaksEnglishAndPortuguese)
{
    const ProfileSummary summary = busySummary();
    const std::string en = formatClientCard(sampleClient(), summary, Language::En);
    EXPECT_NE(en.find("\nInvoices: 3 overdue (1,250.00 EUR), 2 pending · "
                      "Tasks: 2 overdue, 1 upcoming\n"),
              std::string::npos)
        << en;
    EXPECT_NE(en.find("\nTax ID: B12345678 (ES)\n"), std::string::npos) << en;
    const std::string pt = formatClientCard(sampleClient(), summary, Language::Pt);
    EXPECT_NE(pt.find("Faturas: 3 vencidas (1.250,00 EUR), 2 pendentes · "
                      "Tarefas: 2 vencidas, 1 próxima"),
              std::string::npos)
        << pt;
}

TEST(ClientCardFigures, SingularForms)
{
    ProfileSummary summary;
    summary.tasks.overdue = 1;
    summary.tasks.upcoming = 2;
    summary.invoices.overdue = {{"JPY", 1, 5000}};
    summary.projects.open = 1;
    const std::string card = formatClientCard(sampleClient(), summary, Language::Es);
    EXPECT_NE(card.find("Facturas: 1 vencida (5.000 JPY) · Tareas: 1 vencida, 2 próximas\n"),
              std::string::npos)
        << card;
}

TEST(ClientCardFigures, NothingToSayLeavesNoFiguresLine)
{
    ProfileSummary quiet;
    quiet.projects.count = 1; // closed projects, paid invoices, done tasks: nothing to act on
    quiet.projects.closed = 1;
    quiet.projects.open = 0;
    quiet.tasks.done = 4;
    quiet.invoices.paid = {{"EUR", 2, 1000}};
    EXPECT_EQ(formatClientCard(sampleClient(), quiet, Language::Es),
              "Pérez y Asociados, S.L.\nC-000007\nId. fiscal: B12345678 (ES)\nBarcelona, ES\n"
              "hola@perez.es");
}

TEST(ClientDetails, ListsEveryFieldWithAValue)
{
    Client client = sampleClient();
    client.kind = "company";
    client.tags = "vip, mayorista";
    client.paymentTerms = "30";
    client.currency = "EUR";
    client.phone = "+34 930 000 000";
    client.notes = "Cliente desde 2019.";
    client.archived = true;
    EXPECT_EQ(formatClientDetails(client, Language::Es),
              "C-000007 · archivado\nTipo de cliente: Empresa\n"
              "Nombre legal: Pérez y Asociados, S.L.\nIdentificación fiscal: B12345678\n"
              "País: ES\nDirección: Barcelona, ES\nCorreo electrónico: hola@perez.es\n"
              "Teléfono: +34 930 000 000\nEtiquetas: vip, mayorista\n"
              "Plazo de pago (días): 30\nMoneda: EUR\n\nCliente desde 2019.");
}

TEST(ClientDetails, LeavesOutEmptyFields)
{
    Client client;
    client.code = "C-000001";
    client.legalName = "Acme";
    EXPECT_EQ(formatClientDetails(client, Language::En), "C-000001\nLegal name: Acme");
}
} // namespace clientes
