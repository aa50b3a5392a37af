#include "raw_connection.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>

namespace cyberachat::testing {
namespace {

using RawClock = std::chrono::steady_clock;

int raw_remaining_ms(RawClock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - RawClock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(left);
}

std::string raw_lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

RawConnection::RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd_ < 0) return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 && errno != EINPROGRESS) {
        ::close(fd_);
        fd_ = -1;
        return;
    }
    pollfd item{fd_, POLLOUT, 0};
    int error = 0;
    socklen_t length = sizeof error;
    if (::poll(&item, 1, 2000) != 1 || ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

RawConnection::~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
}

RawConnection::RawConnection(RawConnection&& other) noexcept
    : fd_(other.fd_), closed_(other.closed_), pending_(std::move(other.pending_)) {
    other.fd_ = -1;
}

bool RawConnection::send_all(std::string_view bytes, std::chrono::milliseconds limit) {
    const auto deadline = RawClock::now() + limit;
    while (!bytes.empty()) {
        const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent > 0) {
            bytes.remove_prefix(static_cast<size_t>(sent));
            continue;
        }
        if (sent < 0 && errno != EAGAIN && errno != EINTR) return false;
        pollfd item{fd_, POLLOUT, 0};
        if (::poll(&item, 1, raw_remaining_ms(deadline)) != 1) return false;
    }
    return true;
}

std::string RawConnection::read_until_closed(std::chrono::milliseconds limit) {
    return read_responses(static_cast<size_t>(-1), limit);
}

std::string RawConnection::read_responses(size_t count, std::chrono::milliseconds limit) {
    const auto deadline = RawClock::now() + limit;
    std::string received;
    char buffer[16384];
    while (!closed_) {
        if (count != static_cast<size_t>(-1) && split_responses(received).size() >= count) break;
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n > 0) {
            received.append(buffer, static_cast<size_t>(n));
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EINTR)) {  // end of stream, or reset by the server
            closed_ = true;
            break;
        }
        const int wait = raw_remaining_ms(deadline);
        if (wait == 0) break;
        pollfd item{fd_, POLLIN, 0};
        ::poll(&item, 1, wait);
    }
    return received;
}

bool RawResponse::has_header(std::string_view name, std::string_view value) const {
    const std::string wanted = "\r\n" + raw_lowercase(name) + ": " + raw_lowercase(value) + "\r\n";
    return raw_lowercase(head).find(wanted) != std::string::npos;
}

std::vector<RawResponse> split_responses(const std::string& bytes) {
    std::vector<RawResponse> responses;
    size_t at = 0;
    while (at < bytes.size()) {
        const size_t head_end = bytes.find("\r\n\r\n", at);
        if (head_end == std::string::npos || bytes.compare(at, 9, "HTTP/1.1 ") != 0) break;
        RawResponse response;
        response.head = bytes.substr(at, head_end + 2 - at);  // ends with the last header's CRLF
        std::from_chars(bytes.data() + at + 9, bytes.data() + at + 12, response.status);
        size_t length = 0;
        const std::string lowered = raw_lowercase(response.head);
        if (const size_t field = lowered.find("\r\ncontent-length:"); field != std::string::npos) {
            size_t digits = field + 17;
            while (digits < lowered.size() && lowered[digits] == ' ') ++digits;
            std::from_chars(lowered.data() + digits, lowered.data() + lowered.size(), length);
        }
        const size_t body_start = head_end + 4;
        if (bytes.size() - body_start < length) break;
        response.body = bytes.substr(body_start, length);
        responses.push_back(std::move(response));
        at = body_start + length;
    }
    return responses;
}

void allow_many_open_files() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace cyberachat::testing
