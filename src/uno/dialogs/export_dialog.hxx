// The export dialog (dialogs/ExportDialog.xdl): which clients (all, the deck's search, the
// selected ones) or which invoices (period, status), and where to (a new sheet of the current
// document or a new document). Its handler is also the service org.clientes.ExportDialog:
// initialize({Kind: "clients" | "invoices" | "edit", Frame, Query, Codes}) then prepare /
// onExport. "edit" ("Editar en Calc") writes the clients into a sheet bound to the register.
#pragma once

#include "support/component.hxx"

#include "core/model/import_batch.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace clientes::uno::export_dialog
{
::rtl::OUString dialogUrl();

// Shows the dialog modally and exports when the user asks. Nothing is thrown.
void run(const css::uno::Reference<css::uno::XComponentContext>& context,
         const css::uno::Reference<css::frame::XFrame>& frame, ImportKind kind,
         const std::string& query, const std::vector<std::string>& selectedCodes,
         bool edit = false);

extern const Component kComponent;
} // namespace clientes::uno::export_dialog
