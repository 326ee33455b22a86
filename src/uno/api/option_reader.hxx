#pragma once

// The options of a scripting API call (a sequence of NamedValues), read by name and type; a
// name the method does not know, or a value of the wrong type, is an IllegalArgumentException
// naming the option.

#include "core/text/language.hpp"
#include "core/text/texts.hpp"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <cppu/unotype.hxx>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clientes::uno
{
namespace option_types
{
namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using Options = css::uno::Sequence<css::beans::NamedValue>;

// The options of one call, read by name; every name given must be one the method knows.
class OptionReader
{
public:
    OptionReader(const Options& options, std::set<std::string> known, Language language)
        : m_language(language)
    {
        for (const css::beans::NamedValue& option : options)
        {
            const std::string name = toUtf8(option.Name);
            if (!known.contains(name))
                fail(name, clientes::text(TextKey::TransferUnknownOption, language));
            m_values[name] = option.Value;
        }
    }

    bool flag(const std::string& name, bool fallback) const
    {
        const Any* value = find(name);
        if (value == nullptr || !value->hasValue())
            return fallback;
        bool result = false;
        if (!(*value >>= result))
            fail(name, clientes::text(TextKey::TransferNotABoolean, m_language));
        return result;
    }

    // A whole number option (any numeric type Basic or Python passes).
    std::optional<std::int64_t> integer(const std::string& name) const
    {
        const Any* value = find(name);
        if (value == nullptr || !value->hasValue())
            return std::nullopt;
        sal_Int64 result = 0;
        double real = 0;
        if (*value >>= result)
            return result;
        if ((*value >>= real) && real == static_cast<double>(static_cast<sal_Int64>(real)))
            return static_cast<sal_Int64>(real);
        fail(name, clientes::text(TextKey::TransferNotANumber, m_language));
    }

    std::optional<std::string> text(const std::string& name) const
    {
        const Any* value = find(name);
        if (value == nullptr || !value->hasValue())
            return std::nullopt;
        OUString result;
        if (!(*value >>= result))
            fail(name, clientes::text(TextKey::TransferNotAString, m_language));
        return toUtf8(result);
    }

    std::optional<std::vector<std::string>> texts(const std::string& name) const
    {
        const Any* value = find(name);
        if (value == nullptr || !value->hasValue())
            return std::nullopt;
        Sequence<OUString> strings;
        if (*value >>= strings)
        {
            std::vector<std::string> result;
            for (const OUString& item : strings)
                result.push_back(toUtf8(item));
            return result;
        }
        // Basic passes arrays as sequence<any>.
        Sequence<Any> anys;
        if (!(*value >>= anys))
            fail(name, clientes::text(TextKey::TransferNotStrings, m_language));
        std::vector<std::string> result;
        for (const Any& item : anys)
        {
            OUString string;
            if (item.hasValue() && !(item >>= string))
                fail(name, clientes::text(TextKey::TransferNotStrings, m_language));
            result.push_back(toUtf8(string));
        }
        return result;
    }

    // An object option: null when not given, an error when it is not one of `Interface`.
    template <typename Interface> Reference<Interface> object(const std::string& name) const
    {
        const Any* value = find(name);
        if (value == nullptr || !value->hasValue())
            return nullptr;
        Reference<Interface> result;
        if (!(*value >>= result) || !result.is())
            fail(name,
                 clientes::text(TextKey::TransferNotAnObject, m_language,
                                {{"type", toUtf8(cppu::UnoType<Interface>::get().getTypeName())}}));
        return result;
    }

    [[noreturn]] void fail(const std::string& option, const std::string& reason) const
    {
        throw css::lang::IllegalArgumentException(
            fromUtf8(clientes::text(TextKey::TransferBadOption, m_language,
                                    {{"option", shownValue(option, 80)}, {"reason", reason}})),
            nullptr, 1);
    }

private:
    const Any* find(const std::string& name) const
    {
        const auto found = m_values.find(name);
        return found == m_values.end() ? nullptr : &found->second;
    }

    Language m_language;
    std::map<std::string, Any> m_values;
};

} // namespace option_types

using option_types::OptionReader;
} // namespace clientes::uno
