// The lead adds a question to one purchase: the form, and what it writes (an extension of the
// purchase's questionnaire, through QuestionnaireLibrary::add_purchase_question).
#include "web/routes/purchase_question_routes.hpp"

#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/purchase_question_page.hpp"

namespace cyberachat::web {

namespace purchase_question_routes {

namespace {

PurchaseQuestionDraft draft_from_form(const httplib::Request& req) {
    PurchaseQuestionDraft draft;
    draft.position = form_value(req, "position");
    draft.kind = form_value(req, "kind");
    draft.label_fr = form_value(req, "label_fr");
    draft.label_en = form_value(req, "label_en");
    draft.required = form_value(req, "required") == "1";
    draft.choices = form_value(req, "choices");
    draft.condition = form_value(req, "condition");
    draft.help_fr = form_value(req, "help_fr");
    draft.help_en = form_value(req, "help_en");
    draft.rule = form_value(req, "rule");
    draft.weight = form_value(req, "weight");
    draft.severity = form_value(req, "severity");
    draft.rationale_fr = form_value(req, "rationale_fr");
    draft.rationale_en = form_value(req, "rationale_en");
    return draft;
}

void send_form(WebApp& app, const httplib::Request& req, httplib::Response& res, const HospitalCaller& caller,
               const Acquisition& acquisition, int status, views::PurchaseQuestionPageData data) {
    auto context = hospital_context(caller, "Ajouter une question — " + acquisition.title);
    context.current_path = req.path;
    if (status == 200) take_flash(req, res, app, context);  // "Question ajoutée…" after the redirect
    auto questionnaire = app.questionnaires.get(acquisition.questionnaire_version_id);
    if (!questionnaire) return send_error_page(res, questionnaire.error(), context);
    auto added = app.store->questionnaire_library.added_questions(acquisition.id);
    if (!added) return send_error_page(res, added.error(), context);
    auto responses = app.store->responses.list_for(acquisition.id);
    if (!responses) return send_error_page(res, responses.error(), context);
    for (const auto& response : *responses) {
        if (!response.opened_at.empty()) ++data.vendors_opened;
        if (response.status == ResponseStatus::submitted) ++data.vendors_submitted;
    }
    data.acquisition = acquisition;
    data.questionnaire = std::move(*questionnaire);
    data.added = std::move(*added);
    data.closed = acquisition.status == "closed" || acquisition.status == "archived";
    send_html(res, status, views::render_purchase_question_page(context, data));
}

}  // namespace

void new_question_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto acquisition = find_by_path_id(app.acquisitions, req);
    if (!acquisition) return send_error_page(res, acquisition.error());
    send_form(app, req, res, *caller, *acquisition, 200, {});
}

void add_question(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto acquisition = find_by_path_id(app.acquisitions, req);
    if (!acquisition) return send_error_page(res, acquisition.error());
    views::PurchaseQuestionPageData data;
    data.draft = draft_from_form(req);
    auto added = app.library.add_purchase_question(acquisition->id, data.draft, caller->actor());
    if (!added) {
        const Error& error = added.error();
        if (error.code != ErrorCode::invalid_value && error.code != ErrorCode::conflict &&
            error.code != ErrorCode::purchase_closed)
            return send_error_page(res, error, hospital_context(*caller, acquisition->title));
        const nlohmann::json payload = error.payload.is_object() ? error.payload : nlohmann::json::object();
        if (payload.contains("fields") && payload["fields"].is_object())
            for (const auto& [field, message] : payload["fields"].items())
                if (message.is_string()) data.errors[field] = message.get<std::string>();
        if (data.errors.empty()) data.summary = error.message.fr;
        if (payload.contains("errors") && payload["errors"].is_array())
            for (const auto& item : payload["errors"]) {
                if (!item.is_object()) continue;
                const std::string subject = item.value("subject", "");
                data.definition_errors.push_back((subject.empty() ? std::string() : subject + " : ") + item.value("message", ""));
            }
        const int status = error.code == ErrorCode::invalid_value ? 422 : 409;
        auto current = find_by_path_id(app.acquisitions, req);  // as it is now (closed meanwhile?)
        return send_form(app, req, res, *caller, current ? *current : *acquisition, status, std::move(data));
    }
    set_flash(res, app, "Question ajoutée au questionnaire de cet achat (" + *added +
                            "). Les fournisseurs qui avaient déjà ouvert leur lien la voient signalée comme nouvelle.");
    redirect(res, "/acquisitions/" + std::to_string(acquisition->id) + "/questions/new");
}

}  // namespace purchase_question_routes

void register_purchase_question_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/acquisitions/{acquisition}/questions/new", purchase_question_routes::new_question_page);
    add_route(server, app, "POST", "/acquisitions/{acquisition}/questions", purchase_question_routes::add_question);
}

}  // namespace cyberachat::web
