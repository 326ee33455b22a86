#include "core/text/text_fold.hpp"

#include "core/store/sqlite/sqlite_db.hpp"
#include "core/text/utf8.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <new>
#include <stdexcept>

namespace clientes
{

namespace
{

// Letters that unicode61 keeps as they are because Unicode gives them no decomposition, but
// that users type without the mark (or as two letters) when searching.
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

void appendToken(std::string& out, std::string_view token)
{
    if (!out.empty())
        out += ' ';
    for (std::size_t pos = 0; pos < token.size();)
    {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(token, pos);
        const std::string_view replacement = cp < 0x80 ? std::string_view{} : extraFolding(cp);
        if (replacement.empty())
            out.append(token.substr(start, pos - start));
        else
            out.append(replacement);
    }
}

// Called from SQLite's C code: no exception may pass through it.
int onToken(void* context, int /*flags*/, const char* token, int size, int /*start*/, int /*end*/)
{
    try
    {
        appendToken(*static_cast<std::string*>(context),
                    std::string_view(token, static_cast<std::size_t>(size)));
        return SQLITE_OK;
    }
    catch (const std::bad_alloc&)
    {
        return SQLITE_NOMEM;
    }
    catch (...)
    {
        return SQLITE_ERROR;
    }
}

// One unicode61 tokenizer taken from a private in-memory connection, one per thread: the
// tokenizer is not documented as reentrant, and a bulk import folds on two threads at once.
class Folder
{
public:
    Folder()
    {
        sql::configureSqliteOnce();
        if (sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            fail("cannot open an in-memory SQLite database");
        fts5_api* api = nullptr;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
            fail("SQLite was built without FTS5");
        sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        void* userData = nullptr;
        if (api == nullptr ||
            api->xFindTokenizer(api, "unicode61", &userData, &tokenizer_) != SQLITE_OK)
            fail("FTS5 unicode61 tokenizer not available");
        const char* args[] = {"remove_diacritics", "2"};
        if (tokenizer_.xCreate(userData, args, 2, &instance_) != SQLITE_OK)
            fail("cannot create the unicode61 tokenizer");
    }

    ~Folder()
    {
        if (instance_ != nullptr)
            tokenizer_.xDelete(instance_);
        sqlite3_close(db_);
    }

    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;

    std::string fold(std::string_view text)
    {
        std::string out;
        out.reserve(text.size());
        // The tokenizer takes an int length; longer input is far beyond any field limit.
        const auto size = static_cast<int>(std::min<std::size_t>(text.size(), INT_MAX));
        // A tokenizer that stops half-way (out of memory) must not pass for a shorter text:
        // the store would keep an incomplete search row.
        const int rc = tokenizer_.xTokenize(instance_, &out, FTS5_TOKENIZE_DOCUMENT, text.data(),
                                            size, onToken);
        if (rc == SQLITE_NOMEM)
            throw std::bad_alloc();
        if (rc != SQLITE_OK)
            throw std::runtime_error("text folding failed");
        return out;
    }

private:
    [[noreturn]] void fail(const char* what)
    {
        sqlite3_close(db_);
        throw std::runtime_error(what);
    }

    sqlite3* db_ = nullptr;
    fts5_tokenizer tokenizer_{};
    Fts5Tokenizer* instance_ = nullptr;
};

} // namespace

std::string foldForSearch(std::string_view utf8Text)
{
    thread_local Folder folder;
    return folder.fold(utf8Text);
}

} // namespace clientes
