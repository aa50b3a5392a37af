#pragma once
// Lays a drawing out with Graphviz (libgvc, "dot") once, and keeps the SVG as a template: literal
// chunks around slots (a node's classes, title, link, status line and shape colours; an edge's
// classes and stroke). Rendering fills the slots by concatenation, without any layout, so that a
// response's chart costs a few string copies. libgvc is not thread-safe: every call into it runs
// under one process-wide mutex.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cyberachat::flowchart {

enum class Shape { box, diamond, terminal };

struct DrawNode {
    std::string id;                  // SVG id of the node's group (letters, digits, '-', '_', '.')
    Shape shape = Shape::box;
    std::vector<std::string> lines;  // label lines (plain text)
    std::string status_sample;       // the widest status line this node may show (reserves its room); not empty
    std::string css_class;           // fixed classes ("fc-section"…)
};

struct DrawEdge {
    size_t from = 0;  // DrawNode indexes
    size_t to = 0;
    std::string id;
    std::string label;  // "Oui", "Non" or empty
    std::string css_class;
    bool emphasized = false;  // drawn heavier in the plain chart (decision branches)
};

struct Drawing {
    std::string title;  // the chart's <title>
    std::vector<DrawNode> nodes;
    std::vector<DrawEdge> edges;
    bool left_to_right = false;
};

// What a render puts in a node's slots. Every string must already be XML-escaped.
struct NodeLook {
    std::string_view css_class;    // appended to the node's classes
    std::string_view title;        // the node's <title> (screen readers, tooltip)
    std::string_view href;         // empty: no link
    std::string_view link_label;   // aria-label of the link
    std::string_view status;       // the status line's text
    std::string_view shape_style;  // e.g. fill="#fff" stroke="#000" stroke-width="2"
};

struct EdgeLook {
    std::string_view css_class;
    std::string_view line_style;   // attributes of the edge's path (fill="none" …)
    std::string_view arrow_style;  // attributes of its arrowhead polygon
};

class SvgTemplate {
public:
    size_t node_count() const { return node_count_; }
    size_t edge_count() const { return edge_count_; }
    // Appends the SVG (from <svg …> to </svg>) to `out`. `root_attributes` (escaped) go on the
    // <svg> element (role, aria-label, class). Looks are indexed like the drawing's nodes and edges.
    void render(std::string& out, std::string_view root_attributes, const std::vector<NodeLook>& nodes,
                const std::vector<EdgeLook>& edges) const;
    size_t size_hint() const { return size_hint_; }

private:
    friend Result<SvgTemplate> lay_out(const Drawing& drawing);
    enum class SlotKind : unsigned char {
        root, node_class, node_title, anchor_open, anchor_close, node_status, node_shape, edge_class, edge_line, edge_arrow
    };
    struct Slot {
        SlotKind kind;
        size_t index;
    };
    std::vector<std::string> literals_;  // literals_.size() == slots_.size() + 1
    std::vector<Slot> slots_;
    size_t node_count_ = 0;
    size_t edge_count_ = 0;
    size_t size_hint_ = 0;
};

// Errors: "layout" (Graphviz failed; message in French and English).
Result<SvgTemplate> lay_out(const Drawing& drawing);

// The DOT text given to Graphviz for a drawing (for tests and debugging).
std::string to_dot(const Drawing& drawing);


}  // namespace cyberachat::flowchart
