// The office's locale (Tools ▸ Options ▸ Language Settings ▸ Languages ▸ Locale setting): its tag,
// and how it writes numbers, dates and amounts, read from LibreOffice's own locale data into
// the core's Locale (core/text/locale.hpp).
#pragma once

#include "core/text/locale.hpp"

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace clientes::uno
{
// A BCP 47 tag as a UNO locale ("es-MX" → es, MX; a longer tag as LibreOffice writes it).
css::lang::Locale unoLocale(const std::string& tag);

// The UI language's words with the office locale's figures: separators (LocaleData2), the
// currency's place and the date order (the office's number formatter: its standard currency
// format and the DD/MM/YYYY-class date format), the symbols of currencies (the locale's own,
// and any other currency's when its symbol is its alone: € and £, not $). When the data cannot
// be read: Locale(uiLanguage), the language's own conventions.
Locale officeLocale(const css::uno::Reference<css::uno::XComponentContext>& context);
} // namespace clientes::uno
