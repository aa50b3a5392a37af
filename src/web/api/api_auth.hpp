#pragma once
// Who may call the JSON API: a hospital user by API token, a vendor by its invitation token (or
// its session cookie with the X-CSRF-Token header for changes). Each sends the 401/403 itself.
#include <httplib.h>

#include <optional>

#include "web/request_auth.hpp"

namespace cyberachat::web {

// The user of the Bearer API token, or a 401 sent (and nullopt).
std::optional<HospitalCaller> require_api_user(WebApp& app, const httplib::Request& req, httplib::Response& res);
// The vendor of the Bearer invitation token or of the session cookie (CSRF checked when
// `mutating`), or a 401/403 sent (and nullopt). An unknown, revoked or missing token all get the same answer.
std::optional<VendorCaller> require_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res, bool mutating);
// The vendor's language: its session's, else its response's.
Language language_of(const VendorCaller& caller);

}  // namespace cyberachat::web
