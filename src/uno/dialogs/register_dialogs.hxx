// The deck's "⋯" entries for the register's file: a back-up copy and a restore from one,
// each with a file picker and a message. Problems are shown to the user; nothing is thrown.
#pragma once

#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace clientes::uno::register_dialogs
{
using Context = css::uno::Reference<css::uno::XComponentContext>;
using Parent = css::uno::Reference<css::awt::XWindowPeer>;

// "Hacer una copia de seguridad…": asks where, writes a checked copy, says so.
void backup(const Context& context, const Parent& parent);
// "Restaurar desde una copia…": asks which copy, checks it, asks to confirm with both
// registers' counts, restores, says where the replaced register was kept. True when restored.
bool restore(const Context& context, const Parent& parent);
} // namespace clientes::uno::register_dialogs
