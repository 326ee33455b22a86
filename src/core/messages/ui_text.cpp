#include "core/messages/ui_text.hpp"

namespace clientes
{
std::string clientCount(std::int64_t count, const Locale& locale)
{
    return pluralText(TextKey::DeckClientCount, count, locale.language,
                      {{"n", groupDigits(count, locale)}});
}

std::string partialListNote(std::int64_t shown, std::int64_t total, const Locale& locale)
{
    return text(TextKey::DeckPartialList, locale.language,
                {{"shown", groupDigits(shown, locale)}, {"total", groupDigits(total, locale)}});
}

std::string noClientMessage(const std::string& given, Language language)
{
    return text(TextKey::DeckNoClient, language, {{"key", shownValue(given, 80)}});
}
} // namespace clientes
