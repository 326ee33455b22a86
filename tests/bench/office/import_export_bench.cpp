// Import / export benchmark in a real office (not a test; prints figures measured in one run).
// A throw-away profile gets clientes.oxt and clientes-bench.oxt; a Calc sheet of N clients ×
// 10 columns (default 100,000) is imported through org.clientes.ClientDirectory: dry run,
// commit, undo, then export to a sheet, compared with a bare in-process setDataArray of the
// same cells (org.clientes.bench.SheetBench). The office's resident size is read from /proc
// before and after the import. Also the deck's search per keystroke with N clients.
// With --team the office's register is on a PostgreSQL server of the benchmark's own
// (tests/server/pg_server.hpp, loopback): the same figures for team mode.
// Usage: import_export_bench [rows] [--team]
#include "bench_support.hpp"
#include "calc_document.hpp"
#include "office.hpp"
#include "pg_server.hpp"

#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
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
} // namespace

int main(int argc, char** argv)
try
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    int rows = 100000;
    bool team = false;
    for (int i = 1; i < argc; ++i)
    {
        if (std::string(argv[i]) == "--team")
            team = true;
        else
            rows = std::atoi(argv[i]);
    }
    clientes::testing::OfficeOptions officeOptions;
    officeOptions.extraExtensions = {CLIENTES_BENCH_OXT};
    std::unique_ptr<clientes::testing::PgServer> server;
    if (team)
    {
        server = std::make_unique<clientes::testing::PgServer>();
        officeOptions.server = server->conninfo();
        std::printf("team mode: the register on a PostgreSQL server on 127.0.0.1:%d\n",
                    server->port());
    }
    Office office(officeOptions);
    const pid_t process = officeProcess(office.pid());
    const Reference<org::clientes::XClientDirectory> directory(
        office.create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    const Reference<css::task::XJob> sheetBench(office.create("org.clientes.bench.SheetBench"),
                                                UNO_QUERY_THROW);

    // The source sheet (setting it up is not measured).
    const Reference<css::sheet::XSpreadsheetDocument> document(
        css::frame::Desktop::create(office.context())
            ->loadComponentFromURL(u("private:factory/scalc"), u("_blank"), 0, {}),
        UNO_QUERY_THROW);
    const Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(document->getSheets(), UNO_QUERY_THROW)
            ->getByIndex(0),
        UNO_QUERY_THROW);
    const Reference<css::table::XCellRange> source = sheet->getCellRangeByPosition(0, 0, 9, rows);
    {
        auto start = Clock::now();
        Reference<css::sheet::XCellRangeData>(source, UNO_QUERY_THROW)
            ->setDataArray(clientSheet(rows));
        std::printf("setup: %d clients x 10 columns written over the bridge in %.0f ms\n", rows,
                    millisSince(start));
    }
    directory->countClients(); // opens the register
    // The peak (VmHWM) is reset so that it tells the import's own peak.
    std::ofstream(std::filesystem::path("/proc") / std::to_string(process) / "clear_refs") << "5";
    const double rssBefore = residentMb(process);
    std::printf("office resident size before the import: %.0f MB (peak so far reset: %.0f MB)\n",
                rssBefore, residentMb(process, "VmHWM"));

    const auto median = [](std::vector<double> values)
    {
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    };
    const auto list = [](const std::vector<double>& values)
    {
        std::string text;
        for (double value : values)
            text += (text.empty() ? "" : ", ") + std::to_string(static_cast<long>(value));
        return text;
    };

    // Dry runs against the empty register.
    std::vector<double> dry;
    long created = 0;
    for (int run = 0; run < 3; ++run)
    {
        const auto start = Clock::now();
        const auto result = directory->importClients(source, options({{"DryRun", Any(true)}}));
        dry.push_back(millisSince(start));
        created = resultCount(result, "Created");
        if (resultCount(result, "Errors") != 0 || resultCount(result, "Warnings") != 0)
            std::printf("unexpected problems in the sheet\n");
    }
    std::printf("dry run:  median %.0f ms (%s; %ld to create)\n", median(dry), list(dry).c_str(),
                created);

    // Commit and undo, three times; the resident size around the first commit.
    std::vector<double> commits;
    std::vector<double> undos;
    double rssAfter = 0;
    double peak = 0;
    for (int run = 0; run < 3; ++run)
    {
        auto start = Clock::now();
        const auto result = directory->importClients(source, {});
        commits.push_back(millisSince(start));
        if (run == 0)
        {
            rssAfter = residentMb(process);
            peak = residentMb(process, "VmHWM");
            std::printf("office resident size after the dry runs and the first commit: %.0f MB "
                        "(%+.0f MB); peak during them %.0f MB (%+.0f MB); %ld created\n",
                        rssAfter, rssAfter - rssBefore, peak, peak - rssBefore,
                        resultCount(result, "Created"));
        }
        start = Clock::now();
        directory->undoLastImport();
        undos.push_back(millisSince(start));
    }
    std::printf("commit:   median %.0f ms (%s)\n", median(commits), list(commits).c_str());
    std::printf("undo:     median %.0f ms (%s)\n", median(undos), list(undos).c_str());
    std::printf("office resident size after three imports and undos: %.0f MB\n",
                residentMb(process));

    directory->importClients(source, {});
    auto start = Clock::now();
    const auto unchanged = directory->importClients(source, options({{"DryRun", Any(true)}}));
    std::printf("dry run against the full register: %.0f ms (%ld unchanged)\n", millisSince(start),
                resultCount(unchanged, "Unchanged"));

    // Export, three times, each followed by a bare setDataArray of exactly the cells written.
    std::vector<double> exports;
    std::vector<double> bares;
    for (int run = 0; run < 3; ++run)
    {
        const Reference<css::sheet::XSpreadsheet> exportSheet =
            newSheet(document, ("Export" + std::to_string(run)).c_str());
        start = Clock::now();
        const Reference<css::table::XCellRange> exported =
            directory->exportClients(exportSheet, {});
        exports.push_back(millisSince(start));
        const Sequence<Sequence<Any>> cells =
            Reference<css::sheet::XCellRangeData>(exported, UNO_QUERY_THROW)->getDataArray();
        const Reference<css::sheet::XSpreadsheet> bareSheet =
            newSheet(document, ("Bare" + std::to_string(run)).c_str());
        double bareMs = 0;
        sheetBench->execute(options({{"Sheet", Any(bareSheet)}, {"Data", Any(cells)}})) >>= bareMs;
        bares.push_back(bareMs);
        if (run == 0)
        {
            const auto address =
                Reference<css::sheet::XCellRangeAddressable>(exported, UNO_QUERY_THROW)
                    ->getRangeAddress();
            std::printf("export of %d rows x %d columns (header included)\n", address.EndRow + 1,
                        address.EndColumn + 1);
        }
    }
    const double exportMs = median(exports);
    const double bareMs = median(bares);
    std::printf("export:   median %.0f ms (%s); bare setDataArray of the same cells median %.0f ms "
                "(%s); ratio %.2f\n",
                exportMs, list(exports).c_str(), bareMs, list(bares).c_str(), exportMs / bareMs);
    std::printf("import commit / bare setDataArray of the export's cells: %.2f\n",
                median(commits) / bareMs);

    // The deck's search, one keystroke at a time, with the register full.
    clientes::testing::CalcDocument calc(office);
    const Reference<css::awt::XTextComponent> search(calc.panelControl("Search"), UNO_QUERY_THROW);
    office.waitForMainThread();
    std::vector<double> keystrokes;
    for (const char* typed : {"g", "ga", "gar", "garc", "garci", "garcia", "garcia p", "garcia pe",
                              "m", "ma", "mad", "madr", "1", "10", "100", "1000"})
    {
        start = Clock::now();
        search->setText(OUString::createFromAscii(typed));
        office.waitForMainThread();
        keystrokes.push_back(millisSince(start));
    }
    std::sort(keystrokes.begin(), keystrokes.end());
    std::printf("deck search per keystroke (%d clients, through the bridge and the main thread): "
                "median %.1f ms, worst %.1f ms\n",
                rows, keystrokes[keystrokes.size() / 2], keystrokes.back());

    std::printf("\ntargets: dry run <= 1500 ms: %.0f ms; commit <= 2000 ms: %.0f ms; undo <= 2000 "
                "ms: %.0f ms; export <= 1.25 x bare: %.2f; resident growth < 200 MB: %+.0f MB "
                "(peak %+.0f MB)\n",
                median(dry), median(commits), median(undos), exportMs / bareMs,
                rssAfter - rssBefore, peak - rssBefore);
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
