#pragma once
// What every page needs to know about the request: language, who is there, the CSRF token.
#include <optional>
#include <string>
#include <vector>

#include "core/hospital_identity.hpp"
#include "core/localized_text.hpp"

namespace cyberachat::web::views {

// What the account may do on the purchase a hospital page shows (from its role in the team): the
// page shows only the buttons and forms it may use (the server refuses the others anyway).
struct PurchaseRights {
    bool edit = true;               // "Modifier l'achat", its life, deadlines, vendors' details and withdrawals
    bool invite = true;             // "Ajouter un fournisseur"
    bool manage_links = true;       // "Régénérer le lien", "Révoquer le lien"
    bool reopen = true;             // "Rouvrir"
    bool import_for_vendor = true;  // the Excel import on a vendor's behalf
    bool export_data = true;        // reports and exports
    bool view_members = true;       // the team page
    bool manage_members = true;
    bool delete_purchase = true;    // "Supprimer l'achat"
};

// One of the questionnaire's parts in the tabs above a vendor's pages (part_tabs.hpp).
struct PartTab {
    size_t number = 0;     // 1 to 4
    std::string name;      // the part's short title ("Dispositif"), in the page's language
    std::string href;      // its first section that applies, or its flowchart when none does
    bool current = false;  // the part of the page shown
};

struct PageContext {
    Language language = Language::fr;
    std::string title;               // page title (without the site name)
    std::string csrf_token;          // put in every form as hidden "_csrf" and in <meta name="csrf-token">
    std::optional<std::string> user_email;       // hospital user logged in
    std::string user_role_label;                 // "Ingénieur biomédical", …
    bool user_is_admin = false;                  // the header links to /admin/users and /admin/instance
    long long user_id = 0;                       // its account (its e-mail links to its journal)
    bool vendor = false;             // vendor pages: language switch, no hospital navigation
    std::string flash;               // one-time message shown at the top
    bool flash_is_error = false;
    std::string lock_notice;         // vendor pages: why the response cannot change now (deadline passed, closed…)
    std::string current_path;        // for the language switch "return to"
    PurchaseRights rights;           // hospital pages about one purchase
    HospitalIdentity hospital;       // vendor pages: the hospital that invites (its name, logo, contact)
    std::vector<PartTab> part_tabs;  // vendor pages: the four parts' tabs under the header (empty: none)
};

// Picks the text of the page's language: L(ctx.language, "Enregistrer", "Save").
inline const char* L(Language language, const char* fr, const char* en) {
    return in_language(language, fr, en);
}

}  // namespace cyberachat::web::views
