#pragma once
// Shared by the page routes: who must be logged in, the page context, CSRF, error pages.
#include <httplib.h>

#include <optional>
#include <string>

#include "web/request_auth.hpp"
#include "web/views/page_context.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

// The logged-in hospital user, or a redirect to /login (and nullopt).
std::optional<HospitalCaller> require_hospital_page(WebApp& app, const httplib::Request& req, httplib::Response& res);
// The vendor of the session, or a 401 page explaining to open the link again (and nullopt).
std::optional<VendorCaller> require_vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

views::PageContext hospital_context(const HospitalCaller& caller, std::string title);
// A vendor page's context: its language, and the hospital that invites it (instance settings).
views::PageContext vendor_context(WebApp& app, const VendorCaller& caller, std::string title, const httplib::Request& req);

// An action asked twice (views/confirmed_action): whether the form carries confirm=1; otherwise a
// 400 page with `message` (what to confirm) is sent and nothing is done.
bool require_confirmation(const httplib::Request& req, httplib::Response& res, const std::string& message,
                          Language language = Language::fr);

// Checks the CSRF token of a POST; on failure sends a 403 page and returns false.
bool require_csrf(const httplib::Request& req, httplib::Response& res, const store::Session& session, Language language);

void send_error_page(httplib::Response& res, int status, const std::string& message, const views::PageContext& context);
void send_error_page(httplib::Response& res, int status, const std::string& message, Language language = Language::fr);
// The page of a service or store error: its status (status_for) and message; a 5xx is logged.
void send_error_page(httplib::Response& res, const Error& error, Language language = Language::fr);
void send_error_page(httplib::Response& res, const Error& error, const views::PageContext& context);

// One-time message carried by a short-lived cookie across a redirect.
void set_flash(httplib::Response& res, const WebApp& app, const std::string& message, bool is_error = false);
void take_flash(const httplib::Request& req, httplib::Response& res, const WebApp& app, views::PageContext& context);
// Whether a flash message waits for the next page (take_flash would show it).
bool has_flash(const httplib::Request& req);

}  // namespace cyberachat::web
