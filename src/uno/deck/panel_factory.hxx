// org.clientes.calc.PanelFactory: the sidebar asks it for the Clientes panel.
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

namespace clientes::uno::panel_factory
{
::rtl::OUString implementationName();
css::uno::Sequence<::rtl::OUString> serviceNames();
css::uno::Reference<css::uno::XInterface>
    SAL_CALL create(const css::uno::Reference<css::uno::XComponentContext>& context);
} // namespace clientes::uno::panel_factory
