#pragma once
// Who may do what: the one rule every hospital page, API endpoint and export goes through
// (web/access_guard applies it to each route, from web/route_access_table). Pure: it knows the
// account's role, its role in the purchase concerned (if any) and the permission asked, nothing
// of HTTP or SQL. The matrix it implements is written out in docs/security.md, and a test walks
// that table against a running server (tests/http/access_matrix_test.cpp).
#include <optional>
#include <string_view>

#include "core/acquisition.hpp"
#include "core/purchase_role.hpp"

namespace cyberachat {

enum class Permission {
    // The instance
    list_purchases,   // the list shows only the purchases one belongs to (all of them to administrators)
    create_purchase,  // biomedical engineers; the creator becomes the purchase's lead
    read_questionnaire,  // the blank questionnaire, its workbook, PDF and flowcharts
    manage_accounts,  // accounts and their tokens (administrators)
    manage_instance,  // the instance's settings: the hospital's name, contact e-mail and logo (administrators)
    manage_questionnaires,  // add versions to the questionnaire library (administrators, biomedical engineers)
    own_account,      // "my account": my password, sessions and API tokens (every account)
    view_account_journal,  // what an account did and what was done to it (administrators; anyone: their own)
    // One purchase (and its vendors' responses, documents, reviews)
    view_purchase,      // the purchase page, its vendors' responses, documents, flowcharts, comparison
    edit_purchase,      // title, deadline, notes…; its life (open, close, archive), deadline extensions, vendors' details, withdrawals
    delete_purchase,    // delete a purchase with everything it holds (its lead)
    invite_vendor,
    manage_vendor_link,  // regenerate or revoke a vendor's secret link
    reopen_response,
    import_for_vendor,  // an Excel workbook imported on a vendor's behalf
    review,             // review an answer, ask the vendor for clarification
    give_opinion,       // the IT/security or biomedical opinion on a response
    set_weights,        // the purchase's scoring weights
    export_data,        // PDF reports, CSV, JSON, XLSX exports, the archive
    view_journal,       // the purchase's and its responses' journal
    view_members,
    manage_members,
};

std::string_view permission_name(Permission permission);  // "view_purchase", …

// allowed; forbidden: 403 (the caller knows the thing exists, e.g. an observer inviting a
// vendor); hidden: 404 (the purchase is not theirs: its existence is not revealed).
enum class Verdict { allowed, forbidden, hidden };
std::string_view verdict_name(Verdict verdict);  // "allowed", "forbidden", "hidden"

// `membership`: the account's role in the purchase concerned, nullopt when it is not a member
// (or when the permission concerns no purchase).
Verdict decide(Role account_role, std::optional<PurchaseRole> membership, Permission permission);

// A permission about one account (Scope::account): an administrator's, or the account's own.
Verdict decide_on_account(Role account_role, bool is_self, Permission permission);

// Whether the permission concerns one purchase (then the caller's membership decides).
bool concerns_a_purchase(Permission permission);

// The opinion slot a member writes (an IT/security or a biomedical opinion), from its purchase role.
std::optional<std::string_view> opinion_slot(PurchaseRole role);  // lead: "biomedical", it_reviewer: "it"

}  // namespace cyberachat
