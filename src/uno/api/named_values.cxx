#include "api/named_values.hxx"

#include "core/rules/profile_money.hpp"

namespace css = ::com::sun::star;
using css::uno::Any;

namespace clientes::uno
{
bool isWholeNumber(css::uno::TypeClass type)
{
    switch (type)
    {
    case css::uno::TypeClass_BYTE:
    case css::uno::TypeClass_SHORT:
    case css::uno::TypeClass_UNSIGNED_SHORT:
    case css::uno::TypeClass_LONG:
    case css::uno::TypeClass_UNSIGNED_LONG:
    case css::uno::TypeClass_HYPER:
        return true;
    default:
        return false;
    }
}

bool isNumber(css::uno::TypeClass type)
{
    return isWholeNumber(type) || type == css::uno::TypeClass_DOUBLE ||
           type == css::uno::TypeClass_FLOAT;
}

double asDouble(const Any& value)
{
    if (isWholeNumber(value.getValueTypeClass()))
    {
        sal_Int64 whole = 0;
        value >>= whole;
        return static_cast<double>(whole);
    }
    double number = 0;
    value >>= number;
    return number;
}

bool valueAsText(const Any& value, OUString& text)
{
    const auto type = value.getValueTypeClass();
    if (type == css::uno::TypeClass_VOID)
    {
        text.clear();
        return true;
    }
    if (type == css::uno::TypeClass_STRING)
        return value >>= text;
    if (isWholeNumber(type))
    {
        sal_Int64 number = 0;
        value >>= number;
        text = OUString::number(number);
        return true;
    }
    return false;
}

Any toAny(const FieldInfo& field, const FieldValue& value, std::string_view currency)
{
    switch (field.type)
    {
    case FieldType::Money:
        return Any(toDouble(Money{std::get<std::int64_t>(value), std::string(currency)}));
    case FieldType::Id:
    case FieldType::WholeNumber:
        return Any(sal_Int64(std::get<std::int64_t>(value)));
    case FieldType::Hours:
        return Any(std::get<double>(value));
    case FieldType::Boolean:
        return Any(std::get<bool>(value));
    default:
        return Any(fromUtf8(std::get<std::string>(value)));
    }
}
} // namespace clientes::uno
