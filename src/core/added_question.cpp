#include "core/added_question.hpp"

namespace cyberachat {

std::set<std::string> questions_new_to(const VendorResponse& response, const std::vector<AddedQuestion>& added) {
    std::set<std::string> fresh;
    if (response.opened_at.empty()) return fresh;
    // Both times are "YYYY-MM-DDTHH:MM:SS[.mmm]Z": as text, a later time sorts after.
    for (const auto& question : added)
        if (question.added_at > response.opened_at) fresh.insert(question.question_id);
    return fresh;
}

}  // namespace cyberachat
