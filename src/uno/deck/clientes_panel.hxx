// The Clientes panel as the sidebar sees it: a UI element (XUIElement, XToolPanel,
// XSidebarPanel, XComponent) that owns the view and keeps it in step with the store.
#pragma once

#include "deck/client_list_view.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>

#include <memory>

namespace clientes::uno
{
using ClientesPanelBase = ::cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel,
                                                           css::ui::XSidebarPanel>;

class ClientesPanel : private ::cppu::BaseMutex, public ClientesPanelBase
{
public:
    ClientesPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
                  const css::uno::Reference<css::frame::XFrame>& frame,
                  const css::uno::Reference<css::awt::XWindow>& parent,
                  const css::uno::Reference<css::ui::XSidebar>& sidebar,
                  const ::rtl::OUString& url);
    ~ClientesPanel() override;

    // Creates the view and subscribes to changes; separate from the constructor so that the
    // subscription can hold a reference to a fully built object.
    void start();

    // XUIElement
    css::uno::Reference<css::frame::XFrame> SAL_CALL getFrame() override;
    ::rtl::OUString SAL_CALL getResourceURL() override;
    ::sal_Int16 SAL_CALL getType() override;
    css::uno::Reference<css::uno::XInterface> SAL_CALL getRealInterface() override;

    // XToolPanel
    css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override;
    css::uno::Reference<css::accessibility::XAccessible> SAL_CALL
    createAccessible(const css::uno::Reference<css::accessibility::XAccessible>&) override;

    // XSidebarPanel: called without a try/catch by the sidebar, so they never throw.
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 width) override;
    sal_Int32 SAL_CALL getMinimalWidth() override;

private:
    void SAL_CALL disposing() override;
    // Called on any thread; the refresh itself runs on the office's main thread.
    void onStoreChanged();
    void refreshOnMainThread();

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::WeakReference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XWindow> m_parent;
    css::uno::Reference<css::ui::XSidebar> m_sidebar;
    ::rtl::OUString m_url;
    std::unique_ptr<ClientListView> m_view;
    int m_subscription = 0;
};
} // namespace clientes::uno
