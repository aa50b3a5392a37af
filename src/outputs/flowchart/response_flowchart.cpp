#include "outputs/flowchart/response_flowchart.hpp"

#include "core/markup_escape.hpp"

namespace cyberachat::flowchart {
namespace {

constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";

// Presentation attributes: colour, and a pattern or weight that says the same without colour.
constexpr std::string_view kBoxPlain = R"(fill="#ffffff" stroke="#1f3a5f" stroke-width="1.2")";
constexpr std::string_view kTerminal = R"(fill="#eef2f7" stroke="#1f3a5f" stroke-width="1.2")";
constexpr std::string_view kComplete = R"(fill="#e3f4e8" stroke="#1b6e33" stroke-width="1.6")";
constexpr std::string_view kIncomplete = R"(fill="#fff1d6" stroke="#8a5300" stroke-width="1.6")";
constexpr std::string_view kNotApplicable = R"(fill="#f2f2f2" stroke="#6e6e6e" stroke-width="1.2" stroke-dasharray="5,3")";
constexpr std::string_view kCurrent = R"(fill="#dde9fb" stroke="#0b4fa8" stroke-width="3.5")";
constexpr std::string_view kAnswered = R"(fill="#fff8d6" stroke="#6b5900" stroke-width="1.6")";
constexpr std::string_view kUnanswered = R"(fill="#ffffff" stroke="#8a5300" stroke-width="1.6" stroke-dasharray="2,2")";
constexpr std::string_view kLinePlain = R"(fill="none" stroke="#333333")";
constexpr std::string_view kArrowPlain = R"(fill="#333333" stroke="#333333")";
constexpr std::string_view kLineTaken = R"(fill="none" stroke="#0b4fa8" stroke-width="3")";
constexpr std::string_view kArrowTaken = R"(fill="#0b4fa8" stroke="#0b4fa8" stroke-width="2")";
constexpr std::string_view kLineOther = R"(fill="none" stroke="#8c8c8c" stroke-dasharray="4,3")";
constexpr std::string_view kArrowOther = R"(fill="#8c8c8c" stroke="#8c8c8c")";

std::string_view status_class(NodeStatus status) {
    switch (status) {
        case NodeStatus::plain: return "";
        case NodeStatus::complete: return "fc-st-complete";
        case NodeStatus::incomplete: return "fc-st-incomplete";
        case NodeStatus::not_applicable: return "fc-st-na";
        case NodeStatus::current: return "fc-st-current";
        case NodeStatus::answered_yes: return "fc-st-answered fc-answer-oui";
        case NodeStatus::answered_no: return "fc-st-answered fc-answer-non";
        case NodeStatus::unanswered: return "fc-st-unanswered";
    }
    return "";
}

std::string_view status_style(NodeStatus status) {
    switch (status) {
        case NodeStatus::plain: return kBoxPlain;
        case NodeStatus::complete: return kComplete;
        case NodeStatus::incomplete: return kIncomplete;
        case NodeStatus::not_applicable: return kNotApplicable;
        case NodeStatus::current: return kCurrent;
        case NodeStatus::answered_yes:
        case NodeStatus::answered_no: return kAnswered;
        case NodeStatus::unanswered: return kUnanswered;
    }
    return kBoxPlain;
}

const char* status_text(NodeStatus status, const StatusTexts& st) {
    switch (status) {
        case NodeStatus::plain: return "";
        case NodeStatus::complete: return st.complete;
        case NodeStatus::incomplete: return st.incomplete;
        case NodeStatus::not_applicable: return st.not_applicable;
        case NodeStatus::current: return st.current;
        case NodeStatus::answered_yes: return st.answer_yes;
        case NodeStatus::answered_no: return st.answer_no;
        case NodeStatus::unanswered: return st.unanswered;
    }
    return "";
}

bool is_terminal(const ChartTemplate& chart, size_t node) {
    if (chart.model) return node == PartFlowchart::kEntry || node == PartFlowchart::kExit;
    return node == 0 || node + 1 == chart.labels.size();
}

std::string node_href(const ChartTemplate& chart, size_t index, const ChartLinks& links, bool applies) {
    if (chart.overview) {
        if (index == 0 || index + 1 == chart.labels.size() || links.part_prefix.empty()) return {};
        return links.part_prefix + std::to_string(index) + links.part_suffix;
    }
    const Node& node = chart.model->nodes[index];
    switch (node.kind) {
        case NodeKind::entry: return {};
        case NodeKind::exit:
            if (links.part_prefix.empty() || chart.part_index + 1 >= chart.questionnaire->parts.size()) return {};
            return links.part_prefix + std::to_string(chart.part_index + 2) + links.part_suffix;
        case NodeKind::section:
            if (links.section_prefix.empty() || (!applies && !links.link_hidden_sections)) return {};
            return links.section_prefix + node.section->id + links.section_suffix;
        case NodeKind::decision:
            if (links.question_prefix.empty() || (!applies && !links.link_hidden_sections)) return {};
            return links.question_on_page ? links.question_prefix + node.section->id + "#q-" + node.question->id
                                          : links.question_prefix + node.question->id;
    }
    return {};
}

std::string root_attributes(const ChartTemplate& chart, bool has_links) {
    std::string out = has_links ? "role=\"group\" aria-label=\"" : "role=\"img\" aria-label=\"";
    append_markup_escaped(out, chart.title);
    out += "\" class=\"flowchart-svg\"";
    return out;
}

// Renders the chart with one status and one style per node and a style per edge.
ChartView render(const ChartTemplate& chart, const std::vector<NodeStatus>& statuses,
                 const std::vector<std::string>& status_overrides, const std::vector<bool>* taken,
                 const ChartLinks& links, bool standalone, bool with_items) {
    const StatusTexts& st = status_texts(chart.language);
    const size_t count = chart.labels.size();
    std::vector<std::string> titles(count), hrefs(count), status_xml(count);
    std::vector<NodeLook> looks(count);
    bool any_link = false;
    for (size_t i = 0; i < count; ++i) {
        const NodeStatus status = statuses[i];
        const bool plain = status == NodeStatus::plain;
        const std::string& text_xml = status_overrides[i].empty()
                                          ? (plain ? chart.plain_status_xml[i] : (status_xml[i] = markup_escaped(status_text(status, st))))
                                          : (status_xml[i] = markup_escaped(status_overrides[i]));
        titles[i].reserve(chart.labels_xml[i].size() + text_xml.size() + 8);
        titles[i] = chart.labels_xml[i];
        if (!text_xml.empty()) {
            titles[i] += " — ";
            titles[i] += text_xml;
        }
        hrefs[i] = node_href(chart, i, links, status != NodeStatus::not_applicable);
        if (!hrefs[i].empty()) {
            hrefs[i] = markup_escaped(hrefs[i]);
            any_link = true;
        }
        NodeLook& look = looks[i];
        look.css_class = status_class(status);
        look.title = titles[i];
        look.href = hrefs[i];
        look.link_label = titles[i];
        look.status = text_xml;
        look.shape_style = is_terminal(chart, i) ? kTerminal : status_style(status);
    }
    std::vector<EdgeLook> edges(chart.svg.edge_count());
    for (size_t j = 0; j < edges.size(); ++j) {
        if (!taken) edges[j] = EdgeLook{"", kLinePlain, kArrowPlain};
        else if ((*taken)[j]) edges[j] = EdgeLook{"fc-taken", kLineTaken, kArrowTaken};
        else edges[j] = EdgeLook{"fc-not-taken", kLineOther, kArrowOther};
    }
    ChartView view;
    if (standalone) view.svg = kXmlDeclaration;
    chart.svg.render(view.svg, root_attributes(chart, any_link), looks, edges);
    if (standalone) view.svg += '\n';
    if (!with_items) return view;
    // The text version, in reading order.
    std::vector<size_t> order;
    if (chart.model) {
        order.push_back(PartFlowchart::kEntry);
        order.insert(order.end(), chart.model->order.begin(), chart.model->order.end());
        order.push_back(PartFlowchart::kExit);
    } else {
        for (size_t i = 0; i < count; ++i) order.push_back(i);
    }
    for (size_t i : order) {
        ChartItem item;
        if (chart.model) item.key = chart.model->nodes[i].key;
        else item.key = i == 0 ? "entry" : i + 1 == count ? "exit" : "p-" + chart.questionnaire->parts[i - 1].id;
        item.label = chart.labels[i];
        item.status_kind = statuses[i];
        item.status = !status_overrides[i].empty() ? status_overrides[i]
                      : statuses[i] == NodeStatus::plain ? std::string()
                                                         : std::string(status_text(statuses[i], st));
        item.href = node_href(chart, i, links, statuses[i] != NodeStatus::not_applicable);
        item.decision = chart.model && chart.model->nodes[i].kind == NodeKind::decision;
        view.items.push_back(std::move(item));
    }
    return view;
}

std::vector<std::string> plain_overrides(const ChartTemplate& chart) { return std::vector<std::string>(chart.labels.size()); }

// Statuses and per-node texts of the overview for a response: each part complete or its percentage.
void overview_statuses(const ChartTemplate& chart, const ResponseState& state, std::vector<NodeStatus>& statuses,
                       std::vector<std::string>& texts) {
    const Questionnaire& questionnaire = *chart.questionnaire;
    statuses.assign(chart.labels.size(), NodeStatus::plain);
    texts.assign(chart.labels.size(), "");
    for (size_t p = 0; p < questionnaire.parts.size(); ++p) {
        const Part& part = questionnaire.parts[p];
        bool any_visible = false, complete = true, current = false;
        for (const Section& section : part.sections) {
            const SectionState& s = state.evaluation.sections[section.index];
            if (!s.visible) continue;
            any_visible = true;
            complete = complete && s.complete();
            current = current || section.id == state.current_section;
        }
        NodeStatus& status = statuses[p + 1];
        if (!any_visible) status = NodeStatus::not_applicable;
        else if (current) status = NodeStatus::current;
        else if (complete) status = NodeStatus::complete;
        else status = NodeStatus::incomplete;
        if (status == NodeStatus::incomplete || status == NodeStatus::current) {
            const int percent = state.evaluation.parts[p].percent();
            texts[p + 1] = std::to_string(percent) + in_language(chart.language, "\u202F%", "%");
            if (status == NodeStatus::current)
                texts[p + 1] = std::string(status_texts(chart.language).current) + " · " + texts[p + 1];
        }
    }
}

}  // namespace

std::vector<NodeStatus> node_statuses(const ChartTemplate& chart, const ResponseState& state) {
    std::vector<NodeStatus> statuses(chart.labels.size(), NodeStatus::plain);
    if (!chart.model) return statuses;
    const Evaluation& evaluation = state.evaluation;
    for (size_t i = 0; i < chart.model->nodes.size(); ++i) {
        const Node& node = chart.model->nodes[i];
        if (node.kind == NodeKind::section) {
            const SectionState& s = evaluation.sections[node.section->index];
            if (!s.visible) statuses[i] = NodeStatus::not_applicable;
            else if (!state.current_section.empty() && node.section->id == state.current_section) statuses[i] = NodeStatus::current;
            else statuses[i] = s.complete() ? NodeStatus::complete : NodeStatus::incomplete;
        } else if (node.kind == NodeKind::decision) {
            if (!evaluation.question_visible[node.question->index]) {
                statuses[i] = NodeStatus::not_applicable;
                continue;
            }
            auto it = state.answers.find(node.question->id);
            const Branch branch = branch_of(it == state.answers.end() ? nullptr : &it->second.value);
            statuses[i] = branch == Branch::yes  ? NodeStatus::answered_yes
                          : branch == Branch::no ? NodeStatus::answered_no
                                                 : NodeStatus::unanswered;
        }
    }
    return statuses;
}

std::vector<bool> taken_edges(const ChartTemplate& chart, const ResponseState& state) {
    std::vector<bool> taken(chart.svg.edge_count(), false);
    if (!chart.model) return taken;
    const PartFlowchart& model = *chart.model;
    const Evaluation& evaluation = state.evaluation;
    auto reached = [&](size_t node) { return evaluation.sections[model.nodes[node].section->index].visible; };
    size_t current = PartFlowchart::kEntry;
    for (size_t step = 0; step <= model.nodes.size() && current != PartFlowchart::kExit; ++step) {
        const Node& node = model.nodes[current];
        EdgeKind kind = EdgeKind::next;
        if (node.kind == NodeKind::decision) {
            if (!evaluation.question_visible[node.question->index]) break;
            auto it = state.answers.find(node.question->id);
            const Branch branch = branch_of(it == state.answers.end() ? nullptr : &it->second.value);
            if (branch == Branch::unanswered) break;  // the path stops at an unanswered decision
            kind = branch == Branch::yes ? EdgeKind::yes : EdgeKind::no;
        }
        const size_t next = next_node(model, current, reached);
        if (auto edge = model.find_edge(current, next, kind)) taken[*edge] = true;
        current = next;
    }
    return taken;
}

std::string render_plain_svg(const ChartTemplate& chart, const ChartLinks& links, bool standalone) {
    std::vector<NodeStatus> statuses(chart.labels.size(), NodeStatus::plain);
    return render(chart, statuses, plain_overrides(chart), nullptr, links, standalone, false).svg;
}

ChartView render_plain_view(const ChartTemplate& chart, const ChartLinks& links) {
    std::vector<NodeStatus> statuses(chart.labels.size(), NodeStatus::plain);
    return render(chart, statuses, plain_overrides(chart), nullptr, links, false, true);
}

namespace {
ChartView render_response(const ChartTemplate& chart, const ResponseState& state, const ChartLinks& links,
                          bool standalone, bool with_items) {
    std::vector<NodeStatus> statuses;
    std::vector<std::string> texts;
    if (chart.overview) {
        overview_statuses(chart, state, statuses, texts);
        return render(chart, statuses, texts, nullptr, links, standalone, with_items);
    }
    statuses = node_statuses(chart, state);
    texts.assign(chart.labels.size(), "");
    std::vector<bool> taken = taken_edges(chart, state);
    // Entry and exit keep their plain texts ("Début", "vers la partie 2").
    for (size_t i : {PartFlowchart::kEntry, PartFlowchart::kExit}) statuses[i] = NodeStatus::plain;
    return render(chart, statuses, texts, &taken, links, standalone, with_items);
}
}  // namespace

std::string render_response_svg(const ChartTemplate& chart, const ResponseState& state, const ChartLinks& links,
                                bool standalone) {
    return render_response(chart, state, links, standalone, false).svg;
}

ChartView render_response_view(const ChartTemplate& chart, const ResponseState& state, const ChartLinks& links) {
    return render_response(chart, state, links, false, true);
}

}  // namespace cyberachat::flowchart
