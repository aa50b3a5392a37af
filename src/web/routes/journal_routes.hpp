#pragma once
// Hospital pages of the journal: a purchase's, a vendor response's, an account's, each filtered
// (du / au, action, qui, question) and paged, and the same list as CSV. Never vendors.
// One function per action, registered by register_journal_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::journal_routes {

// GET /acquisitions/{id}/journal
void acquisition_journal(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /acquisitions/{id}/journal.csv
void acquisition_journal_csv(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /responses/{id}/journal
void response_journal(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /responses/{id}/journal.csv
void response_journal_csv(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /users/{id}/journal
void user_journal(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /users/{id}/journal.csv
void user_journal_csv(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::journal_routes
