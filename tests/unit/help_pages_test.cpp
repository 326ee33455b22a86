// The help's pages as the code asks for them (core/help/help_pages.hpp) against the pages the
// help has (extension/help/pages.txt and one file per page and language).
#include "core/help/help_pages.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace clientes
{
namespace
{
const std::filesystem::path kHelp =
    std::filesystem::path(CLIENTES_SOURCE_DIR) / "extension" / "help";

std::vector<std::string> listedPages()
{
    std::ifstream in(kHelp / "pages.txt");
    std::vector<std::string> ids;
    for (std::string line; std::getline(in, line);)
    {
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#')
            continue;
        ids.push_back(line.substr(start, line.find_last_not_of(" \t\r") - start + 1));
    }
    return ids;
}

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
} // namespace

TEST(HelpPages, TheCodeKnowsEveryPageOfTheContentsInItsOrder)
{
    std::vector<std::string> known;
    for (const HelpPage page : allHelpPages())
        known.emplace_back(helpPageId(page));
    EXPECT_EQ(known, listedPages());
    for (const HelpPage page : allHelpPages())
        EXPECT_EQ(helpPageFromId(helpPageId(page)), page) << helpPageId(page);
    EXPECT_FALSE(helpPageFromId("no-such-page").has_value());
}

TEST(HelpPages, EveryPageIsWrittenInSpanishEnglishAndPortugueseWithATitle)
{
    static const std::regex title(R"(^<h1>[^<]+</h1>)");
    for (const char* language : {"es", "en", "pt"})
        for (const HelpPage page : allHelpPages())
        {
            const auto path = kHelp / language / (std::string(helpPageId(page)) + ".html");
            ASSERT_TRUE(std::filesystem::is_regular_file(path)) << path;
            EXPECT_TRUE(std::regex_search(fileText(path), title)) << path << " has no <h1> first";
        }
}

TEST(HelpPages, EachProfileTabAndWizardStepHasItsPage)
{
    EXPECT_EQ(profileTabHelpPage(1), HelpPage::ProfileSummary);
    EXPECT_EQ(profileTabHelpPage(2), HelpPage::ProfileContact);
    EXPECT_EQ(profileTabHelpPage(5), HelpPage::ProfileInvoices);
    EXPECT_EQ(profileTabHelpPage(8), HelpPage::ProfileActivity);
    EXPECT_EQ(profileTabHelpPage(0), HelpPage::ProfileSummary);
    EXPECT_EQ(profileTabHelpPage(9), HelpPage::ProfileAddresses);
    EXPECT_EQ(profileTabHelpPage(10), HelpPage::ProfileSummary);
    EXPECT_EQ(importStepHelpPage(1), HelpPage::ImportSource);
    EXPECT_EQ(importStepHelpPage(2), HelpPage::ImportColumns);
    EXPECT_EQ(importStepHelpPage(3), HelpPage::ImportCheck);
    EXPECT_EQ(importStepHelpPage(4), HelpPage::ImportResult);
    EXPECT_EQ(importStepHelpPage(7), HelpPage::ImportSource);
}

TEST(HelpPages, APageIsFoundInTheLanguageOfTheOfficeElseInEnglish)
{
    EXPECT_EQ(helpPagePath(HelpPage::Deck, Language::Es), "help/es/deck.html");
    EXPECT_EQ(helpPagePath(HelpPage::ImportCheck, Language::Pt), "help/pt/import-check.html");
    EXPECT_EQ(helpPagePath(HelpPage::Index, Language::En), "help/en/index.html");
    // A catalogue added to po/ (a fourth language) has no help pages of its own.
    EXPECT_EQ(helpPagePath(HelpPage::Functions, static_cast<Language>(3)),
              "help/en/functions.html");
}
} // namespace clientes
