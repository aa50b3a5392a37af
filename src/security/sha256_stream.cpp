#include "security/sha256_stream.hpp"

#include <sodium.h>

namespace cyberachat::security {

struct Sha256Stream::State {
    crypto_hash_sha256_state sodium;
};

Sha256Stream::Sha256Stream() : state_(std::make_unique<State>()) { crypto_hash_sha256_init(&state_->sodium); }
Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::update(std::string_view data) {
    crypto_hash_sha256_update(&state_->sodium, reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

std::string Sha256Stream::hex_digest() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_->sodium, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

}  // namespace cyberachat::security
