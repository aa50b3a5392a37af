// Reports (PDF) and exports (CSV, JSON, zip archive). The blank questionnaire is public; a purchase's
// and a response's are for the hospital (API token or session); the vendor gets the PDF of its own
// answers only (its token or session), without score or reviewer content. ?lang=en for English.
// The hospital's reports carry its evaluation (services/evaluation_report): scores, points de
// vigilance, reviewers' comments, advisory opinions.
#include "web/api/export_api.hpp"

#include "web/access/access_guard.hpp"

#include <functional>

#include "outputs/pdf/pdf_renderer.hpp"
#include "services/evaluation_report.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/request_auth.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

void send_file(httplib::Response& res, std::string bytes, const std::string& content_type, const std::string& file_name) {
    res.set_header("Cache-Control", "no-store");
    send_attachment(res, std::move(bytes), content_type, file_name);
}

void send_pdf(httplib::Response& res, const Result<report::ReportDocument>& document, const std::string& file_name,
              Language language) {
    if (!document) return send_json_error(res, document.error(), language);
    auto pdf = report::render_pdf(*document);
    if (!pdf) return send_json_error(res, pdf.error(), language);
    send_file(res, std::move(pdf.value()), "application/pdf", file_name);
}


std::string acquisition_file(WebApp& app, Id id, const std::string& prefix, const std::string& extension) {
    auto acquisition = app.acquisitions.find(id);
    return prefix + "-" + services::file_slug(acquisition ? acquisition->title : "") + "." + extension;
}

// A purchase's export for the hospital: `make` gives the bytes, sent as prefix-<title>.extension.
void send_acquisition_export(WebApp& app, const httplib::Request& req, httplib::Response& res, const char* prefix,
                             const char* extension, const char* content_type,
                             const std::function<Result<std::string>(Id)>& make) {
    if (!require_hospital(app, req, res)) return;
    const Id id = path_id(req).value_or(0);
    auto bytes = make(id);
    if (!bytes) return send_json_error(res, bytes.error());
    send_file(res, std::move(bytes.value()), content_type, acquisition_file(app, id, prefix, extension));
}

}  // namespace

namespace export_api {

// GET /api/v1/questionnaire.pdf
void questionnaire_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    const Language language = requested_language(req);
    send_pdf(res, app.reports.questionnaire_report(app.questionnaires.current(), language),
             "questionnaire-afib.pdf", language);
}

// GET /api/v1/responses/{id}/report.pdf
void response_report_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_hospital(app, req, res)) return;
    const Id id = path_id(req).value_or(0);
    auto response = app.responses.find(id);
    if (!response) return send_json_error(res, response.error());
    const Language language = requested_language(req);
    auto evaluation = services::response_report_evaluation(*app.store, app.evaluations, id, language);
    if (!evaluation) return send_json_error(res, evaluation.error(), language);
    send_pdf(res, app.reports.response_report(id, language, report::Audience::hospital, *evaluation),
             "rapport-" + services::file_slug(response->company) + ".pdf", language);
}

// GET /api/v1/vendor/report.pdf
void vendor_report_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, /*mutating=*/false);
    if (!caller) return;
    const Language language = vendor_language(req, *caller);
    send_pdf(res, app.reports.response_report(caller->response.id, language, report::Audience::vendor),
             std::string(in_language(language, "mes-reponses-", "my-answers-")) + services::file_slug(caller->response.company) + ".pdf",
             language);
}

// GET /api/v1/acquisitions/{id}/report.pdf
void acquisition_report_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_hospital(app, req, res)) return;
    const Id id = path_id(req).value_or(0);
    const Language language = requested_language(req);
    auto evaluations = services::acquisition_report_evaluations(*app.store, app.evaluations, id, language);
    if (!evaluations) return send_json_error(res, evaluations.error(), language);
    send_pdf(res, app.reports.acquisition_report(id, language, *evaluations), acquisition_file(app, id, "rapport", "pdf"),
             language);
}

// GET /api/v1/acquisitions/{id}/export.csv
void acquisition_csv(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    send_acquisition_export(app, req, res, "export", "csv", "text/csv; charset=utf-8",
                            [&app](Id id) { return app.exports.acquisition_csv(id); });
}

// GET /api/v1/acquisitions/{id}/export.json
void acquisition_json(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    send_acquisition_export(app, req, res, "export", "json", "application/json; charset=utf-8",
                            [&app](Id id) -> Result<std::string> {
                                TRY_ASSIGN(auto exported, app.exports.acquisition_json(id));
                                return exported.dump(2);
                            });
}

// GET /api/v1/acquisitions/{id}/archive.zip
void acquisition_archive(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    send_acquisition_export(app, req, res, "archive", "zip", "application/zip",
                            [&app](Id id) { return app.exports.acquisition_archive(id); });
}

}  // namespace export_api

void register_export_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/questionnaire.pdf", export_api::questionnaire_pdf);
    add_route(server, app, "GET", "/api/v1/responses/{response}/report.pdf", export_api::response_report_pdf);
    add_route(server, app, "GET", "/api/v1/vendor/report.pdf", export_api::vendor_report_pdf);
    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}/report.pdf", export_api::acquisition_report_pdf);

    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}/export.csv", export_api::acquisition_csv);
    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}/export.json", export_api::acquisition_json);
    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}/archive.zip", export_api::acquisition_archive);
}

}  // namespace cyberachat::web
