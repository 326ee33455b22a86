#include "dialogs/import_wizard.hxx"
#include "support/awt_controls.hxx"

#include "api/store_errors.hxx"
#include "core/messages/import_messages.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/model/client.hpp"
#include "core/transfer/import_invoices.hpp"
#include "dialogs/import_ui.hxx"
#include "sheets/import_engine.hxx"
#include "sheets/sheet_io.hxx"
#include "sheets/sheet_marks.hxx"
#include "support/entry_guard.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/status_progress.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XDialog2.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/grid/DefaultGridColumnModel.hpp>
#include <com/sun/star/awt/grid/DefaultGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridColumn.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>
#include <rtl/uri.hxx>

#include <memory>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno::import_wizard
{
namespace
{
using namespace transfer_ui;

constexpr sal_Int16 kSourcePage = 1;
constexpr sal_Int16 kColumnsPage = 2;
constexpr sal_Int16 kCheckPage = 3;
constexpr sal_Int16 kResultPage = 4;
constexpr std::size_t kPreviewRows = 8;
constexpr std::size_t kListedProblems = 500;

std::string key(const char* name)
{
    return std::string("ImportWizard.") + name;
}

class ImportWizard
    : public ComponentBase<kComponent, css::awt::XDialogEventHandler, css::lang::XInitialization>
{
public:
    explicit ImportWizard(const Reference<XComponentContext>& context)
        : m_context(context), m_language(uiLanguage(context))
    {
    }

    ~ImportWizard() override { closeFile(); }

    // Arguments: NamedValues Kind ("clients" | "invoices") and Frame (the Calc frame whose
    // document, sheet and selection are the sources), or Document (an XSpreadsheetDocument).
    void SAL_CALL initialize(const Sequence<Any>& arguments) override
    {
        guarded("ImportWizard.initialize",
                [&]
                {
                    for (const Any& argument : arguments)
                    {
                        css::beans::NamedValue value;
                        if (!(argument >>= value))
                            continue;
                        if (value.Name == "Kind")
                        {
                            OUString kind;
                            value.Value >>= kind;
                            m_kind =
                                kind == "invoices" ? ImportKind::Invoices : ImportKind::Clients;
                        }
                        else if (value.Name == "Frame")
                        {
                            Reference<css::frame::XFrame> frame;
                            value.Value >>= frame;
                            useFrame(frame);
                        }
                        else if (value.Name == "Document")
                            value.Value >>= m_document;
                    }
                });
    }

    void useFrame(const Reference<css::frame::XFrame>& frame)
    {
        if (!frame.is() || !frame->getController().is())
            return;
        const Reference<css::frame::XController> controller = frame->getController();
        m_document.set(controller->getModel(), UNO_QUERY);
        const Reference<css::view::XSelectionSupplier> selection(controller, UNO_QUERY);
        if (selection.is())
        {
            const Reference<css::sheet::XSheetCellRanges> several(selection->getSelection(),
                                                                  UNO_QUERY);
            const Reference<css::table::XCellRange> range(selection->getSelection(), UNO_QUERY);
            if (range.is() && !several.is() &&
                Reference<css::sheet::XSheetCellRange>(range, UNO_QUERY).is())
                m_selection = range;
        }
        const Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
        if (view.is())
            m_sheet = view->getActiveSheet();
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XDialog>& dialog, const Any&,
                                        const OUString& method) override
    {
        return guarded("ImportWizard." + toUtf8(method),
                       [&]() -> sal_Bool
                       {
                           try
                           {
                               return dispatch(dialog, method);
                           }
                           catch (const StoreError& error)
                           {
                               showProblem(dialog, fromUtf8(describe(error, m_language)));
                           }
                           catch (const css::lang::IllegalArgumentException& error)
                           {
                               showProblem(dialog, error.Message);
                           }
                           return true;
                       });
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return asciiNames({"prepare", "onNext", "onBack", "onSourceChanged", "onBrowse",
                           "onColumnSelected", "onFieldSelected", "onOptionChanged", "onCheck",
                           "onRemoveMarks", "onImport", "onLeftOutToNotes"});
    }

    bool imported() const { return m_imported; }

private:
    bool dispatch(const Dialog& dialog, const OUString& method)
    {
        if (method == "prepare")
            prepare(dialog);
        else if (method == "onNext")
            next(dialog);
        else if (method == "onBack")
            back(dialog);
        else if (method == "onSourceChanged")
            sourceChanged(dialog);
        else if (method == "onBrowse")
            browse(dialog);
        else if (method == "onColumnSelected")
            columnSelected(dialog);
        else if (method == "onFieldSelected")
            fieldSelected(dialog);
        else if (method == "onOptionChanged")
            optionChanged(dialog);
        else if (method == "onCheck")
            check(dialog);
        else if (method == "onRemoveMarks")
            removeMarks(dialog);
        else if (method == "onImport")
            import(dialog);
        else if (method == "onLeftOutToNotes")
            leftOutToNotes(dialog);
        else
            return false;
        return true;
    }

    bool invoices() const { return m_kind == ImportKind::Invoices; }

    // ---------------------------------------------------------------- page 1: source

    void prepare(const Dialog& dialog)
    {
        dialog->setTitle(text(dialog, key(invoices() ? "Title.Invoices" : "Title.Clients")));
        model(dialog, "lblStep")
            ->setPropertyValue(ascii("FontWeight"), Any(css::awt::FontWeight::BOLD));
        setVisible(dialog, "chkCreateMissing", invoices());
        addPreviewGrid(dialog);
        setItems(dialog, "lstMode",
                 {text(dialog, key("ModeBoth")), text(dialog, key("ModeCreate")),
                  text(dialog, key("ModeUpdate"))});
        select(dialog, "lstMode", 0);
        setItems(dialog, "lstPolicy",
                 {text(dialog, key("PolicyOverwrite")), text(dialog, key("PolicyFillEmpty"))});
        select(dialog, "lstPolicy", 0);

        // The selection is offered when it is a block of rows; else the sheet's used area.
        bool selectionUseful = false;
        if (m_selection.is())
        {
            const sheet_io::Located where = sheet_io::locate(m_context, m_selection);
            selectionUseful = where.address.EndRow > where.address.StartRow;
            setLabel(dialog, "optSelection",
                     text(dialog, key("SourceSelection"), {{"range", sheet_io::rangeName(where)}}));
        }
        else
            setLabel(dialog, "optSelection", text(dialog, key("SourceSelectionNone")));
        setEnabled(dialog, "optSelection", m_selection.is());
        if (m_sheet.is())
        {
            const sheet_io::Located used = sheet_io::locate(m_context, sheet_io::usedArea(m_sheet));
            setLabel(dialog, "optSheet",
                     text(dialog, key("SourceSheet"), {{"range", sheet_io::rangeName(used)}}));
        }
        setEnabled(dialog, "optSheet", m_sheet.is());
        setChecked(dialog, "optSelection", selectionUseful);
        setChecked(dialog, "optSheet", !selectionUseful && m_sheet.is());
        setChecked(dialog, "optFile", !selectionUseful && !m_sheet.is());
        sourceChanged(dialog);
        showPage(dialog, kSourcePage);
    }

    void sourceChanged(const Dialog& dialog)
    {
        const bool file = isChecked(dialog, "optFile");
        setEnabled(dialog, "txtFile", file);
        setEnabled(dialog, "btnBrowse", file);
        setLabel(dialog, "errSource", OUString());
        m_import.reset(); // read again on Next
    }

    void browse(const Dialog& dialog)
    {
        const Reference<css::ui::dialogs::XFilePicker3> picker =
            css::ui::dialogs::FilePicker::createWithMode(
                m_context, css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
        picker->appendFilter(text(dialog, key("FileFilter")), ascii("*.ods;*.xlsx;*.xls;*.csv"));
        picker->appendFilter(text(dialog, key("AllFiles")), ascii("*.*"));
        picker->setCurrentFilter(text(dialog, key("FileFilter")));
        if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
            return;
        const Sequence<OUString> files = picker->getSelectedFiles();
        if (files.getLength() == 0)
            return;
        OUString path;
        if (osl::FileBase::getSystemPathFromFileURL(files[0], path) != osl::FileBase::E_None)
            path = files[0];
        setText(dialog, "txtFile", path);
        setChecked(dialog, "optFile", true);
        sourceChanged(dialog);
    }

    void closeFile()
    {
        if (!m_file.is())
            return;
        guardedNoThrow("closing the imported file", [this]
                       { Reference<css::util::XCloseable>(m_file, UNO_QUERY_THROW)->close(true); });
        m_file.clear();
    }

    // Reads the chosen source; false (with the reason shown) when there is none.
    bool loadSource(const Dialog& dialog)
    {
        setLabel(dialog, "errSource", OUString());
        m_import.reset();
        closeFile();
        sheet_io::Located where;
        std::string description;
        if (isChecked(dialog, "optFile"))
        {
            const OUString typed = textOf(dialog, "txtFile").trim();
            if (typed.isEmpty())
                return fail(dialog, text(dialog, key("NoFile")));
            OUString url = typed;
            if (!typed.startsWith("file:") &&
                osl::FileBase::getFileURLFromSystemPath(typed, url) != osl::FileBase::E_None)
                url = typed;
            try
            {
                m_file = sheet_io::openSpreadsheetFile(m_context, url);
            }
            catch (const css::uno::Exception& error)
            {
                return fail(dialog,
                            text(dialog, key("CannotOpen"),
                                 {{"file", toUtf8(typed)}, {"reason", toUtf8(error.Message)}}));
            }
            const Reference<css::sheet::XSpreadsheet> first(
                Reference<css::container::XIndexAccess>(m_file->getSheets(), UNO_QUERY_THROW)
                    ->getByIndex(0),
                UNO_QUERY_THROW);
            where = sheet_io::locate(m_context, sheet_io::usedArea(first));
            const sal_Int32 slash = url.lastIndexOf('/');
            description = clientes::text(
                TextKey::TransferSourceFile, m_language,
                {{"file", toUtf8(rtl::Uri::decode(url.copy(slash + 1), rtl_UriDecodeWithCharset,
                                                  RTL_TEXTENCODING_UTF8))}});
        }
        else if (isChecked(dialog, "optSelection") && m_selection.is())
        {
            where = sheet_io::locate(m_context, m_selection);
            description = describeRange(where, true, m_language);
        }
        else if (m_sheet.is())
        {
            where = sheet_io::locate(m_context, sheet_io::usedArea(m_sheet));
            description = describeRange(where, false, m_language);
        }
        else
            return fail(dialog, text(dialog, key("NoDocument")));
        m_import = std::make_unique<SheetImport>(m_context, where, std::move(description));
        const std::size_t header = m_import->headerRow();
        const bool empty =
            m_import->rowCount() == 0 ||
            std::all_of(m_import->table().begin() + static_cast<std::ptrdiff_t>(header),
                        m_import->table().end(), [](const auto& row) { return row.empty(); });
        if (empty)
        {
            m_import.reset();
            return fail(dialog, text(dialog, key("EmptySource")));
        }
        m_mapping = m_import->proposedMapping(m_kind, isChecked(dialog, "chkHeader"));
        m_layout = m_import->recognisedLayout(m_kind, isChecked(dialog, "chkHeader"));
        return true;
    }

    bool fail(const Dialog& dialog, const OUString& reason)
    {
        setLabel(dialog, "errSource", reason);
        return false;
    }

    void showProblem(const Dialog& dialog, const OUString& problem)
    {
        if (page(dialog) == kSourcePage)
            setLabel(dialog, "errSource", problem);
        else
            setLabel(dialog, "lblCounts", problem);
    }

    // ---------------------------------------------------------------- page 2: columns

    void addPreviewGrid(const Dialog& dialog)
    {
        const Reference<css::container::XNameContainer> models(dialogModel(dialog),
                                                               UNO_QUERY_THROW);
        if (models->hasByName(ascii("gridPreview")))
            return;
        const Reference<css::beans::XPropertySet> grid(
            Reference<css::lang::XMultiServiceFactory>(models, UNO_QUERY_THROW)
                ->createInstance(ascii("com.sun.star.awt.grid.UnoControlGridModel")),
            UNO_QUERY_THROW);
        grid->setPropertyValue(ascii("PositionX"), Any(sal_Int32(8)));
        grid->setPropertyValue(ascii("PositionY"), Any(sal_Int32(38)));
        grid->setPropertyValue(ascii("Width"), Any(sal_Int32(344)));
        grid->setPropertyValue(ascii("Height"), Any(sal_Int32(118)));
        grid->setPropertyValue(ascii("Step"), Any(sal_Int32(kColumnsPage)));
        grid->setPropertyValue(ascii("ShowRowHeader"), Any(true));
        grid->setPropertyValue(ascii("RowHeaderWidth"), Any(sal_Int32(24)));
        grid->setPropertyValue(ascii("ShowColumnHeader"), Any(true));
        grid->setPropertyValue(ascii("HScroll"), Any(true));
        grid->setPropertyValue(ascii("VScroll"), Any(true));
        grid->setPropertyValue(ascii("Tabstop"), Any(true));
        grid->setPropertyValue(ascii("GridDataModel"),
                               Any(css::awt::grid::DefaultGridDataModel::create(m_context)));
        grid->setPropertyValue(ascii("ColumnModel"),
                               Any(css::awt::grid::DefaultGridColumnModel::create(m_context)));
        models->insertByName(ascii("gridPreview"), Any(grid));
    }

    // Labels of the fields a column may hold, "(ignorar)" first; names are the API names.
    std::vector<std::pair<std::string, OUString>> fieldChoices(const Dialog& dialog) const
    {
        std::vector<std::pair<std::string, OUString>> choices = {{"", text(dialog, key("Ignore"))}};
        if (invoices())
            for (InvoiceField field : allInvoiceFields())
                choices.emplace_back(std::string(invoiceFieldName(field)),
                                     fromUtf8(invoiceFieldLabel(field, m_language)));
        else
        {
            for (Field field : allFields())
                choices.emplace_back(std::string(fieldName(field)),
                                     fromUtf8(fieldLabel(field, m_language)));
            // What the register has no field for: a "Column: value" line in the notes.
            choices.emplace_back(std::string(kNoteLineColumn), text(dialog, key("NoteLine")));
        }
        return choices;
    }

    OUString fieldLabelOf(const Dialog& dialog, const std::optional<std::string>& name) const
    {
        for (const auto& [api, label] : fieldChoices(dialog))
            if (api == name.value_or(""))
                return label;
        return text(dialog, key("Ignore"));
    }

    void fillColumnsPage(const Dialog& dialog)
    {
        const bool hasHeader = isChecked(dialog, "chkHeader");
        const std::vector<std::string> headers = m_import->headers(hasHeader);
        const std::size_t startColumn = m_import->firstColumn();

        // The grid: one column per sheet column, titled with what it is mapped to.
        const Reference<css::beans::XPropertySet> grid = model(dialog, "gridPreview");
        const Reference<css::awt::grid::XGridColumnModel> columns(
            grid->getPropertyValue(ascii("ColumnModel")), UNO_QUERY_THROW);
        while (columns->getColumnCount() > 0)
            columns->removeColumn(columns->getColumnCount() - 1);
        for (std::size_t c = 0; c < m_import->columnCount(); ++c)
        {
            const Reference<css::awt::grid::XGridColumn> column = columns->createColumn();
            column->setTitle(gridTitle(dialog, c, headers, startColumn));
            // Fixed widths, scrolled sideways: flexible columns squeeze some to nothing.
            column->setFlexibility(0);
            column->setMinWidth(40);
            column->setColumnWidth(100);
            columns->addColumn(column);
        }
        const Reference<css::awt::grid::XMutableGridDataModel> rows(
            grid->getPropertyValue(ascii("GridDataModel")), UNO_QUERY_THROW);
        rows->removeAllRows();
        const ImportTable& table = m_import->table();
        std::size_t row = hasHeader ? m_import->headerRow() + 1 : 0;
        for (std::size_t shown = 0; row < table.size() && shown < kPreviewRows; ++row, ++shown)
        {
            Sequence<Any> cells(static_cast<sal_Int32>(m_import->columnCount()));
            for (std::size_t c = 0; c < m_import->columnCount(); ++c)
                cells.getArray()[c] <<= fromUtf8(
                    c < table[row].size() ? cellText(table[row][c], Field::Notes) : std::string());
            rows->addRow(Any(OUString::number(static_cast<sal_Int64>(m_import->sheetRow(row)))),
                         cells);
        }

        // The list of columns and the list of fields.
        std::vector<OUString> entries;
        for (std::size_t c = 0; c < m_import->columnCount(); ++c)
            entries.push_back(
                text(dialog, key("ColumnEntry"),
                     {{"letter", columnLetters(startColumn + c)}, {"header", headers[c]}}));
        setItems(dialog, "lstColumn", entries);
        std::vector<OUString> labels;
        for (const auto& choice : fieldChoices(dialog))
            labels.push_back(choice.second);
        setItems(dialog, "lstField", labels);
        select(dialog, "lstColumn", 0);
        columnSelected(dialog);
        updateMappingNote(dialog);
    }

    OUString gridTitle(const Dialog& dialog, std::size_t column,
                       const std::vector<std::string>& headers, std::size_t startColumn) const
    {
        // A column no field takes that the system's rules read says what it is read as.
        OUString field = fieldLabelOf(dialog, m_mapping.at(column));
        if (!m_mapping.at(column))
            switch (m_layout.ruleOf(column))
            {
            case ColumnRule::NamePart:
                field = text(dialog, key("RuleNamePart"));
                break;
            case ColumnRule::Organization:
                field = text(dialog, key("RuleOrganization"));
                break;
            case ColumnRule::CompanyFlag:
                field = text(dialog, key("RuleCompanyFlag"));
                break;
            case ColumnRule::Parent:
                field = text(dialog, key("RuleParent"));
                break;
            case ColumnRule::AddressType:
                field = text(dialog, key("RuleAddressType"));
                break;
            case ColumnRule::JobTitle:
                field = text(dialog, key("RuleJobTitle"));
                break;
            case ColumnRule::ContactPerson:
                field = text(dialog, key("RuleContactPerson"));
                break;
            case ColumnRule::Iban:
                field = text(dialog, key("RuleIban"));
                break;
            case ColumnRule::Bic:
                field = text(dialog, key("RuleBic"));
                break;
            case ColumnRule::None:
                break;
            }
        return text(dialog, key("GridTitle"),
                    {{"letter", columnLetters(startColumn + column)},
                     {"header", headers[column]},
                     {"field", toUtf8(field)}});
    }

    void columnSelected(const Dialog& dialog)
    {
        const sal_Int16 column = selected(dialog, "lstColumn");
        if (column < 0 || static_cast<std::size_t>(column) >= m_mapping.size())
            return;
        const auto choices = fieldChoices(dialog);
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (choices[i].first == m_mapping[static_cast<std::size_t>(column)].value_or(""))
                select(dialog, "lstField", static_cast<sal_Int16>(i));
    }

    void fieldSelected(const Dialog& dialog)
    {
        const sal_Int16 column = selected(dialog, "lstColumn");
        const sal_Int16 choice = selected(dialog, "lstField");
        if (column < 0 || choice < 0 || static_cast<std::size_t>(column) >= m_mapping.size())
            return;
        const auto choices = fieldChoices(dialog);
        const std::string& name = choices.at(static_cast<std::size_t>(choice)).first;
        // A field comes from one column: the one that had it is ignored now (any number of
        // columns go to the notes as lines).
        if (!name.empty() && name != kNoteLineColumn)
            for (auto& mapped : m_mapping)
                if (mapped == name)
                    mapped.reset();
        m_mapping[static_cast<std::size_t>(column)] =
            name.empty() ? std::nullopt : std::optional<std::string>(name);
        m_checked.reset();
        refreshTitles(dialog);
    }

    // The preview's column titles say what each column is mapped to.
    void refreshTitles(const Dialog& dialog)
    {
        const std::vector<std::string> headers = m_import->headers(isChecked(dialog, "chkHeader"));
        const std::size_t startColumn = m_import->firstColumn();
        const Reference<css::awt::grid::XGridColumnModel> columns(
            model(dialog, "gridPreview")->getPropertyValue(ascii("ColumnModel")), UNO_QUERY_THROW);
        for (std::size_t c = 0;
             c < m_mapping.size() && c < static_cast<std::size_t>(columns->getColumnCount()); ++c)
            columns->getColumn(static_cast<sal_Int32>(c))
                ->setTitle(gridTitle(dialog, c, headers, startColumn));
        updateMappingNote(dialog);
    }

    // Columns a field takes, or a recognised system's rules read.
    std::size_t mappedColumns() const
    {
        std::size_t mapped = 0;
        for (std::size_t c = 0; c < m_mapping.size(); ++c)
            if (m_mapping[c] || m_layout.ruleOf(c) != ColumnRule::None)
                ++mapped;
        return mapped;
    }

    void updateMappingNote(const Dialog& dialog)
    {
        const std::size_t mapped = mappedColumns();
        OUString note = mapped == 0 ? text(dialog, key("MappingNoteNone"))
                                    : text(dialog, key("MappingNote"),
                                           {{"mapped", std::to_string(mapped)},
                                            {"columns", std::to_string(m_mapping.size())}});
        // A file of a system users leave behind says so: its columns were read as there.
        if (m_layout.system != SourceSystem::Unknown)
            note = text(dialog, key("SystemRecognised"),
                        {{"system", std::string(systemName(m_layout.system))}}) +
                   " " + note;
        setLabel(dialog, "lblMappingNote", note);
    }

    // ---------------------------------------------------------------- page 3: check

    ImportSettings settings(const Dialog& dialog) const
    {
        ImportSettings settings;
        settings.kind = m_kind;
        settings.hasHeader = isChecked(dialog, "chkHeader");
        std::vector<std::string> names;
        for (const auto& mapped : m_mapping)
            names.push_back(mapped.value_or(""));
        settings.mapping = std::move(names);
        const sal_Int16 mode = selected(dialog, "lstMode");
        settings.mode = mode == 1   ? ImportMode::CreateOnly
                        : mode == 2 ? ImportMode::UpdateOnly
                                    : ImportMode::Both;
        settings.policy =
            selected(dialog, "lstPolicy") == 1 ? UpdatePolicy::FillEmpty : UpdatePolicy::Overwrite;
        settings.skipInvalid = isChecked(dialog, "chkSkipInvalid");
        settings.createMissingClients = isChecked(dialog, "chkCreateMissing");
        // A file is opened hidden: its cells cannot be shown marked.
        settings.markCells = isChecked(dialog, "chkMarkCells") && !m_file.is();
        return settings;
    }

    void optionChanged(const Dialog& dialog)
    {
        m_checked.reset();
        if (page(dialog) == kCheckPage)
            setLabel(dialog, "lblCounts", text(dialog, key("NeedsCheck")));
    }

    std::string countsText(const Dialog& dialog, const ImportResult& result) const
    {
        // Rows of a company (a recognised system's file): its people and its addresses.
        std::string companyRows;
        if (result.contacts + result.addresses + result.bankAccounts > 0)
            companyRows =
                "\n" + toUtf8(text(
                           dialog, key("CountsCompanyRows"),
                           {{"contacts",
                             groupDigits(static_cast<std::int64_t>(result.contacts), m_language)},
                            {"addresses",
                             groupDigits(static_cast<std::int64_t>(result.addresses), m_language)},
                            {"accounts", groupDigits(static_cast<std::int64_t>(result.bankAccounts),
                                                     m_language)}}));
        return companyRows.insert(
            0, toUtf8(text(
                   dialog, key("Counts"),
                   {{"created", groupDigits(static_cast<std::int64_t>(result.created), m_language)},
                    {"updated", groupDigits(static_cast<std::int64_t>(result.updated), m_language)},
                    {"unchanged",
                     groupDigits(static_cast<std::int64_t>(result.unchanged), m_language)},
                    {"skipped", groupDigits(static_cast<std::int64_t>(result.skipped), m_language)},
                    {"errors", groupDigits(static_cast<std::int64_t>(result.errors), m_language)},
                    {"warnings",
                     groupDigits(static_cast<std::int64_t>(result.warnings), m_language)}})));
    }

    // `first`: lines listed before the problems.
    void showProblems(const Dialog& dialog, const char* list,
                      const std::vector<TransferProblem>& problems, bool rowsNotImportedOnly,
                      std::vector<OUString> first = {})
    {
        std::vector<OUString> lines = std::move(first);
        const std::size_t firstLines = lines.size();
        for (const TransferProblem& problem : problems)
        {
            if (lines.size() - firstLines >= kListedProblems)
                break;
            if (rowsNotImportedOnly && problem.severity != Severity::Error)
                continue;
            lines.push_back(fromUtf8(problem.userText));
        }
        if (lines.empty() && rowsNotImportedOnly)
            lines.push_back(text(dialog, key("NoSkipped")));
        setItems(dialog, list, lines);
    }

    void check(const Dialog& dialog)
    {
        if (!m_import)
            return;
        ImportSettings wanted = settings(dialog);
        if (!wanted.markCells && m_import->source().document.is() && !m_file.is())
            sheet_marks::removeAll(m_import->source().document); // stale marks of an earlier check
        std::optional<ImportResult> checked =
            withProgress(dialog, wanted, [&] { return m_import->check(wanted); });
        if (!checked)
            return;
        const ImportResult& result = *checked;
        std::string counts = countsText(dialog, result);
        if (result.marked > 0)
            counts += "\n" + toUtf8(text(dialog, key("Marked"),
                                         {{"count", std::to_string(result.marked)}}));
        const bool ready = result.invalid == 0 &&
                           std::none_of(result.problems.begin(), result.problems.end(),
                                        [](const TransferProblem& p) {
                                            return p.sheetRow == 0 && p.severity == Severity::Error;
                                        });
        counts +=
            "\n" + toUtf8(text(dialog, key(!ready ? "HasErrors"
                                           : result.created + result.updated + result.contacts == 0
                                               ? "NothingToDo"
                                               : "Ready")));
        setLabel(dialog, "lblCounts", fromUtf8(counts));
        // The columns that hold values and will not be imported, first: nothing is left
        // behind without the user seeing it.
        std::vector<OUString> leftOut;
        for (const LeftOutColumn& column : result.leftOut)
            leftOut.push_back(fromUtf8(leftOutText(column, m_language)));
        showProblems(dialog, "lstProblems", result.problems, false, std::move(leftOut));
        setEnabled(dialog, "btnLeftOutToNotes", !result.leftOut.empty());
        setEnabled(dialog, "btnRemoveMarks",
                   m_import->source().document.is() &&
                       sheet_marks::count(m_import->source().document) > 0);
        setEnabled(dialog, "btnImport",
                   ready && result.created + result.updated + result.contacts > 0);
        m_checked = result;
    }

    // Runs a check or commit with its progress in the document window's status bar; Esc
    // stops it while it has written nothing (the page then says so). Nothing when stopped.
    template <typename Work>
    std::optional<ImportResult> withProgress(const Dialog& dialog, ImportSettings& wanted,
                                             Work&& work)
    {
        StatusProgress progress(
            m_context,
            StatusProgress::indicatorOf(Reference<css::frame::XModel>(
                m_import->source().document.is() ? m_import->source().document : m_document,
                UNO_QUERY)),
            officeLocale(m_context));
        wanted.progress = &progress;
        try
        {
            return work();
        }
        catch (const WorkCancelled&)
        {
            setLabel(dialog, "lblCounts",
                     fromUtf8(clientes::text(TextKey::ImportCancelled, m_language)));
            setEnabled(dialog, "btnImport", false);
            return std::nullopt;
        }
    }

    // The columns the check left out go to the notes as "Column: value" lines; checked again.
    void leftOutToNotes(const Dialog& dialog)
    {
        if (!m_checked)
            return;
        for (const LeftOutColumn& column : m_checked->leftOut)
            if (column.tableColumn < m_mapping.size())
                m_mapping[column.tableColumn] = std::string(kNoteLineColumn);
        refreshTitles(dialog);
        updateMappingNote(dialog);
        check(dialog);
    }

    void removeMarks(const Dialog& dialog)
    {
        if (!m_import || !m_import->source().document.is())
            return;
        const std::size_t restored = sheet_marks::removeAll(m_import->source().document);
        setLabel(dialog, "lblCounts",
                 text(dialog, key("MarksRemoved"), {{"count", std::to_string(restored)}}));
        setEnabled(dialog, "btnRemoveMarks", false);
    }

    // ---------------------------------------------------------------- import and result

    void import(const Dialog& dialog)
    {
        if (!m_import)
            return;
        ImportSettings wanted = settings(dialog);
        wanted.markCells = false; // the marks of the check stay as they are
        if (isChecked(dialog, "chkReport") && !m_file.is())
            wanted.reportSheet = toUtf8(text(dialog, key("ReportName")));
        std::optional<ImportResult> committed =
            withProgress(dialog, wanted, [&] { return m_import->commit(wanted); });
        if (!committed)
            return;
        const ImportResult& result = *committed;
        if (!result.committed)
        {
            setLabel(dialog, "lblCounts",
                     fromUtf8(countsText(dialog, result) + "\n" + result.blocked));
            showProblems(dialog, "lstProblems", result.problems, false);
            setEnabled(dialog, "btnImport", false);
            return;
        }
        m_imported = result.created + result.updated + result.contacts > 0;
        std::string summary;
        if (!m_imported)
            summary = toUtf8(text(dialog, key("ResultNothing")));
        else
            summary = toUtf8(text(
                dialog, key(invoices() ? "ResultInvoices" : "ResultClients"),
                {{"created", groupDigits(static_cast<std::int64_t>(result.created), m_language)},
                 {"updated", groupDigits(static_cast<std::int64_t>(result.updated), m_language)},
                 {"unchanged",
                  groupDigits(static_cast<std::int64_t>(result.unchanged), m_language)},
                 {"skipped", groupDigits(static_cast<std::int64_t>(result.skipped), m_language)},
                 {"clients", std::to_string(result.clientsCreated)}}));
        if (!result.reportSheet.empty())
            summary +=
                "\n" + toUtf8(text(dialog, key("ResultReport"), {{"sheet", result.reportSheet}}));
        setLabel(dialog, "lblResult", fromUtf8(summary));
        showProblems(dialog, "lstSkipped", result.problems, true);
        setVisible(dialog, "lblUndoHint", m_imported);
        showPage(dialog, kResultPage);
        releaseFreedMemory();
    }

    // ---------------------------------------------------------------- navigation

    void next(const Dialog& dialog)
    {
        switch (page(dialog))
        {
        case kSourcePage:
            if (!m_import && !loadSource(dialog))
                return;
            fillColumnsPage(dialog);
            showPage(dialog, kColumnsPage);
            break;
        case kColumnsPage:
            if (mappedColumns() == 0)
            {
                updateMappingNote(dialog);
                return;
            }
            showPage(dialog, kCheckPage);
            check(dialog);
            break;
        default:
            break;
        }
    }

    void back(const Dialog& dialog)
    {
        const sal_Int16 current = page(dialog);
        if (current == kColumnsPage || current == kCheckPage)
            showPage(dialog, static_cast<sal_Int16>(current - 1));
    }

    void showPage(const Dialog& dialog, sal_Int16 target)
    {
        setPage(dialog, target);
        // Added after the dialog was made, the grid does not follow the page by itself.
        Reference<css::awt::XWindow>(control(dialog, "gridPreview"), UNO_QUERY_THROW)
            ->setVisible(target == kColumnsPage);
        const std::string step = "Step" + std::to_string(target);
        setLabel(dialog, "lblStep", text(dialog, key(step.c_str())));
        setLabel(dialog, "lblStepHelp", text(dialog, key((step + "Help").c_str())));
        setEnabled(dialog, "btnBack", target == kColumnsPage || target == kCheckPage);
        setEnabled(dialog, "btnNext", target == kSourcePage || target == kColumnsPage);
        setEnabled(dialog, "btnImport",
                   target == kCheckPage && m_checked && m_checked->invalid == 0 &&
                       m_checked->created + m_checked->updated + m_checked->contacts > 0);
        setLabel(dialog, "btnClose", text(dialog, key(target == kResultPage ? "Close" : "Cancel")));
        setEnabled(dialog, "chkMarkCells", !m_file.is());
        setEnabled(dialog, "chkReport", !m_file.is());
    }

    Reference<XComponentContext> m_context;
    Language m_language;
    ImportKind m_kind = ImportKind::Clients;
    Reference<css::sheet::XSpreadsheetDocument> m_document;
    Reference<css::sheet::XSpreadsheet> m_sheet;
    Reference<css::table::XCellRange> m_selection;
    Reference<css::sheet::XSpreadsheetDocument> m_file; // a file opened hidden
    std::unique_ptr<SheetImport> m_import;
    std::vector<std::optional<std::string>> m_mapping;
    SourceLayout m_layout; // the system the headers come from, with its rules
    std::optional<ImportResult> m_checked;
    bool m_imported = false;
};
} // namespace

OUString dialogUrl()
{
    return ascii("vnd.sun.star.extension://org.clientes.calc/dialogs/ImportWizard.xdl");
}

bool run(const Reference<XComponentContext>& context, const Reference<css::frame::XFrame>& frame,
         ImportKind kind)
{
    bool imported = false;
    guardedNoThrow(
        "the import wizard",
        [&]
        {
            rtl::Reference<ImportWizard> wizard(new ImportWizard(context));
            Sequence<Any> arguments(2);
            arguments.getArray()[0] <<= css::beans::NamedValue(
                ascii("Kind"), Any(ascii(kind == ImportKind::Invoices ? "invoices" : "clients")));
            arguments.getArray()[1] <<= css::beans::NamedValue(ascii("Frame"), Any(frame));
            wizard->initialize(arguments);
            runDialog(context, dialogUrl(), Reference<css::awt::XDialogEventHandler>(wizard.get()),
                      {},
                      [](const Reference<css::awt::XDialog>& dialog)
                      { return importStepHelpPage(dialogStep(dialog)); });
            imported = wizard->imported();
        });
    return imported;
}

const Component kComponent{"org.clientes.calc.ImportWizard", "org.clientes.ImportWizard",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new ImportWizard(context); }};
} // namespace clientes::uno::import_wizard
