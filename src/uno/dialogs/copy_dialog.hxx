// "Copiar mis clientes al servidor…" (dialogs/CopyDialog.xdl): this computer's register file
// copied into the team server with everything around each client (core:
// register/register_copy.hpp). The dialog shows, client by client, what the copy would do (new,
// completed, already there), then copies in one transaction and reports. Reading and copying
// run off the main thread, on a connection of their own; the dialog shows progress. Its
// handler is also the service org.clientes.CopyToServer (prepare, onCopy).
#pragma once

#include "support/component.hxx"

#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace clientes::uno::copy_dialog
{
::rtl::OUString dialogUrl();

// Shows the dialog modally. Nothing is thrown.
void run(const css::uno::Reference<css::uno::XComponentContext>& context,
         const css::uno::Reference<css::awt::XWindowPeer>& parent);

extern const Component kComponent;
} // namespace clientes::uno::copy_dialog
