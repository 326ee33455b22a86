// The SQLite store's search index tokenizes what foldForSearch (text/text_fold.hpp) wrote,
// and queries are folded the same way: the folding, which has tables of its own, must agree
// with the index's tokenizer (FTS5 unicode61, remove_diacritics 2) — the same words, lower
// case and diacritics — on every code point, or search would miss rows (and rows written by
// earlier versions, folded by the tokenizer itself, would no longer be found).
#include "core/text/text_fold.hpp"
#include "core/text/utf8.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace clientes
{
namespace
{

// The reference: the tokenizer's words joined by spaces, with extraFolding on top (what
// foldForSearch did when it called the tokenizer).
class Tokenizer
{
public:
    Tokenizer()
    {
        sqlite3_open(":memory:", &db_);
        fts5_api* api = nullptr;
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db_, "SELECT fts5(?1)", -1, &stmt, nullptr);
        sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        void* userData = nullptr;
        ok_ = api != nullptr &&
              api->xFindTokenizer(api, "unicode61", &userData, &tokenizer_) == SQLITE_OK;
        const char* args[] = {"remove_diacritics", "2"};
        ok_ = ok_ && tokenizer_.xCreate(userData, args, 2, &instance_) == SQLITE_OK;
    }
    ~Tokenizer()
    {
        if (instance_ != nullptr)
            tokenizer_.xDelete(instance_);
        sqlite3_close(db_);
    }
    bool ok() const { return ok_; }

    std::vector<std::string> words(std::string_view text)
    {
        std::vector<std::string> out;
        tokenizer_.xTokenize(instance_, &out, FTS5_TOKENIZE_DOCUMENT, text.data(),
                             static_cast<int>(text.size()), &Tokenizer::onToken);
        return out;
    }

    std::string fold(std::string_view text)
    {
        std::string out;
        for (const std::string& word : words(text))
        {
            if (!out.empty())
                out += ' ';
            for (std::size_t pos = 0; pos < word.size();)
            {
                const std::size_t start = pos;
                const std::string_view extra = extraFolding(utf8::next(word, pos));
                if (extra.empty())
                    out.append(word, start, pos - start);
                else
                    out += extra;
            }
        }
        return out;
    }

private:
    static int onToken(void* context, int, const char* token, int size, int, int)
    {
        static_cast<std::vector<std::string>*>(context)->emplace_back(
            token, static_cast<std::size_t>(size));
        return SQLITE_OK;
    }

    sqlite3* db_ = nullptr;
    fts5_tokenizer tokenizer_{};
    Fts5Tokenizer* instance_ = nullptr;
    bool ok_ = false;
};

std::string utf8Of(char32_t cp)
{
    std::string text;
    utf8::append(text, cp);
    return text;
}

std::string hex(char32_t cp)
{
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(cp));
    return text;
}

} // namespace

// Every code point alone, inside a word, after a word and before one.
TEST(TextFoldSqlite, AgreesWithTheIndexTokenizerOnEveryCodePoint)
{
    Tokenizer tokenizer;
    ASSERT_TRUE(tokenizer.ok());
    std::size_t differences = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp)
    {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        const std::string self = utf8Of(cp);
        for (const std::string& text : {self, "a" + self + "b", "Ab" + self, self + "9"})
        {
            const std::string want = tokenizer.fold(text);
            const std::string got = foldForSearch(text);
            if (got != want && ++differences <= 20)
                ADD_FAILURE() << hex(cp) << " in \"" << text << "\": folded \"" << got
                              << "\", the tokenizer \"" << want << "\"";
        }
    }
    EXPECT_EQ(differences, 0U);
}

// Mixed text: letters of Latin, Greek, Cyrillic and the accented ranges, combining marks at
// the start, inside and after words, separators, digits, emoji, CJK.
TEST(TextFoldSqlite, AgreesWithTheIndexTokenizerOnMixedText)
{
    Tokenizer tokenizer;
    ASSERT_TRUE(tokenizer.ok());
    const std::vector<std::pair<char32_t, char32_t>> ranges = {
        {0x20, 0x7E},     {0xA0, 0x24F},      {0x300, 0x36F},    {0x370, 0x3FF},   {0x400, 0x52F},
        {0x1E00, 0x1EFF}, {0x2000, 0x206F},   {0x3000, 0x303F},  {0x4E00, 0x4E2F}, {0xFB00, 0xFB06},
        {0xFF01, 0xFF5E}, {0x1F600, 0x1F64F}, {0x10400, 0x1044F}};
    std::mt19937 random(20240915);
    std::size_t differences = 0;
    for (int i = 0; i < 50000; ++i)
    {
        std::string text;
        const int length = 1 + static_cast<int>(random() % 12);
        for (int k = 0; k < length; ++k)
        {
            const auto& [first, last] = ranges[random() % ranges.size()];
            utf8::append(text, first + static_cast<char32_t>(random() % (last - first + 1)));
        }
        const std::string want = tokenizer.fold(text);
        const std::string got = foldForSearch(text);
        if (got != want && ++differences <= 20)
            ADD_FAILURE() << "\"" << text << "\": folded \"" << got << "\", the tokenizer \""
                          << want << "\"";
        // What the index stores is what it finds: the tokenizer keeps folded text as it is.
        if (tokenizer.fold(got) != got && ++differences <= 20)
            ADD_FAILURE() << "\"" << got << "\" is not final for the tokenizer";
    }
    EXPECT_EQ(differences, 0U);
}

} // namespace clientes
