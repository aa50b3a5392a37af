#pragma once
// GET /acquisitions/new and /acquisitions/{id}/edit: form POST to /acquisitions (new) or
// /acquisitions/{id} (edit) with fields title, title_en (optional), equipment, service, reference, deadline (type=date),
// notes (textarea), _csrf. `errors` maps a field name to its message (shown next to the field,
// aria-describedby), values are redisplayed.
#include <map>
#include <string>

#include "core/acquisition.hpp"
#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

std::string render_acquisition_form_page(const PageContext& context, const Acquisition& values,
                                         const std::map<std::string, std::string>& errors, bool is_new);

}  // namespace cyberachat::web::views
