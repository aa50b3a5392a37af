#include "core/ascii_text.hpp"

namespace cyberachat {
namespace {

constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";

// U+00C0–U+00FF (UTF-8 C3 80–C3 BF) without accents; "" keeps the character ("×", "÷").
constexpr std::string_view kLatin1Letters[64] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",   // À–Ï
    "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "ss", // Ð–ß
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // à–ï
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",  // ð–ÿ
};

bool continues_utf8_sequence(unsigned char byte) { return (byte & 0xC0) == 0x80; }

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

std::string fold_accents(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80 || i + 1 >= text.size() || !continues_utf8_sequence(static_cast<unsigned char>(text[i + 1]))) {
            out.push_back(text[i]);
            continue;
        }
        const auto next = static_cast<unsigned char>(text[i + 1]);
        std::string_view folded;
        if (lead == 0xC3) folded = kLatin1Letters[next - 0x80];
        else if (lead == 0xC5 && next == 0x92) folded = "OE";  // Œ
        else if (lead == 0xC5 && next == 0x93) folded = "oe";  // œ
        else if (lead == 0xC5 && next == 0xB8) folded = "Y";   // Ÿ
        else if ((lead == 0xCC) || (lead == 0xCD && next <= 0xAF)) {  // U+0300–U+036F: combining accents
            ++i;
            continue;
        }
        if (folded.empty()) {
            out.push_back(text[i]);
            continue;
        }
        out += folded;
        ++i;
    }
    return out;
}

std::string search_key(std::string_view text) { return lower_ascii(fold_accents(text)); }

}  // namespace cyberachat
