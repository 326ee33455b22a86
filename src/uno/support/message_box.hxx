// Modal message boxes: information, errors and yes/no questions.
#pragma once

#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>

namespace clientes::uno
{
enum class BoxKind
{
    Info,
    Error,
    Question, // Yes and No, No by default
};

// A modal message box over `parent` (over the office when it is empty); returns the button
// pressed (com.sun.star.awt.MessageBoxResults).
sal_Int16 messageBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::awt::XWindowPeer>& parent, BoxKind kind,
                     const ::rtl::OUString& title, const ::rtl::OUString& text);

// An error box titled as the office's other errors of ours, for failures that have no dialog
// to show them in; never throws (a box that cannot be shown is logged).
void showErrorBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                  const std::string& message);
} // namespace clientes::uno
