#pragma once
// Hospital JSON API v1 (Authorization: Bearer <API token>): purchases, vendors, responses.
// One function per action (request in, response out), registered by register_acquisition_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::acquisition_api {

// GET /api/v1/questionnaire
void get_questionnaire(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/acquisitions
void create_acquisition(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/acquisitions
void list_acquisitions(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/acquisitions/{id}
void get_acquisition(WebApp& app, const httplib::Request& req, httplib::Response& res);

// PATCH /api/v1/acquisitions/{id}: the fields given change, the others stay.
void update_acquisition(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/acquisitions/{id}/vendors
void invite_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/responses/{id}
void get_response(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/responses/{id}/reopen
void reopen_response(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::acquisition_api
