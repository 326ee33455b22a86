// Files in and out of the register: what attachFile reads (regular files only, never
// blocking), how saveFileCopy replaces a file (atomically, never the register's own), the
// temporary copies for opening and their cleaning, names that could disguise a file, and files
// that can run code.
#include "core/files/safe_files.hpp"
#include "core/files/sha256.hpp"
#include "core/messages/messages.hpp"
#include "core/register/register.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>
#include <fstream>
#include <future>
#include <thread>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace clientes
{
namespace
{
namespace fs = std::filesystem;
using test::TempDir;
using Reason = FileProblem::Reason;

std::vector<std::uint8_t> patterned(std::size_t size, int seed = 3)
{
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<std::uint8_t>((i * 7 + static_cast<std::size_t>(seed)) % 256);
    return bytes;
}

void writeBytes(const fs::path& path, const std::vector<std::uint8_t>& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::uint8_t> readBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> bytesOf(std::string_view text)
{
    return {text.begin(), text.end()};
}

std::vector<std::string> namesIn(const fs::path& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// The reason readAttachment refuses the path; "none" when it reads it. Fails the test (after
// unblocking it) when the call is still running after five seconds.
std::string refusal(const fs::path& path, const fs::path& fifoToUnblock = {})
{
    auto call = std::async(std::launch::async,
                           [path]() -> std::string
                           {
                               try
                               {
                                   readAttachment(path, kMaxFileBytes);
                                   return "none";
                               }
                               catch (const FileProblem& problem)
                               {
                                   return std::to_string(static_cast<int>(problem.reason));
                               }
                               catch (const FileTooLarge&)
                               {
                                   return "too large";
                               }
                           });
    if (call.wait_for(std::chrono::seconds(5)) != std::future_status::ready)
    {
        if (!fifoToUnblock.empty())
        {
            const int writer = ::open(fifoToUnblock.c_str(), O_WRONLY | O_NONBLOCK);
            if (writer >= 0)
                ::close(writer);
        }
        ADD_FAILURE() << "readAttachment(" << path << ") blocked";
        return call.get();
    }
    return call.get();
}

std::string reason(Reason value)
{
    return std::to_string(static_cast<int>(value));
}

// ---------------------------------------------------------------------------- reading

TEST(SafeFilesRead, ARegularFileIsReadWhole)
{
    TempDir dir;
    const auto bytes = patterned(100000);
    writeBytes(dir / "contrato firmado.pdf", bytes);
    const LoadedFile file = readAttachment(dir / "contrato firmado.pdf", kMaxFileBytes);
    EXPECT_EQ(file.name, "contrato firmado.pdf");
    EXPECT_EQ(file.bytes, bytes);
    EXPECT_EQ(sha256Hex(file.bytes),
              "d96bab6a55ee326ba206dd4a85a6e95e14360d7fabbf448f03e689c24382b7d0");

    writeBytes(dir / "vacío.txt", {});
    EXPECT_TRUE(readAttachment(dir / "vacío.txt", kMaxFileBytes).bytes.empty());
}

TEST(SafeFilesRead, ASymbolicLinkIsFollowedToItsFileAndKeepsItsOwnName)
{
    TempDir dir;
    const auto bytes = patterned(70000, 11);
    fs::create_directories(dir / "real");
    writeBytes(dir / "real" / "datos.bin", bytes);
    fs::create_symlink(dir / "real" / "datos.bin", dir / "enlace.pdf");
    fs::create_symlink("enlace.pdf", dir / "enlace de enlace.pdf"); // relative, two steps
    for (const char* link : {"enlace.pdf", "enlace de enlace.pdf"})
    {
        const LoadedFile file = readAttachment(dir / link, kMaxFileBytes);
        EXPECT_EQ(file.name, link);
        EXPECT_EQ(file.bytes.size(), 70000U);
        EXPECT_EQ(sha256Hex(file.bytes), sha256Hex(bytes));
    }
    fs::create_symlink(dir / "no-existe", dir / "roto.pdf");
    EXPECT_EQ(refusal(dir / "roto.pdf"), reason(Reason::CannotRead));
}

TEST(SafeFilesRead, AFifoIsRefusedWithoutBlocking)
{
    TempDir dir;
    const fs::path fifo = dir / "tubería.pdf";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    fs::create_symlink(fifo, dir / "enlace a tubería.pdf");
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(refusal(fifo, fifo), reason(Reason::NotRegular));
    EXPECT_EQ(refusal(dir / "enlace a tubería.pdf", fifo), reason(Reason::NotRegular));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
}

TEST(SafeFilesRead, DevicesSocketsAndFoldersAreRefused)
{
    TempDir dir;
    EXPECT_EQ(refusal("/dev/null"), reason(Reason::NotRegular));
    EXPECT_EQ(refusal("/dev/zero"), reason(Reason::NotRegular));
    fs::create_symlink("/dev/zero", dir / "ceros.bin");
    EXPECT_EQ(refusal(dir / "ceros.bin"), reason(Reason::NotRegular));
    EXPECT_EQ(refusal(dir.path()), reason(Reason::Folder));
    fs::create_directories(dir / "carpeta.pdf");
    EXPECT_EQ(refusal(dir / "carpeta.pdf"), reason(Reason::Folder));

    const fs::path socketPath = dir / "s.sock";
    const int listening = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(listening, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    ASSERT_LT(socketPath.string().size(), sizeof address.sun_path);
    std::strcpy(address.sun_path, socketPath.c_str());
    ASSERT_EQ(::bind(listening, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(refusal(socketPath), reason(Reason::NotRegular));
    ::close(listening);

    EXPECT_EQ(refusal(dir / "no-existe.pdf"), reason(Reason::CannotRead));
}

// /proc and /sys files say 0 or 4096 bytes whatever they yield: the filesystem's type tells
// them apart, so that none is stored (empty, or with the environment's secrets).
TEST(SafeFilesRead, PseudoFilesOfProcAndSysAreRefused)
{
    TempDir dir;
    EXPECT_EQ(refusal("/proc/self/environ"), reason(Reason::SystemFile));
    EXPECT_EQ(refusal("/proc/self/status"), reason(Reason::SystemFile));
    EXPECT_EQ(refusal("/proc/cpuinfo"), reason(Reason::SystemFile));
    fs::create_symlink("/proc/self/environ", dir / "entorno.txt");
    EXPECT_EQ(refusal(dir / "entorno.txt"), reason(Reason::SystemFile));
    bool triedSys = false;
    for (const char* file : {"/sys/kernel/uevent_seqnum", "/sys/power/state", "/sys/kernel/mm"})
        if (fs::is_regular_file(file))
        {
            triedSys = true;
            EXPECT_EQ(refusal(file), reason(Reason::SystemFile)) << file;
        }
    EXPECT_TRUE(triedSys);
}

TEST(SafeFilesRead, AFileOverTheLimitIsRefusedBySizeOrByWhatItYields)
{
    TempDir dir;
    writeBytes(dir / "justo.bin", patterned(1000));
    EXPECT_EQ(readAttachment(dir / "justo.bin", 1000).bytes.size(), 1000U);
    writeBytes(dir / "grande.bin", patterned(1001));
    try
    {
        readAttachment(dir / "grande.bin", 1000);
        FAIL() << "expected FileTooLarge";
    }
    catch (const FileTooLarge& error)
    {
        EXPECT_EQ(error.name, "grande.bin");
        EXPECT_EQ(error.size, 1001);
        EXPECT_EQ(error.limit, 1000);
    }
    // Sparse, 50 MB + 1: refused by its size, nothing read.
    std::ofstream(dir / "enorme.bin").close();
    fs::resize_file(dir / "enorme.bin", kMaxFileBytes + 1);
    EXPECT_THROW(readAttachment(dir / "enorme.bin", kMaxFileBytes), FileTooLarge);
}

// A file still being written (a download, a log): what is kept is what was read, a prefix of
// the file, never a size the bytes do not have.
TEST(SafeFilesRead, AFileThatGrowsWhileReadKeepsTheBytesRead)
{
    TempDir dir;
    const fs::path path = dir / "creciendo.log";
    const auto first = patterned(1 << 20);
    writeBytes(path, first);
    std::atomic<bool> stop = false;
    std::thread writer(
        [&]
        {
            std::ofstream out(path, std::ios::binary | std::ios::app);
            const auto more = patterned(4096, 5);
            for (int i = 0; i < 4000 && !stop; ++i)
            {
                out.write(reinterpret_cast<const char*>(more.data()),
                          static_cast<std::streamsize>(more.size()));
                out.flush();
            }
        });
    LoadedFile file;
    for (int round = 0; round < 5; ++round)
        file = readAttachment(path, kMaxFileBytes);
    stop = true;
    writer.join();
    const auto whole = readBytes(path);
    ASSERT_GE(file.bytes.size(), first.size());
    ASSERT_LE(file.bytes.size(), whole.size());
    EXPECT_TRUE(std::equal(file.bytes.begin(), file.bytes.end(), whole.begin()));
}

// ---------------------------------------------------------------------------- names

TEST(SafeFilesNames, BidirectionalAndControlCharactersAreUnsafe)
{
    for (const char* fine :
         {"plano de planta.pdf", "año 2024 — café «bueno».pdf", "فاتورة.pdf", "חשבונית.pdf",
          "नमस्ते.txt", "👨‍👩‍👧 familia.jpg", "‌زبان.txt", "tab\\slash.txt"})
        EXPECT_FALSE(hasUnsafeNameCharacters(fine)) << fine;
    for (char32_t cp :
         {0x00,   0x01,   0x09,   0x0A,   0x1B,   0x1F,   0x7F,   0x80,   0x85,   0x9F,
          0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D,
          0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x206F, 0xFEFF, 0xFFF9, 0xFFFB})
    {
        EXPECT_TRUE(isUnsafeNameCharacter(cp)) << std::hex << static_cast<unsigned>(cp);
        std::string name = "a";
        if (cp < 0x80)
            name += static_cast<char>(cp);
        else if (cp < 0x800)
        {
            name += static_cast<char>(0xC0 | (cp >> 6));
            name += static_cast<char>(0x80 | (cp & 0x3F));
        }
        else
        {
            name += static_cast<char>(0xE0 | (cp >> 12));
            name += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            name += static_cast<char>(0x80 | (cp & 0x3F));
        }
        name += "b.pdf";
        EXPECT_TRUE(hasUnsafeNameCharacters(name)) << std::hex << static_cast<unsigned>(cp);
    }
    for (char32_t cp : {0x20, 0xA0, 0x200C, 0x200D, 0x2030, 0x2065, 0xFFFC, 0xFFFD})
        EXPECT_FALSE(isUnsafeNameCharacter(cp)) << std::hex << static_cast<unsigned>(cp);
    EXPECT_TRUE(hasUnsafeNameCharacters("mal\xFF.pdf"));
    EXPECT_TRUE(hasUnsafeNameCharacters("truncado\xE2\x80"));
}

TEST(SafeFilesNames, NeutralisedNamesShowEachHiddenCharacter)
{
    EXPECT_EQ(neutralisedName("invoice\u202Efdp.exe"), "invoice[U+202E]fdp.exe");
    EXPECT_EQ(neutralisedName("a\u2066b\u2069\u200Fc\u061C.txt"),
              "a[U+2066]b[U+2069][U+200F]c[U+061C].txt");
    EXPECT_EQ(neutralisedName("\xEF\xBB\xBFnota\n.txt"), "[U+FEFF]nota[U+000A].txt");
    EXPECT_EQ(neutralisedName("\xC2\x85x\x7F"), "[U+0085]x[U+007F]");
    EXPECT_EQ(neutralisedName("mal\xFF.pdf"), "mal[0xFF].pdf");
    EXPECT_EQ(neutralisedName("año — «café».pdf"), "año — «café».pdf");
}

TEST(SafeFilesNames, AnUnsafeNameIsRefusedAtAttachAndNamedNeutralised)
{
    TempDir dir;
    const std::string name = "invoice\u202Efdp.exe";
    writeBytes(dir / name, bytesOf("MZ..."));
    try
    {
        readAttachment(dir / name, kMaxFileBytes);
        FAIL() << "expected FileProblem";
    }
    catch (const FileProblem& problem)
    {
        EXPECT_EQ(problem.reason, Reason::UnsafeName);
        EXPECT_EQ(problem.name, name);
        for (Language language : {Language::Es, Language::En, Language::Pt})
        {
            const std::string message = describe(problem, language);
            EXPECT_NE(message.find("invoice[U+202E]fdp.exe"), std::string::npos) << message;
            EXPECT_EQ(message.find("\u202E"), std::string::npos) << message;
        }
        EXPECT_EQ(describe(problem, Language::Es),
                  "El nombre «invoice[U+202E]fdp.exe» contiene caracteres de control o que "
                  "cambian la dirección del texto (aquí [U+…]), con los que un archivo puede "
                  "aparentar otro tipo. Cámbiele el nombre y adjúntelo de nuevo.");
    }
}

TEST(SafeFilesNames, MessagesNameTheFileInEveryLanguage)
{
    EXPECT_EQ(describe(FileProblem(Reason::SystemFile, "environ"), Language::Es),
              "«environ» es un archivo especial del sistema (de /proc, /sys o similar), no un "
              "documento: no se adjunta.");
    EXPECT_EQ(describe(FileProblem(Reason::NotRegular, "tubo"), Language::En),
              "“tubo” is not an ordinary file (it is a pipe, a socket or a device): only "
              "ordinary files can be used.");
    EXPECT_EQ(describe(FileProblem(Reason::RegisterFile, "clientes.db"), Language::Pt),
              "«clientes.db» é um arquivo do próprio registro de clientes: uma cópia não pode "
              "substituí-lo. Escolha outro nome ou outra pasta.");
    for (Reason each : {Reason::NotAFileUrl, Reason::CannotRead, Reason::Folder, Reason::NotRegular,
                        Reason::SystemFile, Reason::UnsafeName, Reason::CannotWrite,
                        Reason::NoSpace, Reason::RegisterFile})
        for (Language language : {Language::Es, Language::En, Language::Pt})
        {
            const std::string message = describe(FileProblem(each, "x\u202Ey.pdf"), language);
            EXPECT_NE(message.find("x[U+202E]y.pdf"), std::string::npos) << message;
        }
    // A very long name is cut to a readable length.
    const std::string message =
        describe(FileProblem(Reason::CannotRead, std::string(5000, 'a')), Language::Es);
    EXPECT_LT(message.size(), 400U);
    EXPECT_NE(message.find("a…»"), std::string::npos);
}

// ---------------------------------------------------------------------------- writing

class SafeFilesWrite : public ::testing::Test
{
protected:
    void SetUp() override
    {
        database = dir / "registro" / "clientes.db";
        fs::create_directories(database.parent_path());
        writeBytes(database, bytesOf("SQLite format 3\0 the register"));
        writeBytes(fs::path(database.string() + "-wal"), bytesOf("wal"));
        writeBytes(fs::path(database.string() + "-shm"), bytesOf("shm"));
        old = bytesOf("contenido anterior");
        target = dir / "copia.pdf";
        writeBytes(target, old);
    }

    // The reason writeFileCopy refuses; "none" when it writes.
    std::string refusal(const fs::path& where)
    {
        try
        {
            writeFileCopy(where, patterned(5000), database);
            return "none";
        }
        catch (const FileProblem& problem)
        {
            return reason(problem.reason);
        }
    }

    TempDir dir;
    fs::path database;
    fs::path target;
    std::vector<std::uint8_t> old;
};

TEST_F(SafeFilesWrite, ANewFileGetsTheBytesAndTheUsualMode)
{
    const mode_t mask = ::umask(027);
    const auto bytes = patterned(300000);
    writeFileCopy(dir / "nuevo.pdf", bytes, database);
    ::umask(mask);
    EXPECT_EQ(readBytes(dir / "nuevo.pdf"), bytes);
    EXPECT_EQ(fs::status(dir / "nuevo.pdf").permissions(),
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(namesIn(dir.path()),
              (std::vector<std::string>{"copia.pdf", "nuevo.pdf", "registro"}));
}

TEST_F(SafeFilesWrite, AnOldFileIsReplacedWholeKeepingItsMode)
{
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                fs::perms::others_read);
    const auto bytes = patterned(5000);
    writeFileCopy(target, bytes, database);
    EXPECT_EQ(readBytes(target), bytes);
    EXPECT_EQ(fs::status(target).permissions(), fs::perms::owner_read | fs::perms::owner_write |
                                                    fs::perms::group_read | fs::perms::others_read);
    writeFileCopy(target, bytesOf("corto"), database); // shorter: nothing of the old left
    EXPECT_EQ(readBytes(target), bytesOf("corto"));
    EXPECT_EQ(namesIn(dir.path()), (std::vector<std::string>{"copia.pdf", "registro"}));
}

TEST_F(SafeFilesWrite, ALinkIsFollowedAndStaysALink)
{
    fs::create_directories(dir / "otra");
    fs::create_symlink(target, dir / "otra" / "enlace.pdf");
    writeFileCopy(dir / "otra" / "enlace.pdf", patterned(10), database);
    EXPECT_TRUE(fs::is_symlink(dir / "otra" / "enlace.pdf"));
    EXPECT_EQ(readBytes(target), patterned(10));
}

TEST_F(SafeFilesWrite, TheRegistersOwnFilesAreRefused)
{
    const auto registerBytes = readBytes(database);
    const fs::path folder = database.parent_path();
    writeBytes(folder / "clientes.db.backup-2024-05-01", bytesOf("copia"));
    fs::create_directories(dir / "otra");
    fs::create_symlink(database, dir / "otra" / "enlace.db");
    fs::create_symlink(folder / "clientes.db-wal", dir / "otra" / "enlace-wal");
    fs::create_symlink(folder, dir / "otra" / "carpeta");
    fs::create_hard_link(database, dir / "otra" / "duro.db");
    for (const fs::path& where :
         {database, fs::path(database.string() + "-wal"), fs::path(database.string() + "-shm"),
          fs::path(database.string() + "-journal"), folder / "clientes.db.backup-2024-05-01",
          folder / "clientes.db.backup-nueva", folder / ".." / "registro" / "clientes.db",
          dir / "otra" / ".." / "registro" / "clientes.db-wal", dir / "otra" / "enlace.db",
          dir / "otra" / "enlace-wal", dir / "otra" / "carpeta" / "clientes.db",
          dir / "otra" / "carpeta" / "clientes.db-journal", dir / "otra" / "duro.db"})
        EXPECT_EQ(refusal(where), reason(Reason::RegisterFile)) << where;
    EXPECT_EQ(readBytes(database), registerBytes);
    EXPECT_EQ(readBytes(fs::path(database.string() + "-wal")), bytesOf("wal"));
    EXPECT_FALSE(fs::exists(database.string() + "-journal"));
    EXPECT_FALSE(fs::exists(folder / "clientes.db.backup-nueva"));
    // Other files in the register's folder are the user's business.
    EXPECT_EQ(refusal(folder / "notas.txt"), "none");
    EXPECT_EQ(refusal(folder / "copia de clientes.db"), "none");
}

TEST_F(SafeFilesWrite, FoldersDevicesAndFifosAreNoTarget)
{
    EXPECT_EQ(refusal(dir.path()), reason(Reason::Folder));
    EXPECT_EQ(refusal("/dev/null"), reason(Reason::NotRegular));
    ASSERT_EQ(::mkfifo((dir / "tubo").c_str(), 0600), 0);
    EXPECT_EQ(refusal(dir / "tubo"), reason(Reason::NotRegular));
    EXPECT_EQ(refusal(dir / "no-existe" / "x.pdf"), reason(Reason::CannotWrite));
    EXPECT_EQ(namesIn(dir.path()), (std::vector<std::string>{"copia.pdf", "registro", "tubo"}));
}

// A write that fails half-way (here: the file size limit, as a full disk would) leaves the old
// file byte-identical and no temporary file behind.
TEST_F(SafeFilesWrite, AWriteThatFailsHalfWayLeavesTheOldFile)
{
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 64 * 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string outcome;
    try
    {
        writeFileCopy(target, patterned(1 << 20), database);
        outcome = "none";
    }
    catch (const FileProblem& problem)
    {
        outcome = reason(problem.reason);
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    EXPECT_EQ(outcome, reason(Reason::NoSpace));
    EXPECT_EQ(readBytes(target), old);
    EXPECT_EQ(namesIn(dir.path()), (std::vector<std::string>{"copia.pdf", "registro"}));
}

// A folder the user may not write to: the old file stays as it was. (As root, permissions do
// not stop a write: the folder is made immutable instead.)
TEST_F(SafeFilesWrite, AnUnwritableFolderLeavesTheOldFile)
{
    const fs::path folder = dir / "solo lectura";
    fs::create_directories(folder);
    writeBytes(folder / "copia.pdf", old);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    int flags = 0;
    int immutable = -1;
    if (::geteuid() == 0)
    {
        immutable = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
        if (immutable < 0 || ::ioctl(immutable, FS_IOC_GETFLAGS, &flags) != 0)
            GTEST_SKIP() << "cannot read the folder's attributes";
        int locked = flags | FS_IMMUTABLE_FL;
        if (::ioctl(immutable, FS_IOC_SETFLAGS, &locked) != 0)
            GTEST_SKIP() << "running as root without a way to make a folder unwritable";
    }
    const std::string outcome = refusal(folder / "copia.pdf");
    const std::string outcomeNew = refusal(folder / "nueva.pdf");
    if (immutable >= 0)
    {
        ::ioctl(immutable, FS_IOC_SETFLAGS, &flags);
        ::close(immutable);
    }
    fs::permissions(folder, fs::perms::owner_all);
    EXPECT_EQ(outcome, reason(Reason::CannotWrite));
    EXPECT_EQ(outcomeNew, reason(Reason::CannotWrite));
    EXPECT_EQ(readBytes(folder / "copia.pdf"), old);
    EXPECT_EQ(namesIn(folder), (std::vector<std::string>{"copia.pdf"}));
}

// ---------------------------------------------------------------------------- opening

TEST(SafeFilesOpen, CopiesGoIntoOurOwnFolderReadOnly)
{
    TempDir tmp;
    const auto bytes = patterned(1234);
    const fs::path copy = writeOpenCopy(tmp.path(), "plano de planta.pdf", bytes);
    const fs::path folder = openCopiesFolder(tmp.path());
    EXPECT_EQ(folder.filename(), "clientes-open-" + std::to_string(::getuid()));
    EXPECT_EQ(copy.filename(), "plano de planta.pdf");
    EXPECT_EQ(copy.parent_path().parent_path(), folder);
    EXPECT_EQ(readBytes(copy), bytes);
    EXPECT_EQ(fs::status(folder).permissions(), fs::perms::owner_all);
    EXPECT_EQ(fs::status(copy.parent_path()).permissions(), fs::perms::owner_all);
    EXPECT_EQ(fs::status(copy).permissions(), fs::perms::owner_read);
    // The same name again: another folder, both copies kept.
    const fs::path again = writeOpenCopy(tmp.path(), "plano de planta.pdf", patterned(5));
    EXPECT_NE(again, copy);
    EXPECT_EQ(readBytes(copy), bytes);

    EXPECT_EQ(writeOpenCopy(tmp.path(), "invoice\u202Efdp.exe", bytes).filename(),
              "invoice[U+202E]fdp.exe");
    for (const char* odd : {"../../fuera.txt", "..", "", "a/b\\c"})
    {
        const fs::path inside = writeOpenCopy(tmp.path(), odd, bytes);
        EXPECT_EQ(inside.parent_path().parent_path(), folder) << odd;
    }
    EXPECT_EQ(
        writeOpenCopy(tmp.path(), std::string(300, 'n') + ".pdf", bytes).filename().string().size(),
        200U);
}

TEST(SafeFilesOpen, AFolderLeftTooOpenIsTightenedAndOneNotOursRefused)
{
    TempDir tmp;
    const fs::path folder = openCopiesFolder(tmp.path());
    fs::create_directories(folder);
    fs::permissions(folder, fs::perms::all);
    writeOpenCopy(tmp.path(), "a.txt", patterned(3));
    EXPECT_EQ(fs::status(folder).permissions(), fs::perms::owner_all);

    TempDir other;
    TempDir tmp2;
    fs::create_directory_symlink(other.path(), openCopiesFolder(tmp2.path()));
    EXPECT_THROW(writeOpenCopy(tmp2.path(), "a.txt", patterned(3)), FileProblem);
    writeBytes(other / "ajeno.txt", patterned(3));
    fs::last_write_time(other / "ajeno.txt",
                        fs::file_time_type::clock::now() - std::chrono::hours(2));
    EXPECT_EQ(removeOldOpenCopies(tmp2.path(), kOpenCopyGrace), 0U);
    EXPECT_TRUE(fs::exists(other / "ajeno.txt"));
}

// At start the copies of earlier sessions go; those of the last few minutes may be another
// office's, open now, and stay.
TEST(SafeFilesOpen, OldCopiesAreCleanedAndFreshOnesKept)
{
    TempDir tmp;
    EXPECT_EQ(removeOldOpenCopies(tmp.path(), kOpenCopyGrace), 0U); // no folder yet
    const fs::path stale = writeOpenCopy(tmp.path(), "ayer.pdf", patterned(10));
    const fs::path fresh = writeOpenCopy(tmp.path(), "ahora.pdf", patterned(10));
    const auto hourAgo = fs::file_time_type::clock::now() - std::chrono::hours(1);
    fs::last_write_time(stale.parent_path(), hourAgo);
    EXPECT_EQ(removeOldOpenCopies(tmp.path(), kOpenCopyGrace), 1U);
    EXPECT_FALSE(fs::exists(stale.parent_path()));
    EXPECT_TRUE(fs::exists(fresh));
    EXPECT_EQ(removeOldOpenCopies(tmp.path(), std::chrono::seconds(-1)), 1U); // "all"
    EXPECT_FALSE(fs::exists(fresh));
    EXPECT_TRUE(fs::exists(openCopiesFolder(tmp.path())));

    // At the office's end, this session's copies go, whatever their age.
    const fs::path mine = writeOpenCopy(tmp.path(), "mía.pdf", patterned(10));
    const fs::path theirs = writeOpenCopy(tmp.path(), "otra.pdf", patterned(10));
    removeOpenCopies(tmp.path(), {mine, tmp / "fuera" / "x.pdf"});
    EXPECT_FALSE(fs::exists(mine.parent_path()));
    EXPECT_TRUE(fs::exists(theirs));
}

// ---------------------------------------------------------------------------- running code

TEST(SafeFilesOpen, ProgramsScriptsAndLaunchersMayRunCode)
{
    const auto text = bytesOf("Hola, esto es una nota.\n");
    for (const char* risky : {"lanzador.desktop",
                              "instalar.sh",
                              "x.bash",
                              "script.py",
                              "a.pl",
                              "b.rb",
                              "c.php",
                              "app.jar",
                              "setup.exe",
                              "run.bat",
                              "run.cmd",
                              "cmd.com",
                              "pkg.msi",
                              "do.ps1",
                              "v.vbs",
                              "code.js",
                              "App.AppImage",
                              "installer.run",
                              "firmware.bin",
                              "INFORME.PDF.EXE",
                              "factura.exe.",
                              "factura.exe ",
                              "invoice\u202Efdp.exe",
                              "paquete.deb"})
        EXPECT_TRUE(mayRunCode(risky, text)) << risky;
    for (const char* fine : {"plano.pdf", "foto.jpg", "informe.odt", "datos.csv", "sin extensión",
                             "notas.txt", "exe", ".bashrc.txt", "desktop.pdf"})
        EXPECT_FALSE(mayRunCode(fine, text)) << fine;
    // Whatever the name, by the first bytes.
    EXPECT_TRUE(mayRunCode("notas.txt", bytesOf("#!/bin/sh\nrm -rf ~\n")));
    EXPECT_TRUE(mayRunCode("foto.jpg", bytesOf("\x7F"
                                               "ELF\x02\x01\x01")));
    EXPECT_TRUE(mayRunCode("documento", bytesOf("MZ\x90\x00")));
    EXPECT_TRUE(mayRunCode("app", bytesOf("\xCF\xFA\xED\xFE")));
    EXPECT_TRUE(mayRunCode("léeme.txt", bytesOf("\xEF\xBB\xBF# lanzador\n\n[Desktop Entry]\r\n"
                                                "Exec=sh -c evil\n")));
    EXPECT_FALSE(mayRunCode("léeme.txt", bytesOf("Ver la sección [Desktop Entry] del manual.")));
    EXPECT_FALSE(mayRunCode("vacío.txt", {}));
}
} // namespace
} // namespace clientes
