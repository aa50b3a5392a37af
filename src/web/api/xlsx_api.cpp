// Excel round trip, JSON API v1: the blank questionnaire workbook, a response's workbook (hospital
// token, or the vendor's own), and the import of a filled workbook — a preview by default, applied
// with ?apply=1 — by the vendor or by the hospital on its behalf.
#include "web/api/xlsx_api.hpp"

#include "web/access/access_guard.hpp"

#include "outputs/xlsx/questionnaire_workbook.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"
#include "web/xlsx_transfer.hpp"

namespace cyberachat::web {
namespace {

using json = nlohmann::json;

json import_json(const services::ImportOutcome& outcome, Language language) {
    const auto& plan = outcome.plan;
    json rows = json::array();
    for (const auto& row : plan.rows)
        rows.push_back({{"sheet", row.sheet},
                        {"row", row.row},
                        {"id", row.id},
                        {"question_id", row.question_id.empty() ? json() : json(row.question_id)},
                        {"label", row.label},
                        {"value", row.cell_text},
                        {"status", std::string(xlsx::row_status_name(row.status))},
                        {"message", row.message.in(language)}});
    json summary = json::object();
    for (auto status : {xlsx::RowStatus::imported, xlsx::RowStatus::unchanged, xlsx::RowStatus::rejected,
                        xlsx::RowStatus::ignored_branch, xlsx::RowStatus::ignored_document})
        summary[std::string(xlsx::row_status_name(status))] = plan.count(status);
    summary["empty"] = plan.empty_rows;
    return {{"applied", outcome.applied},
            {"saved", outcome.saved},
            {"to_save", plan.changes.size()},
            {"summary", summary},
            {"rows", rows}};
}

bool apply_requested(const httplib::Request& req) {
    if (!req.has_param("apply")) return false;
    const std::string value = req.get_param_value("apply");
    return value == "1" || value == "true";
}

void handle_import(WebApp& app, const httplib::Request& req, httplib::Response& res, Id response_id, Language language,
                   const Actor& actor) {
    const auto* file = uploaded_file(req);
    if (!file)
        return send_json_error(res, Error::make(ErrorCode::bad_request,
                               "Champ multipart « file » manquant ou vide. / Missing or empty multipart field 'file'."));
    auto outcome = app.xlsx.import(response_id, file->content, apply_requested(req), language, file->filename, actor);
    if (!outcome) return send_json_error(res, outcome.error(), language);
    send_json(res, 200, import_json(*outcome, language));
}

}  // namespace

namespace xlsx_api {

// GET /api/v1/questionnaire.xlsx
void blank_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const Language language = query_language(req, Language::fr);
    auto bytes = blank_questionnaire_workbook(app, language);
    if (!bytes) return send_json_error(res, bytes.error(), language);
    send_xlsx(res, std::move(bytes.value()), xlsx::workbook_file_name(*app.questionnaires.current(), language));
}

// GET /api/v1/responses/{id}/export.xlsx
void export_response_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_json_error(res, response.error());
    const Language language = query_language(req, Language::fr);
    auto bytes = app.xlsx.export_response(response->id, language);
    if (!bytes) return send_json_error(res, bytes.error());
    auto snapshot = app.responses.load(response->id);
    if (!snapshot) return send_json_error(res, snapshot.error());
    send_xlsx(res, std::move(bytes.value()), xlsx::workbook_file_name(*snapshot->questionnaire, language, response->id));
}

// POST /api/v1/responses/{id}/import
void import_response_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_json_error(res, response.error());
    handle_import(app, req, res, response->id, Language::fr, caller->actor());
}

// GET /api/v1/vendor/export.xlsx
void export_own_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, false);
    if (!caller) return;
    const Language language = query_language(req, language_of(*caller));
    auto bytes = app.xlsx.export_response(caller->response.id, language);
    if (!bytes) return send_json_error(res, bytes.error(), language);
    auto snapshot = app.responses.load(caller->response.id);
    send_xlsx(res, std::move(bytes.value()),
              xlsx::workbook_file_name(*snapshot->questionnaire, language, caller->response.id));
}

// POST /api/v1/vendor/import
void import_own_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    handle_import(app, req, res, caller->response.id, language_of(*caller), caller->actor());
}

}  // namespace xlsx_api

void register_xlsx_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/questionnaire.xlsx", xlsx_api::blank_workbook);
    add_route(server, app, "GET", "/api/v1/responses/{response}/export.xlsx", xlsx_api::export_response_workbook);
    add_route(server, app, "POST", "/api/v1/responses/{response}/import", xlsx_api::import_response_workbook);
    add_route(server, app, "GET", "/api/v1/vendor/export.xlsx", xlsx_api::export_own_workbook);
    add_route(server, app, "POST", "/api/v1/vendor/import", xlsx_api::import_own_workbook);
}

}  // namespace cyberachat::web
