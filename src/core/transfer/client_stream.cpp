#include "core/transfer/client_stream.hpp"

#include <stdexcept>

namespace clientes
{

ClientStream::ClientStream(WithRegister withRegister, bool includeArchived)
    : m_withRegister(std::move(withRegister))
{
    // Opened here, on the caller's thread: the helper only reads.
    m_withRegister([](Register&) {});
    m_reader = std::async(std::launch::async, [this, includeArchived] { read(includeArchived); });
}

ClientStream::~ClientStream()
{
    if (m_reader.valid())
        m_reader.wait();
}

std::size_t ClientStream::size()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_sized || m_done; });
    rethrow();
    return m_clients.size();
}

std::span<const Client> ClientStream::rows(std::size_t first, std::size_t count)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_ready >= first + count || m_done; });
    rethrow();
    if (m_ready < first + count)
        throw std::runtime_error("the register changed while it was exported");
    return std::span<const Client>(m_clients).subspan(first, count);
}

void ClientStream::read(bool includeArchived)
{
    std::size_t read = 0;
    try
    {
        m_withRegister(
            [&](Register& store)
            {
                store.forEachClientInListOrder(
                    includeArchived,
                    [&](std::size_t total)
                    {
                        std::lock_guard lock(m_mutex);
                        m_clients.resize(total);
                        m_sized = true;
                        m_changed.notify_all();
                    },
                    [&](Client&& client)
                    {
                        // Slots past m_ready are this thread's alone.
                        if (read < m_clients.size())
                            m_clients[read++] = std::move(client);
                        if (read % kPublishEvery == 0)
                            publish(read);
                    });
            });
    }
    catch (...)
    {
        std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
    }
    std::lock_guard lock(m_mutex);
    m_ready = read;
    m_done = true;
    m_changed.notify_all();
}

void ClientStream::publish(std::size_t read)
{
    std::lock_guard lock(m_mutex);
    m_ready = read;
    m_changed.notify_all();
}

void ClientStream::rethrow() const
{
    if (m_error)
        std::rethrow_exception(m_error);
}

} // namespace clientes
