// The component's entry points: the office asks here for a factory by implementation name.
#include "addin/clientes_functions.hxx"
#include "api/client_directory.hxx"
#include "commands/command_handler.hxx"
#include "deck/panel_factory.hxx"
#include "dialogs/client_dialog.hxx"
#include "dialogs/copy_dialog.hxx"
#include "dialogs/duplicates_dialog.hxx"
#include "dialogs/export_dialog.hxx"
#include "dialogs/import_wizard.hxx"
#include "dialogs/options_page.hxx"
#include "dialogs/profile_dialog.hxx"
#include "support/component.hxx"
#include "support/entry_guard.hxx"

#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <sal/types.h>
#include <uno/lbnames.h>

namespace
{
namespace directory = clientes::uno::client_directory;
namespace dialog = clientes::uno::client_dialog;
namespace panels = clientes::uno::panel_factory;
namespace profile = clientes::uno::profile_dialog;
namespace wizard = clientes::uno::import_wizard;
namespace exporter = clientes::uno::export_dialog;
namespace options = clientes::uno::options_page;
namespace copier = clientes::uno::copy_dialog;
namespace duplicates = clientes::uno::duplicates_dialog;
namespace functions = clientes::uno::clientes_functions;
namespace commands = clientes::uno::command_handler;

const ::cppu::ImplementationEntry kImplementations[] = {
    clientes::uno::implementationEntry<directory::kComponent>(),
    clientes::uno::implementationEntry<panels::kComponent>(),
    clientes::uno::implementationEntry<dialog::kComponent>(),
    clientes::uno::implementationEntry<profile::kComponent>(),
    clientes::uno::implementationEntry<wizard::kComponent>(),
    clientes::uno::implementationEntry<exporter::kComponent>(),
    clientes::uno::implementationEntry<options::kComponent>(),
    clientes::uno::implementationEntry<copier::kComponent>(),
    clientes::uno::implementationEntry<duplicates::kComponent>(),
    clientes::uno::implementationEntry<functions::kComponent>(),
    clientes::uno::implementationEntry<commands::kComponent>(),
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0},
};
} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* implementationName,
                                                                    void* serviceManager,
                                                                    void* registryKey)
{
    void* factory = nullptr;
    clientes::uno::guardedNoThrow("component_getFactory",
                                  [&]
                                  {
                                      factory = ::cppu::component_getFactoryHelper(
                                          implementationName, serviceManager, registryKey,
                                          kImplementations);
                                  });
    return factory;
}

extern "C" SAL_DLLPUBLIC_EXPORT void SAL_CALL
component_getImplementationEnvironment(const char** environmentTypeName, uno_Environment**)
{
    *environmentTypeName = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}
