#include "web/api/journal_api.hpp"

#include "web/api/api_auth.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/journal_support.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

namespace {

void send_journal_json(httplib::Response& res, const Result<services::JournalPage>& page) {
    if (!page) return send_json_error(res, page.error());
    send_json(res, 200, journal_json(*page));
}

}  // namespace

namespace journal_api {

// GET /api/v1/acquisitions/{id}/journal
void acquisition_journal(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    send_journal_json(res, app.journal.for_acquisition(path_id(req).value_or(0), journal_filter(req)));
}

// GET /api/v1/responses/{id}/journal
void response_journal(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    send_journal_json(res, app.journal.for_response(path_id(req).value_or(0), journal_filter(req)));
}

// GET /api/v1/users/{id}/journal
void user_journal(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    send_journal_json(res, app.journal.for_user(path_id(req).value_or(0), journal_filter(req)));
}

}  // namespace journal_api

void register_journal_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}/journal", journal_api::acquisition_journal);
    add_route(server, app, "GET", "/api/v1/responses/{response}/journal", journal_api::response_journal);
    add_route(server, app, "GET", "/api/v1/users/{user}/journal", journal_api::user_journal);
}

}  // namespace cyberachat::web
