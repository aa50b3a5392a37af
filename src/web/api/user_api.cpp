// Account administration API.
#include "web/api/user_api.hpp"

#include "web/api/api_auth.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

using json = nlohmann::json;

std::optional<HospitalCaller> require_api_admin(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return std::nullopt;
    if (caller->user.role == Role::admin) return caller;
    send_json_error(res, Error::make(ErrorCode::forbidden, "Réservé aux administrateurs.", "Administrators only."));
    return std::nullopt;
}

json account_json(const services::AccountRow& row) {
    const User& user = row.user;
    return {{"id", user.id},
            {"email", user.email},
            {"display_name", user.display_name},
            {"role", std::string(role_name(user.role))},
            {"origin", user.origin},
            {"active", user.active},
            {"created_at", user.created_at},
            {"last_login_at", row.last_login_at.empty() ? json() : json(row.last_login_at)}};
}

json reset_link_json(const WebApp& app, const services::ResetLink& link) {
    return {{"reset_url", app.reset_url(link.token)}, {"expires_at", link.expires_at}};
}

Error bad_field(const char* fr, const char* en) { return Error::make(ErrorCode::bad_request, fr, en); }

}  // namespace

namespace user_api {

// GET /api/v1/users
void list_users(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_admin(app, req, res)) return;
    auto accounts = app.accounts.list();
    if (!accounts) return send_json_error(res, accounts.error());
    json list = json::array();
    for (const auto& account : *accounts) list.push_back(account_json(account));
    send_json(res, 200, list);
}

// POST /api/v1/users
void create_user(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_admin(app, req, res);
    if (!caller) return;
    auto body = json_body(req, res);
    if (!body) return;
    const std::string email = body->value("email", json()).is_string() ? (*body)["email"].get<std::string>() : "";
    const json display_name = body->value("display_name", json(""));
    const json role_field = body->value("role", json());
    const json password = body->value("password", json("generated"));
    auto role = role_field.is_string() ? parse_role(role_field.get<std::string>()) : std::nullopt;
    if (!role) return send_json_error(res, Error::make(ErrorCode::invalid_value, "Rôle inconnu : admin, biomedical, it ou buyer.",
                                                       "Unknown role: admin, biomedical, it or buyer."));
    if (!display_name.is_string() || !password.is_string() ||
        (password.get<std::string>() != "generated" && password.get<std::string>() != "link" &&
         password.get<std::string>() != "directory"))
        return send_json_error(res, bad_field("« display_name » est un texte, « password » vaut generated, link ou directory.",
                                              "\"display_name\" is text, \"password\" is generated, link or directory."));
    const bool directory = password.get<std::string>() == "directory";
    auto created = app.accounts.create(
        services::NewAccount{email, display_name.get<std::string>(), *role, "", directory ? "directory" : "local"},
        caller->actor());
    if (!created) return send_json_error(res, created.error());
    json out = account_json(services::AccountRow{created->user, ""});
    if (directory) {
        // nothing to show: the account logs in with its directory password
    } else if (password.get<std::string>() == "link") {
        auto link = app.accounts.create_reset_link(created->user.id, app.config.reset_link_minutes * 60LL, caller->actor());
        if (!link) return send_json_error(res, link.error());
        out.update(reset_link_json(app, *link));
    } else {
        out["password"] = created->generated_password;  // shown this once
    }
    res.set_header("Location", "/api/v1/users/" + std::to_string(created->user.id));
    send_json(res, 201, out);
}

// GET /api/v1/users/{id}
void get_user(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_admin(app, req, res)) return;
    auto account = find_by_path_id(app.accounts, req);
    if (!account) return send_json_error(res, account.error());
    send_json(res, 200, account_json(*account));
}

// PATCH /api/v1/users/{id}
void update_user(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_admin(app, req, res);
    if (!caller) return;
    auto account = find_by_path_id(app.accounts, req);
    if (!account) return send_json_error(res, account.error());
    auto body = json_body(req, res);
    if (!body) return;
    const json role_field = body->value("role", json());
    const json active = body->value("active", json());
    if ((!role_field.is_null() && !role_field.is_string()) || (!active.is_null() && !active.is_boolean()) ||
        (role_field.is_null() && active.is_null()))
        return send_json_error(res, bad_field("Attendu : {\"role\": …} et/ou {\"active\": true|false}.",
                                              "Expected: {\"role\": …} and/or {\"active\": true|false}."));
    const Id id = account->user.id;
    if (role_field.is_string()) {
        auto role = parse_role(role_field.get<std::string>());
        if (!role) return send_json_error(res, Error::make(ErrorCode::invalid_value, "Rôle inconnu : admin, biomedical, it ou buyer.",
                                                           "Unknown role: admin, biomedical, it or buyer."));
        if (auto done = app.accounts.set_role(caller->user, id, *role, caller->actor()); !done)
            return send_json_error(res, done.error());
    }
    if (active.is_boolean())
        if (auto done = app.accounts.set_active(caller->user, id, active.get<bool>(), caller->actor()); !done)
            return send_json_error(res, done.error());
    auto updated = app.accounts.find(id);
    if (!updated) return send_json_error(res, updated.error());
    send_json(res, 200, account_json(*updated));
}

// DELETE /api/v1/users/{id}
void delete_user(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_admin(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    if (!id) return send_json_error(res, Error::make(ErrorCode::not_found, "Compte introuvable.", "Account not found."));
    if (auto done = app.accounts.remove(caller->user, *id, caller->actor()); !done) return send_json_error(res, done.error());
    res.status = 204;
}

// POST /api/v1/users/{id}/reset-link
void create_reset_link(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_admin(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    if (!id) return send_json_error(res, Error::make(ErrorCode::not_found, "Compte introuvable.", "Account not found."));
    auto link = app.accounts.create_reset_link(*id, app.config.reset_link_minutes * 60LL, caller->actor());
    if (!link) return send_json_error(res, link.error());
    send_json(res, 201, reset_link_json(app, *link));
}

}  // namespace user_api

void register_user_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/users", user_api::list_users);
    add_route(server, app, "POST", "/api/v1/users", user_api::create_user);
    add_route(server, app, "GET", "/api/v1/users/{user}", user_api::get_user);
    add_route(server, app, "PATCH", "/api/v1/users/{user}", user_api::update_user);
    add_route(server, app, "DELETE", "/api/v1/users/{user}", user_api::delete_user);
    add_route(server, app, "POST", "/api/v1/users/{user}/reset-link", user_api::create_reset_link);
}

}  // namespace cyberachat::web
