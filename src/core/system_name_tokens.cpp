#include "core/system_name_tokens.hpp"

#include <algorithm>
#include <array>

#include "core/ascii_text.hpp"

namespace cyberachat {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The bytes of the character at `i` when it is part of a word, 0 otherwise: ASCII letters and
// digits, and UTF-8 characters except those led by 0xC2 (no-break space, «, », ®, °…) and 0xE2
// (narrow no-break space, dashes, quotes, ™…), which separate words as punctuation does.
size_t word_character(std::string_view text, size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) return is_digit(text[i]) || is_letter(text[i]) ? 1 : 0;
    size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    length = std::min(length, text.size() - i);
    return lead == 0xC2 || lead == 0xE2 || lead < 0xC0 ? 0 : length;
}
size_t separator_length(std::string_view text, size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0xC0) return 1;
    return std::min<size_t>(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, text.size() - i);
}

// Abbreviations written glued to their version: "Win10", "W7", "RHEL8", "ESXi6.7", "Java8"…
constexpr std::array<std::string_view, 30> kGluedPrefixes = {
    "win", "w", "windows", "wes", "rhel", "centos", "ubuntu", "debian", "esxi", "vsphere",
    "postgres", "postgresql", "pgsql", "mysql", "java", "jdk", "jre", "openjdk", "sles", "ios",
    "android", "macos", "osx", "mssql", "sql", "v", "oracle", "almalinux", "rocky", "temurin"};

bool is_glued_prefix(std::string_view letters) {
    for (auto prefix : kGluedPrefixes)
        if (letters == prefix) return true;
    return false;
}

// The end of the leading number ("2008r2" → 4, "11gr2" → 3 keeping the "g"), npos when the key does
// not start with a digit.
size_t number_end(std::string_view key) {
    size_t i = 0;
    while (i < key.size() && (is_digit(key[i]) || (key[i] == '.' && i > 0 && i + 1 < key.size() && is_digit(key[i + 1])))) ++i;
    return i;
}

void push(std::vector<NameToken>& tokens, std::string key, size_t begin, size_t end) {
    tokens.push_back(NameToken{std::move(key), begin, end});
}

// Splits one ASCII word as the header says; `begin` is its offset in the text.
void split_word(std::vector<NameToken>& tokens, const std::string& key, size_t begin) {
    size_t letters = 0;
    while (letters < key.size() && is_letter(key[letters])) ++letters;
    std::string rest = key;
    size_t offset = begin;
    if (letters > 0 && letters < key.size() && is_digit(key[letters]) && is_glued_prefix(std::string_view(key).substr(0, letters))) {
        push(tokens, key.substr(0, letters), begin, begin + letters);
        rest = key.substr(letters);
        offset = begin + letters;
    }
    // A number followed by a service pack or R2: "7sp1", "2008r2"; Oracle's "11gr2", "12cr1".
    size_t number = number_end(rest);
    if (number > 0 && number < rest.size() && (rest[number] == 'g' || rest[number] == 'c') && number + 1 < rest.size() &&
        rest[number + 1] == 'r')
        ++number;
    if (number > 0 && number < rest.size()) {
        const std::string tail = rest.substr(number);
        if (service_pack(tail) >= 0 || tail == "r2" || tail == "r1") {
            push(tokens, rest.substr(0, number), offset, offset + number);
            push(tokens, tail, offset + number, offset + rest.size());
            return;
        }
    }
    push(tokens, rest, offset, offset + rest.size());
}

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace

std::vector<NameToken> name_tokens(std::string_view text, size_t max_tokens) {
    std::vector<NameToken> tokens;
    size_t i = 0;
    while (i < text.size() && tokens.size() < max_tokens) {
        if (word_character(text, i) == 0) {
            i += separator_length(text, i);
            continue;
        }
        const size_t begin = i;
        while (i < text.size()) {
            if (const size_t length = word_character(text, i)) i += length;
            else if (text[i] == '.' && i > begin && is_digit(text[i - 1]) && i + 1 < text.size() && is_digit(text[i + 1])) ++i;
            else break;
        }
        const std::string_view word = text.substr(begin, i - begin);
        if (is_ascii(word)) split_word(tokens, lower_ascii(word), begin);
        else push(tokens, search_key(word), begin, i);
    }
    if (tokens.size() > max_tokens) tokens.resize(max_tokens);
    return tokens;
}

bool is_version_number(std::string_view key) {
    if (key.empty() || !is_digit(key.front()) || !is_digit(key.back())) return false;
    for (char c : key)
        if (!is_digit(c) && c != '.') return false;
    return true;
}

std::vector<std::string> version_parts(std::string_view key) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= key.size()) {
        const size_t dot = key.find('.', start);
        parts.emplace_back(key.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts;
}

int service_pack(std::string_view key) {
    if (key.size() < 3 || key.size() > 4 || key.substr(0, 2) != "sp") return -1;
    int value = 0;
    for (char c : key.substr(2)) {
        if (!is_digit(c)) return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace cyberachat
