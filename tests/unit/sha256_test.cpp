// SHA-256 against the examples published with FIPS 180-4 (NIST CSRC, "Cryptographic Standards
// and Guidelines: Examples with Intermediate Values", SHA256.pdf and SHA2_Additional.pdf; the
// same digests as FIPS 180-2 appendix B) and one vector of the NIST CAVP SHAVS test files
// (SHA256ShortMsg.rsp, Len = 8).

#include "core/files/sha256.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clientes
{

TEST(Sha256, FipsExamples)
{
    // One block: "abc" (FIPS 180-2 B.1).
    EXPECT_EQ(sha256Hex(std::string_view("abc")),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // Two blocks: the 448-bit message (B.2).
    EXPECT_EQ(
        sha256Hex(std::string_view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // The 896-bit message of the SHA-2 examples.
    EXPECT_EQ(sha256Hex(std::string_view(
                  "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                  "klmnopqrlmnopqrsmnopqrstnopqrstu")),
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    // Empty message (SHA2_Additional: 0 bytes).
    EXPECT_EQ(sha256Hex(std::string_view("")),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // One byte 0xbd (CAVP SHA256ShortMsg, Len = 8).
    const std::vector<std::uint8_t> bd = {0xbd};
    EXPECT_EQ(sha256Hex(bd), "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b");
}

TEST(Sha256, OneMillionA)
{
    // FIPS 180-2 B.3, fed in pieces of awkward sizes to exercise the buffering.
    const std::string chunk(997, 'a');
    Sha256 sha;
    std::size_t fed = 0;
    while (fed + chunk.size() <= 1000000)
    {
        sha.update(chunk);
        fed += chunk.size();
    }
    sha.update(std::string(1000000 - fed, 'a'));
    EXPECT_EQ(toHex(sha.finish()),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingBoundaries)
{
    // Lengths around the 56-byte padding edge and the 64-byte block; "0123456789012…".
    // Digests from GNU coreutils sha256sum.
    const std::pair<std::size_t, const char*> cases[] = {
        {55, "f34d5a0f80c0cbf84c8c0b90218c22637abd199965249da736a20143c8c9c9d9"},
        {56, "83aa034bda83e458a0dc9cbce0d4e354716aa0ff770ed37ac0ed2b292052e4af"},
        {63, "074f6e9ac301d5d1b6df6f1dfb8c6f89c187ea945d352ce6a29279a9c630680b"},
        {64, "9674d9e078535b7cec43284387a6ee39956188e735a85452b0050b55341cda56"},
        {65, "52774b57c10e45040a61c14d35c1c8ebefe880082313aa0a21ebb077734cd067"},
        {119, "d0cb70d05ff14123f114c0cca360c62077379cf1ac90e1bfafa9e9e4d827596a"},
        {120, "08642f0525963875af954100280fe3009293fa7e19c273444f31464c9b089243"}};
    for (const auto& [length, digest] : cases)
    {
        std::string message;
        for (std::size_t i = 0; i < length; ++i)
            message += static_cast<char>('0' + i % 10);
        EXPECT_EQ(sha256Hex(message), digest) << length;
        // Byte by byte gives the same.
        Sha256 sha;
        for (char c : message)
            sha.update(std::string_view(&c, 1));
        EXPECT_EQ(toHex(sha.finish()), digest) << length;
    }
}

TEST(Sha256, FinishStartsANewMessage)
{
    Sha256 sha;
    sha.update(std::string_view("abc"));
    const auto first = sha.finish();
    sha.update(std::string_view("abc"));
    EXPECT_EQ(sha.finish(), first);
    EXPECT_EQ(Sha256::hash(std::string_view("abc")), first);
}

} // namespace clientes
