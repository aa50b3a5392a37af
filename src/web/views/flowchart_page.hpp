#pragma once
// Pages that show the logigrammes: the overview of the parts and one part's flowchart, either of
// the questionnaire alone or with a response on it (hospital and vendor sides).
#include <string>
#include <vector>

#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

// One line of the chart's text version (same content as the drawing).
struct FlowchartListItem {
    std::string label;
    std::string status;  // may be empty
    std::string href;    // may be empty
    bool decision = false;
};

struct FlowchartTab {
    std::string label;  // "Vue d'ensemble", "Partie 1 — Dispositif"
    std::string href;
    bool current = false;
};

struct FlowchartPage {
    std::string kicker;                    // e.g. "Medica SA — Échographes 2027"
    std::string heading;                   // e.g. "Logigramme de la partie 1 — Dispositif"
    std::string svg;                       // trusted: produced by the flowchart module, inline SVG
    std::vector<FlowchartListItem> items;  // text version
    std::vector<FlowchartTab> tabs;        // overview + each part
    bool with_statuses = false;            // a response is shown: legend of the statuses
    std::string back_href;
    std::string back_label;
    std::string svg_href;                  // download of the SVG (may be empty)
};

// The chart in a <figure> (inline SVG, role and aria-label on it, a <title> per box, links reachable
// with the keyboard), the legend of statuses and patterns, the text version as a list, the tabs.
std::string render_flowchart_page(const PageContext& context, const FlowchartPage& page);

}  // namespace cyberachat::web::views
