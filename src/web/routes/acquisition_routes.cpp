// Hospital pages: the list of purchases, creating and editing one, inviting vendors.
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/vendor_rows.hpp"
#include "web/views/acquisition_form_page.hpp"
#include "web/views/acquisition_page.hpp"
#include "web/views/acquisitions_page.hpp"

namespace cyberachat::web {
namespace {

Acquisition acquisition_from_form(const httplib::Request& req) {
    Acquisition input;
    input.title = form_value(req, "title");
    input.equipment = form_value(req, "equipment");
    input.service = form_value(req, "service");
    input.reference = form_value(req, "reference");
    input.deadline = form_value(req, "deadline");
    input.notes = form_value(req, "notes");
    return input;
}

void show_acquisition(WebApp& app, const httplib::Request& req, httplib::Response& res, const HospitalCaller& caller,
                      const Acquisition& acquisition, int status, const std::optional<views::InvitationReveal>& reveal,
                      const services::FieldErrors& vendor_errors, const std::map<std::string, std::string>& vendor_values) {
    auto context = hospital_context(caller, acquisition.title);
    take_flash(req, res, app, context);
    std::string questionnaire_label;
    if (auto version = app.store->questionnaires.find(acquisition.questionnaire_version_id))
        questionnaire_label = version->questionnaire_id + " " + version->version;
    send_html(res, status,
              views::render_acquisition_page(context, acquisition, questionnaire_label, vendor_rows(app, acquisition),
                                             reveal, vendor_errors, vendor_values));
}

}  // namespace

void register_acquisition_routes(httplib::Server& server, WebApp& app) {
    server.Get("/acquisitions", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller) return;
        std::vector<views::AcquisitionRow> rows;
        for (auto& acquisition : app.store->acquisitions.list()) {
            views::AcquisitionRow row{acquisition, vendor_rows(app, acquisition)};
            rows.push_back(std::move(row));
        }
        auto context = hospital_context(*caller, "Achats");
        take_flash(req, res, app, context);
        send_html(res, 200, views::render_acquisitions_page(context, rows));
    });

    server.Get("/acquisitions/new", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller) return;
        send_html(res, 200, views::render_acquisition_form_page(hospital_context(*caller, "Nouvel achat"), {}, {}, true));
    });

    server.Post("/acquisitions", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
        Acquisition input = acquisition_from_form(req);
        if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
            return send_html(res, 422, views::render_acquisition_form_page(hospital_context(*caller, "Nouvel achat"),
                                                                           input, errors, true));
        auto created = app.acquisitions.create(input, caller->user.id, caller->actor());
        if (!created) return send_error_page(res, status_for(created.error()), created.error().message);
        set_flash(res, app, "Achat créé. Ajoutez maintenant les fournisseurs consultés.");
        redirect(res, "/acquisitions/" + std::to_string(created->id));
    });

    server.Get(R"(/acquisitions/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller) return;
        auto id = path_id(req);
        auto acquisition = id ? app.store->acquisitions.find(*id) : std::nullopt;
        if (!acquisition) return send_error_page(res, 404, "Cet achat n'existe pas.");
        show_acquisition(app, req, res, *caller, *acquisition, 200, std::nullopt, {}, {});
    });

    server.Get(R"(/acquisitions/(\d+)/edit)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller) return;
        auto id = path_id(req);
        auto acquisition = id ? app.store->acquisitions.find(*id) : std::nullopt;
        if (!acquisition) return send_error_page(res, 404, "Cet achat n'existe pas.");
        send_html(res, 200, views::render_acquisition_form_page(hospital_context(*caller, "Modifier l'achat"),
                                                                *acquisition, {}, false));
    });

    server.Post(R"(/acquisitions/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
        auto id = path_id(req);
        if (!id || !app.store->acquisitions.find(*id)) return send_error_page(res, 404, "Cet achat n'existe pas.");
        Acquisition input = acquisition_from_form(req);
        input.id = *id;
        if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
            return send_html(res, 422, views::render_acquisition_form_page(hospital_context(*caller, "Modifier l'achat"),
                                                                           input, errors, false));
        auto updated = app.acquisitions.update(input, caller->actor());
        if (!updated) return send_error_page(res, status_for(updated.error()), updated.error().message);
        set_flash(res, app, "Modifications enregistrées.");
        redirect(res, "/acquisitions/" + std::to_string(*id));
    });

    server.Post(R"(/acquisitions/(\d+)/vendors)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_hospital_page(app, req, res);
        if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
        auto id = path_id(req);
        auto acquisition = id ? app.store->acquisitions.find(*id) : std::nullopt;
        if (!acquisition) return send_error_page(res, 404, "Cet achat n'existe pas.");
        services::VendorInput input{form_value(req, "company"), form_value(req, "contact_name"), form_value(req, "email"),
                                    form_value(req, "language").empty() ? "fr" : form_value(req, "language")};
        std::map<std::string, std::string> values{{"company", input.company},
                                                  {"contact_name", input.contact_name},
                                                  {"email", input.email},
                                                  {"language", input.language}};
        if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
            return show_acquisition(app, req, res, *caller, *acquisition, 422, std::nullopt, errors, values);
        auto invitation = app.acquisitions.invite(*id, input, caller->actor());
        if (!invitation) return send_error_page(res, status_for(invitation.error()), invitation.error().message);
        views::InvitationReveal reveal{invitation->response.id, invitation->response.company,
                                       app.invitation_url(invitation->token)};
        // The link is shown once, in this response (never stored, never redirected through a URL).
        show_acquisition(app, req, res, *caller, *acquisition, 201, reveal, {}, {});
    });
}

}  // namespace cyberachat::web
