#pragma once
// A small HTML writer that escapes by default. Text and attribute values are always escaped
// (& < > " '), tag and attribute names are checked against a strict pattern, boolean attributes
// (hidden, checked, …) are written only when true. `raw` is only for HTML produced by another
// HtmlWriter (or by markup_to_html).
//
//   HtmlWriter w;
//   w.open("div", {{"class", "question"}, {"id", id}, Attr::flag("hidden", !visible)});
//   w.text(user_value);
//   w.close("div");
//   w.void_tag("input", {{"type", "hidden"}, {"name", "_csrf"}, {"value", token}});
#include <charconv>
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cyberachat::web::html {

// One attribute. Built from a name and a string, an integer or a bool (a boolean attribute:
// written as ` name` when true, omitted when false).
class Attr {
public:
    Attr(std::string_view name, std::string_view value) : name_(name), value_(value) {}
    Attr(std::string_view name, const char* value) : name_(name), value_(value) {}
    Attr(std::string_view name, const std::string& value) : name_(name), value_(value) {}
    Attr(std::string_view name, bool present) : name_(name), kind_(present ? Kind::flag : Kind::omitted) {}
    template <std::integral T>
        requires(!std::same_as<T, bool> && !std::same_as<T, char>)
    Attr(std::string_view name, T number) : name_(name) {
        auto [end, ec] = std::to_chars(number_, number_ + sizeof number_, number);
        value_ = std::string_view(number_, ec == std::errc() ? static_cast<size_t>(end - number_) : 0);
    }
    Attr(const Attr& other) : name_(other.name_), value_(other.value_), kind_(other.kind_) { relocate(other); }
    Attr& operator=(const Attr&) = delete;

    // A boolean attribute, present only when `on`.
    static Attr flag(std::string_view name, bool on) { return Attr(name, on); }
    // An attribute written only when its value is not empty.
    static Attr optional(std::string_view name, std::string_view value) {
        Attr attr(name, value);
        if (value.empty()) attr.kind_ = Kind::omitted;
        return attr;
    }
    // An attribute written only when `on`.
    static Attr when(bool on, std::string_view name, std::string_view value) {
        Attr attr(name, value);
        if (!on) attr.kind_ = Kind::omitted;
        return attr;
    }

    std::string_view name() const { return name_; }
    std::string_view value() const { return value_; }
    bool omitted() const { return kind_ == Kind::omitted; }
    bool is_flag() const { return kind_ == Kind::flag; }

private:
    enum class Kind : std::uint8_t { value, flag, omitted };
    void relocate(const Attr& other) {
        if (other.value_.data() >= other.number_ && other.value_.data() < other.number_ + sizeof number_) {
            std::char_traits<char>::copy(number_, other.number_, sizeof number_);
            value_ = std::string_view(number_ + (other.value_.data() - other.number_), other.value_.size());
        }
    }
    std::string_view name_;
    std::string_view value_;
    Kind kind_ = Kind::value;
    char number_[24] = {};
};

using Attrs = std::initializer_list<Attr>;

// Appends `text` to `out` with & < > " ' escaped.
void append_escaped(std::string& out, std::string_view text);
std::string escape(std::string_view text);

// Percent-encodes a value for use in a URL query or path segment (RFC 3986 unreserved kept).
std::string url_encode(std::string_view value);

// True for names made of ASCII letters, digits, '-', '_', ':' and '.', starting with a letter.
bool valid_name(std::string_view name);

class HtmlWriter {
public:
    explicit HtmlWriter(size_t reserve = 8192) { out_.reserve(reserve); }

    // <tag attrs…>. Throws std::invalid_argument on an invalid tag or attribute name.
    HtmlWriter& open(std::string_view tag, Attrs attrs = {});
    // </tag>. Throws std::logic_error when `tag` is not the innermost open element.
    HtmlWriter& close(std::string_view tag);
    // <tag attrs…> for void elements (input, meta, link, br…).
    HtmlWriter& void_tag(std::string_view tag, Attrs attrs = {});
    // Escaped text.
    HtmlWriter& text(std::string_view text);
    HtmlWriter& text(const char* text) { return this->text(std::string_view(text)); }
    // <tag attrs>escaped text</tag>
    HtmlWriter& element(std::string_view tag, Attrs attrs, std::string_view text);
    HtmlWriter& element(std::string_view tag, std::string_view text) { return element(tag, {}, text); }
    // Trusted HTML, produced by another HtmlWriter or markup_to_html.
    HtmlWriter& raw(std::string_view html);
    // The light markup of content texts (paragraphs, "- " lists, **bold**), escaped.
    HtmlWriter& markup(std::string_view light_markup);

    size_t depth() const { return open_.size(); }
    const std::string& str() const { return out_; }
    // Takes the HTML out; throws std::logic_error if elements are still open.
    std::string take();

private:
    void write_attrs(Attrs attrs);
    std::string out_;
    std::vector<std::string> open_;
};

// Renders the light markup of the questionnaire's content texts:
//   - paragraphs separated by blank lines → <p>
//   - lines starting with "- " → <ul><li>
//   - **bold** → <strong>
//   - http(s):// addresses → links
// Everything is escaped first: no HTML in the source text gets through.
std::string markup_to_html(std::string_view light_markup);
void append_markup(std::string& out, std::string_view light_markup);

}  // namespace cyberachat::web::html
