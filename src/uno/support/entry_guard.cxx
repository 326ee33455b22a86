#include "support/entry_guard.hxx"

#include "support/uno_text.hxx"

#include <cstdio>
#include <string>

namespace clientes::uno
{
css::uno::RuntimeException toRuntimeException(std::string_view where, const char* what)
{
    std::string message = "Clientes (";
    message.append(where);
    message.append("): ");
    message.append(what ? what : "");
    return css::uno::RuntimeException(fromUtf8(message));
}

void logFailure(std::string_view where, const char* what) noexcept
{
    std::fprintf(stderr, "Clientes: %.*s failed: %s\n", static_cast<int>(where.size()),
                 where.data(), what ? what : "");
}
} // namespace clientes::uno
