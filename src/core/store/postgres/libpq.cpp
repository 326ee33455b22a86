// Loading libpq on first use.

#include "core/store/postgres/libpq.hpp"

#include "core/store/errors.hpp"

#include <dlfcn.h>

#include <mutex>
#include <string>

namespace clientes::pg
{

namespace
{

// The soname of Debian's libpq5 (every libpq since PostgreSQL 8.2).
constexpr const char* kSoname = "libpq.so.5";

struct Loaded
{
    LibPq functions;
    std::string error; // empty when loaded
};

Loaded load()
{
    Loaded loaded;
    void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr)
    {
        const char* reason = dlerror();
        loaded.error = std::string("the team server needs libpq, which is not installed (on "
                                   "Debian and Ubuntu: sudo apt install libpq5): ") +
                       (reason != nullptr ? reason : kSoname);
        return loaded;
    }
    std::string missing;
#define CLIENTES_LIBPQ_RESOLVE(name)                                                               \
    loaded.functions.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));             \
    if (loaded.functions.name == nullptr)                                                          \
        missing += missing.empty() ? #name : ", " #name;
    CLIENTES_LIBPQ_FUNCTIONS(CLIENTES_LIBPQ_RESOLVE)
#undef CLIENTES_LIBPQ_RESOLVE
    if (!missing.empty())
        loaded.error = std::string(kSoname) + " is too old (it lacks " + missing +
                       "): install a current libpq5";
    // The handle stays open: the functions are used until the process ends.
    return loaded;
}

const Loaded& loaded()
{
    static const Loaded library = load();
    return library;
}

} // namespace

const LibPq& libpq()
{
    const Loaded& library = loaded();
    if (!library.error.empty())
        throw StoreError(StoreError::Kind::NoLibrary, "libpq", library.error,
                         StoreError::Where::Server);
    return library.functions;
}

bool libpqAvailable() noexcept
{
    try
    {
        return loaded().error.empty();
    }
    catch (...)
    {
        return false;
    }
}

} // namespace clientes::pg
