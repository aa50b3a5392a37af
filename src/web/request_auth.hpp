#pragma once
// Who is making a request: a hospital user (session cookie or API token) or a vendor (its
// session cookie, opened by the secret link, or the invitation token as a Bearer). Also CSRF.
#include <httplib.h>

#include <optional>
#include <string>

#include "core/acquisition.hpp"
#include "store/repositories.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

inline constexpr const char* kHospitalCookie = "cyb_session";
inline constexpr const char* kVendorCookie = "cyb_vendor";
inline constexpr const char* kLoginCsrfCookie = "cyb_login_csrf";

// A caller's changes are journalled "from the page" when it came with its session cookie (a
// browser: the pages, their autosave included), "from the API" with a bearer token.
struct HospitalCaller {
    User user;
    std::optional<store::Session> session;  // absent for API-token calls
    Actor actor() const { return Actor("user:" + user.email, session ? Via::page : Via::api); }
};

struct VendorCaller {
    VendorResponse response;
    std::optional<store::Session> session;  // absent for Bearer-token calls
    // Its purchase, as read to check that the link works (for this request only).
    std::optional<Acquisition> acquisition;
    Actor actor() const { return Actor("vendor:" + std::to_string(response.id), session ? Via::page : Via::api); }
};

std::optional<std::string> cookie_value(const httplib::Request& req, const std::string& name);
void set_cookie(httplib::Response& res, const WebApp& app, const std::string& name, const std::string& value,
                int max_age_seconds = -1);
void clear_cookie(httplib::Response& res, const WebApp& app, const std::string& name);

std::optional<HospitalCaller> hospital_from_session(WebApp& app, const httplib::Request& req);
std::optional<HospitalCaller> hospital_from_bearer(WebApp& app, const httplib::Request& req);
// Whether a vendor's link opens: not for a withdrawn vendor, nor while its purchase is a draft
// (being prepared); unavailable when the purchase cannot be read. vendor_from_session and
// vendor_from_bearer find no vendor unless it works.
enum class VendorLinkState { works, withdrawn, not_open, unavailable };
VendorLinkState vendor_link_state(WebApp& app, const VendorResponse& response);

std::optional<VendorCaller> vendor_from_session(WebApp& app, const httplib::Request& req);
std::optional<VendorCaller> vendor_from_bearer(WebApp& app, const httplib::Request& req);

// The hospital user of an API call: its API token as a Bearer or, without Authorization header, its
// session cookie (GET exports from the pages). Sends the 401 and returns nullopt when there is none.
std::optional<HospitalCaller> require_hospital(WebApp& app, const httplib::Request& req, httplib::Response& res);
// ?lang=fr|en when given, else the vendor session's language, else the invitation's.
Language vendor_language(const httplib::Request& req, const VendorCaller& caller);

// Opens a session; returns the cookie value (the secret; only its hash is stored).
std::string open_session(WebApp& app, const std::string& kind, Id subject_id, const std::string& language,
                         std::string& csrf_token_out);

// The form field "_csrf" or header "X-CSRF-Token" equals the session's token (constant time).
bool csrf_ok(const httplib::Request& req, const store::Session& session);

}  // namespace cyberachat::web
