#include "web/flowchart_support.hpp"

#include "web/views/page_context.hpp"

namespace cyberachat::web {
namespace {

using views::L;

std::string base_path(FlowchartSide side, Id response_id) {
    switch (side) {
        case FlowchartSide::questionnaire:
        case FlowchartSide::staff: return "/flowcharts";
        case FlowchartSide::hospital: return "/responses/" + std::to_string(response_id) + "/flowcharts";
        case FlowchartSide::vendor: return "/vendor/flowcharts";
    }
    return "/flowcharts";
}

std::string svg_path(FlowchartSide side, Id response_id, size_t part_index) {
    const std::string file = "/flowcharts/" + std::to_string(part_index + 1) + ".svg";
    switch (side) {
        case FlowchartSide::questionnaire:
        case FlowchartSide::staff: return "/api/v1/questionnaire" + file;
        case FlowchartSide::hospital: return "/api/v1/responses/" + std::to_string(response_id) + file;
        case FlowchartSide::vendor: return "/api/v1/vendor" + file;
    }
    return {};
}

std::vector<views::FlowchartListItem> list_items(const std::vector<flowchart::ChartItem>& items) {
    std::vector<views::FlowchartListItem> out;
    out.reserve(items.size());
    for (const auto& item : items) out.push_back(views::FlowchartListItem{item.label, item.status, item.href, item.decision});
    return out;
}

}  // namespace

std::optional<size_t> flowchart_part(const Questionnaire& questionnaire, const std::string& text) {
    return flowchart::find_part_index(questionnaire, text);
}

flowchart::ChartLinks flowchart_links(FlowchartSide side, Id response_id) {
    flowchart::ChartLinks links;
    links.part_prefix = base_path(side, response_id) + "/";
    if (side == FlowchartSide::hospital) {
        const std::string page = "/responses/" + std::to_string(response_id);
        links.section_prefix = page + "#s-";
        links.question_prefix = page + "#q-";
        links.question_on_page = false;
        links.link_hidden_sections = false;  // the reading page shows only the pages that apply
    } else if (side == FlowchartSide::vendor) {
        links.section_prefix = "/vendor/sections/";
        links.question_prefix = "/vendor/sections/";
    } else if (side == FlowchartSide::staff) {
        links.section_prefix = "/questionnaire/sections/";
        links.question_prefix = "/questionnaire/sections/";
    }
    return links;
}

std::string unknown_part_message(const Questionnaire& questionnaire, const std::string& text, Language language) {
    const std::string count = std::to_string(questionnaire.parts.size());
    return language == Language::en
               ? "Unknown part \"" + text + "\": give its number (1 to " + count + ") or its id."
               : "Partie inconnue\u00A0: «\u00A0" + text + "\u00A0». Indiquez son numéro (1 à " + count + ") ou son identifiant.";
}

Result<std::string> flowchart_svg_file(WebApp& app, const std::shared_ptr<const Questionnaire>& questionnaire,
                                       size_t part_index, Language language, FlowchartSide side,
                                       const services::ResponseSnapshot* snapshot, Id response_id) {
    auto chart = app.flowcharts.part(questionnaire, part_index, language);
    if (!chart) return chart.error();
    const auto links = flowchart_links(side, response_id);
    if (!snapshot) return flowchart::render_plain_svg(**chart, links, true);
    return flowchart::render_response_svg(**chart, flowchart::ResponseState{snapshot->evaluation, snapshot->answer_set, ""},
                                          links, true);
}

Result<views::FlowchartPage> flowchart_page(WebApp& app, const std::shared_ptr<const Questionnaire>& questionnaire,
                                            std::optional<size_t> part_index, Language language, FlowchartSide side,
                                            const services::ResponseSnapshot* snapshot, const std::string& current_section,
                                            Id response_id) {
    auto chart = part_index ? app.flowcharts.part(questionnaire, *part_index, language)
                            : app.flowcharts.overview(questionnaire, language);
    if (!chart) return chart.error();
    const auto links = flowchart_links(side, response_id);
    flowchart::ChartView view =
        snapshot ? flowchart::render_response_view(
                       **chart, flowchart::ResponseState{snapshot->evaluation, snapshot->answer_set, current_section}, links)
                 : flowchart::render_plain_view(**chart, links);
    views::FlowchartPage page;
    page.heading = (*chart)->title;
    page.svg = std::move(view.svg);
    page.items = list_items(view.items);
    page.with_statuses = snapshot != nullptr;
    const std::string base = base_path(side, response_id);
    page.tabs.push_back(views::FlowchartTab{L(language, "Vue d'ensemble", "Overview"), base, !part_index});
    for (const Part& part : questionnaire->parts) {
        const std::string& name = part.short_title.in(language).empty() ? part.title.in(language) : part.short_title.in(language);
        page.tabs.push_back(views::FlowchartTab{std::string(L(language, "Partie ", "Part ")) + std::to_string(part.index + 1) +
                                                    " — " + name,
                                                base + "/" + std::to_string(part.index + 1),
                                                part_index && *part_index == part.index});
    }
    if (part_index) page.svg_href = svg_path(side, response_id, *part_index);
    switch (side) {
        case FlowchartSide::questionnaire:
        case FlowchartSide::staff:
            page.back_href = "/help";
            page.back_label = L(language, "Aide et mode d'emploi", "Help and instructions");
            break;
        case FlowchartSide::hospital:
            page.back_href = "/responses/" + std::to_string(response_id);
            page.back_label = "Retour à la réponse";
            break;
        case FlowchartSide::vendor:
            page.back_href = "/vendor";
            page.back_label = L(language, "Retour à l'accueil du questionnaire", "Back to the questionnaire's home page");
            break;
    }
    return page;
}

}  // namespace cyberachat::web
