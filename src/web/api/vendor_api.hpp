#pragma once
// Vendor JSON API v1: Authorization: Bearer <invite token>, or the vendor's session cookie with
// the X-CSRF-Token header (the pages' autosave). Only the vendor's own response is reachable.
// One function per action (request in, response out), registered by register_vendor_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::vendor_api {

// GET /api/v1/vendor/response
void get_own_response(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/vendor/clarifications
void list_clarifications(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/vendor/clarifications/{question}
void answer_clarification(WebApp& app, const httplib::Request& req, httplib::Response& res);

// PUT /api/v1/vendor/answers/{question}
void save_answer(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/vendor/documents/{question}
void upload_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/vendor/documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

// DELETE /api/v1/vendor/documents/{id}
void delete_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/vendor/submit
void submit_response(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::vendor_api
