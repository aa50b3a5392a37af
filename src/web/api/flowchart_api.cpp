// Flowchart exports (SVG): the questionnaire's (public, like GET /api/v1/questionnaire), a
// response's for the hospital (session or API token), the vendor's own (its token or session).
// "{part}" is the part's id or its number 1–4. ?lang=en for English (vendors get their language).
#include "web/api/flowchart_api.hpp"

#include "web/access/access_guard.hpp"

#include "web/api/api_auth.hpp"
#include "web/flowchart_support.hpp"
#include "web/http_io.hpp"
#include "web/request_auth.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

void send_svg(httplib::Response& res, std::string svg, size_t part_index) {
    res.status = 200;
    res.set_header("Content-Disposition", "inline; filename=\"logigramme-partie-" + std::to_string(part_index + 1) + ".svg\"");
    res.set_content(std::move(svg), "image/svg+xml; charset=utf-8");
}


}  // namespace

namespace flowchart_api {

// GET /api/v1/questionnaire/flowcharts/{part}.svg
void questionnaire_flowchart_svg(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto questionnaire = app.questionnaires.current();
    const Language language = requested_language(req);
    auto part = flowchart_part(*questionnaire, req.matches[1].str());
    if (!part) return send_json_error(res, Error::make(ErrorCode::not_found, unknown_part_message(*questionnaire, req.matches[1].str(), language)));
    auto svg = flowchart_svg_file(app, questionnaire, *part, language, FlowchartSide::questionnaire, nullptr);
    if (!svg) return send_json_error(res, svg.error(), language);
    send_svg(res, std::move(svg.value()), *part);
}

// GET /api/v1/responses/{id}/flowcharts/{part}.svg
void response_flowchart_svg(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_hospital(app, req, res)) return;
    auto id = path_id(req);
    auto snapshot = id ? app.responses.load(*id) : Result<services::ResponseSnapshot>(Error::make(ErrorCode::not_found, ""));
    if (!snapshot) return send_json_error(res, Error::make(ErrorCode::not_found, "Réponse introuvable."));
    const Language language = requested_language(req);
    auto part = flowchart_part(*snapshot->questionnaire, req.matches[2].str());
    if (!part)
        return send_json_error(res, Error::make(ErrorCode::not_found, unknown_part_message(*snapshot->questionnaire, req.matches[2].str(), language)));
    auto svg = flowchart_svg_file(app, snapshot->questionnaire, *part, language, FlowchartSide::hospital, &*snapshot, *id);
    if (!svg) return send_json_error(res, svg.error(), language);
    send_svg(res, std::move(svg.value()), *part);
}

// GET /api/v1/vendor/flowcharts/{part}.svg
void vendor_flowchart_svg(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, /*mutating=*/false);
    if (!caller) return;
    const Language language = vendor_language(req, *caller);
    auto snapshot = app.responses.load(caller->response.id);
    if (!snapshot) return send_json_error(res, snapshot.error(), language);
    auto part = flowchart_part(*snapshot->questionnaire, req.matches[1].str());
    if (!part)
        return send_json_error(res, Error::make(ErrorCode::not_found, unknown_part_message(*snapshot->questionnaire, req.matches[1].str(), language)));
    auto svg = flowchart_svg_file(app, snapshot->questionnaire, *part, language, FlowchartSide::vendor, &*snapshot);
    if (!svg) return send_json_error(res, svg.error(), language);
    send_svg(res, std::move(svg.value()), *part);
}

}  // namespace flowchart_api

void register_flowchart_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/questionnaire/flowcharts/{part}.svg", flowchart_api::questionnaire_flowchart_svg);
    add_route(server, app, "GET", "/api/v1/responses/{response}/flowcharts/{part}.svg", flowchart_api::response_flowchart_svg);
    add_route(server, app, "GET", "/api/v1/vendor/flowcharts/{part}.svg", flowchart_api::vendor_flowchart_svg);
}

}  // namespace cyberachat::web
