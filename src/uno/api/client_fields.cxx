#include "api/client_fields.hxx"

#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/rules/validation.hpp"
#include "support/uno_text.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/TypeClass.hpp>

#include <optional>
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

// Text as such; whole numbers too, since Basic hands a typed-in postal code over as a number.
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

// The read-only values getClient returns besides the fields, as it returns them.
std::optional<Any> readOnlyValue(std::string_view name, const Client& client)
{
    if (name == "archived")
        return Any(client.archived);
    if (name == "createdAt")
        return Any(fromUtf8(client.createdAt));
    if (name == "updatedAt")
        return Any(fromUtf8(client.updatedAt));
    return std::nullopt;
}

bool sameValue(const Any& stored, const Any& given)
{
    return given == stored || given.getValueTypeClass() == css::uno::TypeClass_VOID;
}
} // namespace

Sequence<NamedValue> toNamedValues(const Client& client)
{
    const auto& fields = allFields();
    Sequence<NamedValue> result(static_cast<sal_Int32>(fields.size()) + 4);
    NamedValue* out = result.getArray();
    for (Field field : fields)
        *out++ = NamedValue(fromUtf8(fieldName(field)), Any(fromUtf8(client.value(field))));
    *out++ = NamedValue(ascii("archived"), Any(client.archived));
    *out++ = NamedValue(ascii("createdAt"), Any(fromUtf8(client.createdAt)));
    *out++ = NamedValue(ascii("updatedAt"), Any(fromUtf8(client.updatedAt)));
    *out++ = NamedValue(ascii("version"), Any(sal_Int64(client.version)));
    return result;
}

void applyNamedValues(const Sequence<NamedValue>& fields, Client& client, Language language)
{
    for (sal_Int32 i = 0; i < fields.getLength(); ++i)
    {
        const NamedValue& entry = fields[i];
        const std::string name = toUtf8(entry.Name);
        const auto position = static_cast<sal_Int16>(i);
        if (name == "version")
        {
            // The version the caller read: the store refuses the update when it moved on.
            sal_Int64 version = 0;
            if (entry.Value.getValueTypeClass() == css::uno::TypeClass_VOID)
                continue;
            if (!isWholeNumber(entry.Value.getValueTypeClass()) || !(entry.Value >>= version))
                reject(name,
                       wrongTypeMessage(ValueType::WholeNumber,
                                        toUtf8(entry.Value.getValueTypeName()), language),
                       position);
            if (client.id == 0 && version != client.version)
                reject(name, clientes::text(TextKey::ProfileReadOnlyField, language), position);
            client.version = version;
            continue;
        }
        if (const auto stored = readOnlyValue(name, client))
        {
            if (!sameValue(*stored, entry.Value))
                reject(name, clientes::text(TextKey::ProfileReadOnlyField, language), position);
            continue;
        }
        const auto field = fieldFromName(name);
        if (!field)
            reject(quoted(name, language),
                   describe(FieldIssue{Field::Code, Problem::UnknownField}, language), position);
        OUString text;
        if (!valueAsText(entry.Value, text))
            reject(
                name,
                wrongTypeMessage(ValueType::Text, toUtf8(entry.Value.getValueTypeName()), language),
                position);
        const std::string value = toUtf8(text);
        if (*field == Field::Code)
        {
            // The code is the store's to give; naming the client's own code again is harmless.
            if (value != client.code)
                reject(name, describe(FieldIssue{Field::Code, Problem::ReadOnly}, language),
                       position);
            continue;
        }
        client.value(*field) = value;
    }
}
} // namespace clientes::uno
