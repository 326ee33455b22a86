#include "core/transfer/csv_export.hpp"

#include "core/files/safe_files.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <span>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace clientes
{

namespace
{

// Bytes held before they go to the sink.
constexpr std::size_t kFlushAt = 64 * 1024;
constexpr std::size_t kMaxReported = 10;

// Windows-1252's bytes 0x80-0x9F (0: not defined).
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// ISO-8859-15's changes to ISO-8859-1: byte, character.
constexpr std::array<std::pair<unsigned char, char16_t>, 8> kLatin9 = {{{0xA4, 0x20AC},
                                                                        {0xA6, 0x0160},
                                                                        {0xA8, 0x0161},
                                                                        {0xB4, 0x017D},
                                                                        {0xB8, 0x017E},
                                                                        {0xBC, 0x0152},
                                                                        {0xBD, 0x0153},
                                                                        {0xBE, 0x0178}}};

// The byte of a character in a single-byte encoding; -1 when it has none.
int singleByte(char32_t cp, CsvEncoding encoding)
{
    if (cp < 0x80)
        return static_cast<int>(cp);
    switch (encoding)
    {
    case CsvEncoding::Windows1252:
        if (cp >= 0xA0 && cp <= 0xFF)
            return static_cast<int>(cp);
        for (std::size_t i = 0; i < kWindows1252High.size(); ++i)
            if (kWindows1252High[i] != 0 && kWindows1252High[i] == cp)
                return static_cast<int>(0x80 + i);
        return -1;
    case CsvEncoding::Latin1:
        return cp <= 0xFF ? static_cast<int>(cp) : -1;
    case CsvEncoding::Latin9:
        for (const auto& [byte, character] : kLatin9)
        {
            if (character == cp)
                return byte;
            if (byte == cp)
                return -1; // the Latin-1 character this byte no longer holds
        }
        return cp <= 0xFF ? static_cast<int>(cp) : -1;
    case CsvEncoding::Utf8:
    case CsvEncoding::Utf8Bom:
        break;
    }
    return -1;
}

bool formulaStart(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@';
}

std::string asciiLowerNoSpaces(std::string_view text)
{
    std::string out;
    for (char c : text)
    {
        if (c == ' ' || c == '_' || c == '-')
            continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

// "U+00E9".
std::string codePointName(char32_t cp)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

// An errno as a reason for the user.
std::string reasonOf(int error, Language language)
{
    switch (error)
    {
    case ENOSPC:
    case EDQUOT:
        return text(TextKey::CsvNoSpace, language);
    case EACCES:
    case EPERM:
        return text(TextKey::CsvNoPermission, language);
    case ENOENT:
    case ENOTDIR:
        return text(TextKey::CsvNoFolder, language);
    case EISDIR:
        return text(TextKey::CsvIsFolder, language);
    case EROFS:
        return text(TextKey::CsvReadOnlyDisk, language);
    default:
        return std::strerror(error);
    }
}

// A file written beside its target and renamed over it by commit(); removed when not committed.
class AtomicFile
{
public:
    AtomicFile(std::filesystem::path target, Language language,
               const std::filesystem::path& registerFile)
        : m_target(std::move(target)), m_language(language)
    {
        // A symbolic link is followed: the file it names is replaced, not the link. Only a
        // regular file is ever replaced (never /dev/null, a FIFO or a folder).
        std::error_code error;
        if (std::filesystem::is_symlink(m_target, error))
        {
            const std::filesystem::path resolved =
                std::filesystem::weakly_canonical(m_target, error);
            if (!error)
                m_target = resolved;
        }
        const std::filesystem::file_status status = std::filesystem::status(m_target, error);
        if (std::filesystem::is_directory(status))
            fail(EISDIR);
        if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
            failWith(text(TextKey::CsvNotAFile, m_language));
        if (isRegisterFile(m_target, registerFile))
            failWith(text(TextKey::CsvRegisterFile, m_language));
        static std::atomic<unsigned> counter{0};
        const std::filesystem::path folder =
            m_target.has_parent_path() ? m_target.parent_path() : std::filesystem::path(".");
        m_temporary = folder / ("." + m_target.filename().string() + ".tmp-" +
                                std::to_string(::getpid()) + "-" + std::to_string(++counter));
        m_fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_fd < 0)
            fail(errno);
    }
    ~AtomicFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_committed)
            ::unlink(m_temporary.c_str());
    }
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes)
    {
        while (!bytes.empty())
        {
            const ssize_t written = ::write(m_fd, bytes.data(), bytes.size());
            if (written < 0)
            {
                if (errno == EINTR)
                    continue;
                fail(errno);
            }
            bytes.remove_prefix(static_cast<std::size_t>(written));
        }
    }

    void commit()
    {
        // An existing target keeps its permissions.
        struct stat existing
        {
        };
        if (::stat(m_target.c_str(), &existing) == 0)
            ::fchmod(m_fd, existing.st_mode & 07777);
        if (::fsync(m_fd) != 0)
            fail(errno);
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0)
            fail(errno);
        if (::rename(m_temporary.c_str(), m_target.c_str()) != 0)
            fail(errno);
        m_committed = true;
        // The rename itself reaches the disk with the folder.
        const std::filesystem::path folder =
            m_target.has_parent_path() ? m_target.parent_path() : std::filesystem::path(".");
        const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0)
        {
            ::fsync(dir);
            ::close(dir);
        }
    }

private:
    [[noreturn]] void fail(int error) const { failWith(reasonOf(error, m_language)); }
    [[noreturn]] void failWith(const std::string& reason) const
    {
        throw CsvError(text(TextKey::CsvCannotWrite, m_language,
                            {{"file", m_target.filename().string()}, {"reason", reason}}));
    }

    std::filesystem::path m_target;
    Language m_language;
    std::filesystem::path m_temporary;
    int m_fd = -1;
    bool m_committed = false;
};

void visitCells(CsvWriter& writer, const Client& client)
{
    visitClientRow(client, [&writer](CellKind kind, std::string_view text, double)
                   { writer.cell(kind, text); });
    writer.endLine();
}

} // namespace

std::optional<CsvEncoding> csvEncodingFromName(std::string_view name)
{
    const std::string key = asciiLowerNoSpaces(name);
    if (key == "utf8")
        return CsvEncoding::Utf8;
    if (key == "utf8bom" || key == "utf8withbom")
        return CsvEncoding::Utf8Bom;
    if (key == "windows1252" || key == "cp1252")
        return CsvEncoding::Windows1252;
    if (key == "iso88591" || key == "latin1")
        return CsvEncoding::Latin1;
    if (key == "iso885915" || key == "latin9")
        return CsvEncoding::Latin9;
    return std::nullopt;
}

std::string_view csvEncodingName(CsvEncoding encoding)
{
    switch (encoding)
    {
    case CsvEncoding::Utf8:
        return "UTF-8";
    case CsvEncoding::Utf8Bom:
        return "UTF-8-BOM";
    case CsvEncoding::Windows1252:
        return "Windows-1252";
    case CsvEncoding::Latin1:
        return "ISO-8859-1";
    case CsvEncoding::Latin9:
        return "ISO-8859-15";
    }
    return "UTF-8";
}

bool isCsvSeparator(char separator)
{
    return separator == ',' || separator == ';' || separator == ':' || separator == '|' ||
           separator == '\t';
}

char csvSeparatorFor(char decimalSeparator)
{
    return decimalSeparator == ',' ? ';' : ',';
}

bool needsNeutralizing(std::string_view text)
{
    if (text.empty())
        return false;
    const char first = text.front();
    if (formulaStart(first) || first == '\t' || first == '\r' || first == '\n')
        return true;
    // White space, then a formula: a reader that trims would see the formula.
    std::size_t pos = 0;
    while (pos < text.size())
    {
        std::size_t next = pos;
        const char32_t cp = utf8::next(text, next);
        if (cp == utf8::kInvalid || !utf8::isSpace(cp))
            break;
        pos = next;
    }
    return pos > 0 && pos < text.size() && formulaStart(text[pos]);
}

std::string csvField(std::string_view text, char separator, bool neutralize)
{
    const bool neutralized = neutralize && needsNeutralizing(text);
    bool quote = neutralized || text.find_first_of("\"\r\n") != std::string_view::npos ||
                 text.find(separator) != std::string_view::npos;
    if (!quote && !text.empty())
    {
        const auto space = [](char c) { return c == ' ' || c == '\t'; };
        quote = space(text.front()) || space(text.back());
    }
    if (!quote)
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 4);
    out += '"';
    if (neutralized)
        out += '\'';
    for (char c : text)
    {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

CsvWriter::CsvWriter(CsvOptions options, std::function<void(std::string_view)> sink)
    : m_options(options), m_sink(std::move(sink))
{
    if (m_options.encoding == CsvEncoding::Utf8Bom)
        m_bytes = "\xEF\xBB\xBF";
}

void CsvWriter::append(std::string_view utf8)
{
    if (m_options.encoding == CsvEncoding::Utf8 || m_options.encoding == CsvEncoding::Utf8Bom ||
        std::all_of(utf8.begin(), utf8.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    {
        m_bytes.append(utf8);
        return;
    }
    for (std::size_t pos = 0; pos < utf8.size();)
    {
        const char32_t cp = utf8::next(utf8, pos);
        const int byte = cp == utf8::kInvalid ? -1 : singleByte(cp, m_options.encoding);
        if (byte >= 0)
        {
            m_bytes += static_cast<char>(byte);
            continue;
        }
        m_bytes += '?';
        if (m_unencodable.size() < kMaxReported)
            m_unencodable.push_back({m_line, m_column, cp == utf8::kInvalid ? 0xFFFD : cp});
        ++m_unencodableCount;
    }
}

void CsvWriter::field(const std::string& utf8)
{
    if (m_column > 0)
        m_bytes += m_options.separator;
    append(utf8);
    ++m_column;
}

void CsvWriter::text(std::string_view utf8)
{
    field(csvField(utf8, m_options.separator, m_options.neutralize));
}

void CsvWriter::number(std::string_view decimal)
{
    std::string text(decimal);
    std::replace(text.begin(), text.end(), '.', m_options.decimalSeparator);
    field(csvField(text, m_options.separator, false));
}

void CsvWriter::date(std::string_view iso)
{
    // "YYYY-MM-DD" and, for date-times, " HH:MM:SS".
    std::string text(iso.substr(0, 10));
    if (iso.size() >= 19 && iso[10] == 'T')
    {
        text += ' ';
        text += iso.substr(11, 8);
    }
    field(csvField(text, m_options.separator, false));
}

void CsvWriter::cell(CellKind kind, std::string_view text)
{
    switch (kind)
    {
    case CellKind::Number:
        number(text);
        break;
    case CellKind::Date:
        date(text);
        break;
    case CellKind::Text:
    case CellKind::Formula: // none in lists; written as text, never as a live formula
        this->text(text);
        break;
    }
}

void CsvWriter::endLine()
{
    m_bytes += "\r\n"; // RFC 4180
    ++m_line;
    m_column = 0;
    if (m_bytes.size() >= kFlushAt)
        flush();
}

void CsvWriter::flush()
{
    if (!m_bytes.empty() && m_sink)
        m_sink(m_bytes);
    m_bytes.clear();
}

std::size_t writeCsvFile(const std::filesystem::path& target, const CsvOptions& options,
                         Language language, const std::vector<std::string>& headers,
                         const std::function<void(CsvWriter&)>& lines,
                         const std::filesystem::path& registerFile)
{
    AtomicFile file(target, language, registerFile);
    CsvWriter writer(options, [&file](std::string_view bytes) { file.write(bytes); });
    for (const std::string& header : headers)
        writer.text(header);
    writer.endLine();
    lines(writer);
    writer.flush();
    if (writer.unencodableCount() > 0)
    {
        const CsvUnencodable& first = writer.unencodable().front();
        std::string character;
        utf8::append(character, first.character);
        throw CsvError(
            text(TextKey::CsvUnencodable, language,
                 {{"character", character},
                  {"code", codePointName(first.character)},
                  {"line", std::to_string(first.line)},
                  {"column", first.column < headers.size() ? headers[first.column]
                                                           : std::to_string(first.column + 1)},
                  {"encoding", std::string(csvEncodingName(options.encoding))},
                  {"count", std::to_string(writer.unencodableCount())}}));
    }
    file.commit();
    return writer.lines() - 1;
}

std::size_t exportClientsCsv(Register& store, const ClientCsvSelection& selection,
                             const std::filesystem::path& target, const CsvOptions& options,
                             Language language)
{
    const std::vector<std::string> headers = shapeClientList({}, language).headers;
    return writeCsvFile(
        target, options, language, headers,
        [&](CsvWriter& writer)
        {
            if (selection.query.empty() && selection.codes.empty())
            {
                // The whole register, streamed: never all in memory.
                store.forEachClientInListOrder(
                    selection.includeArchived, [](std::size_t) {},
                    [&](Client&& client) { visitCells(writer, client); });
                return;
            }
            for (const Client& client : store.clientsForExport(selection.query, selection.codes,
                                                               selection.includeArchived))
                visitCells(writer, client);
        },
        store.path());
}

std::size_t exportInvoicesCsv(Register& store, const InvoiceFilter& filter,
                              const std::filesystem::path& target, const CsvOptions& options,
                              Language language)
{
    const InvoiceListSheet list = shapeInvoiceList(store.invoiceList(filter), language);
    return writeCsvFile(
        target, options, language, list.sheet.headers,
        [&](CsvWriter& writer)
        {
            for (const std::vector<ExportCell>& row : list.sheet.rows)
            {
                for (const ExportCell& cell : row)
                    writer.cell(cell.kind, cell.text);
                writer.endLine();
            }
        },
        store.path());
}

} // namespace clientes
