// Hospital JSON API v1 for the evaluation (Authorization: Bearer <API token>; a vendor's token is
// refused like any unknown one): one response's score and points de vigilance, and the
// comparison of every vendor of a purchase, reviews of answers and advisory opinions.
#include "web/api/evaluation_api.hpp"

#include "web/access/access_guard.hpp"

#include "core/ascii_text.hpp"
#include "web/api/api_auth.hpp"
#include "web/api/evaluation_json.hpp"

using json = nlohmann::json;
#include "web/comparison_filter.hpp"
#include "web/http_io.hpp"
#include "web/request_auth.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

namespace {

// A change through the API: the caller, the id in the path and the JSON body (or an error sent).
struct ApiChange {
    HospitalCaller caller;
    long long id = 0;
    nlohmann::json body;
};
std::optional<ApiChange> api_change(WebApp& app, const httplib::Request& req, httplib::Response& res,
                                    const char* not_found) {
    auto caller = require_api_user(app, req, res);
    if (!caller) return std::nullopt;
    auto id = path_id(req);
    if (!id) {
        send_json_error(res, Error::make(ErrorCode::not_found, not_found));
        return std::nullopt;
    }
    auto body = json_body(req, res);
    if (!body) return std::nullopt;
    return ApiChange{std::move(*caller), *id, std::move(*body)};
}

// A text field of a JSON body, trimmed; "" when absent or not a string.
std::string text_field(const nlohmann::json& body, const char* key) {
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? std::string(trim(it->get<std::string>())) : std::string();
}

}  // namespace

namespace evaluation_api {

// GET /api/v1/responses/{id}/evaluation
void get_evaluation(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto id = path_id(req);
    if (!id) return send_json_error(res, Error::make(ErrorCode::not_found, "Réponse introuvable."));
    auto evaluated = app.evaluations.evaluate(*id);
    if (!evaluated) return send_json_error(res, evaluated.error());
    send_json(res, 200, response_evaluation_json(*evaluated));
}

// GET /api/v1/acquisitions/{id}/comparison
void get_comparison(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto id = path_id(req);
    if (!id) return send_json_error(res, Error::make(ErrorCode::not_found, "Achat introuvable."));
    auto comparison = app.evaluations.compare(*id, comparison_scope_from(req));
    if (!comparison) return send_json_error(res, comparison.error());
    auto filter = comparison_filter_from(req, *comparison->questionnaire);
    if (!filter) return send_json_error(res, filter.error());
    std::vector<ComparisonRow> rows;
    for (auto& row : compare_responses(*comparison->questionnaire, comparison->compared()))
        if (filter->keeps(row, *comparison->questionnaire)) rows.push_back(std::move(row));
    send_json(res, 200, comparison_json(*comparison, rows));
}

// PUT /api/v1/acquisitions/{id}/weights/{question}
void set_weight(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto change = api_change(app, req, res, "Achat introuvable.");
    if (!change) return;
    std::optional<double> weight;
    auto it = change->body.find("weight");
    if (it == change->body.end()) return send_json_error(res, Error::make(ErrorCode::invalid_value, "« weight » manquant (un nombre, ou null pour revenir au poids de la grille)."));
    if (it->is_number()) weight = it->get<double>();
    else if (!it->is_null()) return send_json_error(res, Error::make(ErrorCode::invalid_value, "« weight » doit être un nombre ou null."));
    const std::string question_id = req.matches[2].str();
    auto saved = app.evaluations.set_weight(change->id, question_id, weight, acting_user(change->caller, req), change->caller.actor());
    if (!saved) return send_json_error(res, saved.error());
    send_json(res, 200, {{"question_id", question_id}, {"weight", weight ? json(*weight) : json()}});
}

// GET /api/v1/responses/{id}/reviews
void list_reviews(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    if (!require_api_user(app, req, res)) return;
    auto id = path_id(req);
    auto written = app.evaluations.reviews(id.value_or(0));
    if (!written) return send_json_error(res, written.error());
    send_json(res, 200, reviews_json(written->reviews, written->opinions));
}

// POST /api/v1/responses/{id}/reviews
void add_review(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto change = api_change(app, req, res, "Réponse introuvable.");
    if (!change) return;
    const json& body = change->body;
    services::ReviewInput input{text_field(body, "question_id"), text_field(body, "status"),
                                text_field(body, "comment"), text_field(body, "vendor_question")};
    auto added = app.evaluations.add_review(change->id, input, acting_user(change->caller, req), change->caller.actor());
    if (!added) return send_json_error(res, added.error());
    send_json(res, 201, review_json(*added));
}

// PUT /api/v1/responses/{id}/opinion
void set_opinion(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto change = api_change(app, req, res, "Réponse introuvable.");
    if (!change) return;
    auto saved = app.evaluations.set_opinion(change->id, text_field(change->body, "verdict"),
                                             text_field(change->body, "text"), acting_user(change->caller, req),
                                             change->caller.actor());
    if (!saved) return send_json_error(res, saved.error());
    send_json(res, 200, opinion_json(*saved));
}

}  // namespace evaluation_api

void register_evaluation_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/responses/{response}/evaluation", evaluation_api::get_evaluation);
    add_route(server, app, "GET", "/api/v1/acquisitions/{acquisition}/comparison", evaluation_api::get_comparison);
    add_route(server, app, "PUT", "/api/v1/acquisitions/{acquisition}/weights/{question}", evaluation_api::set_weight);
    add_route(server, app, "GET", "/api/v1/responses/{response}/reviews", evaluation_api::list_reviews);
    add_route(server, app, "POST", "/api/v1/responses/{response}/reviews", evaluation_api::add_review);
    add_route(server, app, "PUT", "/api/v1/responses/{response}/opinion", evaluation_api::set_opinion);
}

}  // namespace cyberachat::web
