// The catalogues po/*.po as the build compiled them: every key in es, en and pt with the same
// placeholders and no empty translation; every key the sources and the dialogs use exists, and
// every key is used.
#include "core/text/catalogue.hpp"
#include "core/text/texts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace clientes
{
namespace
{
const std::filesystem::path kSources = CLIENTES_SOURCE_DIR;

std::set<std::string> placeholders(std::string_view text)
{
    static const std::regex placeholder(R"(\{([A-Za-z][A-Za-z0-9_]*)\})");
    std::set<std::string> names;
    const std::string copy(text);
    for (std::sregex_iterator it(copy.begin(), copy.end(), placeholder), end; it != end; ++it)
        names.insert((*it)[1]);
    return names;
}

std::string joined(const std::set<std::string>& names)
{
    std::string out;
    for (const std::string& name : names)
        out += "{" + name + "}";
    return out;
}

std::set<std::string> allKeys()
{
    std::set<std::string> keys;
    for (std::size_t key = 0; key < catalogue::keyCount(); ++key)
        keys.insert(std::string(catalogue::keyName(key)));
    return keys;
}

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Source files under a folder of the repository.
std::vector<std::filesystem::path> sources(const std::string& folder)
{
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kSources / folder))
    {
        const std::string extension = entry.path().extension().string();
        if (entry.is_regular_file() && (extension == ".cpp" || extension == ".hpp" ||
                                        extension == ".cxx" || extension == ".hxx"))
            files.push_back(entry.path());
    }
    return files;
}

std::set<std::string> dialogNames()
{
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(kSources / "dialogs"))
        if (entry.path().extension() == ".xdl")
            names.insert(entry.path().stem().string());
    return names;
}

// The text between the parenthesis at `open` and its partner.
std::string parenthesised(const std::string& text, std::size_t open)
{
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i)
    {
        depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
        if (depth == 0)
            return text.substr(open + 1, i - open - 1);
    }
    return {};
}

// The keys of dialog strings a source file reads at run time: resourceString(dialog,
// "ClientDialog.Close"), or key("Counts") in a file whose key() puts its dialog's name in front.
// (A key composed at run time, key(step + "Help"), is not seen: see kComposedKeys.)
std::set<std::string> dialogKeysUsedBy(const std::string& source,
                                       const std::set<std::string>& dialogs)
{
    std::set<std::string> used;
    static const std::regex literal("\"([A-Za-z0-9.]+)\"");
    const auto calls = [&source](const std::string& function, const auto& each)
    {
        for (std::size_t at = source.find(function + "("); at != std::string::npos;
             at = source.find(function + "(", at + 1))
        {
            if (at > 0 &&
                (std::isalnum(static_cast<unsigned char>(source[at - 1])) || source[at - 1] == '_'))
                continue;
            const std::string inside = parenthesised(source, at + function.size());
            if (inside.find("+ \"") != std::string::npos ||
                inside.find("\" +") != std::string::npos)
                continue; // composed at run time
            for (std::sregex_iterator it(inside.begin(), inside.end(), literal), end; it != end;
                 ++it)
                each(std::string((*it)[1]));
        }
    };
    calls("resourceString",
          [&](const std::string& key)
          {
              if (dialogs.contains(key.substr(0, key.find('.'))))
                  used.insert(key);
          });
    static const std::regex prefix(R"re(std::string\("([A-Z][A-Za-z0-9]*)\."\) \+ name)re");
    std::smatch match;
    if (std::regex_search(source, match, prefix))
    {
        const std::string dialog = match[1];
        calls("key", [&](const std::string& name) { used.insert(dialog + "." + name); });
    }
    return used;
}

// ---- An independent reading of po/<lang>.po and of the generated .properties, to check that
// the tables the build generated are what the catalogues say.

// The text of a C-like quoted literal from a .po line ("..." with \n \t \" \\ \r).
std::string poUnquote(const std::string& literal)
{
    std::string out;
    const std::size_t open = literal.find('"');
    const std::size_t close = literal.rfind('"');
    for (std::size_t i = open + 1; i < close; ++i)
    {
        if (literal[i] == '\\' && i + 1 < close)
        {
            const char next = literal[++i];
            out += next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
            continue;
        }
        out += literal[i];
    }
    return out;
}

// key (msgctxt) -> forms (msgstr, or msgstr[0..n]) of one catalogue; fuzzy entries left out.
std::map<std::string, std::vector<std::string>> readPo(const std::filesystem::path& path)
{
    std::map<std::string, std::vector<std::string>> entries;
    std::istringstream in(fileText(path));
    std::string line;
    std::string context;
    std::vector<std::string> forms;
    std::string* field = nullptr;
    std::string ignored;
    bool fuzzy = false;     // the entry being read
    bool nextFuzzy = false; // a "#, fuzzy" seen before the next msgctxt
    const auto finish = [&]
    {
        if (!context.empty() && !fuzzy)
            entries[context] = forms;
        context.clear();
        forms.clear();
        field = nullptr;
    };
    while (std::getline(in, line))
    {
        if (line.starts_with("#,") && line.find("fuzzy") != std::string::npos)
            nextFuzzy = true;
        else if (line.starts_with("msgctxt "))
        {
            finish();
            fuzzy = std::exchange(nextFuzzy, false);
            context = poUnquote(line);
            field = &context;
        }
        else if (line.starts_with("msgid"))
            field = &ignored;
        else if (line.starts_with("msgstr"))
        {
            forms.push_back(poUnquote(line));
            field = &forms.back();
        }
        else if (line.starts_with("\"") && field != nullptr)
            *field += poUnquote(line);
    }
    finish();
    return entries;
}

// key -> value of a generated .properties (\uXXXX with surrogate pairs, \n, \t, \\, "\ ").
std::map<std::string, std::string> readProperties(const std::filesystem::path& path)
{
    std::map<std::string, std::string> values;
    std::istringstream in(fileText(path));
    std::string line;
    const auto append = [](std::string& out, char32_t code)
    {
        if (code < 0x80)
            out += static_cast<char>(code);
        else if (code < 0x800)
        {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
        else if (code < 0x10000)
        {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
        else
        {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    };
    while (std::getline(in, line))
    {
        if (line.empty() || line[0] == '#')
            continue;
        const std::size_t equals = line.find('=');
        std::string value;
        char32_t high = 0;
        for (std::size_t i = equals + 1; i < line.size(); ++i)
        {
            if (line[i] != '\\' || i + 1 >= line.size())
            {
                value += line[i];
                continue;
            }
            const char next = line[++i];
            if (next == 'u' && i + 4 < line.size())
            {
                const auto code =
                    static_cast<char32_t>(std::stoul(line.substr(i + 1, 4), nullptr, 16));
                i += 4;
                if (code >= 0xD800 && code < 0xDC00)
                    high = code;
                else if (code >= 0xDC00 && code < 0xE000)
                    append(value, 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00));
                else
                    append(value, code);
            }
            else
                value += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        }
        values[line.substr(0, equals)] = value;
    }
    return values;
}

// Dialog strings whose key the code composes: ImportWizard's showPage reads "Step<n>" and
// "Step<n>Help" for the page it shows.
const std::set<std::string> kComposedKeys = {"ImportWizard.Step2", "ImportWizard.Step2Help",
                                             "ImportWizard.Step3", "ImportWizard.Step3Help",
                                             "ImportWizard.Step4", "ImportWizard.Step4Help"};

// TextKey::<Name>, or K::<Name> where a file calls TextKey K; not "TextKey::Profile…" in a
// comment.
const std::regex kCodeUse("\\b(?:TextKey|K)::([A-Za-z0-9_]+)\\b(?!\xE2\x80\xA6)");
} // namespace

TEST(TextCatalogue, TheProductLanguagesComeFirst)
{
    ASSERT_GE(catalogue::languageCount(), 3U);
    EXPECT_EQ(languageTag(Language::Es), "es");
    EXPECT_EQ(languageTag(Language::En), "en");
    EXPECT_EQ(languageTag(Language::Pt), "pt");
    EXPECT_GT(catalogue::codeKeyCount(), 300U);
    EXPECT_GT(catalogue::keyCount(), catalogue::codeKeyCount()); // and the dialogs' strings
}

TEST(TextCatalogue, EveryKeyInEsEnPtWithTheSamePlaceholders)
{
    const std::size_t english = static_cast<std::size_t>(Language::En);
    for (std::size_t key = 0; key < catalogue::keyCount(); ++key)
    {
        const std::string_view name = catalogue::keyName(key);
        const std::set<std::string> expected = placeholders(catalogue::form(english, key, 0));
        for (std::size_t language = 0; language < catalogue::languageCount(); ++language)
        {
            const bool required = language < 3; // es, en, pt; an added language may lag behind
            const std::size_t forms = catalogue::isPlural(key) ? catalogue::formCount(language) : 1;
            for (std::size_t form = 0; form < forms; ++form)
            {
                const std::string_view text = catalogue::form(language, key, form);
                const std::string where = std::string(name) + " in " +
                                          std::string(catalogue::languageTag(language)) +
                                          " (form " + std::to_string(form) + ")";
                if (text.empty())
                {
                    EXPECT_FALSE(required) << where << " is missing or empty";
                    continue;
                }
                EXPECT_EQ(joined(placeholders(text)), joined(expected))
                    << where << ": \"" << text << "\"";
            }
        }
    }
}

// What the code looks up is what the catalogues say: the core's table (catalogue::form, which
// text() and pluralText() read) holds po/<lang>.po's msgstr for every key, and the .properties
// the .oxt packs for the dialogs hold the same text for every dialog key, in es, en and pt.
TEST(TextCatalogue, GeneratedTablesAreTheCatalogues)
{
    std::map<std::string, std::size_t> keyIndex;
    for (std::size_t key = 0; key < catalogue::keyCount(); ++key)
        keyIndex[std::string(catalogue::keyName(key))] = key;
    const std::set<std::string> dialogs = dialogNames();
    for (const Language language : {Language::Es, Language::En, Language::Pt})
    {
        const auto index = static_cast<std::size_t>(language);
        const std::string tag(languageTag(language));
        const auto po = readPo(kSources / "po" / (tag + ".po"));
        ASSERT_EQ(po.size(), catalogue::keyCount()) << tag << ".po";
        for (const auto& [key, forms] : po)
        {
            ASSERT_TRUE(keyIndex.contains(key)) << tag << ".po: " << key;
            const std::size_t at = keyIndex.at(key);
            ASSERT_EQ(forms.size(), catalogue::isPlural(at) ? catalogue::formCount(index) : 1U)
                << tag << ".po: " << key;
            for (std::size_t form = 0; form < forms.size(); ++form)
                EXPECT_EQ(catalogue::form(index, at, form), forms[form])
                    << tag << ".po: " << key << " form " << form;
        }
        for (const std::string& dialog : dialogs)
        {
            const auto properties =
                readProperties(std::filesystem::path(CLIENTES_BINARY_DIR) / "generated" /
                               "dialogs" / (dialog + "_" + tag + ".properties"));
            std::size_t dialogKeys = 0;
            for (const auto& [key, forms] : po)
            {
                if (!key.starts_with(dialog + "."))
                    continue;
                ++dialogKeys;
                ASSERT_TRUE(properties.contains(key)) << dialog << "_" << tag << ": " << key;
                EXPECT_EQ(properties.at(key), forms[0]) << dialog << "_" << tag << ": " << key;
            }
            EXPECT_EQ(properties.size(), dialogKeys) << dialog << "_" << tag;
            EXPECT_GE(dialogKeys, 5U) << dialog << "_" << tag;
        }
    }
    // And text() reads that table: one code key and one plural, through the public functions.
    EXPECT_EQ(text(TextKey::FieldCode, Language::Es), "Código");
    EXPECT_EQ(text(TextKey::FieldCode, Language::Pt),
              catalogue::form(static_cast<std::size_t>(Language::Pt),
                              static_cast<std::size_t>(TextKey::FieldCode), 0));
}

TEST(TextCatalogue, PluralFormsFollowEachLanguage)
{
    for (const Language language : {Language::Es, Language::En, Language::Pt})
    {
        EXPECT_EQ(catalogue::pluralForm(static_cast<std::size_t>(language), 1), 0U);
        EXPECT_EQ(catalogue::pluralForm(static_cast<std::size_t>(language), 0), 1U);
        EXPECT_EQ(catalogue::pluralForm(static_cast<std::size_t>(language), 2), 1U);
    }
    EXPECT_EQ(pluralText(TextKey::DeckClientCount, 1, Language::Es, {{"n", "1"}}), "1 cliente");
    EXPECT_EQ(pluralText(TextKey::DeckClientCount, 0, Language::Es, {{"n", "0"}}), "0 clientes");
    EXPECT_EQ(pluralText(TextKey::CountOverdue, 2, Language::Pt, {{"n", "2"}}), "2 vencidas");
}

TEST(TextCatalogue, EveryKeyTheCodeUsesExists)
{
    const std::set<std::string> keys = allKeys();
    const std::regex& use = kCodeUse;
    std::size_t uses = 0;
    for (const std::string folder : {"src", "tests/unit", "tests/integration"})
        for (const auto& file : sources(folder))
        {
            const std::string text = fileText(file);
            for (std::sregex_iterator it(text.begin(), text.end(), use), end; it != end; ++it)
            {
                ++uses;
                EXPECT_TRUE(keys.contains((*it)[1])) << file << ": TextKey::" << (*it)[1];
            }
        }
    EXPECT_GT(uses, 350U);
}

TEST(TextCatalogue, EveryKeyTheDialogsUseExists)
{
    const std::set<std::string> keys = allKeys();
    const std::set<std::string> dialogs = dialogNames();
    ASSERT_EQ(dialogs.size(), 7U);
    static const std::regex reference(R"(&amp;([A-Za-z0-9_.]+))");
    for (const std::string& dialog : dialogs)
    {
        const std::string xdl = fileText(kSources / "dialogs" / (dialog + ".xdl"));
        std::size_t references = 0;
        for (std::sregex_iterator it(xdl.begin(), xdl.end(), reference), end; it != end; ++it)
        {
            ++references;
            EXPECT_TRUE(keys.contains((*it)[1])) << dialog << ".xdl: &amp;" << (*it)[1];
        }
        EXPECT_GE(references, 4U) << dialog;
    }
    for (const auto& file : sources("src/uno"))
        for (const std::string& key : dialogKeysUsedBy(fileText(file), dialogs))
            EXPECT_TRUE(keys.contains(key)) << file << ": " << key;
}

TEST(TextCatalogue, EveryKeyIsUsed)
{
    const std::set<std::string> dialogs = dialogNames();
    std::set<std::string> used = kComposedKeys;
    const std::regex& codeUse = kCodeUse;
    for (const auto& file : sources("src"))
    {
        const std::string text = fileText(file);
        for (std::sregex_iterator it(text.begin(), text.end(), codeUse), end; it != end; ++it)
            used.insert((*it)[1]);
        for (const std::string& key : dialogKeysUsedBy(text, dialogs))
            used.insert(key);
    }
    static const std::regex reference(R"(&amp;([A-Za-z0-9_.]+))");
    for (const std::string& dialog : dialogs)
    {
        const std::string xdl = fileText(kSources / "dialogs" / (dialog + ".xdl"));
        for (std::sregex_iterator it(xdl.begin(), xdl.end(), reference), end; it != end; ++it)
            used.insert((*it)[1]);
    }
    // Configuration with texts (extension/config/*.in): @Key@ (menus, toolbar, Calc functions).
    static const std::regex configUse(R"(@([A-Za-z0-9_]+)@)");
    for (const auto& entry : std::filesystem::directory_iterator(kSources / "extension" / "config"))
        if (entry.path().extension() == ".in")
        {
            const std::string text = fileText(entry.path());
            for (std::sregex_iterator it(text.begin(), text.end(), configUse), end; it != end; ++it)
                used.insert((*it)[1]);
        }
    // The help pages' layout (extension/help/page.html.in): @Key@ too.
    const std::string layout = fileText(kSources / "extension" / "help" / "page.html.in");
    for (std::sregex_iterator it(layout.begin(), layout.end(), configUse), end; it != end; ++it)
        used.insert((*it)[1]);
    for (const std::string& key : allKeys())
        EXPECT_TRUE(used.contains(key)) << key << " is in the catalogues but nothing uses it";
}
} // namespace clientes
