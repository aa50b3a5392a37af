// Hospital pages' actions on a vendor's e-mails.
#include "web/routes/message_routes.hpp"

#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/messages_panel.hpp"

namespace cyberachat::web {

namespace message_routes {

void send_invitation(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_error_page(res, response.error());
    auto sent = app.acquisitions.send_invitation(response->id, caller->actor());
    if (!sent) return send_error_page(res, sent.error());
    set_flash(res, app,
              "Invitation pour " + response->email + " mise dans la boîte d'envoi avec un nouveau lien (l'ancien ne fonctionne plus)." +
                  (app.mail.delivery_configured() ? std::string() : std::string(" ") + views::kNoSmtpNotice));
    redirect(res, "/responses/" + std::to_string(response->id) + "#messages");
}

void resend(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_error_page(res, response.error());
    auto message_id = path_id(req, 2);
    auto message = message_id ? app.store->outbox.find(*message_id) : Result<store::OutboxMessage>(Error::make(ErrorCode::not_found, ""));
    if (!message || message->response_id != response->id) return send_error_page(res, 404, "Ce message n'existe pas.");
    const bool new_link = message->kind == "invitation" && message->status != "pending";
    if (new_link && form_value(req, "confirm") != "1")
        return send_error_page(res, 400, "Confirmez d'abord : un nouveau lien sera créé et l'ancien cessera de fonctionner.");
    auto resent = app.mail.resend(response->id, message->id, caller->actor());
    if (!resent) return send_error_page(res, resent.error());
    set_flash(res, app, new_link ? "Invitation renvoyée avec un nouveau lien : l'ancien ne fonctionne plus."
                                 : "Message remis dans la boîte d'envoi.");
    redirect(res, "/responses/" + std::to_string(response->id) + "#messages");
}

}  // namespace message_routes

void register_message_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "POST", "/responses/{response}/send-invitation", message_routes::send_invitation);
    add_route(server, app, "POST", "/responses/{response}/messages/{message}/resend", message_routes::resend);
}

}  // namespace cyberachat::web
