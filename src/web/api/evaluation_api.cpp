// Hospital JSON API v1 for the evaluation (Authorization: Bearer <API token>; a vendor's token is
// refused like any unknown one): one response's score and points de vigilance, and the
// comparison of every vendor of a purchase.
#include "web/api/evaluation_json.hpp"
#include "web/comparison_filter.hpp"
#include "web/http_io.hpp"
#include "web/request_auth.hpp"
#include "web/routes/routes.hpp"

namespace cyberachat::web {

void register_evaluation_api(httplib::Server& server, WebApp& app) {
    server.Get(R"(/api/v1/responses/(\d+)/evaluation)", [&app](const httplib::Request& req, httplib::Response& res) {
        if (!require_api_user(app, req, res)) return;
        auto id = path_id(req);
        if (!id) return send_json_error(res, 404, "not_found", "Réponse introuvable.");
        auto evaluated = app.evaluations.evaluate(*id);
        if (!evaluated) return send_json_error(res, evaluated.error());
        send_json(res, 200, response_evaluation_json(*evaluated));
    });

    server.Get(R"(/api/v1/acquisitions/(\d+)/comparison)", [&app](const httplib::Request& req, httplib::Response& res) {
        if (!require_api_user(app, req, res)) return;
        auto id = path_id(req);
        if (!id) return send_json_error(res, 404, "not_found", "Achat introuvable.");
        auto comparison = app.evaluations.compare(*id);
        if (!comparison) return send_json_error(res, comparison.error());
        auto filter = comparison_filter_from(req, *comparison->questionnaire);
        if (!filter) return send_json_error(res, filter.error());
        std::vector<ComparisonRow> rows;
        for (auto& row : compare_responses(*comparison->questionnaire, comparison->compared()))
            if (filter->keeps(row, *comparison->questionnaire)) rows.push_back(std::move(row));
        send_json(res, 200, comparison_json(*comparison, rows));
    });
}

}  // namespace cyberachat::web
