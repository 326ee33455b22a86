#include "core/messages/ui_text.hpp"

namespace clientes
{
std::string groupThousands(std::int64_t number, Language language)
{
    const char separator = language == Language::En ? ',' : '.';
    std::string digits = std::to_string(number < 0 ? -number : number);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += separator;
        grouped += digits[i];
    }
    return number < 0 ? "-" + grouped : grouped;
}

std::string clientCount(std::int64_t count, Language language)
{
    return pluralText(TextKey::DeckClientCount, count, language,
                      {{"n", groupThousands(count, language)}});
}

std::string partialListNote(std::int64_t shown, std::int64_t total, Language language)
{
    return text(
        TextKey::DeckPartialList, language,
        {{"shown", groupThousands(shown, language)}, {"total", groupThousands(total, language)}});
}

std::string noClientMessage(const std::string& given, Language language)
{
    return text(TextKey::DeckNoClient, language, {{"key", shownValue(given, 80)}});
}
} // namespace clientes
