// The PostgreSQL store: other users' commits, pushed by the server (LISTEN / NOTIFY) to a
// connection of the watch's own, read on a thread of its own: the deck learns of a change
// within a second and never waits for the server.

#include "core/store/postgres/libpq.hpp"
#include "core/store/postgres/pg_internal.hpp"

#include <poll.h>

#include <chrono>
#include <optional>
#include <stop_token>
#include <thread>

namespace clientes::postgres
{

namespace
{

// How often the thread looks whether it must stop; how long it waits before connecting again
// when the server went away.
constexpr int kPollMillis = 250;
constexpr auto kReconnectPause = std::chrono::seconds(2);

class PgChangeWatch final : public ChangeWatch
{
public:
    // reportConnect: call `changed` once connected the first time too (a register that could
    // not be opened learns that the server is back). seenChanges: the register's change counter
    // as its reader last saw it; once listening the first time, a counter beyond it is reported
    // (what others committed while the watch was connecting).
    PgChangeWatch(std::string conninfo, std::string location, int ownBackend, bool reportConnect,
                  std::optional<std::int64_t> seenChanges, std::function<void()> changed)
        : thread_(
              [conninfo = std::move(conninfo), location = std::move(location), ownBackend,
               reportConnect, seenChanges, changed = std::move(changed)](std::stop_token stop)
              { run(stop, conninfo, location, ownBackend, reportConnect, seenChanges, changed); })
    {
    }

private:
    // Listens until stopped; a lost connection is opened again (and reported as a change:
    // what happened meanwhile is unknown).
    static void run(std::stop_token stop, const std::string& conninfo, const std::string& location,
                    int ownBackend, bool reportConnect, std::optional<std::int64_t> seenChanges,
                    const std::function<void()>& changed) noexcept
    {
        bool missed = reportConnect;
        while (!stop.stop_requested())
        {
            try
            {
                pg::Connection db(conninfo, location);
                db.run("LISTEN " + std::string(kChangesChannel));
                if (!missed && seenChanges &&
                    db.scalar("SELECT value FROM clientes_meta WHERE name = 'changes'") >
                        *seenChanges)
                    missed = true;
                seenChanges.reset();
                if (missed)
                    changed();
                missed = listen(stop, db, ownBackend, changed);
            }
            catch (...)
            {
                missed = true;
            }
            if (!missed) // stopped
                break;
            for (auto waited = std::chrono::milliseconds(0);
                 waited < kReconnectPause && !stop.stop_requested();
                 waited += std::chrono::milliseconds(kPollMillis))
                std::this_thread::sleep_for(std::chrono::milliseconds(kPollMillis));
        }
    }

    // Returns true when the connection broke (false: stopped).
    static bool listen(std::stop_token stop, pg::Connection& db, int ownBackend,
                       const std::function<void()>& changed)
    {
        const pg::LibPq& pq = pg::libpq();
        while (!stop.stop_requested())
        {
            pollfd socket{pq.PQsocket(db.handle()), POLLIN, 0};
            if (socket.fd < 0)
                return true;
            const int ready = ::poll(&socket, 1, kPollMillis);
            if (ready < 0)
                continue; // interrupted
            if (ready == 0)
                continue;
            if (pq.PQconsumeInput(db.handle()) == 0)
                return true;
            bool news = false;
            while (PGnotify* notice = pq.PQnotifies(db.handle()))
            {
                // The store's own commits are no news to it.
                news = news || notice->be_pid != ownBackend;
                pq.PQfreemem(notice);
            }
            if (news)
                changed();
        }
        return false;
    }

    std::jthread thread_;
};

} // namespace

std::unique_ptr<ChangeWatch> PgStore::watchChanges(std::function<void()> changed)
{
    int ownBackend = 0;
    std::int64_t seen = 0;
    {
        std::lock_guard lock(mutex_);
        ownBackend = backendPid_;
        seen = changesAtOpen_ + ownCommits_;
    }
    return std::make_unique<PgChangeWatch>(conninfo_, location_, ownBackend, false, seen,
                                           std::move(changed));
}

std::unique_ptr<ChangeWatch> watchServer(const std::string& conninfo, std::function<void()> changed)
{
    return std::make_unique<PgChangeWatch>(conninfo, describeConnection(conninfo), 0, true,
                                           std::nullopt, std::move(changed));
}

} // namespace clientes::postgres
