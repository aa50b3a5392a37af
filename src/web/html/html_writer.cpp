#include "web/html/html_writer.hpp"

#include <array>
#include <stdexcept>

#include "core/ascii_text.hpp"
#include "core/markup_escape.hpp"

namespace cyberachat::web::html {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void append_escaped(std::string& out, std::string_view text) { append_markup_escaped(out, text); }

std::string escape(std::string_view text) { return markup_escaped(text); }

std::string url_encode(std::string_view value) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size() + 8);
    for (unsigned char c : value) {
        if (is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c)) || c == '-' || c == '_' || c == '.' ||
            c == '~' || c == '/') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

bool valid_name(std::string_view name) {
    if (name.empty() || name.size() > 64 || !is_alpha(name.front())) return false;
    for (char c : name)
        if (!is_alpha(c) && !is_digit(c) && c != '-' && c != '_' && c != ':' && c != '.') return false;
    return true;
}

HtmlWriter& HtmlWriter::open(std::string_view tag, Attrs attrs) {
    if (!valid_name(tag)) throw std::invalid_argument("invalid HTML tag name");
    out_.push_back('<');
    out_.append(tag);
    write_attrs(attrs);
    out_.push_back('>');
    open_.emplace_back(tag);
    return *this;
}

HtmlWriter& HtmlWriter::close(std::string_view tag) {
    if (open_.empty() || open_.back() != tag)
        throw std::logic_error("HtmlWriter: closing <" + std::string(tag) + "> but <" +
                               (open_.empty() ? std::string("nothing") : open_.back()) + "> is open");
    open_.pop_back();
    out_.append("</");
    out_.append(tag);
    out_.push_back('>');
    return *this;
}

HtmlWriter& HtmlWriter::void_tag(std::string_view tag, Attrs attrs) {
    if (!valid_name(tag)) throw std::invalid_argument("invalid HTML tag name");
    out_.push_back('<');
    out_.append(tag);
    write_attrs(attrs);
    out_.push_back('>');
    return *this;
}

HtmlWriter& HtmlWriter::text(std::string_view text) {
    append_escaped(out_, text);
    return *this;
}

HtmlWriter& HtmlWriter::element(std::string_view tag, Attrs attrs, std::string_view text) {
    open(tag, attrs);
    append_escaped(out_, text);
    return close(tag);
}

HtmlWriter& HtmlWriter::raw(std::string_view html) {
    out_.append(html);
    return *this;
}

HtmlWriter& HtmlWriter::markup(std::string_view light_markup) {
    append_markup(out_, light_markup);
    return *this;
}

std::string HtmlWriter::take() {
    if (!open_.empty()) throw std::logic_error("HtmlWriter: <" + open_.back() + "> is never closed");
    return std::move(out_);
}

void HtmlWriter::write_attrs(Attrs attrs) {
    for (const Attr& attr : attrs) {
        if (attr.omitted()) continue;
        if (!valid_name(attr.name())) throw std::invalid_argument("invalid HTML attribute name");
        out_.push_back(' ');
        out_.append(attr.name());
        if (attr.is_flag()) continue;
        out_.append("=\"");
        append_escaped(out_, attr.value());
        out_.push_back('"');
    }
}

// ---- light markup ------------------------------------------------------------------------------

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_url_end(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '<' || c == '>' || c == '"'; }

// Appends one run of inline text: **bold** and links, everything escaped.
void append_inline(std::string& out, std::string_view text) {
    bool bold = false;
    size_t i = 0;
    size_t start = 0;
    auto flush = [&](size_t end) { append_escaped(out, text.substr(start, end - start)); };
    while (i < text.size()) {
        if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') {
            // Open only when a closing ** follows; close when open.
            if (bold || text.find("**", i + 2) != std::string_view::npos) {
                flush(i);
                out.append(bold ? "</strong>" : "<strong>");
                bold = !bold;
                i += 2;
                start = i;
                continue;
            }
        }
        if ((text[i] == 'h') && (i == 0 || !is_alpha(text[i - 1])) &&
            (starts_with(text.substr(i), "https://") || starts_with(text.substr(i), "http://"))) {
            size_t end = i;
            while (end < text.size() && !is_url_end(text[end])) ++end;
            // Trailing punctuation belongs to the sentence.
            while (end > i && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';' ||
                               text[end - 1] == ':' || text[end - 1] == ')' || text[end - 1] == '*'))
                --end;
            std::string_view url = text.substr(i, end - i);
            if (url.size() > 8) {
                flush(i);
                out.append("<a href=\"");
                append_escaped(out, url);
                out.append("\">");
                append_escaped(out, url);
                out.append("</a>");
                i = end;
                start = i;
                continue;
            }
        }
        ++i;
    }
    flush(text.size());
    if (bold) out.append("</strong>");
}

}  // namespace

void append_markup(std::string& out, std::string_view source) {
    enum class Block { none, paragraph, list };
    Block block = Block::none;
    auto end_block = [&] {
        if (block == Block::paragraph) out.append("</p>\n");
        if (block == Block::list) out.append("</li></ul>\n");
        block = Block::none;
    };
    size_t pos = 0;
    while (pos <= source.size()) {
        size_t eol = source.find('\n', pos);
        if (eol == std::string_view::npos) eol = source.size();
        std::string_view line = trim(source.substr(pos, eol - pos));
        pos = eol + 1;
        if (line.empty()) {
            end_block();
            if (eol >= source.size()) break;
            continue;
        }
        if (starts_with(line, "- ") || line == "-") {
            std::string_view item = trim(line.substr(1));
            if (block == Block::list) {
                out.append("</li><li>");
            } else {
                end_block();
                out.append("<ul><li>");
                block = Block::list;
            }
            append_inline(out, item);
        } else if (block == Block::paragraph) {
            out.push_back('\n');
            append_inline(out, line);
        } else {
            end_block();
            out.append("<p>");
            block = Block::paragraph;
            append_inline(out, line);
        }
        if (eol >= source.size()) break;
    }
    end_block();
}

std::string markup_to_html(std::string_view light_markup) {
    std::string out;
    out.reserve(light_markup.size() + light_markup.size() / 4 + 32);
    append_markup(out, light_markup);
    return out;
}

}  // namespace cyberachat::web::html
