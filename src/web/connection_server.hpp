#pragma once
// The HTTP server's connection handling, over cpp-httplib 0.11.4 (whose own loop holds a thread
// per keep-alive connection and keeps a connection after refusing a body it did not read):
// - a connection holds a worker thread only while a request is on it; between requests it waits
//   in IdleConnections, without a thread, until its next request or the keep-alive timeout;
// - workers start on demand (ElasticThreadPool), up to ConnectionLimits::max_connections;
// - a request's line and headers must arrive within the header timeout;
// - after any request whose body was not read exactly (refused by httplib, framing ambiguous,
//   body on a GET), the connection closes: no byte of a body is read as another request.
// See docs/decisions/0002-connection-handling.md.
#include <httplib.h>

#include <memory>

#include "web/client_connection.hpp"
#include "web/connection_limits.hpp"
#include "web/idle_connections.hpp"

namespace cyberachat::web {

class ElasticThreadPool;

class ConnectionServer final : public httplib::Server {
public:
    explicit ConnectionServer(ConnectionLimits limits);
    ~ConnectionServer() override;

    const ConnectionLimits& limits() const { return limits_; }

private:
    // Called by httplib on a worker for each accepted socket (virtual in httplib::Server).
    bool process_and_close_socket(socket_t sock) override;
    // Runs the connection's requests while they come without waiting, then parks or closes it.
    void serve(std::unique_ptr<ClientConnection> connection);
    // A parked connection's next request has begun: back to a worker.
    void resume(std::unique_ptr<ClientConnection> connection);
    bool stopping() const { return svr_sock_ == INVALID_SOCKET; }

    ConnectionLimits limits_;
    StreamTimeouts timeouts_;
    IdleConnections idle_;
    ElasticThreadPool* pool_ = nullptr;  // owned by httplib while it listens
};

// For handlers and the error handler, on the worker running the request: the connection closes
// once this response is sent, and the response says "Connection: close".
void close_connection_after_response(const httplib::Request& req);

}  // namespace cyberachat::web
