// Turns the core's failures into the UNO exceptions a macro or the UI can show.
#pragma once

#include "core/client_store.hpp"
#include "core/language.hpp"
#include "core/messages.hpp"
#include "core/validation.hpp"
#include "uno_text.hxx"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

#include <string>
#include <utility>

namespace clientes::uno
{
// "legalName: El nombre legal es obligatorio.; email: …" — API field names, localized reasons.
std::string describeIssues(const ValidationError& error, Language language);

template <typename Body> decltype(auto) translateStoreFailures(Language language, Body&& body)
{
    try
    {
        return std::forward<Body>(body)();
    }
    catch (const ValidationError& error)
    {
        throw css::lang::IllegalArgumentException(fromUtf8(describeIssues(error, language)),
                                                  nullptr, 0);
    }
    catch (const NotFound& error)
    {
        throw css::container::NoSuchElementException(fromUtf8(error.what()), nullptr);
    }
    catch (const StoreError& error)
    {
        throw css::uno::RuntimeException(fromUtf8(describe(error, language)));
    }
}
} // namespace clientes::uno
