#include "support/profile_files.hxx"

#include "support/entry_guard.hxx"
#include "support/office_settings.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XTerminateListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <mutex>

namespace clientes::uno::profile_files
{
namespace
{
namespace fs = std::filesystem;

std::filesystem::path systemPath(const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None ||
        path.isEmpty())
        throw FileProblem(FileProblem::Reason::NotAFileUrl, toUtf8(url));
    return fs::path(toUtf8(path));
}

fs::path tempDir(const std::string& name)
{
    OUString url;
    OUString path;
    if (osl::FileBase::getTempDirURL(url) != osl::FileBase::E_None ||
        osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        throw FileProblem(FileProblem::Reason::CannotWrite, name);
    return fs::path(toUtf8(path));
}

// The copies this office made, removed when it terminates.
struct Copies
{
    std::mutex mutex;
    fs::path tempDir;
    std::vector<fs::path> made;
    bool listening = false;
};

Copies& copies()
{
    // Never destroyed: the terminate listener may run during static teardown.
    static Copies* const instance = new Copies();
    return *instance;
}

class CopiesRemover : public ::cppu::WeakImplHelper1<css::frame::XTerminateListener>
{
public:
    void SAL_CALL queryTermination(const css::lang::EventObject&) override {}
    void SAL_CALL notifyTermination(const css::lang::EventObject&) override
    {
        guardedNoThrow("removing the temporary copies of attachments",
                       []
                       {
                           Copies& state = copies();
                           std::lock_guard<std::mutex> lock(state.mutex);
                           removeOpenCopies(state.tempDir, state.made);
                           state.made.clear();
                       });
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}
};
} // namespace

OUString fileUrl(const OUString& urlOrPath)
{
    if (urlOrPath.startsWithIgnoreAsciiCase("file:"))
        return urlOrPath;
    if (urlOrPath.startsWith("/"))
    {
        OUString url;
        if (osl::FileBase::getFileURLFromSystemPath(urlOrPath, url) == osl::FileBase::E_None)
            return url;
    }
    throw FileProblem(FileProblem::Reason::NotAFileUrl, toUtf8(urlOrPath));
}

std::string fileNameOf(const OUString& url)
{
    OUString path = url;
    if (const sal_Int32 query = path.indexOf('?'); query >= 0)
        path = path.copy(0, query);
    const sal_Int32 slash = path.lastIndexOf('/');
    const OUString segment = slash >= 0 ? path.copy(slash + 1) : path;
    return toUtf8(rtl::Uri::decode(segment, rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8));
}

LoadedFile readFile(const OUString& urlOrPath, std::int64_t limit)
{
    return readAttachment(systemPath(fileUrl(urlOrPath)), limit);
}

void writeFile(const Context& context, const OUString& urlOrPath,
               std::span<const std::uint8_t> bytes)
{
    const fs::path target = systemPath(fileUrl(urlOrPath));
    writeFileCopy(target, bytes, databasePath(context));
}

OUString writeTemporaryCopy(const Context& context, const std::string& name,
                            std::span<const std::uint8_t> bytes)
{
    const fs::path temp = tempDir(name);
    const fs::path copy = writeOpenCopy(temp, name, bytes);
    {
        Copies& state = copies();
        std::lock_guard<std::mutex> lock(state.mutex);
        state.tempDir = temp;
        state.made.push_back(copy);
        if (!state.listening)
            state.listening = guardedNoThrow(
                "watching for the office's end",
                [&] {
                    css::frame::Desktop::create(context)->addTerminateListener(new CopiesRemover());
                });
    }
    OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(fromUtf8(copy.string()), url) !=
        osl::FileBase::E_None)
        throw FileProblem(FileProblem::Reason::CannotWrite, name);
    return url;
}

void cleanTemporaryCopiesOnce()
{
    static std::once_flag once;
    std::call_once(once,
                   []
                   {
                       guardedNoThrow("removing old temporary copies of attachments",
                                      [] { removeOldOpenCopies(tempDir({}), kOpenCopyGrace); });
                   });
}
} // namespace clientes::uno::profile_files
