// The add / edit client dialog (dialogs/ClientDialog.xdl) and its event handler, which is also
// the service org.clientes.ClientEditor so that tests and macros can drive it.
#pragma once

#include "support/component.hxx"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

#include <cstdint>
#include <optional>

namespace clientes::uno::client_dialog
{
// vnd.sun.star.extension://org.clientes.calc/dialogs/ClientDialog.xdl
::rtl::OUString dialogUrl();

// Shows the dialog modally: a new client when clientId is empty, else that client's record.
// Returns the id of the client stored when the user saved, or of the existing client the user
// chose to open instead (a tax ID that another client has); nothing when cancelled. Problems
// are shown to the user; nothing is thrown. toRecords: set when the user saved with the button
// of addresses and bank accounts, which the caller then shows (the profile's tab of them).
std::optional<std::int64_t> run(const css::uno::Reference<css::uno::XComponentContext>& context,
                                std::optional<std::int64_t> clientId, bool* toRecords = nullptr);

extern const Component kComponent;
} // namespace clientes::uno::client_dialog
