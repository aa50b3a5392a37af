#pragma once
// A vendor starts from its company's earlier response (issue 17), JSON API v1: the list, and the
// carry-over of one — a preview unless ?apply=1. Registered by register_reuse_api.
#include "web/routes/action.hpp"

namespace cyberachat::web::reuse_api {

// GET /api/v1/vendor/earlier-responses
void earlier_list(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /api/v1/vendor/reuse/{response}[?apply=1]
void reuse(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::reuse_api
