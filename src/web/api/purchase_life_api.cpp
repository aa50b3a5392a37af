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

template <typename T, typename Shape>
void send_life_result(httplib::Response& res, const Result<T>& done, Shape shape) {
    if (!done) return send_json_error(res, done.error());  // field errors carry "fields"
    send_json(res, 200, shape(*done));
}

}  // namespace

namespace purchase_life_api {

void transition(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto request = life_request(app, req, res);
    if (!request) return;
    auto moved = app.acquisitions.transition(path_id(req).value_or(0), life_text(request->second, "action"),
                                             life_text(request->second, "reason"), request->first.actor());
    send_life_result(res, moved, life_acquisition_json);
}

void extend_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto request = life_request(app, req, res);
    if (!request) return;
    auto extended = app.acquisitions.extend_deadline(path_id(req).value_or(0), life_text(request->second, "deadline"),
                                                     life_text(request->second, "reason"), request->first.actor());
    send_life_result(res, extended, life_acquisition_json);
}

void delete_purchase(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto request = life_request(app, req, res);
    if (!request) return;
    const Id id = path_id(req).value_or(0);
    auto removed = app.acquisitions.remove(id, life_text(request->second, "confirmation"), request->first.actor());
    send_life_result(res, removed, [&](const store::RemovedAcquisition& r) {
        return json{{"deleted", id}, {"responses", r.response_ids.size()}, {"documents", r.storage_paths.size()}};
    });
}

void update_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto request = life_request(app, req, res);
    if (!request) return;
    auto current = find_by_path_id(app.responses, req);
    if (!current) return send_json_error(res, current.error());
    const json& body = request->second;
    services::VendorInput input{current->company, current->contact_name, current->email, current->language};
    if (body.contains("company")) input.company = life_text(body, "company");
    if (body.contains("contact_name")) input.contact_name = life_text(body, "contact_name");
    if (body.contains("email")) input.email = life_text(body, "email");
    if (body.contains("language")) input.language = life_text(body, "language");
    auto updated = app.acquisitions.update_vendor(current->id, input, request->first.actor());
    send_life_result(res, updated, life_response_json);
}

void extend_vendor_deadline(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto request = life_request(app, req, res);
    if (!request) return;
    auto extended = app.acquisitions.extend_vendor_deadline(path_id(req).value_or(0), life_text(request->second, "deadline"),
                                                            life_text(request->second, "reason"), request->first.actor());
    send_life_result(res, extended, life_response_json);
}

void withdraw_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto request = life_request(app, req, res);
    if (!request) return;
    auto withdrawn = app.acquisitions.withdraw_vendor(path_id(req).value_or(0), life_text(request->second, "reason"),
                                                      request->first.actor());
    send_life_result(res, withdrawn, life_response_json);
}

void restore_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto request = life_request(app, req, res);
    if (!request) return;
    auto restored = app.acquisitions.restore_vendor(path_id(req).value_or(0), life_text(request->second, "reason"),
                                                    request->first.actor());
    send_life_result(res, restored, life_response_json);
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
