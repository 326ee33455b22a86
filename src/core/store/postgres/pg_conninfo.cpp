// Connection strings for the team server, from the options page's settings.

#include "core/store/postgres/pg_store.hpp"

namespace clientes::postgres
{

namespace
{

// keyword='value' with ' and \ escaped: libpq reads any value so, spaces and quotes included.
void addKeyword(std::string& conninfo, std::string_view keyword, std::string_view value)
{
    if (!conninfo.empty())
        conninfo += ' ';
    conninfo += keyword;
    conninfo += "='";
    for (const char c : value)
    {
        if (c == '\'' || c == '\\')
            conninfo += '\\';
        conninfo += c;
    }
    conninfo += '\'';
}

} // namespace

std::string connectionString(const ServerAddress& address, std::string_view password)
{
    std::string conninfo;
    if (!address.host.empty())
        addKeyword(conninfo, "host", address.host);
    if (address.port > 0)
        addKeyword(conninfo, "port", std::to_string(address.port));
    if (!address.database.empty())
        addKeyword(conninfo, "dbname", address.database);
    if (!address.user.empty())
        addKeyword(conninfo, "user", address.user);
    if (!password.empty())
        addKeyword(conninfo, "password", password);
    addKeyword(conninfo, "sslmode", address.tlsMode.empty() ? "prefer" : address.tlsMode);
    addKeyword(conninfo, "connect_timeout", "3");
    addKeyword(conninfo, "application_name", "Clientes");
    return conninfo;
}

} // namespace clientes::postgres
