#include "sheets/sheet_marks.hxx"

#include "support/uno_text.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <cppuhelper/weakref.hxx>

#include <algorithm>
#include <map>
#include <mutex>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::sheet_marks
{
namespace
{
struct MarkedCell
{
    sal_Int32 column = 0;
    sal_Int32 row = 0; // 0-based
    OUString text;     // the annotation we wrote
    sal_Int32 color = 0;
    OUString previousText; // "" = no annotation before
    bool previousVisible = false;
    sal_Int32 previousColor = -1;
    bool previousTransparent = true;
    bool previousColorSet = false; // a background of the cell's own, not of its style
};

struct SheetMarks
{
    Reference<css::sheet::XSpreadsheet> sheet;
    std::vector<MarkedCell> cells;
};

struct DocumentMarks
{
    css::uno::WeakReference<css::uno::XInterface> document;
    std::vector<SheetMarks> sheets;
};

// The registry is touched from the main thread (the wizard) and from bridge threads (the
// API). Its lock is never held while calling the office: the main thread may hold the
// SolarMutex and wait for it.
std::mutex& registryMutex()
{
    static std::mutex* const mutex = new std::mutex();
    return *mutex;
}

std::vector<DocumentMarks>& registry()
{
    static auto* const marks = new std::vector<DocumentMarks>();
    return *marks;
}

// Takes the document's marks out of the registry (dropping entries of closed documents).
std::vector<SheetMarks> takeMarks(const Reference<css::uno::XInterface>& document)
{
    std::lock_guard lock(registryMutex());
    std::vector<SheetMarks> taken;
    auto& all = registry();
    for (auto it = all.begin(); it != all.end();)
    {
        const Reference<css::uno::XInterface> alive(it->document);
        if (!alive.is() || alive == document)
        {
            if (alive.is())
                taken = std::move(it->sheets);
            it = all.erase(it);
        }
        else
            ++it;
    }
    return taken;
}

void keepMarks(const Reference<css::uno::XInterface>& document, SheetMarks marks)
{
    std::lock_guard lock(registryMutex());
    for (DocumentMarks& entry : registry())
        if (Reference<css::uno::XInterface>(entry.document) == document)
        {
            entry.sheets.push_back(std::move(marks));
            return;
        }
    DocumentMarks entry;
    entry.document = document;
    entry.sheets.push_back(std::move(marks));
    registry().push_back(std::move(entry));
}

// One undo step for the whole marking, and no repaint per cell.
class BulkEdit
{
public:
    BulkEdit(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& title)
        : m_model(document, UNO_QUERY)
    {
        const Reference<css::document::XUndoManagerSupplier> undo(document, UNO_QUERY);
        if (undo.is())
        {
            m_undo = undo->getUndoManager();
            m_undo->enterUndoContext(title);
        }
        if (m_model.is())
            m_model->lockControllers();
    }
    ~BulkEdit()
    {
        try
        {
            if (m_model.is())
                m_model->unlockControllers();
            if (m_undo.is())
                m_undo->leaveUndoContext();
        }
        catch (const css::uno::Exception&)
        {
        }
    }
    BulkEdit(const BulkEdit&) = delete;
    BulkEdit& operator=(const BulkEdit&) = delete;

private:
    Reference<css::frame::XModel> m_model;
    Reference<css::document::XUndoManager> m_undo;
};

sal_Int16 sheetIndex(const Reference<css::sheet::XSpreadsheet>& sheet)
{
    const Reference<css::sheet::XCellAddressable> first(sheet->getCellByPosition(0, 0),
                                                        UNO_QUERY_THROW);
    return first->getCellAddress().Sheet;
}

Reference<css::sheet::XSheetAnnotation> annotationOf(const Reference<css::table::XCell>& cell)
{
    return Reference<css::sheet::XSheetAnnotationAnchor>(cell, UNO_QUERY_THROW)->getAnnotation();
}

OUString annotationText(const Reference<css::sheet::XSheetAnnotation>& annotation)
{
    return Reference<css::text::XSimpleText>(annotation, UNO_QUERY_THROW)->getString();
}

std::size_t restore(SheetMarks& marks)
{
    const Reference<css::sheet::XSheetAnnotations> annotations =
        Reference<css::sheet::XSheetAnnotationsSupplier>(marks.sheet, UNO_QUERY_THROW)
            ->getAnnotations();
    const sal_Int16 tab = sheetIndex(marks.sheet);
    std::vector<std::pair<sal_Int32, sal_Int32>> toRemove; // (row, column) of our own notes
    std::size_t restored = 0;
    for (const MarkedCell& mark : marks.cells)
    {
        const Reference<css::table::XCell> cell =
            marks.sheet->getCellByPosition(mark.column, mark.row);
        const Reference<css::sheet::XSheetAnnotation> annotation = annotationOf(cell);
        if (annotationText(annotation) == mark.text)
        {
            if (mark.previousText.isEmpty())
                toRemove.emplace_back(mark.row, mark.column);
            else
            {
                annotations->insertNew(css::table::CellAddress(tab, mark.column, mark.row),
                                       mark.previousText);
                annotationOf(cell)->setIsVisible(mark.previousVisible);
            }
        }
        const Reference<css::beans::XPropertySet> properties(cell, UNO_QUERY_THROW);
        sal_Int32 color = -1;
        properties->getPropertyValue(ascii("CellBackColor")) >>= color;
        if (color == mark.color)
        {
            if (!mark.previousColorSet)
                // No background of its own before: none again (not a transparent one).
                Reference<css::beans::XPropertyState>(cell, UNO_QUERY_THROW)
                    ->setPropertyToDefault(ascii("CellBackColor"));
            else
            {
                properties->setPropertyValue(ascii("CellBackColor"), Any(mark.previousColor));
                if (mark.previousTransparent)
                    properties->setPropertyValue(ascii("IsCellBackgroundTransparent"), Any(true));
            }
        }
        ++restored;
    }
    if (!toRemove.empty())
    {
        // Annotations are removed by index: find ours, then remove from the last index down.
        std::sort(toRemove.begin(), toRemove.end());
        const Reference<css::container::XIndexAccess> indexed(annotations, UNO_QUERY_THROW);
        std::vector<sal_Int32> indexes;
        for (sal_Int32 i = 0; i < indexed->getCount(); ++i)
        {
            const css::table::CellAddress at =
                Reference<css::sheet::XSheetAnnotation>(indexed->getByIndex(i), UNO_QUERY_THROW)
                    ->getPosition();
            if (std::binary_search(toRemove.begin(), toRemove.end(),
                                   std::make_pair(at.Row, at.Column)))
                indexes.push_back(i);
        }
        for (auto it = indexes.rbegin(); it != indexes.rend(); ++it)
            annotations->removeByIndex(*it);
    }
    return restored;
}

std::size_t restoreAll(const Reference<css::sheet::XSpreadsheetDocument>& document,
                       std::vector<SheetMarks>& sheets)
{
    if (sheets.empty())
        return 0;
    BulkEdit edit(document, ascii("Clientes"));
    std::size_t restored = 0;
    for (SheetMarks& marks : sheets)
    {
        try
        {
            restored += restore(marks);
        }
        catch (const css::lang::DisposedException&)
        {
            // The sheet was deleted meanwhile: nothing left to restore there.
        }
    }
    return restored;
}
} // namespace

std::size_t mark(const Reference<css::sheet::XSpreadsheetDocument>& document,
                 const Reference<css::sheet::XSpreadsheet>& sheet,
                 const std::vector<CellMark>& marks)
{
    const Reference<css::uno::XInterface> key(document, UNO_QUERY_THROW);
    std::vector<SheetMarks> earlier = takeMarks(key);
    restoreAll(document, earlier);
    if (marks.empty())
        return 0;

    BulkEdit edit(document, ascii("Clientes"));
    const Reference<css::sheet::XSheetAnnotations> annotations =
        Reference<css::sheet::XSheetAnnotationsSupplier>(sheet, UNO_QUERY_THROW)->getAnnotations();
    const sal_Int16 tab = sheetIndex(sheet);
    SheetMarks kept;
    kept.sheet = sheet;
    for (const CellMark& wanted : marks)
    {
        if (kept.cells.size() >= kMaxMarks)
            break;
        MarkedCell cell;
        cell.column = static_cast<sal_Int32>(wanted.sheetColumn);
        cell.row = static_cast<sal_Int32>(wanted.sheetRow) - 1;
        cell.color = wanted.severity == Severity::Error ? kErrorColor : kWarningColor;
        const Reference<css::table::XCell> target = sheet->getCellByPosition(cell.column, cell.row);
        const Reference<css::sheet::XSheetAnnotation> before = annotationOf(target);
        cell.previousText = annotationText(before);
        cell.previousVisible = !cell.previousText.isEmpty() && before->getIsVisible();
        const Reference<css::beans::XPropertySet> properties(target, UNO_QUERY_THROW);
        properties->getPropertyValue(ascii("CellBackColor")) >>= cell.previousColor;
        properties->getPropertyValue(ascii("IsCellBackgroundTransparent")) >>=
            cell.previousTransparent;
        cell.previousColorSet = Reference<css::beans::XPropertyState>(target, UNO_QUERY_THROW)
                                    ->getPropertyState(ascii("CellBackColor")) ==
                                css::beans::PropertyState_DIRECT_VALUE;
        // The user's own note stays readable under ours.
        cell.text = fromUtf8(wanted.text);
        if (!cell.previousText.isEmpty())
            cell.text += "\n\n" + cell.previousText;
        annotations->insertNew(css::table::CellAddress(tab, cell.column, cell.row), cell.text);
        properties->setPropertyValue(ascii("CellBackColor"), Any(cell.color));
        kept.cells.push_back(std::move(cell));
    }
    const std::size_t marked = kept.cells.size();
    keepMarks(key, std::move(kept));
    return marked;
}

std::size_t removeAll(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    std::vector<SheetMarks> marks =
        takeMarks(Reference<css::uno::XInterface>(document, UNO_QUERY_THROW));
    return restoreAll(document, marks);
}

std::size_t count(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    const Reference<css::uno::XInterface> key(document, UNO_QUERY_THROW);
    std::lock_guard lock(registryMutex());
    std::size_t cells = 0;
    for (const DocumentMarks& entry : registry())
        if (Reference<css::uno::XInterface>(entry.document) == key)
            for (const SheetMarks& sheet : entry.sheets)
                cells += sheet.cells.size();
    return cells;
}
} // namespace clientes::uno::sheet_marks
