#pragma once
// Reports (PDF) and exports (CSV, JSON, zip archive). The blank questionnaire is public; a purchase's
// and a response's are for the hospital (API token or session); the vendor gets the PDF of its own
// answers only (its token or session), without score or reviewer content. ?lang=en for English.
// The hospital's reports carry its evaluation (services/evaluation_report): scores, points de
// vigilance, reviewers' comments, advisory opinions.
// One function per action (request in, response out), registered by register_export_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::export_api {

// GET /api/v1/questionnaire.pdf
void questionnaire_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/responses/{id}/report.pdf
void response_report_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/vendor/report.pdf
void vendor_report_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/acquisitions/{id}/report.pdf
void acquisition_report_pdf(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/acquisitions/{id}/export.csv
void acquisition_csv(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/acquisitions/{id}/export.json
void acquisition_json(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/acquisitions/{id}/archive.zip
void acquisition_archive(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::export_api
