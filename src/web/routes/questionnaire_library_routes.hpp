#pragma once
// The questionnaire library's page (src/web/views/questionnaire_library_page.hpp) and its upload.
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web::questionnaire_library_routes {

void library_page(WebApp& app, const httplib::Request& req, httplib::Response& res);  // GET /questionnaires
void add_version(WebApp& app, const httplib::Request& req, httplib::Response& res);   // POST /questionnaires
// GET /questionnaires/{version}/questionnaire.xlsx and .pdf (?lang=en): a version's blank questionnaire
void blank_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res);
void blank_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::questionnaire_library_routes
