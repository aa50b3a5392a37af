#include "web/api/member_api.hpp"

#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

nlohmann::json member_json(const Member& m) {
    return {{"user_id", m.user.id},         {"email", m.user.email},   {"display_name", m.user.display_name},
            {"role", purchase_role_name(m.role)}, {"origin", m.user.origin}, {"added_at", m.added_at},
            {"added_by", m.added_by}};
}

std::string body_text(const nlohmann::json& body, const char* key) {
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

namespace member_api {

// GET /api/v1/acquisitions/{id}/members
void list_members(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto members = app.teams.members(path_id(req).value_or(0));
    if (!members) return send_json_error(res, members.error());
    nlohmann::json list = nlohmann::json::array();
    for (const Member& m : *members) list.push_back(member_json(m));
    send_json(res, 200, list);
}

// POST /api/v1/acquisitions/{id}/members {email, role}
void put_member(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto body = json_body(req, res);
    if (!body) return;
    if (!body->is_object())
        return send_json_error(res, Error::make(ErrorCode::invalid_value, "Le corps doit être un objet JSON {email, role}.",
                                                "The body must be a JSON object {email, role}."));
    auto member = app.teams.put(path_id(req).value_or(0), body_text(*body, "email"), body_text(*body, "role"),
                                caller->actor());
    if (!member) return send_json_error(res, member.error());
    send_json(res, 200, member_json(*member));
}

// DELETE /api/v1/acquisitions/{id}/members/{user}
void remove_member(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto removed = app.teams.remove(path_id(req).value_or(0), path_id(req, 2).value_or(0), caller->actor());
    if (!removed) return send_json_error(res, removed.error());
    res.status = 204;
}

}  // namespace member_api

void register_member_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}/members", member_api::list_members);
    add_route(server, app, "POST", "/api/v1/acquisitions/{acquisition}/members", member_api::put_member);
    add_route(server, app, "DELETE", "/api/v1/acquisitions/{acquisition}/members/{user}", member_api::remove_member);
}

}  // namespace cyberachat::web
