// Hospital pages about one vendor: reading its response, its documents, its link, reopening.
#include "web/routes/response_routes.hpp"

#include "web/access/access_guard.hpp"

#include "web/document_download.hpp"
#include "web/mail_support.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/vendor_rows.hpp"
#include "web/views/acquisition_page.hpp"
#include "web/views/evaluation_panel.hpp"
#include "web/views/response_page.hpp"

namespace cyberachat::web {

namespace response_routes {

// GET /responses/{id}
void response_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    show_response_page(app, req, res, *caller, path_id(req), 200, nullptr);
}

}  // namespace response_routes

void show_response_page(WebApp& app, const httplib::Request& req, httplib::Response& res, const HospitalCaller& caller,
                        std::optional<Id> id, int status, const views::ReviewDraft* draft) {
    auto evaluated = id ? app.evaluations.evaluate(*id) : Result<services::ResponseEvaluation>(Error::make(ErrorCode::not_found, ""));
    if (!evaluated) {
        if (evaluated.error().code == ErrorCode::not_found) return send_error_page(res, 404, "Cette réponse n'existe pas.");
        return send_error_page(res, evaluated.error());
    }
    const services::ResponseSnapshot& snapshot = evaluated->snapshot;
    auto context = hospital_context(caller, snapshot.response.company + " — " + snapshot.acquisition.title);
    take_flash(req, res, app, context);
    if (draft) {  // also at the top: the form it belongs to may be far down the page
        context.flash = "Relecture non enregistrée : " + draft->error;
        context.flash_is_error = true;
    }
    views::ResponseView view{snapshot.acquisition, snapshot.response,  *snapshot.questionnaire,
                             snapshot.evaluation,  snapshot.answers,   snapshot.documents,
                             &snapshot.new_questions};
    views::EvaluationPanel panel{*evaluated->grid,          evaluated->card, evaluated->reviews, evaluated->opinions,
                                 snapshot.response.id,      std::string(role_name(acting_user(caller, req).role)),
                                 draft,
                                 &evaluated->support};
    auto messages = messages_panel(app, snapshot.response, context.rights);
    if (!messages) return send_error_page(res, messages.error());
    send_html(res, status, views::render_response_page(context, view, &panel, &*messages));
}

namespace response_routes {

// GET /documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto document = find_document_by_path(app, req);
    if (!document) return send_error_page(res, document.error());
    send_document(app, res, *document);
}

// POST /responses/{id}/regenerate
// Regenerate: a new secret link, shown once; the old one stops working at once.
void regenerate_link(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    if (!require_confirmation(req, res, "Confirmez la création d'un nouveau lien : l'ancien cessera de fonctionner.")) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_error_page(res, response.error());
    const Id id = response->id;
    auto token = app.acquisitions.regenerate_link(id, caller->actor());
    if (!token) return send_error_page(res, token.error());
    auto overview = services::acquisition_overview(*app.store, app.responses, response->acquisition_id);
    if (!overview) return send_error_page(res, overview.error());
    auto context = hospital_context(*caller, overview->acquisition.title);
    context.flash = "Nouveau lien créé pour " + response->company + " : l'ancien lien ne fonctionne plus.";
    views::InvitationReveal reveal{response->id, response->company, app.invitation_url(*token)};
    send_html(res, 200, views::render_acquisition_page(context, overview->acquisition, overview->questionnaire_label(),
                                                       vendor_rows(*overview), reveal, {}, {},
                                                       acquisition_mail_state(app, overview->acquisition.id)));
}

// POST /responses/{id}/revoke
void revoke_link(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    if (!require_confirmation(req, res, "Confirmez la révocation du lien : le fournisseur ne pourra plus ouvrir le questionnaire.")) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_error_page(res, response.error());
    const Id id = response->id;
    auto revoked = app.acquisitions.revoke_link(id, caller->actor());
    if (!revoked) return send_error_page(res, revoked.error());
    set_flash(res, app, "Lien révoqué : " + response->company + " ne peut plus accéder au questionnaire. Ses réponses sont conservées.");
    redirect(res, "/acquisitions/" + std::to_string(response->acquisition_id));
}

// POST /responses/{id}/reopen
void reopen(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto response = find_by_path_id(app.responses, req);
    if (!response) return send_error_page(res, response.error());
    const Id id = response->id;
    auto reopened = app.responses.reopen(id, caller->actor());
    if (!reopened) return send_error_page(res, reopened.error());
    set_flash(res, app, "Réponse de " + response->company + " rouverte : le fournisseur peut de nouveau la modifier.");
    redirect(res, "/responses/" + std::to_string(id));
}

}  // namespace response_routes

void register_response_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/responses/{response}", response_routes::response_page);
    add_route(server, app, "GET", "/documents/{document}", response_routes::download_document);
    add_route(server, app, "POST", "/responses/{response}/regenerate", response_routes::regenerate_link);
    add_route(server, app, "POST", "/responses/{response}/revoke", response_routes::revoke_link);
    add_route(server, app, "POST", "/responses/{response}/reopen", response_routes::reopen);
}

}  // namespace cyberachat::web
