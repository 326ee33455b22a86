#include "core/store/sqlite/register_file.hpp"
#include "core/rules/dates.hpp"

#include "core/files/safe_files.hpp"
#include "core/store/sqlite/store_internal.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace clientes::sqlite
{

namespace fs = std::filesystem;

namespace
{

[[noreturn]] void fileFailure(const fs::path& file, int error, std::string_view what)
{
    const bool denied = error == EACCES || error == EPERM || error == EROFS;
    throw StoreError(denied ? StoreError::Kind::PermissionDenied : StoreError::Kind::Io,
                     file.string(),
                     std::string(what) + ": " + std::generic_category().message(error));
}

// The path with symbolic links and ".." resolved as far as it exists.
fs::path resolved(const fs::path& path)
{
    std::error_code ignored;
    fs::path full = fs::weakly_canonical(fs::absolute(path, ignored), ignored);
    return full.empty() ? path.lexically_normal() : full;
}

// Copies a regular file (safe_files' rules: never a FIFO, device or pseudo-file) into `to`.
void copyRegularFile(const fs::path& from, const fs::path& to)
{
    const int in = openRegularFileForReading(from);
    const int out = ::open(to.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    int error = out < 0 ? errno : 0;
    std::vector<char> buffer(1 << 20);
    while (error == 0)
    {
        const ssize_t got = ::read(in, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
        {
            error = errno;
            break;
        }
        if (got == 0)
            break;
        for (ssize_t done = 0; done < got && error == 0;)
        {
            const ssize_t put =
                ::write(out, buffer.data() + done, static_cast<std::size_t>(got - done));
            if (put < 0 && errno != EINTR)
                error = errno;
            else if (put > 0)
                done += put;
        }
    }
    ::close(in);
    if (out >= 0 && ::close(out) != 0 && error == 0)
        error = errno;
    if (error != 0)
        fileFailure(to, error, "cannot write the copy");
}

} // namespace

RegisterCopyInfo inspectRegisterCopy(const fs::path& copy)
{
    std::error_code error;
    const fs::file_status status = fs::status(copy, error);
    if (error || !fs::is_regular_file(status))
        throw StoreError(StoreError::Kind::CannotOpen, copy.string(), "not a file");
    if (::access(copy.c_str(), R_OK) != 0)
        fileFailure(copy, errno, "cannot read the file");
    // A regular file, not a pseudo-file that reads as empty (throws FileProblem otherwise).
    ::close(openRegularFileForReading(copy));
    RegisterCopyInfo info;
    info.bytes = fs::file_size(copy, error);
    sql::Database db(copy.string(), sql::Database::Mode::ReadOnlyCopy);
    checkHeader(db);
    {
        auto check = db.query("PRAGMA integrity_check(1)");
        if (!check->step() || check->textView(0) != "ok")
            throw StoreError(StoreError::Kind::NotADatabase, copy.string(),
                             "integrity check failed");
    }
    info.schemaVersion = db.scalar("PRAGMA user_version");
    if (info.schemaVersion > 0)
        info.clients = db.scalar("SELECT count(*) FROM clients");
    return info;
}

RestoreResult restoreRegisterFrom(const fs::path& registerFile, const fs::path& copy)
{
    const fs::path own = resolved(registerFile);
    const fs::path source = resolved(copy);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (source == fs::path(own.string() + suffix))
            throw RegisterFileRefused(copy);

    RestoreResult result;
    // What is checked is the copy's bytes written beside the register, read once from a
    // regular file: a pseudo-file or a file changing meanwhile cannot pass one check and put
    // other bytes in place.
    const fs::path temporary = detail::createTemporaryBeside(registerFile);
    try
    {
        copyRegularFile(copy, temporary);
        detail::syncFile(temporary);
        try
        {
            result.restored = inspectRegisterCopy(temporary);
        }
        catch (const StoreError& error)
        {
            throw StoreError(error.kind, copy.string(), error.what());
        }
        if (result.restored.schemaVersion == 0) // an empty file: no register at all
            throw StoreError(StoreError::Kind::NotADatabase, copy.string(), "empty file");
    }
    catch (...)
    {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw;
    }

    std::error_code error;
    if (fs::exists(registerFile, error))
    {
        result.keptAside = fs::path(registerFile.string() + ".before-restore-" + utcFileStamp());
        fs::rename(registerFile, result.keptAside, error);
        if (error)
        {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            fileFailure(registerFile, error.value(), "cannot keep the current register aside");
        }
        // A log left by a crash belongs to the file kept aside; shared memory is rebuilt.
        for (const char* suffix : {"-wal", "-journal"})
        {
            const fs::path companion(registerFile.string() + suffix);
            if (fs::exists(companion, error))
                fs::rename(companion, fs::path(result.keptAside.string() + suffix), error);
        }
        fs::remove(fs::path(registerFile.string() + "-shm"), error);
    }
    fs::rename(temporary, registerFile, error);
    if (error)
    {
        // Put the register back where it was.
        std::error_code ignored;
        if (!result.keptAside.empty())
            fs::rename(result.keptAside, registerFile, ignored);
        fs::remove(temporary, ignored);
        fileFailure(registerFile, error.value(), "cannot put the copy in place");
    }
    detail::syncFolderOf(registerFile);
    return result;
}

namespace detail
{

fs::path createTemporaryBeside(const fs::path& target)
{
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string pattern = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0)
        fileFailure(folder, errno, "cannot create a temporary file");
    ::fchmod(fd, 0600);
    ::close(fd);
    return fs::path(pattern);
}

void syncFile(const fs::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fileFailure(file, errno, "cannot sync");
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (synced != 0)
        fileFailure(file, error, "cannot sync");
}

void syncFolderOf(const fs::path& file)
{
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return; // some file systems do not open folders; the rename stands all the same
    ::fsync(fd);
    ::close(fd);
}

} // namespace detail

} // namespace clientes::sqlite
