#pragma once
// The manufacturer's documents on the pages (issue 16): the MDS2 statement and the SBOM, uploaded
// by the vendor or by the hospital on its behalf — upload → preview → "apply" (the file waits in
// the database in between, as the Excel import's). One function per action, registered by
// register_manufacturer_import_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::manufacturer_import_routes {

// GET /vendor/manufacturer-documents
void vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /vendor/import/mds2, POST /vendor/import/mds2/apply
void vendor_mds2_preview(WebApp& app, const httplib::Request& req, httplib::Response& res);
void vendor_mds2_apply(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /vendor/import/sbom, POST /vendor/import/sbom/apply
void vendor_sbom_preview(WebApp& app, const httplib::Request& req, httplib::Response& res);
void vendor_sbom_apply(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /responses/{id}/manufacturer-documents
void response_page(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /responses/{id}/import/mds2, POST /responses/{id}/import/mds2/apply
void response_mds2_preview(WebApp& app, const httplib::Request& req, httplib::Response& res);
void response_mds2_apply(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /responses/{id}/import/sbom, POST /responses/{id}/import/sbom/apply
void response_sbom_preview(WebApp& app, const httplib::Request& req, httplib::Response& res);
void response_sbom_apply(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::manufacturer_import_routes
