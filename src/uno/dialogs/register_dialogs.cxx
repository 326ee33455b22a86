#include "dialogs/register_dialogs.hxx"

#include "core/files/safe_files.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "core/rules/dates.hpp"
#include "core/text/language.hpp"
#include "dialogs/import_ui.hxx"
#include "support/entry_guard.hxx"
#include "support/file_urls.hxx"
#include "support/message_box.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>

namespace css = ::com::sun::star;
using css::uno::Reference;

namespace clientes::uno::register_dialogs
{
namespace
{
OUString ouText(TextKey key, Language language)
{
    return fromUtf8(clientes::text(key, language));
}

// The file the user picked, or nothing when cancelled.
std::optional<std::filesystem::path> pickFile(const Context& context, bool save, Language language)
{
    using namespace css::ui::dialogs;
    const Reference<XFilePicker3> picker =
        FilePicker::createWithMode(context, save ? TemplateDescription::FILESAVE_AUTOEXTENSION
                                                 : TemplateDescription::FILEOPEN_SIMPLE);
    picker->appendFilter(ouText(TextKey::DeckRegisterCopies, language), ascii("*.db"));
    picker->setCurrentFilter(ouText(TextKey::DeckRegisterCopies, language));
    if (save)
    {
        picker->setDefaultName(fromUtf8("clientes-copia-" + clientes::todayIso() + ".db"));
    }
    if (picker->execute() != ExecutableDialogResults::OK)
        return std::nullopt;
    const auto files = picker->getSelectedFiles();
    if (files.getLength() == 0)
        return std::nullopt;
    return systemPathOf(files[0]);
}

void tell(const Context& context, const Parent& parent, Language language,
          const std::string& message)
{
    messageBox(context, parent, BoxKind::Info, ouText(TextKey::DeckErrorTitle, language),
               fromUtf8(message));
}

// What went wrong, for the user.
std::string problem(Language language)
{
    try
    {
        throw;
    }
    catch (const RegisterFileRefused& refused)
    {
        return describe(refused, language);
    }
    catch (const FileProblem& problem)
    {
        return describe(problem, language);
    }
    catch (const StoreError& error)
    {
        return describe(error, language);
    }
    catch (const std::exception& error)
    {
        logFailure("the register's copy", error.what());
        return internalErrorMessage(language);
    }
}

std::string fileName(const std::filesystem::path& file)
{
    return shownValue(file.filename().string(), 80);
}
} // namespace

void backup(const Context& context, const Parent& parent)
{
    guardedNoThrow("making a backup copy",
                   [&]
                   {
                       const Language language = uiLanguage(context);
                       const auto target = pickFile(context, true, language);
                       if (!target)
                           return;
                       std::string message;
                       try
                       {
                           const BackupResult copied = storeAccess().with(
                               context, [&](Register& store) { return store.backupTo(*target); });
                           message =
                               clientes::text(TextKey::DeckBackupDone, language,
                                              {{"clients", clientCount(copied.clients, language)},
                                               {"file", shownValue(target->string(), 200)}});
                       }
                       catch (...)
                       {
                           message = problem(language);
                       }
                       tell(context, parent, language, message);
                   });
}

bool restore(const Context& context, const Parent& parent)
{
    bool restored = false;
    guardedNoThrow("restoring from a copy",
                   [&]
                   {
                       const Language language = uiLanguage(context);
                       const auto copy = pickFile(context, false, language);
                       if (!copy)
                           return;
                       std::string message;
                       try
                       {
                           const RegisterCopyInfo info = inspectRegisterCopy(*copy);
                           const std::int64_t current = storeAccess().with(
                               context, [](Register& store) { return store.count(true); });
                           const std::string question =
                               clientes::text(TextKey::DeckRestoreQuestion, language,
                                              {{"current", clientCount(current, language)},
                                               {"file", fileName(*copy)},
                                               {"clients", clientCount(info.clients, language)}});
                           if (messageBox(context, parent, BoxKind::Question,
                                          ouText(TextKey::DeckErrorTitle, language),
                                          fromUtf8(question)) != css::awt::MessageBoxResults::YES)
                               return;
                           const RestoreResult result = storeAccess().restore(context, *copy);
                           restored = true;
                           message = clientes::text(
                               TextKey::DeckRestoreDone, language,
                               {{"clients", clientCount(result.restored.clients, language)},
                                {"aside", shownValue(result.keptAside.string(), 200)}});
                       }
                       catch (...)
                       {
                           message = problem(language);
                       }
                       if (restored)
                           storeAccess().notifyChanged();
                       tell(context, parent, language, message);
                   });
    return restored;
}
} // namespace clientes::uno::register_dialogs
