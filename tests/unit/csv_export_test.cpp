// CSV export: OWASP neutralisation of formula-like text, RFC 4180 quoting, the encodings
// (checked byte for byte against glibc's iconv), atomic files, and the client and invoice
// lists read back.
#include "core/transfer/csv_export.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iconv.h>
#include <sstream>

namespace clientes
{
namespace
{
std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// RFC 4180 lines read back (quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> parseCsv(std::string_view text, char separator)
{
    std::vector<std::vector<std::string>> lines(1);
    std::string field;
    bool quoted = false;
    bool wasQuoted = false;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else if (c == '"')
                quoted = false;
            else
                field += c;
        }
        else if (c == '"')
            quoted = wasQuoted = true;
        else if (c == separator)
        {
            lines.back().push_back(std::move(field));
            field.clear();
            wasQuoted = false;
        }
        else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
        {
            ++i;
            lines.back().push_back(std::move(field));
            field.clear();
            wasQuoted = false;
            lines.emplace_back();
        }
        else
            field += c;
    }
    if (!field.empty() || wasQuoted || !lines.back().empty())
        lines.back().push_back(field);
    if (lines.back().empty())
        lines.pop_back();
    return lines;
}

std::string encodedWithIconv(char32_t cp, const char* encoding, bool& ok)
{
    std::string utf8;
    if (cp < 0x80)
        utf8 += static_cast<char>(cp);
    else if (cp < 0x800)
    {
        utf8 += static_cast<char>(0xC0 | (cp >> 6));
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else
    {
        utf8 += static_cast<char>(0xE0 | (cp >> 12));
        utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    }
    iconv_t converter = iconv_open(encoding, "UTF-8");
    char out[8] = {};
    char* in = utf8.data();
    std::size_t inLeft = utf8.size();
    char* outPtr = out;
    std::size_t outLeft = sizeof out;
    ok = iconv(converter, &in, &inLeft, &outPtr, &outLeft) != static_cast<std::size_t>(-1);
    iconv_close(converter);
    return std::string(out, sizeof out - outLeft);
}

std::string written(const CsvOptions& options, const std::function<void(CsvWriter&)>& lines,
                    std::size_t* unencodable = nullptr)
{
    std::string bytes;
    CsvWriter writer(options, [&bytes](std::string_view part) { bytes.append(part); });
    lines(writer);
    writer.flush();
    if (unencodable != nullptr)
        *unencodable = writer.unencodableCount();
    return bytes;
}
} // namespace

TEST(CsvExport, NeutralisesWhatASpreadsheetWouldRun)
{
    for (const char* text : {"=HYPERLINK(\"http://x\";\"y\")", "+1", "-2", "@SUM(A1)", "\tTAB",
                             "\rCR", "\nLF", " =1+1", "\xC2\xA0+34", "=DDE(\"cmd\";\"/c calc\")"})
        EXPECT_TRUE(needsNeutralizing(text)) << text;
    for (const char* text : {"", "Ferretería", "a=b", "1+1", " a", "'=x", "C-000001", "#1"})
        EXPECT_FALSE(needsNeutralizing(text)) << text;

    EXPECT_EQ(csvField("=HYPERLINK(\"http://x\";\"y\")", ',', true),
              "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"");
    EXPECT_EQ(csvField("+1", ';', true), "\"'+1\"");
    EXPECT_EQ(csvField("-2", ';', true), "\"'-2\"");
    EXPECT_EQ(csvField("@SUM(A1)", ';', true), "\"'@SUM(A1)\"");
    EXPECT_EQ(csvField("\tTAB", ';', true), "\"'\tTAB\"");
    EXPECT_EQ(csvField("\rCR", ';', true), "\"'\rCR\"");
    // Off: written as is (quoted only where RFC 4180 needs it).
    EXPECT_EQ(csvField("+1", ';', false), "+1");
    EXPECT_EQ(csvField("=HYPERLINK(\"http://x\";\"y\")", ',', false),
              "\"=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"");
    EXPECT_EQ(csvField("\rCR", ',', false), "\"\rCR\"");
}

TEST(CsvExport, QuotesAsRfc4180Says)
{
    EXPECT_EQ(csvField("plain", ',', true), "plain");
    EXPECT_EQ(csvField("a,b", ',', true), "\"a,b\"");
    EXPECT_EQ(csvField("a,b", ';', true), "a,b");
    EXPECT_EQ(csvField("a;b", ';', true), "\"a;b\"");
    EXPECT_EQ(csvField("say \"hi\"", ',', true), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("two\nlines", ',', true), "\"two\nlines\"");
    EXPECT_EQ(csvField("tab\there", '\t', true), "\"tab\there\"");
    EXPECT_EQ(csvField(" padded ", ',', true), "\" padded \"");
    EXPECT_EQ(csvField("", ',', true), "");

    CsvOptions options;
    options.separator = ';';
    options.decimalSeparator = ',';
    const std::string bytes = written(options,
                                      [](CsvWriter& writer)
                                      {
                                          writer.text("Número");
                                          writer.text("x;y");
                                          writer.endLine();
                                          writer.number("-1234.50");
                                          writer.date("2024-05-01");
                                          writer.date("2024-05-01T10:20:30.123Z");
                                          writer.endLine();
                                      });
    EXPECT_EQ(bytes, "Número;\"x;y\"\r\n-1234,50;2024-05-01;2024-05-01 10:20:30\r\n");
    options.separator = ',';
    options.decimalSeparator = ',';
    EXPECT_EQ(written(options,
                      [](CsvWriter& writer)
                      {
                          writer.number("7.25");
                          writer.endLine();
                      }),
              "\"7,25\"\r\n"); // a comma in a comma-separated file is quoted
    EXPECT_EQ(csvSeparatorFor(','), ';');
    EXPECT_EQ(csvSeparatorFor('.'), ',');
    for (char separator : {',', ';', ':', '|', '\t'})
        EXPECT_TRUE(isCsvSeparator(separator));
    for (char separator : {'"', '\'', '.', 'a', '1', '\n', '\r', ' ', '='})
        EXPECT_FALSE(isCsvSeparator(separator)) << separator;
}

TEST(CsvExport, EncodingNames)
{
    EXPECT_EQ(csvEncodingFromName("UTF-8"), CsvEncoding::Utf8);
    EXPECT_EQ(csvEncodingFromName("utf8"), CsvEncoding::Utf8);
    EXPECT_EQ(csvEncodingFromName("UTF-8-BOM"), CsvEncoding::Utf8Bom);
    EXPECT_EQ(csvEncodingFromName("UTF-8 with BOM"), CsvEncoding::Utf8Bom);
    EXPECT_EQ(csvEncodingFromName("Windows-1252"), CsvEncoding::Windows1252);
    EXPECT_EQ(csvEncodingFromName("cp1252"), CsvEncoding::Windows1252);
    EXPECT_EQ(csvEncodingFromName("ISO-8859-1"), CsvEncoding::Latin1);
    EXPECT_EQ(csvEncodingFromName("latin1"), CsvEncoding::Latin1);
    EXPECT_EQ(csvEncodingFromName("ISO-8859-15"), CsvEncoding::Latin9);
    EXPECT_FALSE(csvEncodingFromName("EBCDIC"));
    EXPECT_FALSE(csvEncodingFromName(""));
    for (CsvEncoding encoding : {CsvEncoding::Utf8, CsvEncoding::Utf8Bom, CsvEncoding::Windows1252,
                                 CsvEncoding::Latin1, CsvEncoding::Latin9})
        EXPECT_EQ(csvEncodingFromName(csvEncodingName(encoding)), encoding);
}

// Every character of the BMP below U+3000 (and the euro sign) encodes as glibc's iconv
// encodes it, and what iconv cannot write is reported, not dropped.
TEST(CsvExport, SingleByteEncodingsMatchIconv)
{
    const std::pair<CsvEncoding, const char*> encodings[] = {
        {CsvEncoding::Windows1252, "WINDOWS-1252"},
        {CsvEncoding::Latin1, "ISO-8859-1"},
        {CsvEncoding::Latin9, "ISO-8859-15"}};
    for (const auto& [encoding, name] : encodings)
    {
        CsvOptions options;
        options.encoding = encoding;
        options.neutralize = false;
        for (char32_t cp = 0x20; cp < 0x3000; ++cp)
        {
            if ((cp >= 0x7F && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF) || cp == '"' ||
                cp == ',')
                continue;
            bool ok = false;
            const std::string expected = encodedWithIconv(cp, name, ok);
            std::string utf8;
            if (cp < 0x80)
                utf8 += static_cast<char>(cp);
            else if (cp < 0x800)
            {
                utf8 += static_cast<char>(0xC0 | (cp >> 6));
                utf8 += static_cast<char>(0x80 | (cp & 0x3F));
            }
            else
            {
                utf8 += static_cast<char>(0xE0 | (cp >> 12));
                utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                utf8 += static_cast<char>(0x80 | (cp & 0x3F));
            }
            std::size_t unencodable = 0;
            const std::string bytes = written(
                options, [&](CsvWriter& writer) { writer.text("x" + utf8 + "x"); }, &unencodable);
            if (ok)
            {
                EXPECT_EQ(unencodable, 0U)
                    << name << " U+" << std::hex << static_cast<unsigned>(cp);
                EXPECT_EQ(bytes, "x" + expected + "x")
                    << name << " U+" << std::hex << static_cast<unsigned>(cp);
            }
            else
            {
                EXPECT_EQ(unencodable, 1U)
                    << name << " U+" << std::hex << static_cast<unsigned>(cp);
                EXPECT_EQ(bytes, "x?x") << name << " U+" << std::hex << static_cast<unsigned>(cp);
            }
        }
    }
    CsvOptions options;
    options.encoding = CsvEncoding::Windows1252;
    EXPECT_EQ(written(options, [](CsvWriter& writer) { writer.text("€ ñ Š"); }), "\x80 \xF1 \x8A");
    options.encoding = CsvEncoding::Latin9;
    EXPECT_EQ(written(options, [](CsvWriter& writer) { writer.text("€ ñ"); }), "\xA4 \xF1");
    options.encoding = CsvEncoding::Utf8Bom;
    EXPECT_EQ(written(options, [](CsvWriter& writer) { writer.text("€"); }),
              "\xEF\xBB\xBF\xE2\x82\xAC");
}

TEST(CsvExport, FileIsReplacedWholeOrNotAtAll)
{
    test::TempDir dir;
    const auto target = dir / "lista.csv";
    {
        std::ofstream(target) << "antes";
    }
    CsvOptions options;
    options.encoding = CsvEncoding::Latin1;
    try
    {
        writeCsvFile(target, options, Language::Es, {"Nombre", "Ciudad"},
                     [](CsvWriter& writer)
                     {
                         writer.text("Ferretería");
                         writer.text("Zürich");
                         writer.endLine();
                         writer.text("Ωmega");
                         writer.text("€uro");
                         writer.endLine();
                     });
        FAIL() << "expected CsvError";
    }
    catch (const CsvError& error)
    {
        const std::string message = error.what();
        EXPECT_NE(message.find("«Ω» (U+03A9) de la línea 3, columna «Nombre»"), std::string::npos)
            << message;
        EXPECT_NE(message.find("ISO-8859-1 (2 caracteres así en total)"), std::string::npos)
            << message;
    }
    EXPECT_EQ(fileText(target), "antes");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()),
              1); // no temporary file left

    options.encoding = CsvEncoding::Windows1252;
    const std::size_t rows = writeCsvFile(target, options, Language::Es, {"Nombre", "Ciudad"},
                                          [](CsvWriter& writer)
                                          {
                                              writer.text("Ferretería");
                                              writer.text("€uro");
                                              writer.endLine();
                                          });
    EXPECT_EQ(rows, 1U);
    EXPECT_EQ(fileText(target), "Nombre,Ciudad\r\nFerreter\xED"
                                "a,\x80"
                                "uro\r\n");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()),
              1);

    try
    {
        writeCsvFile(dir / "no-such-folder" / "x.csv", options, Language::En, {"A"},
                     [](CsvWriter&) {});
        FAIL() << "expected CsvError";
    }
    catch (const CsvError& error)
    {
        EXPECT_EQ(std::string(error.what()),
                  "The file “x.csv” cannot be written: the folder does not exist. Nothing was "
                  "changed.");
    }
    // Only a regular file is replaced: never a device (as root, a rename over /dev/null
    // would succeed); a symbolic link is followed, the link stays.
    try
    {
        writeCsvFile("/dev/null", options, Language::En, {"A"}, [](CsvWriter&) {});
        FAIL() << "expected CsvError";
    }
    catch (const CsvError& error)
    {
        EXPECT_NE(std::string(error.what()).find("it is not a regular file"), std::string::npos)
            << error.what();
    }
    EXPECT_FALSE(std::filesystem::is_regular_file("/dev/null"));
    std::filesystem::create_symlink(target, dir / "enlace.csv");
    writeCsvFile(dir / "enlace.csv", options, Language::Es, {"Enlace"}, [](CsvWriter&) {});
    EXPECT_TRUE(std::filesystem::is_symlink(dir / "enlace.csv"));
    EXPECT_EQ(fileText(target), "Enlace\r\n");
    try
    {
        writeCsvFile(dir.path(), options, Language::Pt, {"A"}, [](CsvWriter&) {});
        FAIL() << "expected CsvError";
    }
    catch (const CsvError& error)
    {
        EXPECT_NE(std::string(error.what()).find("é uma pasta"), std::string::npos) << error.what();
    }
}

TEST(CsvExport, ClientsAndInvoicesReadBack)
{
    test::TempDir dir;
    Register store(dir / "c.db");
    const std::vector<std::string> names = {"=HYPERLINK(\"http://x\";\"y\")", "+1", "-2",
                                            "@SUM(A1)", "Ferretería \"La Llave\", S.L."};
    for (const std::string& name : names)
    {
        Client client = test::makeClient(name);
        client.notes = "línea 1\nlínea 2";
        client.phone = "+34 600 000 000";
        store.add(client);
    }
    Invoice invoice;
    invoice.clientId = store.findCodes("llave", 1).empty()
                           ? 0
                           : store.byKey(store.findCodes("llave", 1).front())->id;
    invoice.number = "=F-1";
    invoice.issueDate = "2024-05-01";
    invoice.dueDate = "2024-05-31";
    invoice.net = -123456;
    invoice.tax = -25926;
    invoice.total = -149382;
    invoice.currency = "EUR";
    store.add(invoice);

    CsvOptions options;
    options.separator = ';';
    options.decimalSeparator = ',';
    const auto file = dir / "clientes.csv";
    EXPECT_EQ(exportClientsCsv(store, {}, file, options, Language::Es), names.size());
    const auto lines = parseCsv(fileText(file), ';');
    ASSERT_EQ(lines.size(), names.size() + 1);
    EXPECT_EQ(lines[0], shapeClientList({}, Language::Es).headers);
    std::vector<std::string> legalNames;
    for (std::size_t i = 1; i < lines.size(); ++i)
    {
        ASSERT_EQ(lines[i].size(), 17U);
        legalNames.push_back(lines[i][1]);
        EXPECT_EQ(lines[i][10], "'+34 600 000 000");
        EXPECT_EQ(lines[i][12], "línea 1\nlínea 2");
        EXPECT_EQ(lines[i][15].size(), 19U) << lines[i][15]; // "YYYY-MM-DD HH:MM:SS"
    }
    for (const std::string& name : names)
    {
        const std::string expected = needsNeutralizing(name) ? "'" + name : name;
        EXPECT_NE(std::find(legalNames.begin(), legalNames.end(), expected), legalNames.end())
            << expected;
    }

    options.neutralize = false;
    exportClientsCsv(store, {"sum", {}, false}, file, options, Language::En);
    const auto plain = parseCsv(fileText(file), ';');
    ASSERT_EQ(plain.size(), 2U);
    EXPECT_EQ(plain[1][1], "@SUM(A1)");

    options.neutralize = true;
    const auto invoices = dir / "facturas.csv";
    EXPECT_EQ(exportInvoicesCsv(store, {}, invoices, options, Language::Es), 1U);
    const auto invoiceLines = parseCsv(fileText(invoices), ';');
    ASSERT_EQ(invoiceLines.size(), 2U);
    EXPECT_EQ(invoiceLines[0][0], "Número de factura");
    EXPECT_EQ(invoiceLines[1][0], "'=F-1");
    EXPECT_EQ(invoiceLines[1][3], "2024-05-01");
    EXPECT_EQ(invoiceLines[1][5], "-1234,56"); // an amount: a number, never neutralised
    EXPECT_EQ(invoiceLines[1][7], "-1493,82");
    EXPECT_EQ(invoiceLines[1][8], "EUR");

    // Never over the register's own files.
    const std::string before = fileText(store.path());
    for (const std::string& suffix : {"", "-wal", "-shm", "-journal", ".bak"})
    {
        try
        {
            exportClientsCsv(store, {}, store.path().string() + suffix, options, Language::En);
            FAIL() << "expected CsvError for " << suffix;
        }
        catch (const CsvError& error)
        {
            EXPECT_NE(std::string(error.what()).find("a file of the client register itself"),
                      std::string::npos)
                << error.what();
        }
    }
    EXPECT_EQ(fileText(store.path()), before);
    EXPECT_EQ(store.findCodes("", 0).size(), names.size());
}

TEST(CsvExport, EveryTextInEveryLanguage)
{
    const auto keys = test::textKeysStartingWith("Csv");
    EXPECT_EQ(keys.size(), 18U);
    for (const TextKey key : keys)
        for (Language language : {Language::Es, Language::En, Language::Pt})
            EXPECT_FALSE(text(key, language).empty())
                << "key " << textKeyName(key) << " language " << static_cast<int>(language);
}

} // namespace clientes
