#pragma once
// Hospital pages of the evaluation: the comparison of every vendor of a purchase, and the review
// forms of the response page (reviews of answers, advisory opinions).
// One function per action (request in, response out), registered by register_evaluation_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::evaluation_routes {

// GET /acquisitions/{id}/comparison
void comparison_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /acquisitions/{id}/weights
// The weights form: "w:<question id>" fields; empty means the grid's weight.
void save_weights(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/reviews
void add_review(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/opinion
void save_opinion(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::evaluation_routes
