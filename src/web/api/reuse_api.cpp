// A vendor starts from its company's earlier response, JSON API v1.
#include "web/api/reuse_api.hpp"

#include "web/access/access_guard.hpp"
#include "web/api/api_auth.hpp"
#include "web/http_io.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {
namespace {

using json = nlohmann::json;

json earlier_json(const EarlierResponse& earlier) {
    return {{"response_id", earlier.response_id},       {"purchase_title", earlier.purchase_title},
            {"reference", earlier.reference},           {"device", earlier.device},
            {"submitted_at", earlier.submitted_at},     {"questionnaire", earlier.questionnaire}};
}

}  // namespace

namespace reuse_api {

void earlier_list(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, false);
    if (!caller) return;
    const Language language = language_of(*caller);
    auto earlier = app.reuse.earlier_responses(caller->response.id, language);
    if (!earlier) return send_json_error(res, earlier.error(), language);
    json out = json::array();
    for (const auto& one : *earlier) out.push_back(earlier_json(one));
    send_json(res, 200, {{"earlier_responses", out}});
}

void reuse(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor(app, req, res, true);
    if (!caller) return;
    const Language language = language_of(*caller);
    const auto earlier_id = path_id(req);
    if (!earlier_id)
        return send_json_error(res, Error::make(ErrorCode::not_found, "Réponse antérieure introuvable.", "Earlier response not found."),
                               language);
    const bool apply = req.has_param("apply") && (req.get_param_value("apply") == "1" || req.get_param_value("apply") == "true");
    auto outcome = app.reuse.reuse(caller->response.id, *earlier_id, apply, language, caller->actor());
    if (!outcome) return send_json_error(res, outcome.error(), language);
    json items = json::array();
    for (const ReuseItem& item : outcome->plan.items)
        items.push_back({{"question_id", item.question_id},
                         {"status", std::string(reuse_status_name(item.status))},
                         {"value", item.value},
                         {"documents", item.documents},
                         {"reason", item.reason.in(language)}});
    json summary = json::object();
    for (auto status : {ReuseStatus::copied, ReuseStatus::kept, ReuseStatus::kind_changed, ReuseStatus::refused, ReuseStatus::gone})
        summary[std::string(reuse_status_name(status))] = outcome->plan.count(status);
    send_json(res, 200,
              {{"applied", outcome->applied},
               {"saved", outcome->saved},
               {"documents_copied", outcome->documents},
               {"from", earlier_json(outcome->from)},
               {"summary", summary},
               {"items", items}});
}

}  // namespace reuse_api

void register_reuse_api(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/api/v1/vendor/earlier-responses", reuse_api::earlier_list);
    add_route(server, app, "POST", "/api/v1/vendor/reuse/{response}", reuse_api::reuse);
}

}  // namespace cyberachat::web
