#include "core/messages/transfer_text.hpp"

#include "core/messages/import_messages.hpp"

#include <cstdio>
#include <ctime>

namespace clientes
{

namespace
{

Texts texts(TransferText key)
{
    using T = TransferText;
    switch (key)
    {
    case T::InvoiceColumnMissing:
        return {"Falta la columna «{label}»; indique qué columna la contiene.",
                "The “{label}” column is missing; choose the column that holds it.",
                "Falta a coluna «{label}»; indique qual coluna a contém."};
    case T::InvoiceNeedsClientColumn:
        return {"Falta una columna con el NIF o el código del cliente.",
                "A column with the client's tax ID or code is missing.",
                "Falta uma coluna com o NIF ou o código do cliente."};
    case T::InvoiceNeedsAmountColumn:
        return {"Falta una columna de importe (base imponible, impuestos o total).",
                "An amount column (net, tax or total) is missing.",
                "Falta uma coluna de valor (líquido, impostos ou total)."};
    case T::InvoiceClientMissing:
        return {"Falta el NIF o el código del cliente.", "The client's tax ID or code is missing.",
                "Falta o NIF ou o código do cliente."};
    case T::InvoiceDuplicateNumber:
        return {"El mismo número de factura ya aparece en la fila {row}.",
                "The same invoice number already appears in row {row}.",
                "O mesmo número de fatura já aparece na linha {row}."};
    case T::InvoiceClientNotFound:
        return {"Ningún cliente tiene el NIF o código «{key}». Dé de alta el cliente o elija "
                "«Crear los clientes que falten».",
                "No client has the tax ID or code “{key}”. Add the client first or choose "
                "“Create missing clients”.",
                "Nenhum cliente tem o NIF ou código «{key}». Registe o cliente ou escolha "
                "«Criar os clientes em falta»."};
    case T::InvoiceNewClient:
        return {"Se creará el cliente «{name}».", "The client “{name}” will be created.",
                "Será criado o cliente «{name}»."};
    case T::InvoiceNewClientNeedsName:
        return {"Para crear el cliente con NIF «{taxId}» hace falta su nombre (columna Cliente).",
                "Creating the client with tax ID “{taxId}” needs its name (Client column).",
                "Para criar o cliente com NIF «{taxId}» é preciso o seu nome (coluna Cliente)."};
    case T::InvoiceNewClientNeedsTaxId:
        return {"Para crear un cliente hace falta su NIF.", "Creating a client needs its tax ID.",
                "Para criar um cliente é preciso o seu NIF."};
    case T::InvoiceBadDate:
        return {"«{value}» no es una fecha (por ejemplo 31/05/2024 o 2024-05-31).",
                "“{value}” is not a date (for example 2024-05-31).",
                "«{value}» não é uma data (por exemplo 31/05/2024 ou 2024-05-31)."};
    case T::InvoiceBadAmount:
        return {"«{value}» no es un importe.", "“{value}” is not an amount.",
                "«{value}» não é um valor."};
    case T::InvoiceTooManyDecimals:
        return {"«{value}» tiene más decimales de los que admite {currency} ({digits}); si el "
                "separador indica miles, escriba el importe sin él.",
                "“{value}” has more decimals than {currency} allows ({digits}); if the separator "
                "groups thousands, write the amount without it.",
                "«{value}» tem mais casas decimais do que {currency} admite ({digits}); se o "
                "separador indica milhares, escreva o valor sem ele."};
    case T::InvoiceAmountsDisagree:
        return {"La base ({net}) más los impuestos ({tax}) no suman el total ({total}).",
                "The net amount ({net}) plus tax ({tax}) does not add up to the total ({total}).",
                "O valor líquido ({net}) mais os impostos ({tax}) não somam o total ({total})."};
    case T::InvoiceBadStatus:
        return {"«{value}» no es un estado de factura (borrador, emitida o pagada).",
                "“{value}” is not an invoice status (draft, issued or paid).",
                "«{value}» não é um estado de fatura (rascunho, emitida ou paga)."};
    case T::InvoiceBadCurrency:
        return {"«{value}» no es una moneda (código de tres letras, como EUR).",
                "“{value}” is not a currency (a three-letter code such as EUR).",
                "«{value}» não é uma moeda (código de três letras, como EUR)."};
    case T::InvoiceNoCurrency:
        return {"Falta la moneda y el cliente no tiene una moneda por defecto.",
                "The currency is missing and the client has no default currency.",
                "Falta a moeda e o cliente não tem uma moeda predefinida."};
    case T::InvoiceMatches:
        return {"Corresponde a la factura existente {number}.",
                "Matches the existing invoice {number}.",
                "Corresponde à fatura existente {number}."};
    case T::InvoiceOfOtherClient:
        return {"La factura {number} ya existe y es del cliente {client}.",
                "Invoice {number} already exists and belongs to the client {client}.",
                "A fatura {number} já existe e é do cliente {client}."};
    case T::ExcludedExisting:
        return {"Se omite: ya existe ({what}) y el modo solo crea registros nuevos.",
                "Skipped: it already exists ({what}) and the mode only creates new records.",
                "Omitida: já existe ({what}) e o modo só cria registos novos."};
    case T::ExcludedMissing:
        return {"Se omite: no existe y el modo solo actualiza registros existentes.",
                "Skipped: it does not exist and the mode only updates existing records.",
                "Omitida: não existe e o modo só atualiza registos existentes."};
    case T::ImportBlocked:
        return {"Hay {errors} errores: no se ha importado nada. Corríjalos o elija omitir las "
                "filas con errores.",
                "There are {errors} errors: nothing was imported. Correct them or choose to skip "
                "the rows with errors.",
                "Há {errors} erros: nada foi importado. Corrija-os ou escolha omitir as linhas "
                "com erros."};
    case T::ImportConflict:
        return {"{what} ha cambiado desde la comprobación; no se ha importado nada. Vuelva a "
                "comprobar.",
                "{what} changed since the check; nothing was imported. Check again.",
                "{what} mudou desde a verificação; nada foi importado. Verifique novamente."};
    case T::NothingToUndo:
        return {"No hay ninguna importación que deshacer.", "There is no import to undo.",
                "Não há nenhuma importação para anular."};
    case T::UndoRefused:
        return {"No se puede deshacer la importación del {when} ({source}): {count} registros "
                "han cambiado desde entonces: {list}. No se ha deshecho nada.",
                "The import of {when} ({source}) cannot be undone: {count} records changed since: "
                "{list}. Nothing was undone.",
                "Não é possível anular a importação de {when} ({source}): {count} registos "
                "mudaram desde então: {list}. Nada foi anulado."};
    case T::ConflictDeleted:
        return {"{label} (eliminado)", "{label} (deleted)", "{label} (eliminado)"};
    case T::ConflictChanged:
        return {"{label} (modificado)", "{label} (changed)", "{label} (alterado)"};
    case T::ConflictNewActivity:
        return {"{label} (tiene registros o notas nuevos)", "{label} (has new records or notes)",
                "{label} (tem registos ou notas novos)"};
    case T::AndMore:
        return {"y {count} más", "and {count} more", "e mais {count}"};
    case T::UndoConfirm:
        return {"¿Deshacer la importación del {when} ({source})?\n\nSe eliminarán {created} "
                "clientes creados y se restaurarán {updated} clientes actualizados.",
                "Undo the import of {when} ({source})?\n\n{created} clients it created will be "
                "deleted and {updated} clients it updated restored.",
                "Anular a importação de {when} ({source})?\n\nSerão eliminados {created} clientes "
                "criados e restaurados {updated} clientes atualizados."};
    case T::UndoConfirmInvoices:
        return {"¿Deshacer la importación de facturas del {when} ({source})?\n\nSe eliminarán "
                "{created} facturas creadas y {clients} clientes creados, y se restaurarán "
                "{updated} facturas actualizadas.",
                "Undo the invoice import of {when} ({source})?\n\n{created} invoices and {clients} "
                "clients it created will be deleted and {updated} invoices it updated restored.",
                "Anular a importação de faturas de {when} ({source})?\n\nSerão eliminadas "
                "{created} faturas e {clients} clientes criados, e restauradas {updated} faturas "
                "atualizadas."};
    case T::UndoDone:
        return {"Importación deshecha: {count} filas revertidas.",
                "Import undone: {count} rows reverted.",
                "Importação anulada: {count} linhas "
                "revertidas."};
    case T::UndoTitle:
        return {"Deshacer la última importación", "Undo the last import",
                "Anular a última importação"};
    case T::SourceRange:
        return {"{range} de «{document}»", "{range} of “{document}”", "{range} de «{document}»"};
    case T::SourceSelection:
        return {"selección {range} de «{document}»", "selection {range} of “{document}”",
                "seleção {range} de «{document}»"};
    case T::SourceFile:
        return {"archivo «{file}»", "file “{file}”", "arquivo «{file}»"};
    case T::ReportRow:
        return {"Fila", "Row", "Linha"};
    case T::ReportStatus:
        return {"Estado", "Status", "Estado"};
    case T::ReportField:
        return {"Campo", "Field", "Campo"};
    case T::ReportProblem:
        return {"Motivo", "Reason", "Motivo"};
    case T::ReportSeverity:
        return {"Tipo", "Kind", "Tipo"};
    case T::ReportError:
        return {"Error", "Error", "Erro"};
    case T::ReportWarning:
        return {"Aviso", "Warning", "Aviso"};
    case T::ReportSkipped:
        return {"Omitida", "Skipped", "Omitida"};
    case T::ReportNotImported:
        return {"No importada", "Not imported", "Não importada"};
    case T::SheetClients:
        return {"Clientes", "Clients", "Clientes"};
    case T::SheetInvoices:
        return {"Facturas", "Invoices", "Faturas"};
    case T::CreatedAt:
        return {"Fecha de alta", "Created", "Data de registo"};
    case T::UpdatedAt:
        return {"Última modificación", "Last changed", "Última alteração"};
    case T::TotalOfStatus:
        return {"Total {status} ({currency})", "Total {status} ({currency})",
                "Total {status} ({currency})"};
    case T::GrandTotal:
        return {"Total ({currency})", "Total ({currency})", "Total ({currency})"};
    case T::BadOption:
        return {"{option}: {reason}", "{option}: {reason}", "{option}: {reason}"};
    case T::NotABoolean:
        return {"debe ser un valor lógico (True o False).", "must be a boolean (True or False).",
                "deve ser um valor lógico (True ou False)."};
    case T::NotAString:
        return {"debe ser un texto.", "must be a string.", "deve ser um texto."};
    case T::NotStrings:
        return {"debe ser una lista de textos (un campo o \"\" por columna).",
                "must be a sequence of strings (a field name or \"\" per column).",
                "deve ser uma lista de textos (um campo ou \"\" por coluna)."};
    case T::BadMode:
        return {"«{value}» no es un modo: create, update o both.",
                "“{value}” is not a mode: create, update or both.",
                "«{value}» não é um modo: create, update ou both."};
    case T::BadPolicy:
        return {"«{value}» no es una política: overwrite o fillEmpty.",
                "“{value}” is not a policy: overwrite or fillEmpty.",
                "«{value}» não é uma política: overwrite ou fillEmpty."};
    case T::BadField:
        return {"«{value}» no es un nombre de campo.", "“{value}” is not a field name.",
                "«{value}» não é um nome de campo."};
    case T::BadDate:
        return {"«{value}» no es una fecha AAAA-MM-DD.", "“{value}” is not a date YYYY-MM-DD.",
                "«{value}» não é uma data AAAA-MM-DD."};
    case T::BadStatus:
        return {"«{value}» no es un estado: draft, authorised o paid.",
                "“{value}” is not a status: draft, authorised or paid.",
                "«{value}» não é um estado: draft, authorised ou paid."};
    case T::BadSheetName:
        return {"«{value}» no sirve como nombre de hoja: no puede estar vacío, empezar ni "
                "terminar con un apóstrofo ni contener : \\ / ? * [ ].",
                "“{value}” cannot be a sheet name: it cannot be empty, start or end with an "
                "apostrophe, or contain : \\ / ? * [ ].",
                "«{value}» não serve como nome de folha: não pode estar vazio, começar ou "
                "terminar com um apóstrofo nem conter : \\ / ? * [ ]."};
    case T::NoSource:
        return {"falta el rango de origen.", "the source range is missing.",
                "falta o intervalo de origem."};
    case T::NoTarget:
        return {"falta la hoja de destino.", "the target sheet is missing.",
                "falta a folha de destino."};
    case T::UnknownOption:
        return {"opción desconocida.", "unknown option.", "opção desconhecida."};
    }
    return {"", "", ""};
}

} // namespace

std::string transferText(TransferText key, Language language,
                         const std::vector<std::pair<std::string_view, std::string>>& values)
{
    // A value a caller typed (an option's value, a cell's text, an option's name) is shown
    // cut to a readable length, with nothing in it that could hide or reorder the message.
    std::vector<std::pair<std::string_view, std::string>> shown = values;
    for (auto& [name, value] : shown)
        if (name == "value" || name == "option" || name == "key")
            value = shownValue(value, 80);
    return fillPlaceholders(texts(key).in(language), shown);
}

std::string describeRefusal(const ImportUndoRefused& refused, Language language)
{
    std::string list;
    for (const UndoConflict& conflict : refused.conflicts)
    {
        const TransferText key =
            conflict.what == UndoConflict::What::Deleted   ? TransferText::ConflictDeleted
            : conflict.what == UndoConflict::What::Changed ? TransferText::ConflictChanged
                                                           : TransferText::ConflictNewActivity;
        if (!list.empty())
            list += "; ";
        list += transferText(key, language, {{"label", conflict.label}});
    }
    if (refused.totalConflicts > refused.conflicts.size())
        list += "; " +
                transferText(
                    TransferText::AndMore, language,
                    {{"count", std::to_string(refused.totalConflicts - refused.conflicts.size())}});
    return transferText(TransferText::UndoRefused, language,
                        {{"when", localTimeLabel(refused.batch.at)},
                         {"source", refused.batch.source},
                         {"count", std::to_string(refused.totalConflicts)},
                         {"list", list}});
}

std::string undoQuestion(const ImportBatchInfo& batch, Language language)
{
    if (batch.kind == ImportKind::Invoices)
        return transferText(TransferText::UndoConfirmInvoices, language,
                            {{"when", localTimeLabel(batch.at)},
                             {"source", batch.source},
                             {"created", std::to_string(batch.created)},
                             {"updated", std::to_string(batch.updated)},
                             {"clients", std::to_string(batch.clientsCreated)}});
    return transferText(TransferText::UndoConfirm, language,
                        {{"when", localTimeLabel(batch.at)},
                         {"source", batch.source},
                         {"created", std::to_string(batch.created)},
                         {"updated", std::to_string(batch.updated)}});
}

std::string localTimeLabel(std::string_view iso)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const std::string text(iso);
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute,
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
    localtime_r(&when, &local);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", local.tm_year + 1900,
                  local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min);
    return buffer;
}

std::string invoiceStatusLabel(InvoiceStatus status, Language language)
{
    switch (status)
    {
    case InvoiceStatus::Draft:
        return std::string(Texts{"Borrador", "Draft", "Rascunho"}.in(language));
    case InvoiceStatus::Authorised:
        return std::string(Texts{"Emitida", "Issued", "Emitida"}.in(language));
    case InvoiceStatus::Paid:
        break;
    }
    return std::string(Texts{"Pagada", "Paid", "Paga"}.in(language));
}

} // namespace clientes
