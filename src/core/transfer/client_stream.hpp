#pragma once

// The whole register in the list's order, read on a helper thread while the caller writes the
// clients already read (an export to a sheet: the register's read and Calc's writing overlap).

#include "core/model/client.hpp"
#include "core/transfer/register_access.hpp"

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <future>
#include <mutex>
#include <span>
#include <vector>

namespace clientes
{

class ClientStream
{
public:
    // Opens the register on the caller's thread (withRegister with no work), then starts
    // reading every client (archived ones when asked) on a helper thread.
    ClientStream(WithRegister withRegister, bool includeArchived);
    ~ClientStream(); // waits for the helper
    ClientStream(const ClientStream&) = delete;
    ClientStream& operator=(const ClientStream&) = delete;

    // How many clients the list has (waits until the helper knows). Rethrows what the read
    // threw.
    std::size_t size();
    // Clients [first, first + count), once read. Throws std::runtime_error when the register
    // held fewer than it announced.
    std::span<const Client> rows(std::size_t first, std::size_t count);
    // Every client, once all are read.
    std::span<const Client> all() { return rows(0, size()); }

private:
    void read(bool includeArchived);
    void publish(std::size_t read);
    void rethrow() const;

    static constexpr std::size_t kPublishEvery = 1024;
    WithRegister m_withRegister;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Client> m_clients;
    std::size_t m_ready = 0; // clients [0, m_ready) are read
    bool m_sized = false;
    bool m_done = false;
    std::exception_ptr m_error;
    std::future<void> m_reader; // last: waited for before the members it uses go
};

} // namespace clientes
