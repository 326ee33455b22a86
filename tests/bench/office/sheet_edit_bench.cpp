// "Editar en Calc" and lists refreshed in place, in a real office (not a test; prints figures
// measured in one run). A register of N clients (default 100,000) is bound to a sheet
// (editClientsInSheet); 1,000 rows spread over it are changed and published (publishSheet);
// an invoice list of M invoices (default 10,000) is exported, 1% of its invoices change
// (paid, new, removed) and the list is refreshed in place (refreshSheet), against a bare
// in-process setDataArray of the same cells (org.clientes.bench.SheetBench).
// Usage: sheet_edit_bench [clients] [invoices] [--team]
#include "bench_support.hpp"
#include "office.hpp"
#include "pg_server.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
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

Sequence<css::beans::NamedValue> invoiceFields(const std::string& number, int day,
                                               const char* status)
{
    char date[16];
    std::snprintf(date, sizeof date, "2030-%02d-%02d", 1 + day % 12, 1 + day % 28);
    return options({{"number", Any(u(number))},
                    {"issueDate", Any(u(date))},
                    {"currency", Any(u("EUR"))},
                    {"status", Any(u(status))},
                    {"net", Any(u("100.00"))},
                    {"tax", Any(u("21.00"))},
                    {"total", Any(u("121.00"))}});
}
} // namespace

int main(int argc, char** argv)
try
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    int clients = 100000;
    int invoices = 10000;
    bool team = false;
    std::vector<int> numbers;
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--team")
            team = true;
        else
            numbers.push_back(std::atoi(argv[i]));
    if (!numbers.empty())
        clients = numbers[0];
    if (numbers.size() > 1)
        invoices = numbers[1];

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
    const Reference<org::clientes::XClientDirectory> directory(
        office.create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    const Reference<css::task::XJob> sheetBench(office.create("org.clientes.bench.SheetBench"),
                                                UNO_QUERY_THROW);
    const Reference<css::sheet::XSpreadsheetDocument> document(
        css::frame::Desktop::create(office.context())
            ->loadComponentFromURL(u("private:factory/scalc"), u("_blank"), 0, {}),
        UNO_QUERY_THROW);

    // The register (not measured).
    {
        const Reference<css::sheet::XSpreadsheet> source = newSheet(document, "Origen");
        const Reference<css::table::XCellRange> range =
            source->getCellRangeByPosition(0, 0, 9, clients);
        Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)
            ->setDataArray(clientSheet(clients));
        const auto start = Clock::now();
        directory->importClients(range, {});
        std::printf("setup: %d clients imported in %.0f ms\n", clients, millisSince(start));
    }

    // Bind, change 1,000 rows spread over the sheet, publish.
    const Reference<css::sheet::XSpreadsheet> bound = newSheet(document, "Editar");
    auto start = Clock::now();
    directory->editClientsInSheet(bound, {});
    std::printf("edit in Calc: %d clients bound in %.0f ms\n", clients, millisSince(start));
    const int changed = std::min(1000, clients);
    const int step = clients / changed;
    for (int i = 0; i < changed; ++i)
        bound->getCellByPosition(7, 1 + i * step)
            ->setFormula(u("Ciudad cambiada " + std::to_string(i)));
    start = Clock::now();
    auto result = directory->publishSheet(bound, {});
    const double publishMs = millisSince(start);
    std::printf("publish: %ld changed rows of %d written in %.0f ms (%ld errors)\n",
                resultCount(result, "Updated"), clients, publishMs, resultCount(result, "Errors"));
    start = Clock::now();
    result = directory->publishSheet(bound, {});
    std::printf("publish again (nothing pending): %.0f ms (%ld written)\n", millisSince(start),
                resultCount(result, "Updated"));

    // The invoice list.
    const Sequence<OUString> codes = directory->findClients(u(""), invoices);
    start = Clock::now();
    std::vector<sal_Int64> ids;
    for (int i = 0; i < invoices; ++i)
        ids.push_back(directory->addRecord(codes[i % codes.getLength()], u("invoices"),
                                           invoiceFields("B-" + std::to_string(100000 + i), i,
                                                         i % 3 == 0 ? "paid" : "authorised")));
    std::printf("setup: %d invoices added in %.0f ms\n", invoices, millisSince(start));
    const Reference<css::sheet::XSpreadsheet> list = newSheet(document, "Facturas");
    start = Clock::now();
    const Reference<css::table::XCellRange> exported = directory->exportInvoices(list, {});
    std::printf("export: %d invoices in %.0f ms\n", invoices, millisSince(start));
    // The user's own column beside the list.
    for (int i = 1; i <= invoices; i += 100)
        list->getCellByPosition(12, i)->setFormula(u("=H" + std::to_string(i + 1) + "*2"));

    start = Clock::now();
    result = directory->refreshSheet(list);
    const double unchangedMs = millisSince(start);
    std::printf("refresh with nothing changed: %.0f ms (%ld moved)\n", unchangedMs,
                resultCount(result, "Moved"));

    // 1% of the invoices change: paid (their rows move to the paid group), new, removed.
    const int touched = std::max(1, invoices / 300);
    for (int i = 0; i < touched; ++i)
    {
        directory->updateRecord(u("invoices"), ids[static_cast<std::size_t>(1 + 3 * i)],
                                options({{"status", Any(u("paid"))}}));
        directory->removeRecord(u("invoices"), ids[static_cast<std::size_t>(2 + 3 * i)]);
        directory->addRecord(codes[i % codes.getLength()], u("invoices"),
                             invoiceFields("N-" + std::to_string(i), i, "authorised"));
    }
    start = Clock::now();
    result = directory->refreshSheet(list);
    const double refreshMs = millisSince(start);
    std::printf("refresh after %d paid, %d removed, %d new: %.0f ms (%ld added, %ld removed, %ld "
                "moved)\n",
                touched, touched, touched, refreshMs, resultCount(result, "Added"),
                resultCount(result, "Removed"), resultCount(result, "Moved"));

    // The bare floor: the same cells written by Calc's own setDataArray, in-process.
    const auto address =
        Reference<css::sheet::XCellRangeAddressable>(exported, UNO_QUERY_THROW)->getRangeAddress();
    const Sequence<Sequence<Any>> cells =
        Reference<css::sheet::XCellRangeData>(
            list->getCellRangeByPosition(0, 0, 10, address.EndRow), UNO_QUERY_THROW)
            ->getDataArray();
    std::vector<double> bares;
    for (int run = 0; run < 3; ++run)
    {
        double bareMs = 0;
        sheetBench->execute(
            options({{"Sheet", Any(newSheet(document, ("Bare" + std::to_string(run)).c_str()))},
                     {"Data", Any(cells)}})) >>= bareMs;
        bares.push_back(bareMs);
    }
    const double bareMs = median(bares);
    std::printf("bare setDataArray of the list's %d x 11 cells: median %.0f ms\n",
                cells.getLength(), bareMs);
    std::printf("\ntargets: publish 1,000 of %d <= 1000 ms: %.0f ms; refresh of %d invoices <= 1.5 "
                "x bare: %.2f (nothing changed: %.2f)\n",
                clients, publishMs, invoices, refreshMs / bareMs, unchangedMs / bareMs);
    return 0;
}
catch (const css::uno::Exception& e)
{
    std::fprintf(stderr, "UNO exception: %s\n",
                 rtl::OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8).getStr());
    return 1;
}
catch (const std::exception& e)
{
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
}
