// The deck's publish bar: shown while the document's active sheet is bound to the register
// ("Editar en Calc"). It says what is pending ("3 cambiados · 1 nuevo"), highlights the cells
// edited since the rows were read (the highlight goes when they are published or discarded),
// and offers Publicar cambios, Descartar and Actualizar; after a publish that met conflicts,
// "Mantener los míos" and "Tomar los del registro". Everything runs on the main thread except
// the register's part of a publish or refresh on a team server, which runs on a thread of its
// own (the main thread never waits on a network).
#pragma once

#include "core/text/language.hpp"
#include "core/transfer/sheet_publish.hpp"
#include "support/latest_work.hxx"
#include "support/main_thread.hxx"
#include "support/status_progress.hxx"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/weakref.hxx>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace clientes::uno
{
class PublishBar
{
public:
    static constexpr const char* kPending = "PendingEdits";
    static constexpr const char* kPublish = "PublishChanges";
    static constexpr const char* kDiscard = "DiscardChanges";
    static constexpr const char* kRefresh = "RefreshSheet";
    static constexpr const char* kKeepMine = "KeepMine";
    static constexpr const char* kTakeTheirs = "TakeTheirs";
    // The colour of an edited cell.
    static constexpr sal_Int32 kEditedColor = 0xDDEBF7;

    // `changedShape` is called when the bar appears, disappears or changes height.
    PublishBar(const css::uno::Reference<css::uno::XComponentContext>& context,
               const css::uno::Reference<css::frame::XFrame>& frame,
               const css::uno::Reference<css::awt::XControlContainer>& container, Language language,
               std::function<void()> changedShape);
    ~PublishBar();
    PublishBar(const PublishBar&) = delete;
    PublishBar& operator=(const PublishBar&) = delete;

    bool visible() const { return m_visible; }
    // Places the bar's controls from y on; returns the height used (0 when hidden).
    sal_Int32 layout(sal_Int32 x, sal_Int32 y, sal_Int32 width);
    // Looks at the active sheet again (also done on every edit and sheet switch).
    void update();
    void dispose();

private:
    void watch();
    void scheduleUpdate();
    void publish(ConflictChoice choice);
    void discard();
    void refresh();
    void showOutcome(const std::string& text);
    void runWork(std::function<void()> work, std::function<void()> finish);
    // A publish's or refresh's progress in the document window's status bar, held until its
    // outcome is shown (reset there, on the main thread); Esc stops a cancellable one.
    std::shared_ptr<std::unique_ptr<StatusProgress>>
    statusProgress(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
                   bool cancellable) const;
    void highlight(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                   const std::vector<EditedCell>& cells);
    void removeHighlights();
    css::uno::Reference<css::sheet::XSpreadsheet> activeSheet() const;
    css::uno::Reference<css::sheet::XSpreadsheetDocument> document() const;
    css::uno::Reference<css::awt::XControl> control(const char* name) const;

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::WeakReference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XControlContainer> m_container;
    Language m_language;
    std::function<void()> m_changedShape;
    css::uno::Reference<css::uno::XInterface> m_modifyListener;
    css::uno::Reference<css::uno::XInterface> m_selectionListener;
    bool m_visible = false;
    bool m_listOnly = false;  // an exported list, not a bound sheet: only Actualizar
    bool m_conflicts = false; // the last publish met conflicts: offer the choice
    bool m_busy = false;      // a publish or refresh is running
    bool m_updateQueued = false;
    bool m_applying = false; // our own changes to the document: not the user's edits
    std::string m_outcome;   // what the last publish said, until the next edit
    // Highlighted cells of the sheet: (row, column) 0-based → their own background before
    // (nullopt: none of their own).
    css::uno::Reference<css::sheet::XSpreadsheet> m_highlightedSheet;
    std::map<std::pair<sal_Int32, sal_Int32>, std::optional<sal_Int32>> m_highlighted;
    AliveToken m_alive = makeAliveToken();
    std::unique_ptr<LatestWork> m_work; // the register's part on a team server
};
} // namespace clientes::uno
