#pragma once
// The one place every hospital request goes through: it identifies the caller as its route's
// audience says (session cookie, API token), finds the purchase the path concerns, asks the access
// policy (core/access_policy) with the caller's role in that purchase, and sends the 401/403/404
// itself; only an allowed request reaches the handler. Routes are registered with add_route,
// which takes each route's rule from the table (web/access/route_access) and refuses a route
// that has none.
#include <httplib.h>

#include <optional>

#include "core/purchase_role.hpp"
#include "web/request_auth.hpp"
#include "web/routes/action.hpp"
#include "web/views/page_context.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

// Registers `run` for the route (method, shown path) of the table, behind the guard. Throws
// std::logic_error when the table has no such route (the server then does not start).
void add_route(httplib::Server& server, WebApp& app, const char* method, const char* shown, Action run);

// What the guard established for the request being handled on this thread (the handler's own
// require_hospital_page / require_api_user calls return its caller without asking again).
struct GrantedAccess {
    const httplib::Request* request = nullptr;
    HospitalCaller caller;
    Id acquisition_id = 0;                    // 0: the route concerns no purchase
    std::optional<PurchaseRole> membership;   // the caller's role in that purchase
};
const GrantedAccess* granted_access(const httplib::Request& req);

// What the caller may do on the purchase of the request being handled on this thread, for the
// pages to show only the actions it may use (all true outside a purchase).
views::PurchaseRights granted_purchase_rights();

// The account as the services should see it in this request: its role replaced by the one its
// purchase role acts as (lead: biomedical engineer, IT reviewer: IT, buyer and observer: buyer),
// so that reviews and opinions are signed with the role held in this purchase.
User acting_user(const HospitalCaller& caller, const httplib::Request& req);

}  // namespace cyberachat::web
