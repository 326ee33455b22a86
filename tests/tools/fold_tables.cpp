// Writes src/core/text/fold_tables.inc: the tables text/text_fold.cpp folds with, taken from
// SQLite's FTS5 unicode61 tokenizer (remove_diacritics 2) code point by code point, plus the
// letters foldForSearch folds further (extraFolding). Run it after SQLite (or the extra
// letters) change:   build/fold_tables > src/core/text/fold_tables.inc
// tests/unit/text_fold_sqlite_test.cpp checks that the folding agrees with the tokenizer.
#include "core/text/text_fold.hpp"
#include "core/text/utf8.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace clientes;

namespace
{

fts5_tokenizer tokenizer{};
Fts5Tokenizer* instance = nullptr;

int onToken(void* context, int, const char* token, int size, int, int)
{
    static_cast<std::vector<std::string>*>(context)->emplace_back(token,
                                                                  static_cast<std::size_t>(size));
    return SQLITE_OK;
}

std::vector<std::string> tokens(const std::string& text)
{
    std::vector<std::string> out;
    if (tokenizer.xTokenize(instance, &out, FTS5_TOKENIZE_DOCUMENT, text.data(),
                            static_cast<int>(text.size()), onToken) != SQLITE_OK)
        std::abort();
    return out;
}

std::string extra(const std::string& token)
{
    std::string out;
    for (std::size_t pos = 0; pos < token.size();)
    {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(token, pos);
        const std::string_view replacement = extraFolding(cp);
        if (replacement.empty())
            out.append(token, start, pos - start);
        else
            out.append(replacement);
    }
    return out;
}

std::string utf8Of(char32_t cp)
{
    std::string text;
    utf8::append(text, cp);
    return text;
}

// A C++ string literal of UTF-8 text.
std::string literal(const std::string& text)
{
    std::string out = "\"";
    for (unsigned char c : text)
    {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", c);
        out += c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? std::string(1, char(c)) : hex;
    }
    return out + "\"";
}

enum class Class
{
    Separator,
    Mark, // part of a word when inside one, removed
    Letter
};

struct Entry
{
    char32_t first;
    std::uint32_t count;
    std::uint32_t stride;
    bool constant; // all fold to `text`, else each to cp + delta
    std::int32_t delta;
    std::string text;
};

} // namespace

int main()
{
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    void* userData = nullptr;
    if (api == nullptr || api->xFindTokenizer(api, "unicode61", &userData, &tokenizer) != SQLITE_OK)
        return 1;
    const char* args[] = {"remove_diacritics", "2"};
    if (tokenizer.xCreate(userData, args, 2, &instance) != SQLITE_OK)
        return 1;

    std::vector<std::pair<char32_t, char32_t>> separators; // from U+0080
    std::vector<char32_t> marks;
    std::vector<std::pair<char32_t, std::string>> folds; // letters that do not fold to themselves
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp)
    {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        const std::string self = utf8Of(cp);
        const std::vector<std::string> alone = tokens(self);
        const std::vector<std::string> inside = tokens("a" + self + "b");
        Class kind = Class::Separator;
        std::string fold;
        if (!alone.empty())
        {
            if (alone.size() != 1 || alone[0].empty())
                return std::fprintf(stderr, "U+%04X: %zu tokens alone\n", unsigned(cp),
                                    alone.size()),
                       1;
            kind = Class::Letter;
            fold = extra(alone[0]);
            if (inside.size() != 1 || extra(inside[0]) != "a" + fold + "b")
                return std::fprintf(stderr, "U+%04X: folds differently inside a word\n",
                                    unsigned(cp)),
                       1;
        }
        else if (inside.size() == 1)
        {
            kind = Class::Mark;
            if (inside[0] != "ab")
                return std::fprintf(stderr, "U+%04X: a mark that stays\n", unsigned(cp)), 1;
        }
        if (kind == Class::Separator)
        {
            if (!separators.empty() && separators.back().second + 1 == cp)
                separators.back().second = cp;
            else if (!separators.empty() && separators.back().second == 0xD7FF && cp == 0xE000)
                separators.back().second = cp; // across the surrogates
            else
                separators.emplace_back(cp, cp);
        }
        else if (kind == Class::Mark)
            marks.push_back(cp);
        else if (fold != self)
            folds.emplace_back(cp, fold);
    }

    // Runs of folds: consecutive code points (or every other one) folding to one text, or each
    // to itself plus one delta.
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < folds.size();)
    {
        const auto [cp, text] = folds[i];
        std::string decoded;
        std::size_t pos = 0;
        const char32_t single = utf8::next(text, pos);
        const bool isSingle = pos == text.size();
        Entry best{cp, 1, 1, true, 0, text};
        for (std::uint32_t stride : {1U, 2U})
            for (bool constant : {true, false})
            {
                if (!constant && !isSingle)
                    continue;
                const std::int32_t delta =
                    static_cast<std::int32_t>(single) - static_cast<std::int32_t>(cp);
                std::uint32_t n = 1;
                while (i + n < folds.size())
                {
                    const auto& [nextCp, nextText] = folds[i + n];
                    if (nextCp != cp + n * stride)
                        break;
                    if (constant ? nextText != text
                                 : nextText != utf8Of(static_cast<char32_t>(
                                                   static_cast<std::int32_t>(nextCp) + delta)))
                        break;
                    ++n;
                }
                if (n > best.count)
                    best = {cp, n, stride, constant, constant ? 0 : delta, constant ? text : ""};
            }
        entries.push_back(best);
        i += best.count;
    }

    std::printf("// Generated by tests/tools/fold_tables.cpp from SQLite %s's FTS5 unicode61 "
                "tokenizer\n// (remove_diacritics 2) and extraFolding: do not edit by hand.\n\n",
                sqlite3_libversion());
    std::printf("// Code points from U+0080 that separate words: [first, last].\n");
    std::printf("constexpr std::array<std::pair<char32_t, char32_t>, %zu> kSeparators = {{\n",
                separators.size());
    for (const auto& [first, last] : separators)
        std::printf("    {0x%04X, 0x%04X},\n", unsigned(first), unsigned(last));
    std::printf("}};\n\n");
    std::printf("// Combining marks that belong to the word they follow and are removed.\n");
    std::printf("constexpr std::array<char32_t, %zu> kMarks = {{\n   ", marks.size());
    for (std::size_t i = 0; i < marks.size(); ++i)
        std::printf(" 0x%04X,%s", unsigned(marks[i]), i % 8 == 7 ? "\n   " : "");
    std::printf("\n}};\n\n");
    std::printf("// Letters that do not fold to themselves: `count` code points from `first`, "
                "every\n// `stride`-th, each folding to `text` or (text null) to itself + "
                "`delta`.\n");
    std::printf("constexpr std::array<FoldRange, %zu> kFolds = {{\n", entries.size());
    for (const Entry& entry : entries)
    {
        if (entry.constant)
            std::printf("    {0x%04X, %u, %u, 0, %s},\n", unsigned(entry.first), entry.count,
                        entry.stride, literal(entry.text).c_str());
        else
            std::printf("    {0x%04X, %u, %u, %d, nullptr},\n", unsigned(entry.first), entry.count,
                        entry.stride, entry.delta);
    }
    std::printf("}};\n");
    tokenizer.xDelete(instance);
    sqlite3_close(db);
    return 0;
}
