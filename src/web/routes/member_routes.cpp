// Hospital pages about a purchase's team.
#include "web/routes/member_routes.hpp"

#include "core/access_policy.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/members_page.hpp"

namespace cyberachat::web {
namespace {

std::string error_text_fr(const Error& error) { return error.message.fr; }

void show_members(WebApp& app, const httplib::Request& req, httplib::Response& res, int status, std::string error,
                  std::string email_value) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    const GrantedAccess* access = granted_access(req);
    const Id acquisition_id = access ? access->acquisition_id : path_id(req).value_or(0);
    auto acquisition = app.store->acquisitions.find(acquisition_id);
    if (!acquisition) return send_error_page(res, acquisition.error());
    auto members = app.teams.members(acquisition_id);
    if (!members) return send_error_page(res, members.error());
    const std::optional<PurchaseRole> membership = access ? access->membership : std::nullopt;
    views::MembersView view;
    view.acquisition = *acquisition;
    view.members = std::move(*members);
    view.can_manage = decide(caller->user.role, membership, Permission::manage_members) == Verdict::allowed;
    view.can_open_purchase = decide(caller->user.role, membership, Permission::view_purchase) == Verdict::allowed;
    view.error = std::move(error);
    view.email_value = std::move(email_value);
    auto context = hospital_context(*caller, "Équipe — " + acquisition->title);
    take_flash(req, res, app, context);
    send_html(res, status, views::render_members_page(context, view));
}

}  // namespace

namespace member_routes {

// GET /acquisitions/{id}/members
void members_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    show_members(app, req, res, 200, "", "");
}

// POST /acquisitions/{id}/members (email, role)
void put_member(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    const Id acquisition_id = path_id(req).value_or(0);
    const std::string email = form_value(req, "email");
    auto member = app.teams.put(acquisition_id, email, form_value(req, "role"), caller->actor());
    if (!member) {
        if (status_for(member.error()) >= 500) return send_error_page(res, member.error());
        return show_members(app, req, res, status_for(member.error()), error_text_fr(member.error()), email);
    }
    set_flash(res, app, member->user.email + " : " + std::string(purchase_role_label_fr(member->role)) + ".");
    redirect(res, "/acquisitions/" + std::to_string(acquisition_id) + "/members");
}

// POST /acquisitions/{id}/members/{user}/delete
void remove_member(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    const Id acquisition_id = path_id(req).value_or(0);
    const Id user_id = path_id(req, 2).value_or(0);
    auto removed = app.teams.remove(acquisition_id, user_id, caller->actor());
    if (!removed) {
        if (status_for(removed.error()) >= 500) return send_error_page(res, removed.error());
        return show_members(app, req, res, status_for(removed.error()), error_text_fr(removed.error()), "");
    }
    set_flash(res, app, "Membre retiré de l'équipe : il ne voit plus cet achat.");
    redirect(res, "/acquisitions/" + std::to_string(acquisition_id) + "/members");
}

}  // namespace member_routes

void register_member_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/acquisitions/{acquisition}/members", member_routes::members_page);
    add_route(server, app, "POST", "/acquisitions/{acquisition}/members", member_routes::put_member);
    add_route(server, app, "POST", "/acquisitions/{acquisition}/members/{user}/delete", member_routes::remove_member);
}

}  // namespace cyberachat::web
