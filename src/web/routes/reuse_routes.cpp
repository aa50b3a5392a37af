// A vendor starts from its company's earlier response: list, preview, apply.
#include "web/routes/reuse_routes.hpp"

#include "core/purchase_title.hpp"
#include "web/access/access_guard.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/reuse_page.hpp"

namespace cyberachat::web {
namespace {

struct ReuseTarget {
    VendorCaller caller;
    Language language = Language::fr;
    views::PageContext context;
    views::ReusePageView view;
};

std::optional<ReuseTarget> reuse_target(WebApp& app, const httplib::Request& req, httplib::Response& res, bool post) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return std::nullopt;
    const Language language = parse_language(caller->session->language);
    if (post && !require_csrf(req, res, *caller->session, language)) return std::nullopt;
    auto acquisition = app.acquisitions.find(caller->response.acquisition_id);
    if (!acquisition) {
        send_error_page(res, acquisition.error(), language);
        return std::nullopt;
    }
    ReuseTarget target{*caller, language,
                       vendor_context(app, *caller, in_language(language, "Réponses antérieures", "Earlier responses"), req), {}};
    target.view.subject = title_for(*acquisition, language);
    target.view.submitted = caller->response.status == ResponseStatus::submitted;
    target.view.locked = import_lock_text(*acquisition, caller->response, app.responses.clock().now_utc_seconds(), language);
    return target;
}

void render_reuse(httplib::Response& res, int status, const ReuseTarget& target) {
    send_html(res, status, views::render_reuse_page(target.context, target.view));
}

void render_reuse_error(httplib::Response& res, ReuseTarget& target, const Error& error) {
    target.view.error = error.message.in(target.language);
    render_reuse(res, status_for(error), target);
}

void run_reuse(WebApp& app, const httplib::Request& req, httplib::Response& res, bool apply) {
    auto target = reuse_target(app, req, res, apply);
    if (!target) return;
    const auto earlier_id = path_id(req);
    if (!earlier_id) return render_reuse_error(res, *target, Error::make(ErrorCode::not_found, "Réponse antérieure introuvable.",
                                                                    "Earlier response not found."));
    auto outcome = app.reuse.reuse(target->caller.response.id, *earlier_id, apply, target->language, target->caller.actor());
    if (!outcome) return render_reuse_error(res, *target, outcome.error());
    target->view.outcome = &*outcome;
    render_reuse(res, 200, *target);
}

}  // namespace

namespace reuse_routes {

void earlier_list(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto target = reuse_target(app, req, res, false);
    if (!target) return;
    auto earlier = app.reuse.earlier_responses(target->caller.response.id, target->language);
    if (!earlier) return render_reuse_error(res, *target, earlier.error());
    target->view.earlier = &*earlier;
    render_reuse(res, 200, *target);
}

void preview(WebApp& app, const httplib::Request& req, httplib::Response& res) { run_reuse(app, req, res, false); }
void apply(WebApp& app, const httplib::Request& req, httplib::Response& res) { run_reuse(app, req, res, true); }

}  // namespace reuse_routes

void register_reuse_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/vendor/reuse", reuse_routes::earlier_list);
    add_route(server, app, "GET", "/vendor/reuse/{response}", reuse_routes::preview);
    add_route(server, app, "POST", "/vendor/reuse/{response}", reuse_routes::apply);
}

}  // namespace cyberachat::web
