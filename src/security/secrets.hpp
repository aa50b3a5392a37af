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
std::string random_token(size_t bytes = 32);                          // base64url, no padding (43 chars for 32 bytes)
std::string generate_password();                                      // 20 readable characters (no 0/O/1/l/I)
std::string sha256_hex(std::string_view data);
bool constant_time_equals(std::string_view a, std::string_view b);  // false when lengths differ

}  // namespace cyberachat::security
