// Hospital pages about one vendor: reading its response, its documents, its link, reopening.
#include "web/document_download.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/vendor_rows.hpp"
#include "web/views/acquisition_page.hpp"
#include "web/views/evaluation_panel.hpp"
#include "web/views/response_page.hpp"

namespace cyberachat::web {

void register_response_routes(httplib::Server& server, WebApp& app) {
    server.Get(R"(/responses/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller) return;
        auto id = path_id(req);
        auto evaluated = id ? app.evaluations.evaluate(*id) : Result<services::ResponseEvaluation>(Error::make("not_found", ""));
        if (!evaluated) {
            if (evaluated.error().code == "not_found") return send_error_page(res, 404, "Cette réponse n'existe pas.");
            return send_error_page(res, status_for(evaluated.error()), evaluated.error().message);
        }
        const services::ResponseSnapshot& snapshot = evaluated->snapshot;
        auto context = hospital_context(*caller, snapshot.response.company + " — " + snapshot.acquisition.title);
        take_flash(req, res, app, context);
        views::ResponseView view{snapshot.acquisition, snapshot.response,  *snapshot.questionnaire,
                                 snapshot.evaluation,  snapshot.answers,   snapshot.documents};
        views::EvaluationPanel panel{*evaluated->grid,          evaluated->card, evaluated->reviews, evaluated->opinions,
                                     snapshot.response.id,      std::string(role_name(caller->user.role))};
        send_html(res, 200, views::render_response_page(context, view, &panel));
    });

    server.Get(R"(/documents/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller) return;
        auto id = path_id(req);
        auto document = id ? app.store->documents.find(*id) : std::nullopt;
        if (!document) return send_error_page(res, 404, "Ce document n'existe pas.");
        send_document(app, res, *document);
    });

    // Regenerate: a new secret link, shown once; the old one stops working at once.
    server.Post(R"(/responses/(\d+)/regenerate)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
        auto id = path_id(req);
        auto response = id ? app.store->responses.find(*id) : std::nullopt;
        if (!response) return send_error_page(res, 404, "Ce fournisseur n'existe pas.");
        auto token = app.acquisitions.regenerate_link(*id, caller->actor());
        if (!token) return send_error_page(res, status_for(token.error()), token.error().message);
        auto acquisition = app.store->acquisitions.find(response->acquisition_id);
        auto context = hospital_context(*caller, acquisition->title);
        context.flash = "Nouveau lien créé pour " + response->company + " : l'ancien lien ne fonctionne plus.";
        std::string label;
        if (auto version = app.store->questionnaires.find(acquisition->questionnaire_version_id))
            label = version->questionnaire_id + " " + version->version;
        views::InvitationReveal reveal{response->id, response->company, app.invitation_url(*token)};
        send_html(res, 200, views::render_acquisition_page(context, *acquisition, label, vendor_rows(app, *acquisition),
                                                           reveal, {}, {}));
    });

    server.Post(R"(/responses/(\d+)/revoke)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
        auto id = path_id(req);
        auto response = id ? app.store->responses.find(*id) : std::nullopt;
        if (!response) return send_error_page(res, 404, "Ce fournisseur n'existe pas.");
        auto revoked = app.acquisitions.revoke_link(*id, caller->actor());
        if (!revoked) return send_error_page(res, status_for(revoked.error()), revoked.error().message);
        set_flash(res, app, "Lien révoqué : " + response->company + " ne peut plus accéder au questionnaire. Ses réponses sont conservées.");
        redirect(res, "/acquisitions/" + std::to_string(response->acquisition_id));
    });

    server.Post(R"(/responses/(\d+)/reopen)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
        auto id = path_id(req);
        auto response = id ? app.store->responses.find(*id) : std::nullopt;
        if (!response) return send_error_page(res, 404, "Ce fournisseur n'existe pas.");
        auto reopened = app.responses.reopen(*id, caller->actor());
        if (!reopened) return send_error_page(res, status_for(reopened.error()), reopened.error().message);
        set_flash(res, app, "Réponse de " + response->company + " rouverte : le fournisseur peut de nouveau la modifier.");
        redirect(res, "/responses/" + std::to_string(*id));
    });
}

}  // namespace cyberachat::web
