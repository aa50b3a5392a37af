// Hospital JSON API v1 (Authorization: Bearer <API token>): purchases, vendors, responses.
#include "web/api/acquisition_api.hpp"

#include "core/end_of_use.hpp"

#include "web/access/access_guard.hpp"

#include "core/ascii_text.hpp"
#include "core/deadline.hpp"
#include "core/purchase_list_query.hpp"
#include "core/response_state.hpp"
#include "outputs/json/questionnaire_json.hpp"
#include "services/acquisition_overview.hpp"
#include "web/api/api_auth.hpp"
#include "web/api/response_json.hpp"
#include "web/document_download.hpp"
#include "web/http_io.hpp"
#include "web/request_auth.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

using json = nlohmann::json;

std::string string_field(const json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return {};
    if (it->is_string()) return std::string(trim(it->get<std::string>()));
    return it->dump();
}

// When retention allows deleting an archived purchase: its archive date plus the years kept.
json retention_until(const Acquisition& acquisition, int years) {
    if (acquisition.status != "archived" || acquisition.archived_at.size() < 4) return nullptr;
    return std::to_string(std::stoi(acquisition.archived_at.substr(0, 4)) + years) + acquisition.archived_at.substr(4);
}

json acquisition_json(const services::AcquisitionOverview& overview, int retention_years) {
    const Acquisition& acquisition = overview.acquisition;
    json vendors = json::array();
    for (const auto& vendor : overview.vendors) {
        const VendorResponse& response = vendor.response;
        vendors.push_back({{"response_id", response.id},   {"company", response.company},
                           {"email", response.email},      {"language", response.language},
                           {"status", std::string(response_status_name(response.status))},
                           {"state", std::string(response_state_name(response_state(response)))},
                           {"submitted_at", response.submitted_at.empty() ? json() : json(response.submitted_at)},
                           {"deadline", effective_deadline(acquisition, response)},
                           {"contact_name", response.contact_name},
                           {"link_active", vendor.link_active()},
                           {"progress", vendor.progress}});
    }
    return {{"id", acquisition.id},           {"title", acquisition.title},
            {"title_en", acquisition.title_en},
            {"equipment", acquisition.equipment}, {"service", acquisition.service},
            {"reference", acquisition.reference}, {"deadline", acquisition.deadline},
            {"notes", acquisition.notes},     {"status", acquisition.status},
            {"created_at", acquisition.created_at}, {"closed_at", acquisition.closed_at},
            {"archived_at", acquisition.archived_at}, {"retention_until", retention_until(acquisition, retention_years)},
            {"expected_end_of_use", acquisition.expected_end_of_use},
            {"end_of_use", expected_end_of_use(acquisition).date},
            {"equipment_family", acquisition.equipment_family},
            {"vendors", vendors},
            {"questionnaire", {{"id", overview.questionnaire.questionnaire_id},
                               {"version", overview.questionnaire.version},
                               {"version_id", overview.questionnaire.id}}}};
}

json field_errors_json(const services::FieldErrors& errors) {
    json fields = json::object();
    for (const auto& [field, message] : errors) fields[field] = message;
    return fields;
}

// 422 invalid_value, with each refused field's message under error.fields.
void send_invalid_fields(httplib::Response& res, const services::FieldErrors& errors) {
    json body = error_json(Error::make(ErrorCode::invalid_value, "Champs invalides.", "Invalid fields."), Language::fr);
    body["error"]["fields"] = field_errors_json(errors);
    send_json(res, 422, body);
}

}  // namespace

namespace acquisition_api {

// GET /api/v1/questionnaire
void get_questionnaire(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    send_json(res, 200, questionnaire_json(*app.questionnaires.current()));
}

// POST /api/v1/acquisitions
void create_acquisition(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto body = json_body(req, res);
    if (!body) return;
    Acquisition input;
    input.title = string_field(*body, "title");
    input.title_en = string_field(*body, "title_en");
    input.equipment = string_field(*body, "equipment");
    input.service = string_field(*body, "service");
    input.reference = string_field(*body, "reference");
    input.deadline = string_field(*body, "deadline");
    input.notes = string_field(*body, "notes");
    input.expected_end_of_use = string_field(*body, "expected_end_of_use");
    input.equipment_family = string_field(*body, "equipment_family");
    // v1: without "status" the purchase is open and its links work at once; "draft" prepares it.
    const std::string status = body->contains("status") ? string_field(*body, "status") : std::string("open");
    auto errors = services::AcquisitionService::validate(input);
    // The questionnaire: a version of the library (GET /api/v1/questionnaires); the built-in one without it.
    if (auto version = body->find("questionnaire_version_id"); version != body->end() && !version->is_null()) {
        if (version->is_number_integer() && version->get<std::int64_t>() > 0)
            input.questionnaire_version_id = version->get<Id>();
        else
            errors["questionnaire_version_id"] = "Un identifiant de version de la bibliothèque (GET /api/v1/questionnaires).";
    }
    if (status != "open" && status != "draft") errors["status"] = "Statut à la création : « open » ou « draft ».";
    if (!errors.empty()) return send_invalid_fields(res, errors);
    auto created = app.acquisitions.create(input, caller->user.id, caller->actor(), status);
    if (!created && created.error().code == ErrorCode::invalid_value && created.error().payload.contains("fields")) {
        services::FieldErrors refused;
        for (const auto& [field, message] : created.error().payload["fields"].items()) refused[field] = message.get<std::string>();
        return send_invalid_fields(res, refused);
    }
    if (!created) return send_json_error(res, created.error());
    res.set_header("Location", "/api/v1/acquisitions/" + std::to_string(created->id));
    send_json(res, 201, {{"id", created->id}, {"status", created->status}});
}

// PATCH /api/v1/acquisitions/{id}
// Each descriptive field given replaces the stored one (an empty string clears an optional one);
// a field left out stays as it is. The status changes through /transitions, not here.
void update_acquisition(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto current = find_by_path_id(app.acquisitions, req);
    if (!current) return send_json_error(res, current.error());
    auto body = json_body(req, res);
    if (!body) return;
    struct Field {
        const char* name;
        std::string Acquisition::*member;
    };
    static constexpr Field kFields[] = {{"title", &Acquisition::title},         {"title_en", &Acquisition::title_en},
                                        {"equipment", &Acquisition::equipment}, {"service", &Acquisition::service},
                                        {"reference", &Acquisition::reference}, {"deadline", &Acquisition::deadline},
                                        {"notes", &Acquisition::notes},
                                        {"expected_end_of_use", &Acquisition::expected_end_of_use},
                                        {"equipment_family", &Acquisition::equipment_family}};
    Acquisition input = *current;
    for (const Field& field : kFields)
        if (body->contains(field.name)) input.*field.member = string_field(*body, field.name);
    auto errors = services::AcquisitionService::validate(input);
    if (body->contains("status")) errors["status"] = "Le statut change par POST /api/v1/acquisitions/{id}/transitions.";
    if (!errors.empty()) return send_invalid_fields(res, errors);
    auto updated = app.acquisitions.update(input, caller->actor());
    if (!updated) return send_json_error(res, updated.error());
    auto overview = services::acquisition_overview(*app.store, app.responses, *updated);
    if (!overview) return send_json_error(res, overview.error());
    send_json(res, 200, acquisition_json(*overview, app.config.retention_years));
}

// GET /api/v1/acquisitions
void list_acquisitions(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    // ?archived=include: the archived purchases too; ?archived=only: them alone; else none of them.
    const std::string archived = req.get_param_value("archived");
    // ?q=&sort=&order=&status=: searched and sorted; an unknown value is a 400, not ignored.
    const std::string text = req.get_param_value("q"), sort = req.get_param_value("sort"),
                      order = req.get_param_value("order"), status = req.get_param_value("status");
    auto query = parse_purchase_list_query({text, sort, order, status});
    if (!query) return send_json(res, 400, error_json(query.error(), Language::fr));
    auto visible = services::acquisitions_visible_to(*app.store, app.responses, caller->user,
                                                     archived == "include" ? services::ArchivedPurchases::included
                                                     : archived == "only"  ? services::ArchivedPurchases::only
                                                                           : services::ArchivedPurchases::hidden,
                                                     *query);
    if (!visible) return send_json_error(res, visible.error());
    json list = json::array();
    for (const auto& shown : visible->purchases) {
        json item = acquisition_json(shown.overview, app.config.retention_years);
        item["my_role"] = shown.role ? json(purchase_role_name(*shown.role)) : json(nullptr);
        list.push_back(std::move(item));
    }
    send_json(res, 200, list);
}

// GET /api/v1/acquisitions/{id}
void get_acquisition(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto id = path_id(req);
    auto overview = services::acquisition_overview(*app.store, app.responses, id.value_or(0));
    if (!overview) return send_json_error(res, overview.error());
    send_json(res, 200, acquisition_json(*overview, app.config.retention_years));
}

// POST /api/v1/acquisitions/{id}/vendors
void invite_vendor(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto acquisition = find_by_path_id(app.acquisitions, req);
    if (!acquisition) return send_json_error(res, acquisition.error());
    auto body = json_body(req, res);
    if (!body) return;
    services::VendorInput input{string_field(*body, "company"), string_field(*body, "contact_name"),
                                string_field(*body, "email"), string_field(*body, "language")};
    if (input.language.empty()) input.language = "fr";
    // Optional, default false (v1: the caller sends the link itself).
    if (auto send = body->find("send_invitation"); send != body->end() && !send->is_null()) {
        if (!send->is_boolean())
            return send_invalid_fields(res, {{"send_invitation", "Vrai ou faux attendu (send_invitation)."}});
        input.send_invitation = send->get<bool>();
    }
    // Optional, default false: the company is recognised from one purchase to the next only when the hospital says so.
    input.company_identifier = string_field(*body, "company_identifier");
    if (auto link = body->find("link_company"); link != body->end() && !link->is_null()) {
        if (!link->is_boolean()) return send_invalid_fields(res, {{"link_company", "Vrai ou faux attendu (link_company)."}});
        input.link_company = link->get<bool>();
    }
    if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
        return send_invalid_fields(res, errors);
    auto invitation = app.acquisitions.invite(acquisition->id, input, caller->actor());
    if (!invitation) return send_json_error(res, invitation.error());
    json out{{"response_id", invitation->response.id},
             {"invite_token", invitation->token},
             {"invite_url", app.invitation_url(invitation->token)}};
    if (input.send_invitation) {
        out["invitation_message_id"] = invitation->message_id ? json(invitation->message_id) : json();
        if (!invitation->mail_error.empty()) out["invitation_error"] = invitation->mail_error;
    }
    send_json(res, 201, out);
}

// GET /api/v1/responses/{id}
void get_response(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto id = path_id(req);
    if (!id) return send_json_error(res, Error::make(ErrorCode::not_found, "Réponse introuvable."));
    auto snapshot = app.responses.load(*id);
    if (!snapshot) return send_json_error(res, snapshot.error());
    send_json(res, 200, hospital_response_json(*snapshot));
}

// POST /api/v1/responses/{id}/reopen
void reopen_response(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    if (!id) return send_json_error(res, Error::make(ErrorCode::not_found, "Réponse introuvable."));
    auto reopened = app.responses.reopen(*id, caller->actor());
    if (!reopened) return send_json_error(res, reopened.error());
    send_json(res, 200, {{"id", *id}, {"status", "draft"}});
}

// GET /api/v1/documents/{id}
void download_document(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto document = find_document_by_path(app, req);
    if (!document) return send_json_error(res, document.error());
    send_document(app, res, *document);
}

}  // namespace acquisition_api

void register_acquisition_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/questionnaire", acquisition_api::get_questionnaire);
    add_route(server, app, "POST", "/api/v1/acquisitions", acquisition_api::create_acquisition);
    add_route(server, app, "GET", "/api/v1/acquisitions", acquisition_api::list_acquisitions);
    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}", acquisition_api::get_acquisition);
    add_route(server, app, "PATCH", "/api/v1/acquisitions/{acquisition}", acquisition_api::update_acquisition);
    add_route(server, app, "POST", "/api/v1/acquisitions/{acquisition}/vendors", acquisition_api::invite_vendor);
    add_route(server, app, "GET", "/api/v1/responses/{response}", acquisition_api::get_response);
    add_route(server, app, "POST", "/api/v1/responses/{response}/reopen", acquisition_api::reopen_response);
    add_route(server, app, "GET", "/api/v1/documents/{document}", acquisition_api::download_document);
}

}  // namespace cyberachat::web
