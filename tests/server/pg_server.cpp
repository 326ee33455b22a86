#include "pg_server.hpp"

#include <libpq-fe.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace clientes::testing
{
namespace fs = std::filesystem;

namespace
{

// A loopback port nobody listens on now (the kernel's choice for port 0).
int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw std::runtime_error("socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
    {
        ::close(fd);
        throw std::runtime_error("no free loopback port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

PgServer::PgServer()
{
    const char* bin = std::getenv("CLIENTES_PG_BIN");
    bin_ = bin && *bin ? fs::path(bin) : fs::path("/usr/lib/postgresql/15/bin");
    if (!fs::exists(bin_ / "initdb") || !fs::exists(bin_ / "pg_ctl"))
        throw std::runtime_error("PostgreSQL's initdb and pg_ctl are not in " + bin_.string() +
                                 " (packaging/setup-debian.sh --with-test-tools installs them)");
    std::string pattern = (fs::temp_directory_path() / "clientes-pg-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary folder");
    folder_ = pattern;
    if (::geteuid() == 0)
    {
        runAs_ = "nobody";
        const passwd* user = ::getpwnam(runAs_.c_str());
        if (user == nullptr || ::chown(folder_.c_str(), user->pw_uid, user->pw_gid) != 0)
            throw std::runtime_error("cannot give " + folder_.string() + " to " + runAs_);
    }
    port_ = freeLoopbackPort();
    run(quoted((bin_ / "initdb").string()) + " -D " + quoted((folder_ / "data").string()) +
        " -U clientes_test --auth=trust -E UTF8 --locale=C.UTF-8 > " +
        quoted((folder_ / "initdb.log").string()) + " 2>&1");
    start();
    createDatabase("clientes");
}

void PgServer::start()
{
    // Sockets in the folder too: nothing of the machine's own PostgreSQL is touched.
    run(quoted((bin_ / "pg_ctl").string()) + " -D " + quoted((folder_ / "data").string()) + " -l " +
        quoted((folder_ / "server.log").string()) + " -w -t 30 -o " +
        quoted("-p " + std::to_string(port_) + " -c listen_addresses=127.0.0.1 -k " +
               folder_.string() + " -c fsync=off") +
        " start > /dev/null");
    started_ = true;
}

void PgServer::stop()
{
    run(quoted((bin_ / "pg_ctl").string()) + " -D " + quoted((folder_ / "data").string()) +
        " -m immediate -w stop > /dev/null 2>&1");
    started_ = false;
}

PgServer::~PgServer()
{
    if (started_)
    {
        try
        {
            stop();
        }
        catch (...)
        {
        }
    }
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

void PgServer::run(const std::string& command) const
{
    // runuser: the command as the unprivileged owner of the cluster, from a folder it may read.
    const std::string line =
        "cd " + quoted(folder_.string()) + " && " +
        (runAs_.empty() ? command : "runuser -u " + runAs_ + " -- sh -c " + quoted(command));
    if (std::system(line.c_str()) != 0)
        throw std::runtime_error("failed: " + command + "\n" + log());
}

std::string PgServer::conninfo(const std::string& database, const std::string& user) const
{
    return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + database +
           " user=" + user + " connect_timeout=3";
}

void PgServer::createDatabase(const std::string& name) const
{
    execute("postgres", "CREATE DATABASE \"" + name + "\"");
}

void PgServer::requirePassword(const std::string& user, const std::string& password) const
{
    std::string literal = "'";
    for (const char c : password)
        literal += c == '\'' ? std::string("''") : std::string(1, c);
    literal += "'";
    execute("postgres", "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + user +
                            "') THEN CREATE ROLE \"" + user + "\" LOGIN; END IF; END$$; " +
                            "ALTER ROLE \"" + user + "\" PASSWORD " + literal);
    // The first line that matches decides: this one comes before initdb's "trust" lines.
    const fs::path hba = folder_ / "data" / "pg_hba.conf";
    std::string lines;
    {
        std::ifstream in(hba);
        lines.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::ofstream(hba, std::ios::trunc) << "host all " << user << " 127.0.0.1/32 scram-sha-256\n"
                                        << lines;
    execute("postgres", "SELECT pg_reload_conf()");
}

void PgServer::execute(const std::string& database, const std::string& sql) const
{
    PGconn* connection = PQconnectdb(conninfo(database).c_str());
    if (PQstatus(connection) != CONNECTION_OK)
    {
        const std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        throw std::runtime_error("cannot connect: " + message + log());
    }
    PGresult* result = PQexec(connection, sql.c_str());
    const bool ok =
        PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
    const std::string message = PQerrorMessage(connection);
    PQclear(result);
    PQfinish(connection);
    if (!ok)
        throw std::runtime_error(sql.substr(0, 200) + ": " + message);
}

std::string PgServer::log() const
{
    std::string text;
    for (const char* name : {"initdb.log", "server.log"})
    {
        std::ifstream in(folder_ / name);
        text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return text;
}

} // namespace clientes::testing
