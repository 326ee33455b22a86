// Files in and out of the register, safely (POSIX):
// - a file to attach is read only when it is a regular file (symbolic links followed to one),
//   never a FIFO, socket, device, folder or a pseudo-file of /proc, /sys and the like, and
//   without ever blocking; its size and SHA-256 are those of the bytes actually read;
// - a copy is written to a temporary file beside the target and renamed into place, so that a
//   failure leaves the old file as it was; the register's own files are never a target;
// - copies to open with the desktop's application live in one folder of ours in the temporary
//   folder and are cleaned;
// - names with control or bidirectional characters are refused, and shown neutralised;
// - files that can run code are recognised before they are handed to the desktop.
#pragma once

#include "core/text/language.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clientes
{
// Largest file attachFile() keeps: 50 MB (MiB, 52,428,800 bytes).
inline constexpr std::int64_t kMaxFileBytes = 50LL * 1024 * 1024;

class FileTooLarge : public std::runtime_error
{
public:
    FileTooLarge(std::string name, std::int64_t size, std::int64_t limit);
    std::string name;
    std::int64_t size;  // bytes offered
    std::int64_t limit; // kMaxFileBytes
};

class FileProblem : public std::runtime_error
{
public:
    enum class Reason
    {
        NotAFileUrl,  // not the address of a local file (the UNO side says so)
        CannotRead,   // missing, no permission, a read error
        Folder,       // a directory
        NotRegular,   // a FIFO, a socket, a device
        SystemFile,   // a pseudo-file: /proc, /sys, debugfs…
        UnsafeName,   // control or bidirectional characters in the name
        CannotWrite,  // cannot create or replace the target
        NoSpace,      // disk full, quota, file size limit
        RegisterFile, // the register's own database, journal or back-up
    };
    // `name`: the file's name as given (describe() neutralises it).
    FileProblem(Reason reason, std::string name);
    Reason reason;
    std::string name;
};

// ---------------------------------------------------------------------------- names
// Characters a file name must not hold: C0 and C1 controls and DEL; the bidirectional
// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the deprecated format
// characters U+206A–U+206F; line and paragraph separators (U+2028, U+2029); the invisible
// U+200B and U+FEFF; the interlinear annotation characters U+FFF9–U+FFFB. (Zero-width joiner
// and non-joiner stay allowed: scripts and emoji need them.)
bool isUnsafeNameCharacter(char32_t cp);
// True when the name holds such a character or is not valid UTF-8.
bool hasUnsafeNameCharacters(std::string_view name);
// Each such character written visibly as "[U+202E]", an invalid byte as "[0xFF]":
// "invoice\u202Efdp.exe" → "invoice[U+202E]fdp.exe". Other text unchanged.
std::string neutralisedName(std::string_view name);

// ---------------------------------------------------------------------------- reading
struct LoadedFile
{
    std::string name; // the file name as given (the path's last part; a link's own name)
    std::vector<std::uint8_t> bytes;
};

// Opens a regular file for reading (a symbolic link is followed to one) and returns its
// descriptor, which the caller closes: what readAttachment refuses (FIFOs, sockets, devices,
// folders, pseudo-files of /proc or /sys, names with unsafe characters) throws FileProblem,
// without ever blocking.
int openRegularFileForReading(const std::filesystem::path& path);

// Reads a file to attach: throws FileProblem (UnsafeName, CannotRead, Folder, NotRegular,
// SystemFile) or FileTooLarge (more than `limit` bytes, by its size or by what it yields).
// Never blocks on a FIFO or a device: their kind is checked before opening, and the file is
// opened non-blocking and checked again on the opened descriptor.
LoadedFile readAttachment(const std::filesystem::path& path, std::int64_t limit);

// ---------------------------------------------------------------------------- writing
// Whether target is one of the register's files: the database itself, or any file in its
// folder whose name starts with the database file's name (its -wal, -shm and -journal, its
// back-ups "<db>.backup-…"), compared after resolving symbolic links and "..", or the same
// file as the database, its -wal, -shm or -journal (a hard link).
bool isRegisterFile(const std::filesystem::path& target, const std::filesystem::path& database);

// Creates or replaces target with bytes: writes a temporary file in the target's folder
// (created exclusively, mode 0600), fsyncs it, gives it the old file's mode (or the one a new
// file would get) and renames it over the target (the file a symbolic link points at). Throws
// FileProblem (RegisterFile, Folder, NotRegular, CannotWrite, NoSpace); then the old target is
// untouched and no temporary file is left.
void writeFileCopy(const std::filesystem::path& target, std::span<const std::uint8_t> bytes,
                   const std::filesystem::path& database);

// ---------------------------------------------------------------------------- opening
// Copies older than this are cleaned at the next start; younger ones may belong to another
// office running now.
inline constexpr std::chrono::minutes kOpenCopyGrace{5};

// "<tempDir>/clientes-open-<uid>"
std::filesystem::path openCopiesFolder(const std::filesystem::path& tempDir);

// Writes bytes to "<openCopiesFolder>/<random>/<name>" (folders 0700, the copy read-only for
// its owner) and returns the copy's path. The name is neutralised and made one path segment.
// Throws FileProblem(CannotWrite / NoSpace), also when the folder exists but is not ours.
std::filesystem::path writeOpenCopy(const std::filesystem::path& tempDir, std::string_view name,
                                    std::span<const std::uint8_t> bytes);

// Removes the copies (with their own folders) last changed more than olderThan ago; returns how
// many. Nothing happens when the folder is missing or not ours (a link, another owner).
std::size_t removeOldOpenCopies(const std::filesystem::path& tempDir,
                                std::chrono::seconds olderThan);

// Removes copies made by writeOpenCopy (each with its own folder). Never throws.
void removeOpenCopies(const std::filesystem::path& tempDir,
                      const std::vector<std::filesystem::path>& copies);

// Whether handing the file to the desktop may run code: by the name's extension (.desktop,
// scripts, .jar, .exe, .bat, .cmd, .com, .msi, .ps1, .vbs, .js, .appimage, .run, .bin, …) or by
// its first bytes ("#!", ELF, PE "MZ", Mach-O, a "[Desktop Entry]").
bool mayRunCode(std::string_view name, std::span<const std::uint8_t> bytes);
} // namespace clientes
