// The import wizard (dialogs/ImportWizard.xdl) for clients and invoices: source, columns,
// check (counts, problems, marks on the sheet), import, result. Its event handler is also the
// service org.clientes.ImportWizard, so that tests and macros can drive it without execute():
// initialize({Kind: "clients" | "invoices", Frame: XFrame}) then the handler methods.
#pragma once

#include "support/component.hxx"

#include "core/model/import_batch.hpp"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

namespace clientes::uno::import_wizard
{
// vnd.sun.star.extension://org.clientes.calc/dialogs/ImportWizard.xdl
::rtl::OUString dialogUrl();

// Shows the wizard modally over the frame's document. True when something was imported.
// Problems are shown to the user; nothing is thrown.
bool run(const css::uno::Reference<css::uno::XComponentContext>& context,
         const css::uno::Reference<css::frame::XFrame>& frame, ImportKind kind);

extern const Component kComponent;
} // namespace clientes::uno::import_wizard
