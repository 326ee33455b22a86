// File URLs as the office gives them, and the system paths the core works with.
#pragma once

#include <rtl/ustring.hxx>

#include <filesystem>
#include <optional>

namespace clientes::uno
{
// The local path of a file:// URL or of an absolute system path; nothing for anything else
// (other URL schemes, relative paths, empty text).
std::optional<std::filesystem::path> systemPathOf(const ::rtl::OUString& urlOrPath);

// The file:// URL of a local path.
::rtl::OUString fileUrlOf(const std::filesystem::path& path);
} // namespace clientes::uno
