#include "core/answer_changes.hpp"

#include <algorithm>

#include "core/answer.hpp"
#include "core/document_answer.hpp"

namespace cyberachat {

namespace {

const nlohmann::json kNoValue;

// A document answer as compared: its files' SHA-256 (sorted), else the "not available" statement.
nlohmann::json comparable_document(const AnswerSide& side, const std::string& question_id) {
    if (const auto* files = side.files(question_id)) {
        std::vector<std::string> hashes;
        for (const auto& file : *files) hashes.push_back(file.sha256);
        std::sort(hashes.begin(), hashes.end());
        return nlohmann::json{{"files", hashes}};
    }
    const auto& value = side.value(question_id);
    return is_unavailable_document(value) ? value : kNoValue;
}

}  // namespace

const nlohmann::json& AnswerSide::value(const std::string& question_id) const {
    auto it = answers->find(question_id);
    return it == answers->end() ? kNoValue : it->second.value;
}

const std::vector<StoredDocument>* AnswerSide::files(const std::string& question_id) const {
    auto it = documents->find(question_id);
    return it == documents->end() || it->second.empty() ? nullptr : &it->second;
}

bool AnswerSide::answered(const std::string& question_id) const {
    return files(question_id) != nullptr || has_value(value(question_id));
}

bool same_answer(const Question& base_question, const AnswerSide& base, const Question& other_question,
                 const AnswerSide& other) {
    if (base_question.kind != other_question.kind)  // nothing to compare, unless neither is answered
        return !base.answered(base_question.id) && !other.answered(other_question.id);
    if (base_question.kind == QuestionKind::document)
        return comparable_document(base, base_question.id) == comparable_document(other, other_question.id);
    const auto& left = base.value(base_question.id);
    const auto& right = other.value(other_question.id);
    if (!has_value(left) || !has_value(right)) return has_value(left) == has_value(right);
    return left == right;
}

AnswerComparison compare_answers(const AnswerSide& base, const AnswerSide& other) {
    AnswerComparison out;
    out.rows.reserve(base.questionnaire->question_count());
    for (const Question* question : base.questionnaire->questions()) {
        AnswerPair pair;
        pair.question_id = question->id;
        pair.base = question;
        pair.other = other.questionnaire->find_question(question->id);
        if (!pair.other) {
            pair.difference = AnswerDifference::only_in_base;
        } else {
            pair.kind_changed = pair.other->kind != question->kind;
            pair.difference = same_answer(*question, base, *pair.other, other) ? AnswerDifference::same
                                                                                : AnswerDifference::different;
        }
        out.rows.push_back(std::move(pair));
    }
    for (const Question* question : other.questionnaire->questions())
        if (!base.questionnaire->find_question(question->id))
            out.only_in_other.push_back(AnswerPair{question->id, nullptr, question, AnswerDifference::only_in_other, false});
    return out;
}

std::vector<const AnswerPair*> AnswerComparison::changes(const AnswerSide& base, const AnswerSide& other) const {
    std::vector<const AnswerPair*> out;
    for (const auto& row : rows)
        if (row.difference == AnswerDifference::different ||
            (row.difference == AnswerDifference::only_in_base && base.answered(row.question_id)))
            out.push_back(&row);
    for (const auto& row : only_in_other)
        if (other.answered(row.question_id)) out.push_back(&row);
    return out;
}

}  // namespace cyberachat
