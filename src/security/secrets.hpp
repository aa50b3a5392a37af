#pragma once
// Secrets: passwords are stored as argon2id hashes, tokens (links, sessions, API) as SHA-256
// of a 256-bit random value. Nothing here logs or keeps a secret.
#include <string>
#include <string_view>

namespace cyberachat::security {

// Call once at start (sodium_init); returns false if libsodium cannot start.
bool initialize();

std::string hash_password(std::string_view password);                 // argon2id, crypto_pwhash_str (interactive limits); "" if out of memory
bool verify_password(std::string_view hash, std::string_view password);  // constant time
// The same work and time whether there is an account or not: checks `password` against `hash`,
// or, when there is none (unknown e-mail, inactive account) or it is not an argon2id hash of
// ours, against a dummy hash made once with the same parameters — and then says false.
bool verify_password_or_dummy(const std::string* hash, std::string_view password);
const std::string& dummy_password_hash();  // made on first use (~85 ms): call it at start
std::string random_token(size_t bytes = 32);                          // base64url, no padding (43 chars for 32 bytes)
std::string generate_password();                                      // 20 readable characters (no 0/O/1/l/I)
std::string sha256_hex(std::string_view data);
bool constant_time_equals(std::string_view a, std::string_view b);  // false when lengths differ

}  // namespace cyberachat::security
