#include "core/evaluation_records.hpp"

namespace cyberachat {

bool valid_review_status(std::string_view status) {
    return status.empty() || status == "accepted" || status == "clarification" || status == "unsatisfactory";
}

std::string_view review_status_label_fr(std::string_view status) {
    if (status == "accepted") return "Accepté";
    if (status == "clarification") return "Précision demandée";
    if (status == "unsatisfactory") return "Insatisfaisant";
    if (status == "answered") return "Précision apportée par le fournisseur";
    return "Commentaire";
}

std::vector<OpenClarification> open_clarifications(const std::vector<Review>& reviews) {
    std::vector<OpenClarification> open;
    for (const Review& review : reviews) {
        if (review.status.empty()) continue;  // a comment changes nothing
        std::erase_if(open, [&](const OpenClarification& c) { return c.question_id == review.question_id; });
        if (review.status == "clarification") open.push_back({review.question_id, review.vendor_question, review.created_at});
    }
    return open;
}

bool valid_opinion_verdict(std::string_view verdict) {
    return verdict == "favourable" || verdict == "favourable_with_reservations" || verdict == "unfavourable";
}

std::string_view opinion_verdict_label_fr(std::string_view verdict) {
    if (verdict == "favourable") return "Favorable";
    if (verdict == "favourable_with_reservations") return "Favorable avec réserves";
    if (verdict == "unfavourable") return "Défavorable";
    return "";
}

std::string_view opinion_role_label_fr(std::string_view role) {
    if (role == "it") return "DSI / RSSI";
    if (role == "biomedical") return "Ingénieur biomédical";
    return "";
}

}  // namespace cyberachat
