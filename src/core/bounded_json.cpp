#include "core/bounded_json.hpp"

#include <string>

namespace cyberachat {

size_t json_nesting_depth(std::string_view text, size_t stop_above) {
    size_t depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
            case '"': in_string = true; break;
            case '[':
            case '{':
                if (++depth > deepest) {
                    deepest = depth;
                    if (deepest > stop_above) return stop_above + 1;
                }
                break;
            case ']':
            case '}':
                if (depth > 0) --depth;
                break;
            default: break;
        }
    }
    return deepest;
}

Result<nlohmann::json> parse_bounded_json(std::string_view text, size_t max_depth) {
    if (json_nesting_depth(text, max_depth) > max_depth) {
        const std::string limit = std::to_string(max_depth);
        return Error::make(ErrorCode::json_too_deep, "JSON trop imbriqué : " + limit + " niveaux au plus.",
                           "JSON nested too deeply: at most " + limit + " levels.");
    }
    auto value = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return Error::make(ErrorCode::bad_json, "JSON illisible.", "Unreadable JSON.");
    return value;
}

}  // namespace cyberachat
