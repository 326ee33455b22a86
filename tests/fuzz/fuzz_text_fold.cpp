// Text folding and tidying on any bytes: foldForSearch (text_fold.hpp), tidyText / isCleanText /
// tidy(Client) (validation.hpp), the UTF-8 helpers (utf8.hpp).
#include "core/model/client.hpp"
#include "core/rules/validation.hpp"
#include "core/text/text_fold.hpp"
#include "core/text/utf8.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace clientes;

namespace
{

bool hasOuterSpace(std::string_view text)
{
    if (text.empty())
        return false;
    std::size_t pos = 0;
    if (utf8::isSpace(utf8::next(text, pos)))
        return true;
    // The last code point: step back over continuation bytes.
    std::size_t last = text.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80)
        --last;
    pos = last;
    const char32_t cp = utf8::next(text, pos);
    return pos == text.size() && utf8::isSpace(cp);
}

void checkUtf8Helpers(std::string_view text)
{
    // Decoding advances by at least one byte and never past the end; re-encoding every code
    // point of valid text gives the text back.
    std::string again;
    std::size_t count = 0;
    bool valid = true;
    for (std::size_t pos = 0; pos < text.size(); ++count)
    {
        const std::size_t before = pos;
        const char32_t cp = utf8::next(text, pos);
        FUZZ_CHECK(pos > before && pos <= text.size());
        if (cp == utf8::kInvalid)
        {
            FUZZ_CHECK(pos == before + 1);
            valid = false;
        }
        else
        {
            FUZZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
            utf8::append(again, cp);
        }
    }
    FUZZ_CHECK(valid == utf8::isValid(text));
    FUZZ_CHECK(count == utf8::length(text));
    if (valid)
        FUZZ_CHECK(again == text);
}

void checkFold(std::string_view text)
{
    const std::string folded = foldForSearch(text);
    // Words separated by single spaces, lower case, nothing to fold a second time.
    FUZZ_CHECK(folded.empty() || (folded.front() != ' ' && folded.back() != ' '));
    FUZZ_CHECK(folded.find("  ") == std::string::npos);
    for (char c : folded)
        FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
    // Malformed bytes pass the tokenizer as they are (the register refuses them before they
    // are stored); for valid text the folded form is valid and final.
    if (!utf8::isValid(text))
        return;
    FUZZ_CHECK(utf8::isValid(folded));
    const std::string twice = foldForSearch(folded);
    if (twice != folded)
    {
        std::fprintf(stderr, "fold(%s) = %s, folded again %s\n", fuzz::quoted(text).c_str(),
                     fuzz::quoted(folded).c_str(), fuzz::quoted(twice).c_str());
        FUZZ_CHECK(twice == folded);
    }
}

void checkTidy(std::string_view text, bool multiLine)
{
    const std::string tidied = tidyText(text, multiLine);
    FUZZ_CHECK(tidyText(tidied, multiLine) == tidied);
    FUZZ_CHECK(tidied.size() <= text.size());
    if (utf8::isValid(text))
    {
        FUZZ_CHECK(utf8::isValid(tidied));
        // Trimmed, except the one space kept in front of text that would otherwise start
        // like a formula (= + - @).
        const bool keptSpace = tidied.size() >= 2 && tidied[0] == ' ' &&
                               std::string_view("=+-@").find(tidied[1]) != std::string_view::npos;
        FUZZ_CHECK(!hasOuterSpace(keptSpace ? std::string_view(tidied).substr(1) : tidied));
        // Tidying never uncovers a formula: text it makes start with = + - @ started so.
        if (!tidied.empty() && std::string_view("=+-@").find(tidied[0]) != std::string_view::npos)
            FUZZ_CHECK(!text.empty() && text[0] == tidied[0]);
    }
    if (isCleanText(text, multiLine))
        FUZZ_CHECK(isCleanText(tidied, multiLine));
    if (!multiLine)
        FUZZ_CHECK(tidied.find("  ") == std::string::npos);
    else
        FUZZ_CHECK(tidied.find('\r') == std::string::npos);
    FUZZ_CHECK(isBlank(text) == tidied.empty());
}

// The bytes cut at 0x1E into the client's fields, in field order.
Client clientFrom(std::string_view bytes)
{
    Client client;
    for (Field field : allFields())
    {
        const std::size_t cut = bytes.find('\x1E');
        client.value(field) = std::string(bytes.substr(0, cut));
        if (cut == std::string_view::npos)
            break;
        bytes.remove_prefix(cut + 1);
    }
    return client;
}

void checkClient(std::string_view bytes)
{
    Client client = clientFrom(bytes);
    (void)validate(client); // never throws, whatever the fields hold
    tidy(client);
    const Client once = client;
    tidy(client);
    for (Field field : allFields())
    {
        if (client.value(field) != once.value(field))
        {
            std::fprintf(stderr, "tidy not idempotent for %s: %s then %s\n",
                         std::string(fieldName(field)).c_str(),
                         fuzz::quoted(once.value(field)).c_str(),
                         fuzz::quoted(client.value(field)).c_str());
            FUZZ_CHECK(client.value(field) == once.value(field));
        }
    }
    const auto issues = validate(client);
    for (const FieldIssue& issue : issues)
        FUZZ_CHECK(std::string_view(fieldName(issue.field)).size() > 0);
    // Tags as the store keeps them split and join back to the same text.
    FUZZ_CHECK(joinTags(splitTags(client.tags)) == client.tags);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkUtf8Helpers(text);
    checkFold(text);
    checkTidy(text, false);
    checkTidy(text, true);
    checkClient(text);
    return 0;
}
