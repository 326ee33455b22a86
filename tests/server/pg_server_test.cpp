// The test harness's PostgreSQL server (tests/server/pg_server.hpp): a private PostgreSQL 15 on
// a loopback port, with the extensions the team store's search will use, gone afterwards.
#include "pg_server.hpp"

#include <libpq-fe.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace clientes::testing
{
namespace
{

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

Connection connect(const PgServer& server)
{
    Connection connection(PQconnectdb(server.conninfo().c_str()), &PQfinish);
    EXPECT_EQ(PQstatus(connection.get()), CONNECTION_OK) << PQerrorMessage(connection.get());
    return connection;
}

// The first value of the first row, as text ("" for none; the error makes the test fail).
std::string value(PGconn* connection, const std::string& sql)
{
    PGresult* result = PQexec(connection, sql.c_str());
    std::string text;
    const ExecStatusType status = PQresultStatus(result);
    EXPECT_TRUE(status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        << sql << ": " << PQerrorMessage(connection);
    if (status == PGRES_TUPLES_OK && PQntuples(result) > 0)
        text = PQgetvalue(result, 0, 0);
    PQclear(result);
    return text;
}

} // namespace

TEST(PgServer, APrivatePostgreSql15OnTheLoopback)
{
    PgServer server;
    const Connection connection = connect(server);
    ASSERT_EQ(PQstatus(connection.get()), CONNECTION_OK);
    EXPECT_EQ(value(connection.get(), "SELECT current_setting('server_version_num')::int / 10000"),
              "15");
    EXPECT_EQ(value(connection.get(), "SELECT host(inet_server_addr())"), "127.0.0.1");
    EXPECT_EQ(value(connection.get(), "SELECT inet_server_port()"), std::to_string(server.port()));
    EXPECT_EQ(value(connection.get(), "SELECT current_database()"), "clientes");
    EXPECT_EQ(value(connection.get(), "SHOW server_encoding"), "UTF8");
    // What the team store's search and codes need: accent folding, trigrams, sequences.
    EXPECT_EQ(value(connection.get(), "SELECT count(*) FROM pg_available_extensions WHERE name IN "
                                      "('unaccent', 'pg_trgm')"),
              "2");
    value(connection.get(), "CREATE EXTENSION unaccent");
    EXPECT_EQ(value(connection.get(), "SELECT lower(unaccent('Conceição Álvarez'))"),
              "conceicao alvarez");
}

TEST(PgServer, TwoServersAtOnceAndNothingLeftBehind)
{
    std::filesystem::path first;
    {
        PgServer a;
        PgServer b;
        first = a.folder();
        EXPECT_NE(a.port(), b.port());
        const Connection ca = connect(a);
        const Connection cb = connect(b);
        value(ca.get(), "CREATE TABLE t (x int)");
        // b is another cluster: its database has no table t.
        EXPECT_EQ(value(cb.get(), "SELECT count(*) FROM pg_tables WHERE tablename = 't'"), "0");
        EXPECT_EQ(value(ca.get(), "SELECT count(*) FROM pg_tables WHERE tablename = 't'"), "1");
    }
    EXPECT_FALSE(std::filesystem::exists(first));
}

} // namespace clientes::testing
