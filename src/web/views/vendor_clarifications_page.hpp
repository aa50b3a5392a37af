#pragma once
// The vendor's page of clarifications: the questions the hospital asked about some answers after
// submission, each with a form to answer it (GET/POST /vendor/clarifications). Shows only the
// hospital's question, never its internal comments, scores or opinions.
#include <string>
#include <vector>

#include "core/evaluation_records.hpp"
#include "web/views/page_context.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

std::string render_vendor_clarifications_page(const PageContext& context, const ResponseView& view,
                                              const std::vector<OpenClarification>& clarifications);

}  // namespace cyberachat::web::views
