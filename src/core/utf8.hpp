#pragma once
// UTF-8 as users' text arrives: checked before it is stored (a stored malformed sequence could
// not be written out as JSON later), and counted in characters, not bytes, for length limits.
#include <cstddef>
#include <string>
#include <string_view>

namespace cyberachat {

// Well-formed UTF-8: no stray continuation byte, no truncated or overlong sequence, no surrogate,
// nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// Characters (code points) in well-formed UTF-8 text.
size_t utf8_character_count(std::string_view text);

// Whether `text` has more than `max_characters` characters (not bytes: "é" is one). The limits
// users read ("5 000 caractères au plus") are in characters.
// `text` followed by spaces up to `width` characters (code points), for aligned terminal columns;
// at least one space after it.
inline std::string padded(std::string_view text, size_t width) {
    const size_t count = utf8_character_count(text);
    return std::string(text) + std::string(count < width ? width - count : 1, ' ');
}

inline bool longer_than(std::string_view text, size_t max_characters) {
    return text.size() > max_characters && utf8_character_count(text) > max_characters;
}

}  // namespace cyberachat
