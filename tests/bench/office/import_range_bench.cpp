// Bounded imports, measured in a real office (not a test; prints figures from one run): a sheet
// of N clients × 11 columns (default 100,000; the 11th a website column where one row in a
// hundred holds a hyperlink) imported through org.clientes.ClientDirectory from the exact range,
// from whole columns (A1:K1048576) and from the whole sheet (A1:AMJ1048576). For each: dry run
// and commit (+ undo) times, their ratio to the exact range, and the growth of the office's
// resident size (VmRSS) and of its peak (VmHWM, reset before each range). Then the website
// column's cost: the dry run with it mapped (hyperlinks read) and with it ignored.
// Usage: import_range_bench [rows]
#include "bench_support.hpp"
#include "office.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace
{
using namespace clientes::bench;
using clientes::testing::Office;

struct Figures
{
    double dry = 0, commit = 0, rssGrowth = 0, peakGrowth = 0;
    long created = 0;
};
} // namespace

int main(int argc, char** argv)
try
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    Office office;
    const pid_t process = officeProcess(office.pid());
    const Reference<org::clientes::XClientDirectory> directory(
        office.create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    const Reference<css::sheet::XSpreadsheetDocument> document(
        css::frame::Desktop::create(office.context())
            ->loadComponentFromURL(u("private:factory/scalc"), u("_blank"), 0, {}),
        UNO_QUERY_THROW);
    const Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(document->getSheets(), UNO_QUERY_THROW)
            ->getByIndex(0),
        UNO_QUERY_THROW);
    {
        const auto start = Clock::now();
        Reference<css::sheet::XCellRangeData>(sheet->getCellRangeByPosition(0, 0, 10, rows),
                                              UNO_QUERY_THROW)
            ->setDataArray(clientSheet(rows, true));
        // Every hundredth website is a hyperlink: "Nuestra web" → https://www.clienteN.es.
        const Reference<css::lang::XMultiServiceFactory> factory(document, UNO_QUERY_THROW);
        for (int r = 0; r < rows; r += 100)
        {
            const Reference<css::text::XTextContent> link(
                factory->createInstance(u("com.sun.star.text.TextField.URL")), UNO_QUERY_THROW);
            const Reference<css::beans::XPropertySet> properties(link, UNO_QUERY_THROW);
            properties->setPropertyValue(u("URL"),
                                         Any(u("https://www.cliente" + std::to_string(r) + ".es")));
            properties->setPropertyValue(u("Representation"), Any(u("Nuestra web")));
            const Reference<css::text::XText> text(sheet->getCellByPosition(10, r + 1),
                                                   UNO_QUERY_THROW);
            text->insertTextContent(
                Reference<css::text::XTextRange>(text->createTextCursor(), UNO_QUERY_THROW), link,
                false);
        }
        std::printf("setup: %d clients x 11 columns (%d hyperlinks) written over the bridge in "
                    "%.0f ms\n",
                    rows, (rows + 99) / 100, millisSince(start));
    }
    directory->countClients(); // opens the register

    const std::vector<std::pair<std::string, Reference<css::table::XCellRange>>> ranges = {
        {"exact range A1:K" + std::to_string(rows + 1),
         sheet->getCellRangeByPosition(0, 0, 10, rows)},
        {"whole columns A1:K1048576", sheet->getCellRangeByPosition(0, 0, 10, 1048575)},
        {"whole sheet A1:AMJ1048576", sheet->getCellRangeByPosition(0, 0, 1023, 1048575)}};
    // Memory: one dry run, commit and undo per range, the peak reset before each.
    std::vector<Figures> figures(ranges.size());
    for (std::size_t i = 0; i < ranges.size(); ++i)
    {
        resetPeak(process);
        const double before = residentMb(process);
        const auto checked =
            directory->importClients(ranges[i].second, options({{"DryRun", Any(true)}}));
        figures[i].created = resultCount(checked, "Created");
        if (resultCount(checked, "Errors") != 0)
            std::printf("unexpected errors in the sheet\n");
        directory->importClients(ranges[i].second, {});
        directory->undoLastImport();
        figures[i].rssGrowth = residentMb(process) - before;
        figures[i].peakGrowth = residentMb(process, "VmHWM") - before;
    }
    // Times: five rounds, each range in turn (the machine's other load spreads over all).
    std::vector<std::vector<double>> dry(ranges.size());
    std::vector<std::vector<double>> commits(ranges.size());
    for (int round = 0; round < 5; ++round)
        for (std::size_t i = 0; i < ranges.size(); ++i)
        {
            auto start = Clock::now();
            directory->importClients(ranges[i].second, options({{"DryRun", Any(true)}}));
            dry[i].push_back(millisSince(start));
            start = Clock::now();
            directory->importClients(ranges[i].second, {});
            commits[i].push_back(millisSince(start));
            directory->undoLastImport();
        }
    for (std::size_t i = 0; i < ranges.size(); ++i)
    {
        Figures& f = figures[i];
        f.dry = median(dry[i]);
        f.commit = median(commits[i]);
        std::printf("%-28s dry run median %6.0f ms, commit median %6.0f ms (%ld rows); office "
                    "resident %+5.0f MB, peak %+5.0f MB\n",
                    ranges[i].first.c_str(), f.dry, f.commit, f.created, f.rssGrowth, f.peakGrowth);
    }
    for (std::size_t i = 1; i < figures.size(); ++i)
        std::printf("%s / exact range: dry run x%.2f, commit x%.2f\n", ranges[i].first.c_str(),
                    figures[i].dry / figures[0].dry, figures[i].commit / figures[0].commit);

    // The website column's cost: mapped (hyperlinks read) or ignored, and the same rows on a
    // sheet without hyperlinks.
    const auto exact = ranges[0].second;
    const Reference<css::sheet::XSpreadsheet> plain = [&]
    {
        const auto sheets = document->getSheets();
        sheets->insertNewByName(u("Plain"), 1);
        return Reference<css::sheet::XSpreadsheet>(sheets->getByName(u("Plain")), UNO_QUERY_THROW);
    }();
    const auto plainRange = plain->getCellRangeByPosition(0, 0, 10, rows);
    Reference<css::sheet::XCellRangeData>(plainRange, UNO_QUERY_THROW)
        ->setDataArray(clientSheet(rows, true));
    const auto mapping = [](bool website)
    {
        Sequence<OUString> names(11);
        const char* fields[] = {"legalName", "taxId", "country", "street", "postalCode", "city",
                                "region",    "email", "phone",   "notes",  "website"};
        for (int c = 0; c < 11; ++c)
            names.getArray()[c] = OUString::createFromAscii(c == 10 && !website ? "" : fields[c]);
        return Any(names);
    };
    std::vector<double> with;
    std::vector<double> without;
    std::vector<double> noLinks;
    for (int run = 0; run < 5; ++run)
    {
        auto start = Clock::now();
        directory->importClients(exact,
                                 options({{"DryRun", Any(true)}, {"Mapping", mapping(true)}}));
        with.push_back(millisSince(start));
        start = Clock::now();
        directory->importClients(exact,
                                 options({{"DryRun", Any(true)}, {"Mapping", mapping(false)}}));
        without.push_back(millisSince(start));
        start = Clock::now();
        directory->importClients(plainRange,
                                 options({{"DryRun", Any(true)}, {"Mapping", mapping(true)}}));
        noLinks.push_back(millisSince(start));
    }
    std::printf("website column (%d rows, %d hyperlinks): dry run with it mapped median %.0f ms; "
                "ignored %.0f ms (%+.0f ms); mapped on the same rows without hyperlinks %.0f ms "
                "(hyperlinks read: %+.0f ms)\n",
                rows, (rows + 99) / 100, median(with), median(without),
                median(with) - median(without), median(noLinks), median(with) - median(noLinks));
    return 0;
}
catch (const css::uno::Exception& e)
{
    std::fprintf(stderr, "failed: %s\n",
                 rtl::OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8).getStr());
    return 1;
}
catch (const std::exception& e)
{
    std::fprintf(stderr, "failed: %s\n", e.what());
    return 1;
}
