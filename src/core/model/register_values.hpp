#pragma once

// Plain values the register answers with (register/register.hpp) and its stores produce
// (store/store.hpp): a page of search results, tag counts, the invoice list, what is linked to
// a client, and, for a register kept in a file, its options and checked copies.

#include "core/model/client.hpp"
#include "core/model/profile_records.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clientes
{

struct SearchPage
{
    std::vector<ClientSummary> rows;
    std::int64_t total = 0; // all matches, not only rows.size()
};

struct TagCount
{
    std::string tag; // one of its spellings ("VIP" or "vip": the first in byte order)
    std::int64_t clients = 0;
};

// One line of the invoice list (exportInvoices): the invoice with its client's names.
struct InvoiceListRow
{
    Invoice invoice;
    std::string clientCode;
    std::string clientLegalName;
    std::string clientTaxId;
};

// Which invoices the list holds; empty strings do not filter.
struct InvoiceFilter
{
    std::string from; // issue date on or after, "YYYY-MM-DD"
    std::string to;   // issue date on or before
    std::optional<InvoiceStatus> status;
};

// What keeps a client from being deleted (contacts and activity do not: they go with it).
struct LinkedRecords
{
    std::int64_t projects = 0;
    std::int64_t tasks = 0;
    std::int64_t purchaseOrders = 0;
    std::int64_t invoices = 0;
    std::int64_t deals = 0;
    std::int64_t files = 0;

    bool any() const { return projects + tasks + purchaseOrders + invoices + deals + files > 0; }
    LinkedRecords& operator+=(const LinkedRecords& other)
    {
        projects += other.projects;
        tasks += other.tasks;
        purchaseOrders += other.purchaseOrders;
        invoices += other.invoices;
        deals += other.deals;
        files += other.files;
        return *this;
    }
    bool operator==(const LinkedRecords&) const = default;
};

// ---------------------------------------------------------------- where the register lives

// What the connected user may do. A file register: everything. A team server: what its
// grants allow (see the README's admins' guide): reading, editing (adding and changing
// clients and their records, importing), administering (archiving and deleting, undoing
// other people's imports).
struct Permissions
{
    bool read = true;
    bool edit = true;
    bool admin = true;
    bool operator==(const Permissions&) const = default;
};

// Watching other connections' commits (Register::watchChanges): while a ChangeWatch lives,
// its callback runs (on a thread of the store's own, never inside a unit of work) soon after
// another connection commits a change. Destroying it stops the watching and waits for a
// callback under way.
class ChangeWatch
{
public:
    virtual ~ChangeWatch() = default;
};

struct ConnectionInfo
{
    bool server = false;  // false: a file on this computer
    std::string location; // the file, or "host:port/database"
    std::string user;     // the database user; for a file, the computer's user
    Permissions permissions;
};

// ---------------------------------------------------------------- a register kept in a file

class WorkProgress; // core/transfer/work_progress.hpp

struct StoreOptions
{
    // How long writes must pause before the write-ahead log is copied into the file.
    std::chrono::milliseconds idleCheckpointDelay{1500};
    // Told how far the schema's migration is (WorkStage::Migrating, clients done) when a file
    // of an older version is opened; not asked to stop (the file is being rewritten).
    WorkProgress* migration = nullptr;
};

// A checked copy of the register (backupTo).
struct BackupResult
{
    std::int64_t clients = 0;
    std::uintmax_t bytes = 0;
};

// What a checked copy of the register holds (inspectRegisterCopy).
struct RegisterCopyInfo
{
    std::int64_t clients = 0;       // archived ones included
    std::int64_t schemaVersion = 0; // the file's schema version
    std::uintmax_t bytes = 0;       // the file's size
};

struct RestoreResult
{
    RegisterCopyInfo restored;
    // Where the register that was replaced now lives ("<file>.before-restore-<UTC stamp>");
    // empty when there was none.
    std::filesystem::path keptAside;
};

} // namespace clientes
