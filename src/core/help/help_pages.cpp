#include "core/help/help_pages.hpp"

#include <array>
#include <utility>

namespace clientes
{
namespace
{
constexpr std::array kPages = {
    std::pair{HelpPage::Index, "index"},
    std::pair{HelpPage::Deck, "deck"},
    std::pair{HelpPage::Client, "client"},
    std::pair{HelpPage::ProfileSummary, "profile-summary"},
    std::pair{HelpPage::ProfileContact, "profile-contact"},
    std::pair{HelpPage::ProfileAddresses, "profile-addresses"},
    std::pair{HelpPage::ProfileProjects, "profile-projects"},
    std::pair{HelpPage::ProfileOrders, "profile-orders"},
    std::pair{HelpPage::ProfileInvoices, "profile-invoices"},
    std::pair{HelpPage::ProfileDeals, "profile-deals"},
    std::pair{HelpPage::ProfileFiles, "profile-files"},
    std::pair{HelpPage::ProfileActivity, "profile-activity"},
    std::pair{HelpPage::ImportSource, "import-source"},
    std::pair{HelpPage::ImportColumns, "import-columns"},
    std::pair{HelpPage::ImportCheck, "import-check"},
    std::pair{HelpPage::ImportResult, "import-result"},
    std::pair{HelpPage::Export, "export"},
    std::pair{HelpPage::EditInCalc, "edit-in-calc"},
    std::pair{HelpPage::Duplicates, "duplicates"},
    std::pair{HelpPage::CopyToServer, "copy-to-server"},
    std::pair{HelpPage::Functions, "functions"},
    std::pair{HelpPage::Options, "options"},
    std::pair{HelpPage::Team, "team"},
    std::pair{HelpPage::Macros, "macros"},
};

constexpr std::array kAll = []
{
    std::array<HelpPage, kPages.size()> all{};
    for (std::size_t i = 0; i < kPages.size(); ++i)
        all[i] = kPages[i].first;
    return all;
}();

constexpr std::array kProfileTabs = {
    HelpPage::ProfileSummary, HelpPage::ProfileContact,  HelpPage::ProfileProjects,
    HelpPage::ProfileOrders,  HelpPage::ProfileInvoices, HelpPage::ProfileDeals,
    HelpPage::ProfileFiles,   HelpPage::ProfileActivity, HelpPage::ProfileAddresses};
constexpr std::array kImportSteps = {HelpPage::ImportSource, HelpPage::ImportColumns,
                                     HelpPage::ImportCheck, HelpPage::ImportResult};

// The languages the help is written in (extension/help/<lang>/).
constexpr std::array kHelpLanguages = {Language::Es, Language::En, Language::Pt};

template <std::size_t N> HelpPage pick(const std::array<HelpPage, N>& pages, int oneBased)
{
    if (oneBased < 1 || oneBased > static_cast<int>(N))
        return pages.front();
    return pages[static_cast<std::size_t>(oneBased - 1)];
}
} // namespace

std::span<const HelpPage> allHelpPages()
{
    return kAll;
}

std::string_view helpPageId(HelpPage page)
{
    for (const auto& [value, id] : kPages)
        if (value == page)
            return id;
    return kPages.front().second;
}

std::optional<HelpPage> helpPageFromId(std::string_view id)
{
    for (const auto& [value, name] : kPages)
        if (id == name)
            return value;
    return std::nullopt;
}

HelpPage profileTabHelpPage(int tab)
{
    return pick(kProfileTabs, tab);
}

HelpPage importStepHelpPage(int step)
{
    return pick(kImportSteps, step);
}

std::string helpPagePath(HelpPage page, Language language)
{
    Language written = Language::En;
    for (const Language help : kHelpLanguages)
        if (help == language)
            written = language;
    std::string path = "help/";
    path += languageTag(written);
    path += '/';
    path += helpPageId(page);
    path += ".html";
    return path;
}
} // namespace clientes
