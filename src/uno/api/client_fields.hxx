// Clients as the NamedValue sequences of the scripting API.
#pragma once

#include "core/model/client.hpp"
#include "core/text/language.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/uno/Sequence.hxx>

namespace clientes::uno
{
css::uno::Sequence<css::beans::NamedValue> toNamedValues(const Client& client);

// Copies the given fields into client. Throws IllegalArgumentException naming the field for an
// unknown name, a value that is not text, or the read-only code changed.
void applyNamedValues(const css::uno::Sequence<css::beans::NamedValue>& fields, Client& client,
                      Language language);
} // namespace clientes::uno
