#pragma once
#include <string>

#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

// Login form: POST /login with fields email, password, _csrf. `error` shown above the form.
std::string render_login_page(const PageContext& context, const std::string& email, const std::string& error);

}  // namespace cyberachat::web::views
