#include "deck/clientes_panel.hxx"

#include "support/entry_guard.hxx"
#include "support/main_thread.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <rtl/ref.hxx>

#include <functional>

namespace css = ::com::sun::star;
using css::uno::Reference;

namespace clientes::uno
{
ClientesPanel::ClientesPanel(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::frame::XFrame>& frame,
                             const Reference<css::awt::XWindow>& parent,
                             const Reference<css::ui::XSidebar>& sidebar, const OUString& url)
    : ClientesPanelBase(m_aMutex), m_context(context), m_frame(frame), m_parent(parent),
      m_sidebar(sidebar), m_url(url)
{
}

ClientesPanel::~ClientesPanel() = default;

void ClientesPanel::start()
{
    m_view = std::make_unique<ClientListView>(m_context, getFrame(), m_parent);
    // The subscription keeps the panel alive while a notification is under way; disposing()
    // ends it.
    rtl::Reference<ClientesPanel> self(this);
    m_subscription = storeAccess().subscribe([self] { self->onStoreChanged(); });
}

void ClientesPanel::onStoreChanged()
{
    // A macro may change clients from a bridge thread; AWT and the sidebar belong to the main
    // thread, where disposing() runs too, so the refresh is queued there.
    rtl::Reference<ClientesPanel> self(this);
    postToMainThread(m_context, [self] { self->refreshOnMainThread(); });
}

void ClientesPanel::refreshOnMainThread()
{
    if (m_view && !rBHelper.bDisposed && !rBHelper.bInDispose)
        m_view->reload();
}

Reference<css::frame::XFrame> SAL_CALL ClientesPanel::getFrame()
{
    return Reference<css::frame::XFrame>(m_frame);
}

OUString SAL_CALL ClientesPanel::getResourceURL()
{
    return m_url;
}

sal_Int16 SAL_CALL ClientesPanel::getType()
{
    return css::ui::UIElementType::TOOLPANEL;
}

Reference<css::uno::XInterface> SAL_CALL ClientesPanel::getRealInterface()
{
    return static_cast<css::ui::XUIElement*>(this);
}

Reference<css::awt::XWindow> SAL_CALL ClientesPanel::getWindow()
{
    return m_view ? m_view->window() : Reference<css::awt::XWindow>();
}

Reference<css::accessibility::XAccessible>
    SAL_CALL ClientesPanel::createAccessible(const Reference<css::accessibility::XAccessible>&)
{
    return Reference<css::accessibility::XAccessible>(getWindow(), css::uno::UNO_QUERY);
}

css::ui::LayoutSize SAL_CALL ClientesPanel::getHeightForWidth(sal_Int32)
{
    return css::ui::LayoutSize(ClientListView::kMinimalHeight, -1,
                               ClientListView::kPreferredHeight);
}

sal_Int32 SAL_CALL ClientesPanel::getMinimalWidth()
{
    return ClientListView::kMinimalWidth;
}

void SAL_CALL ClientesPanel::disposing()
{
    guardedNoThrow("closing the Clientes panel",
                   [this]
                   {
                       storeAccess().unsubscribe(m_subscription);
                       if (m_view)
                           m_view->dispose();
                       m_view.reset();
                       m_parent.clear();
                       m_sidebar.clear();
                   });
}
} // namespace clientes::uno
