// Words and figures of a client's profile: the profile dialog, the deck's detail area and the
// client dialog's tax-ID warnings, composed from the catalogues' texts (TextKey::Profile…,
// Status…, Summary…, Count…; see core/text/texts.hpp). Also the small conversions the forms need
// (amounts and hours as people type them, file types and sizes, timestamps).
#pragma once

#include "core/model/activity.hpp"
#include "core/model/profile_records.hpp"
#include "core/model/profile_summary.hpp"
#include "core/model/record_kinds.hpp" // isOverdue: the derived field
#include "core/rules/bank_account.hpp"
#include "core/rules/tax_id.hpp"
#include "core/text/locale.hpp"
#include "core/text/texts.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{
// "company" → "Empresa"; "" → "(sin indicar)".
std::string clientKindLabel(std::string_view kind, Language language);

// Status words: "Abierto", "Pendiente", "Autorizada", "Enviada"…
std::string statusLabel(ProjectStatus status, Language language);
std::string statusLabel(TaskStatus status, Language language);
std::string statusLabel(OrderStatus status, Language language);
std::string statusLabel(InvoiceStatus status, Language language);
std::string statusLabel(DealStage stage, Language language);
// "Facturación", "Envío", "Otra".
std::string statusLabel(AddressType type, Language language);
// A check's verdict: "Correcto", "Longitud incorrecta", "Dígitos de control incorrectos…".
std::string ibanVerdictLabel(IbanVerdict verdict, Language language);
std::string bicVerdictLabel(BicVerdict verdict, Language language);
// What the offline checks say of an account: "Correcto", "Los IBAN de ES tienen 24
// caracteres", "Dígitos de control incorrectos: ¿un número mal copiado?"; the BIC's verdict
// after " · " when it is given and wrong.
std::string bankCheckLabel(const BankAccount& account, Language language);
// The client dialog's line on what the profile keeps beside the client's own address, the
// first few of each: "Direcciones: Facturación (Madrid), Envío (Sevilla) · Cuentas bancarias:
// ES91 2100 0418 4502 0005 1332"; "+2" for those not named; a sentence when there is none.
std::string ownedRecordsLine(const std::vector<Address>& addresses,
                             const std::vector<BankAccount>& accounts, Language language);
// An invoice's state as of today: its status, plus "vencida" when authorised and due before
// today ("Autorizada · vencida").
std::string invoiceStateLabel(const Invoice& invoice, std::string_view today, Language language);
// A task's state: "Pendiente", "Pendiente · vencida" (due before today), "Hecha".
std::string taskStateLabel(const Task& task, std::string_view today, Language language);

// ---------------------------------------------------------------------------- figures
// "1.250,00 €" (es-ES), "$1,250.00" (es-MX), "R$ 1.250,00" (pt-BR); "1.250,00 EUR" with a
// Locale of the language alone. The currency's own decimals.
std::string formatAmount(std::int64_t minor, std::string_view currency, const Locale& locale);
// "1250,00" (es-ES, pt) / "1250.00" (en, es-MX): for an input field.
std::string formatAmountInput(std::int64_t minor, std::string_view currency, const Locale& locale);
// What people type: "1250", "1250,5", "1.250,50", "1,250.50", "-3", " 7.5 ". A separator that
// occurs more than once, or both separators, groups thousands; a lone one is the decimal mark
// unless it is the locale's grouping mark followed by exactly three digits ("1.250" in es).
// nullopt when not such a number, with more decimals than the currency has, or out of range.
std::optional<std::int64_t> parseAmountInput(std::string_view text, std::string_view currency,
                                             const Locale& locale);
// Per-currency totals: "1.250,00 EUR · 300,00 USD"; with counts: "1.250,00 EUR (2) · …".
std::string formatTotals(const std::vector<MoneyTotal>& totals, const Locale& locale,
                         bool withCounts = false);

// "42,5 h" / "42.5 h"; at most two decimals, none when whole.
std::string formatHours(double hours, const Locale& locale);
// "7,5" / "7.5": for an input field.
std::string formatHoursInput(double hours, const Locale& locale);
// "7,5", "7.5", "8"; nullopt otherwise.
std::optional<double> parseHoursInput(std::string_view text);

// The profile's key figures, one line each (the Resumen tab): the lines below, in order.
std::vector<std::string> summaryLines(const ProfileSummary& summary, const Locale& locale);
// "Proyectos: 3 (2 abiertos) · 42,5 h registradas"
std::string projectsLine(const ProfileSummary& summary, const Locale& locale);
// "Tareas: 1 vencida · 3 pendientes · 2 en los próximos 7 días"
std::string tasksLine(const ProfileSummary& summary, const Locale& locale);
// "Órdenes de compra: 4 (1 cerrada) · 12.000,00 EUR"
std::string ordersLine(const ProfileSummary& summary, const Locale& locale);
// "Facturas autorizadas: …", "    pendientes de cobro: …", "    vencidas: …" (and drafts)
std::vector<std::string> invoiceLines(const ProfileSummary& summary, const Locale& locale);
// "Ofertas abiertas: 2 · 8.000,00 EUR · 1 aceptada"
std::string dealsLine(const ProfileSummary& summary, const Locale& locale);
// "Contactos: 2 · Archivos: 1 (2,0 KB)"
std::string contactsAndFilesLine(const ProfileSummary& summary, const Locale& locale);
// The figures worth a glance, in one line for the deck: overdue invoices with their amounts,
// pending ones, overdue and upcoming tasks. Empty when there is nothing to say.
// "Facturas: 3 vencidas (1.250,00 EUR), 1 pendiente · Tareas: 2 vencidas, 1 próxima"
std::string keyFiguresLine(const ProfileSummary& summary, const Locale& locale);

// ---------------------------------------------------------------------------- files
// "12 bytes", "3,4 KB", "1,2 MB" (1 KB = 1,024 bytes).
std::string formatFileSize(std::int64_t bytes, const Locale& locale);
// From the file name's extension ("informe.PDF" → "application/pdf"); application/octet-stream
// when unknown.
std::string mimeTypeForFileName(std::string_view name);

// ---------------------------------------------------------------------------- activity
// "2024-05-01T10:20:30.123Z" (UTC) → "2024-05-01 12:20" in the machine's local time; the
// text unchanged when it is no such timestamp.
std::string formatTimestamp(std::string_view isoUtc);
// The same in the locale's date order and separators: "01/05/2024 12:20".
std::string formatTimestamp(std::string_view isoUtc, const Locale& locale);
// What an activity entry says besides its kind: the note, the record and its label, the
// changed fields ("Ciudad: Burgos → Miranda de Ebro"), the file name, the import batch.
std::string activityDetail(const ActivityEntry& entry, Language language);

// ---------------------------------------------------------------------------- tax IDs
// The warning for a tax ID that fails its country's rules (InvalidChecksum, InvalidFormat);
// empty when there is nothing to warn about (valid, empty, or a country without rules).
std::string taxIdWarning(const TaxIdCheck& check, Language language);

// ---------------------------------------------------------------------------- bank accounts
// Why an IBAN or a BIC looks wrong (rules/bank_account.hpp); empty when valid or empty. A
// warning: the number is kept as typed.
std::string ibanWarning(const IbanCheck& check, Language language);
std::string bicWarning(const BicCheck& check, Language language);
} // namespace clientes
