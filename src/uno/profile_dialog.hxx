// The client's profile dialog (dialogs/ProfileDialog.xdl): tabs Resumen, Datos de contacto,
// Proyectos, Órdenes de compra, Facturas de venta, Ofertas y presupuestos, Archivos, Actividad.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstdint>

namespace clientes::uno::profile_dialog
{
// Shows the profile of the client modally. Returns true when anything about the client
// changed (the deck then reads it again). Problems are shown to the user; nothing is thrown.
bool run(const css::uno::Reference<css::uno::XComponentContext>& context,
         const css::uno::Reference<css::frame::XFrame>& frame, std::int64_t clientId);
} // namespace clientes::uno::profile_dialog
