#include "support/office_locale.hxx"

#include "support/entry_guard.hxx"
#include "support/office_settings.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/i18n/LocaleData2.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/NumberFormatsSupplier.hpp>
#include <com/sun/star/util/NumberFormatter.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>

#include <chrono>
#include <map>
#include <set>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno
{
namespace
{
// Currency code → the symbol written for it anywhere: the one symbol of a currency that no
// other currency of LibreOffice's locale data uses ("€", "£", "R$"; not "$"). Read once.
const std::map<std::string, std::string>&
unambiguousSymbols(const Reference<css::i18n::XLocaleData5>& data)
{
    static const std::map<std::string, std::string> symbols = [&data]
    {
        std::map<std::string, std::set<std::string>> codesOf;   // symbol → codes
        std::map<std::string, std::set<std::string>> symbolsOf; // code → symbols
        for (const css::lang::Locale& locale : data->getAllInstalledLocaleNames())
            for (const css::i18n::Currency2& currency : data->getAllCurrencies2(locale))
            {
                if (currency.LegacyOnly || currency.Symbol.isEmpty())
                    continue;
                const std::string code = toUtf8(currency.BankSymbol);
                const std::string symbol = toUtf8(currency.Symbol);
                codesOf[symbol].insert(code);
                symbolsOf[code].insert(symbol);
            }
        std::map<std::string, std::string> unique;
        for (const auto& [code, symbols] : symbolsOf)
            for (const std::string& symbol : symbols)
                if (codesOf[symbol].size() == 1 && symbol != code)
                {
                    unique.emplace(code, symbol);
                    break;
                }
        return unique;
    }();
    return symbols;
}

// Days from the formatter's null date to a date, as its numbers count them.
double serialOf(const css::util::Date& nullDate, std::chrono::year_month_day day)
{
    using namespace std::chrono;
    const sys_days from{year{nullDate.Year} / month{static_cast<unsigned>(nullDate.Month)} /
                        std::chrono::day{static_cast<unsigned>(nullDate.Day)}};
    return static_cast<double>((sys_days{day} - from).count());
}

void readFigures(const Reference<XComponentContext>& context, const std::string& tag,
                 Locale& locale)
{
    const css::lang::Locale where = unoLocale(tag);
    const Reference<css::i18n::XLocaleData5> data = css::i18n::LocaleData2::create(context);
    const css::i18n::LocaleDataItem2 item = data->getLocaleItem2(where);
    if (!item.decimalSeparator.isEmpty() && !item.thousandSeparator.isEmpty())
    {
        locale.decimalSeparator = toUtf8(item.decimalSeparator);
        locale.thousandSeparator = toUtf8(item.thousandSeparator);
    }
    if (!item.timeSeparator.isEmpty())
        locale.timeSeparator = toUtf8(item.timeSeparator);

    // The office formats a currency amount and two dates for this locale; the core learns the
    // layout and the date order from them.
    const Reference<css::util::XNumberFormatsSupplier> supplier =
        css::util::NumberFormatsSupplier::createWithLocale(context, where);
    const Reference<css::util::XNumberFormatTypes> types(supplier->getNumberFormats(),
                                                         UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> currencyFormat =
        supplier->getNumberFormats()->getByKey(
            types->getStandardFormat(css::util::NumberFormat::CURRENCY, where));
    OUString code, symbol, abbreviation;
    currencyFormat->getPropertyValue(ascii("FormatString")) >>= code;
    currencyFormat->getPropertyValue(ascii("CurrencySymbol")) >>= symbol;
    currencyFormat->getPropertyValue(ascii("CurrencyAbbreviation")) >>= abbreviation;
    if (const auto layout = currencyLayoutOf(toUtf8(code)))
        locale.currency = *layout;

    std::map<std::string, std::string> symbols = unambiguousSymbols(data);
    for (const css::i18n::Currency2& own : data->getAllCurrencies2(where))
        if (!own.LegacyOnly && !own.Symbol.isEmpty())
            symbols[toUtf8(own.BankSymbol)] = toUtf8(own.Symbol);
    if (!symbol.isEmpty() && !abbreviation.isEmpty())
        symbols[toUtf8(abbreviation)] = toUtf8(symbol);
    locale.currencySymbols.assign(symbols.begin(), symbols.end());

    const Reference<css::util::XNumberFormatter2> formatter =
        css::util::NumberFormatter::create(context);
    formatter->attachNumberFormatsSupplier(supplier);
    css::util::Date nullDate(30, 12, 1899);
    supplier->getNumberFormatSettings()->getPropertyValue(ascii("NullDate")) >>= nullDate;
    const sal_Int32 dateFormat =
        types->getFormatIndex(css::i18n::NumberFormatIndex::DATE_SYS_DDMMYYYY, where);
    using namespace std::chrono;
    const std::string late = toUtf8(
        formatter->convertNumberToString(dateFormat, serialOf(nullDate, 2033y / November / 22)));
    const std::string early = toUtf8(
        formatter->convertNumberToString(dateFormat, serialOf(nullDate, 2001y / February / 3)));
    if (const auto pattern = datePatternOf(late, early))
        locale.datePattern = *pattern;
}
} // namespace

css::lang::Locale unoLocale(const std::string& tag)
{
    const OUString text = fromUtf8(tag);
    const sal_Int32 dash = text.indexOf('-');
    if (text.isEmpty())
        return css::lang::Locale(ascii("en"), ascii("US"), OUString());
    if (dash < 0)
        return css::lang::Locale(text, OUString(), OUString());
    if (text.indexOf('-', dash + 1) < 0)
        return css::lang::Locale(text.copy(0, dash), text.copy(dash + 1), OUString());
    return css::lang::Locale(ascii("qlt"), OUString(), text); // a longer BCP 47 tag
}

Locale officeLocale(const Reference<XComponentContext>& context)
{
    Locale locale(uiLanguage(context));
    const std::string tag = officeLocaleTag(context);
    Locale read = locale;
    if (guardedNoThrow("reading the office locale's formats",
                       [&]
                       {
                           read.tag = tag;
                           readFigures(context, tag, read);
                       }))
        return read;
    return locale;
}
} // namespace clientes::uno
