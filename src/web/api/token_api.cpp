// API tokens over the API.
#include "web/api/token_api.hpp"

#include "web/api/api_auth.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

using json = nlohmann::json;

json token_json(const store::ApiToken& token) {
    return {{"id", token.id},
            {"user_id", token.user_id},
            {"email", token.user_email},
            {"name", token.name},
            {"created_at", token.created_at},
            {"expires_at", token.expires_at.empty() ? json() : json(token.expires_at)}};
}

// Whose tokens: the caller's, or with ?user=ID an administrator's choice (403 for the others).
std::optional<Id> token_owner(const HospitalCaller& caller, const httplib::Request& req, httplib::Response& res) {
    if (!req.has_param("user")) return caller.user.id;
    const std::string text = req.get_param_value("user");
    if (caller.user.role != Role::admin) {
        send_json_error(res, Error::make(ErrorCode::forbidden, "Réservé aux administrateurs.", "Administrators only."));
        return std::nullopt;
    }
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
        send_json_error(res, Error::make(ErrorCode::bad_request, "« user » : un n° de compte.", "\"user\": an account id."));
        return std::nullopt;
    }
    return std::stoll(text);
}

}  // namespace

namespace token_api {

// GET /api/v1/tokens
void list_tokens(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto owner = token_owner(*caller, req, res);
    if (!owner) return;
    auto tokens = app.accounts.tokens(*owner);
    if (!tokens) return send_json_error(res, tokens.error());
    json list = json::array();
    for (const auto& token : *tokens) list.push_back(token_json(token));
    send_json(res, 200, list);
}

// POST /api/v1/tokens
void create_token(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto owner = token_owner(*caller, req, res);
    if (!owner) return;
    auto body = json_body(req, res);
    if (!body) return;
    const json name = body->value("name", json(""));
    const json days = body->value("expires_in_days", json(services::kDefaultTokenDays));
    if (!name.is_string() || !days.is_number_integer())
        return send_json_error(res, Error::make(ErrorCode::bad_request, "Attendu : {\"name\": texte, \"expires_in_days\": nombre}.",
                                                "Expected: {\"name\": text, \"expires_in_days\": number}."));
    const long long wanted = days.get<long long>();
    const int clamped = wanted < 0 || wanted > 100000 ? 0 : static_cast<int>(wanted);
    auto created = app.accounts.create_token(*owner, name.get<std::string>(), clamped, caller->actor());
    if (!created) return send_json_error(res, created.error());
    json out = token_json(created->token);
    out["token"] = created->secret;  // shown this once
    res.set_header("Location", "/api/v1/tokens/" + std::to_string(created->token.id));
    send_json(res, 201, out);
}

// DELETE /api/v1/tokens/{id}
void revoke_token(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    auto token = id ? app.accounts.token(*id)
                    : Result<store::ApiToken>(Error::make(ErrorCode::not_found, "Jeton introuvable.", "Token not found."));
    // Someone else's token is "not found" to a non-administrator.
    if (token && token->user_id != caller->user.id && caller->user.role != Role::admin)
        return send_json_error(res, Error::make(ErrorCode::not_found, "Jeton introuvable.", "Token not found."));
    if (!token) return send_json_error(res, token.error());
    if (auto done = app.accounts.revoke_token(token->id, caller->actor()); !done) return send_json_error(res, done.error());
    res.status = 204;
}

}  // namespace token_api

void register_token_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/tokens", token_api::list_tokens);
    add_route(server, app, "POST", "/api/v1/tokens", token_api::create_token);
    add_route(server, app, "DELETE", "/api/v1/tokens/{token}", token_api::revoke_token);
}

}  // namespace cyberachat::web
