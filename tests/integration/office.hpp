// A real LibreOffice for integration tests: the built .oxt installed into a throw-away
// profile, soffice --headless started on it, and a UNO bridge to it.
#pragma once

#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <thread>
#include <utility>
#include <vector>

namespace clientes::testing
{
struct OfficeOptions
{
    std::filesystem::path database; // CLIENTES_DB for the office; empty = inside the temp dir
    bool defaultDatabase = false;   // no CLIENTES_DB: the extension picks its own place
    std::string uiLocale = "es-ES"; // pinned so that assertions on words hold
    // Tools ▸ Options ▸ Language Settings ▸ Locale setting: the extension's figures, amounts and
    // dates (uno::officeLocale) and the toolkit fields' separators and date order; empty = the
    // default, which follows the system's (C here: en-US).
    std::string locale;
    std::vector<std::filesystem::path> extraExtensions; // installed after clientes.oxt (benchmarks)
    // The .oxt installed first; empty = the one just built (the upgrade test installs the
    // previous release's).
    std::filesystem::path extension;
    // A real window on the X display of the test's environment (DISPLAY: the ctest entry runs
    // under xvfb-run) instead of --headless, so that modal dialogs really open and can be
    // looked at and closed over the bridge.
    bool display = false;
    // CLIENTES_SERVER for the office (a libpq connection string): the register on a team
    // server instead of the file; empty = the file.
    std::string server;
    // More variables for the office's environment (a PATH with a stand-in for xdg-open).
    std::vector<std::pair<std::string, std::string>> environment;
};

class Office;
// Changes the office's locale setting while it runs ("" = the system's).
void setOfficeLocale(const Office& office, const std::string& tag);

class Office
{
public:
    explicit Office(OfficeOptions options = {});
    ~Office();
    Office(const Office&) = delete;
    Office& operator=(const Office&) = delete;

    const css::uno::Reference<css::uno::XComponentContext>& context() const { return m_remote; }
    css::uno::Reference<css::uno::XInterface> create(const char* service) const;
    const std::filesystem::path& workDir() const { return m_workDir; }
    const std::filesystem::path& database() const { return m_database; }
    // The office's own output (stdout and stderr), for failure messages.
    std::string log() const;
    bool running() const;
    // Ends the office (the profile stays), runs unopkg on the profile, starts it again.
    void shutdown();
    void restart();
    // unopkg with the profile's UserInstallation (as 'nobody' when run as root); returns the
    // exit status, output in unopkg.log.
    int unopkg(const std::vector<std::string>& arguments) const;
    const std::filesystem::path& profile() const { return m_profile; }
    // The office's process id (its resident size is read from /proc by benchmarks).
    pid_t pid() const { return m_pid; }
    // Returns once the office's main thread has run everything posted to it so far (the deck
    // does its work there).
    void waitForMainThread() const;

private:
    void installExtension() const;
    void start();
    void connect();
    void stop() noexcept;
    void stopProcess() noexcept;
    void handProfileToInstaller() const;

    OfficeOptions m_options;
    std::filesystem::path m_workDir;
    std::filesystem::path m_profile;
    std::filesystem::path m_database;
    std::string m_pipeName;
    pid_t m_pid = -1;
    css::uno::Reference<css::uno::XComponentContext> m_remote;
};

// Whether `check` holds within about ten seconds, asked after each round of the office's main
// thread (for what the extension does there, or posts there from a thread of its own).
template <typename Check> bool eventually(const Office& office, Check&& check)
{
    for (int i = 0; i < 200; ++i)
    {
        office.waitForMainThread();
        if (check())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return check();
}

// The local UNO environment of the test process, with our types known.
css::uno::Reference<css::uno::XComponentContext> localContext();

// Where the build put things (set by CMake as compile definitions).
std::filesystem::path builtExtension();
std::filesystem::path builtTypes();
} // namespace clientes::testing
