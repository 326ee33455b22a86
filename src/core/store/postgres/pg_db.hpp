#pragma once

// Thin RAII layer over libpq for the PostgreSQL store; internal to store/postgres (the only
// folder that includes libpq-fe.h). Statements are prepared once per connection and kept by
// their SQL text; parameters travel as text ($1, $2, …), bytes (bytea) as binary.

#include "core/store/errors.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace clientes::pg
{

// A failure the unit of work may be run again after: a serialization failure (40001) or a
// deadlock (40P01). The store's units retry; nothing else catches it.
struct RetryableError : StoreError
{
    using StoreError::StoreError;
};

// The one place where SQLSTATEs become StoreError kinds. `state` may be empty (no server
// answer: the connection is gone).
[[noreturn]] void throwError(std::string_view state, const std::string& location,
                             const std::string& message);

// Parameters of one statement, in order ($1 first).
class Params
{
public:
    Params& add(std::int64_t value);
    Params& add(std::string_view value);
    Params& add(const std::string& value) { return add(std::string_view(value)); }
    Params& add(const char* value) { return add(std::string_view(value)); }
    Params& add(bool value);
    Params& addReal(double value);
    Params& addNull();
    // bytea, sent as binary; the bytes must outlive the call.
    Params& addBytes(std::span<const std::uint8_t> bytes);
    template <typename T> Params& addOptional(const std::optional<T>& value)
    {
        return value ? add(*value) : addNull();
    }

    std::size_t size() const { return values_.size(); }
    // For libpq: pointers into the values, lengths and formats.
    void view(std::vector<const char*>& values, std::vector<int>& lengths,
              std::vector<int>& formats) const;

private:
    struct Value
    {
        std::string text;
        bool null = false;
        std::span<const std::uint8_t> bytes = {};
        bool binary = false;
    };
    std::vector<Value> values_;
};

// A result set, owned.
class Result
{
public:
    Result() = default;
    explicit Result(pg_result* result) : result_(result, &clear) {}

    int rows() const;
    bool empty() const { return rows() == 0; }
    bool isNull(int row, int column) const;
    std::string_view textView(int row, int column) const;
    std::string text(int row, int column) const { return std::string(textView(row, column)); }
    std::int64_t int64(int row, int column) const;
    double real(int row, int column) const;
    bool boolean(int row, int column) const;
    // A bytea column (text hex format, or binary when the query asked for it).
    std::vector<std::uint8_t> bytes(int row, int column) const;
    // The number of rows an INSERT / UPDATE / DELETE changed.
    std::int64_t affected() const;

private:
    static void clear(pg_result* result);
    std::unique_ptr<pg_result, void (*)(pg_result*)> result_{nullptr, &clear};
};

class Connection
{
public:
    // Connects (libpq connection string, with connect_timeout added when it has none);
    // `location` names the server and database for messages. Throws StoreError.
    Connection(const std::string& conninfo, std::string location);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    pg_conn* handle() const { return conn_; }
    const std::string& location() const { return location_; }

    // A statement with parameters, prepared on first use (kept by its text). Throws
    // StoreError (RetryableError for serialization failures and deadlocks).
    Result exec(std::string_view sql, const Params& params = {}, bool binaryResult = false);
    // A statement with parameters, not kept: planned for these values each time (a search
    // whose shape follows the query, or whose best plan depends on how many rows match).
    Result execUnprepared(std::string_view sql, const Params& params = {});
    // One-off SQL without parameters (may hold several statements: schema, SET, BEGIN).
    void run(std::string_view sql);
    // The first column of the first row as an integer (0 when no row or NULL).
    std::int64_t scalar(std::string_view sql, const Params& params = {});

    // COPY … FROM STDIN in text format: `fill` appends rows to the buffer (tab-separated
    // fields, escaped with copyField, "\n" after each) and returns false when done; sent in
    // chunks as it grows.
    void copyIn(std::string_view copySql, const std::function<bool(std::string&)>& fill);
    // Appends `value` escaped for COPY's text format.
    static void copyField(std::string& out, std::string_view value);
    // COPY … FROM STDIN (FORMAT binary): `fill` appends rows (BinaryRow), returns false when
    // done. The server parses nothing (a search document in text costs it more than its row).
    void copyInBinary(std::string_view copySql, const std::function<bool(std::string&)>& fill);

    // Whether the connection is still usable (no fatal error seen).
    bool ok() const;
    // Drops every prepared statement kept (after a schema change).
    void forgetPrepared();
    // After the connection broke: connects again (statements are prepared anew). Throws
    // StoreError when the server still does not answer.
    void reconnect();

private:
    [[noreturn]] void fail(pg_result* result, std::string_view context);

    pg_conn* conn_ = nullptr;
    std::string location_;
    std::map<std::string, std::string, std::less<>> prepared_; // SQL → statement name
    std::size_t nextStatement_ = 1;
};

// ------------------------------------------------------------------------- parameters

// A text[] parameter in the array literal syntax, `text(value)` giving each element: every
// element quoted, so that commas, braces, spaces and "NULL" stay text.
template <typename Values, typename Text> std::string textArray(const Values& values, Text text)
{
    std::string array = "{";
    for (const auto& value : values)
    {
        if (array.size() > 1)
            array += ',';
        array += '"';
        for (char c : std::string_view(text(value)))
        {
            if (c == '"' || c == '\\')
                array += '\\';
            array += c;
        }
        array += '"';
    }
    return array + "}";
}

inline std::string textArray(const std::vector<std::string>& values)
{
    return textArray(values, [](const std::string& value) -> const std::string& { return value; });
}

// A bigint[] parameter in the array literal syntax.
std::string bigintArray(std::span<const std::int64_t> values);

// One row of COPY's text format: fields in the table's column order, then end().
class CopyRow
{
public:
    explicit CopyRow(std::string& out) : out_(out) {}
    CopyRow& add(std::int64_t value)
    {
        separate();
        out_ += std::to_string(value);
        return *this;
    }
    CopyRow& add(std::string_view value)
    {
        separate();
        Connection::copyField(out_, value);
        return *this;
    }
    CopyRow& add(bool value)
    {
        separate();
        out_ += value ? 't' : 'f';
        return *this;
    }
    CopyRow& add(const std::string& value) { return add(std::string_view(value)); }
    CopyRow& add(const char* value) { return add(std::string_view(value)); }
    CopyRow& addNull()
    {
        separate();
        out_ += "\\N";
        return *this;
    }
    void end() { out_ += '\n'; }

private:
    void separate()
    {
        if (!first_)
            out_ += '\t';
        first_ = false;
    }
    std::string& out_;
    bool first_ = true;
};

// Integers in network byte order, as the binary formats of COPY and of types want them.
template <typename Int> void appendBigEndian(std::string& out, Int value)
{
    for (int shift = static_cast<int>(sizeof(Int) * 8) - 8; shift >= 0; shift -= 8)
        out += static_cast<char>((static_cast<std::uint64_t>(value) >> shift) & 0xFF);
}

// One row of COPY's binary format: every field of the COPY's column list, in order.
class BinaryRow
{
public:
    BinaryRow(std::string& out, std::int16_t fields) : out_(out) { appendBigEndian(out_, fields); }
    BinaryRow& add(std::int64_t value)
    {
        appendBigEndian(out_, std::int32_t{8});
        appendBigEndian(out_, value);
        return *this;
    }
    BinaryRow& addInt4(std::int32_t value)
    {
        appendBigEndian(out_, std::int32_t{4});
        appendBigEndian(out_, value);
        return *this;
    }
    BinaryRow& add(bool value)
    {
        appendBigEndian(out_, std::int32_t{1});
        out_ += value ? '\1' : '\0';
        return *this;
    }
    // A text field, or any value already in its type's binary form.
    BinaryRow& add(std::string_view bytes)
    {
        appendBigEndian(out_, static_cast<std::int32_t>(bytes.size()));
        out_ += bytes;
        return *this;
    }
    BinaryRow& add(const std::string& bytes) { return add(std::string_view(bytes)); }
    BinaryRow& add(const char* bytes) { return add(std::string_view(bytes)); }
    BinaryRow& addNull()
    {
        appendBigEndian(out_, std::int32_t{-1});
        return *this;
    }

private:
    std::string& out_;
};

// BEGIN … COMMIT, rolled back unless commit() was reached.
class Transaction
{
public:
    Transaction(Connection& db, std::string_view begin);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& db_;
    bool open_ = true;
};

} // namespace clientes::pg
