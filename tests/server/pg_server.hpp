#pragma once

// A PostgreSQL server of the tests' own: a new cluster (initdb) in a temporary folder, started
// with pg_ctl on a free loopback port, stopped and deleted with the object. As root (CI), the
// cluster belongs to an unprivileged user ("nobody"), since PostgreSQL refuses to run as
// root. The server's programs: $CLIENTES_PG_BIN, or Debian's /usr/lib/postgresql/15/bin.
// Throws std::runtime_error (with the server's log) when the server cannot be started.

#include <filesystem>
#include <string>

namespace clientes::testing
{

class PgServer
{
public:
    PgServer();
    ~PgServer();
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    // The cluster's superuser (created by initdb).
    static constexpr const char* kSuperuser = "clientes_test";
    // A libpq connection string for `database` as `user` (any role may log in: trust).
    std::string conninfo(const std::string& database = "clientes",
                         const std::string& user = kSuperuser) const;
    int port() const { return port_; }
    const std::filesystem::path& folder() const { return folder_; }
    // Creates an empty database.
    void createDatabase(const std::string& name) const;
    // Runs SQL (one or more statements) in `database` as the superuser; throws
    // std::runtime_error with the server's message when it fails.
    void execute(const std::string& database, const std::string& sql) const;
    // From now on `user` logs in over TCP only with `password` (scram-sha-256), as on an
    // office's server; every other role still logs in without one. Creates the role if needed.
    void requirePassword(const std::string& user, const std::string& password) const;
    // The server's log so far.
    std::string log() const;
    // Stops the server at once, as a crash or a pulled cable would (connections drop, nothing
    // is shut down cleanly); start() brings it back on the same port with the same data.
    void stop();
    void start();

private:
    void run(const std::string& command) const;

    std::filesystem::path bin_;
    std::filesystem::path folder_;
    std::string runAs_; // "" or the unprivileged user
    int port_ = 0;
    bool started_ = false;
};

} // namespace clientes::testing
