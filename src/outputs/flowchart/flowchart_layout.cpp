#include "outputs/flowchart/flowchart_layout.hpp"

#include "core/markup_escape.hpp"

#include <graphviz/gvc.h>

#include <algorithm>
#include <mutex>

namespace cyberachat::flowchart {
namespace {

// libgvc keeps global state: one context, one caller at a time.
std::mutex& gvc_mutex() {
    static std::mutex mutex;
    return mutex;
}

GVC_t* gvc_context() {  // call with gvc_mutex() held
    static GVC_t* context = gvContext();
    return context;
}

void append_dot_string(std::string& out, std::string_view text) {
    out.push_back('"');
    for (char c : text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out.push_back(c);
    }
    out.push_back('"');
}

std::string token(const char* kind, size_t index) { return "QQ" + std::string(kind) + std::to_string(index) + "Q"; }

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    std::string out;
    out.reserve(text.size());
    size_t start = 0;
    for (size_t at; (at = text.find(from, start)) != std::string::npos; start = at + from.size()) {
        out.append(text, start, at - start);
        out.append(to);
    }
    out.append(text, start);
    text = std::move(out);
}

void remove_comments(std::string& text) {
    std::string out;
    out.reserve(text.size());
    size_t start = 0;
    for (size_t at; (at = text.find("<!--", start)) != std::string::npos;) {
        out.append(text, start, at - start);
        size_t end = text.find("-->", at + 4);
        if (end == std::string::npos) {
            start = text.size();
            break;
        }
        start = end + 3;
        if (start < text.size() && text[start] == '\n') ++start;
    }
    out.append(text, start);
    text = std::move(out);
}

struct Found {
    size_t begin;
    size_t end;
    unsigned char kind;
    size_t index;
};

// The run of presentation attributes right after "<tag " (fill, stroke…), up to the geometry.
std::pair<size_t, size_t> style_run(const std::string& svg, size_t tag_begin) {
    const size_t begin = svg.find(' ', tag_begin) + 1;
    size_t end = begin;
    for (;;) {
        size_t eq = svg.find("=\"", end);
        if (eq == std::string::npos) break;
        std::string_view name(svg.data() + end, eq - end);
        if (name != "fill" && name != "stroke" && name != "stroke-width" && name != "stroke-dasharray") break;
        size_t close = svg.find('"', eq + 2);
        end = close + 1;
        if (svg[end] == ' ') ++end;
    }
    if (end > begin && svg[end - 1] == ' ') --end;
    return {begin, end};
}

}  // namespace


std::string to_dot(const Drawing& drawing) {
    std::string dot = "digraph ";
    append_dot_string(dot, drawing.title);
    dot += " {\n  graph [rankdir=";
    dot += drawing.left_to_right ? "LR" : "TB";
    dot += ", nodesep=0.3, ranksep=0.4, pad=0.1, fontname=\"DejaVu Sans\"];\n"
           "  node [fontname=\"DejaVu Sans\", fontsize=10, margin=\"0.14,0.06\", penwidth=1.2];\n"
           "  edge [fontname=\"DejaVu Sans\", fontsize=10, arrowsize=0.8];\n";
    for (size_t i = 0; i < drawing.nodes.size(); ++i) {
        const DrawNode& node = drawing.nodes[i];
        dot += "  n" + std::to_string(i) + " [id=";
        append_dot_string(dot, node.id);
        dot += ", class=";
        append_dot_string(dot, node.css_class + " " + token("NC", i));
        dot += node.shape == Shape::diamond ? ", shape=diamond" : node.shape == Shape::terminal ? ", shape=ellipse" : ", shape=box";
        std::string label;
        for (const auto& line : node.lines) label += line + "\n";
        label += node.status_sample;
        dot += ", label=";
        append_dot_string(dot, label);
        dot += ", href=\"" + token("HREF", i) + "\"];\n";
    }
    for (size_t j = 0; j < drawing.edges.size(); ++j) {
        const DrawEdge& edge = drawing.edges[j];
        dot += "  n" + std::to_string(edge.from) + " -> n" + std::to_string(edge.to) + " [id=";
        append_dot_string(dot, edge.id);
        dot += ", class=";
        append_dot_string(dot, edge.css_class + " " + token("EC", j));
        if (!edge.label.empty()) {
            dot += ", label=";
            append_dot_string(dot, edge.label);
        }
        if (edge.emphasized) dot += ", weight=2";
        dot += "];\n";
    }
    dot += "}\n";
    return dot;
}

Result<SvgTemplate> lay_out(const Drawing& drawing) {
    for (const DrawNode& node : drawing.nodes)
        if (node.status_sample.empty())  // the status slot is the node's last line of text
            return Error::make(ErrorCode::output_failed, "Logigramme : la ligne d'état de « " + node.id + " » est vide.",
                               "Flowchart: the status line of \"" + node.id + "\" is empty.");
    const std::string dot = to_dot(drawing);
    std::string svg;
    {
        std::lock_guard lock(gvc_mutex());
        GVC_t* gvc = gvc_context();
        Agraph_t* graph = gvc ? agmemread(dot.c_str()) : nullptr;
        if (!graph)
            return Error::make(ErrorCode::output_failed, "Graphviz n'a pas pu lire le logigramme.", "Graphviz could not read the flowchart.");
        char* data = nullptr;
        unsigned int length = 0;
        const bool laid_out = gvLayout(gvc, graph, "dot") == 0;
        const bool rendered = laid_out && gvRenderData(gvc, graph, "svg", &data, &length) == 0 && data;
        if (rendered) svg.assign(data, length);
        if (data) gvFreeRenderData(data);
        if (laid_out) gvFreeLayout(gvc, graph);
        agclose(graph);
        if (!rendered)
            return Error::make(ErrorCode::output_failed, "Graphviz n'a pas pu dessiner le logigramme.", "Graphviz could not draw the flowchart.");
    }

    remove_comments(svg);
    replace_all(svg, "&#45;", "-");
    if (size_t root = svg.find("<svg"); root != std::string::npos) svg.erase(0, root);
    else return Error::make(ErrorCode::output_failed, "Sortie SVG de Graphviz inattendue.", "Unexpected SVG output from Graphviz.");

    using Kind = SvgTemplate::SlotKind;
    std::vector<Found> found;
    auto add = [&](size_t begin, size_t end, Kind kind, size_t index) {
        found.push_back(Found{begin, end, static_cast<unsigned char>(kind), index});
    };
    add(5, 5, Kind::root, 0);  // right after "<svg "
    auto fail = [](const std::string& what) {
        return Error::make(ErrorCode::output_failed, "Sortie SVG de Graphviz inattendue (" + what + ").",
                           "Unexpected SVG output from Graphviz (" + what + ").");
    };
    for (size_t i = 0; i < drawing.nodes.size(); ++i) {
        const std::string group = "<g id=\"" + drawing.nodes[i].id + "\" class=\"node";
        const size_t at = svg.find(group);
        if (at == std::string::npos) return fail("node " + drawing.nodes[i].id);
        const std::string class_token = token("NC", i);
        const size_t cls = svg.find(class_token, at);
        const size_t title = svg.find("<title>", at);
        const size_t anchor = svg.find("<a xlink:href=\"" + token("HREF", i) + "\"", at);
        if (cls == std::string::npos || title == std::string::npos || anchor == std::string::npos)
            return fail("node " + drawing.nodes[i].id);
        // "fc-box QQNC3Q": the slot replaces the token (render writes the classes, or nothing).
        add(cls - 1, cls + class_token.size(), Kind::node_class, i);
        add(title + 7, svg.find("</title>", title), Kind::node_title, i);
        const size_t anchor_end = svg.find('>', anchor) + 1;
        add(anchor, anchor_end, Kind::anchor_open, i);
        const size_t anchor_close = svg.find("</a>", anchor_end);
        if (anchor_close == std::string::npos) return fail("link " + drawing.nodes[i].id);
        size_t shape = std::string::npos;
        for (const char* tag : {"<polygon ", "<ellipse ", "<path "}) shape = std::min(shape, svg.find(tag, anchor_end));
        if (shape > anchor_close) return fail("shape " + drawing.nodes[i].id);
        auto [style_begin, style_end] = style_run(svg, shape);
        add(style_begin, style_end, Kind::node_shape, i);
        const size_t last_text = svg.rfind("<text", anchor_close);
        if (last_text == std::string::npos || last_text < anchor_end) return fail("text " + drawing.nodes[i].id);
        const size_t text_begin = svg.find('>', last_text) + 1;
        add(text_begin, svg.find("</text>", text_begin), Kind::node_status, i);
        add(anchor_close, anchor_close + 4, Kind::anchor_close, i);
    }
    for (size_t j = 0; j < drawing.edges.size(); ++j) {
        const std::string group = "<g id=\"" + drawing.edges[j].id + "\" class=\"edge";
        const size_t at = svg.find(group);
        if (at == std::string::npos) return fail("edge " + drawing.edges[j].id);
        const std::string class_token = token("EC", j);
        const size_t cls = svg.find(class_token, at);
        const size_t end = svg.find("</g>", at);
        const size_t path = svg.find("<path ", at);
        const size_t arrow = svg.find("<polygon ", at);
        if (cls == std::string::npos || path > end || arrow > end) return fail("edge " + drawing.edges[j].id);
        add(cls - 1, cls + class_token.size(), Kind::edge_class, j);
        auto [line_begin, line_end] = style_run(svg, path);
        add(line_begin, line_end, Kind::edge_line, j);
        auto [arrow_begin, arrow_end] = style_run(svg, arrow);
        add(arrow_begin, arrow_end, Kind::edge_arrow, j);
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });

    SvgTemplate out;
    out.node_count_ = drawing.nodes.size();
    out.edge_count_ = drawing.edges.size();
    size_t cursor = 0;
    for (const Found& f : found) {
        if (f.begin < cursor) return fail("overlap");
        out.literals_.emplace_back(svg, cursor, f.begin - cursor);
        out.slots_.push_back(SvgTemplate::Slot{static_cast<Kind>(f.kind), f.index});
        cursor = f.end;
    }
    out.literals_.emplace_back(svg, cursor);
    for (const auto& literal : out.literals_) out.size_hint_ += literal.size();
    out.size_hint_ += out.slots_.size() * 48 + 256;
    return out;
}

void SvgTemplate::render(std::string& out, std::string_view root_attributes, const std::vector<NodeLook>& nodes,
                         const std::vector<EdgeLook>& edges) const {
    out.reserve(out.size() + size_hint_);
    static const NodeLook no_node{};
    static const EdgeLook no_edge{};
    for (size_t k = 0; k < slots_.size(); ++k) {
        out += literals_[k];
        const Slot& slot = slots_[k];
        const NodeLook& node = slot.index < nodes.size() ? nodes[slot.index] : no_node;
        const EdgeLook& edge = slot.index < edges.size() ? edges[slot.index] : no_edge;
        switch (slot.kind) {
            case SlotKind::root:
                if (!root_attributes.empty()) {
                    out += root_attributes;
                    out += ' ';
                }
                break;
            case SlotKind::node_class:
                if (!node.css_class.empty()) {
                    out += ' ';
                    out += node.css_class;
                }
                break;
            case SlotKind::node_title: out += node.title; break;
            case SlotKind::anchor_open:
                if (!node.href.empty()) {
                    out += "<a href=\"";
                    out += node.href;
                    out += "\" xlink:href=\"";
                    out += node.href;
                    out += '"';
                    if (!node.link_label.empty()) {
                        out += " aria-label=\"";
                        out += node.link_label;
                        out += '"';
                    }
                    out += '>';
                }
                break;
            case SlotKind::anchor_close:
                if (!node.href.empty()) out += "</a>";
                break;
            case SlotKind::node_status: out += node.status; break;
            case SlotKind::node_shape: out += node.shape_style.empty() ? "fill=\"none\" stroke=\"black\"" : node.shape_style; break;
            case SlotKind::edge_class:
                if (!edge.css_class.empty()) {
                    out += ' ';
                    out += edge.css_class;
                }
                break;
            case SlotKind::edge_line: out += edge.line_style.empty() ? "fill=\"none\" stroke=\"black\"" : edge.line_style; break;
            case SlotKind::edge_arrow: out += edge.arrow_style.empty() ? "fill=\"black\" stroke=\"black\"" : edge.arrow_style; break;
        }
    }
    out += literals_.back();
}

}  // namespace cyberachat::flowchart
