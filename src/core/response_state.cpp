#include "core/response_state.hpp"

namespace cyberachat {

ResponseState response_state(const VendorResponse& response) {
    if (!response.withdrawn_at.empty()) return ResponseState::withdrawn;
    if (response.status == ResponseStatus::submitted)
        return response.submitted_late ? ResponseState::late : ResponseState::submitted;
    return response.reopened_at.empty() ? ResponseState::draft : ResponseState::reopened;
}

std::string_view response_state_name(ResponseState state) {
    switch (state) {
        case ResponseState::draft: return "draft";
        case ResponseState::reopened: return "reopened";
        case ResponseState::submitted: return "submitted";
        case ResponseState::late: return "late";
        case ResponseState::withdrawn: return "withdrawn";
    }
    return "draft";
}

std::string_view response_state_label(ResponseState state, Language language) {
    const bool en = language == Language::en;
    switch (state) {
        case ResponseState::draft: return en ? "Draft" : "Brouillon";
        case ResponseState::reopened: return en ? "Reopened" : "Rouverte";
        case ResponseState::submitted: return en ? "Submitted" : "Soumise";
        case ResponseState::late: return en ? "Submitted late" : "Soumise en retard";
        case ResponseState::withdrawn: return en ? "Withdrawn" : "Retirée";
    }
    return "";
}

bool is_submitted_state(ResponseState state) {
    return state == ResponseState::submitted || state == ResponseState::late;
}

}  // namespace cyberachat
