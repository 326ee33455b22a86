// Hostile calls against the real office: a few hundred seeded calls of every method of
// org.clientes.XClientDirectory with bad text, wrong types, huge values, odd ids and file
// URLs, and ranges and options that make no sense. Every call must return or raise one of the
// exceptions its IDL declares; the office must live on and the register stay intact.
//
// CLIENTES_ROBUSTNESS_SEED=<n> repeats a run; CLIENTES_ROBUSTNESS_CALLS=<n> changes its length.
// Strings with unpaired surrogates are not sent: the bridge to this test cannot carry them (the
// Basic test in register_safety_test.cpp sends them from inside the office).
#include "core/register/register.hpp"
#include "import_export_support.hpp"
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/util/Date.hpp>
#include <org/clientes/ConflictException.hpp>
#include <org/clientes/RegisterException.hpp>
#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <random>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;
using rtl::OUString;

namespace clientes::testing
{
namespace
{
namespace fs = std::filesystem;

enum Declared : unsigned
{
    Illegal = 1,
    NoSuch = 2,
    Conflict = 4,
    Register = 8
};

class Hostile
{
public:
    Hostile(std::uint32_t seed, fs::path folder) : m_random(seed), m_folder(std::move(folder)) {}

    std::size_t below(std::size_t n)
    {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random);
    }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

    std::string text()
    {
        static const std::vector<std::string> samples = {
            "",
            " ",
            "Ferretería Núñez, S.L.",
            "=HYPERLINK(\"http://x\";\"y\")",
            "=cmd|' /C calc'!A0",
            "+1",
            "@SUM(A1)",
            "'; DROP TABLE clients; --",
            "\" OR 1=1 --",
            "%00%ff%2e%2e",
            "../../../../etc/passwd",
            "C-000001",
            "c1",
            "B-12345678",
            "ESB12345678",
            "invoice\xE2\x80\xAE"
            "fdp.exe",
            "zero\xE2\x80\x8Bwidth",
            std::string("nul\0inside", 10),
            "\t\r\n",
            "😀👨‍👩‍👧‍👦",
            "中文字符",
            "\xEF\xBF\xBD",
            "{path}{size}{name}",
            "2024-02-30",
            "9999-12-31",
            "-1",
            "1e308",
            "NaN",
            "contacts",
            "timeEntries",
            "activity",
        };
        switch (below(6))
        {
        case 0:
            return std::string(1 + below(200'000), static_cast<char>('a' + below(26)));
        case 1:
        {
            std::string bytes;
            for (std::size_t i = 0, n = below(40); i < n; ++i)
                bytes += static_cast<char>(below(256));
            return validUtf8(bytes);
        }
        default:
            return samples[below(samples.size())];
        }
    }

    Any any()
    {
        switch (below(14))
        {
        case 0:
            return Any();
        case 1:
            return Any(chance(50));
        case 2:
            return Any(std::numeric_limits<double>::quiet_NaN());
        case 3:
            return Any(chance(50) ? std::numeric_limits<double>::infinity() : -1e308);
        case 4:
            return Any(static_cast<sal_Int64>(chance(50) ? std::numeric_limits<sal_Int64>::max()
                                                         : std::numeric_limits<sal_Int64>::min()));
        case 5:
            return Any(static_cast<sal_Int32>(below(100000)) - 50000);
        case 6:
            return Any(css::awt::Point(1, 2));
        case 7:
            return Any(css::util::Date(31, 2, 2024));
        case 8:
        {
            Sequence<OUString> list(static_cast<sal_Int32>(below(4)));
            for (auto& item : asRange(list))
                item = u(text());
            return Any(list);
        }
        case 9:
        {
            Sequence<Any> list(2);
            list.getArray()[0] = Any(u(text()));
            list.getArray()[1] = Any(2.5);
            return Any(list);
        }
        case 10:
            return Any(Reference<css::uno::XInterface>());
        default:
            return Any(u(text()));
        }
    }

    std::string name()
    {
        static const std::vector<std::string> names = {"legalName",
                                                       "tradeName",
                                                       "taxId",
                                                       "country",
                                                       "street",
                                                       "postalCode",
                                                       "city",
                                                       "region",
                                                       "email",
                                                       "phone",
                                                       "website",
                                                       "notes",
                                                       "kind",
                                                       "tags",
                                                       "paymentTerms",
                                                       "currency",
                                                       "code",
                                                       "version",
                                                       "archived",
                                                       "createdAt",
                                                       "updatedAt",
                                                       "id",
                                                       "clientId",
                                                       "projectId",
                                                       "name",
                                                       "role",
                                                       "status",
                                                       "date",
                                                       "hours",
                                                       "note",
                                                       "title",
                                                       "dueDate",
                                                       "number",
                                                       "amount",
                                                       "issueDate",
                                                       "net",
                                                       "tax",
                                                       "total",
                                                       "stage",
                                                       "validUntil",
                                                       "HasHeader",
                                                       "Mapping",
                                                       "DryRun",
                                                       "Mode",
                                                       "UpdatePolicy",
                                                       "MarkCells",
                                                       "SkipInvalid",
                                                       "RemoveMarks",
                                                       "ReportSheet",
                                                       "CreateMissingClients",
                                                       "Query",
                                                       "Codes",
                                                       "IncludeArchived",
                                                       "From",
                                                       "To",
                                                       "Status"};
        return chance(85) ? names[below(names.size())] : text();
    }

    Sequence<css::beans::NamedValue> namedValues()
    {
        Sequence<css::beans::NamedValue> values(static_cast<sal_Int32>(below(8)));
        for (auto& value : asRange(values))
        {
            value.Name = u(name());
            value.Value = chance(50) ? Any(u(text())) : any();
        }
        return values;
    }

    std::string kind()
    {
        static const std::vector<std::string> kinds = {
            "contacts", "addresses", "bankAccounts", "projects", "timeEntries", "tasks",
            "purchaseOrders", "invoices", "deals", "files", "activity"};
        return chance(80) ? kinds[below(kinds.size())] : text();
    }

    sal_Int64 id()
    {
        switch (below(5))
        {
        case 0:
            return 0;
        case 1:
            return -static_cast<sal_Int64>(below(1000));
        case 2:
            return std::numeric_limits<sal_Int64>::max();
        default:
            return static_cast<sal_Int64>(below(60));
        }
    }

    // URLs to read from: odd schemes, pseudo-files, devices, a FIFO, folders, missing files.
    std::string sourceUrl()
    {
        const std::vector<std::string> urls = {
            "file:///proc/self/environ",
            "file:///dev/zero",
            "file:///dev/null",
            "/dev/urandom",
            "file://" + (m_folder / "fifo").string(),
            "file://" + m_folder.string(),
            "file://" + (m_folder / "missing.txt").string(),
            "file://" + (m_folder / "plain.txt").string(),
            "file://" + (m_folder / "link-to-fifo").string(),
            "http://example.com/x.pdf",
            "file://" + (m_folder / "out" / "copy.db").string(), // a real copy, when made
            "vnd.sun.star.pkg://x",
            "relative/path.txt",
            "file:///" + text().substr(0, 50)};
        return urls[below(urls.size())];
    }

    // URLs to write to: only inside the test's folder (the office may run as root), or places
    // that refuse writing anyway.
    std::string targetUrl(const fs::path& database)
    {
        const std::vector<std::string> urls = {
            "file://" + database.string(),
            "file://" + database.string() + "-wal",
            "file://" + database.string() + "-shm",
            "file://" + (m_folder / "out" / "copy.db").string(),
            "file://" + (m_folder / "no-folder" / "copy.db").string(),
            "file://" + (m_folder / "fifo").string(),
            "file://" + m_folder.string(),
            "file://" + (m_folder / "out" / ".." / "out" / "copy2.db").string(),
            "http://example.com/copy.db",
            "",
            "file://" + (m_folder / "out").string() + "/%2e%2e/escaped.db"};
        return urls[below(urls.size())];
    }

private:
    template <typename T> struct Range
    {
        T* b;
        T* e;
        T* begin() const { return b; }
        T* end() const { return e; }
    };
    template <typename T> static Range<T> asRange(Sequence<T>& s)
    {
        return {s.getArray(), s.getArray() + s.getLength()};
    }
    static std::string validUtf8(const std::string& bytes)
    {
        // The bridge carries UTF-16: random bytes become whatever UTF-8 decoding makes of them.
        return s(rtl::OStringToOUString(rtl::OString(bytes.c_str(), bytes.size()),
                                        RTL_TEXTENCODING_UTF8));
    }

    std::mt19937 m_random;
    fs::path m_folder;
};

std::uint32_t seedFromEnvironment()
{
    if (const char* given = std::getenv("CLIENTES_ROBUSTNESS_SEED"))
        return static_cast<std::uint32_t>(std::strtoul(given, nullptr, 10));
    return static_cast<std::uint32_t>(std::chrono::system_clock::now().time_since_epoch().count() &
                                      0xFFFFFFFF);
}

int callsFromEnvironment()
{
    if (const char* given = std::getenv("CLIENTES_ROBUSTNESS_CALLS"))
        return std::atoi(given);
    return 1000;
}
} // namespace

TEST(ApiRobustness, HostileCallsRaiseOnlyDeclaredExceptionsAndLeaveTheRegisterIntact)
{
    Office office;
    const Reference<XClientDirectory> clients(office.create("org.clientes.ClientDirectory"),
                                              UNO_QUERY_THROW);
    const fs::path folder = office.workDir() / "hostile";
    fs::create_directories(folder / "out");
    ::mkfifo((folder / "fifo").c_str(), 0600);
    fs::create_symlink(folder / "fifo", folder / "link-to-fifo");
    std::ofstream(folder / "plain.txt") << "un archivo normal\n";

    // Something to work on: clients with records, and a sheet with hostile cells.
    std::vector<std::string> codes;
    for (int i = 0; i < 8; ++i)
    {
        const std::string code =
            s(clients->addClient(fields({{"legalName", "Robusto " + std::to_string(i)},
                                         {"taxId", "B1234567" + std::to_string(i)}})));
        codes.push_back(code);
        clients->addRecord(u(code), u("contacts"), fields({{"name", "Ana"}}));
        clients->addRecord(u(code), u("projects"), fields({{"name", "Web"}}));
    }
    SheetDocument document(office);
    document.fill("A1", {{"Nombre legal", "Ciudad", "Correo electrónico"},
                         {"=1/0", "@SUM(A1)", "no-es-correo"},
                         {"Cliente Hoja, S.L.", "Lugo", "a@b.es"},
                         {"\t=1+1", "", ""}});

    const std::uint32_t seed = seedFromEnvironment();
    const int calls = callsFromEnvironment();
    std::printf("ApiRobustness: seed %u (CLIENTES_ROBUSTNESS_SEED=%u repeats it), %d calls\n", seed,
                seed, calls);
    Hostile hostile(seed, folder);
    const fs::path database = office.database();

    const auto key = [&]
    { return hostile.chance(60) ? codes[hostile.below(codes.size())] : hostile.text(); };
    const auto range = [&]() -> Reference<css::table::XCellRange>
    {
        switch (hostile.below(6))
        {
        case 0:
            return {};
        case 5:
            return document.range("A1:AMJ1048576"); // the whole sheet
        case 1:
            return document.range("A1:C4");
        case 2:
            return document.range("B2:B2");
        case 3:
            return document.range("A1:J200");
        default:
            return document.range("D10:F12"); // empty
        }
    };
    const auto sheet = [&]() -> Reference<css::sheet::XSpreadsheet>
    { return hostile.chance(20) ? Reference<css::sheet::XSpreadsheet>() : document.sheet(0); };

    struct Method
    {
        const char* name;
        unsigned declared;
        std::function<void()> call;
    };
    const std::vector<Method> methods = {
        {"addClient", Illegal | Register, [&] { clients->addClient(hostile.namedValues()); }},
        {"getClient", NoSuch | Register, [&] { clients->getClient(u(key())); }},
        {"updateClient", Illegal | NoSuch | Conflict | Register,
         [&] { clients->updateClient(u(key()), hostile.namedValues()); }},
        {"archiveClient", NoSuch | Register, [&] { clients->archiveClient(u(key())); }},
        {"findClients", Register,
         [&] { clients->findClients(u(hostile.text()), static_cast<sal_Int32>(hostile.id())); }},
        {"countClients", Register, [&] { clients->countClients(); }},
        {"restoreClient", NoSuch | Register, [&] { clients->restoreClient(u(key())); }},
        {"deleteClient", Illegal | NoSuch | Register, [&] { clients->deleteClient(u(key())); }},
        {"isValidTaxId", 0, [&] { clients->isValidTaxId(u(hostile.text()), u(hostile.text())); }},
        {"normalizeTaxId", 0,
         [&] { clients->normalizeTaxId(u(hostile.text()), u(hostile.text())); }},
        {"getRecords", Illegal | NoSuch | Register,
         [&] { clients->getRecords(u(key()), u(hostile.kind())); }},
        {"addRecord", Illegal | NoSuch | Register,
         [&] { clients->addRecord(u(key()), u(hostile.kind()), hostile.namedValues()); }},
        {"updateRecord", Illegal | NoSuch | Conflict | Register,
         [&] { clients->updateRecord(u(hostile.kind()), hostile.id(), hostile.namedValues()); }},
        {"removeRecord", Illegal | NoSuch | Register,
         [&] { clients->removeRecord(u(hostile.kind()), hostile.id()); }},
        {"getSummary", NoSuch | Register, [&] { clients->getSummary(u(key())); }},
        {"addNote", Illegal | NoSuch | Register,
         [&] { clients->addNote(u(key()), u(hostile.text())); }},
        {"attachFile", Illegal | NoSuch | Register,
         [&] { clients->attachFile(u(key()), u(hostile.sourceUrl())); }},
        {"saveFileCopy", Illegal | NoSuch | Register,
         [&] { clients->saveFileCopy(hostile.id(), u(hostile.targetUrl(database))); }},
        {"backupTo", Illegal | Register,
         [&] { clients->backupTo(u(hostile.targetUrl(database))); }},
        {"restoreFrom", Illegal | Register, [&] { clients->restoreFrom(u(hostile.sourceUrl())); }},
        {"importClients", Illegal | Register,
         [&] { clients->importClients(range(), hostile.namedValues()); }},
        {"importInvoices", Illegal | Register,
         [&] { clients->importInvoices(range(), hostile.namedValues()); }},
        {"undoLastImport", Illegal | Register, [&] { clients->undoLastImport(); }},
        {"exportClients", Illegal | Register,
         [&] { clients->exportClients(sheet(), hostile.namedValues()); }},
        {"exportInvoices", Illegal | Register,
         [&] { clients->exportInvoices(sheet(), hostile.namedValues()); }},
        {"exportClientsToCsv", Illegal | Register,
         [&]
         { clients->exportClientsToCsv(u(hostile.targetUrl(database)), hostile.namedValues()); }},
        {"exportInvoicesToCsv", Illegal | Register,
         [&]
         { clients->exportInvoicesToCsv(u(hostile.targetUrl(database)), hostile.namedValues()); }},
    };

    std::map<std::string, int> raised;
    int failures = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i)
    {
        // Every method at least once, in order, then at random.
        const Method& method =
            methods[i < static_cast<int>(methods.size()) ? static_cast<std::size_t>(i)
                                                         : hostile.below(methods.size())];
        const auto refuse = [&](const char* what, unsigned flag, const OUString& message)
        {
            ++raised[what];
            if ((method.declared & flag) == 0)
            {
                ++failures;
                ADD_FAILURE() << "call " << i << ": " << method.name << " raised " << what
                              << ", which it does not declare: " << s(message).substr(0, 300);
            }
            const std::string text = s(message);
            EXPECT_EQ(text.find(".cxx"), std::string::npos)
                << method.name << ": " << text.substr(0, 300);
            EXPECT_LT(text.size(), 2000u) << method.name << ": " << text.substr(0, 300);
        };
        try
        {
            method.call();
            ++raised["(returned)"];
        }
        catch (const css::lang::IllegalArgumentException& e)
        {
            refuse("IllegalArgumentException", Illegal, e.Message);
        }
        catch (const css::container::NoSuchElementException& e)
        {
            refuse("NoSuchElementException", NoSuch, e.Message);
        }
        catch (const org::clientes::ConflictException& e)
        {
            refuse("ConflictException", Conflict, e.Message);
        }
        catch (const org::clientes::RegisterException& e)
        {
            refuse("RegisterException", Register, e.Message);
            std::printf("RegisterException from %s: %s\n", method.name,
                        s(e.Message).substr(0, 300).c_str());
        }
        catch (const css::lang::DisposedException& e)
        {
            FAIL() << "call " << i << ": " << method.name
                   << " broke the bridge (the office crashed?): " << s(e.Message) << "\n"
                   << office.log();
        }
        catch (const css::uno::Exception& e)
        {
            ++failures;
            ADD_FAILURE() << "call " << i << ": " << method.name
                          << " raised an undeclared exception: " << s(e.Message).substr(0, 300);
        }
        ASSERT_TRUE(office.running())
            << "the office died at call " << i << " (" << method.name << ")\n"
            << office.log();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("ApiRobustness: %d calls in %.1f s, %d undeclared;", calls, seconds, failures);
    for (const auto& [what, count] : raised)
        std::printf(" %s %d;", what.c_str(), count);
    std::printf("\n");

    // The office still answers, and the register is intact: a checked back-up (integrity_check)
    // succeeds, and so does the file alone once the office has ended.
    EXPECT_GE(clients->countClients(), 0);
    const fs::path copy = folder / "final-check.db";
    EXPECT_GE(clients->backupTo(u("file://" + copy.string())), 0);
    EXPECT_NO_THROW(inspectRegisterCopy(copy));
    office.shutdown();
    EXPECT_NO_THROW(inspectRegisterCopy(database));
}
} // namespace clientes::testing
