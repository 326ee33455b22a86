#include "support/file_urls.hxx"

#include "support/uno_text.hxx"

#include <osl/file.hxx>

namespace clientes::uno
{
std::optional<std::filesystem::path> systemPathOf(const OUString& urlOrPath)
{
    const OUString trimmed = urlOrPath.trim();
    OUString path;
    if (trimmed.startsWithIgnoreAsciiCase("file:"))
    {
        if (osl::FileBase::getSystemPathFromFileURL(trimmed, path) != osl::FileBase::E_None)
            return std::nullopt;
    }
    else if (trimmed.startsWith("/"))
        path = trimmed;
    else
        return std::nullopt;
    if (path.isEmpty() || path.indexOf(u'\0') >= 0)
        return std::nullopt;
    return std::filesystem::path(toUtf8(path));
}

OUString fileUrlOf(const std::filesystem::path& path)
{
    OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(fromUtf8(path.string()), url) !=
        osl::FileBase::E_None)
        return fromUtf8(path.string());
    return url;
}
} // namespace clientes::uno
