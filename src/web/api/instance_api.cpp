#include "web/api/instance_api.hpp"

#include "security/base64.hpp"
#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

nlohmann::json identity_json(const WebApp& app, const HospitalIdentity& identity) {
    return {{"hospital_name", identity.shown_name()},
            {"name_set", !identity.name.empty()},
            {"contact_email", identity.contact_email.empty() ? nlohmann::json() : nlohmann::json(identity.contact_email)},
            {"logo_url", identity.has_logo() ? nlohmann::json(app.base_url() + identity.logo_path()) : nlohmann::json()},
            {"logo_sha256", identity.has_logo() ? nlohmann::json(identity.logo_sha256) : nlohmann::json()}};
}

Error identity_field_error(const char* field, const std::string& message) {
    return Error::make(ErrorCode::invalid_value, message).with_payload({{"fields", {{field, message}}}});
}

}  // namespace

namespace instance_api {

void show(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    send_json(res, 200, identity_json(app, app.instance.identity()));
}

void update(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto body = json_body(req, res);
    if (!body) return;
    services::IdentityChange change;
    for (const auto& [key, value] : body->items()) {
        if (key == "hospital_name" || key == "contact_email") {
            if (!value.is_string())
                return send_json_error(res, identity_field_error(key.c_str(), "« " + key + " » doit être un texte."));
            (key == "hospital_name" ? change.name : change.contact_email) = value.get<std::string>();
        } else if (key == "logo_png_base64") {
            if (value.is_null()) {
                change.remove_logo = true;
            } else if (!value.is_string()) {
                return send_json_error(res, identity_field_error("logo", "« logo_png_base64 » : le PNG en base64, ou null."));
            } else {
                auto bytes = security::base64_decode(value.get<std::string>());
                if (!bytes) return send_json_error(res, identity_field_error("logo", "« logo_png_base64 » n'est pas du base64."));
                change.logo_png = std::move(*bytes);
            }
        } else {
            return send_json_error(res, Error::make(ErrorCode::invalid_value,
                                                    "Champ inconnu : « " + key +
                                                        " » (attendus : hospital_name, contact_email, logo_png_base64)."));
        }
    }
    auto updated = app.instance.update_identity(std::move(change), caller->actor());
    if (!updated) return send_json_error(res, updated.error());
    send_json(res, 200, identity_json(app, *updated));
}

}  // namespace instance_api

void register_instance_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/instance", instance_api::show);
    add_route(server, app, "PUT", "/api/v1/instance", instance_api::update);
}

}  // namespace cyberachat::web
