// The options page, Tools ▸ Options ▸ LibreOffice Calc ▸ Clientes (dialogs/OptionsPage.xdl,
// config/OptionsDialog.xcu): this computer's register file or the team server (host, port,
// database, user, password, TLS mode, "Test connection"), and the country and currency a new
// client starts with. Its handler is the service org.clientes.calc.OptionsPage, an
// XContainerWindowEventHandler: the options dialog calls it with "initialize" (load), "ok"
// (save) and "back" (load again); the page's own events call onModeChanged, onBrowse,
// onCheck and onTest.
#pragma once

#include "support/component.hxx"

namespace clientes::uno::options_page
{
extern const Component kComponent;
} // namespace clientes::uno::options_page
