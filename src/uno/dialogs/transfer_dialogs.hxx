// The deck's "⋯" entries for moving data through Calc: the import wizard
// (dialogs/ImportWizard.xdl), the export dialogs and undoing the last import.
// Problems are shown to the user; nothing is thrown.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <vector>

namespace clientes::uno::transfer_dialogs
{
using Context = css::uno::Reference<css::uno::XComponentContext>;
using Frame = css::uno::Reference<css::frame::XFrame>;

// Returns true when clients were imported (the deck reads the store again).
bool importClients(const Context& context, const Frame& frame);
bool importInvoices(const Context& context, const Frame& frame);
// The deck's current search and selected codes, so the dialog can offer "all clients",
// "the current search" or "the selected ones".
void exportClients(const Context& context, const Frame& frame, const std::string& query,
                   const std::vector<std::string>& selectedCodes);
void exportInvoices(const Context& context, const Frame& frame);
// "Exportar clientes / facturas a CSV…": asks for a .csv file (save mode) and writes every
// client (the archived ones too when includeArchived: the deck shows them) or every invoice
// there, UTF-8 with the locale's separator and formula-like text neutralised (as
// exportClientsToCsv / exportInvoicesToCsv with no options); tells the user the outcome.
void exportClientsCsv(const Context& context, const Frame& frame, bool includeArchived);
void exportInvoicesCsv(const Context& context, const Frame& frame);
// Asks for confirmation, reverts, and tells the user what happened. True when reverted.
bool undoLastImport(const Context& context, const Frame& frame);
} // namespace clientes::uno::transfer_dialogs
