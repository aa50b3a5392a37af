#pragma once
// GET /reset-password/{token}: choose a new password (POST to the same address: new_password,
// confirm_password, _csrf: a double-submit cookie as on the login form). `error` shown above the form.
#include <string>

#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

std::string render_reset_password_page(const PageContext& context, const std::string& email, const std::string& token,
                                       const std::string& error);

}  // namespace cyberachat::web::views
