#include "office.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/container/XSet.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase1.hxx>
#include <rtl/bootstrap.hxx>
#include <rtl/ref.hxx>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <grp.h>
#include <mutex>
#include <pwd.h>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace css = ::com::sun::star;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace clientes::testing
{
namespace
{
constexpr const char* kProgramDir = "/usr/lib/libreoffice/program";

OUString u(const std::string& text)
{
    return OUString(text.c_str(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

std::string fileUrl(const std::filesystem::path& path)
{
    return "file://" + path.string();
}

// Runs argv, waiting for it; stdout and stderr go to logFile. Returns the exit status.
int run(const std::vector<std::string>& argv, const std::filesystem::path& logFile,
        const std::vector<std::string>& extraEnvironment = {})
{
    const pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0)
    {
        const int fd = open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        for (const std::string& entry : extraEnvironment)
            putenv(const_cast<char*>(entry.c_str()));
        std::vector<char*> args;
        for (const std::string& arg : argv)
            args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string logOf(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const std::filesystem::path& path, const std::string& content)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << content;
}
} // namespace

std::filesystem::path builtExtension()
{
    return CLIENTES_TEST_OXT;
}
std::filesystem::path builtTypes()
{
    return CLIENTES_TEST_RDB;
}

Reference<css::uno::XComponentContext> localContext()
{
    static const Reference<css::uno::XComponentContext> context = []
    {
        // The office's own bootstrap file knows every type and service of the URE.
        setenv("URE_BOOTSTRAP",
               (std::string("vnd.sun.star.pathname:") + kProgramDir + "/fundamentalrc").c_str(), 1);
        Reference<css::uno::XComponentContext> local =
            cppu::defaultBootstrap_InitialComponentContext();
        Reference<css::container::XSet> types(
            local->getValueByName(OUString::createFromAscii(
                "/singletons/com.sun.star.reflection.theTypeDescriptionManager")),
            UNO_QUERY_THROW);
        types->insert(css::uno::Any(u(fileUrl(builtTypes()))));
        return local;
    }();
    return context;
}

void setOfficeLocale(const Office& office, const std::string& tag)
{
    css::uno::Sequence<css::uno::Any> arguments(1);
    arguments.getArray()[0] <<= css::beans::NamedValue(
        OUString::createFromAscii("nodepath"),
        css::uno::Any(OUString::createFromAscii("/org.openoffice.Setup/L10N")));
    const Reference<css::container::XNameReplace> node(
        css::configuration::theDefaultProvider::get(office.context())
            ->createInstanceWithArguments(
                OUString::createFromAscii("com.sun.star.configuration.ConfigurationUpdateAccess"),
                arguments),
        UNO_QUERY_THROW);
    node->replaceByName(OUString::createFromAscii("ooSetupSystemLocale"),
                        css::uno::Any(OUString(tag.data(), static_cast<sal_Int32>(tag.size()),
                                               RTL_TEXTENCODING_UTF8)));
    Reference<css::util::XChangesBatch>(node, UNO_QUERY_THROW)->commitChanges();
}

Office::Office(OfficeOptions options) : m_options(std::move(options))
{
    char pattern[] = "/tmp/clientes-it-XXXXXX";
    if (!mkdtemp(pattern))
        throw std::runtime_error("mkdtemp failed");
    m_workDir = pattern;
    m_profile = m_workDir / "profile";
    m_database = m_options.defaultDatabase    ? m_profile / "user" / "clientes" / "clientes.db"
                 : m_options.database.empty() ? m_workDir / "data" / "clientes.db"
                                              : m_options.database;
    m_pipeName =
        "clientes_it_" + std::to_string(getpid()) + "_" + m_workDir.filename().string().substr(12);
    try
    {
        installExtension();
        start();
        connect();
    }
    catch (...)
    {
        stop();
        throw;
    }
}

Office::~Office()
{
    stop();
}

void Office::installExtension() const
{
    // The UI language is pinned in the profile, where Tools ▸ Options ▸ Language Settings keeps
    // it; at start the office derives ooLocale (what the extension reads) from it.
    writeFile(
        m_profile / "user" / "registrymodifications.xcu",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
        "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        "<item oor:path=\"/org.openoffice.Office.Linguistic/General\"><prop oor:name=\"UILocale\" "
        "oor:op=\"fuse\"><value>" +
            m_options.uiLocale + "</value></prop></item>\n" +
            (m_options.locale.empty() ? std::string()
                                      : "<item oor:path=\"/org.openoffice.Setup/L10N\"><prop "
                                        "oor:name=\"ooSetupSystemLocale\" oor:op=\"fuse\"><value>" +
                                            m_options.locale + "</value></prop></item>\n") +
            "<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop "
            "oor:name=\"FirstRun\" oor:op=\"fuse\"><value>false</value></prop></item>\n" +
            "<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop "
            "oor:name=\"ShowTipOfTheDay\" oor:op=\"fuse\"><value>false</value></prop></item>\n" +
            "</oor:items>\n");
    const std::filesystem::path oxt = m_workDir / "clientes.oxt";
    std::filesystem::copy_file(m_options.extension.empty() ? builtExtension() : m_options.extension,
                               oxt);

    const int status = unopkg({"add", "--suppress-license", oxt.string()});
    if (status != 0)
        throw std::runtime_error("unopkg add failed (" + std::to_string(status) +
                                 "): " + logOf(m_workDir / "unopkg.log"));
    for (const std::filesystem::path& extra : m_options.extraExtensions)
    {
        const std::filesystem::path copy = m_workDir / extra.filename();
        std::filesystem::copy_file(extra, copy, std::filesystem::copy_options::overwrite_existing);
        if (unopkg({"add", "--suppress-license", copy.string()}) != 0)
            throw std::runtime_error("unopkg add " + extra.string() +
                                     " failed: " + logOf(m_workDir / "unopkg.log"));
    }
}

void Office::handProfileToInstaller() const
{
    // unopkg refuses a per-user install as root: the throw-away folder is handed to 'nobody'
    // for it, as an ordinary user would do it. The office (run as root) can use it all the same.
    const passwd* nobody = getpwnam("nobody");
    if (!nobody)
        throw std::runtime_error("running as root needs the user 'nobody' to install the .oxt");
    if (chown(m_workDir.c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
        throw std::runtime_error("chown failed");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(m_workDir))
        if (lchown(entry.path().c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
            throw std::runtime_error("chown failed");
}

int Office::unopkg(const std::vector<std::string>& arguments) const
{
    std::vector<std::string> command;
    if (geteuid() == 0)
    {
        handProfileToInstaller();
        const passwd* nobody = getpwnam("nobody");
        command = {"setpriv", "--reuid=" + std::to_string(nobody->pw_uid),
                   "--regid=" + std::to_string(nobody->pw_gid), "--clear-groups"};
    }
    command.push_back(std::string(kProgramDir) + "/unopkg");
    command.insert(command.end(), arguments.begin(), arguments.end());
    command.push_back("-env:UserInstallation=" + fileUrl(m_profile));
    return run(command, m_workDir / "unopkg.log", {"HOME=" + m_workDir.string()});
}

void Office::shutdown()
{
    stopProcess();
}

void Office::restart()
{
    stopProcess();
    start();
    connect();
}

void Office::start()
{
    std::filesystem::create_directories(m_database.parent_path());
    const std::string logFile = (m_workDir / "office.log").string();
    std::vector<std::string> argv = {std::string(kProgramDir) + "/soffice",
                                     "--headless",
                                     "--invisible",
                                     "--norestore",
                                     "--nologo",
                                     "--nodefault",
                                     "--nolockcheck",
                                     "-env:UserInstallation=" + fileUrl(m_profile),
                                     "--accept=pipe,name=" + m_pipeName + ";urp;"};
    if (m_options.display)
    {
        if (!std::getenv("DISPLAY"))
            throw std::runtime_error("OfficeOptions::display needs an X display: run the test "
                                     "under xvfb-run");
        argv.erase(argv.begin() + 1, argv.begin() + 3); // a real window, not --headless
    }
    const std::string databaseEnv =
        m_options.defaultDatabase ? std::string() : "CLIENTES_DB=" + m_database.string();
    m_pid = fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0)
    {
        setpgid(0, 0); // its own process group, so that teardown reaches every child
        const int fd = open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        const int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        if (databaseEnv.empty())
            unsetenv("CLIENTES_DB");
        else
            putenv(const_cast<char*>(databaseEnv.c_str()));
        if (m_options.server.empty())
            unsetenv("CLIENTES_SERVER");
        else
            setenv("CLIENTES_SERVER", m_options.server.c_str(), 1);
        setenv("SAL_USE_VCLPLUGIN", m_options.display ? "gen" : "svp", 1);
        unsetenv("URE_BOOTSTRAP");
        for (const auto& [name, value] : m_options.environment)
            setenv(name.c_str(), value.c_str(), 1);
        std::vector<char*> args;
        for (const std::string& arg : argv)
            args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    setpgid(m_pid, m_pid);
}

void Office::connect()
{
    const auto resolver = css::bridge::UnoUrlResolver::create(localContext());
    const OUString url = u("uno:pipe,name=" + m_pipeName + ";urp;StarOffice.ComponentContext");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (true)
    {
        try
        {
            m_remote.set(resolver->resolve(url), UNO_QUERY_THROW);
            return;
        }
        catch (const css::connection::NoConnectException&)
        {
        }
        if (!running())
            throw std::runtime_error("soffice exited before accepting a connection:\n" + log());
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("soffice did not accept a connection in 90 s:\n" + log());
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
}

namespace
{
class Barrier : public ::cppu::WeakImplHelper1<css::awt::XCallback>
{
public:
    void SAL_CALL notify(const css::uno::Any&) override
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_reached = true;
        m_condition.notify_all();
    }
    bool wait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_condition.wait_for(lock, std::chrono::seconds(30), [this] { return m_reached; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_condition;
    bool m_reached = false;
};
} // namespace

void Office::waitForMainThread() const
{
    // Callbacks run in the order they were posted, so ours runs after the deck's.
    for (int round = 0; round < 2; ++round)
    {
        rtl::Reference<Barrier> barrier(new Barrier());
        css::awt::AsyncCallback::create(m_remote)->addCallback(barrier.get(), css::uno::Any());
        if (!barrier->wait())
            throw std::runtime_error("the office's main thread did not answer in 30 s");
    }
}

bool Office::running() const
{
    if (m_pid <= 0)
        return false;
    int status = 0;
    return waitpid(m_pid, &status, WNOHANG) == 0;
}

Reference<css::uno::XInterface> Office::create(const char* service) const
{
    return m_remote->getServiceManager()->createInstanceWithContext(
        OUString::createFromAscii(service), m_remote);
}

std::string Office::log() const
{
    return logOf(m_workDir / "office.log");
}

void Office::stop() noexcept
{
    stopProcess();
    if (!m_workDir.empty() && !std::getenv("CLIENTES_KEEP_TEST_DIRS"))
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_workDir, ignored);
    }
}

void Office::stopProcess() noexcept
{
    if (m_remote.is())
    {
        try
        {
            css::frame::Desktop::create(m_remote)->terminate();
        }
        catch (const css::uno::Exception&)
        {
            // The bridge goes away while terminate() returns: expected.
        }
        m_remote.clear();
    }
    if (m_pid > 0)
    {
        for (int i = 0; i < 200 && running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        kill(-m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_pid = -1;
    }
}
} // namespace clientes::testing
