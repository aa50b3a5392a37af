// The logigrammes as pages: the questionnaire's (public, like the help), a response's for the
// hospital, and the vendor's own. Each page: overview of the parts, or one part's flowchart.
#include "web/routes/flowchart_routes.hpp"

#include "core/purchase_title.hpp"
#include "web/access/access_guard.hpp"

#include <tuple>

#include "web/flowchart_support.hpp"
#include "web/http_io.hpp"
#include "web/page_support.hpp"
#include "web/routes/routes.hpp"
#include "web/views/part_tabs.hpp"
#include "web/views/questionnaire_preview_page.hpp"

namespace cyberachat::web {
namespace {

// The section shown as "current page": ?current=<section id> when it is one, else `fallback`.
std::string current_section(const httplib::Request& req, const Questionnaire& questionnaire, std::string fallback) {
    const std::string asked = req.get_param_value("current");
    if (!asked.empty() && questionnaire.find_section(asked)) return asked;
    return fallback;
}

// The first page of the part that applies and is not complete: where the vendor is.
std::string first_incomplete_in_part(const services::ResponseSnapshot& snapshot, size_t part_index) {
    for (const Section& section : snapshot.questionnaire->parts[part_index].sections) {
        const SectionState& state = snapshot.evaluation.sections[section.index];
        if (state.visible && !state.complete()) return section.id;
    }
    return {};
}

// For the hospital, the page the vendor last worked on: the section of the answer saved last, when
// it is in this part and still applies. A submitted response has no current page.
std::string last_worked_in_part(const services::ResponseSnapshot& snapshot, size_t part_index) {
    if (snapshot.submitted()) return {};
    const StoredAnswer* latest = nullptr;
    for (const auto& [question_id, answer] : snapshot.answers)
        if (!latest || std::tie(answer.updated_at, answer.revision) > std::tie(latest->updated_at, latest->revision))
            latest = &answer;
    if (!latest) return {};
    const Question* question = snapshot.questionnaire->find_question(latest->question_id);
    if (!question || question->part_index != part_index) return {};
    const Section& section = *snapshot.questionnaire->sections()[question->section_index];
    return snapshot.evaluation.is_visible(section) ? section.id : std::string();
}

}  // namespace

namespace flowchart_routes {

// The questionnaire's charts, public like the help page.
void questionnaire_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    views::PageContext context;
    auto caller = hospital_from_session(app, req);
    if (caller) context = hospital_context(*caller, "");
    auto questionnaire = app.questionnaires.current();
    std::optional<size_t> part;
    if (req.matches.size() > 1) {
        part = flowchart_part(*questionnaire, req.matches[1].str());
        if (!part) return send_error_page(res, 404, unknown_part_message(*questionnaire, req.matches[1].str(), Language::fr), context);
    }
    // Hospital staff reach each page's read-only preview from its box.
    auto page = flowchart_page(app, questionnaire, part, context.language,
                               caller ? FlowchartSide::staff : FlowchartSide::questionnaire, nullptr, "");
    if (!page) return send_error_page(res, 500, page.error().message.fr, context);
    page->kicker = questionnaire->title.in(context.language);
    send_html(res, 200, views::render_flowchart_page(context, *page));
}

// GET /questionnaire/sections/{section}: one page of the questionnaire, read only (hospital staff).
void section_preview(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto questionnaire = app.questionnaires.current();
    const Section* section = req.matches.size() > 1 ? questionnaire->find_section(req.matches[1].str()) : nullptr;
    auto context = hospital_context(*caller, "");
    if (!section) return send_error_page(res, 404, "Cette page du questionnaire n'existe pas.", context);
    context.language = requested_language(req);
    context.title = section->title.in(context.language);
    send_html(res, 200, views::render_questionnaire_preview_page(context, *questionnaire, *section));
}

// A response's charts, for the hospital.
void hospital_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_hospital_page(app, req, res);
    if (!caller) return;
    auto id = path_id(req);
    auto snapshot = id ? app.responses.load(*id) : Result<services::ResponseSnapshot>(Error::make(ErrorCode::not_found, ""));
    if (!snapshot) return send_error_page(res, 404, "Cette réponse n'existe pas.");
    auto context = hospital_context(*caller, "");
    std::optional<size_t> part;
    if (req.matches.size() > 2) {
        part = flowchart_part(*snapshot->questionnaire, req.matches[2].str());
        if (!part)
            return send_error_page(res, 404, unknown_part_message(*snapshot->questionnaire, req.matches[2].str(), Language::fr),
                                   context);
    }
    const std::string current =
        current_section(req, *snapshot->questionnaire, part ? last_worked_in_part(*snapshot, *part) : "");
    auto page = flowchart_page(app, snapshot->questionnaire, part, Language::fr, FlowchartSide::hospital, &*snapshot,
                               current, *id);
    if (!page) return send_error_page(res, 500, page.error().message.fr, context);
    page->kicker = snapshot->response.company + " — " + snapshot->acquisition.title;
    send_html(res, 200, views::render_flowchart_page(context, *page));
}

// The vendor's own charts.
void vendor_page(WebApp& app, const httplib::Request& req, httplib::Response& res) {
    auto caller = require_vendor_page(app, req, res);
    if (!caller) return;
    auto snapshot = app.responses.load(caller->response.id);
    if (!snapshot) return send_error_page(res, 404, snapshot.error().message.fr);
    auto context = vendor_context(app, *caller, "", req);
    const Language language = context.language;
    std::optional<size_t> part;
    if (req.matches.size() > 1) {
        part = flowchart_part(*snapshot->questionnaire, req.matches[1].str());
        if (!part)
            return send_error_page(res, 404, unknown_part_message(*snapshot->questionnaire, req.matches[1].str(), language),
                                   context);
    }
    const std::string current =
        current_section(req, *snapshot->questionnaire, part ? first_incomplete_in_part(*snapshot, *part) : "");
    auto page = flowchart_page(app, snapshot->questionnaire, part, language, FlowchartSide::vendor, &*snapshot, current);
    if (!page) return send_error_page(res, 500, page.error().message.fr, context);
    page->kicker = title_for(snapshot->acquisition, language);
    context.part_tabs = views::vendor_part_tabs(*snapshot->questionnaire, snapshot->evaluation, language, part);
    send_html(res, 200, views::render_flowchart_page(context, *page));
}

}  // namespace flowchart_routes

void register_flowchart_routes(httplib::Server& server, WebApp& app) {
    add_route(server, app, "GET", "/flowcharts", flowchart_routes::questionnaire_page);
    add_route(server, app, "GET", "/flowcharts/{chart}", flowchart_routes::questionnaire_page);
    add_route(server, app, "GET", "/questionnaire/sections/{section}", flowchart_routes::section_preview);

    add_route(server, app, "GET", "/responses/{response}/flowcharts", flowchart_routes::hospital_page);
    add_route(server, app, "GET", "/responses/{response}/flowcharts/{chart}", flowchart_routes::hospital_page);

    add_route(server, app, "GET", "/vendor/flowcharts", flowchart_routes::vendor_page);
    add_route(server, app, "GET", "/vendor/flowcharts/{chart}", flowchart_routes::vendor_page);
}

}  // namespace cyberachat::web
