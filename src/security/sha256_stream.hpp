#pragma once
// SHA-256 of bytes that come in pieces (a document streamed chunk by chunk), as sha256_hex gives
// for the whole.
#include <memory>
#include <string>
#include <string_view>

namespace cyberachat::security {

class Sha256Stream {
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(Sha256Stream&&) noexcept;
    Sha256Stream& operator=(Sha256Stream&&) noexcept;
    void update(std::string_view piece);
    std::string hex_digest();  // ends the stream: lower-case hex, 64 characters

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace cyberachat::security
