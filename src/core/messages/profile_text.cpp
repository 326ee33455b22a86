#include "core/messages/profile_text.hpp"

#include "core/model/record_kinds.hpp"
#include "core/rules/validation.hpp"

#include "core/messages/messages.hpp"
#include "core/messages/ui_text.hpp"
#include "core/model/client.hpp"
#include "core/rules/profile_money.hpp"
#include "core/rules/profile_validation.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace clientes
{
namespace
{

// "{n} vencida" / "{n} vencidas": the count written the language's way, then the word.
std::string counted(std::int64_t count, const Texts& one, const Texts& many, Language language)
{
    return fillIn((count == 1 ? one : many).str(language), "n", groupThousands(count, language));
}

Texts textOf(ProfileText key)
{
    switch (key)
    {
    case ProfileText::ColumnDue:
        return {"Vence", "Due", "Vence"};
    case ProfileText::ColumnSize:
        return {"Tamaño", "Size", "Tamanho"};
    case ProfileText::ColumnAdded:
        return {"Añadido", "Added", "Adicionado"};
    case ProfileText::ColumnWhen:
        return {"Fecha", "When", "Data"};
    case ProfileText::ColumnWhat:
        return {"Qué", "What", "O quê"};
    case ProfileText::ColumnDetail:
        return {"Detalle", "Details", "Detalhes"};
    case ProfileText::KindNotStated:
        return {"(sin indicar)", "(not stated)", "(não indicado)"};
    case ProfileText::KindCompany:
        return {"Empresa", "Company", "Empresa"};
    case ProfileText::KindPerson:
        return {"Persona", "Person", "Pessoa"};
    case ProfileText::Archive:
        return {"~Archivar", "~Archive", "~Arquivar"};
    case ProfileText::Restore:
        return {"Resta~urar", "~Restore", "Res~taurar"};
    case ProfileText::ArchivedState:
        return {"Archivado", "Archived", "Arquivado"};
    case ProfileText::ActiveState:
        return {"Activo", "Active", "Ativo"};
    case ProfileText::ProjectHoursNone:
        return {"Seleccione un proyecto para ver y registrar sus horas.",
                "Select a project to see and log its hours.",
                "Selecione um projeto para ver e registrar suas horas."};
    case ProfileText::ConfirmDeleteClient:
        return {"¿Eliminar definitivamente a «{name}»? No se puede deshacer.",
                "Delete “{name}” for good? This cannot be undone.",
                "Excluir «{name}» definitivamente? Não é possível desfazer."};
    case ProfileText::ConfirmRemoveRecord:
        return {"¿Quitar {what}?", "Remove {what}?", "Remover {what}?"};
    case ProfileText::ClientDeleted:
        return {"Cliente eliminado.", "Client deleted.", "Cliente excluído."};
    case ProfileText::SelectRecordFirst:
        return {"Seleccione primero una fila de la lista.", "Select a row of the list first.",
                "Selecione primeiro uma linha da lista."};
    case ProfileText::SelectProjectFirst:
        return {"Seleccione primero un proyecto.", "Select a project first.",
                "Selecione primeiro um projeto."};
    case ProfileText::DateNotRead:
        return {"El campo «{label}» no es una fecha válida: escríbala como la muestra el "
                "calendario o elíjala en él.",
                "“{label}” is not a valid date: type it the way the calendar shows it, or pick "
                "it there.",
                "O campo «{label}» não é uma data válida: escreva-a como o calendário a mostra "
                "ou escolha-a nele."};
    case ProfileText::RecordConflict:
        return {"Otra persona ha modificado este registro mientras usted lo editaba. El "
                "formulario muestra ahora los valores guardados: repita sus cambios y guarde.",
                "Someone else changed this record while you were editing it. The form now "
                "shows the stored values: repeat your changes and save.",
                "Outra pessoa alterou este registro enquanto você o editava. O formulário "
                "mostra agora os valores guardados: repita suas alterações e salve."};
    case ProfileText::ClientConflict:
        return {"Otra persona ha modificado este cliente mientras usted lo editaba. El "
                "formulario muestra ahora los datos guardados: repita sus cambios y guarde.",
                "Someone else changed this client while you were editing it. The form now "
                "shows the stored data: repeat your changes and save.",
                "Outra pessoa alterou este cliente enquanto você o editava. O formulário "
                "mostra agora os dados guardados: repita suas alterações e salve."};
    case ProfileText::FileCannotBeRead:
        return {"No se puede leer el archivo «{name}». Compruebe que existe y que tiene "
                "permiso para leerlo.",
                "The file “{name}” cannot be read. Check that it exists and that you may read "
                "it.",
                "Não é possível ler o arquivo «{name}». Verifique se ele existe e se você tem "
                "permissão para lê-lo."};
    case ProfileText::FileCannotBeWritten:
        return {"No se puede escribir «{name}». Compruebe que la carpeta existe y que puede "
                "escribir en ella.",
                "“{name}” cannot be written. Check that the folder exists and that you may "
                "write to it.",
                "Não é possível gravar «{name}». Verifique se a pasta existe e se você pode "
                "gravar nela."};
    case ProfileText::NotAFileUrl:
        return {"«{url}» no es la dirección de un archivo local (file:///…).",
                "“{url}” is not the address of a local file (file:///…).",
                "«{url}» não é o endereço de um arquivo local (file:///…)."};
    case ProfileText::FileAttached:
        return {"Archivo «{name}» adjuntado.", "File “{name}” attached.",
                "Arquivo «{name}» anexado."};
    case ProfileText::FileCopySaved:
        return {"Copia guardada: «{name}».", "Copy saved: “{name}”.", "Cópia guardada: «{name}»."};
    case ProfileText::OpenFailed:
        return {"No se pudo abrir «{name}» con la aplicación predeterminada del sistema.",
                "“{name}” could not be opened with the system's default application.",
                "Não foi possível abrir «{name}» com o aplicativo padrão do sistema."};
    case ProfileText::FileIsFolder:
        return {"«{name}» es una carpeta, no un archivo.", "“{name}” is a folder, not a file.",
                "«{name}» é uma pasta, não um arquivo."};
    case ProfileText::FileNotRegular:
        return {"«{name}» no es un archivo normal (es una tubería, un socket o un dispositivo): "
                "solo se pueden usar archivos normales.",
                "“{name}” is not an ordinary file (it is a pipe, a socket or a device): only "
                "ordinary files can be used.",
                "«{name}» não é um arquivo comum (é um pipe, um socket ou um dispositivo): só se "
                "podem usar arquivos comuns."};
    case ProfileText::FileIsSystemFile:
        return {"«{name}» es un archivo especial del sistema (de /proc, /sys o similar), no un "
                "documento: no se adjunta.",
                "“{name}” is a special system file (from /proc, /sys or the like), not a "
                "document: it is not attached.",
                "«{name}» é um arquivo especial do sistema (de /proc, /sys ou semelhante), não um "
                "documento: não é anexado."};
    case ProfileText::FileNameUnsafe:
        return {"El nombre «{name}» contiene caracteres de control o que cambian la dirección "
                "del texto (aquí [U+…]), con los que un archivo puede aparentar otro tipo. "
                "Cámbiele el nombre y adjúntelo de nuevo.",
                "The name “{name}” contains control characters or characters that change the "
                "direction of text (here [U+…]), which can make a file look like another type. "
                "Rename it and attach it again.",
                "O nome «{name}» contém caracteres de controle ou que mudam a direção do texto "
                "(aqui [U+…]), com os quais um arquivo pode parecer de outro tipo. Mude o nome e "
                "anexe-o de novo."};
    case ProfileText::FileNoSpace:
        return {"No hay espacio suficiente para escribir «{name}». No se ha modificado nada.",
                "There is not enough space to write “{name}”. Nothing was changed.",
                "Não há espaço suficiente para escrever «{name}». Nada foi alterado."};
    case ProfileText::FileIsRegisterFile:
        return {"«{name}» es un archivo del propio registro de clientes: una copia no puede "
                "sustituirlo. Elija otro nombre u otra carpeta.",
                "“{name}” is one of the client register's own files: a copy cannot replace it. "
                "Choose another name or folder.",
                "«{name}» é um arquivo do próprio registro de clientes: uma cópia não pode "
                "substituí-lo. Escolha outro nome ou outra pasta."};
    case ProfileText::OpenMayRunCode:
        return {"Este archivo puede ejecutar programas en su equipo: «{name}». ¿Abrirlo de todos "
                "modos? Hágalo solo si confía en su origen.",
                "This file can run programs on your computer: “{name}”. Open it anyway? Only if "
                "you trust where it came from.",
                "Este arquivo pode executar programas no seu computador: «{name}». Abri-lo mesmo "
                "assim? Só se confiar na sua origem."};
    case ProfileText::NoteAdded:
        return {"Nota añadida.", "Note added.", "Observação adicionada."};
    case ProfileText::ActivityPartial:
        return {"Se muestran las {shown} entradas más recientes de {total}.",
                "Showing the {shown} most recent of {total} entries.",
                "São mostradas as {shown} entradas mais recentes de {total}."};
    case ProfileText::DuplicateTaxId:
        return {"Ya existe un cliente con esta identificación fiscal: {name} ({code}).",
                "A client with this tax ID already exists: {name} ({code}).",
                "Já existe um cliente com esta identificação fiscal: {name} ({code})."};
    case ProfileText::DuplicateTaxIdAgain:
        return {"Pulse otra vez el botón de guardar para guardarlo de todos modos.",
                "Press the save button again to save it anyway.",
                "Pressione de novo o botão de salvar para salvá-lo mesmo assim."};
    case ProfileText::SavedWithWarning:
        return {"Cliente {code} guardado. Revise el aviso y cierre el diálogo.",
                "Client {code} saved. Review the warning, then close the dialog.",
                "Cliente {code} guardado. Verifique o aviso e feche a caixa de diálogo."};
    case ProfileText::Close:
        return {"Cerrar", "Close", "Fechar"};
    case ProfileText::UnknownRecordKind:
        return {"«{kind}» no es un tipo de registro; use uno de estos: {kinds}.",
                "“{kind}” is not a kind of record; use one of: {kinds}.",
                "«{kind}» não é um tipo de registro; use um destes: {kinds}."};
    case ProfileText::RecordNotFound:
        return {"No hay ningún registro «{what}» con el id {id}.",
                "There is no “{what}” record with id {id}.",
                "Não há nenhum registro «{what}» com o id {id}."};
    case ProfileText::ProjectNotFound:
        return {"No hay ningún proyecto con el id «{id}».", "There is no project with id “{id}”.",
                "Não há nenhum projeto com o id «{id}»."};
    case ProfileText::UseAttachFile:
        return {"Los archivos se añaden con attachFile.", "Files are added with attachFile.",
                "Os arquivos são adicionados com attachFile."};
    case ProfileText::UseAddNote:
        return {"A la actividad solo se añaden notas, con addNote.",
                "Only notes are added to the activity, with addNote.",
                "À atividade só se adicionam observações, com addNote."};
    case ProfileText::ActivityReadOnly:
        return {"La actividad no se puede modificar ni borrar.",
                "The activity cannot be changed or removed.",
                "A atividade não pode ser alterada nem removida."};
    case ProfileText::NoFileUrl:
        return {"Indique la dirección (URL) de un archivo.", "Give the address (URL) of a file.",
                "Informe o endereço (URL) de um arquivo."};
    case ProfileText::ReadOnlyField:
        return {"Es un dato de solo lectura: omítalo o déjelo como está.",
                "It is read-only: leave it out or unchanged.",
                "É um dado somente de leitura: omita-o ou deixe-o como está."};
    case ProfileText::FilesReadOnly:
        return {"Los archivos solo se adjuntan (attachFile), se copian (saveFileCopy) y se quitan.",
                "Files are only attached (attachFile), copied (saveFileCopy) and removed.",
                "Os arquivos só são anexados (attachFile), copiados (saveFileCopy) e removidos."};
    case ProfileText::HoursOf:
        return {"Horas de «{name}»", "Hours of “{name}”", "Horas de «{name}»"};
    case ProfileText::ProjectHoursTotal:
        return {"Total del proyecto: {hours}", "Project total: {hours}",
                "Total do projeto: {hours}"};
    case ProfileText::RecordSaved:
        return {"Guardado.", "Saved.", "Guardado."};
    case ProfileText::RecordRemoved:
        return {"Quitado.", "Removed.", "Removido."};
    case ProfileText::ClientArchived:
        return {"Cliente archivado: ya no aparece en la lista ni en las búsquedas.",
                "Client archived: it no longer appears in the list or in searches.",
                "Cliente arquivado: já não aparece na lista nem nas pesquisas."};
    case ProfileText::ClientRestored:
        return {"Cliente restaurado.", "Client restored.", "Cliente restaurado."};
    case ProfileText::VersionNotNumber:
        return {"La versión debe ser un número entero.", "The version must be a whole number.",
                "A versão deve ser um número inteiro."};
    }
    return {"", "", ""};
}

char decimalMark(Language language)
{
    return language == Language::En ? '.' : ',';
}
char groupingMark(Language language)
{
    return language == Language::En ? ',' : '.';
}

int digitsOf(std::string_view currency)
{
    return minorUnitDigits(currency).value_or(2);
}

// "1234.56" (formatMinorUnits) → "1.234,56" / "1,234.56" (grouped) or "1234,56" (not).
std::string localizeDecimal(const std::string& plain, Language language, bool grouped)
{
    const bool negative = !plain.empty() && plain.front() == '-';
    const std::string unsignedText = negative ? plain.substr(1) : plain;
    const auto point = unsignedText.find('.');
    const std::string whole = unsignedText.substr(0, point);
    std::string out;
    if (grouped)
    {
        std::int64_t value = 0;
        std::from_chars(whole.data(), whole.data() + whole.size(), value);
        out = groupThousands(value, language);
    }
    else
        out = whole;
    if (point != std::string::npos)
    {
        out += decimalMark(language);
        out += unsignedText.substr(point + 1);
    }
    return negative ? "-" + out : out;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c)
                   { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return out;
}

// "Vencidas: 2 · 1.250,00 EUR (1) · 20,00 USD (1)": a count and, when there is money, its
// amounts per currency (with their own counts when more than one currency).
std::string countAndMoney(const std::vector<MoneyTotal>& totals, Language language)
{
    std::string text = groupThousands(totalCount(totals), language);
    if (!totals.empty())
        text += " · " + formatTotals(totals, language, totals.size() > 1);
    return text;
}

std::optional<RecordField> recordFieldFromName(std::string_view name)
{
    for (int i = 0; i <= static_cast<int>(RecordField::Text); ++i)
        if (recordFieldName(static_cast<RecordField>(i)) == name)
            return static_cast<RecordField>(i);
    return std::nullopt;
}

// A status value of a change ("paid") in the user's words ("Pagada").
std::string statusWord(std::optional<RecordType> record, std::string_view value, Language language)
{
    if (!record)
        return std::string(value);
    switch (*record)
    {
    case RecordType::Project:
        if (const auto status = projectStatusFromName(value))
            return statusLabel(*status, language);
        break;
    case RecordType::Task:
        if (const auto status = taskStatusFromName(value))
            return statusLabel(*status, language);
        break;
    case RecordType::PurchaseOrder:
        if (const auto status = orderStatusFromName(value))
            return statusLabel(*status, language);
        break;
    case RecordType::Invoice:
        if (const auto status = invoiceStatusFromName(value))
            return statusLabel(*status, language);
        break;
    case RecordType::Deal:
        if (const auto stage = dealStageFromName(value))
            return statusLabel(*stage, language);
        break;
    default:
        break;
    }
    return std::string(value);
}

std::string oneLine(std::string_view text)
{
    std::string out;
    for (char c : text)
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}
} // namespace

std::string profileText(ProfileText key, Language language)
{
    return textOf(key).str(language);
}

std::string fillIn(std::string text, std::string_view name, std::string_view value)
{
    return fillPlaceholders(text, {{name, std::string(value)}});
}

std::string clientKindLabel(std::string_view kind, Language language)
{
    if (kind == kKindCompany)
        return profileText(ProfileText::KindCompany, language);
    if (kind == kKindPerson)
        return profileText(ProfileText::KindPerson, language);
    return profileText(ProfileText::KindNotStated, language);
}

std::string statusLabel(ProjectStatus status, Language language)
{
    return (status == ProjectStatus::Open ? Texts{"Abierto", "Open", "Aberto"}
                                          : Texts{"Cerrado", "Closed", "Fechado"})
        .str(language);
}

std::string statusLabel(TaskStatus status, Language language)
{
    return (status == TaskStatus::Pending ? Texts{"Pendiente", "Pending", "Pendente"}
                                          : Texts{"Hecha", "Done", "Concluída"})
        .str(language);
}

std::string statusLabel(OrderStatus status, Language language)
{
    return (status == OrderStatus::Open ? Texts{"Abierta", "Open", "Aberta"}
                                        : Texts{"Cerrada", "Closed", "Fechada"})
        .str(language);
}

std::string statusLabel(InvoiceStatus status, Language language)
{
    switch (status)
    {
    case InvoiceStatus::Draft:
        return Texts{"Borrador", "Draft", "Rascunho"}.str(language);
    case InvoiceStatus::Authorised:
        return Texts{"Autorizada", "Authorised", "Autorizada"}.str(language);
    case InvoiceStatus::Paid:
        break;
    }
    return Texts{"Cobrada", "Paid", "Paga"}.str(language);
}

std::string statusLabel(DealStage stage, Language language)
{
    switch (stage)
    {
    case DealStage::Draft:
        return Texts{"Borrador", "Draft", "Rascunho"}.str(language);
    case DealStage::Sent:
        return Texts{"Enviada", "Sent", "Enviada"}.str(language);
    case DealStage::Accepted:
        return Texts{"Aceptada", "Accepted", "Aceita"}.str(language);
    case DealStage::Rejected:
        break;
    }
    return Texts{"Rechazada", "Rejected", "Rejeitada"}.str(language);
}

std::string invoiceStateLabel(const Invoice& invoice, std::string_view today, Language language)
{
    std::string label = statusLabel(invoice.status, language);
    if (isOverdue(invoice, today))
        label += " · " + Texts{"vencida", "overdue", "vencida"}.str(language);
    return label;
}

std::string taskStateLabel(const Task& task, std::string_view today, Language language)
{
    std::string label = statusLabel(task.status, language);
    static const auto& overdue = *kindOf<Task>().field("overdue");
    if (std::get<bool>(overdue.value(task, {.today = today})))
        label += " · " + Texts{"vencida", "overdue", "vencida"}.str(language);
    return label;
}

// ---------------------------------------------------------------------------- figures

std::string formatAmount(std::int64_t minor, std::string_view currency, Language language)
{
    std::string text = localizeDecimal(formatMinorUnits(minor, digitsOf(currency)), language, true);
    if (!currency.empty())
        text += " " + std::string(currency);
    return text;
}

std::string formatAmountInput(std::int64_t minor, std::string_view currency, Language language)
{
    return localizeDecimal(formatMinorUnits(minor, digitsOf(currency)), language, false);
}

std::optional<std::int64_t> parseAmountInput(std::string_view text, std::string_view currency,
                                             Language language)
{
    text = trimAscii(text);
    std::string sign;
    if (!text.empty() && (text.front() == '-' || text.front() == '+'))
    {
        sign = text.front() == '-' ? "-" : "";
        text = trimAscii(text.substr(1));
    }
    if (text.empty())
        return std::nullopt;
    std::size_t dots = 0;
    std::size_t commas = 0;
    for (char c : text)
    {
        if (c == '.')
            ++dots;
        else if (c == ',')
            ++commas;
        else if (!isDigit(c))
            return std::nullopt;
    }
    char decimal = 0; // none
    if (dots > 0 && commas > 0)
        decimal = text.find_last_of(".,") == text.rfind('.') ? '.' : ',';
    else if (dots + commas == 1)
    {
        const char mark = dots == 1 ? '.' : ',';
        const auto at = text.find(mark);
        const bool grouping = mark == groupingMark(language) && at > 0 && text.size() - at - 1 == 3;
        decimal = grouping ? 0 : mark;
    }
    if (decimal != 0 && std::count(text.begin(), text.end(), decimal) != 1)
        return std::nullopt;
    std::string plain = sign;
    for (char c : text)
    {
        if (isDigit(c))
            plain += c;
        else if (c == decimal)
            plain += '.';
    }
    if (plain.empty() || plain == "-" || plain.back() == '.' || plain.find('.') == 0)
        return std::nullopt;
    return parseMinorUnits(plain, digitsOf(currency));
}

std::string formatTotals(const std::vector<MoneyTotal>& totals, Language language, bool withCounts)
{
    std::string text;
    for (const MoneyTotal& total : totals)
    {
        if (!text.empty())
            text += " · ";
        text += formatAmount(total.amount, total.currency, language);
        if (withCounts)
            text += " (" + groupThousands(total.count, language) + ")";
    }
    return text;
}

std::string formatHoursInput(double hours, Language language)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", std::round(hours * 100.0) / 100.0);
    std::string text = buffer;
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    if (text == "-0")
        text = "0";
    std::replace(text.begin(), text.end(), '.', decimalMark(language));
    return text;
}

std::string formatHours(double hours, Language language)
{
    return formatHoursInput(hours, language) + " h";
}

std::optional<double> parseHoursInput(std::string_view text)
{
    text = trimAscii(text);
    if (text.empty())
        return std::nullopt;
    std::string plain;
    int marks = 0;
    for (char c : text)
    {
        if (c == ',' || c == '.')
        {
            ++marks;
            plain += '.';
        }
        else if (isDigit(c))
            plain += c;
        else
            return std::nullopt;
    }
    if (marks > 1 || plain.front() == '.' || plain.back() == '.')
        return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (error != std::errc() || end != plain.data() + plain.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string projectsLine(const ProfileSummary& s, Language language)
{
    std::string line = Texts{"Proyectos: ", "Projects: ", "Projetos: "}.str(language) +
                       groupThousands(s.projects.count, language);
    if (s.projects.count > 0)
        line += " (" +
                counted(s.projects.open, {"{n} abierto", "{n} open", "{n} aberto"},
                        {"{n} abiertos", "{n} open", "{n} abertos"}, language) +
                ")";
    return line + " · " + formatHours(s.projects.hours, language) + " " +
           Texts{"registradas", "logged", "registradas"}.str(language);
}

std::string tasksLine(const ProfileSummary& s, Language language)
{
    const Texts upcoming = {"{n} en los próximos 7 días", "{n} due in the next 7 days",
                            "{n} nos próximos 7 dias"};
    return Texts{"Tareas: ", "Tasks: ", "Tarefas: "}.str(language) +
           counted(s.tasks.overdue, {"{n} vencida", "{n} overdue", "{n} vencida"},
                   {"{n} vencidas", "{n} overdue", "{n} vencidas"}, language) +
           " · " +
           counted(s.tasks.pending, {"{n} pendiente", "{n} pending", "{n} pendente"},
                   {"{n} pendientes", "{n} pending", "{n} pendentes"}, language) +
           " · " + counted(s.tasks.upcoming, upcoming, upcoming, language);
}

std::string ordersLine(const ProfileSummary& s, Language language)
{
    std::string line =
        Texts{"Órdenes de compra: ", "Purchase orders: ", "Ordens de compra: "}.str(language) +
        groupThousands(s.purchaseOrders.count, language);
    if (s.purchaseOrders.count > 0)
        line += " (" +
                counted(s.purchaseOrders.closed, {"{n} cerrada", "{n} closed", "{n} fechada"},
                        {"{n} cerradas", "{n} closed", "{n} fechadas"}, language) +
                ")";
    if (!s.purchaseOrders.totals.empty())
        line += " · " +
                formatTotals(s.purchaseOrders.totals, language, s.purchaseOrders.totals.size() > 1);
    return line;
}

std::vector<std::string> invoiceLines(const ProfileSummary& s, Language language)
{
    std::vector<std::string> lines;
    lines.push_back(
        Texts{"Facturas autorizadas: ", "Authorised invoices: ", "Faturas autorizadas: "}.str(
            language) +
        countAndMoney(s.invoices.authorised, language));
    lines.push_back(
        Texts{"    pendientes de cobro: ", "    awaiting payment: ", "    a receber: "}.str(
            language) +
        countAndMoney(s.invoices.pending, language));
    lines.push_back(Texts{"    vencidas: ", "    overdue: ", "    vencidas: "}.str(language) +
                    countAndMoney(s.invoices.overdue, language));
    if (s.invoices.draft > 0)
        lines.push_back(Texts{"    borradores: ", "    drafts: ", "    rascunhos: "}.str(language) +
                        groupThousands(s.invoices.draft, language));
    return lines;
}

std::string dealsLine(const ProfileSummary& s, Language language)
{
    std::string line =
        Texts{"Ofertas abiertas: ", "Open offers: ", "Propostas abertas: "}.str(language) +
        countAndMoney(s.deals.openAmounts, language);
    if (s.deals.accepted > 0)
        line += " · " + counted(s.deals.accepted, {"{n} aceptada", "{n} accepted", "{n} aceita"},
                                {"{n} aceptadas", "{n} accepted", "{n} aceitas"}, language);
    return line;
}

std::string contactsAndFilesLine(const ProfileSummary& s, Language language)
{
    std::string line = Texts{"Contactos: ", "Contacts: ", "Contatos: "}.str(language) +
                       groupThousands(s.contacts, language) + " · " +
                       Texts{"Archivos: ", "Files: ", "Arquivos: "}.str(language) +
                       groupThousands(s.files, language);
    if (s.files > 0)
        line += " (" + formatFileSize(s.fileBytes, language) + ")";
    return line;
}

std::vector<std::string> summaryLines(const ProfileSummary& s, Language language)
{
    std::vector<std::string> lines = {projectsLine(s, language), tasksLine(s, language),
                                      ordersLine(s, language)};
    for (std::string& line : invoiceLines(s, language))
        lines.push_back(std::move(line));
    lines.push_back(dealsLine(s, language));
    lines.push_back(contactsAndFilesLine(s, language));
    return lines;
}

std::string keyFiguresLine(const ProfileSummary& s, Language language)
{
    std::vector<std::string> parts;
    const auto amounts = [language](const std::vector<MoneyTotal>& totals)
    { return totals.empty() ? std::string() : " (" + formatTotals(totals, language) + ")"; };

    std::vector<std::string> invoices;
    const std::int64_t overdue = totalCount(s.invoices.overdue);
    const std::int64_t pending = totalCount(s.invoices.pending);
    if (overdue > 0)
        invoices.push_back(counted(overdue, {"{n} vencida", "{n} overdue", "{n} vencida"},
                                   {"{n} vencidas", "{n} overdue", "{n} vencidas"}, language) +
                           amounts(s.invoices.overdue));
    if (pending > 0)
        invoices.push_back(counted(pending, {"{n} pendiente", "{n} pending", "{n} pendente"},
                                   {"{n} pendientes", "{n} pending", "{n} pendentes"}, language));
    if (!invoices.empty())
    {
        std::string part = Texts{"Facturas: ", "Invoices: ", "Faturas: "}.str(language);
        for (std::size_t i = 0; i < invoices.size(); ++i)
            part += (i ? ", " : "") + invoices[i];
        parts.push_back(part);
    }

    std::vector<std::string> tasks;
    if (s.tasks.overdue > 0)
        tasks.push_back(counted(s.tasks.overdue, {"{n} vencida", "{n} overdue", "{n} vencida"},
                                {"{n} vencidas", "{n} overdue", "{n} vencidas"}, language));
    if (s.tasks.upcoming > 0)
        tasks.push_back(counted(s.tasks.upcoming, {"{n} próxima", "{n} upcoming", "{n} próxima"},
                                {"{n} próximas", "{n} upcoming", "{n} próximas"}, language));
    if (!tasks.empty())
    {
        std::string part = Texts{"Tareas: ", "Tasks: ", "Tarefas: "}.str(language);
        for (std::size_t i = 0; i < tasks.size(); ++i)
            part += (i ? ", " : "") + tasks[i];
        parts.push_back(part);
    }

    std::string line;
    for (const std::string& part : parts)
        line += (line.empty() ? "" : " · ") + part;
    return line;
}

// ---------------------------------------------------------------------------- files

std::string formatFileSize(std::int64_t bytes, Language language)
{
    if (bytes < 1024)
        return groupThousands(bytes, language) + " bytes";
    const bool mega = bytes >= 1024 * 1024;
    const double value = static_cast<double>(bytes) / (mega ? 1024.0 * 1024.0 : 1024.0);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string text = buffer;
    std::replace(text.begin(), text.end(), '.', decimalMark(language));
    return text + (mega ? " MB" : " KB");
}

std::string mimeTypeForFileName(std::string_view name)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 45> kTypes = {{
        {"7z", "application/x-7z-compressed"},
        {"bmp", "image/bmp"},
        {"csv", "text/csv"},
        {"doc", "application/msword"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"eml", "message/rfc822"},
        {"gif", "image/gif"},
        {"gz", "application/gzip"},
        {"heic", "image/heic"},
        {"htm", "text/html"},
        {"html", "text/html"},
        {"ics", "text/calendar"},
        {"jpeg", "image/jpeg"},
        {"jpg", "image/jpeg"},
        {"json", "application/json"},
        {"md", "text/markdown"},
        {"mp3", "audio/mpeg"},
        {"mp4", "video/mp4"},
        {"msg", "application/vnd.ms-outlook"},
        {"odg", "application/vnd.oasis.opendocument.graphics"},
        {"odp", "application/vnd.oasis.opendocument.presentation"},
        {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
        {"odt", "application/vnd.oasis.opendocument.text"},
        {"ogg", "audio/ogg"},
        {"pdf", "application/pdf"},
        {"png", "image/png"},
        {"ppt", "application/vnd.ms-powerpoint"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"rar", "application/vnd.rar"},
        {"rtf", "application/rtf"},
        {"svg", "image/svg+xml"},
        {"tar", "application/x-tar"},
        {"tif", "image/tiff"},
        {"tiff", "image/tiff"},
        {"tsv", "text/tab-separated-values"},
        {"txt", "text/plain"},
        {"vcf", "text/vcard"},
        {"wav", "audio/wav"},
        {"webp", "image/webp"},
        {"xls", "application/vnd.ms-excel"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"xml", "application/xml"},
        {"zip", "application/zip"},
        {"p7s", "application/pkcs7-signature"},
        {"xsig", "application/xml"},
    }};
    const auto dot = name.rfind('.');
    if (dot != std::string_view::npos && dot + 1 < name.size())
    {
        const std::string extension = lower(name.substr(dot + 1));
        for (const auto& [known, type] : kTypes)
            if (known == extension)
                return std::string(type);
    }
    return "application/octet-stream";
}

// ---------------------------------------------------------------------------- activity

std::string formatTimestamp(std::string_view iso)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const std::string text(iso);
    if (text.size() < 20 || text.back() != 'Z' ||
        std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute,
                    &second) != 6)
        return text;
    std::tm utc{};
    utc.tm_year = year - 1900;
    utc.tm_mon = month - 1;
    utc.tm_mday = day;
    utc.tm_hour = hour;
    utc.tm_min = minute;
    utc.tm_sec = second;
    const std::time_t when = timegm(&utc);
    std::tm local{};
    if (when == static_cast<std::time_t>(-1) || !localtime_r(&when, &local))
        return text;
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return buffer;
}

std::string activityDetail(const ActivityEntry& entry, Language language)
{
    const auto recordWords = [&]
    {
        std::string words = entry.record ? recordTypeLabel(*entry.record, language) : std::string();
        if (!entry.label.empty())
            words += (words.empty() ? "" : " ") + entry.label;
        return words;
    };
    const auto changes = [&]
    {
        std::string text;
        for (const FieldChange& change : entry.changes)
        {
            std::string label = change.field;
            if (entry.kind == ActivityKind::Updated)
            {
                if (const auto field = fieldFromName(change.field))
                    label = fieldLabel(*field, language);
            }
            else if (entry.record)
            {
                if (const auto field = recordFieldFromName(change.field))
                    label = recordFieldLabel(*entry.record, *field, language);
            }
            const bool status = change.field == "status" || change.field == "stage";
            const auto value = [&](const std::string& raw)
            {
                if (raw.empty())
                    return std::string("—");
                if (entry.kind == ActivityKind::Updated && change.field == "kind")
                    return clientKindLabel(raw, language);
                return status ? statusWord(entry.record, raw, language) : oneLine(raw);
            };
            if (!text.empty())
                text += "; ";
            text += label + ": " + value(change.oldValue) + " → " + value(change.newValue);
        }
        return text;
    };
    switch (entry.kind)
    {
    case ActivityKind::Note:
        return oneLine(entry.text);
    case ActivityKind::Updated:
        return changes();
    case ActivityKind::FileAttached:
    case ActivityKind::FileRemoved:
        return entry.label;
    case ActivityKind::RecordAdded:
    case ActivityKind::RecordRemoved:
        return recordWords();
    case ActivityKind::RecordChanged:
    {
        const std::string what = changes();
        return what.empty() ? recordWords() : recordWords() + ": " + what;
    }
    case ActivityKind::Imported:
        return entry.record ? recordWords() : entry.batchId;
    case ActivityKind::Created:
    case ActivityKind::Archived:
    case ActivityKind::Restored:
        break;
    }
    return {};
}

// ---------------------------------------------------------------------------- tax IDs

std::string taxIdWarning(const TaxIdCheck& check, Language language)
{
    switch (check.verdict)
    {
    case TaxIdVerdict::InvalidChecksum:
    {
        std::string text =
            Texts{"Los dígitos de control de la identificación fiscal no cuadran{scheme}. "
                  "Revísela; se guardará igualmente.",
                  "The tax ID's check digits do not match{scheme}. Check it; it will be saved "
                  "anyway.",
                  "Os dígitos de controle da identificação fiscal não conferem{scheme}. "
                  "Verifique-a; será guardada mesmo assim."}
                .str(language);
        return fillIn(text, "scheme", check.scheme.empty() ? "" : " (" + check.scheme + ")");
    }
    case TaxIdVerdict::InvalidFormat:
    {
        std::string text =
            check.country.empty()
                ? Texts{"La identificación fiscal no tiene un formato válido. Revísela; se "
                        "guardará igualmente.",
                        "The tax ID does not have a valid format. Check it; it will be saved "
                        "anyway.",
                        "A identificação fiscal não tem um formato válido. Verifique-a; será "
                        "guardada mesmo assim."}
                      .str(language)
                : Texts{"La identificación fiscal no tiene el formato de {country}. Revísela; "
                        "se guardará igualmente.",
                        "The tax ID does not have the format of {country}. Check it; it will be "
                        "saved anyway.",
                        "A identificação fiscal não tem o formato de {country}. Verifique-a; "
                        "será guardada mesmo assim."}
                      .str(language);
        return fillIn(text, "country", check.country);
    }
    case TaxIdVerdict::Valid:
    case TaxIdVerdict::Empty:
    case TaxIdVerdict::UnknownCountryFormatOk:
        break;
    }
    return {};
}
} // namespace clientes
