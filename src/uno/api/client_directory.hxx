// org.clientes.ClientDirectory: the register for Basic and Python macros.
#pragma once

#include "support/component.hxx"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

namespace clientes::uno::client_directory
{
extern const Component kComponent;
} // namespace clientes::uno::client_directory
