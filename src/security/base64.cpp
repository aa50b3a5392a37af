#include "security/base64.hpp"

#include <sodium.h>

namespace cyberachat::security {

std::string base64_encode(std::string_view bytes) {
    const size_t encoded_len = sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    std::string out(encoded_len, '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(encoded_len - 1);  // without the terminating NUL
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.empty()) return std::string();
    std::string out(text.size() / 4 * 3 + 3, '\0');
    size_t decoded_len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &decoded_len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(decoded_len);
    return out;
}

}  // namespace cyberachat::security
