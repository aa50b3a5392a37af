#include "web/views/asset_minifier.hpp"

namespace cyberachat::web::views {
namespace {

std::string_view trimmed(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

// Calls keep(line) for each trimmed, non-blank line of `text`.
template <class Keep>
std::string kept_lines(std::string_view text, Keep keep) {
    std::string out;
    out.reserve(text.size());
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trimmed(text.substr(start, end - start));
        if (!line.empty() && keep(line)) {
            out.append(line);
            out.push_back('\n');
        }
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string minify_css(std::string_view css) {
    std::string without_comments;
    without_comments.reserve(css.size());
    size_t at = 0;
    while (at < css.size()) {
        const size_t open = css.find("/*", at);
        if (open == std::string_view::npos) {
            without_comments.append(css.substr(at));
            break;
        }
        without_comments.append(css.substr(at, open - at));
        const size_t close = css.find("*/", open + 2);
        if (close == std::string_view::npos) break;  // an unclosed comment runs to the end
        at = close + 2;
    }
    return kept_lines(without_comments, [](std::string_view) { return true; });
}

std::string minify_js(std::string_view js) {
    bool in_block = false;  // inside a /* … */ comment that began a line
    return kept_lines(js, [&](std::string_view line) {
        if (in_block) {
            in_block = !line.ends_with("*/");
            return false;
        }
        if (line.starts_with("//")) return false;
        if (line.starts_with("/*")) {
            in_block = !line.ends_with("*/") || line.size() < 4;
            return false;
        }
        return true;
    });
}

}  // namespace cyberachat::web::views
