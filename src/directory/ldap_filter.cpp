#include "directory/ldap_filter.hpp"

namespace cyberachat::directory {

std::string escape_filter_value(std::string_view value) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '*' || c == '(' || c == ')' || c == '\\' || c == '\0') {
            const auto byte = static_cast<unsigned char>(c);
            out += '\\';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0f];
        } else {
            out += c;
        }
    }
    return out;
}

std::string fill_filter(std::string_view filter_template, std::string_view placeholder, std::string_view value) {
    const std::string escaped = escape_filter_value(value);
    std::string out;
    size_t from = 0;
    while (true) {
        const size_t at = placeholder.empty() ? std::string_view::npos : filter_template.find(placeholder, from);
        if (at == std::string_view::npos) break;
        out.append(filter_template.substr(from, at - from));
        out += escaped;
        from = at + placeholder.size();
    }
    out.append(filter_template.substr(from));
    return out;
}

}  // namespace cyberachat::directory
