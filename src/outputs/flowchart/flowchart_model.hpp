#pragma once
// A part's flowchart as a pure graph, derived from the questionnaire definition (never drawn by
// hand): the part's entry and exit, its sections (the seed's pages) as boxes, its decisions (the
// yes/no questions that sections' show_if conditions test) as diamonds with "Oui"/"Non" edges to
// the pages they open, and the order of pages as edges. No layout here (see flowchart_layout.hpp).
//
// How the edges are found: the sections are read in order, each decision placed right after the
// section that asks it. Starting from the entry, every combination of decision answers that can
// actually occur is followed; from a node, the next node is the first later section whose show_if
// holds under the answers taken so far (or the next decision asked on the same page). Conditions
// on questions that are not decisions of this part (e.g. a choice) are assumed to hold.
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/questionnaire.hpp"

namespace cyberachat::flowchart {

enum class NodeKind : std::uint8_t { entry, exit, section, decision };
enum class EdgeKind : std::uint8_t { next, yes, no };
enum class Branch : std::uint8_t { yes, no, unanswered };

struct Node {
    NodeKind kind = NodeKind::section;
    std::string key;                      // stable: "entry", "exit", "s-<section id>", "d-<question id>"
    const Section* section = nullptr;     // section nodes; decisions: the page that asks it
    const Question* question = nullptr;   // decision nodes
    bool external = false;                // decision asked in another part
    bool conditional = false;             // section shown under a condition that is not a decision of this part
};

struct Edge {
    size_t from = 0;  // node indexes
    size_t to = 0;
    EdgeKind kind = EdgeKind::next;
};

// A condition on decisions in disjunctive normal form: any of (all of (decision, branch)).
using Literal = std::pair<size_t, Branch>;  // decision's question index, branch
using Conjunction = std::vector<Literal>;
using Guard = std::vector<Conjunction>;     // empty vector of conjunctions = never; {{}} = always

struct PartFlowchart {
    const Questionnaire* questionnaire = nullptr;
    const Part* part = nullptr;
    std::vector<Node> nodes;  // [0] entry, [1] exit, then sections and decisions in reading order
    std::vector<Edge> edges;  // no duplicates, in discovery order

    // Reading order of section and decision nodes (node indexes), with each section's guard.
    std::vector<size_t> order;
    std::vector<Guard> guards;  // by node index (sections only; others always)

    static constexpr size_t kEntry = 0;
    static constexpr size_t kExit = 1;

    std::optional<size_t> find(std::string_view key) const;
    // The edge from → to of this kind, if drawn.
    std::optional<size_t> find_edge(size_t from, size_t to, EdgeKind kind) const;
    std::vector<size_t> decisions() const;
    std::vector<size_t> sections() const;
};

// The part given by index (0-based) of `questionnaire`.
PartFlowchart build_part_flowchart(const Questionnaire& questionnaire, size_t part_index);

// Resolves a part given as its id or its number "1"…"N"; nullopt when there is none.
std::optional<size_t> find_part_index(const Questionnaire& questionnaire, std::string_view id_or_number);

// The next node after `from` (a node index) along the reading order: the first section for which
// `reached(section node)` holds, or a decision asked on the same page as `from`; the exit otherwise.
size_t next_node(const PartFlowchart& chart, size_t from, const std::function<bool(size_t)>& reached);

// The branch of a yes/no answer value ("oui"/"non"/true/false); unanswered for anything else.
Branch branch_of(const nlohmann::json* value);

}  // namespace cyberachat::flowchart
