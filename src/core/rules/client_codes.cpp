#include "core/rules/client_codes.hpp"

#include "core/text/ascii.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <cstdio>

namespace clientes
{

std::string formatClientCode(std::int64_t number)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "C-%06lld", static_cast<long long>(number));
    return buffer;
}

std::string canonicalCode(std::string_view raw)
{
    const std::string_view text = trimAscii(raw);
    std::size_t letters = 0;
    while (letters < text.size() && isAsciiAlpha(text[letters]))
        ++letters;
    std::size_t digitsStart = letters;
    if (digitsStart < text.size() && (text[digitsStart] == '-' || text[digitsStart] == ' '))
        ++digitsStart;
    std::string_view digits = text.substr(digitsStart);
    const bool numeric =
        letters > 0 && !digits.empty() && std::all_of(digits.begin(), digits.end(), isAsciiDigit);
    if (!numeric)
        return std::string(text);
    const auto firstNonZero = digits.find_first_not_of('0');
    digits = firstNonZero == std::string_view::npos ? "0" : digits.substr(firstNonZero);
    std::string code;
    for (char c : text.substr(0, letters))
        code += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    code += '-';
    if (digits.size() < 6)
        code.append(6 - digits.size(), '0');
    code += digits;
    return code;
}

} // namespace clientes
