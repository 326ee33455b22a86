// What the office benchmarks share: timing, the office process's memory, a sheet of
// realistic clients, and option / result sequences.
#pragma once

#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

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

namespace clientes::bench
{
namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using testing::u;
using Clock = std::chrono::steady_clock;

inline double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// "VmRSS" or "VmHWM" of a process, in MB.
inline double residentMb(pid_t pid, const char* field = "VmRSS")
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field, 0) == 0)
            return std::atof(line.c_str() + std::string(field).size() + 1) / 1024.0;
    return -1;
}

// The process that holds the documents: soffice.bin, a child of the launcher the harness
// started (oosplash) when there is one.
inline pid_t officeProcess(pid_t launcher)
{
    for (const auto& entry : std::filesystem::directory_iterator("/proc"))
    {
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line))
            continue;
        // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
        const auto close = line.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream rest(line.substr(close + 2));
        char state = 0;
        pid_t parent = 0;
        rest >> state >> parent;
        if (parent == launcher && line.find("(soffice.bin)") != std::string::npos)
            return static_cast<pid_t>(std::atoi(line.c_str()));
    }
    return launcher;
}

constexpr std::array kSurnames = {"García",   "Fernández", "González",  "Rodríguez", "López",
                                  "Martínez", "Sánchez",   "Pérez",     "Muñoz",     "Álvarez",
                                  "Silva",    "Santos",    "Gonçalves", "Conceição", "Magalhães"};
constexpr std::array kBusinesses = {"Construcciones", "Transportes", "Talleres", "Asesoría",
                                    "Construções",    "Padaria",     "Comércio", "Ferretería"};
constexpr std::array kCities = {"Madrid", "Barcelona", "Sevilla", "A Coruña", "Cádiz", "León"};

// A Spanish NIF with its check letter: valid, so the sheet has no warnings.
inline std::string nif(int number)
{
    static const char* letters = "TRWAGMYFPDXBNJZSQVHLCKE";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%08d%c", number, letters[number % 23]);
    return buffer;
}

// Header + rows × 10 columns of realistic clients (11 with a website column, one row in a
// hundred without a website).
inline Sequence<Sequence<Any>> clientSheet(int rows, bool websiteColumn = false)
{
    std::mt19937 random(20240501);
    Sequence<Sequence<Any>> data(rows + 1);
    const char* headers[] = {"Razón social", "NIF",    "País",     "Dirección", "C.P.", "Población",
                             "Provincia",    "E-mail", "Teléfono", "Notas",     "Web"};
    const int columns = websiteColumn ? 11 : 10;
    Sequence<Any> header(columns);
    for (int c = 0; c < columns; ++c)
        header.getArray()[c] <<= u(headers[c]);
    data.getArray()[0] = header;
    for (int r = 0; r < rows; ++r)
    {
        Sequence<Any> row(columns);
        Any* cell = row.getArray();
        const std::string surname = kSurnames[random() % kSurnames.size()];
        cell[0] <<= u(std::string(kBusinesses[random() % kBusinesses.size()]) + " " + surname +
                      " " + kSurnames[random() % kSurnames.size()] + " S.L.");
        cell[1] <<= u(nif(10000000 + r));
        cell[2] <<= u("ES");
        cell[3] <<= u("Calle Mayor " + std::to_string(random() % 200));
        char postal[8];
        std::snprintf(postal, sizeof postal, "%05u",
                      static_cast<unsigned>(1000 + random() % 50000));
        cell[4] <<= u(postal);
        cell[5] <<= u(kCities[random() % kCities.size()]);
        cell[6] <<= u("Provincia");
        cell[7] <<= u("cliente" + std::to_string(r) + "@empresa.es");
        cell[8] <<= u("+34 6" + std::to_string(10000000 + random() % 89999999));
        cell[9] <<= u(random() % 4 == 0 ? "Cliente desde 1998. Paga a 30 días." : "");
        if (websiteColumn)
            cell[10] <<= u(r % 100 == 0 ? "" : "www.cliente" + std::to_string(r) + ".es");
        data.getArray()[r + 1] = row;
    }
    return data;
}

inline Sequence<css::beans::NamedValue>
options(std::initializer_list<std::pair<const char*, Any>> values)
{
    Sequence<css::beans::NamedValue> result(static_cast<sal_Int32>(values.size()));
    sal_Int32 i = 0;
    for (const auto& [name, value] : values)
        result.getArray()[i++] = css::beans::NamedValue(OUString::createFromAscii(name), value);
    return result;
}

inline long resultCount(const Sequence<css::beans::NamedValue>& result, const char* name)
{
    for (const auto& value : result)
        if (value.Name.equalsAscii(name))
        {
            sal_Int32 number = -1;
            value.Value >>= number;
            return number;
        }
    return -1;
}

inline Reference<css::sheet::XSpreadsheet>
newSheet(const Reference<css::sheet::XSpreadsheetDocument>& document, const char* name)
{
    const auto sheets = document->getSheets();
    sheets->insertNewByName(
        OUString::createFromAscii(name),
        static_cast<sal_Int16>(
            Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount()));
    return Reference<css::sheet::XSpreadsheet>(sheets->getByName(OUString::createFromAscii(name)),
                                               UNO_QUERY_THROW);
}
inline void resetPeak(pid_t pid)
{
    std::ofstream(std::filesystem::path("/proc") / std::to_string(pid) / "clear_refs") << "5";
}

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}
} // namespace clientes::bench
