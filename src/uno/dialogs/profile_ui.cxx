#include "dialogs/profile_ui.hxx"

#include "support/uno_text.hxx"

#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::dialog_ui
{
Reference<css::awt::XControl> control(const Dialog& dialog, const OUString& name)
{
    const Reference<css::awt::XControl> found =
        Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(name);
    if (!found.is())
        throw css::uno::RuntimeException("Clientes: the dialog has no control " + name);
    return found;
}

Reference<css::awt::XControl> control(const Dialog& dialog, const char* name)
{
    return control(dialog, ascii(name));
}

bool hasControl(const Dialog& dialog, const OUString& name)
{
    return Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(name).is();
}

Reference<css::beans::XPropertySet> model(const Dialog& dialog, const char* name)
{
    return Reference<css::beans::XPropertySet>(control(dialog, name)->getModel(), UNO_QUERY_THROW);
}

Reference<css::beans::XPropertySet> dialogModel(const Dialog& dialog)
{
    return Reference<css::beans::XPropertySet>(
        Reference<css::awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW);
}

OUString resourceString(const Dialog& dialog, const char* key)
{
    Reference<css::resource::XStringResourceResolver> resolver;
    dialogModel(dialog)->getPropertyValue(ascii("ResourceResolver")) >>= resolver;
    if (resolver.is() && resolver->hasEntryForId(ascii(key)))
        return resolver->resolveString(ascii(key));
    return ascii(key);
}

std::string text(const Dialog& dialog, const char* name)
{
    return toUtf8(
        Reference<css::awt::XTextComponent>(control(dialog, name), UNO_QUERY_THROW)->getText());
}

void setText(const Dialog& dialog, const char* name, const std::string& value)
{
    Reference<css::awt::XTextComponent>(control(dialog, name), UNO_QUERY_THROW)
        ->setText(fromUtf8(value));
}

void setLabel(const Dialog& dialog, const char* name, const OUString& label)
{
    model(dialog, name)->setPropertyValue(ascii("Label"), Any(label));
}

void setLabel(const Dialog& dialog, const char* name, const std::string& label)
{
    setLabel(dialog, name, fromUtf8(label));
}

void showMessage(const Dialog& dialog, const OUString& name, const std::string& message,
                 sal_Int32 color)
{
    const Reference<css::beans::XPropertySet> label(control(dialog, name)->getModel(),
                                                    UNO_QUERY_THROW);
    label->setPropertyValue(ascii("TextColor"), Any(color));
    label->setPropertyValue(ascii("Label"), Any(fromUtf8(message)));
}

void setVisible(const Dialog& dialog, const char* name, bool visible)
{
    model(dialog, name)->setPropertyValue(ascii("EnableVisible"), Any(visible));
}

void setEnabled(const Dialog& dialog, const char* name, bool enabled)
{
    model(dialog, name)->setPropertyValue(ascii("Enabled"), Any(enabled));
}

void focus(const Dialog& dialog, const char* name)
{
    Reference<css::awt::XWindow>(control(dialog, name), UNO_QUERY_THROW)->setFocus();
}

void setEntries(const Dialog& dialog, const char* name, const std::vector<std::string>& entries)
{
    Sequence<OUString> items(static_cast<sal_Int32>(entries.size()));
    OUString* out = items.getArray();
    for (const std::string& entry : entries)
        *out++ = fromUtf8(entry);
    model(dialog, name)->setPropertyValue(ascii("StringItemList"), Any(items));
}

void select(const Dialog& dialog, const char* name, sal_Int16 position)
{
    Sequence<sal_Int16> positions(position < 0 ? 0 : 1);
    if (position >= 0)
        positions.getArray()[0] = position;
    model(dialog, name)->setPropertyValue(ascii("SelectedItems"), Any(positions));
}

sal_Int16 selected(const Dialog& dialog, const char* name)
{
    Sequence<sal_Int16> positions;
    model(dialog, name)->getPropertyValue(ascii("SelectedItems")) >>= positions;
    return positions.getLength() > 0 ? positions[0] : sal_Int16(-1);
}
} // namespace clientes::uno::dialog_ui
