// An admin's upgrade: the previous release's .oxt (CLIENTES_PREVIOUS_OXT, built from its git tag
// by tests/release/upgrade-test.sh) is installed, the register filled through its API, then this
// build's .oxt installed over it; every client and record is found again, the register's schema
// is the current one and, when the previous release had an older one, its backup is beside it.
// Run by ctest's release.upgrade only (it needs the previous release built first).
#include "core/store/sqlite/register_file.hpp"
#include "core/store/sqlite/sqlite_store.hpp"
#include "office.hpp"
#include "uno_helpers.hpp"

#include <org/clientes/XClientDirectory.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

using namespace clientes::testing;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace
{
const char* const kKinds[] = {"contacts", "projects", "tasks", "purchaseOrders",
                              "invoices", "deals",    "files", "activity"};

std::string text(const Any& value)
{
    if (rtl::OUString t; value >>= t)
        return s(t);
    if (value.getValueTypeClass() == css::uno::TypeClass_DOUBLE)
        return std::to_string(value.get<double>());
    if (value.getValueTypeClass() == css::uno::TypeClass_HYPER)
        return std::to_string(value.get<sal_Int64>());
    if (value.getValueTypeClass() == css::uno::TypeClass_LONG)
        return std::to_string(value.get<sal_Int32>());
    if (value.getValueTypeClass() == css::uno::TypeClass_BOOLEAN)
        return value.get<bool>() ? "true" : "false";
    return "";
}

std::string idOf(const css::uno::Sequence<css::beans::NamedValue>& record)
{
    for (const auto& value : record)
        if (value.Name == "id")
            return text(value.Value);
    return "";
}

void dumpValues(std::ostringstream& out, const css::uno::Sequence<css::beans::NamedValue>& values)
{
    for (const auto& value : values)
        out << s(value.Name) << '=' << text(value.Value) << ';';
    out << '\n';
}

// Every client (the archived one named too) with all its fields and records of every kind, and
// each project's time entries, as text.
std::string dump(const Reference<XClientDirectory>& clients, const std::string& archived)
{
    std::ostringstream out;
    auto codes = clients->findClients(u(""), 1000);
    std::vector<std::string> keys;
    for (const auto& code : codes)
        keys.push_back(s(code));
    keys.push_back(archived);
    out << "count " << clients->countClients() << '\n';
    for (const std::string& key : keys)
    {
        out << "client " << key << ": ";
        dumpValues(out, clients->getClient(u(key)));
        for (const char* kind : kKinds)
            for (const auto& record : clients->getRecords(u(key), u(kind)))
            {
                out << "  " << kind << ": ";
                dumpValues(out, record);
                if (std::string(kind) == "projects")
                    for (const auto& entry : clients->getRecords(u(idOf(record)), u("timeEntries")))
                    {
                        out << "    time: ";
                        dumpValues(out, entry);
                    }
            }
    }
    return out.str();
}
// `after` without the fields a line of `before` does not have and that are empty: what a new
// version adds to a record (the client's mobile…) is no data lost or changed.
std::string withoutNewEmptyFields(const std::string& after, const std::string& before)
{
    std::istringstream afterLines(after), beforeLines(before);
    std::string out, line, old;
    while (std::getline(afterLines, line))
    {
        if (!std::getline(beforeLines, old))
            old.clear();
        std::string kept;
        std::size_t start = 0;
        while (start < line.size())
        {
            std::size_t end = line.find(';', start);
            end = end == std::string::npos ? line.size() : end + 1;
            const std::string token = line.substr(start, end - start);
            const std::size_t equals = token.find('=');
            const bool empty = equals != std::string::npos && token.substr(equals + 1) == ";";
            const std::string key = equals == std::string::npos ? "" : token.substr(0, equals + 1);
            // The key as the line's start or after a ';' (a prefix like "name=" inside
            // "legalName=" does not count).
            std::string bare = key;
            if (const std::size_t colon = bare.rfind(": "); colon != std::string::npos)
                bare = bare.substr(colon + 2);
            const bool known = old.find(";" + bare) != std::string::npos ||
                               old.find(": " + bare) != std::string::npos;
            if (!(empty && !known))
                kept += token;
            start = end;
        }
        out += kept + '\n';
    }
    return out;
}

// The version in an .oxt's description.xml.
std::string versionOf(const std::filesystem::path& oxt)
{
    const std::string command = "unzip -p '" + oxt.string() + "' description.xml";
    std::string description;
    if (FILE* pipe = popen(command.c_str(), "r"))
    {
        char buffer[4096];
        for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
            description.append(buffer, n);
        pclose(pipe);
    }
    const std::regex version("<version value=\"([^\"]+)\"");
    std::smatch match;
    return std::regex_search(description, match, version) ? match[1].str() : std::string();
}
} // namespace

TEST(Upgrade, ThePreviousReleasesRegisterIsFoundWholeAfterTheNewOneIsInstalledOverIt)
{
    const char* previous = std::getenv("CLIENTES_PREVIOUS_OXT");
    ASSERT_TRUE(previous && *previous) << "CLIENTES_PREVIOUS_OXT names the previous release's .oxt "
                                          "(tests/release/upgrade-test.sh)";
    OfficeOptions options;
    options.defaultDatabase = true; // where an admin's users keep it: the extension's own choice
    options.extension = previous;
    Office office(options);
    const std::string previousVersion = versionOf(previous);
    ASSERT_FALSE(previousVersion.empty());
    ASSERT_NE(previousVersion, CLIENTES_TEST_VERSION) << "the previous release is this version";

    std::string before;
    std::string archived;
    try
    {
        const Reference<XClientDirectory> clients(office.create("org.clientes.ClientDirectory"),
                                                  UNO_QUERY_THROW);
        for (int n = 1; n <= 40; ++n)
            clients->addClient(fields({{"legalName", "Cliente de prueba " + std::to_string(n) +
                                                         (n % 2 ? ", S.L." : ", Lda.")},
                                       {"country", n % 2 ? "ES" : "PT"},
                                       {"city", n % 2 ? "Zaragoza" : "Porto"},
                                       {"email", "c" + std::to_string(n) + "@example.org"},
                                       {"tags", "prueba"}}));
        const std::string code = s(clients->addClient(fields({{"legalName", "Pérez Díaz, S.L."},
                                                              {"taxId", "B12345674"},
                                                              {"country", "ES"},
                                                              {"currency", "EUR"},
                                                              {"paymentTerms", "30"}})));
        clients->addRecord(u(code), u("contacts"),
                           fields({{"name", "Ana Pérez"}, {"email", "ana@example.org"}}));
        const sal_Int64 project =
            clients->addRecord(u(code), u("projects"), fields({{"name", "Web"}}));
        clients->addRecord(u(std::to_string(project)), u("timeEntries"),
                           anyFields({{"date", Any(u("2026-05-02"))}, {"hours", Any(2.5)}}));
        clients->addRecord(
            u(code), u("tasks"),
            anyFields({{"title", Any(u("Llamar"))}, {"dueDate", Any(u("2026-12-01"))}}));
        clients->addRecord(u(code), u("purchaseOrders"),
                           anyFields({{"number", Any(u("PO-1"))},
                                      {"amount", Any(1250.5)},
                                      {"date", Any(u("2026-04-01"))}}));
        clients->addRecord(u(code), u("invoices"),
                           anyFields({{"number", Any(u("F-1"))},
                                      {"issueDate", Any(u("2026-10-01"))},
                                      {"dueDate", Any(u("2026-10-31"))},
                                      {"total", Any(121.0)},
                                      {"status", Any(u("authorised"))}}));
        clients->addRecord(u(code), u("deals"),
                           anyFields({{"title", Any(u("Mantenimiento"))}, {"amount", Any(900.0)}}));
        const std::filesystem::path attachment = office.workDir() / "contrato.txt";
        std::ofstream(attachment) << "contrato firmado\n";
        clients->attachFile(u(code), u("file://" + attachment.string()));
        clients->addNote(u(code), u("Cliente desde 2019"));
        archived = s(clients->addClient(fields({{"legalName", "Archivado, S.A."}})));
        clients->archiveClient(u(archived));
        before = dump(clients, archived);
    }
    catch (const css::uno::Exception& e)
    {
        FAIL() << "filling the previous release's register: " << s(e.Message);
    }
    const std::filesystem::path database = office.database();
    ASSERT_TRUE(std::filesystem::exists(database)) << database;
    office.shutdown(); // the register closed: everything in the file
    const auto previousSchema = clientes::sqlite::inspectRegisterCopy(database).schemaVersion;
    ASSERT_GT(previousSchema, 0);

    ASSERT_EQ(office.unopkg({"add", "--suppress-license", builtExtension().string()}), 0)
        << "installing " << CLIENTES_TEST_VERSION << " over " << previousVersion;
    ASSERT_EQ(office.unopkg({"list"}), 0);
    {
        std::ifstream in(office.workDir() / "unopkg.log");
        std::stringstream listing;
        listing << in.rdbuf();
        EXPECT_NE(listing.str().find("Version: " CLIENTES_TEST_VERSION), std::string::npos)
            << listing.str();
    }
    office.restart();

    {
        const Reference<XClientDirectory> clients(office.create("org.clientes.ClientDirectory"),
                                                  UNO_QUERY_THROW);
        EXPECT_EQ(withoutNewEmptyFields(dump(clients, archived), before), before);
        EXPECT_EQ(clients->countClients(), 41);
    }
    // Closed, the register's log is in the file: the migration's version with it.
    office.shutdown();
    EXPECT_EQ(clientes::sqlite::inspectRegisterCopy(database).schemaVersion,
              clientes::sqlite::kSchemaVersion);
    const std::filesystem::path backup =
        database.string() + ".backup-v" + std::to_string(previousSchema);
    if (previousSchema < clientes::sqlite::kSchemaVersion)
    {
        ASSERT_TRUE(std::filesystem::exists(backup)) << backup;
        EXPECT_EQ(clientes::sqlite::inspectRegisterCopy(backup).schemaVersion, previousSchema);
    }
    else
    {
        EXPECT_FALSE(std::filesystem::exists(backup)) << "no migration, no backup";
    }
    std::cout << "Upgraded " << previousVersion << " → " << CLIENTES_TEST_VERSION << ": schema v"
              << previousSchema << " → v" << clientes::sqlite::kSchemaVersion << ", "
              << before.size() << " bytes of clients and records found again\n";
}
