// Clients and invoices written straight to a CSV file, never through Calc: the columns of the
// sheet exports (export_shape.hpp), RFC 4180 quoting, a chosen encoding, and text cells that
// a spreadsheet would take for a formula neutralised as OWASP recommends ("CSV injection":
// a leading = + - @, tab or CR gets a single quote in front and the cell is quoted). The file
// is written to a temporary file beside the target and renamed over it once complete.
#pragma once

#include "core/register/register.hpp"
#include "core/text/texts.hpp"
#include "core/transfer/export_shape.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes
{

enum class CsvEncoding
{
    Utf8,
    Utf8Bom, // UTF-8 with a byte order mark (what Excel needs to read UTF-8)
    Windows1252,
    Latin1, // ISO-8859-1
    Latin9  // ISO-8859-15 (Latin-1 with €, Š, š, Ž, ž, Œ, œ, Ÿ)
};

// "UTF-8", "UTF-8-BOM", "Windows-1252", "ISO-8859-1", "ISO-8859-15" (any case; also "UTF8",
// "UTF-8 BOM", "CP1252", "Latin1", "Latin9"…); nullopt for anything else.
std::optional<CsvEncoding> csvEncodingFromName(std::string_view name);
std::string_view csvEncodingName(CsvEncoding encoding);

struct CsvOptions
{
    char separator = ','; // see isCsvSeparator
    char decimalSeparator = '.';
    CsvEncoding encoding = CsvEncoding::Utf8;
    bool neutralize = true; // OWASP's neutralisation of formula-like text cells
};

// Separators a CSV file may use: , ; : | and tab.
bool isCsvSeparator(char separator);
// The separator of a locale: ';' where the decimal separator is a comma (a ',' would split
// every amount), ',' otherwise.
char csvSeparatorFor(char decimalSeparator);

// Text a spreadsheet may read as a formula: starting with = + - @, tab, CR or LF, or with
// white space and then = + - @ (" =1+1").
bool needsNeutralizing(std::string_view text);
// One field as RFC 4180 writes it: quoted (quotes doubled) when it holds the separator, a
// quote, CR or LF, or starts or ends with white space; with `neutralize`, formula-like text
// gets a single quote in front and is always quoted ("=1+1" → "'=1+1" in quotes).
std::string csvField(std::string_view text, char separator, bool neutralize);

// A character the chosen encoding cannot write.
struct CsvUnencodable
{
    std::size_t line = 0;   // 1-based line of the file (the header is line 1)
    std::size_t column = 0; // 0-based
    char32_t character = 0;
};

// Lines of a CSV file, encoded as they are written; `sink` receives the bytes in blocks
// (at most about 64 KB are held).
class CsvWriter
{
public:
    CsvWriter(CsvOptions options, std::function<void(std::string_view bytes)> sink);

    void text(std::string_view utf8);
    // A number written by formatMinorUnits or similar ("-1234.50"): with the decimal
    // separator of the options, never neutralised (it is a number).
    void number(std::string_view decimal);
    // An ISO date ("2024-05-01") or date and time ("2024-05-01T10:20:30.123Z" →
    // "2024-05-01 10:20:30"): readable by spreadsheets in every locale.
    void date(std::string_view iso);
    void cell(CellKind kind, std::string_view text);
    void endLine();
    // Hands what is left to the sink.
    void flush();

    std::size_t lines() const { return m_line - 1; }
    // The first characters the encoding could not write (at most 10) and how many in all;
    // they were written as '?'.
    const std::vector<CsvUnencodable>& unencodable() const { return m_unencodable; }
    std::size_t unencodableCount() const { return m_unencodableCount; }

private:
    void field(const std::string& utf8);
    void append(std::string_view utf8);

    CsvOptions m_options;
    std::function<void(std::string_view)> m_sink;
    std::string m_bytes;
    std::size_t m_line = 1;
    std::size_t m_column = 0;
    std::vector<CsvUnencodable> m_unencodable;
    std::size_t m_unencodableCount = 0;
};

// A CSV export refused or failed; `what()` is a sentence for the user, in the language asked.
class CsvError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Writes lines to `target` atomically: a temporary file in the same folder, flushed to disk and
// renamed over the target once `lines` has written everything; nothing is left behind when
// anything fails. The header line comes first. Throws CsvError when a character does not fit
// the encoding (naming the first one, its line and column; nothing is written) or the file
// cannot be written. Only a regular file is replaced (a symbolic link is followed), never the
// files of the register `registerFile` (its -wal, -shm, -journal and copies named after it
// beside it). Returns the lines written after the header.
std::size_t writeCsvFile(const std::filesystem::path& target, const CsvOptions& options,
                         Language language, const std::vector<std::string>& headers,
                         const std::function<void(CsvWriter&)>& lines,
                         const std::filesystem::path& registerFile = {});

// Which clients: as the sheet export (all, a search query or the given codes).
struct ClientCsvSelection
{
    std::string query;
    std::vector<std::string> codes;
    bool includeArchived = false;
};

// The client list as exportClients shapes it (shapeClientList's columns), and the invoice list
// as exportInvoices shapes it (its rows; the totals block is for sheets only). The clients of
// the whole register are streamed from the store, never all held. Return the rows written.
std::size_t exportClientsCsv(Register& store, const ClientCsvSelection& selection,
                             const std::filesystem::path& target, const CsvOptions& options,
                             Language language);
std::size_t exportInvoicesCsv(Register& store, const InvoiceFilter& filter,
                              const std::filesystem::path& target, const CsvOptions& options,
                              Language language);

// The CSV export's own texts are TextKey::Csv… (core/text/texts.hpp).

} // namespace clientes
