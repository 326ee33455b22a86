// Words the deck and the scripting API show, in the three languages of the product.
// (Dialog strings live in the dialogs' own .properties resources.)
#pragma once

#include "core/text/language.hpp"

#include <cstdint>
#include <string>

namespace clientes
{
enum class UiText
{
    SearchLabel,
    SearchHelp,
    AddClient,
    AddClientHelp,
    MoreMenuHelp,
    ShowArchived,
    About,
    AboutTitle,
    AboutBody,
    ColumnLegalName,
    ColumnTaxId,
    ColumnCity,
    ListHelp,
    NoSelection,
    NoClients,
    NoMatches,
    StoreUnavailableTitle,
    Archived,
    ErrorTitle,
    Address,
    Backup,          // ⋯ menu
    Restore,         // ⋯ menu
    RegisterCopies,  // file filter
    BackupDone,      // {clients} {file}
    RestoreQuestion, // {current} {file} {clients}
    RestoreDone,     // {clients} {aside}
    ImportClients,
    ImportInvoices,
    ExportClients,
    ExportInvoices,
    UndoImport,
    ExportClientsCsv,
    ExportInvoicesCsv,
};

std::string uiText(UiText key, Language language);

// "1.234 clientes" / "1,234 clients" / "1 cliente".
std::string clientCount(std::int64_t count, Language language);

// "Se muestran 200 de 1.234 clientes: afine la búsqueda."
std::string partialListNote(std::int64_t shown, std::int64_t total, Language language);

// The message for a key that names no client.
std::string noClientMessage(const std::string& key, Language language);

// Digits grouped by thousands the way the language writes them.
std::string groupThousands(std::int64_t number, Language language);
} // namespace clientes
