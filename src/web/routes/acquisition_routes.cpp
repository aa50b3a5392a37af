// Hospital pages: the list of purchases, creating and editing one, inviting vendors.
#include "web/routes/acquisition_routes.hpp"

#include "core/access_policy.hpp"
#include "core/purchase_list_query.hpp"

#include "web/access/access_guard.hpp"
#include "web/mail_support.hpp"

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
    input.title_en = form_value(req, "title_en");
    input.equipment = form_value(req, "equipment");
    input.service = form_value(req, "service");
    input.reference = form_value(req, "reference");
    input.deadline = form_value(req, "deadline");
    // An optional time beside the date (Paris time); without it, the end of that day.
    if (const std::string time = form_value(req, "deadline_time"); !time.empty() && !input.deadline.empty() &&
                                                                   input.deadline.find('T') == std::string::npos)
        input.deadline += "T" + time;
    input.notes = form_value(req, "notes");
    input.expected_end_of_use = form_value(req, "expected_end_of_use");
    input.equipment_family = form_value(req, "equipment_family");
    // The questionnaire (new purchases): a version of the library; anything else is checked by the service.
    if (const std::string version = form_value(req, "questionnaire_version_id"); !version.empty()) {
        try {
            input.questionnaire_version_id = std::stoll(version);
        } catch (const std::exception&) {
            input.questionnaire_version_id = -1;
        }
    }
    return input;
}

// The library's versions, as the new purchase's form offers them (the built-in one first).
std::vector<views::QuestionnaireOption> questionnaire_options(WebApp& app) {
    std::vector<views::QuestionnaireOption> options;
    auto entries = app.library.list();
    if (!entries) return options;
    for (const auto& entry : *entries)
        options.push_back({entry.questionnaire_version_id,
                           entry.title + " — " + entry.questionnaire_id + " " + entry.version +
                               (entry.builtin() ? " (intégré)" : entry.kind == "extension" ? " (extension)" : "")});
    return options;
}

void show_acquisition(WebApp& app, const httplib::Request& req, httplib::Response& res, const HospitalCaller& caller,
                      const Acquisition& acquisition, int status, const std::optional<views::InvitationReveal>& reveal,
                      const services::FieldErrors& vendor_errors, const std::map<std::string, std::string>& vendor_values,
                      const std::string& flash = {}, bool flash_is_error = false) {
    auto context = hospital_context(caller, acquisition.title);
    take_flash(req, res, app, context);
    if (!flash.empty()) {
        context.flash = flash;
        context.flash_is_error = flash_is_error;
    }
    auto overview = services::acquisition_overview(*app.store, app.responses, acquisition);
    if (!overview) return send_error_page(res, overview.error(), context);
    send_html(res, status,
              views::render_acquisition_page(context, acquisition, overview->questionnaire_label(), vendor_rows(*overview),
                                             reveal, vendor_errors, vendor_values,
                                             acquisition_mail_state(app, acquisition.id)));
}

}  // namespace

namespace acquisition_routes {

// GET /acquisitions
void list_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto context = hospital_context(*caller, "Achats");
    // ?q=&sort=&order=&status=: searched and sorted; a value the page does not know is left at its
    // default (a hand-edited address still gets the list). ?status=archived is the archives' list.
    const std::string text = req.get_param_value("q"), sort = req.get_param_value("sort"),
                      order = req.get_param_value("order"), status = req.get_param_value("status");
    PurchaseListQuery query = purchase_list_query_or_defaults({text, sort, order, status});
    const bool archives = req.get_param_value("archives") == "1" || query.status == PurchaseStatus::archived;
    if (archives) query.status.reset();  // every purchase of the archives' list is archived
    auto visible = services::acquisitions_visible_to(*app.store, app.responses, caller->user,
                                                     archives ? services::ArchivedPurchases::only
                                                              : services::ArchivedPurchases::hidden,
                                                     query);
    if (!visible) return send_error_page(res, visible.error(), context);
    std::vector<views::AcquisitionRow> rows;
    for (const auto& shown : visible->purchases)
        rows.push_back(views::AcquisitionRow{shown.overview.acquisition, vendor_rows(shown.overview), shown.role});
    take_flash(req, res, app, context);
    views::AcquisitionListOptions options;
    options.can_create = decide(caller->user.role, std::nullopt, Permission::create_purchase) == Verdict::allowed;
    options.administration = caller->user.role == Role::admin;
    options.archives = archives;
    options.query = std::move(query);
    options.total = visible->total;
    send_html(res, 200, views::render_acquisitions_page(context, rows, options));
}

// GET /acquisitions/new
void new_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    send_html(res, 200, views::render_acquisition_form_page(hospital_context(*caller, "Nouvel achat"), {}, {}, true,
                                                            questionnaire_options(app)));
}

// POST /acquisitions
void create(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    Acquisition input = acquisition_from_form(req);
    if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
        return send_html(res, 422, views::render_acquisition_form_page(hospital_context(*caller, "Nouvel achat"),
                                                                       input, errors, true, questionnaire_options(app)));
    // Created on the page, a purchase is being prepared: no vendor link opens until "Ouvrir la consultation".
    auto created = app.acquisitions.create(input, caller->user.id, caller->actor(), "draft");
    if (!created && created.error().code == ErrorCode::invalid_value && created.error().payload.contains("fields")) {
        std::map<std::string, std::string> errors;
        for (const auto& [field, message] : created.error().payload["fields"].items()) errors[field] = message.get<std::string>();
        return send_html(res, 422, views::render_acquisition_form_page(hospital_context(*caller, "Nouvel achat"),
                                                                       input, errors, true, questionnaire_options(app)));
    }
    if (!created) return send_error_page(res, created.error());
    set_flash(res, app, "Achat créé, en préparation. Ajoutez les fournisseurs consultés, puis ouvrez la consultation : "
                        "leurs liens ne fonctionnent qu'à partir de là.");
    redirect(res, "/acquisitions/" + std::to_string(created->id));
}

// GET /acquisitions/{id}
void show_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto acquisition = find_by_path_id(app.acquisitions, req);
    if (!acquisition) return send_error_page(res, acquisition.error());
    show_acquisition(app, req, res, *caller, *acquisition, 200, std::nullopt, {}, {});
}

// GET /acquisitions/{id}/edit
void edit_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto acquisition = find_by_path_id(app.acquisitions, req);
    if (!acquisition) return send_error_page(res, acquisition.error());
    send_html(res, 200, views::render_acquisition_form_page(hospital_context(*caller, "Modifier l'achat"),
                                                            *acquisition, {}, false));
}

// POST /acquisitions/{id}
void update(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto acquisition = find_by_path_id(app.acquisitions, req);
    if (!acquisition) return send_error_page(res, acquisition.error());
    const Id id = acquisition->id;
    Acquisition input = acquisition_from_form(req);
    input.id = id;
    if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
        return send_html(res, 422, views::render_acquisition_form_page(hospital_context(*caller, "Modifier l'achat"),
                                                                       input, errors, false));
    auto updated = app.acquisitions.update(input, caller->actor());
    if (!updated) return send_error_page(res, updated.error());
    set_flash(res, app, "Modifications enregistrées.");
    redirect(res, "/acquisitions/" + std::to_string(id));
}

// POST /acquisitions/{id}/vendors
void invite_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto acquisition = find_by_path_id(app.acquisitions, req);
    if (!acquisition) return send_error_page(res, acquisition.error());
    services::VendorInput input{form_value(req, "company"), form_value(req, "contact_name"), form_value(req, "email"),
                                form_value(req, "language").empty() ? "fr" : form_value(req, "language")};
    input.send_invitation = form_value(req, "send_invitation") == "1";
    input.company_identifier = form_value(req, "company_identifier");
    input.link_company = form_value(req, "link_company") == "1";
    std::map<std::string, std::string> values{{"company", input.company},
                                              {"contact_name", input.contact_name},
                                              {"email", input.email},
                                              {"language", input.language},
                                              {"send_invitation", input.send_invitation ? "1" : "0"},
                                              {"company_identifier", input.company_identifier},
                                              {"link_company", input.link_company ? "1" : "0"}};
    if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
        return show_acquisition(app, req, res, *caller, *acquisition, 422, std::nullopt, errors, values);
    auto invitation = app.acquisitions.invite(acquisition->id, input, caller->actor());
    if (!invitation) return send_error_page(res, invitation.error());
    views::InvitationReveal reveal{invitation->response.id, invitation->response.company,
                                   app.invitation_url(invitation->token)};
    std::string flash;
    if (invitation->message_id)
        flash = app.mail.delivery_configured()
                    ? "Invitation pour " + invitation->response.email + " mise dans la boîte d'envoi : elle part dans quelques secondes (voir les messages du fournisseur)."
                    : std::string("Invitation mise dans la boîte d'envoi. ") + views::kNoSmtpNotice;
    else if (!invitation->mail_error.empty())
        flash = "L'invitation n'a pas pu être mise dans la boîte d'envoi : " + invitation->mail_error;
    // The link is shown once, in this response (never stored, never redirected through a URL).
    show_acquisition(app, req, res, *caller, *acquisition, 201, reveal, {}, {}, flash, !invitation->mail_error.empty());
}

}  // namespace acquisition_routes

void register_acquisition_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/acquisitions", acquisition_routes::list_page);
    add_route(server, app, "GET", "/acquisitions/new", acquisition_routes::new_page);
    add_route(server, app, "POST", "/acquisitions", acquisition_routes::create);
    add_route(server, app, "GET", "/acquisitions/{acquisition}", acquisition_routes::show_page);
    add_route(server, app, "GET", "/acquisitions/{acquisition}/edit", acquisition_routes::edit_page);
    add_route(server, app, "POST", "/acquisitions/{acquisition}", acquisition_routes::update);
    add_route(server, app, "POST", "/acquisitions/{acquisition}/vendors", acquisition_routes::invite_vendor);
}

}  // namespace cyberachat::web
