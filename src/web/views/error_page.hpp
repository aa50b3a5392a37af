#pragma once
// A full error page (4xx/5xx) in the context's language: the status, its heading, the message, and
// a way back (the questionnaire, the purchases or the sign-in).
#include <string>
#include <string_view>

#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

std::string render_error_page(const PageContext& context, int status, std::string_view message);

}  // namespace cyberachat::web::views
