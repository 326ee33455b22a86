#include "core/files/safe_files.hpp"

#include "core/text/ascii.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <random>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

namespace clientes
{
namespace
{
namespace fs = std::filesystem;
using Reason = FileProblem::Reason;

// A name cut to a readable length for a message.

class Descriptor
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }
    // Closes now; false when close reports an error (a delayed write error).
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }

private:
    int m_fd;
};

// Filesystems whose files are the kernel's views, not documents: their sizes say nothing
// (0 or 4096 whatever they yield), reading them may have effects, and they hold secrets
// (/proc/self/environ). The filesystem's type is the robust rule: one on sizes ("st_size is 0
// but it yields bytes") would also refuse a regular file that grows while read, miss the /sys
// files that claim 4096 bytes, and could only tell after reading.
bool isPseudoFileSystem(decltype(statfs::f_type) type)
{
    constexpr std::array<unsigned long, 17> kPseudo = {PROC_SUPER_MAGIC,
                                                       SYSFS_MAGIC,
                                                       DEBUGFS_MAGIC,
                                                       TRACEFS_MAGIC,
                                                       SECURITYFS_MAGIC,
                                                       CGROUP_SUPER_MAGIC,
                                                       CGROUP2_SUPER_MAGIC,
                                                       BPF_FS_MAGIC,
                                                       PSTOREFS_MAGIC,
                                                       EFIVARFS_MAGIC,
                                                       0x62656570 /* configfs */,
                                                       0x65735543 /* fusectl */,
                                                       SELINUX_MAGIC,
                                                       SMACK_MAGIC,
                                                       BINFMTFS_MAGIC,
                                                       DEVPTS_SUPER_MAGIC,
                                                       NSFS_MAGIC};
    const auto value = static_cast<unsigned long>(type) & 0xFFFFFFFFUL;
    return std::find(kPseudo.begin(), kPseudo.end(), value) != kPseudo.end();
}

void refuseUnlessRegular(const struct stat& info, const std::string& name)
{
    if (S_ISDIR(info.st_mode))
        throw FileProblem(Reason::Folder, name);
    if (!S_ISREG(info.st_mode))
        throw FileProblem(Reason::NotRegular, name);
}

Reason writeFailure(int error)
{
    return error == ENOSPC || error == EDQUOT || error == EFBIG ? Reason::NoSpace
                                                                : Reason::CannotWrite;
}

// Writes everything; the errno of the failure otherwise.
int writeAll(int fd, std::span<const std::uint8_t> bytes)
{
    std::size_t done = 0;
    while (done < bytes.size())
    {
        const ssize_t written = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (written < 0)
        {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (written == 0)
            return ENOSPC;
        done += static_cast<std::size_t>(written);
    }
    return 0;
}

std::string randomHex(std::size_t digits)
{
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < digits; ++i)
        out += kHex[generator() % 16];
    return out;
}

// The permission bits a new file gets (0666 less the umask), read without changing the umask
// (umask() would, for a moment, for every thread of the office).
mode_t newFileMode()
{
    mode_t mask = 022;
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0)
        {
            mask = static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
            break;
        }
    return 0666 & ~mask & 0777;
}

bool sameFile(const struct stat& a, const fs::path& path)
{
    struct stat b
    {
    };
    return ::stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

fs::path resolved(const fs::path& path, std::error_code& error)
{
    const fs::path absolute = fs::absolute(path, error);
    if (error)
        return {};
    return fs::weakly_canonical(absolute, error);
}

// One path segment: no slashes, no control characters (neutralised), not "." or "..", at most
// 200 bytes (the extension kept).
std::string copyName(std::string_view name)
{
    std::string out = neutralisedName(name);
    std::replace(out.begin(), out.end(), '/', '_');
    std::replace(out.begin(), out.end(), '\\', '_');
    if (out.empty() || out == "." || out == "..")
        out = "archivo";
    constexpr std::size_t kMaxBytes = 200;
    if (out.size() > kMaxBytes)
    {
        const auto dot = out.rfind('.');
        const std::string extension =
            dot != std::string::npos && out.size() - dot <= 20 ? out.substr(dot) : std::string();
        std::size_t cut = kMaxBytes - extension.size();
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        out = out.substr(0, cut) + extension;
    }
    return out;
}

// Our folder under tempDir, created 0700 if missing; refused when it is a link, not a folder
// or someone else's (another user may have created it first in a shared /tmp).
fs::path ensureOpenCopiesFolder(const fs::path& tempDir, const std::string& name)
{
    const fs::path folder = openCopiesFolder(tempDir);
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
        throw FileProblem(writeFailure(errno), name);
    struct stat info
    {
    };
    if (::lstat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::getuid())
        throw FileProblem(Reason::CannotWrite, name);
    if ((info.st_mode & 0777) != 0700 && ::chmod(folder.c_str(), 0700) != 0)
        throw FileProblem(Reason::CannotWrite, name);
    return folder;
}

bool ourFolder(const fs::path& folder)
{
    struct stat info
    {
    };
    return ::lstat(folder.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
           info.st_uid == ::getuid();
}

bool startsWith(std::span<const std::uint8_t> bytes, std::string_view prefix)
{
    return bytes.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), bytes.begin(),
                      [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

// The first line that is neither blank nor a comment is "[Desktop Entry]" (a launcher
// whatever its name).
bool isDesktopEntry(std::span<const std::uint8_t> bytes)
{
    std::string_view text(reinterpret_cast<const char*>(bytes.data()),
                          std::min<std::size_t>(bytes.size(), 8192));
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    while (!text.empty())
    {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        if (!line.empty() && line.front() != '#')
            return line == "[Desktop Entry]";
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return false;
}
} // namespace

FileProblem::FileProblem(Reason reason_, std::string name_)
    : std::runtime_error("file problem with " + neutralisedName(name_)), reason(reason_),
      name(std::move(name_))
{
}

FileTooLarge::FileTooLarge(std::string fileName, std::int64_t bytes, std::int64_t maximum)
    : std::runtime_error("file " + fileName + " has " + std::to_string(bytes) +
                         " bytes, more than the limit of " + std::to_string(maximum)),
      name(std::move(fileName)), size(bytes), limit(maximum)
{
}

// ---------------------------------------------------------------------------- names

bool isUnsafeNameCharacter(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200B ||
           cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

bool hasUnsafeNameCharacters(std::string_view name)
{
    std::size_t pos = 0;
    while (pos < name.size())
    {
        const char32_t cp = utf8::next(name, pos);
        if (cp == utf8::kInvalid || isUnsafeNameCharacter(cp))
            return true;
    }
    return false;
}

std::string neutralisedName(std::string_view name)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < name.size())
    {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(name, pos);
        char marker[16];
        if (cp == utf8::kInvalid)
        {
            std::snprintf(marker, sizeof marker, "[0x%02X]",
                          static_cast<unsigned>(static_cast<unsigned char>(name[start])));
            out += marker;
        }
        else if (isUnsafeNameCharacter(cp))
        {
            std::snprintf(marker, sizeof marker, "[U+%04X]", static_cast<unsigned>(cp));
            out += marker;
        }
        else
            out.append(name.substr(start, pos - start));
    }
    return out;
}

// ---------------------------------------------------------------------------- reading

int openRegularFileForReading(const fs::path& path)
{
    const std::string name = path.filename().empty() ? path.string() : path.filename().string();
    // What the path is, before opening it: opening a device may have effects of its own.
    struct stat before
    {
    };
    if (::stat(path.c_str(), &before) != 0)
        throw FileProblem(Reason::CannotRead, name);
    refuseUnlessRegular(before, name);
    struct statfs system
    {
    };
    if (::statfs(path.c_str(), &system) == 0 && isPseudoFileSystem(system.f_type))
        throw FileProblem(Reason::SystemFile, name);

    // Non-blocking, so that a FIFO put there meanwhile cannot hold the call; checked again on
    // the descriptor actually opened.
    Descriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (file.get() < 0)
        throw FileProblem(errno == ENXIO ? Reason::NotRegular : Reason::CannotRead, name);
    struct stat opened
    {
    };
    if (::fstat(file.get(), &opened) != 0)
        throw FileProblem(Reason::CannotRead, name);
    refuseUnlessRegular(opened, name);
    if (::fstatfs(file.get(), &system) == 0 && isPseudoFileSystem(system.f_type))
        throw FileProblem(Reason::SystemFile, name);
    return file.release();
}

LoadedFile readAttachment(const fs::path& path, std::int64_t limit)
{
    LoadedFile loaded;
    loaded.name = path.filename().string();
    const std::string name = loaded.name.empty() ? path.string() : loaded.name;
    if (hasUnsafeNameCharacters(name))
        throw FileProblem(Reason::UnsafeName, name);

    Descriptor file(openRegularFileForReading(path));
    struct stat opened
    {
    };
    if (::fstat(file.get(), &opened) != 0)
        throw FileProblem(Reason::CannotRead, name);
    if (opened.st_size > limit)
        throw FileTooLarge(name, opened.st_size, limit);

    // Until the end of the file, whatever its size said: the bytes kept are the bytes read.
    // One byte past the limit is enough to know it is too large.
    const auto cap = static_cast<std::size_t>(limit) + 1;
    loaded.bytes.reserve(std::min(static_cast<std::size_t>(opened.st_size) + 1, cap));
    std::array<std::uint8_t, 65536> buffer;
    while (loaded.bytes.size() < cap)
    {
        const std::size_t wanted = std::min(buffer.size(), cap - loaded.bytes.size());
        const ssize_t got = ::read(file.get(), buffer.data(), wanted);
        if (got < 0)
        {
            if (errno == EINTR)
                continue;
            throw FileProblem(Reason::CannotRead, name);
        }
        if (got == 0)
            break;
        loaded.bytes.insert(loaded.bytes.end(), buffer.begin(), buffer.begin() + got);
    }
    if (loaded.bytes.size() > static_cast<std::size_t>(limit))
        throw FileTooLarge(
            name,
            std::max<std::int64_t>(opened.st_size, static_cast<std::int64_t>(loaded.bytes.size())),
            limit);
    return loaded;
}

// ---------------------------------------------------------------------------- writing

bool isRegisterFile(const fs::path& target, const fs::path& database)
{
    if (database.empty())
        return false;
    std::error_code error;
    const fs::path resolvedTarget = resolved(target, error);
    if (error)
        return false;
    fs::path resolvedDatabase = resolved(database, error);
    if (error)
        resolvedDatabase = fs::absolute(database, error).lexically_normal();
    if (resolvedTarget == resolvedDatabase)
        return true;
    const std::string databaseName = resolvedDatabase.filename().string();
    if (resolvedTarget.parent_path() == resolvedDatabase.parent_path() &&
        resolvedTarget.filename().string().rfind(databaseName, 0) == 0)
        return true;
    struct stat info
    {
    };
    if (::stat(resolvedTarget.c_str(), &info) != 0)
        return false;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (sameFile(info, fs::path(resolvedDatabase.string() + suffix)))
            return true;
    return false;
}

void writeFileCopy(const fs::path& target, std::span<const std::uint8_t> bytes,
                   const fs::path& database)
{
    const std::string name = target.filename().string();
    if (name.empty())
        throw FileProblem(Reason::CannotWrite, target.string());
    std::error_code error;
    // A link is followed: its file is replaced, the link stays.
    const fs::path destination = resolved(target, error);
    if (error || destination.filename().empty())
        throw FileProblem(Reason::CannotWrite, name);
    if (isRegisterFile(destination, database))
        throw FileProblem(Reason::RegisterFile, name);

    struct stat old
    {
    };
    const bool exists = ::stat(destination.c_str(), &old) == 0;
    if (!exists && errno != ENOENT)
        throw FileProblem(Reason::CannotWrite, name);
    if (exists)
        refuseUnlessRegular(old, name);

    const fs::path folder = destination.parent_path();
    fs::path temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt)
    {
        temporary = folder / (".clientes-" + randomHex(12) + ".tmp");
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0 && errno != EEXIST)
            throw FileProblem(writeFailure(errno), name);
    }
    if (fd < 0)
        throw FileProblem(Reason::CannotWrite, name);
    Descriptor file(fd);
    const auto fail = [&](int failure)
    {
        if (file.get() >= 0)
            file.close();
        ::unlink(temporary.c_str());
        throw FileProblem(writeFailure(failure), name);
    };

    if (const int failure = writeAll(file.get(), bytes))
        fail(failure);
    if (exists)
    {
        // The old file's owner (when allowed) and permissions; chown first, it clears set-id.
        [[maybe_unused]] const int ignored = ::fchown(file.get(), old.st_uid, old.st_gid);
        ::fchmod(file.get(), old.st_mode & 07777);
    }
    else
        ::fchmod(file.get(), newFileMode());
    if (::fsync(file.get()) != 0)
        fail(errno);
    if (!file.close())
        fail(errno);
    if (::rename(temporary.c_str(), destination.c_str()) != 0)
        fail(errno);
    // The rename itself on disk (best effort: some filesystems refuse fsync on a folder).
    Descriptor directory(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() >= 0)
        ::fsync(directory.get());
}

// ---------------------------------------------------------------------------- opening

fs::path openCopiesFolder(const fs::path& tempDir)
{
    return tempDir / ("clientes-open-" + std::to_string(::getuid()));
}

fs::path writeOpenCopy(const fs::path& tempDir, std::string_view name,
                       std::span<const std::uint8_t> bytes)
{
    const std::string shown(name);
    const fs::path folder = ensureOpenCopiesFolder(tempDir, shown);
    std::string pattern = (folder / "XXXXXX").string();
    if (!::mkdtemp(pattern.data())) // 0700
        throw FileProblem(writeFailure(errno), shown);
    const fs::path own(pattern);
    const fs::path copy = own / copyName(name);
    Descriptor file(
        ::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    int failure = file.get() < 0 ? errno : writeAll(file.get(), bytes);
    // Read-only: an application that opens it says so, and edits are not lost in /tmp unnoticed.
    if (failure == 0 && ::fchmod(file.get(), 0400) != 0)
        failure = errno;
    if (failure == 0 && !file.close())
        failure = errno;
    if (failure != 0)
    {
        std::error_code ignored;
        fs::remove_all(own, ignored);
        throw FileProblem(writeFailure(failure), shown);
    }
    return copy;
}

std::size_t removeOldOpenCopies(const fs::path& tempDir, std::chrono::seconds olderThan)
{
    const fs::path folder = openCopiesFolder(tempDir);
    if (!ourFolder(folder))
        return 0;
    const auto now = std::chrono::system_clock::now();
    std::size_t removed = 0;
    std::error_code error;
    for (fs::directory_iterator entry(folder, error), end; !error && entry != end;
         entry.increment(error))
    {
        struct stat info
        {
        };
        if (::lstat(entry->path().c_str(), &info) != 0)
            continue;
        const auto changed = std::chrono::system_clock::from_time_t(info.st_mtim.tv_sec);
        if (now - changed <= olderThan)
            continue;
        std::error_code ignored;
        if (fs::remove_all(entry->path(), ignored) > 0)
            ++removed;
    }
    return removed;
}

void removeOpenCopies(const fs::path& tempDir, const std::vector<fs::path>& copies)
{
    const fs::path folder = openCopiesFolder(tempDir);
    for (const fs::path& copy : copies)
    {
        std::error_code ignored;
        // Only what writeOpenCopy made: <folder>/<random>/<name>.
        if (copy.parent_path().parent_path() == folder)
            fs::remove_all(copy.parent_path(), ignored);
    }
}

bool mayRunCode(std::string_view name, std::span<const std::uint8_t> bytes)
{
    static constexpr std::string_view kExtensions[] = {
        // launchers and packages
        "desktop", "appimage", "flatpakref", "flatpakrepo", "snap", "deb", "rpm", "apk", "run",
        "bin", "elf", "out", "so", "jar", "jnlp", "class", "pkg", "dmg", "app", "action",
        "workflow", "command", "tool", "url", "webloc", "lnk", "scf", "inf", "reg",
        // shell, Python, Perl, Ruby, PHP and other scripts
        "sh", "bash", "zsh", "ksh", "csh", "tcsh", "fish", "py", "pyw", "pyc", "pyz", "pl", "pm",
        "rb", "php", "phar", "lua", "tcl", "awk", "ps1", "psm1", "psd1",
        // Windows programs and scripts (Wine runs them)
        "exe", "com", "bat", "cmd", "msi", "msp", "scr", "pif", "cpl", "dll", "vbs", "vbe", "js",
        "jse", "wsf", "wsh", "hta", "gadget", "msc", "appref-ms", "application"};
    // The extension as a launcher sees it: trailing dots and spaces do not count.
    std::string_view trimmed = name;
    while (!trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == ' '))
        trimmed.remove_suffix(1);
    if (const auto dot = trimmed.rfind('.'); dot != std::string_view::npos)
    {
        const std::string extension = lowerAscii(trimmed.substr(dot + 1));
        for (std::string_view risky : kExtensions)
            if (extension == risky)
                return true;
    }
    if (startsWith(bytes, "#!") ||
        startsWith(bytes, "\x7F"
                          "ELF") ||
        startsWith(bytes, "MZ") || startsWith(bytes, "\xFE\xED\xFA\xCE") ||
        startsWith(bytes, "\xFE\xED\xFA\xCF") || startsWith(bytes, "\xCE\xFA\xED\xFE") ||
        startsWith(bytes, "\xCF\xFA\xED\xFE") || startsWith(bytes, "\xCA\xFE\xBA\xBE"))
        return true;
    return isDesktopEntry(bytes);
}
} // namespace clientes
