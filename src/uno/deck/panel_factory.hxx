// org.clientes.calc.PanelFactory: the sidebar asks it for the Clientes panel.
#pragma once

#include "support/component.hxx"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

namespace clientes::uno::panel_factory
{
extern const Component kComponent;
} // namespace clientes::uno::panel_factory
