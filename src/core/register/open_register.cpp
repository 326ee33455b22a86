// Where the register meets its stores: a register kept in a file is opened on the SQLite
// store. The one file of the register that names a concrete store; the UNO layer opens the
// register through openRegister and never includes a store header. (A server store, issue 10,
// is chosen here too, from the connection settings.)

#include "core/register/register.hpp"
#include "core/store/sqlite/sqlite_store.hpp"

namespace clientes
{

Register::Register(std::filesystem::path file, StoreOptions options)
    : Register(sqlite::openStore(std::move(file), options))
{
}

std::unique_ptr<Register> openRegister(const std::filesystem::path& file, StoreOptions options)
{
    return std::make_unique<Register>(file, options);
}

RegisterCopyInfo inspectRegisterCopy(const std::filesystem::path& copy)
{
    return sqlite::inspectRegisterCopy(copy);
}

RestoreResult restoreRegisterFrom(const std::filesystem::path& registerFile,
                                  const std::filesystem::path& copy)
{
    return sqlite::restoreRegisterFrom(registerFile, copy);
}

} // namespace clientes
