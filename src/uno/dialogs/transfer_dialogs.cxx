// The deck's "⋯" entries for Calc imports and exports: thin wrappers over the wizard, the
// export dialog and the store's undo, each behind the wall (the deck calls them on the main
// thread and expects nothing thrown).
#include "dialogs/transfer_dialogs.hxx"

#include "api/sheet_api.hxx"
#include "core/messages/messages.hpp"
#include "core/messages/transfer_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "core/transfer/csv_export.hpp"
#include "dialogs/export_dialog.hxx"
#include "dialogs/import_ui.hxx"
#include "dialogs/import_wizard.hxx"
#include "sheets/import_engine.hxx"
#include "support/entry_guard.hxx"
#include "support/message_box.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/status_progress.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/ExtendedFilePickerElementIds.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePickerControlAccess.hpp>
#include <rtl/uri.hxx>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace clientes::uno::transfer_dialogs
{
namespace
{
Reference<css::awt::XWindowPeer> parentOf(const Frame& frame)
{
    return frame.is() ? Reference<css::awt::XWindowPeer>(frame->getContainerWindow(), UNO_QUERY)
                      : Reference<css::awt::XWindowPeer>();
}

void exportCsv(const Context& context, const Frame& frame, bool invoices, bool includeArchived)
{
    guardedNoThrow(
        "exporting to CSV",
        [&]
        {
            namespace dialogs = css::ui::dialogs;
            const Language language = uiLanguage(context);
            const OUString title = fromUtf8(
                text(invoices ? TextKey::CsvTitleInvoices : TextKey::CsvTitleClients, language));
            const Reference<dialogs::XFilePicker3> picker = dialogs::FilePicker::createWithMode(
                context, dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION);
            picker->setTitle(title);
            const OUString filter = fromUtf8(clientes::text(TextKey::CsvFileFilter, language));
            picker->appendFilter(filter, ascii("*.csv"));
            picker->setCurrentFilter(filter);
            picker->setDefaultName(
                fromUtf8(text(invoices ? TextKey::CsvFileNameInvoices : TextKey::CsvFileNameClients,
                              language) +
                         ".csv"));
            const Reference<dialogs::XFilePickerControlAccess> controls(picker, UNO_QUERY);
            if (controls.is())
                controls->setValue(dialogs::ExtendedFilePickerElementIds::CHECKBOX_AUTOEXTENSION, 0,
                                   css::uno::Any(true));
            if (picker->execute() != dialogs::ExecutableDialogResults::OK)
                return;
            const css::uno::Sequence<OUString> files = picker->getSelectedFiles();
            if (!files.hasElements())
                return;
            OUString url = files[0];
            const OUString name = url.copy(url.lastIndexOf('/') + 1);
            if (name.indexOf('.') < 0)
                url += ".csv";
            const auto tell = [&](const OUString& text)
            { messageBox(context, parentOf(frame), BoxKind::Info, title, text); };
            try
            {
                css::uno::Sequence<css::beans::NamedValue> options;
                if (!invoices)
                {
                    options.realloc(1);
                    options.getArray()[0] = css::beans::NamedValue(ascii("IncludeArchived"),
                                                                   css::uno::Any(includeArchived));
                }
                const sal_Int32 rows = invoices
                                           ? sheet_api::exportInvoicesToCsv(context, url, options)
                                           : sheet_api::exportClientsToCsv(context, url, options);
                tell(fromUtf8(clientes::text(
                    TextKey::CsvWritten, language,
                    {{"count", groupDigits(rows, language)},
                     {"file", toUtf8(rtl::Uri::decode(url.copy(url.lastIndexOf('/') + 1),
                                                      rtl_UriDecodeWithCharset,
                                                      RTL_TEXTENCODING_UTF8))}})));
            }
            catch (const css::lang::IllegalArgumentException& refused)
            {
                tell(refused.Message);
            }
            catch (const StoreError& error)
            {
                tell(fromUtf8(describe(error, language)));
            }
        });
}
} // namespace

void exportClientsCsv(const Context& context, const Frame& frame, bool includeArchived)
{
    exportCsv(context, frame, false, includeArchived);
}

void exportInvoicesCsv(const Context& context, const Frame& frame)
{
    exportCsv(context, frame, true, false);
}

bool importClients(const Context& context, const Frame& frame)
{
    return import_wizard::run(context, frame, ImportKind::Clients);
}

bool importInvoices(const Context& context, const Frame& frame)
{
    return import_wizard::run(context, frame, ImportKind::Invoices);
}

void exportClients(const Context& context, const Frame& frame, const std::string& query,
                   const std::vector<std::string>& selectedCodes)
{
    export_dialog::run(context, frame, ImportKind::Clients, query, selectedCodes);
}

void exportInvoices(const Context& context, const Frame& frame)
{
    export_dialog::run(context, frame, ImportKind::Invoices, {}, {});
}

bool undoLastImport(const Context& context, const Frame& frame)
{
    bool undone = false;
    guardedNoThrow(
        "undoing the last import",
        [&]
        {
            const Language language = uiLanguage(context);
            const OUString title = fromUtf8(clientes::text(TextKey::TransferUndoTitle, language));
            const auto tell = [&](const std::string& text)
            { messageBox(context, parentOf(frame), BoxKind::Info, title, fromUtf8(text)); };
            try
            {
                const std::optional<ImportBatchInfo> last =
                    storeAccess().with(context, [](Register& store) { return store.lastImport(); });
                if (!last)
                {
                    tell(clientes::text(TextKey::TransferNothingToUndo, language));
                    return;
                }
                if (messageBox(context, parentOf(frame), BoxKind::Question, title,
                               fromUtf8(undoQuestion(*last, language))) !=
                    css::awt::MessageBoxResults::YES)
                    return;
                // Its progress in the window's status bar; Esc stops it while it has only
                // compared the import's records with the register.
                std::optional<ImportUndoResult> result;
                {
                    const Reference<css::frame::XController> controller =
                        frame.is() ? frame->getController() : nullptr;
                    StatusProgress progress(context,
                                            StatusProgress::indicatorOf(
                                                controller.is() ? controller->getModel() : nullptr),
                                            officeLocale(context));
                    result = storeAccess().with(context, [&](Register& store)
                                                { return store.undoLastImport(&progress); });
                }
                undone = true;
                storeAccess().notifyChanged();
                releaseFreedMemory();
                tell(clientes::text(TextKey::TransferUndoDone, language,
                                    {{"count", std::to_string(result->reverted)}}));
            }
            catch (const WorkCancelled&)
            {
                tell(clientes::text(TextKey::TransferUndoCancelled, language));
            }
            catch (const NothingToUndo&)
            {
                tell(clientes::text(TextKey::TransferNothingToUndo, language));
            }
            catch (const ImportUndoRefused& refused)
            {
                tell(describeRefusal(refused, language));
            }
            catch (const StoreError& error)
            {
                tell(describe(error, language));
            }
        });
    return undone;
}
} // namespace clientes::uno::transfer_dialogs
