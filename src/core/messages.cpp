#include "core/messages.hpp"

#include "core/client_store.hpp"

#include <array>
#include <string_view>

namespace clientes
{

namespace
{

struct Texts
{
    std::string_view es;
    std::string_view en;
    std::string_view pt;

    std::string_view in(Language language) const
    {
        switch (language)
        {
        case Language::Es:
            return es;
        case Language::Pt:
            return pt;
        case Language::En:
            break;
        }
        return en;
    }
};

// Indexed by Field.
constexpr std::array<Texts, 13> kLabels = {{
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
}};

// Replaces every "{label}", "{limit}" and "{path}" in a template.
std::string fill(std::string_view pattern, std::string_view name, std::string_view value)
{
    std::string out;
    const std::string placeholder = "{" + std::string(name) + "}";
    std::size_t start = 0;
    for (auto found = pattern.find(placeholder); found != std::string_view::npos;
         found = pattern.find(placeholder, start))
    {
        out.append(pattern.substr(start, found - start));
        out.append(value);
        start = found + placeholder.size();
    }
    out.append(pattern.substr(start));
    return out;
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

Texts issueText(const FieldIssue& issue)
{
    switch (issue.problem)
    {
    case Problem::Required:
        if (issue.field == Field::LegalName)
            return {"El nombre legal es obligatorio.", "The legal name is required.",
                    "O nome legal é obrigatório."};
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
    std::string text =
        fill(issueText(issue).in(language), "label", fieldLabel(issue.field, language));
    return fill(text, "limit", formatNumber(issue.limit, language));
}

std::string describe(const StoreError& error, Language language)
{
    return fill(storeErrorText(error.kind).in(language), "path", error.path);
}

} // namespace clientes
