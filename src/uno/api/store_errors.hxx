// Turns the core's failures into the UNO exceptions the API declares (IDL: XClientDirectory),
// with messages for the user in the UI language.
#pragma once

#include "core/rules/validation.hpp"
#include "core/text/language.hpp"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/Sequence.hxx>

#include <string>
#include <utility>

namespace clientes::uno
{
// "legalName: El nombre legal es obligatorio.; email: …" — API field names, localized reasons.
std::string describeIssues(const ValidationError& error, Language language);

// Rethrows the exception being handled (call it inside a catch block) as the UNO exception
// the API declares for it: invalid input → IllegalArgumentException, unknown key →
// NoSuchElementException, a change someone else made first → org.clientes.ConflictException,
// a register that cannot be read or written → org.clientes.RegisterException. A UNO exception
// (from the office) keeps its type, with the office's source locations taken out of its
// message; anything else is a defect: RuntimeException with a message for the user, the
// details in the office's log.
[[noreturn]] void rethrowAsUno(Language language);

// The ConflictException for a change refused because `current` is stored now.
[[noreturn]] void throwConflict(const std::string& message,
                                const css::uno::Sequence<css::beans::NamedValue>& current);

template <typename Body> decltype(auto) translateStoreFailures(Language language, Body&& body)
{
    try
    {
        return std::forward<Body>(body)();
    }
    catch (...)
    {
        rethrowAsUno(language);
    }
}
} // namespace clientes::uno
