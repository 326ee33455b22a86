// importClients / undoLastImport through the real office: ranges and selections, dry runs
// that write nothing, atomic commits, cell marks and their removal, reports, mappings
// remembered, number cells with leading zeros, spreadsheet files opened with Calc's filters.
#include "import_export_support.hpp"

#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <gtest/gtest.h>

#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
class ImportApi : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        directory.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    }
    static void TearDownTestSuite()
    {
        directory.clear();
        office.reset();
    }
    void SetUp() override
    {
        // Each test starts from an empty register: undo what earlier tests imported, delete
        // what they added by hand.
        for (int i = 0; i < 20; ++i)
        {
            try
            {
                directory->undoLastImport();
            }
            catch (const css::lang::IllegalArgumentException&)
            {
                break;
            }
        }
        for (const auto& code : directory->findClients(rtl::OUString(), 0))
            directory->deleteClient(code);
    }

    // A CSV file written as another system exports it, opened with every column as text (as a
    // user picks in the CSV dialog to keep phones as written) and imported; the import's result.
    static css::uno::Sequence<css::beans::NamedValue> importCsvFile(const char* name,
                                                                    const std::string& csv)
    {
        const auto file = office->workDir() / name;
        {
            std::ofstream out(file, std::ios::binary);
            out << csv;
        }
        SheetDocument document(*office, "file://" + file.string(), true,
                               "Text - txt - csv (StarCalc)",
                               "44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2/9/2/10/2/11/2/12/2/13/2/"
                               "14/2/15/2/16/2/17/2/18/2/19/2/20/2/21/2");
        return directory->importClients(document.range("A1:Z20"), options({}));
    }

    // importCsvFile, expected to be recognised as `system`'s and committed.
    static css::uno::Sequence<css::beans::NamedValue>
    importFileOf(const char* system, const char* name, const std::string& csv)
    {
        const auto imported = importCsvFile(name, csv);
        rtl::OUString recognised;
        resultValue(imported, "System") >>= recognised;
        EXPECT_EQ(s(recognised), system) << name;
        bool committed = false;
        resultValue(imported, "Committed") >>= committed;
        EXPECT_TRUE(committed) << name << ": " << joined(problems(imported));
        return imported;
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
};
std::unique_ptr<Office> ImportApi::office;
Reference<XClientDirectory> ImportApi::directory;

namespace
{
std::string cellText(const SheetDocument& document, const std::string& name)
{
    return s(Reference<css::text::XSimpleText>(
                 Reference<css::table::XCellRange>(document.range(name), UNO_QUERY_THROW)
                     ->getCellByPosition(0, 0),
                 UNO_QUERY_THROW)
                 ->getString());
}

Reference<css::table::XCell> cellOf(const SheetDocument& document, const std::string& name)
{
    return document.range(name)->getCellByPosition(0, 0);
}

std::string noteOf(const SheetDocument& document, const std::string& name)
{
    return s(Reference<css::text::XSimpleText>(Reference<css::sheet::XSheetAnnotationAnchor>(
                                                   cellOf(document, name), UNO_QUERY_THROW)
                                                   ->getAnnotation(),
                                               UNO_QUERY_THROW)
                 ->getString());
}

sal_Int32 backgroundOf(const SheetDocument& document, const std::string& name)
{
    sal_Int32 color = 0;
    Reference<css::beans::XPropertySet>(cellOf(document, name), UNO_QUERY_THROW)
        ->getPropertyValue(u("CellBackColor")) >>= color;
    return color;
}

// Everything a mark could change, for every cell of a block: contents, annotation text and
// visibility, background colour and whether it is the cell's own.
std::string sheetState(const SheetDocument& document, const std::string& block)
{
    const Reference<css::table::XCellRange> range = document.range(block);
    const auto address =
        Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
    std::string state;
    for (sal_Int32 r = 0; r <= address.EndRow - address.StartRow; ++r)
        for (sal_Int32 c = 0; c <= address.EndColumn - address.StartColumn; ++c)
        {
            const Reference<css::table::XCell> cell = range->getCellByPosition(c, r);
            const Reference<css::sheet::XSheetAnnotation> note =
                Reference<css::sheet::XSheetAnnotationAnchor>(cell, UNO_QUERY_THROW)
                    ->getAnnotation();
            const Reference<css::beans::XPropertySet> properties(cell, UNO_QUERY_THROW);
            sal_Int32 color = 0;
            bool transparent = false;
            properties->getPropertyValue(u("CellBackColor")) >>= color;
            properties->getPropertyValue(u("IsCellBackgroundTransparent")) >>= transparent;
            const auto own = Reference<css::beans::XPropertyState>(cell, UNO_QUERY_THROW)
                                 ->getPropertyState(u("CellBackColor"));
            state += s(cell->getFormula()) + "|" +
                     s(Reference<css::text::XSimpleText>(note, UNO_QUERY_THROW)->getString()) +
                     "|" + (note->getIsVisible() ? "v" : "h") + "|" + std::to_string(color) + "|" +
                     (transparent ? "t" : "o") + "|" + std::to_string(static_cast<int>(own)) + "\n";
        }
    const auto annotations = Reference<css::container::XIndexAccess>(
        Reference<css::sheet::XSheetAnnotationsSupplier>(document.sheet(), UNO_QUERY_THROW)
            ->getAnnotations(),
        UNO_QUERY_THROW);
    return state + "notes=" + std::to_string(annotations->getCount());
}

const Rows kClients = {
    {"Razón social", "NIF", "Ciudad", "Correo"},
    {"Ferretería Núñez, S.L.", "B-1234567-4", "Albacete", "pedidos@nunez.es"},
    {"Padaria Conceição, Lda.", "PT 501 964 843", "Braga", ""},
    {"Óptica Miranda", "ESB-1234567-5", "Burgos", "optica@miranda.es"}, // wrong check digit
};
} // namespace

TEST_F(ImportApi, ImportsARangeAnywhereOnTheSheet)
{
    SheetDocument document(*office);
    const auto range = document.fill("C4", kClients);
    const auto result = directory->importClients(range, {});
    EXPECT_EQ(count(result, "Created"), 3) << joined(problems(result));
    EXPECT_EQ(count(result, "Errors"), 0);
    bool committed = false;
    resultValue(result, "Committed") >>= committed;
    EXPECT_TRUE(committed);
    EXPECT_EQ(directory->countClients(), 3);
    const auto client = directory->getClient(u("B12345674"));
    EXPECT_EQ(field(client, "legalName"), "Ferretería Núñez, S.L.");
    EXPECT_EQ(field(client, "city"), "Albacete");
    EXPECT_EQ(field(directory->getClient(u("PT501964843")), "city"), "Braga");
    // Problems name the sheet's rows: the wrong check digit of the last row is on row 7.
    EXPECT_EQ(count(result, "Warnings"), 1);
    ASSERT_EQ(problems(result).size(), 1U);
    EXPECT_EQ(problems(result)[0].rfind("row 7, taxId: ", 0), 0U) << problems(result)[0];
    css::uno::Sequence<rtl::OUString> mapping;
    resultValue(result, "Mapping") >>= mapping;
    ASSERT_EQ(mapping.getLength(), 4);
    EXPECT_EQ(s(mapping[0]), "legalName");
    EXPECT_EQ(s(mapping[3]), "email");
}

TEST_F(ImportApi, DryRunWritesNothing)
{
    SheetDocument document(*office);
    directory->addClient(fields({{"legalName", "Ya existe"}, {"taxId", "B12345674"}}));
    const std::string before = fileFingerprint(office->database());
    const std::string clientsBefore = clientDump(directory);
    const auto result =
        directory->importClients(document.fill("A1", kClients), options({{"DryRun", Any(true)}}));
    EXPECT_EQ(count(result, "Created"), 2) << joined(problems(result));
    EXPECT_EQ(count(result, "Updated"), 1);
    bool committed = true;
    resultValue(result, "Committed") >>= committed;
    EXPECT_FALSE(committed);
    EXPECT_EQ(fileFingerprint(office->database()), before);
    EXPECT_EQ(clientDump(directory), clientsBefore);
    EXPECT_EQ(directory->countClients(), 1);
}

TEST_F(ImportApi, AnErrorBlocksTheWholeCommitUnlessSkipped)
{
    SheetDocument document(*office);
    Rows rows = kClients;
    rows.push_back({"", "", "Soria", "esto no es un correo"}); // row 5: two errors
    const auto range = document.fill("A1", rows);
    const std::string before = fileFingerprint(office->database());
    const auto blocked = directory->importClients(range, {});
    EXPECT_EQ(count(blocked, "Created"), 0);
    EXPECT_EQ(count(blocked, "Errors"), 2);
    EXPECT_EQ(count(blocked, "Invalid"), 1);
    bool committed = true;
    resultValue(blocked, "Committed") >>= committed;
    EXPECT_FALSE(committed);
    const std::string problemText = joined(problems(blocked));
    EXPECT_NE(problemText.find("row 5, legalName: "), std::string::npos) << problemText;
    EXPECT_NE(problemText.find("row 5, email: "), std::string::npos) << problemText;
    EXPECT_EQ(fileFingerprint(office->database()), before);
    EXPECT_EQ(directory->countClients(), 0);

    const auto skipped = directory->importClients(range, options({{"SkipInvalid", Any(true)}}));
    EXPECT_EQ(count(skipped, "Created"), 3);
    EXPECT_EQ(count(skipped, "Skipped"), 1);
    EXPECT_EQ(directory->countClients(), 3);
}

TEST_F(ImportApi, UndoRevertsAndRefusesAfterALaterEdit)
{
    SheetDocument document(*office);
    directory->addClient(fields(
        {{"legalName", "Ferretería Núñez, S.L."}, {"taxId", "B12345674"}, {"city", "Toledo"}}));
    const auto result = directory->importClients(document.fill("A1", kClients), {});
    EXPECT_EQ(count(result, "Created"), 2);
    EXPECT_EQ(count(result, "Updated"), 1);
    EXPECT_EQ(field(directory->getClient(u("B12345674")), "city"), "Albacete");
    EXPECT_EQ(directory->undoLastImport(), 3);
    EXPECT_EQ(directory->countClients(), 1);
    EXPECT_EQ(field(directory->getClient(u("B12345674")), "city"), "Toledo");
    try
    {
        directory->undoLastImport();
        FAIL() << "expected IllegalArgumentException";
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        EXPECT_EQ(s(e.Message), "No hay ninguna importación que deshacer.");
    }

    // Imported again, then one of the new clients is edited: undo says which and stops.
    directory->importClients(document.range("A1:D4"), {});
    const std::string code = s(directory->findClients(u("miranda"), 1)[0]);
    directory->updateClient(u(code), fields({{"phone", "947 000 000"}}));
    const std::string before = clientDump(directory);
    try
    {
        directory->undoLastImport();
        FAIL() << "expected IllegalArgumentException";
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        const std::string message = s(e.Message);
        EXPECT_NE(message.find(code + " Óptica Miranda (modificado)"), std::string::npos)
            << message;
        EXPECT_NE(message.find("No se ha deshecho nada."), std::string::npos) << message;
    }
    EXPECT_EQ(clientDump(directory), before);
}

TEST_F(ImportApi, MarksCellsAndRemovesThemLeavingTheSheetAsItWas)
{
    SheetDocument document(*office);
    Rows rows = kClients;
    rows.push_back({"", "B-1234567-4", "Soria", "mal correo"}); // row 5
    const auto range = document.fill("A1", rows);
    // A note and a background of the user's own on a cell that gets marked, and a style-less
    // cell next to it.
    const auto annotations =
        Reference<css::sheet::XSheetAnnotationsSupplier>(document.sheet(), UNO_QUERY_THROW)
            ->getAnnotations();
    annotations->insertNew(css::table::CellAddress(0, 3, 4), u("Preguntar a Marta"));
    Reference<css::beans::XPropertySet>(cellOf(document, "D5"), UNO_QUERY_THROW)
        ->setPropertyValue(u("CellBackColor"), Any(sal_Int32(0x123456)));
    const std::string before = sheetState(document, "A1:E6");

    const auto result =
        directory->importClients(range, options({{"DryRun", Any(true)}, {"MarkCells", Any(true)}}));
    EXPECT_GE(count(result, "Marked"), 3) << joined(problems(result));
    // Row 5: legal name missing (A5, error), same tax ID as row 2 (B5), e-mail (D5).
    EXPECT_EQ(backgroundOf(document, "A5"), 0xFFC7CE);
    EXPECT_EQ(backgroundOf(document, "D5"), 0xFFC7CE);
    EXPECT_NE(noteOf(document, "A5").find("obligatorio"), std::string::npos)
        << noteOf(document, "A5");
    EXPECT_NE(noteOf(document, "D5").find("Preguntar a Marta"), std::string::npos);
    EXPECT_EQ(backgroundOf(document, "B4"), 0xFFEB9C) << noteOf(document, "B4"); // a warning
    EXPECT_EQ(cellText(document, "A2"), "Ferretería Núñez, S.L.");
    EXPECT_NE(sheetState(document, "A1:E6"), before);

    // Checking again replaces the marks (no double notes).
    directory->importClients(range, options({{"DryRun", Any(true)}, {"MarkCells", Any(true)}}));
    const auto removed = directory->importClients(
        range, options({{"DryRun", Any(true)}, {"RemoveMarks", Any(true)}}));
    EXPECT_GE(count(removed, "Unmarked"), 3);
    EXPECT_EQ(count(removed, "Marked"), 0);
    EXPECT_EQ(sheetState(document, "A1:E6"), before);
    EXPECT_EQ(noteOf(document, "D5"), "Preguntar a Marta");
    EXPECT_EQ(directory->countClients(), 0);
}

TEST_F(ImportApi, ReportSheetListsTheRowsNotImported)
{
    SheetDocument document(*office);
    Rows rows = kClients;
    rows.push_back({"", "", "Soria", ""}); // row 5: no legal name
    const auto result = directory->importClients(
        document.fill("A1", rows),
        options({{"SkipInvalid", Any(true)}, {"ReportSheet", Any(u("Informe"))}}));
    EXPECT_EQ(count(result, "Created"), 3);
    rtl::OUString name;
    resultValue(result, "ReportSheet") >>= name;
    EXPECT_EQ(s(name), "Informe");
    ASSERT_TRUE(document.document()->getSheets()->hasByName(u("Informe")));
    SheetDocument* doc = &document;
    const auto report = Reference<css::table::XCellRange>(
        document.document()->getSheets()->getByName(u("Informe")), UNO_QUERY_THROW);
    const auto data = Reference<css::sheet::XCellRangeData>(report->getCellRangeByName(u("A1:E2")),
                                                            UNO_QUERY_THROW)
                          ->getDataArray();
    EXPECT_EQ(s(data[0][0].get<rtl::OUString>()), "Fila");
    EXPECT_EQ(data[1][0].get<double>(), 5.0);
    EXPECT_EQ(s(data[1][1].get<rtl::OUString>()), "Omitida");
    EXPECT_EQ(s(data[1][3].get<rtl::OUString>()), "Nombre legal");
    (void)doc;
}

TEST_F(ImportApi, MappingsAreRememberedForTheSameHeaders)
{
    SheetDocument document(*office);
    const Rows rows = {{"Col1", "Col2", "Extra"}, {"Sociedad Rara", "Teruel", "x"}};
    const auto range = document.fill("A1", rows);
    const auto automatic = directory->importClients(range, options({{"DryRun", Any(true)}}));
    EXPECT_EQ(count(automatic, "Errors"), 1); // no column recognised
    const auto mapped =
        directory->importClients(range, options({{"Mapping", strings({"legalName", "city", ""})}}));
    EXPECT_EQ(count(mapped, "Created"), 1) << joined(problems(mapped));
    EXPECT_EQ(field(directory->getClient(directory->findClients(u("rara"), 1)[0]), "city"),
              "Teruel");
    // Another sheet with the same headers (other case and accents): the same mapping.
    SheetDocument other(*office);
    const auto again = directory->importClients(
        other.fill("A1", {{"COL1", "col2", "extra"}, {"Otra Sociedad", "Soria", "y"}}),
        options({{"DryRun", Any(true)}}));
    EXPECT_EQ(count(again, "Created"), 1) << joined(problems(again));
    css::uno::Sequence<rtl::OUString> mapping;
    resultValue(again, "Mapping") >>= mapping;
    ASSERT_EQ(mapping.getLength(), 3);
    EXPECT_EQ(s(mapping[1]), "city");
}

TEST_F(ImportApi, WithoutAHeaderEveryRowIsData)
{
    SheetDocument document(*office);
    const auto range = document.fill(
        "A1", {{"Nombre legal", "Ciudad"}, {"Ferretería Núñez, S.L.", "Albacete"}, {"", "Soria"}});
    const auto result = directory->importClients(
        range, options({{"HasHeader", Any(false)}, {"Mapping", strings({"legalName", "city"})}}));
    // Row 1 is a client too (its legal name is the text "Nombre legal"); row 3 has none.
    EXPECT_EQ(count(result, "Created"), 0);
    EXPECT_EQ(count(result, "Errors"), 1);
    ASSERT_EQ(problems(result).size(), 1U);
    EXPECT_EQ(problems(result)[0].rfind("row 3, legalName: ", 0), 0U) << problems(result)[0];
    const auto skipped =
        directory->importClients(range, options({{"HasHeader", Any(false)},
                                                 {"Mapping", strings({"legalName", "city"})},
                                                 {"SkipInvalid", Any(true)}}));
    EXPECT_EQ(count(skipped, "Created"), 2) << joined(problems(skipped));
    EXPECT_EQ(directory->countClients(), 2);
    EXPECT_EQ(directory->findClients(u("nombre legal"), 5).getLength(), 1);
}

TEST_F(ImportApi, NumberCellsShownWithLeadingZerosKeepThem)
{
    SheetDocument document(*office);
    const auto range = document.fill(
        "A1", {{"Razón social", "C.P.", "Teléfono"}, {"Cero Inicial, S.L.", 8001.0, 600000000.0}});
    // The postal code column shows five digits ("00000" format).
    const auto formats = Reference<css::util::XNumberFormats>(
        Reference<css::util::XNumberFormatsSupplier>(document.document(), UNO_QUERY_THROW)
            ->getNumberFormats());
    const css::lang::Locale locale(u("es"), u("ES"), rtl::OUString());
    sal_Int32 key = formats->queryKey(u("00000"), locale, false);
    if (key < 0)
        key = formats->addNew(u("00000"), locale);
    Reference<css::beans::XPropertySet>(document.range("B2"), UNO_QUERY_THROW)
        ->setPropertyValue(u("NumberFormat"), Any(key));
    const auto result = directory->importClients(range, {});
    EXPECT_EQ(count(result, "Created"), 1) << joined(problems(result));
    const auto client = directory->getClient(directory->findClients(u("cero"), 1)[0]);
    EXPECT_EQ(field(client, "postalCode"), "08001");
    EXPECT_EQ(field(client, "phone"), "600000000");
}

TEST_F(ImportApi, BadOptionsNameTheOption)
{
    SheetDocument document(*office);
    const auto range = document.fill("A1", kClients);
    const auto message = [&](const css::uno::Sequence<css::beans::NamedValue>& given)
    {
        try
        {
            directory->importClients(range, given);
        }
        catch (const css::lang::IllegalArgumentException& e)
        {
            return s(e.Message);
        }
        return std::string("no exception");
    };
    EXPECT_EQ(message(options({{"Mode", Any(u("sometimes"))}})),
              "Mode: «sometimes» no es un modo: create, update o both.");
    EXPECT_EQ(message(options({{"UpdatePolicy", Any(u("all"))}})).rfind("UpdatePolicy: ", 0), 0U);
    EXPECT_EQ(message(options({{"DryRun", Any(u("yes"))}})).rfind("DryRun: ", 0), 0U);
    EXPECT_EQ(message(options({{"Mapping", strings({"legalName", "nombre"})}})),
              "Mapping: «nombre» no es un nombre de campo.");
    EXPECT_EQ(message(options({{"Frobnicate", Any(true)}})), "Frobnicate: opción desconocida.");
    EXPECT_EQ(
        message(options({{"CreateMissingClients", Any(true)}})).rfind("CreateMissingClients: ", 0),
        0U);
    try
    {
        directory->importClients({}, {});
        FAIL();
    }
    catch (const css::lang::IllegalArgumentException& e)
    {
        EXPECT_EQ(s(e.Message).rfind("source: ", 0), 0U);
    }
    EXPECT_EQ(directory->countClients(), 0);
}

TEST_F(ImportApi, ImportsFromXlsxAndCsvFilesOpenedWithCalcsFilters)
{
    const std::filesystem::path dir = office->workDir() / "files";
    std::filesystem::create_directories(dir);
    {
        SheetDocument source(*office);
        source.fill("A1", {{"Razón social", "NIF", "C.P.", "Notas"},
                           {"Excel Ñandú, S.A.", "B-1234567-4", "08001", "=SUMA(A1)"},
                           {"Çedilha Lda.", "PT 501 964 843", "4700-001", "Olá 🙂"}});
        source.storeTo(dir / "clientes.xlsx", "Calc MS Excel 2007 XML");
        source.storeTo(dir / "clientes.csv", "Text - txt - csv (StarCalc)", "44,34,76");
    }
    // A macro loading a CSV itself reads every column as text (format 2), as the wizard does:
    // otherwise Calc turns "08001" into 8001.
    std::string textColumns = "44,34,76,1,";
    for (int column = 1; column <= 16; ++column)
        textColumns += (column > 1 ? "/" : "") + std::to_string(column) + "/2";
    for (const char* name : {"clientes.xlsx", "clientes.csv"})
    {
        SetUp();
        const bool csv = std::string(name).ends_with(".csv");
        SheetDocument file(*office, "file://" + (dir / name).string(), true,
                           csv ? "Text - txt - csv (StarCalc)" : "", csv ? textColumns : "");
        const auto sheet = file.sheet();
        const auto result = directory->importClients(file.range("A1:D3"), {});
        EXPECT_EQ(count(result, "Created"), 2) << name << "\n" << joined(problems(result));
        const auto client = directory->getClient(u("B12345674"));
        EXPECT_EQ(field(client, "legalName"), "Excel Ñandú, S.A.") << name;
        EXPECT_EQ(field(client, "notes"), "=SUMA(A1)") << name;
        EXPECT_EQ(field(client, "postalCode"), "08001") << name;
        EXPECT_EQ(field(directory->getClient(u("PT501964843")), "notes"), "Olá 🙂") << name;
        (void)sheet;
    }
}

namespace
{
// The resident size of the office's soffice.bin (a child of the launcher Office::pid() names
// when there is one), in MB, from /proc/<pid>/status.
double officeResidentMb(pid_t launcher)
{
    pid_t pid = launcher;
    for (const auto& entry : std::filesystem::directory_iterator("/proc"))
    {
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line))
            continue;
        const auto close = line.rfind(')');
        if (close == std::string::npos || line.find("(soffice.bin)") == std::string::npos)
            continue;
        std::istringstream rest(line.substr(close + 2));
        char state = 0;
        pid_t parent = 0;
        rest >> state >> parent;
        if (parent == launcher)
            pid = static_cast<pid_t>(std::atoi(line.c_str()));
    }
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atof(line.c_str() + 6) / 1024.0;
    return -1;
}

Reference<css::table::XCellRange> sheetRange(const SheetDocument& document, const std::string& name)
{
    return Reference<css::table::XCellRange>(document.sheet(), UNO_QUERY_THROW)
        ->getCellRangeByName(u(name));
}
} // namespace

// A whole-sheet or whole-column range costs what its filled cells cost: the four rows are
// imported, the office's memory barely moves (this range grew it to 24 GB before).
TEST_F(ImportApi, WholeSheetAndWholeColumnRangesReadOnlyTheFilledCells)
{
    SheetDocument document(*office);
    document.fill("A1", kClients);
    for (const char* name : {"A1:AMJ1048576", "A1:J1048576"})
    {
        SetUp();
        const double before = officeResidentMb(office->pid());
        const auto checked =
            directory->importClients(sheetRange(document, name), options({{"DryRun", Any(true)}}));
        EXPECT_EQ(count(checked, "Created"), 3) << name << "\n" << joined(problems(checked));
        const auto result = directory->importClients(sheetRange(document, name), {});
        const double after = officeResidentMb(office->pid());
        EXPECT_EQ(count(result, "Created"), 3) << name << "\n" << joined(problems(result));
        EXPECT_EQ(directory->countClients(), 3) << name;
        ASSERT_EQ(problems(result).size(), 1U) << name;
        EXPECT_EQ(problems(result)[0].rfind("row 4, taxId: ", 0), 0U) << problems(result)[0];
        css::uno::Sequence<rtl::OUString> mapping;
        resultValue(result, "Mapping") >>= mapping;
        EXPECT_EQ(mapping.getLength(), 4) << name; // the filled columns, not 1024
        EXPECT_GT(before, 0);
        EXPECT_LT(after - before, 100.0) << name << ": " << before << " MB → " << after << " MB";
    }
}

// The header is found where the data starts, below the range's first row; problems name the
// sheet's rows.
TEST_F(ImportApi, WholeColumnsWhoseDataStartsLower)
{
    SheetDocument document(*office);
    document.fill("A3", kClients);
    const auto result = directory->importClients(sheetRange(document, "A1:J1048576"), {});
    EXPECT_EQ(count(result, "Created"), 3) << joined(problems(result));
    ASSERT_EQ(problems(result).size(), 1U);
    EXPECT_EQ(problems(result)[0].rfind("row 6, taxId: ", 0), 0U) << problems(result)[0];
    EXPECT_EQ(field(directory->getClient(u("B12345674")), "city"), "Albacete");
}

// A sparse sheet: a row near the bottom is read, the empty rows between are skipped, and a
// problem there names its row. Columns left of the data keep an explicit mapping in place.
TEST_F(ImportApi, SparseSheetsAndColumnsLeftOfTheData)
{
    SheetDocument document(*office);
    document.fill("C1", {{"Razón social", "Correo"}, {"Primera, S.L.", "uno@example.com"}});
    document.fill("C900000", {{"Última, S.L.", "no es un correo"}});
    const auto range = sheetRange(document, "A1:AMJ1048576");
    const auto checked = directory->importClients(range, options({{"DryRun", Any(true)}}));
    EXPECT_EQ(count(checked, "Errors"), 1);
    ASSERT_EQ(problems(checked).size(), 1U);
    EXPECT_EQ(problems(checked)[0].rfind("row 900000, email: ", 0), 0U) << problems(checked)[0];
    css::uno::Sequence<rtl::OUString> mapping;
    resultValue(checked, "Mapping") >>= mapping;
    ASSERT_EQ(mapping.getLength(), 4); // A and B (nothing) and the two filled columns
    EXPECT_EQ(s(mapping[0]), "");
    EXPECT_EQ(s(mapping[2]), "legalName");
    EXPECT_EQ(s(mapping[3]), "email");

    document.fill("D900000", {{"ultima@example.com"}});
    const auto result = directory->importClients(
        range, options({{"Mapping", strings({"", "", "legalName", "email"})}}));
    EXPECT_EQ(count(result, "Created"), 2) << joined(problems(result));
    EXPECT_EQ(directory->findClients(u("última"), 5).getLength(), 1);
}

// =1/0 used to become an empty field without a word: now a warning on its row and field,
// counted, listed and marked on the cell.
TEST_F(ImportApi, FormulaErrorsAreWarnedAbout)
{
    SheetDocument document(*office);
    const auto range = document.fill("A1", kClients);
    cellOf(document, "C3")->setFormula(u("=1/0"));
    const auto result =
        directory->importClients(range, options({{"DryRun", Any(true)}, {"MarkCells", Any(true)}}));
    EXPECT_EQ(count(result, "Created"), 3) << joined(problems(result));
    EXPECT_EQ(count(result, "Warnings"), 2); // the check digit of row 4, and this
    const std::string text = joined(problems(result));
    EXPECT_NE(text.find("row 3, city: La fórmula da un error (#DIV/0!)"), std::string::npos)
        << text;
    EXPECT_EQ(backgroundOf(document, "C3"), 0xFFEB9C);
    EXPECT_NE(noteOf(document, "C3").find("#DIV/0!"), std::string::npos) << noteOf(document, "C3");
    directory->importClients(range, options({{"DryRun", Any(true)}, {"RemoveMarks", Any(true)}}));
}

// A website cell showing "Nuestra web" with a hyperlink to https://example.com gives the URL;
// the same text in another column stays text. Text never becomes formula-like by tidying.
TEST_F(ImportApi, WebsiteHyperlinksAndFormulaLikeText)
{
    SheetDocument document(*office);
    const auto range = document.fill("A1", {{"Razón social", "Web", "Notas"},
                                            {"\t=1+1", "", "Nuestra web"},
                                            {"Sin enlace, S.L.", "www.example.org", ""}});
    const Reference<css::text::XTextContent> link(
        Reference<css::lang::XMultiServiceFactory>(document.document(), UNO_QUERY_THROW)
            ->createInstance(u("com.sun.star.text.TextField.URL")),
        UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet>(link, UNO_QUERY_THROW)
        ->setPropertyValue(u("URL"), Any(u("https://example.com")));
    Reference<css::beans::XPropertySet>(link, UNO_QUERY_THROW)
        ->setPropertyValue(u("Representation"), Any(u("Nuestra web")));
    const Reference<css::text::XText> text(cellOf(document, "B2"), UNO_QUERY_THROW);
    text->insertTextContent(
        Reference<css::text::XTextRange>(text->createTextCursor(), UNO_QUERY_THROW), link, false);
    ASSERT_EQ(cellText(document, "B2"), "Nuestra web");

    const auto result = directory->importClients(range, {});
    EXPECT_EQ(count(result, "Created"), 2) << joined(problems(result));
    const auto codes = directory->findClients(u("1+1"), 5);
    ASSERT_EQ(codes.getLength(), 1);
    const auto client = directory->getClient(codes[0]);
    EXPECT_EQ(field(client, "website"), "https://example.com");
    EXPECT_EQ(field(client, "notes"), "Nuestra web");
    EXPECT_EQ(field(client, "legalName"), " =1+1");
    EXPECT_EQ(field(directory->getClient(directory->findClients(u("sin enlace"), 1)[0]), "website"),
              "www.example.org");
}
} // namespace clientes::testing

namespace clientes::testing
{
namespace
{
// Odoo's own contact import template (addons/base_import/static/csv/res.partner.csv), as it is.
constexpr const char* kOdooTemplate =
    "ID,Name,Company Type,Related Company,Customer,Supplier,Address Type,Street,Street2,City,"
    "State,ZIP,Country,Website,Phone,Mobile,Email\n"
    "res_partner_1,Grocery Outlet,Company,,TRUE,FALSE,,51 Federal Street,#401,San "
    "Francisco,California,94107,United States,groceryoutlet.com,123456789,,\n"
    "res_partner_2,Bob,Individual,Grocery Outlet,,,Contact,,,,,,,,,4157654321,\n"
    "res_partner_3,Bill,Individual,Grocery Outlet,,,Other address,645 21st Street,,San "
    "Francisco,California,94110,United States,,,4517864512,\n"
    "res_partner_4,Warehouse,Individual,Grocery Outlet,,,Shipping address,645 21st "
    "Street,,San Francisco,California,94110,United States,,415659874,,bill@odoo.com\n"
    "res_partner_5,Accounting dep.,Individual,Grocery Outlet,,,Invoice address,51 Federal "
    "Street,#404,San Francisco,California,94107,United States,,123456780,,\n"
    "res_partner_6,Agrolait,Company,,TRUE,FALSE,,3442 2nd Avenue,,New York,New "
    "York,11201,United States,agrolait.com,654978123,,\n";
} // namespace

// Nothing left behind silently: the columns of Odoo's template that no field takes are listed
// with how many values they hold, in the result and first in the report sheet; mapped to
// "noteLine", they go to the notes.
TEST_F(ImportApi, ColumnsLeftOutAreListedAndCanGoToTheNotes)
{
    const auto file = office->workDir() / "res.partner.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << kOdooTemplate;
    }
    SheetDocument document(*office, "file://" + file.string(), true, "Text - txt - csv (StarCalc)",
                           "44,34,76,1");
    const auto range = document.range("A1:Q7");
    const auto checked = directory->importClients(
        range, options({{"DryRun", Any(true)}, {"ReportSheet", Any(u("Informe"))}}));
    css::uno::Sequence<rtl::OUString> headers;
    css::uno::Sequence<sal_Int32> counts;
    resultValue(checked, "LeftOutColumns") >>= headers;
    resultValue(checked, "LeftOutValues") >>= counts;
    ASSERT_EQ(headers.getLength(), counts.getLength());
    std::map<std::string, int> leftOut;
    for (sal_Int32 i = 0; i < headers.getLength(); ++i)
        leftOut[s(headers[i])] = counts[i];
    std::string listed;
    for (const auto& [header, values] : leftOut)
        listed += header + "=" + std::to_string(values) + " ";
    std::printf("left out of Odoo's template: %s\n", listed.c_str());
    rtl::OUString system;
    resultValue(checked, "System") >>= system;
    EXPECT_EQ(s(system), "Odoo");
    EXPECT_EQ(leftOut.count("Street2"), 0U) << listed;      // the second address line
    EXPECT_EQ(leftOut.count("Mobile"), 0U) << listed;       // Bob's and Bill's only numbers
    EXPECT_EQ(leftOut.count("Company Type"), 0U) << listed; // the client's kind
    EXPECT_EQ(leftOut["Customer"], 2) << listed;
    EXPECT_EQ(leftOut.count("Related Company"), 0U) << listed; // its people and addresses
    EXPECT_EQ(leftOut.count("ID"), 0U) << listed;              // to the notes, as Odoo's
    EXPECT_EQ(leftOut.count("Name"), 0U) << listed;
    EXPECT_EQ(leftOut.count("Email"), 0U) << listed;

    const auto report = Reference<css::table::XCellRange>(
        document.document()->getSheets()->getByName(u("Informe")), UNO_QUERY_THROW);
    const auto data =
        Reference<css::sheet::XCellRangeData>(
            report->getCellRangeByPosition(0, 0, 4, headers.getLength()), UNO_QUERY_THROW)
            ->getDataArray();
    std::set<std::string> reported;
    for (sal_Int32 r = 1; r < data.getLength(); ++r)
    {
        EXPECT_EQ(s(data[r][0].get<rtl::OUString>()), ""); // a whole column, no row
        EXPECT_EQ(s(data[r][1].get<rtl::OUString>()), "No importada");
        reported.insert(s(data[r][4].get<rtl::OUString>()));
    }
    EXPECT_EQ(reported.count("Customer: 2 valores, no se importará"), 1U);
    EXPECT_EQ(reported.count("Street2: 2 valores, no se importará"), 0U);

    // Every column left out goes to the notes.
    css::uno::Sequence<rtl::OUString> mapping;
    resultValue(checked, "Mapping") >>= mapping;
    ASSERT_EQ(mapping.getLength(), 17);
    css::uno::Sequence<rtl::OUString> wanted(mapping.getLength());
    css::uno::Sequence<rtl::OUString> titles;
    {
        const auto row =
            Reference<css::sheet::XCellRangeData>(document.range("A1:Q1"), UNO_QUERY_THROW)
                ->getDataArray();
        for (sal_Int32 c = 0; c < 17; ++c)
            wanted.getArray()[c] =
                leftOut.count(s(row[0][c].get<rtl::OUString>())) ? u("noteLine") : mapping[c];
    }
    const auto imported = directory->importClients(range, options({{"Mapping", Any(wanted)}}));
    css::uno::Sequence<rtl::OUString> none;
    resultValue(imported, "LeftOutColumns") >>= none;
    EXPECT_EQ(none.getLength(), 0);
    // Two companies, not six clients: Bob is Grocery Outlet's contact, the other rows its
    // addresses (Bill's row is an "Other address" in the template).
    EXPECT_EQ(count(imported, "Created"), 2) << joined(problems(imported));
    EXPECT_EQ(count(imported, "Contacts"), 1);
    EXPECT_EQ(count(imported, "Addresses"), 3);
    bool committed = false;
    resultValue(imported, "Committed") >>= committed;
    ASSERT_TRUE(committed) << joined(problems(imported));
    const auto grocery = directory->findClients(u("grocery outlet"), 0);
    ASSERT_GE(grocery.getLength(), 1);
    const std::string notes = field(directory->getClient(grocery[0]), "notes");
    EXPECT_EQ(notes.find("Street2"), std::string::npos) << notes;
    EXPECT_EQ(notes.find("address"), std::string::npos) << notes;
    // The address rows are its addresses, billing first.
    const auto addresses = directory->getRecords(grocery[0], u("addresses"));
    ASSERT_EQ(addresses.getLength(), 3);
    EXPECT_EQ(field(addresses[0], "type"), "billing");
    EXPECT_EQ(field(addresses[0], "name"), "Accounting dep.");
    EXPECT_EQ(field(addresses[0], "street2"), "#404");
    EXPECT_EQ(field(addresses[0], "country"), "US");
    EXPECT_EQ(field(addresses[1], "type"), "other");
    EXPECT_EQ(field(addresses[2], "type"), "shipping");
    EXPECT_EQ(field(addresses[2], "name"), "Warehouse");
    EXPECT_EQ(field(addresses[2], "email"), "bill@odoo.com");
    EXPECT_EQ(field(directory->getClient(grocery[0]), "street2"), "#401");
    EXPECT_EQ(field(directory->getClient(grocery[0]), "kind"), "company");
    EXPECT_EQ(directory->findClients(u("bob"), 0).getLength(), 0);
    const auto people = directory->getRecords(grocery[0], u("contacts"));
    ASSERT_EQ(people.getLength(), 1);
    EXPECT_EQ(field(people[0], "name"), "Bob");
    EXPECT_EQ(field(people[0], "mobile"), "4157654321");
    EXPECT_NE(notes.find("ID: res_partner_1"), std::string::npos) << notes;
    directory->undoLastImport();
}
} // namespace clientes::testing

namespace clientes::testing
{
namespace
{
// A file per system users leave behind, with its documented columns; what one client of it
// must become.
struct SourceFile
{
    const char* name;
    const char* csv;
    const char* system;
    int created;
    const char* search; // finds the client checked
    std::vector<std::pair<const char*, const char*>> fields;
    const char* contact = nullptr; // the name of the client's one contact, if any
    const char* iban = nullptr;    // the IBAN of the client's one bank account, if any
};

const std::vector<SourceFile>& sourceFiles()
{
    static const std::vector<SourceFile> files = {
        {"holded-contactos.csv",
         "Nombre,Nombre comercial,Persona de contacto,ID,Email,Teléfono,Móvil,Dirección,"
         "Población,Código postal,Provincia,País,IBAN,SWIFT,Notas,Tags separados por -\n"
         "\"Talleres Ruiz, S.L.\",Talleres Ruiz,Marta Ruiz,B12345674,info@truiz.es,"
         "912000000,600111222,Calle Mayor 1,Madrid,28013,Madrid,España,"
         "ES91 2100 0418 4502 0005 1332,CAIXESBBXXX,Buen pagador,vip-mayorista\n",
         "Holded",
         1,
         "talleres ruiz",
         {{"taxId", "B12345674"},
          {"mobile", "600111222"},
          {"tags", "vip, mayorista"},
          {"country", "ES"},
          {"notes", "Buen pagador"}},
         "Marta Ruiz",
         "ES9121000418450200051332"},
        {"export_societe_1.csv",
         "Id,Name,Alias Name,Parent company,Status,Customer,Vendor,Customer Code,Address,"
         "Zip Code,City,Country,Phone,Url,Email,VAT ID,Third-party type,\n"
         "12,Boulangerie Martin SARL,Martin,,1,1,0,CU2401-00012,3 rue de la Paix,75002,"
         "Paris,France,0140000000,martin.fr,contact@martin.fr,FR40303265045,Small company,\n",
         "Dolibarr",
         1,
         "boulangerie martin",
         {{"tradeName", "Martin"},
          {"taxId", "FR40303265045"},
          {"website", "martin.fr"},
          {"kind", "company"},
          {"country", "FR"}}},
        {"Customer.csv",
         "ID,Customer Name,Customer Type,Customer Group,Territory,Mobile No,Email Id\n"
         "CUST-00001,Grant Plastics Ltd.,Company,Commercial,United Kingdom,+44 7700 900123,"
         "sales@grant.co.uk\n"
         "CUST-00002,Ana Silva,Individual,Individual,Portugal,,\n",
         "ERPNext",
         2,
         "grant plastics",
         {{"kind", "company"},
          {"mobile", "+44 7700 900123"},
          {"notes", "ID: CUST-00001\nCustomer Group: Commercial\nTerritory: United Kingdom"}}},
        {"contacts.csv",
         "First Name,Middle Name,Last Name,Phonetic First Name,File As,Organization Name,"
         "Organization Title,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,"
         "Phone 1 - Value,Address 1 - Street,Address 1 - City,Address 1 - Postal Code,"
         "Address 1 - Country\n"
         "Lucía,,Gómez,,,Estudio Gómez,Arquitecta,,* myContacts ::: Clientes,* Work,"
         "lucia@estudiogomez.es,Mobile,+34 611 222 333,Calle Sol 2,Valencia,46001,España\n"
         ",,,,,Ferretería Central,,,,,ventas@ferreteria.es,,,,,,\n",
         "Google Contacts",
         2,
         "lucia gomez",
         {{"legalName", "Lucía Gómez"},
          {"kind", "person"},
          {"email", "lucia@estudiogomez.es"},
          {"city", "Valencia"},
          {"tags", "Clientes"}, // "* myContacts" is Google's group of every contact
          {"notes", "Organization Title: Arquitecta\nOrganization Name: Estudio Gómez"}}},
        {"outlook.csv",
         "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
         "Business Street,Business Street 2,Business City,Business State,Business Postal Code,"
         "Business Country/Region,Business Phone,Mobile Phone,Categories,E-mail Address,"
         "E-mail Display Name,Notes,Web Page\n"
         ",João,,Pereira,,Pereira & Filhos,Compras,Diretor,Rua Augusta 10,3.º Esq.,Lisboa,,"
         "1100-053,Portugal,+351 213 000 000,+351 912 345 678,Clientes;VIP,joao@pereira.pt,"
         "João Pereira,,pereira.pt\n",
         "Outlook",
         1,
         "joao pereira",
         {{"legalName", "João Pereira"},
          {"street2", "3.º Esq."},
          {"mobile", "+351 912 345 678"},
          {"tags", "Clientes, VIP"},
          {"country", "PT"}}},
    };
    return files;
}
} // namespace

// Each system's file is recognised, read as that system means its columns, and undone.
TEST_F(ImportApi, EachSystemsFileIsRecognisedAndReadAsItMeansItsColumns)
{
    for (const SourceFile& source : sourceFiles())
    {
        SCOPED_TRACE(source.name);
        const auto imported = importCsvFile(source.name, source.csv);
        rtl::OUString system;
        resultValue(imported, "System") >>= system;
        EXPECT_EQ(s(system), source.system);
        EXPECT_EQ(count(imported, "Created"), source.created) << joined(problems(imported));
        bool committed = false;
        resultValue(imported, "Committed") >>= committed;
        ASSERT_TRUE(committed) << joined(problems(imported));
        const auto found = directory->findClients(u(source.search), 0);
        ASSERT_EQ(found.getLength(), 1);
        const auto client = directory->getClient(found[0]);
        for (const auto& [name, value] : source.fields)
            EXPECT_EQ(field(client, name), value) << name;
        if (source.contact != nullptr)
        {
            const auto people = directory->getRecords(found[0], u("contacts"));
            ASSERT_EQ(people.getLength(), 1);
            EXPECT_EQ(field(people[0], "name"), source.contact);
        }
        if (source.iban != nullptr)
        {
            const auto accounts = directory->getRecords(found[0], u("bankAccounts"));
            ASSERT_EQ(accounts.getLength(), 1);
            EXPECT_EQ(field(accounts[0], "iban"), source.iban);
            EXPECT_EQ(field(accounts[0], "bic"), "CAIXESBBXXX");
            EXPECT_EQ(field(accounts[0], "ibanCheck"), "valid");
        }
        directory->undoLastImport();
        EXPECT_EQ(directory->findClients(u(source.search), 0).getLength(), 0);
    }
}
} // namespace clientes::testing

namespace clientes::testing
{
// ERPNext exports a doctype a file: the customers, then their contacts and their addresses,
// each row linked to its customer by "Link Name (Links)". Imported one after the other, the
// three make one client with its people and addresses; each import is undone on its own.
TEST_F(ImportApi, ErpNextsCustomersContactsAndAddressesFilesMakeOneClient)
{
    const auto importCsv = [](const char* name, const std::string& csv)
    { return importFileOf("ERPNext", name, csv); };
    const auto customers = importCsv(
        "Customer.csv", "ID,Customer Name,Customer Type,Customer Group,Territory,Mobile No,"
                        "Email Id\n"
                        "Grant Plastics Ltd.,Grant Plastics Ltd.,Company,Commercial,United "
                        "Kingdom,+44 7700 900123,sales@grant.co.uk\n");
    EXPECT_EQ(count(customers, "Created"), 1) << joined(problems(customers));
    const auto contacts = importCsv(
        "Contact.csv",
        "ID,First Name,Middle Name,Last Name,Email Address,Status,Designation,Phone,Mobile No,"
        "Link Document Type (Links),Link Name (Links),Link Title (Links)\n"
        "Emma Grant-Grant Plastics Ltd.,Emma,,Grant,emma@grant.co.uk,Passive,Purchasing "
        "Manager,+44 113 000 0001,+44 7700 900456,Customer,Grant Plastics Ltd.,Grant Plastics "
        "Ltd.\n");
    EXPECT_EQ(count(contacts, "Created"), 0) << joined(problems(contacts));
    EXPECT_EQ(count(contacts, "Contacts"), 1) << joined(problems(contacts));
    const auto addresses = importCsv(
        "Address.csv",
        "ID,Address Title,Address Type,Address Line 1,Address Line 2,City/Town,County,"
        "State/Province,Country,Postal Code,Email Address,Phone,Fax,Preferred Billing Address,"
        "Preferred Shipping Address,Disabled,Link Document Type (Links),Link Name (Links),"
        "Link Title (Links)\n"
        "Grant Plastics Ltd.-Billing,Grant Plastics Ltd.,Billing,14 Mill Lane,Unit 3,Leeds,"
        "West Yorkshire,,United Kingdom,LS1 4AB,accounts@grant.co.uk,+44 113 000 0000,,1,0,0,"
        "Customer,Grant Plastics Ltd.,Grant Plastics Ltd.\n"
        "Almacén norte-Shipping,Almacén norte,Shipping,Dock Road 9,,Hull,,,United Kingdom,"
        "HU1 2AA,,,,0,1,0,Customer,Grant Plastics Ltd.,Grant Plastics Ltd.\n");
    EXPECT_EQ(count(addresses, "Created"), 0) << joined(problems(addresses));
    EXPECT_EQ(count(addresses, "Addresses"), 2) << joined(problems(addresses));

    const auto found = directory->findClients(u("grant plastics"), 0);
    ASSERT_EQ(found.getLength(), 1);
    const auto client = directory->getClient(found[0]);
    EXPECT_EQ(field(client, "kind"), "company");
    EXPECT_EQ(field(client, "mobile"), "+44 7700 900123");
    const auto people = directory->getRecords(found[0], u("contacts"));
    ASSERT_EQ(people.getLength(), 1);
    EXPECT_EQ(field(people[0], "name"), "Emma Grant");
    EXPECT_EQ(field(people[0], "role"), "Purchasing Manager");
    EXPECT_EQ(field(people[0], "mobile"), "+44 7700 900456");
    const auto places = directory->getRecords(found[0], u("addresses"));
    ASSERT_EQ(places.getLength(), 2);
    EXPECT_EQ(field(places[0], "type"), "billing");
    EXPECT_EQ(field(places[0], "name"), "Grant Plastics Ltd.");
    EXPECT_EQ(field(places[0], "street2"), "Unit 3");
    EXPECT_EQ(field(places[0], "postalCode"), "LS1 4AB");
    EXPECT_EQ(field(places[0], "country"), "GB");
    EXPECT_EQ(field(places[1], "type"), "shipping");
    EXPECT_EQ(field(places[1], "name"), "Almacén norte");
    EXPECT_EQ(field(places[1], "city"), "Hull");
    // What an address has no field for is said, not dropped silently.
    css::uno::Sequence<rtl::OUString> leftOut;
    resultValue(addresses, "LeftOutColumns") >>= leftOut;
    std::string said;
    for (const rtl::OUString& column : leftOut)
        said += s(column) + ";";
    EXPECT_NE(said.find("Preferred Billing Address"), std::string::npos) << said;

    // Each import undone on its own, the last first: the addresses, then the people, then the
    // customer.
    directory->undoLastImport();
    EXPECT_EQ(directory->getRecords(found[0], u("addresses")).getLength(), 0);
    EXPECT_EQ(directory->getRecords(found[0], u("contacts")).getLength(), 1);
    directory->undoLastImport();
    EXPECT_EQ(directory->getRecords(found[0], u("contacts")).getLength(), 0);
    directory->undoLastImport();
    EXPECT_EQ(directory->findClients(u("grant plastics"), 0).getLength(), 0);
}
} // namespace clientes::testing

namespace clientes::testing
{
// Dolibarr exports its third parties and their contacts apart (datasets societe_1 and
// societe_2): imported one after the other, the people are contacts of their companies; what a
// contact has no field for (the civility, the person's own address) is said, not dropped.
TEST_F(ImportApi, DolibarrsThirdPartiesThenTheirContacts)
{
    const auto importCsv = [](const char* name, const std::string& csv)
    { return importFileOf("Dolibarr", name, csv); };
    const auto companies = importCsv(
        "export_societe_1.csv",
        "Id,Name,Alias Name,Parent company,Status,Customer,Vendor,Customer Code,Address,"
        "Zip Code,City,Country,Phone,Url,Email,VAT ID,Third-party type\n"
        "31,Carpinteria Soler SL,Soler,,1,1,0,CU2401-00031,Calle Pino 4,46001,Valencia,Spain,"
        "960000000,soler.es,info@soler.es,ESB46123453,Small company\n");
    EXPECT_EQ(count(companies, "Created"), 1) << joined(problems(companies));
    const auto people = importCsv(
        "export_societe_2.csv",
        "Contact Id,Civility code,Last name,First name,Job position,Address,Zip Code,City,"
        "Phone,Mobile,EMail,Company Id,Company name\n"
        "77,MME,Soler,Rosa,Gerente,Calle Olmo 9,46002,Valencia,960000001,611000001,"
        "rosa@soler.es,31,Carpinteria Soler SL\n"
        "78,MR,Vidal,Pau,,,,,,,,32,Taller Vidal SL\n");
    EXPECT_EQ(count(people, "Created"), 0) << joined(problems(people));
    EXPECT_EQ(count(people, "Contacts"), 1) << joined(problems(people));
    // Pau's company is nowhere: reported, not made a client.
    EXPECT_NE(joined(problems(people)).find("Taller Vidal SL"), std::string::npos)
        << joined(problems(people));
    css::uno::Sequence<rtl::OUString> leftOut;
    resultValue(people, "LeftOutColumns") >>= leftOut;
    std::string said;
    for (const rtl::OUString& column : leftOut)
        said += s(column) + ";";
    EXPECT_EQ(said, "Civility code;Address;Zip Code;City;Company Id;") << said;

    const auto found = directory->findClients(u("carpinteria soler"), 0);
    ASSERT_EQ(found.getLength(), 1);
    const auto client = directory->getClient(found[0]);
    EXPECT_EQ(field(client, "taxId"), "ESB46123453");
    EXPECT_EQ(field(client, "street"), "Calle Pino 4"); // the person's address is not its own
    const auto contacts = directory->getRecords(found[0], u("contacts"));
    ASSERT_EQ(contacts.getLength(), 1);
    EXPECT_EQ(field(contacts[0], "name"), "Rosa Soler");
    EXPECT_EQ(field(contacts[0], "role"), "Gerente");
    EXPECT_EQ(field(contacts[0], "mobile"), "611000001");
    EXPECT_EQ(field(contacts[0], "email"), "rosa@soler.es");

    directory->undoLastImport();
    EXPECT_EQ(directory->getRecords(found[0], u("contacts")).getLength(), 0);
    directory->undoLastImport();
    EXPECT_EQ(directory->findClients(u("carpinteria soler"), 0).getLength(), 0);
}
} // namespace clientes::testing
