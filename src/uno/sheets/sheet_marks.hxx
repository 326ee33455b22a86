// Marks on the source sheet of an import: every cell with a problem gets an annotation with the
// reasons and a background colour (errors red, warnings yellow). What each cell had before is
// kept in memory, per document, so that removing the marks leaves the sheet as it was: the
// previous annotation text and visibility and the previous background come back. A cell the
// user changed since (other annotation text, other colour) keeps the user's change.
#pragma once

#include "core/transfer/import_outcome.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <cstddef>
#include <vector>

namespace clientes::uno::sheet_marks
{
using css::uno::Reference;

constexpr sal_Int32 kErrorColor = 0xFFC7CE;
constexpr sal_Int32 kWarningColor = 0xFFEB9C;
// At most this many cells are marked per check: a sheet where every row is wrong needs its
// first problems fixed (the list shows every problem), not 100,000 annotations.
constexpr std::size_t kMaxMarks = 1000;

// Removes the document's earlier marks, then marks the cells (one undo step in the document).
// Returns the number of cells marked.
std::size_t mark(const Reference<css::sheet::XSpreadsheetDocument>& document,
                 const Reference<css::sheet::XSpreadsheet>& sheet,
                 const std::vector<CellMark>& marks);

// Removes every mark of the document. Returns the number of cells restored.
std::size_t removeAll(const Reference<css::sheet::XSpreadsheetDocument>& document);

// Cells of the document marked now.
std::size_t count(const Reference<css::sheet::XSpreadsheetDocument>& document);
} // namespace clientes::uno::sheet_marks
