#include "core/text/texts.hpp"

#include "core/text/catalogue.hpp"

#include <algorithm>

namespace clientes
{
namespace
{
constexpr std::size_t kEnglish = static_cast<std::size_t>(Language::En);

// The form a count takes in a catalogue; empty when the catalogue lacks the text.
std::string_view formFor(std::size_t language, std::size_t key, unsigned long n)
{
    const std::size_t forms = std::max<std::size_t>(catalogue::formCount(language), 1);
    return catalogue::form(language, key, std::min(catalogue::pluralForm(language, n), forms - 1));
}
} // namespace

std::string text(TextKey key, Language language, const TextValues& values)
{
    const auto index = static_cast<std::size_t>(key);
    std::string_view pattern = catalogue::form(static_cast<std::size_t>(language), index, 0);
    if (pattern.empty()) // not translated (yet): English, the source
        pattern = catalogue::form(kEnglish, index, 0);
    return fillPlaceholders(pattern, values);
}

std::string pluralText(TextKey key, std::int64_t count, Language language, const TextValues& values)
{
    const auto index = static_cast<std::size_t>(key);
    if (!catalogue::isPlural(index))
        return text(key, language, values);
    const unsigned long n = count < 0 ? static_cast<unsigned long>(-(count + 1)) + 1
                                      : static_cast<unsigned long>(count);
    std::string_view pattern = formFor(static_cast<std::size_t>(language), index, n);
    if (pattern.empty())
        pattern = formFor(kEnglish, index, n);
    return fillPlaceholders(pattern, values);
}

std::string_view textKeyName(TextKey key)
{
    return catalogue::keyName(static_cast<std::size_t>(key));
}
} // namespace clientes
