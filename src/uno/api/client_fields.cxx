#include "api/client_fields.hxx"

#include "api/named_values.hxx"
#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/rules/validation.hpp"
#include "support/uno_text.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>

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

// A read-only value getClient returns besides the fields (archived, createdAt, updatedAt), as
// it returns it; nothing for other names.
std::optional<Any> readOnlyValue(std::string_view name, const Client& client)
{
    const auto* field = kindOf<Client>().field(name);
    if (!field || field->role != FieldRole::Managed || std::holds_alternative<Field>(field->label))
        return std::nullopt;
    return toAny(*field, field->get(client), {});
}

bool sameValue(const Any& stored, const Any& given)
{
    return given == stored || given.getValueTypeClass() == css::uno::TypeClass_VOID;
}
} // namespace

Sequence<NamedValue> toNamedValues(const Client& client)
{
    return namedValuesOf(kindOf<Client>(), client);
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
                reject(name, profileText(ProfileText::ReadOnlyField, language), position);
            client.version = version;
            continue;
        }
        if (const auto stored = readOnlyValue(name, client))
        {
            if (!sameValue(*stored, entry.Value))
                reject(name, profileText(ProfileText::ReadOnlyField, language), position);
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
