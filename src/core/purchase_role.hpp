#pragma once
// A hospital account's role in one purchase (its team): the biomedical engineer who runs it, the
// IT/security reviewer, the buyer, or an observer who only reads. An account sees only the
// purchases it belongs to; administrators manage teams and accounts but belong to none.
#include <optional>
#include <string_view>
#include <vector>

#include "core/acquisition.hpp"

namespace cyberachat {

enum class PurchaseRole { lead, it_reviewer, buyer, observer };

std::string_view purchase_role_name(PurchaseRole role);  // "lead", "it_reviewer", "buyer", "observer"
std::optional<PurchaseRole> parse_purchase_role(std::string_view name);
std::string_view purchase_role_label_fr(PurchaseRole role);  // "Pilote (ingénieur biomédical)", …
const std::vector<PurchaseRole>& all_purchase_roles();

// The purchase role an account gets when added without one: its account role's (biomedical
// engineer: lead, IT: reviewer, buyer: buyer). nullopt for an administrator (never a member).
std::optional<PurchaseRole> default_purchase_role(Role account_role);

// One member of a purchase's team.
struct Member {
    Id acquisition_id = 0;
    User user;
    PurchaseRole role = PurchaseRole::observer;
    std::string added_at;
    std::string added_by;  // actor: "user:<email>", "system:cli", …
};

}  // namespace cyberachat
