#include "web/views/detail_list.hpp"

#include "web/views/answer_format.hpp"

namespace cyberachat::web::views {

void write_detail(html::HtmlWriter& w, std::string_view label, std::string_view value, Language language) {
    w.element("dt", label);
    w.open("dd");
    if (value.empty())
        write_unanswered(w, language);
    else
        w.text(value);
    w.close("dd");
}

}  // namespace cyberachat::web::views
