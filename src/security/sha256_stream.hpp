#pragma once
// SHA-256 of data given in pieces (a file read chunk by chunk), the same hex digest as
// security::sha256_hex of the whole.
#include <memory>
#include <string>
#include <string_view>

namespace cyberachat::security {

class Sha256Stream {
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(const Sha256Stream&) = delete;
    Sha256Stream& operator=(const Sha256Stream&) = delete;

    void update(std::string_view data);
    // Lower-case hex of the digest of everything given so far; the stream is spent afterwards.
    std::string hex_digest();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace cyberachat::security
