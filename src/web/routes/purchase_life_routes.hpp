#pragma once
// Hospital pages about a purchase's life, for its lead: open, close, reopen, archive, unarchive;
// extend the deadline (for everyone or one vendor); edit, withdraw and restore a vendor; delete
// the purchase. Each posts a form of the purchase page and comes back to it with a message.
// Registered by register_purchase_life_routes (web/routes/routes.hpp).
#include "web/routes/action.hpp"

namespace cyberachat::web::purchase_life_routes {

// POST /acquisitions/{id}/transition  (action, reason)
void transition(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /acquisitions/{id}/deadline  (deadline, deadline_time, reason)
void extend_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /acquisitions/{id}/delete  (confirmation)
void delete_purchase(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /responses/{id}/vendor  (company, contact_name, email, language)
void update_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /responses/{id}/deadline  (deadline, deadline_time, reason)
void extend_vendor_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /responses/{id}/withdraw  (reason)
void withdraw_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res);
// POST /responses/{id}/restore  (reason, optional)
void restore_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res);

}  // namespace cyberachat::web::purchase_life_routes
