#pragma once
// Starting a response from an earlier one of the same company (issue 17): what would be carried
// over, computed without saving anything. Only questions the new response has not answered yet are
// filled; a question the earlier response answered but that is gone from the new questionnaire, or
// whose kind changed, or whose earlier value the new question refuses (a choice removed), is listed
// apart with the reason. Documents are carried over (copies of the files) for document questions
// the new response has none for. Pure: the same inputs give the same plan.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/answer.hpp"
#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

enum class ReuseStatus {
    copied,         // filled from the earlier response when applied
    kept,           // the new response answers it already: its answer stays
    kind_changed,   // the question exists in both, with another kind: not carried over
    refused,        // the earlier value does not fit the new question (a choice removed…): not carried over
    gone,           // answered in the earlier response, not in the new questionnaire
};
// "copied", "kept", "kind_changed", "refused", "gone" (the API's names).
std::string_view reuse_status_name(ReuseStatus status);

struct ReuseItem {
    std::string question_id;
    ReuseStatus status = ReuseStatus::copied;
    nlohmann::json value;       // copied: the canonical value for the new question (documents: null)
    std::string comment;        // copied: the earlier comment
    size_t documents = 0;       // document questions: how many files would be copied
    LocalizedText label;        // the question's label (the new questionnaire's, else the earlier one's)
    LocalizedText reason;       // kind_changed / refused: why
};

// What each side holds: values (documents excepted), comments, and the questions with documents.
struct ReuseSide {
    const Questionnaire* questionnaire = nullptr;
    AnswerSet answers;                          // question id → value and comment (null values are unanswered)
    std::map<std::string, size_t> documents;    // question id → number of files
};

struct ReusePlan {
    std::vector<ReuseItem> items;  // the new questionnaire's order, then the gone ones in the earlier one's order
    size_t count(ReuseStatus status) const;
};

ReusePlan plan_reuse(const ReuseSide& earlier, const ReuseSide& current);

// One earlier response as its vendor may see it: what it already knew of the purchase.
struct EarlierResponse {
    long long response_id = 0;
    std::string purchase_title;  // in the vendor's language (core/purchase_title.hpp)
    std::string reference;       // the hospital's reference, as the invitation showed it
    std::string device;          // its answer to dispositif.designation ("" when none)
    std::string submitted_at;
    std::string questionnaire;   // "afib 2024.3"
};

struct ReuseOutcome {
    EarlierResponse from;
    ReusePlan plan;
    bool applied = false;
    size_t saved = 0;            // answers written
    size_t documents = 0;        // files copied
};

}  // namespace cyberachat
