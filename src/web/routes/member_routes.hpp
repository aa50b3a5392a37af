#pragma once
// Hospital pages about a purchase's team (who belongs to it, with which role).
// One function per action, registered by register_member_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::member_routes {

// GET /acquisitions/{id}/members
void members_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /acquisitions/{id}/members (email, role): adds the account, or changes its role
void put_member(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /acquisitions/{id}/members/{user}/delete
void remove_member(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::member_routes
