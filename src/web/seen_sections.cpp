#include "web/seen_sections.hpp"

#include "web/request_auth.hpp"

namespace cyberachat::web {
namespace {

constexpr size_t kSeenKeyLength = 16;

int seen_hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

SeenSections SeenSections::parse(std::string_view cookie, std::string_view session_key) {
    SeenSections seen{std::string(session_key)};
    const size_t dot = cookie.find('.');
    if (session_key.empty() || dot == std::string_view::npos || cookie.substr(0, dot) != session_key) return seen;
    const std::string_view digits = cookie.substr(dot + 1);
    if (digits.size() > kMaxSeenSections / 4) return seen;
    std::bitset<kMaxSeenSections> bits;
    for (size_t i = 0; i < digits.size(); ++i) {
        const int value = seen_hex_digit(digits[i]);
        if (value < 0) return seen;
        for (int bit = 0; bit < 4; ++bit)
            if (value & (1 << bit)) bits.set(i * 4 + bit);
    }
    seen.seen_ = bits;
    return seen;
}

std::string SeenSections::session_key(const store::Session& session) {
    return session.token_hash.substr(0, kSeenKeyLength);
}

bool SeenSections::contains(size_t section_index) const {
    return section_index < kMaxSeenSections && seen_.test(section_index);
}

bool SeenSections::add(size_t section_index) {
    if (section_index >= kMaxSeenSections || seen_.test(section_index)) return false;
    seen_.set(section_index);
    return true;
}

std::string SeenSections::cookie_value() const {
    static constexpr char hex[] = "0123456789abcdef";
    std::string digits;
    for (size_t i = 0; i < kMaxSeenSections / 4; ++i) {
        int value = 0;
        for (int bit = 0; bit < 4; ++bit)
            if (seen_.test(i * 4 + bit)) value |= 1 << bit;
        digits.push_back(hex[value]);
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    return key_ + "." + digits;
}

namespace {

SeenSections seen_sections_of(const httplib::Request& req, const store::Session& session) {
    return SeenSections::parse(cookie_value(req, kSeenSectionsCookie).value_or(""), SeenSections::session_key(session));
}

}  // namespace

bool first_visit_of_section(const httplib::Request& req, const store::Session& session, size_t section_index) {
    return !seen_sections_of(req, session).contains(section_index);
}

bool first_visit_of_section(const WebApp& app, const httplib::Request& req, httplib::Response& res,
                            const store::Session& session, size_t section_index, bool remember) {
    SeenSections seen = seen_sections_of(req, session);
    if (seen.contains(section_index)) return false;
    if (remember && seen.add(section_index)) set_cookie(res, app, kSeenSectionsCookie, seen.cookie_value(), app.config.session_max_hours * 3600);
    return true;
}

}  // namespace cyberachat::web
