#pragma once

// The PostgreSQL store: the register kept on a PostgreSQL server (15 or later) shared by the
// whole office (store/store.hpp's Store; no FileStore capabilities). Schema and migrations
// (pg_schema.cpp), the clients and their search (pg_clients.cpp), the records around them,
// files and aggregates (pg_records.cpp), the activity log, import batches and remembered
// mappings (pg_journal.cpp), the connection and its units of work (pg_store.cpp). The only
// folder that includes libpq-fe.h (through pg_db.cpp); this header does not.

#include "core/store/store.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace clientes::postgres
{

// The schema version of the register's database (table clientes_meta, row 'schema').
inline constexpr int kSchemaVersion = 4;

// Connects with `conninfo` (a libpq connection string: "host=… port=… dbname=… user=…"),
// creates or migrates the schema (each migration in a transaction, under an advisory lock so
// that two offices starting at once do not race). Throws StoreError: CannotOpen when the
// server does not answer within seconds or the database does not exist, PermissionDenied for
// a refused login, TooNew for a schema of a newer version of the extension.
std::unique_ptr<Store> openStore(const std::string& conninfo);

// Watches the server without a store: calls `changed` once it answers (then on every commit,
// the watch's own included), retrying every 2 seconds while it does not; for a register that
// could not be opened because the server was away. Needs libpq only on its thread.
std::unique_ptr<ChangeWatch> watchServer(const std::string& conninfo,
                                         std::function<void()> changed);

// Where a team server is and who connects, as the options page keeps it.
struct ServerAddress
{
    std::string host;
    int port = 5432;
    std::string database;
    std::string user;
    std::string tlsMode = "require"; // libpq's sslmode: disable, require, verify-full
};

// A libpq connection string for `address` (every value quoted as libpq reads it), with the
// password when one is given and the 3-second connection timeout.
std::string connectionString(const ServerAddress& address, std::string_view password = {});

// "host:port/database" for messages, from a connection string (its host, port and dbname;
// libpq's defaults for those it lacks).
std::string describeConnection(const std::string& conninfo);

} // namespace clientes::postgres
