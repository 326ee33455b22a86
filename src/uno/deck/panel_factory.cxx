#include "deck/panel_factory.hxx"

#include "deck/clientes_panel.hxx"
#include "support/entry_guard.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ref.hxx>

namespace css = ::com::sun::star;
using css::beans::PropertyValue;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;

namespace clientes::uno::panel_factory
{
namespace
{
class PanelFactory : public ComponentBase<kComponent, css::ui::XUIElementFactory>
{
public:
    explicit PanelFactory(const Reference<css::uno::XComponentContext>& context)
        : m_context(context)
    {
    }

    Reference<css::ui::XUIElement> SAL_CALL
    createUIElement(const OUString& url, const Sequence<PropertyValue>& arguments) override
    {
        return guarded("creating the Clientes panel",
                       [&]
                       {
                           if (!url.endsWith("/ClientesPanel"))
                               throw css::container::NoSuchElementException(
                                   "Clientes: unknown panel " + url, nullptr);
                           Reference<css::frame::XFrame> frame;
                           Reference<css::awt::XWindow> parent;
                           Reference<css::ui::XSidebar> sidebar;
                           for (const PropertyValue& argument : arguments)
                           {
                               if (argument.Name == "Frame")
                                   argument.Value >>= frame;
                               else if (argument.Name == "ParentWindow")
                                   argument.Value >>= parent;
                               else if (argument.Name == "Sidebar")
                                   argument.Value >>= sidebar;
                           }
                           if (!parent.is())
                               throw css::lang::IllegalArgumentException(
                                   ascii("Clientes: the panel needs a ParentWindow"), nullptr, 1);
                           rtl::Reference<ClientesPanel> panel(
                               new ClientesPanel(m_context, frame, parent, sidebar, url));
                           panel->start();
                           return Reference<css::ui::XUIElement>(panel.get());
                       });
    }

private:
    Reference<css::uno::XComponentContext> m_context;
};
} // namespace

const Component kComponent{
    "org.clientes.calc.PanelFactory", "org.clientes.calc.PanelFactory",
    [](const Reference<css::uno::XComponentContext>& context) -> cppu::OWeakObject*
    { return new PanelFactory(context); }};
} // namespace clientes::uno::panel_factory
