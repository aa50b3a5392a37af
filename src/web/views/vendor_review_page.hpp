#pragma once
// GET /vendor/review: every visible required question left unanswered, grouped by section, each a
// link to /vendor/sections/{sid}#q-{qid}; progress; the submit form POST /vendor/submit (disabled
// with an explanation while something required is missing); if submitted, says so with the time.
#include <string>

#include "web/views/page_context.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

std::string render_vendor_review_page(const PageContext& context, const ResponseView& view);

}  // namespace cyberachat::web::views
