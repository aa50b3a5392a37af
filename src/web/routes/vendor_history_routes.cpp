// Hospital pages of a vendor's history across purchases, and two responses side by side.
#include "web/routes/vendor_history_routes.hpp"

#include "services/vendor_history_service.hpp"
#include "web/access/access_guard.hpp"
#include "web/history_pair_query.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/response_pair_page.hpp"
#include "web/views/vendor_history_page.hpp"

namespace cyberachat::web {

namespace vendor_history_routes {

// GET /responses/{id}/history
void history_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    if (!id) return send_error_page(res, 404, "Cette réponse n'existe pas.");
    auto asked = history_pair_from(req);
    if (!asked) return send_error_page(res, asked.error(), hospital_context(*caller, "Historique du fournisseur"));
    services::VendorHistoryService service(*app.store, app.evaluations);
    auto history = service.history(*id, caller->user);
    if (!history) return send_error_page(res, history.error(), hospital_context(*caller, "Historique du fournisseur"));
    const auto pair = *asked ? *asked : history->default_pair();
    std::optional<services::HistoryChanges> changes;
    if (pair) {
        auto found = history->changes(pair->first, pair->second);
        if (!found) return send_error_page(res, found.error(), hospital_context(*caller, "Historique du fournisseur"));
        changes = std::move(*found);
    }
    const services::ResponseEvaluation* subject = history->find(history->subject);
    views::VendorHistoryPage page{subject->snapshot.response, history->linked, {}, history->left_out_older, 0, 0, std::nullopt};
    for (const auto& entry : history->responses)
        page.rows.push_back({entry.snapshot.acquisition, entry.snapshot.response, entry.card, entry.support.findings.size()});
    if (changes) {
        page.from = changes->from->snapshot.response.id;
        page.to = changes->to->snapshot.response.id;
        page.changes.emplace(views::HistoryChangesView{changes->from->snapshot.response, changes->to->snapshot.response,
                                                       services::answer_side(*changes->from),
                                                       services::answer_side(*changes->to), changes->to == changes->newer,
                                                       changes->changes()});
    }
    auto context = hospital_context(*caller, "Historique — " + subject->snapshot.response.company);
    send_html(res, 200, views::render_vendor_history_page(context, page));
}

// GET /responses/{id}/compare/{other}
void compare_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto first = path_id(req), second = path_id(req, 2);
    if (!first || !second) return send_error_page(res, 404, "Cette réponse n'existe pas.");
    services::VendorHistoryService service(*app.store, app.evaluations);
    auto pair = service.pair(*first, *second, caller->user);
    if (!pair) return send_error_page(res, pair.error(), hospital_context(*caller, "Page introuvable"));
    auto paired = [](const services::ResponseEvaluation& evaluation) {
        return views::PairedResponse{evaluation.snapshot.acquisition, evaluation.snapshot.response,
                                     evaluation.snapshot.evaluation, evaluation.card, services::answer_side(evaluation)};
    };
    const views::ResponsePairPage page{paired(pair->first), paired(pair->second), pair->same_company, pair->comparison};
    auto context = hospital_context(*caller, "Comparer les réponses n° " + std::to_string(*first) + " et n° " +
                                                 std::to_string(*second));
    send_html(res, 200, views::render_response_pair_page(context, page));
}

}  // namespace vendor_history_routes

void register_vendor_history_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/responses/{response}/history", vendor_history_routes::history_page);
    add_route(server, app, "GET", "/responses/{response}/compare/{other}", vendor_history_routes::compare_page);
}

}  // namespace cyberachat::web
