#include "web/vendor_section_page_key.hpp"

namespace cyberachat::web {

std::string vendor_section_page_key(const SectionPageInputs& in) {
    constexpr char kSeparator = '\x1f';  // ASCII unit separator: not in ids, tokens or headers' text
    std::string key;
    key.reserve(160 + in.section_id.size() + in.identity.name.size() + in.identity.contact_email.size());
    const auto part = [&](std::string_view text) {
        key.append(text);
        key.push_back(kSeparator);
    };
    part("section");
    part(std::to_string(in.response.id));
    part(std::to_string(in.response.revision));
    part(in.section_id);
    part(in.session.token_hash);
    part(in.session.language);
    part(in.session.csrf_token);
    part(response_lock_name(in.lock));
    part(in.identity.name);
    part(in.identity.contact_email);
    part(in.identity.logo_sha256);
    part(in.first_visit ? "first" : "seen");
    part(in.prerender ? "prerender" : "shown");
    return key;
}

}  // namespace cyberachat::web
