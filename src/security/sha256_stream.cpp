#include "security/sha256_stream.hpp"

#include <sodium.h>

#include "security/secrets.hpp"

namespace cyberachat::security {

struct Sha256Stream::State {
    crypto_hash_sha256_state sha;
};

Sha256Stream::Sha256Stream() : state_(std::make_unique<State>()) {
    initialize();
    crypto_hash_sha256_init(&state_->sha);
}
Sha256Stream::~Sha256Stream() = default;
Sha256Stream::Sha256Stream(Sha256Stream&&) noexcept = default;
Sha256Stream& Sha256Stream::operator=(Sha256Stream&&) noexcept = default;

void Sha256Stream::update(std::string_view piece) {
    crypto_hash_sha256_update(&state_->sha, reinterpret_cast<const unsigned char*>(piece.data()), piece.size());
}

std::string Sha256Stream::hex_digest() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_->sha, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

}  // namespace cyberachat::security
