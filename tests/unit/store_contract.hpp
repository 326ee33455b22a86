// The backend contract suite: what any implementation of the store interface
// (core/store/store.hpp) must do, run on each store by a factory. store_contract_test.cpp
// holds the tests; each store instantiates them (store_contract_sqlite.cpp; a server store
// adds a file of its own with INSTANTIATE_TEST_SUITE_P(Name, StoreContract, …)).
#pragma once

#include "core/store/store.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace clientes::test
{

struct StoreFactory
{
    std::string name; // the instantiation's suffix: letters and digits
    // The store of a new, empty register for one test, identified by `dir` (a fresh folder
    // per test, removed afterwards). Called again with the same folder: a second connection
    // to the same register (another office, another user).
    std::function<std::unique_ptr<Store>(const std::filesystem::path& dir)> open;
};

// GoogleTest names the store in failure messages by this.
inline void PrintTo(const StoreFactory& factory, std::ostream* out)
{
    *out << factory.name;
}

class StoreContract : public ::testing::TestWithParam<StoreFactory>
{
protected:
    void SetUp() override { store_ = GetParam().open(dir_.path()); }
    void TearDown() override { store_.reset(); }

    Store& store() { return *store_; }
    std::unique_ptr<Store> openAgain() { return GetParam().open(dir_.path()); }
    // Closes the test's store (as the office closing, whatever it was doing) and opens it
    // again.
    void reopen()
    {
        store_.reset();
        store_ = GetParam().open(dir_.path());
    }
    const std::filesystem::path& dir() const { return dir_.path(); }

private:
    TempDir dir_;
    std::unique_ptr<Store> store_;
};

} // namespace clientes::test
