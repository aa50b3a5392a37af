#include "core/answer_reuse.hpp"

#include "core/answer_validation.hpp"

namespace cyberachat {
namespace {

bool side_has_value(const AnswerSet& answers, const std::string& question_id) {
    const auto it = answers.find(question_id);
    return it != answers.end() && !it->second.value.is_null();
}

size_t side_documents(const ReuseSide& side, const std::string& question_id) {
    const auto it = side.documents.find(question_id);
    return it == side.documents.end() ? 0 : it->second;
}

// Whether the earlier side said anything on this question (a value, or files).
bool side_answered(const ReuseSide& side, const Question& question) {
    if (question.kind == QuestionKind::document) return side_documents(side, question.id) > 0 || side_has_value(side.answers, question.id);
    return side_has_value(side.answers, question.id);
}

}  // namespace

std::string_view reuse_status_name(ReuseStatus status) {
    switch (status) {
        case ReuseStatus::copied: return "copied";
        case ReuseStatus::kept: return "kept";
        case ReuseStatus::kind_changed: return "kind_changed";
        case ReuseStatus::refused: return "refused";
        case ReuseStatus::gone: return "gone";
    }
    return "";
}

size_t ReusePlan::count(ReuseStatus status) const {
    size_t n = 0;
    for (const auto& item : items) n += item.status == status ? 1 : 0;
    return n;
}

ReusePlan plan_reuse(const ReuseSide& earlier, const ReuseSide& current) {
    ReusePlan plan;
    if (!earlier.questionnaire || !current.questionnaire) return plan;
    for (const Question* question : current.questionnaire->questions()) {
        const Question* before = earlier.questionnaire->find_question(question->id);
        if (!before || !side_answered(earlier, *before)) continue;
        ReuseItem item;
        item.question_id = question->id;
        item.label = question->label;
        if (before->kind != question->kind) {
            item.status = ReuseStatus::kind_changed;
            item.reason = {"La question a changé de nature depuis la réponse antérieure : elle n'est pas reprise.",
                           "The question's kind changed since the earlier response: it is not carried over."};
        } else if (side_answered(current, *question)) {
            item.status = ReuseStatus::kept;
        } else if (question->kind == QuestionKind::document) {
            item.documents = side_documents(earlier, question->id);
            const auto statement = earlier.answers.find(question->id);
            if (item.documents == 0 && statement != earlier.answers.end()) item.value = statement->second.value;  // "not available"
            item.status = ReuseStatus::copied;
        } else {
            const Answer& answer = earlier.answers.at(question->id);
            auto value = normalize_answer(*question, answer.value);
            if (!value) {
                item.status = ReuseStatus::refused;
                item.reason = value.error().message;
            } else {
                item.value = *value;
                item.comment = answer.comment;
                item.status = ReuseStatus::copied;
            }
        }
        plan.items.push_back(std::move(item));
    }
    for (const Question* question : earlier.questionnaire->questions()) {
        if (current.questionnaire->find_question(question->id) || !side_answered(earlier, *question)) continue;
        ReuseItem item;
        item.question_id = question->id;
        item.label = question->label;
        item.status = ReuseStatus::gone;
        item.reason = {"Cette question n'est plus posée.", "This question is no longer asked."};
        plan.items.push_back(std::move(item));
    }
    return plan;
}

}  // namespace cyberachat
