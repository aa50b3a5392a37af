#pragma once
// Hospital pages about one vendor: reading its response, its documents, its link, reopening.
// One function per action (request in, response out), registered by register_response_routes (web/routes/routes.hpp).
#include <optional>

#include "web/request_auth.hpp"
#include "web/routes/action.hpp"
#include "web/views/evaluation_panel.hpp"

namespace cyberachat::web {

// The hospital's page of one response (`id`; nullopt or unknown: 404) with `status`; `draft`, a
// refused review, shown again in its question's form (the review routes' 422).
void show_response_page(WebApp& app, const httplib::Request& req, httplib::Response& res, const HospitalCaller& caller,
                        std::optional<Id> id, int status, const views::ReviewDraft* draft);

}  // namespace cyberachat::web

namespace cyberachat::web::response_routes {

// GET /responses/{id}
void response_page(WebApp& app, const httplib::Request& req, httplib::Response& res);

// GET /documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/regenerate
// Regenerate: a new secret link, shown once; the old one stops working at once.
void regenerate_link(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/revoke
void revoke_link(WebApp& app, const httplib::Request& req, httplib::Response& res);

// POST /responses/{id}/reopen
void reopen(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::response_routes
