#pragma once
// Which answers differ between two responses of one vendor (issue 17, the vendor's history), the
// two possibly on different questionnaire versions: question by question, in the order of the
// questionnaire of the response taken as the base, with the questions that only one of the two
// questionnaires has listed apart. Values are compared as stored (canonical JSON): no value, an
// empty text, list or table are all "no answer"; a document question compares its files by
// SHA-256 (their names and ids do not count), else the vendor's "not available" statement. Pure:
// no formatting (the views write each value with their own formats).
#include <map>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

// One response's side: its questionnaire, its stored answers and documents (question id → …).
struct AnswerSide {
    const Questionnaire* questionnaire = nullptr;
    const std::map<std::string, StoredAnswer>* answers = nullptr;
    const std::map<std::string, std::vector<StoredDocument>>* documents = nullptr;

    // The stored value of the question ("null" when none).
    const nlohmann::json& value(const std::string& question_id) const;
    // Its documents, nullptr when none.
    const std::vector<StoredDocument>* files(const std::string& question_id) const;
    // Whether it holds an answer: a value (core/answer.hpp has_value) or a document.
    bool answered(const std::string& question_id) const;
};

enum class AnswerDifference {
    same,           // both questionnaires have the question, and the answers are equal (or both missing)
    different,      // both have it, the answers differ (or the question changed kind and either answered it)
    only_in_base,   // only the base's questionnaire has it
    only_in_other,  // only the other's questionnaire has it
};

struct AnswerPair {
    std::string question_id;
    const Question* base = nullptr;   // nullptr: not in the base's questionnaire
    const Question* other = nullptr;  // nullptr: not in the other's questionnaire
    AnswerDifference difference = AnswerDifference::same;
    bool kind_changed = false;        // in both, of different kinds ("different" once either side answered it)
};

struct AnswerComparison {
    // Every question of the base's questionnaire, in its order (same, different or only_in_base).
    std::vector<AnswerPair> rows;
    // The questions only the other's questionnaire has, in its order.
    std::vector<AnswerPair> only_in_other;

    // The rows that changed: "different", and those of one side alone that hold an answer there.
    std::vector<const AnswerPair*> changes(const AnswerSide& base, const AnswerSide& other) const;
};

// Whether the two sides' answers to these questions are the same (see the top of this file).
bool same_answer(const Question& base_question, const AnswerSide& base, const Question& other_question,
                 const AnswerSide& other);

// Both sides must have their three pointers set.
AnswerComparison compare_answers(const AnswerSide& base, const AnswerSide& other);

}  // namespace cyberachat
