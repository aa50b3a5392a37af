#pragma once
// Base64 (RFC 4648, standard alphabet, padded), for bytes kept in a TEXT column: the same SQL then
// holds them on every database engine (store/pending_upload_repository.cpp).
#include <optional>
#include <string>
#include <string_view>

namespace cyberachat::security {

std::string base64_encode(std::string_view bytes);
// nullopt when `text` is not base64 of that kind.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace cyberachat::security
