#include "core/purchase_lifecycle.hpp"

namespace cyberachat {

std::string_view purchase_status_name(PurchaseStatus status) {
    switch (status) {
        case PurchaseStatus::draft: return "draft";
        case PurchaseStatus::open: return "open";
        case PurchaseStatus::closed: return "closed";
        case PurchaseStatus::archived: return "archived";
    }
    return "open";
}

std::optional<PurchaseStatus> parse_purchase_status(std::string_view name) {
    for (PurchaseStatus status :
         {PurchaseStatus::draft, PurchaseStatus::open, PurchaseStatus::closed, PurchaseStatus::archived})
        if (purchase_status_name(status) == name) return status;
    return std::nullopt;
}

std::string_view purchase_status_label(PurchaseStatus status, Language language) {
    const bool en = language == Language::en;
    switch (status) {
        case PurchaseStatus::draft: return en ? "In preparation" : "En préparation";
        case PurchaseStatus::open: return en ? "Open" : "Ouverte";
        case PurchaseStatus::closed: return en ? "Closed" : "Clôturée";
        case PurchaseStatus::archived: return en ? "Archived" : "Archivée";
    }
    return "";
}

const std::vector<PurchaseTransition>& purchase_transitions() {
    using S = PurchaseStatus;
    static const std::vector<PurchaseTransition> transitions = {
        {"open", S::draft, S::open, false, "Ouvrir la consultation"},
        {"close", S::open, S::closed, false, "Clôturer la consultation"},
        {"reopen", S::closed, S::open, true, "Rouvrir la consultation"},
        {"archive", S::closed, S::archived, false, "Archiver"},
        {"unarchive", S::archived, S::closed, false, "Sortir des archives"},
    };
    return transitions;
}

std::optional<PurchaseTransition> find_purchase_transition(PurchaseStatus from, std::string_view action) {
    for (const auto& transition : purchase_transitions())
        if (transition.from == from && transition.action == action) return transition;
    return std::nullopt;
}

std::vector<PurchaseTransition> transitions_from(PurchaseStatus from) {
    std::vector<PurchaseTransition> out;
    for (const auto& transition : purchase_transitions())
        if (transition.from == from) out.push_back(transition);
    return out;
}

}  // namespace cyberachat
