// Small helpers for the dialogs made from .xdl files (the client dialog, the profile dialog):
// finding controls, their models, the dialog's own string resource, inline messages.
#pragma once

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <rtl/ustring.hxx>

#include <optional>
#include <string>
#include <vector>

namespace clientes::uno::dialog_ui
{
using Dialog = css::uno::Reference<css::awt::XDialog>;

// Inline message colours: errors red, warnings dark amber (readable on light and dark grey),
// confirmations green.
constexpr sal_Int32 kErrorColor = 0xB00020;
constexpr sal_Int32 kWarningColor = 0x8A5A00;
constexpr sal_Int32 kInfoColor = 0x1E6B2E;

// The named control; RuntimeException when the dialog has none.
css::uno::Reference<css::awt::XControl> control(const Dialog& dialog, const ::rtl::OUString& name);
css::uno::Reference<css::awt::XControl> control(const Dialog& dialog, const char* name);
bool hasControl(const Dialog& dialog, const ::rtl::OUString& name);
css::uno::Reference<css::beans::XPropertySet> model(const Dialog& dialog, const char* name);
css::uno::Reference<css::beans::XPropertySet> dialogModel(const Dialog& dialog);

// A string of the dialog's own resource (dialogs/<Dialog>_<locale>.properties); the key itself
// when the resource has none.
::rtl::OUString resourceString(const Dialog& dialog, const char* key);

std::string text(const Dialog& dialog, const char* name);
void setText(const Dialog& dialog, const char* name, const std::string& value);
void setLabel(const Dialog& dialog, const char* name, const ::rtl::OUString& label);
void setLabel(const Dialog& dialog, const char* name, const std::string& label);
// A fixed text showing a message in a colour (empty text: no message).
void showMessage(const Dialog& dialog, const ::rtl::OUString& name, const std::string& message,
                 sal_Int32 color = kErrorColor);
void setVisible(const Dialog& dialog, const char* name, bool visible);
void setEnabled(const Dialog& dialog, const char* name, bool enabled);
void focus(const Dialog& dialog, const char* name);

// Date fields (the toolkit's DateField: a calendar drop-down, the office locale's date order).
// The limits 0001-01-01 to 9999-12-31, as the register's dates.
void prepareDateField(const Dialog& dialog, const char* name);
// "" empties the field.
void setDate(const Dialog& dialog, const char* name, const std::string& isoDate);
// The date shown, as ISO text; "" when empty; nullopt when the text is no date of the locale
// (the field would fall back to its last date).
std::optional<std::string> dateOf(const Dialog& dialog, const char* name);

// Amount fields (the toolkit's CurrencyField: the office locale's separators; the currency
// code is shown beside it, not in it).
void prepareAmountField(const Dialog& dialog, const char* name);
// nullopt empties the field. `decimals`: the currency's.
void setAmount(const Dialog& dialog, const char* name, std::optional<double> value, int decimals);
// The amount shown; 0 when empty; nullopt when the text is no number of the locale.
std::optional<double> amountOf(const Dialog& dialog, const char* name);

// List boxes filled by the code: entries and the selected one (-1: none).
void setEntries(const Dialog& dialog, const char* name, const std::vector<std::string>& entries);
void select(const Dialog& dialog, const char* name, sal_Int16 position);
sal_Int16 selected(const Dialog& dialog, const char* name);
} // namespace clientes::uno::dialog_ui
