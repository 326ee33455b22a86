#pragma once

// SHA-256 as specified in FIPS PUB 180-4, "Secure Hash Standard (SHS)", NIST, August 2015,
// sections 4.1.2 (functions), 4.2.2 (constants), 5.1.1 (padding), 5.3.3 (initial hash value)
// and 6.2 (computation). https://doi.org/10.6028/NIST.FIPS.180-4

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace clientes
{

class Sha256
{
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();

    // Adds bytes to the message; may be called any number of times.
    void update(std::span<const std::uint8_t> bytes);
    void update(std::string_view bytes);
    // Pads the message and returns its digest; the object then starts a new message.
    Digest finish();

    static Digest hash(std::span<const std::uint8_t> bytes);
    static Digest hash(std::string_view bytes);

private:
    void compress(const std::uint8_t* block);
    void reset();

    std::array<std::uint32_t, 8> state_{};
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0; // message length in bytes
};

// 64 lower-case hex digits.
std::string toHex(const Sha256::Digest& digest);
std::string sha256Hex(std::span<const std::uint8_t> bytes);
std::string sha256Hex(std::string_view bytes);

} // namespace clientes
