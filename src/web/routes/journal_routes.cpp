// Hospital pages of the journal (purchase, response, account) and their CSV downloads.
#include "web/routes/journal_routes.hpp"

#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/journal_support.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

namespace {

// The purchase of a response's or purchase's journal, for the breadcrumb ("" if it cannot be read).
std::string journal_acquisition_title(WebApp& app, Id acquisition_id) {
    auto acquisition = app.store->acquisitions.find(acquisition_id);
    return acquisition ? acquisition->title : "Achat";
}

void send_journal_page_error(httplib::Response& res, const Error& error, const char* missing) {
    if (error.code == ErrorCode::not_found) return send_error_page(res, 404, missing);
    send_error_page(res, error);
}

// The CSV of a journal page as "<prefix><id>.csv", or its error page.
void send_journal_download(httplib::Response& res, const Result<services::JournalPage>& page, const char* missing,
                           const std::string& prefix, Id id) {
    if (!page) return send_journal_page_error(res, page.error(), missing);
    send_journal_csv(res, *page, prefix + std::to_string(id) + ".csv");
}

}  // namespace

namespace journal_routes {

// GET /acquisitions/{id}/journal
void acquisition_journal(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto page = app.journal.for_acquisition(path_id(req).value_or(0), journal_filter(req));
    if (!page) return send_journal_page_error(res, page.error(), "Cet achat n'existe pas.");
    const std::string base = "/acquisitions/" + std::to_string(page->acquisition_id);
    const std::string title = journal_acquisition_title(app, page->acquisition_id);
    auto view = journal_view(*page, "Journal de l'achat « " + title + " »", {{"Achats", "/acquisitions"}, {title, base}},
                             base + "/journal", true);
    send_html(res, 200, views::render_journal_page(hospital_context(*caller, "Journal — " + title), view));
}

// GET /acquisitions/{id}/journal.csv
void acquisition_journal_csv(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_hospital_page(app, req, res)) return;
    const Id id = path_id(req).value_or(0);
    send_journal_download(res, app.journal.for_acquisition(id, journal_filter(req)), "Cet achat n'existe pas.", "journal-achat-", id);
}

// GET /responses/{id}/journal
void response_journal(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto page = app.journal.for_response(path_id(req).value_or(0), journal_filter(req));
    if (!page) return send_journal_page_error(res, page.error(), "Cette réponse n'existe pas.");
    const std::string acquisition = "/acquisitions/" + std::to_string(page->acquisition_id);
    const std::string response = "/responses/" + std::to_string(page->response_id);
    auto view = journal_view(*page, "Journal — " + page->title,
                             {{"Achats", "/acquisitions"},
                              {journal_acquisition_title(app, page->acquisition_id), acquisition},
                              {page->title, response}},
                             response + "/journal", true);
    send_html(res, 200, views::render_journal_page(hospital_context(*caller, "Journal — " + page->title), view));
}

// GET /responses/{id}/journal.csv
void response_journal_csv(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_hospital_page(app, req, res)) return;
    const Id id = path_id(req).value_or(0);
    send_journal_download(res, app.journal.for_response(id, journal_filter(req)), "Cette réponse n'existe pas.", "journal-reponse-", id);
}

// GET /users/{id}/journal
// Any hospital user for now (the access policy will keep it to administrators and the account itself).
void user_journal(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto page = app.journal.for_user(path_id(req).value_or(0), journal_filter(req));
    if (!page) return send_journal_page_error(res, page.error(), "Ce compte n'existe pas.");
    auto view = journal_view(*page, "Journal — " + page->title, {{"Achats", "/acquisitions"}},
                             "/users/" + std::to_string(page->user_id) + "/journal", false);
    send_html(res, 200, views::render_journal_page(hospital_context(*caller, "Journal — " + page->title), view));
}

// GET /users/{id}/journal.csv
void user_journal_csv(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_hospital_page(app, req, res)) return;
    const Id id = path_id(req).value_or(0);
    send_journal_download(res, app.journal.for_user(id, journal_filter(req)), "Ce compte n'existe pas.", "journal-compte-", id);
}

}  // namespace journal_routes

void register_journal_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/acquisitions/{acquisition}/journal", journal_routes::acquisition_journal);
    add_route(server, app, "GET", "/acquisitions/{acquisition}/journal.csv", journal_routes::acquisition_journal_csv);
    add_route(server, app, "GET", "/responses/{response}/journal", journal_routes::response_journal);
    add_route(server, app, "GET", "/responses/{response}/journal.csv", journal_routes::response_journal_csv);
    add_route(server, app, "GET", "/users/{user}/journal", journal_routes::user_journal);
    add_route(server, app, "GET", "/users/{user}/journal.csv", journal_routes::user_journal_csv);
}

}  // namespace cyberachat::web
