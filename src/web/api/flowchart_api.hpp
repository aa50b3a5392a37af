#pragma once
// Flowchart exports (SVG): the questionnaire's (public, like GET /api/v1/questionnaire), a
// response's for the hospital (session or API token), the vendor's own (its token or session).
// "{part}" is the part's id or its number 1–4. ?lang=en for English (vendors get their language).
// One function per action (request in, response out), registered by register_flowchart_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::flowchart_api {

// GET /api/v1/questionnaire/flowcharts/{part}.svg
void questionnaire_flowchart_svg(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/responses/{id}/flowcharts/{part}.svg
void response_flowchart_svg(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/vendor/flowcharts/{part}.svg
void vendor_flowchart_svg(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::flowchart_api
