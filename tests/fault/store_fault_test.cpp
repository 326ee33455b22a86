// The store's write paths under SQLite I/O errors and out-of-memory. For each path, every
// file operation (or allocation) the call makes is failed in turn, once (a transient error)
// and from there on (a full disk, memory that stays short). Each time:
// - the call either succeeds or throws StoreError (nothing else, no crash);
// - the same store, with the fault gone, reads and writes again;
// - the file, reopened by a new Register, passes PRAGMA integrity_check and FTS5's
//   integrity-check, and holds exactly the state before the call or exactly the state after
//   it (every table compared row by row; UUIDs and timestamps masked).
// Calls making more operations than the budget (CLIENTES_FAULT_BUDGET, default 60 per path
// and mode) have their faults spread over the whole call: the first and last operations (the
// start and the commit) always, the middle sampled evenly. CLIENTES_FAULT_AT=N fails only the
// Nth operation (to replay a failure: the message names N).
#include "core/register/register.hpp"
#include "core/rules/profile_validation.hpp"
#include "core/rules/validation.hpp"
#include "sqlite_faults.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace clientes;

namespace
{

// ------------------------------------------------------------------------- the register's state

// Every row of every table (FTS5's shadow tables left to its integrity-check), as sorted
// text, UUIDs and timestamps masked. Read with SQLite directly, the faults disarmed.
struct Dump
{
    std::vector<std::string> rows;
    std::int64_t clients = 0;
    bool operator==(const Dump&) const = default;
};

std::string masked(std::string text)
{
    static const std::regex uuid("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                                 "[0-9a-fA-F]{12}");
    static const std::regex time(
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z?");
    if (text.size() < 20)
        return text;
    return std::regex_replace(std::regex_replace(text, uuid, "<uuid>"), time, "<time>");
}

std::vector<std::string> column0(sqlite3* db, const std::string& sql)
{
    std::vector<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    {
        ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
        return out;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW)
    {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        out.emplace_back(text != nullptr ? text : "");
    }
    sqlite3_finalize(stmt);
    return out;
}

Dump dumpFile(const fs::path& file)
{
    Dump dump;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    {
        ADD_FAILURE() << "cannot open " << file << ": " << sqlite3_errmsg(db);
        sqlite3_close(db);
        return dump;
    }
    EXPECT_EQ(column0(db, "PRAGMA integrity_check"), std::vector<std::string>{"ok"}) << file;
    EXPECT_EQ(sqlite3_exec(db, "INSERT INTO clients_fts (clients_fts) VALUES ('integrity-check')",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << "FTS5 integrity-check: " << sqlite3_errmsg(db);
    const auto tables = column0(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                    "name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clients_fts_%' "
                                    "ORDER BY name");
    for (const std::string& table : tables)
    {
        const std::string rowid = table == "clients_fts" ? "rowid, " : "";
        sqlite3_stmt* stmt = nullptr;
        const std::string sql = "SELECT " + rowid + "* FROM \"" + table + "\"";
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
            continue;
        }
        while (sqlite3_step(stmt) == SQLITE_ROW)
        {
            std::string row = table + ":";
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
            {
                row += '|';
                switch (sqlite3_column_type(stmt, c))
                {
                case SQLITE_NULL:
                    row += "NULL";
                    break;
                case SQLITE_BLOB:
                {
                    // Size and a cheap checksum: enough to tell contents apart.
                    const auto* bytes =
                        static_cast<const unsigned char*>(sqlite3_column_blob(stmt, c));
                    const int size = sqlite3_column_bytes(stmt, c);
                    std::uint64_t sum = 1469598103934665603ULL;
                    for (int i = 0; i < size; ++i)
                        sum = (sum ^ bytes[i]) * 1099511628211ULL;
                    row += "blob" + std::to_string(size) + ":" + std::to_string(sum);
                    break;
                }
                default:
                {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                    row += masked(text != nullptr ? text : "");
                }
                }
            }
            dump.rows.push_back(std::move(row));
        }
        sqlite3_finalize(stmt);
    }
    std::sort(dump.rows.begin(), dump.rows.end());
    const auto count = column0(db, "SELECT count(*) FROM clients");
    dump.clients = count.empty() ? -1 : std::stoll(count[0]);
    sqlite3_close(db);
    return dump;
}

std::string describe(const Dump& dump)
{
    return std::to_string(dump.clients) + " clients, " + std::to_string(dump.rows.size()) + " rows";
}

// The first rows where two dumps differ, for a failure message.
std::string difference(const Dump& got, const Dump& want)
{
    std::vector<std::string> extra, missing;
    std::set_difference(got.rows.begin(), got.rows.end(), want.rows.begin(), want.rows.end(),
                        std::back_inserter(extra));
    std::set_difference(want.rows.begin(), want.rows.end(), got.rows.begin(), got.rows.end(),
                        std::back_inserter(missing));
    std::string out;
    for (std::size_t i = 0; i < std::min<std::size_t>(extra.size(), 3); ++i)
        out += "\n  + " + extra[i].substr(0, 200);
    for (std::size_t i = 0; i < std::min<std::size_t>(missing.size(), 3); ++i)
        out += "\n  - " + missing[i].substr(0, 200);
    return out;
}

// ------------------------------------------------------------------------- the register's contents

Client person(int n)
{
    Client client;
    client.legalName = "Cliente " + std::to_string(n) + " Pérez Gómez, S.L.";
    client.tradeName = "Comercial " + std::to_string(n);
    client.taxId = "B" + std::to_string(10000000 + n);
    client.country = "ES";
    client.city = n % 2 == 0 ? "Madrid" : "Sevilla";
    client.street = "Calle Mayor " + std::to_string(n);
    client.postalCode = "28001";
    client.email = "cliente" + std::to_string(n) + "@example.es";
    client.notes = "Cliente desde 2020.\nLínea dos de notas, algo larga para ocupar sitio.";
    client.tags = n % 3 == 0 ? "vip, norte" : "sur";
    return client;
}

std::vector<std::uint8_t> fileBytes(std::size_t size)
{
    std::vector<std::uint8_t> bytes(size);
    std::mt19937 random(42);
    for (auto& byte : bytes)
        byte = static_cast<std::uint8_t>(random());
    return bytes;
}

// The register every path starts from: 40 clients, one with a contact and an invoice, one
// with a file, and one import (30 created, 5 updated) that can be undone.
void baseRegister(Register& store)
{
    std::vector<Client> clients;
    for (int n = 1; n <= 40; ++n)
        clients.push_back(person(n));
    store.addMany(clients);
    Contact contact;
    contact.clientId = 1;
    contact.name = "Ana Pérez";
    contact.email = "ana@example.es";
    store.add(contact);
    Invoice invoice;
    invoice.clientId = 1;
    invoice.number = "F-2024-001";
    invoice.issueDate = "2024-03-01";
    invoice.net = 10000;
    invoice.tax = 2100;
    invoice.total = 12100;
    invoice.currency = "EUR";
    invoice.status = InvoiceStatus::Authorised;
    store.add(invoice);
    const auto bytes = fileBytes(20000);
    store.attachFile(3, "contrato.pdf", "application/pdf", bytes);
    store.addNote(2, "Llamar el lunes.");
    ClientImportCommit commit;
    commit.source = "Hoja1.A1:J36";
    for (int n = 101; n <= 130; ++n)
        commit.creates.push_back(person(n));
    for (std::int64_t id = 10; id < 15; ++id)
    {
        Client client = *store.byId(id);
        client.city = "Bilbao";
        client.phone = "+34 600 000 0" + std::to_string(id);
        commit.updates.push_back(client);
    }
    store.commitClientImport(commit);
}

// ------------------------------------------------------------------------- the run

struct Totals
{
    std::int64_t io = 0, memory = 0, calls = 0, failedCalls = 0;
};
Totals totals;

std::int64_t budget()
{
    const char* text = std::getenv("CLIENTES_FAULT_BUDGET");
    const long long value = text != nullptr ? std::atoll(text) : 0;
    return value > 0 ? value : 60;
}

// Which operations to fail, of `count` the call makes: all when they fit the budget.
std::vector<std::int64_t> faultPoints(std::int64_t count)
{
    std::vector<std::int64_t> points;
    if (const char* only = std::getenv("CLIENTES_FAULT_AT")) // to replay one failure
        return {std::atoll(only)};
    const std::int64_t limit = budget();
    if (count <= limit)
    {
        for (std::int64_t n = 1; n <= count; ++n)
            points.push_back(n);
        return points;
    }
    const std::int64_t edge = limit / 4;
    std::set<std::int64_t> chosen;
    for (std::int64_t n = 1; n <= edge; ++n)
    {
        chosen.insert(n);
        chosen.insert(count + 1 - n);
    }
    const std::int64_t middle = limit - 2 * edge;
    for (std::int64_t i = 1; i <= middle; ++i)
        chosen.insert(edge + (count - 2 * edge) * i / (middle + 1));
    return {chosen.begin(), chosen.end()};
}

using Operation = std::function<void(Register&)>;

// What the store does after the fault, on the same connection: a client added, and one with
// tags added and deleted again (its tags go with it only while foreign keys are on).
void probe(Register& store)
{
    Client kept;
    kept.legalName = "Sonda después del fallo";
    kept.country = "PT";
    store.add(kept);
    Client gone;
    gone.legalName = "Sonda borrada";
    gone.tags = "sonda, temporal";
    store.deleteClient(store.add(gone).id);
}

class StoreFaults : public ::testing::Test
{
protected:
    void SetUp() override
    {
        dir_ = fs::temp_directory_path() /
               ("clientes-fault-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_);
        base_ = dir_ / "base.db";
        {
            Register store(base_);
            baseRegister(store);
        }
        before_ = dumpFile(base_);
    }

    void TearDown() override
    {
        fault::disarm();
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    fs::path freshCopy(const std::string& name)
    {
        const fs::path file = dir_ / name;
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(file.string() + suffix, ignored);
        fs::copy_file(base_, file);
        return file;
    }

    // The state after the call (and after the call and the probe), without faults; and how
    // many operations of each kind the call makes.
    void reference(const Operation& operation)
    {
        for (fault::Kind kind : {fault::Kind::Io, fault::Kind::Memory})
        {
            const fs::path file = freshCopy("reference.db");
            {
                Register store(file);
                fault::arm(kind, 0, false); // count only
                operation(store);
                fault::disarm();
                count_[static_cast<int>(kind)] = fault::operations();
            }
            after_ = dumpFile(file);
        }
        ASSERT_NE(after_, before_) << "the call changes nothing: nothing to test";
        for (const bool afterCall : {false, true})
        {
            const fs::path file = freshCopy("probe.db");
            {
                Register store(file);
                if (afterCall)
                    operation(store);
                probe(store);
            }
            (afterCall ? afterProbe_ : beforeProbe_) = dumpFile(file);
        }
    }

    void run(const Operation& operation)
    {
        reference(operation);
        if (HasFatalFailure())
            return;
        std::int64_t faults = 0, failed = 0, calls = 0;
        for (fault::Kind kind : {fault::Kind::Io, fault::Kind::Memory})
            for (const bool persistent : {false, true})
                for (std::int64_t at : faultPoints(count_[static_cast<int>(kind)]))
                {
                    const std::string label =
                        std::string(kind == fault::Kind::Io ? "I/O" : "memory") +
                        (persistent ? " fault from operation " : " fault at operation ") +
                        std::to_string(at) + " of " +
                        std::to_string(count_[static_cast<int>(kind)]);
                    SCOPED_TRACE(label);
                    const bool threw = once(operation, kind, at, persistent);
                    ++calls;
                    faults += fault::fired() ? 1 : 0;
                    failed += threw ? 1 : 0;
                    if (HasFailure())
                        return; // the first broken case says it all
                }
        totals.calls += calls;
        totals.failedCalls += failed;
        std::printf("[ faults   ] %s: %lld calls, %lld with a fault injected, %lld failed cleanly "
                    "(%lld memory faults reported as another StoreError kind; I/O operations "
                    "per call %lld, allocations %lld)\n",
                    ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                    static_cast<long long>(calls), static_cast<long long>(faults),
                    static_cast<long long>(failed), static_cast<long long>(otherKinds_),
                    static_cast<long long>(count_[static_cast<int>(fault::Kind::Io)]),
                    static_cast<long long>(count_[static_cast<int>(fault::Kind::Memory)]));
    }

    // One call with one fault; returns whether the call threw.
    bool once(const Operation& operation, fault::Kind kind, std::int64_t at, bool persistent)
    {
        const fs::path file = freshCopy("work.db");
        bool threw = false;
        std::int64_t countAfterFault = -1;
        {
            Register store(file);
            fault::arm(kind, at, persistent);
            try
            {
                operation(store);
            }
            catch (const StoreError& error)
            {
                threw = true;
                if (std::getenv("CLIENTES_FAULT_AT") != nullptr)
                    std::printf("threw: %s\n", error.what());
                EXPECT_NE(std::string(error.what()), "") << "an empty message";
                if (kind == fault::Kind::Memory && error.kind != StoreError::Kind::OutOfMemory)
                    ++otherKinds_; // e.g. a read that failed for want of memory reports I/O
            }
            catch (const std::bad_alloc&)
            {
                // Out of memory in the store's own C++ code (search folding, row buffers):
                // the standard exception, the transaction rolled back.
                threw = true;
                EXPECT_EQ(kind, fault::Kind::Memory) << "std::bad_alloc for an I/O error";
            }
            catch (const std::exception& error)
            {
                fault::disarm();
                ADD_FAILURE() << "not a StoreError: " << typeid(error).name() << ": "
                              << error.what();
                return true;
            }
            fault::disarm();
            // The same store goes on working once the fault is gone.
            try
            {
                countAfterFault = store.count(true);
                probe(store);
            }
            catch (const std::exception& error)
            {
                ADD_FAILURE() << "the store does not recover from the fault: " << error.what();
            }
        }
        // Reopened by a new store, the file holds the state before or after the call, plus
        // the probe: never half of the call.
        try
        {
            Register reopened(file);
        }
        catch (const std::exception& error)
        {
            ADD_FAILURE() << "cannot reopen the register: " << error.what();
            return threw;
        }
        const Dump now = dumpFile(file);
        if (now != beforeProbe_ && now != afterProbe_)
            ADD_FAILURE() << "half a change: " << describe(now) << "; before the call "
                          << describe(beforeProbe_) << ", after " << describe(afterProbe_)
                          << "\ncompared with the state before:" << difference(now, beforeProbe_)
                          << "\ncompared with the state after:" << difference(now, afterProbe_);
        if (!threw && now != afterProbe_)
            ADD_FAILURE() << "the call reported success but its change is not in the file";
        if (countAfterFault >= 0)
            EXPECT_EQ(countAfterFault + 1, now.clients)
                << "the store counted clients it does not hold";
        return threw;
    }

    fs::path dir_, base_;
    Dump before_, after_, beforeProbe_, afterProbe_;
    std::int64_t count_[2] = {0, 0};
    std::int64_t otherKinds_ = 0;
};

TEST_F(StoreFaults, Add)
{
    run([](Register& store) { store.add(person(500)); });
}

TEST_F(StoreFaults, Update)
{
    run(
        [](Register& store)
        {
            Client client = *store.byId(5);
            client.legalName = "Nombre nuevo, S.A.";
            client.email = "nuevo@example.es";
            client.tags = "vip, nuevo";
            store.update(client);
        });
}

TEST_F(StoreFaults, AddMany)
{
    run(
        [](Register& store)
        {
            std::vector<Client> clients;
            for (int n = 200; n < 260; ++n)
                clients.push_back(person(n));
            store.addMany(clients);
        });
}

TEST_F(StoreFaults, CommitClientImport)
{
    run(
        [](Register& store)
        {
            ClientImportCommit commit;
            commit.source = "Clientes.ods Hoja1.A1:P321";
            for (int n = 1000; n < 1300; ++n)
                commit.creates.push_back(person(n));
            for (std::int64_t id = 20; id < 40; ++id)
            {
                Client client = *store.byId(id);
                client.region = "Andalucía";
                client.website = "https://example.es/" + std::to_string(id);
                commit.updates.push_back(client);
            }
            commit.unchanged = 3;
            store.commitClientImport(commit);
        });
}

TEST_F(StoreFaults, UndoLastImport)
{
    run([](Register& store) { store.undoLastImport(); });
}

TEST_F(StoreFaults, AttachFile)
{
    run(
        [](Register& store)
        {
            const auto bytes = fileBytes(150000);
            store.attachFile(4, "presupuesto.ods", "application/vnd.oasis.opendocument.spreadsheet",
                             bytes);
        });
}

TEST_F(StoreFaults, DeleteClient)
{
    run([](Register& store) { store.deleteClient(2); }); // with its note, tags and activity
}

TEST_F(StoreFaults, AddInvoice)
{
    run(
        [](Register& store)
        {
            Invoice invoice;
            invoice.clientId = 1;
            invoice.number = "F-2024-002";
            invoice.issueDate = "2024-04-01";
            invoice.net = 50000;
            invoice.tax = 10500;
            invoice.total = 60500;
            invoice.currency = "EUR";
            store.add(invoice);
        });
}

class Figures : public ::testing::Environment
{
public:
    void TearDown() override
    {
        std::printf("[ faults   ] %lld calls, %lld faults injected (%lld I/O errors, %lld failed "
                    "allocations), %lld calls failed with StoreError or std::bad_alloc, the rest "
                    "completed\n",
                    static_cast<long long>(totals.calls),
                    static_cast<long long>(fault::injected(fault::Kind::Io) +
                                           fault::injected(fault::Kind::Memory)),
                    static_cast<long long>(fault::injected(fault::Kind::Io)),
                    static_cast<long long>(fault::injected(fault::Kind::Memory)),
                    static_cast<long long>(totals.failedCalls));
    }
};

} // namespace

int main(int argc, char** argv)
{
    fault::install(); // before anything touches SQLite
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new Figures);
    return RUN_ALL_TESTS();
}
