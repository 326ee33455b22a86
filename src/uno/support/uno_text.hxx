// Conversions between UNO strings and the UTF-8 std::string used by the core.
#pragma once

#include "core/text/utf8.hpp"

#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace clientes::uno
{
using ::rtl::OUString;

// Lossless for valid text; an unpaired surrogate (which Basic can produce with ChrW) becomes
// U+FFFD and the characters after it are kept (the office's own conversion drops them).
inline std::string toUtf8(const OUString& text)
{
    // sal_Unicode is a 16-bit integer outside LibreOffice's own tree: the same UTF-16 units.
    return utf8::fromUtf16(std::u16string_view(reinterpret_cast<const char16_t*>(text.getStr()),
                                               static_cast<std::size_t>(text.getLength())));
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
