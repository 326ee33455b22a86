// Where the register meets its stores: a register kept in a file is opened on the SQLite
// store, one on a team server on the PostgreSQL store. The one file of the register that
// names a concrete store; the UNO layer opens the register through openRegister or
// openTeamRegister and never includes a store header.

#include "core/register/register.hpp"
#include "core/store/postgres/pg_store.hpp"
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

std::unique_ptr<Register> openTeamRegister(const std::string& conninfo)
{
    return std::make_unique<Register>(postgres::openStore(conninfo));
}

std::unique_ptr<ChangeWatch> watchTeamServer(const std::string& conninfo,
                                             std::function<void()> changed)
{
    return postgres::watchServer(conninfo, std::move(changed));
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
