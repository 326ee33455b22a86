#include "deck/publish_bar.hxx"

#include "core/messages/messages.hpp"
#include "core/text/texts.hpp"
#include "sheets/bound_sheet.hxx"
#include "sheets/list_sheet.hxx"
#include "support/awt_controls.hxx"
#include "support/awt_listeners.hxx"
#include "support/entry_guard.hxx"
#include "support/office_locale.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>

#include <algorithm>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno
{
namespace
{
constexpr sal_Int32 kGap = 6;
constexpr sal_Int32 kButtonHeight = 26;
constexpr sal_Int32 kLabelHeight = 36; // two lines

class ModifyForwarder : public cppu::WeakImplHelper1<css::util::XModifyListener>
{
public:
    explicit ModifyForwarder(std::function<void()> onModify) : m_onModify(std::move(onModify)) {}
    void SAL_CALL modified(const css::lang::EventObject&) override
    {
        guardedNoThrow("an edit of a bound sheet", m_onModify);
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::function<void()> m_onModify;
};

class SelectionForwarder : public cppu::WeakImplHelper1<css::view::XSelectionChangeListener>
{
public:
    explicit SelectionForwarder(std::function<void()> onChange) : m_onChange(std::move(onChange)) {}
    void SAL_CALL selectionChanged(const css::lang::EventObject&) override
    {
        guardedNoThrow("a sheet switch", m_onChange);
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::function<void()> m_onChange;
};

// No undo step for what the bar does to the cells' backgrounds: the user's Ctrl+Z undoes
// the user's edits.
class UndoLock
{
public:
    explicit UndoLock(const Reference<css::sheet::XSpreadsheetDocument>& document)
    {
        const Reference<css::document::XUndoManagerSupplier> supplier(document, UNO_QUERY);
        if (supplier.is())
        {
            m_undo = supplier->getUndoManager();
            m_undo->lock();
        }
    }
    ~UndoLock()
    {
        try
        {
            if (m_undo.is())
                m_undo->unlock();
        }
        catch (const css::uno::Exception&)
        {
        }
    }
    UndoLock(const UndoLock&) = delete;
    UndoLock& operator=(const UndoLock&) = delete;

private:
    Reference<css::document::XUndoManager> m_undo;
};

sal_Int16 sheetIndex(const Reference<css::sheet::XSpreadsheet>& sheet)
{
    return Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)
        ->getRangeAddress()
        .Sheet;
}

OUString ou(TextKey key, Language language)
{
    return fromUtf8(clientes::text(key, language));
}

// What the user is told when the register refused or failed.
std::string describeFailure(const std::exception& error, Language language)
{
    if (const auto* store = dynamic_cast<const StoreError*>(&error))
        return describeUnsaved(*store, language);
    return clientes::text(TextKey::ErrorInternal, language);
}
} // namespace

PublishBar::PublishBar(const Reference<css::uno::XComponentContext>& context,
                       const Reference<css::frame::XFrame>& frame,
                       const Reference<css::awt::XControlContainer>& container, Language language,
                       std::function<void()> changedShape)
    : m_context(context), m_frame(frame), m_container(container), m_language(language),
      m_changedShape(std::move(changedShape))
{
    addControl(m_context, m_container, kPending, "com.sun.star.awt.UnoControlFixedTextModel",
               {{"MultiLine", Any(true)}});
    const auto button = [&](const char* name, TextKey label)
    {
        addControl(m_context, m_container, name, "com.sun.star.awt.UnoControlButtonModel",
                   {{"Label", Any(ou(label, m_language))}, {"Tabstop", Any(true)}});
        Reference<css::awt::XWindow>(control(name), UNO_QUERY_THROW)->setVisible(false);
    };
    button(kPublish, TextKey::DeckPublish);
    button(kDiscard, TextKey::DeckDiscard);
    button(kRefresh, TextKey::DeckRefreshSheet);
    button(kKeepMine, TextKey::DeckKeepMine);
    button(kTakeTheirs, TextKey::DeckTakeTheirs);
    Reference<css::awt::XWindow>(control(kPending), UNO_QUERY_THROW)->setVisible(false);
    const auto on = [&](const char* name, std::function<void()> work)
    {
        Reference<css::awt::XButton>(control(name), UNO_QUERY_THROW)
            ->addActionListener(new ActionForwarder([this, work = std::move(work)]
                                                    { postWhileAlive(m_context, m_alive, work); }));
    };
    on(kPublish, [this] { publish(ConflictChoice::Ask); });
    on(kKeepMine, [this] { publish(ConflictChoice::Mine); });
    on(kTakeTheirs, [this] { publish(ConflictChoice::Theirs); });
    on(kDiscard, [this] { discard(); });
    on(kRefresh, [this] { refresh(); });
    watch();
}

PublishBar::~PublishBar()
{
    dispose();
}

void PublishBar::dispose()
{
    removeHighlights();
    m_alive.reset();
    m_work.reset();
    guardedNoThrow(
        "closing the publish bar",
        [this]
        {
            const Reference<css::frame::XFrame> frame(m_frame);
            if (!frame.is())
                return;
            const Reference<css::frame::XController> controller = frame->getController();
            if (controller.is() && m_modifyListener.is())
                if (const Reference<css::util::XModifyBroadcaster> broadcaster(
                        controller->getModel(), UNO_QUERY);
                    broadcaster.is())
                    broadcaster->removeModifyListener(
                        Reference<css::util::XModifyListener>(m_modifyListener, UNO_QUERY));
            if (controller.is() && m_selectionListener.is())
                if (const Reference<css::view::XSelectionSupplier> selection(controller, UNO_QUERY);
                    selection.is())
                    selection->removeSelectionChangeListener(
                        Reference<css::view::XSelectionChangeListener>(m_selectionListener,
                                                                       UNO_QUERY));
        });
    m_modifyListener.clear();
    m_selectionListener.clear();
}

Reference<css::awt::XControl> PublishBar::control(const char* name) const
{
    return m_container->getControl(ascii(name));
}

Reference<css::sheet::XSpreadsheetDocument> PublishBar::document() const
{
    const Reference<css::frame::XFrame> frame(m_frame);
    if (!frame.is() || !frame->getController().is())
        return {};
    return Reference<css::sheet::XSpreadsheetDocument>(frame->getController()->getModel(),
                                                       UNO_QUERY);
}

Reference<css::sheet::XSpreadsheet> PublishBar::activeSheet() const
{
    const Reference<css::frame::XFrame> frame(m_frame);
    if (!frame.is())
        return {};
    const Reference<css::sheet::XSpreadsheetView> view(frame->getController(), UNO_QUERY);
    return view.is() ? view->getActiveSheet() : Reference<css::sheet::XSpreadsheet>();
}

void PublishBar::watch()
{
    const Reference<css::frame::XFrame> frame(m_frame);
    if (!frame.is() || !frame->getController().is())
        return;
    const auto schedule = [this] { scheduleUpdate(); };
    if (const Reference<css::util::XModifyBroadcaster> broadcaster(
            frame->getController()->getModel(), UNO_QUERY);
        broadcaster.is())
    {
        const Reference<css::util::XModifyListener> listener(new ModifyForwarder(schedule));
        broadcaster->addModifyListener(listener);
        m_modifyListener = listener;
    }
    if (const Reference<css::view::XSelectionSupplier> selection(frame->getController(), UNO_QUERY);
        selection.is())
    {
        const Reference<css::view::XSelectionChangeListener> listener(
            new SelectionForwarder(schedule));
        selection->addSelectionChangeListener(listener);
        m_selectionListener = listener;
    }
}

// Edits come one by one (and from any thread, for a macro): one look at the sheet once they
// paused, on the main thread.
void PublishBar::scheduleUpdate()
{
    if (m_applying)
        return;
    postWhileAlive(m_context, m_alive,
                   [this]
                   {
                       if (m_updateQueued || m_applying)
                           return;
                       m_updateQueued = true;
                       postWhileAlive(m_context, m_alive,
                                      [this]
                                      {
                                          m_updateQueued = false;
                                          update();
                                      });
                   });
}

void PublishBar::update()
{
    if (m_applying)
        return;
    const Reference<css::sheet::XSpreadsheetDocument> doc = document();
    const Reference<css::sheet::XSpreadsheet> sheet = activeSheet();
    std::shared_ptr<bound_sheet::Snapshot> snapshot;
    if (doc.is() && sheet.is())
        snapshot = bound_sheet::read(m_context, doc, sheet);
    const bool wasVisible = m_visible;
    const bool list = !snapshot && doc.is() && sheet.is() && list_sheet::isList(doc, sheet);
    m_visible = snapshot != nullptr || list;
    std::string text;
    bool pendingWork = false;
    if (snapshot)
    {
        const SheetPending pending = findPending(*snapshot->binding, snapshot->view(), m_language);
        // What was read is known again for a file register after the document was reopened.
        const bool missingBases =
            std::any_of(pending.rows.begin(), pending.rows.end(),
                        [&](const PendingRow& row) {
                            return row.kind == PendingKind::Changed &&
                                   snapshot->binding->rows[row.bound].base.empty();
                        });
        if (!teamMode(m_context) && missingBases)
        {
            SheetBinding withBases = *snapshot->binding;
            guardedNoThrow("reading the bound clients",
                           [&] {
                               storeAccess().with(m_context, [&](Register& store)
                                                  { fillBases(store, withBases, pending); });
                           });
            bound_sheet::rememberBases(*snapshot, withBases);
            snapshot->binding = std::make_shared<const SheetBinding>(std::move(withBases));
        }
        const auto part = [&](TextKey key, std::size_t n)
        {
            if (n == 0)
                return;
            if (!text.empty())
                text += " · ";
            text += pluralText(key, static_cast<std::int64_t>(n), m_language,
                               {{"n", std::to_string(n)}});
        };
        part(TextKey::DeckPendingChanged, pending.changed);
        part(TextKey::DeckPendingNew, pending.created);
        part(TextKey::DeckPendingCleared, pending.cleared);
        part(TextKey::DeckPendingProblems, pending.problems.size());
        pendingWork = !pending.empty();
        if (text.empty())
            text = clientes::text(TextKey::DeckPendingNone, m_language);
        if (!m_outcome.empty())
            text = m_outcome + "\n" + text;
        highlight(sheet, editedCells(*snapshot->binding, pending, snapshot->view()));
    }
    else
    {
        removeHighlights();
        if (list)
            text = m_outcome.empty() ? clientes::text(TextKey::DeckExportedList, m_language)
                                     : m_outcome;
    }
    modelOf(control(kPending))->setPropertyValue(ascii("Label"), Any(fromUtf8(text)));
    Reference<css::awt::XWindow>(control(kPending), UNO_QUERY_THROW)->setVisible(m_visible);
    for (const char* name : {kPublish, kDiscard})
        Reference<css::awt::XWindow>(control(name), UNO_QUERY_THROW)
            ->setVisible(snapshot != nullptr);
    Reference<css::awt::XWindow>(control(kRefresh), UNO_QUERY_THROW)->setVisible(m_visible);
    for (const char* name : {kKeepMine, kTakeTheirs})
        Reference<css::awt::XWindow>(control(name), UNO_QUERY_THROW)
            ->setVisible(m_visible && m_conflicts);
    Reference<css::awt::XWindow>(control(kPublish), UNO_QUERY_THROW)
        ->setEnable(pendingWork && !m_busy);
    Reference<css::awt::XWindow>(control(kDiscard), UNO_QUERY_THROW)
        ->setEnable(pendingWork && !m_busy);
    Reference<css::awt::XWindow>(control(kRefresh), UNO_QUERY_THROW)->setEnable(!m_busy);
    m_listOnly = list;
    if (wasVisible != m_visible)
        m_changedShape();
}

sal_Int32 PublishBar::layout(sal_Int32 x, sal_Int32 y, sal_Int32 width)
{
    if (!m_visible)
        return 0;
    setPosSize(control(kPending), x, y, width, kLabelHeight);
    sal_Int32 top = y + kLabelHeight + 2;
    const sal_Int32 half = (width - kGap) / 2;
    if (m_listOnly)
        setPosSize(control(kRefresh), x, top, half, kButtonHeight);
    else
    {
        // "Publicar cambios" first and whole: the action the bar is for.
        setPosSize(control(kPublish), x, top, width, kButtonHeight);
        top += kButtonHeight + kGap;
        setPosSize(control(kDiscard), x, top, half, kButtonHeight);
        setPosSize(control(kRefresh), x + half + kGap, top, half, kButtonHeight);
    }
    top += kButtonHeight;
    if (m_conflicts)
    {
        top += kGap;
        setPosSize(control(kKeepMine), x, top, half, kButtonHeight);
        setPosSize(control(kTakeTheirs), x + half + kGap, top, half, kButtonHeight);
        top += kButtonHeight;
    }
    return top - y + kGap;
}

void PublishBar::showOutcome(const std::string& text)
{
    m_outcome = text;
    update();
    m_changedShape();
}

void PublishBar::publish(ConflictChoice choice)
{
    const Reference<css::sheet::XSpreadsheetDocument> doc = document();
    const Reference<css::sheet::XSpreadsheet> sheet = activeSheet();
    if (!doc.is() || !sheet.is() || m_busy)
        return;
    const std::shared_ptr<bound_sheet::Snapshot> snapshot =
        bound_sheet::read(m_context, doc, sheet);
    if (!snapshot)
        return;
    PublishRequest request;
    request.choice = choice;
    // Its progress in the window's status bar until it is shown on the sheet (given back then,
    // on the main thread, whichever thread did the register's part).
    // Esc stops it while it only verifies and checks the rows (nothing written).
    const auto progress = statusProgress(doc, true);
    request.progress = progress->get();
    const auto finish = [this, snapshot, progress](const std::shared_ptr<PublishOutcome>& outcome,
                                                   const std::string& failure)
    {
        progress->reset();
        m_busy = false;
        if (!failure.empty())
        {
            showOutcome(failure);
            return;
        }
        removeHighlights();
        m_applying = true;
        guardedNoThrow("showing a publish", [&]
                       { bound_sheet::applyPublish(m_context, *snapshot, *outcome, false, true); });
        m_applying = false;
        m_conflicts = !outcome->conflicts.empty();
        std::string text;
        if (outcome->errors > 0)
            text =
                pluralText(TextKey::DeckPublishErrors, static_cast<std::int64_t>(outcome->errors),
                           m_language, {{"n", std::to_string(outcome->errors)}});
        else
        {
            text = clientes::text(TextKey::DeckPublished, m_language,
                                  {{"updated", std::to_string(outcome->updated)},
                                   {"created", std::to_string(outcome->created)},
                                   {"archived", std::to_string(outcome->archived)}});
            if (m_conflicts)
                text += "\n" + pluralText(TextKey::DeckPublishConflicts,
                                          static_cast<std::int64_t>(outcome->conflicts.size()),
                                          m_language,
                                          {{"n", std::to_string(outcome->conflicts.size())}});
        }
        showOutcome(text);
    };
    const auto work = [context = m_context, snapshot, request]
    {
        auto outcome = std::make_shared<PublishOutcome>();
        std::string failure;
        try
        {
            *outcome = bound_sheet::publishSnapshot(context, *snapshot, request);
        }
        catch (const WorkCancelled&)
        {
            failure = clientes::text(TextKey::DeckPublishCancelled, uiLanguage(context));
        }
        catch (const std::exception& error)
        {
            failure = describeFailure(error, uiLanguage(context));
        }
        return std::make_pair(outcome, failure);
    };
    auto result = std::make_shared<std::pair<std::shared_ptr<PublishOutcome>, std::string>>();
    runWork([work, result] { *result = work(); },
            [finish, result] { finish(result->first, result->second); });
}

std::shared_ptr<std::unique_ptr<StatusProgress>>
PublishBar::statusProgress(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                           bool cancellable) const
{
    return std::make_shared<std::unique_ptr<StatusProgress>>(std::make_unique<StatusProgress>(
        m_context, StatusProgress::indicatorOf(Reference<css::frame::XModel>(doc, UNO_QUERY)),
        officeLocale(m_context), cancellable));
}

// The register's part of a bar's action: at once with a file, on a thread of its own on a team
// server (the main thread never waits on the network); `finish` then runs on the main thread.
void PublishBar::runWork(std::function<void()> work, std::function<void()> finish)
{
    m_busy = true;
    if (!teamMode(m_context))
    {
        work();
        finish();
        return;
    }
    modelOf(control(kPending))
        ->setPropertyValue(ascii("Label"), Any(ou(TextKey::DeckPublishing, m_language)));
    if (!m_work)
        m_work = std::make_unique<LatestWork>();
    m_work->submit(
        [work = std::move(work), finish = std::move(finish), context = m_context,
         alive = std::weak_ptr<const bool>(m_alive)]
        {
            work();
            if (const auto token = alive.lock())
                postWhileAlive(context, token, finish);
        });
}

void PublishBar::discard()
{
    const Reference<css::sheet::XSpreadsheetDocument> doc = document();
    const Reference<css::sheet::XSpreadsheet> sheet = activeSheet();
    if (!doc.is() || !sheet.is() || m_busy)
        return;
    const std::shared_ptr<bound_sheet::Snapshot> snapshot =
        bound_sheet::read(m_context, doc, sheet);
    if (!snapshot)
        return;
    struct Result
    {
        DiscardOutcome outcome;
        std::string failure;
    };
    auto result = std::make_shared<Result>();
    runWork(
        [result, snapshot, context = m_context, language = m_language]
        {
            try
            {
                result->outcome =
                    storeAccess().with(context,
                                       [&](Register& store) {
                                           return discardBoundSheet(store, *snapshot->binding,
                                                                    snapshot->view(), language);
                                       });
            }
            catch (const std::exception& error)
            {
                result->failure = describeFailure(error, language);
            }
        },
        [this, result, snapshot]
        {
            m_busy = false;
            if (result->failure.empty())
            {
                removeHighlights();
                m_applying = true;
                guardedNoThrow(
                    "showing a discard",
                    [&] { bound_sheet::applyDiscard(m_context, *snapshot, result->outcome); });
                m_applying = false;
                m_conflicts = false;
            }
            showOutcome(result->failure);
        });
}

void PublishBar::refresh()
{
    const Reference<css::sheet::XSpreadsheetDocument> doc = document();
    const Reference<css::sheet::XSpreadsheet> sheet = activeSheet();
    if (!doc.is() || !sheet.is() || m_busy)
        return;
    // A bound sheet, else an exported list.
    const std::shared_ptr<bound_sheet::Snapshot> bound = bound_sheet::read(m_context, doc, sheet);
    const std::shared_ptr<list_sheet::ListSnapshot> list =
        bound ? nullptr : list_sheet::read(doc, sheet);
    if (!bound && !list)
        return;
    struct Result
    {
        RefreshOutcome bound;
        list_sheet::ListData list;
        std::string failure;
    };
    auto result = std::make_shared<Result>();
    const auto progress = statusProgress(doc, false);
    if (*progress)
        (*progress)->report(WorkStage::Loading, 0, 1);
    runWork(
        [result, bound, list, context = m_context, language = m_language]
        {
            try
            {
                if (bound)
                    result->bound =
                        storeAccess().with(context,
                                           [&](Register& store) {
                                               return refreshBoundSheet(store, *bound->binding,
                                                                        bound->view(), language);
                                           });
                else
                    result->list = list_sheet::load(context, *list);
            }
            catch (const std::exception& error)
            {
                result->failure = describeFailure(error, language);
            }
        },
        [this, result, bound, list, progress]
        {
            progress->reset();
            m_busy = false;
            std::string said = result->failure;
            if (said.empty())
            {
                removeHighlights();
                m_applying = true;
                guardedNoThrow("showing a refresh",
                               [&]
                               {
                                   if (bound)
                                       bound_sheet::applyRefresh(m_context, *bound, result->bound);
                                   else
                                   {
                                       const list_sheet::Refreshed done =
                                           list_sheet::apply(*list, result->list);
                                       said = clientes::text(
                                           TextKey::DeckListRefreshed, m_language,
                                           {{"added", std::to_string(done.added)},
                                            {"removed", std::to_string(done.removed)},
                                            {"moved", std::to_string(done.moved)}});
                                   }
                               });
                m_applying = false;
            }
            showOutcome(said);
        });
}

void PublishBar::highlight(const Reference<css::sheet::XSpreadsheet>& sheet,
                           const std::vector<EditedCell>& cells)
{
    std::map<std::pair<sal_Int32, sal_Int32>, bool> wanted;
    for (const EditedCell& cell : cells)
        wanted[{static_cast<sal_Int32>(cell.sheetRow) - 1,
                static_cast<sal_Int32>(cell.sheetColumn)}] = true;
    if (m_highlightedSheet.is() && sheetIndex(m_highlightedSheet) != sheetIndex(sheet))
        removeHighlights();
    m_highlightedSheet = sheet;
    const UndoLock undo(document());
    m_applying = true;
    guardedNoThrow("highlighting edited cells",
                   [&]
                   {
                       // Cells no longer edited get their own background back.
                       for (auto it = m_highlighted.begin(); it != m_highlighted.end();)
                       {
                           if (wanted.count(it->first))
                           {
                               ++it;
                               continue;
                           }
                           const Reference<css::beans::XPropertySet> cell(
                               sheet->getCellByPosition(it->first.second, it->first.first),
                               UNO_QUERY_THROW);
                           if (it->second)
                               cell->setPropertyValue(ascii("CellBackColor"), Any(*it->second));
                           else
                               Reference<css::beans::XPropertyState>(cell, UNO_QUERY_THROW)
                                   ->setPropertyToDefault(ascii("CellBackColor"));
                           it = m_highlighted.erase(it);
                       }
                       for (const auto& [at, _] : wanted)
                       {
                           if (m_highlighted.count(at))
                               continue;
                           const Reference<css::beans::XPropertySet> cell(
                               sheet->getCellByPosition(at.second, at.first), UNO_QUERY_THROW);
                           std::optional<sal_Int32> previous;
                           if (Reference<css::beans::XPropertyState>(cell, UNO_QUERY_THROW)
                                   ->getPropertyState(ascii("CellBackColor")) ==
                               css::beans::PropertyState_DIRECT_VALUE)
                           {
                               sal_Int32 color = -1;
                               cell->getPropertyValue(ascii("CellBackColor")) >>= color;
                               // Our own colour saved with the document: not the user's.
                               if (color != kEditedColor)
                                   previous = color;
                           }
                           cell->setPropertyValue(ascii("CellBackColor"), Any(kEditedColor));
                           m_highlighted[at] = previous;
                       }
                   });
    m_applying = false;
}

void PublishBar::removeHighlights()
{
    const Reference<css::sheet::XSpreadsheet> sheet = m_highlightedSheet;
    if (sheet.is() && !m_highlighted.empty())
        guardedNoThrow("removing highlights", [&] { highlight(sheet, {}); });
    m_highlighted.clear();
    m_highlightedSheet.clear();
}
} // namespace clientes::uno
