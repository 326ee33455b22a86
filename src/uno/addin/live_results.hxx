// The live results of the Calc functions (css.sheet.XVolatileResult): one result object per
// function and arguments (core functions::Call), shared by every cell that calls it. Calc
// listens to it; when the register changes (this office, or another user on the team server:
// StoreAccess's subscription), a worker thread computes every listened result again and the
// main thread tells the listeners of those whose value changed, so that only their cells
// recompute; so does a new day (what is overdue changes at midnight). Results nobody listens
// to any more are dropped.
//
// A new result's first value: in file mode computed at once under the store lock (SQLite is
// fast); on a team server the main thread never waits on the network, so the result starts
// empty (#N/A) and the worker computes it.
#pragma once

#include "core/functions/calc_functions.hpp"

#include <com/sun/star/sheet/XVolatileResult.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstdint>

namespace clientes::uno::live_results
{
// The cell value of a function's value: void (#N/A), a number, a text, or a column.
css::uno::Any toAny(const functions::Value& value);

// The shared result of `call` (a function that reads the register). Throws StoreError when the
// register cannot be read (file mode).
css::uno::Reference<css::sheet::XVolatileResult>
resultFor(const css::uno::Reference<css::uno::XComponentContext>& context,
          const functions::Call& call);

struct Statistics
{
    std::int64_t results = 0;        // held now
    std::int64_t recomputations = 0; // values computed again after changes
    std::int64_t notifications = 0;  // modified() calls after changes
};
Statistics statistics();
} // namespace clientes::uno::live_results
