#pragma once
// Hospital JSON API v1 for the evaluation (Authorization: Bearer <API token>; a vendor's token is
// refused like any unknown one): one response's score and points de vigilance, and the
// comparison of every vendor of a purchase, reviews of answers and advisory opinions.
// One function per action (request in, response out), registered by register_evaluation_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::evaluation_api {

// GET /api/v1/responses/{id}/evaluation
void get_evaluation(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/acquisitions/{id}/comparison
void get_comparison(WebApp& app, const httplib::Request& req, httplib::Response& res);

// PUT /api/v1/acquisitions/{id}/weights/{question}
void set_weight(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /api/v1/responses/{id}/reviews
void list_reviews(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/responses/{id}/reviews
void add_review(WebApp& app, const httplib::Request& req, httplib::Response& res);

// PUT /api/v1/responses/{id}/opinion
void set_opinion(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::evaluation_api
