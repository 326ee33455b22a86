// The libpq layer of the PostgreSQL store.

#include "core/store/postgres/pg_db.hpp"

#include "core/store/postgres/libpq.hpp"

#include <charconv>
#include <cstring>

namespace clientes::pg
{

namespace
{

// COPY data is sent in chunks of about this size.
constexpr std::size_t kCopyChunk = 1 << 20;

std::string trimmed(const char* message)
{
    std::string text = message != nullptr ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

void throwError(std::string_view state, const std::string& location, const std::string& message)
{
    using Kind = StoreError::Kind;
    if (state == "40001" || state == "40P01")
        throw RetryableError(Kind::Locked, location, message, StoreError::Where::Server);
    Kind kind = Kind::Io;
    if (state.empty() || state.starts_with("08") || state == "57P01" || state == "57P02" ||
        state == "57P03" || state == "3D000")
        kind = Kind::CannotOpen; // no connection, server shutting down, no such database
    else if (state == "42501" || state.starts_with("28") || state == "25006")
        kind = Kind::PermissionDenied; // privilege, authentication, read-only transaction
    else if (state == "55P03" || state == "57014")
        kind = Kind::Locked; // lock not available, statement timeout
    else if (state == "53200" || state == "54000")
        kind = Kind::OutOfMemory;
    else if (state == "53100")
        kind = Kind::Io; // disk full
    else if (state == "42P01" || state == "42703" || state == "3F000")
        kind = Kind::NotADatabase; // the schema is not ours
    throw StoreError(kind, location, message, StoreError::Where::Server);
}

// ------------------------------------------------------------------------- Params

Params& Params::add(std::int64_t value)
{
    values_.push_back({std::to_string(value)});
    return *this;
}

Params& Params::add(std::string_view value)
{
    values_.push_back({std::string(value)});
    return *this;
}

Params& Params::add(bool value)
{
    values_.push_back({value ? "t" : "f"});
    return *this;
}

Params& Params::addReal(double value)
{
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    values_.push_back({std::string(buffer, error == std::errc() ? end : buffer)});
    return *this;
}

Params& Params::addNull()
{
    values_.push_back({{}, true});
    return *this;
}

Params& Params::addBytes(std::span<const std::uint8_t> bytes)
{
    values_.push_back({{}, false, bytes, true});
    return *this;
}

void Params::view(std::vector<const char*>& values, std::vector<int>& lengths,
                  std::vector<int>& formats) const
{
    values.clear();
    lengths.clear();
    formats.clear();
    for (const Value& value : values_)
    {
        if (value.null)
            values.push_back(nullptr);
        else if (value.binary)
            values.push_back(
                value.bytes.empty() ? "" : reinterpret_cast<const char*>(value.bytes.data()));
        else
            values.push_back(value.text.c_str());
        lengths.push_back(value.binary ? static_cast<int>(value.bytes.size())
                                       : static_cast<int>(value.text.size()));
        formats.push_back(value.binary ? 1 : 0);
    }
}

// ------------------------------------------------------------------------- Result

void Result::clear(pg_result* result)
{
    if (result != nullptr)
        libpq().PQclear(result);
}

int Result::rows() const
{
    return result_ ? libpq().PQntuples(result_.get()) : 0;
}

bool Result::isNull(int row, int column) const
{
    return libpq().PQgetisnull(result_.get(), row, column) != 0;
}

std::string_view Result::textView(int row, int column) const
{
    return {libpq().PQgetvalue(result_.get(), row, column),
            static_cast<std::size_t>(libpq().PQgetlength(result_.get(), row, column))};
}

std::int64_t Result::int64(int row, int column) const
{
    const std::string_view text = textView(row, column);
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

double Result::real(int row, int column) const
{
    const std::string_view text = textView(row, column);
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

bool Result::boolean(int row, int column) const
{
    const std::string_view text = textView(row, column);
    return !text.empty() && text[0] == 't';
}

std::vector<std::uint8_t> Result::bytes(int row, int column) const
{
    if (libpq().PQfformat(result_.get(), column) == 1)
    {
        const auto* data =
            reinterpret_cast<const std::uint8_t*>(libpq().PQgetvalue(result_.get(), row, column));
        return {data, data + libpq().PQgetlength(result_.get(), row, column)};
    }
    std::size_t length = 0;
    unsigned char* data = libpq().PQunescapeBytea(
        reinterpret_cast<const unsigned char*>(libpq().PQgetvalue(result_.get(), row, column)),
        &length);
    if (data == nullptr)
        throw std::bad_alloc();
    std::vector<std::uint8_t> out(data, data + length);
    libpq().PQfreemem(data);
    return out;
}

std::int64_t Result::affected() const
{
    const char* count = libpq().PQcmdTuples(result_.get());
    std::int64_t value = 0;
    std::from_chars(count, count + std::strlen(count), value);
    return value;
}

// ------------------------------------------------------------------------- Connection

Connection::Connection(const std::string& conninfo, std::string location)
    : location_(std::move(location))
{
    std::string info = conninfo;
    // A server that does not answer must not hold the office for libpq's default (forever).
    if (info.find("connect_timeout") == std::string::npos)
        info += " connect_timeout=3";
    conn_ = libpq().PQconnectdb(info.c_str());
    if (conn_ == nullptr)
        throw std::bad_alloc();
    if (libpq().PQstatus(conn_) != CONNECTION_OK)
    {
        const std::string message = trimmed(libpq().PQerrorMessage(conn_));
        const char* user = libpq().PQuser(conn_);
        const std::string login = user != nullptr ? user : "";
        libpq().PQfinish(conn_);
        conn_ = nullptr;
        // The server's words for a refused login (its messages are in English whatever the
        // server's locale for these: lc_messages applies after the login).
        const bool loginRefused = message.find("authentication failed") != std::string::npos ||
                                  message.find("no password supplied") != std::string::npos ||
                                  message.find("no pg_hba.conf entry") != std::string::npos ||
                                  (message.find("does not exist") != std::string::npos &&
                                   message.find("role") != std::string::npos);
        if (loginRefused)
            throw LoginRefused(location_, login, message);
        const bool denied = message.find("permission denied") != std::string::npos;
        throw StoreError(denied ? StoreError::Kind::PermissionDenied : StoreError::Kind::CannotOpen,
                         location_, message, StoreError::Where::Server);
    }
    // Notices (e.g. "relation already exists, skipping") are not the user's business.
    libpq().PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    run("SET client_encoding = 'UTF8'; SET datestyle = 'ISO'; SET extra_float_digits = 3");
}

Connection::~Connection()
{
    if (conn_ != nullptr)
        libpq().PQfinish(conn_);
}

bool Connection::ok() const
{
    return conn_ != nullptr && libpq().PQstatus(conn_) == CONNECTION_OK;
}

void Connection::forgetPrepared()
{
    if (!prepared_.empty())
        run("DEALLOCATE ALL");
    prepared_.clear();
}

void Connection::reconnect()
{
    prepared_.clear();
    libpq().PQreset(conn_);
    if (libpq().PQstatus(conn_) != CONNECTION_OK)
        throw StoreError(StoreError::Kind::CannotOpen, location_,
                         trimmed(libpq().PQerrorMessage(conn_)), StoreError::Where::Server);
    run("SET client_encoding = 'UTF8'; SET datestyle = 'ISO'; SET extra_float_digits = 3");
}

void Connection::fail(pg_result* result, std::string_view context)
{
    const char* state =
        result != nullptr ? libpq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string stateText = state != nullptr ? state : "";
    std::string message =
        trimmed(result != nullptr ? libpq().PQresultErrorMessage(result) : nullptr);
    if (message.empty())
        message = trimmed(libpq().PQerrorMessage(conn_));
    if (result != nullptr)
        libpq().PQclear(result);
    if (!context.empty())
        message = std::string(context) + ": " + message;
    throwError(stateText, location_, message);
}

Result Connection::exec(std::string_view sql, const Params& params, bool binaryResult)
{
    auto found = prepared_.find(sql);
    if (found == prepared_.end())
    {
        const std::string name = "s" + std::to_string(nextStatement_++);
        pg_result* prepared =
            libpq().PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr);
        if (prepared == nullptr || libpq().PQresultStatus(prepared) != PGRES_COMMAND_OK)
            fail(prepared, "");
        libpq().PQclear(prepared);
        found = prepared_.emplace(std::string(sql), name).first;
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    params.view(values, lengths, formats);
    pg_result* result =
        libpq().PQexecPrepared(conn_, found->second.c_str(), static_cast<int>(values.size()),
                               values.data(), lengths.data(), formats.data(), binaryResult ? 1 : 0);
    const auto status = result != nullptr ? libpq().PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        fail(result, "");
    return Result(result);
}

Result Connection::execUnprepared(std::string_view sql, const Params& params)
{
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    params.view(values, lengths, formats);
    pg_result* result =
        libpq().PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(values.size()),
                             nullptr, values.data(), lengths.data(), formats.data(), 0);
    const auto status = result != nullptr ? libpq().PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        fail(result, "");
    return Result(result);
}

void Connection::run(std::string_view sql)
{
    pg_result* result = libpq().PQexec(conn_, std::string(sql).c_str());
    const auto status = result != nullptr ? libpq().PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        fail(result, "");
    libpq().PQclear(result);
}

std::int64_t Connection::scalar(std::string_view sql, const Params& params)
{
    const Result result = exec(sql, params);
    if (result.empty() || result.isNull(0, 0))
        return 0;
    return result.int64(0, 0);
}

void Connection::copyField(std::string& out, std::string_view value)
{
    for (char c : value)
        switch (c)
        {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
}

void Connection::copyInBinary(std::string_view copySql,
                              const std::function<bool(std::string&)>& fill)
{
    // The signature, no flags, no header extension; after the rows, a field count of -1.
    static constexpr std::string_view kHeader("PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0", 19);
    bool first = true;
    copyIn(copySql,
           [&](std::string& out)
           {
               if (first)
                   out += kHeader;
               first = false;
               const bool more = fill(out);
               if (!more)
                   appendBigEndian(out, std::int16_t{-1});
               return more;
           });
}

void Connection::copyIn(std::string_view copySql, const std::function<bool(std::string&)>& fill)
{
    pg_result* start = libpq().PQexec(conn_, std::string(copySql).c_str());
    if (start == nullptr || libpq().PQresultStatus(start) != PGRES_COPY_IN)
        fail(start, "");
    libpq().PQclear(start);
    std::string buffer;
    buffer.reserve(kCopyChunk + 4096);
    bool more = true;
    const auto send = [this, &buffer]
    {
        if (!buffer.empty() &&
            libpq().PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1)
            return false;
        buffer.clear();
        return true;
    };
    bool sent = true;
    try
    {
        while (more && sent)
        {
            more = fill(buffer);
            if (buffer.size() >= kCopyChunk || !more)
                sent = send();
        }
    }
    catch (...)
    {
        libpq().PQputCopyEnd(conn_, "aborted by the client");
        while (pg_result* rest = libpq().PQgetResult(conn_))
            libpq().PQclear(rest);
        throw;
    }
    if (!sent || libpq().PQputCopyEnd(conn_, nullptr) != 1)
        fail(nullptr, "copy");
    pg_result* end = libpq().PQgetResult(conn_);
    const auto status = end != nullptr ? libpq().PQresultStatus(end) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK)
    {
        while (pg_result* rest = libpq().PQgetResult(conn_))
            libpq().PQclear(rest);
        fail(end, "");
    }
    libpq().PQclear(end);
    while (pg_result* rest = libpq().PQgetResult(conn_))
        libpq().PQclear(rest);
}

// ------------------------------------------------------------------------- parameters

std::string bigintArray(std::span<const std::int64_t> values)
{
    std::string array = "{";
    for (std::int64_t value : values)
    {
        if (array.size() > 1)
            array += ',';
        array += std::to_string(value);
    }
    return array + "}";
}

// ------------------------------------------------------------------------- Transaction

Transaction::Transaction(Connection& db, std::string_view begin) : db_(db)
{
    db_.run(begin);
}

Transaction::~Transaction()
{
    if (!open_)
        return;
    // Never throws: a connection gone rolls back by itself on the server.
    if (pg_result* result = libpq().PQexec(db_.handle(), "ROLLBACK"))
        libpq().PQclear(result);
}

void Transaction::commit()
{
    open_ = false;
    db_.run("COMMIT");
}

} // namespace clientes::pg
