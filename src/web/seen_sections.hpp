#pragma once
// Which section pages a vendor's session has opened, so that a page's "Informations
// complémentaires" are open on its first visit and closed on the later ones, without JavaScript.
// The server keeps it in a small cookie, "cyb_seen" = "{session key}.{hex digits}": the key (the
// first 16 hex digits of the session's token hash) ties it to the session, so that a new session
// starts afresh; digit i holds sections 4i to 4i+3 (by their index in the questionnaire), bit
// `index % 4`. At most kMaxSeenSections sections are remembered (the cookie stays under 150
// bytes): a page past them is a first visit every time. A cookie that does not parse, or of
// another session, counts as none. The cookie lasts as long as a session may (serve's maximum
// session length).
#include <httplib.h>

#include <bitset>
#include <string>
#include <string_view>

#include "store/repositories.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

inline constexpr const char* kSeenSectionsCookie = "cyb_seen";
inline constexpr size_t kMaxSeenSections = 512;

class SeenSections {
public:
    // The set read from the cookie's value for the session of this key (empty when it is absent,
    // malformed or of another session).
    static SeenSections parse(std::string_view cookie, std::string_view session_key);
    // The key of a session in the cookie: the first 16 hex digits of its token hash.
    static std::string session_key(const store::Session& session);

    explicit SeenSections(std::string session_key) : key_(std::move(session_key)) {}

    bool contains(size_t section_index) const;
    // Adds the section; false when it was there already or cannot be remembered (past the limit).
    bool add(size_t section_index);
    // "{key}.{hex digits}", without trailing zero digits.
    std::string cookie_value() const;

private:
    std::string key_;
    std::bitset<kMaxSeenSections> seen_;
};

// For a vendor's page of the section of this index: whether the session opens it for the first
// time. Remembers it (sets the cookie on `res`) when so and `remember` — not when the browser
// prerenders the page, which the vendor may never see (the page remembers it when it is shown).
bool first_visit_of_section(const WebApp& app, const httplib::Request& req, httplib::Response& res,
                            const store::Session& session, size_t section_index, bool remember = true);
// The same question, remembering nothing.
bool first_visit_of_section(const httplib::Request& req, const store::Session& session, size_t section_index);

}  // namespace cyberachat::web
