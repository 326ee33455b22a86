// The exception wall every UNO entry point stands behind.
//
// The office catches UNO exceptions only: a std::exception escaping into it ends in
// std::terminate and takes the user's unsaved work with it. Calls that may report an error
// to their caller go through guarded(); calls whose caller cannot take any exception (AWT
// listeners, layout, sidebar size queries) go through guardedNoThrow().
#pragma once

#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

#include <exception>
#include <string_view>
#include <utility>

namespace clientes::uno
{
// Builds the RuntimeException that stands for a C++ failure inside `where`.
css::uno::RuntimeException toRuntimeException(std::string_view where, const char* what);

// Writes a failure that could not be reported to anyone to the office's stderr.
void logFailure(std::string_view where, const char* what) noexcept;

template <typename Body> decltype(auto) guarded(std::string_view where, Body&& body)
{
    try
    {
        return std::forward<Body>(body)();
    }
    catch (const css::uno::Exception&)
    {
        throw;
    }
    catch (const std::exception& e)
    {
        throw toRuntimeException(where, e.what());
    }
    catch (...)
    {
        throw toRuntimeException(where, "unknown error");
    }
}

// Returns false when the body failed; the failure has been logged.
template <typename Body> bool guardedNoThrow(std::string_view where, Body&& body) noexcept
{
    try
    {
        std::forward<Body>(body)();
        return true;
    }
    catch (const css::uno::Exception& e)
    {
        const ::rtl::OString message = ::rtl::OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8);
        logFailure(where, message.getStr());
    }
    catch (const std::exception& e)
    {
        logFailure(where, e.what());
    }
    catch (...)
    {
        logFailure(where, "unknown error");
    }
    return false;
}
} // namespace clientes::uno
