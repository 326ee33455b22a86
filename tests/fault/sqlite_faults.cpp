#include "sqlite_faults.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace clientes::fault
{

namespace
{

// The store folds search texts on a second thread during large imports: counters are atomic.
std::atomic<int> armedKind{-1}; // -1 = disarmed, else static_cast<int>(Kind)
std::atomic<std::int64_t> failAt{0};
std::atomic<bool> persistent{false};
std::atomic<std::int64_t> seen{0};
std::atomic<bool> hasFired{false};
std::atomic<std::int64_t> injectedIo{0};
std::atomic<std::int64_t> injectedMemory{0};

bool shouldFail(Kind kind)
{
    if (armedKind.load() != static_cast<int>(kind))
        return false;
    const std::int64_t number = ++seen;
    const std::int64_t target = failAt.load();
    const bool fail = target > 0 && (number == target || (persistent.load() && number > target));
    if (fail)
    {
        hasFired = true;
        ++(kind == Kind::Io ? injectedIo : injectedMemory);
    }
    return fail;
}

// ------------------------------------------------------------------------- allocator

sqlite3_mem_methods realMemory{};

void* faultMalloc(int size)
{
    return shouldFail(Kind::Memory) ? nullptr : realMemory.xMalloc(size);
}

void* faultRealloc(void* old, int size)
{
    return shouldFail(Kind::Memory) ? nullptr : realMemory.xRealloc(old, size);
}

// ------------------------------------------------------------------------- VFS

sqlite3_vfs* realVfs = nullptr;
sqlite3_vfs faultVfs{};
sqlite3_io_methods faultIo{};

struct FaultFile
{
    sqlite3_file base;
    sqlite3_file* real; // the real VFS's file, allocated right after this struct
};

sqlite3_file* realOf(sqlite3_file* file)
{
    return reinterpret_cast<FaultFile*>(file)->real;
}

int ioClose(sqlite3_file* file)
{
    sqlite3_file* real = realOf(file);
    return real->pMethods != nullptr ? real->pMethods->xClose(real) : SQLITE_OK;
}

int ioRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset)
{
    if (shouldFail(Kind::Io))
        return SQLITE_IOERR_READ;
    return realOf(file)->pMethods->xRead(realOf(file), buffer, amount, offset);
}

int ioWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset)
{
    if (shouldFail(Kind::Io))
        return persistent.load() ? SQLITE_FULL : SQLITE_IOERR_WRITE; // a full disk stays full
    return realOf(file)->pMethods->xWrite(realOf(file), buffer, amount, offset);
}

int ioTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    if (shouldFail(Kind::Io))
        return SQLITE_IOERR_TRUNCATE;
    return realOf(file)->pMethods->xTruncate(realOf(file), size);
}

int ioSync(sqlite3_file* file, int flags)
{
    if (shouldFail(Kind::Io))
        return SQLITE_IOERR_FSYNC;
    return realOf(file)->pMethods->xSync(realOf(file), flags);
}

int ioFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    if (shouldFail(Kind::Io))
        return SQLITE_IOERR_FSTAT;
    return realOf(file)->pMethods->xFileSize(realOf(file), size);
}

int ioLock(sqlite3_file* file, int level)
{
    if (shouldFail(Kind::Io))
        return SQLITE_IOERR_LOCK;
    return realOf(file)->pMethods->xLock(realOf(file), level);
}

int ioUnlock(sqlite3_file* file, int level)
{
    return realOf(file)->pMethods->xUnlock(realOf(file), level);
}

int ioCheckReservedLock(sqlite3_file* file, int* result)
{
    return realOf(file)->pMethods->xCheckReservedLock(realOf(file), result);
}

int ioFileControl(sqlite3_file* file, int op, void* argument)
{
    return realOf(file)->pMethods->xFileControl(realOf(file), op, argument);
}

int ioSectorSize(sqlite3_file* file)
{
    return realOf(file)->pMethods->xSectorSize(realOf(file));
}

int ioDeviceCharacteristics(sqlite3_file* file)
{
    return realOf(file)->pMethods->xDeviceCharacteristics(realOf(file));
}

int ioShmMap(sqlite3_file* file, int region, int size, int extend, void volatile** memory)
{
    if (shouldFail(Kind::Io))
        return SQLITE_IOERR_SHMMAP;
    return realOf(file)->pMethods->xShmMap(realOf(file), region, size, extend, memory);
}

int ioShmLock(sqlite3_file* file, int offset, int count, int flags)
{
    // Taking a lock may fail; releasing one does not (a release that "failed" but happened
    // would leave the connection and the VFS disagreeing about who holds what).
    if ((flags & SQLITE_SHM_LOCK) != 0 && shouldFail(Kind::Io))
        return SQLITE_IOERR_SHMLOCK;
    return realOf(file)->pMethods->xShmLock(realOf(file), offset, count, flags);
}

void ioShmBarrier(sqlite3_file* file)
{
    realOf(file)->pMethods->xShmBarrier(realOf(file));
}

int ioShmUnmap(sqlite3_file* file, int deleteFlag)
{
    return realOf(file)->pMethods->xShmUnmap(realOf(file), deleteFlag);
}

int ioFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** pointer)
{
    return realOf(file)->pMethods->xFetch(realOf(file), offset, amount, pointer);
}

int ioUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* pointer)
{
    return realOf(file)->pMethods->xUnfetch(realOf(file), offset, pointer);
}

int vfsOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* wrapper = reinterpret_cast<FaultFile*>(file);
    wrapper->base.pMethods = nullptr;
    wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
    wrapper->real->pMethods = nullptr;
    if (shouldFail(Kind::Io))
        return SQLITE_CANTOPEN;
    const int rc = realVfs->xOpen(realVfs, name, wrapper->real, flags, outFlags);
    if (wrapper->real->pMethods != nullptr)
        wrapper->base.pMethods = &faultIo; // closed through us even when the open failed
    return rc;
}

int vfsDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    if (shouldFail(Kind::Io))
        return SQLITE_IOERR_DELETE;
    return realVfs->xDelete(realVfs, name, syncDir);
}

int vfsAccess(sqlite3_vfs*, const char* name, int flags, int* result)
{
    return realVfs->xAccess(realVfs, name, flags, result);
}

int vfsFullPathname(sqlite3_vfs*, const char* name, int size, char* out)
{
    return realVfs->xFullPathname(realVfs, name, size, out);
}

void* vfsDlOpen(sqlite3_vfs*, const char* name)
{
    return realVfs->xDlOpen(realVfs, name);
}

void vfsDlError(sqlite3_vfs*, int size, char* message)
{
    realVfs->xDlError(realVfs, size, message);
}

void (*vfsDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
    return realVfs->xDlSym(realVfs, handle, symbol);
}

void vfsDlClose(sqlite3_vfs*, void* handle)
{
    realVfs->xDlClose(realVfs, handle);
}

int vfsRandomness(sqlite3_vfs*, int size, char* out)
{
    return realVfs->xRandomness(realVfs, size, out);
}

// SQLite sleeps between retries after some failures (WAL read locks, the busy handler); it
// counts the time asked for, not the time slept, so the retries stay the same without the
// wait, and a run of a thousand faults stays short.
int vfsSleep(sqlite3_vfs*, int microseconds)
{
    return microseconds;
}

int vfsCurrentTime(sqlite3_vfs*, double* now)
{
    return realVfs->xCurrentTime(realVfs, now);
}

int vfsGetLastError(sqlite3_vfs*, int size, char* out)
{
    return realVfs->xGetLastError(realVfs, size, out);
}

int vfsCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* now)
{
    return realVfs->xCurrentTimeInt64(realVfs, now);
}

[[noreturn]] void die(const char* what)
{
    std::fprintf(stderr, "fault injection: %s\n", what);
    std::abort();
}

} // namespace

void install()
{
    if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &realMemory) != SQLITE_OK)
        die("SQLite is already initialised: install() must come first");
    sqlite3_mem_methods memory = realMemory;
    memory.xMalloc = faultMalloc;
    memory.xRealloc = faultRealloc;
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &memory) != SQLITE_OK)
        die("cannot install the allocator");
    if (sqlite3_initialize() != SQLITE_OK)
        die("cannot initialise SQLite");

    realVfs = sqlite3_vfs_find(nullptr);
    if (realVfs == nullptr || realVfs->iVersion < 2)
        die("no default VFS of version 2 or later");
    faultVfs.iVersion = 2; // no xSetSystemCall & co.
    faultVfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + realVfs->szOsFile;
    faultVfs.mxPathname = realVfs->mxPathname;
    faultVfs.zName = "clientes-fault";
    faultVfs.xOpen = vfsOpen;
    faultVfs.xDelete = vfsDelete;
    faultVfs.xAccess = vfsAccess;
    faultVfs.xFullPathname = vfsFullPathname;
    faultVfs.xDlOpen = vfsDlOpen;
    faultVfs.xDlError = vfsDlError;
    faultVfs.xDlSym = vfsDlSym;
    faultVfs.xDlClose = vfsDlClose;
    faultVfs.xRandomness = vfsRandomness;
    faultVfs.xSleep = vfsSleep;
    faultVfs.xCurrentTime = vfsCurrentTime;
    faultVfs.xGetLastError = vfsGetLastError;
    faultVfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;

    faultIo.iVersion = 3;
    faultIo.xClose = ioClose;
    faultIo.xRead = ioRead;
    faultIo.xWrite = ioWrite;
    faultIo.xTruncate = ioTruncate;
    faultIo.xSync = ioSync;
    faultIo.xFileSize = ioFileSize;
    faultIo.xLock = ioLock;
    faultIo.xUnlock = ioUnlock;
    faultIo.xCheckReservedLock = ioCheckReservedLock;
    faultIo.xFileControl = ioFileControl;
    faultIo.xSectorSize = ioSectorSize;
    faultIo.xDeviceCharacteristics = ioDeviceCharacteristics;
    faultIo.xShmMap = ioShmMap;
    faultIo.xShmLock = ioShmLock;
    faultIo.xShmBarrier = ioShmBarrier;
    faultIo.xShmUnmap = ioShmUnmap;
    faultIo.xFetch = ioFetch;
    faultIo.xUnfetch = ioUnfetch;
    if (sqlite3_vfs_register(&faultVfs, 1) != SQLITE_OK)
        die("cannot register the VFS");
}

void arm(Kind kind, std::int64_t at, bool stays)
{
    armedKind = -1;
    seen = 0;
    hasFired = false;
    failAt = at;
    persistent = stays;
    armedKind = static_cast<int>(kind);
}

void disarm()
{
    armedKind = -1;
}

std::int64_t operations()
{
    return seen.load();
}

bool fired()
{
    return hasFired.load();
}

std::int64_t injected(Kind kind)
{
    return kind == Kind::Io ? injectedIo.load() : injectedMemory.load();
}

} // namespace clientes::fault
