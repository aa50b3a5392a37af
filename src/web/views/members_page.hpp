#pragma once
// GET /acquisitions/{id}/members: a purchase's team (e-mail, name, purchase role, account origin,
// since when, added by) and, for those who manage it (the purchase's lead, administrators), a form
// to add an account by e-mail with a role, a role selector per member and "Retirer de l'équipe".
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "core/purchase_role.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct MembersView {
    Acquisition acquisition;
    std::vector<Member> members;
    bool can_manage = false;
    bool can_open_purchase = false;  // a link back to the purchase page (members, not administrators)
    std::string error;               // a refused change, shown above the form
    std::string email_value;         // the form's e-mail after a refused change
};

std::string render_members_page(const PageContext& context, const MembersView& view);

}  // namespace cyberachat::web::views
