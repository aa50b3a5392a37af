#pragma once
// The journal as JSON for the hospital's scripts (API token): a purchase's, a vendor response's,
// an account's, with the pages' filters and ?before=<event id> paging. Never vendors.
// One function per action, registered by register_journal_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::journal_api {

// GET /api/v1/acquisitions/{id}/journal
void acquisition_journal(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /api/v1/responses/{id}/journal
void response_journal(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /api/v1/users/{id}/journal
void user_journal(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::journal_api
