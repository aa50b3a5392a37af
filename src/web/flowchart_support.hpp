#pragma once
// Shared by the flowchart pages and the flowchart API: which part a URL names, where the boxes
// link on each side, and the chart of a part (or the overview) with or without a response.
#include <memory>
#include <optional>
#include <string>

#include "core/questionnaire.hpp"
#include "core/result.hpp"
#include "outputs/flowchart/response_flowchart.hpp"
#include "services/response_service.hpp"
#include "web/views/flowchart_page.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

// Who looks at the chart: decides the links — none (the public questionnaire's), the read-only
// preview of each page (the questionnaire's, seen by hospital staff), the hospital's reading page
// of a response, the vendor's pages.
enum class FlowchartSide { questionnaire, staff, hospital, vendor };

// "{part}" of a URL: the part's id or its number 1…N.
std::optional<size_t> flowchart_part(const Questionnaire& questionnaire, const std::string& text);

flowchart::ChartLinks flowchart_links(FlowchartSide side, Id response_id = 0);

// The 404 message for an unknown part, in the given language.
std::string unknown_part_message(const Questionnaire& questionnaire, const std::string& text, Language language);

// A part's chart as a standalone .svg file (with the response's statuses when `snapshot` is set).
Result<std::string> flowchart_svg_file(WebApp& app, const std::shared_ptr<const Questionnaire>& questionnaire,
                                       size_t part_index, Language language, FlowchartSide side,
                                       const services::ResponseSnapshot* snapshot, Id response_id = 0);

// The page of a part's chart (`part_index` set) or of the overview of the parts.
Result<views::FlowchartPage> flowchart_page(WebApp& app, const std::shared_ptr<const Questionnaire>& questionnaire,
                                            std::optional<size_t> part_index, Language language, FlowchartSide side,
                                            const services::ResponseSnapshot* snapshot, const std::string& current_section,
                                            Id response_id = 0);

}  // namespace cyberachat::web
