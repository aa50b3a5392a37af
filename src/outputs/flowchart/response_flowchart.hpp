#pragma once
// A chart with a response on it: each page complete / incomplete / not applicable (the branch not
// taken) / current, each decision with the answer given, the path taken emphasized, each box a link
// to its page. Statuses are shown by text and pattern (dashed, heavy) as well as by colour. Filled
// into the cached template by string concatenation: no layout per request.
#include <string>
#include <string_view>
#include <vector>

#include "core/answer.hpp"
#include "core/engine.hpp"
#include "outputs/flowchart/flowchart_drawing.hpp"

namespace cyberachat::flowchart {

// Where the boxes lead. Empty prefixes: no links.
struct ChartLinks {
    std::string section_prefix;   // + section id (+ section_suffix), e.g. "/vendor/sections/"
    std::string section_suffix;
    std::string question_prefix;  // decisions: + page id + "#q-" + question id when `question_on_page`,
    bool question_on_page = true; //   else + question id, e.g. "/responses/7#q-"
    bool link_hidden_sections = true;  // also link pages that do not apply
    std::string part_prefix;      // + part number: the part charts (exit box, overview boxes)
    std::string part_suffix;
};

struct ResponseState {
    const Evaluation& evaluation;
    const AnswerSet& answers;
    std::string_view current_section;  // section id shown as "current page" (may be empty)
};

enum class NodeStatus { plain, complete, incomplete, not_applicable, current, answered_yes, answered_no, unanswered };

// One line of the text version of a chart, in reading order.
struct ChartItem {
    std::string key;       // node key: "s-<section id>", "d-<question id>", "p-<part id>", "entry", "exit"
    std::string label;     // plain text
    std::string status;    // plain text, e.g. "incomplet"
    std::string href;      // may be empty
    NodeStatus status_kind = NodeStatus::plain;
    bool decision = false;
};

struct ChartView {
    std::string svg;                 // <svg …>…</svg>
    std::vector<ChartItem> items;    // the same chart as a list
};

// The definition's chart (no response): question counts in the boxes.
// `standalone`: an .svg file (XML declaration, its own <style>-free colours); else for inline HTML.
std::string render_plain_svg(const ChartTemplate& chart, const ChartLinks& links, bool standalone);
// A response's chart.
std::string render_response_svg(const ChartTemplate& chart, const ResponseState& state, const ChartLinks& links,
                                bool standalone);
// Inline SVG and text list together, for the pages.
ChartView render_plain_view(const ChartTemplate& chart, const ChartLinks& links);
ChartView render_response_view(const ChartTemplate& chart, const ResponseState& state, const ChartLinks& links);

// Node statuses of a part chart for a response (by node index), and the edges taken (by edge index).
std::vector<NodeStatus> node_statuses(const ChartTemplate& chart, const ResponseState& state);
std::vector<bool> taken_edges(const ChartTemplate& chart, const ResponseState& state);

}  // namespace cyberachat::flowchart
