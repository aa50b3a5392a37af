#pragma once
// The manufacturer's documents, JSON API v1 (issue 16): an MDS2 statement or an SBOM sent as the
// multipart field "file", by the vendor (its link's token) or by the hospital on its behalf — a
// preview by default, applied with ?apply=1 (MDS2: &replace=question,question… names the
// conflicting answers to replace). One function per action, registered by
// register_manufacturer_import_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::manufacturer_import_api {

// POST /api/v1/vendor/import/mds2, POST /api/v1/responses/{id}/import/mds2
void import_own_mds2(WebApp& app, const httplib::Request& req, httplib::Response& res);
void import_response_mds2(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /api/v1/vendor/import/sbom, POST /api/v1/responses/{id}/import/sbom
void import_own_sbom(WebApp& app, const httplib::Request& req, httplib::Response& res);
void import_response_sbom(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::manufacturer_import_api
