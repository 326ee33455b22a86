// Small helpers for the transfer dialogs (import wizard, export dialog): control models by
// name, resource strings with {placeholders}, list boxes, check boxes, message boxes.
#pragma once

#include "support/uno_text.hxx"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clientes::uno::transfer_ui
{
using Dialog = css::uno::Reference<css::awt::XDialog>;
using Values = std::vector<std::pair<std::string_view, std::string>>;

css::uno::Reference<css::awt::XControl> control(const Dialog& dialog, const char* name);
css::uno::Reference<css::beans::XPropertySet> model(const Dialog& dialog, const char* name);
css::uno::Reference<css::beans::XPropertySet> dialogModel(const Dialog& dialog);

// The dialog's own string resource (its .properties); the key itself when missing. {name}
// placeholders are filled from values.
OUString text(const Dialog& dialog, const std::string& key, const Values& values = {});

void setLabel(const Dialog& dialog, const char* name, const OUString& label);
void setEnabled(const Dialog& dialog, const char* name, bool enabled);
void setVisible(const Dialog& dialog, const char* name, bool visible);
bool isChecked(const Dialog& dialog, const char* name);
void setChecked(const Dialog& dialog, const char* name, bool checked);
OUString textOf(const Dialog& dialog, const char* name);
void setText(const Dialog& dialog, const char* name, const OUString& text);

void setItems(const Dialog& dialog, const char* name, const std::vector<OUString>& items);
// -1 when nothing is selected.
sal_Int16 selected(const Dialog& dialog, const char* name);
void select(const Dialog& dialog, const char* name, sal_Int16 index);

sal_Int16 page(const Dialog& dialog);
void setPage(const Dialog& dialog, sal_Int16 page);

} // namespace clientes::uno::transfer_ui
