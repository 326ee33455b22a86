// The short description of a client shown under the deck's list.
#pragma once

#include "core/model/client.hpp"
#include "core/model/profile_summary.hpp"
#include "core/text/locale.hpp"
#include "core/text/texts.hpp"

#include <string>

namespace clientes
{
// Several lines: the legal name, code and trade name, tax ID, address, and the contact data
// that is present. Empty fields leave no empty labels behind.
std::string formatClientCard(const Client& client, Language language);

// The deck's card: the legal name, code and trade name, then the profile's key figures when
// there is anything to say ("Facturas: 3 vencidas (1.250,00 EUR) · Tareas: …", profile_text's
// keyFiguresLine), then tax ID, address, e-mail and phone, website — compact, one line each,
// so that it fits the deck's narrow detail area.
std::string formatClientCard(const Client& client, const ProfileSummary& summary,
                             const Locale& locale);

// Every field of the client for the profile's "Datos de contacto" tab: one "Label: value" line
// per field that has a value (kind, tags, payment terms and currency included), then the notes.
std::string formatClientDetails(const Client& client, Language language);

// "Calle Mayor 1, 28001 Madrid, ES": the parts present, in postal order; the region only when
// it is not the city's name too ("Zaragoza, Zaragoza").
std::string formatAddress(const Client& client);
} // namespace clientes
