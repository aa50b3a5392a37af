#pragma once
// GET /account ("Mon compte"): change my password (POST /account/password: current_password,
// new_password, confirm_password; a directory account's password is "géré par l'annuaire"), my
// open sessions (this one marked; POST /account/sessions/end with `session` for the others), my
// API tokens (POST /account/tokens with name and days; the new one shown once; POST
// /account/tokens/{id}/revoke). Every form carries _csrf.
#include <optional>
#include <string>
#include <vector>

#include "core/acquisition.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct AccountSessionRow {
    std::string reference;
    std::string created_at, last_seen_at;
    bool current = false;
};

struct AccountTokenRow {
    Id id = 0;
    std::string name, created_at, expires_at;  // expires_at "" : never
};

struct AccountPageData {
    User user;
    std::vector<AccountSessionRow> sessions;
    std::vector<AccountTokenRow> tokens;
    std::optional<std::string> new_token;  // shown once, just after its creation
    std::string password_error;            // beside the password form
    std::string token_error;               // beside the token form
    std::string token_name;                // redisplayed after an error
    int token_days = 90;
};

std::string render_account_page(const PageContext& context, const AccountPageData& data);

}  // namespace cyberachat::web::views
