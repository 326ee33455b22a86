// The short description of a client shown under the deck's list.
#pragma once

#include "core/client.hpp"
#include "core/language.hpp"

#include <string>

namespace clientes
{
// Several lines: the legal name, code and trade name, tax ID, address, and the contact data
// that is present. Empty fields leave no empty labels behind.
std::string formatClientCard(const Client& client, Language language);

// "Calle Mayor 1, 28001 Madrid, Madrid, ES": the parts present, in postal order.
std::string formatAddress(const Client& client);
} // namespace clientes
