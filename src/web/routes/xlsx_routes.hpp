#pragma once
// Excel round trip on the pages: the vendor's and the hospital's workbook downloads, and the import
// page (upload → preview with the per-row report → "apply"; the file waits in memory in between).
// One function per action (request in, response out), registered by register_xlsx_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::xlsx_routes {

// GET /vendor/export.xlsx
void vendor_export(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /vendor/import
void vendor_import_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /vendor/import
void vendor_import_preview(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /vendor/import/apply
void vendor_import_apply(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /responses/{id}/export.xlsx
void response_export(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /responses/{id}/import
void response_import_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/import
void response_import_preview(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/import/apply
void response_import_apply(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /questionnaire.xlsx
// The blank questionnaire for the tender documents (public, like the questionnaire itself).
void blank_workbook(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::xlsx_routes
