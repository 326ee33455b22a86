// "Buscar duplicados…" (dialogs/DuplicatesDialog.xdl): the groups of clients that look like one
// (core: Register::findDuplicates), with their reasons and the clients side by side; a group
// marked as not duplicates, or merged after choosing the client that stays and, field by field,
// whose value wins (Register::planMerge, mergeClients). Its handler is also the service
// org.clientes.DuplicatesDialog (prepare, onSearch, onGroupSelected, onNotDuplicates,
// onMergeStart, onKeepChanged, onFieldSelected, onValueChosen, onMerge, onBack).
#pragma once

#include "support/component.hxx"

#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace clientes::uno::duplicates_dialog
{
::rtl::OUString dialogUrl();

// Shows the dialog modally; true when something was merged or marked. Nothing is thrown.
bool run(const css::uno::Reference<css::uno::XComponentContext>& context,
         const css::uno::Reference<css::awt::XWindowPeer>& parent);

extern const Component kComponent;
} // namespace clientes::uno::duplicates_dialog
