// Modal message boxes: information, errors and yes/no questions.
#pragma once

#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "core/messages/messages.hpp"
#include "core/register/register.hpp" // StoreError, as the register throws it
#include "support/entry_guard.hxx"
#include "support/office_settings.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/uno/Exception.hpp>

#include <string>
#include <string_view>

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

// Runs `body` behind the entry wall, for an entry point that cannot report to its caller: a
// failure of the register or of the office inside it is shown in an error box, anything else
// is logged (guardedNoThrow). Returns false when the body failed.
template <typename Body>
bool showingFailures(std::string_view where,
                     const css::uno::Reference<css::uno::XComponentContext>& context, Body&& body)
{
    bool done = false;
    guardedNoThrow(where,
                   [&]
                   {
                       try
                       {
                           body();
                           done = true;
                       }
                       catch (const StoreError& error)
                       {
                           showErrorBox(context, describe(error, uiLanguage(context)));
                       }
                       catch (const css::uno::Exception& error)
                       {
                           showErrorBox(context, toUtf8(error.Message));
                       }
                   });
    return done;
}
} // namespace clientes::uno
