// The import wizard, created from the installed .xdl and driven through its handler the way
// its buttons do (a modal execute() returns at once under --headless): the selection or a
// file as source, the mapping corrected, the check with marks and their removal, the import
// and its result. Also the export dialog.
#include "import_export_support.hpp"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/grid/XGridColumnModel.hpp>
#include <com/sun/star/awt/grid/XGridDataModel.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <gtest/gtest.h>

#include <memory>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{
css::beans::NamedValue named(const char* name, Any value)
{
    return css::beans::NamedValue(rtl::OUString::createFromAscii(name), std::move(value));
}

Reference<css::frame::XFrame> frameOf(const SheetDocument& document)
{
    return Reference<css::frame::XModel>(document.document(), UNO_QUERY_THROW)
        ->getCurrentController()
        ->getFrame();
}
} // namespace

class ImportWizard : public ::testing::Test
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
        {
            // Invoices an earlier test gave the client go first: a client with records
            // cannot be deleted.
            for (const auto& record : directory->getRecords(code, u("invoices")))
                for (const auto& value : record)
                    if (value.Name == "id")
                        directory->removeRecord(u("invoices"), value.Value.get<sal_Int64>());
            directory->deleteClient(code);
        }
    }
    void TearDown() override
    {
        if (dialog.is())
            Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
        dialog.clear();
        handler.clear();
    }

    // Opens the wizard as the deck does, over a document's frame. False when the service is
    // not registered in this build (see the report: exports.cxx / clientes.components).
    bool open(const char* service, const char* xdl,
              std::initializer_list<css::beans::NamedValue> arguments)
    {
        handler.set(office->create(service), UNO_QUERY);
        if (!handler.is())
            return false;
        Sequence<Any> values(static_cast<sal_Int32>(arguments.size()));
        sal_Int32 i = 0;
        for (const auto& argument : arguments)
            values.getArray()[i++] <<= argument;
        Reference<css::lang::XInitialization>(handler, UNO_QUERY_THROW)->initialize(values);
        dialog =
            css::awt::DialogProvider2::create(office->context())
                ->createDialogWithHandler(
                    u(std::string("vnd.sun.star.extension://org.clientes.calc/dialogs/") + xdl),
                    handler);
        return dialog.is() && handler->callHandlerMethod(dialog, Any(), u("prepare"));
    }

    bool call(const char* method) const
    {
        return handler->callHandlerMethod(dialog, Any(), u(method));
    }

    Reference<css::beans::XPropertySet> model(const char* name) const
    {
        const auto control =
            Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(u(name));
        if (!control.is())
            throw std::runtime_error(std::string("no control ") + name);
        return Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
    }

    std::string label(const char* name) const
    {
        rtl::OUString value;
        model(name)->getPropertyValue(u("Label")) >>= value;
        if (!value.startsWith("&"))
            return s(value);
        Reference<css::resource::XStringResourceResolver> resolver;
        Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW)
            ->getPropertyValue(u("ResourceResolver")) >>= resolver;
        return s(resolver->resolveString(value.copy(1)));
    }

    std::vector<std::string> items(const char* name) const
    {
        Sequence<rtl::OUString> list;
        model(name)->getPropertyValue(u("StringItemList")) >>= list;
        std::vector<std::string> out;
        for (const auto& item : list)
            out.push_back(s(item));
        return out;
    }

    void check(const char* name, bool on) const
    {
        model(name)->setPropertyValue(u("State"), Any(sal_Int16(on ? 1 : 0)));
    }

    void choose(const char* list, sal_Int16 index) const
    {
        Sequence<sal_Int16> selected(1);
        selected.getArray()[0] = index;
        model(list)->setPropertyValue(u("SelectedItems"), Any(selected));
    }

    sal_Int32 page() const
    {
        sal_Int32 step = 0;
        Reference<css::beans::XPropertySet>(
            Reference<css::awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW)
            ->getPropertyValue(u("Step")) >>= step;
        return step;
    }

    bool enabled(const char* name) const
    {
        bool value = false;
        model(name)->getPropertyValue(u("Enabled")) >>= value;
        return value;
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> directory;
    Reference<css::awt::XDialogEventHandler> handler;
    Reference<css::awt::XDialog> dialog;
};
std::unique_ptr<Office> ImportWizard::office;
Reference<XClientDirectory> ImportWizard::directory;

TEST_F(ImportWizard, FromTheSelectionThroughEveryStep)
{
    SheetDocument document(*office);
    const auto range =
        document.fill("B2", {{"Empresa", "CIF", "Localidad", "Comentario"},
                             {"Talleres Ñúñez, S.L.", "B-1234567-4", "Albacete", "x"},
                             {"Panadería Conceição", "PT 501 964 843", "Braga", "y"},
                             {"", "", "Soria", "sin nombre"}});
    Reference<css::view::XSelectionSupplier>(
        Reference<css::frame::XModel>(document.document(), UNO_QUERY_THROW)->getCurrentController(),
        UNO_QUERY_THROW)
        ->select(Any(range));
    if (!open("org.clientes.ImportWizard", "ImportWizard.xdl",
              {named("Kind", Any(u("clients"))), named("Frame", Any(frameOf(document)))}))
        FAIL() << "org.clientes.ImportWizard is not registered in this build";

    // Step 1: the selection is offered and chosen.
    EXPECT_EQ(page(), 1);
    EXPECT_EQ(s(dialog->getTitle()), "Importar clientes desde una hoja");
    EXPECT_NE(label("optSelection").find("B2:E5"), std::string::npos) << label("optSelection");
    sal_Int16 state = 0;
    model("optSelection")->getPropertyValue(u("State")) >>= state;
    EXPECT_EQ(state, 1);
    EXPECT_FALSE(enabled("btnBack"));

    // Step 2: columns recognised; the preview shows the first rows with their sheet numbers.
    ASSERT_TRUE(call("onNext"));
    EXPECT_EQ(page(), 2);
    const auto columns = items("lstColumn");
    ASSERT_EQ(columns.size(), 4U);
    EXPECT_EQ(columns[0], "B: Empresa");
    const auto grid = model("gridPreview");
    const Reference<css::awt::grid::XGridDataModel> rows(grid->getPropertyValue(u("GridDataModel")),
                                                         UNO_QUERY_THROW);
    EXPECT_EQ(rows->getRowCount(), 3);
    EXPECT_EQ(s(rows->getRowHeading(0).get<rtl::OUString>()), "3");
    const Reference<css::awt::grid::XGridColumnModel> gridColumns(
        grid->getPropertyValue(u("ColumnModel")), UNO_QUERY_THROW);
    EXPECT_EQ(s(gridColumns->getColumn(0)->getTitle()), "B: Empresa → Nombre legal");
    EXPECT_EQ(s(gridColumns->getColumn(3)->getTitle()), "E: Comentario → Notas");
    // The user says column E is not for us.
    choose("lstColumn", 3);
    ASSERT_TRUE(call("onColumnSelected"));
    Sequence<sal_Int16> chosen;
    model("lstField")->getPropertyValue(u("SelectedItems")) >>= chosen;
    ASSERT_EQ(chosen.getLength(), 1);
    EXPECT_EQ(items("lstField")[chosen[0]], "Notas");
    choose("lstField", 0);
    ASSERT_TRUE(call("onFieldSelected"));
    EXPECT_EQ(s(gridColumns->getColumn(3)->getTitle()), "E: Comentario → (ignorar)");
    EXPECT_EQ(label("lblMappingNote").rfind("3 de 4 columnas asignadas", 0), 0U)
        << label("lblMappingNote");

    // Step 3: the check counts and lists the problem of row 5, marked on the sheet.
    ASSERT_TRUE(call("onNext"));
    EXPECT_EQ(page(), 3);
    EXPECT_NE(label("lblCounts").find("Crear: 2"), std::string::npos) << label("lblCounts");
    EXPECT_NE(label("lblCounts").find("Errores: 1"), std::string::npos) << label("lblCounts");
    const auto problems = items("lstProblems");
    ASSERT_EQ(problems.size(), 2U);
    // The column ignored, with what it holds, first.
    EXPECT_EQ(problems[0], "Comentario: 3 valores, no se importará");
    EXPECT_EQ(problems[1].rfind("fila 5, Nombre legal: ", 0), 0U) << problems[1];
    EXPECT_TRUE(enabled("btnLeftOutToNotes"));
    EXPECT_FALSE(enabled("btnImport"));
    EXPECT_TRUE(enabled("btnRemoveMarks"));
    const auto noteOfB5 = [&]
    {
        return s(Reference<css::text::XSimpleText>(
                     Reference<css::sheet::XSheetAnnotationAnchor>(
                         document.range("B5")->getCellByPosition(0, 0), UNO_QUERY_THROW)
                         ->getAnnotation(),
                     UNO_QUERY_THROW)
                     ->getString());
    };
    EXPECT_EQ(noteOfB5(), "El nombre legal es obligatorio.");
    ASSERT_TRUE(call("onRemoveMarks"));
    EXPECT_EQ(noteOfB5(), "");
    EXPECT_NE(label("lblCounts").find("Marcas quitadas"), std::string::npos);

    // Skipping the invalid row makes it importable; a report sheet is asked for.
    check("chkSkipInvalid", true);
    check("chkReport", true);
    ASSERT_TRUE(call("onOptionChanged"));
    EXPECT_EQ(label("lblCounts"), "Las opciones han cambiado: pulse Comprobar.");
    ASSERT_TRUE(call("onCheck"));
    EXPECT_TRUE(enabled("btnImport"));
    ASSERT_TRUE(call("onImport"));

    // Step 4: the result.
    EXPECT_EQ(page(), 4);
    EXPECT_NE(label("lblResult").find("Clientes creados: 2 "), std::string::npos)
        << label("lblResult");
    EXPECT_NE(label("lblResult").find("Informe de importación"), std::string::npos);
    EXPECT_EQ(items("lstSkipped").size(), 1U);
    EXPECT_EQ(label("btnClose"), "Cerrar");
    EXPECT_EQ(directory->countClients(), 2);
    EXPECT_EQ(field(directory->getClient(u("B12345674")), "notes"), "");
    EXPECT_TRUE(document.document()->getSheets()->hasByName(u("Informe de importación")));
}

// The check lists the columns that will not be imported with how many values they hold;
// "Pasar a las notas" puts them all in the notes as "Column: value" lines, in one click.
TEST_F(ImportWizard, ColumnsLeftOutAreListedAndGoToTheNotesInOneClick)
{
    SheetDocument document(*office);
    document.fill("A1", {{"Name", "Customer", "Supplier", "Street2", "Email"},
                         {"Grocery Outlet", "TRUE", "FALSE", "#401", "info@grocery.com"},
                         {"Agrolait", "TRUE", "", "", ""}});
    if (!open("org.clientes.ImportWizard", "ImportWizard.xdl",
              {named("Kind", Any(u("clients"))), named("Frame", Any(frameOf(document)))}))
        FAIL() << "org.clientes.ImportWizard is not registered in this build";
    check("optSelection", false);
    check("optSheet", true);
    ASSERT_TRUE(call("onNext"));
    // The notes line is one of the choices of every column.
    EXPECT_EQ(items("lstField").back(), "A las notas («Columna: valor»)");
    ASSERT_TRUE(call("onNext"));
    EXPECT_EQ(page(), 3);
    std::vector<std::string> problems = items("lstProblems");
    std::vector<std::string> leftOut;
    for (const std::string& line : problems)
        if (line.find("no se importará") != std::string::npos)
            leftOut.push_back(line);
    // "Street2" is the second address line now.
    EXPECT_EQ(leftOut, (std::vector<std::string>{"Customer: 2 valores, no se importará",
                                                 "Supplier: 1 valor, no se importará"}))
        << problems.size();
    ASSERT_TRUE(enabled("btnLeftOutToNotes"));

    ASSERT_TRUE(call("onLeftOutToNotes"));
    for (const std::string& line : items("lstProblems"))
        EXPECT_EQ(line.find("no se importará"), std::string::npos) << line;
    EXPECT_FALSE(enabled("btnLeftOutToNotes"));
    EXPECT_TRUE(enabled("btnImport"));
    EXPECT_EQ(label("lblMappingNote").rfind("5 de 5 columnas asignadas", 0), 0U)
        << label("lblMappingNote");
    ASSERT_TRUE(call("onImport")) << label("lblCounts");
    EXPECT_EQ(page(), 4) << label("lblCounts");
    const auto grocery = directory->findClients(u("grocery"), 0);
    ASSERT_EQ(grocery.getLength(), 1);
    EXPECT_EQ(field(directory->getClient(grocery[0]), "notes"), "Customer: TRUE\nSupplier: FALSE");
    EXPECT_EQ(field(directory->getClient(grocery[0]), "street2"), "#401");
}

// A sheet with the headers of Odoo's contact template is recognised as Odoo's, and says so on
// the mapping page: its columns are read as Odoo means them (the kind, the second address
// line, the mobile; its external ID to the notes).
TEST_F(ImportWizard, AnOdooFileIsRecognisedAndSaysSo)
{
    SheetDocument document(*office);
    document.fill("A1", {{"ID", "Name", "Company Type", "Related Company", "Street", "Street2",
                          "ZIP", "City", "Country", "Phone", "Mobile", "Email"},
                         {"res_partner_6", "Agrolait", "Company", "", "3442 2nd Avenue", "",
                          "11201", "New York", "United States", "654978123", "", ""},
                         {"res_partner_9", "Ana Ruiz", "Individual", "", "Calle Mayor 1", "2º B",
                          "28013", "Madrid", "España", "", "600111222", ""}});
    if (!open("org.clientes.ImportWizard", "ImportWizard.xdl",
              {named("Kind", Any(u("clients"))), named("Frame", Any(frameOf(document)))}))
        FAIL() << "org.clientes.ImportWizard is not registered in this build";
    check("optSelection", false);
    check("optSheet", true);
    ASSERT_TRUE(call("onNext"));
    EXPECT_EQ(label("lblMappingNote").rfind("Parece una exportación de Odoo: ", 0), 0U)
        << label("lblMappingNote");
    // "Related Company" is read as the row's company: no column is left unread.
    EXPECT_NE(label("lblMappingNote").find("12 de 12 columnas asignadas"), std::string::npos)
        << label("lblMappingNote");
    ASSERT_TRUE(call("onNext"));
    std::vector<std::string> leftOut;
    for (const std::string& line : items("lstProblems"))
        if (line.find("no se importará") != std::string::npos)
            leftOut.push_back(line);
    EXPECT_TRUE(leftOut.empty()) << leftOut.front(); // "Related Company" holds nothing here
    ASSERT_TRUE(call("onImport")) << label("lblCounts");
    const auto ana = directory->findClients(u("ana ruiz"), 0);
    ASSERT_EQ(ana.getLength(), 1);
    const auto client = directory->getClient(ana[0]);
    EXPECT_EQ(field(client, "kind"), "person");
    EXPECT_EQ(field(client, "street2"), "2º B");
    EXPECT_EQ(field(client, "mobile"), "600111222");
    EXPECT_EQ(field(client, "country"), "ES");
    EXPECT_EQ(field(client, "notes"), "ID: res_partner_9");
    directory->undoLastImport();
}

TEST_F(ImportWizard, FromACsvFileAndRemembersTheMapping)
{
    const std::filesystem::path file = office->workDir() / "lista.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "Cliente;Identificador;C.P.;Nota\n"
               "\"Ñandú; S.A.\";B-1234567-4;08001;=1+1\n"
               "Çedilha Lda.;PT501964843;0001-001;Olá 🙂\n";
    }
    SheetDocument document(*office);
    if (!open("org.clientes.ImportWizard", "ImportWizard.xdl",
              {named("Kind", Any(u("clients"))), named("Frame", Any(frameOf(document)))}))
        FAIL() << "org.clientes.ImportWizard is not registered in this build";
    check("optSelection", false);
    check("optSheet", false);
    check("optFile", true);
    ASSERT_TRUE(call("onSourceChanged"));
    EXPECT_TRUE(enabled("txtFile"));
    Reference<css::awt::XTextComponent>(
        Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(u("txtFile")),
        UNO_QUERY_THROW)
        ->setText(u(file.string()));
    ASSERT_TRUE(call("onNext"));
    ASSERT_EQ(page(), 2) << label("errSource");
    // "Identificador" is not recognised: the user maps it to the tax ID.
    choose("lstColumn", 1);
    ASSERT_TRUE(call("onColumnSelected"));
    choose("lstField",
           4); // (ignorar), Código, Nombre legal, Nombre comercial, Identificación fiscal
    ASSERT_EQ(items("lstField")[4], "Identificación fiscal");
    ASSERT_TRUE(call("onFieldSelected"));
    ASSERT_TRUE(call("onNext"));
    EXPECT_FALSE(enabled("chkMarkCells")); // a file opened hidden cannot show marks
    ASSERT_TRUE(call("onImport")) << label("lblCounts");
    EXPECT_EQ(page(), 4) << label("lblCounts");
    const auto client = directory->getClient(u("B12345674"));
    EXPECT_EQ(field(client, "legalName"), "Ñandú; S.A.");
    EXPECT_EQ(field(client, "postalCode"), "08001");
    EXPECT_EQ(field(client, "notes"), "=1+1");
    EXPECT_EQ(field(directory->getClient(u("PT501964843")), "notes"), "Olá 🙂");

    // The same headers again: the mapping comes back as the user left it.
    TearDown();
    SheetDocument other(*office);
    other.fill("A1", {{"Cliente", "Identificador", "C.P.", "Nota"}, {"Otra", "B87654321", "", ""}});
    open("org.clientes.ImportWizard", "ImportWizard.xdl",
         {named("Kind", Any(u("clients"))), named("Frame", Any(frameOf(other)))});
    check("optSelection", false);
    check("optSheet", true);
    ASSERT_TRUE(call("onNext"));
    choose("lstColumn", 1);
    ASSERT_TRUE(call("onColumnSelected"));
    Sequence<sal_Int16> selected;
    model("lstField")->getPropertyValue(u("SelectedItems")) >>= selected;
    ASSERT_EQ(selected.getLength(), 1);
    EXPECT_EQ(selected[0], 4);
    // The sheet's used area imports as it is.
    ASSERT_TRUE(call("onNext"));
    ASSERT_TRUE(call("onImport")) << label("lblCounts");
    EXPECT_EQ(page(), 4) << label("lblCounts");
    EXPECT_EQ(field(directory->getClient(u("B87654321")), "legalName"), "Otra");
}

TEST_F(ImportWizard, InvoicesCreatingMissingClients)
{
    SheetDocument document(*office);
    Reference<css::beans::XPropertySet>(document.document(), UNO_QUERY_THROW)
        ->setPropertyValue(u("CharLocale"),
                           Any(css::lang::Locale(u("es"), u("ES"), rtl::OUString())));
    document.fill("A1", {{"Factura", "NIF", "Cliente", "Fecha", "Total", "Estado"},
                         {"W-1", "B87654321", "Nueva, S.L.", "15/06/2024", "1.210,00", "Pagada"}});
    if (!open("org.clientes.ImportWizard", "ImportWizard.xdl",
              {named("Kind", Any(u("invoices"))), named("Frame", Any(frameOf(document)))}))
        FAIL() << "org.clientes.ImportWizard is not registered in this build";
    EXPECT_EQ(s(dialog->getTitle()), "Importar facturas desde una hoja");
    bool visible = false;
    model("chkCreateMissing")->getPropertyValue(u("EnableVisible")) >>= visible;
    EXPECT_TRUE(visible);
    check("optSelection", false);
    check("optSheet", true);
    check("chkCreateMissing", true);
    ASSERT_TRUE(call("onNext"));
    EXPECT_EQ(items("lstField")[1], "Número de factura");
    ASSERT_TRUE(call("onNext"));
    EXPECT_NE(label("lblCounts").find("Crear: 1"), std::string::npos) << label("lblCounts");
    ASSERT_TRUE(call("onImport"));
    EXPECT_NE(label("lblResult").find("Facturas creadas: 1 "), std::string::npos)
        << label("lblResult");
    const auto invoices = directory->getRecords(u("B87654321"), u("invoices"));
    ASSERT_EQ(invoices.getLength(), 1);
    EXPECT_EQ(field(invoices[0], "issueDate"), "2024-06-15");
    EXPECT_EQ(field(invoices[0], "status"), "paid");
}

TEST_F(ImportWizard, ExportDialogWritesANewSheet)
{
    directory->addClient(fields({{"legalName", "Exportable, S.L."}, {"postalCode", "01001"}}));
    directory->addClient(fields({{"legalName", "Otra"}}));
    SheetDocument document(*office);
    if (!open("org.clientes.ExportDialog", "ExportDialog.xdl",
              {named("Kind", Any(u("clients"))), named("Frame", Any(frameOf(document))),
               named("Query", Any(u("export"))), named("Codes", Any(Sequence<rtl::OUString>()))}))
        FAIL() << "org.clientes.ExportDialog is not registered in this build";
    EXPECT_EQ(s(dialog->getTitle()), "Exportar clientes a una hoja");
    EXPECT_EQ(label("optAll"), "~Todos los clientes (2)");
    EXPECT_EQ(label("optSearch"), "La ~búsqueda actual «export» (1)");
    EXPECT_FALSE(enabled("optSelected"));
    sal_Int16 state = 0;
    model("optSearch")->getPropertyValue(u("State")) >>= state;
    EXPECT_EQ(state, 1);
    ASSERT_TRUE(call("onExport"));
    ASSERT_TRUE(document.document()->getSheets()->hasByName(u("Clientes")));
    const auto sheet = Reference<css::table::XCellRange>(
        document.document()->getSheets()->getByName(u("Clientes")), UNO_QUERY_THROW);
    const auto data = Reference<css::sheet::XCellRangeData>(sheet->getCellRangeByName(u("A1:G3")),
                                                            UNO_QUERY_THROW)
                          ->getDataArray();
    EXPECT_EQ(s(data[1][1].get<rtl::OUString>()), "Exportable, S.L.");
    EXPECT_EQ(s(data[1][6].get<rtl::OUString>()), "01001");
    EXPECT_EQ(s(data[2][1].get<rtl::OUString>()), ""); // only the search's match
    // Without the box ticked, no sheet of addresses or accounts.
    EXPECT_FALSE(document.document()->getSheets()->hasByName(u("Direcciones")));

    // With it: the client's bank account on a sheet of its own.
    TearDown();
    directory->addRecord(directory->findClients(u("export"), 1)[0], u("bankAccounts"),
                         fields({{"iban", "DE89 3704 0044 0532 0130 00"}}));
    ASSERT_TRUE(
        open("org.clientes.ExportDialog", "ExportDialog.xdl",
             {named("Kind", Any(u("clients"))), named("Frame", Any(frameOf(document))),
              named("Query", Any(u("export"))), named("Codes", Any(Sequence<rtl::OUString>()))}));
    EXPECT_EQ(label("chkRecords"),
              "También sus personas, di~recciones y cuentas bancarias (en hojas aparte)");
    check("chkRecords", true);
    ASSERT_TRUE(call("onExport"));
    ASSERT_TRUE(document.document()->getSheets()->hasByName(u("Personas de contacto")));
    ASSERT_TRUE(document.document()->getSheets()->hasByName(u("Direcciones")));
    ASSERT_TRUE(document.document()->getSheets()->hasByName(u("Cuentas bancarias")));
    const auto accounts = Reference<css::table::XCellRange>(
        document.document()->getSheets()->getByName(u("Cuentas bancarias")), UNO_QUERY_THROW);
    EXPECT_EQ(s(accounts->getCellByPosition(1, 1)->getFormula()), "Exportable, S.L.");
    EXPECT_EQ(s(accounts->getCellByPosition(2, 1)->getFormula()), "DE89370400440532013000");

    // Invoices: period and status from the dialog.
    TearDown();
    directory->addRecord(directory->findClients(u("export"), 1)[0], u("invoices"),
                         fields({{"number", "E-1"},
                                 {"issueDate", "2024-03-01"},
                                 {"net", "10"},
                                 {"tax", "0"},
                                 {"total", "10"},
                                 {"currency", "EUR"},
                                 {"status", "paid"}}));
    ASSERT_TRUE(open("org.clientes.ExportDialog", "ExportDialog.xdl",
                     {named("Kind", Any(u("invoices"))), named("Frame", Any(frameOf(document)))}));
    EXPECT_EQ(items("lstStatus"),
              (std::vector<std::string>{"Todos", "Borrador", "Emitida", "Pagada"}));
    model("dateFrom")->setPropertyValue(u("Date"), Any(css::util::Date(1, 1, 2024)));
    model("dateTo")->setPropertyValue(u("Date"), Any(css::util::Date(31, 12, 2024)));
    choose("lstStatus", 3);
    ASSERT_TRUE(call("onExport"));
    ASSERT_TRUE(document.document()->getSheets()->hasByName(u("Facturas")));
    const auto invoices = Reference<css::table::XCellRange>(
        document.document()->getSheets()->getByName(u("Facturas")), UNO_QUERY_THROW);
    EXPECT_EQ(s(invoices->getCellByPosition(0, 1)->getFormula()), "E-1");
}
TEST_F(ImportWizard, ExportDialogWritesANewDocument)
{
    directory->addClient(fields({{"legalName", "Documento Nuevo, S.L."}, {"taxId", "B12345674"}}));
    SheetDocument document(*office);
    ASSERT_TRUE(open("org.clientes.ExportDialog", "ExportDialog.xdl",
                     {named("Kind", Any(u("clients"))), named("Frame", Any(frameOf(document)))}));
    check("optNewSheet", false);
    check("optNewDocument", true);
    ASSERT_TRUE(call("onExport"));
    EXPECT_FALSE(document.document()->getSheets()->hasByName(u("Clientes")));

    // A new Calc document holds the list.
    Reference<css::sheet::XSpreadsheetDocument> created;
    const auto components = css::frame::Desktop::create(office->context())->getComponents();
    const auto each = components->createEnumeration();
    while (each->hasMoreElements())
    {
        const Reference<css::sheet::XSpreadsheetDocument> candidate(each->nextElement(), UNO_QUERY);
        if (candidate.is() && candidate != document.document() &&
            candidate->getSheets()->hasByName(u("Clientes")))
            created = candidate;
    }
    ASSERT_TRUE(created.is());
    const auto sheet = Reference<css::table::XCellRange>(
        created->getSheets()->getByName(u("Clientes")), UNO_QUERY_THROW);
    EXPECT_EQ(s(sheet->getCellByPosition(1, 1)->getFormula()), "Documento Nuevo, S.L.");
    EXPECT_EQ(s(sheet->getCellByPosition(3, 1)->getFormula()), "B12345674");
    Reference<css::util::XCloseable>(created, UNO_QUERY_THROW)->close(true);
}

} // namespace clientes::testing
