// exportClientsToCsv / exportInvoicesToCsv through the real office: formula-like text
// neutralised (and written as is when asked), the separator of the office's locale, the
// chosen encoding byte for byte, characters an encoding lacks refused with nothing written,
// bad options and URLs, and the file read back by Calc's own CSV filter.
#include "import_export_support.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/XCell.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{
const std::vector<std::string> kDangerous = {"=HYPERLINK(\"http://x\";\"y\")", "+1", "-2",
                                             "@SUM(A1)"};

std::string bytesOf(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string url(const std::filesystem::path& file)
{
    return "file://" + file.string();
}

std::string refusal(const std::function<void()>& call)
{
    try
    {
        call();
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        return s(e.Message);
    }
    return "<no IllegalArgumentException>";
}
} // namespace

class CsvExportApi : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        directory.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        for (const std::string& name : kDangerous)
            directory->addClient(fields({{"legalName", name}, {"city", "Soria"}}));
        for (const char* name : {"\tTAB", "\rCR", "\t=1+1"})
            directory->addClient(fields({{"legalName", name}}));
        const std::string client = s(
            directory->addClient(fields({{"legalName", "Ñandú €uro Œuvre, S.A."},
                                         {"taxId", "B-12.345.674"},
                                         {"postalCode", "08001"},
                                         {"notes", "Primera línea\nsegunda; con \"comillas\""}})));
        invoiceClient = client;
        css::uno::Sequence<css::beans::NamedValue> invoice = fields({{"number", "=F-1"},
                                                                     {"issueDate", "2024-05-01"},
                                                                     {"currency", "EUR"},
                                                                     {"net", "1234.50"},
                                                                     {"tax", "259.25"},
                                                                     {"total", "1493.75"}});
        directory->addRecord(u(client), u("invoices"), invoice);
    }
    static void TearDownTestSuite()
    {
        setOfficeLocale(*office, "");
        directory.clear();
        office.reset();
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
    static std::string invoiceClient;
};
std::unique_ptr<Office> CsvExportApi::office;
Reference<XClientDirectory> CsvExportApi::directory;
std::string CsvExportApi::invoiceClient;

TEST_F(CsvExportApi, FormulaLikeTextIsNeutralisedUnlessTurnedOff)
{
    setOfficeLocale(*office, "en-US");
    const auto file = office->workDir() / "clientes.csv";
    const sal_Int32 rows = directory->exportClientsToCsv(u(url(file)), {});
    EXPECT_EQ(rows, 8);
    const std::string text = bytesOf(file);
    EXPECT_EQ(text.rfind("Código,Nombre legal,", 0), 0U) << text.substr(0, 200);
    EXPECT_NE(text.find("\r\n"), std::string::npos);
    EXPECT_NE(text.find(",\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\","), std::string::npos)
        << text;
    EXPECT_NE(text.find(",\"'+1\","), std::string::npos) << text;
    EXPECT_NE(text.find(",\"'-2\","), std::string::npos) << text;
    EXPECT_NE(text.find(",\"'@SUM(A1)\","), std::string::npos) << text;
    // Tab and CR in front never reach the register (tidied away at entry); "\t=1+1" was
    // stored as " =1+1", which is neutralised too.
    EXPECT_NE(text.find(",TAB,"), std::string::npos) << text;
    EXPECT_NE(text.find(",CR,"), std::string::npos) << text;
    EXPECT_NE(text.find(",\"' =1+1\","), std::string::npos) << text;
    EXPECT_EQ(text.find("\t"), std::string::npos);
    EXPECT_NE(text.find("\"Primera línea\nsegunda; con \"\"comillas\"\"\""), std::string::npos);

    directory->exportClientsToCsv(u(url(file)), options({{"Neutralize", Any(false)}}));
    const std::string plain = bytesOf(file);
    EXPECT_NE(plain.find(",\"=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\","), std::string::npos);
    EXPECT_NE(plain.find(",+1,"), std::string::npos) << plain;
    EXPECT_NE(plain.find(",-2,"), std::string::npos) << plain;
    EXPECT_NE(plain.find(",@SUM(A1),"), std::string::npos) << plain;
    EXPECT_EQ(plain.find("'"), std::string::npos) << plain;
}

TEST_F(CsvExportApi, SeparatorFollowsTheOfficeLocale)
{
    const auto file = office->workDir() / "facturas.csv";
    setOfficeLocale(*office, "es-ES");
    EXPECT_EQ(directory->exportInvoicesToCsv(u(url(file)), {}), 1);
    std::string text = bytesOf(file);
    EXPECT_EQ(text.rfind("Número de factura;Cliente;", 0), 0U) << text;
    EXPECT_NE(text.find("\"'=F-1\";Ñandú €uro Œuvre, S.A.;"), std::string::npos) << text;
    EXPECT_NE(text.find(";2024-05-01;"), std::string::npos) << text;
    EXPECT_NE(text.find(";1234,50;259,25;1493,75;EUR;"), std::string::npos) << text;

    setOfficeLocale(*office, "en-US");
    directory->exportInvoicesToCsv(u(url(file)), {});
    text = bytesOf(file);
    EXPECT_EQ(text.rfind("Número de factura,Cliente,", 0), 0U) << text; // UI language: es
    EXPECT_NE(text.find(",1234.50,259.25,1493.75,EUR,"), std::string::npos) << text;

    setOfficeLocale(*office, "de-DE");
    directory->exportInvoicesToCsv(u(url(file)), options({{"Separator", Any(u("\t"))}}));
    text = bytesOf(file);
    EXPECT_NE(text.find("\t1234,50\t259,25\t1493,75\tEUR\t"), std::string::npos) << text;
    setOfficeLocale(*office, "en-US");
}

TEST_F(CsvExportApi, EncodingsByteForByte)
{
    setOfficeLocale(*office, "en-US");
    const auto file = office->workDir() / "ansi.csv";
    const auto query = [](const char* encoding) {
        return options({{"Query", Any(u("nandu"))}, {"Encoding", Any(u(encoding))}});
    };
    EXPECT_EQ(directory->exportClientsToCsv(u(url(file)), query("Windows-1252")), 1);
    std::string text = bytesOf(file);
    EXPECT_EQ(text.rfind("C\xF3"
                         "digo,Nombre legal,",
                         0),
              0U);
    EXPECT_NE(text.find(",\"\xD1"
                        "and\xFA \x80"
                        "uro \x8C"
                        "uvre, S.A.\","),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Primera l\xED"
                        "nea\nsegunda"),
              std::string::npos);

    directory->exportClientsToCsv(u(url(file)), query("ISO-8859-15"));
    EXPECT_NE(bytesOf(file).find("\xD1"
                                 "and\xFA \xA4"
                                 "uro \xBC"
                                 "uvre"),
              std::string::npos);

    directory->exportClientsToCsv(u(url(file)), query("UTF-8-BOM"));
    EXPECT_EQ(bytesOf(file).rfind("\xEF\xBB\xBF"
                                  "Código,",
                                  0),
              0U);

    // ISO-8859-1 has no € nor Œ: refused, the file as it was.
    const std::string before = bytesOf(file);
    const std::string message =
        refusal([&] { directory->exportClientsToCsv(u(url(file)), query("ISO-8859-1")); });
    EXPECT_NE(message.find("«€» (U+20AC) de la línea 2, columna «Nombre legal», no existe en "
                           "ISO-8859-1 (2 caracteres así en total)"),
              std::string::npos)
        << message;
    EXPECT_EQ(bytesOf(file), before);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(office->workDir()))
        files += entry.path().filename().string().find(".tmp-") != std::string::npos ? 1 : 0;
    EXPECT_EQ(files, 0U);
}

TEST_F(CsvExportApi, BadOptionsAndUrls)
{
    const auto file = url(office->workDir() / "x.csv");
    EXPECT_NE(
        refusal(
            [&] {
                directory->exportClientsToCsv(u(file), options({{"Encoding", Any(u("EBCDIC"))}}));
            })
            .find("Encoding: «EBCDIC» no es una codificación ofrecida"),
        std::string::npos);
    EXPECT_NE(
        refusal(
            [&] {
                directory->exportClientsToCsv(u(file), options({{"Separator", Any(u(";;"))}}));
            })
            .find("Separator: «;;» no sirve de separador"),
        std::string::npos);
    EXPECT_NE(
        refusal(
            [&] {
                directory->exportClientsToCsv(u(file), options({{"Neutralize", Any(u("no"))}}));
            })
            .find("Neutralize: "),
        std::string::npos);
    EXPECT_NE(refusal(
                  [&] {
                      directory->exportInvoicesToCsv(u(file), options({{"Query", Any(u("x"))}}));
                  })
                  .find("Query"),
              std::string::npos);
    EXPECT_NE(refusal([&] { directory->exportClientsToCsv(u("https://example.com/x.csv"), {}); })
                  .find("no es la dirección de un archivo"),
              std::string::npos);
    const std::string missing = refusal(
        [&] { directory->exportClientsToCsv(u(url(office->workDir() / "no" / "x.csv")), {}); });
    EXPECT_EQ(missing, "No se puede escribir el archivo «x.csv»: la carpeta no existe. No se ha "
                       "cambiado nada.");
    EXPECT_FALSE(std::filesystem::exists(office->workDir() / "x.csv"));
    // Never over the register itself.
    const std::string fingerprint = fileFingerprint(office->database());
    EXPECT_NE(refusal([&] { directory->exportClientsToCsv(u(url(office->database())), {}); })
                  .find("es un archivo del propio registro de clientes"),
              std::string::npos);
    EXPECT_EQ(fileFingerprint(office->database()), fingerprint);
    EXPECT_EQ(directory->countClients(), 8);
}

// Calc's own CSV filter reads the file back: the same rows and columns, text as text (no cell
// becomes a formula, even with formula evaluation on), and the import takes it back.
TEST_F(CsvExportApi, ReadBackByCalc)
{
    setOfficeLocale(*office, "en-US");
    const auto file = office->workDir() / "vuelta.csv";
    directory->exportClientsToCsv(u(url(file)), {});
    // Comma, double quote, UTF-8, from line 1, evaluate formulas (token 13) on.
    const std::string filterOptions = "44,34,76,1,,1033,false,true,false,false,false,-1,true";
    {
        SheetDocument back(*office, url(file), true, "Text - txt - csv (StarCalc)", filterOptions);
        const auto data =
            Reference<css::sheet::XCellRangeData>(back.range("A1:O9"), UNO_QUERY_THROW)
                ->getDataArray();
        ASSERT_EQ(data.getLength(), 9);
        std::vector<std::string> names;
        for (sal_Int32 r = 1; r < 9; ++r)
        {
            names.push_back(s(data[r][1].get<rtl::OUString>()));
            for (sal_Int32 c = 0; c < 15; ++c)
                EXPECT_NE(back.range("A1:O9")->getCellByPosition(c, r)->getType(),
                          css::table::CellContentType_FORMULA)
                    << r << "," << c;
        }
        for (const std::string& name : kDangerous)
            EXPECT_NE(std::find(names.begin(), names.end(), "'" + name), names.end()) << name;
        EXPECT_NE(std::find(names.begin(), names.end(), "Ñandú €uro Œuvre, S.A."), names.end());
    }
    // The risky path the README warns about: written as is, the same reader makes formulas.
    directory->exportClientsToCsv(u(url(file)), options({{"Neutralize", Any(false)}}));
    {
        SheetDocument back(*office, url(file), true, "Text - txt - csv (StarCalc)", filterOptions);
        std::size_t formulas = 0;
        for (sal_Int32 r = 1; r < 9; ++r)
            formulas += back.range("B1:B9")->getCellByPosition(0, r)->getType() ==
                                css::table::CellContentType_FORMULA
                            ? 1
                            : 0;
        EXPECT_GE(formulas, 1U);
    }
}
} // namespace clientes::testing
