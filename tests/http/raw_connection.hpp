#pragma once
// A bare TCP connection to the test server (127.0.0.1), for what an HTTP client library hides:
// half-sent requests, bytes after a body, whether the server closed the connection.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace cyberachat::testing {

class RawConnection {
public:
    // Connects (blocking, at most 2 s); valid() tells whether it worked.
    explicit RawConnection(int port);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    RawConnection(RawConnection&& other) noexcept;

    bool valid() const { return fd_ >= 0; }
    int fd() const { return fd_; }

    // Sends everything (at most `limit`); false if the connection failed first.
    bool send_all(std::string_view bytes, std::chrono::milliseconds limit = std::chrono::seconds(2));

    // Reads what arrives until the server closes the connection (end of stream or reset) or `limit`
    // passes. closed() tells which.
    std::string read_until_closed(std::chrono::milliseconds limit);
    // Reads until `count` complete responses arrived (see split_responses), the connection closes
    // or `limit` passes; returns everything read.
    std::string read_responses(size_t count, std::chrono::milliseconds limit);
    bool closed() const { return closed_; }

private:
    int fd_ = -1;
    bool closed_ = false;
    std::string pending_;
};

struct RawResponse {
    int status = 0;
    std::string head;  // status line and headers
    std::string body;
    bool has_header(std::string_view name, std::string_view value) const;  // case-insensitive
};

// The complete HTTP/1.1 responses at the start of `bytes` (bodies framed by Content-Length);
// an incomplete or unparsable remainder is left out.
std::vector<RawResponse> split_responses(const std::string& bytes);

// Lets this process open a few thousand sockets (raises the soft open-file limit to the hard one).
void allow_many_open_files();

}  // namespace cyberachat::testing
