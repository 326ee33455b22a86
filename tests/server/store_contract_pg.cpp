// The backend contract suite on the PostgreSQL store, against a server of the tests' own
// (pg_server.hpp): each test's register is a database of its own on it.
#include "core/store/postgres/pg_store.hpp"
#include "pg_server.hpp"
#include "store_contract.hpp"

#include <map>
#include <mutex>

namespace clientes::test
{

namespace
{

// One server per test process, started by the first store opened, and one database per
// test folder: a second store on the same folder connects to the same database.
std::unique_ptr<Store> openOnServer(const std::filesystem::path& dir)
{
    static std::mutex mutex;
    static testing::PgServer* server = nullptr; // left to the process's end: stopped there
    static std::map<std::filesystem::path, std::string> databases;
    std::string conninfo;
    {
        std::lock_guard lock(mutex);
        if (server == nullptr)
        {
            static testing::PgServer instance;
            server = &instance;
        }
        auto found = databases.find(dir);
        if (found == databases.end())
        {
            const std::string name = "register_" + std::to_string(databases.size() + 1);
            server->createDatabase(name);
            found = databases.emplace(dir, name).first;
        }
        conninfo = server->conninfo(found->second);
    }
    return postgres::openStore(conninfo);
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract,
                         ::testing::Values(StoreFactory{"Postgres", openOnServer}),
                         [](const ::testing::TestParamInfo<StoreFactory>& info)
                         { return info.param.name; });

} // namespace clientes::test
