// Files in and out of the register through the office: file URLs (or absolute system paths)
// turned into paths for core/safe_files, which reads, writes and makes temporary copies safely.
#pragma once

#include "core/files/safe_files.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clientes::uno::profile_files
{
using Context = css::uno::Reference<css::uno::XComponentContext>;

// The file URL for a URL or an absolute system path; FileProblem(NotAFileUrl) otherwise.
::rtl::OUString fileUrl(const ::rtl::OUString& urlOrPath);

// The file's name: the URL's last segment, percent-decoded ("contrato%202024.pdf" →
// "contrato 2024.pdf").
std::string fileNameOf(const ::rtl::OUString& url);

// Reads a file to attach (regular files only, never blocking). Throws FileProblem, or
// FileTooLarge (core) when it has more than `limit` bytes.
LoadedFile readFile(const ::rtl::OUString& urlOrPath, std::int64_t limit);

// Creates or replaces the file atomically; never one of the register's own files. Throws
// FileProblem; then the old file is untouched.
void writeFile(const Context& context, const ::rtl::OUString& urlOrPath,
               std::span<const std::uint8_t> bytes);

// Writes the bytes to <temp dir>/clientes-open-<uid>/<random>/<name> and returns its URL. The
// copy is removed when the office terminates, or at the next start.
::rtl::OUString writeTemporaryCopy(const Context& context, const std::string& name,
                                   std::span<const std::uint8_t> bytes);

// The first time in a process: removes the copies earlier sessions left (older than a few
// minutes: younger ones may be another office's). Never throws.
void cleanTemporaryCopiesOnce();
} // namespace clientes::uno::profile_files
