#pragma once
// FNV-1a, 64 bits: a fast hash to tell two versions of some bytes apart (an asset's content, the
// state of a page). Not a security hash: never for secrets or anything an attacker chooses to collide.
#include <cstdint>
#include <string>
#include <string_view>

namespace cyberachat {

class FnvHash {
public:
    FnvHash& add(std::string_view bytes) {
        for (unsigned char c : bytes) {
            value_ ^= c;
            value_ *= 1099511628211ull;
        }
        return *this;
    }
    // `bytes`, then a separator no UTF-8 text holds, so that ("ab","c") and ("a","bc") differ.
    FnvHash& add_field(std::string_view bytes) {
        add(bytes);
        value_ ^= 0xff;
        value_ *= 1099511628211ull;
        return *this;
    }
    std::uint64_t value() const { return value_; }
    // The `digits` low-order hex digits (at most 16).
    std::string hex(int digits = 16) const {
        static constexpr char hex_digits[] = "0123456789abcdef";
        std::string out;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out.push_back(hex_digits[(value_ >> shift) & 15]);
        return out;
    }

private:
    std::uint64_t value_ = 14695981039346656037ull;  // the FNV offset basis, 0xcbf29ce484222325
};

}  // namespace cyberachat
