// Dry run of a sales-invoice import from a sheet (an accountant's invoice list): each row is
// an invoice linked to a client by its tax ID or code. Like planImport for clients, nothing
// is written; the plan says what each row would do and lists every problem.
#pragma once

#include "core/model/import_batch.hpp"
#include "core/model/profile_records.hpp"
#include "core/text/language.hpp"
#include "core/transfer/import_plan.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{

enum class InvoiceField
{
    Number,
    ClientCode,
    ClientTaxId,
    ClientName, // only used to create a missing client (CreateMissingClients)
    IssueDate,
    DueDate,
    Net,
    Tax,
    Total,
    Currency,
    Status
};

const std::vector<InvoiceField>& allInvoiceFields();
// API names: "number", "clientCode", "clientTaxId", "clientName", "issueDate", "dueDate",
// "net", "tax", "total", "currency", "status".
std::string_view invoiceFieldName(InvoiceField field);
std::optional<InvoiceField> invoiceFieldFromName(std::string_view name);
// "Número", "NIF del cliente"…
std::string invoiceFieldLabel(InvoiceField field, Language language);

using InvoiceMapping = std::vector<std::optional<InvoiceField>>;

// The field an invoice-list header names (Spanish, English, Portuguese; case, accents and
// punctuation ignored): "Nº factura", "Fecha de emisión", "Base imponible", "IVA", "Total",
// "NIF", "Cliente", "Vencimiento", "Estado", "Moneda"… nullopt when not recognised.
std::optional<InvoiceField> invoiceFieldForHeader(std::string_view header);
// invoiceFieldForHeader per column, each field on one column at most (the first).
InvoiceMapping autoInvoiceMapping(const std::vector<std::string>& headers);

struct InvoiceImportOptions
{
    bool hasHeader = true;
    InvoiceMapping mapping; // empty = automatic
    ImportMode mode = ImportMode::Both;
    UpdatePolicy policy = UpdatePolicy::Overwrite;
    bool skipInvalid = false;
    // A row whose client is unknown creates it (legal name from the ClientName column, tax
    // ID from ClientTaxId) instead of being an error.
    bool createMissingClients = false;
    // For rows without a currency whose client has no default currency ("" = an error).
    std::string defaultCurrency;
    // Text dates such as "05/04/2024": day first (es, pt, en-GB…) or month first (en-US).
    bool dayFirst = true;
    std::size_t firstSheetRow = 1;          // 1-based sheet row of table row 0
    std::size_t firstSheetColumn = 0;       // 0-based sheet column of table column 0
    std::span<const std::size_t> sheetRows; // as ImportOptions::sheetRows
    WorkProgress* progress = nullptr;       // as ImportOptions::progress
};

struct InvoiceProblem
{
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::size_t tableRow = npos;
    std::size_t tableColumn = npos;
    std::size_t sheetRow = 0;
    std::size_t sheetColumn = npos;
    InvoiceField field = InvoiceField::Number;
    Severity severity = Severity::Error;
    std::string reason;

    // "row N, <field api name>: reason" (just the reason for table-wide problems).
    std::string text() const;
    // "fila N, Número: reason".
    std::string text(Language language) const;
};

struct PlannedInvoice
{
    std::size_t tableRow = 0;
    RowAction action = RowAction::Empty;
    // As it would be stored (tidied; due date and currency defaults applied). For updates,
    // the stored invoice with the row's values; id and version as stored.
    Invoice invoice;
    std::int64_t matchedInvoiceId = 0; // existing invoice with the same number
    // invoice.clientId names an existing client, or newClient a client to create
    // (position in InvoicePlan::newClients).
    std::size_t newClient = ImportedInvoice::npos;
    std::string clientLabel; // "C-000012 Pérez Gómez, S.L." (or the new client's name)
    std::vector<InvoiceField> changedFields;
};

struct InvoicePlan
{
    std::vector<PlannedInvoice> rows; // every table row except the header row
    std::vector<InvoiceProblem> problems;
    std::vector<Client> newClients; // CreateMissingClients: one per unknown tax ID / name
    std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0;
    std::size_t errors = 0, warnings = 0;
    std::size_t invalid = 0;
    InvoiceMapping mapping;

    bool committable() const;
};

// The invoices already stored, as planInvoiceImport sees them.
class ExistingInvoices
{
public:
    virtual ~ExistingInvoices() = default;
    // Ignoring ASCII case, as the store's unique index does.
    virtual std::optional<Invoice> byNumber(std::string_view number) = 0;
};

class InMemoryInvoices : public ExistingInvoices
{
public:
    explicit InMemoryInvoices(std::vector<Invoice> invoices);
    std::optional<Invoice> byNumber(std::string_view number) override;

private:
    std::vector<Invoice> invoices_;
    std::vector<std::pair<std::string, std::size_t>> index_; // lower-cased number, sorted
};

// Rules:
// - Header and empty rows as for clients.
// - Required columns: number, the client's tax ID or code, issue date, and an amount (net,
//   tax or total). Missing ones are a table-wide error.
// - Client: by code when given, else by tax ID (any spelling). Unknown: an error, or a new
//   client with createMissingClients (needs a name; rows naming the same unknown tax ID share
//   one new client).
// - Dates: Calc serial numbers (date cells), ISO text "2024-05-31", or "31/05/2024",
//   "31-05-2024", "31.05.2024" (month first without dayFirst, unless only day first makes
//   sense, as in "15/05/2024"); two-digit years are 20xx.
// - Amounts: numbers, or text with ',' or '.' as the decimal separator ("1.234,56",
//   "1,234.56", "-12,5 €"); more decimals than the currency has → error. Of net, tax and
//   total any two give the third; all three must add up (net + tax = total).
// - Status: "borrador/draft/rascunho", "emitida/pendiente/authorised/issued/…",
//   "pagada/cobrada/paid/paga/…", or the API names. Missing: "authorised" for new invoices
//   (a ledger lists issued invoices), the stored status for updates.
// - Due date missing: the issue date (due on receipt) for new invoices.
// - Existing invoice (same number, any case): updated (mode permitting) when it belongs to the
//   same client; another client's invoice with that number is an error. FillEmpty changes
//   nothing on an existing invoice (every field of a stored invoice has a value).
// - The same number twice in the sheet: an error naming the first row.
InvoicePlan planInvoiceImport(const ImportTable& table, const InvoiceImportOptions& options,
                              ExistingClients& clients, ExistingInvoices& invoices,
                              Language language);

// Parsing helpers (exposed for tests).
// ISO date of a cell: a serial number (1899-12-30 = 0; the fraction of a day is dropped) or
// text as described above; nullopt when it is no date.
std::optional<std::string> importDate(const ImportCell& cell, bool dayFirst);

// Minor units of an amount in a cell with `digits` decimals; nullopt when it is no amount
// or has more decimals.
std::optional<std::int64_t> importAmount(const ImportCell& cell, int digits);
std::optional<InvoiceStatus> importStatus(std::string_view text);

} // namespace clientes
