// The PostgreSQL store: the connection, its units of work and the register's change counter.

#include "core/store/postgres/pg_store.hpp"

#include "core/store/postgres/pg_internal.hpp"

#include "core/store/postgres/libpq.hpp"

#include <chrono>
#include <thread>

namespace clientes::postgres
{

namespace
{

// A unit that meets a serialization failure or a deadlock is run again, up to this often.
constexpr int kAttempts = 8;
// A read unit whose search finds waiting search documents is run again after they are
// written, up to this often.
constexpr int kFillAttempts = 40;
// What one statement may take before the server cancels it (the deck never waits on a
// server that hangs); bulk units (imports, undo, copies) take what they need.
constexpr std::string_view kSessionSettings =
    "SET statement_timeout = '30s'; SET lock_timeout = '20s'; "
    "SET idle_in_transaction_session_timeout = '10min'";

} // namespace

std::string describeConnection(const std::string& conninfo)
{
    char* error = nullptr;
    PQconninfoOption* options = pg::libpq().PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr)
    {
        std::string message = error != nullptr ? error : "invalid connection string";
        pg::libpq().PQfreemem(error);
        return message;
    }
    std::string host;
    std::string port;
    std::string dbname;
    std::string user;
    for (PQconninfoOption* option = options; option->keyword != nullptr; ++option)
    {
        const std::string_view keyword = option->keyword;
        const char* value = option->val;
        if (value == nullptr || *value == '\0')
            continue;
        if (keyword == "host" || (keyword == "hostaddr" && host.empty()))
            host = value;
        else if (keyword == "port")
            port = value;
        else if (keyword == "dbname")
            dbname = value;
        else if (keyword == "user")
            user = value;
    }
    pg::libpq().PQconninfoFree(options);
    if (host.empty())
        host = "localhost";
    if (dbname.empty())
        dbname = user;
    return host + (port.empty() ? "" : ":" + port) + "/" + dbname;
}

PgStore::PgStore(const std::string& conninfo)
    : conninfo_(conninfo), location_(describeConnection(conninfo)), db_(conninfo, location_)
{
    db_.run(kSessionSettings);
    migrate(db_);
    backendPid_ = pg::libpq().PQbackendPID(db_.handle());
    connection_.server = true;
    connection_.location = location_;
    // The grants on the clients table say whether the user may read and edit; administrators
    // are the members of clientes_admin, the table's owner and superusers (the roles:
    // packaging/server/clientes-roles.sql, README).
    const pg::Result rights = db_.exec(
        "SELECT session_user, has_table_privilege('clients', 'SELECT'), "
        "has_table_privilege('clients', 'INSERT') AND has_table_privilege('clients', 'UPDATE'), "
        "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR "
        "pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'clients'::regclass), 'MEMBER') "
        "OR coalesce((SELECT pg_has_role(oid, 'MEMBER') FROM pg_roles WHERE rolname = "
        "'clientes_admin'), false), "
        "(SELECT value FROM clientes_meta WHERE name = 'changes')");
    connection_.user = rights.text(0, 0);
    changesAtOpen_ = rights.int64(0, 4);
    connection_.permissions = {rights.boolean(0, 1), rights.boolean(0, 2), rights.boolean(0, 3)};
    // Clients a bulk insert left waiting for their search documents when the office closed.
    if (connection_.permissions.edit && searchRowsPending(db_))
        fillSearchInBackground();
}

PgStore::~PgStore()
{
    if (filler_.joinable())
        filler_.join();
}

void PgStore::fillSearch(pg::Connection& db, const std::stop_token& stop)
{
    for (bool more = true; more && !stop.stop_requested();)
    {
        pg::Transaction transaction(db, "BEGIN");
        Unit unit(db);
        more = unit.writePendingSearchRows(kSearchRowsPerStep);
        unit.flushSearchCounts();
        transaction.commit();
    }
}

void PgStore::fillSearchInBackground()
{
    if (filler_.joinable())
    {
        filler_.request_stop(); // after its current step
        filler_.join();
    }
    filler_ = std::jthread(
        [conninfo = conninfo_, location = location_](std::stop_token stop) noexcept
        {
            try
            {
                pg::Connection db(conninfo, location);
                // A unit of another office holding the range (importing) fills it itself
                // after its commit: no long wait here.
                db.run("SET statement_timeout = '30s'; SET lock_timeout = '5s'");
                fillSearch(db, stop);
                // Each document written left the client's previous row behind (and its index
                // entries): cleared now rather than by autovacuum later, so that searches and
                // lists in order do not step over them meanwhile. Only the table's owner may
                // (the server says so to others, in a warning).
                if (!stop.stop_requested())
                    db.run("VACUUM (ANALYZE) clients");
            }
            catch (...)
            {
                // Busy or failing: what is left is written by the next search or opening.
            }
        });
}

template <typename Work> void PgStore::inUnit(bool writing, const WriteHints& hints, Work&& work)
{
    std::lock_guard lock(mutex_);
    bool reconnected = false;
    for (int attempt = 1;; ++attempt)
    {
        bool committing = false;
        try
        {
            if (!db_.ok())
            {
                reconnected = true; // one connection attempt per unit: 3 s at most
                db_.reconnect();
                db_.run(kSessionSettings);
                backendPid_ = pg::libpq().PQbackendPID(db_.handle());
            }
            pg::Transaction transaction(
                db_, writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            if (writing && (hints.rows >= kBulkRows || hints.deletesMany))
                db_.run("SET LOCAL statement_timeout = 0");
            Unit unit(db_, writing);
            work(unit);
            if (writing)
                unit.flushSearchCounts();
            // The change counter (dataVersion), and a notification every watcher gets when
            // the unit commits (none when it rolls back).
            if (writing)
                db_.exec("UPDATE clientes_meta SET value = value + 1 WHERE name = 'changes' "
                         "RETURNING pg_notify('" +
                         std::string(kChangesChannel) + "', '')");
            committing = true;
            transaction.commit();
            if (writing)
                ++ownCommits_;
            if (unit.deferredSearchRows())
                fillSearchInBackground();
            return;
        }
        catch (const pg::RetryableError&)
        {
            if (attempt == kAttempts)
                throw;
        }
        catch (const StoreError&)
        {
            // A connection that broke while idle (the server restarted, a network blip) is
            // found out by the next statement: the server rolled the unit back, so it runs
            // once more on a new connection. Not when the break came during the commit: whether
            // that committed is unknown, and the caller must be told.
            if (db_.ok() || committing || reconnected)
                throw;
        }
    }
}

void PgStore::read(const std::function<void(StoreReader&)>& work)
{
    for (int attempt = 0;; ++attempt)
    {
        try
        {
            inUnit(false, {}, [&work](Unit& unit) { work(unit); });
            return;
        }
        catch (const SearchRowsPending&)
        {
            // Other offices keep importing into the same register.
            if (attempt == kFillAttempts)
                throw StoreError(StoreError::Kind::Locked, location_,
                                 "the search index is being written", StoreError::Where::Server);
        }
        // A search found clients waiting for their search documents: they are written now,
        // then the unit runs again on a complete index. A user who may not edit waits for
        // the office that imported them to write them (right after its commit).
        if (!connection_.permissions.edit)
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            continue;
        }
        std::lock_guard lock(mutex_);
        try
        {
            if (filler_.joinable())
                filler_.join(); // writing them already: waiting costs less than taking turns
            else
                fillSearch(db_);
        }
        catch (const pg::RetryableError&)
        {
            // A deadlock with a unit writing clients: the next attempt.
        }
        catch (const StoreError&)
        {
            if (db_.ok())
                throw;
            // The connection broke: the next attempt connects again.
        }
    }
}

void PgStore::write(const std::function<void(StoreWriter&)>& work, const WriteHints& hints)
{
    inUnit(true, hints, [&work](Unit& unit) { work(unit); });
}

std::int64_t PgStore::dataVersion()
{
    std::lock_guard lock(mutex_);
    if (!db_.ok())
    {
        db_.reconnect();
        db_.run(kSessionSettings);
    }
    return db_.scalar("SELECT value FROM clientes_meta WHERE name = 'changes'") - ownCommits_;
}

std::unique_ptr<Store> openStore(const std::string& conninfo)
{
    return std::make_unique<PgStore>(conninfo);
}

} // namespace clientes::postgres
