#include "web/api/message_api.hpp"

#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/mail_support.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

namespace {

// The response of the path (…/acquisitions/{a}/responses/{r}/…), only if it is of that purchase.
Result<VendorResponse> response_of_path(WebApp& app, const httplib::Request& req) {
    auto acquisition_id = path_id(req, 1);
    auto response_id = path_id(req, 2);
    const Error missing = Error::make(ErrorCode::not_found, "Réponse introuvable.", "Response not found.");
    if (!acquisition_id || !response_id) return missing;
    auto response = app.responses.find(*response_id);
    if (!response) return response.error();
    if (response->acquisition_id != *acquisition_id) return missing;
    return response;
}

void send_message_json(WebApp& app, httplib::Response& res, Id message_id) {
    auto message = app.store->outbox.find(message_id);
    if (!message) return send_json_error(res, message.error());
    send_json(res, 202, message_json(*message));
}

}  // namespace

namespace message_api {

void list_messages(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto response = response_of_path(app, req);
    if (!response) return send_json_error(res, response.error());
    auto messages = app.mail.messages_for_response(response->id);
    if (!messages) return send_json_error(res, messages.error());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& message : *messages) list.push_back(message_json(message));
    send_json(res, 200, {{"messages", list}, {"delivery_configured", app.mail.delivery_configured()}});
}

void resend(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto response = response_of_path(app, req);
    if (!response) return send_json_error(res, response.error());
    auto message_id = path_id(req, 3);
    if (!message_id) return send_json_error(res, Error::make(ErrorCode::not_found, "Message introuvable.", "Message not found."));
    auto resent = app.mail.resend(response->id, *message_id, caller->actor());
    if (!resent) return send_json_error(res, resent.error());
    send_message_json(app, res, *message_id);
}

void send_invitation(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto response = response_of_path(app, req);
    if (!response) return send_json_error(res, response.error());
    auto sent = app.acquisitions.send_invitation(response->id, caller->actor());
    if (!sent) return send_json_error(res, sent.error());
    send_message_json(app, res, *sent);
}

}  // namespace message_api

void register_message_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}/responses/{response}/messages",
              message_api::list_messages);
    add_route(server, app, "POST", "/api/v1/acquisitions/{acquisition}/responses/{response}/messages/{message}/resend",
              message_api::resend);
    add_route(server, app, "POST", "/api/v1/acquisitions/{acquisition}/responses/{response}/send-invitation",
              message_api::send_invitation);
}

}  // namespace cyberachat::web
