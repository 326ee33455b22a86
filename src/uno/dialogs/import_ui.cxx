#include "dialogs/import_ui.hxx"

#include "core/messages/import_messages.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::transfer_ui
{
Reference<css::awt::XControl> control(const Dialog& dialog, const char* name)
{
    const Reference<css::awt::XControl> found =
        Reference<css::awt::XControlContainer>(dialog, UNO_QUERY_THROW)->getControl(ascii(name));
    if (!found.is())
        throw css::uno::RuntimeException("Clientes: the dialog has no control " + ascii(name));
    return found;
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

OUString text(const Dialog& dialog, const std::string& key, const Values& values)
{
    Reference<css::resource::XStringResourceResolver> resolver;
    dialogModel(dialog)->getPropertyValue(ascii("ResourceResolver")) >>= resolver;
    const OUString id = fromUtf8(key);
    if (!resolver.is() || !resolver->hasEntryForId(id))
        return id;
    const OUString pattern = resolver->resolveString(id);
    if (values.empty())
        return pattern;
    return fromUtf8(fillPlaceholders(toUtf8(pattern), values));
}

void setLabel(const Dialog& dialog, const char* name, const OUString& label)
{
    model(dialog, name)->setPropertyValue(ascii("Label"), Any(label));
}

void setEnabled(const Dialog& dialog, const char* name, bool enabled)
{
    model(dialog, name)->setPropertyValue(ascii("Enabled"), Any(enabled));
}

void setVisible(const Dialog& dialog, const char* name, bool visible)
{
    model(dialog, name)->setPropertyValue(ascii("EnableVisible"), Any(visible));
}

bool isChecked(const Dialog& dialog, const char* name)
{
    sal_Int16 state = 0;
    model(dialog, name)->getPropertyValue(ascii("State")) >>= state;
    return state == 1;
}

void setChecked(const Dialog& dialog, const char* name, bool checked)
{
    model(dialog, name)->setPropertyValue(ascii("State"), Any(sal_Int16(checked ? 1 : 0)));
}

OUString textOf(const Dialog& dialog, const char* name)
{
    return Reference<css::awt::XTextComponent>(control(dialog, name), UNO_QUERY_THROW)->getText();
}

void setText(const Dialog& dialog, const char* name, const OUString& value)
{
    Reference<css::awt::XTextComponent>(control(dialog, name), UNO_QUERY_THROW)->setText(value);
}

void setItems(const Dialog& dialog, const char* name, const std::vector<OUString>& items)
{
    model(dialog, name)
        ->setPropertyValue(
            ascii("StringItemList"),
            Any(Sequence<OUString>(items.data(), static_cast<sal_Int32>(items.size()))));
}

sal_Int16 selected(const Dialog& dialog, const char* name)
{
    Sequence<sal_Int16> items;
    model(dialog, name)->getPropertyValue(ascii("SelectedItems")) >>= items;
    return items.getLength() > 0 ? items[0] : sal_Int16(-1);
}

void select(const Dialog& dialog, const char* name, sal_Int16 index)
{
    Sequence<sal_Int16> items(index >= 0 ? 1 : 0);
    if (index >= 0)
        items.getArray()[0] = index;
    model(dialog, name)->setPropertyValue(ascii("SelectedItems"), Any(items));
}

sal_Int16 page(const Dialog& dialog)
{
    sal_Int32 step = 0;
    dialogModel(dialog)->getPropertyValue(ascii("Step")) >>= step;
    return static_cast<sal_Int16>(step);
}

void setPage(const Dialog& dialog, sal_Int16 value)
{
    dialogModel(dialog)->setPropertyValue(ascii("Step"), Any(sal_Int32(value)));
}

} // namespace clientes::uno::transfer_ui
