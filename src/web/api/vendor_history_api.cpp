#include "web/api/vendor_history_api.hpp"

#include "core/response_state.hpp"
#include "core/text_format.hpp"
#include "services/vendor_history_service.hpp"
#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/history_pair_query.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

using json = nlohmann::json;

namespace {

json history_entry_json(const services::ResponseEvaluation& entry) {
    const VendorResponse& response = entry.snapshot.response;
    const Acquisition& acquisition = entry.snapshot.acquisition;
    return json{{"response_id", response.id},
                {"acquisition", {{"id", acquisition.id}, {"title", acquisition.title}, {"reference", acquisition.reference},
                                 {"equipment", acquisition.equipment}}},
                {"state", response_state_name(response_state(response))},
                {"submitted_at", response.submitted_at.empty() ? json() : json(response.submitted_at)},
                {"score", entry.card.overall.score()},
                {"findings", entry.card.findings.size()},
                {"end_of_support_findings", entry.support.findings.size()}};
}

// One side's answer: its canonical value, as text, and its documents (name and SHA-256); null when
// the side's questionnaire has no such question.
json side_json(const Question* question, const AnswerSide& side) {
    if (!question) return json();
    json documents = json::array();
    if (const auto* files = side.files(question->id))
        for (const auto& file : *files) documents.push_back({{"file_name", file.file_name}, {"sha256", file.sha256}});
    const json& value = side.value(question->id);
    return json{{"kind", question_kind_name(question->kind)},
                {"value", value},
                {"text", answer_text(*question, value, Language::fr)},
                {"documents", documents}};
}

json changes_json(const services::HistoryChanges& changes) {
    const bool to_is_newer = changes.to == changes.newer;
    const AnswerSide from_side = services::answer_side(*changes.from), to_side = services::answer_side(*changes.to);
    json list = json::array();
    for (const AnswerPair* pair : changes.changes()) {
        const Question* newer = pair->base;
        const Question* older = pair->other;
        const Question* to_question = to_is_newer ? newer : older;
        const Question* from_question = to_is_newer ? older : newer;
        const Question* shown = newer ? newer : older;
        const char* change = pair->difference == AnswerDifference::different ? "different"
                             : to_question                                     ? "only_in_to"
                                                                               : "only_in_from";
        list.push_back({{"question_id", pair->question_id},
                        {"label", shown->label.fr},
                        {"change", change},
                        {"kind_changed", pair->kind_changed},
                        {"from", side_json(from_question, from_side)},
                        {"to", side_json(to_question, to_side)}});
    }
    return json{{"from", changes.from->snapshot.response.id}, {"to", changes.to->snapshot.response.id}, {"questions", list}};
}

}  // namespace

namespace vendor_history_api {

// GET /api/v1/responses/{id}/history
void get_history(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    if (!id) return send_json_error(res, Error::make(ErrorCode::not_found, "Réponse introuvable.", "Response not found."));
    auto asked = history_pair_from(req);
    if (!asked) return send_json_error(res, asked.error());
    services::VendorHistoryService service(*app.store, app.evaluations);
    auto history = service.history(*id, caller->user);
    if (!history) return send_json_error(res, history.error());
    json out{{"response_id", history->subject}, {"linked", history->linked}, {"responses", json::array()},
             {"left_out_older", history->left_out_older}, {"changes", nullptr}};
    for (const auto& entry : history->responses) out["responses"].push_back(history_entry_json(entry));
    if (const auto pair = *asked ? *asked : history->default_pair()) {
        auto changes = history->changes(pair->first, pair->second);
        if (!changes) return send_json_error(res, changes.error());
        out["changes"] = changes_json(*changes);
    }
    send_json(res, 200, out);
}

}  // namespace vendor_history_api

void register_vendor_history_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/responses/{response}/history", vendor_history_api::get_history);
}

}  // namespace cyberachat::web
