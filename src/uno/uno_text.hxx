// Conversions between UNO strings and the UTF-8 std::string used by the core.
#pragma once

#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace clientes::uno
{
using ::rtl::OUString;

inline std::string toUtf8(const OUString& text)
{
    const ::rtl::OString bytes = ::rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

inline OUString fromUtf8(std::string_view text)
{
    return OUString(text.data(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

inline OUString ascii(const char* text)
{
    return OUString::createFromAscii(text);
}
} // namespace clientes::uno
