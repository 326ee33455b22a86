// The deck's "⋯" entries for Calc imports and exports: thin wrappers over the wizard, the
// export dialog and the store's undo, each behind the wall (the deck calls them on the main
// thread and expects nothing thrown).
#include "transfer_dialogs.hxx"

#include "core/client_store.hpp"
#include "core/messages.hpp"
#include "core/transfer_text.hpp"
#include "core/ui_text.hpp"
#include "entry_guard.hxx"
#include "export_dialog.hxx"
#include "import_engine.hxx"
#include "import_ui.hxx"
#include "import_wizard.hxx"
#include "office_settings.hxx"
#include "store_access.hxx"
#include "uno_text.hxx"

#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>

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
} // namespace

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
            const OUString title = fromUtf8(transferText(TransferText::UndoTitle, language));
            const auto tell = [&](const std::string& text)
            { transfer_ui::message(context, parentOf(frame), false, title, fromUtf8(text)); };
            try
            {
                const std::optional<ImportBatchInfo> last = storeAccess().with(
                    context, [](ClientStore& store) { return store.lastImport(); });
                if (!last)
                {
                    tell(transferText(TransferText::NothingToUndo, language));
                    return;
                }
                if (transfer_ui::message(context, parentOf(frame), true, title,
                                         fromUtf8(undoQuestion(*last, language))) !=
                    css::awt::MessageBoxResults::YES)
                    return;
                const ImportUndoResult result = storeAccess().with(
                    context, [](ClientStore& store) { return store.undoLastImport(); });
                undone = true;
                storeAccess().notifyChanged();
                releaseFreedMemory();
                tell(transferText(TransferText::UndoDone, language,
                                  {{"count", std::to_string(result.reverted)}}));
            }
            catch (const NothingToUndo&)
            {
                tell(transferText(TransferText::NothingToUndo, language));
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
