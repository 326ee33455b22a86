#pragma once

#include "core/model/client.hpp"
#include "core/text/catalogue.hpp"
#include "core/text/texts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace clientes::test
{

// The code's text keys whose name starts with `prefix` ("Profile", "Deck", "Csv"…).
inline std::vector<TextKey> textKeysStartingWith(std::string_view prefix)
{
    std::vector<TextKey> keys;
    for (std::size_t key = 0; key < catalogue::codeKeyCount(); ++key)
        if (catalogue::keyName(key).starts_with(prefix))
            keys.push_back(static_cast<TextKey>(key));
    return keys;
}

// A fresh directory per test, removed afterwards.
class TempDir
{
public:
    TempDir()
    {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("clientes-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
                 std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline Client makeClient(std::string legalName, std::string taxId = {}, std::string city = {},
                         std::string email = {}, std::string country = "ES")
{
    Client client;
    client.legalName = std::move(legalName);
    client.taxId = std::move(taxId);
    client.city = std::move(city);
    client.email = std::move(email);
    client.country = std::move(country);
    return client;
}

} // namespace clientes::test
