#include "support/awt_controls.hxx"

#include "support/help.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>

#include <optional>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno
{
namespace
{
Reference<css::uno::XInterface> createService(const Reference<XComponentContext>& context,
                                              const OUString& name)
{
    Reference<css::uno::XInterface> instance =
        context->getServiceManager()->createInstanceWithContext(name, context);
    if (!instance.is())
        throw css::uno::RuntimeException("Clientes: the office cannot create " + name);
    return instance;
}
} // namespace

Reference<css::awt::XControlContainer>
createContainer(const Reference<XComponentContext>& context,
                const Reference<css::awt::XWindowPeer>& parent)
{
    Reference<css::awt::XControl> control(
        createService(context, ascii("com.sun.star.awt.UnoControlContainer")), UNO_QUERY_THROW);
    Reference<css::awt::XControlModel> model(
        createService(context, ascii("com.sun.star.awt.UnoControlContainerModel")),
        UNO_QUERY_THROW);
    control->setModel(model);
    const Reference<css::awt::XToolkit> toolkit(css::awt::Toolkit::create(context),
                                                UNO_QUERY_THROW);
    control->createPeer(toolkit, parent);
    return Reference<css::awt::XControlContainer>(control, UNO_QUERY_THROW);
}

Reference<css::awt::XControl> addControl(const Reference<XComponentContext>& context,
                                         const Reference<css::awt::XControlContainer>& container,
                                         const char* name, const char* modelName,
                                         PropertyList properties)
{
    Reference<css::beans::XPropertySet> model(createService(context, ascii(modelName)),
                                              UNO_QUERY_THROW);
    for (const auto& [property, value] : properties)
        model->setPropertyValue(ascii(property), value);
    OUString controlName;
    model->getPropertyValue(ascii("DefaultControl")) >>= controlName;
    Reference<css::awt::XControl> control(createService(context, controlName), UNO_QUERY_THROW);
    control->setModel(Reference<css::awt::XControlModel>(model, UNO_QUERY_THROW));
    container->addControl(ascii(name), control);
    return control;
}

Reference<css::beans::XPropertySet> modelOf(const Reference<css::awt::XControl>& control)
{
    return Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
}

void setPosSize(const Reference<css::awt::XControl>& control, sal_Int32 x, sal_Int32 y,
                sal_Int32 width, sal_Int32 height)
{
    Reference<css::awt::XWindow>(control, UNO_QUERY_THROW)
        ->setPosSize(x, y, width, height, css::awt::PosSize::POSSIZE);
}

void runDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
               const ::rtl::OUString& dialogUrl,
               const css::uno::Reference<css::awt::XDialogEventHandler>& handler,
               const css::uno::Reference<css::awt::XWindowPeer>& parent, const DialogHelp& help)
{
    css::uno::Sequence<css::beans::NamedValue> arguments(parent.is() ? 2 : 1);
    arguments.getArray()[0] =
        css::beans::NamedValue(::rtl::OUString("EventHandler"), css::uno::Any(handler));
    if (parent.is())
        arguments.getArray()[1] =
            css::beans::NamedValue(::rtl::OUString("ParentWindow"), css::uno::Any(parent));
    const css::uno::Reference<css::awt::XDialog> dialog =
        css::awt::DialogProvider2::create(context)->createDialogWithArguments(dialogUrl, arguments);
    const css::uno::Reference<css::lang::XComponent> component(dialog, css::uno::UNO_QUERY_THROW);
    try
    {
        std::optional<HelpScope> helpScope;
        if (help)
            helpScope.emplace(
                context, css::uno::Reference<css::awt::XWindow>(dialog, css::uno::UNO_QUERY),
                css::uno::Reference<css::awt::XControlContainer>(dialog, css::uno::UNO_QUERY),
                [dialog, help] { return help(dialog); });
        handler->callHandlerMethod(dialog, css::uno::Any(), ::rtl::OUString("prepare"));
        dialog->execute();
    }
    catch (...)
    {
        component->dispose();
        throw;
    }
    component->dispose();
}

sal_Int32 dialogStep(const css::uno::Reference<css::awt::XDialog>& dialog)
{
    const css::uno::Reference<css::awt::XControl> control(dialog, css::uno::UNO_QUERY_THROW);
    sal_Int32 step = 0;
    modelOf(control)->getPropertyValue(::rtl::OUString("Step")) >>= step;
    return step;
}
} // namespace clientes::uno
