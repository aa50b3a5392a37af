#pragma once
// Hospital JSON API v1 about a purchase's life (docs/api.md, "Vie d'un achat"): its transitions,
// deadline extensions, a vendor's details, its withdrawal and restoration, deleting a purchase.
// Registered by register_purchase_life_api (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::purchase_life_api {

// POST /api/v1/acquisitions/{id}/transitions  {"action": "open"|"close"|"reopen"|"archive"|"unarchive", "reason"}
void transition(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /api/v1/acquisitions/{id}/deadline  {"deadline", "reason"}
void extend_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res);
// DELETE /api/v1/acquisitions/{id}  {"confirmation"}
void delete_purchase(WebApp& app, const httplib::Request& req, httplib::Response& res);
// PATCH /api/v1/responses/{id}  {"company", "contact_name", "email", "language"} (those given change)
void update_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /api/v1/responses/{id}/deadline  {"deadline", "reason"}
void extend_vendor_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /api/v1/responses/{id}/withdraw  {"reason"}
void withdraw_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /api/v1/responses/{id}/restore  {"reason"}
void restore_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::purchase_life_api
