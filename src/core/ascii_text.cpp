#include "core/ascii_text.hpp"

namespace cyberachat {
namespace {

constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";

}  // namespace

std::string_view trim(std::string_view text) {
    const size_t first = text.find_first_not_of(kAsciiSpace);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kAsciiSpace) - first + 1);
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace cyberachat
