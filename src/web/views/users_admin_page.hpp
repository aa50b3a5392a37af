#pragma once
// GET /admin/users (administrators): the accounts (e-mail, name, role, origin, status, last
// login), each with its actions — POST /admin/users/{id}/role (role), /admin/users/{id}/active
// (active=0|1), /admin/users/{id}/reset-link (local accounts), /admin/users/{id}/delete
// (confirm=1) — and the creation form (POST /admin/users: email, display_name, role, then
// password=generated|link). A generated password or a reset link is shown once (`reveal`).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "web/views/page_context.hpp"
#include "web/views/secret_reveal.hpp"

namespace cyberachat::web::views {

struct AdminUserRow {
    User user;
    std::string last_login_at;  // "" : never
    bool self = false;          // the administrator looking at the page
};

struct UsersAdminPageData {
    std::vector<AdminUserRow> rows;
    std::optional<SecretReveal> reveal;
    std::map<std::string, std::string> errors;  // creation form: field → message
    std::map<std::string, std::string> values;  // creation form, redisplayed
};

std::string render_users_admin_page(const PageContext& context, const UsersAdminPageData& data);

}  // namespace cyberachat::web::views
