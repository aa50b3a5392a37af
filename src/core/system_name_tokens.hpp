#pragma once
// The words of a declared system name or a free-text answer, as the system name matcher reads
// them (core/system_name_matcher.hpp): runs of letters and digits, a dot kept between two digits
// ("8.6", "10.0.17763"), lower case without accents; a known product abbreviation glued to its
// version split in two ("Win10" → "win" "10", "RHEL8.6" → "rhel" "8.6"), and a service pack or
// R2 glued to a number split off ("2008R2" → "2008" "r2", "7SP1" → "7" "sp1", "11gR2" → "11g" "r2").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cyberachat {

struct NameToken {
    std::string key;     // "windows", "10", "22h2", "8.6"
    size_t begin = 0;    // byte range of the word in the text
    size_t end = 0;
};

// At most `max_tokens` tokens, in the text's order.
std::vector<NameToken> name_tokens(std::string_view text, size_t max_tokens);

// "8", "8.6", "10.0.17763": digits, and dots between digits.
bool is_version_number(std::string_view key);
// The dot-separated parts of a version number: "10.0.17763" → {"10", "0", "17763"}.
std::vector<std::string> version_parts(std::string_view key);
// "sp1" → 1, "sp" followed by anything else (or not "sp") → -1.
int service_pack(std::string_view key);

}  // namespace cyberachat
