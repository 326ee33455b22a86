// The .oxt as an admin receives it: well-formed, versioned, self-contained.
#include "office.hpp"
#include "uno_helpers.hpp"

#include <org/clientes/XClientDirectory.hpp>

#include <com/sun/star/lang/XServiceInfo.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <utility>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{
std::string capture(const std::string& command)
{
    std::string output;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe)
        return output;
    std::array<char, 4096> buffer{};
    while (fgets(buffer.data(), buffer.size(), pipe.get()))
        output += buffer.data();
    return output;
}

std::string unzipped(const char* member)
{
    return capture("unzip -p '" + builtExtension().string() + "' " + member);
}
} // namespace

TEST(Packaging, TheComponentNeedsOnlyTheUnoAndCRuntimes)
{
    const std::string dynamic =
        capture("unzip -p '" + builtExtension().string() +
                "' clientes.uno.so > /tmp/clientes-needed-check.so && "
                "readelf -d /tmp/clientes-needed-check.so; rm -f /tmp/clientes-needed-check.so");
    const std::set<std::string> allowed = {
        "libuno_cppu.so.3",    "libuno_cppuhelpergcc3.so.3",
        "libuno_sal.so.3",     "libuno_salhelpergcc3.so.3",
        "libstdc++.so.6",      "libm.so.6",
        "libgcc_s.so.1",       "libc.so.6",
        "ld-linux-x86-64.so.2"}; // glibc's loader: thread-local storage
    const std::regex needed(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])");
    int count = 0;
    for (std::sregex_iterator it(dynamic.begin(), dynamic.end(), needed), end; it != end; ++it)
    {
        ++count;
        EXPECT_TRUE(allowed.count((*it)[1])) << "unexpected dependency " << (*it)[1];
    }
    EXPECT_GT(count, 0) << dynamic;
    EXPECT_EQ(dynamic.find("sqlite"), std::string::npos);
    EXPECT_EQ(dynamic.find("TEXTREL"), std::string::npos);
}

TEST(Packaging, DescriptionNamesIdentifierVersionPlatformAndLanguages)
{
    const std::string description = unzipped("description.xml");
    EXPECT_NE(description.find(R"(<identifier value="org.clientes.calc"/>)"), std::string::npos);
    EXPECT_TRUE(std::regex_search(description, std::regex(R"(<version value="\d+\.\d+\.\d+"/>)")));
    EXPECT_NE(description.find(R"(<platform value="linux_x86_64"/>)"), std::string::npos);
    EXPECT_NE(description.find("LibreOffice-minimal-version"), std::string::npos);
    for (const char* lang : {"es", "en", "pt"})
    {
        EXPECT_NE(description.find(std::string("description_") + lang + ".txt"), std::string::npos);
        EXPECT_FALSE(
            unzipped((std::string("description/description_") + lang + ".txt").c_str()).empty());
        EXPECT_FALSE(unzipped((std::string("dialogs/ClientDialog_") + lang + ".properties").c_str())
                         .empty());
    }
    EXPECT_FALSE(unzipped("registration/LICENSE").empty());
    EXPECT_FALSE(unzipped("icons/clientes-42.png").empty());
}

TEST(Packaging, ManifestRegistersTypesComponentsAndConfiguration)
{
    const std::string manifest = unzipped("META-INF/manifest.xml");
    EXPECT_NE(manifest.find("uno-typelibrary;type=RDB"), std::string::npos);
    EXPECT_NE(manifest.find("uno-components;platform=Linux_x86_64"), std::string::npos);
    EXPECT_NE(manifest.find("config/Sidebar.xcu"), std::string::npos);
    EXPECT_NE(manifest.find("config/Factories.xcu"), std::string::npos);
}

// An admin's update cycle: the extension is removed and installed again; the clients stay,
// because the database lives in the user profile, not in the extension's folder.
TEST(Packaging, UninstallAndReinstallKeepTheClients)
{
    OfficeOptions options;
    options.defaultDatabase = true;
    Office office(options);
    const Reference<XClientDirectory> before(office.create("org.clientes.ClientDirectory"),
                                             UNO_QUERY_THROW);
    const rtl::OUString code = before->addClient(fields({{"legalName", "Persistente, S.A."}}));

    ASSERT_TRUE(std::filesystem::exists(office.database())) << office.database();
    const auto mode = std::filesystem::status(office.database()).permissions();
    EXPECT_EQ(mode & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    EXPECT_EQ(office.database().string().find("uno_packages"), std::string::npos);

    office.shutdown();
    ASSERT_EQ(office.unopkg({"remove", "org.clientes.calc"}), 0);
    EXPECT_TRUE(std::filesystem::exists(office.database()));
    ASSERT_EQ(office.unopkg({"add", "--suppress-license", builtExtension().string()}), 0);
    office.restart();

    const Reference<XClientDirectory> after(office.create("org.clientes.ClientDirectory"),
                                            UNO_QUERY_THROW);
    EXPECT_EQ(field(after->getClient(code), "legalName"), "Persistente, S.A.");
}

TEST(Packaging, TheExtensionManagerListsIdentifierAndVersion)
{
    Office office;
    office.shutdown();
    ASSERT_EQ(office.unopkg({"list"}), 0);
    std::ifstream in(office.workDir() / "unopkg.log");
    const std::string listing((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    EXPECT_NE(listing.find("Identifier: org.clientes.calc"), std::string::npos) << listing;
    EXPECT_NE(listing.find("Version: " CLIENTES_TEST_VERSION), std::string::npos) << listing;
    EXPECT_NE(listing.find("is registered: yes"), std::string::npos) << listing;
}

// Each component the manifest registers is made by its service name and says what it is.
TEST(Packaging, EveryComponentAnswersForItsService)
{
    Office office;
    const std::pair<const char*, const char*> components[] = {
        {"org.clientes.ClientDirectory", "org.clientes.calc.ClientDirectory"},
        {"org.clientes.calc.PanelFactory", "org.clientes.calc.PanelFactory"},
        {"org.clientes.ClientEditor", "org.clientes.calc.ClientEditor"},
        {"org.clientes.ProfileViewer", "org.clientes.calc.ProfileViewer"},
        {"org.clientes.ImportWizard", "org.clientes.calc.ImportWizard"},
        {"org.clientes.ExportDialog", "org.clientes.calc.ExportDialog"}};
    for (const auto& [service, implementation] : components)
    {
        SCOPED_TRACE(service);
        const Reference<css::lang::XServiceInfo> info(office.create(service), UNO_QUERY_THROW);
        EXPECT_EQ(info->getImplementationName(), rtl::OUString::createFromAscii(implementation));
        EXPECT_TRUE(info->supportsService(rtl::OUString::createFromAscii(service)));
        EXPECT_FALSE(info->supportsService("org.clientes.Nothing"));
        const auto names = info->getSupportedServiceNames();
        ASSERT_EQ(names.getLength(), 1);
        EXPECT_EQ(names[0], rtl::OUString::createFromAscii(service));
    }
}
} // namespace clientes::testing
