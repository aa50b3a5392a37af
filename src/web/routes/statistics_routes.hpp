#pragma once
// The market statistics (issue 17, docs/statistics.md): the page and its CSV, over the purchases
// the account belongs to (an administrator: all).
#include <httplib.h>

#include "web/web_app.hpp"

namespace cyberachat::web::statistics_routes {

// GET /statistics?from=&to=&family=&purchase=&period=quarter|month
void statistics_page(WebApp& app, const httplib::Request& req, httplib::Response& res);
// GET /statistics.csv (the same filters)
void statistics_csv(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::statistics_routes
