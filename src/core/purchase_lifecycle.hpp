#pragma once
// A purchase's life: draft (being prepared; no vendor link opens) → open (links work) → closed
// (every response frozen; evaluation, opinions and exports go on) → archived (read-only for
// everyone, out of the default list). The lead may also reopen a closed purchase (with a reason)
// and take one out of the archive (back to closed). Pure rules; the services apply them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.hpp"

namespace cyberachat {

enum class PurchaseStatus { draft, open, closed, archived };

std::string_view purchase_status_name(PurchaseStatus status);        // "draft", "open", "closed", "archived"
std::optional<PurchaseStatus> parse_purchase_status(std::string_view name);
// "En préparation", "Ouverte", "Clôturée", "Archivée" / "In preparation", "Open", "Closed", "Archived".
std::string_view purchase_status_label(PurchaseStatus status, Language language = Language::fr);

// One allowed move, named by its action as the API, the pages and the journal call it.
struct PurchaseTransition {
    std::string_view action;  // "open", "close", "reopen", "archive", "unarchive"
    PurchaseStatus from, to;
    bool reason_required = false;  // reopen
    std::string_view label_fr;     // the button: "Ouvrir la consultation", …
};

const std::vector<PurchaseTransition>& purchase_transitions();
// The move `action` from `from`; nullopt when it is not allowed from there (or unknown).
std::optional<PurchaseTransition> find_purchase_transition(PurchaseStatus from, std::string_view action);
// The moves allowed from a status, in the table's order (the buttons a purchase page shows).
std::vector<PurchaseTransition> transitions_from(PurchaseStatus from);

// Vendors may change their responses only in an open purchase; vendor links open in an open,
// closed or archived one (to read), never in a draft.
inline bool accepts_vendor_changes(PurchaseStatus status) { return status == PurchaseStatus::open; }
inline bool opens_vendor_links(PurchaseStatus status) { return status != PurchaseStatus::draft; }

}  // namespace cyberachat
