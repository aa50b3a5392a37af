#include "core/mds2_proposal.hpp"

#include <algorithm>
#include <set>

#include "core/answer_validation.hpp"
#include "core/ascii_text.hpp"
#include "core/engine.hpp"

namespace cyberachat {

using json = nlohmann::json;

namespace {

// What a mapping reads of the file: its sources' lines, in the order of the sources (a pattern's
// lines in file order), each line once.
std::vector<const Mds2Line*> lines_read(const Mds2Mapping& mapping, const Mds2Statement& statement) {
    std::vector<const Mds2Line*> lines;
    std::set<const Mds2Line*> seen;
    for (const std::string& source : mapping.sources)
        for (const Mds2Line& line : statement.lines)
            if (mds2_source_matches(source, line.id) && seen.insert(&line).second) lines.push_back(&line);
    return lines;
}

// The raw value a transform gives from the lines read, and the lines it comes from; a null value
// when they give nothing usable.
struct Derived {
    json value;
    std::vector<std::string> source_ids;
};

Derived derive(Mds2Transform transform, const std::vector<const Mds2Line*>& lines) {
    Derived derived;
    const auto yes_or_no = [](const Mds2Line* line) {
        return line->answer == Mds2Answer::yes || line->answer == Mds2Answer::no;
    };
    switch (transform) {
        case Mds2Transform::yes_no:
        case Mds2Transform::yes_no_inverted: {
            auto first = std::find_if(lines.begin(), lines.end(), yes_or_no);
            if (first == lines.end()) break;
            const bool yes = ((*first)->answer == Mds2Answer::yes) != (transform == Mds2Transform::yes_no_inverted);
            derived.value = yes ? "oui" : "non";
            derived.source_ids.push_back((*first)->id);
            break;
        }
        case Mds2Transform::all_yes:
        case Mds2Transform::any_yes: {
            size_t yes = 0, answered = 0;
            for (const Mds2Line* line : lines) {
                if (!yes_or_no(line)) continue;
                ++answered;
                yes += line->answer == Mds2Answer::yes;
                derived.source_ids.push_back(line->id);
            }
            if (answered == 0) break;
            const bool oui = transform == Mds2Transform::all_yes ? yes == answered : yes > 0;
            derived.value = oui ? "oui" : "non";
            break;
        }
        case Mds2Transform::text:
            for (const Mds2Line* line : lines) {
                const std::string_view answer = trim(line->answer_text);
                if (!line->answer && !answer.empty() && !is_mds2_note_marker(answer)) {
                    derived.value = std::string(answer);
                } else if (line->answer != Mds2Answer::not_applicable && !trim(line->note).empty()) {
                    derived.value = std::string(trim(line->note));
                } else {
                    continue;
                }
                derived.source_ids.push_back(line->id);
                break;
            }
            break;
        case Mds2Transform::notes: {
            std::string text;
            for (const Mds2Line* line : lines) {
                const std::string_view note = trim(line->note);
                if (note.empty()) continue;
                text += (text.empty() ? "" : "\n") + line->id + ": " + std::string(note);
                derived.source_ids.push_back(line->id);
            }
            if (!text.empty()) derived.value = std::move(text);
            break;
        }
    }
    if (derived.value.is_null()) derived.source_ids.clear();
    return derived;
}

}  // namespace

std::string_view mds2_proposal_status_name(Mds2ProposalStatus status) {
    switch (status) {
        case Mds2ProposalStatus::imported: return "imported";
        case Mds2ProposalStatus::already_answered: return "already_answered";
        case Mds2ProposalStatus::conflict: return "conflict";
        case Mds2ProposalStatus::ignored_branch: return "ignored_branch";
        case Mds2ProposalStatus::no_answer: return "no_answer";
    }
    return "";
}

size_t Mds2ImportPlan::count(Mds2ProposalStatus status) const {
    return static_cast<size_t>(
        std::count_if(proposals.begin(), proposals.end(), [&](const Mds2Proposal& p) { return p.status == status; }));
}

Mds2ImportPlan plan_mds2_import(const Questionnaire& questionnaire, const Mds2Crosswalk& crosswalk,
                                const Mds2Statement& statement, const AnswerSet& current) {
    Mds2ImportPlan plan;
    plan.lines = statement.lines.size();

    // 1. Each mapping of a question this questionnaire has: the lines it reads, the value they give.
    struct Pending {
        const Question* question = nullptr;
        Mds2Proposal proposal;
    };
    std::vector<Pending> pending;
    std::set<std::string> proposed, read_ids;
    for (const Mds2Mapping& mapping : crosswalk.mappings) {
        const Question* question = questionnaire.find_question(mapping.question_id);
        if (!question || !mds2_transform_fits(mapping.transform, question->kind)) continue;
        if (!proposed.insert(question->id).second) continue;  // one proposal per question: the first mapping
        const std::vector<const Mds2Line*> lines = lines_read(mapping, statement);
        for (const Mds2Line* line : lines) read_ids.insert(line->id);
        Derived derived = derive(mapping.transform, lines);
        Pending p;
        p.question = question;
        p.proposal.question_id = question->id;
        p.proposal.rationale = mapping.rationale;
        auto stored = current.find(question->id);
        if (stored != current.end() && has_value(stored->second.value)) p.proposal.current = stored->second.value;
        if (!derived.value.is_null()) {
            auto normalized = normalize_answer(*question, derived.value);
            if (normalized && has_value(*normalized)) {
                p.proposal.value = std::move(normalized.value());
                p.proposal.source_ids = std::move(derived.source_ids);
            }
        }
        if (p.proposal.value.is_null())  // nothing usable: the lines present are named all the same
            for (const Mds2Line* line : lines) p.proposal.source_ids.push_back(line->id);
        pending.push_back(std::move(p));
    }

    // 2. Branching, on the saved answers with the proposals for the questions not answered yet
    //    (a conflict keeps the saved answer: it is replaced only if the vendor chooses it). One
    //    evaluation suffices: the engine follows the conditions from question to question, so a
    //    proposal that opens a branch lets the proposals behind it apply.
    AnswerSet after = current;
    for (const Pending& p : pending)
        if (!p.proposal.value.is_null() && p.proposal.current.is_null()) after[p.question->id].value = p.proposal.value;
    const Evaluation evaluation = evaluate(questionnaire, after);

    // 3. The statuses, in questionnaire order.
    for (Pending& p : pending) {
        Mds2Proposal& proposal = p.proposal;
        if (proposal.value.is_null()) proposal.status = Mds2ProposalStatus::no_answer;
        else if (!evaluation.is_visible(*p.question)) proposal.status = Mds2ProposalStatus::ignored_branch;
        else if (proposal.current.is_null()) proposal.status = Mds2ProposalStatus::imported;
        else if (proposal.current == proposal.value) proposal.status = Mds2ProposalStatus::already_answered;
        else proposal.status = Mds2ProposalStatus::conflict;
    }
    std::stable_sort(pending.begin(), pending.end(),
                     [](const Pending& a, const Pending& b) { return a.question->index < b.question->index; });
    for (Pending& p : pending) plan.proposals.push_back(std::move(p.proposal));
    for (const Mds2Line& line : statement.lines)
        if (!read_ids.count(line.id)) plan.unmapped_ids.push_back(line.id);
    return plan;
}

}  // namespace cyberachat
