// Building AWT controls from their UNO models: extensions have no VCL, so the deck is made
// of model/control pairs inside a UnoControlContainer, positioned in pixels.
#pragma once

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/help/help_pages.hpp"

#include <com/sun/star/awt/XDialog.hpp>

#include <functional>
#include <initializer_list>
#include <utility>

namespace clientes::uno
{
using PropertyList = std::initializer_list<std::pair<const char*, css::uno::Any>>;

// A container control whose peer lives inside parent.
css::uno::Reference<css::awt::XControlContainer>
createContainer(const css::uno::Reference<css::uno::XComponentContext>& context,
                const css::uno::Reference<css::awt::XWindowPeer>& parent);

// Creates the model (service modelName), sets properties, makes its default control and adds
// it to the container under name.
css::uno::Reference<css::awt::XControl>
addControl(const css::uno::Reference<css::uno::XComponentContext>& context,
           const css::uno::Reference<css::awt::XControlContainer>& container, const char* name,
           const char* modelName, PropertyList properties);

css::uno::Reference<css::beans::XPropertySet>
modelOf(const css::uno::Reference<css::awt::XControl>& control);

void setPosSize(const css::uno::Reference<css::awt::XControl>& control, sal_Int32 x, sal_Int32 y,
                sal_Int32 width, sal_Int32 height);

// The help page of what a dialog shows (its step, its tab).
using DialogHelp = std::function<HelpPage(const css::uno::Reference<css::awt::XDialog>&)>;

// Creates the dialog of dialogUrl (an .xdl) with handler, over parent when given, lets the
// handler prepare it (its "prepare" method), runs it modally and disposes of it, also when
// something throws. While it runs, F1 and its Help button (btnHelp) open help(dialog).
void runDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
               const ::rtl::OUString& dialogUrl,
               const css::uno::Reference<css::awt::XDialogEventHandler>& handler,
               const css::uno::Reference<css::awt::XWindowPeer>& parent, const DialogHelp& help);

// The Step of a dialog's model: the page shown (wizard step, profile tab).
sal_Int32 dialogStep(const css::uno::Reference<css::awt::XDialog>& dialog);
} // namespace clientes::uno
