// A Calc document in the test office, with the Clientes deck shown in its sidebar.
#pragma once

#include "office.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace clientes::testing
{
class CalcDocument
{
public:
    explicit CalcDocument(const Office& office);
    ~CalcDocument();

    // Shows and activates the Clientes deck, then returns the panel's control container.
    css::uno::Reference<css::awt::XControlContainer> openClientesPanel();
    css::uno::Reference<css::awt::XControl> panelControl(const char* name);
    const css::uno::Reference<css::lang::XComponent>& component() const { return m_document; }
    const css::uno::Reference<css::frame::XController2>& controller() const { return m_controller; }
    // Clicks a button of the panel (through its accessible action, as a screen reader would).
    void press(const char* name);
    // The modal dialog the office shows over this window now (a real window: the tests under
    // Xvfb), waited for `attempts` × 50 ms; null when none came.
    css::uno::Reference<css::awt::XDialog> shownDialog(int attempts = 200) const;

private:
    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::lang::XComponent> m_document;
    css::uno::Reference<css::frame::XController2> m_controller;
    css::uno::Reference<css::awt::XControlContainer> m_panel;
};
} // namespace clientes::testing
