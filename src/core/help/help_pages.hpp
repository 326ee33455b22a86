// The pages of the help (extension/help/pages.txt; one HTML file per page and language in the
// .oxt's help/<lang>/ folder) and which one each place of the product asks for: F1 and the
// Help buttons open the page of the dialog, wizard step or profile tab being shown.
#pragma once

#include "core/text/language.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace clientes
{
enum class HelpPage
{
    Index,
    Deck,
    Client,
    ProfileSummary,
    ProfileContact,
    ProfileAddresses,
    ProfileProjects,
    ProfileOrders,
    ProfileInvoices,
    ProfileDeals,
    ProfileFiles,
    ProfileActivity,
    ImportSource,
    ImportColumns,
    ImportCheck,
    ImportResult,
    Export,
    EditInCalc,
    Duplicates,
    CopyToServer,
    Functions,
    Options,
    Team,
    Macros
};

// Every page, in the order of the help's contents.
std::span<const HelpPage> allHelpPages();

// The page's id: its file name without ".html" ("profile-invoices").
std::string_view helpPageId(HelpPage page);
std::optional<HelpPage> helpPageFromId(std::string_view id);

// The page of the profile's tab `tab` (1 = Resumen … 8 = Actividad, 9 = Direcciones y cuentas: the
// dialog's steps) and of the import wizard's step `step` (1…4); out of range: the first tab's or
// step's page.
HelpPage profileTabHelpPage(int tab);
HelpPage importStepHelpPage(int step);

// The page's file inside the extension's folder: "help/es/deck.html". A language without pages
// of its own (a catalogue added to po/ without help) gets the English ones.
std::string helpPagePath(HelpPage page, Language language);
} // namespace clientes
