#include "outputs/flowchart/flowchart_model.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_set>

namespace cyberachat::flowchart {
namespace {

bool literal_is_yes(const std::string& literal) { return literal == "oui" || literal == "yes" || literal == "true"; }

Branch opposite(Branch branch) { return branch == Branch::yes ? Branch::no : Branch::yes; }

// Conjunction of two conjunctions; nullopt when they contradict (one decision, two branches).
std::optional<Conjunction> conjoin(const Conjunction& a, const Conjunction& b) {
    Conjunction out = a;
    for (const Literal& literal : b) {
        auto same = std::find_if(out.begin(), out.end(), [&](const Literal& l) { return l.first == literal.first; });
        if (same == out.end()) out.push_back(literal);
        else if (same->second != literal.second) return std::nullopt;
    }
    return out;
}

Guard product(const Guard& a, const Guard& b) {
    Guard out;
    for (const auto& x : a)
        for (const auto& y : b)
            if (auto both = conjoin(x, y)) out.push_back(std::move(*both));
    return out;
}

Guard always() { return Guard{Conjunction{}}; }

// The condition (or its negation) in disjunctive normal form over the decisions; other atoms hold.
Guard to_guard(const Condition& condition, bool negated, const std::set<size_t>& decisions, bool& other) {
    auto decision_of = [&](const Condition& leaf) -> std::optional<size_t> {
        if (leaf.question_index < 0 || !decisions.contains(static_cast<size_t>(leaf.question_index))) {
            other = true;
            return std::nullopt;
        }
        return static_cast<size_t>(leaf.question_index);
    };
    switch (condition.op) {
        case Condition::Op::equals:
        case Condition::Op::not_equals: {
            auto q = decision_of(condition);
            if (!q) return always();
            const Branch branch = literal_is_yes(condition.literal) ? Branch::yes : Branch::no;
            const bool equal = (condition.op == Condition::Op::equals) != negated;
            if (equal) return Guard{{{*q, branch}}};
            return Guard{{{*q, opposite(branch)}}, {{*q, Branch::unanswered}}};
        }
        case Condition::Op::answered: {
            auto q = decision_of(condition);
            if (!q) return always();
            if (negated) return Guard{{{*q, Branch::unanswered}}};
            return Guard{{{*q, Branch::yes}}, {{*q, Branch::no}}};
        }
        case Condition::Op::negation: return to_guard(*condition.operands.front(), !negated, decisions, other);
        case Condition::Op::all_of:
        case Condition::Op::any_of: {
            const bool conjunction = (condition.op == Condition::Op::all_of) != negated;
            Guard out = conjunction ? always() : Guard{};
            for (const auto& operand : condition.operands) {
                Guard g = to_guard(*operand, negated, decisions, other);
                if (conjunction) out = product(out, g);
                else out.insert(out.end(), g.begin(), g.end());
            }
            return out;
        }
    }
    return always();
}

using Assumptions = std::map<size_t, Branch>;  // decision question index → branch taken

bool holds(const Guard& guard, const Assumptions& assumptions) {
    for (const auto& conjunction : guard) {
        bool all = true;
        for (const auto& [question, branch] : conjunction) {
            auto it = assumptions.find(question);
            if ((it == assumptions.end() ? Branch::unanswered : it->second) != branch) {
                all = false;
                break;
            }
        }
        if (all) return true;
    }
    return false;
}

}  // namespace

std::optional<size_t> PartFlowchart::find(std::string_view key) const {
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].key == key) return i;
    return std::nullopt;
}

std::optional<size_t> PartFlowchart::find_edge(size_t from, size_t to, EdgeKind kind) const {
    for (size_t i = 0; i < edges.size(); ++i)
        if (edges[i].from == from && edges[i].to == to && edges[i].kind == kind) return i;
    return std::nullopt;
}

std::vector<size_t> PartFlowchart::decisions() const {
    std::vector<size_t> out;
    for (size_t i : order)
        if (nodes[i].kind == NodeKind::decision) out.push_back(i);
    return out;
}

std::vector<size_t> PartFlowchart::sections() const {
    std::vector<size_t> out;
    for (size_t i : order)
        if (nodes[i].kind == NodeKind::section) out.push_back(i);
    return out;
}

Branch branch_of(const nlohmann::json* value) {
    if (!value) return Branch::unanswered;
    if (value->is_boolean()) return value->get<bool>() ? Branch::yes : Branch::no;
    if (value->is_string()) {
        const auto& text = value->get_ref<const std::string&>();
        if (text == "oui") return Branch::yes;
        if (text == "non") return Branch::no;
    }
    return Branch::unanswered;
}

std::optional<size_t> find_part_index(const Questionnaire& questionnaire, std::string_view id_or_number) {
    for (size_t i = 0; i < questionnaire.parts.size(); ++i)
        if (questionnaire.parts[i].id == id_or_number) return i;
    size_t number = 0;
    auto [end, ec] = std::from_chars(id_or_number.data(), id_or_number.data() + id_or_number.size(), number);
    if (ec != std::errc() || end != id_or_number.data() + id_or_number.size()) return std::nullopt;
    if (number < 1 || number > questionnaire.parts.size()) return std::nullopt;
    return number - 1;
}

size_t next_node(const PartFlowchart& chart, size_t from, const std::function<bool(size_t)>& reached) {
    size_t start = 0;
    if (from != PartFlowchart::kEntry) {
        auto it = std::find(chart.order.begin(), chart.order.end(), from);
        if (it == chart.order.end()) return PartFlowchart::kExit;
        start = static_cast<size_t>(it - chart.order.begin()) + 1;
    }
    const Section* host = from == PartFlowchart::kEntry ? nullptr : chart.nodes[from].section;
    for (size_t i = start; i < chart.order.size(); ++i) {
        const size_t candidate = chart.order[i];
        const Node& node = chart.nodes[candidate];
        if (node.kind == NodeKind::decision) {
            // A decision is asked when its page is: right after that page (or the page's previous decision).
            if (node.external || (host && node.section == host)) return candidate;
            continue;
        }
        if (reached(candidate)) return candidate;
    }
    return PartFlowchart::kExit;
}

PartFlowchart build_part_flowchart(const Questionnaire& questionnaire, size_t part_index) {
    PartFlowchart chart;
    chart.questionnaire = &questionnaire;
    chart.part = &questionnaire.parts.at(part_index);
    const Part& part = *chart.part;
    chart.nodes.push_back(Node{NodeKind::entry, "entry"});
    chart.nodes.push_back(Node{NodeKind::exit, "exit"});

    // Decisions: the yes/no questions that this part's sections test.
    std::set<size_t> decisions;
    std::vector<std::vector<size_t>> tested(part.sections.size());  // by section: decisions, in order of mention
    for (size_t s = 0; s < part.sections.size(); ++s) {
        const Section& section = part.sections[s];
        if (!section.show_if) continue;
        std::vector<const Condition*> leaves;
        section.show_if->collect_question_ids(leaves);
        for (const Condition* leaf : leaves) {
            if (leaf->question_index < 0) continue;
            const auto index = static_cast<size_t>(leaf->question_index);
            if (questionnaire.questions()[index]->kind != QuestionKind::yes_no) continue;
            decisions.insert(index);
            if (std::find(tested[s].begin(), tested[s].end(), index) == tested[s].end()) tested[s].push_back(index);
        }
    }

    // Reading order: each section, then the decisions it asks; a decision asked in another part
    // comes right before the first section that tests it.
    std::set<size_t> placed;
    auto add_decision = [&](size_t question_index) {
        const Question& question = *questionnaire.questions()[question_index];
        Node node{NodeKind::decision, "d-" + question.id};
        node.question = &question;
        node.section = questionnaire.sections()[question.section_index];
        node.external = question.part_index != part.index;
        chart.order.push_back(chart.nodes.size());
        chart.nodes.push_back(std::move(node));
        placed.insert(question_index);
    };
    for (size_t s = 0; s < part.sections.size(); ++s) {
        const Section& section = part.sections[s];
        for (size_t q : tested[s])
            if (!placed.contains(q) && questionnaire.questions()[q]->part_index != part.index) add_decision(q);
        Node node{NodeKind::section, "s-" + section.id};
        node.section = &section;
        chart.order.push_back(chart.nodes.size());
        chart.nodes.push_back(std::move(node));
        for (const Question& question : section.questions)
            if (decisions.contains(question.index) && !placed.contains(question.index)) add_decision(question.index);
    }

    chart.guards.assign(chart.nodes.size(), always());
    for (size_t i : chart.order) {
        Node& node = chart.nodes[i];
        if (node.kind != NodeKind::section || !node.section->show_if) continue;
        bool other = false;
        chart.guards[i] = to_guard(*node.section->show_if, false, decisions, other);
        node.conditional = other;
    }

    // Decisions that still matter after each position (to merge states that cannot differ later).
    std::vector<std::set<size_t>> relevant_after(chart.nodes.size());
    {
        std::set<size_t> later;
        for (size_t k = chart.order.size(); k-- > 0;) {
            relevant_after[chart.order[k]] = later;
            for (const auto& conjunction : chart.guards[chart.order[k]])
                for (const auto& [question, branch] : conjunction) later.insert(question);
        }
        relevant_after[PartFlowchart::kEntry] = later;
    }

    auto add_edge = [&](size_t from, size_t to, EdgeKind kind) {
        if (!chart.find_edge(from, to, kind)) chart.edges.push_back(Edge{from, to, kind});
    };
    std::vector<std::pair<size_t, Assumptions>> pending{{PartFlowchart::kEntry, {}}};
    std::unordered_set<std::string> seen;
    constexpr size_t kMaxStates = 20000;  // far above any real questionnaire; keeps a pathological file finite
    while (!pending.empty() && seen.size() < kMaxStates) {
        auto [from, assumptions] = std::move(pending.back());
        pending.pop_back();
        std::string key = std::to_string(from);
        for (const auto& [question, branch] : assumptions)
            if (relevant_after[from].contains(question))
                key += ";" + std::to_string(question) + "=" + std::to_string(static_cast<int>(branch));
        if (!seen.insert(key).second) continue;
        const Node& node = chart.nodes[from];
        if (node.kind == NodeKind::exit) continue;
        auto follow = [&](const Assumptions& taken, EdgeKind kind) {
            const size_t to = next_node(chart, from, [&](size_t n) { return holds(chart.guards[n], taken); });
            add_edge(from, to, kind);
            pending.emplace_back(to, taken);
        };
        if (node.kind == NodeKind::decision) {
            for (Branch branch : {Branch::no, Branch::yes}) {
                Assumptions taken = assumptions;
                taken[node.question->index] = branch;
                follow(taken, branch == Branch::yes ? EdgeKind::yes : EdgeKind::no);
            }
        } else {
            follow(assumptions, EdgeKind::next);
        }
    }
    // Discovery runs depth-first from the "Non" side; list edges in reading order for a stable drawing.
    auto position = [&](size_t node) {
        if (node == PartFlowchart::kEntry) return size_t{0};
        if (node == PartFlowchart::kExit) return chart.order.size() + 1;
        return static_cast<size_t>(std::find(chart.order.begin(), chart.order.end(), node) - chart.order.begin()) + 1;
    };
    std::stable_sort(chart.edges.begin(), chart.edges.end(), [&](const Edge& a, const Edge& b) {
        if (position(a.from) != position(b.from)) return position(a.from) < position(b.from);
        return static_cast<int>(a.kind) < static_cast<int>(b.kind);
    });
    return chart;
}

}  // namespace cyberachat::flowchart
