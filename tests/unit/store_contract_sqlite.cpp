// The backend contract suite on the SQLite store.
#include "core/store/sqlite/sqlite_store.hpp"
#include "store_contract.hpp"

namespace clientes::test
{

INSTANTIATE_TEST_SUITE_P(
    Sqlite, StoreContract,
    ::testing::Values(StoreFactory{"Sqlite", [](const std::filesystem::path& dir)
                                   { return sqlite::openStore(dir / "contract.db"); }}),
    [](const ::testing::TestParamInfo<StoreFactory>& info) { return info.param.name; });

} // namespace clientes::test
