#include "core/text/text_fold.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace clientes
{

std::string_view extraFolding(char32_t cp)
{
    switch (cp)
    {
    case U'ß':
        return "ss";
    case U'æ':
        return "ae";
    case U'œ':
        return "oe";
    case U'ø':
        return "o";
    case U'ł':
        return "l";
    case U'đ':
    case U'ð':
        return "d";
    case U'þ':
        return "th";
    case U'ı':
        return "i";
    case U'ĳ':
        return "ij";
    case U'ﬁ':
        return "fi";
    case U'ﬂ':
        return "fl";
    default:
        return {};
    }
}

namespace
{

// `count` code points from `first`, every `stride`-th, each folding to `text`, or (text null)
// to itself + `delta`.
struct FoldRange
{
    char32_t first;
    std::uint32_t count;
    std::uint32_t stride;
    std::int32_t delta;
    const char* text;
};

// The tables: what SQLite's FTS5 unicode61 tokenizer (remove_diacritics 2) does with each
// code point, and extraFolding on top. Written by tests/tools/fold_tables.cpp;
// tests/unit/text_fold_sqlite_test.cpp proves the folding below agrees with the tokenizer
// over every code point, so that search rows, sort keys and queries fold as the index does.
#include "core/text/fold_tables.inc"

enum class Kind : std::uint8_t
{
    Separator,
    Mark, // belongs to the word it follows and is removed; at a word's start, a separator
    Letter
};

// Latin-1, Latin Extended and the combining marks (most of what clients' names hold) from a
// table filled once; the rest by binary search.
constexpr char32_t kDirectEnd = 0x0370;

Kind classify(char32_t cp)
{
    const auto separator =
        std::upper_bound(kSeparators.begin(), kSeparators.end(), cp,
                         [](char32_t value, const auto& range) { return value < range.first; });
    if (separator != kSeparators.begin() && cp <= std::prev(separator)->second)
        return Kind::Separator;
    if (std::binary_search(kMarks.begin(), kMarks.end(), cp))
        return Kind::Mark;
    return Kind::Letter;
}

// The fold of a letter; nullptr (with `single` set) when it is one code point.
const char* foldOf(char32_t cp, char32_t& single)
{
    single = cp;
    const auto range =
        std::upper_bound(kFolds.begin(), kFolds.end(), cp,
                         [](char32_t value, const FoldRange& fold) { return value < fold.first; });
    if (range == kFolds.begin())
        return nullptr;
    const FoldRange& fold = *std::prev(range);
    const char32_t offset = cp - fold.first;
    if (offset % fold.stride != 0 || offset / fold.stride >= fold.count)
        return nullptr;
    if (fold.text != nullptr)
        return fold.text;
    single = static_cast<char32_t>(static_cast<std::int32_t>(cp) + fold.delta);
    return nullptr;
}

struct Direct
{
    Kind kind = Kind::Letter;
    std::uint8_t length = 0; // of `text`
    char text[6] = {};       // the fold, UTF-8
};

const std::array<Direct, kDirectEnd>& directTable()
{
    static const std::array<Direct, kDirectEnd> table = []
    {
        std::array<Direct, kDirectEnd> entries{};
        for (char32_t cp = 0; cp < kDirectEnd; ++cp)
        {
            Direct& entry = entries[cp];
            if (cp < 0x80)
            {
                const char c = static_cast<char>(cp);
                const bool alnum =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                entry.kind = alnum ? Kind::Letter : Kind::Separator;
                entry.text[0] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
                entry.length = 1;
                continue;
            }
            entry.kind = classify(cp);
            if (entry.kind != Kind::Letter)
                continue;
            char32_t single = 0;
            std::string fold;
            if (const char* text = foldOf(cp, single))
                fold = text;
            else
                utf8::append(fold, single);
            std::copy(fold.begin(), fold.end(), entry.text);
            entry.length = static_cast<std::uint8_t>(fold.size());
        }
        return entries;
    }();
    return table;
}

} // namespace

// The tokenizer's rules: a word is a run of letters and digits (Unicode categories L*, N*,
// Co, as unicode61 has them); the combining marks of kMarks inside a word belong to it and
// are removed; everything else separates words. Letters are lower-cased and stripped of
// their diacritics. Malformed UTF-8 separates words.
std::string foldForSearch(std::string_view text)
{
    const std::array<Direct, kDirectEnd>& direct = directTable();
    std::string out;
    out.reserve(text.size());
    bool inWord = false;
    const auto startLetter = [&]
    {
        if (!inWord && !out.empty())
            out += ' ';
        inWord = true;
    };
    for (std::size_t pos = 0; pos < text.size();)
    {
        const auto byte = static_cast<unsigned char>(text[pos]);
        char32_t cp = byte;
        if (byte < 0x80)
            ++pos;
        else
        {
            cp = utf8::next(text, pos);
            if (cp == utf8::kInvalid)
            {
                inWord = false;
                continue;
            }
        }
        if (cp < kDirectEnd)
        {
            const Direct& entry = direct[cp];
            if (entry.kind == Kind::Separator)
                inWord = false;
            else if (entry.kind == Kind::Letter)
            {
                startLetter();
                out.append(entry.text, entry.length);
            }
            continue; // a mark: removed inside a word, skipped outside one
        }
        const Kind kind = classify(cp);
        if (kind == Kind::Separator)
        {
            inWord = false;
            continue;
        }
        if (kind == Kind::Mark)
            continue;
        startLetter();
        char32_t single = 0;
        if (const char* fold = foldOf(cp, single))
            out += fold;
        else
            utf8::append(out, single);
    }
    return out;
}

} // namespace clientes
