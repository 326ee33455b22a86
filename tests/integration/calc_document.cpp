#include "calc_document.hpp"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XExtendedToolkit.hpp>
#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace clientes::testing
{
CalcDocument::CalcDocument(const Office& office) : m_context(office.context())
{
    m_document = css::frame::Desktop::create(office.context())
                     ->loadComponentFromURL(OUString::createFromAscii("private:factory/scalc"),
                                            OUString::createFromAscii("_blank"), 0, {});
    m_controller.set(
        Reference<css::frame::XModel>(m_document, UNO_QUERY_THROW)->getCurrentController(),
        UNO_QUERY_THROW);
}

Reference<css::awt::XDialog> CalcDocument::shownDialog(int attempts) const
{
    const Reference<css::awt::XExtendedToolkit> toolkit(css::awt::Toolkit::create(m_context),
                                                        UNO_QUERY_THROW);
    const Reference<css::uno::XInterface> documentWindow(
        m_controller->getFrame()->getContainerWindow(), UNO_QUERY);
    // getTopWindowCount / getTopWindow: deprecated for the office's own code, still the way for
    // a client to list the office's windows.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    for (int attempt = 0; attempt < attempts; ++attempt)
    {
        for (sal_Int32 i = 0; i < toolkit->getTopWindowCount(); ++i)
        {
            const Reference<css::awt::XTopWindow> top = toolkit->getTopWindow(i);
            const Reference<css::awt::XDialog> dialog(top, UNO_QUERY);
            if (dialog.is() && Reference<css::uno::XInterface>(top, UNO_QUERY) != documentWindow)
                return dialog;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
#pragma GCC diagnostic pop
    return nullptr;
}

CalcDocument::~CalcDocument()
{
    try
    {
        Reference<css::util::XCloseable>(m_document, UNO_QUERY_THROW)->close(true);
    }
    catch (const css::uno::Exception&)
    {
    }
}

Reference<css::awt::XControlContainer> CalcDocument::openClientesPanel()
try
{
    const Reference<css::ui::XSidebarProvider> sidebar = m_controller->getSidebar();
    sidebar->setVisible(true);
    const Reference<css::ui::XDeck> deck(
        sidebar->getDecks()->getByName(OUString::createFromAscii("ClientesDeck")), UNO_QUERY_THROW);
    deck->activate(true);
    sidebar->showDecks(true);
    const Reference<css::ui::XPanel> panel(
        deck->getPanels()->getByName(OUString::createFromAscii("ClientesPanel")), UNO_QUERY_THROW);
    panel->expand(false);
    m_panel.set(panel->getDialog(), UNO_QUERY_THROW);
    return m_panel;
}
catch (const css::uno::Exception& e)
{
    throw std::runtime_error(
        "cannot open the Clientes panel: " +
        std::string(rtl::OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8).getStr()));
}

Reference<css::awt::XControl> CalcDocument::panelControl(const char* name)
{
    if (!m_panel.is())
        openClientesPanel();
    Reference<css::awt::XControl> control = m_panel->getControl(OUString::createFromAscii(name));
    if (!control.is())
        throw std::runtime_error(std::string("the panel has no control ") + name);
    return control;
}
void CalcDocument::press(const char* name)
{
    const Reference<css::accessibility::XAccessible> accessible(panelControl(name)->getPeer(),
                                                                UNO_QUERY_THROW);
    Reference<css::accessibility::XAccessibleAction>(accessible->getAccessibleContext(),
                                                     UNO_QUERY_THROW)
        ->doAccessibleAction(0);
}
} // namespace clientes::testing
