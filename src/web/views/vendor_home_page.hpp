#pragma once
// GET /vendor: the purchase (title, equipment, hospital reference, deadline), the response's status,
// the 4 parts with their progress and their visible sections as links (/vendor/sections/{sid}) marked
// complete/incomplete, the questionnaire's content texts "when_to_use" and "how_to" (in a <details>),
// a button to start/continue (first incomplete visible section) and a link to /vendor/review.
#include <cstddef>
#include <string>

#include "web/views/page_context.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

// With `open_clarifications` > 0, a notice at the top links to /vendor/clarifications.
// `earlier_responses`: how many of its company's earlier responses it may start from (a card then links to /vendor/reuse).
std::string render_vendor_home_page(const PageContext& context, const ResponseView& view, size_t open_clarifications = 0,
                                    size_t earlier_responses = 0);

}  // namespace cyberachat::web::views
