#include "core/evaluation_records.hpp"

namespace cyberachat {

bool valid_review_status(std::string_view status) {
    return status.empty() || status == "accepted" || status == "clarification" || status == "unsatisfactory";
}

std::string_view review_status_label_fr(std::string_view status) {
    if (status == "accepted") return "Accepté";
    if (status == "clarification") return "Précision demandée";
    if (status == "unsatisfactory") return "Insatisfaisant";
    return "Commentaire";
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
