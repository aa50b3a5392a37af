// Hospital pages of the evaluation: the comparison of every vendor of a purchase, and the review
// forms of the response page (reviews of answers, advisory opinions).
#include "web/routes/evaluation_routes.hpp"

#include "core/text_format.hpp"
#include "web/access/access_guard.hpp"

#include <cstdlib>

#include "core/ascii_text.hpp"
#include "web/comparison_filter.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/response_routes.hpp"
#include "web/routes/routes.hpp"
#include "web/views/comparison_page.hpp"

namespace cyberachat::web {

namespace evaluation_routes {

// GET /acquisitions/{id}/comparison
void comparison_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    auto comparison = id ? app.evaluations.compare(*id, comparison_scope_from(req))
                         : Result<services::Comparison>(Error::make(ErrorCode::not_found, ""));
    if (!comparison) {
        if (comparison.error().code == ErrorCode::not_found) return send_error_page(res, 404, "Cet achat n'existe pas.");
        return send_error_page(res, comparison.error());
    }
    auto filter = comparison_filter_from(req, *comparison->questionnaire);
    if (!filter) return send_error_page(res, 422, filter.error().message.fr);
    const auto compared = comparison->compared();
    const auto rows = compare_responses(*comparison->questionnaire, compared);
    views::ComparisonPage page{comparison->acquisition, *comparison->questionnaire, *comparison->grid, {}, rows,
                               ranking(compared), *filter, &comparison->weights};
    page.include_drafts = comparison->scope.include_drafts;
    page.left_out = &comparison->left_out;
    for (const auto& vendor : comparison->vendors)
        page.vendors.push_back({vendor.snapshot.response, vendor.card, vendor.snapshot.documents, &vendor.opinions, &vendor.support});
    auto context = hospital_context(*caller, "Comparaison — " + comparison->acquisition.title);
    take_flash(req, res, app, context);
    send_html(res, 200, views::render_comparison_page(context, page));
}

// POST /acquisitions/{id}/weights
// The weights form: "w:<question id>" fields; empty means the grid's weight.
void save_weights(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto acquisition = find_by_path_id(app.acquisitions, req);
    if (!acquisition) return send_error_page(res, acquisition.error());
    const Id id = acquisition->id;
    size_t changed = 0;
    for (const auto& [name, raw] : req.params) {
        if (name.rfind("w:", 0) != 0) continue;
        const std::string question_id = name.substr(2);
        std::string text(trim(raw));
        std::optional<double> weight;
        if (!text.empty()) {
            for (char& c : text)
                if (c == ',') c = '.';
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (end != text.c_str() + text.size())
                return send_error_page(res, 422, "Poids illisible pour « " + question_id + " » : « " + raw + " ». Saisissez un nombre.");
            weight = value;
        }
        auto before = app.evaluations.weights_for(id);
        if (!before) return send_error_page(res, before.error());
        auto saved = app.evaluations.set_weight(id, question_id, weight, acting_user(*caller, req), caller->actor());
        if (!saved) return send_error_page(res, saved.error());
        auto after = app.evaluations.weights_for(id);
        if (!after) return send_error_page(res, after.error());
        if (*before != *after) ++changed;
    }
    set_flash(res, app, count_with_noun(changed, "poids modifié", "poids modifiés", Language::fr) + " pour cet achat.");
    redirect(res, "/acquisitions/" + std::to_string(id) + "/comparison#poids");
}

// POST /responses/{id}/reviews
void add_review(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto id = path_id(req);
    if (!id) return send_error_page(res, 404, "Cette réponse n'existe pas.");
    services::ReviewInput input{form_value(req, "question_id"), form_value(req, "status"), form_value(req, "comment"),
                                form_value(req, "vendor_question")};
    auto added = app.evaluations.add_review(*id, input, acting_user(*caller, req), caller->actor());
    if (!added && added.error().code == ErrorCode::invalid_value) {
        // The page again, the review's form open with what was typed and why it was refused.
        const views::ReviewDraft draft{input.question_id, input.status, input.comment, input.vendor_question,
                                       added.error().message.fr};
        return show_response_page(app, req, res, *caller, id, 422, &draft);
    }
    if (!added) return send_error_page(res, added.error());
    set_flash(res, app, "Relecture enregistrée.");
    redirect(res, "/responses/" + std::to_string(*id) + "#q-" + input.question_id);
}

// POST /responses/{id}/opinion
void save_opinion(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller || !require_csrf(req, res, *caller->session, Language::fr)) return;
    auto id = path_id(req);
    if (!id) return send_error_page(res, 404, "Cette réponse n'existe pas.");
    auto saved = app.evaluations.set_opinion(*id, form_value(req, "verdict"), form_value(req, "text"), acting_user(*caller, req),
                                             caller->actor());
    if (!saved) return send_error_page(res, saved.error());
    set_flash(res, app, "Avis enregistré (consultatif).");
    redirect(res, "/responses/" + std::to_string(*id) + "#evaluation");
}

}  // namespace evaluation_routes

void register_evaluation_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/acquisitions/{acquisition}/comparison", evaluation_routes::comparison_page);
    add_route(server, app, "POST", "/acquisitions/{acquisition}/weights", evaluation_routes::save_weights);
    add_route(server, app, "POST", "/responses/{response}/reviews", evaluation_routes::add_review);
    add_route(server, app, "POST", "/responses/{response}/opinion", evaluation_routes::save_opinion);
}

}  // namespace cyberachat::web
