#pragma once
// One entry of a <dl class="details">: the label, then the value or "Non renseigné" when empty.
#include <string_view>

#include "core/localized_text.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

void write_detail(html::HtmlWriter& w, std::string_view label, std::string_view value, Language language);

}  // namespace cyberachat::web::views
