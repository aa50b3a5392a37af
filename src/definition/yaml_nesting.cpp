#include "definition/yaml_nesting.hpp"

#include <vector>

namespace cyberachat::definition_detail {
namespace {

bool is_yaml_blank(char c) { return c == ' ' || c == '\t'; }

// One pass over the text, line by line, with what carries from one line to the next: the open
// block levels (their columns), the open flow brackets, an unfinished quoted text, a block text.
class NestingScan {
public:
    NestingScan(std::string_view text, size_t stop_above) : text_(text), stop_above_(stop_above) {}

    YamlNesting run() {
        for (size_t start = 0; start <= text_.size() && !stopped_;) {
            size_t end = text_.find('\n', start);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view line = text_.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            ++line_number_;
            scan_line(line);
            start = end + 1;
        }
        return result_;
    }

private:
    enum class Quote { none, single, double_ };

    void reach(size_t depth) {
        if (depth <= result_.depth) return;
        result_.depth = depth;
        result_.line = line_number_;
        if (depth > stop_above_) {
            result_.depth = stop_above_ + 1;
            stopped_ = true;
        }
    }

    size_t depth() const { return block_.size() + flow_; }

    void scan_line(std::string_view line) {
        size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ') ++indent;
        size_t content = indent;
        while (content < line.size() && is_yaml_blank(line[content])) ++content;
        const bool blank = content == line.size();
        if (in_block_text_) {
            if (blank || indent > block_text_parent_) return;  // a line of a `|` or `>` text
            in_block_text_ = false;
        }
        size_t i = 0;
        if (quote_ == Quote::none && flow_ == 0) {
            if (blank || line[content] == '#') return;
            if (indent == 0 && (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                (line.size() == 3 || is_yaml_blank(line[3]))) {
                block_.clear();  // a new document
                i = 3;
            } else {
                while (!block_.empty() && block_.back() >= indent) block_.pop_back();
                block_.push_back(indent);
                i = indent;
                node_column_ = indent;
                // "- ", "? " and ": " at the start of a line each open one more level on it.
                while (i < line.size() && (line[i] == '-' || line[i] == '?' || line[i] == ':') &&
                       (i + 1 == line.size() || is_yaml_blank(line[i + 1]))) {
                    node_column_ = i;
                    ++i;
                    while (i < line.size() && is_yaml_blank(line[i])) ++i;
                    if (i == line.size() || line[i] == '#') break;
                    block_.push_back(i);
                }
            }
            reach(depth());
        }
        scan_tokens(line, i);
    }

    // From column `i`: quoted texts, flow brackets, plain words, comments.
    void scan_tokens(std::string_view line, size_t i) {
        bool token_start = true;
        for (; i < line.size() && !stopped_; ++i) {
            const char c = line[i];
            if (quote_ != Quote::none) {
                if (quote_ == Quote::double_) {
                    if (c == '\\') ++i;
                    else if (c == '"') quote_ = Quote::none;
                } else if (c == '\'') {
                    if (i + 1 < line.size() && line[i + 1] == '\'') ++i;
                    else quote_ = Quote::none;
                }
                continue;
            }
            const bool after_blank = i == 0 || is_yaml_blank(line[i - 1]);
            const bool before_blank = i + 1 == line.size() || is_yaml_blank(line[i + 1]);
            if (c == '#' && after_blank) return;  // a comment
            if (flow_ > 0 && (c == ',' || c == '[' || c == '{' || c == ']' || c == '}')) {
                flow_bracket(c);
                token_start = c != ']' && c != '}';
                continue;
            }
            if (c == ':' && (before_blank || (flow_ > 0 && (line[i + 1] == ',' || line[i + 1] == ']' || line[i + 1] == '}')))) {
                token_start = true;  // the value of a key follows
                continue;
            }
            if (!token_start) continue;  // inside a plain word
            if (is_yaml_blank(c)) continue;
            if (c == '"') quote_ = Quote::double_;
            else if (c == '\'') quote_ = Quote::single;
            else if (c == '[' || c == '{') flow_bracket(c);
            else if ((c == '|' || c == '>') && flow_ == 0) {
                in_block_text_ = true;  // its lines are those indented more than its key or dash
                block_text_parent_ = node_column_;
                return;
            } else if (c == '&' || c == '!') {
                while (i + 1 < line.size() && !is_yaml_blank(line[i + 1])) ++i;  // an anchor or a tag, before its node
            } else {
                token_start = false;  // a plain word (perhaps a key)
                if (flow_ == 0) node_column_ = i;
            }
            if (c == '"' || c == '\'') token_start = false;
        }
    }

    void flow_bracket(char c) {
        if (c == '[' || c == '{') {
            ++flow_;
            reach(depth());
        } else if ((c == ']' || c == '}') && flow_ > 0) {
            --flow_;
        }
    }

    std::string_view text_;
    size_t stop_above_;
    YamlNesting result_;
    bool stopped_ = false;
    int line_number_ = 0;
    std::vector<size_t> block_;  // columns of the open block levels
    size_t flow_ = 0;            // open flow brackets
    Quote quote_ = Quote::none;  // a quoted text may run over several lines
    bool in_block_text_ = false;
    size_t block_text_parent_ = 0;
    size_t node_column_ = 0;     // column of the current line's last key or dash
};

}  // namespace

YamlNesting yaml_nesting_depth(std::string_view text, size_t stop_above) {
    return NestingScan(text, stop_above).run();
}

}  // namespace cyberachat::definition_detail
