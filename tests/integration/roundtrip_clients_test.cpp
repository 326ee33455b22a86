// Export → import of the same sheet through the real office: every row unchanged and the
// register byte for byte the same, for the data that breaks naive spreadsheets (accents,
// ñ/ç/ã, emoji, 10,000-character notes, leading-zero postal codes, punctuated tax IDs,
// formula-looking text). Then export → edit → import updates instead of duplicating.
#include "import_export_support.hpp"

#include <com/sun/star/sheet/XCellRangeAddressable.hpp>

#include <gtest/gtest.h>

#include <memory>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
class RoundTrip : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        directory.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
        std::string longNotes;
        while (longNotes.size() < 10000)
            longNotes += "Línea de notas con acentos — ñandú, ação, çedilha 🙂\n";
        longNotes.resize(9990); // on a character boundary: the text above is mostly ASCII
        while ((static_cast<unsigned char>(longNotes.back()) & 0xC0) == 0x80 ||
               static_cast<unsigned char>(longNotes.back()) >= 0xC0)
            longNotes.pop_back();
        directory->addClient(fields({{"legalName", "Ñandú Çedilha Ação, S.A."},
                                     {"tradeName", "=HIPERVINCULO(\"x\")"},
                                     {"taxId", "B 12.345.674"},
                                     {"country", "ES"},
                                     {"street", "Calle Ñuño 3, 2.º-1.ª"},
                                     {"postalCode", "08001"},
                                     {"city", "L'Hospitalet de Llobregat"},
                                     {"email", "ventas@nandu.es"},
                                     {"phone", "+34 600-000-000"},
                                     {"website", "https://ñandú.es"},
                                     {"notes", longNotes}}));
        directory->addClient(fields({{"legalName", "Conceição & Filhos, Lda. 🐟"},
                                     {"taxId", "PT-501.964.843"},
                                     {"country", "PT"},
                                     {"postalCode", "0000-001"},
                                     {"city", "São João da Madeira"},
                                     {"notes", "-5% dto.\n@todos: «pagos» a 30 días"}}));
        directory->addClient(fields({{"legalName", "@Arroba Inicial"},
                                     {"postalCode", "00000"},
                                     {"phone", "0034 91 000 00 00"},
                                     {"region", "+ Norte"}}));
    }
    static void TearDownTestSuite()
    {
        directory.clear();
        office.reset();
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
};
std::unique_ptr<Office> RoundTrip::office;
Reference<XClientDirectory> RoundTrip::directory;

TEST_F(RoundTrip, ExportThenImportChangesNothing)
{
    SheetDocument document(*office);
    const auto range = directory->exportClients(document.sheet(), {});
    const std::string clients = clientDump(directory);
    const std::string file = fileFingerprint(office->database());
    const auto result = directory->importClients(range, {});
    EXPECT_EQ(count(result, "Unchanged"), 3) << joined(problems(result));
    EXPECT_EQ(count(result, "Created"), 0);
    EXPECT_EQ(count(result, "Updated"), 0);
    EXPECT_EQ(count(result, "Errors"), 0);
    EXPECT_EQ(clientDump(directory), clients);
    EXPECT_EQ(fileFingerprint(office->database()), file);
    // Nothing was imported, so there is nothing to undo either.
    EXPECT_THROW(directory->undoLastImport(), css::lang::IllegalArgumentException);
}

TEST_F(RoundTrip, ThroughAnXlsxFile)
{
    const std::filesystem::path file = office->workDir() / "export.xlsx";
    {
        SheetDocument document(*office);
        directory->exportClients(document.sheet(), {});
        document.storeTo(file, "Calc MS Excel 2007 XML");
    }
    const std::string clients = clientDump(directory);
    SheetDocument reopened(*office, "file://" + file.string(), true);
    const auto result = directory->importClients(reopened.range("A1:O4"), {});
    EXPECT_EQ(count(result, "Unchanged"), 3) << joined(problems(result));
    EXPECT_EQ(count(result, "Errors"), 0);
    EXPECT_EQ(clientDump(directory), clients);
}

TEST_F(RoundTrip, EditedExportUpdatesInsteadOfDuplicating)
{
    SheetDocument document(*office);
    const auto range = directory->exportClients(document.sheet(), {});
    // Row 4 is "Ñandú…" (by legal name: "@Arroba", "Conceição", "Ñandú"); its city is column H.
    const auto data = Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
    ASSERT_EQ(s(data[3][1].get<rtl::OUString>()), "Ñandú Çedilha Ação, S.A.");
    const std::string code = s(data[3][0].get<rtl::OUString>());
    document.fill("H4", {{"Barcelona"}});
    const auto result = directory->importClients(range, {});
    EXPECT_EQ(count(result, "Updated"), 1) << joined(problems(result));
    EXPECT_EQ(count(result, "Unchanged"), 2);
    EXPECT_EQ(count(result, "Created"), 0);
    EXPECT_EQ(directory->countClients(), 3);
    const auto client = directory->getClient(u(code));
    EXPECT_EQ(field(client, "city"), "Barcelona");
    EXPECT_EQ(field(client, "postalCode"), "08001");
    EXPECT_EQ(field(client, "taxId"), "B 12.345.674"); // the stored spelling stays
    EXPECT_EQ(directory->undoLastImport(), 1);
    EXPECT_EQ(field(directory->getClient(u(code)), "city"), "L'Hospitalet de Llobregat");
}
} // namespace clientes::testing
