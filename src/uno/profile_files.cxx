#include "profile_files.hxx"

#include "core/client_store.hpp"
#include "uno_text.hxx"

#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <random>

namespace clientes::uno::profile_files
{
namespace
{
std::string shown(const OUString& url)
{
    const std::string name = fileNameOf(url);
    return name.empty() ? toUtf8(url) : name;
}

// Keeps a name usable as one path segment: no slashes, no control characters, not "." / "..".
std::string safeSegment(const std::string& name)
{
    std::string out;
    for (char c : name)
        out += (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) ? '_' : c;
    if (out.empty() || out == "." || out == "..")
        out = "archivo";
    return out;
}
} // namespace

FileAccessError::FileAccessError(Reason reason_, std::string name_)
    : std::runtime_error("cannot access file " + name_), reason(reason_), name(std::move(name_))
{
}

OUString fileUrl(const OUString& urlOrPath)
{
    if (urlOrPath.startsWithIgnoreAsciiCase("file:"))
        return urlOrPath;
    if (urlOrPath.startsWith("/"))
    {
        OUString url;
        if (osl::FileBase::getFileURLFromSystemPath(urlOrPath, url) == osl::FileBase::E_None)
            return url;
    }
    throw FileAccessError(FileAccessError::Reason::NotAFileUrl, toUtf8(urlOrPath));
}

std::string fileNameOf(const OUString& url)
{
    OUString path = url;
    if (const sal_Int32 query = path.indexOf('?'); query >= 0)
        path = path.copy(0, query);
    const sal_Int32 slash = path.lastIndexOf('/');
    const OUString segment = slash >= 0 ? path.copy(slash + 1) : path;
    return toUtf8(rtl::Uri::decode(segment, rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8));
}

LoadedFile readFile(const OUString& urlOrPath, std::int64_t limit)
{
    const OUString url = fileUrl(urlOrPath);
    LoadedFile loaded;
    loaded.name = fileNameOf(url);
    osl::DirectoryItem item;
    osl::FileStatus status(osl_FileStatus_Mask_FileSize | osl_FileStatus_Mask_Type);
    if (osl::DirectoryItem::get(url, item) != osl::FileBase::E_None ||
        item.getFileStatus(status) != osl::FileBase::E_None ||
        status.getFileType() == osl::FileStatus::Directory)
        throw FileAccessError(FileAccessError::Reason::CannotRead, shown(url));
    const auto size = static_cast<std::int64_t>(status.getFileSize());
    if (size > limit)
        throw FileTooLarge(loaded.name, size, limit);

    osl::File file(url);
    if (file.open(osl_File_OpenFlag_Read) != osl::FileBase::E_None)
        throw FileAccessError(FileAccessError::Reason::CannotRead, shown(url));
    loaded.bytes.resize(static_cast<std::size_t>(size));
    sal_uInt64 done = 0;
    while (done < static_cast<sal_uInt64>(size))
    {
        sal_uInt64 got = 0;
        if (file.read(loaded.bytes.data() + done, static_cast<sal_uInt64>(size) - done, got) !=
                osl::FileBase::E_None ||
            got == 0)
            break;
        done += got;
    }
    file.close();
    if (done != static_cast<sal_uInt64>(size))
        throw FileAccessError(FileAccessError::Reason::CannotRead, shown(url));
    return loaded;
}

void writeFile(const OUString& urlOrPath, std::span<const std::uint8_t> bytes)
{
    const OUString url = fileUrl(urlOrPath);
    osl::File file(url);
    const osl::FileBase::RC created = file.open(osl_File_OpenFlag_Write | osl_File_OpenFlag_Create);
    if (created == osl::FileBase::E_EXIST)
    {
        if (file.open(osl_File_OpenFlag_Write) != osl::FileBase::E_None ||
            file.setSize(0) != osl::FileBase::E_None)
            throw FileAccessError(FileAccessError::Reason::CannotWrite, shown(url));
    }
    else if (created != osl::FileBase::E_None)
        throw FileAccessError(FileAccessError::Reason::CannotWrite, shown(url));
    sal_uInt64 done = 0;
    while (done < bytes.size())
    {
        sal_uInt64 written = 0;
        if (file.write(bytes.data() + done, bytes.size() - done, written) !=
                osl::FileBase::E_None ||
            written == 0)
        {
            file.close();
            throw FileAccessError(FileAccessError::Reason::CannotWrite, shown(url));
        }
        done += written;
    }
    if (file.close() != osl::FileBase::E_None)
        throw FileAccessError(FileAccessError::Reason::CannotWrite, shown(url));
}

OUString writeTemporaryCopy(const std::string& name, std::span<const std::uint8_t> bytes)
{
    OUString temp;
    if (osl::FileBase::getTempDirURL(temp) != osl::FileBase::E_None)
        throw FileAccessError(FileAccessError::Reason::CannotWrite, name);
    std::random_device random;
    const OUString folder =
        temp + "/clientes-" + OUString::number(random()) + OUString::number(random());
    if (osl::Directory::create(folder) != osl::FileBase::E_None)
        throw FileAccessError(FileAccessError::Reason::CannotWrite, name);
    // Attached files may be confidential: the folder is the user's only.
    osl::File::setAttributes(folder, osl_File_Attribute_OwnRead | osl_File_Attribute_OwnWrite |
                                         osl_File_Attribute_OwnExe);
    const OUString url = folder + "/" +
                         rtl::Uri::encode(fromUtf8(safeSegment(name)), rtl_UriCharClassPchar,
                                          rtl_UriEncodeIgnoreEscapes, RTL_TEXTENCODING_UTF8);
    writeFile(url, bytes);
    return url;
}
} // namespace clientes::uno::profile_files
