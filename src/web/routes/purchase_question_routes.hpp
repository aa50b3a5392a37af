#pragma once
// A question added to one purchase from its page (src/web/views/purchase_question_page.hpp).
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web::purchase_question_routes {

void new_question_page(WebApp& app, const httplib::Request& req, httplib::Response& res);  // GET /acquisitions/{id}/questions/new
void add_question(WebApp& app, const httplib::Request& req, httplib::Response& res);       // POST /acquisitions/{id}/questions

}  // namespace cyberachat::web::purchase_question_routes
