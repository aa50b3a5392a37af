#pragma once
// One accepted TCP connection as cpp-httplib reads and writes it: an httplib::Stream over the
// socket (non-blocking, every wait bounded), plus what the keep-alive loop must know after each
// request — above all whether the request's body was read exactly, so that no byte of a body
// is ever parsed as the next request.
#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace cyberachat::web {

struct StreamTimeouts {
    std::chrono::milliseconds header{5000};  // request line and headers, in total, from the first byte
    std::chrono::milliseconds read{30000};   // silence while a body is received
    std::chrono::milliseconds write{30000};  // a client not taking the response
    size_t max_header_bytes = 64 * 1024;     // request line and headers together
};

class ClientConnection final : public httplib::Stream {
public:
    // Takes ownership of `fd` (closed by the destructor).
    ClientConnection(socket_t fd, StreamTimeouts timeouts);
    ~ClientConnection() override;
    ClientConnection(const ClientConnection&) = delete;
    ClientConnection& operator=(const ClientConnection&) = delete;

    // httplib::Stream
    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return fd_; }

    // The keep-alive loop, around each httplib::Server::process_request:
    void begin_request();  // the header deadline starts now
    // httplib's setup_request hook: the headers are in. Gives a body-less POST/PUT/PATCH a
    // Content-Length of 0 (httplib would read it until the client closes) and marks, answering
    // "Connection: close", a request whose body framing is ambiguous (Transfer-Encoding, several
    // Content-Length) or that httplib will not read (a body on GET, HEAD…).
    void headers_received(httplib::Request& req);
    void end_request();
    // Set while the response is prepared (error handler): the connection ends after it.
    void close_after_response() { close_requested_ = true; }
    // After end_request(): the connection may not carry another request (headers unreadable,
    // body not read exactly, framing ambiguous, or close_after_response()).
    bool must_close() const;
    size_t requests_served() const { return requests_served_; }

    // Bytes of a next request already here (buffered), or arriving within `wait`.
    bool input_ready_within(std::chrono::milliseconds wait) const;
    // Frees the read buffer while the connection waits between requests (nothing buffered).
    void release_buffer();
    // Ends writing (FIN after what was sent), for a graceful close.
    void shut_down_writing();
    // Reads and drops what is available without waiting; false once the client closed or failed.
    bool discard_available_input();

private:
    bool wait_for(short events, std::chrono::milliseconds limit) const;
    std::chrono::milliseconds read_wait() const;  // the longest the next read may wait

    socket_t fd_;
    StreamTimeouts timeouts_;
    std::unique_ptr<char[]> buffer_;
    size_t begin_ = 0, end_ = 0;  // unread bytes: buffer_[begin_, end_)
    size_t consumed_ = 0;         // bytes handed to httplib, over the connection's life
    size_t request_start_ = 0, body_start_ = 0;
    std::chrono::steady_clock::time_point header_deadline_;
    bool in_headers_ = false;
    bool headers_done_ = false;
    bool framing_refused_ = false;  // the body cannot be trusted to end where httplib stops reading
    std::optional<size_t> expected_body_;
    bool close_requested_ = false;
    bool body_left_unread_ = false;
    size_t requests_served_ = 0;
};

// Marks `req`'s response "Connection: close" (httplib writes it when the request says so).
// httplib hands requests as const but owns them as mutable objects for the whole exchange.
void answer_connection_close(const httplib::Request& req);

}  // namespace cyberachat::web
