// The client's profile dialog (dialogs/ProfileDialog.xdl): tabs Resumen, Datos de contacto,
// Proyectos, Órdenes de compra, Facturas de venta, Ofertas y presupuestos, Archivos, Actividad.
//
// Its event handler (ProfileViewer) answers the methods the .xdl binds; tests and scripts drive
// it through callHandlerMethod like the buttons do. Methods that would open a file picker
// (onFileAttach, onFileSaveCopy) take the file URL as the event instead when it is a string.
#pragma once

#include "support/component.hxx"

#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

#include <cstdint>

namespace clientes::uno::profile_dialog
{
// vnd.sun.star.extension://org.clientes.calc/dialogs/ProfileDialog.xdl
::rtl::OUString dialogUrl();

// Shows the profile of the client modally, over the frame's window when there is one. Returns
// true when anything about the client changed (the deck then reads it again). Problems are
// shown to the user; nothing is thrown.
// page: the tab shown first, as the dialog's Step (1, the summary, by default).
bool run(const css::uno::Reference<css::uno::XComponentContext>& context,
         const css::uno::Reference<css::frame::XFrame>& frame, std::int64_t clientId, int page = 1);

// The tab "Direcciones y cuentas" (the dialog's Step of tabAddresses).
constexpr int kAddressesPage = 9;

// A handler for the dialog of the given client: create the dialog with it, call "prepare",
// then execute() or setVisible(true).
css::uno::Reference<css::awt::XDialogEventHandler>
createHandler(const css::uno::Reference<css::uno::XComponentContext>& context,
              std::int64_t clientId);

// The handler as a service (org.clientes.ProfileViewer; initialize with the client's code,
// tax ID or id), ready to be listed in exports.cxx and clientes.components. Until it is, the
// service org.clientes.ClientEditor initialized with NamedValue("Profile", <client>) serves.
extern const Component kComponent;
} // namespace clientes::uno::profile_dialog
