#pragma once
// The logigrammes as pages: the questionnaire's (public, like the help), a response's for the
// hospital, and the vendor's own. Each page: overview of the parts, or one part's flowchart.
// One function per action (request in, response out), registered by register_flowchart_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::flowchart_routes {

// The questionnaire's charts, public like the help page.
void questionnaire_page(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /questionnaire/sections/{section}: one page of the questionnaire, read only (hospital staff).
void section_preview(WebApp& app, const httplib::Request& req, httplib::Response& res);

// A response's charts, for the hospital.
void hospital_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// The vendor's own charts.
void vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::flowchart_routes
