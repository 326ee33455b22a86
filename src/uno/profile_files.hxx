// Files in and out of the register: reading a file the user picked, writing a copy, a
// temporary copy to open with the desktop's default application. Local files (file:// URLs or
// absolute system paths) through osl.
#pragma once

#include <rtl/ustring.hxx>

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace clientes::uno::profile_files
{
// A file that could not be read or written; `name` is what to show the user (the file name or
// the URL).
class FileAccessError : public std::runtime_error
{
public:
    enum class Reason
    {
        NotAFileUrl,
        CannotRead,
        CannotWrite
    };
    FileAccessError(Reason reason, std::string name);
    Reason reason;
    std::string name;
};

// The file URL for a URL or an absolute system path; FileAccessError(NotAFileUrl) otherwise.
::rtl::OUString fileUrl(const ::rtl::OUString& urlOrPath);

// The file's name: the URL's last segment, percent-decoded ("contrato%202024.pdf" →
// "contrato 2024.pdf").
std::string fileNameOf(const ::rtl::OUString& url);

struct LoadedFile
{
    std::string name;
    std::vector<std::uint8_t> bytes;
};

// Reads the whole file. Throws FileTooLarge (core) before reading when it has more than
// `limit` bytes, FileAccessError when it cannot be read.
LoadedFile readFile(const ::rtl::OUString& url, std::int64_t limit);

// Creates or replaces the file. Throws FileAccessError.
void writeFile(const ::rtl::OUString& url, std::span<const std::uint8_t> bytes);

// Writes the bytes to <temp dir>/clientes-<random>/<name> and returns its URL.
::rtl::OUString writeTemporaryCopy(const std::string& name, std::span<const std::uint8_t> bytes);
} // namespace clientes::uno::profile_files
