#pragma once
// The connections that hold no thread: those waiting for their next request (keep-alive, or just
// accepted and not yet speaking) and those being closed gracefully. One thread watches them all
// (epoll); a connection whose next request arrives is handed back to a worker.
//
// cpp-httplib keeps a worker thread on each keep-alive connection for its whole life, polling it
// every 10 ms: with a fixed pool, idle connections starved every new client. Here an idle
// connection costs a socket and a few hundred bytes.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "web/client_connection.hpp"

namespace cyberachat::web {

class IdleConnections {
public:
    using Ready = std::function<void(std::unique_ptr<ClientConnection>)>;

    // At most `capacity` connections wait here; beyond, the one closest to its deadline is closed.
    explicit IdleConnections(size_t capacity);
    ~IdleConnections();
    IdleConnections(const IdleConnections&) = delete;
    IdleConnections& operator=(const IdleConnections&) = delete;

    // Starts watching; `ready` receives (on the watching thread) each connection whose next
    // request has begun to arrive. Again after stop(): starts afresh.
    void start(Ready ready);
    // Closes every connection waiting here and stops watching; later ones are closed at once.
    void stop();

    // Waits, without a thread, for the connection's next request; closes it after `timeout` of silence.
    void wait_for_request(std::unique_ptr<ClientConnection> connection, std::chrono::milliseconds timeout);
    // Closes without losing the responses sent: ends writing, then reads and drops what the client
    // still sends until it closes too or `linger` passes (closing a socket with unread input would
    // reset the connection, and the client could lose the last response).
    void close_gracefully(std::unique_ptr<ClientConnection> connection, std::chrono::milliseconds linger);

    size_t size() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Entry {
        std::unique_ptr<ClientConnection> connection;
        Clock::time_point deadline;
        bool closing = false;
    };

    void add(std::unique_ptr<ClientConnection> connection, std::chrono::milliseconds timeout, bool closing);
    std::unique_ptr<ClientConnection> remove_locked(int fd);
    void watch();

    const size_t capacity_;
    int epoll_ = -1;
    int wake_ = -1;  // eventfd: stop() interrupts epoll_wait
    mutable std::mutex mutex_;
    std::unordered_map<int, Entry> entries_;            // by socket
    std::set<std::pair<Clock::time_point, int>> deadlines_;
    bool watching_ = false;
    Ready ready_;
    std::thread thread_;
};

}  // namespace cyberachat::web
