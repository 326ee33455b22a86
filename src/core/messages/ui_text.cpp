#include "core/messages/ui_text.hpp"

#include <array>
#include <string_view>

namespace clientes
{
namespace
{
struct Entry
{
    UiText key;
    std::string_view es, en, pt;
};

// clang-format off
constexpr std::array kEntries{
    Entry{UiText::SearchLabel, "~Buscar", "~Search", "~Pesquisar"},
    Entry{UiText::SearchHelp, "Nombre, identificación fiscal, ciudad o correo electrónico",
          "Name, tax ID, city or e-mail", "Nome, identificação fiscal, cidade ou e-mail"},
    Entry{UiText::AddClient, "+ ~Agregar cliente", "+ ~Add client", "+ ~Adicionar cliente"},
    Entry{UiText::AddClientHelp, "Crear un cliente nuevo", "Create a new client", "Criar um cliente novo"},
    Entry{UiText::MoreMenuHelp, "Más acciones", "More actions", "Mais ações"},
    Entry{UiText::ShowArchived, "Mostrar archivados", "Show archived", "Mostrar arquivados"},
    Entry{UiText::About, "Acerca de Clientes", "About Clientes", "Sobre o Clientes"},
    Entry{UiText::AboutTitle, "Acerca de Clientes", "About Clientes", "Sobre o Clientes"},
    Entry{UiText::AboutBody, "Clientes {version}: el registro de clientes de la empresa en LibreOffice Calc.\nBase de datos: {path}",
          "Clientes {version}: the firm's client register in LibreOffice Calc.\nDatabase: {path}",
          "Clientes {version}: o registo de clientes da empresa no LibreOffice Calc.\nBase de dados: {path}"},
    Entry{UiText::ColumnLegalName, "Nombre legal", "Legal name", "Nome legal"},
    Entry{UiText::ColumnTaxId, "Id. fiscal", "Tax ID", "Id. fiscal"},
    Entry{UiText::ColumnCity, "Ciudad", "City", "Cidade"},
    Entry{UiText::ListHelp, "Intro o doble clic abre el cliente", "Enter or double-click opens the client",
          "Enter ou duplo clique abre o cliente"},
    Entry{UiText::NoSelection, "Seleccione un cliente para ver sus datos.",
          "Select a client to see its details.", "Selecione um cliente para ver os seus dados."},
    Entry{UiText::NoClients, "Aún no hay clientes. Use «+ Agregar cliente».",
          "No clients yet. Use “+ Add client”.", "Ainda não há clientes. Use «+ Adicionar cliente»."},
    Entry{UiText::NoMatches, "Ningún cliente coincide con la búsqueda.",
          "No client matches the search.", "Nenhum cliente corresponde à pesquisa."},
    Entry{UiText::StoreUnavailableTitle, "No se puede abrir la base de datos de clientes",
          "The client database cannot be opened", "Não é possível abrir a base de dados de clientes"},
    Entry{UiText::Archived, "archivado", "archived", "arquivado"},
    Entry{UiText::ErrorTitle, "Clientes", "Clientes", "Clientes"},
    Entry{UiText::Address, "Dirección", "Address", "Morada"},
    Entry{UiText::Backup, "Hacer una copia de ~seguridad…", "Make a ~backup copy…",
          "Fazer uma cópia de ~segurança…"},
    Entry{UiText::Restore, "~Restaurar desde una copia…", "~Restore from a copy…",
          "~Restaurar a partir de uma cópia…"},
    Entry{UiText::RegisterCopies, "Copias del registro de clientes", "Client register copies",
          "Cópias do registo de clientes"},
    Entry{UiText::BackupDone, "Copia de seguridad guardada y comprobada: {clients} en «{file}».",
          "Backup copy saved and checked: {clients} in “{file}”.",
          "Cópia de segurança guardada e verificada: {clients} em «{file}»."},
    Entry{UiText::RestoreQuestion, "El registro actual ({current}) se sustituirá por la copia «{file}» ({clients}). El registro actual se conservará en su carpeta con otro nombre. ¿Continuar?",
          "The current register ({current}) will be replaced by the copy “{file}” ({clients}). The current register is kept in its folder under another name. Continue?",
          "O registo atual ({current}) será substituído pela cópia «{file}» ({clients}). O registo atual será conservado na sua pasta com outro nome. Continuar?"},
    Entry{UiText::RestoreDone, "Registro restaurado: {clients}. El registro anterior se ha guardado como «{aside}».",
          "Register restored: {clients}. The previous register was kept as “{aside}”.",
          "Registo restaurado: {clients}. O registo anterior foi guardado como «{aside}»."},
    Entry{UiText::ImportClients, "~Importar clientes desde hoja…", "~Import clients from sheet…",
          "~Importar clientes de uma folha…"},
    Entry{UiText::ImportInvoices, "Importar ~facturas desde hoja…", "Import ~invoices from sheet…",
          "Importar ~faturas de uma folha…"},
    Entry{UiText::ExportClients, "~Exportar clientes a una hoja…", "~Export clients to a sheet…",
          "~Exportar clientes para uma folha…"},
    Entry{UiText::ExportInvoices, "Exportar facturas a una ~hoja…", "Export invoices to a ~sheet…",
          "Exportar faturas para uma f~olha…"},
    Entry{UiText::UndoImport, "~Deshacer la última importación", "~Undo the last import",
          "~Anular a última importação"},
    Entry{UiText::ExportClientsCsv, "Exportar clientes a ~CSV…", "Export clients to ~CSV…",
          "Exportar clientes para ~CSV…"},
    Entry{UiText::ExportInvoicesCsv, "Exportar facturas a CS~V…", "Export invoices to CS~V…",
          "Exportar faturas para CS~V…"},
};
// clang-format on

std::string_view pick(const Entry& entry, Language language)
{
    switch (language)
    {
    case Language::Es:
        return entry.es;
    case Language::Pt:
        return entry.pt;
    case Language::En:
        break;
    }
    return entry.en;
}
} // namespace

std::string uiText(UiText key, Language language)
{
    for (const Entry& entry : kEntries)
        if (entry.key == key)
            return std::string(pick(entry, language));
    return {};
}

std::string groupThousands(std::int64_t number, Language language)
{
    const char separator = language == Language::En ? ',' : '.';
    std::string digits = std::to_string(number < 0 ? -number : number);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += separator;
        grouped += digits[i];
    }
    return number < 0 ? "-" + grouped : grouped;
}

std::string clientCount(std::int64_t count, Language language)
{
    const bool one = count == 1;
    std::string noun;
    switch (language)
    {
    case Language::Es:
    case Language::Pt:
        noun = one ? "cliente" : "clientes";
        break;
    case Language::En:
        noun = one ? "client" : "clients";
        break;
    }
    return groupThousands(count, language) + " " + noun;
}

std::string partialListNote(std::int64_t shown, std::int64_t total, Language language)
{
    const std::string a = groupThousands(shown, language);
    const std::string b = groupThousands(total, language);
    switch (language)
    {
    case Language::Es:
        return "Se muestran " + a + " de " + b + ": afine la búsqueda.";
    case Language::Pt:
        return "A mostrar " + a + " de " + b + ": refine a pesquisa.";
    case Language::En:
        break;
    }
    return "Showing " + a + " of " + b + ": refine the search.";
}

std::string noClientMessage(const std::string& given, Language language)
{
    const std::string key = shownValue(given, 80);
    switch (language)
    {
    case Language::Es:
        return "No hay ningún cliente con el código o la identificación fiscal «" + key + "».";
    case Language::Pt:
        return "Não existe nenhum cliente com o código ou a identificação fiscal «" + key + "».";
    case Language::En:
        break;
    }
    return "There is no client with the code or tax ID “" + key + "”.";
}
} // namespace clientes
