#include "core/markup_escape.hpp"

#include <array>

namespace cyberachat {

void append_markup_escaped(std::string& out, std::string_view text) {
    // Most text has nothing to escape: scan with a table, append runs in one go.
    static constexpr auto kEscapes = [] {
        std::array<bool, 256> table{};
        for (unsigned char c : {'&', '<', '>', '"', '\''}) table[c] = true;
        return table;
    }();
    const char* const data = text.data();
    const size_t size = text.size();
    size_t start = 0;
    for (size_t i = 0; i < size; ++i) {
        const char c = data[i];
        if (!kEscapes[static_cast<unsigned char>(c)]) continue;
        out.append(data + start, i - start);
        switch (c) {
            case '&': out.append("&amp;"); break;
            case '<': out.append("&lt;"); break;
            case '>': out.append("&gt;"); break;
            case '"': out.append("&quot;"); break;
            default: out.append("&#39;"); break;
        }
        start = i + 1;
    }
    out.append(data + start, size - start);
}

std::string markup_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    append_markup_escaped(out, text);
    return out;
}

}  // namespace cyberachat
