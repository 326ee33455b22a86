// Small conveniences for tests that talk UNO.
#pragma once

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <ctime>
#include <initializer_list>
#include <string>
#include <utility>

namespace clientes::testing
{
inline rtl::OUString u(const std::string& text)
{
    return rtl::OUString(text.c_str(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

inline std::string s(const rtl::OUString& text)
{
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

inline css::uno::Sequence<css::beans::NamedValue>
fields(std::initializer_list<std::pair<const char*, std::string>> values)
{
    css::uno::Sequence<css::beans::NamedValue> result(static_cast<sal_Int32>(values.size()));
    css::beans::NamedValue* out = result.getArray();
    for (const auto& [name, value] : values)
        *out++ =
            css::beans::NamedValue(rtl::OUString::createFromAscii(name), css::uno::Any(u(value)));
    return result;
}

// Fields of any type: ("hours", Any(2.5)).
inline css::uno::Sequence<css::beans::NamedValue>
anyFields(std::initializer_list<std::pair<const char*, css::uno::Any>> values)
{
    css::uno::Sequence<css::beans::NamedValue> result(static_cast<sal_Int32>(values.size()));
    css::beans::NamedValue* out = result.getArray();
    for (const auto& [name, item] : values)
        *out++ = css::beans::NamedValue(rtl::OUString::createFromAscii(name), item);
    return result;
}

// The day `offset` days from today (this computer's time zone), "YYYY-MM-DD".
inline std::string isoDay(int offset)
{
    const std::time_t when = std::time(nullptr) + offset * 86400L;
    std::tm local{};
    localtime_r(&when, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

inline std::string field(const css::uno::Sequence<css::beans::NamedValue>& values, const char* name)
{
    for (const auto& value : values)
        if (value.Name.equalsAscii(name))
        {
            rtl::OUString text;
            value.Value >>= text;
            return s(text);
        }
    return "<missing " + std::string(name) + ">";
}
// The message of the Exception the call raises; "no exception", or "unexpected exception: …"
// for another one.
template <typename Exception, typename Call> std::string messageOf(Call&& call)
{
    try
    {
        call();
    }
    catch (const Exception& error)
    {
        return s(error.Message);
    }
    catch (const css::uno::Exception& other)
    {
        return "unexpected exception: " + s(other.Message);
    }
    return "no exception";
}

// Runs `function` of a Basic module with `source`, inside the office (as a user's macro
// runs: in its own process, not over the bridge), and returns what it returns. The module is
// added to an application library "ClientesTests" (made on first use).
css::uno::Any runBasic(const css::uno::Reference<css::uno::XComponentContext>& office,
                       const std::string& module, const std::string& source,
                       const std::string& function);
} // namespace clientes::testing
