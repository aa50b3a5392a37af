#pragma once
// Vendor pages, reached through the secret link without an account: home, one page per section,
// documents, review, submit, confirmation, language, help.
// One function per action (request in, response out), registered by register_vendor_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::vendor_routes {

// GET /invitation/{token}
// The secret link: opens a vendor session, then leaves the token out of the address bar.
void open_invitation(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /invitation/.*
void invalid_invitation(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /vendor
void home_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /vendor/clarifications
void clarifications_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /vendor/clarifications/{question}
void answer_clarification(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /vendor/sections/{section}
void section_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /vendor/sections/{section}
void save_section(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /vendor/documents/{question}
void upload_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /vendor/documents/{id}/delete
void delete_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /vendor/documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /vendor/review
void review_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /vendor/submit
void submit(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /vendor/confirmation
void confirmation_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /vendor/language
void set_language(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /vendor/help
void vendor_help_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /help
void help_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::vendor_routes
