#include "outputs/json/evaluation_json.hpp"

namespace cyberachat {

using json = nlohmann::json;

json review_record_json(const Review& review) {
    return {{"question_id", review.question_id}, {"status", review.status},
            {"comment", review.comment},         {"vendor_question", review.vendor_question},
            {"author", review.author},           {"author_role", review.author_role},
            {"created_at", review.created_at}};
}

json opinion_record_json(const Opinion& opinion) {
    return {{"role", opinion.role},     {"verdict", opinion.verdict},       {"text", opinion.text},
            {"author", opinion.author}, {"updated_at", opinion.updated_at}};
}

}  // namespace cyberachat
