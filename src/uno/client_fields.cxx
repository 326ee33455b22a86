#include "client_fields.hxx"

#include "core/messages.hpp"
#include "core/validation.hpp"
#include "uno_text.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/TypeClass.hpp>

#include <string>

namespace css = ::com::sun::star;
using css::beans::NamedValue;
using css::uno::Any;
using css::uno::Sequence;

namespace clientes::uno
{
namespace
{
[[noreturn]] void reject(std::string_view fieldName, const std::string& reason, sal_Int16 position)
{
    std::string message(fieldName);
    message += ": ";
    message += reason;
    throw css::lang::IllegalArgumentException(fromUtf8(message), nullptr, position);
}

// Text as such; whole numbers too, since Basic hands a typed-in postal code over as a number.
bool valueAsText(const Any& value, OUString& text)
{
    switch (value.getValueTypeClass())
    {
    case css::uno::TypeClass_VOID:
        text.clear();
        return true;
    case css::uno::TypeClass_STRING:
        return value >>= text;
    case css::uno::TypeClass_BYTE:
    case css::uno::TypeClass_SHORT:
    case css::uno::TypeClass_UNSIGNED_SHORT:
    case css::uno::TypeClass_LONG:
    case css::uno::TypeClass_UNSIGNED_LONG:
    case css::uno::TypeClass_HYPER:
    {
        sal_Int64 number = 0;
        value >>= number;
        text = OUString::number(number);
        return true;
    }
    default:
        return false;
    }
}
} // namespace

Sequence<NamedValue> toNamedValues(const Client& client)
{
    const auto& fields = allFields();
    Sequence<NamedValue> result(static_cast<sal_Int32>(fields.size()) + 3);
    NamedValue* out = result.getArray();
    for (Field field : fields)
        *out++ = NamedValue(fromUtf8(fieldName(field)), Any(fromUtf8(client.value(field))));
    *out++ = NamedValue(ascii("archived"), Any(client.archived));
    *out++ = NamedValue(ascii("createdAt"), Any(fromUtf8(client.createdAt)));
    *out++ = NamedValue(ascii("updatedAt"), Any(fromUtf8(client.updatedAt)));
    return result;
}

void applyNamedValues(const Sequence<NamedValue>& fields, Client& client, Language language)
{
    for (sal_Int32 i = 0; i < fields.getLength(); ++i)
    {
        const NamedValue& entry = fields[i];
        const std::string name = toUtf8(entry.Name);
        const auto field = fieldFromName(name);
        const auto position = static_cast<sal_Int16>(i);
        if (!field)
            reject(name, describe(FieldIssue{Field::Code, Problem::UnknownField}, language),
                   position);
        OUString text;
        if (!valueAsText(entry.Value, text))
            reject(name, describe(FieldIssue{*field, Problem::InvalidText}, language), position);
        const std::string value = toUtf8(text);
        if (*field == Field::Code)
        {
            // The code is the store's to give; naming the client's own code again is harmless.
            if (value != client.code)
                reject(name, describe(FieldIssue{*field, Problem::ReadOnly}, language), position);
            continue;
        }
        client.value(*field) = value;
    }
}
} // namespace clientes::uno
