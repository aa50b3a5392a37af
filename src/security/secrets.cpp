#include "security/secrets.hpp"

#include <sodium.h>

#include <vector>

namespace cyberachat::security {

namespace {

// sodium_init is idempotent and thread-safe; every entry point makes sure it ran.
bool ensure_initialized() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

}  // namespace

bool initialize() { return ensure_initialized(); }

std::string hash_password(std::string_view password) {
    if (!ensure_initialized()) return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};  // out of memory: an empty hash never verifies
    std::string hash(out);
    sodium_memzero(out, sizeof out);
    return hash;
}

bool verify_password(std::string_view hash, std::string_view password) {
    if (!ensure_initialized()) return false;
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string terminated(hash);  // libsodium wants a NUL-terminated string
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

const std::string& dummy_password_hash() {
    static const std::string hash = [] {
        ensure_initialized();
        unsigned char secret[32];
        randombytes_buf(secret, sizeof secret);
        std::string made = hash_password(std::string_view(reinterpret_cast<const char*>(secret), sizeof secret));
        sodium_memzero(secret, sizeof secret);
        return made;
    }();
    return hash;
}

bool verify_password_or_dummy(const std::string* hash, std::string_view password) {
    // crypto_pwhash_str_needs_rehash says -1 for a string that is not an argon2id hash at all.
    const bool usable = hash != nullptr && !hash->empty() && hash->size() < crypto_pwhash_STRBYTES &&
                        ensure_initialized() &&
                        crypto_pwhash_str_needs_rehash(hash->c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
    const bool verified = verify_password(usable ? *hash : dummy_password_hash(), password);
    return usable && verified;
}

std::string random_token(size_t bytes) {
    if (!ensure_initialized() || bytes == 0) return {};
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    const size_t encoded_len = sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    std::string out(encoded_len, '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw.data(), raw.size());
    out.resize(encoded_len - 1);  // ENCODED_LEN counts the terminating NUL
    return out;
}

std::string generate_password() {
    // No 0/O, 1/l/I: easy to read aloud and to copy from a printed sheet.
    static constexpr std::string_view alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    ensure_initialized();
    std::string out;
    out.reserve(20);
    for (int i = 0; i < 20; ++i)
        out.push_back(alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))]);
    return out;
}

std::string sha256_hex(std::string_view data) {
    ensure_initialized();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

bool constant_time_equals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    ensure_initialized();
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace cyberachat::security
