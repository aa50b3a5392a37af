#pragma once
// GET /vendor/reuse, GET and POST /vendor/reuse/{id} (issue 17): the vendor's company's earlier
// submitted responses to start from (purchase, device, date: what it already knew), then what one
// would carry over — the answers and documents to copy, those it has answered already (kept), and
// apart those that are not carried over (question gone, kind changed, value no longer accepted) —
// with one button, then what was done. Never anything of the hospital's evaluation.
#include <vector>

#include "core/answer_reuse.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

struct ReusePageView {
    std::string subject;                                    // the purchase's title
    const std::vector<EarlierResponse>* earlier = nullptr;  // the list
    const ReuseOutcome* outcome = nullptr;        // a preview (applied false) or its result
    bool submitted = false;
    std::string locked;                                     // why nothing can change now
    std::string error;
};

std::string render_reuse_page(const PageContext& context, const ReusePageView& view);

}  // namespace cyberachat::web::views
