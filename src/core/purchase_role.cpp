#include "core/purchase_role.hpp"

namespace cyberachat {

std::string_view purchase_role_name(PurchaseRole role) {
    switch (role) {
        case PurchaseRole::lead: return "lead";
        case PurchaseRole::it_reviewer: return "it_reviewer";
        case PurchaseRole::buyer: return "buyer";
        case PurchaseRole::observer: return "observer";
    }
    return "observer";
}

const std::vector<PurchaseRole>& all_purchase_roles() {
    static const std::vector<PurchaseRole> roles = {PurchaseRole::lead, PurchaseRole::it_reviewer, PurchaseRole::buyer,
                                                    PurchaseRole::observer};
    return roles;
}

std::optional<PurchaseRole> parse_purchase_role(std::string_view name) {
    for (PurchaseRole role : all_purchase_roles())
        if (purchase_role_name(role) == name) return role;
    return std::nullopt;
}

std::string_view purchase_role_label_fr(PurchaseRole role) {
    switch (role) {
        case PurchaseRole::lead: return "Pilote (ingénieur biomédical)";
        case PurchaseRole::it_reviewer: return "Relecteur DSI / RSSI";
        case PurchaseRole::buyer: return "Acheteur";
        case PurchaseRole::observer: return "Observateur (lecture seule)";
    }
    return "Observateur (lecture seule)";
}

std::optional<PurchaseRole> default_purchase_role(Role account_role) {
    switch (account_role) {
        case Role::biomedical: return PurchaseRole::lead;
        case Role::it: return PurchaseRole::it_reviewer;
        case Role::buyer: return PurchaseRole::buyer;
        case Role::admin: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace cyberachat
