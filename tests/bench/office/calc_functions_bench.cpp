// Calc functions benchmark in a real office (not a test; prints figures measured in one run).
// N clients (default 10,000) are imported through org.clientes.ClientDirectory; a sheet gets
// one CLIENTE(code; "city") per client (distinct clients, one live result each). Printed: the
// time to enter the N formulas (each result computed for the first time), a full recalculation
// (calculateAll: every cell calls its function again and gets its shared result), and, after
// one client changes through the API, how long until its cell shows the new value and how many
// results were computed again and how many cells were told (only the changed one should be).
// With --team the register is on a PostgreSQL server of the benchmark's own (loopback).
// Usage: calc_functions_bench [clients] [--team]
#include "bench_support.hpp"
#include "office.hpp"
#include "pg_server.hpp"

#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <org/clientes/XClientDirectory.hpp>
#include <org/clientes/XClientesFunctions.hpp>

#include <memory>
#include <thread>

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
using clientes::testing::s;

sal_Int64 statistic(const Reference<org::clientes::XClientesFunctions>& functions, const char* name)
{
    sal_Int64 number = -1;
    for (const auto& value : functions->getLiveStatistics())
        if (value.Name.equalsAscii(name))
            value.Value >>= number;
    return number;
}

std::string code(int index)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "C-%06d", index + 1);
    return buffer;
}
} // namespace

int main(int argc, char** argv)
try
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    int rows = 10000;
    bool team = false;
    for (int i = 1; i < argc; ++i)
    {
        if (std::string(argv[i]) == "--team")
            team = true;
        else
            rows = std::atoi(argv[i]);
    }
    clientes::testing::OfficeOptions officeOptions;
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
    const Reference<org::clientes::XClientesFunctions> functions(
        office.create("org.clientes.calc.Functions"), UNO_QUERY_THROW);

    const Reference<css::sheet::XSpreadsheetDocument> document(
        css::frame::Desktop::create(office.context())
            ->loadComponentFromURL(u("private:factory/scalc"), u("_blank"), 0, {}),
        UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    const Reference<css::sheet::XSpreadsheet> data(sheets->getByIndex(0), UNO_QUERY_THROW);
    document->getSheets()->insertNewByName(u("Funciones"), 1);
    const Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(1), UNO_QUERY_THROW);

    // The clients (not measured): imported from the first sheet.
    {
        const auto start = Clock::now();
        const Reference<css::table::XCellRange> source =
            data->getCellRangeByPosition(0, 0, 9, rows);
        Reference<css::sheet::XCellRangeData>(source, UNO_QUERY_THROW)
            ->setDataArray(clientSheet(rows));
        directory->importClients(source, {});
        std::printf("setup: %d clients imported in %.0f ms (%d in the register)\n", rows,
                    millisSince(start), static_cast<int>(directory->countClients()));
    }

    // One CLIENTE(code; "city") per client.
    Sequence<Sequence<OUString>> formulas(rows);
    for (int r = 0; r < rows; ++r)
    {
        Sequence<OUString> row(1);
        row.getArray()[0] =
            u("=ORG.CLIENTES.CALC.FUNCTIONS.CLIENTFIELD(\"" + code(r) + "\";\"city\")");
        formulas.getArray()[r] = row;
    }
    const Reference<css::table::XCellRange> cells =
        sheet->getCellRangeByPosition(0, 0, 0, rows - 1);
    {
        const auto start = Clock::now();
        Reference<css::sheet::XCellRangeFormula>(cells, UNO_QUERY_THROW)->setFormulaArray(formulas);
        office.waitForMainThread();
        std::printf("%d CLIENTE() cells entered and computed for the first time: %.0f ms "
                    "(%lld live results)\n",
                    rows, millisSince(start),
                    static_cast<long long>(statistic(functions, "Results")));
    }
    const Reference<css::sheet::XCalculatable> calculatable(document, UNO_QUERY_THROW);
    for (int run = 0; run < 3; ++run)
    {
        const auto start = Clock::now();
        calculatable->calculateAll();
        std::printf("full recalculation (calculateAll) of the %d cells, run %d: %.0f ms\n", rows,
                    run + 1, millisSince(start));
    }
    const auto cellText = [&](int row)
    {
        return s(Reference<css::text::XTextRange>(sheet->getCellByPosition(0, row), UNO_QUERY_THROW)
                     ->getString());
    };
    int errors = 0;
    for (int r = 0; r < rows; r += std::max(1, rows / 100))
        if (cellText(r).empty() || cellText(r)[0] == '#')
            ++errors;
    std::printf("sampled cells without a city: %d of 100\n", errors);

    // One client changes: only its cell should be told.
    office.waitForMainThread();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    office.waitForMainThread();
    const sal_Int64 recomputedBefore = statistic(functions, "Recomputations");
    const sal_Int64 toldBefore = statistic(functions, "Notifications");
    const int changed = rows / 2;
    const auto start = Clock::now();
    directory->updateClient(u(code(changed)), clientes::testing::fields({{"city", "Teruel"}}));
    const double updateMs = millisSince(start);
    while (cellText(changed) != "Teruel" && millisSince(start) < 30000)
    {
        office.waitForMainThread();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const double shownMs = millisSince(start);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    office.waitForMainThread();
    std::printf("one client changed (updateClient %.0f ms): its cell showed \"%s\" after %.0f ms; "
                "results computed again: %lld, cells told: %lld\n",
                updateMs, cellText(changed).c_str(), shownMs,
                static_cast<long long>(statistic(functions, "Recomputations") - recomputedBefore),
                static_cast<long long>(statistic(functions, "Notifications") - toldBefore));
    Reference<css::util::XCloseable>(document, UNO_QUERY_THROW)->close(true);
    return 0;
}
catch (const css::uno::Exception& error)
{
    std::fprintf(stderr, "UNO exception: %s\n", clientes::testing::s(error.Message).c_str());
    return 1;
}
catch (const std::exception& error)
{
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
}
