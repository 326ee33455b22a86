#include "dialogs/profile_ui.hxx"

#include "support/uno_text.hxx"

#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XCurrencyField.hpp>
#include <com/sun/star/awt/XDateField.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/util/Date.hpp>

#include <cmath>
#include <cstdio>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace clientes::uno::dialog_ui
{
namespace
{
// The runs of digits in text, as numbers: "31/12/2024" → 31, 12, 2024.
std::vector<long long> numbersIn(std::u16string_view text)
{
    std::vector<long long> numbers;
    bool inNumber = false;
    for (char16_t c : text)
    {
        if (c >= u'0' && c <= u'9')
        {
            if (!inNumber)
                numbers.push_back(0);
            if (numbers.back() < 1'000'000'000)
                numbers.back() = numbers.back() * 10 + (c - u'0');
            inNumber = true;
        }
        else
            inNumber = false;
    }
    return numbers;
}

// The digits of text without leading and trailing zeros: "1.250,50" → "12505".
std::u16string significantDigits(std::u16string_view text)
{
    std::u16string digits;
    for (char16_t c : text)
        if (c >= u'0' && c <= u'9')
            digits += c;
    const auto first = digits.find_first_not_of(u'0');
    if (first == std::u16string::npos)
        return {};
    return digits.substr(first, digits.find_last_not_of(u'0') - first + 1);
}

std::u16string_view view(const OUString& text)
{
    return {reinterpret_cast<const char16_t*>(text.getStr()),
            static_cast<std::size_t>(text.getLength())};
}

// The peer of a field (what the user sees and types into), as an interface of it.
template <typename Interface> Reference<Interface> peerOf(const Dialog& dialog, const char* name)
{
    return Reference<Interface>(control(dialog, name)->getPeer(), UNO_QUERY);
}

// Typed dates and what the field shows for the date it read name the same day: the same
// numbers in the same order (a year typed with two digits matches its last two).
bool sameDate(std::u16string_view typed, std::u16string_view shown)
{
    const std::vector<long long> a = numbersIn(typed);
    const std::vector<long long> b = numbersIn(shown);
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && !(a[i] < 100 && a[i] == b[i] % 100))
            return false;
    return true;
}

constexpr double kLargestAmount = 9e15; // minor units a double holds exactly (< 2^53)
} // namespace

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

void prepareDateField(const Dialog& dialog, const char* name)
{
    const Reference<css::beans::XPropertySet> field = model(dialog, name);
    field->setPropertyValue(ascii("DateMin"), Any(css::util::Date(1, 1, 1)));
    field->setPropertyValue(ascii("DateMax"), Any(css::util::Date(31, 12, 9999)));
}

void setDate(const Dialog& dialog, const char* name, const std::string& isoDate)
{
    int year = 0;
    int month = 0;
    int day = 0;
    Any value;
    if (std::sscanf(isoDate.c_str(), "%4d-%2d-%2d", &year, &month, &day) == 3)
        value <<= css::util::Date(static_cast<sal_uInt16>(day), static_cast<sal_uInt16>(month),
                                  static_cast<sal_Int16>(year));
    model(dialog, name)->setPropertyValue(ascii("Date"), value);
}

std::optional<std::string> dateOf(const Dialog& dialog, const char* name)
{
    const auto field = peerOf<css::awt::XDateField>(dialog, name);
    const auto text = peerOf<css::awt::XTextComponent>(dialog, name);
    css::util::Date date;
    if (field.is() && text.is())
    {
        const OUString typed = text->getText();
        if (typed.trim().isEmpty())
            return std::string();
        if (field->isEmpty())
            return std::nullopt;
        date = field->getDate();
        // For text it cannot read the field gives its last date: what it shows for the date
        // it read must be what was typed.
        field->setDate(date);
        if (!sameDate(view(typed), view(text->getText())))
        {
            text->setText(typed);
            return std::nullopt;
        }
    }
    else if (!(model(dialog, name)->getPropertyValue(ascii("Date")) >>= date)) // no window
        return std::string();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", int(date.Year), int(date.Month),
                  int(date.Day));
    return std::string(buffer);
}

void prepareAmountField(const Dialog& dialog, const char* name)
{
    const Reference<css::beans::XPropertySet> field = model(dialog, name);
    field->setPropertyValue(ascii("CurrencySymbol"), Any(OUString()));
}

void setAmount(const Dialog& dialog, const char* name, std::optional<double> value, int decimals)
{
    const Reference<css::beans::XPropertySet> field = model(dialog, name);
    // The largest amount whose minor units a double holds exactly, not the toolkit's million.
    const double largest = kLargestAmount / std::pow(10.0, decimals);
    field->setPropertyValue(ascii("ValueMin"), Any(-largest));
    field->setPropertyValue(ascii("ValueMax"), Any(largest));
    field->setPropertyValue(ascii("DecimalAccuracy"), Any(static_cast<sal_Int16>(decimals)));
    field->setPropertyValue(ascii("Value"), value ? Any(*value) : Any());
}

std::optional<double> amountOf(const Dialog& dialog, const char* name)
{
    const auto field = peerOf<css::awt::XCurrencyField>(dialog, name);
    const auto text = peerOf<css::awt::XTextComponent>(dialog, name);
    if (!field.is() || !text.is()) // no window
    {
        double value = 0;
        model(dialog, name)->getPropertyValue(ascii("Value")) >>= value;
        return value;
    }
    const OUString typed = text->getText();
    if (typed.trim().isEmpty())
        return 0.0;
    const double value = field->getValue();
    // For text it cannot read the field gives its last value: what it shows for the value it
    // read must have the digits that were typed.
    field->setValue(value);
    const bool hasDigit = !numbersIn(view(typed)).empty();
    if (!hasDigit || significantDigits(view(typed)) != significantDigits(view(text->getText())))
    {
        text->setText(typed);
        return std::nullopt;
    }
    return value;
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
