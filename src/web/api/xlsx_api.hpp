#pragma once
// Excel round trip, JSON API v1: the blank questionnaire workbook, a response's workbook (hospital
// token, or the vendor's own), and the import of a filled workbook — a preview by default, applied
// with ?apply=1 — by the vendor or by the hospital on its behalf.
// One function per action (request in, response out), registered by register_xlsx_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::xlsx_api {

// GET /api/v1/questionnaire.xlsx
void blank_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/responses/{id}/export.xlsx
void export_response_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/responses/{id}/import
void import_response_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/vendor/export.xlsx
void export_own_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/vendor/import
void import_own_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::xlsx_api
