// Numbers, dates and amounts in the office's locale, with the locale data given as LibreOffice
// 7.4 has it (LocaleData2, the number formatter's standard currency and DATE_SYS_DDMMYYYY
// formats; integration.OfficeLocale reads the same from a real office).
#include "core/messages/client_card.hpp"
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/text/locale.hpp"

#include <gtest/gtest.h>

namespace clientes
{
namespace
{
const std::vector<std::pair<std::string, std::string>> kSymbols = {
    {"EUR", "\xE2\x82\xAC"}, {"GBP", "\xC2\xA3"}, {"BRL", "R$"}}; // €, £; "$" is many currencies'

Locale locale(Language language, std::string tag, std::string decimal, std::string thousand,
              std::string date, std::string currencyFormat, std::string own, std::string symbol)
{
    Locale l(language);
    l.tag = std::move(tag);
    l.decimalSeparator = std::move(decimal);
    l.thousandSeparator = std::move(thousand);
    l.datePattern = std::move(date);
    l.currency = currencyLayoutOf(currencyFormat).value();
    l.currencySymbols = kSymbols;
    l.currencySymbols.emplace_back(std::move(own), std::move(symbol));
    return l;
}

Locale esES()
{
    return locale(Language::Es, "es-ES", ",", ".", "DD/MM/YYYY",
                  "#.##0,00 [$\xE2\x82\xAC-C0A];[RED]-#.##0,00 [$\xE2\x82\xAC-C0A]", "EUR",
                  "\xE2\x82\xAC");
}
Locale esMX()
{
    return locale(Language::Es, "es-MX", ".", ",", "DD/MM/YYYY",
                  "[$$-80A]#,##0.00;[RED]-[$$-80A]#,##0.00", "MXN", "$");
}
Locale ptBR()
{
    return locale(Language::Pt, "pt-BR", ",", ".", "DD/MM/YYYY",
                  "[$R$-416] #.##0,00;[RED]-[$R$-416] #.##0,00", "BRL", "R$");
}
Locale enGB()
{
    return locale(Language::En, "en-GB", ".", ",", "DD/MM/YYYY",
                  "[$\xC2\xA3-809]#,##0.00;[RED]-[$\xC2\xA3-809]#,##0.00", "GBP", "\xC2\xA3");
}
Locale enUS()
{
    return locale(Language::En, "en-US", ".", ",", "M/D/YYYY",
                  "[$$-409]#,##0.00;[RED]-[$$-409]#,##0.00", "USD", "$");
}
} // namespace

TEST(LocaleFormat, AmountsInEachLocale)
{
    EXPECT_EQ(formatAmount(123456, "EUR", esES()), "1.234,56 \xE2\x82\xAC");
    EXPECT_EQ(formatAmount(123456, "MXN", esMX()), "$1,234.56");
    EXPECT_EQ(formatAmount(123456, "BRL", ptBR()), "R$ 1.234,56");
    EXPECT_EQ(formatAmount(123456, "GBP", enGB()), "\xC2\xA3"
                                                   "1,234.56");
    EXPECT_EQ(formatAmount(123456, "USD", enUS()), "$1,234.56");
    // Another currency: its symbol where the locale puts symbols, or its code apart.
    EXPECT_EQ(formatAmount(123456, "EUR", esMX()), "\xE2\x82\xAC"
                                                   "1,234.56");
    EXPECT_EQ(formatAmount(123456, "EUR", ptBR()), "\xE2\x82\xAC 1.234,56");
    EXPECT_EQ(formatAmount(123456, "USD", esMX()), "USD 1,234.56");
    EXPECT_EQ(formatAmount(123456, "USD", esES()), "1.234,56 USD");
    EXPECT_EQ(formatAmount(123456, "JPY", enGB()), "JPY 123,456"); // no decimals
    EXPECT_EQ(formatAmount(-500, "MXN", esMX()), "-$5.00");
    EXPECT_EQ(formatAmount(-500, "EUR", esES()), "-5,00 \xE2\x82\xAC");
    // Without the office's data: as earlier versions wrote it.
    EXPECT_EQ(formatAmount(123456, "EUR", Language::Es), "1.234,56 EUR");
    EXPECT_EQ(formatAmount(123456, "EUR", Language::En), "1,234.56 EUR");
}

TEST(LocaleFormat, DatesInEachLocale)
{
    EXPECT_EQ(formatDate("2026-12-04", esES()), "04/12/2026");
    EXPECT_EQ(formatDate("2026-12-04", esMX()), "04/12/2026");
    EXPECT_EQ(formatDate("2026-12-04", ptBR()), "04/12/2026");
    EXPECT_EQ(formatDate("2026-12-04", enGB()), "04/12/2026");
    EXPECT_EQ(formatDate("2026-12-04", enUS()), "12/4/2026");
    Locale german(Language::En);
    german.datePattern = "DD.MM.YYYY";
    EXPECT_EQ(formatDate("2026-03-07", german), "07.03.2026");
    EXPECT_EQ(formatDate("2026-12-04", Language::Es), "2026-12-04"); // no office data: ISO
    EXPECT_EQ(formatDate("", esES()), "");
    EXPECT_EQ(formatDate("mañana", esES()), "mañana");
    EXPECT_EQ(formatDateTime("2026-12-04 09:05", esMX()), "04/12/2026 09:05");
    EXPECT_EQ(formatDateTime("2026-12-04 09:05", enUS()), "12/4/2026 09:05");
    EXPECT_EQ(formatDateTime("not a time", enUS()), "not a time");
}

TEST(LocaleFormat, CountsAndFigures)
{
    EXPECT_EQ(clientCount(1234, esES()), "1.234 clientes");
    EXPECT_EQ(clientCount(1234, esMX()), "1,234 clientes");
    EXPECT_EQ(clientCount(1234, ptBR()), "1.234 clientes");
    EXPECT_EQ(clientCount(1, ptBR()), "1 cliente");
    Locale french(Language::En);
    french.thousandSeparator = "\xC2\xA0";
    french.decimalSeparator = ",";
    EXPECT_EQ(groupDigits(1234567, french), "1\xC2\xA0"
                                            "234\xC2\xA0"
                                            "567");
    EXPECT_EQ(formatHours(42.5, esMX()), "42.5 h");
    EXPECT_EQ(formatHours(42.5, esES()), "42,5 h");
    EXPECT_EQ(formatFileSize(100000, esMX()), "97.7 KB");
    EXPECT_EQ(formatFileSize(100000, ptBR()), "97,7 KB");
    EXPECT_EQ(partialListNote(500, 12345, esMX()), "Se muestran 500 de 12,345: afine la búsqueda.");
}

TEST(LocaleFormat, ProfileFiguresFollowTheLocaleAndWordsTheLanguage)
{
    ProfileSummary summary;
    summary.invoices.overdue = {{"MXN", 3, 125000}};
    summary.invoices.pending = {{"MXN", 1, 80000}};
    summary.tasks.overdue = 2;
    summary.tasks.upcoming = 1;
    EXPECT_EQ(keyFiguresLine(summary, esMX()),
              "Facturas: 3 vencidas ($1,250.00), 1 pendiente · Tareas: 2 vencidas, 1 próxima");
    summary.invoices.overdue = {{"BRL", 3, 125000}};
    EXPECT_EQ(keyFiguresLine(summary, ptBR()),
              "Faturas: 3 vencidas (R$ 1.250,00), 1 pendente · Tarefas: 2 vencidas, 1 próxima");
    // English words with Mexican figures: the UI language and the locale are separate settings.
    Locale mixed = esMX();
    mixed.language = Language::En;
    summary.purchaseOrders.count = 1;
    summary.purchaseOrders.totals = {{"EUR", 1, 500000}};
    EXPECT_EQ(ordersLine(summary, mixed), "Purchase orders: 1 (0 closed) · \xE2\x82\xAC"
                                          "5,000.00");
}

TEST(LocaleFormat, CurrencyLayoutFromTheOfficeFormatCode)
{
    const auto mx = currencyLayoutOf("[$$-80A]#,##0.00;[RED]-[$$-80A]#,##0.00");
    ASSERT_TRUE(mx);
    EXPECT_TRUE(mx->symbolFirst);
    EXPECT_EQ(mx->gap, "");
    EXPECT_TRUE(mx->minusBeforeSymbol);
    const auto es =
        currencyLayoutOf("#.##0,00 [$\xE2\x82\xAC-C0A];[RED]-#.##0,00 [$\xE2\x82\xAC-C0A]");
    ASSERT_TRUE(es);
    EXPECT_FALSE(es->symbolFirst);
    EXPECT_EQ(es->gap, " ");
    const auto ch = currencyLayoutOf("[$CHF-807] #'##0.00;[ROT][$CHF-807] -#'##0.00");
    ASSERT_TRUE(ch);
    EXPECT_TRUE(ch->symbolFirst);
    EXPECT_EQ(ch->gap, " ");
    EXPECT_FALSE(ch->minusBeforeSymbol); // "CHF -1'234.50"
    const auto fr = currencyLayoutOf(
        "#\xC2\xA0##0,00 [$\xE2\x82\xAC-40C];-#\xC2\xA0##0,00 [$\xE2\x82\xAC-40C]");
    ASSERT_TRUE(fr);
    EXPECT_FALSE(fr->symbolFirst);
    EXPECT_EQ(fr->gap, " ");
    EXPECT_TRUE(currencyLayoutOf("\"R$\" #,##0.00")->symbolFirst);
    EXPECT_FALSE(currencyLayoutOf("#,##0.00"));
    EXPECT_FALSE(currencyLayoutOf(""));

    Locale swiss(Language::En);
    swiss.currency = *ch;
    EXPECT_EQ(withCurrency("-1'234.50", "CHF", swiss), "CHF -1'234.50");
}

TEST(LocaleFormat, DatePatternFromTheOfficeSamples)
{
    EXPECT_EQ(datePatternOf("22/11/2033", "03/02/2001"), "DD/MM/YYYY");
    EXPECT_EQ(datePatternOf("11/22/2033", "02/03/2001"), "MM/DD/YYYY");
    EXPECT_EQ(datePatternOf("11/22/33", "2/3/01"), "M/D/YYYY");
    EXPECT_EQ(datePatternOf("22.11.2033", "03.02.2001"), "DD.MM.YYYY");
    EXPECT_EQ(datePatternOf("2033-11-22", "2001-02-03"), "YYYY-MM-DD");
    EXPECT_FALSE(datePatternOf("22 de noviembre", "3 de febrero"));
    EXPECT_FALSE(datePatternOf("22/11/2033", "03-02-2001"));
    EXPECT_FALSE(datePatternOf("", ""));
}
} // namespace clientes
