// The extension's commands: every action of the Clientes menu and toolbar (config/Addons.xcu)
// is a URL of our own protocol, "org.clientes.calc:<Name>", answered by this protocol handler
// (config/ProtocolHandler.xcu), so that users can put any of them on their own menus, toolbars
// and shortcuts (Tools ▸ Customize) and macros can dispatch them. A command acts through the
// deck of its document window (shown first when needed) and says when it may be used (no
// profile without a selected client; no import for a read-only team user).
#pragma once

#include "support/component.hxx"

#include <optional>
#include <string_view>

namespace clientes::uno::command_handler
{
enum class Command
{
    ShowDeck,
    Find,
    AddClient,
    OpenProfile,
    ImportClients,
    ImportInvoices,
    ExportClients,
    ExportInvoices,
    EditInCalc,
    UndoImport,
    Options,
    Help,
};

inline constexpr std::string_view kProtocol = "org.clientes.calc:";

// The command a URL's path names ("AddClient"), if any.
std::optional<Command> commandNamed(std::string_view path);

// org.clientes.calc.Commands, service com.sun.star.frame.ProtocolHandler.
extern const Component kComponent;
} // namespace clientes::uno::command_handler
