// Hospital JSON API v1: a purchase's life. One service call each.
#include "web/api/purchase_life_api.hpp"

#include "core/ascii_text.hpp"
#include "core/response_state.hpp"
#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

using json = nlohmann::json;

std::string life_text(const json& body, const char* key) {
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? std::string(trim(it->get<std::string>())) : std::string();
}

json life_acquisition_json(const Acquisition& a) {
    return {{"id", a.id},
            {"status", a.status},
            {"deadline", a.deadline},
            {"closed_at", a.closed_at.empty() ? json() : json(a.closed_at)},
            {"archived_at", a.archived_at.empty() ? json() : json(a.archived_at)}};
}

json life_response_json(const VendorResponse& r) {
    return {{"id", r.id},
            {"acquisition_id", r.acquisition_id},
            {"company", r.company},
            {"contact_name", r.contact_name},
            {"email", r.email},
            {"language", r.language},
            {"state", std::string(response_state_name(response_state(r)))},
            {"own_deadline", r.deadline},
            {"withdrawn_at", r.withdrawn_at.empty() ? json() : json(r.withdrawn_at)}};
}

// The caller and the JSON body, or nullopt once the answer (401, 400) was sent.
std::optional<std::pair<HospitalCaller, json>> life_request(WebApp& app, const httplib::Request& req,
                                                            httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return std::nullopt;
    auto body = json_body(req, res);
    if (!body) return std::nullopt;
    return std::make_pair(std::move(*caller), std::move(*body));
}

// Reads the request, calls `change(path id, body, actor)` and answers its result as `shape` makes it.
template <typename Change, typename Shape>
void run_life_change(WebApp& app, const httplib::Request& req, httplib::Response& res, Change change, Shape shape) {
    auto request = life_request(app, req, res);
    if (!request) return;
    auto done = change(path_id(req).value_or(0), request->second, request->first.actor());
    if (!done) return send_json_error(res, done.error());  // field errors carry "fields"
    send_json(res, 200, shape(*done));
}

}  // namespace

namespace purchase_life_api {

void transition(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    run_life_change(app, req, res, [&](Id id, const json& body, const Actor& actor) {
        return app.acquisitions.transition(id, life_text(body, "action"), life_text(body, "reason"), actor);
    }, life_acquisition_json);
}

void extend_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    run_life_change(app, req, res, [&](Id id, const json& body, const Actor& actor) {
        return app.acquisitions.extend_deadline(id, life_text(body, "deadline"), life_text(body, "reason"), actor);
    }, life_acquisition_json);
}

void delete_purchase(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    run_life_change(app, req, res, [&](Id id, const json& body, const Actor& actor) {
        return app.acquisitions.remove(id, life_text(body, "confirmation"), actor);
    }, [](const store::RemovedAcquisition& r) {
        return json{{"deleted", r.acquisition.id}, {"responses", r.response_ids.size()}, {"documents", r.storage_paths.size()}};
    });
}

void update_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    run_life_change(app, req, res, [&](Id id, const json& body, const Actor& actor) -> Result<VendorResponse> {
        TRY_ASSIGN(const auto current, app.responses.find(id));
        services::VendorInput input{current.company, current.contact_name, current.email, current.language};
        if (body.contains("company")) input.company = life_text(body, "company");
        if (body.contains("contact_name")) input.contact_name = life_text(body, "contact_name");
        if (body.contains("email")) input.email = life_text(body, "email");
        if (body.contains("language")) input.language = life_text(body, "language");
        return app.acquisitions.update_vendor(id, input, actor);
    }, life_response_json);
}

void extend_vendor_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    run_life_change(app, req, res, [&](Id id, const json& body, const Actor& actor) {
        return app.acquisitions.extend_vendor_deadline(id, life_text(body, "deadline"), life_text(body, "reason"), actor);
    }, life_response_json);
}

void withdraw_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    run_life_change(app, req, res, [&](Id id, const json& body, const Actor& actor) {
        return app.acquisitions.withdraw_vendor(id, life_text(body, "reason"), actor);
    }, life_response_json);
}

void restore_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    run_life_change(app, req, res, [&](Id id, const json& body, const Actor& actor) {
        return app.acquisitions.restore_vendor(id, life_text(body, "reason"), actor);
    }, life_response_json);
}

}  // namespace purchase_life_api

void register_purchase_life_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "POST", "/api/v1/acquisitions/{acquisition}/transitions", purchase_life_api::transition);
    add_route(server, app, "POST", "/api/v1/acquisitions/{acquisition}/deadline", purchase_life_api::extend_deadline);
    add_route(server, app, "DELETE", "/api/v1/acquisitions/{acquisition}", purchase_life_api::delete_purchase);
    add_route(server, app, "PATCH", "/api/v1/responses/{response}", purchase_life_api::update_vendor);
    add_route(server, app, "POST", "/api/v1/responses/{response}/deadline", purchase_life_api::extend_vendor_deadline);
    add_route(server, app, "POST", "/api/v1/responses/{response}/withdraw", purchase_life_api::withdraw_vendor);
    add_route(server, app, "POST", "/api/v1/responses/{response}/restore", purchase_life_api::restore_vendor);
}

}  // namespace cyberachat::web
