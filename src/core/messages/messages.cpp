#include "core/messages/messages.hpp"

#include "core/files/safe_files.hpp"
#include "core/messages/profile_text.hpp"
#include "core/store/errors.hpp"

#include <array>
#include <string_view>

namespace clientes
{

namespace
{

// Indexed by Field.
constexpr std::array<Texts, 17> kLabels = {{
    {"Código", "Code", "Código"},
    {"Nombre legal", "Legal name", "Nome legal"},
    {"Nombre comercial", "Trade name", "Nome comercial"},
    {"Identificación fiscal", "Tax ID", "Identificação fiscal"},
    {"País", "Country", "País"},
    {"Dirección", "Street address", "Endereço"},
    {"Código postal", "Postal code", "Código postal"},
    {"Ciudad", "City", "Cidade"},
    {"Provincia / región", "State / region", "Estado / região"},
    {"Correo electrónico", "E-mail", "E-mail"},
    {"Teléfono", "Phone", "Telefone"},
    {"Sitio web", "Website", "Site"},
    {"Notas", "Notes", "Notas"},
    {"Tipo de cliente", "Client type", "Tipo de cliente"},
    {"Etiquetas", "Tags", "Etiquetas"},
    {"Plazo de pago (días)", "Payment terms (days)", "Prazo de pagamento (dias)"},
    {"Moneda", "Currency", "Moeda"},
}};

// Indexed by RecordType.
constexpr std::array<Texts, 9> kRecordTypes = {{
    {"Contacto", "Contact", "Contato"},
    {"Proyecto", "Project", "Projeto"},
    {"Registro de horas", "Time entry", "Apontamento de horas"},
    {"Tarea", "Task", "Tarefa"},
    {"Pedido", "Purchase order", "Pedido de compra"},
    {"Factura", "Invoice", "Fatura"},
    {"Oferta", "Deal", "Proposta"},
    {"Archivo", "File", "Arquivo"},
    {"Nota", "Note", "Observação"},
}};

// Indexed by RecordField.
constexpr std::array<Texts, 21> kRecordFields = {{
    {"Nombre", "Name", "Nome"},
    {"Cargo", "Role", "Cargo"},
    {"Correo electrónico", "E-mail", "E-mail"},
    {"Teléfono", "Phone", "Telefone"},
    {"Estado", "Status", "Situação"},
    {"Fecha", "Date", "Data"},
    {"Horas", "Hours", "Horas"},
    {"Nota", "Note", "Observação"},
    {"Título", "Title", "Título"},
    {"Fecha de vencimiento", "Due date", "Data de vencimento"},
    {"Número", "Number", "Número"},
    {"Importe", "Amount", "Valor"},
    {"Moneda", "Currency", "Moeda"},
    {"Fecha de emisión", "Issue date", "Data de emissão"},
    {"Base imponible", "Net amount", "Valor líquido"},
    {"Impuestos", "Tax", "Impostos"},
    {"Total", "Total", "Total"},
    {"Fase", "Stage", "Etapa"},
    {"Válida hasta", "Valid until", "Válida até"},
    {"Tipo de archivo", "File type", "Tipo de arquivo"},
    {"Texto", "Text", "Texto"},
}};

// Indexed by ActivityKind.
constexpr std::array<Texts, 11> kActivityKinds = {{
    {"Cliente creado", "Client created", "Cliente criado"},
    {"Datos modificados", "Details changed", "Dados alterados"},
    {"Archivado", "Archived", "Arquivado"},
    {"Restaurado", "Restored", "Restaurado"},
    {"Archivo adjuntado", "File attached", "Arquivo anexado"},
    {"Archivo eliminado", "File removed", "Arquivo removido"},
    {"Registro añadido", "Record added", "Registro adicionado"},
    {"Registro modificado", "Record changed", "Registro alterado"},
    {"Registro eliminado", "Record removed", "Registro removido"},
    {"Importado", "Imported", "Importado"},
    {"Nota", "Note", "Observação"},
}};

// Fields whose problems have their own sentences.
enum class Subject
{
    Other,
    LegalName,
    Kind,
    PaymentTerms,
    Hours,
    Amount,
    DueDate,
    ValidUntil,
    InvoiceNumber,
    DealTitle,
    MimeType
};

Subject subjectOf(Field field)
{
    switch (field)
    {
    case Field::LegalName:
        return Subject::LegalName;
    case Field::Kind:
        return Subject::Kind;
    case Field::PaymentTerms:
        return Subject::PaymentTerms;
    default:
        return Subject::Other;
    }
}

Subject subjectOf(RecordType type, RecordField field)
{
    switch (field)
    {
    case RecordField::Hours:
        return Subject::Hours;
    case RecordField::Amount:
        return Subject::Amount;
    case RecordField::DueDate:
        return Subject::DueDate;
    case RecordField::ValidUntil:
        return Subject::ValidUntil;
    case RecordField::Number:
        return type == RecordType::Invoice ? Subject::InvoiceNumber : Subject::Other;
    case RecordField::Title:
        return type == RecordType::Deal ? Subject::DealTitle : Subject::Other;
    case RecordField::MimeType:
        return Subject::MimeType;
    default:
        return Subject::Other;
    }
}

// Thousands separators as each language writes them: 100.000 (es, pt), 100,000 (en).
std::string formatNumber(std::size_t number, Language language)
{
    const std::string digits = std::to_string(number);
    const bool english = language == Language::En;
    if (digits.size() < (english ? 4U : 5U))
        return digits;
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i != 0 && (digits.size() - i) % 3 == 0)
            out += english ? ',' : '.';
        out += digits[i];
    }
    return out;
}

Texts problemText(Problem problem, Subject subject)
{
    switch (problem)
    {
    case Problem::Required:
        if (subject == Subject::LegalName)
            return {"El nombre legal es obligatorio.", "The legal name is required.",
                    "O nome legal é obrigatório."};
        if (subject == Subject::DealTitle)
            return {"Indique un título o un número para la oferta.",
                    "Enter a title or a number for the deal.",
                    "Informe um título ou um número para a proposta."};
        return {"El campo «{label}» es obligatorio.", "“{label}” is required.",
                "O campo «{label}» é obrigatório."};
    case Problem::InvalidEmail:
        return {"El correo electrónico no es válido.", "The e-mail address is not valid.",
                "O endereço de e-mail não é válido."};
    case Problem::TooLong:
        return {"El campo «{label}» admite como máximo {limit} caracteres.",
                "“{label}” can have at most {limit} characters.",
                "O campo «{label}» aceita no máximo {limit} caracteres."};
    case Problem::InvalidCountry:
        return {"El país debe ser un código ISO de dos letras, por ejemplo ES, PT o FR.",
                "The country must be a two-letter ISO code, for example GB, US or ES.",
                "O país deve ser um código ISO de duas letras, por exemplo PT, BR ou ES."};
    case Problem::InvalidText:
        return {"El campo «{label}» contiene caracteres no permitidos.",
                "“{label}” contains characters that are not allowed.",
                "O campo «{label}» contém caracteres não permitidos."};
    case Problem::ReadOnly:
        return {"El campo «{label}» no se puede modificar.", "“{label}” cannot be changed.",
                "O campo «{label}» não pode ser alterado."};
    case Problem::UnknownField:
        break;
    case Problem::InvalidChoice:
        if (subject == Subject::Kind)
            return {"El tipo de cliente debe ser «company» (empresa) o «person» (persona).",
                    "The client type must be “company” or “person”.",
                    "O tipo de cliente deve ser «company» (empresa) ou «person» (pessoa)."};
        if (subject == Subject::MimeType)
            return {"El tipo de archivo debe tener la forma «tipo/subtipo», por ejemplo "
                    "application/pdf.",
                    "The file type must look like “type/subtype”, for example application/pdf.",
                    "O tipo de arquivo deve ter a forma «tipo/subtipo», por exemplo "
                    "application/pdf."};
        return {"El valor del campo «{label}» no es válido.",
                "“{label}” has a value that is not allowed.",
                "O valor do campo «{label}» não é válido."};
    case Problem::InvalidCurrency:
        return {"La moneda debe ser un código ISO 4217 de tres letras, por ejemplo EUR o USD.",
                "The currency must be a three-letter ISO 4217 code, for example EUR or USD.",
                "A moeda deve ser um código ISO 4217 de três letras, por exemplo BRL, EUR ou "
                "USD."};
    case Problem::InvalidNumber:
        if (subject == Subject::PaymentTerms)
            return {"El plazo de pago debe ser un número entero de días.",
                    "The payment terms must be a whole number of days.",
                    "O prazo de pagamento deve ser um número inteiro de dias."};
        return {"El campo «{label}» debe ser un número.", "“{label}” must be a number.",
                "O campo «{label}» deve ser um número."};
    case Problem::OutOfRange:
        if (subject == Subject::PaymentTerms)
            return {"El plazo de pago debe estar entre 0 y {limit} días.",
                    "The payment terms must be between 0 and {limit} days.",
                    "O prazo de pagamento deve estar entre 0 e {limit} dias."};
        if (subject == Subject::Hours)
            return {"Las horas deben ser más de 0 y como máximo {limit}.",
                    "The hours must be more than 0 and at most {limit}.",
                    "As horas devem ser mais de 0 e no máximo {limit}."};
        if (subject == Subject::Amount)
            return {"El importe no puede ser negativo.", "The amount cannot be negative.",
                    "O valor não pode ser negativo."};
        return {"El valor del campo «{label}» está fuera del intervalo permitido.",
                "“{label}” is outside the allowed range.",
                "O valor do campo «{label}» está fora do intervalo permitido."};
    case Problem::InvalidDate:
        return {"El campo «{label}» debe ser una fecha válida con la forma AAAA-MM-DD.",
                "“{label}” must be a valid date written YYYY-MM-DD.",
                "O campo «{label}» deve ser uma data válida no formato AAAA-MM-DD."};
    case Problem::DateOrder:
        if (subject == Subject::DueDate)
            return {"La fecha de vencimiento no puede ser anterior a la fecha de emisión.",
                    "The due date cannot be before the issue date.",
                    "A data de vencimento não pode ser anterior à data de emissão."};
        if (subject == Subject::ValidUntil)
            return {"La oferta no puede caducar antes de su fecha.",
                    "The deal cannot expire before its date.",
                    "A proposta não pode expirar antes da sua data."};
        return {"El campo «{label}» no puede ser anterior a la fecha de la que depende.",
                "“{label}” cannot be before the date it follows.",
                "O campo «{label}» não pode ser anterior à data da qual depende."};
    case Problem::TotalMismatch:
        return {"El total debe ser la base imponible más los impuestos.",
                "The total must be the net amount plus tax.",
                "O total deve ser o valor líquido mais os impostos."};
    case Problem::Duplicate:
        if (subject == Subject::InvoiceNumber)
            return {"Ya existe una factura con este número.",
                    "An invoice with this number already exists.",
                    "Já existe uma fatura com este número."};
        return {"Ya existe otro registro con este valor en «{label}».",
                "Another record already has this “{label}”.",
                "Já existe outro registro com este valor em «{label}»."};
    case Problem::TagTooLong:
        return {"Cada etiqueta admite como máximo {limit} caracteres.",
                "Each tag can have at most {limit} characters.",
                "Cada etiqueta aceita no máximo {limit} caracteres."};
    }
    return {"Campo desconocido.", "Unknown field.", "Campo desconhecido."};
}

Texts storeErrorText(StoreError::Kind kind)
{
    using Kind = StoreError::Kind;
    switch (kind)
    {
    case Kind::CannotOpen:
        return {"No se puede abrir el registro de clientes «{path}». Compruebe que la carpeta "
                "existe y que puede escribir en ella, o elija otro archivo.",
                "The client register “{path}” cannot be opened. Check that the folder exists "
                "and that you can write to it, or choose another file.",
                "Não é possível abrir o registro de clientes «{path}». Verifique se a pasta "
                "existe e se você pode gravar nela, ou escolha outro arquivo."};
    case Kind::NotADatabase:
        return {"El archivo «{path}» no es un registro de clientes o está dañado. Restaure una "
                "copia de seguridad o elija otro archivo.",
                "The file “{path}” is not a client register or it is damaged. Restore a backup "
                "copy or choose another file.",
                "O arquivo «{path}» não é um registro de clientes ou está danificado. Restaure "
                "uma cópia de segurança ou escolha outro arquivo."};
    case Kind::Locked:
        return {"Otro programa está usando el registro de clientes «{path}». Espere unos "
                "segundos y vuelva a intentarlo; si el problema continúa, cierre las demás "
                "ventanas de LibreOffice que lo usen.",
                "Another program is using the client register “{path}”. Wait a few seconds and "
                "try again; if the problem persists, close the other LibreOffice windows that "
                "use it.",
                "Outro programa está usando o registro de clientes «{path}». Aguarde alguns "
                "segundos e tente novamente; se o problema continuar, feche as outras janelas "
                "do LibreOffice que o usam."};
    case Kind::PermissionDenied:
        return {"No tiene permiso para leer y modificar «{path}». Revise los permisos del "
                "archivo y de su carpeta, o pida ayuda al administrador del equipo.",
                "You are not allowed to read and change “{path}”. Check the permissions of the "
                "file and its folder, or ask your system administrator for help.",
                "Você não tem permissão para ler e alterar «{path}». Verifique as permissões "
                "do arquivo e da pasta, ou peça ajuda ao administrador do computador."};
    case Kind::TooNew:
        return {"El registro de clientes «{path}» se creó con una versión más reciente de "
                "Clientes. Actualice la extensión para abrirlo; el archivo no se ha modificado.",
                "The client register “{path}” was created by a newer version of Clientes. "
                "Update the extension to open it; the file has not been changed.",
                "O registro de clientes «{path}» foi criado por uma versão mais recente do "
                "Clientes. Atualize a extensão para abri-lo; o arquivo não foi alterado."};
    case Kind::Conflict:
        return {"Otra persona ha modificado estos datos mientras usted los editaba. Vuelva a "
                "abrirlos para ver los valores actuales y repita sus cambios.",
                "Someone else changed this data while you were editing it. Open it again to see "
                "the current values, then repeat your changes.",
                "Outra pessoa alterou estes dados enquanto você os editava. Abra-os novamente "
                "para ver os valores atuais e repita suas alterações."};
    case Kind::OutOfMemory:
        return {"No hay memoria suficiente para terminar la operación en el registro de clientes "
                "«{path}»; no se ha cambiado nada. Cierre otros documentos o programas y vuelva "
                "a intentarlo.",
                "There is not enough memory to finish the operation on the client register "
                "“{path}”; nothing was changed. Close other documents or programs and try again.",
                "Não há memória suficiente para concluir a operação no registro de clientes "
                "«{path}»; nada foi alterado. Feche outros documentos ou programas e tente "
                "novamente."};
    case Kind::Io:
        break;
    }
    return {"No se pudo leer o escribir el registro de clientes «{path}». Compruebe que hay "
            "espacio libre en el disco y que la unidad sigue disponible, y vuelva a intentarlo.",
            "The client register “{path}” could not be read or written. Check that the disk "
            "has free space and that the drive is still available, then try again.",
            "Não foi possível ler ou gravar o registro de clientes «{path}». Verifique se há "
            "espaço livre no disco e se a unidade continua disponível, e tente novamente."};
}

} // namespace

std::string fieldLabel(Field field, Language language)
{
    return std::string(kLabels.at(static_cast<std::size_t>(field)).in(language));
}

std::string describe(const FieldIssue& issue, Language language)
{
    return fillPlaceholders(problemText(issue.problem, subjectOf(issue.field)).in(language),
                            {{"label", fieldLabel(issue.field, language)},
                             {"limit", formatNumber(issue.limit, language)}});
}

std::string recordTypeLabel(RecordType type, Language language)
{
    return std::string(kRecordTypes.at(static_cast<std::size_t>(type)).in(language));
}

std::string recordFieldLabel(RecordType type, RecordField field, Language language)
{
    if (type == RecordType::File && field == RecordField::Name)
        return std::string(
            Texts{"Nombre del archivo", "File name", "Nome do arquivo"}.in(language));
    return std::string(kRecordFields.at(static_cast<std::size_t>(field)).in(language));
}

std::string describe(const RecordIssue& issue, Language language)
{
    return fillPlaceholders(
        problemText(issue.problem, subjectOf(issue.record, issue.field)).in(language),
        {{"label", recordFieldLabel(issue.record, issue.field, language)},
         {"limit", formatNumber(issue.limit, language)}});
}

std::string describe(const FileTooLarge& error, Language language)
{
    const Texts pattern = {
        "El archivo «{name}» ocupa {size} bytes y el máximo es de {limit} bytes ({mb} MB).",
        "The file “{name}” has {size} bytes; the maximum is {limit} bytes ({mb} MB).",
        "O arquivo «{name}» tem {size} bytes e o máximo é de {limit} bytes ({mb} MB)."};
    const auto bytes = [language](std::int64_t value)
    { return formatNumber(static_cast<std::size_t>(value < 0 ? 0 : value), language); };
    return fillPlaceholders(pattern.in(language), {{"name", error.name},
                                                   {"size", bytes(error.size)},
                                                   {"mb", bytes(error.limit / (1024 * 1024))},
                                                   {"limit", bytes(error.limit)}});
}

std::string describe(const HasLinkedRecords& error, Language language)
{
    const Texts pattern = {
        "No se puede eliminar el cliente porque tiene registros vinculados ({list}). "
        "Archívelo en su lugar.",
        "The client cannot be deleted because it has linked records ({list}). Archive it "
        "instead.",
        "Não é possível excluir o cliente porque ele tem registros vinculados ({list}). "
        "Arquive-o em vez disso."};
    const std::pair<Texts, std::int64_t> parts[] = {
        {{"proyectos", "projects", "projetos"}, error.linked.projects},
        {{"tareas", "tasks", "tarefas"}, error.linked.tasks},
        {{"pedidos", "purchase orders", "pedidos de compra"}, error.linked.purchaseOrders},
        {{"facturas", "invoices", "faturas"}, error.linked.invoices},
        {{"ofertas", "deals", "propostas"}, error.linked.deals},
        {{"archivos", "files", "arquivos"}, error.linked.files}};
    std::string list;
    for (const auto& [name, count] : parts)
    {
        if (count <= 0)
            continue;
        if (!list.empty())
            list += ", ";
        list += std::string(name.in(language)) + ": " +
                formatNumber(static_cast<std::size_t>(count), language);
    }
    return fillPlaceholders(pattern.in(language), {{"list", list}});
}

std::string activityKindLabel(ActivityKind kind, Language language)
{
    return std::string(kActivityKinds.at(static_cast<std::size_t>(kind)).in(language));
}

std::string describe(const StoreError& error, Language language)
{
    return fillPlaceholders(storeErrorText(error.kind).in(language), {{"path", error.path}});
}

std::string describe(const RegisterFileRefused& error, Language language)
{
    static constexpr Texts kRefused{
        "«{path}» es un archivo del propio registro de clientes: no se puede escribir encima "
        "ni usarlo como copia. Elija otro nombre u otra carpeta.",
        "“{path}” is one of the client register's own files: it cannot be written over or "
        "used as a copy. Choose another name or folder.",
        "«{path}» é um arquivo do próprio registro de clientes: não é possível gravar por cima "
        "nem usá-lo como cópia. Escolha outro nome ou outra pasta."};
    return fillPlaceholders(kRefused.in(language), {{"path", error.target.string()}});
}

std::string wrongTypeMessage(ValueType expected, std::string_view given, Language language)
{
    static constexpr Texts kPattern{
        "Se esperaba {expected} y se ha recibido un valor de tipo {given}.",
        "Expected {expected}, but got a value of type {given}.",
        "Esperava-se {expected}, mas foi recebido um valor do tipo {given}."};
    Texts what;
    switch (expected)
    {
    case ValueType::Text:
        what = {"un texto", "text", "um texto"};
        break;
    case ValueType::Number:
        what = {"un número (o un texto con un número)", "a number (or text holding one)",
                "um número (ou um texto com um número)"};
        break;
    case ValueType::WholeNumber:
        what = {"un número entero", "a whole number", "um número inteiro"};
        break;
    case ValueType::Date:
        what = {"una fecha (texto AAAA-MM-DD o com.sun.star.util.Date)",
                "a date (text YYYY-MM-DD or com.sun.star.util.Date)",
                "uma data (texto AAAA-MM-DD ou com.sun.star.util.Date)"};
        break;
    case ValueType::Boolean:
        what = {"un valor lógico (True o False)", "a boolean (True or False)",
                "um valor lógico (True ou False)"};
        break;
    case ValueType::TextList:
        what = {"una lista de textos", "a list of texts", "uma lista de textos"};
        break;
    }
    return fillPlaceholders(kPattern.in(language),
                            {{"expected", what.str(language)}, {"given", quoted(given, language)}});
}

std::string internalErrorMessage(Language language)
{
    return Texts{"Clientes ha encontrado un error inesperado y no ha completado la operación; no "
                 "se ha guardado nada a medias. Los detalles están en el registro de LibreOffice.",
                 "Clientes ran into an unexpected error and did not complete the operation; "
                 "nothing was half saved. The details are in LibreOffice's log.",
                 "O Clientes encontrou um erro inesperado e não concluiu a operação; nada foi "
                 "gravado pela metade. Os detalhes estão no registro do LibreOffice."}
        .str(language);
}

std::string outOfMemoryMessage(Language language)
{
    return Texts{"No hay memoria suficiente para terminar la operación; no se ha cambiado nada. "
                 "Cierre otros documentos o programas y vuelva a intentarlo.",
                 "There is not enough memory to finish the operation; nothing was changed. "
                 "Close other documents or programs and try again.",
                 "Não há memória suficiente para concluir a operação; nada foi alterado. Feche "
                 "outros documentos ou programas e tente novamente."}
        .str(language);
}

std::string officeRefusedMessage(Language language)
{
    return Texts{"LibreOffice Calc no ha podido completar la operación en la hoja.",
                 "LibreOffice Calc could not complete the operation on the sheet.",
                 "O LibreOffice Calc não conseguiu concluir a operação na planilha."}
        .str(language);
}

namespace
{
// A file's name as a message shows it: hidden characters written visibly, cut to a readable
// length.
std::string shownFileName(std::string_view name)
{
    return shownValue(neutralisedName(name), 120);
}
} // namespace

std::string describe(const FileProblem& problem, Language language)
{
    ProfileText text = ProfileText::FileCannotBeRead;
    switch (problem.reason)
    {
    case FileProblem::Reason::NotAFileUrl:
        return fillIn(profileText(ProfileText::NotAFileUrl, language), "url",
                      shownFileName(problem.name));
    case FileProblem::Reason::CannotRead:
        text = ProfileText::FileCannotBeRead;
        break;
    case FileProblem::Reason::Folder:
        text = ProfileText::FileIsFolder;
        break;
    case FileProblem::Reason::NotRegular:
        text = ProfileText::FileNotRegular;
        break;
    case FileProblem::Reason::SystemFile:
        text = ProfileText::FileIsSystemFile;
        break;
    case FileProblem::Reason::UnsafeName:
        text = ProfileText::FileNameUnsafe;
        break;
    case FileProblem::Reason::CannotWrite:
        text = ProfileText::FileCannotBeWritten;
        break;
    case FileProblem::Reason::NoSpace:
        text = ProfileText::FileNoSpace;
        break;
    case FileProblem::Reason::RegisterFile:
        text = ProfileText::FileIsRegisterFile;
        break;
    }
    return fillIn(profileText(text, language), "name", shownFileName(problem.name));
}

} // namespace clientes
