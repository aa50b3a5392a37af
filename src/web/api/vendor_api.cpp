// Vendor JSON API v1: Authorization: Bearer <invite token>, or the vendor's session cookie with
// the X-CSRF-Token header (the pages' autosave). Only the vendor's own response is reachable.
#include "web/api/vendor_api.hpp"

#include "web/access/access_guard.hpp"

#include "web/api/api_auth.hpp"
#include "web/api/response_json.hpp"
#include "web/document_download.hpp"
#include "web/http_io.hpp"
#include "web/request_auth.hpp"
#include "web/routes/routes.hpp"
#include "web/seen_sections.hpp"
#include "web/speculative_loading.hpp"

namespace cyberachat::web {
namespace {

using json = nlohmann::json;

}  // namespace

namespace vendor_api {

// GET /api/v1/vendor/response
void get_own_response(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, false);
    if (!caller) return;
    auto snapshot = app.responses.load(caller->response.id);
    if (!snapshot) return send_json_error(res, snapshot.error(), language_of(*caller));
    send_json(res, 200, vendor_response_json(*snapshot));
}

// GET /api/v1/vendor/clarifications
void list_clarifications(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, false);
    if (!caller) return;
    auto open = app.responses.open_clarifications(caller->response.id);
    if (!open) return send_json_error(res, open.error(), language_of(*caller));
    json list = json::array();
    for (const auto& c : *open)
        list.push_back({{"question_id", c.question_id}, {"question", c.vendor_question}, {"asked_at", c.asked_at}});
    send_json(res, 200, {{"clarifications", list}});
}

// POST /api/v1/vendor/clarifications/{question}
void answer_clarification(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    auto body = json_body(req, res);
    if (!body) return;
    std::optional<json> value;
    if (body->contains("value")) value = (*body)["value"];
    std::string explanation;
    if (auto it = body->find("explanation"); it != body->end() && it->is_string()) explanation = it->get<std::string>();
    auto answered = app.responses.answer_clarification(caller->response.id, req.matches[1].str(), value, explanation,
                                                       caller->actor());
    if (!answered) return send_json_error(res, answered.error(), language_of(*caller));
    send_json(res, 200, {{"question_id", req.matches[1].str()}, {"status", "answered"}});
}

// GET /api/v1/vendor/sections/{section}/state
// What a section page shows that may have changed since it was built — a page the browser
// prerendered before the vendor clicked, or brought back from its history: the branching, the
// progress, the complete marks, and the page's own answers as a fingerprint (a different one: the
// page reloads). Asked when the page is shown, so the section is now seen (its note closes next time).
void section_state(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, false);
    if (!caller) return;
    const Language language = language_of(*caller);
    auto snapshot = app.responses.load(caller->response.id);
    if (!snapshot) return send_json_error(res, snapshot.error(), language);
    const Section* section = snapshot->questionnaire->find_section(req.matches[1].str());
    if (!section)
        return send_json_error(res, Error::make(ErrorCode::not_found, "Section inconnue.", "Unknown section."), language);
    if (caller->session && !is_prerender_request(req))
        first_visit_of_section(app, req, res, *caller->session, section->index);
    send_json(res, 200, section_state_json(*snapshot, *section));
}

// PUT /api/v1/vendor/answers/{question}
void save_answer(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    auto body = json_body(req, res);
    if (!body) return;
    const Language language = language_of(*caller);
    std::optional<std::string> comment;
    if (auto it = body->find("comment"); it != body->end() && !it->is_null()) {
        if (!it->is_string()) return send_json_error(res, Error::make(ErrorCode::invalid_value, "« comment » doit être un texte.",
                                                                                   "'comment' must be a text."), language);
        comment = it->get<std::string>();
    }
    std::int64_t base_revision = -1;
    if (auto it = body->find("base_revision"); it != body->end() && it->is_number_integer()) base_revision = it->get<std::int64_t>();
    std::optional<json> value;
    if (auto it = body->find("value"); it != body->end()) value = *it;
    std::string known_state;  // the digest of the branching the page shows (response_json.hpp)
    if (auto it = body->find("known_state"); it != body->end() && !it->is_null()) {
        if (!it->is_string())
            return send_json_error(res, Error::make(ErrorCode::invalid_value, "« known_state » doit être un texte.",
                                                    "'known_state' must be a text."), language);
        known_state = it->get<std::string>();
    }
    auto saved = caller->acquisition
                     ? app.responses.save_answer(caller->response, *caller->acquisition, req.matches[1].str(), value,
                                                 comment, base_revision, caller->actor())
                     : app.responses.save_answer(caller->response.id, req.matches[1].str(), value, comment,
                                                 base_revision, caller->actor());
    if (!saved) return send_json_error(res, saved.error(), language);  // a conflict carries "current"
    send_json(res, 200, saved_answer_json(*saved, known_state));
}

// POST /api/v1/vendor/documents/{question}
void upload_document(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    if (!req.has_file("file"))
        return send_json_error(res, Error::make(ErrorCode::bad_request, "Champ multipart « file » manquant. / Missing multipart field 'file'."));
    const auto& file = req.get_file_value("file");
    auto added = app.responses.add_document(caller->response.id, req.matches[1].str(), file.filename, file.content,
                                            caller->actor());
    if (!added) return send_json_error(res, added.error(), language_of(*caller));
    send_json(res, 201, {{"id", added->id}, {"sha256", added->sha256}, {"size", added->size},
                         {"file_name", added->file_name}, {"content_type", added->content_type}});
}

// GET /api/v1/vendor/documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, false);
    if (!caller) return;
    auto document = find_response_document(app, req, caller->response.id);
    if (!document) return send_json_error(res, document.error(), language_of(*caller));
    send_document(app, res, *document);
}

// DELETE /api/v1/vendor/documents/{id}
void delete_document(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    auto id = path_id(req);
    if (!id) return send_json_error(res, Error::make(ErrorCode::not_found, "Document introuvable. / Document not found."));
    auto removed = app.responses.delete_document(caller->response.id, *id, caller->actor());
    if (!removed) return send_json_error(res, removed.error(), language_of(*caller));
    send_json(res, 200, {{"deleted", *id}});
}

// POST /api/v1/vendor/submit
void submit_response(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    auto submitted = app.responses.submit(caller->response.id, caller->actor());
    // "incomplete" carries "missing_required"
    if (!submitted) return send_json_error(res, submitted.error(), language_of(*caller));
    auto response = app.responses.find(caller->response.id);
    if (!response) return send_json_error(res, response.error(), language_of(*caller));
    send_json(res, 200, {{"status", "submitted"}, {"submitted_at", response->submitted_at}});
}

}  // namespace vendor_api

void register_vendor_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/vendor/response", vendor_api::get_own_response);
    add_route(server, app, "GET", "/api/v1/vendor/clarifications", vendor_api::list_clarifications);
    add_route(server, app, "POST", "/api/v1/vendor/clarifications/{question}", vendor_api::answer_clarification);
    add_route(server, app, "GET", "/api/v1/vendor/sections/{section}/state", vendor_api::section_state);
    add_route(server, app, "PUT", "/api/v1/vendor/answers/{question}", vendor_api::save_answer);
    add_route(server, app, "POST", "/api/v1/vendor/documents/{question}", vendor_api::upload_document);
    add_route(server, app, "GET", "/api/v1/vendor/documents/{document}", vendor_api::download_document);
    add_route(server, app, "DELETE", "/api/v1/vendor/documents/{document}", vendor_api::delete_document);
    add_route(server, app, "POST", "/api/v1/vendor/submit", vendor_api::submit_response);
}

}  // namespace cyberachat::web
