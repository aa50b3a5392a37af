#include "core/access_policy.hpp"

namespace cyberachat {

std::string_view permission_name(Permission permission) {
    switch (permission) {
        case Permission::list_purchases: return "list_purchases";
        case Permission::create_purchase: return "create_purchase";
        case Permission::read_questionnaire: return "read_questionnaire";
        case Permission::manage_accounts: return "manage_accounts";
        case Permission::manage_instance: return "manage_instance";
        case Permission::manage_questionnaires: return "manage_questionnaires";
        case Permission::own_account: return "own_account";
        case Permission::view_account_journal: return "view_account_journal";
        case Permission::view_purchase: return "view_purchase";
        case Permission::edit_purchase: return "edit_purchase";
        case Permission::delete_purchase: return "delete_purchase";
        case Permission::invite_vendor: return "invite_vendor";
        case Permission::manage_vendor_link: return "manage_vendor_link";
        case Permission::reopen_response: return "reopen_response";
        case Permission::import_for_vendor: return "import_for_vendor";
        case Permission::review: return "review";
        case Permission::give_opinion: return "give_opinion";
        case Permission::set_weights: return "set_weights";
        case Permission::export_data: return "export_data";
        case Permission::view_journal: return "view_journal";
        case Permission::view_members: return "view_members";
        case Permission::manage_members: return "manage_members";
    }
    return "?";
}

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::allowed: return "allowed";
        case Verdict::forbidden: return "forbidden";
        case Verdict::hidden: return "hidden";
    }
    return "?";
}

bool concerns_a_purchase(Permission permission) {
    switch (permission) {
        case Permission::list_purchases:
        case Permission::create_purchase:
        case Permission::read_questionnaire:
        case Permission::manage_accounts:
        case Permission::manage_instance:
        case Permission::manage_questionnaires:
        case Permission::own_account:
        case Permission::view_account_journal: return false;
        default: return true;
    }
}

namespace {

bool member_may(PurchaseRole role, Permission permission) {
    switch (role) {
        case PurchaseRole::lead: return true;
        case PurchaseRole::it_reviewer:
            return permission == Permission::view_purchase || permission == Permission::review ||
                   permission == Permission::give_opinion || permission == Permission::set_weights ||
                   permission == Permission::export_data ||
                   permission == Permission::view_journal || permission == Permission::view_members;
        case PurchaseRole::buyer:
            return permission == Permission::view_purchase || permission == Permission::export_data ||
                   permission == Permission::view_journal || permission == Permission::view_members;
        case PurchaseRole::observer:
            return permission == Permission::view_purchase || permission == Permission::view_members;
    }
    return false;
}

}  // namespace

Verdict decide(Role account_role, std::optional<PurchaseRole> membership, Permission permission) {
    if (!concerns_a_purchase(permission)) {
        switch (permission) {
            case Permission::list_purchases:
            case Permission::read_questionnaire:
            case Permission::own_account: return Verdict::allowed;
            case Permission::create_purchase:
                return account_role == Role::biomedical ? Verdict::allowed : Verdict::forbidden;
            case Permission::manage_accounts:
            case Permission::manage_instance:
                return account_role == Role::admin ? Verdict::allowed : Verdict::forbidden;
            case Permission::manage_questionnaires:
                return account_role == Role::admin || account_role == Role::biomedical ? Verdict::allowed
                                                                                        : Verdict::forbidden;
            default: return Verdict::forbidden;
        }
    }
    // Administrators manage a purchase's team; they neither read nor judge the vendors' answers
    // (separate accounts for administration and for use). Their own actions are in their journal.
    if (account_role == Role::admin) {
        const bool administers = permission == Permission::view_members || permission == Permission::manage_members;
        return administers ? Verdict::allowed : Verdict::forbidden;
    }
    if (!membership) return Verdict::hidden;
    return member_may(*membership, permission) ? Verdict::allowed : Verdict::forbidden;
}

Verdict decide_on_account(Role account_role, bool is_self, Permission permission) {
    if (permission != Permission::view_account_journal) return decide(account_role, std::nullopt, permission);
    return account_role == Role::admin || is_self ? Verdict::allowed : Verdict::forbidden;
}

std::optional<std::string_view> opinion_slot(PurchaseRole role) {
    switch (role) {
        case PurchaseRole::lead: return "biomedical";
        case PurchaseRole::it_reviewer: return "it";
        default: return std::nullopt;
    }
}

}  // namespace cyberachat
