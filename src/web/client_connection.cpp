#include "web/client_connection.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace cyberachat::web {
namespace {

using std::chrono::steady_clock;
constexpr size_t kConnectionReadBufferBytes = 16 * 1024;

// The methods whose body cpp-httplib 0.11.4 reads (detail::expect_content); any other leaves a
// body on the connection, where it would be taken for the next request.
bool httplib_reads_body(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE" || method == "PRI";
}

std::optional<size_t> parse_content_length(const std::string& text) {
    size_t value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop != end || text.empty()) return std::nullopt;
    return value;
}

void socket_address_text(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
    char host[NI_MAXHOST] = "";
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, nullptr, 0,
                      NI_NUMERICHOST) == 0)
        ip = host;
    if (address.ss_family == AF_INET) port = ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
    else if (address.ss_family == AF_INET6) port = ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
}

}  // namespace

void answer_connection_close(const httplib::Request& req) {
    auto& headers = const_cast<httplib::Request&>(req).headers;
    headers.erase("Connection");
    headers.emplace("Connection", "close");
}

ClientConnection::ClientConnection(socket_t fd, StreamTimeouts timeouts) : fd_(fd), timeouts_(timeouts) {
    const int flags = ::fcntl(fd_, F_GETFL, 0);
    if (flags >= 0) ::fcntl(fd_, F_SETFL, flags | O_NONBLOCK);
    int yes = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
}

ClientConnection::~ClientConnection() {
    if (fd_ >= 0) ::close(fd_);
}

bool ClientConnection::wait_for(short events, std::chrono::milliseconds limit) const {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - steady_clock::now());
        pollfd item{fd_, events, 0};
        const int ready = ::poll(&item, 1, static_cast<int>(std::max<long long>(left.count(), 0)));
        if (ready > 0) return true;  // ready, or hung up / failed: the next call says which
        if (ready == 0 || errno != EINTR) return false;
    }
}

std::chrono::milliseconds ClientConnection::read_wait() const {
    if (!in_headers_) return timeouts_.read;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(header_deadline_ - steady_clock::now());
    return std::max(std::chrono::milliseconds(0), std::min(left, timeouts_.read));
}

bool ClientConnection::is_readable() const { return begin_ < end_ || wait_for(POLLIN, read_wait()); }

bool ClientConnection::is_writable() const { return wait_for(POLLOUT, timeouts_.write); }

ssize_t ClientConnection::read(char* ptr, size_t size) {
    if (size == 0) return 0;
    if (in_headers_ && consumed_ - request_start_ >= timeouts_.max_header_bytes) return -1;
    if (begin_ == end_) {
        if (!buffer_) buffer_ = std::make_unique<char[]>(kConnectionReadBufferBytes);
        while (true) {
            const ssize_t n = ::recv(fd_, buffer_.get(), kConnectionReadBufferBytes, 0);
            if (n > 0) {
                begin_ = 0;
                end_ = static_cast<size_t>(n);
                break;
            }
            if (n == 0) return 0;  // the client closed
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
            const auto wait = read_wait();
            if (wait.count() <= 0 || !wait_for(POLLIN, wait)) return -1;  // timed out
        }
    }
    const size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_.get() + begin_, n);
    begin_ += n;
    consumed_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t ClientConnection::write(const char* ptr, size_t size) {
    while (true) {
        const ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
        if (!wait_for(POLLOUT, timeouts_.write)) return -1;
    }
}

void ClientConnection::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        socket_address_text(address, length, ip, port);
}

void ClientConnection::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        socket_address_text(address, length, ip, port);
}

void ClientConnection::begin_request() {
    request_start_ = consumed_;
    header_deadline_ = std::chrono::steady_clock::now() + timeouts_.header;
    in_headers_ = true;
    headers_done_ = false;
    framing_refused_ = false;
    expected_body_.reset();
    close_requested_ = false;
    body_left_unread_ = false;
}

void ClientConnection::headers_received(httplib::Request& req) {
    in_headers_ = false;
    headers_done_ = true;
    body_start_ = consumed_;
    const size_t lengths = req.get_header_value_count("Content-Length");
    if (req.has_header("Transfer-Encoding") || lengths > 1) {
        framing_refused_ = true;
    } else if (lengths == 1) {
        expected_body_ = parse_content_length(req.get_header_value("Content-Length"));
        if (!expected_body_) framing_refused_ = true;
        else if (*expected_body_ > 0 && !httplib_reads_body(req.method)) framing_refused_ = true;
    } else {
        expected_body_ = 0;  // RFC 9112: no Content-Length, no Transfer-Encoding: no body
        if (httplib_reads_body(req.method)) req.set_header("Content-Length", "0");
    }
    if (framing_refused_) answer_connection_close(req);
}

void ClientConnection::end_request() {
    in_headers_ = false;
    ++requests_served_;
    if (headers_done_ && expected_body_ && consumed_ - body_start_ != *expected_body_) body_left_unread_ = true;
}

bool ClientConnection::must_close() const {
    return !headers_done_ || framing_refused_ || body_left_unread_ || close_requested_;
}

bool ClientConnection::input_ready_within(std::chrono::milliseconds wait) const {
    return begin_ < end_ || wait_for(POLLIN, wait);
}

void ClientConnection::release_buffer() {
    if (begin_ == end_) {
        buffer_.reset();
        begin_ = end_ = 0;
    }
}

void ClientConnection::shut_down_writing() { ::shutdown(fd_, SHUT_WR); }

bool ClientConnection::discard_available_input() {
    char scratch[16 * 1024];
    for (int round = 0; round < 16; ++round) {  // at most 256 KiB at a time: others wait too
        const ssize_t n = ::recv(fd_, scratch, sizeof scratch, 0);
        if (n > 0) continue;
        if (n == 0) return false;
        if (errno == EINTR) continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
    return true;
}

}  // namespace cyberachat::web
