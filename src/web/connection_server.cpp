#include "web/connection_server.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>

#include "web/elastic_thread_pool.hpp"

namespace cyberachat::web {
namespace {

// A connection being closed drains what the client still sends for at most this long.
constexpr auto kClosingLinger = std::chrono::seconds(2);
// A worker thread started beyond the kept ones ends after this long without work.
constexpr auto kWorkerIdleExit = std::chrono::seconds(30);
// After a response, the worker waits this long for the connection's next request before parking
// it: a page's assets, a script or a proxy ask again within milliseconds (measured with wrk, 50
// connections: with 1 ms, most connections parked between requests, costing up to 30 % of the
// requests per second).
constexpr auto kNextRequestWait = std::chrono::milliseconds(20);
constexpr size_t kFilesReservedBesidesConnections = 128;  // database, documents, logs…

thread_local ClientConnection* current_connection = nullptr;

struct CurrentConnectionScope {
    explicit CurrentConnectionScope(ClientConnection& connection) { current_connection = &connection; }
    ~CurrentConnectionScope() { current_connection = nullptr; }
};

// Raises the soft limit of open files to the hard one, and keeps the connections within it.
ConnectionLimits fit_open_file_limit(ConnectionLimits limits) {
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return limits;
    if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
        ::getrlimit(RLIMIT_NOFILE, &files);
    }
    const size_t reserved = std::min<size_t>(kFilesReservedBesidesConnections, files.rlim_cur / 2);
    const size_t usable = files.rlim_cur - reserved;
    if (limits.max_connections + limits.max_idle_connections <= usable) return limits;
    const size_t wanted_active = limits.max_connections, wanted_idle = limits.max_idle_connections;
    limits.max_connections = std::max<size_t>(1, std::min(limits.max_connections, usable / 2));
    limits.max_idle_connections = std::max<size_t>(1, usable - limits.max_connections);
    spdlog::warn("open files limited to {}: {} connections in progress and {} idle at most (instead of {} and {}); "
                 "raise LimitNOFILE",
                 files.rlim_cur, limits.max_connections, limits.max_idle_connections, wanted_active, wanted_idle);
    return limits;
}

}  // namespace

void close_connection_after_response(const httplib::Request& req) {
    if (current_connection) current_connection->close_after_response();
    answer_connection_close(req);
}

ConnectionServer::ConnectionServer(ConnectionLimits limits)
    : limits_(fit_open_file_limit(limits)),
      timeouts_{std::chrono::seconds(std::max(limits_.header_timeout_seconds, 1u)),
                std::chrono::seconds(std::max(limits_.read_timeout_seconds, 1u)),
                std::chrono::seconds(std::max(limits_.write_timeout_seconds, 1u))},
      idle_(limits_.max_idle_connections) {
    // httplib writes these in its Keep-Alive response header; the loop below applies them.
    set_keep_alive_timeout(std::max(limits_.keep_alive_seconds, 1u));
    set_read_timeout(limits_.read_timeout_seconds, 0);
    set_write_timeout(limits_.write_timeout_seconds, 0);
    new_task_queue = [this] {
        auto* pool = new ElasticThreadPool(limits_.kept_threads, limits_.max_connections, kWorkerIdleExit,
                                           [this] { idle_.stop(); });
        pool_ = pool;
        idle_.start([this](std::unique_ptr<ClientConnection> connection) { resume(std::move(connection)); });
        return pool;
    };
}

ConnectionServer::~ConnectionServer() { idle_.stop(); }

bool ConnectionServer::process_and_close_socket(socket_t sock) {
    auto connection = std::make_unique<ClientConnection>(sock, timeouts_);
    if (stopping()) return false;
    // A client that connects and says nothing yet waits without a thread, as an idle one.
    if (!connection->input_ready_within(std::chrono::milliseconds(0))) {
        idle_.wait_for_request(std::move(connection), std::chrono::seconds(keep_alive_timeout_sec_));
        return true;
    }
    serve(std::move(connection));
    return true;
}

void ConnectionServer::resume(std::unique_ptr<ClientConnection> connection) {
    // std::function needs a copyable task: the connection travels in a shared holder.
    auto holder = std::make_shared<std::unique_ptr<ClientConnection>>(std::move(connection));
    pool_->enqueue([this, holder] { serve(std::move(*holder)); });
}

void ConnectionServer::serve(std::unique_ptr<ClientConnection> connection) {
    while (!stopping()) {
        const bool last = connection->requests_served() + 1 >= keep_alive_max_count_;
        bool client_closes = false;
        bool answered = false;
        {
            CurrentConnectionScope current(*connection);
            connection->begin_request();
            answered = process_request(*connection, last, client_closes,
                                       [&connection](httplib::Request& req) { connection->headers_received(req); });
            connection->end_request();
        }
        if (!answered) return;  // the client left, sent nothing in time, or stopped reading: closed
        if (client_closes || last || connection->must_close() || stopping()) {
            idle_.close_gracefully(std::move(connection), kClosingLinger);
            return;
        }
        // When other connections wait for a thread (all --max-connections are busy), this one
        // takes its turn behind them: at the back of the queue if it asks again already, else in
        // the idle set. Connections thus share the threads request by request, in order, and a
        // client in a loop cannot hold a thread while others wait.
        if (pool_->tasks_waiting()) {
            if (connection->input_ready_within(std::chrono::milliseconds(0))) resume(std::move(connection));
            else idle_.wait_for_request(std::move(connection), std::chrono::seconds(keep_alive_timeout_sec_));
            return;
        }
        // A client asking again at once (pipelined requests, a page's assets, a program in a loop)
        // keeps its thread; the others wait for their next request in the idle set.
        if (!connection->input_ready_within(kNextRequestWait)) {
            idle_.wait_for_request(std::move(connection), std::chrono::seconds(keep_alive_timeout_sec_));
            return;
        }
    }
}

}  // namespace cyberachat::web
