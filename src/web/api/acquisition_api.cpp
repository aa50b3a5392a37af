// Hospital JSON API v1 (Authorization: Bearer <API token>): purchases, vendors, responses.
#include "core/ascii_text.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "outputs/json/questionnaire_json.hpp"
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

json acquisition_json(WebApp& app, const Acquisition& acquisition) {
    json vendors = json::array();
    for (const auto& response : app.store->responses.list_for(acquisition.id)) {
        json vendor = {{"response_id", response.id},   {"company", response.company},
                       {"email", response.email},      {"language", response.language},
                       {"status", std::string(response_status_name(response.status))},
                       {"submitted_at", response.submitted_at.empty() ? json() : json(response.submitted_at)},
                       {"link_active", !response.invite_token_hash.empty()}};
        if (auto snapshot = app.responses.load(response.id)) vendor["progress"] = snapshot->evaluation.overall.percent();
        vendors.push_back(std::move(vendor));
    }
    json out = {{"id", acquisition.id},           {"title", acquisition.title},
                {"equipment", acquisition.equipment}, {"service", acquisition.service},
                {"reference", acquisition.reference}, {"deadline", acquisition.deadline},
                {"notes", acquisition.notes},     {"status", acquisition.status},
                {"created_at", acquisition.created_at}, {"vendors", vendors}};
    if (auto version = app.store->questionnaires.find(acquisition.questionnaire_version_id))
        out["questionnaire"] = {{"id", version->questionnaire_id}, {"version", version->version}};
    return out;
}

json field_errors_json(const services::FieldErrors& errors) {
    json fields = json::object();
    for (const auto& [field, message] : errors) fields[field] = message;
    return fields;
}

}  // namespace

void register_acquisition_api(httplib::Server& server, WebApp& app) {
    server.Get("/api/v1/questionnaire", [](const httplib::Request&, httplib::Response& res) {
        send_json(res, 200, questionnaire_json(*builtin_afib()));
    });

    server.Post("/api/v1/acquisitions", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_api_user(app, req, res);
        if (!caller) return;
        auto body = json_body(req, res);
        if (!body) return;
        Acquisition input;
        input.title = string_field(*body, "title");
        input.equipment = string_field(*body, "equipment");
        input.service = string_field(*body, "service");
        input.reference = string_field(*body, "reference");
        input.deadline = string_field(*body, "deadline");
        input.notes = string_field(*body, "notes");
        if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
            return send_json(res, 422, {{"error", {{"code", "invalid"}, {"message", "Champs invalides."}, {"fields", field_errors_json(errors)}}}});
        auto created = app.acquisitions.create(input, caller->user.id, caller->actor());
        if (!created) return send_json_error(res, created.error());
        res.set_header("Location", "/api/v1/acquisitions/" + std::to_string(created->id));
        send_json(res, 201, {{"id", created->id}});
    });

    server.Get("/api/v1/acquisitions", [&app](const httplib::Request& req, httplib::Response& res) {
        if (!require_api_user(app, req, res)) return;
        json list = json::array();
        for (const auto& acquisition : app.store->acquisitions.list()) list.push_back(acquisition_json(app, acquisition));
        send_json(res, 200, list);
    });

    server.Get(R"(/api/v1/acquisitions/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
        if (!require_api_user(app, req, res)) return;
        auto id = path_id(req);
        auto acquisition = id ? app.store->acquisitions.find(*id) : std::nullopt;
        if (!acquisition) return send_json_error(res, 404, "not_found", "Achat introuvable.");
        send_json(res, 200, acquisition_json(app, *acquisition));
    });

    server.Post(R"(/api/v1/acquisitions/(\d+)/vendors)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_api_user(app, req, res);
        if (!caller) return;
        auto id = path_id(req);
        if (!id || !app.store->acquisitions.find(*id)) return send_json_error(res, 404, "not_found", "Achat introuvable.");
        auto body = json_body(req, res);
        if (!body) return;
        services::VendorInput input{string_field(*body, "company"), string_field(*body, "contact_name"),
                                    string_field(*body, "email"), string_field(*body, "language")};
        if (input.language.empty()) input.language = "fr";
        if (auto errors = services::AcquisitionService::validate(input); !errors.empty())
            return send_json(res, 422, {{"error", {{"code", "invalid"}, {"message", "Champs invalides."}, {"fields", field_errors_json(errors)}}}});
        auto invitation = app.acquisitions.invite(*id, input, caller->actor());
        if (!invitation) return send_json_error(res, invitation.error());
        send_json(res, 201, {{"response_id", invitation->response.id},
                             {"invite_token", invitation->token},
                             {"invite_url", app.invitation_url(invitation->token)}});
    });

    server.Get(R"(/api/v1/responses/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
        if (!require_api_user(app, req, res)) return;
        auto id = path_id(req);
        if (!id) return send_json_error(res, 404, "not_found", "Réponse introuvable.");
        auto snapshot = app.responses.load(*id);
        if (!snapshot) return send_json_error(res, snapshot.error());
        send_json(res, 200, hospital_response_json(*snapshot));
    });

    server.Post(R"(/api/v1/responses/(\d+)/reopen)", [&app](const httplib::Request& req, httplib::Response& res) {
        auto caller = require_api_user(app, req, res);
        if (!caller) return;
        auto id = path_id(req);
        if (!id) return send_json_error(res, 404, "not_found", "Réponse introuvable.");
        auto reopened = app.responses.reopen(*id, caller->actor());
        if (!reopened) return send_json_error(res, reopened.error());
        send_json(res, 200, {{"id", *id}, {"status", "draft"}});
    });

    server.Get(R"(/api/v1/documents/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
        if (!require_api_user(app, req, res)) return;
        auto id = path_id(req);
        auto document = id ? app.store->documents.find(*id) : std::nullopt;
        if (!document) return send_json_error(res, 404, "not_found", "Document introuvable.");
        send_document(app, res, *document);
    });
}

}  // namespace cyberachat::web
