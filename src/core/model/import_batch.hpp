// Import batches: what one committed import wrote to the register, so that it can be undone
// exactly. Register::commitClientImport / commitInvoiceImport write a batch in one unit of
// work (all rows or none); Register::undoLastImport reverts the newest batch unless a record
// it wrote has changed since (NothingToUndo, ImportUndoRefused: store/errors.hpp).
#pragma once

#include "core/model/client.hpp"
#include "core/model/profile_records.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace clientes
{

enum class ImportKind
{
    Clients,
    Invoices
};

// "clients", "invoices".
std::string_view importKindName(ImportKind kind);

struct ImportBatchInfo
{
    std::int64_t id = 0;
    std::string batchId; // random UUID; the batchId of the batch's activity entries
    ImportKind kind = ImportKind::Clients;
    std::string source;        // where the rows came from, as the caller described it
    std::string at;            // ISO 8601 UTC
    std::size_t created = 0;   // clients (or invoices) created
    std::size_t updated = 0;   // clients (or invoices) updated (or archived: a sheet's publish)
    std::size_t unchanged = 0; // rows that matched and changed nothing (not written)
    std::size_t skipped = 0;   // rows left out (invalid with SkipInvalid, or excluded by the mode)
    std::size_t clientsCreated = 0; // invoice imports: clients created for unknown tax IDs
    // Who imported it: a team server's database user, set by the store when it records the
    // batch (insertBatch ignores it); "" in a file register.
    std::string user;
};

// What a client import writes. Clients are as planImport made them (tidied); the store tidies
// and validates them again before writing anything.
struct ClientImportCommit
{
    std::string source;
    std::vector<Client> creates; // code, id and uuid are assigned by the store
    // The stored client with the row's values merged in. id names it; version is the version
    // the plan was made from: a client saved since makes the whole commit fail (ConflictError).
    std::vector<Client> updates;
    // Clients to archive (a sheet bound to the register whose row the user cleared): id and
    // the version read (ConflictError when saved since). Undoing the batch restores them. In
    // a team register archiving is for administrators (NotPermitted).
    std::vector<Client> archives;
    // Records of the clients: the people of the companies imported (rows naming their company,
    // Holded's contact person), their other addresses, the rows' bank accounts. Each belongs to
    // the client record.clientId names, or to creates[newClient] when that is not npos; those
    // of clients already in the register are journaled, and the undo removes them.
    template <typename Record> struct NewRecord
    {
        static constexpr std::size_t npos = static_cast<std::size_t>(-1);
        Record record;
        std::size_t newClient = npos;
    };
    using NewContact = NewRecord<Contact>;
    std::vector<NewRecord<Contact>> contacts;
    std::vector<NewRecord<Address>> addresses;
    std::vector<NewRecord<BankAccount>> bankAccounts;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;
};

// An invoice to create; clientId names an existing client, or newClient the position of a
// client in InvoiceImportCommit::newClients created in the same transaction.
struct ImportedInvoice
{
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    Invoice invoice;
    std::size_t newClient = npos;
};

struct InvoiceImportCommit
{
    std::string source;
    std::vector<Client> newClients; // clients that did not exist yet (CreateMissingClients)
    std::vector<ImportedInvoice> creates;
    // Stored invoices with the row's values; version as read when planned (RecordConflict).
    std::vector<Invoice> updates;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;
};

// Nothing was written (every row unchanged or skipped): batch.id == 0.
struct ImportCommitResult
{
    ImportBatchInfo batch;
    std::vector<std::int64_t> createdIds; // clients (or invoices) created, in order
};

// A record the batch wrote that changed since, so undoing would lose someone's work.
struct UndoConflict
{
    enum class What
    {
        Deleted,    // the client or invoice no longer exists
        Changed,    // its fields were saved since (version differs)
        NewActivity // a client created by the import has new records, notes or files since
    };
    What what = What::Changed;
    RecordType record = RecordType::Note; // Note stands for "a client" here; or Invoice, Contact
    std::int64_t id = 0;
    std::string label; // client: "C-000123 Pérez Gómez, S.L."; invoice: its number
};

struct ImportUndoResult
{
    ImportBatchInfo batch;
    std::size_t reverted = 0; // rows reverted: clients (client batches) or invoices
};

} // namespace clientes
