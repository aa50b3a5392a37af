#include "core/comparison.hpp"

#include <algorithm>
#include <numeric>

namespace cyberachat {

namespace {

// What two vendors must share to count as "the same answer".
bool same_answer(const Question& question, const ComparisonCell& a, const ComparisonCell& b) {
    if (a.visible != b.visible) return false;
    const bool a_answered = a.value && has_value(*a.value);
    const bool b_answered = b.value && has_value(*b.value);
    if (a_answered != b_answered) return false;
    if (!a_answered || question.kind == QuestionKind::document) return true;  // documents: given or not
    return *a.value == *b.value;
}

}  // namespace

bool ComparisonFilter::keeps(const ComparisonRow& row, const Questionnaire& questionnaire) const {
    if (only_differences && !row.differs) return false;
    if (only_vigilance && !row.vigilance) return false;
    if (!part_id.empty() && questionnaire.parts[row.question->part_index].id != part_id) return false;
    return true;
}

std::vector<ComparisonRow> compare_responses(const Questionnaire& questionnaire,
                                             const std::vector<ComparedResponse>& responses) {
    std::vector<std::vector<const nlohmann::json*>> values;
    values.reserve(responses.size());
    for (const auto& response : responses) values.push_back(values_by_index(questionnaire, *response.answers));

    std::vector<ComparisonRow> rows;
    rows.reserve(questionnaire.question_count());
    for (const Question* question : questionnaire.questions()) {
        ComparisonRow row;
        row.question = question;
        row.cells.resize(responses.size());
        bool any_visible = false;
        for (size_t i = 0; i < responses.size(); ++i) {
            ComparisonCell& cell = row.cells[i];
            cell.visible = responses[i].evaluation->question_visible[question->index] != 0;
            cell.value = cell.visible ? values[i][question->index] : nullptr;
            if (cell.visible)
                if (auto it = responses[i].answers->find(question->id);
                    it != responses[i].answers->end() && !it->second.comment.empty())
                    cell.comment = &it->second.comment;
            cell.outcome = responses[i].card ? responses[i].card->outcomes[question->index] : Outcome::not_scored;
            any_visible = any_visible || cell.visible;
            row.vigilance = row.vigilance || cell.outcome == Outcome::unfavourable;
            if (i > 0 && !same_answer(*question, row.cells[0], cell)) row.differs = true;
        }
        if (any_visible) rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<size_t> ranking(const std::vector<ComparedResponse>& responses) {
    std::vector<size_t> order(responses.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return responses[a].card->overall.score() > responses[b].card->overall.score();
    });
    return order;
}

}  // namespace cyberachat
